"""The code lists the statistics count by, each code with a Dutch and an English label.

Codes are the slugs the registry stores; labels travel with the published tables so that
plain-Python output (charts, downloads) can be rendered in either language without Django.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

LANGUAGES = ("nl", "en")


@dataclass(frozen=True)
class Label:
    nl: str
    en: str

    def get(self, language: str) -> str:
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}; use one of {LANGUAGES}")
        return self.nl if language == "nl" else self.en


FORMS: dict[str, Label] = {
    "sexual": Label("Seksuele uitbuiting", "Sexual exploitation"),
    "labour": Label("Arbeidsuitbuiting", "Labour exploitation"),
    "criminal": Label("Criminele uitbuiting", "Criminal exploitation"),
    "organ_removal": Label("Gedwongen orgaanverwijdering", "Forced organ removal"),
    "other": Label("Anders of onbekend", "Other or unknown"),
}
# Spellings accepted on input for the catch-all form.
FORM_ALIASES = {"unknown": "other", "other_unknown": "other", "other/unknown": "other"}

GENDERS: dict[str, Label] = {
    "female": Label("Vrouw", "Female"),
    "male": Label("Man", "Male"),
    "other": Label("Anders", "Other"),
    "unknown": Label("Onbekend", "Unknown"),
}

MINOR: dict[str, Label] = {
    "minor": Label("Minderjarig", "Minor"),
    "adult": Label("Meerderjarig", "Adult"),
    "unknown": Label("Onbekend", "Unknown"),
}

ORGANISATION_TYPES: dict[str, Label] = {
    "police": Label("Politie", "Police"),
    "kmar": Label("Koninklijke Marechaussee", "Royal Netherlands Marechaussee"),
    "labour_inspectorate": Label("Nederlandse Arbeidsinspectie", "Netherlands Labour Authority"),
    "care": Label("Zorg- en opvangorganisatie", "Care and shelter organisation"),
    "municipality": Label("Gemeente", "Municipality"),
    "other": Label("Overige organisatie", "Other organisation"),
}

SECTORS: dict[str, Label] = {
    "domestic_work": Label("Huishoudelijk werk", "Domestic work"),
    "construction": Label("Bouw", "Construction"),
    "manufacturing": Label("Industrie", "Manufacturing"),
    "agriculture_fishing": Label("Land- en tuinbouw en visserij", "Agriculture and fishing"),
    "hospitality": Label("Horeca", "Hospitality"),
    "retail": Label("Handel", "Retail"),
    "personal_services": Label("Persoonlijke dienstverlening", "Personal services"),
    "mining": Label("Mijnbouw", "Mining"),
    "begging": Label("Bedelarij", "Begging"),
    "other": Label("Overige sector", "Other sector"),
    "unknown": Label("Sector onbekend", "Sector unknown"),
}

POLICE_REPORT: dict[str, Label] = {
    "report": Label("Met aangifte", "Police report made"),
    "no_report": Label("Geen aangifte of onbekend", "No police report, or unknown"),
}

REGIONS: dict[str, Label] = {
    "nl": Label("Nederland", "Netherlands"),
    "eu_efta_uk": Label("Overig EU, EVA en VK", "Other EU, EFTA and UK"),
    "europe_other": Label("Overig Europa", "Other Europe"),
    "africa": Label("Afrika", "Africa"),
    "asia": Label("Azië", "Asia"),
    "americas": Label("Amerika", "Americas"),
    "oceania": Label("Oceanië", "Oceania"),
}

TOTAL = Label("Totaal", "Total")
REST = Label("Overige nationaliteiten", "Other nationalities")
UNKNOWN = Label("Onbekend", "Unknown")


@dataclass(frozen=True)
class Country:
    code: str
    region: str
    name: Label


@cache
def countries() -> dict[str, Country]:
    """ISO 3166-1 alpha-2 codes (plus the customary XK for Kosovo) with region and names."""
    text = resources.files("wegwijzer.stats").joinpath("data/countries.csv").read_text("utf-8")
    return {
        row["code"]: Country(row["code"], row["region"], Label(row["nl"], row["en"]))
        for row in csv.DictReader(text.splitlines())
    }


def country_label(code: str) -> Label:
    country = countries().get(code)
    return country.name if country else Label(code, code)
