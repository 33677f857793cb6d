"""One call from a table to a complete, JSON-ready answer: `estimate(table, method=…)`.

The answer holds the estimate and its interval, the chosen model (interaction terms as list
names joined by ':'), the path of the selection, every model the checks excluded and why, and
a sensitivity table. The CLI and the API both print exactly this dictionary.
"""

import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from scipy.stats import chi2
from threadpoolctl import threadpool_limits

from wegwijzer.estimation import checks, intervals, report, selection, twolist
from wegwijzer.estimation.design import (
    Model,
    hierarchical_models,
    make_model,
    model_names,
    pairs,
    term_name,
)
from wegwijzer.estimation.errors import EstimationError, note, reason_text
from wegwijzer.estimation.fitting import Workspace
from wegwijzer.estimation.table import CaptureTable, check_estimable

METHODS = ("stepwise-sparse", "stepwise-aic", "min-bic")
DEFAULT_METHOD = "stepwise-sparse"
DEFAULT_MAX_ORDER = 2
DEFAULT_BOOTSTRAP = 1000
DEFAULT_SEED = 1234
MAX_BOOTSTRAP = 100_000
# Minimum BIC looks at every hierarchical model; beyond this many it refuses.
DEFAULT_MAX_MODELS = 4096
# In the bootstrap, minimum BIC chooses among this many best models on the original table
# (Silverman, Chan & Vincent 2024 show that a short list changes the interval little).
TOP_MODELS = 50
# The sensitivity table covers every pairwise hierarchical model up to this many.
SENSITIVITY_ENUMERATION_LIMIT = 1024
SENSITIVITY_ROWS = 100
ACCEPTABLE_FIT_P = 0.05
LEVEL = 0.95

Progress = Callable[[int, int], None]


@dataclass
class Options:
    method: str = DEFAULT_METHOD
    max_order: int = DEFAULT_MAX_ORDER
    bootstrap: int = DEFAULT_BOOTSTRAP
    seed: int = DEFAULT_SEED
    max_models: int = DEFAULT_MAX_MODELS
    top_models: int = TOP_MODELS
    sensitivity: bool = True  # the simulation study leaves the table out


def check_options(table: CaptureTable, options: Options) -> None:
    if options.method not in METHODS:
        raise EstimationError("unknown_method", method=options.method, choices=", ".join(METHODS))
    if not 2 <= options.max_order <= max(2, table.k):
        raise EstimationError(
            "out_of_range", name="max_order", low=2, high=max(2, table.k), value=options.max_order
        )
    if not 0 <= options.bootstrap <= MAX_BOOTSTRAP:
        raise EstimationError(
            "out_of_range", name="bootstrap", low=0, high=MAX_BOOTSTRAP, value=options.bootstrap
        )
    if not 0 <= options.seed < 2**32:
        raise EstimationError(
            "out_of_range", name="seed", low=0, high=2**32 - 1, value=options.seed
        )


def _number(value) -> float | None:
    """JSON has no infinity: an unbounded or missing value is None, never a fake number."""
    if value is None:
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def estimate(table: CaptureTable, progress: Progress | None = None, **settings) -> dict:
    """Estimate the total population from a capture-history table (see module docstring)."""
    answer, _ = run(table, Options(**settings), progress)
    return answer


def run(table: CaptureTable, options: Options, progress: Progress | None = None):
    """The answer and, when there was a bootstrap, its replicate estimates."""
    # The matrices are small: BLAS threads only fight over the cores (six times slower on a
    # busy two-core machine), so one estimate runs on one thread.
    with threadpool_limits(1, user_api="blas"):
        answer, replicates = _run(table, options, progress)
    answer["explanation"] = {
        language: report.explain(answer, language) for language in ("nl", "en")
    }
    return answer, replicates


