"""The published values for the two small tables in data/mse (README there)."""

from pathlib import Path

import pytest

from wegwijzer.estimation import checks
from wegwijzer.estimation.design import make_model, parse_term
from wegwijzer.estimation.fitting import Workspace
from wegwijzer.estimation.procedures import estimate
from wegwijzer.estimation.table import parse_csv

DATA = Path(__file__).resolve().parent / "data"


def table(name: str):
    return parse_csv((DATA / name).read_text())


def model(table_, *terms):
    return make_model(parse_term(term, table_.lists) for term in terms)


def status(table_, *terms) -> int:
    ws = Workspace(table_.k)
    return int(ws.check(model(table_, *terms), table_.counts[1:], thorough=True)[0])


def test_korea_stepwise_sparse_chooses_b_c_and_gives_268_78():
    answer = estimate(table("korea_3lists.csv"), method="stepwise-sparse", bootstrap=0)
    assert answer["model"] == ["b:c"]
    assert round(answer["estimate"], 2) == 268.78


def test_korea_min_bic_chooses_b_c_plus_c_d_and_gives_157_17():
    answer = estimate(table("korea_3lists.csv"), method="min-bic", bootstrap=0)
    assert answer["model"] == ["b:c", "c:d"]
    assert round(answer["estimate"], 2) == 157.17
    assert round(answer["fit"]["bic"], 5) == 57.14081


def test_korea_bic_of_main_effects_plus_b_c():
    korea = table("korea_3lists.csv")
    ws = Workspace(korea.k)
    counts = korea.counts[1:][None, :]
    fit = ws.fit(model(korea, "b:c"), counts)
    assert round(float(fit.bic(counts.sum(axis=1))[0]), 5) == 58.96860


def test_korea_all_three_pairs_has_no_maximum_likelihood_estimate():
    korea = table("korea_3lists.csv")
    assert status(korea, "b:c", "b:d", "c:d") == checks.NOT_EXISTING
    answer = estimate(korea, method="min-bic", bootstrap=0)
    excluded = {tuple(item["model"]): item["reasons"] for item in answer["excluded"]}
    assert excluded[("b:c", "b:d", "c:d")] == ["mle_does_not_exist"]


def test_artificial_table_verdicts():
    artificial = table("artificial_3lists.csv")
    assert status(artificial, "A:B", "A:C", "B:C") & checks.NOT_IDENTIFIABLE
    assert status(artificial, "A:B") == checks.NOT_EXISTING
    assert status(artificial, "A:C", "B:C") == checks.EXISTS


def test_artificial_non_overlapping_pairs_are_minus_infinity_and_drop_out():
    artificial = table("artificial_3lists.csv")
    fit = Workspace(3).fit(model(artificial, "A:C", "B:C"), artificial.counts[1:][None, :])
    # A and C never meet, nor B and C: what remains is saturated on the four cells
    # 100, 010, 001 and 110, whose unseen cell is n100·n010/n110 = 40·30/6.
    assert set(fit.infinite[0]) == {0b101, 0b110}
    assert fit.estimate[0] == pytest.approx(96 + 40 * 30 / 6)
