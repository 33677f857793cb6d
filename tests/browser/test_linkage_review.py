"""A registrar reviews the linkage in a real browser: the queue, one pair, the merge, the
person; axe checks every page on the way, in Dutch and English."""

import json

import pytest
from django.test import Client

from tests.browser.conftest import screenshot, violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def linked_registry(site):
    from wegwijzer.linkage import services
    from wegwijzer.linkage.synthetic import generate
    from wegwijzer.linkage.tests.test_registry_linkage import register_synthetic

    register_synthetic(generate(500, seed=3))
    services.run()
    return services.pending_reviews().count()


def logged_in_registrar(page_factory, site):
    """A browser page with the session of a registrar who passed the second factor."""
    from wegwijzer.accounts.constants import Role
    from wegwijzer.accounts.tests import factories

    client = factories.log_in(Client(), factories.user(Role.REGISTRAR))
    page = page_factory(bypass_csp=True)
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": site}])
    return page


def test_a_registrar_merges_an_uncertain_pair(site, page_factory, linked_registry):
    from wegwijzer.linkage.models import Decision

    assert linked_registry > 0
    page = logged_in_registrar(page_factory, site)
    found = {}

    def check(name):
        problems = violations(page)
        if problems:
            found[name] = problems
        screenshot(page, f"linkage_{name}")

    page.goto(site + "/nl/koppelen/")
    assert page.get_by_role("heading", name="Koppelingen beoordelen").is_visible()
    check("queue")
    page.get_by_role("link", name="Beoordelen paar 1", exact=True).click()
    assert page.get_by_role("heading", name="Is dit één persoon?").is_visible()
    assert page.get_by_role("rowheader", name="Koppelgewicht").is_visible()
    check("pair")
    page.get_by_role("button", name="Dezelfde persoon (samenvoegen)").click()
    assert page.get_by_text("Uw besluit is vastgelegd").is_visible()
    assert Decision.objects.filter(verdict="same", withdrawn_at=None).count() == 1
    page.get_by_role("link", name="Bekijk de persoon").click()
    check("person")
    page.goto(site + "/en/linkage/")
    assert page.get_by_role("heading", name="Linkage review").is_visible()
    check("queue_en")
    assert not found, json.dumps(found, indent=2)
