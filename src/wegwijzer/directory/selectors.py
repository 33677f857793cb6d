"""Reads of the directory: who to contact, for this region and this case."""

from __future__ import annotations

from dataclasses import dataclass

from wegwijzer.directory import regions
from wegwijzer.directory.models import CareCoordinatorRegion, Organisation

# The national coordination centre takes over where no regional care coordinator is known.
NATIONAL_COORDINATION = "comensha"


@dataclass(frozen=True)
class CareCoordinator:
    region: CareCoordinatorRegion | None
    fallback: Organisation | None

    @property
    def is_fallback(self) -> bool:
        return self.region is None


def organisations(*, forms=(), audience: str | None = None, age: str | None = None):
    """Organisations that cover any of `forms` and serve `audience` and `age` (when given)."""
    found = Organisation.objects.prefetch_related("channels")
    result = []
    for organisation in found:
        if forms and not set(forms) & set(organisation.forms):
            continue
        if audience and audience not in organisation.audiences:
            continue
        if age and age not in organisation.ages:
            continue
        result.append(organisation)
    return sorted(result, key=lambda o: (o.kind != "emergency", o.name))


def care_coordinator(municipality: regions.Municipality | None) -> CareCoordinator:
    region = None
    if municipality is not None:
        region = CareCoordinatorRegion.objects.filter(
            municipalities__municipality=municipality.code
        ).first()
    fallback = None if region else Organisation.objects.filter(slug=NATIONAL_COORDINATION).first()
    return CareCoordinator(region=region, fallback=fallback)


def regional_name(organisation: Organisation, municipality: regions.Municipality | None) -> str:
    """'Veilig Thuis' becomes 'Veilig Thuis Noord-Holland Noord' once the region is known."""
    if not (organisation.regional and municipality):
        return organisation.name
    if organisation.kind == "police":
        return f"{organisation.name} – {municipality.police_unit.name}"
    return f"{organisation.name} {municipality.veilig_thuis_region.name}"
