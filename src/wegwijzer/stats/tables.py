"""The yearly tables of the registry, as counts before any disclosure control.

Every table is categories x years plus a column "all" (the sum of the yearly figures).
The total row of a breakdown is not stored twice: it *is* a row of another table
(`total_of`), the number of persons per year from the totals table, or for sectors the
number of persons under labour exploitation from the forms table. Disclosure control
(`disclosure.py`) uses exactly these shared cells to protect all tables together.

`kind` says how the rows relate to the total:
- "sum": every unit falls in exactly one row, the rows add up to the total;
- "cover": a unit can fall in several rows (forms, sectors, and organisation types once
  persons are counted); each row is at most the total and the rows together at least the
  total, and the page must say the rows do not add up;
- "totals": the totals table itself (registrations >= persons >= statistical notices).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from . import codes, records
from .codes import Label

TOTAL_ROW = "total"
ALL_YEARS = "all"
REST = "rest"
UNKNOWN = "unknown"

Column = int | str
Coordinate = tuple[str, Column]

NOTE_COVER = Label(
    "Eén persoon kan in meer dan één rij vallen; de rijen tellen niet op tot het totaal.",
    "One person can fall in more than one row; the rows do not add up to the total.",
)
NOTE_ALL_YEARS = Label(
    "De kolom 'alle jaren' is de som van de jaarcijfers: wie in meer jaren is geregistreerd, "
    "telt in elk van die jaren mee.",
    "The column 'all years' is the sum of the yearly figures: someone registered in several "
    "years counts in each of them.",
)
NOTE_REGISTRATIONS = Label(
    "Registraties van één persoon zijn nog niet gekoppeld: elke registratie telt als één.",
    "Registrations of one person are not linked yet: every registration counts as one.",
)
NOTE_NOTICES = Label(
    "Statistische meldingen (zonder toestemming en zonder identificerende gegevens) tellen "
    "elk als één persoon; zij kunnen niet met andere registraties worden gekoppeld.",
    "Statistical notices (without consent and without identifiers) count as one person each; "
    "they cannot be linked to other registrations.",
)
NOTE_SECTOR = Label(
    "Alleen personen met arbeidsuitbuiting; één persoon kan in meer sectoren werken.",
    "Persons under labour exploitation only; one person can work in several sectors.",
)
# The same notes where registrations are counted (no linkage yet).
FOR_REGISTRATIONS = {
    NOTE_COVER: Label(
        "Eén registratie kan in meer dan één rij vallen; de rijen tellen niet op tot het totaal.",
        "One registration can fall in more than one row; the rows do not add up to the total.",
    ),
    NOTE_SECTOR: Label(
        "Alleen registraties van arbeidsuitbuiting; één registratie kan meer sectoren noemen.",
        "Registrations of labour exploitation only; one registration can name several sectors.",
    ),
    NOTE_NOTICES: Label(
        "Statistische meldingen (zonder toestemming en zonder identificerende gegevens) "
        "tellen als registraties mee; zij kunnen later niet worden gekoppeld.",
        "Statistical notices (without consent and without identifiers) count as "
        "registrations; they can never be linked.",
    ),
}
LABOUR_TOTAL = Label("Totaal arbeidsuitbuiting", "Total labour exploitation")
NOTE_NATIONALITY = Label(
    "De tien nationaliteiten die over alle jaren samen het vaakst voorkomen; de rest samen.",
    "The ten nationalities most frequent over all years together; the rest combined.",
)


@dataclass
class CountTable:
    """Counts of one breakdown; `counts` holds every (row, column), the total row included."""

    key: str
    title: Label
    unit: str
    kind: str
    years: list[int]
    rows: list[str]
    row_labels: dict[str, Label]
    counts: dict[Coordinate, int]
    total_of: tuple[str, str] | None = ("totals", "persons")
    notes: list[Label] = field(default_factory=list)

    @property
    def columns(self) -> list[Column]:
        return [*self.years, ALL_YEARS]

    @property
    def all_rows(self) -> list[str]:
        return self.rows if self.total_of is None else [*self.rows, TOTAL_ROW]

    def label(self, row: str, language: str) -> str:
        if row == TOTAL_ROW:
            return (self.row_labels.get(TOTAL_ROW) or codes.TOTAL).get(language)
        return self.row_labels[row].get(language)

    def frame(self) -> pd.DataFrame:
        """The counts as a DataFrame: rows (codes) x columns (years, "all")."""
        data = [[self.counts[(row, column)] for column in self.columns] for row in self.all_rows]
        return pd.DataFrame(data, index=self.all_rows, columns=self.columns)


def _year_columns(years: list[int], per_year: Mapping[int, int]) -> dict[Column, int]:
    values: dict[Column, int] = {year: int(per_year.get(year, 0)) for year in years}
    values[ALL_YEARS] = sum(values[year] for year in years)
    return values


def _table(
    key: str,
    title: Label,
    unit: str,
    kind: str,
    years: list[int],
    rows: list[str],
    row_labels: Mapping[str, Label],
    per_row: Mapping[str, Mapping[int, int]],
    totals: Mapping[int, int] | None,
    total_of: tuple[str, str] | None = ("totals", "persons"),
    notes: Iterable[Label] = (),
) -> CountTable:
    counts: dict[Coordinate, int] = {}
    for row in rows:
        for column, value in _year_columns(years, per_row.get(row, {})).items():
            counts[(row, column)] = value
    if total_of is not None:
        for column, value in _year_columns(years, totals or {}).items():
            counts[(TOTAL_ROW, column)] = value
    labels = dict(row_labels)
    notes = list(notes)
    if unit == records.REGISTRATIONS:
        notes = [FOR_REGISTRATIONS.get(note, note) for note in notes]
        notes.insert(0, NOTE_REGISTRATIONS)
    notes.append(NOTE_ALL_YEARS)
    return CountTable(key, title, unit, kind, years, rows, labels, counts, total_of, notes)


def _counts(frame: pd.DataFrame, column: str) -> dict[str, dict[int, int]]:
    grouped = frame.groupby([column, "year"]).size()
    result: dict[str, dict[int, int]] = {}
    for (value, year), count in grouped.items():
        result.setdefault(value, {})[int(year)] = int(count)
    return result


def _ordered(known: Iterable[str], present: Iterable[str]) -> list[str]:
    known = list(known)
    return known + sorted(set(present) - set(known))


def build_tables(
    registrations: Iterable[Mapping[str, Any]] | pd.DataFrame,
    *,
    years: Iterable[int] | None = None,
    unit: str | None = None,
    top_nationalities: int = 10,
) -> list[CountTable]:
    """All yearly tables from registrations (see the module docstring for their meaning).

    `years` defaults to every year from the first to the last registration, so a year
    without registrations shows as zeros instead of disappearing from the trend.
    `unit` forces "registrations" or "persons"; by default it follows `records.unit_of`.
    """
    frame = registrations if _is_loaded(registrations) else records.load(registrations)
    unit = unit or records.unit_of(frame)
    if unit == records.REGISTRATIONS:
        frame = frame.assign(unit_key=[f"registration:{i}" for i in frame["order"]])
    if years is None:
        years = range(frame["year"].min(), frame["year"].max() + 1) if len(frame) else []
    years = sorted(set(years))
    frame = frame[frame["year"].isin(years)]
    people = records.person_years(frame)
    persons_per_year = people.groupby("year").size().to_dict()

    tables = [_totals(frame, people, years, unit)]

    forms = records.multi_valued(frame, "forms")
    form_counts = _counts(forms, "value")
    tables.append(
        _table(
            "forms", Label("Vorm van uitbuiting", "Form of exploitation"), unit, "cover",
            years, list(codes.FORMS), codes.FORMS, form_counts, persons_per_year,
            notes=[NOTE_COVER],
        )
    )  # fmt: skip

    tables.append(_nationalities(people, years, unit, persons_per_year, top_nationalities))

    tables.append(
        _table(
            "minors", Label("Minderjarigheid", "Minors"), unit, "sum", years,
            list(codes.MINOR), codes.MINOR, _counts(people, "minor"), persons_per_year,
        )
    )  # fmt: skip
    tables.append(
        _table(
            "gender", Label("Gender", "Gender"), unit, "sum", years,
            list(codes.GENDERS), codes.GENDERS, _counts(people, "gender"), persons_per_year,
        )
    )  # fmt: skip

    organisations = records.multi_valued(frame, "organisation_type")
    organisation_counts = _counts(organisations, "value")
    organisation_rows = _ordered(codes.ORGANISATION_TYPES, organisation_counts)
    organisation_labels = {
        row: codes.ORGANISATION_TYPES.get(row, Label(row, row)) for row in organisation_rows
    }
    # Persons can be reported by several kinds of organisation; registrations have one.
    kind = "sum" if unit == records.REGISTRATIONS else "cover"
    tables.append(
        _table(
            "organisation_type",
            Label("Type signalerende organisatie", "Type of signalling organisation"),
            unit, kind, years, organisation_rows, organisation_labels, organisation_counts,
            persons_per_year, notes=[NOTE_COVER] if kind == "cover" else [],
        )
    )  # fmt: skip

    tables.append(_sectors(frame, forms, years, unit, form_counts.get("labour", {})))

    police = people.assign(report=people["police_report"].map({True: "report", False: "no_report"}))
    tables.append(
        _table(
            "police_report", Label("Aangifte bij de politie", "Police report"), unit, "sum",
            years, list(codes.POLICE_REPORT), codes.POLICE_REPORT, _counts(police, "report"),
            persons_per_year,
        )
    )  # fmt: skip
    return tables


def _is_loaded(data: Any) -> bool:
    return isinstance(data, pd.DataFrame) and "unit_key" in data.columns


def _totals(frame: pd.DataFrame, people: pd.DataFrame, years: list[int], unit: str):
    per_row = {
        "registrations": frame.groupby("year").size().to_dict(),
        "persons": people.groupby("year").size().to_dict(),
        "notices": frame[frame["notice"].astype(bool)].groupby("year").size().to_dict(),
    }
    labels = {
        "registrations": Label("Registraties", "Registrations"),
        "persons": Label("Personen", "Persons"),
        "notices": Label("waarvan statistische meldingen", "of which statistical notices"),
    }
    if unit == records.REGISTRATIONS:
        # Without linkage the person row would only repeat the registrations.
        labels["persons"] = Label("Registraties", "Registrations")
        rows = ["persons", "notices"]
    else:
        rows = ["registrations", "persons", "notices"]
    return _table(
        "totals", Label("Totalen", "Totals"), unit, "totals", years, rows,
        {row: labels[row] for row in rows}, per_row, None, total_of=None, notes=[NOTE_NOTICES],
    )  # fmt: skip


def _nationalities(people, years, unit, persons_per_year, top: int) -> CountTable:
    known = people[people["nationality"] != UNKNOWN]
    ranking = known["nationality"].value_counts()
    # Ties broken by code so the same data always give the same rows.
    ranked = sorted(ranking.items(), key=lambda item: (-item[1], item[0]))
    top_codes = [code for code, _ in ranked[:top]]
    grouped = people["nationality"].where(
        people["nationality"].isin(top_codes) | (people["nationality"] == UNKNOWN), REST
    )
    counts = _counts(people.assign(nationality=grouped), "nationality")
    rows = [*top_codes, REST, UNKNOWN]
    labels = {code: codes.country_label(code) for code in top_codes}
    labels[REST] = codes.REST
    labels[UNKNOWN] = codes.UNKNOWN
    return _table(
        "nationality", Label("Nationaliteit", "Nationality"), unit, "sum", years, rows,
        labels, counts, persons_per_year, notes=[NOTE_NATIONALITY],
    )  # fmt: skip


def _sectors(frame, forms, years, unit, labour_per_year) -> CountTable:
    labour_units = forms.loc[forms["value"] == "labour", ["year", "unit_key"]]
    sectors = frame[["year", "unit_key", "sector"]].merge(labour_units, on=["year", "unit_key"])
    # "unknown" only where nothing at all is known about a person's sector that year.
    known = sectors[sectors["sector"] != UNKNOWN].drop_duplicates()
    without = labour_units.merge(
        known[["year", "unit_key"]].drop_duplicates(), how="left", indicator=True
    )
    without = without[without["_merge"] == "left_only"].assign(sector=UNKNOWN)
    counts = _counts(pd.concat([known, without[["year", "unit_key", "sector"]]]), "sector")
    return _table(
        "sector", Label("Sector (arbeidsuitbuiting)", "Sector (labour exploitation)"), unit,
        "cover", years, list(codes.SECTORS), {**codes.SECTORS, TOTAL_ROW: LABOUR_TOTAL}, counts,
        labour_per_year,
        total_of=("forms", "labour"), notes=[NOTE_SECTOR],
    )  # fmt: skip
