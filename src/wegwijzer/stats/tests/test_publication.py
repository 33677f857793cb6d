"""Publishing: one suppression across all tables, shared totals treated as one cell."""

import pytest

from wegwijzer.stats import disclosure, publication
from wegwijzer.stats.tables import TOTAL_ROW


@pytest.fixture(scope="module")
def linked():
    from wegwijzer.stats import demo

    data = demo.generate(seed=8, persons_per_year=40, years=range(2021, 2024)).registrations
    return [dict(r, person_key=None if r["notice"] else r["synthetic_person_id"]) for r in data]


@pytest.fixture(scope="module")
def published(linked):
    return publication.publish(linked)


def test_persons_are_counted_once_linkage_exists(published, linked):
    assert published.unit == "persons"
    totals = published.table("totals")
    assert totals.rows == ["registrations", "persons", "notices"]
    assert totals.value("registrations", "all") == len(linked)
    assert totals.value("persons", "all") < len(linked)


def test_a_shared_total_is_suppressed_everywhere_or_nowhere(published):
    persons = published.table("totals")
    for table in published.tables:
        if table.key == "totals":
            continue
        for column in table.columns:
            source = (
                published.table("forms").value("labour", column)
                if table.key == "sector"
                else persons.value("persons", column)
            )
            assert table.value(TOTAL_ROW, column) == source


def test_the_publication_survives_an_independent_audit(published, linked):
    system = publication.system_of(publication.build_tables(linked))
    shown = published.suppression.published(system.values)
    assert disclosure.check(shown, system.relations, system.values, integer=True) == []
    loss = published.information_loss()
    assert loss["primary"] == len(disclosure.primary_cells(system.values, 10)) > 0
    assert loss["cells"] >= len(system.values)


def test_frames_show_none_where_suppressed_and_shares_follow(published):
    table = published.table("police_report")
    frame = table.frame()
    shares = publication.police_report_share(published)
    for column in table.columns:
        made, total = frame.loc["report", column], frame.loc[TOTAL_ROW, column]
        if made is None or total is None:
            assert shares[column] is None
        else:
            assert shares[column] == pytest.approx(made / total)


def test_the_rule_is_stated_in_both_languages_with_the_unit(published):
    assert "minder dan 10 personen" in published.rule("nl")
    assert "fewer than 10 persons" in published.rule("en")


def test_nothing_registered_publishes_empty_tables():
    empty = publication.publish([])
    assert empty.years == []
    assert empty.table("forms").value("sexual", "all") == 0
    assert empty.information_loss()["primary"] == 0


def test_a_single_registration_is_withheld_everywhere():
    alone = publication.publish([{"year": 2020, "forms": ["sexual"], "nationality": "NL"}])
    for table in alone.tables:
        for row in table.all_rows:
            for column in table.columns:
                assert table.value(row, column) in (None, 0)
