"""From people and the organisations that reported them to capture-history tables.

The registry will feed this: one entry per (linked) person for a year, with the codes of the
organisations that reported that person and a stratum (for example adult or minor). The user
groups organisations into lists; a person is on a list when any organisation of that list
reported them. Organisations outside every list are ignored, and people reported only by them
are counted separately: no list saw them.
"""

from collections import Counter
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass

import numpy as np

from wegwijzer.estimation import intervals, procedures
from wegwijzer.estimation.errors import EstimationError, note
from wegwijzer.estimation.table import MAX_LISTS, CaptureTable, check_list_names


@dataclass(frozen=True)
class Captures:
    pooled: CaptureTable
    strata: dict[Hashable, CaptureTable]
    unlisted: dict[Hashable, int]  # people per stratum reported only outside the lists


def build_tables(
    people: Iterable[tuple[Iterable[str], Hashable]],
    grouping: Mapping[str, Iterable[str]],
    *,
    max_lists: int = MAX_LISTS,
) -> Captures:
    """Tables per stratum and summed over strata, for the lists in `grouping` (list name →
    organisation codes, in the order the lists should have)."""
    names = check_list_names(list(grouping), max_lists)
    list_of: dict[str, int] = {}
    for position, (name, codes) in enumerate(zip(names, grouping.values(), strict=True)):
        for code in codes:
            if code in list_of and list_of[code] != position:
                raise EstimationError(
                    "organisation_in_two_lists",
                    organisation=code,
                    first=names[list_of[code]],
                    second=name,
                )
            list_of[code] = position
    size = 2 ** len(names)
    strata: dict[Hashable, np.ndarray] = {}
    unlisted: Counter = Counter()
    for organisations, stratum in people:
        cell = 0
        for code in organisations:
            if code in list_of:
                cell |= 1 << list_of[code]
        counts = strata.setdefault(stratum, np.zeros(size, dtype=np.int64))
        if cell:
            counts[cell] += 1
        else:
            unlisted[stratum] += 1
    pooled = np.zeros(size, dtype=np.int64)
    for counts in strata.values():
        pooled += counts
    return Captures(
        pooled=CaptureTable(names, pooled),
        strata={key: CaptureTable(names, counts) for key, counts in strata.items()},
        unlisted={key: unlisted[key] for key in strata},
    )


def estimate_strata(tables: Mapping[Hashable, CaptureTable], **settings) -> dict:
    """Estimate each stratum on its own and add the estimates up.

    Strata are resampled independently (seed + position), so adding the i-th bootstrap
    replicate of every stratum gives a replicate of the sum; its interval is the percentile
    interval of those sums. Without a bootstrap in every stratum the sum has no interval.
    """
    seed = settings.pop("seed", procedures.DEFAULT_SEED)
    answers, replicates = {}, []
    for position, (stratum, table) in enumerate(tables.items()):
        options = procedures.Options(seed=(seed + position) % 2**32, **settings)
        try:
            answer, values = procedures.run(table, options)
        except EstimationError as error:
            raise EstimationError(
                "stratum_failed", stratum=stratum, detail_nl=error.nl, detail_en=error.en
            ) from error
        answers[str(stratum)] = answer
        replicates.append(values)
    total = {
        "observed": sum(answer["observed"] for answer in answers.values()),
        "estimate": sum(answer["estimate"] for answer in answers.values()),
        "ci_low": None,
        "ci_high": None,
        "interval": None,
        "notes": [],
    }
    if replicates and all(values is not None for values in replicates):
        sums = np.sort(np.sum(replicates, axis=0))
        level = procedures.LEVEL
        total["ci_low"] = intervals.quantile_type8(sums, (1 - level) / 2)
        high = intervals.quantile_type8(sums, (1 + level) / 2)
        total["ci_high"] = high if np.isfinite(high) else None
        total["interval"] = "percentile-bootstrap-sum"
    else:
        total["notes"].append(note("sum_interval_needs_bootstrap"))
    return {"strata": answers, "total": total}
