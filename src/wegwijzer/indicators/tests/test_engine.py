"""The assessment engine against docs/indicator-rules.md (rules R1-R9)."""

import pytest

from wegwijzer.indicators import catalogue
from wegwijzer.indicators.catalogue import Strength
from wegwijzer.indicators.engine import AssessmentError, Level, Observation, assess, counting_rule

CATALOGUE = catalogue.load()
S, M, W = Strength.STRONG, Strength.MEDIUM, Strength.WEAK
LOVERBOY = [
    "older-boyfriend",
    "expensive-gifts",
    "truancy-or-falling-grades",
    "new-or-extra-phones",
]
SEASONAL_WORKER = ["documents-confiscated", "debt-bondage", "recruited-by-arranger"]


def run(signals, **context):
    return assess(CATALOGUE, Observation.build(signals, **context))


@pytest.mark.parametrize(
    ("grades", "enough"),
    [
        ([S, S], True), ([S, M], True), ([S, W], True), ([M, M, M], True), ([M, M, W], True),
        ([S], False), ([W, W, W, W], False), ([M, M], False), ([M, W, W], False), ([], False),
    ],
)  # fmt: skip
def test_r4_counting_rule(grades, enough):
    assert counting_rule(grades) is enough


def test_r1_unknown_signals_are_refused_by_name():
    with pytest.raises(AssessmentError, match="no-such-signal") as refused:
        run(["older-boyfriend", "no-such-signal"], age=16)
    assert refused.value.field == "signals"
    assert refused.value.values == ("no-such-signal",)


@pytest.mark.parametrize(
    ("context", "field"),
    [({"age": -1}, "age"), ({"age": 200}, "age"), ({"age": 15, "minor": False}, "minor"),
     ({"setting": "moon"}, "setting"), ({"residence": "mars"}, "residence")],
)  # fmt: skip
def test_r1_impossible_context_is_refused(context, field):
    with pytest.raises(AssessmentError) as refused:
        run([], **context)
    assert refused.value.field == field


def test_r3_one_risk_factor_raises_attention_only():
    result = run(["money-problems"], age=30)
    assert result.form("labour").level is Level.ATTENTION
    assert result.level is Level.ATTENTION
    assert result.next_step == "map_signals"


def test_r6_loverboy_pattern_for_a_minor_is_serious_without_any_coercion():
    result = run(LOVERBOY, age=16, setting="care")
    sexual = result.form("sexual")
    assert sexual.level is Level.SERIOUS
    assert "means" not in sexual.missing  # R8: not required for a minor
    assert result.next_step == "consult"


def test_r6_the_same_signals_for_an_adult_stay_at_attention_and_name_what_is_missing():
    sexual = run(LOVERBOY, age=26).form("sexual")
    assert sexual.level is Level.ATTENTION
    assert sexual.missing == ("purpose",)


def test_r6_seasonal_worker_with_passport_taken_and_debt_is_serious_labour_exploitation():
    result = run(SEASONAL_WORKER, age=34, setting="workplace", residence="eu")
    labour = result.form("labour")
    assert labour.level is Level.SERIOUS
    assert labour.strength_threshold_met
    assert set(labour.present) == {"act", "means"}
    assert labour.missing == ("purpose",)
    assert 5 in labour.positive_dimensions


def test_r6_the_ilo_combination_rule_is_reported_when_met():
    signals = ["deceived-about-job", "deceived-about-wages", "excessive-hours", "low-or-no-pay",
               "documents-confiscated", "debt-bondage"]  # fmt: skip
    labour = run(signals, age=40).form("labour")
    assert labour.positive_dimensions == (1, 4, 5)
    assert labour.ilo_rule_met
    assert labour.level is Level.SERIOUS


def test_r7_acute_danger_leads_with_112_even_without_signals():
    result = run([], age=30, acute_danger=True)
    assert result.level is Level.ACUTE
    assert result.call_112_first
    assert result.next_step == "call_112_then_report"


def test_r7_an_acute_signal_makes_its_forms_acute():
    result = run(["locked-up-now"], age=30)
    assert result.form("labour").level is Level.ACUTE
    assert result.call_112_first


def test_r9_smuggling_pattern_is_named_and_does_not_count_as_trafficking():
    result = run(["paid-smuggler", "free-after-arrival", "owes-nothing-to-transporter"], age=28)
    assert {signal.id for signal in result.smuggling_signals} == {
        "paid-smuggler", "free-after-arrival", "owes-nothing-to-transporter",
    }  # fmt: skip
    assert result.level is Level.NONE


def test_r9_other_explanations_are_named():
    result = run(["truancy-or-falling-grades", "more-drug-use"], age=15)
    assert {"adolescence", "addiction"} <= set(result.other_problems)


def test_the_same_input_always_gives_the_same_result():
    assert run(LOVERBOY, age=16) == run(list(reversed(LOVERBOY)), age=16)
