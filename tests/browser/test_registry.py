"""A signaller's first day, in a real browser: log in, enrol the authenticator, register
(a mistake first), see the registration; axe checks every page on the way."""

import json

import pytest
from django_otp.oath import totp

from tests.browser.conftest import screenshot, violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def signaller(site):
    from wegwijzer.accounts.constants import Role
    from wegwijzer.accounts.tests import factories

    return factories.user(Role.SIGNALLER, factories.organisation())


def current_code(user) -> str:
    device = user.totpdevice_set.get()
    return f"{totp(device.bin_key):06d}"


def check(page, name, found):
    problems = violations(page)
    if problems:
        found[name] = problems
    screenshot(page, f"registry_{name}")


def test_a_signaller_logs_in_enrols_and_registers(site, page_factory, signaller):
    from wegwijzer.accounts.tests.factories import PASSWORD
    from wegwijzer.registry.models import Registration

    page = page_factory(bypass_csp=True)
    found = {}
    page.goto(site + "/nl/registratie/")
    assert "/nl/account/inloggen/" in page.url
    check(page, "login", found)
    page.get_by_label("Gebruikersnaam").fill(signaller.username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()

    assert page.get_by_role("heading", name="Stel je authenticator-app in").is_visible()
    assert page.get_by_role(
        "img", name="QR-code met de sleutel voor je authenticator-app"
    ).is_visible()
    check(page, "enrol", found)
    page.get_by_label("Zescijferige code uit je authenticator-app").fill(current_code(signaller))
    page.get_by_role("button", name="Bevestigen").click()

    assert page.get_by_role("heading", name="Registraties").is_visible()
    check(page, "list_empty", found)
    page.get_by_role("link", name="Nieuwe registratie").click()
    check(page, "new", found)
    page.get_by_label("Registratiedatum").fill("2999-01-01")
    page.get_by_label("Geslacht").select_option("female")
    page.get_by_label("Seksuele uitbuiting").check()
    page.get_by_role("button", name="Registratie opslaan").click()

    assert page.get_by_role("alert").is_visible()
    assert page.get_by_text("De registratiedatum ligt in de toekomst.").is_visible()
    assert page.get_by_label("Seksuele uitbuiting").is_checked()  # nothing typed is lost
    check(page, "new_with_errors", found)
    page.get_by_label("Registratiedatum").fill("2025-03-14")
    page.get_by_role("button", name="Registratie opslaan").click()

    assert page.get_by_text("De registratie is opgeslagen.").is_visible()
    check(page, "detail", found)
    assert Registration.objects.get().tier == "notice"
    page.get_by_role("link", name="Bestand importeren").click()
    check(page, "import", found)
    assert not found, json.dumps(found, indent=2)


@pytest.mark.parametrize("path", ["/nl/cijfers/", "/en/figures/"])
def test_the_figures_pages_pass_axe(site, page_factory, path):
    from wegwijzer.registry import demo

    demo.load(years=range(2023, 2026), persons_per_year=200, seed=5)
    page = page_factory(bypass_csp=True)
    page.goto(site + path)
    for summary in page.locator("summary").all():
        summary.click()  # open every data table, so axe checks them too
    problems = violations(page)
    screenshot(page, "figures_" + path.strip("/").replace("/", "_"))
    assert not problems, json.dumps(problems, indent=2)
