"""The three published model-selection procedures, run on a batch of tables at once.

Each function takes a workspace and counts (batch × observable cells) and returns the chosen
model and estimate per table. Tables that follow the same path share every fit, so a
bootstrap costs a few batched fits per step rather than one fit per replicate. When `trace`
is a list, the first table's path is recorded in it (for the report of a single table).
"""

from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from scipy.stats import poisson

from wegwijzer.estimation import checks
from wegwijzer.estimation.design import Model, make_model, pairs
from wegwijzer.estimation.fitting import BatchFit, Start, Workspace

STEPWISE_SPARSE_THRESHOLD = 0.02
WALD_ALPHA = 0.05


@dataclass
class Selection:
    models: list[Model]
    estimates: np.ndarray
    degenerate: np.ndarray  # tables for which not even main effects could be fitted


def degenerate_estimate(ws: Workspace, counts: np.ndarray) -> np.ndarray:
    """For a table where main effects fail the checks (only in resampling: the original table
    is refused before): the extended estimate is n when one list holds everybody (nobody
    unseen), otherwise there is no overlap left to estimate from and the estimate is +∞."""
    observed = counts.sum(axis=1)
    totals = counts @ ws.columns([1 << i for i in range(ws.k)])
    everyone = (totals == observed[:, None]).any(axis=1)
    return np.where(everyone, observed, np.inf)


def _start(ws: Workspace, counts: np.ndarray):
    batch = counts.shape[0]
    models: list[Model] = [()] * batch
    estimates = np.full(batch, np.nan)
    failed = ws.check((), counts) != checks.EXISTS
    if failed.any():
        estimates[failed] = degenerate_estimate(ws, counts[failed])
    pending = {(): np.flatnonzero(~failed)} if (~failed).any() else {}
    return models, estimates, failed, pending


class Memory:
    """Each table's latest coefficients, so its next, one-term-larger model starts from them
    (a warm start: a few Newton steps instead of a dozen)."""

    def __init__(self, batch: int):
        self.intercept = np.full(batch, np.nan)
        self.coefficients: dict[int, np.ndarray] = defaultdict(lambda: np.full(batch, np.nan))

    def remember(self, rows: np.ndarray, fit: BatchFit) -> None:
        self.intercept[rows] = fit.intercept
        for term, values in fit.coefficients.items():
            self.coefficients[term][rows] = values

    def start(self, rows: np.ndarray) -> Start:
        return Start(self.intercept[rows], {t: c[rows] for t, c in self.coefficients.items()})


def _finish(models, estimates, model, rows, values):
    estimates[rows] = values
    for row in rows:
        models[row] = model


def stepwise_sparse(
    ws: Workspace,
    counts: np.ndarray,
    threshold: float = STEPWISE_SPARSE_THRESHOLD,
    trace: list | None = None,
) -> Selection:
    """Chan, Silverman & Vincent (2021): from main effects, add the pair with the smallest
    Poisson tail probability of its observed overlap under the current fit, while that is
    below `threshold`; a pair whose model fails a check counts as p = 1."""
    counts = np.atleast_2d(np.asarray(counts, dtype=float))
    models, estimates, failed, pending = _start(ws, counts)
    all_pairs = pairs(ws.k)
    pair_columns = ws.columns(all_pairs)
    observed = counts @ pair_columns
    memory = Memory(counts.shape[0])
    while pending:
        following: dict[Model, list[np.ndarray]] = defaultdict(list)
        for model, rows in pending.items():
            fit = ws.fit(model, counts[rows], start=memory.start(rows))
            memory.remember(rows, fit)
            free = [j for j, term in enumerate(all_pairs) if term not in model]
            chosen = np.full(rows.size, -1)
            if free:
                expected = fit.mu @ pair_columns[:, free]
                seen = observed[np.ix_(rows, free)]
                tail = np.minimum(poisson.cdf(seen, expected), poisson.sf(seen - 1, expected))
                if trace is not None and rows[0] == 0:
                    chosen[0] = _trace_sparse_step(
                        ws, counts[:1], model, [all_pairs[j] for j in free], seen[0],
                        expected[0], tail[0], threshold, trace,
                    )  # fmt: skip
                    first = 1
                else:
                    first = 0
                _choose_lazily(ws, counts, model, rows, free, all_pairs, tail, threshold,
                               chosen, first)  # fmt: skip
            stop = chosen < 0
            _finish(models, estimates, model, rows[stop], fit.estimate[stop])
            for pick in np.unique(chosen[~stop]):
                following[make_model((*model, all_pairs[pick]))].append(rows[chosen == pick])
        pending = {model: np.concatenate(parts) for model, parts in following.items()}
    return Selection(models, estimates, failed)


