from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wegwijzer.knowledge import selectors

QUERY_NOTICES = {
    "empty": _("Type one or more words to search for."),
    "truncated": _("Your search was long, so only its first 200 characters were used."),
    "too_many_terms": _("Only the first 8 words of your search were used."),
    "only_common_words": _(
        "Your search holds only very common words or symbols. Try a more specific word."
    ),
}


def page_detail(request, slug):
    page = selectors.page_by_slug(get_language(), slug)
    request.alternate_urls = selectors.twin_urls(page)
    return render(request, "knowledge/page.html", {"page": page})


def search(request):
    raw = request.GET.get("q", "")
    outcome = selectors.search(raw, get_language())
    notices = [QUERY_NOTICES[code] for code in outcome.query.notices]
    return render(
        request,
        "knowledge/search.html",
        {"raw_query": outcome.query.text, "outcome": outcome, "notices": notices},
    )
