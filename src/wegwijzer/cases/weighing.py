"""Step 4 of the reporting code (meldcode): the weighing framework as a state machine.

Plain Python, no Django. A walk through the framework is the list of answers given so
far; `next_step` says which question comes next or which outcome was reached. Nothing
is stored: the pages carry the answers along in the form itself.

The questions and their order follow the weighing framework (afwegingskader) of the
Dutch reporting code; see docs/meldcode.md.
"""

from __future__ import annotations

from dataclasses import dataclass

QUESTIONS = (
    "suspicion",
    "danger",
    "can_offer_help",
    "help_accepted",
    "lasting_safety",
)
# The answers each question allows.
ANSWERS = {
    "suspicion": ("yes", "no"),
    "danger": ("acute", "structural", "no"),
    "can_offer_help": ("yes", "no"),
    "help_accepted": ("yes", "no"),
    "lasting_safety": ("yes", "no"),
}
OUTCOMES = ("close_and_record", "help_and_monitor", "report", "call_112")

# (question, answer) -> the next question or an outcome. Every pair not listed is forbidden.
TRANSITIONS = {
    ("suspicion", "no"): "close_and_record",
    ("suspicion", "yes"): "danger",
    ("danger", "acute"): "call_112",
    ("danger", "structural"): "report",
    ("danger", "no"): "can_offer_help",
    ("can_offer_help", "no"): "report",
    ("can_offer_help", "yes"): "help_accepted",
    ("help_accepted", "no"): "report",
    ("help_accepted", "yes"): "lasting_safety",
    ("lasting_safety", "no"): "report",
    ("lasting_safety", "yes"): "help_and_monitor",
}


class WeighingError(ValueError):
    pass


@dataclass(frozen=True)
class Position:
    """Where a walk stands: at a question (`question`) or at an outcome (`outcome`)."""

    question: str | None
    outcome: str | None
    answered: tuple[tuple[str, str], ...]

    @property
    def finished(self) -> bool:
        return self.outcome is not None


def next_step(answers: list[str] | tuple[str, ...]) -> Position:
    """Follow the answers from the first question; refuse answers the framework does not allow."""
    current = QUESTIONS[0]
    answered: list[tuple[str, str]] = []
    for number, answer in enumerate(answers, start=1):
        if current in OUTCOMES:
            raise WeighingError(f"answer {number} comes after the outcome {current!r}")
        if (current, answer) not in TRANSITIONS:
            allowed = ", ".join(ANSWERS[current])
            raise WeighingError(f"answer {number} to {current!r} must be one of: {allowed}")
        answered.append((current, answer))
        current = TRANSITIONS[(current, answer)]
    if current in OUTCOMES:
        return Position(None, current, tuple(answered))
    return Position(current, None, tuple(answered))
