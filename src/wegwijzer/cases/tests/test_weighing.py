"""The weighing framework: every allowed and every forbidden transition (docs/meldcode.md)."""

import itertools

import pytest

from wegwijzer.cases.weighing import (
    ANSWERS,
    OUTCOMES,
    QUESTIONS,
    TRANSITIONS,
    WeighingError,
    next_step,
)


def path_to(question: str) -> list[str]:
    """The answers that lead to `question` (the 'keep going' answer at each earlier step)."""
    onward = {"suspicion": "yes", "danger": "no", "can_offer_help": "yes", "help_accepted": "yes"}
    return [onward[q] for q in QUESTIONS[: QUESTIONS.index(question)]]


@pytest.mark.parametrize(("question", "answer"), sorted(TRANSITIONS))
def test_every_allowed_transition(question, answer):
    position = next_step([*path_to(question), answer])
    target = TRANSITIONS[(question, answer)]
    assert (position.outcome or position.question) == target


FORBIDDEN = [
    (question, answer)
    for question, answer in itertools.product(
        QUESTIONS, {a for v in ANSWERS.values() for a in v} | {"maybe", ""}
    )
    if (question, answer) not in TRANSITIONS
]


@pytest.mark.parametrize(("question", "answer"), FORBIDDEN)
def test_every_forbidden_transition_is_refused(question, answer):
    with pytest.raises(WeighingError, match="must be one of"):
        next_step([*path_to(question), answer])


@pytest.mark.parametrize("outcome", OUTCOMES)
def test_nothing_follows_an_outcome(outcome):
    answers = {
        "close_and_record": ["no"],
        "call_112": ["yes", "acute"],
        "report": ["yes", "structural"],
        "help_and_monitor": ["yes", "no", "yes", "yes", "yes"],
    }[outcome]
    assert next_step(answers).outcome == outcome
    with pytest.raises(WeighingError, match="after the outcome"):
        next_step([*answers, "yes"])


def test_a_walk_starts_at_the_first_question_and_every_outcome_is_reachable():
    assert next_step([]).question == "suspicion"
    assert set(TRANSITIONS.values()) >= set(OUTCOMES)
