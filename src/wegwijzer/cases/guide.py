"""The meldcode guide's content: five steps, the weighing questions and outcomes. Plain Python.

`data/meldcode.yaml` holds the texts in Dutch and English; this module reads them and
hands out one language at a time, so templates never choose between `_nl` and `_en`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from wegwijzer.cases.weighing import OUTCOMES, QUESTIONS

GUIDE_PATH = Path(__file__).parent / "data" / "meldcode.yaml"
STEP_LISTS = ("do", "write_down", "pitfalls", "tips")


class GuideError(ValueError):
    pass


@dataclass(frozen=True)
class Step:
    number: int
    slug: str
    title: str
    summary: str
    do: tuple[str, ...]
    write_down: tuple[str, ...]
    pitfalls: tuple[str, ...]
    tips: tuple[str, ...]
    privacy: str
    sources: tuple[dict, ...]


@dataclass(frozen=True)
class Text:
    id: str
    title: str
    text: str


@cache
def _raw(path: Path = GUIDE_PATH) -> dict:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    check(raw)
    return raw


def check(raw: dict) -> None:
    """The file must be complete in both languages and match the weighing machine."""
    steps = raw.get("steps") or []
    if [s.get("number") for s in steps] != [1, 2, 3, 4, 5]:
        raise GuideError("the guide needs steps 1 to 5, in order")
    source_ids = {s["id"] for s in raw.get("sources") or []}
    for step in steps:
        for name in STEP_LISTS:
            if len(step.get(f"{name}_nl") or []) != len(step.get(f"{name}_en") or []):
                raise GuideError(f"step {step['number']}: {name} differs between Dutch and English")
        if not set(step.get("sources") or []) <= source_ids:
            raise GuideError(f"step {step['number']}: unknown source")
    if tuple(q["id"] for q in raw.get("weighing_questions") or []) != QUESTIONS:
        raise GuideError(f"weighing questions must be {QUESTIONS}")
    if {o["id"] for o in raw.get("outcomes") or []} != set(OUTCOMES):
        raise GuideError(f"outcomes must be {OUTCOMES}")


def _lang(item: dict, name: str, language: str):
    return item.get(f"{name}_{'nl' if language == 'nl' else 'en'}") or ""


def steps(language: str) -> list[Step]:
    raw = _raw()
    sources = {s["id"]: s for s in raw["sources"]}
    return [
        Step(
            number=item["number"],
            slug=item["slug"] if language == "nl" else item["en_slug"],
            title=_lang(item, "title", language),
            summary=_lang(item, "summary", language),
            do=tuple(_lang(item, "do", language)),
            write_down=tuple(_lang(item, "write_down", language)),
            pitfalls=tuple(_lang(item, "pitfalls", language)),
            tips=tuple(_lang(item, "tips", language)),
            privacy=_lang(item, "privacy", language),
            sources=tuple(sources[i] for i in item.get("sources") or []),
        )
        for item in raw["steps"]
    ]


def step(number: int, language: str) -> Step | None:
    return next((s for s in steps(language) if s.number == number), None)


def question(question_id: str, language: str) -> Text:
    item = next(q for q in _raw()["weighing_questions"] if q["id"] == question_id)
    return Text(question_id, _lang(item, "question", language), _lang(item, "help", language))


def outcome(outcome_id: str, language: str) -> Text:
    item = next(o for o in _raw()["outcomes"] if o["id"] == outcome_id)
    return Text(outcome_id, _lang(item, "title", language), _lang(item, "text", language))
