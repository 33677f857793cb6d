"""Quick exit, keyboard use and the narrow layout, as a visitor meets them."""

import pytest

from tests.browser.conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def content_url(language="nl", key="what-is-trafficking"):
    from wegwijzer.knowledge.models import Page

    return Page.objects.get(key=key, language=language).get_absolute_url()


def test_quick_exit_click_leaves_and_back_does_not_return(site, page_factory, settings):
    page = page_factory()
    page.goto(site + "/nl/")
    article = site + content_url()
    page.goto(article)
    page.click("[data-quick-exit]")
    page.wait_for_url(settings.QUICK_EXIT_URL + "**")
    page.go_back()
    assert page.url != article, "Back must not return to the page that was left"


def test_quick_exit_blanks_the_page_before_it_leaves(site, page_factory, settings):
    page = page_factory()
    page.goto(site + content_url())
    # A "204 No Content" answer cancels the navigation, so the page being left stays
    # in place and what it shows at the moment of leaving can be looked at.
    page.unroute(settings.QUICK_EXIT_URL + "**")
    page.route(settings.QUICK_EXIT_URL + "**", lambda route: route.fulfill(status=204))
    page.click("[data-quick-exit]")
    page.wait_for_function("document.body.innerHTML === '' && document.title === ''")


def test_three_shift_presses_leave_the_site(site, page_factory, settings):
    page = page_factory()
    page.goto(site + content_url("en"))
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(settings.QUICK_EXIT_URL + "**")


def test_quick_exit_stays_in_view_while_scrolling(site, page_factory):
    page = page_factory(viewport={"width": 1024, "height": 600})
    page.goto(site + content_url(key="faq"))
    page.mouse.wheel(0, 5000)
    page.wait_for_function("window.scrollY > 1000")
    box = page.locator("[data-quick-exit]").bounding_box()
    assert box is not None and 0 <= box["y"] < 100
    screenshot(page, "quick_exit_scrolled")


def test_without_javascript_quick_exit_is_a_plain_link(site, page_factory, settings):
    page = page_factory(java_script_enabled=False)
    page.goto(site + content_url())
    page.click("[data-quick-exit]")
    page.wait_for_url(settings.QUICK_EXIT_URL + "**")


def test_keyboard_reaches_skip_link_quick_exit_and_search(site, page_factory):
    page = page_factory()
    page.goto(site + content_url())
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.quickExit") == ""
    page.locator("#search-q").focus()
    page.keyboard.type("uitgebuit")
    page.keyboard.press("Enter")
    page.wait_for_url("**/nl/zoeken/?q=uitgebuit")
    assert page.locator("ol.results li").count() > 0
    screenshot(page, "search_by_keyboard")


def test_skip_link_moves_focus_to_the_main_content(site, page_factory):
    page = page_factory()
    page.goto(site + content_url())
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_layout_works_at_320_pixels(site, page_factory, language):
    page = page_factory(viewport={"width": 320, "height": 640})
    for key in ("facts-and-figures", "trafficking-vs-smuggling"):
        page.goto(site + content_url(language, key))
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{key} ({language}) scrolls sideways by {overflow}px"
        assert page.locator("[data-quick-exit]").is_visible()
        screenshot(page, f"narrow_{language}_{key}")
