"""Counting: persons versus registrations, multi-response rows, top nationalities."""

import pytest

from wegwijzer.stats import demo, records
from wegwijzer.stats.tables import ALL_YEARS, REST, TOTAL_ROW, build_tables


def registration(**fields):
    base = {
        "year": 2020,
        "person_key": None,
        "forms": ["sexual"],
        "nationality": "NL",
        "minor": False,
        "gender": "female",
        "organisation_type": "police",
        "sector": None,
        "police_report": None,
        "notice": False,
    }
    return {**base, **fields}


def by_key(tables):
    return {table.key: table for table in tables}


def test_one_person_reported_twice_counts_once_with_all_her_forms():
    tables = by_key(
        build_tables(
            [
                registration(person_key="p1", forms=["sexual"], organisation_type="police"),
                registration(person_key="p1", forms=["labour"], organisation_type="care",
                             sector="hospitality", police_report=True),
                registration(person_key="p2", forms=["criminal"], gender="male"),
            ]
        )
    )  # fmt: skip
    totals = tables["totals"].counts
    assert totals[("registrations", 2020)] == 3
    assert totals[("persons", 2020)] == 2
    forms = tables["forms"].counts
    assert (forms[("sexual", 2020)], forms[("labour", 2020)], forms[("criminal", 2020)]) == (
        1,
        1,
        1,
    )
    # Three form memberships for two persons: the rows do not add up, and the table says so.
    assert tables["forms"].kind == "cover"
    assert sum(forms[(row, 2020)] for row in tables["forms"].rows) == 3 > forms[(TOTAL_ROW, 2020)]
    organisations = tables["organisation_type"].counts
    assert organisations[("police", 2020)] == 2 and organisations[("care", 2020)] == 1
    assert tables["police_report"].counts[("report", 2020)] == 1
    assert tables["sector"].counts[("hospitality", 2020)] == 1
    assert tables["sector"].counts[(TOTAL_ROW, 2020)] == 1
    assert tables["gender"].counts[("female", 2020)] == 1


def test_without_any_person_key_the_unit_is_registrations_and_the_tables_say_so():
    tables = by_key(build_tables([registration(), registration(), registration(year=2022)]))
    totals = tables["totals"]
    assert totals.unit == records.REGISTRATIONS
    assert "registrations" not in totals.rows  # the person row already counts registrations
    assert totals.label("persons", "en") == "Registrations"
    assert all("not linked yet" in t.notes[0].en for t in tables.values())
    assert any("One registration can fall" in n.en for n in tables["forms"].notes)
    assert not any("One person" in n.en for n in tables["forms"].notes)
    # A year without registrations stays in the trend as zero.
    assert totals.years == [2020, 2021, 2022]
    assert totals.counts[("persons", 2021)] == 0
    assert totals.counts[("persons", ALL_YEARS)] == 3


def test_the_first_known_value_describes_a_person_reported_differently():
    tables = by_key(
        build_tables(
            [
                registration(person_key="p", nationality=None, gender=None, minor=None),
                registration(person_key="p", nationality="RO", gender="female", minor=True),
                registration(person_key="p", nationality="BG", gender="male", minor=False),
            ]
        )
    )
    assert tables["nationality"].counts[("RO", 2020)] == 1
    assert "BG" not in tables["nationality"].rows
    assert tables["gender"].counts[("female", 2020)] == 1
    assert tables["minors"].counts[("minor", 2020)] == 1


def test_statistical_notices_count_each_as_one_person():
    tables = by_key(
        build_tables(
            [
                registration(person_key="p"),
                registration(person_key="p"),
                registration(notice=True),
                registration(notice=True),
            ]
        )
    )
    totals = tables["totals"].counts
    assert (totals[("registrations", 2020)], totals[("persons", 2020)]) == (4, 3)
    assert totals[("notices", 2020)] == 2


def test_top_nationalities_and_the_rest():
    people = []
    for rank, code in enumerate(["NL", "RO", "PL", "BG", "NG", "HU", "VN", "UG", "SL", "GN", "MA"]):
        people += [registration(nationality=code)] * (20 - rank)
    people += [registration(nationality=None)] * 4
    table = by_key(build_tables(people))["nationality"]
    assert table.rows[:10] == ["NL", "RO", "PL", "BG", "NG", "HU", "VN", "UG", "SL", "GN"]
    assert table.counts[(REST, 2020)] == 10  # Morocco, the eleventh
    assert table.counts[("unknown", 2020)] == 4
    assert sum(table.counts[(row, 2020)] for row in table.rows) == table.counts[(TOTAL_ROW, 2020)]
    assert table.label("RO", "nl") == "Roemenië"


def test_sector_counts_only_labour_exploitation_and_unknown_where_none_is_known():
    tables = by_key(
        build_tables(
            [
                registration(forms=["labour"], sector="construction"),
                registration(forms=["labour"], sector=None),
                registration(forms=["sexual"], sector="retail"),  # not labour: not counted
            ]
        )
    )
    sector = tables["sector"]
    assert sector.total_of == ("forms", "labour")
    assert sector.counts[("construction", 2020)] == 1
    assert sector.counts[("unknown", 2020)] == 1
    assert sector.counts[("retail", 2020)] == 0
    assert sector.counts[(TOTAL_ROW, 2020)] == tables["forms"].counts[("labour", 2020)] == 2


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"forms": ["smuggling"]}, "forms"),
        ({"nationality": "XX"}, "nationality"),
        ({"gender": "f"}, "gender"),
        ({"sector": "farming"}, "sector"),
        ({"year": None}, "year"),
        ({"notice": True, "person_key": "p"}, "person_key"),
        ({"organisation_type": "Politie Amsterdam!"}, "organisation_type"),
    ],
)
def test_bad_records_are_refused_with_row_and_field(fields, field):
    with pytest.raises(records.RecordError) as error:
        build_tables([registration(), registration(**fields)])
    assert (error.value.row, error.value.field) == (1, field)


def test_single_valued_tables_add_up_and_multi_valued_ones_cover_on_demo_data():
    data = demo.generate(seed=3, persons_per_year=80, years=range(2019, 2022)).registrations
    linked = [dict(r, person_key=None if r["notice"] else r["synthetic_person_id"]) for r in data]
    for table in build_tables(linked):
        if table.kind == "totals":
            continue
        for column in table.columns:
            parts = [table.counts[(row, column)] for row in table.rows]
            total = table.counts[(TOTAL_ROW, column)]
            if table.kind == "sum":
                assert sum(parts) == total, (table.key, column)
            else:
                assert max(parts) <= total <= sum(parts), (table.key, column)
        for row in table.all_rows:
            yearly = sum(table.counts[(row, year)] for year in table.years)
            assert table.counts[(row, ALL_YEARS)] == yearly
