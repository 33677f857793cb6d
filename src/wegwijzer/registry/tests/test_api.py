"""The registry API: the same rules as the web form, the same role boundaries, tokens that
only submit, idempotent references, and 4xx (never 5xx) for bad input."""

import json

import pytest
from django.urls import reverse

from wegwijzer.accounts.constants import Role
from wegwijzer.accounts.models import ApiToken
from wegwijzer.accounts.tests import factories as accounts
from wegwijzer.audit.models import AuditEntry
from wegwijzer.registry.models import IdentifierSet, Registration
from wegwijzer.registry.tests.factories import WITH_CONSENT, registration

pytestmark = pytest.mark.django_db

BODY = {
    "registration_date": "2025-03-14",
    "gender": "male",
    "age_at_registration": 34,
    "nationality": "PL",
    "forms": ["labour"],
    "sector": "agriculture_fishing",
    "police_report": True,
    "reference": "KMAR-2025-0042",
}
WITH_IDENTITY = {
    **BODY,
    "reference": "KMAR-2025-0043",
    "identity": {"given_names": "Piotr", "family_names": "Kowalski", "date_of_birth": "1991-01-05"},
    "consent": {"given_by": "person", "given_on": "2025-03-14"},
}


@pytest.fixture
def own():
    return accounts.organisation("kmar-schiphol", kind="kmar")


@pytest.fixture
def token(own):
    _token, key = ApiToken.issue(accounts.user(Role.SIGNALLER, own))
    return key


def post(client, body, key=None, **extra):
    headers = {"HTTP_AUTHORIZATION": f"Token {key}"} if key else {}
    return client.post(
        reverse("api-registrations"),
        data=json.dumps(body) if not isinstance(body, str) else body,
        content_type="application/json",
        **headers,
        **extra,
    )


def test_a_token_submits_for_its_own_organisation(client, token, own):
    response = post(client, WITH_IDENTITY, token)
    assert response.status_code == 201, response.json()
    saved = Registration.objects.get(public_id=response.json()["public_id"])
    assert saved.organisation == own and saved.tier == "full"
    assert IdentifierSet.objects.filter(registration=saved).exists()
    assert "Piotr" not in json.dumps(response.json())


def test_resending_the_same_reference_registers_nothing_twice(client, token):
    first = post(client, BODY, token)
    again = post(client, BODY, token)
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json() == {**first.json(), "created": False}
    assert Registration.objects.count() == 1


def test_a_token_cannot_read_not_even_its_own_registrations(client, token, own):
    created = post(client, BODY, token).json()
    headers = {"HTTP_AUTHORIZATION": f"Token {token}"}
    assert client.get(reverse("api-registrations"), **headers).status_code == 403
    item = reverse("api-registration", kwargs={"public_id": created["public_id"]})
    assert client.get(item, **headers).status_code == 403


def test_a_token_cannot_register_for_another_organisation(client, token):
    other = accounts.organisation("politie-west")
    response = post(client, {**BODY, "organisation": other.code}, token)
    assert response.status_code == 403
    assert not Registration.objects.exists()


def test_a_revoked_or_unknown_token_is_refused(client, token):
    assert post(client, BODY, "not-a-token").status_code == 401
    ApiToken.objects.update(revoked_at="2025-01-01T00:00Z")
    assert post(client, BODY, token).status_code == 401


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({**BODY, "gender": "vrouw"}, "gender"),
        ({**BODY, "forms": []}, "forms"),
        ({**BODY, "forms": ["slavery"]}, "forms"),
        ({**BODY, "age_at_registration": "old"}, "age_at_registration"),
        ({**BODY, "nationality": "XY"}, "nationality"),
        ({**BODY, "registration_date": "2999-01-01"}, "registration_date"),
        ({**BODY, "identity": {"given_names": "A", "family_names": "B"}}, "consent_given_by"),
    ],
)
def test_bad_input_is_a_400_naming_the_field(client, token, body, field):
    response = post(client, body, token, HTTP_ACCEPT_LANGUAGE="nl")
    assert response.status_code == 400
    assert field in response.json()
    assert not Registration.objects.exists()


def test_malformed_json_is_a_400(client, token):
    assert post(client, '{"gender": ', token).status_code == 400


def test_an_oversize_payload_is_refused_with_a_4xx(client, token, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    response = post(client, {**BODY, "padding": "x" * 20_000}, token)
    assert 400 <= response.status_code < 500


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("signaller", 200),
        ("other_signaller", 404),
        ("registrar", 200),
        ("analyst", 403),
        ("administrator", 403),
        ("unverified", 403),
        ("anonymous", 401),
    ],
)
def test_reading_by_session_follows_the_role_boundaries(client, own, who, status):
    other = accounts.organisation("fier", kind="care")
    people = {
        "signaller": lambda: accounts.user(Role.SIGNALLER, own),
        "other_signaller": lambda: accounts.user(Role.SIGNALLER, other),
        "registrar": lambda: accounts.user(Role.REGISTRAR),
        "analyst": lambda: accounts.user(Role.ANALYST),
        "administrator": lambda: accounts.user(Role.ADMINISTRATOR),
        "unverified": lambda: accounts.user(Role.SIGNALLER, own, username="unverified"),
    }
    saved = registration(own, data=WITH_CONSENT)
    if who in people:
        accounts.log_in(client, people[who](), verified=who != "unverified")
    response = client.get(reverse("api-registration", kwargs={"public_id": saved.public_id}))
    assert response.status_code == status
    assert AuditEntry.objects.filter(action="read").exists() == (status == 200)
    listing = client.get(reverse("api-registrations"))
    expected_listed = 1 if status == 200 else 0
    if listing.status_code == 200:
        assert listing.json()["count"] == expected_listed
    else:
        assert status != 200


def test_erasure_through_the_api_is_for_the_registrar(client, own):
    saved = registration(own, data=WITH_CONSENT)
    url = reverse("api-registration", kwargs={"public_id": saved.public_id})
    accounts.log_in(client, accounts.user(Role.SIGNALLER, own))
    assert client.delete(url).status_code == 403
    client.logout()
    accounts.log_in(client, accounts.user(Role.REGISTRAR))
    assert client.delete(url).status_code == 204
    assert not Registration.objects.exists()


def test_withdrawing_consent_through_the_api(client, own):
    saved = registration(own, data=WITH_CONSENT)
    accounts.log_in(client, accounts.user(Role.SIGNALLER, own))
    url = reverse("api-registration-withdraw-consent", kwargs={"public_id": saved.public_id})
    response = client.post(url)
    assert response.status_code == 200
    assert response.json()["tier"] == "notice" and response.json()["has_identifiers"] is False
