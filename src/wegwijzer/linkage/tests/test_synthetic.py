import re
from collections import Counter, defaultdict

import numpy as np

from wegwijzer.linkage.encoding import EncodingKey, Identity, encode
from wegwijzer.linkage.synthetic import generate
from wegwijzer.linkage.table import EncodedTable, encode_table

KEY = EncodingKey("test key that is long enough to be accepted")


def test_seedable():
    assert generate(300, seed=4) == generate(300, seed=4)
    assert generate(300, seed=4) != generate(300, seed=5)
    assert [r.record_id for r in generate(300, seed=4)] == list(range(300))


def test_realistic_variety():
    registrations = generate(6000, seed=11)
    by_person = defaultdict(list)
    for r in registrations:
        by_person[r.person_id].append(r)
    reports = Counter(len(v) for v in by_person.values())
    assert reports[1] > reports[2] > reports[3] > 0 and max(reports) >= 5
    several = [v for v in by_person.values() if len(v) >= 3]
    assert all(len({r.organisation for r in v}) >= 2 for v in several)
    origins = Counter(r.origin for r in registrations)
    assert {"nl", "ro", "bg", "pl", "ua", "ng", "gh"} <= set(origins)
    identities = [r.identity for r in registrations]
    assert any(re.search("[а-яіїє]", i.given_names.lower()) for i in identities)
    assert sum(i.date_of_birth is None for i in identities) > 100
    assert any(i.document_number for i in identities)
    # one Ukrainian person written in Cyrillic and in Latin letters
    ukrainian = [v for v in by_person.values() if v[0].origin == "ua" and len(v) >= 3]
    assert any(
        len({bool(re.search("[а-я]", r.identity.family_names.lower())) for r in v}) == 2
        for v in ukrainian
    )
    # given and family name the other way round in some report of a person
    swapped = sum(
        any(r.identity.given_names == v[0].identity.family_names for r in v[1:])
        for v in by_person.values()
    )
    assert swapped > 10


def test_encode_table_matches_encode():
    identities = [r.identity for r in generate(200, seed=2)]
    identities.append(Identity("Ama", "", None, "gh-123"))
    one_by_one = EncodedTable.from_encodings([encode(i, KEY) for i in identities])
    assert np.array_equal(encode_table(identities, KEY).rows, one_by_one.rows)
