"""Three professionals use the checker, as in the issue, in real Chromium without shortcuts."""

import pytest

from tests.browser.conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def tick(page, *signals):
    for signal in signals:
        box = page.locator(f"input[value='{signal}']")
        group = box.locator("xpath=ancestor::details")
        if group.get_attribute("open") is None:
            group.locator("summary").click()
        box.check()


def test_youth_worker_in_den_helder_sees_sexual_exploitation_and_her_regions_contacts(
    site, page_factory
):
    page = page_factory()
    page.goto(site + "/nl/signalen-checken/")
    page.fill("#id_age", "16")
    page.fill("#id_place", "Den Helder")
    page.select_option("#id_setting", "care")
    tick(
        page,
        "older-boyfriend",
        "expensive-gifts",
        "truancy-or-falling-grades",
        "new-or-extra-phones",
    )
    page.get_by_role("button", name="Toon de aanwijzing").click()
    main = page.locator("main")
    main.get_by_text("Seksuele uitbuiting: ernstige aanwijzing").wait_for()
    text = main.inner_text()
    assert "hoeft geen dwang te worden aangetoond" in text
    assert "Volgende stap: overleg (stap 2 van de meldcode)" in text
    assert "Veilig Thuis Noord-Holland Noord" in text
    assert "HVO-Querido" in text
    assert "Chat met Fier" in text
    screenshot(page, "story_youth_worker_den_helder")


def test_seasonal_worker_with_passport_held_and_a_debt_gets_labour_exploitation(site, page_factory):
    page = page_factory()
    page.goto(site + "/en/check-signals/")
    page.fill("#id_age", "34")
    page.select_option("#id_residence", "eu")
    page.select_option("#id_setting", "workplace")
    tick(page, "documents-confiscated", "debt-bondage", "recruited-by-arranger")
    page.get_by_role("button", name="Show the indication").click()
    main = page.locator("main")
    main.get_by_text("Labour exploitation: serious indication").wait_for()
    text = main.inner_text()
    assert "Not yet seen: purpose (exploitation)" in text
    assert "CoMensha" in text  # a foreign national: B8/3 rights
    screenshot(page, "story_seasonal_worker")


def test_a_person_who_paid_to_cross_and_works_freely_is_pointed_to_smuggling(site, page_factory):
    page = page_factory()
    page.goto(site + "/en/check-signals/")
    page.fill("#id_age", "29")
    page.select_option("#id_residence", "undocumented")
    tick(page, "paid-smuggler", "free-after-arrival", "owes-nothing-to-transporter")
    page.get_by_role("button", name="Show the indication").click()
    main = page.locator("main")
    main.get_by_text("This may be smuggling rather than trafficking").wait_for()
    assert "serious indication" not in main.inner_text()
    screenshot(page, "story_smuggling")
