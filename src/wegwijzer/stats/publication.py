"""From registrations to tables that are safe to publish, checked by the auditor.

`publish` builds every yearly table (`tables.py`), turns them into one system of cells
and relations in which shared numbers are one cell (`system_of`), suppresses
(`disclosure.protect`) and then audits the result as a reader would
(`disclosure.check`). A publication that fails its own audit is never returned.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pandas as pd

from . import disclosure
from .codes import Label
from .disclosure import AT_MOST, SUM, Relation, System
from .records import UNIT_LABELS
from .tables import ALL_YEARS, TOTAL_ROW, Column, Coordinate, CountTable, build_tables

SUPPRESSED = Label("afgeschermd", "suppressed")
SUPPRESSION_RULE = Label(
    "Cellen met minder dan {threshold} {unit} zijn afgeschermd, en zo nodig ook andere "
    "cellen, zodat een afgeschermde cel niet uit totalen of andere tabellen kan worden "
    "teruggerekend: uit de gepubliceerde cijfers blijft zowel 0 als {threshold} mogelijk. "
    "Een afgeschermde cel kan dus ook {threshold} of meer {unit} bevatten.",
    "Cells with fewer than {threshold} {unit} are suppressed, and where needed other cells "
    "too, so that no suppressed cell can be recomputed from totals or other tables: the "
    "published figures leave both 0 and {threshold} possible. A suppressed cell can "
    "therefore also hold {threshold} or more {unit}.",
)


def cell_id(table: CountTable, row: str, column: Column) -> tuple:
    """The system-wide id of a table cell; a total row is the row it repeats."""
    if row == TOTAL_ROW and table.total_of is not None:
        return (*table.total_of, column)
    return (table.key, row, column)


def system_of(tables: Iterable[CountTable]) -> System:
    """All cells of all tables, shared numbers once, with the relations a reader knows."""
    tables = list(tables)
    values: dict[Any, int] = {}
    relations: list[Relation] = []
    for table in tables:
        for row in table.rows:
            for column in table.columns:
                values[(table.key, row, column)] = table.counts[(row, column)]
            parts = tuple((table.key, row, year) for year in table.years)
            relations.append(Relation(SUM, (table.key, row, ALL_YEARS), parts))
    for table in tables:
        if table.kind == "totals":
            relations.extend(_totals_relations(table))
            continue
        for column in table.columns:
            total = cell_id(table, TOTAL_ROW, column)
            if values.get(total) != table.counts[(TOTAL_ROW, column)]:
                raise ValueError(f"{table.key}: total row differs from {table.total_of}")
            parts = tuple((table.key, row, column) for row in table.rows)
            relations.append(Relation(table.kind, total, parts))
    return System(values, relations)


def _totals_relations(table: CountTable) -> list[Relation]:
    chain = [row for row in ("registrations", "persons", "notices") if row in table.rows]
    return [
        Relation(AT_MOST, (table.key, larger, column), ((table.key, smaller, column),))
        for larger, smaller in zip(chain, chain[1:], strict=False)
        for column in table.columns
    ]


@dataclass
class PublishedTable:
    """A table as published: counts with the suppressed cells withheld."""

    table: CountTable
    suppressed: frozenset[Coordinate]

    key = property(lambda self: self.table.key)
    title = property(lambda self: self.table.title)
    unit = property(lambda self: self.table.unit)
    kind = property(lambda self: self.table.kind)
    years = property(lambda self: self.table.years)
    rows = property(lambda self: self.table.rows)
    all_rows = property(lambda self: self.table.all_rows)
    columns = property(lambda self: self.table.columns)
    notes = property(lambda self: self.table.notes)

    def label(self, row: str, language: str) -> str:
        return self.table.label(row, language)

    def value(self, row: str, column: Column) -> int | None:
        if (row, column) in self.suppressed:
            return None
        return self.table.counts[(row, column)]

    def frame(self) -> pd.DataFrame:
        """Published values (None where suppressed): rows (codes) x columns."""
        data = [
            [self.value(row, column) for column in self.table.columns]
            for row in self.table.all_rows
        ]
        return pd.DataFrame(
            data, index=self.table.all_rows, columns=self.table.columns, dtype=object
        )


@dataclass
class Publication:
    tables: list[PublishedTable]
    unit: str
    threshold: int
    synthetic: bool
    suppression: disclosure.Suppression
    published_on: date = field(default_factory=date.today)

    def table(self, key: str) -> PublishedTable:
        for table in self.tables:
            if table.key == key:
                return table
        raise KeyError(key)

    @property
    def years(self) -> list[int]:
        return self.tables[0].years if self.tables else []

    def rule(self, language: str) -> str:
        unit = UNIT_LABELS[self.unit].get(language)
        return SUPPRESSION_RULE.get(language).format(threshold=self.threshold, unit=unit)

    def information_loss(self) -> dict[str, int]:
        cells = sum(len(t.table.all_rows) * len(t.table.columns) for t in self.tables)
        return {
            "cells": cells,
            "primary": len(self.suppression.primary),
            "secondary": len(self.suppression.secondary),
        }


def publish(
    registrations: Iterable[Mapping[str, Any]] | pd.DataFrame,
    *,
    threshold: int = 10,
    years: Iterable[int] | None = None,
    unit: str | None = None,
    synthetic: bool = False,
) -> Publication:
    """Tables safe to publish; raises if the auditor finds any suppressed cell exposed."""
    tables = build_tables(registrations, years=years, unit=unit)
    system = system_of(tables)
    suppression = disclosure.protect(system, threshold)
    published = suppression.published(system.values)
    findings = disclosure.check(published, system.relations, system.values, threshold, integer=True)
    if findings:
        raise RuntimeError(f"suppression failed its own audit: {findings[:3]}")
    hidden = suppression.suppressed
    result = []
    for table in tables:
        withheld = frozenset(
            (row, column)
            for row in table.all_rows
            for column in table.columns
            if cell_id(table, row, column) in hidden
        )
        result.append(PublishedTable(table, withheld))
    unit = tables[0].unit if tables else (unit or "registrations")
    return Publication(result, unit, threshold, synthetic, suppression)


def police_report_share(publication: Publication) -> dict[Column, float | None]:
    """Share of persons with a police report per year; None where a count is withheld."""
    table = publication.table("police_report")
    shares: dict[Column, float | None] = {}
    for column in table.table.columns:
        made, total = table.value("report", column), table.value(TOTAL_ROW, column)
        shares[column] = None if made is None or not total else made / total
    return shares
