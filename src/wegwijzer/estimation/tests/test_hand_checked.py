"""Cases whose answer is known by hand or in closed form."""

import math

import numpy as np
import pytest

from wegwijzer.estimation import twolist
from wegwijzer.estimation.design import make_model, pairs
from wegwijzer.estimation.fitting import Workspace
from wegwijzer.estimation.procedures import estimate
from wegwijzer.estimation.table import CaptureTable, parse_csv

# 30 only on A, 50 only on B, 20 on both: n1 = 50, n2 = 70, m = 20, n = 100.
TWO_LISTS = "A,B,count\n1,0,30\n0,1,50\n1,1,20\n"


def test_chapman_by_hand():
    table = parse_csv(TWO_LISTS)
    chapman = twolist.chapman(table)
    assert chapman.estimate == pytest.approx(51 * 71 / 21 - 1)  # 171.428…
    assert chapman.variance == pytest.approx(51 * 71 * 30 * 50 / (21**2 * 22))
    petersen = twolist.lincoln_petersen(table)
    assert petersen.estimate == pytest.approx(50 * 70 / 20)  # 175
    assert petersen.variance == pytest.approx(50 * 70 * 30 * 50 / 20**3)


def test_chapman_interval_is_chaos_log_normal_interval():
    table = parse_csv(TWO_LISTS)
    chapman = twolist.chapman(table)
    unseen = chapman.estimate - 100
    factor = math.exp(1.959964 * math.sqrt(math.log(1 + chapman.variance / unseen**2)))
    assert chapman.ci_low == pytest.approx(100 + unseen / factor, rel=1e-6)
    assert chapman.ci_high == pytest.approx(100 + unseen * factor, rel=1e-6)
    assert 100 < chapman.ci_low < chapman.estimate < chapman.ci_high


def test_two_list_answer_is_chapman_with_lincoln_petersen_beside_it():
    answer = estimate(parse_csv(TWO_LISTS))
    assert answer["method"] == "chapman"
    assert answer["estimate"] == pytest.approx(171.428571, abs=1e-5)
    names = {row["name"]: row["estimate"] for row in answer["sensitivity"]["rows"]}
    assert names == {"lincoln-petersen": pytest.approx(175), "chapman": answer["estimate"]}
    assert answer["notes"][0]["code"] == "two_lists"


def test_two_list_log_linear_independence_model_is_lincoln_petersen():
    table = parse_csv(TWO_LISTS)
    fit = Workspace(2).fit((), table.counts[1:][None, :])
    assert fit.estimate[0] == pytest.approx(175)


def independent_table() -> CaptureTable:
    """1000 people, captured independently with probabilities 0.5, 0.4 and 0.2: every cell
    is exactly its expected count, so the main-effects model reproduces N = 1000."""
    probabilities = (0.5, 0.4, 0.2)
    counts = np.zeros(8, dtype=np.int64)
    for cell in range(1, 8):
        chance = 1.0
        for i, p in enumerate(probabilities):
            chance *= p if cell >> i & 1 else 1 - p
        counts[cell] = round(1000 * chance)
    return CaptureTable(("A", "B", "C"), counts)


def test_three_list_independence_recovers_the_population_exactly():
    table = independent_table()
    assert table.observed == 760
    fit = Workspace(3).fit((), table.counts[1:][None, :])
    assert fit.estimate[0] == pytest.approx(1000, abs=1e-6)
    # Every interaction test agrees nothing is missing, so every method stays with it.
    for method in ("stepwise-sparse", "stepwise-aic", "min-bic"):
        answer = estimate(table, method=method, bootstrap=0)
        assert answer["model"] == []
        assert answer["estimate"] == pytest.approx(1000, abs=1e-6)


def test_all_pairs_model_has_the_closed_form_missing_cell():
    """With all three two-list terms the fit is saturated on the seven cells and the
    unseen cell is n111·n100·n010·n001 / (n110·n101·n011)."""
    rng = np.random.default_rng(7)
    counts = np.concatenate([[0], rng.integers(3, 60, size=7)])
    n = counts.sum()
    c = counts
    closed = n + c[7] * c[1] * c[2] * c[4] / (c[3] * c[5] * c[6])
    fit = Workspace(3).fit(make_model(pairs(3)), counts[1:][None, :])
    assert fit.estimate[0] == pytest.approx(closed, rel=1e-9)
