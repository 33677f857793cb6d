"""Check and fit one model on a batch of tables with the same lists.

Tables in a batch may differ in which terms have an empty overlap (in a bootstrap replicate a
small overlap can vanish), so the batch is split by that signature; each part has its own
reduced design, built once and kept in the workspace.
"""

from collections import OrderedDict
from dataclasses import dataclass

import numpy as np
from scipy.stats import norm

from wegwijzer.estimation import checks, poisson
from wegwijzer.estimation.design import Model, all_terms, contains, design, observable_cells

_SPEC_CACHE = 1024


@dataclass
class Spec:
    """A model with given terms at −∞: the cells and design that remain."""

    model: Model
    infinite: tuple[int, ...]
    rows: np.ndarray  # positions (into the observable cells) that stay in the fit
    terms: tuple[int, ...]  # finite terms, in design-column order after the intercept
    design: poisson.Design
    identifiable: bool
    n_parameters: int  # intercept, main effects and interactions, −∞ ones included


@dataclass
class BatchFit:
    estimate: np.ndarray  # n + exp(intercept) per table
    loglik: np.ndarray
    mu: np.ndarray  # fitted means over every observable cell (0 where a cell dropped out)
    n_parameters: int
    residual_df: np.ndarray
    deviance: np.ndarray
    infinite: list[tuple[int, ...]]  # the −∞ terms per table
    wald_p: np.ndarray | None  # of the term asked for (1 where that term is −∞)
    intercept: np.ndarray
    coefficients: dict[int, np.ndarray]  # per term; NaN where the term is −∞

    def start(self, rows=slice(None)) -> "Start":
        return Start(self.intercept[rows], {t: c[rows] for t, c in self.coefficients.items()})

    def aic(self) -> np.ndarray:
        return -2 * self.loglik + 2 * self.n_parameters

    def bic(self, observed: np.ndarray) -> np.ndarray:
        return -2 * self.loglik + np.log(observed) * self.n_parameters


@dataclass
class Start:
    """Coefficients to start a fit from, per table (a warm start; missing terms start at 0)."""

    intercept: np.ndarray
    coefficients: dict[int, np.ndarray]

    def matrix(self, rows: np.ndarray, terms) -> np.ndarray:
        zeros = np.zeros(rows.size)
        columns = [self.intercept[rows]]
        columns += [np.nan_to_num(self.coefficients[t][rows]) if t in self.coefficients
                    else zeros for t in terms]  # fmt: skip
        return np.column_stack(columns)


