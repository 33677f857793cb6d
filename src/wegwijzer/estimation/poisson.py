"""Poisson log-linear fits by Newton's method, many tables at once.

One design matrix, a batch of count vectors (bootstrap replicates, jackknife tables or a
single table): every Newton step is a handful of matrix products over the whole batch, so a
thousand replicates cost little more than one. Callers make sure the maximum-likelihood
estimate exists and is identifiable first (see `checks`); the fit then converges.
"""

import numpy as np
from scipy.special import gammaln

# Products of each cell's design row with itself (upper triangle only: cells × p(p+1)/2) turn
# a batch's Hessians into one matrix product. Small ones are kept with the design; larger
# ones are built for the call and dropped, and a batch is done in slices of this many entries.
_KEEP_OUTER = 1_000_000
_SLICE = 8_000_000
_MAX_ETA = 700.0


class Design:
    """A design matrix with what the Newton steps need."""

    def __init__(self, matrix: np.ndarray):
        self.matrix = matrix
        self.cells, self.size = matrix.shape
        self._upper = np.triu_indices(self.size)
        self._outer = None

    def _outer_products(self) -> np.ndarray:
        if self._outer is not None:
            return self._outer
        rows, columns = self._upper
        outer = self.matrix[:, rows] * self.matrix[:, columns]
        if outer.size <= _KEEP_OUTER:
            self._outer = outer
        return outer

    def hessians(self, weights: np.ndarray) -> np.ndarray:
        """X' diag(w) X for every row of weights (batch × cells) → batch × p × p."""
        x = self.matrix
        batch = weights.shape[0]
        if batch <= 2:
            return np.stack([x.T @ (x * w[:, None]) for w in weights])
        outer = self._outer_products()
        rows, columns = self._upper
        out = np.empty((batch, self.size, self.size))
        step = max(1, _SLICE // outer.size)
        for start in range(0, batch, step):
            flat = weights[start : start + step] @ outer
            out[start : start + step, rows, columns] = flat
            out[start : start + step, columns, rows] = flat
        return out


def _solve(hessians: np.ndarray, gradients: np.ndarray) -> np.ndarray:
    try:
        return np.linalg.solve(hessians, gradients[..., None])[..., 0]
    except np.linalg.LinAlgError:
        return np.einsum("bpq,bq->bp", np.linalg.pinv(hessians), gradients)


def _kernel(counts: np.ndarray, eta: np.ndarray) -> np.ndarray:
    """The log-likelihood without its constant: sum(y·η − exp(η))."""
    return (counts * eta - np.exp(eta)).sum(axis=1)


def fit(
    design: Design,
    counts: np.ndarray,
    *,
    start: np.ndarray | None = None,
    with_hessians: bool = False,
    tol: float = 1e-9,
    max_iter: int = 200,
) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
    """Fit every row of `counts` (batch × cells): returns (beta, fitted means, and the
    Hessians at the optimum when asked). `start` (batch × p) may hold a previous fit's
    coefficients (a warm start: a model one term larger converges in a few steps); rows with
    NaN in it start as R's glm does, with one weighted least-squares step from mu = y + 0.1."""
    x = design.matrix
    counts = np.asarray(counts, dtype=float)
    cold = np.ones(counts.shape[0], dtype=bool)
    beta = np.zeros((counts.shape[0], design.size))
    if start is not None:
        cold = ~np.isfinite(start).all(axis=1)
        beta[~cold] = start[~cold]
    if cold.any():
        initial = counts[cold] + 0.1
        beta[cold] = _solve(design.hessians(initial), (initial * np.log(initial)) @ x)
    eta = np.minimum(beta @ x.T, _MAX_ETA)
    loglik = _kernel(counts, eta)
    active = np.ones(counts.shape[0], dtype=bool)
    for _ in range(max_iter):
        if not active.any():
            break
        rows = np.flatnonzero(active)
        mu = np.exp(eta[rows])
        hessians = design.hessians(mu)
        step = _solve(hessians, (counts[rows] - mu) @ x)
        # Halve steps that would lower the (concave) log-likelihood.
        scale = np.ones(rows.size)
        for _ in range(40):
            trial = beta[rows] + scale[:, None] * step
            trial_eta = np.minimum(trial @ x.T, _MAX_ETA)
            trial_loglik = _kernel(counts[rows], trial_eta)
            worse = trial_loglik < loglik[rows] - 1e-10 * np.abs(loglik[rows])
            if not worse.any():
                break
            scale[worse] /= 2
        beta[rows] = trial
        eta[rows] = trial_eta
        gain = trial_loglik - loglik[rows]
        loglik[rows] = trial_loglik
        size = np.abs(scale[:, None] * step).max(axis=1)
        active[rows] = (size > tol) & (gain > 1e-13 * np.maximum(1.0, np.abs(trial_loglik)))
    mu = np.exp(eta)
    return beta, mu, design.hessians(mu) if with_hessians else None


def loglik(counts: np.ndarray, mu: np.ndarray) -> np.ndarray:
    """Full Poisson log-likelihood per row, as R's logLik reports it (0·log 0 = 0)."""
    counts = np.asarray(counts, dtype=float)
    with np.errstate(divide="ignore"):
        log_mu = np.where(mu > 0, np.log(np.where(mu > 0, mu, 1.0)), 0.0)
    return (counts * log_mu - mu - gammaln(counts + 1)).sum(axis=1)


def deviance(counts: np.ndarray, mu: np.ndarray) -> np.ndarray:
    counts = np.asarray(counts, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(counts > 0, counts * np.log(counts / mu), 0.0)
    return 2 * (ratio - (counts - mu)).sum(axis=1)
