"""Synthetic demo registrations whose proportions follow published figures.

SYNTHETIC: every record is invented. No record describes a real person; the names are
drawn from short lists of common names and combined at random. Each record carries
`synthetic: True` and the data set's label says so in Dutch and English.

Where a proportion comes from, by seed page (under the project's shared seeds):

- 004_d5f696201d8bdd31.txt (CoMensha FAQ, "Hoeveel slachtoffers..." and "Uit welke
  landen..."): registered in 2016: 60% sexual exploitation, 20% labour, 5% forced
  criminality, 1% forced begging (counted as criminal exploitation, as seed
  001_4865b3e3e8d8af03.txt defines it), 1% not yet exploited; 22% minors; 1,049
  registered persons of whom 290 Dutch, then Romania 118, Poland 70, Bulgaria 69,
  Nigeria 46, Hungary 35, Vietnam 27, Uganda 20, Sierra Leone 19, Guinea 18.
  26% of registered clients made a police report (2012).
  Global shares (ILO/Walk Free 2017, quoted there): 99% of victims of sexual exploitation
  and 58% of victims of other labour exploitation are women and girls; labour
  exploitation by sector: domestic work 24%, construction 18%, manufacturing 15%,
  agriculture and fishing 11%, hospitality 10%, retail 9%, personal services 7%,
  mining 4%, begging 1%.
- 003_11d1e760a19e2c71.txt: about 40% of victims come from outside Europe (used to split
  the nationalities not named above).

Everything else is an assumption of this generator, named as such below and in
docs/statistics.md; the seeds give no figures for organisation types, repeat reports,
consent, gender outside the two exploitation forms above, or ages.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from .codes import Label

SYNTHETIC_LABEL = Label(
    "SYNTHETISCHE DEMONSTRATIEGEGEVENS: verzonnen registraties, geen echte personen of cijfers.",
    "SYNTHETIC DEMO DATA: invented registrations, no real persons or figures.",
)

# Persons registered in 2016 (seed 004: "290 van de 1049").
PERSONS_PER_YEAR = 1049

# Seed 004, 2016: 60 / 20 / 5 (+1 begging) ; the rest (1 not yet exploited, 13 unstated)
# is "other or unknown".
FORM_SHARES = {"sexual": 0.60, "labour": 0.20, "criminal": 0.06, "other": 0.14}
SECOND_FORM_SHARE = 0.05  # assumption: some persons are exploited in two ways

# Seed 004, 2016, persons per nationality out of 1,049.
NAMED_NATIONALITIES = {
    "NL": 290, "RO": 118, "PL": 70, "BG": 69, "NG": 46,
    "HU": 35, "VN": 27, "UG": 20, "SL": 19, "GN": 18,
}  # fmt: skip
OUTSIDE_EUROPE_NAMED = ("NG", "VN", "UG", "SL", "GN")
OUTSIDE_EUROPE_SHARE = 0.40  # seed 003
# Assumption: which other countries make up the rest (each a small share).
REST_OUTSIDE_EUROPE = (
    "ER", "MA", "SY", "CN", "IN", "PH", "BR", "CO", "DO", "GH", "CM", "AF", "IQ", "TH", "SR",
    "ET",
)  # fmt: skip
REST_EUROPE = ("UA", "SK", "LT", "LV", "AL", "MD", "DE", "BE")
NATIONALITY_UNKNOWN_SHARE = 0.01  # assumption: a recording gap

MINOR_SHARE = 0.22  # seed 004, 2016

# Share female by form: seed 004 (global) for sexual and labour; assumptions otherwise.
FEMALE_SHARE = {"sexual": 0.99, "labour": 0.58, "criminal": 0.35, "other": 0.60}
GENDER_OTHER_SHARE = 0.005  # assumption
GENDER_UNKNOWN_SHARE = 0.01  # assumption

# Seed 004 (global): labour exploitation by sector; "other" takes the last 1%.
SECTOR_SHARES = {
    "domestic_work": 0.24, "construction": 0.18, "manufacturing": 0.15,
    "agriculture_fishing": 0.11, "hospitality": 0.10, "retail": 0.09,
    "personal_services": 0.07, "mining": 0.04, "begging": 0.01, "other": 0.01,
}  # fmt: skip
SECTOR_UNKNOWN_SHARE = 0.10  # assumption

POLICE_REPORT_SHARE = 0.26  # seed 004, 2012
POLICE_REPORT_UNKNOWN_SHARE = 0.10  # assumption

# Assumptions (no figures in the seeds): who signals, how often a person is reported
# more than once, and how many persons give no consent (statistical notice).
ORGANISATION_SHARES = {
    "labour": {
        "labour_inspectorate": 0.45, "police": 0.30, "kmar": 0.05, "care": 0.10,
        "municipality": 0.05, "other": 0.05,
    },
    "default": {
        "police": 0.50, "kmar": 0.12, "labour_inspectorate": 0.02, "care": 0.24,
        "municipality": 0.07, "other": 0.05,
    },
}  # fmt: skip
ORGANISATIONS_PER_TYPE = 5
REPORTS_PER_PERSON = {1: 0.80, 2: 0.15, 3: 0.05}
NOTICE_SHARE = 0.15
VARIANT_SHARE = 0.15  # a later report spells the name or date of birth differently
EXPLOITED_ABROAD_SHARE = 0.05
EXPLOITATION_UNKNOWN_SHARE = 0.05


@dataclass(frozen=True)
class _Names:
    female: tuple[str, ...]
    male: tuple[str, ...]
    family: tuple[str, ...]


# Short lists of common names, combined at random: plausible-looking, nobody in particular.
_NAMES = {
    "NL": _Names(
        ("Anna", "Sanne", "Lotte", "Fleur", "Emma", "Iris", "Noa", "Julia"),
        ("Daan", "Sem", "Lucas", "Milan", "Thijs", "Jesse", "Bram", "Ruben"),
        ("de Jong", "Jansen", "de Vries", "van den Berg", "Bakker", "Visser", "Smit", "Meijer"),
    ),
    "RO": _Names(
        ("Ioana", "Maria", "Elena", "Andreea", "Alexandra", "Mihaela"),
        ("Andrei", "Ionuț", "Mihai", "Florin", "Gabriel", "Ștefan"),
        ("Popescu", "Ionescu", "Popa", "Dumitru", "Stan", "Constantin"),
    ),
    "PL": _Names(
        ("Anna", "Katarzyna", "Małgorzata", "Agnieszka", "Magdalena", "Joanna"),
        ("Piotr", "Krzysztof", "Tomasz", "Paweł", "Łukasz", "Michał"),
        ("Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski"),
    ),
    "BG": _Names(
        ("Maria", "Ivanka", "Elena", "Yordanka", "Desislava", "Galina"),
        ("Georgi", "Ivan", "Dimitar", "Nikolay", "Petar", "Hristo"),
        ("Ivanov", "Georgiev", "Dimitrov", "Petrov", "Nikolov", "Hristov"),
    ),
    "HU": _Names(
        ("Zsófia", "Eszter", "Katalin", "Réka", "Anna", "Judit"),
        ("László", "Zoltán", "Gábor", "Péter", "Attila", "Bence"),
        ("Nagy", "Kovács", "Tóth", "Szabó", "Horváth", "Varga"),
    ),
    "NG": _Names(
        ("Blessing", "Joy", "Precious", "Favour", "Chiamaka", "Ngozi"),
        ("Emeka", "Chinedu", "Oluwaseun", "Ibrahim", "Tunde", "Godwin"),
        ("Okafor", "Adeyemi", "Okonkwo", "Eze", "Balogun", "Nwosu"),
    ),
    "VN": _Names(
        ("Linh", "Huong", "Trang", "Mai", "Thao", "Ngoc"),
        ("Minh", "Duc", "Tuan", "Hung", "Quang", "Long"),
        ("Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu"),
    ),
    "other": _Names(
        ("Amina", "Fatima", "Sara", "Grace", "Mariam", "Lina", "Rosa", "Aisha"),
        ("Mohamed", "Ali", "Samuel", "Daniel", "Omar", "Joseph", "David", "Yusuf"),
        ("Kamara", "Conteh", "Diallo", "Mensah", "Haddad", "Silva", "Rahman", "Tesfaye"),
    ),
}


@dataclass(frozen=True)
class DemoData:
    registrations: list[dict]
    label: Label = SYNTHETIC_LABEL
    seed: int = 0


def _pick(rng: np.random.Generator, shares: dict) -> str:
    keys = list(shares)
    weights = np.array([shares[k] for k in keys], dtype=float)
    return keys[rng.choice(len(keys), p=weights / weights.sum())]


def nationality_shares() -> dict[str, float]:
    """Seed 004's named nationalities; the rest split so 40% come from outside Europe."""
    total = PERSONS_PER_YEAR
    shares = {code: count / total for code, count in NAMED_NATIONALITIES.items()}
    rest = 1 - sum(shares.values())
    outside_named = sum(shares[code] for code in OUTSIDE_EUROPE_NAMED)
    rest_outside = max(0.0, OUTSIDE_EUROPE_SHARE - outside_named)
    rest_europe = max(0.0, rest - rest_outside)
    for code in REST_OUTSIDE_EUROPE:
        shares[code] = rest_outside / len(REST_OUTSIDE_EUROPE)
    for code in REST_EUROPE:
        shares[code] = rest_europe / len(REST_EUROPE)
    return shares


