"""The analyst's estimation page, fed by the registry."""

import pytest
from django.urls import reverse

from wegwijzer.accounts.constants import Role
from wegwijzer.accounts.tests import factories as accounts
from wegwijzer.registry import demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry():
    demo.load(years=range(2024, 2026), persons_per_year=400, seed=11)


def test_an_analyst_gets_an_estimate_above_the_persons_on_the_lists(client, registry):
    accounts.log_in(client, accounts.user(Role.ANALYST))
    response = client.get(
        reverse("estimation:page"),
        {"year": 2025, "method": "stepwise-sparse", "strata": "none", "bootstrap": 0,
         "list_police": "A", "list_kmar": "B", "list_labour_inspectorate": "C",
         "list_care": "D", "list_municipality": "E", "list_other": "E"},
    )  # fmt: skip
    assert response.status_code == 200
    answer = response.context["answer"]
    assert answer["estimate"] >= answer["observed"] > 0
    assert response.context["notices"] > 0  # notices are reported beside the estimate
    assert 'role="img"' in response.content.decode()


def test_one_list_only_is_refused_with_a_reason_not_a_number(client, registry):
    accounts.log_in(client, accounts.user(Role.ANALYST))
    response = client.get(
        reverse("estimation:page"),
        {"year": 2025, "method": "stepwise-sparse", "strata": "none", "bootstrap": 0,
         "list_police": "A"},
    )  # fmt: skip
    assert response.context.get("answer") is None
    assert response.context["problem"]


@pytest.mark.parametrize(("role", "status"), [(Role.SIGNALLER, 403), (Role.ADMINISTRATOR, 403)])
def test_person_level_and_admin_roles_do_not_estimate(client, registry, role, status):
    org = accounts.organisation() if role == Role.SIGNALLER else None
    accounts.log_in(client, accounts.user(role, org))
    assert client.get(reverse("estimation:page")).status_code == status


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(reverse("estimation:page"))
    assert response.status_code == 302 and "inloggen" in response["Location"]
