"""Reads of the indicators domain: the catalogue and assessments, shaped for pages and API."""

from __future__ import annotations

from django.utils.translation import get_language

from wegwijzer.directory import labels as directory_labels
from wegwijzer.directory import selectors as directory
from wegwijzer.indicators import engine, labels
from wegwijzer.indicators.catalogue import FORMS, Catalogue, Signal
from wegwijzer.indicators.catalogue import load as load_catalogue


def catalogue() -> Catalogue:
    return load_catalogue()


def assess(**arguments) -> engine.Assessment:
    """Run the engine; raises engine.AssessmentError on input it cannot weigh."""
    observation = engine.Observation.build(arguments.pop("signals"), **arguments)
    return engine.assess(catalogue(), observation)


def signal_view(signal: Signal, grade=None) -> dict:
    """A signal in words; plain values, as pages and the API (JSON) both use it."""
    return {
        "id": signal.id,
        "text": signal.text(get_language()),
        "element": str(labels.ELEMENTS[signal.element]),
        "grade": str(labels.GRADES[int(grade or signal.strength)]),
    }


def grouped_signals() -> list[tuple[str, list[dict]]]:
    language = get_language()
    return [
        (group.nl if language == "nl" else group.en, [signal_view(s) for s in signals])
        for group, signals in catalogue().grouped()
    ]


def present(assessment: engine.Assessment) -> dict:
    """The assessment in words, for the result page; forms with an indication first."""
    forms = sorted(
        (f for f in assessment.forms if f.level > engine.Level.NONE),
        key=lambda f: (-f.level, FORMS.index(f.form)),
    )
    return {
        "level": assessment.level.code,
        "level_label": labels.LEVELS[assessment.level.code],
        "call_112_first": assessment.call_112_first,
        "minor": assessment.minor,
        "forms": [
            {
                "form": f.form,
                "label": labels.FORMS[f.form],
                "level": f.level.code,
                "level_label": labels.LEVELS[f.level.code],
                "counted": [signal_view(c.signal, c.grade) for c in f.counted],
                "present": [labels.ELEMENTS[e] for e in f.present],
                "missing": [labels.ELEMENTS[e] for e in f.missing],
                "strength_threshold_met": f.strength_threshold_met,
                "ilo_rule_met": f.ilo_rule_met,
                "positive_dimensions": f.positive_dimensions,
            }
            for f in forms
        ],
        "smuggling": [signal_view(s) for s in assessment.smuggling_signals],
        "other_problems": [labels.OTHER_PROBLEMS[p] for p in assessment.other_problems],
        "next_step": labels.NEXT_STEPS[assessment.next_step],
        "catalogue_version": assessment.catalogue_version,
    }


FOREIGN = {"eu", "non_eu_resident", "undocumented"}


def contacts(assessment: engine.Assessment, form) -> dict:
    """The contacts for this case in the person's region (directory app), in words."""

    indicated = {f.form for f in assessment.forms if f.level >= engine.Level.ATTENTION}
    case = directory.contacts_for_case(
        municipality=form.municipality,
        forms=indicated,
        minor=assessment.minor,
        acute=assessment.call_112_first,
        foreign=form.cleaned_data["residence"] in FOREIGN,
        setting=form.cleaned_data["setting"],
    )
    language = get_language()
    return {
        "municipality": case.municipality,
        "care_coordinator": case.care_coordinator,
        "list": [
            {
                "name": contact.name,
                "reason": directory_labels.REASONS[contact.reason],
                "channels": [
                    {
                        "type": channel.type,
                        "value": channel.value,
                        "note": channel.note_nl if language == "nl" else channel.note_en,
                    }
                    for channel in contact.organisation.channels.all()
                ],
            }
            for contact in case.contacts
        ],
    }
