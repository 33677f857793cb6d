"""A professional weighs a situation with the keyboard alone and finds where to report."""

import pytest

from tests.browser.conftest import screenshot, violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_weighing_by_keyboard_ends_at_the_regions_reporting_point(site, page_factory):
    page = page_factory(bypass_csp=True)
    page.goto(site + "/nl/meldcode/afwegen/")
    page.get_by_label("Ja", exact=True).check()
    page.keyboard.press("Enter")
    page.get_by_label("Ja, structurele onveiligheid").wait_for()
    page.get_by_label("Ja, structurele onveiligheid").check()
    page.keyboard.press("Enter")
    page.locator("#id_place").wait_for()
    page.fill("#id_place", "Den Helder")
    page.keyboard.press("Enter")
    page.get_by_text("HVO-Querido").wait_for()
    assert "Voor Den Helder" in page.locator("main").inner_text()
    screenshot(page, "meldcode_weighing_den_helder")
    assert violations(page) == []
