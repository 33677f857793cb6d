import numpy as np
import pytest

from wegwijzer.estimation import selection
from wegwijzer.estimation.design import hierarchical_models
from wegwijzer.estimation.fitting import Workspace
from wegwijzer.estimation.procedures import estimate
from wegwijzer.estimation.simulation import Scenario, independent
from wegwijzer.estimation.table import CaptureTable, parse_csv

REFERRAL = Scenario(
    "A refers to B", 3000, ((1.0, (0.2, 0.25, 0.3, 0.2)),), dependence=((0, 1, 6.0),)
)


@pytest.mark.parametrize("method", ["stepwise-sparse", "stepwise-aic", "min-bic"])
def test_a_strong_referral_between_two_lists_is_found(method):
    table = REFERRAL.table(np.random.default_rng(5))
    answer = estimate(table, method=method, bootstrap=0)
    assert "A:B" in answer["model"]
    main_only = Workspace(4).fit((), table.counts[1:][None, :]).estimate[0]
    # Ignoring the referral overstates the overlap's meaning and underestimates N.
    assert abs(answer["estimate"] - 3000) < abs(main_only - 3000)
    assert answer["ci_low"] < 3000 < answer["ci_high"]


def test_independent_lists_keep_main_effects_and_cover_the_truth():
    scenario = independent(2000, (0.2, 0.3, 0.25))
    table = scenario.table(np.random.default_rng(3))
    answer = estimate(table, method="stepwise-sparse", bootstrap=200)
    assert answer["model"] == []
    assert answer["ci_low"] < 2000 < answer["ci_high"]
    assert answer["bootstrap"]["selected_models"][0]["model"] == []


def sparse_replicates(count: int = 40):
    scenario = Scenario(
        "sparse",
        1500,
        ((0.6, (0.05, 0.08, 0.1, 0.04, 0.12)), (0.4, (0.2, 0.25, 0.3, 0.15, 0.35))),
        dependence=((0, 1, 3.0), (2, 3, 2.0)),
    )
    table = scenario.table(np.random.default_rng(8))
    rng = np.random.default_rng(9)
    counts = table.counts[1:]
    return rng.multinomial(counts.sum(), counts / counts.sum(), size=count).astype(float)


def test_stepwise_sparse_batch_makes_the_same_choices_as_one_table_at_a_time():
    """The batch walks candidates lazily; one table at a time checks them all (trace)."""
    batch = sparse_replicates()
    ws = Workspace(5)
    together = selection.stepwise_sparse(ws, batch)
    for row, counts in enumerate(batch):
        alone = selection.stepwise_sparse(Workspace(5), counts[None, :], trace=[])
        assert together.models[row] == alone.models[0]
        assert together.estimates[row] == pytest.approx(alone.estimates[0], rel=1e-9)


def test_stepwise_aic_batch_makes_the_same_choices_as_one_table_at_a_time():
    batch = sparse_replicates(12)
    together = selection.stepwise_aic(Workspace(5), batch)
    for row, counts in enumerate(batch):
        alone = selection.stepwise_aic(Workspace(5), counts[None, :], trace=[])
        assert together.models[row] == alone.models[0]
        assert together.estimates[row] == pytest.approx(alone.estimates[0], rel=1e-9)


def test_min_bic_batch_picks_the_smallest_bic_per_table():
    batch = sparse_replicates(8)[:, :7]  # three lists: the first seven cells
    ws = Workspace(3)
    candidates = list(hierarchical_models(3, 2))
    together = selection.min_bic(ws, batch, candidates)
    for row, counts in enumerate(batch):
        best = selection.best_by_bic(selection.score_models(ws, counts, candidates))
        assert together.models[row] == best.model
        assert together.estimates[row] == pytest.approx(best.estimate)


def test_a_pair_that_never_meets_can_enter_as_minus_infinity():
    """A and C share nobody although main effects expect dozens in common: the pair enters
    with parameter −∞ and the cells holding both lists drop out of the fit."""
    table = parse_csv("A,B,C,count\n1,0,0,200\n0,1,0,200\n0,0,1,200\n1,1,0,100\n0,1,1,100\n")
    answer = estimate(table, method="stepwise-sparse", bootstrap=0)
    assert "A:C" in answer["model"]
    assert answer["empty_overlaps"] == ["A:C"]
    assert answer["fit"]["parameters"] == 4 + len(answer["model"])
    assert any(item["code"] == "empty_overlaps" for item in answer["notes"])
    first = answer["steps"][0]["candidates"]
    a_c = next(c for c in first if c["term"] == "A:C")
    assert a_c["observed"] == 0 and a_c["p"] == pytest.approx(np.exp(-a_c["expected"]))


def test_degenerate_resamples_give_n_or_infinity():
    ws = Workspace(3)
    everyone_on_a = CaptureTable(("A", "B", "C"), np.array([0, 5, 0, 3, 0, 2, 0, 1]))
    disjoint = CaptureTable(("A", "B", "C"), np.array([0, 5, 4, 0, 6, 0, 0, 0]))
    batch = np.array([everyone_on_a.counts[1:], disjoint.counts[1:]], dtype=float)
    chosen = selection.stepwise_sparse(ws, batch)
    assert list(chosen.degenerate) == [True, True]
    assert chosen.estimates[0] == 11
    assert chosen.estimates[1] == np.inf
