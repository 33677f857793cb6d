from django.shortcuts import render
from django.utils.translation import get_language

from wegwijzer.knowledge import selectors


def home(request):
    pages = selectors.pages_for_language(get_language())
    return render(request, "web/home.html", {"pages": pages})


def page_not_found(request, exception=None):
    """A 404 in the visitor's language, with a way on: search and the list of pages."""
    pages = selectors.pages_for_language(get_language())
    return render(request, "web/404.html", {"pages": pages}, status=404)
