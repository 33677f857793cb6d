import numpy as np
import pytest

from wegwijzer.estimation.captures import build_tables, estimate_strata
from wegwijzer.estimation.errors import EstimationError
from wegwijzer.estimation.procedures import estimate
from wegwijzer.estimation.simulation import independent

GROUPING = {"police": ["POL", "KMAR"], "care": ["CM", "FIOM"], "labour": ["NLA"]}


def test_people_become_capture_histories_per_stratum():
    people = [
        ({"POL"}, "adult"),
        ({"KMAR", "CM"}, "adult"),  # police and care
        ({"FIOM", "NLA", "POL"}, "minor"),  # all three lists
        ({"CM"}, "minor"),
        ({"SHELTER"}, "adult"),  # reported only outside the lists
        (set(), "minor"),
    ]
    built = build_tables(people, GROUPING)
    assert built.pooled.lists == ("police", "care", "labour")
    adult, minor = built.strata["adult"], built.strata["minor"]
    assert adult.counts[0b001] == 1 and adult.counts[0b011] == 1 and adult.observed == 2
    assert minor.counts[0b111] == 1 and minor.counts[0b010] == 1 and minor.observed == 2
    assert np.array_equal(built.pooled.counts, adult.counts + minor.counts)
    assert built.unlisted == {"adult": 1, "minor": 1}


def test_an_organisation_in_two_lists_is_refused():
    with pytest.raises(EstimationError) as caught:
        build_tables([], {"a": ["X", "Y"], "b": ["Y"]})
    assert caught.value.code == "organisation_in_two_lists"
    assert caught.value.params == {"organisation": "Y", "first": "a", "second": "b"}


def people_of(scenario, rng, stratum, codes):
    captures = scenario.captures(rng)
    return [({codes[j] for j in np.flatnonzero(row)}, stratum) for row in captures if row.any()]


def test_strata_are_estimated_apart_and_added_up():
    rng = np.random.default_rng(17)
    codes = ["POL", "CM", "NLA"]
    people = people_of(independent(800, (0.3, 0.25, 0.2)), rng, "adult", codes)
    people += people_of(independent(300, (0.4, 0.3, 0.35)), rng, "minor", codes)
    built = build_tables(people, {"police": ["POL"], "care": ["CM"], "labour": ["NLA"]})
    answer = estimate_strata(built.strata, method="stepwise-sparse", bootstrap=300, seed=5)
    adult, minor = answer["strata"]["adult"], answer["strata"]["minor"]
    assert adult["options"]["seed"] == 5 and minor["options"]["seed"] == 6
    assert adult == estimate(built.strata["adult"], bootstrap=300, seed=5)
    total = answer["total"]
    assert total["estimate"] == pytest.approx(adult["estimate"] + minor["estimate"])
    assert total["observed"] == len(people)
    assert total["ci_low"] < total["estimate"] < total["ci_high"]
    assert total["ci_low"] < 1100 < total["ci_high"]


def test_a_failing_stratum_is_named():
    people = [({"POL"}, "minor"), ({"CM"}, "minor"), ({"NLA"}, "minor")]
    built = build_tables(people, {"police": ["POL"], "care": ["CM"], "labour": ["NLA"]})
    with pytest.raises(EstimationError) as caught:
        estimate_strata(built.strata, bootstrap=0)
    assert caught.value.code == "stratum_failed"
    assert "minor" in caught.value.en and "overlap" in caught.value.en


def test_without_bootstrap_the_sum_has_no_interval():
    rng = np.random.default_rng(2)
    people = people_of(independent(500, (0.3, 0.3, 0.3)), rng, "all", ["A", "B", "C"])
    built = build_tables(people, {"a": ["A"], "b": ["B"], "c": ["C"]})
    total = estimate_strata(built.strata, bootstrap=0)["total"]
    assert total["ci_low"] is None and total["ci_high"] is None
    assert total["notes"][0]["code"] == "sum_interval_needs_bootstrap"
