from itertools import chain, combinations

import numpy as np
import pytest
import statsmodels.api as sm

from wegwijzer.estimation import checks, poisson
from wegwijzer.estimation.design import (
    all_terms,
    design,
    hierarchical_models,
    make_model,
    observable_cells,
    pairs,
)
from wegwijzer.estimation.fitting import Workspace
from wegwijzer.estimation.simulation import Scenario


def dependent_table(seed: int, k: int = 4, size: int = 2000):
    scenario = Scenario("test", size, ((1.0, tuple(np.linspace(0.15, 0.35, k))),), ((0, 1, 4.0),))
    return scenario.table(np.random.default_rng(seed))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_fit_matches_statsmodels_glm(seed):
    table = dependent_table(seed)
    model = make_model([0b0011, 0b0101, 0b1100])
    cells = observable_cells(4)
    matrix = design(cells, all_terms(4, model))
    reference = sm.GLM(table.counts[1:], matrix, family=sm.families.Poisson()).fit(tol=1e-12)
    fit = Workspace(4).fit(model, table.counts[1:][None, :], wald_term=0b1100)
    assert fit.loglik[0] == pytest.approx(reference.llf, rel=1e-9)
    assert fit.estimate[0] == pytest.approx(table.observed + np.exp(reference.params[0]))
    assert fit.deviance[0] == pytest.approx(reference.deviance, rel=1e-7, abs=1e-8)
    assert fit.wald_p[0] == pytest.approx(reference.pvalues[-1], rel=1e-6)
    assert fit.aic()[0] == pytest.approx(reference.aic, rel=1e-9)


def test_batch_fit_equals_one_by_one():
    tables = np.array([dependent_table(seed).counts[1:] for seed in range(6)], dtype=float)
    ws = Workspace(4)
    model = make_model([0b0011, 0b0110])
    together = ws.fit(model, tables)
    for row, counts in enumerate(tables):
        alone = ws.fit(model, counts[None, :])
        assert together.estimate[row] == pytest.approx(alone.estimate[0], rel=1e-10)
        assert together.loglik[row] == pytest.approx(alone.loglik[0], rel=1e-10)


def test_batch_hessians_take_the_same_value_by_every_route():
    rng = np.random.default_rng(0)
    matrix = design(observable_cells(5), all_terms(5, make_model(pairs(5))))
    weights = rng.random((7, matrix.shape[0]))
    expected = np.einsum("cp,bc,cq->bpq", matrix, weights, matrix)
    assert np.allclose(poisson.Design(matrix).hessians(weights), expected)
    assert np.allclose(poisson.Design(matrix).hessians(weights[:2]), expected[:2])
    big = poisson.Design(matrix)
    big.cells = 10**6  # pretend the outer products are too large to keep: sliced route
    assert np.allclose(big.hessians(weights), expected)


def brute_force_hierarchical(k: int, max_order: int) -> set:
    terms = [
        sum(1 << i for i in subset)
        for size in range(2, max_order + 1)
        for subset in combinations(range(k), size)
    ]
    found = set()
    for chosen in chain.from_iterable(combinations(terms, r) for r in range(len(terms) + 1)):
        inside = set(chosen)
        closed = all(
            (term & ~(1 << i)) in inside
            for term in inside
            if term.bit_count() > 2
            for i in range(k)
            if term >> i & 1
        )
        if closed:
            found.add(make_model(chosen))
    return found


@pytest.mark.parametrize(("k", "max_order"), [(3, 2), (3, 3), (4, 2), (4, 3)])
def test_hierarchical_models_are_all_and_only_the_closed_sets(k, max_order):
    models = list(hierarchical_models(k, max_order))
    assert len(models) == len(set(models))
    assert set(models) == brute_force_hierarchical(k, max_order)


def test_hierarchical_enumeration_stops_at_the_limit():
    with pytest.raises(OverflowError):
        list(hierarchical_models(5, 2, limit=100))
    assert len(list(hierarchical_models(5, 2, limit=1024))) == 1024


def test_rank_shortcut_agrees_with_the_linear_programme():
    """`exists` skips the LP when the positive cells have a full-rank design; on sparse
    random tables both routes must agree."""
    rng = np.random.default_rng(11)
    cells = observable_cells(4)
    agreed = 0
    for _ in range(60):
        counts = rng.poisson(0.8, size=cells.size).astype(float)
        chosen = [p for p in pairs(4) if rng.random() < 0.5]
        matrix = design(cells, all_terms(4, make_model(chosen)))
        if not checks.full_rank(matrix):
            continue
        assert checks.exists(matrix, counts) == checks.interior_by_lp(matrix, counts)
        agreed += 1
    assert agreed > 30


def test_existence_depends_on_the_zero_pattern_as_the_lp_says():
    # Saturated three-list model on the observable cells: any zero cell breaks existence.
    matrix = design(observable_cells(3), all_terms(3, make_model(pairs(3))))
    assert checks.exists(matrix, np.array([5, 5, 41, 54, 6, 1, 12.0]))
    assert not checks.exists(matrix, np.array([5, 5, 41, 54, 6, 0, 12.0]))
