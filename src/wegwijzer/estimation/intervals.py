"""Confidence intervals: multinomial profile likelihood and BCa bootstrap."""

import math

import numpy as np
from scipy.optimize import brentq, minimize_scalar
from scipy.special import gammaln
from scipy.stats import chi2, norm

from wegwijzer.estimation import poisson
from wegwijzer.estimation.design import Model, all_terms, design
from wegwijzer.estimation.fitting import Workspace

LEVEL = 0.95
_UPPER_LIMIT = 1e12


def profile_likelihood(
    ws: Workspace, model: Model, counts: np.ndarray, level: float = LEVEL
) -> tuple[float, float | None]:
    """Interval for the total N from the multinomial profile likelihood (Cormack 1992; as in
    Rcapture's closedpCI.t): for each N the model is fitted to the complete table whose hidden
    cell holds N − n, and N is kept while twice the drop in log-likelihood stays below the
    chi-squared quantile. The upper end is None when the likelihood never drops far enough.
    """
    counts = np.asarray(counts, dtype=float)
    terms = all_terms(ws.k, model)
    margins = counts @ ws.columns(terms)
    infinite = tuple(t for t, margin in zip(terms, margins, strict=True) if margin == 0)
    spec = ws.spec(model, infinite)
    seen = counts[spec.rows]
    observed = float(seen.sum())
    cells = np.concatenate([[0], ws.cells[spec.rows]])
    complete = poisson.Design(design(cells, spec.terms))
    constant = gammaln(seen + 1).sum()

    def loglik(total: float) -> float:
        hidden = max(total - observed, 1e-9)
        table = np.concatenate([[hidden], seen])[None, :]
        _, mu, _ = poisson.fit(complete, table)
        mu = mu[0]
        return float(
            gammaln(total + 1)
            - gammaln(hidden + 1)
            - constant
            + (table[0] * np.log(np.maximum(mu, 1e-300) / total)).sum()
        )

    # The profile peaks near the conditional estimate n + exp(intercept).
    conditional = float(ws.fit(model, counts[None, :]).estimate[0])
    top = minimize_scalar(
        lambda total: -loglik(total),
        bounds=(observed, 2 * conditional + 10),
        method="bounded",
        options={"xatol": 1e-6},
    )
    peak, best = float(top.x), -float(top.fun)
    cut = chi2.ppf(level, 1) / 2

    def excess(total: float) -> float:
        return best - loglik(total) - cut

    low = observed if excess(observed) <= 0 else brentq(excess, observed, peak, xtol=1e-6)
    high, inside, reach = None, peak, max(peak - observed, 1.0)
    while peak + reach < _UPPER_LIMIT:
        if excess(peak + reach) > 0:
            high = brentq(excess, inside, peak + reach, xtol=1e-6)
            break
        inside, reach = peak + reach, reach * 2
    return float(low), high


def quantile_type8(sorted_values: np.ndarray, probability: float) -> float:
    """Hyndman & Fan type 8 (median-unbiased), as R's quantile(type = 8); copes with +∞."""
    size = sorted_values.size
    h = (size + 1 / 3) * probability + 1 / 3
    if h <= 1:
        return float(sorted_values[0])
    if h >= size:
        return float(sorted_values[-1])
    j = int(math.floor(h))
    below, above = sorted_values[j - 1], sorted_values[j]
    if not math.isfinite(above):
        return math.inf if h > j or not math.isfinite(below) else float(below)
    return float(below + (h - j) * (above - below))


def acceleration(jackknife: np.ndarray, weights: np.ndarray) -> float:
    """Efron's acceleration from delete-one jackknife values, one per capture history with a
    positive count, weighted by that count (Chan, Silverman & Vincent 2021, section 3.3)."""
    if not np.all(np.isfinite(jackknife)) or weights.sum() == 0:
        return 0.0
    mean = (weights * jackknife).sum() / weights.sum()
    residual = mean - jackknife
    spread = (weights * residual**2).sum()
    if spread == 0:
        return 0.0
    return float((weights * residual**3).sum() / (6 * spread**1.5))


def bca(
    replicates: np.ndarray, estimate: float, accel: float, level: float = LEVEL
) -> tuple[float, float, float]:
    """BCa interval (Efron 1987; DiCiccio & Efron 1996) from bootstrap replicates that may
    hold +∞ (no estimate in that replicate). Returns (low, high, bias correction z0)."""
    values = np.sort(replicates)
    size = values.size
    share = np.mean(values < estimate)
    share = min(max(share, 0.5 / size), 1 - 0.5 / size)
    z0 = float(norm.ppf(share))
    ends = []
    for alpha in ((1 - level) / 2, (1 + level) / 2):
        za = z0 + norm.ppf(alpha)
        ends.append(quantile_type8(values, float(norm.cdf(z0 + za / (1 - accel * za)))))
    return ends[0], ends[1], z0
