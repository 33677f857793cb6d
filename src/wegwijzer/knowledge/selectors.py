"""Reads of the knowledge domain."""

from __future__ import annotations

from dataclasses import dataclass

from django.shortcuts import get_object_or_404
from django.utils.html import format_html, format_html_join

from wegwijzer.knowledge import fulltext, textsearch
from wegwijzer.knowledge.models import Page, Section


def pages_for_language(language: str):
    return Page.objects.filter(language=language).defer("body_html")


def page_by_slug(language: str, slug: str) -> Page:
    return get_object_or_404(Page.objects.prefetch_related("sources"), language=language, slug=slug)


def twin_urls(page: Page) -> dict[str, str]:
    return {twin.language: twin.get_absolute_url() for twin in Page.objects.filter(key=page.key)}


@dataclass(frozen=True)
class SearchResult:
    section: Section
    score: float
    passage: list[tuple[str, bool]]

    @property
    def passage_html(self) -> str:
        """The passage with matches marked; built here, as a template loop per piece is slow."""
        return format_html_join(
            "",
            "{}",
            ((format_html("<mark>{}</mark>", p) if hit else p,) for p, hit in self.passage),
        )

    @property
    def url(self) -> str:
        anchor = f"#{self.section.anchor}" if self.section.anchor else ""
        return self.section.page.get_absolute_url() + anchor


@dataclass(frozen=True)
class SearchOutcome:
    query: textsearch.ParsedQuery
    results: list[SearchResult]


def search(raw_query: str, language: str, limit: int = 10) -> SearchOutcome:
    query = textsearch.parse_query(raw_query, language)
    hits = fulltext.find(query, language, limit)
    sections = (
        Section.objects.select_related("page")
        .defer("page__body_html", "index_title", "index_body")
        .in_bulk([hit.section_id for hit in hits])
    )
    results = [
        SearchResult(
            section=sections[hit.section_id],
            score=hit.score,
            passage=textsearch.snippet(sections[hit.section_id].text, query, language),
        )
        for hit in hits
        if hit.section_id in sections
    ]
    return SearchOutcome(query=query, results=results)
