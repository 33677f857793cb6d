"""Poisson log-linear fits by Newton's method, many tables at once.

One design matrix, a batch of count vectors (bootstrap replicates, jackknife tables or a
single table): every Newton step is a handful of matrix products over the whole batch, so a
thousand replicates cost little more than one. Callers make sure the maximum-likelihood
estimate exists and is identifiable first (see `checks`); the fit then converges.
"""

import numpy as np
from scipy.special import gammaln

# Per-cell outer products (cells × p²) make a batch's Hessians one matrix product; above this
# many entries they are not stored and the Hessians are built in slices instead.
_OUTER_LIMIT = 1_000_000
_SLICE_LIMIT = 4_000_000
_MAX_ETA = 700.0


class Design:
    """A design matrix with what the Newton steps need."""

    def __init__(self, matrix: np.ndarray):
        self.matrix = matrix
        self.cells, self.size = matrix.shape
        self._outer = None

    def hessians(self, weights: np.ndarray) -> np.ndarray:
        """X' diag(w) X for every row of weights (batch × cells) → batch × p × p."""
        x = self.matrix
        batch = weights.shape[0]
        if batch <= 2:
            return np.stack([x.T @ (x * w[:, None]) for w in weights])
        if self.cells * self.size * self.size <= _OUTER_LIMIT:
            if self._outer is None:
                outer = x[:, :, None] * x[:, None, :]
                self._outer = outer.reshape(self.cells, self.size * self.size)
            return (weights @ self._outer).reshape(batch, self.size, self.size)
        out = np.empty((batch, self.size, self.size))
        step = max(1, _SLICE_LIMIT // (self.cells * self.size))
        for start in range(0, batch, step):
            part = weights[start : start + step]
            out[start : start + step] = np.matmul(x.T[None], x[None] * part[:, :, None])
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
    design: Design, counts: np.ndarray, *, tol: float = 1e-9, max_iter: int = 200
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Fit every row of `counts` (batch × cells): returns (beta, fitted means, hessians)."""
    x = design.matrix
    counts = np.asarray(counts, dtype=float)
    # Start as R's glm does: one weighted least-squares step from mu = y + 0.1.
    start = counts + 0.1
    beta = _solve(design.hessians(start), (start * np.log(start)) @ x)
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
    return beta, mu, design.hessians(mu)


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
