"""Blocking: which pairs of records are compared at all.

Comparing every pair of a million records (5 * 10**11 pairs) is out of reach, so only pairs
that share a blocking key are compared. Each rule gives one key per record from the keyed
tokens (never from clear text); a pair is a candidate when it shares the key of at least
one rule. The rules are chosen so that a person's reports meet under some rule even when a
name is misspelt, the name order is swapped or the date of birth is missing or wrong.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from wegwijzer.linkage.table import EncodedTable

_M1 = np.uint64(0x9E3779B97F4A7C15)
_M2 = np.uint64(0xBF58476D1CE4E5B9)
_M3 = np.uint64(0x94D049BB133111EB)


def mix(*columns: np.ndarray) -> np.ndarray:
    """Combine uint64 columns into one well-spread uint64 (splitmix64 finaliser)."""
    h = np.zeros(len(columns[0]), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for column in columns:
            h = (h ^ column.astype(np.uint64)) * _M1
            h ^= h >> np.uint64(30)
            h *= _M2
            h ^= h >> np.uint64(27)
            h *= _M3
            h ^= h >> np.uint64(31)
    return h


def _const(t: EncodedTable, value: int) -> np.ndarray:
    # a different constant per rule keeps the keys of different rules apart
    return np.full(len(t), value, np.uint64)


def _unordered_day_month(t: EncodedTable):
    return np.minimum(t.dob_day, t.dob_month), np.maximum(t.dob_day, t.dob_month)


def _name_pair(t: EncodedTable):
    # the two codes as an unordered pair, so swapped given and family names still meet
    return np.minimum(t.given_code, t.family_code), np.maximum(t.given_code, t.family_code)


def lowest_bit(filters: np.ndarray) -> np.ndarray:
    """Position of the lowest set bit of each Bloom filter, plus one (0: empty filter).

    Bit positions come from a keyed hash of each bigram, so they are random: the lowest
    one is a MinHash (Broder, 1997) of the bigram set. Two filters share it with
    probability equal to the Jaccard similarity of their set bits, so names with a typo
    still meet while unrelated names rarely do. Computed from the stored filters at link
    time; it adds no information to them.
    """
    nonzero = filters != 0
    word = np.argmax(nonzero, axis=1)
    value = filters[np.arange(len(filters)), word]
    with np.errstate(over="ignore"):
        lowest = value & (~value + np.uint64(1))  # isolate the lowest set bit
        rank = np.bitwise_count(lowest - np.uint64(1)).astype(np.uint64)  # trailing zeros
    position = word.astype(np.uint64) * np.uint64(64) + rank + np.uint64(1)
    return np.where(nonzero.any(axis=1), position, np.uint64(0))


def _family_day_month(t):
    low, high = _unordered_day_month(t)
    return mix(t.family_code, low, high, _const(t, 1)), (t.family_code != 0) & (t.dob_year != 0)


def _family_year_month(t):
    return mix(t.family_code, t.dob_year, t.dob_month, _const(t, 2)), (t.family_code != 0) & (
        t.dob_year != 0
    )


def _family_year_day(t):
    return mix(t.family_code, t.dob_year, t.dob_day, _const(t, 3)), (t.family_code != 0) & (
        t.dob_year != 0
    )


def _given_date(t):
    low, high = _unordered_day_month(t)
    return mix(t.given_code, t.dob_year, low, high, _const(t, 4)), (t.given_code != 0) & (
        t.dob_year != 0
    )


def _names_year(t):
    low, high = _name_pair(t)
    return mix(low, high, t.dob_year, _const(t, 5)), (low != 0) & (t.dob_year != 0)


def _names_without_date(t):
    low, high = _name_pair(t)
    # all pairs in the block that involve a report without a date of birth
    return mix(low, high, _const(t, 8)), low != 0, t.dob_year == 0


def _date_and_minhash(field: str, salt: int):
    def rule(t):
        low, high = _unordered_day_month(t)
        signature = lowest_bit(getattr(t, field))
        key = mix(t.dob_year, low, high, signature, _const(t, salt))
        return key, (t.dob_year != 0) & (signature != 0)

    return rule


def _document(t):
    return mix(t.document, _const(t, 9)), t.document != 0


RuleFunction = Callable[[EncodedTable], tuple]
# Each rule gives (key, usable) or (key, usable, star): with a star mask only the pairs
# that involve a starred record are formed in each block.
RULES: dict[str, RuleFunction] = {
    "family_day_month": _family_day_month,  # a wrong year, given names written otherwise
    "family_year_month": _family_year_month,  # a wrong day
    "family_year_day": _family_year_day,  # a wrong month
    "given_date": _given_date,  # the family name written otherwise
    "names_year": _names_year,  # swapped names, a wrong day or month
    "names_no_date": _names_without_date,  # a missing date of birth
    "date_family": _date_and_minhash("family", 10),  # both codes differ, names close
    "date_given": _date_and_minhash("given", 11),
    "document": _document,
}
# Training the model needs blocks whose pairs are unrelated in the trained fields.
TRAINING_RULES: dict[str, RuleFunction] = {
    "date": lambda t: (mix(t.dob_year, *_unordered_day_month(t), _const(t, 12)), t.dob_year != 0),
    "names": lambda t: (mix(*_name_pair(t), _const(t, 13)), _name_pair(t)[0] != 0),
}
# A block larger than this is skipped for that rule: its pairs are almost all different
# persons who share a common name or date, and other rules still reach the true pairs.
MAX_BLOCK = 1000


def pairs_in_groups(
    keys: np.ndarray, max_block: int = MAX_BLOCK, star: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """All pairs of positions in `keys` with equal keys, in groups of at most `max_block`;
    with `star`, only the pairs that involve a starred position. Vectorised: sort by key
    (starred first within a group), then pair each position with every later one in its
    group (only starred positions get partners when there is a star mask)."""
    n = len(keys)
    empty = np.empty(0, np.int64), np.empty(0, np.int64)
    if n < 2:
        return empty
    order = np.argsort(keys, kind="stable") if star is None else np.lexsort((~star, keys))
    sorted_keys = keys[order]
    starts = np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])
    sizes = np.diff(np.r_[starts, n])
    keep = (sizes >= 2) & (sizes <= max_block)
    starts, sizes = starts[keep], sizes[keep]
    if len(starts) == 0:
        return empty
    ends = starts + sizes
    offsets = np.repeat(starts - np.r_[0, np.cumsum(sizes)[:-1]], sizes)
    position = np.arange(sizes.sum()) + offsets  # every member, group by group
    partners = np.repeat(ends, sizes) - position - 1  # members after each one in its group
    if star is not None:
        partners[~star[order[position]]] = 0
    total = int(partners.sum())
    left = np.repeat(position, partners)
    first = np.repeat(np.cumsum(partners) - partners, partners)
    right = left + 1 + (np.arange(total) - first)
    return order[left], order[right]


def _rule_pairs(table: EncodedTable, rule, max_block: int, restrict=None):
    key, usable, *star = rule(table)
    index = np.flatnonzero(usable)
    key = key[index]
    star = star[0][index] if star else None
    if restrict is not None:  # only the blocks that contain a record of `restrict`
        touched = np.isin(key, sorted_unique(key[restrict(index)]))
        index, key = index[touched], key[touched]
        star = None if star is None else star[touched]
    a, b = pairs_in_groups(key, max_block, star)
    a, b = index[a], index[b]
    return np.minimum(a, b), np.maximum(a, b)


def candidate_pairs(
    table: EncodedTable, rules=RULES, max_block: int = MAX_BLOCK
) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Per rule, the pairs (i, j), i < j, of records of `table` that share the rule's key."""
    return {name: _rule_pairs(table, rule, max_block) for name, rule in rules.items()}