def _run(table: CaptureTable, options: Options, progress: Progress | None):
    check_options(table, options)
    check_estimable(table)
    if table.k == 2:
        return _two_lists(table, options), None
    ws = Workspace(table.k)
    counts = table.counts[1:].astype(float)
    status = int(ws.check((), counts, thorough=True)[0])
    if status != checks.EXISTS:
        found = checks.reasons(status)
        raise EstimationError(
            "no_estimate", reason_nl=reason_text(found, "nl"), reason_en=reason_text(found, "en")
        )
    run = _METHODS[options.method]
    return run(table, ws, counts, options, progress)


def _base(table: CaptureTable, options: Options, method: str) -> dict:
    return {
        "lists": list(table.lists),
        "observed": table.observed,
        "method": method,
        "options": {
            "max_order": options.max_order,
            "bootstrap": options.bootstrap,
            "seed": options.seed,
            "level": LEVEL,
        },
        "notes": [],
    }


def _two_lists(table: CaptureTable, options: Options) -> dict:
    both = [twolist.lincoln_petersen(table, LEVEL), twolist.chapman(table, LEVEL)]
    chosen = both[1]
    answer = _base(table, options, "chapman")
    answer.update(
        estimate=chosen.estimate,
        unobserved=chosen.estimate - table.observed,
        ci_low=chosen.ci_low,
        ci_high=chosen.ci_high,
        interval="log-normal",
        model=[],
        empty_overlaps=[],
        steps=[],
        excluded=[],
        bootstrap=None,
        sensitivity={
            "scope": "two-list",
            "rows": [
                {
                    "name": item.name,
                    "model": [],
                    "estimate": item.estimate,
                    "ci_low": item.ci_low,
                    "ci_high": item.ci_high,
                    "chosen": item is chosen,
                    "acceptable": True,
                }
                for item in both
            ],
            "acceptable_range": [min(i.estimate for i in both), max(i.estimate for i in both)],
        },
    )
    answer["notes"].append(note("two_lists"))
    return answer


def _stepwise(table, ws, counts, options, *, name, select):
    trace: list = []
    chosen = select(ws, counts[None, :], trace=trace)
    model = chosen.models[0]
    answer = _base(table, options, name)
    answer["steps"] = _steps(trace, table.lists)
    answer["excluded"] = [
        {"model": model_names(make_model((*step["model"], c["term"])), table.lists),
         "reasons": c["reasons"], "step": number}
        for number, step in enumerate(trace, start=1)
        for c in step["candidates"] if c["reasons"]
    ]  # fmt: skip
    path = [step["model"] for step in trace]
    return answer, model, float(chosen.estimates[0]), path


def _run_stepwise_sparse(table, ws, counts, options, progress):
    answer, model, point, path = _stepwise(
        table, ws, counts, options, name="stepwise-sparse", select=selection.stepwise_sparse
    )
    answer["options"]["threshold"] = selection.STEPWISE_SPARSE_THRESHOLD
    replicates = _interval(answer, table, ws, counts, model, point, options, progress,
                           lambda batch: selection.stepwise_sparse(ws, batch))  # fmt: skip
    _finish(answer, table, ws, counts, model, point, _neighbourhood(ws, model, path, options))
    return answer, replicates


def _run_stepwise_aic(table, ws, counts, options, progress):
    answer, model, point, path = _stepwise(
        table, ws, counts, options, name="stepwise-aic", select=selection.stepwise_aic
    )
    answer["options"]["wald_alpha"] = selection.WALD_ALPHA
    answer["options"]["bootstrap"] = 0
    low, high = intervals.profile_likelihood(ws, model, counts, LEVEL)
    answer.update(ci_low=low, ci_high=high, interval="profile-likelihood", bootstrap=None)
    _finish(answer, table, ws, counts, model, point, _neighbourhood(ws, model, path, options))
    return answer, None


def _enumerate(table: CaptureTable, max_order: int, limit: int) -> list[Model]:
    try:
        return list(hierarchical_models(table.k, max_order, limit))
    except OverflowError as too_many:
        raise EstimationError(
            "too_many_models", order=max_order, count=too_many.args[0], lists=table.k,
            maximum=limit,
        ) from None  # fmt: skip


