"""Registrations in, one clean DataFrame out: validated codes and a counting key per row.

Input is a list of dicts (or a DataFrame) with the fields `year`, `person_key`, `forms`,
`nationality`, `minor`, `gender`, `organisation_type`, `sector`, `police_report`, `notice`
and optionally `registration_date`, `age` and `country_of_exploitation`. Unknown values
may be None. Codes are checked against `codes`, so a typo fails loudly instead of
becoming a category of its own.

The counting unit is the person once linkage exists (any registration carries a
`person_key`); until then every registration counts as one and the unit is
"registrations". A statistical notice carries no identifiers and can never be linked,
so it always counts as one person.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from . import codes

PERSONS = "persons"
REGISTRATIONS = "registrations"

UNIT_LABELS = {
    PERSONS: codes.Label("personen", "persons"),
    REGISTRATIONS: codes.Label("registraties", "registrations"),
}


class RecordError(ValueError):
    """A registration that the statistics cannot count; says which row and field."""

    def __init__(self, row: int, field: str, problem: str):
        super().__init__(f"row {row}, {field}: {problem}")
        self.row, self.field, self.problem = row, field, problem


def _missing(value: Any) -> bool:
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # lists and other containers
        return False


def _code(value: Any, allowed: Mapping[str, Any], row: int, field: str, default: str) -> str:
    if _missing(value) or value == "":
        return default
    text = str(value).strip().lower()
    if text not in allowed:
        raise RecordError(row, field, f"unknown code {value!r}")
    return text


def _forms(value: Any, row: int) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    elif not isinstance(value, Iterable):
        if _missing(value):
            return ("other",)
        raise RecordError(row, "forms", f"expected a list of forms, got {value!r}")
    found = []
    for item in value:
        text = str(item).strip().lower()
        text = codes.FORM_ALIASES.get(text, text)
        if text not in codes.FORMS:
            raise RecordError(row, "forms", f"unknown form {item!r}")
        if text not in found:
            found.append(text)
    return tuple(found) or ("other",)


def _nationality(value: Any, row: int) -> str:
    if _missing(value) or value == "":
        return "unknown"
    text = str(value).strip().upper()
    if text not in codes.countries():
        raise RecordError(row, "nationality", f"not an ISO 3166-1 alpha-2 code: {value!r}")
    return text


def _flag(value: Any) -> bool | None:
    return None if _missing(value) else bool(value)


def _minor(value: Any, age: Any) -> str:
    if not _missing(value):
        return "minor" if bool(value) else "adult"
    if not _missing(age):
        return "minor" if int(age) < 18 else "adult"
    return "unknown"


def load(records: Iterable[Mapping[str, Any]] | pd.DataFrame) -> pd.DataFrame:
    """Validate and normalise registrations; add `unit_key` and keep the input order."""
    rows = records.to_dict("records") if isinstance(records, pd.DataFrame) else list(records)
    clean = []
    for index, record in enumerate(rows):
        year = record.get("year")
        if _missing(year):
            raise RecordError(index, "year", "missing")
        notice = bool(record.get("notice") or False)
        person_key = record.get("person_key")
        person_key = None if _missing(person_key) or person_key == "" else str(person_key)
        if notice and person_key is not None:
            raise RecordError(index, "person_key", "a statistical notice cannot carry a key")
        forms = _forms(record.get("forms"), index)
        sector = record.get("sector")
        clean.append(
            {
                "order": index,
                "year": int(year),
                "registration_date": record.get("registration_date"),
                "person_key": person_key,
                "unit_key": person_key if person_key is not None else f"registration:{index}",
                "notice": notice,
                "forms": forms,
                "nationality": _nationality(record.get("nationality"), index),
                "minor": _minor(record.get("minor"), record.get("age")),
                "age": None if _missing(record.get("age")) else int(record["age"]),
                "gender": _code(record.get("gender"), codes.GENDERS, index, "gender", "unknown"),
                "organisation_type": _organisation_type(record.get("organisation_type"), index),
                "sector": _code(sector, codes.SECTORS, index, "sector", "unknown"),
                "police_report": _flag(record.get("police_report")),
                "country_of_exploitation": _country(record.get("country_of_exploitation"), index),
            }
        )
    columns = [
        "order", "year", "registration_date", "person_key", "unit_key", "notice", "forms",
        "nationality", "minor", "age", "gender", "organisation_type", "sector",
        "police_report", "country_of_exploitation",
    ]  # fmt: skip
    frame = pd.DataFrame(clean, columns=columns)
    # The first registration of a person decides ties, so order by date where known.
    frame["_date"] = pd.to_datetime(frame["registration_date"], errors="coerce")
    frame = frame.sort_values(["year", "_date", "order"], na_position="last", kind="stable")
    return frame.drop(columns="_date").reset_index(drop=True)


def _organisation_type(value: Any, row: int) -> str:
    # The registry may know more signaller types than the listed ones; a well-formed slug
    # counts under its own code (labelled with the code) rather than being rejected.
    if _missing(value) or value == "":
        return "other"
    text = str(value).strip().lower()
    if not re.fullmatch(r"[a-z][a-z0-9_]{0,40}", text):
        raise RecordError(row, "organisation_type", f"not a code: {value!r}")
    return text


def _country(value: Any, row: int) -> str | None:
    if _missing(value) or value == "":
        return None
    text = str(value).strip().upper()
    if text not in codes.countries():
        raise RecordError(row, "country_of_exploitation", f"not an ISO 3166-1 code: {value!r}")
    return text


def unit_of(frame: pd.DataFrame) -> str:
    """Persons once any registration is linked to a person key, registrations until then."""
    return PERSONS if frame["person_key"].notna().any() else REGISTRATIONS


def person_years(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per (year, unit_key) with single-valued attributes resolved.

    A person reported by several organisations in one year may be described differently;
    the first known value (earliest registration) counts, "unknown" only if none is known.
    A police report made in any registration counts.
    """
    resolved = frame.copy()
    for column in ("nationality", "minor", "gender"):
        resolved[column] = resolved[column].where(resolved[column] != "unknown")
    resolved["police_report"] = resolved["police_report"].eq(True)
    resolved["notice"] = resolved["notice"].astype(bool)
    grouped = resolved.groupby(["year", "unit_key"], sort=False)
    result = grouped.agg(
        nationality=("nationality", "first"),
        minor=("minor", "first"),
        gender=("gender", "first"),
        police_report=("police_report", "max"),
        notice=("notice", "min"),
    ).reset_index()
    return result.fillna({"nationality": "unknown", "minor": "unknown", "gender": "unknown"})


def multi_valued(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """Distinct (year, unit_key, value) rows of a list-valued column such as `forms`."""
    exploded = frame[["year", "unit_key", column]].explode(column)
    return exploded.drop_duplicates().rename(columns={column: "value"})
