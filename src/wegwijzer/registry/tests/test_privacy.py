"""AVG duties: access export, erasure of one person, retention."""

import io
import json
from datetime import date

import pytest
from django.core.management import call_command

from wegwijzer.accounts.constants import Role
from wegwijzer.accounts.tests import factories as accounts
from wegwijzer.audit import services as audit
from wegwijzer.audit.models import AuditEntry
from wegwijzer.linkage.encoding import Identity
from wegwijzer.registry import privacy
from wegwijzer.registry.models import Consent, IdentifierSet, Registration
from wegwijzer.registry.tests.factories import NOTICE, WITH_CONSENT, registration

pytestmark = pytest.mark.django_db

ANNA = Identity("Anna Maria", "de Vries", date(2005, 11, 2))


@pytest.fixture
def registrar():
    return accounts.user(Role.REGISTRAR)


@pytest.fixture
def two_reports_of_anna_and_one_other():
    police, care = accounts.organisation(), accounts.organisation("fier", kind="care")
    registration(police, data=WITH_CONSENT)
    registration(care, data=WITH_CONSENT, family_names="De  Vries")
    registration(police, data=WITH_CONSENT, given_names="Fatima", family_names="El Amrani")
    registration(police, data=NOTICE)


def test_the_access_export_holds_both_reports_of_the_person_and_no_one_else(
    registrar, two_reports_of_anna_and_one_other
):
    document = privacy.access_export(ANNA, actor=registrar)
    assert len(document["registrations"]) == 2
    assert {r["organisation"] for r in document["registrations"]} == {"politie-oost", "fier"}
    assert "Anna" not in json.dumps(document, default=str)
    assert AuditEntry.objects.filter(action="export").count() == 2


def test_erasing_the_person_removes_their_reports_only(
    registrar, two_reports_of_anna_and_one_other
):
    assert privacy.erase_person(ANNA, actor=registrar) == 2
    assert Registration.objects.count() == 2
    assert AuditEntry.objects.filter(action="delete").count() == 2
    assert audit.verify().ok


def test_the_command_answers_an_access_request_as_json(
    registrar, two_reports_of_anna_and_one_other
):
    out = io.StringIO()
    call_command(
        "person_request",
        "access",
        given_names="anna maria",
        family_names="DE VRIES",
        date_of_birth="2005-11-02",
        user=registrar.username,
        stdout=out,
    )
    assert len(json.loads(out.getvalue())["registrations"]) == 2


def test_retention_removes_old_identifiers_then_day_level_detail(settings):
    settings.REGISTRY_IDENTIFIER_RETENTION_YEARS = 5
    settings.REGISTRY_RECORD_RETENTION_YEARS = 15
    police = accounts.organisation()
    recent = registration(
        police, data=WITH_CONSENT, registration_date="2024-06-01", consent_given_on="2024-06-01"
    )
    old = registration(
        police,
        data=WITH_CONSENT,
        registration_date="2019-06-01",
        consent_given_on="2019-06-01",
        age_at_registration="13",
        consent_given_by="guardian",
    )
    ancient = registration(
        police, data=NOTICE, registration_date="2009-03-14", permit_start="2009-04-01"
    )
    today = date(2025, 1, 1)
    assert privacy.apply_retention(today=today, dry_run=True) == {
        "identifiers_removed": 1,
        "records_anonymised": 1,
    }
    assert IdentifierSet.objects.count() == 2  # a dry run changes nothing
    privacy.apply_retention(today=today)
    assert set(IdentifierSet.objects.values_list("registration_id", flat=True)) == {recent.pk}
    old.refresh_from_db()
    ancient.refresh_from_db()
    assert old.tier == "notice" and Consent.objects.filter(registration=old).exists()
    assert ancient.registration_date == date(2009, 1, 1) and ancient.year == 2009
    assert ancient.permit_start is None and ancient.anonymised_at is not None
    assert privacy.apply_retention(today=today) == {
        "identifiers_removed": 0,
        "records_anonymised": 0,
    }
    assert audit.verify().ok
