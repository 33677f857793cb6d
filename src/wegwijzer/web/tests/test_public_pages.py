"""Every public page, in both languages, as an anonymous visitor gets it."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

from wegwijzer.knowledge.models import Page

pytestmark = pytest.mark.django_db

PAGE_WEIGHT_LIMIT = 100 * 1024  # HTML + CSS + JS of one content page


def public_urls():
    urls = ["/nl/", "/en/", "/nl/zoeken/?q=dwang", "/en/search/?q=coercion", "/nl/zoeken/"]
    return urls + [page.get_absolute_url() for page in Page.objects.all()]


def test_every_public_page_answers_without_cookies_and_with_privacy_headers(client, content):
    for url in public_urls():
        response = client.get(url)
        assert response.status_code == 200, url
        assert not response.cookies, url
        assert response["Cache-Control"] == "no-store", url
        assert response["Referrer-Policy"] == "same-origin", url
        policy = response["Content-Security-Policy"]
        assert "default-src 'none'" in policy and "script-src 'self'" in policy, url
        assert "unsafe-inline" not in policy


def test_every_page_carries_the_quick_exit_as_a_plain_link(client, content):
    for url in public_urls():
        html = client.get(url).content.decode()
        link = re.search(r'<a class="quick-exit__button" href="([^"]+)" rel="([^"]+)"', html)
        assert link, url
        assert link.group(1) == settings.QUICK_EXIT_URL
        assert "noreferrer" in link.group(2)


def test_nothing_is_loaded_from_another_site(client, content):
    for url in public_urls():
        html = client.get(url).content.decode()
        for attribute in re.findall(r'(?:src|href)="([^"]+)"', html):
            if attribute in {settings.QUICK_EXIT_URL}:
                continue
            assert not attribute.startswith(("http:", "https:", "//")), (url, attribute)


def test_lang_attribute_and_language_switch_point_to_the_twin(client, content):
    dutch = Page.objects.get(key="faq", language="nl")
    english = Page.objects.get(key="faq", language="en")
    html = client.get(dutch.get_absolute_url()).content.decode()
    assert '<html lang="nl">' in html
    assert f'href="{english.get_absolute_url()}" hreflang="en" lang="en"' in html
    html = client.get(english.get_absolute_url()).content.decode()
    assert '<html lang="en">' in html
    assert f'href="{dutch.get_absolute_url()}" hreflang="nl" lang="nl"' in html


def test_a_content_page_names_its_sources_and_checked_date(client, content):
    page = Page.objects.get(key="facts-and-figures", language="nl")
    html = client.get(page.get_absolute_url()).content.decode()
    assert "Bronnen" in html
    for source in page.sources.all():
        assert source.organisation.replace("&", "&amp;") in html or source.organisation in html
    assert f'datetime="{page.checked:%Y-%m-%d}"' in html


def test_the_root_sends_the_visitor_to_a_language(client, content):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    assert response["Location"] == "/en/"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/nl/kennis/bestaat-niet/", "Pagina niet gevonden"),
        ("/en/knowledge/no-such-page/", "Page not found"),
    ],
)
def test_unknown_pages_get_a_helpful_404_in_the_visitors_language(client, content, url, expected):
    response = client.get(url)
    assert response.status_code == 404
    html = response.content.decode()
    assert expected in html
    assert 'role="search"' in html
    assert html.count('class="quick-exit__button"') == 1


def test_search_page_explains_odd_input_and_never_fails(client, content):
    cases = {
        "": "Typ een of meer woorden",
        "de het een": "alleen veelvoorkomende woorden",
        "dwang " * 2000: "eerste 200 tekens",
        "'; DROP TABLE knowledge_page; --": "resultaten",
    }
    for query, expected in cases.items():
        response = client.get("/nl/zoeken/", {"q": query})
        assert response.status_code == 200
        assert expected in response.content.decode(), query
    assert Page.objects.exists()


def test_search_shows_the_passage_with_the_match_marked(client, content):
    html = client.get("/nl/zoeken/", {"q": "uitgebuit"}).content.decode()
    assert "<mark>" in html
    assert re.search(r"<mark>[Uu]itbuiting</mark>", html)


def test_a_content_page_weighs_under_100_kb_with_its_css_and_js(client, content):
    for page in Page.objects.all():
        html = client.get(page.get_absolute_url()).content
        assets = [finders.find("wegwijzer/site.css"), finders.find("wegwijzer/quick-exit.js")]
        total = len(html) + sum(Path(path).stat().st_size for path in assets)
        assert total < PAGE_WEIGHT_LIMIT, (page.key, page.language, total)


def test_an_address_outside_both_languages_gets_a_404_in_the_browsers_language(client, content):
    response = client.get("/onbekend/adres/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert '<html lang="en">' in response.content.decode()
