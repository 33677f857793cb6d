"""A record-level research extract that is k-anonymous, in the CTDC data format.

One record per person (per registration until linkage exists), with columns named as in
the Counter Trafficking Data Collaborative's global victim data set (IOM; the column
names follow the header of CTDC's "The Global Dataset" of April 2020, see
docs/statistics.md for the mapping and what is not CTDC). Missing or withheld values are
-99, as in CTDC's files. Columns starting with `nl` are this registry's own additions.

Every released column is treated as a quasi-identifier: after generalisation and record
suppression every combination of released values is shared by at least `k` records
(Samarati and Sweeney's k-anonymity). Generalisation is full-domain along a hierarchy per
attribute (`HIERARCHIES`); the lattice of level combinations is searched exhaustively and
the node with the smallest discernibility cost (Bayardo and Agrawal, 2005) wins among the
nodes that need at most `max_suppressed` of the records suppressed. The loss is reported:
levels chosen, records suppressed, Sweeney's precision, discernibility and the normalised
average class size (LeFevre, DeWitt and Ramakrishnan, 2006).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from . import codes, records

MISSING = -99
K = 11

AGE_BANDS = (
    (0, 8, "0--8"), (9, 17, "9--17"), (18, 20, "18--20"), (21, 23, "21--23"),
    (24, 26, "24--26"), (27, 29, "27--29"), (30, 38, "30--38"), (39, 47, "39--47"),
    (48, 200, "48+"),
)  # fmt: skip
GENDER = {"female": "Female", "male": "Male"}  # "other" and "unknown" are released as -99
MAJORITY = {"minor": "Minor", "adult": "Adult"}
LABOUR_TYPES = {
    "agriculture_fishing": "typeOfLabourAgriculture",
    "begging": "typeOfLabourBegging",
    "construction": "typeOfLabourConstruction",
    "domestic_work": "typeOfLabourDomesticWork",
    "hospitality": "typeOfLabourHospitality",
    "manufacturing": "typeOfLabourManufacturing",
    "mining": "typeOfLabourMiningOrDrilling",
    "retail": "typeOfLabourOther",
    "personal_services": "typeOfLabourOther",
    "other": "typeOfLabourOther",
    "unknown": "typeOfLabourNotSpecified",
}
LABOUR_COLUMNS = sorted(set(LABOUR_TYPES.values()))
FORM_COLUMNS = ["isForcedLabour", "isSexualExploit", "isOtherExploit", "isOrganRemoval"]

COLUMNS = [
    "yearOfRegistration", "gender", "ageBroad", "majorityStatus", "citizenship",
    "CountryOfExploitation", *FORM_COLUMNS, *LABOUR_COLUMNS,
    "nlRegistrationPeriod", "nlCitizenshipRegion", "nlExploitedInNetherlands",
]  # fmt: skip

# Attribute -> names of its levels, most detailed first, the last withholding everything.
HIERARCHIES = {
    "year": ("year", "period", "withheld"),
    "age": ("age band", "minor or adult", "withheld"),
    "citizenship": ("country", "region", "withheld"),
    "gender": ("gender", "withheld"),
    "exploitation": ("country", "in the Netherlands or not", "withheld"),
    "forms": ("forms", "organ removal as other", "withheld"),
    "sector": ("sector", "withheld"),
}

WEIGHTS = {
    "forms": 4.0, "year": 3.0, "gender": 2.0, "age": 2.0, "citizenship": 2.0,
    "sector": 1.0, "exploitation": 1.0,
}  # fmt: skip


@dataclass(frozen=True)
class Loss:
    """How much the extract gave up to be k-anonymous."""

    k: int
    unit: str
    records_in: int
    records_out: int
    suppressed: int
    levels: dict[str, str]
    precision: float  # Sweeney: 1 - mean(level / height); 1 = nothing generalised
    discernibility: int  # sum of squared class sizes + suppressed x records_in
    classes: int
    smallest_class: int
    average_class_size: float  # normalised: (records_out / classes) / k; 1 is ideal

    @property
    def suppressed_share(self) -> float:
        return self.suppressed / self.records_in if self.records_in else 0.0


@dataclass(frozen=True)
class Extract:
    records: pd.DataFrame
    loss: Loss


def persons(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per counting unit, described by its first registration; forms and sectors
    gathered over all its registrations."""
    first = frame.copy()  # `records.load` ordered it: year, registration date, input order
    for column in ("nationality", "minor", "gender"):
        first[column] = first[column].where(first[column] != "unknown")
    grouped = first.groupby("unit_key", sort=False)
    people = grouped.agg(
        year=("year", "first"),
        age=("age", "first"),
        minor=("minor", "first"),
        gender=("gender", "first"),
        nationality=("nationality", "first"),
        country_of_exploitation=("country_of_exploitation", "first"),
    )
    # Gathered in one pass: a Python function per group is far slower on 100,000 rows.
    forms: dict[str, set] = {}
    sectors: dict[str, set] = {}
    for key, form_list, sector in zip(
        frame["unit_key"], frame["forms"], frame["sector"], strict=True
    ):
        forms.setdefault(key, set()).update(form_list)
        sectors.setdefault(key, set()).add(sector)
    people["forms"] = [frozenset(forms[key]) for key in people.index]
    people["sectors"] = [frozenset(sectors[key]) for key in people.index]
    return people.fillna({"minor": "unknown", "gender": "unknown", "nationality": "unknown"})


