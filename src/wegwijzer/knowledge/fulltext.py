"""One search interface over two engines: SQLite FTS5 (embedded) and PostgreSQL (production).

The language rules (words, stop words, families) come from `textsearch`, so the
engines differ only in how they store and rank. Which engine runs follows the
database connection; nothing else in the app needs to know.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection

from wegwijzer.knowledge import textsearch
from wegwijzer.knowledge.models import Section

FTS_TABLE = "knowledge_section_fts"
PG_CONFIG = {"nl": "dutch", "en": "english"}
TITLE_WEIGHT = 4.0  # a match in a heading counts this many times a match in the text
# ts_rank's weights for labels D, C, B, A: titles are labelled A, text D.
PG_WEIGHTS = [1.0 / TITLE_WEIGHT, 1.0 / TITLE_WEIGHT, 1.0 / TITLE_WEIGHT, 1.0]


@dataclass(frozen=True)
class Hit:
    section_id: int
    score: float


def create_index(schema_editor) -> None:
    """Called from the migration: the engine's own index structure."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "ALTER TABLE knowledge_section ADD COLUMN search_vector tsvector;"
            " CREATE INDEX knowledge_section_search ON knowledge_section USING GIN (search_vector)"
        )
    elif schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(
            f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5("
            "section_id UNINDEXED, language UNINDEXED, title, body,"
            " tokenize = 'unicode61 remove_diacritics 0')"
        )


def drop_index(schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE knowledge_section DROP COLUMN search_vector")
    elif schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(f"DROP TABLE {FTS_TABLE}")


def rebuild_index() -> None:
    """Index every section anew; run inside the content loader's transaction."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "UPDATE knowledge_section SET search_vector ="
                " setweight(to_tsvector(CASE language WHEN 'nl' THEN 'dutch'::regconfig"
                " ELSE 'english'::regconfig END, index_title), 'A') ||"
                " setweight(to_tsvector(CASE language WHEN 'nl' THEN 'dutch'::regconfig"
                " ELSE 'english'::regconfig END, index_body), 'D')"
            )
            return
        cursor.execute(f"DELETE FROM {FTS_TABLE}")  # noqa: S608 (constant table name)
        rows = [
            (
                section.id,
                section.language,
                _stemmed(section.index_title, section.language),
                _stemmed(section.index_body, section.language),
            )
            for section in Section.objects.only("id", "language", "index_title", "index_body")
        ]
        cursor.executemany(
            f"INSERT INTO {FTS_TABLE} (section_id, language, title, body)"  # noqa: S608
            " VALUES (%s, %s, %s, %s)",
            rows,
        )


def find(query: textsearch.ParsedQuery, language: str, limit: int) -> list[Hit]:
    """Sections in `language` that contain every term (any word of its family), best first."""
    if query.is_empty:
        return []
    if connection.vendor == "postgresql":
        return _find_postgresql(query, language, limit)
    return _find_sqlite(query, language, limit)


def _stemmed(words: str, language: str) -> str:
    return " ".join(textsearch.stem(word, language) for word in words.split())


def _find_sqlite(query, language, limit):
    match = " AND ".join(
        "(" + " OR ".join(f'"{stem}"' for stem in sorted(stems)) + ")"
        for stems in textsearch.query_stems(query, language)
    )
    with connection.cursor() as cursor:
        cursor.execute(
            # Only the constant table name is interpolated; the query text is a parameter.
            f"SELECT section_id, bm25({FTS_TABLE}, 0, 0, %s, 1.0) AS score FROM {FTS_TABLE}"  # noqa: S608
            f" WHERE {FTS_TABLE} MATCH %s AND language = %s ORDER BY score, section_id LIMIT %s",
            [TITLE_WEIGHT, match, language, limit],
        )
        # bm25 is lower for better matches; turn it round so higher is better everywhere.
        return [Hit(section_id, -score) for section_id, score in cursor.fetchall()]


def _find_postgresql(query, language, limit):
    tsquery = " & ".join("(" + " | ".join(term) + ")" for term in query.terms)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, ts_rank(%s::float4[], search_vector, q) AS score"
            " FROM knowledge_section, to_tsquery(%s::regconfig, %s) AS q"
            " WHERE language = %s AND search_vector @@ q ORDER BY score DESC, id LIMIT %s",
            [PG_WEIGHTS, PG_CONFIG[language], tsquery, language, limit],
        )
        return [Hit(section_id, score) for section_id, score in cursor.fetchall()]
