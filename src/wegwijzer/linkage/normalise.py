"""Normalisation of names and document numbers before encoding, and a phonetic code.

Two agencies that write down the same person should, as often as possible, produce the same
normalised text: lower case, no diacritics, Cyrillic and Greek transliterated to Latin,
one kind of separator, and name particles ("van der", "de", "al") left out. What
normalisation cannot unify (typos, one transliteration against another) is left to the
fuzzy comparison of the Bloom-filter encodings. The rules are documented in
docs/identifiers.md.
"""

from __future__ import annotations

import re
import unicodedata

# Particles dropped from names: Dutch tussenvoegsels, and their German, French, Romance and
# Arabic counterparts. Agencies disagree on whether they belong to the surname ("van Dijk",
# "Dijk, van", "Dijk"), so leaving them out makes the three forms agree. A name that
# consists of particles only ("De") keeps them.
_DUTCH_PARTICLES = "van vd v d de der den het t te ter ten in op uit aan bij onder voor over s"
_OTHER_PARTICLES = "von vom zu zum zur du des la le l da das do dos del della degli di lo al el"
PARTICLES = frozenset(f"{_DUTCH_PARTICLES} {_OTHER_PARTICLES}".split(" "))

# Letters that Unicode does not decompose into a base letter plus a mark.
_LATIN_SPECIAL = {
    "ł": "l",
    "đ": "dj",
    "ð": "d",
    "þ": "th",
    "ß": "ss",
    "æ": "ae",
    "œ": "oe",
    "ø": "o",
    "ı": "i",
    "ħ": "h",
    "ŧ": "t",
    # West African letters (Hausa hooked letters, Akan/Ewe open vowels, Yoruba/Igbo eng)
    "ɓ": "b",
    "ɗ": "d",
    "ƙ": "k",
    "ƴ": "y",
    "ɛ": "e",
    "ɔ": "o",
    "ŋ": "ng",
    "ʋ": "v",
    "ƒ": "f",
    "ɣ": "g",
}

# Cyrillic: ICAO Doc 9303 (machine-readable passports, used by Russian passports) as the
# default; Ukrainian and Bulgarian national systems when the text shows the language.
_CYRILLIC_COMMON = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "i",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "ie",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "iu",
    "я": "ia",
    # Serbian and Macedonian letters, as in their Latin alphabets without diacritics
    "ђ": "dj",
    "ј": "j",
    "љ": "lj",
    "њ": "nj",
    "ћ": "c",
    "џ": "dz",
    "ѓ": "gj",
    "ќ": "kj",
    "ѕ": "dz",
    "ў": "u",
}
# Ukrainian passports: the national system of 2010 (Cabinet resolution 55).
_CYRILLIC_UKRAINIAN = _CYRILLIC_COMMON | {
    "г": "h",
    "ґ": "g",
    "и": "y",
    "і": "i",
    "ї": "i",
    "й": "i",
    "є": "ie",
    "ю": "iu",
    "я": "ia",
    "щ": "shch",
}
_UKRAINIAN_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
# Bulgarian passports: the Transliteration Act of 2009 (streamlined system).
_CYRILLIC_BULGARIAN = _CYRILLIC_COMMON | {
    "х": "h",
    "щ": "sht",
    "ъ": "a",
    "ь": "y",
    "ю": "yu",
    "я": "ya",
    "й": "y",
}

# Greek: ELOT 743, with its vowel digraphs; the rarer consonant rules are left out.
_GREEK_DIGRAPHS = (("ου", "ou"), ("αυ", "av"), ("ευ", "ev"), ("ηυ", "iv"))
_GREEK = {
    "α": "a",
    "β": "v",
    "γ": "g",
    "δ": "d",
    "ε": "e",
    "ζ": "z",
    "η": "i",
    "θ": "th",
    "ι": "i",
    "κ": "k",
    "λ": "l",
    "μ": "m",
    "ν": "n",
    "ξ": "x",
    "ο": "o",
    "π": "p",
    "ρ": "r",
    "σ": "s",
    "ς": "s",
    "τ": "t",
    "υ": "y",
    "φ": "f",
    "χ": "ch",
    "ψ": "ps",
    "ω": "o",
}

_APOSTROPHES = "'’‘ʼ`´ʹʻ"


def _is_cyrillic(char: str) -> bool:
    return "\u0400" <= char <= "\u04ff"


