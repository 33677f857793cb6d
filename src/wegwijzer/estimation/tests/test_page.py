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


def test_the_page_and_the_api_give_the_same_answer_on_the_same_table(client, registry):
    """The page builds its table from the registry; sent to the API, that table must give
    the same estimate, interval and model."""
    import json

    from wegwijzer.estimation import captures, selectors

    grouping = {"A": ["police"], "B": ["kmar"], "C": ["care"], "D": ["labour_inspectorate"]}
    accounts.log_in(client, accounts.user(Role.ANALYST))
    page = client.get(
        reverse("estimation:page"),
        {"year": 2024, "method": "stepwise-sparse", "strata": "none", "bootstrap": 200,
         "list_police": "A", "list_kmar": "B", "list_care": "C", "list_labour_inspectorate": "D"},
    ).context["answer"]  # fmt: skip
    people, _notices = selectors.people(2024)
    table = captures.build_tables(people, grouping).pooled
    rows = [
        {"pattern": [(cell >> i) & 1 for i in range(len(table.lists))], "count": int(count)}
        for cell, count in enumerate(table.counts)
        if cell and count
    ]
    body = {"lists": list(table.lists), "rows": rows, "method": "stepwise-sparse",
            "bootstrap": 200}  # fmt: skip
    api = client.post("/api/v1/estimates/", json.dumps(body), content_type="application/json")
    assert api.status_code == 200, api.content
    answer = api.json()
    for key in ("estimate", "ci_low", "ci_high"):
        assert answer[key] == pytest.approx(page[key])
    assert answer["model"] == page["model"]
