"""axe-core (WCAG 2.1 A and AA) reports nothing on any public page, in either language."""

import json

import pytest

from tests.browser.conftest import screenshot, violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def public_paths():
    from wegwijzer.knowledge.models import Page

    paths = ["/nl/", "/en/", "/nl/zoeken/?q=uitgebuit", "/en/search/?q=exploited", "/nl/zoeken/?q="]
    paths += ["/nl/kennis/bestaat-niet/", "/en/knowledge/no-such-page/"]
    paths += ["/nl/signalen-checken/", "/en/check-signals/"]
    paths += [
        "/nl/meldcode/",
        "/en/reporting-code/",
        "/nl/meldcode/afwegen/",
        "/en/reporting-code/weigh/",
    ]
    paths += [f"/nl/meldcode/stap-{n}/" for n in range(1, 6)]
    paths += [f"/en/reporting-code/step-{n}/" for n in range(1, 6)]
    return paths + [page.get_absolute_url() for page in Page.objects.order_by("language", "order")]


def test_axe_finds_no_violations_on_any_public_page(site, page_factory):
    # axe is injected as a script, which the site's own CSP rightly forbids: bypass it here.
    page = page_factory(bypass_csp=True)
    found = {}
    paths = public_paths()
    assert len(paths) >= 20
    for path in paths:
        page.goto(site + path)
        problems = violations(page)
        if problems:
            found[path] = problems
        name = path.strip("/").replace("/", "_").replace("?q=", "_q_") or "root"
        screenshot(page, f"axe_{name}")
    assert not found, json.dumps(found, indent=2)


@pytest.mark.parametrize(
    ("path", "age"), [("/nl/signalen-checken/", "16"), ("/en/check-signals/", "34")]
)
def test_axe_finds_no_violations_on_the_checker_result(site, page_factory, path, age):
    page = page_factory(bypass_csp=True)
    page.goto(site + path)
    page.fill("#id_age", age)
    page.locator("summary").first.click()
    for signal in ("older-boyfriend", "expensive-gifts", "documents-confiscated", "debt-bondage"):
        checkbox = page.locator(f"input[value='{signal}']")
        checkbox.evaluate("box => box.closest('details').open = true")
        checkbox.check()
    page.get_by_role(
        "button", name="Toon de aanwijzing" if "/nl/" in path else "Show the indication"
    ).click()
    page.wait_for_selector(".form-result")
    screenshot(page, f"checker_result_{age}")
    assert violations(page) == []
