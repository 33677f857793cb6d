import numpy as np
import pytest
import statsmodels.api as sm
from scipy.optimize import minimize_scalar
from scipy.special import gammaln
from scipy.stats import chi2

from wegwijzer.estimation import intervals
from wegwijzer.estimation.design import all_terms, design
from wegwijzer.estimation.fitting import Workspace
from wegwijzer.estimation.procedures import estimate
from wegwijzer.estimation.simulation import independent


def test_type8_quantile_matches_numpys_median_unbiased():
    values = np.sort(np.random.default_rng(1).gamma(2.0, 50.0, size=999))
    for p in (0.01, 0.025, 0.3, 0.5, 0.975, 0.999):
        expected = np.quantile(values, p, method="median_unbiased")
        assert intervals.quantile_type8(values, p) == pytest.approx(expected)


def test_type8_quantile_is_infinite_when_it_reaches_into_infinite_replicates():
    values = np.sort(np.concatenate([np.arange(95.0), np.full(5, np.inf)]))
    assert np.isfinite(intervals.quantile_type8(values, 0.5))
    assert intervals.quantile_type8(values, 0.99) == np.inf


def test_bca_without_bias_or_acceleration_is_the_percentile_interval():
    values = np.random.default_rng(2).normal(100, 10, size=2001)
    median = float(np.median(values))
    low, high, z0 = intervals.bca(values, median, 0.0)
    assert z0 == pytest.approx(0.0, abs=1e-3)
    assert low == pytest.approx(np.quantile(values, 0.025, method="median_unbiased"), rel=1e-3)
    assert high == pytest.approx(np.quantile(values, 0.975, method="median_unbiased"), rel=1e-3)


def test_bca_shifts_towards_the_side_the_estimate_leans_to():
    values = np.random.default_rng(3).normal(100, 10, size=2001)
    plain = intervals.bca(values, float(np.median(values)), 0.0)
    biased = intervals.bca(values, 105.0, 0.0)  # most replicates fall below the estimate
    assert biased[2] > 0 and biased[0] > plain[0] and biased[1] > plain[1]


def test_acceleration_by_hand():
    jack = np.array([10.0, 12.0, 17.0])
    weights = np.array([1.0, 2.0, 1.0])
    mean = (10 + 24 + 17) / 4
    residual = mean - jack
    expected = (weights * residual**3).sum() / (6 * (weights * residual**2).sum() ** 1.5)
    assert intervals.acceleration(jack, weights) == pytest.approx(expected)
    assert intervals.acceleration(np.array([1.0, np.inf]), np.ones(2)) == 0.0


def multinomial_profile(counts: np.ndarray, total: float) -> float:
    """The profile log-likelihood of N for main effects on three lists, via statsmodels."""
    observed = counts.sum()
    complete = np.concatenate([[total - observed], counts])
    matrix = design(np.arange(8), all_terms(3, ()))
    mu = sm.GLM(complete, matrix, family=sm.families.Poisson()).fit(tol=1e-12).mu
    return (
        gammaln(total + 1)
        - gammaln(total - observed + 1)
        - gammaln(counts + 1).sum()
        + (complete * np.log(mu / total)).sum()
    )


def test_profile_interval_ends_where_the_likelihood_has_dropped_by_the_chi2_cut():
    table = independent(600, (0.3, 0.25, 0.2)).table(np.random.default_rng(4))
    counts = table.counts[1:].astype(float)
    low, high = intervals.profile_likelihood(Workspace(3), (), counts)
    peak = minimize_scalar(
        lambda n: -multinomial_profile(counts, n), bounds=(low, high), method="bounded"
    )
    best = -peak.fun
    cut = chi2.ppf(0.95, 1)
    assert 2 * (best - multinomial_profile(counts, low)) == pytest.approx(cut, abs=1e-3)
    assert 2 * (best - multinomial_profile(counts, high)) == pytest.approx(cut, abs=1e-3)
    assert low < peak.x < high


def test_profile_interval_covers_the_truth_when_the_model_holds():
    scenario = independent(400, (0.3, 0.25, 0.2))
    rng = np.random.default_rng(12)
    ws = Workspace(3)
    covered = 0
    for _ in range(100):
        counts = scenario.table(rng).counts[1:].astype(float)
        low, high = intervals.profile_likelihood(ws, (), counts)
        covered += low <= 400 <= (high if high is not None else np.inf)
    assert covered >= 88


def test_bootstrap_interval_with_repeated_selection_covers_the_truth():
    scenario = independent(500, (0.3, 0.2, 0.25))
    rng = np.random.default_rng(21)
    covered = 0
    for seed in range(40):
        answer = estimate(scenario.table(rng), method="stepwise-sparse", bootstrap=199, seed=seed)
        covered += answer["ci_low"] <= 500 <= (answer["ci_high"] or np.inf)
    assert covered >= 34
