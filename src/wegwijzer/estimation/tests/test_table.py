import numpy as np
import pytest

from wegwijzer.estimation.errors import MESSAGES, EstimationError
from wegwijzer.estimation.procedures import estimate
from wegwijzer.estimation.table import check_estimable, from_rows, parse_csv


def refused(code: str, text: str):
    with pytest.raises(EstimationError) as caught:
        estimate(parse_csv(text), bootstrap=0)
    assert caught.value.code == code
    return caught.value


def test_csv_with_columns_in_any_order_and_zeros_left_out():
    table = parse_csv("count;A;B;C\n5;1;0;0\n7;1;1;0\n2;0;0;1\n")
    assert table.lists == ("A", "B", "C")
    assert table.counts[0b001] == 5
    assert table.counts[0b011] == 7
    assert table.counts[0b100] == 2
    assert table.observed == 14
    assert table.counts[0b010] == 0  # not given: counted as zero


def test_rows_round_trip_through_csv():
    table = from_rows(["x", "y"], [([1, 1], 3), ([0, 1], 4), ([1, 0], 5)])
    again = parse_csv(table.to_csv())
    assert again.lists == table.lists
    assert np.array_equal(again.counts, table.counts)


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("count_negative", "A,B,count\n1,0,-3\n1,1,2\n0,1,4\n"),
        ("count_not_integer", "A,B,count\n1,0,2.5\n1,1,2\n0,1,4\n"),
        ("count_not_a_number", "A,B,count\n1,0,many\n1,1,2\n0,1,4\n"),
        ("duplicate_pattern", "A,B,count\n1,0,3\n1,1,2\n1,0,4\n"),
        ("not_binary", "A,B,count\n1,2,3\n1,1,2\n"),
        ("not_binary", "A,B,count\nyes,0,3\n1,1,2\n"),
        ("all_zero_pattern", "A,B,count\n1,0,3\n0,0,9\n1,1,2\n"),
        ("missing_count_column", "A,B,C\n1,0,3\n"),
        ("duplicate_list_name", "A,A,count\n1,0,3\n"),
        ("bad_list_name", "A:1,B,count\n1,0,3\n"),
        ("too_few_lists", "A,count\n1,3\n"),
        ("wrong_row_length", "A,B,count\n1,0,3,4\n"),
        ("empty_input", ""),
        ("empty_input", "A,B,count\n"),
    ],
)
def test_bad_tables_are_refused_with_a_reason_in_both_languages(code, text):
    with pytest.raises(EstimationError) as caught:
        parse_csv(text)
    error = caught.value
    assert error.code == code
    assert error.nl and error.en and error.nl != error.en


def test_message_names_the_row_as_a_spreadsheet_shows_it():
    with pytest.raises(EstimationError) as caught:
        parse_csv("A,B,count\n1,0,3\n1,1,2\n1,0,4\n")
    assert caught.value.params == {"row": 4, "first": 2, "pattern": "10"}
    assert "Rij 4" in caught.value.nl and "Row 4" in caught.value.en


def test_disjoint_lists_have_no_estimate():
    error = refused("no_overlap", "A,B,C,count\n1,0,0,5\n0,1,0,3\n0,0,1,8\n")
    assert "overlap" in error.en


def test_two_disjoint_lists_have_no_estimate_either():
    refused("no_overlap", "A,B,count\n1,0,5\n0,1,3\n")


def test_a_list_with_nobody_is_refused():
    refused("empty_list", "A,B,C,count\n1,0,0,5\n1,1,0,3\n0,1,0,2\n")


def test_a_list_holding_everybody_is_refused():
    refused("list_holds_everyone", "A,B,C,count\n1,0,0,5\n1,1,0,3\n1,0,1,2\n")


def test_all_counts_zero_is_refused():
    with pytest.raises(EstimationError) as caught:
        check_estimable(parse_csv("A,B,count\n1,0,0\n1,1,0\n"))
    assert caught.value.code == "no_people"


def test_too_many_lists():
    names = [f"L{i}" for i in range(13)]
    with pytest.raises(EstimationError) as caught:
        from_rows(names, [([1] * 13, 1)])
    assert caught.value.code == "too_many_lists"


def test_json_rows_refuse_booleans_and_fractions():
    with pytest.raises(EstimationError) as caught:
        from_rows(["a", "b"], [([True, 0], 3)])
    assert caught.value.code == "not_binary"
    with pytest.raises(EstimationError) as caught:
        from_rows(["a", "b"], [([1, 0], 3.5)])
    assert caught.value.code == "count_not_integer"
    # a whole number written as 3.0 (as spreadsheets export it) is a count
    assert from_rows(["a", "b"], [([1, 0], 3.0)]).counts[1] == 3


def test_every_message_has_both_languages():
    for code, (nl, en) in MESSAGES.items():
        assert nl.strip() and en.strip() and nl != en, code
