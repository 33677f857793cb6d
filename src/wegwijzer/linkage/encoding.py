"""Keyed encodings of a person's identifiers, made at intake so names are never stored.

`encode(identity, key)` turns a name, date of birth and optional document number into an
`EncodedIdentity`: HMAC-SHA256 values for exact comparison and Bloom filters of the name
parts (cryptographic long-term keys in the manner of Schnell, Bachteler and Reiher, 2009)
for fuzzy comparison. Everything is keyed with a secret from the environment, so without
the key nobody can compute the encoding of a guessed name. The design and its threat model
are in docs/identifiers.md.
"""

from __future__ import annotations

import base64
import binascii
import datetime
import hashlib
import hmac
import os
from dataclasses import dataclass, fields

from wegwijzer.linkage.normalise import (
    name_tokens,
    normalise_document,
    normalise_name,
    phonetic_code,
)

VERSION = 1
MIN_KEY_BYTES = 32
KEY_VARIABLE = "IDENTIFIER_KEY"

# Bloom filters of name parts: 512 bits, each padded bigram sets 10 bits. A given name of
# one or two words has 5 to 15 bigrams, so a filter is some 10-25% full: short enough to
# compare fast, long enough that unrelated names share few bits by chance.
NAME_BITS = 512
NAME_BYTES = NAME_BITS // 8
NAME_HASHES = 10
EXACT_BYTES = 32
TOKEN_BYTES = 8  # date-of-birth parts and phonetic codes: 64 bits, collisions negligible
DOCUMENT_BYTES = 16


class EncodingError(ValueError):
    """An identity that cannot be encoded, or an encoding that must be refused.

    `code` is stable for programs; the text is given in Dutch and in English.
    """

    def __init__(self, code: str, nl: str, en: str):
        self.code = code
        self.nl = nl
        self.en = en
        super().__init__(f"{nl} / {en}")


@dataclass(frozen=True)
class Identity:
    """Identifiers as they come in at intake, in clear. Never stored."""

    given_names: str
    family_names: str
    date_of_birth: datetime.date | None
    document_number: str | None = None


def normalise(identity: Identity) -> Identity:
    """The identity as it is encoded: normalised names and document number, same date."""
    return Identity(
        given_names=normalise_name(identity.given_names),
        family_names=normalise_name(identity.family_names),
        date_of_birth=identity.date_of_birth,
        document_number=normalise_document(identity.document_number) or None,
    )


class EncodingKey:
    """The secret behind every encoding, with a public fingerprint to recognise it by.

    Separate subkeys (derived with HMAC) serve the separate purposes, so an encoding of one
    kind cannot be compared with one of another kind.
    """

    def __init__(self, secret: bytes | str):
        if isinstance(secret, str):
            secret = secret.encode()
        if not isinstance(secret, bytes) or len(secret) < MIN_KEY_BYTES:
            raise EncodingError(
                "key_too_short",
                f"De koppelsleutel moet minstens {MIN_KEY_BYTES} bytes lang zijn.",
                f"The linkage key must be at least {MIN_KEY_BYTES} bytes long.",
            )
        self._exact = self._derive(secret, b"exact")
        self._names = self._derive(secret, b"names")
        self._dates = self._derive(secret, b"dates")
        self._codes = self._derive(secret, b"codes")
        self._documents = self._derive(secret, b"documents")
        self.fingerprint = hmac.new(secret, b"wegwijzer/linkage/fingerprint", "sha256").hexdigest()[
            :16
        ]
        self._bigram_masks: dict[str, int] = {}

    @staticmethod
    def _derive(secret: bytes, purpose: bytes) -> bytes:
        return hmac.new(secret, b"wegwijzer/linkage/v1/" + purpose, hashlib.sha256).digest()

    @classmethod
    def from_environment(cls, variable: str = KEY_VARIABLE, environ=None) -> EncodingKey:
        value = (os.environ if environ is None else environ).get(variable, "")
        if not value:
            raise EncodingError(
                "key_missing",
                f"De omgevingsvariabele {variable} met de koppelsleutel ontbreekt.",
                f"The environment variable {variable} holding the linkage key is not set.",
            )
        return cls(value)

    def __repr__(self) -> str:
        return f"EncodingKey(fingerprint={self.fingerprint!r})"

    def exact(self, text: str) -> bytes:
        return hmac.new(self._exact, text.encode(), hashlib.sha256).digest()

    def date_part(self, label: str) -> bytes:
        return hmac.new(self._dates, label.encode(), hashlib.sha256).digest()[:TOKEN_BYTES]

    def code(self, text: str) -> bytes:
        return hmac.new(self._codes, text.encode(), hashlib.sha256).digest()[:TOKEN_BYTES]

    def document(self, text: str) -> bytes:
        return hmac.new(self._documents, text.encode(), hashlib.sha256).digest()[:DOCUMENT_BYTES]

    def bigram_mask(self, bigram: str) -> int:
        """The bits one bigram sets: NAME_HASHES positions from one keyed hash of it.

        Every position comes straight from the HMAC output ("random hashing"), not from the
        double-hashing scheme whose structure the attack of Kroll and Steinmetzer (2015)
        uses. The positions depend only on key and bigram, so they are computed once.
        """
        mask = self._bigram_masks.get(bigram)
        if mask is None:
            digest = hmac.new(self._names, bigram.encode(), hashlib.sha256).digest()
            mask = 0
            for i in range(NAME_HASHES):
                position = int.from_bytes(digest[2 * i : 2 * i + 2], "little") % NAME_BITS
                mask |= 1 << position
            self._bigram_masks[bigram] = mask
        return mask


