"""Writes to the registry. Every write of person-level data is audited here, in the same
transaction as the write, so there is no change without its audit entry."""

import hashlib
import json
import uuid
from functools import lru_cache

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from wegwijzer.audit import services as audit
from wegwijzer.linkage.encoding import EncodingKey, Identity, encode
from wegwijzer.registry.constants import Tier
from wegwijzer.registry.intake import derived_minor
from wegwijzer.registry.models import FORM_FIELDS, Consent, IdentifierSet, Registration

FACT_FIELDS = (
    "registration_date",
    "gender",
    "age_at_registration",
    "year_of_birth",
    "nationality",
    "residence_status",
    "sector",
    "country_of_exploitation",
    "municipality_of_exploitation",
    "recruitment_channel",
    "relation_to_exploiter",
    "police_report",
    "reflection_period_start",
    "reflection_period_end",
    "permit_start",
    "permit_end",
    "shelter_placement",
)


@lru_cache(maxsize=1)
def identifier_key() -> EncodingKey:
    return EncodingKey(settings.IDENTIFIER_KEY)


def reference_for(cleaned: dict, occurrence: int = 0) -> str:
    """A stable digest of an imported row, for files that bring no reference of their own.

    `occurrence` counts identical rows earlier in the same file: two people with the same
    facts stay two, yet importing the file again gives every row the digest it had.
    Identifiers enter only through their keyed encoding, so the digest reveals nothing.
    """
    facts = {name: _plain(cleaned.get(name)) for name in (*FACT_FIELDS, "forms")}
    facts["occurrence"] = occurrence
    identity = _identity(cleaned)
    if identity is not None:
        facts["identity"] = encode(identity, identifier_key()).exact.hex()
    return hashlib.sha256(json.dumps(facts, sort_keys=True).encode()).hexdigest()


def register(
    cleaned: dict, *, organisation, actor, source, request=None, batch=None, reference=None
) -> Registration:
    """Store one cleaned registration (see intake.RegistrationForm) with its tier.

    Without a `reference` the registration gets a fresh one: only a source's own
    reference (or an import's row digest) makes a resubmission recognisable.
    """
    [registration] = register_many(
        [(cleaned, reference or uuid.uuid4().hex)],
        organisation=organisation,
        actor=actor,
        source=source,
        request=request,
        batch=batch,
    )
    return registration


def register_many(rows, *, organisation, actor, source, request=None, batch=None):
    """Store cleaned registrations with their references in one transaction, audited.

    Inserted in bulk (an import of 100,000 rows must not take 100,000 round trips per
    table); each registration still gets its own audit entry in the chain.
    """
    key = identifier_key()
    registrations, consents, identifiers = [], [], []
    for cleaned, reference in rows:
        registration = _new_registration(cleaned, organisation, actor, source, batch, reference)
        registrations.append(registration)
        if registration.tier != Tier.FULL:
            continue
        consents.append((registration, _new_consent(cleaned, actor)))
        identity = _identity(cleaned)
        if identity is not None:
            encoded = encode(identity, key)
            identifiers.append((registration, encoded))
    with transaction.atomic():
        Registration.objects.bulk_create(registrations, batch_size=1000)
        for registration, consent in consents:
            consent.registration = registration
        Consent.objects.bulk_create([c for _r, c in consents], batch_size=1000)
        IdentifierSet.objects.bulk_create(
            [
                IdentifierSet(
                    registration=registration,
                    exact_key=encoded.exact.hex(),
                    key_fingerprint=encoded.fingerprint,
                    encoding=encoded.to_dict(),
                )
                for registration, encoded in identifiers
            ],
            batch_size=1000,
        )
        with_identifiers = {r.pk for r, _e in identifiers}
        for fields, group in _by_touched_fields(registrations, with_identifiers):
            audit.log_many(
                "create",
                actor=actor,
                object_type="registration",
                object_ids=[r.public_id for r in group],
                fields=fields,
                request=request,
            )
    return registrations


def _new_registration(cleaned, organisation, actor, source, batch, reference) -> Registration:
    registered = cleaned["registration_date"]
    return Registration(
        organisation=organisation,
        organisation_type=organisation.kind,
        registered_by=actor,
        source=source,
        tier=Tier.FULL if cleaned.get("consent_given_by") else Tier.NOTICE,
        reference=reference,
        import_batch=batch,
        year=registered.year,
        is_minor=derived_minor(
            cleaned.get("age_at_registration"), cleaned.get("year_of_birth"), registered
        ),
        **{name: cleaned.get(name) for name in FACT_FIELDS},
        **{field: form in cleaned["forms"] for form, field in FORM_FIELDS.items()},
    )


def _new_consent(cleaned, actor) -> Consent:
    return Consent(
        given_by=cleaned["consent_given_by"],
        given_on=cleaned["consent_given_on"],
        guardian_unsafe=bool(cleaned.get("guardian_unsafe")),
        recorded_by=actor,
    )


def _by_touched_fields(registrations, with_identifiers):
    """Group registrations by what their creation touched, for the audit entries."""
    groups: dict[tuple, list] = {}
    for registration in registrations:
        fields = [*FACT_FIELDS, "forms"]
        if registration.tier == Tier.FULL:
            fields.append("consent")
        if registration.pk in with_identifiers:
            fields.append("identifiers")
        groups.setdefault(tuple(fields), []).append(registration)
    return groups.items()


def withdraw_consent(registration: Registration, *, actor, request=None) -> Registration:
    """The person takes back their consent: identifiers go, the facts stay as a notice."""
    with transaction.atomic():
        consent = Consent.objects.select_for_update().get(registration=registration)
        consent.withdrawn_on = timezone.localdate()
        consent.withdrawn_by = actor
        consent.save(update_fields=["withdrawn_on", "withdrawn_by"])
        IdentifierSet.objects.filter(registration=registration).delete()
        registration.tier = Tier.NOTICE
        registration.save(update_fields=["tier", "updated_at"])
        audit.log(
            "change",
            actor=actor,
            object_type="registration",
            object_id=registration.public_id,
            fields=["consent", "identifiers", "tier"],
            request=request,
        )
    return registration


def erase(registration: Registration, *, actor, request=None) -> None:
    """Erasure on request (AVG art. 17): the registration and all that hangs on it."""
    with transaction.atomic():
        public_id = registration.public_id
        registration.delete()
        audit.log(
            "delete",
            actor=actor,
            object_type="registration",
            object_id=public_id,
            fields=["registration", "consent", "identifiers"],
            request=request,
        )


def _identity(cleaned: dict) -> Identity | None:
    if not (cleaned.get("given_names") or cleaned.get("family_names")):
        return None
    return Identity(
        given_names=cleaned.get("given_names") or "",
        family_names=cleaned.get("family_names") or "",
        date_of_birth=cleaned.get("date_of_birth"),
        document_number=cleaned.get("document_number") or None,
    )


def _plain(value):
    if isinstance(value, list):
        return sorted(value)
    return value.isoformat() if hasattr(value, "isoformat") else value