def _age_band(age: Any) -> str | int:
    if age is None or pd.isna(age):
        return MISSING
    for low, high, label in AGE_BANDS:
        if low <= int(age) <= high:
            return label
    return MISSING


def _period(year: int, start: int, length: int) -> str:
    first = start + ((year - start) // length) * length
    return f"{first}--{first + length - 1}"


def _levels(people: pd.DataFrame, period_start: int, period_length: int) -> dict:
    """Per attribute, per level: the released column values for every person."""
    n = len(people)
    region = {code: country.region for code, country in codes.countries().items()}
    levels: dict[str, list[dict[str, list]]] = {}

    years = people["year"].astype(int).tolist()
    periods = [_period(y, period_start, period_length) for y in years]
    levels["year"] = [
        {"yearOfRegistration": years, "nlRegistrationPeriod": periods},
        {"yearOfRegistration": [MISSING] * n, "nlRegistrationPeriod": periods},
        {"yearOfRegistration": [MISSING] * n, "nlRegistrationPeriod": [MISSING] * n},
    ]

    bands = []
    for age, minor in zip(people["age"], people["minor"], strict=True):
        band = _age_band(age)
        # A band must agree with the minor flag; where they disagree the flag wins.
        if (
            band != MISSING
            and minor != "unknown"
            and (band in ("0--8", "9--17")) != (minor == "minor")
        ):
            band = MISSING
        bands.append(band)
    majority = [MAJORITY.get(m, MISSING) for m in people["minor"]]
    levels["age"] = [
        {"ageBroad": bands, "majorityStatus": majority},
        {"ageBroad": [MISSING] * n, "majorityStatus": majority},
        {"ageBroad": [MISSING] * n, "majorityStatus": [MISSING] * n},
    ]

    citizenship = [MISSING if c == "unknown" else c for c in people["nationality"]]
    regions = [region.get(c, MISSING) if c != MISSING else MISSING for c in citizenship]
    levels["citizenship"] = [
        {"citizenship": citizenship, "nlCitizenshipRegion": regions},
        {"citizenship": [MISSING] * n, "nlCitizenshipRegion": regions},
        {"citizenship": [MISSING] * n, "nlCitizenshipRegion": [MISSING] * n},
    ]

    levels["gender"] = [
        {"gender": [GENDER.get(g, MISSING) for g in people["gender"]]},
        {"gender": [MISSING] * n},
    ]

    exploitation = [
        MISSING if c is None or pd.isna(c) else c for c in people["country_of_exploitation"]
    ]
    in_nl = [MISSING if c == MISSING else int(c == "NL") for c in exploitation]
    levels["exploitation"] = [
        {"CountryOfExploitation": exploitation, "nlExploitedInNetherlands": in_nl},
        {"CountryOfExploitation": [MISSING] * n, "nlExploitedInNetherlands": in_nl},
        {"CountryOfExploitation": [MISSING] * n, "nlExploitedInNetherlands": [MISSING] * n},
    ]

    forms = list(people["forms"])
    detailed = {
        "isForcedLabour": [int("labour" in f) for f in forms],
        "isSexualExploit": [int("sexual" in f) for f in forms],
        "isOtherExploit": [int(bool(f & {"criminal", "other"})) for f in forms],
        "isOrganRemoval": [int("organ_removal" in f) for f in forms],
    }
    merged = dict(detailed)
    merged["isOtherExploit"] = [
        int(bool(f & {"criminal", "other", "organ_removal"})) for f in forms
    ]
    merged["isOrganRemoval"] = [MISSING] * n
    levels["forms"] = [detailed, merged, {column: [MISSING] * n for column in FORM_COLUMNS}]

    sector_values = {column: [] for column in LABOUR_COLUMNS}
    for form_set, sectors in zip(forms, people["sectors"], strict=True):
        chosen = {LABOUR_TYPES[s] for s in sectors if s in LABOUR_TYPES}
        if "labour" in form_set and not (chosen - {"typeOfLabourNotSpecified"}):
            chosen = {"typeOfLabourNotSpecified"}
        else:
            chosen.discard("typeOfLabourNotSpecified")
        for column in LABOUR_COLUMNS:
            value = int(column in chosen) if "labour" in form_set else MISSING
            sector_values[column].append(value)
    levels["sector"] = [sector_values, {column: [MISSING] * n for column in LABOUR_COLUMNS}]
    return levels


def _codes(level_values: dict[str, list]) -> np.ndarray:
    """An integer per record identifying its combination of this level's column values."""
    keys = list(zip(*level_values.values(), strict=True))
    return pd.factorize(pd.Series(keys, dtype=object))[0].astype(np.int64)


def anonymise(
    registrations: Iterable[Mapping[str, Any]] | pd.DataFrame,
    *,
    k: int = K,
    max_suppressed: float = 0.05,
    period_start: int = 2016,
    period_length: int = 5,
    weights: Mapping[str, float] | None = None,
) -> Extract:
    """The k-anonymous extract with its information loss (see the module docstring).

    Among the generalisations that suppress at most `max_suppressed` of the records, the
    one that generalises least wins, each attribute's share weighted by `weights` (the
    form of exploitation counts most, as it is what the data are about); ties go to the
    smaller discernibility cost.
    """
    weights = {**WEIGHTS, **(weights or {})}
    frame = registrations
    if not (isinstance(frame, pd.DataFrame) and "unit_key" in frame.columns):
        frame = records.load(registrations)
    unit = records.unit_of(frame)
    people = persons(frame)
    n = len(people)
    levels = _levels(people, period_start, period_length)
    attributes = list(HIERARCHIES)
    level_codes = {a: [_codes(values) for values in levels[a]] for a in attributes}

    def generalised(node) -> float:
        return round(
            sum(
                weights[a] * level / (len(HIERARCHIES[a]) - 1)
                for a, level in zip(attributes, node, strict=True)
            ),
            9,
        )

    # Generalising never makes a class smaller, so once a node is admissible every node
    # above it is too, and generalises more: visiting nodes from least to most
    # generalised, the first admissible weight is the optimum (Samarati's search, by
    # weight instead of height). Only nodes of that same weight still compete, on cost.
    nodes = sorted(itertools.product(*(range(len(HIERARCHIES[a])) for a in attributes)),
                   key=lambda node: (generalised(node), node))  # fmt: skip
    best = None
    for node in nodes:
        if best is not None and generalised(node) > best[0][0]:
            break
        key = np.zeros(n, dtype=np.int64)
        for attribute, level in zip(attributes, node, strict=True):
            column = level_codes[attribute][level]
            key = key * (int(column.max(initial=0)) + 1) + column
            if key.max(initial=0) > 2**40:  # renumber before the product could overflow
                key = pd.factorize(key)[0].astype(np.int64)
        inverse = pd.factorize(key)[0]
        counts = np.bincount(inverse)
        small = counts < k
        suppressed = int(counts[small].sum())
        if suppressed > max_suppressed * n:
            continue
        kept = counts[~small]
        cost = int((kept.astype(np.int64) ** 2).sum()) + suppressed * n
        rank = (generalised(node), cost, node)
        if best is None or rank < best[0]:
            best = (rank, node, ~small[inverse], kept)
    if best is None:
        # Fewer than k records: even withholding every attribute leaves a class too
        # small, so nothing is released.
        top = {a: HIERARCHIES[a][-1] for a in attributes}
        empty = pd.DataFrame(columns=COLUMNS)
        return Extract(empty, Loss(k, unit, n, 0, n, top, 0.0, n * n, 0, 0, 0.0))
    (_, cost, _), node, keep, kept = best
    columns: dict[str, list] = {}
    for attribute, level in zip(attributes, node, strict=True):
        columns.update(levels[attribute][level])
    released = pd.DataFrame(columns)[COLUMNS][keep]
    # Sorted, so the order of rows says nothing about the order of registration.
    released = released.astype(str).sort_values(COLUMNS).reset_index(drop=True)
    precision = 1 - float(
        np.mean(
            [level / (len(HIERARCHIES[a]) - 1) for a, level in zip(attributes, node, strict=True)]
        )
    )
    loss = Loss(
        k=k,
        unit=unit,
        records_in=n,
        records_out=len(released),
        suppressed=n - len(released),
        levels={a: HIERARCHIES[a][level] for a, level in zip(attributes, node, strict=True)},
        precision=precision,
        discernibility=cost,
        classes=len(kept),
        smallest_class=int(kept.min()) if len(kept) else 0,
        average_class_size=(len(released) / len(kept) / k) if len(kept) else 0.0,
    )
    return Extract(released, loss)


def is_k_anonymous(extract: pd.DataFrame, k: int = K) -> bool:
    """True when every combination of all released columns occurs at least k times."""
    if extract.empty:
        return True
    return bool(extract.groupby(list(extract.columns), dropna=False).size().min() >= k)