def generate(
    *,
    years: Iterable[int] = range(2016, 2026),
    persons_per_year: int = PERSONS_PER_YEAR,
    seed: int = 0,
) -> DemoData:
    """Registrations for `years`, about `persons_per_year` new persons each year.

    Each person is reported by one to three different organisations, mostly within a few
    months; later reports sometimes spell the name or the date of birth differently, as
    real reports do. A person without consent is registered as statistical notices,
    without identifiers. `synthetic_person_id` is the generator's truth about who is who,
    for testing linkage; it is not an identifier of anyone.
    """
    rng = np.random.default_rng(seed)
    years = sorted(set(years))
    last_day = date(years[-1], 12, 31)
    nationalities = nationality_shares()
    registrations: list[dict] = []
    person_number = 0
    for year in years:
        for _ in range(rng.poisson(persons_per_year)):
            person_number += 1
            person = _person(rng, year, person_number, nationalities)
            registrations.extend(_reports(rng, person, last_day))
    registrations.sort(key=lambda r: (r["registration_date"], r["synthetic_person_id"]))
    return DemoData(registrations, SYNTHETIC_LABEL, seed)


def _person(rng, year: int, number: int, nationalities: dict[str, float]) -> dict:
    first_form = _pick(rng, FORM_SHARES)
    forms = [first_form]
    if rng.random() < SECOND_FORM_SHARE:
        forms.append(_pick(rng, {k: v for k, v in FORM_SHARES.items() if k != first_form}))
    nationality = None
    if rng.random() >= NATIONALITY_UNKNOWN_SHARE:
        nationality = _pick(rng, nationalities)
    minor = rng.random() < MINOR_SHARE
    age = int(rng.integers(12, 18)) if minor else _adult_age(rng)
    roll = rng.random()
    if roll < GENDER_OTHER_SHARE:
        gender = "other"
    elif roll < GENDER_OTHER_SHARE + GENDER_UNKNOWN_SHARE:
        gender = "unknown"
    else:
        gender = "female" if rng.random() < FEMALE_SHARE[first_form] else "male"
    sector = None
    if "labour" in forms and rng.random() >= SECTOR_UNKNOWN_SHARE:
        sector = _pick(rng, SECTOR_SHARES)
    first_date = date(year, 1, 1) + timedelta(days=int(rng.integers(0, 365)))
    names = _NAMES.get(nationality or "", _NAMES["other"])
    given = names.female if gender == "female" else names.male
    if gender in ("other", "unknown"):
        given = names.female + names.male
    birth = first_date - timedelta(days=int(age * 365.25 + rng.integers(0, 365)))
    roll = rng.random()
    exploitation = "NL"
    if roll < EXPLOITATION_UNKNOWN_SHARE:
        exploitation = None
    elif roll < EXPLOITATION_UNKNOWN_SHARE + EXPLOITED_ABROAD_SHARE:
        exploitation = str(rng.choice(["BE", "DE", "FR", "GB", "ES"]))
    return {
        "synthetic_person_id": f"demo-{number:06d}",
        "first_date": first_date,
        "forms": forms,
        "nationality": nationality,
        "minor": minor,
        "age": age,
        "gender": gender,
        "sector": sector,
        "country_of_exploitation": exploitation,
        "notice": rng.random() < NOTICE_SHARE,
        "given_name": str(rng.choice(given)),
        "family_name": str(rng.choice(names.family)),
        "date_of_birth": birth,
    }


