"""The synthetic demo data: labelled, reproducible, proportions as in the seed pages."""

from collections import Counter, defaultdict

import pytest

from wegwijzer.stats import codes, demo, records


@pytest.fixture(scope="module")
def sample():
    return demo.generate(seed=11, persons_per_year=1500, years=range(2016, 2020))


def first_reports(data):
    seen, firsts = set(), []
    for record in data.registrations:
        if record["synthetic_person_id"] not in seen:
            seen.add(record["synthetic_person_id"])
            firsts.append(record)
    return firsts


def test_labelled_synthetic_in_both_languages_and_in_every_record(sample):
    assert "SYNTHETISCHE" in sample.label.nl and "SYNTHETIC" in sample.label.en
    assert all(record["synthetic"] is True for record in sample.registrations)


def test_the_same_seed_gives_the_same_data_and_another_seed_other_data():
    a = demo.generate(seed=1, persons_per_year=30, years=[2020])
    b = demo.generate(seed=1, persons_per_year=30, years=[2020])
    c = demo.generate(seed=2, persons_per_year=30, years=[2020])
    assert a.registrations == b.registrations
    assert a.registrations != c.registrations


def test_records_are_valid_input_for_the_statistics(sample):
    frame = records.load(sample.registrations)
    assert len(frame) == len(sample.registrations)
    assert set(frame["year"]) == {2016, 2017, 2018, 2019}  # later reports stop at the end


def test_proportions_follow_the_seed_figures(sample):
    people = first_reports(sample)
    n = len(people)
    first_forms = Counter(p["forms"][0] for p in people)
    for form, share in demo.FORM_SHARES.items():
        assert first_forms[form] / n == pytest.approx(share, abs=0.02), form
    assert sum(p["minor"] for p in people) / n == pytest.approx(0.22, abs=0.02)
    dutch = sum(p["nationality"] == "NL" for p in people) / n
    assert dutch == pytest.approx(290 / 1049, abs=0.02)
    regions = codes.countries()
    outside_europe = sum(
        p["nationality"] is not None
        and regions[p["nationality"]].region not in ("nl", "eu_efta_uk", "europe_other")
        for p in people
    )
    assert outside_europe / n == pytest.approx(0.40, abs=0.02)
    sexual = [p for p in people if p["forms"][0] == "sexual" and p["gender"] in ("female", "male")]
    assert sum(p["gender"] == "female" for p in sexual) / len(sexual) > 0.97


def test_a_person_is_reported_by_one_to_three_different_organisations(sample):
    by_person = defaultdict(list)
    for record in sample.registrations:
        by_person[record["synthetic_person_id"]].append(record)
    sizes = Counter(len(reports) for reports in by_person.values())
    assert set(sizes) == {1, 2, 3}
    assert sizes[1] > sizes[2] > sizes[3]
    for reports in by_person.values():
        organisations = [r["organisation"] for r in reports]
        assert len(set(organisations)) == len(organisations)


def test_notices_carry_no_identifiers_and_full_registrations_do(sample):
    for record in sample.registrations:
        identity = (record["given_name"], record["family_name"], record["date_of_birth"])
        if record["notice"]:
            assert identity == (None, None, None)
        else:
            assert all(identity)
    share = sum(r["notice"] for r in first_reports(sample)) / len(first_reports(sample))
    assert share == pytest.approx(demo.NOTICE_SHARE, abs=0.02)


def test_later_reports_sometimes_spell_a_person_differently(sample):
    firsts = {r["synthetic_person_id"]: r for r in first_reports(sample)}
    later = [
        r
        for r in sample.registrations
        if not r["notice"] and firsts[r["synthetic_person_id"]] is not r
    ]
    differs = [
        r
        for r in later
        if (r["given_name"], r["family_name"], r["date_of_birth"])
        != tuple(
            firsts[r["synthetic_person_id"]][k]
            for k in ("given_name", "family_name", "date_of_birth")
        )
    ]
    assert 0.05 < len(differs) / len(later) < 0.25
