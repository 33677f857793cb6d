"""The registry as capture histories: per person, the organisation types that reported them.

Persons are those of the record linkage; registrations it has not placed yet stand on their
own, or with those that share their exact identifier encoding (same normalised names and
date of birth), which are certainly one person. Statistical
notices carry no identifier and cannot be placed on lists; they are counted and reported
beside the estimate, never in it.
"""

from collections import defaultdict

from django.db.models import Count

from wegwijzer.registry.constants import Tier
from wegwijzer.registry.models import FORM_FIELDS, Registration

STRATA = ("none", "minor", "form")


def years() -> list[int]:
    # order_by first: the model's default ordering would make DISTINCT see every row.
    return list(Registration.objects.order_by("year").values_list("year", flat=True).distinct())


def people(year: int, stratum: str = "none"):
    """[(organisation types, stratum)] for the persons registered in `year`, and the number
    of statistical notices that year (which no list can hold)."""
    rows = (
        Registration.objects.filter(year=year, tier=Tier.FULL, identifiers__isnull=False)
        .values(
            "identifiers__exact_key",
            "identifiers__linked__person",
            "organisation_type",
            "is_minor",
            *FORM_FIELDS.values(),
        )
        .iterator(chunk_size=5000)
    )
    seen: dict[str, set] = defaultdict(set)
    strata: dict[str, str] = {}
    for row in rows:
        person = row["identifiers__linked__person"]
        key = f"person:{person}" if person is not None else row["identifiers__exact_key"]
        seen[key].add(row["organisation_type"])
        strata.setdefault(key, _stratum(row, stratum))
    notices = Registration.objects.filter(year=year).exclude(
        tier=Tier.FULL, identifiers__isnull=False
    )
    return [(types, strata[key]) for key, types in seen.items()], notices.count()


def registered_per_year() -> dict[int, int]:
    found = Registration.objects.values("year").annotate(n=Count("id"))
    return {row["year"]: row["n"] for row in found}


def _stratum(row, stratum: str) -> str:
    if stratum == "minor":
        return {True: "minor", False: "adult"}.get(row["is_minor"], "unknown")
    if stratum == "form":
        return next((form for form, field in FORM_FIELDS.items() if row[field]), "other")
    return "all"
