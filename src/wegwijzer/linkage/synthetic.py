"""Synthetic registrations with known persons, for measuring linkage quality.

Persons are drawn from Dutch, Eastern European (Romanian, Bulgarian, Polish, Ukrainian),
West African (Nigerian, Ghanaian) and other origins (Vietnamese, Chinese, Moroccan,
Eritrean, Brazilian); each is reported one or more times by different organisations. Every
report writes the person down the way an agency might: Cyrillic as typed from the passport
or in one of several transliterations, diacritics kept or dropped, particles moved or
left out, a second given name dropped, a nickname, typos, given and family name the other
way round, a missing or estimated date of birth, day and month swapped, a document number
sometimes. Seedable: the same seed gives the same registrations.
"""

from __future__ import annotations

import datetime
import random
import unicodedata
from dataclasses import dataclass
from itertools import accumulate

from wegwijzer.linkage.encoding import Identity
from wegwijzer.linkage.synthetic_names import ORIGINS, Origin

ORGANISATIONS = (
    "police",
    "kmar",
    "labour_inspectorate",
    "care",
    "shelter",
    "municipality",
    "coordination_centre",
    "lawyer",
)
# Reports per person: most persons are reported once, some by many organisations.
REPORTS_PER_PERSON = {1: 0.62, 2: 0.22, 3: 0.09, 4: 0.04, 5: 0.02, 6: 0.006, 7: 0.003, 8: 0.001}

NICKNAMES = {
    "johannes": ("Jan", "Hans"),
    "cornelis": ("Kees",),
    "jacobus": ("Koos",),
    "hendrik": ("Henk",),
    "gerrit": ("Gert",),
    "willem": ("Wim",),
    "johanna": ("Anneke", "Jo"),
    "wilma": ("Wil",),
    "oluwaseun": ("Seun",),
    "oluwatobi": ("Tobi",),
    "chukwuemeka": ("Emeka",),
    "babatunde": ("Tunde",),
    "ikechukwu": ("Ike",),
    "alexandru": ("Alex",),
    "aleksandra": ("Ola",),
    "katarzyna": ("Kasia",),
    "mohammed": ("Mohamed", "Muhammad"),
    "mohamed": ("Mohammed",),
    "rachid": ("Rashid",),
    "yousef": ("Youssef",),
    "tesfay": ("Tesfai", "Tesfaye"),
}

# How agencies write Cyrillic in Latin letters. Each table overrides the Ukrainian or
# Bulgarian national system; "initial" applies at the start of a word.
_UA_NATIONAL = {
    **dict(zip("абвгґдезіклмнопрстуф", "abvhgdeziklmnoprstuf", strict=True)),
    "і": "i",
    "ж": "zh",
    "и": "y",
    "ї": "i",
    "й": "i",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ь": "",
    "ю": "iu",
    "я": "ia",
    "є": "ie",
    "'": "",
    "’": "",
}
_UA_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_UA_STYLES = (
    (0.55, {}, _UA_INITIAL),
    (0.12, {"г": "g", "и": "i", "є": "e"}, {}),  # Russian-style (ICAO), older documents
    (0.12, {"й": "y", "ю": "yu", "я": "ya", "є": "ye", "ї": "yi"}, _UA_INITIAL),  # English
    (
        0.08,
        {"х": "ch", "ж": "sch", "ш": "sch", "ч": "tsch", "щ": "schtsch", "ц": "z", "й": "j"}
        | {"ю": "ju", "я": "ja", "є": "je", "ї": "ji", "в": "w", "з": "s"},
        {},
    ),  # German
    (
        0.08,
        {"х": "ch", "ж": "zj", "ш": "sj", "ч": "tsj", "щ": "sjtsj", "й": "j", "у": "oe"}
        | {"ю": "joe", "я": "ja", "є": "je", "ї": "ji"},
        {},
    ),  # Dutch
    (
        0.05,
        {"х": "ch", "ж": "ż", "ш": "sz", "ч": "cz", "щ": "szcz", "ц": "c", "й": "j"}
        | {"ю": "ju", "я": "ja", "є": "je", "ї": "ji", "в": "w"},
        {},
    ),  # Polish
)
_BG_OFFICIAL = {
    **dict(zip("абвгдезиклмнопрстуф", "abvgdeziklmnoprstuf", strict=True)),
    "ж": "zh",
    "й": "y",
    "х": "h",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "sht",
    "ъ": "a",
    "ь": "y",
    "ю": "yu",
    "я": "ya",
}
_BG_STYLES = (
    (0.6, {}, {}),
    (0.2, {"х": "kh", "й": "i", "ъ": "u", "ю": "iu", "я": "ia"}, {}),  # ICAO-like
    (0.1, {"ъ": "u", "й": "i"}, {}),  # English-like
    (
        0.1,
        {"ж": "sch", "ш": "sch", "ч": "tsch", "ц": "z", "х": "ch", "й": "j", "в": "w"}
        | {"ю": "ju", "я": "ja", "ъ": "a"},
        {},
    ),  # German
)
_CYRILLIC_KEPT = 0.2  # reports typed in Cyrillic from the passport

