"""Writes of the directory: loading the organisations file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml
from django.db import transaction

from wegwijzer.directory.models import CareCoordinatorRegion, Channel, Organisation

ORGANISATIONS_FILE = Path(__file__).parent / "data" / "organisations.yaml"
FIELDS = ("name", "kind", "description_nl", "description_en", "audiences", "ages", "forms",
          "anonymous", "languages", "regional", "source", "verified", "note")  # fmt: skip


def load_organisations(*, path: Path = ORGANISATIONS_FILE) -> int:
    """Create or update every organisation in the file; all or nothing, validated first.

    Organisations an administrator added in the admin (not in the file) are left alone.
    """
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    with transaction.atomic():
        for item in raw["organisations"]:
            values = {name: item.get(name, "" if name == "note" else None) for name in FIELDS}
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
