"""The signal catalogue: signals and risk factors as versioned data. Plain Python, no Django.

`data/catalogue.yaml` is the one source; `docs/indicator-sources.md` says where its
items and grades come from. Loading validates every field, so a typo in the file
fails at start-up and in CI, not in front of a professional.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from functools import cache
from pathlib import Path

import yaml

CATALOGUE_PATH = Path(__file__).parent / "data" / "catalogue.yaml"
FORMS = ("sexual", "labour", "criminal", "organ_removal")
ELEMENTS = ("act", "means", "purpose", "vulnerability")
OTHER_PROBLEMS = (
    "domestic_violence", "addiction", "debts", "mental_health", "adolescence", "poverty", "neglect",
)  # fmt: skip
SIGNAL_FIELDS = {
    "id", "group", "nl", "en", "forms", "element", "dimension", "strength", "strength_minor",
    "strength_by_form", "minors", "smuggling", "acute", "other_problems", "source",
}  # fmt: skip


class Strength(IntEnum):
    WEAK = 1
    MEDIUM = 2
    STRONG = 3

    @classmethod
    def parse(cls, value: str) -> Strength:
        return cls[value.upper()]


class CatalogueError(ValueError):
    pass


@dataclass(frozen=True)
class Source:
    id: str
    organisation: str
    publication: str
    year: int


@dataclass(frozen=True)
class Group:
    id: str
    nl: str
    en: str


@dataclass(frozen=True)
class Signal:
    id: str
    group: str
    nl: str
    en: str
    forms: frozenset[str]
    element: str
    dimension: int | None
    strength: Strength
    strength_minor: Strength | None
    strength_by_form: dict[str, Strength] = field(hash=False, compare=False)
    minors: bool
    smuggling: bool
    acute: bool
    other_problems: tuple[str, ...]
    source: str

    def grade(self, form: str, minor: bool) -> Strength:
        """The grade for this form and age group (child lists grade some items higher)."""
        if minor and self.strength_minor is not None:
            return self.strength_minor
        return self.strength_by_form.get(form, self.strength)

    def text(self, language: str) -> str:
        return self.nl if language == "nl" else self.en


@dataclass(frozen=True)
class Catalogue:
    version: str
    sources: dict[str, Source]
    groups: tuple[Group, ...]
    signals: dict[str, Signal]

    def grouped(self) -> list[tuple[Group, list[Signal]]]:
        return [(g, [s for s in self.signals.values() if s.group == g.id]) for g in self.groups]


def parse(raw: dict) -> Catalogue:
    sources = {item["id"]: Source(**item) for item in raw.get("sources", [])}
    groups = tuple(Group(**item) for item in raw.get("groups", []))
    group_ids = {group.id for group in groups}
    signals: dict[str, Signal] = {}
    for item in raw.get("signals", []):
        signal = _signal(item, group_ids, sources)
        if signal.id in signals:
            raise CatalogueError(f"signal id {signal.id!r} occurs twice")
        signals[signal.id] = signal
    if not signals:
        raise CatalogueError("the catalogue has no signals")
    return Catalogue(str(raw.get("version", "")), sources, groups, signals)


def _signal(item: dict, group_ids: set[str], sources: dict[str, Source]) -> Signal:
    where = f"signal {item.get('id', '?')!r}"
    unknown = set(item) - SIGNAL_FIELDS
    if unknown:
        raise CatalogueError(f"{where}: unknown fields {sorted(unknown)}")
    forms = frozenset(item.get("forms") or ())
    checks = [
        (item.get("group") in group_ids, f"unknown group {item.get('group')!r}"),
        (item.get("source") in sources, f"unknown source {item.get('source')!r}"),
        (bool(forms) and forms <= set(FORMS), f"forms must be a non-empty subset of {FORMS}"),
        (item.get("element") in ELEMENTS, f"element must be one of {ELEMENTS}"),
        (item.get("dimension") in (None, 1, 2, 3, 4, 5, 6), "dimension must be 1-6 or null"),
        (set(item.get("other_problems") or ()) <= set(OTHER_PROBLEMS), "unknown other_problems"),
        (bool(item.get("nl")) and bool(item.get("en")), "needs Dutch and English text"),
    ]
    for ok, message in checks:
        if not ok:
            raise CatalogueError(f"{where}: {message}")
    try:
        return Signal(
            id=item["id"],
            group=item["group"],
            nl=item["nl"],
            en=item["en"],
            forms=forms,
            element=item["element"],
            dimension=item.get("dimension"),
            strength=Strength.parse(item["strength"]),
            strength_minor=_optional_strength(item.get("strength_minor")),
            strength_by_form={
                form: Strength.parse(value)
                for form, value in (item.get("strength_by_form") or {}).items()
            },
            minors=bool(item.get("minors")),
            smuggling=bool(item.get("smuggling")),
            acute=bool(item.get("acute")),
            other_problems=tuple(item.get("other_problems") or ()),
            source=item["source"],
        )
    except KeyError as missing:
        raise CatalogueError(f"{where}: missing or invalid {missing}") from missing


def _optional_strength(value: str | None) -> Strength | None:
    return Strength.parse(value) if value else None


@cache
def load(path: Path = CATALOGUE_PATH) -> Catalogue:
    return parse(yaml.safe_load(path.read_text(encoding="utf-8")))