_KEYBOARD = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def _neighbours(letter: str) -> str:
    for row_index, row in enumerate(_KEYBOARD):
        column = row.find(letter)
        if column >= 0:
            near = row[max(column - 1, 0) : column + 2].replace(letter, "")
            for other in (row_index - 1, row_index + 1):
                if 0 <= other < len(_KEYBOARD):
                    near += _KEYBOARD[other][max(column - 1, 0) : column + 1]
            return near
    return "aeio"


@dataclass(frozen=True)
class Person:
    person_id: int
    origin: str
    female: bool
    given: str  # first given name, as in the person's documents (Cyrillic for ua, bg)
    middle: str  # second given name or ""
    family: str
    date_of_birth: datetime.date | None  # None: unknown, estimated by each agency
    estimated_year: int
    document: str | None


@dataclass(frozen=True)
class Registration:
    record_id: int
    person_id: int
    origin: str
    organisation: str
    identity: Identity


class _Zipf:
    """Draws from a list with weights falling as 1 / (rank + offset) ** exponent."""

    def __init__(self, items, exponent=1.0, offset=2.0):
        self.items = list(items)
        self.cumulative = list(
            accumulate(1 / (r + offset) ** exponent for r in range(len(self.items)))
        )

    def __call__(self, rng: random.Random):
        return rng.choices(self.items, cum_weights=self.cumulative)[0]


class Generator:
    def __init__(self, seed: int = 0):
        self.rng = random.Random(seed)  # noqa: S311 - synthetic data, not secrets
        self.origins = ORIGINS
        self.origin_weights = list(accumulate(o.share for o in ORIGINS))
        self._given = {}
        self._family = {}
        for origin in ORIGINS:
            order = random.Random(f"{seed}-{origin.code}")  # noqa: S311
            self._given[origin.code] = (
                _Zipf(origin.male, 0.8, 3),
                _Zipf(origin.female, 0.8, 3),
            )
            tail = sorted(_compose_family_names(origin))
            order.shuffle(tail)
            self._family[origin.code] = (
                _Zipf(origin.common_family, 0.9, 2),
                _Zipf(tail, 0.6, 20),
            )

    def person(self, person_id: int) -> Person:
        rng = self.rng
        origin = rng.choices(self.origins, cum_weights=self.origin_weights)[0]
        female = rng.random() < 0.6
        male_names, female_names = self._given[origin.code]
        given = (female_names if female else male_names)(rng)
        middle = ""
        if rng.random() < origin.middle_rate:
            pool = origin.middle_female if female else origin.middle_male
            middle = rng.choice(pool) if pool else (female_names if female else male_names)(rng)
            if middle == given:
                middle = ""
        common, tail = self._family[origin.code]
        family = common(rng) if rng.random() < 0.4 else tail(rng)
        if female and origin.female_endings:
            for ending, female_ending in origin.female_endings.items():
                if family.endswith(ending):
                    family = family[: -len(ending)] + female_ending
                    break
        year = int(rng.triangular(1958, 2010, 1996))
        dob = None
        if rng.random() >= origin.first_january_rate:
            dob = datetime.date(year, rng.randint(1, 12), rng.randint(1, 28))
        has_document = rng.random() < (0.8 if origin.code in ("nl", "ro", "bg", "pl") else 0.45)
        document = None
        if has_document:
            letters = "".join(rng.choices("ABCDEFGHJKLMNPRSTUVWXYZ", k=2))
            document = letters + "".join(rng.choices("0123456789", k=7))
        return Person(person_id, origin.code, female, given, middle, family, dob, year, document)

    def report(self, person: Person, record_id: int, organisation: str) -> Registration:
        rng = self.rng
        origin = next(o for o in self.origins if o.code == person.origin)
        style = _cyrillic_style(origin, rng)
        strip = rng.random() < 0.4  # this agency's keyboard drops diacritics
        given = _nickname(person.given, rng)
        given = _render(given, style, strip, rng)
        if person.middle and rng.random() < 0.6:
            middle = _render(person.middle, style, strip, rng)
            # Vietnamese names carry the middle name before the given name
            given = f"{middle} {given}" if origin.code == "vn" else f"{given} {middle}"
        family = person.family
        if rng.random() < 0.01:  # another family name: marriage, an alias
            family = self._family[origin.code][1](rng)
        family = _render(family, style, strip, rng)
        given, family = _typo(given, rng), _typo(family, rng)
        if origin.code == "nl":
            given, family = _dutch_particles(given, family, rng)
        if rng.random() < origin.swap_rate:
            given, family = family, given
        identity = Identity(
            given_names=given,
            family_names=family,
            date_of_birth=_report_date(person, origin, rng),
            document_number=_report_document(person.document, rng),
        )
        return Registration(record_id, person.person_id, origin.code, organisation, identity)


