"""Every role against every person-level page: who gets in, who is sent away, who sees what.

A signaller of another organisation gets 404, not 403, so they cannot even learn that a
registration exists.
"""

import pytest
from django.urls import reverse

from wegwijzer.accounts.constants import Role
from wegwijzer.accounts.tests import factories as accounts
from wegwijzer.audit.models import AuditEntry
from wegwijzer.registry.models import Registration
from wegwijzer.registry.tests.factories import NOTICE, WITH_CONSENT, registration

pytestmark = pytest.mark.django_db

OWN, OTHER = "politie-oost", "fier"


@pytest.fixture
def world():
    own, other = accounts.organisation(OWN), accounts.organisation(OTHER, kind="care")
    people = {
        "signaller": accounts.user(Role.SIGNALLER, own),
        "other_signaller": accounts.user(Role.SIGNALLER, other),
        "registrar": accounts.user(Role.REGISTRAR),
        "analyst": accounts.user(Role.ANALYST),
        "administrator": accounts.user(Role.ADMINISTRATOR),
        "unverified_signaller": accounts.user(Role.SIGNALLER, own, username="no-otp"),
    }
    return {"registration": registration(own, data=WITH_CONSENT), "people": people}


def as_(client, world, who):
    if who == "anonymous":
        return client
    account = world["people"][who]
    return accounts.log_in(client, account, verified=who != "unverified_signaller")


def redirected_to(response, name):
    return response.status_code == 302 and response["Location"].startswith(reverse(name))


# who -> expected outcome for reading one registration of the signaller's own organisation
READ = {
    "anonymous": "login",
    "unverified_signaller": "second-factor",
    "signaller": 200,
    "other_signaller": 404,
    "registrar": 200,
    "analyst": 403,
    "administrator": 403,
}


def outcome(response):
    if redirected_to(response, "accounts:login"):
        return "login"
    if redirected_to(response, "accounts:second-factor"):
        return "second-factor"
    return response.status_code


@pytest.mark.parametrize(("who", "expected"), READ.items())
def test_reading_a_registration(client, world, who, expected):
    url = reverse("registry:detail", kwargs={"public_id": world["registration"].public_id})
    response = as_(client, world, who).get(url)
    assert outcome(response) == expected
    reads = AuditEntry.objects.filter(action="read")
    assert reads.exists() == (expected == 200)


@pytest.mark.parametrize(("who", "expected"), READ.items())
def test_withdrawing_consent(client, world, who, expected):
    public_id = world["registration"].public_id
    url = reverse("registry:withdraw-consent", kwargs={"public_id": public_id})
    response = as_(client, world, who).post(url)
    allowed = expected == 200
    assert outcome(response) == (302 if allowed else expected)
    tier = Registration.objects.get(public_id=public_id).tier
    assert tier == ("notice" if allowed else "full")


@pytest.mark.parametrize(
    ("who", "expected"),
    {**READ, "signaller": 403, "other_signaller": 403}.items(),
)
def test_erasing_is_for_the_registrar_only(client, world, who, expected):
    public_id = world["registration"].public_id
    url = reverse("registry:erase", kwargs={"public_id": public_id})
    response = as_(client, world, who).post(url)
    erased = not Registration.objects.filter(public_id=public_id).exists()
    assert erased == (who == "registrar")
    if who != "registrar":
        assert outcome(response) == expected


@pytest.mark.parametrize(
    ("who", "sees"),
    [("signaller", {OWN}), ("other_signaller", {OTHER}), ("registrar", {OWN, OTHER})],
)
def test_the_list_shows_only_what_the_role_may_see(client, world, who, sees):
    registration(accounts.organisation(OTHER), data=NOTICE)
    response = as_(client, world, who).get(reverse("registry:list"))
    shown = {r.organisation.code for r in response.context["page"]}
    assert shown == sees
    assert AuditEntry.objects.filter(action="read").count() == len(response.context["page"])


@pytest.mark.parametrize("who", ["anonymous", "unverified_signaller", "analyst", "administrator"])
def test_the_list_is_closed_to_others(client, world, who):
    response = as_(client, world, who).get(reverse("registry:list"))
    assert outcome(response) != 200


def test_a_signaller_registers_for_their_own_organisation_only(client, world):
    other = accounts.organisation(OTHER)
    as_(client, world, "signaller").post(
        reverse("registry:new"), {**NOTICE, "organisation": other.pk}
    )
    newest = Registration.objects.order_by("-id").first()
    assert newest.organisation.code == OWN


def test_a_registrar_registers_for_a_chosen_organisation(client, world):
    other = accounts.organisation(OTHER)
    response = as_(client, world, "registrar").post(
        reverse("registry:new"), {**NOTICE, "organisation": other.pk}
    )
    assert response.status_code == 302
    assert Registration.objects.order_by("-id").first().organisation == other


def test_a_rejected_form_keeps_what_was_typed_and_says_why_in_dutch(client, world):
    response = as_(client, world, "signaller").post(
        reverse("registry:new"), {**NOTICE, "registration_date": "2999-01-01"}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "De registratiedatum ligt in de toekomst." in body
    assert 'value="online"' in body and "checked" in body
    assert Registration.objects.count() == 1
