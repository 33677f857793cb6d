"""What counts as a valid registration, and what is stored of it."""

from datetime import date

import pytest
from django.utils import translation

from wegwijzer.accounts.tests import factories as accounts
from wegwijzer.audit.models import AuditEntry
from wegwijzer.registry import services
from wegwijzer.registry.constants import Tier
from wegwijzer.registry.intake import RegistrationForm, derived_minor
from wegwijzer.registry.models import Consent, IdentifierSet, Registration
from wegwijzer.registry.tests.factories import NOTICE, WITH_CONSENT, registration


def errors(data, language="en"):
    with translation.override(language):
        form = RegistrationForm(data)
        form.is_valid()
        return {field: [str(e) for e in errs] for field, errs in form.errors.items()}


def test_a_notice_without_identifiers_is_valid():
    assert errors(NOTICE) == {}


def test_identifiers_without_consent_are_refused_not_dropped():
    data = {**NOTICE, "given_names": "Anna", "family_names": "Jansen"}
    assert "consent_given_by" in errors(data)


def test_under_16_the_person_cannot_consent_alone_unless_a_guardian_is_unsafe():
    young = {**WITH_CONSENT, "age_at_registration": "15", "date_of_birth": "2009-06-01"}
    assert "consent_given_by" in errors(young)
    assert errors({**young, "guardian_unsafe": "ja"}) == {}
    assert errors({**young, "consent_given_by": "guardian"}) == {}


def test_messages_are_in_the_users_language():
    data = {**NOTICE, "registration_date": "2999-01-01"}
    assert errors(data, "en")["registration_date"] == ["The registration date lies in the future."]
    assert errors(data, "nl")["registration_date"] == ["De registratiedatum ligt in de toekomst."]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"gender": "vrouw"}, "gender"),
        ({"nationality": "XY"}, "nationality"),
        ({"forms": ""}, "forms"),
        ({"forms": "sexual;slavery"}, "forms"),
        ({"sector": "construction"}, "sector"),
        ({"municipality_of_exploitation": "GM9999"}, "municipality_of_exploitation"),
        ({"age_at_registration": "30", "year_of_birth": "2005"}, "age_at_registration"),
        ({"police_report": "misschien"}, "police_report"),
        ({"permit_start": "2025-05-01", "permit_end": "2025-04-01"}, "permit_end"),
        ({"registration_date": "14 maart"}, "registration_date"),
    ],
)
def test_bad_values_are_named_by_field(changes, field):
    assert field in errors({**NOTICE, **changes})


def test_spreadsheet_spellings_are_accepted():
    data = {
        **NOTICE,
        "gender": "Female",
        "nationality": "ro",
        "forms": "Labour; sexual",
        "sector": "agriculture_fishing",
        "police_report": "Ja",
        "registration_date": "14-03-2025",
        "municipality_of_exploitation": "gm0363",
    }
    form = RegistrationForm(data)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["forms"] == ["labour", "sexual"]
    assert form.cleaned_data["police_report"] is True
    assert form.cleaned_data["nationality"] == "RO"


@pytest.mark.parametrize(
    ("age", "born", "expected"),
    [
        (17, None, True),
        (18, None, False),
        (None, 2008, True),
        (None, 2007, None),
        (None, 2006, False),
        (None, None, None),
    ],
)
def test_minor_is_derived_and_unknown_when_the_year_cannot_decide(age, born, expected):
    assert derived_minor(age, born, date(2025, 3, 14)) is expected


@pytest.mark.django_db
def test_a_full_registration_stores_encodings_and_no_clear_identifier():
    organisation = accounts.organisation()
    saved = registration(organisation, data=WITH_CONSENT)
    assert saved.tier == Tier.FULL and saved.year == 2025 and saved.is_minor is False
    identifiers = IdentifierSet.objects.get(registration=saved)
    stored = str(identifiers.encoding) + identifiers.exact_key
    for clear in ("Anna", "anna", "Vries", "vries", "2005-11-02", "20051102"):
        assert clear not in stored
    assert Consent.objects.get(registration=saved).given_by == "person"
    entry = AuditEntry.objects.get(object_id=str(saved.public_id))
    assert entry.action == "create" and "identifiers" in entry.fields


@pytest.mark.django_db
def test_the_same_person_twice_gives_the_same_exact_key():
    organisation = accounts.organisation()
    first = registration(organisation, data=WITH_CONSENT)
    second = registration(
        accounts.organisation("kmar"),
        data=WITH_CONSENT,
        given_names="ANNA  MARIA",
        family_names="De Vries",
    )
    assert first.identifiers.exact_key == second.identifiers.exact_key


@pytest.mark.django_db
def test_withdrawing_consent_removes_identifiers_and_keeps_the_count():
    saved = registration(accounts.organisation(), data=WITH_CONSENT)
    services.withdraw_consent(saved, actor=None)
    saved.refresh_from_db()
    assert saved.tier == Tier.NOTICE
    assert not IdentifierSet.objects.filter(registration=saved).exists()
    assert Consent.objects.get(registration=saved).withdrawn_on is not None
    assert Registration.objects.count() == 1


@pytest.mark.django_db
def test_erasure_removes_everything_and_is_audited():
    saved = registration(accounts.organisation(), data=WITH_CONSENT)
    services.erase(saved, actor=None)
    assert not Registration.objects.exists() and not IdentifierSet.objects.exists()
    assert AuditEntry.objects.filter(action="delete", object_id=str(saved.public_id)).exists()
