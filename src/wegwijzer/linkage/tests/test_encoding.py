import datetime
import json

import pytest

from wegwijzer.linkage.encoding import (
    NAME_BYTES,
    EncodedIdentity,
    EncodingError,
    EncodingKey,
    Identity,
    encode,
    normalise,
)
from wegwijzer.linkage.normalise import name_tokens, normalise_document, phonetic_code

KEY = EncodingKey("k" * 32)
OTHER_KEY = EncodingKey("o" * 40)
ANNA = Identity("Anna Maria", "de Vries", datetime.date(1990, 5, 17), "nl-ab 12345")


def dice(a: bytes, b: bytes) -> float:
    x, y = int.from_bytes(a, "little"), int.from_bytes(b, "little")
    return 2 * (x & y).bit_count() / (x.bit_count() + y.bit_count())


@pytest.mark.parametrize(
    ("written", "normalised"),
    [
        ("Jan-Willem van der Berg", "jan willem berg"),
        ("VAN DER BERG, Jan Willem", "berg jan willem"),
        ("'t Hooft", "hooft"),
        ("De", "de"),  # a name of particles only keeps them
        ("O'Brien", "obrien"),
        ("Łukasz  Wiśniewski", "lukasz wisniewski"),
        ("Ștefan Țurcanu", "stefan turcanu"),  # Romanian comma-below letters
        ("Ştefan Ţurcanu", "stefan turcanu"),  # the cedilla forms agencies also type
        ("Ọlábísí Adéyẹmí", "olabisi adeyemi"),  # Yoruba tone marks and dots
        ("Ɔkyere Ɛfua", "okyere efua"),  # Akan open vowels
        ("Ɗanjuma Ɓello", "danjuma bello"),  # Hausa hooked letters
        ("Шевченко", "shevchenko"),
        ("Олександр Юрійович", "oleksandr yuriiovych"),  # Ukrainian national system
        ("Петър Стоянов", "petar stoyanov"),  # Bulgarian: ъ inside a word
        ("Άννα Παπαδοπούλου", "anna papadopoulou"),
        ("Al-Hassan", "hassan"),
        ("محمد", "محمد"),  # other scripts are kept, never emptied
        ("  ", ""),
    ],
)
def test_normalise_name(written, normalised):
    assert " ".join(name_tokens(written)) == normalised


def test_normalise_identity():
    assert normalise(ANNA) == Identity(
        "anna maria", "vries", datetime.date(1990, 5, 17), "NLAB12345"
    )
    assert normalise_document(None) == ""


@pytest.mark.parametrize(
    "spellings",
    [
        ("shevchenko", "szewczenko", "schewtschenko"),
        ("oleksandr", "olexandr", "aleksandr"),
        ("mohammed", "muhammad", "mohamed"),
        ("yurii", "iurii", "jurij"),
        ("wisniewski", "visnevski"),
    ],
)
def test_phonetic_code_unites_spellings(spellings):
    assert len({phonetic_code(s) for s in spellings}) == 1


def test_phonetic_code_separates_names():
    assert phonetic_code("jansen") != phonetic_code("peters")


def test_round_trip_through_json():
    encoded = encode(ANNA, KEY)
    data = json.loads(json.dumps(encoded.to_dict()))
    assert data["version"] == 1 and data["fingerprint"] == KEY.fingerprint
    assert EncodedIdentity.from_dict(data, KEY) == encoded


def test_missing_parts_round_trip():
    encoded = encode(Identity("Mercy", "", None), KEY)
    assert encoded.dob_year is None and encoded.document is None and encoded.family_code is None
    assert EncodedIdentity.from_dict(encoded.to_dict(), KEY) == encoded


def test_no_clear_identifier_in_output():
    text = json.dumps(encode(ANNA, KEY).to_dict()).lower()
    for clear in ("anna", "maria", "vries", "1990", "12345", "nlab"):
        assert clear not in text


def test_same_person_written_differently_encodes_alike():
    a = encode(Identity("Jan Willem", "van der Berg", datetime.date(1980, 1, 2)), KEY)
    b = encode(Identity("JAN-WILLEM", "Berg, van der", datetime.date(1980, 1, 2)), KEY)
    assert a == b


def test_bloom_filters_are_fuzzy():
    a = encode(Identity("Oleksandr", "Shevchenko", None), KEY)
    typo = encode(Identity("Oleksander", "Shevcenko", None), KEY)
    other = encode(Identity("Fatima", "Bello", None), KEY)
    assert len(a.given) == NAME_BYTES
    assert dice(a.family, typo.family) > 0.8
    assert dice(a.family, other.family) < 0.4
    assert a.exact != typo.exact


def test_day_and_month_share_a_label_space():
    a = encode(Identity("A", "B", datetime.date(1990, 3, 7)), KEY)
    b = encode(Identity("A", "B", datetime.date(1990, 7, 3)), KEY)
    assert (a.dob_day, a.dob_month) == (b.dob_month, b.dob_day)


def test_the_key_changes_everything():
    a, b = encode(ANNA, KEY), encode(ANNA, OTHER_KEY)
    assert a.exact != b.exact and a.given != b.given and a.dob_year != b.dob_year
    assert KEY.fingerprint != OTHER_KEY.fingerprint and len(KEY.fingerprint) == 16


def test_refuses_short_key():
    with pytest.raises(EncodingError) as error:
        EncodingKey(b"x" * 31)
    assert error.value.code == "key_too_short"
    assert "32" in error.value.nl and "32" in error.value.en


def test_key_from_environment():
    assert EncodingKey.from_environment(environ={"IDENTIFIER_KEY": "k" * 32}).fingerprint == (
        KEY.fingerprint
    )
    with pytest.raises(EncodingError, match="IDENTIFIER_KEY"):
        EncodingKey.from_environment(environ={})
    assert "k" * 32 not in repr(KEY)


def test_refuses_another_keys_encoding():
    with pytest.raises(EncodingError) as error:
        EncodedIdentity.from_dict(encode(ANNA, OTHER_KEY).to_dict(), KEY)
    assert error.value.code == "wrong_key"
    assert "sleutel" in str(error.value) and "key" in str(error.value)


def test_refuses_wrong_version():
    data = encode(ANNA, KEY).to_dict() | {"version": 2}
    with pytest.raises(EncodingError) as error:
        EncodedIdentity.from_dict(data, KEY)
    assert error.value.code == "wrong_version"


@pytest.mark.parametrize("field", ["given", "exact", "dob_year", "document"])
def test_refuses_wrong_length(field):
    data = encode(ANNA, KEY).to_dict()
    data[field] = data[field][:-8]
    with pytest.raises(EncodingError) as error:
        EncodedIdentity.from_dict(data, KEY)
    assert error.value.code == "wrong_length"
    assert field in error.value.en


@pytest.mark.parametrize(
    "change",
    [{"given": None}, {"family": "not base64!"}, {"extra": "x"}],
)
def test_refuses_malformed(change):
    data = encode(ANNA, KEY).to_dict() | change
    with pytest.raises(EncodingError) as error:
        EncodedIdentity.from_dict(data, KEY)
    assert error.value.code == "malformed"


def test_refuses_not_a_dict():
    with pytest.raises(EncodingError):
        EncodedIdentity.from_dict(["x"], KEY)


def test_refuses_identity_without_name():
    with pytest.raises(EncodingError) as error:
        encode(Identity(" ", "-", datetime.date(2000, 1, 1)), KEY)
    assert error.value.code == "no_name"
