"""The in-app cache of rendered public pages serves only what is the same for everyone."""

import pytest
from django.core.cache import cache

from wegwijzer.knowledge.models import Page

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 60
    cache.clear()
    yield
    cache.clear()


def test_a_public_page_is_rendered_once_and_then_served_from_cache(client, content, page_cache):
    page = Page.objects.get(key="faq", language="nl")
    first = client.get(page.get_absolute_url())
    Page.objects.filter(pk=page.pk).update(title="Gewijzigd")
    second = client.get(page.get_absolute_url())
    assert second.content == first.content
    assert second["Cache-Control"] == "no-store"
    assert "Content-Security-Policy" in second


def test_search_and_visitors_with_cookies_are_never_served_from_cache(client, content, page_cache):
    page = Page.objects.get(key="faq", language="nl")
    client.get(page.get_absolute_url())
    Page.objects.filter(pk=page.pk).update(title="Gewijzigd")
    client.cookies["sessionid"] = "x"
    assert "Gewijzigd" in client.get(page.get_absolute_url()).content.decode()
    assert client.get("/nl/zoeken/", {"q": "dwang"}).status_code == 200
    assert cache.get("public-page:/nl/zoeken/") is None


def test_loading_new_content_empties_the_cache(
    client, content, page_cache, django_capture_on_commit_callbacks
):
    from wegwijzer.knowledge.services import load_content

    page = Page.objects.get(key="faq", language="nl")
    client.get(page.get_absolute_url())
    with django_capture_on_commit_callbacks(execute=True):
        load_content(force=True)
    assert cache.get(f"public-page:{page.get_absolute_url()}") is None


def test_a_404_is_not_cached(client, content, page_cache):
    assert client.get("/nl/kennis/bestaat-niet/").status_code == 404
    assert cache.get("public-page:/nl/kennis/bestaat-niet/") is None