def _cyrillic_table(text: str) -> tuple[dict[str, str], bool]:
    """Choose the transliteration by the letters only one language uses."""
    if any(c in text for c in "іїєґ"):
        return _CYRILLIC_UKRAINIAN, True
    # A hard sign inside a word is Bulgarian (the vowel ъ); in Russian it is rare in names.
    if re.search(r"ъ(?=[^\W\d_])", text) or "ѝ" in text:
        return _CYRILLIC_BULGARIAN, False
    return _CYRILLIC_COMMON, False


def transliterate(text: str) -> str:
    """Lower-case Latin letters for Cyrillic, Greek and Latin letters with diacritics.

    Letters of other scripts (Arabic, Chinese, ...) are kept as they are: two reports in the
    same script still compare, and a name never collapses into nothing.
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    if any(_is_cyrillic(c) for c in text):
        table, ukrainian = _cyrillic_table(text)
        out = []
        for i, char in enumerate(text):
            word_start = i == 0 or not text[i - 1].isalpha()
            if ukrainian and word_start and char in _UKRAINIAN_INITIAL:
                out.append(_UKRAINIAN_INITIAL[char])
            else:
                out.append(table.get(char, char))
        text = "".join(out)
    bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    for digraph, latin in _GREEK_DIGRAPHS:
        bare = bare.replace(digraph, latin)
    return "".join(_GREEK.get(c) or _LATIN_SPECIAL.get(c) or c for c in bare)


def name_tokens(text: str | None) -> list[str]:
    """The words of a name after transliteration, without particles, in their order.

    Apostrophes join ("O'Brien" -> "obrien", "'t Hooft" -> "t hooft" -> "hooft"); every
    other non-letter (hyphen, dot, comma, digit, slash) separates.
    """
    if not text:
        return []
    text = transliterate(text)
    text = "".join("" if c in _APOSTROPHES else c for c in text)
    words = re.findall(r"[^\W\d_]+", text)
    kept = [w for w in words if w not in PARTICLES]
    return kept or words


def normalise_name(text: str | None) -> str:
    """A name as one normalised string of words separated by single spaces."""
    return " ".join(name_tokens(text))


def normalise_document(text: str | None) -> str:
    """A document number in upper case letters and digits only ("nl-12 345" -> "NL12345")."""
    if not text:
        return ""
    return "".join(c for c in transliterate(text) if c.isalnum()).upper()


# Phonetic code for blocking only. Spellings of one sound in Slavic, German, Dutch, English
# and West African transliterations share a class, so "Shevchenko", "Szewczenko" and
# "Schewtschenko" all give the same code. Vowels count only as the first letter.
_PHONETIC_REWRITES = (
    ("tsch", "s"),
    ("shch", "s"),
    ("szcz", "s"),
    ("sch", "s"),
    ("tsj", "s"),
    ("sh", "s"),
    ("sz", "s"),
    ("cz", "s"),
    ("ch", "s"),
    ("zh", "s"),
    ("ts", "s"),
    ("tz", "s"),
    ("dj", "j"),
    ("dz", "s"),
    ("kh", "h"),
    ("ck", "k"),
    ("ph", "f"),
    ("th", "t"),
    ("x", "ks"),
    ("q", "k"),
)
_PHONETIC_CLASS = str.maketrans(
    {
        **dict.fromkeys("aeiouyj", "A"),
        **dict.fromkeys("bp", "P"),
        **dict.fromkeys("fvw", "F"),
        **dict.fromkeys("ckg", "K"),
        **dict.fromkeys("sz", "S"),
        **dict.fromkeys("dt", "T"),
        "l": "L",
        "r": "R",
        "m": "M",
        "n": "N",
        "h": "",
    }
)


def phonetic_code(name: str, length: int = 4) -> str:
    """A short sound code of a normalised name (words joined), for blocking keys.

    Like Soundex (Russell and Odell) in spirit, with classes chosen for the spellings of
    Eastern European and West African names in Latin script.
    """
    word = name.replace(" ", "")
    for spelling, sound in _PHONETIC_REWRITES:
        word = word.replace(spelling, sound)
    classes = word.translate(_PHONETIC_CLASS)
    if not classes:
        return word[:length]
    code = [classes[0]]
    previous = classes[0]
    for cls in classes[1:]:
        if cls != previous and cls != "A":
            code.append(cls)
        previous = cls
        if len(code) == length:
            break
    return "".join(code)
