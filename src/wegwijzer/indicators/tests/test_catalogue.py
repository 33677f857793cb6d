"""The signal catalogue file (plain Python, no database)."""

import copy

import pytest
import yaml

from wegwijzer.indicators import catalogue
from wegwijzer.indicators.catalogue import CatalogueError, Strength

RAW = yaml.safe_load(catalogue.CATALOGUE_PATH.read_text(encoding="utf-8"))


def test_the_shipped_catalogue_loads_with_every_form_and_the_full_adult_labour_list():
    loaded = catalogue.load()
    by_form = {
        form: [s for s in loaded.signals.values() if form in s.forms] for form in catalogue.FORMS
    }
    assert all(by_form.values())
    labour_ilo = [s for s in by_form["labour"] if s.dimension is not None]
    counts = [sum(1 for s in labour_ilo if s.dimension == d) for d in range(1, 7)]
    assert counts == [10, 10, 16, 9, 15, 7]  # the ILO adult labour list, dimensions 1-6


def test_every_signal_sits_in_a_group_so_the_list_can_be_scanned():
    loaded = catalogue.load()
    grouped = loaded.grouped()
    assert sum(len(signals) for _, signals in grouped) == len(loaded.signals)


def test_a_child_grade_overrides_the_adult_grade_only_for_minors():
    signal = catalogue.load().signals["threatened-at-recruitment"]
    assert signal.grade("labour", minor=False) is Strength.MEDIUM
    assert signal.grade("labour", minor=True) is Strength.STRONG


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda s: s.update(group="nowhere"), "unknown group"),
        (lambda s: s.update(source="nobody"), "unknown source"),
        (lambda s: s.update(forms=["trafficking"]), "forms must be"),
        (lambda s: s.update(element="motive"), "element must be"),
        (lambda s: s.update(dimension=7), "dimension must be"),
        (lambda s: s.update(colour="red"), "unknown fields"),
        (lambda s: s.update(en=""), "Dutch and English"),
    ],
)
def test_a_broken_signal_is_refused_with_a_reason(change, message):
    raw = copy.deepcopy(RAW)
    change(raw["signals"][0])
    with pytest.raises(CatalogueError, match=message):
        catalogue.parse(raw)


def test_a_duplicate_id_is_refused():
    raw = copy.deepcopy(RAW)
    raw["signals"].append(copy.deepcopy(raw["signals"][0]))
    with pytest.raises(CatalogueError, match="occurs twice"):
        catalogue.parse(raw)
