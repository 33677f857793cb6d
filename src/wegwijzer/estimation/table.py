"""The capture-history table: how many people were seen on each combination of lists.

Cell index = bit mask of the lists a person is on (bit i for `lists[i]`); cell 0, nobody's
list, is the hidden number and always holds 0. Every observable history that is not given
counts as 0, as it must when fitting.
"""

import csv
import io
import math
import re
from dataclasses import dataclass

import numpy as np

from wegwijzer.estimation.errors import EstimationError

MIN_LISTS = 2
MAX_LISTS = 12
MAX_COUNT = 10**9
COUNT_COLUMNS = ("count", "aantal")
_INTEGER = re.compile(r"[+-]?\d+")


@dataclass(frozen=True, eq=False)
class CaptureTable:
    lists: tuple[str, ...]
    counts: np.ndarray  # int64, length 2**K, counts[0] == 0

    @property
    def k(self) -> int:
        return len(self.lists)

    @property
    def observed(self) -> int:
        return int(self.counts.sum())

    def list_totals(self) -> list[int]:
        cells = np.arange(self.counts.size)
        return [int(self.counts[(cells >> i) & 1 == 1].sum()) for i in range(self.k)]

    def overlap(self, term: int) -> int:
        """People on every list in the bit mask `term` (whatever other lists they are on)."""
        cells = np.arange(self.counts.size)
        return int(self.counts[(cells & term) == term].sum())

    def rows(self) -> list[tuple[tuple[int, ...], int]]:
        """Every observable history with its count, zeros included, in cell order."""
        return [
            (tuple((cell >> i) & 1 for i in range(self.k)), int(self.counts[cell]))
            for cell in range(1, self.counts.size)
        ]

    def to_csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([*self.lists, "count"])
        for pattern, count in self.rows():
            if count:
                writer.writerow([*pattern, count])
        return out.getvalue()

    def with_counts(self, counts: np.ndarray) -> "CaptureTable":
        return CaptureTable(self.lists, np.asarray(counts, dtype=np.int64))


def pattern_text(pattern) -> str:
    return "".join(str(value) for value in pattern)


def check_list_names(lists, max_lists: int = MAX_LISTS) -> tuple[str, ...]:
    names = tuple(str(name).strip() for name in lists)
    for position, name in enumerate(names, start=1):
        if not name:
            raise EstimationError("empty_list_name", column=position)
        if ":" in name:
            raise EstimationError("bad_list_name", name=name)
    seen = set()
    for name in names:
        if name in seen:
            raise EstimationError("duplicate_list_name", name=name)
        seen.add(name)
    if len(names) < MIN_LISTS:
        raise EstimationError("too_few_lists", lists=len(names))
    if len(names) > max_lists:
        raise EstimationError("too_many_lists", lists=len(names), maximum=max_lists)
    return names


def _bit(value, row: int, column: str) -> int:
    if isinstance(value, bool):
        raise EstimationError("not_binary", row=row, column=column, value=value)
    if isinstance(value, int | float) and value in (0, 1):
        return int(value)
    if isinstance(value, str) and value.strip() in ("0", "1"):
        return int(value.strip())
    raise EstimationError("not_binary", row=row, column=column, value=value)


def _count(value, row: int) -> int:
    if isinstance(value, bool) or value is None:
        raise EstimationError("count_not_a_number", row=row, value=value)
    if isinstance(value, str):
        text = value.strip()
        if _INTEGER.fullmatch(text):
            value = int(text)
        else:
            try:
                value = float(text.replace(",", ".") if text.count(",") == 1 else text)
            except ValueError:
                raise EstimationError("count_not_a_number", row=row, value=text) from None
    if isinstance(value, float):
        if not math.isfinite(value):
            raise EstimationError("count_not_a_number", row=row, value=value)
        if value < 0:
            raise EstimationError("count_negative", row=row, value=value)
        if not value.is_integer():
            raise EstimationError("count_not_integer", row=row, value=value)
        value = int(value)
    if not isinstance(value, int):
        raise EstimationError("count_not_a_number", row=row, value=value)
    if value < 0:
        raise EstimationError("count_negative", row=row, value=value)
    if value > MAX_COUNT:
        raise EstimationError("count_too_large", row=row, value=value, maximum=MAX_COUNT)
    return value


def from_rows(lists, rows, *, max_lists: int = MAX_LISTS, first_row: int = 1) -> CaptureTable:
    """A table from list names and (pattern, count) rows; row numbers in messages start at
    `first_row` (2 for a CSV file whose header is row 1, as a spreadsheet shows it)."""
    names = check_list_names(lists, max_lists)
    k = len(names)
    counts = np.zeros(2**k, dtype=np.int64)
    first_seen: dict[int, int] = {}
    for number, (pattern, count) in enumerate(rows, start=first_row):
        pattern = list(pattern) if isinstance(pattern, list | tuple) else pattern
        if not isinstance(pattern, list) or len(pattern) != k:
            got = len(pattern) if isinstance(pattern, list) else 0
            raise EstimationError("wrong_row_length", row=number, got=got, expected=k)
        bits = [_bit(value, number, names[i]) for i, value in enumerate(pattern)]
        value = _count(count, number)
        cell = sum(bit << i for i, bit in enumerate(bits))
        if cell == 0:
            raise EstimationError("all_zero_pattern", row=number)
        if cell in first_seen:
            raise EstimationError(
                "duplicate_pattern", row=number, first=first_seen[cell], pattern=pattern_text(bits)
            )
        first_seen[cell] = number
        counts[cell] = value
    if not first_seen:
        raise EstimationError("empty_input")
    return CaptureTable(names, counts)


def _delimiter(header_line: str) -> str:
    for candidate in (",", ";", "\t"):
        if candidate in header_line:
            return candidate
    return ","


def parse_csv(text: str, *, max_lists: int = MAX_LISTS) -> CaptureTable:
    """One 0/1 column per list and a `count` column (also `aantal`), in any order."""
    if not isinstance(text, str):
        raise EstimationError("unreadable_csv")
    text = text.lstrip("\ufeff")
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        raise EstimationError("empty_input")
    try:
        records = list(csv.reader(lines, delimiter=_delimiter(lines[0])))
    except csv.Error:
        raise EstimationError("unreadable_csv") from None
    header = [name.strip() for name in records[0]]
    lowered = [name.lower() for name in header]
    count_at = next((lowered.index(c) for c in COUNT_COLUMNS if c in lowered), None)
    if count_at is None:
        raise EstimationError("missing_count_column")
    list_columns = [i for i in range(len(header)) if i != count_at]
    names = [header[i] for i in list_columns]
    check_list_names(names, max_lists)

    def rows():
        for number, record in enumerate(records[1:], start=2):
            if len(record) != len(header):
                raise EstimationError(
                    "wrong_row_length", row=number, got=len(record) - 1, expected=len(names)
                )
            yield [record[i] for i in list_columns], record[count_at]

    return from_rows(names, rows(), max_lists=max_lists, first_row=2)


def check_estimable(table: CaptureTable) -> None:
    """Refuse tables for which no estimate exists, saying why (before any model is fitted)."""
    if table.observed == 0:
        raise EstimationError("no_people")
    for name, total in zip(table.lists, table.list_totals(), strict=True):
        if total == 0:
            raise EstimationError("empty_list", name=name)
        if total == table.observed:
            raise EstimationError("list_holds_everyone", name=name)
    cells = np.arange(table.counts.size)
    on_several = np.array([bin(cell).count("1") >= 2 for cell in cells])
    if table.counts[on_several].sum() == 0:
        raise EstimationError("no_overlap")