def bigrams(tokens: list[str]) -> set[str]:
    """Padded bigrams of every word: "jan" -> {"_j", "ja", "an", "n_"}."""
    grams = set()
    for token in tokens:
        padded = f"_{token}_"
        grams.update(padded[i : i + 2] for i in range(len(padded) - 1))
    return grams


def name_filter(tokens: list[str], key: EncodingKey) -> bytes:
    mask = 0
    for gram in bigrams(tokens):
        mask |= key.bigram_mask(gram)
    return mask.to_bytes(NAME_BYTES, "little")


@dataclass(frozen=True)
class EncodedIdentity:
    """What the registry stores instead of identifiers. No field holds clear text.

    exact: HMAC of the whole normalised identity (names and date of birth).
    given, family: Bloom filters of the given names and of the family names.
    dob_year, dob_month, dob_day: keyed tokens of the date-of-birth parts; day and month
        share one label space so a day/month swap can be recognised.
    document: keyed token of the document number.
    given_code, family_code: keyed phonetic codes of the first given name and the first
        family name, for blocking; one label space, so swapped name order still meets.
    """

    fingerprint: str
    exact: bytes
    given: bytes
    family: bytes
    dob_year: bytes | None
    dob_month: bytes | None
    dob_day: bytes | None
    document: bytes | None
    given_code: bytes | None
    family_code: bytes | None
    version: int = VERSION

    def to_dict(self) -> dict:
        """A JSON-safe dict: base64 text for every byte string, null for what is missing."""
        out: dict = {"version": self.version, "fingerprint": self.fingerprint}
        for name in _BYTE_FIELDS:
            value = getattr(self, name)
            out[name] = None if value is None else base64.b64encode(value).decode("ascii")
        return out

    @classmethod
    def from_dict(cls, data: dict, key: EncodingKey) -> EncodedIdentity:
        """Read `to_dict` output back, refusing anything that was not made by this encoder
        with this key: another version, another key's fingerprint, wrong lengths."""
        if not isinstance(data, dict):
            raise _malformed("not a dict", "geen dict")
        if data.get("version") != VERSION:
            raise EncodingError(
                "wrong_version",
                f"Codering van versie {data.get('version')!r}; verwacht versie {VERSION}.",
                f"Encoding of version {data.get('version')!r}; expected version {VERSION}.",
            )
        if data.get("fingerprint") != key.fingerprint:
            raise EncodingError(
                "wrong_key",
                "Deze codering is met een andere sleutel gemaakt en kan niet worden gekoppeld.",
                "This encoding was made with another key and cannot be linked.",
            )
        unknown = set(data) - set(_BYTE_FIELDS) - {"version", "fingerprint"}
        if unknown:
            names = ", ".join(sorted(map(str, unknown)))
            raise _malformed(f"unknown fields: {names}", f"onbekende velden: {names}")
        values = {}
        for name, (length, optional) in _BYTE_FIELDS.items():
            raw = data.get(name)
            if raw is None:
                if not optional:
                    raise _malformed(f"{name} is missing", f"{name} ontbreekt")
                values[name] = None
                continue
            try:
                value = base64.b64decode(raw, validate=True)
            except (binascii.Error, TypeError, ValueError):
                raise _malformed(f"{name} is not base64", f"{name} is geen base64") from None
            if len(value) != length:
                raise EncodingError(
                    "wrong_length",
                    f"{name} heeft {len(value)} bytes; verwacht {length}.",
                    f"{name} has {len(value)} bytes; expected {length}.",
                )
            values[name] = value
        return cls(fingerprint=key.fingerprint, **values)


# field name -> (length in bytes, may be missing)
_BYTE_FIELDS = {
    "exact": (EXACT_BYTES, False),
    "given": (NAME_BYTES, False),
    "family": (NAME_BYTES, False),
    "dob_year": (TOKEN_BYTES, True),
    "dob_month": (TOKEN_BYTES, True),
    "dob_day": (TOKEN_BYTES, True),
    "document": (DOCUMENT_BYTES, True),
    "given_code": (TOKEN_BYTES, True),
    "family_code": (TOKEN_BYTES, True),
}
assert set(_BYTE_FIELDS) == {f.name for f in fields(EncodedIdentity)} - {"version", "fingerprint"}


def _malformed(en: str, nl: str) -> EncodingError:
    return EncodingError("malformed", f"Ongeldige codering: {nl}.", f"Malformed encoding: {en}.")


def encode(identity: Identity, key: EncodingKey) -> EncodedIdentity:
    """Encode one identity. Raises EncodingError when it holds no name at all."""
    given = name_tokens(identity.given_names)
    family = name_tokens(identity.family_names)
    if not given and not family:
        raise EncodingError(
            "no_name",
            "Er is geen naam opgegeven; zonder naam kan niet worden gekoppeld.",
            "No name was given; without a name there is nothing to link.",
        )
    dob = identity.date_of_birth
    document = normalise_document(identity.document_number)
    whole = "|".join([" ".join(given), " ".join(family), dob.isoformat() if dob else ""])
    return EncodedIdentity(
        fingerprint=key.fingerprint,
        exact=key.exact(whole),
        given=name_filter(given, key),
        family=name_filter(family, key),
        dob_year=key.date_part(f"year:{dob.year}") if dob else None,
        dob_month=key.date_part(f"daymonth:{dob.month}") if dob else None,
        dob_day=key.date_part(f"daymonth:{dob.day}") if dob else None,
        document=key.document(document) if document else None,
        given_code=key.code(phonetic_code(given[0])) if given else None,
        family_code=key.code(phonetic_code(family[0])) if family else None,
    )
