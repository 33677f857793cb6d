"""Properties of the engine for any input (docs/indicator-rules.md, 'Properties')."""

from hypothesis import given, settings
from hypothesis import strategies as st

from wegwijzer.indicators import catalogue
from wegwijzer.indicators.engine import AssessmentError, Level, Observation, assess

CATALOGUE = catalogue.load()
IDS = sorted(CATALOGUE.signals)
NON_MEANS = sorted(
    i for i, s in CATALOGUE.signals.items() if s.element != "means" and s.dimension not in (3, 6)
)

signal_sets = st.frozensets(st.sampled_from(IDS), max_size=25)
contexts = st.fixed_dictionaries(
    {
        "age": st.one_of(st.none(), st.integers(0, 120)),
        "acute_danger": st.booleans(),
        "setting": st.sampled_from(["school", "care", "hotel", "workplace", "online", "unknown"]),
    }
)


@settings(max_examples=300, deadline=None)
@given(signals=signal_sets, extra=st.sampled_from(IDS), context=contexts)
def test_adding_a_signal_never_lowers_an_indication(signals, extra, context):
    before = assess(CATALOGUE, Observation.build(signals, **context))
    after = assess(CATALOGUE, Observation.build(signals | {extra}, **context))
    assert after.level >= before.level
    for old, new in zip(before.forms, after.forms, strict=True):
        assert new.level >= old.level, (old.form, extra)


@settings(max_examples=300, deadline=None)
@given(signals=st.frozensets(st.sampled_from(NON_MEANS), max_size=20), age=st.integers(0, 17))
def test_a_minor_never_needs_a_means_signal(signals, age):
    result = assess(CATALOGUE, Observation.build(signals, age=age))
    for form in result.forms:
        assert "means" not in form.missing
        if form.strength_threshold_met and ({"act", "purpose"} & set(form.present)):
            assert form.level >= Level.SERIOUS, form.form


@settings(max_examples=200, deadline=None)
@given(signals=signal_sets, age=st.one_of(st.none(), st.integers(0, 120)))
def test_acute_danger_always_yields_112_first(signals, age):
    result = assess(CATALOGUE, Observation.build(signals, age=age, acute_danger=True))
    assert result.call_112_first
    assert result.level is Level.ACUTE
    assert result.next_step == "call_112_then_report"


@given(
    signals=signal_sets,
    unknown=st.text(min_size=1, max_size=30).filter(lambda t: t not in CATALOGUE.signals),
)
def test_unknown_ids_are_rejected_not_ignored(signals, unknown):
    try:
        assess(CATALOGUE, Observation.build(signals | {unknown}, age=30))
    except AssessmentError as error:
        assert error.values == (unknown,)
    else:
        raise AssertionError("an unknown signal id was accepted")
