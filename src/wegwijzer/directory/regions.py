"""From a municipality name or a postcode to the regions that route help. Plain Python.

The data are CBS's 2025 area divisions (data/SOURCES.md). Where the data cannot say
(a postcode across a municipal boundary, a postcode without geometry), the lookup
says so and offers the choices; it never guesses.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data"
POSTCODE = re.compile(r"^\s*(\d{4})\s*([A-Za-z]{2})?\s*$")
# Everyday names that differ from the official CBS spelling.
ALIASES = {
    "den bosch": "s hertogenbosch",
    "hertogenbosch": "s hertogenbosch",
    "den haag": "s gravenhage",
    "the hague": "s gravenhage",
    "s gravenhage": "s gravenhage",
    "sudwest friesland": "sudwest fryslan",
    "noordoost friesland": "noardeast fryslan",
    "de friese meren": "de fryske marren",
    "tietjerksteradeel": "tytsjerksteradiel",
    "dantumadeel": "dantumadiel",
}


@dataclass(frozen=True)
class Region:
    code: str
    name: str


@dataclass(frozen=True)
class Municipality:
    code: str
    name: str
    province: Region
    safety_region: Region
    ggd_region: Region
    veilig_thuis_region: Region
    police_unit: Region


@dataclass(frozen=True)
class Lookup:
    """`status`: found (one municipality), choose (several fit: ask), not_found, no_mapping."""

    query: str
    kind: str
    status: str
    matches: tuple[Municipality, ...]

    @property
    def municipality(self) -> Municipality | None:
        return self.matches[0] if self.status == "found" else None


def normalise(name: str) -> str:
    """Case, accents, apostrophes, hyphens and qualifiers such as "(NH.)" do not matter."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    text = re.sub(r"['’`]", "", text)
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    return ALIASES.get(text, text)


@dataclass(frozen=True)
class _Tables:
    by_code: dict[str, Municipality]
    by_name: dict[str, tuple[str, ...]]
    postcodes: dict[str, tuple[tuple[str, ...], bool]]


@cache
def _tables() -> _Tables:
    by_code: dict[str, Municipality] = {}
    by_name: dict[str, list[str]] = {}
    with (DATA / "gemeenten_regio_2025.csv").open(encoding="utf-8", newline="") as rows:
        for row in csv.DictReader(rows):
            region = {
                layer: Region(row[f"{layer}_code"], row[f"{layer}_naam"])
                for layer in (
                    "provincie",
                    "veiligheidsregio",
                    "ggd",
                    "veilig_thuis",
                    "politie_eenheid",
                )
            }
            by_code[row["gm_code"]] = Municipality(
                code=row["gm_code"],
                name=row["gm_naam"],
                province=region["provincie"],
                safety_region=region["veiligheidsregio"],
                ggd_region=region["ggd"],
                veilig_thuis_region=region["veilig_thuis"],
                police_unit=region["politie_eenheid"],
            )
            full = normalise(row["gm_naam"])
            # "Bergen (NH.)" is also found as "Bergen", together with "Bergen (L.)".
            base = normalise(re.sub(r"\(.*?\)", "", row["gm_naam"]))
            for key in {full, base}:
                by_name.setdefault(key, []).append(row["gm_code"])
    postcodes = {}
    with (DATA / "pc4_gemeente_2025.csv").open(encoding="utf-8", newline="") as rows:
        for row in csv.DictReader(rows):
            codes = tuple(code for code in (row["gm_code"], row["gm_code_2"]) if code)
            postcodes[row["pc4"]] = (codes, row["meerdere_gemeenten"] == "1")
    return _Tables(by_code, {k: tuple(v) for k, v in by_name.items()}, postcodes)


def municipalities() -> list[Municipality]:
    return sorted(_tables().by_code.values(), key=lambda m: m.name)


def by_code(code: str) -> Municipality | None:
    return _tables().by_code.get(code)


def lookup(query: str) -> Lookup:
    query = (query or "").strip()[:100]
    tables = _tables()
    postcode = POSTCODE.match(query)
    if postcode:
        entry = tables.postcodes.get(postcode.group(1))
        if entry is None:
            return Lookup(query, "postcode", "not_found", ())
        codes, spans_several = entry
        if not codes:
            return Lookup(query, "postcode", "no_mapping", ())
        matches = tuple(tables.by_code[code] for code in codes)
        status = "choose" if spans_several and len(matches) > 1 else "found"
        return Lookup(query, "postcode", status, matches)
    key = normalise(query)
    codes = tables.by_name.get(key, ())
    if not codes and len(key) >= 3:
        # "Nuenen" for "Nuenen, Gerwen en Nederwetten": a unique start of a name will do.
        codes = tuple(
            sorted({c for name, cs in tables.by_name.items() if name.startswith(key) for c in cs})
        )
    matches = tuple(tables.by_code[code] for code in codes)
    if not matches:
        return Lookup(query, "municipality", "not_found", ())
    return Lookup(query, "municipality", "found" if len(matches) == 1 else "choose", matches)
