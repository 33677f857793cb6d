"""The registry as plain records for the statistics (no person-level data leaves here:
only the fields the published tables count, without dates finer than the year)."""

from django.core.cache import cache
from django.db.models import Count, F, Max

from wegwijzer.linkage.models import LinkRun
from wegwijzer.registry.constants import Source, Tier
from wegwijzer.registry.models import FORM_FIELDS, IdentifierSet, Registration
from wegwijzer.stats import kanon, publication

# Organisation types the statistics know; the coordination centre counts under "other".
KNOWN_TYPES = {"police", "kmar", "labour_inspectorate", "care", "municipality", "other"}
FIELDS = ["year", "organisation_type", "nationality", "is_minor", "gender", "sector",
          "police_report", "tier", "age_at_registration", "country_of_exploitation",
          *FORM_FIELDS.values()]  # fmt: skip


def records() -> list[dict]:
    rows = []
    found = Registration.objects.values(*FIELDS, person=F("identifiers__linked__person_id"))
    for row in found.iterator(chunk_size=5000):
        rows.append(
            {
                "year": row["year"],
                # Registrations not (yet) linked count as one each; the page says which.
                "person_key": row["person"],
                "forms": [form for form, field in FORM_FIELDS.items() if row[field]],
                "nationality": row["nationality"] or None,
                "minor": row["is_minor"],
                "gender": row["gender"],
                "organisation_type": row["organisation_type"]
                if row["organisation_type"] in KNOWN_TYPES
                else "other",
                "sector": row["sector"] or None,
                "police_report": row["police_report"],
                "notice": row["tier"] == Tier.NOTICE,
                "age": row["age_at_registration"],
                "country_of_exploitation": row["country_of_exploitation"] or None,
            }
        )
    return rows


def data_version() -> str:
    """Changes whenever a registration is added, changed or removed, or persons relinked."""
    found = Registration.objects.aggregate(n=Count("id"), last=Max("updated_at"), top=Max("id"))
    last = found["last"].isoformat() if found["last"] else ""
    return f"{found['n']}-{found['top']}-{last}-{LinkRun.objects.aggregate(m=Max('id'))['m']}"


def unlinked_count() -> int:
    """Registrations with identifiers that no linkage run has placed in a person yet."""
    return IdentifierSet.objects.filter(linked__isnull=True).count()


def is_synthetic() -> bool:
    return Registration.objects.filter(source=Source.DEMO).exists()


def _for_current_data(name: str, build):
    """`build(rows)` for the registry as it is now, computed once per data version; None
    while the registry is empty."""
    key = f"stats:{name}:{data_version()}"
    found = cache.get(key)
    if found is None:
        rows = records()
        if not rows:
            return None
        found = build(rows)
        cache.set(key, found, 24 * 3600)
    return found


def current_publication() -> publication.Publication | None:
    """The published tables for the data as it is now."""
    return _for_current_data(
        "publication", lambda rows: publication.publish(rows, synthetic=is_synthetic())
    )


def current_extract() -> kanon.Extract | None:
    """The k-anonymous research extract for the data as it is now."""
    return _for_current_data("extract", kanon.anonymise)