def _choose_lazily(ws, counts, model, rows, free, all_pairs, tail, threshold, chosen, first):
    """Walk each table's candidates from the smallest p upwards and take the first that
    passes the checks: the same choice as checking them all, with far fewer checks."""
    ranking = np.argsort(tail, axis=1, kind="stable")
    open_rows = np.arange(first, rows.size)
    for rank in range(len(free)):
        if open_rows.size == 0:
            return
        position = ranking[open_rows, rank]
        below = tail[open_rows, position] < threshold
        open_rows, position = open_rows[below], position[below]
        for candidate in np.unique(position):
            members = open_rows[position == candidate]
            term = all_pairs[free[candidate]]
            status = ws.check(make_model((*model, term)), counts[rows[members]])
            chosen[members[status == checks.EXISTS]] = free[candidate]
        open_rows = open_rows[chosen[open_rows] < 0]


def _trace_sparse_step(ws, table, model, terms, seen, expected, tail, threshold, trace):
    """Record one step for the report. Only candidates below the threshold are checked (the
    others could not be added anyway), each thoroughly so both failed checks are named."""
    candidates = []
    best, best_p = None, 1.0
    for term, overlap, mean, p in zip(terms, seen, expected, tail, strict=True):
        status = checks.EXISTS
        if p < threshold:
            status = int(ws.check(make_model((*model, term)), table, thorough=True)[0])
        candidates.append(
            {
                "term": term,
                "observed": int(overlap),
                "expected": float(mean),
                "p": float(p),
                "checked": bool(p < threshold),
                "reasons": checks.reasons(status),
            }
        )
        if status == checks.EXISTS and p < best_p:
            best, best_p = term, p
    added = best if best_p < threshold else None
    trace.append({"model": model, "candidates": candidates, "added": added})
    return pairs(ws.k).index(added) if added is not None else -1