def _compose_family_names(origin: Origin) -> set[str]:
    names = set()
    for root in origin.roots:
        for ending in origin.endings:
            names.add(root + ending)
            for second in origin.roots[::3]:
                if second != root and origin.code in ("nl", "ng", "gh"):
                    names.add(root + second.lower() + ending)
    if origin.code in ("vn", "cn"):
        names |= set(origin.common_family)
    return names


def _cyrillic_style(origin: Origin, rng: random.Random):
    if origin.script != "cyrillic" or rng.random() < _CYRILLIC_KEPT:
        return None
    base, styles = (_UA_NATIONAL, _UA_STYLES) if origin.code == "ua" else (_BG_OFFICIAL, _BG_STYLES)
    weights = [w for w, _, _ in styles]
    _, overrides, initial = rng.choices(styles, weights=weights)[0]
    return base | overrides, initial


def _render(name: str, style, strip: bool, rng: random.Random) -> str:
    if style is not None:
        table, initial = style
        out = []
        for i, char in enumerate(name):
            lower = char.lower()
            start = i == 0 or not name[i - 1].isalpha()
            latin = initial.get(lower) if start and lower in initial else table.get(lower, lower)
            out.append(latin.capitalize() if char.isupper() else latin)
        name = "".join(out)
    if strip:
        name = "".join(
            c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)
        ).replace("ł", "l")
    if rng.random() < 0.15:
        name = name.upper()
    return name


def _nickname(name: str, rng: random.Random) -> str:
    options = NICKNAMES.get(name.lower())
    if options and rng.random() < 0.15:
        return rng.choice(options)
    return name


def _typo(name: str, rng: random.Random) -> str:
    roll = rng.random()
    edits = 2 if roll < 0.015 else 1 if roll < 0.09 else 0
    for _ in range(edits):
        if len(name) < 3:
            break
        i = rng.randrange(1, len(name))  # first letters are mistyped less often
        kind = rng.random()
        if kind < 0.35:
            letter = name[i].lower()
            name = name[:i] + rng.choice(_neighbours(letter)) + name[i + 1 :]
        elif kind < 0.6:
            name = name[:i] + name[i + 1 :]
        elif kind < 0.8:
            name = name[:i] + name[i] + name[i:]
        elif i < len(name) - 1:
            name = name[:i] + name[i + 1] + name[i] + name[i + 2 :]
    return name


def _dutch_particles(given: str, family: str, rng: random.Random) -> tuple[str, str]:
    words = family.split()
    particles = [w for w in words if w.lower() in ("van", "de", "der", "den")]
    if not particles:
        return given, family
    core = " ".join(w for w in words if w not in particles)
    roll = rng.random()
    if roll < 0.15:
        return given, f"{core}, {' '.join(particles)}"
    if roll < 0.25:
        return f"{given} {' '.join(particles)}", core
    if roll < 0.32:
        return given, core
    if roll < 0.5:
        return given, " ".join(w.capitalize() for w in words)
    return given, family


def _report_date(person: Person, origin: Origin, rng: random.Random) -> datetime.date | None:
    if person.date_of_birth is None:  # unknown: left empty or 1 January of a guessed year
        if rng.random() < 0.5:
            return None
        return datetime.date(person.estimated_year + rng.choice((-1, 0, 0, 0, 1)), 1, 1)
    if rng.random() < origin.no_dob_rate:
        return None
    dob = person.date_of_birth
    year, month, day = dob.year, dob.month, dob.day
    roll = rng.random()
    if roll < 0.03 and day <= 12:
        month, day = day, month
    elif roll < 0.05:
        day = min(28, max(1, day + rng.choice((-10, -1, 1, 10))))
    elif roll < 0.06:
        month = rng.randint(1, 12)
    elif roll < 0.08:
        year += rng.choice((-1, 1, 9 if year % 10 == 0 else -9))
    return datetime.date(year, month, day)


def _report_document(document: str | None, rng: random.Random) -> str | None:
    if document is None or rng.random() >= 0.35:
        return None
    if rng.random() < 0.02:
        i = rng.randrange(2, len(document))
        document = document[:i] + rng.choice("0123456789") + document[i + 1 :]
    if rng.random() < 0.3:
        document = f"{document[:2]}-{document[2:]}".lower()
    return document


def generate(records: int, seed: int = 0) -> list[Registration]:
    """`records` registrations of persons reported once or more, in random order."""
    generator = Generator(seed)
    rng = generator.rng
    counts = list(REPORTS_PER_PERSON)
    cumulative = list(accumulate(REPORTS_PER_PERSON.values()))
    out: list[Registration] = []
    person_id = 0
    while len(out) < records:
        person = generator.person(person_id)
        reports = min(rng.choices(counts, cum_weights=cumulative)[0], records - len(out))
        organisations = rng.sample(ORGANISATIONS, k=min(reports, len(ORGANISATIONS)))
        for i in range(reports):
            organisation = organisations[i % len(organisations)]
            out.append(generator.report(person, len(out), organisation))
        person_id += 1
    order = list(range(len(out)))
    rng.shuffle(order)
    return [
        Registration(new_id, r.person_id, r.origin, r.organisation, r.identity)
        for new_id, r in enumerate(out[i] for i in order)
    ]
