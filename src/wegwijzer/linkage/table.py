"""Encoded registrations as columns of numpy arrays, the form the matcher works on.

A list of a million `EncodedIdentity` objects costs about a gigabyte of Python objects;
the same data as arrays costs under 200 MB and can be compared a million pairs at a time.
Tokens are kept as 64-bit integers (the first 8 bytes of each keyed token), 0 standing for
"missing"; a real token is 0 with probability 2**-64.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from wegwijzer.linkage.encoding import (
    NAME_BYTES,
    EncodedIdentity,
    EncodingKey,
    Identity,
    encode,
    name_filter,
)
from wegwijzer.linkage.normalise import name_tokens, normalise_document, phonetic_code

WORDS = NAME_BYTES // 8  # 64-bit words per name filter
_TOKEN_COLUMNS = (
    "exact",
    "dob_year",
    "dob_month",
    "dob_day",
    "document",
    "given_code",
    "family_code",
)
# One row of 24 words per record: both filters, the tokens and the popcounts side by side,
# so comparing a pair gathers three adjacent cache lines per record instead of a dozen
# scattered ones.
GIVEN = slice(0, WORDS)
FAMILY = slice(WORDS, 2 * WORDS)
TOKEN = {name: 2 * WORDS + i for i, name in enumerate(_TOKEN_COLUMNS)}
BITS = 2 * WORDS + len(_TOKEN_COLUMNS)
ROW = BITS + 1


def _token(value: bytes | None) -> int:
    return 0 if value is None else int.from_bytes(value[:8], "little")


class EncodedTable:
    """Encoded records as rows of uint64 words, with a named view per field."""

    def __init__(self, rows: np.ndarray):
        if rows.ndim != 2 or rows.shape[1] != ROW or rows.dtype != np.uint64:
            raise ValueError(f"rows must be uint64 of shape (n, {ROW})")
        self.rows = rows
        self._value_hashes = None

    @classmethod
    def from_columns(cls, given, family, **tokens) -> EncodedTable:
        n = len(given)
        rows = np.zeros((n, ROW), np.uint64)
        rows[:, GIVEN] = given
        rows[:, FAMILY] = family
        for name in _TOKEN_COLUMNS:
            rows[:, TOKEN[name]] = tokens[name]
        rows[:, BITS] = _popcount_rows(rows[:, GIVEN]) | (
            _popcount_rows(rows[:, FAMILY]) << np.uint64(16)
        )
        return cls(rows)

    def __len__(self) -> int:
        return len(self.rows)

    @property
    def given(self) -> np.ndarray:
        return self.rows[:, GIVEN]

    @property
    def family(self) -> np.ndarray:
        return self.rows[:, FAMILY]

    @property
    def given_bits(self) -> np.ndarray:
        return (self.rows[:, BITS] & np.uint64(0xFFFF)).astype(np.uint16)

    @property
    def family_bits(self) -> np.ndarray:
        return (self.rows[:, BITS] >> np.uint64(16)).astype(np.uint16)

    def __getattr__(self, name: str) -> np.ndarray:
        if name in TOKEN:
            return self.rows[:, TOKEN[name]]
        raise AttributeError(name)

    @classmethod
    def empty(cls) -> EncodedTable:
        return cls(np.zeros((0, ROW), np.uint64))

    @classmethod
    def from_encodings(cls, encodings: Sequence[EncodedIdentity]) -> EncodedTable:
        n = len(encodings)
        given = np.frombuffer(b"".join(e.given for e in encodings), dtype="<u8")
        family = np.frombuffer(b"".join(e.family for e in encodings), dtype="<u8")
        tokens = {
            name: np.fromiter((_token(getattr(e, name)) for e in encodings), np.uint64, n)
            for name in _TOKEN_COLUMNS
        }
        return cls.from_columns(given.reshape(n, WORDS), family.reshape(n, WORDS), **tokens)

    def take(self, index) -> EncodedTable:
        return EncodedTable(self.rows[index])

    @staticmethod
    def concat(tables: Sequence[EncodedTable]) -> EncodedTable:
        return EncodedTable(np.concatenate([t.rows for t in tables]))

    def save(self, path) -> None:
        np.save(path, self.rows)

    @classmethod
    def load(cls, path) -> EncodedTable:
        return cls(np.load(path))


def _popcount_rows(filters: np.ndarray) -> np.ndarray:
    counts = np.bitwise_count(filters)
    total = np.zeros(len(filters), dtype=np.uint64)
    for word in range(filters.shape[1]):
        total += counts[:, word]
    return total


def encode_table(identities: Iterable[Identity], key: EncodingKey) -> EncodedTable:
    """Encode many identities straight into columns: the same values as `encode` gives,
    with the work for names and dates that repeat done once."""
    names: dict[str, tuple[bytes, list[str]]] = {}
    dates: dict[str, int] = {}
    codes: dict[str, int] = {}

    def name(text: str) -> tuple[bytes, list[str]]:
        found = names.get(text)
        if found is None:
            tokens = name_tokens(text)
            found = names[text] = (name_filter(tokens, key), tokens)
        return found

    def date(label: str) -> int:
        found = dates.get(label)
        if found is None:
            found = dates[label] = _token(key.date_part(label))
        return found

    def code(token: str) -> int:
        found = codes.get(token)
        if found is None:
            found = codes[token] = _token(key.code(phonetic_code(token)))
        return found

    given_filters, family_filters = [], []
    rows = []
    for identity in identities:
        given_filter, given = name(identity.given_names or "")
        family_filter, family = name(identity.family_names or "")
        if not given and not family:
            encode(identity, key)  # raises the "no_name" error
        dob = identity.date_of_birth
        document = normalise_document(identity.document_number)
        whole = "|".join([" ".join(given), " ".join(family), dob.isoformat() if dob else ""])
        given_filters.append(given_filter)
        family_filters.append(family_filter)
        rows.append(
            (
                _token(key.exact(whole)),
                date(f"year:{dob.year}") if dob else 0,
                date(f"daymonth:{dob.month}") if dob else 0,
                date(f"daymonth:{dob.day}") if dob else 0,
                _token(key.document(document)) if document else 0,
                code(given[0]) if given else 0,
                code(family[0]) if family else 0,
            )
        )
    n = len(rows)
    tokens = np.array(rows, dtype=np.uint64).reshape(n, len(_TOKEN_COLUMNS))
    return EncodedTable.from_columns(
        np.frombuffer(b"".join(given_filters), "<u8").reshape(n, WORDS),
        np.frombuffer(b"".join(family_filters), "<u8").reshape(n, WORDS),
        **{name: tokens[:, i] for i, name in enumerate(_TOKEN_COLUMNS)},
    )