def stepwise_aic(
    ws: Workspace, counts: np.ndarray, wald_alpha: float = WALD_ALPHA, trace: list | None = None
) -> Selection:
    """Silverman (2014): from main effects, add the pair that lowers AIC most; stop when none
    lowers it or when the added term's Wald p-value exceeds `wald_alpha` (then without it).
    Models that fail the checks are not candidates; a pair with an empty overlap has no Wald
    test (its parameter is −∞) and so stops the search if it is the best."""
    counts = np.atleast_2d(np.asarray(counts, dtype=float))
    models, estimates, failed, pending = _start(ws, counts)
    all_pairs = pairs(ws.k)
    memory = Memory(counts.shape[0])
    while pending:
        following: dict[Model, list[np.ndarray]] = defaultdict(list)
        for model, rows in pending.items():
            fit = ws.fit(model, counts[rows], start=memory.start(rows))
            memory.remember(rows, fit)
            current = fit.aic()
            free = [term for term in all_pairs if term not in model]
            aic = np.full((rows.size, len(free)), np.inf)
            wald = np.ones((rows.size, len(free)))
            tracing = trace is not None and rows[0] == 0
            step = {"model": model, "aic": float(current[0]), "candidates": []} if tracing else {}
            for j, term in enumerate(free):
                candidate = make_model((*model, term))
                status = ws.check(candidate, counts[rows], thorough=tracing)
                ok = status == checks.EXISTS
                if ok.any():
                    candidate_fit = ws.fit(
                        candidate, counts[rows[ok]], wald_term=term, start=fit.start(ok)
                    )
                    aic[ok, j] = candidate_fit.aic()
                    wald[ok, j] = candidate_fit.wald_p
                if tracing:
                    step["candidates"].append(
                        {
                            "term": term,
                            "aic": float(aic[0, j]) if ok[0] else None,
                            "wald_p": float(wald[0, j]) if ok[0] else None,
                            "reasons": checks.reasons(int(status[0])),
                        }
                    )
            if free:
                best = np.argmin(aic, axis=1)
                best_aic = aic[np.arange(rows.size), best]
                best_wald = wald[np.arange(rows.size), best]
                add = (best_aic < current - 1e-9) & (best_wald <= wald_alpha)
            else:
                best = np.zeros(rows.size, dtype=int)
                add = np.zeros(rows.size, dtype=bool)
            if tracing:
                if add[0]:
                    step["added"] = free[best[0]]
                else:
                    step["added"] = None
                    lowers = free and best_aic[0] < current[0] - 1e-9
                    step["stop"] = "wald" if lowers else "aic"
                trace.append(step)
            _finish(models, estimates, model, rows[~add], fit.estimate[~add])
            for pick in np.unique(best[add]):
                members = rows[add & (best == pick)]
                following[make_model((*model, free[pick]))].append(members)
        pending = {model: np.concatenate(parts) for model, parts in following.items()}
    return Selection(models, estimates, failed)


@dataclass
class ModelScore:
    model: Model
    status: int
    estimate: float | None = None
    aic: float | None = None
    bic: float | None = None
    deviance: float | None = None
    residual_df: int | None = None
    infinite: tuple[int, ...] = ()


def score_models(ws: Workspace, table: np.ndarray, candidates) -> list[ModelScore]:
    """Check and fit each candidate model on one table (thorough checks, for the report)."""
    table = np.atleast_2d(np.asarray(table, dtype=float))
    observed = table.sum(axis=1)
    scores = []
    for model in candidates:
        status = int(ws.check(model, table, thorough=True)[0])
        if status != checks.EXISTS:
            scores.append(ModelScore(model, status))
            continue
        fit = ws.fit(model, table)
        scores.append(
            ModelScore(
                model,
                status,
                estimate=float(fit.estimate[0]),
                aic=float(fit.aic()[0]),
                bic=float(fit.bic(observed)[0]),
                deviance=float(fit.deviance[0]),
                residual_df=int(fit.residual_df[0]),
                infinite=fit.infinite[0],
            )
        )
    return scores


def best_by_bic(scores: list[ModelScore]) -> ModelScore | None:
    fitted = [score for score in scores if score.bic is not None]
    return min(fitted, key=lambda score: score.bic) if fitted else None


def min_bic(ws: Workspace, counts: np.ndarray, candidates: list[Model]) -> Selection:
    """Silverman, Chan & Vincent (2024): the candidate with the smallest BIC among those that
    pass the checks (BIC = −2 log L + log(n) × parameters, −∞ ones included)."""
    counts = np.atleast_2d(np.asarray(counts, dtype=float))
    batch = counts.shape[0]
    observed = counts.sum(axis=1)
    bic = np.full((batch, len(candidates)), np.inf)
    estimate = np.full((batch, len(candidates)), np.nan)
    for j, model in enumerate(candidates):
        ok = ws.check(model, counts) == checks.EXISTS
        if ok.any():
            fit = ws.fit(model, counts[ok])
            bic[ok, j] = fit.bic(observed[ok])
            estimate[ok, j] = fit.estimate
    best = np.argmin(bic, axis=1)
    rows = np.arange(batch)
    failed = ~np.isfinite(bic[rows, best])
    estimates = estimate[rows, best]
    if failed.any():
        estimates[failed] = degenerate_estimate(ws, counts[failed])
    models = [candidates[j] if not failed[i] else () for i, j in enumerate(best)]
    return Selection(models, estimates, failed)