class Workspace:
    """Designs, checks and fits for tables over k lists; caches what depends only on them."""

    def __init__(self, k: int):
        self.k = k
        self.cells = observable_cells(k)
        self._columns: dict[int, np.ndarray] = {}
        self._specs: OrderedDict[tuple, Spec] = OrderedDict()
        self._exists: dict[tuple, bool] = {}

    def column(self, term: int) -> np.ndarray:
        if term not in self._columns:
            self._columns[term] = contains(self.cells, term).astype(float)
        return self._columns[term]

    def columns(self, terms) -> np.ndarray:
        return np.column_stack([self.column(term) for term in terms])

    def spec(self, model: Model, infinite: tuple[int, ...]) -> Spec:
        key = (model, infinite)
        if key in self._specs:
            self._specs.move_to_end(key)
        else:
            if len(self._specs) >= _SPEC_CACHE:
                self._specs.popitem(last=False)
            keep = np.ones(self.cells.size, dtype=bool)
            for term in infinite:
                keep &= ~contains(self.cells, term)
            rows = np.flatnonzero(keep)
            terms = tuple(t for t in all_terms(self.k, model) if t not in infinite)
            matrix = design(self.cells[rows], terms)
            self._specs[key] = Spec(
                model=model,
                infinite=infinite,
                rows=rows,
                terms=terms,
                design=poisson.Design(matrix),
                identifiable=checks.full_rank(matrix),
                n_parameters=1 + self.k + len(model),
            )
        return self._specs[key]

    def _groups(self, model: Model, counts: np.ndarray):
        """Split a batch by its empty-overlap signature: yields (spec, row indices)."""
        terms = all_terms(self.k, model)
        empty = (counts @ self.columns(terms)) == 0
        if not empty.any():
            yield self.spec(model, ()), np.arange(counts.shape[0])
            return
        if counts.shape[0] == 1:
            infinite = tuple(t for t, on in zip(terms, empty[0], strict=True) if on)
            yield self.spec(model, infinite), np.arange(1)
            return
        signatures, inverse = np.unique(empty, axis=0, return_inverse=True)
        for number, signature in enumerate(signatures):
            infinite = tuple(t for t, on in zip(terms, signature, strict=True) if on)
            yield self.spec(model, infinite), np.flatnonzero(inverse.ravel() == number)

    def check(self, model: Model, counts: np.ndarray, *, thorough: bool = False) -> np.ndarray:
        """Check status per table (see `checks`); `thorough` also tests the existence of a
        non-identifiable model, to report both reasons."""
        counts = np.atleast_2d(counts)
        status = np.zeros(counts.shape[0], dtype=int)
        for spec, rows in self._groups(model, counts):
            if not spec.identifiable:
                status[rows] |= checks.NOT_IDENTIFIABLE
                if not thorough:
                    continue
            status[rows] |= self._existence(spec, counts[np.ix_(rows, spec.rows)])
        return status

    def _existence(self, spec: Spec, counts: np.ndarray) -> np.ndarray:
        """Existence per table: where the cells with a positive count already give a full-rank
        design (checked for the whole batch at once from X' diag(1[y>0]) X) the estimate
        exists; the others go to the linear programme, once per pattern of zeros."""
        positive = counts > 0
        out = np.zeros(counts.shape[0], dtype=int)
        unsure = np.flatnonzero(~positive.all(axis=1))
        if unsure.size == 0:
            return out
        grams = spec.design.hessians(positive[unsure].astype(float))
        eigenvalues = np.linalg.eigvalsh(grams)
        deficient = eigenvalues[:, 0] <= 1e-9 * np.maximum(eigenvalues[:, -1], 1.0)
        matrix = spec.design.matrix
        for row in unsure[deficient]:
            key = (spec.model, spec.infinite, np.packbits(positive[row]).tobytes())
            if key not in self._exists:
                self._exists[key] = checks.interior_by_lp(matrix, counts[row])
            if not self._exists[key]:
                out[row] = checks.NOT_EXISTING
        return out

    def fit(
        self,
        model: Model,
        counts: np.ndarray,
        *,
        wald_term: int | None = None,
        start: Start | None = None,
    ) -> BatchFit:
        """Fit `model` to every table in the batch; all must have passed `check`."""
        counts = np.atleast_2d(np.asarray(counts, dtype=float))
        batch = counts.shape[0]
        intercept = np.zeros(batch)
        coefficients = {t: np.full(batch, np.nan) for t in all_terms(self.k, model)}
        loglik = np.zeros(batch)
        mu = np.zeros_like(counts)
        df = np.zeros(batch, dtype=int)
        dev = np.zeros(batch)
        wald = np.ones(batch) if wald_term is not None else None
        infinite: list[tuple[int, ...]] = [()] * batch
        n_parameters = 1 + self.k + len(model)
        for spec, rows in self._groups(model, counts):
            part = counts[np.ix_(rows, spec.rows)]
            initial = start.matrix(rows, spec.terms) if start is not None else None
            testing = wald_term is not None and wald_term in spec.terms
            beta, fitted, hessians = poisson.fit(
                spec.design, part, start=initial, with_hessians=testing
            )
            intercept[rows] = beta[:, 0]
            for column, term in enumerate(spec.terms, start=1):
                coefficients[term][rows] = beta[:, column]
            mu[np.ix_(rows, spec.rows)] = fitted
            loglik[rows] = poisson.loglik(part, fitted)
            dev[rows] = poisson.deviance(part, fitted)
            df[rows] = spec.rows.size - len(spec.terms) - 1
            for row in rows:
                infinite[row] = spec.infinite
            if testing:
                column = 1 + spec.terms.index(wald_term)
                covariance = np.linalg.pinv(hessians)
                se = np.sqrt(np.maximum(covariance[:, column, column], 1e-300))
                wald[rows] = 2 * norm.sf(np.abs(beta[:, column]) / se)
        with np.errstate(over="ignore"):
            estimate = counts.sum(axis=1) + np.exp(intercept)
        return BatchFit(
            estimate, loglik, mu, n_parameters, df, dev, infinite, wald, intercept, coefficients
        )
