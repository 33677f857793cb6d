"""The AVG duties of the registry: retention, the right of access, the right to erasure.

Every function here is audited; none returns clear identifiers, because none are held.
"""

from datetime import date

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from wegwijzer.audit import services as audit
from wegwijzer.audit.models import AuditEntry
from wegwijzer.linkage.encoding import Identity, encode
from wegwijzer.registry.api.serializers import RegistrationOutSerializer
from wegwijzer.registry.constants import Tier
from wegwijzer.registry.models import Consent, IdentifierSet, Registration
from wegwijzer.registry.services import identifier_key


def registrations_of(identity: Identity):
    """The registrations whose identifiers encode to the same exact key as `identity`."""
    exact = encode(identity, identifier_key()).exact.hex()
    return Registration.objects.filter(identifiers__exact_key=exact).select_related(
        "organisation", "consent"
    )


def access_export(identity: Identity, *, actor) -> dict:
    """Everything held about one person (art. 15 AVG), as one JSON-ready document."""
    found = list(registrations_of(identity))
    ids = [str(r.public_id) for r in found]
    trail = AuditEntry.objects.filter(object_type="registration", object_id__in=ids)
    document = {
        "generated_at": timezone.now().isoformat(),
        "about": "Registrations held in the Wegwijzer registry for the person who asked.",
        "identifiers": "Held only as keyed encodings; no name or date of birth is stored.",
        "registrations": RegistrationOutSerializer(found, many=True).data,
        "access_log": [
            {
                "at": e.at.isoformat(),
                "action": e.action,
                "registration": e.object_id,
                "by_role": "staff" if e.actor_id else "system",
            }
            for e in trail
        ],
    }
    audit.log_many("export", actor=actor, object_type="registration", object_ids=ids, fields=["*"])
    return document


def erase_person(identity: Identity, *, actor) -> int:
    """Erase every registration of one person (art. 17 AVG); returns how many."""
    with transaction.atomic():
        found = list(registrations_of(identity))
        ids = [r.public_id for r in found]
        Registration.objects.filter(pk__in=[r.pk for r in found]).delete()
        audit.log_many(
            "delete",
            actor=actor,
            object_type="registration",
            object_ids=ids,
            fields=["registration", "consent", "identifiers"],
        )
    return len(ids)


def apply_retention(*, today: date | None = None, dry_run=False) -> dict:
    """Remove identifiers and then day-level detail whose retention period has ended."""
    today = today or timezone.localdate()
    identifiers_until = _years_before(today, settings.REGISTRY_IDENTIFIER_RETENTION_YEARS)
    records_until = _years_before(today, settings.REGISTRY_RECORD_RETENTION_YEARS)
    expired_ids = Registration.objects.filter(
        registration_date__lt=identifiers_until, identifiers__isnull=False
    )
    expired_records = Registration.objects.filter(
        registration_date__lt=records_until, anonymised_at__isnull=True
    )
    counts = {
        "identifiers_removed": expired_ids.count(),
        "records_anonymised": expired_records.count(),
    }
    if dry_run:
        return counts
    with transaction.atomic():
        ids = list(expired_ids.values_list("public_id", flat=True))
        IdentifierSet.objects.filter(registration__public_id__in=ids).delete()
        Registration.objects.filter(public_id__in=ids).update(tier=Tier.NOTICE)
        audit.log_many(
            "delete", actor=None, object_type="registration", object_ids=ids, fields=["identifiers"]
        )
        old = list(expired_records.values_list("pk", "public_id"))
        pks = [pk for pk, _public_id in old]
        Consent.objects.filter(registration_id__in=pks).delete()
        for registration in Registration.objects.filter(pk__in=pks).only("pk", "year"):
            Registration.objects.filter(pk=registration.pk).update(
                registration_date=date(registration.year, 1, 1),
                reflection_period_start=None,
                reflection_period_end=None,
                permit_start=None,
                permit_end=None,
                municipality_of_exploitation="",
                registered_by=None,
                tier=Tier.NOTICE,
                anonymised_at=timezone.now(),
            )
        audit.log_many(
            "change",
            actor=None,
            object_type="registration",
            object_ids=[public_id for _pk, public_id in old],
            fields=["anonymised", "dates", "consent", "municipality"],
        )
    return counts


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)
