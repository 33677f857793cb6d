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


@dataclass(frozen=True)
class Contact:
    organisation: Organisation
    name: str
    reason: str


@dataclass(frozen=True)
class CaseContacts:
    municipality: regions.Municipality | None
    contacts: tuple[Contact, ...]
    care_coordinator: CareCoordinator


def contacts_for_case(
    *,
    municipality: regions.Municipality | None,
    forms: set[str],
    minor: bool,
    acute: bool,
    foreign: bool,
    setting: str = "unknown",
) -> CaseContacts:
    """Who to call for this case in this place, most urgent first; `reason` says why.

    The routing follows docs/indicator-rules.md ("Next step") and the issue's examples:
    acute danger → 112 and the police; a minor and sexual exploitation → Chat met Fier;
    criminal exploitation → Keerpunt; a foreign national → CoMensha (B8/3 rights).
    """
    wanted: list[tuple[str, str]] = []
    if acute:
        wanted += [("112", "acute"), ("politie-avim", "acute")]
    wanted.append(("veilig-thuis", "consult"))
    if "sexual" in forms and minor:
        wanted.append(("chat-met-fier", "young_sexual"))
    if "sexual" in forms and setting == "online":
        wanted.append(("helpwanted", "online"))
    if "criminal" in forms:
        wanted.append(("keerpunt", "criminal"))
    if foreign:
        wanted.append(("comensha", "foreign"))
    if not acute:
        wanted += [("politie-avim", "police"), ("meld-misdaad-anoniem", "anonymous")]
    found = {o.slug: o for o in Organisation.objects.prefetch_related("channels")}
    contacts, seen = [], set()
    for slug, reason in wanted:
        organisation = found.get(slug)
        if organisation is None or slug in seen or not organisation.channels.all():
            continue
        seen.add(slug)
        contacts.append(Contact(organisation, regional_name(organisation, municipality), reason))
    return CaseContacts(municipality, tuple(contacts), care_coordinator(municipality))


@dataclass(frozen=True)
class ReportTo:
    name: str
    reason: str
    organisation: Organisation | None = None
    region: CareCoordinatorRegion | None = None


def reporting_route(
    *, municipality: regions.Municipality | None, minor: bool, acute: bool
) -> list[ReportTo]:
    """Where step 5 sends a report, in order: it depends on the case and on the region."""
    found = {o.slug: o for o in Organisation.objects.prefetch_related("channels")}
    route: list[ReportTo] = []

    def add(slug: str, reason: str) -> None:
        if slug in found and all(r.organisation is not found[slug] for r in route):
            route.append(ReportTo(regional_name(found[slug], municipality), reason, found[slug]))

    if acute:
        add("112", "acute")
        add("politie-avim", "acute")
    coordinator = care_coordinator(municipality)
    if coordinator.region and coordinator.region.veilig_thuis_reports:
        add("veilig-thuis", "regional_reporting_point")
    elif coordinator.region:
        route.append(
            ReportTo(coordinator.region.organisation, "care_coordinator", region=coordinator.region)
        )
    elif coordinator.fallback:
        add(coordinator.fallback.slug, "national_fallback")
    if minor:
        add("veilig-thuis", "minor")
    return route
