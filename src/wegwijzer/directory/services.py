"""Writes of the directory: loading the organisations file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml
from django.db import transaction

from wegwijzer.directory import regions
from wegwijzer.directory.models import (
    CareCoordinatorMunicipality,
    CareCoordinatorRegion,
    Channel,
    Organisation,
)

ORGANISATIONS_FILE = Path(__file__).parent / "data" / "organisations.yaml"
CARE_COORDINATORS_FILE = Path(__file__).parent / "data" / "care_coordinators.yaml"
FIELDS = ("name", "kind", "description_nl", "description_en", "audiences", "ages", "forms",
          "anonymous", "languages", "regional", "source", "verified", "note")  # fmt: skip


def load_organisations(*, path: Path = ORGANISATIONS_FILE) -> int:
    """Create or update every organisation in the file; all or nothing, validated first.

    Organisations an administrator added in the admin (not in the file) are left alone.
    """
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    with transaction.atomic():
        for item in raw["organisations"]:
            values = {name: item.get(name) for name in FIELDS}
            values["note"] = values["note"] or ""
            values["verified"] = dt.date.fromisoformat(str(item["verified"]))
            organisation, _ = Organisation.objects.update_or_create(
                slug=item["id"], defaults=values
            )
            organisation.full_clean()
            organisation.channels.all().delete()
            for position, channel in enumerate(item.get("channels") or []):
                stored = Channel(
                    organisation=organisation,
                    position=position,
                    type=channel["type"],
                    value=str(channel["value"]),
                    note_nl=channel.get("note_nl", ""),
                    note_en=channel.get("note_en", ""),
                )
                stored.full_clean()
                stored.save()
    return len(raw["organisations"])


def stale(*, today: dt.date | None = None, days: int = 365) -> list:
    """Organisations and care-coordinator regions not verified in the last `days` days."""
    cutoff = (today or dt.date.today()) - dt.timedelta(days=days)
    return [
        *Organisation.objects.filter(verified__lt=cutoff).order_by("verified"),
        *CareCoordinatorRegion.objects.filter(verified__lt=cutoff).order_by("verified"),
    ]


def seed_care_coordinators(*, path: Path = CARE_COORDINATORS_FILE) -> int:
    """Add the file's care-coordinator regions that the database does not have yet.

    Regions already present (by name) belong to the administrator and are not touched.
    """
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    added = 0
    with transaction.atomic():
        for item in raw["regions"]:
            if CareCoordinatorRegion.objects.filter(name=item["name"]).exists():
                continue
            region = CareCoordinatorRegion(
                name=item["name"],
                organisation=item["organisation"],
                central_municipality=item["central_municipality"],
                verified=dt.date.fromisoformat(str(item["verified"])),
            )
            region.full_clean()
            region.save()
            members = [
                m.code
                for m in regions.municipalities()
                if m.veilig_thuis_region.code == item["veilig_thuis_region"]
            ]
            CareCoordinatorMunicipality.objects.bulk_create(
                CareCoordinatorMunicipality(region=region, municipality=code)
                for code in members
                if not CareCoordinatorMunicipality.objects.filter(municipality=code).exists()
            )
            added += 1
    return added
