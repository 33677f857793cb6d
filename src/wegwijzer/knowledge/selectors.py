"""Reads of the knowledge domain."""

from __future__ import annotations

from dataclasses import dataclass

from django.shortcuts import get_object_or_404
from django.utils.html import format_html, format_html_join

from wegwijzer.knowledge import fulltext, textsearch
from wegwijzer.knowledge.models import Page, Section, page_url


def pages_for_language(language: str):
    return Page.objects.filter(language=language).defer("body_html")


def page_by_slug(language: str, slug: str) -> Page:
    return get_object_or_404(Page.objects.prefetch_related("sources"), language=language, slug=slug)


def twin_urls(page: Page) -> dict[str, str]:
    return {twin.language: twin.get_absolute_url() for twin in Page.objects.filter(key=page.key)}


@dataclass(frozen=True)
class SearchResult:
    """One matching section, as plain values (no model instances: search is a hot path)."""

    section_id: int
    page_key: str
    page_title: str
    heading: str
    url: str
    score: float
    passage: list[tuple[str, bool]]

    @property
    def title(self) -> str:
        return f"{self.page_title}: {self.heading}" if self.heading else self.page_title

    @property
    def passage_html(self) -> str:
        """The passage with matches marked; built here, as a template loop per piece is slow."""
        return format_html_join(
            "",
            "{}",
            ((format_html("<mark>{}</mark>", p) if hit else p,) for p, hit in self.passage),
        )


@dataclass(frozen=True)
class SearchOutcome:
    query: textsearch.ParsedQuery
    results: list[SearchResult]


def search(raw_query: str, language: str, limit: int = 10) -> SearchOutcome:
    query = textsearch.parse_query(raw_query, language)
    hits = fulltext.find(query, language, limit)
    rows = {
        row["id"]: row
        for row in Section.objects.filter(id__in=[hit.section_id for hit in hits]).values(
            "id", "anchor", "heading", "text", "page__key", "page__title", "page__slug"
        )
    }
    results = []
    for hit in hits:
        row = rows.get(hit.section_id)
        if row is None:
            continue
        anchor = f"#{row['anchor']}" if row["anchor"] else ""
        results.append(
            SearchResult(
                section_id=hit.section_id,
                page_key=row["page__key"],
                page_title=row["page__title"],
                heading=row["heading"],
                url=page_url(row["page__slug"], language) + anchor,
                score=hit.score,
                passage=textsearch.snippet(row["text"], query, language),
            )
        )
    return SearchOutcome(query=query, results=results)