def _adult_age(rng) -> int:
    # Assumption: most registered adults are young (seed 000 names ages 12-24 as a risk).
    band = _pick(rng, {(18, 25): 0.40, (25, 35): 0.35, (35, 50): 0.20, (50, 65): 0.05})
    return int(rng.integers(*band))


def _reports(rng, person: dict, last_day: date) -> list[dict]:
    count = int(_pick(rng, REPORTS_PER_PERSON))
    form_key = "labour" if "labour" in person["forms"] else "default"
    organisations: set[str] = set()
    reports = []
    for index in range(count):
        delay = 0 if index == 0 else int(rng.integers(1, 150))
        when = min(person["first_date"] + timedelta(days=delay), last_day)
        organisation_type = _pick(rng, ORGANISATION_SHARES[form_key])
        organisation = _organisation(rng, organisation_type)
        while organisation in organisations:  # a second report comes from someone else
            organisation_type = _pick(rng, ORGANISATION_SHARES[form_key])
            organisation = _organisation(rng, organisation_type)
        organisations.add(organisation)
        report_roll = rng.random()
        police_report = report_roll < POLICE_REPORT_SHARE
        if report_roll > 1 - POLICE_REPORT_UNKNOWN_SHARE:
            police_report = None
        age = person["age"] + (when.year - person["first_date"].year)
        record = {
            "synthetic": True,
            "synthetic_person_id": person["synthetic_person_id"],
            "person_key": None,
            "year": when.year,
            "registration_date": when,
            "organisation_type": organisation_type,
            "organisation": organisation,
            "forms": list(person["forms"]),
            "nationality": person["nationality"],
            "minor": age < 18,
            "age": age,
            "gender": person["gender"],
            "sector": person["sector"],
            "police_report": police_report,
            "country_of_exploitation": person["country_of_exploitation"],
            "notice": person["notice"],
            "given_name": None,
            "family_name": None,
            "date_of_birth": None,
        }
        if not person["notice"]:
            given, family, birth = _identity(rng, person, variant=index > 0)
            record.update(given_name=given, family_name=family, date_of_birth=birth)
        reports.append(record)
    return reports


def _organisation(rng, organisation_type: str) -> str:
    return f"demo-{organisation_type}-{int(rng.integers(1, ORGANISATIONS_PER_TYPE + 1))}"


def _identity(rng, person: dict, *, variant: bool) -> tuple[str, str, date]:
    given, family, birth = person["given_name"], person["family_name"], person["date_of_birth"]
    if not variant or rng.random() >= VARIANT_SHARE:
        return given, family, birth
    kind = rng.integers(0, 4)
    if kind == 0:
        family = _without_accents(family)
        given = _without_accents(given)
    elif kind == 1 and len(family) > 3:
        i = int(rng.integers(1, len(family) - 2))
        family = family[:i] + family[i + 1] + family[i] + family[i + 2 :]
    elif kind == 2 and birth.day <= 12 and birth.day != birth.month:
        birth = birth.replace(day=birth.month, month=birth.day)
    else:
        given, family = family, given
    return given, family, birth


def _without_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.replace("ł", "l").replace("Ł", "L"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
