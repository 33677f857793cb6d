"""Language rules of the knowledge search. Plain Python, no Django.

Both databases must find the same sections for the same query. So words are cut,
stop words dropped and query words widened to their families here, once; the
stemming itself is Snowball's Porter-era Dutch and English algorithms, which
PostgreSQL's `dutch` and `english` configurations also use (see data/README.md).
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import snowballstemmer
import yaml

DATA = Path(__file__).parent / "data"
WORD = re.compile(r"[^\W_]+")
MAX_QUERY_CHARS = 200
MAX_TERMS = 8
# Snowball names; `dutch_porter` is the algorithm PostgreSQL 15 ships as `dutch`.
STEMMERS = {"nl": "dutch_porter", "en": "english"}
STOP_FILES = {"nl": "dutch.stop", "en": "english.stop"}


@dataclass(frozen=True)
class ParsedQuery:
    """What a search box input means: one group of alternative words per term."""

    text: str
    terms: tuple[tuple[str, ...], ...]
    notices: tuple[str, ...]

    @property
    def is_empty(self) -> bool:
        return not self.terms


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


@cache
def stop_words(language: str) -> frozenset[str]:
    return frozenset((DATA / STOP_FILES[language]).read_text(encoding="utf-8").split())


# Snowball stemmer objects keep state between calls, so each thread gets its own.
_local = threading.local()


def _stemmer(language: str):
    stemmers = _local.__dict__.setdefault("stemmers", {})
    if language not in stemmers:
        stemmers[language] = snowballstemmer.stemmer(STEMMERS[language])
    return stemmers[language]


# Pure-Python stemming is the slowest step of a search (the passage is cut by stemming
# the words of each result); the vocabulary is small, so remember every answer.
@lru_cache(maxsize=100_000)
def stem(word: str, language: str) -> str:
    return _stemmer(language).stemWord(word)


def index_words(text: str, language: str) -> list[str]:
    """The words of a text that search looks at, unstemmed (PostgreSQL stems them itself)."""
    stops = stop_words(language)
    return [word for word in words(text) if word not in stops]


def index_stems(text: str, language: str) -> list[str]:
    return [stem(word, language) for word in index_words(text, language)]


@cache
def _families(language: str) -> dict[str, tuple[str, ...]]:
    raw = yaml.safe_load((DATA / "word_families.yaml").read_text(encoding="utf-8"))
    by_word = {}
    for family in raw.get(language, []):
        for word in family:
            by_word[word] = tuple(family)
    return by_word


def parse_query(raw: str, language: str) -> ParsedQuery:
    """Cut a raw query into terms; every term is a word plus its family.

    Notices tell the visitor what was done to their input: `empty`, `truncated`,
    `too_many_terms`, `only_common_words` (everything was a stop word or symbol).
    """
    notices = []
    text = " ".join((raw or "").split())
    if not text:
        return ParsedQuery("", (), ("empty",))
    if len(text) > MAX_QUERY_CHARS:
        text = text[:MAX_QUERY_CHARS]
        notices.append("truncated")
    kept = list(dict.fromkeys(index_words(text, language)))
    if len(kept) > MAX_TERMS:
        kept = kept[:MAX_TERMS]
        notices.append("too_many_terms")
    if not kept:
        notices.append("only_common_words")
    families = _families(language)
    terms = tuple(families.get(word, (word,)) for word in kept)
    return ParsedQuery(text, terms, tuple(notices))


def query_stems(query: ParsedQuery, language: str) -> list[frozenset[str]]:
    return [frozenset(stem(word, language) for word in term) for term in query.terms]


def snippet(
    text: str, query: ParsedQuery, language: str, width: int = 240
) -> list[tuple[str, bool]]:
    """The passage of `text` around the first match, as (piece, is_match) pairs to mark up."""
    wanted = set().union(*query_stems(query, language)) if query.terms else set()
    matches = [m for m in WORD.finditer(text) if stem(m.group().lower(), language) in wanted]
    start = 0
    if matches:
        start = max(0, matches[0].start() - width // 3)
        # Begin at a word boundary so the passage does not open with half a word.
        while start > 0 and not text[start - 1].isspace():
            start -= 1
    end = min(len(text), start + width)
    while end < len(text) and not text[end].isspace():
        end += 1
    pieces: list[tuple[str, bool]] = []
    cursor = start
    for match in matches:
        if match.start() < start or match.end() > end:
            continue
        if match.start() > cursor:
            pieces.append((text[cursor : match.start()], False))
        pieces.append((match.group(), True))
        cursor = match.end()
    if cursor < end:
        pieces.append((text[cursor:end], False))
    if start > 0:
        pieces.insert(0, ("… ", False))
    if end < len(text):
        pieces.append((" …", False))
    return pieces
