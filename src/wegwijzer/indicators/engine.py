"""The assessment engine: observed signals plus context in, an explained indication out.

Plain Python, no Django. The rules are written down in docs/indicator-rules.md
(R1-R9); comments below name the rule a piece of code carries out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum

from wegwijzer.indicators.catalogue import FORMS, Catalogue, Signal, Strength

CORE_ELEMENTS = ("act", "means", "purpose")
RECRUITMENT_DIMENSIONS = frozenset({1, 2, 3})
VULNERABILITY_DIMENSIONS = frozenset({3, 6})
SETTINGS = ("school", "care", "hotel", "workplace", "online", "street", "other", "unknown")
RESIDENCE = ("dutch", "eu", "non_eu_resident", "undocumented", "unknown")


class Level(IntEnum):
    NONE = 0
    ATTENTION = 1
    SERIOUS = 2
    ACUTE = 3

    @property
    def code(self) -> str:
        return self.name.lower()


class AssessmentError(ValueError):
    """Input the engine cannot weigh; `field` names the offending input for the caller."""

    def __init__(self, field: str, message: str, values: Iterable[str] = ()):
        self.field = field
        self.values = tuple(values)
        super().__init__(message)


@dataclass(frozen=True)
class Observation:
    signals: frozenset[str]
    minor: bool
    residence: str = "unknown"
    setting: str = "unknown"
    acute_danger: bool = False

    @classmethod
    def build(
        cls,
        signals: Iterable[str],
        *,
        age: int | None = None,
        minor: bool | None = None,
        residence: str = "unknown",
        setting: str = "unknown",
        acute_danger: bool = False,
    ) -> Observation:
        """Check the context (R1) and settle whether the person is a minor."""
        if age is not None and not 0 <= age <= 120:
            raise AssessmentError("age", "age must be between 0 and 120")
        if age is not None and minor is not None and minor != (age < 18):
            raise AssessmentError("minor", "age and minor contradict each other")
        if residence not in RESIDENCE:
            raise AssessmentError("residence", f"residence must be one of {RESIDENCE}")
        if setting not in SETTINGS:
            raise AssessmentError("setting", f"setting must be one of {SETTINGS}")
        is_minor = age < 18 if age is not None else bool(minor)
        return cls(frozenset(signals), is_minor, residence, setting, bool(acute_danger))


@dataclass(frozen=True)
class CountedSignal:
    signal: Signal
    grade: Strength


@dataclass(frozen=True)
class FormIndication:
    form: str
    level: Level
    counted: tuple[CountedSignal, ...]
    present: tuple[str, ...]
    missing: tuple[str, ...]
    strength_threshold_met: bool
    positive_dimensions: tuple[int, ...]
    ilo_rule_met: bool
    acute_signal: bool


@dataclass(frozen=True)
class Assessment:
    level: Level
    call_112_first: bool
    minor: bool
    forms: tuple[FormIndication, ...]
    smuggling_signals: tuple[Signal, ...]
    other_problems: tuple[str, ...]
    next_step: str
    catalogue_version: str

    def form(self, name: str) -> FormIndication:
        return next(indication for indication in self.forms if indication.form == name)


def counting_rule(grades: Iterable[Strength]) -> bool:
    """R4: the ILO/European Commission rule for when indicators together are enough."""
    strong = medium = weak = 0
    for grade in grades:
        if grade is Strength.STRONG:
            strong += 1
        elif grade is Strength.MEDIUM:
            medium += 1
        else:
            weak += 1
    return (
        strong >= 2
        or (strong >= 1 and medium + weak >= 1)
        or medium >= 3
        or (medium >= 2 and weak >= 1)
    )


def assess(catalogue: Catalogue, observation: Observation) -> Assessment:
    unknown = sorted(observation.signals - catalogue.signals.keys())
    if unknown:  # R1
        raise AssessmentError("signals", f"unknown signal ids: {', '.join(unknown)}", unknown)
    observed = [catalogue.signals[signal_id] for signal_id in sorted(observation.signals)]
    forms = tuple(_weigh_form(form, observed, observation) for form in FORMS)
    level = max((indication.level for indication in forms), default=Level.NONE)
    if observation.acute_danger:
        level = Level.ACUTE
    counted = [c.signal for indication in forms for c in indication.counted]
    other_problems = sorted({problem for signal in counted for problem in signal.other_problems})
    return Assessment(
        level=level,
        call_112_first=level is Level.ACUTE,
        minor=observation.minor,
        forms=forms,
        smuggling_signals=tuple(signal for signal in observed if signal.smuggling),  # R9
        other_problems=tuple(other_problems),
        next_step=NEXT_STEP[level],
        catalogue_version=catalogue.version,
    )


def _weigh_form(form: str, observed: list[Signal], observation: Observation) -> FormIndication:
    minor = observation.minor
    counted = tuple(  # R2
        CountedSignal(signal, signal.grade(form, minor))
        for signal in observed
        if form in signal.forms and not signal.smuggling
    )
    present = _present_elements(counted)
    core_grades = [c.grade for c in counted if c.signal.element in CORE_ELEMENTS]
    threshold = counting_rule(core_grades)
    dimensions = _positive_dimensions(counted)
    ilo = _ilo_rule(dimensions, present, minor)
    if minor:  # R6: no means required for a minor
        elements_enough = "act" in present or "purpose" in present
    else:
        elements_enough = "means" in present and ("act" in present or "purpose" in present)

    level = Level.NONE
    if counted:
        level = Level.ATTENTION  # R3
    if (threshold and elements_enough) or ilo:
        level = Level.SERIOUS  # R6
    acute_signal = any(c.signal.acute for c in counted)
    if acute_signal or (observation.acute_danger and level >= Level.ATTENTION):
        level = Level.ACUTE  # R7
    required = ("act", "purpose") if minor else CORE_ELEMENTS
    missing = tuple(e for e in required if e not in present) if counted else ()  # R8
    return FormIndication(
        form=form,
        level=level,
        counted=counted,
        present=tuple(e for e in CORE_ELEMENTS if e in present),
        missing=missing,
        strength_threshold_met=threshold,
        positive_dimensions=dimensions,
        ilo_rule_met=ilo,
        acute_signal=acute_signal,
    )


def _present_elements(counted: tuple[CountedSignal, ...]) -> set[str]:
    """R5: the elements of art. 273f that the counted signals show."""
    present = set()
    for c in counted:
        present.add(c.signal.element)
        if c.signal.dimension in RECRUITMENT_DIMENSIONS:
            present.add("act")
        if c.signal.dimension in VULNERABILITY_DIMENSIONS:
            present.add("means")
    return present


def _positive_dimensions(counted: tuple[CountedSignal, ...]) -> tuple[int, ...]:
    grades: dict[int, list[Strength]] = {}
    for c in counted:
        if c.signal.dimension is not None:
            grades.setdefault(c.signal.dimension, []).append(c.grade)
    return tuple(sorted(d for d, found in grades.items() if counting_rule(found)))


def _ilo_rule(dimensions: tuple[int, ...], present: set[str], minor: bool) -> bool:
    """R6, second part: the published combination rule for adults and for children."""
    positive = set(dimensions)
    recruitment = bool(positive & RECRUITMENT_DIMENSIONS)
    if minor:
        return (recruitment or "act" in present) and 4 in positive
    return recruitment and 4 in positive and bool(positive & {5, 6})


# Codes of the next meldcode step; the texts live with the pages that show them.
NEXT_STEP = {
    Level.ACUTE: "call_112_then_report",
    Level.SERIOUS: "consult",
    Level.ATTENTION: "map_signals",
    Level.NONE: "keep_watch",
}
