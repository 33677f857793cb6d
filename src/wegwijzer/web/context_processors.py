from django.conf import settings
from django.core.cache import cache
from django.urls import reverse, translate_url
from django.utils.translation import get_language

from wegwijzer.knowledge.models import Page


def site(request):
    """Quick-exit target and the language switch for every page.

    A view that knows its own twin page in another language (content pages have
    other slugs per language) sets `request.alternate_urls`; other pages are
    translated through their URL pattern.
    """
    current = get_language()
    alternates = getattr(request, "alternate_urls", None)
    switch = []
    for code, _name in settings.LANGUAGES:
        if code == current:
            continue
        if alternates is not None:
            url = alternates.get(code, f"/{code}/")
        else:
            url = translate_url(request.get_full_path(), code)
        switch.append({"code": code, "name": LANGUAGE_NAMES[code], "url": url})
    return {
        "quick_exit_url": settings.QUICK_EXIT_URL,
        "language_switch": switch,
        "safe_browsing_url": _page_url(SAFE_BROWSING_KEY, current),
    }


SAFE_BROWSING_KEY = "safe-browsing"


def _page_url(key: str, language: str) -> str:
    # Asked on every page; loading new content empties the cache (knowledge.services).
    cache_key = f"page-url:{key}:{language}"
    url = cache.get(cache_key)
    if url is None:
        page = Page.objects.filter(key=key, language=language).only("slug", "language").first()
        url = page.get_absolute_url() if page else reverse("home")
        cache.set(cache_key, url, 3600)
    return url


# Each language's name in that language, so a visitor who does not read the
# current page can still find their own.
LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English"}
