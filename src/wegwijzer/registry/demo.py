"""Load the synthetic demo data set (wegwijzer.stats.demo) into the registry.

Everything it makes is labelled synthetic: the organisations are called "Demo …
(synthetisch)" and every registration has source `demo`, so `unload` removes exactly it.
"""

from django.db import transaction

from wegwijzer.accounts.constants import OrganisationType
from wegwijzer.accounts.models import Organisation
from wegwijzer.registry import services
from wegwijzer.registry.constants import AGE_OF_CONSENT, ConsentGiver, Source
from wegwijzer.registry.models import Registration
from wegwijzer.stats import demo as generator

TYPE_NAMES = dict(OrganisationType.choices)


def load(*, seed: int = 0, years=range(2016, 2026), persons_per_year=None) -> int:
    """Register the demo set once; a second call adds nothing. Returns how many were added."""
    if Registration.objects.filter(source=Source.DEMO).exists():
        return 0
    size = {"persons_per_year": persons_per_year} if persons_per_year else {}
    data = generator.generate(years=years, seed=seed, **size)
    by_organisation: dict[str, list] = {}
    for number, row in enumerate(data.registrations):
        by_organisation.setdefault(row["organisation"], []).append(
            (_cleaned(row), f"demo-{seed}-{number}")
        )
    with transaction.atomic():
        for code, rows in by_organisation.items():
            kind = code.split("-")[1]
            organisation, _ = Organisation.objects.get_or_create(
                code=code,
                defaults={"name": f"Demo {code.split('-', 1)[1]} (synthetisch)", "kind": kind},
            )
            services.register_many(rows, organisation=organisation, actor=None, source=Source.DEMO)
    return len(data.registrations)


def unload() -> int:
    with transaction.atomic():
        count, _ = Registration.objects.filter(source=Source.DEMO).delete()
        Organisation.objects.filter(code__startswith="demo-", registrations__isnull=True).delete()
    return count


def _cleaned(row: dict) -> dict:
    """A generated row as intake.RegistrationForm would have cleaned it."""
    day = row["registration_date"]
    cleaned = {
        "registration_date": day,
        "gender": row["gender"],
        "age_at_registration": row["age"],
        "year_of_birth": None,
        "nationality": row["nationality"] or "",
        "residence_status": "unknown",
        "forms": list(row["forms"]),
        "sector": row["sector"] or "",
        "country_of_exploitation": row["country_of_exploitation"] or "",
        "municipality_of_exploitation": "",
        "recruitment_channel": "unknown",
        "relation_to_exploiter": "unknown",
        "police_report": row["police_report"],
        "reflection_period_start": None,
        "reflection_period_end": None,
        "permit_start": None,
        "permit_end": None,
        "shelter_placement": None,
    }
    if not row["notice"] and row.get("family_name"):
        minor_under_consent_age = row["age"] is not None and row["age"] < AGE_OF_CONSENT
        cleaned.update(
            given_names=row["given_name"],
            family_names=row["family_name"],
            date_of_birth=row["date_of_birth"],
            consent_given_by=ConsentGiver.GUARDIAN
            if minor_under_consent_age
            else ConsentGiver.PERSON,
            consent_given_on=day,
        )
    return cleaned