def cross_pairs(
    table: EncodedTable, first_new: int, rules=RULES, max_block: int = MAX_BLOCK
) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """The pairs of `candidate_pairs(table)` that involve a record at or after `first_new`:
    what an incremental run adds. Block sizes count all records, old and new."""
    out = {}
    for name, rule in rules.items():
        a, b = _rule_pairs(table, rule, max_block, restrict=lambda index: index >= first_new)
        keep = b >= first_new
        out[name] = a[keep], b[keep]
    return out


def sorted_unique(values: np.ndarray, counts: bool = False):
    """np.unique by sorting: numpy's hash-based unique is several times slower on tens of
    millions of integers. With `counts`, also how often each value occurs."""
    values = np.sort(values)
    if len(values) == 0:
        return (values, np.empty(0, np.int64)) if counts else values
    starts = np.flatnonzero(np.r_[True, values[1:] != values[:-1]])
    if counts:
        return values[starts], np.diff(np.r_[starts, len(values)])
    return values[starts]


def union_of_pairs(
    per_rule: dict[str, tuple[np.ndarray, np.ndarray]], n: int
) -> tuple[np.ndarray, np.ndarray]:
    """The distinct pairs over all rules, sorted by (i, j)."""
    return _distinct(iter(per_rule.values()), n)


def candidates(table: EncodedTable, rules=RULES, max_block: int = MAX_BLOCK):
    """The distinct candidate pairs of all rules, sorted, as int32 arrays; each rule's
    pairs are folded in as soon as they are made, so at most one rule's pairs are held
    beside the result."""
    pairs = (_rule_pairs(table, rule, max_block) for rule in rules.values())
    return _distinct(pairs, len(table))


def _distinct(pairs, n: int) -> tuple[np.ndarray, np.ndarray]:
    codes = [a.astype(np.int64) * n + b for a, b in pairs]  # one int64 per pair: a*n + b
    if not codes:
        return np.empty(0, np.int32), np.empty(0, np.int32)
    merged = np.concatenate(codes)
    del codes
    merged.sort()
    if len(merged):
        keep = np.empty(len(merged), bool)
        keep[0] = True
        np.not_equal(merged[1:], merged[:-1], out=keep[1:])
        merged = merged[keep]
    dtype = np.int32 if n < 2**31 else np.int64
    return (merged // n).astype(dtype), (merged % n).astype(dtype)