def _run_min_bic(table, ws, counts, options, progress):
    candidates = _enumerate(table, options.max_order, options.max_models)
    scores = selection.score_models(ws, counts, candidates)
    best = selection.best_by_bic(scores)
    if best is None:
        raise EstimationError(
            "no_estimate",
            reason_nl=reason_text(["mle_does_not_exist"], "nl"),
            reason_en=reason_text(["mle_does_not_exist"], "en"),
        )
    answer = _base(table, options, "min-bic")
    answer["options"]["top_models"] = options.top_models
    answer["steps"] = []
    answer["excluded"] = [
        {"model": model_names(score.model, table.lists), "reasons": checks.reasons(score.status)}
        for score in scores
        if score.status != checks.EXISTS
    ]
    fitted = sorted((s for s in scores if s.bic is not None), key=lambda s: s.bic)
    top = [score.model for score in fitted[: options.top_models]]
    replicates = _interval(answer, table, ws, counts, best.model, best.estimate, options,
                           progress, lambda batch: selection.min_bic(ws, batch, top))  # fmt: skip
    if not options.sensitivity:
        scope, pool = "none", []
    elif len(candidates) <= SENSITIVITY_ENUMERATION_LIMIT:
        scope, pool = "all-hierarchical", scores
    else:
        scope, pool = "best-by-bic", fitted[:SENSITIVITY_ROWS]
    _finish(answer, table, ws, counts, best.model, best.estimate, (scope, pool))
    return answer, replicates


def _interval(answer, table, ws, counts, model, point, options, progress, select):
    """BCa bootstrap that repeats the selection, or the profile-likelihood interval of the
    chosen model when no bootstrap is asked for."""
    if options.bootstrap == 0:
        low, high = intervals.profile_likelihood(ws, model, counts, LEVEL)
        answer.update(ci_low=low, ci_high=high, interval="profile-likelihood", bootstrap=None)
        answer["notes"].append(note("conditional_interval"))
        return None
    replicates, jackknife, weights, chosen = _resample(table, options, progress, select)
    accel = intervals.acceleration(jackknife, weights)
    low, high, z0 = intervals.bca(replicates, point, accel, LEVEL)
    missing = int(np.sum(~np.isfinite(replicates)))
    frequencies = Counter(tuple(model_names(m, table.lists)) for m in chosen)
    answer.update(
        ci_low=low,
        ci_high=high,
        interval="bca-bootstrap",
        bootstrap={
            "replicates": options.bootstrap,
            "seed": options.seed,
            "acceleration": accel,
            "bias_correction": z0,
            "without_estimate": missing,
            "selected_models": [
                {"model": list(names), "share": count / options.bootstrap}
                for names, count in frequencies.most_common(10)
            ],
        },
    )
    if missing:
        answer["notes"].append(
            note("replicates_without_estimate", count=missing, replicates=options.bootstrap)
        )
    return replicates


def _resample(table: CaptureTable, options: Options, progress, select):
    """Multinomial resamples of the n people (fixed seed), then one delete-one jackknife
    table per capture history with a positive count; all run through the same selection."""
    rng = np.random.default_rng(options.seed)
    counts = table.counts[1:]
    observed = int(counts.sum())
    resamples = rng.multinomial(observed, counts / observed, size=options.bootstrap)
    present = np.flatnonzero(counts > 0)
    jackknife = np.repeat(counts[None, :], present.size, axis=0)
    jackknife[np.arange(present.size), present] -= 1
    batch = np.vstack([resamples, jackknife]).astype(float)
    total = batch.shape[0]
    chunk = max(100, math.ceil(total / 20))
    estimates = np.empty(total)
    models: list[Model] = []
    for start in range(0, total, chunk):
        chosen = select(batch[start : start + chunk])
        estimates[start : start + chunk] = chosen.estimates
        models.extend(chosen.models)
        if progress is not None:
            progress(min(start + chunk, total), total)
    cut = options.bootstrap
    return estimates[:cut], estimates[cut:], counts[present].astype(float), models[:cut]


def _steps(trace: list, lists) -> list[dict]:
    steps = []
    for step in trace:
        entry = {
            "model": model_names(step["model"], lists),
            "added": term_name(step["added"], lists) if step["added"] is not None else None,
            "candidates": [{**c, "term": term_name(c["term"], lists)} for c in step["candidates"]],
        }
        for key in ("aic", "stop"):
            if key in step:
                entry[key] = step[key]
        steps.append(entry)
    return steps


def _neighbourhood(ws: Workspace, model: Model, path: list[Model], options: Options):
    """Candidate models for the sensitivity table of a stepwise method: every pairwise
    hierarchical model when there are few, otherwise the path, the chosen model and each
    model one pair away from it."""
    if not options.sensitivity:
        return "none", []
    if 2 ** len(pairs(ws.k)) <= SENSITIVITY_ENUMERATION_LIMIT:
        return "all-hierarchical", list(hierarchical_models(ws.k, 2))
    near = {(), model, *path}
    for term in pairs(ws.k):
        if term in model:
            near.add(make_model(t for t in model if t != term))
        else:
            near.add(make_model((*model, term)))
    return "neighbours", sorted(near, key=lambda m: (len(m), m))


def _finish(answer, table, ws, counts, model, point, candidates):
    fit = ws.fit(model, counts[None, :])
    answer.update(
        estimate=point,
        unobserved=point - table.observed,
        model=model_names(model, table.lists),
        empty_overlaps=[term_name(t, table.lists) for t in fit.infinite[0] if t in model],
        fit={
            "aic": float(fit.aic()[0]),
            "bic": float(fit.bic(np.array([table.observed]))[0]),
            "deviance": float(fit.deviance[0]),
            "residual_df": int(fit.residual_df[0]),
            "parameters": fit.n_parameters,
        },
    )
    if answer["empty_overlaps"]:
        answer["notes"].append(note("empty_overlaps", terms=", ".join(answer["empty_overlaps"])))
    scope, pool = candidates
    if pool and not isinstance(pool[0], selection.ModelScore):
        pool = selection.score_models(ws, counts, pool)
    answer["sensitivity"] = _sensitivity(scope, pool, model, table.lists)
    for key in ("estimate", "unobserved", "ci_low", "ci_high"):
        answer[key] = _number(answer[key])
    if answer["ci_high"] is None:
        answer["notes"].append(note("interval_unbounded"))


def _sensitivity(scope: str, scores, chosen: Model, lists) -> dict:
    fitted = sorted((s for s in scores if s.bic is not None), key=lambda s: s.bic)
    best_bic = fitted[0].bic if fitted else 0.0
    rows = []
    for score in fitted:
        df = score.residual_df
        fit_p = float(chi2.sf(score.deviance, df)) if df > 0 else None
        acceptable = fit_p is None or fit_p >= ACCEPTABLE_FIT_P
        if acceptable or score.model == chosen:
            rows.append(
                {
                    "model": model_names(score.model, lists),
                    "estimate": _number(score.estimate),
                    "aic": score.aic,
                    "bic": score.bic,
                    "delta_bic": score.bic - best_bic,
                    "deviance": score.deviance,
                    "residual_df": df,
                    "fit_p": fit_p,
                    "acceptable": acceptable,
                    "chosen": score.model == chosen,
                }
            )
    values = [row["estimate"] for row in rows if row["acceptable"] and row["estimate"]]
    return {
        "scope": scope,
        "acceptable_fit_p": ACCEPTABLE_FIT_P,
        "candidates": len(scores),
        "fitted": len(fitted),
        "acceptable": sum(row["acceptable"] for row in rows),
        "acceptable_range": [min(values), max(values)] if values else None,
        "rows": rows[:SENSITIVITY_ROWS],
    }


_METHODS = {
    "stepwise-sparse": _run_stepwise_sparse,
    "stepwise-aic": _run_stepwise_aic,
    "min-bic": _run_min_bic,
}
