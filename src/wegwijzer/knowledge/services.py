"""Writes of the knowledge domain: loading the content files into the database."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

from wegwijzer.knowledge import content, fulltext, textsearch
from wegwijzer.knowledge.models import ContentRelease, Page, Section, Source, page_url


class ContentInvalid(Exception):
    def __init__(self, problems: list[content.Problem]):
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


@dataclass(frozen=True)
class LoadResult:
    changed: bool
    pages: int
    digest: str


def load_content(*, root: Path | None = None, force: bool = False) -> LoadResult:
    """Replace the loaded pages by the files under `root`, if they changed.

    The files are checked first; nothing is loaded when any check fails, so the
    site keeps its last good content.
    """
    root = Path(root or settings.CONTENT_DIR)
    fingerprint = content.digest(root)
    latest = ContentRelease.objects.order_by("-loaded_at", "-id").first()
    if not force and latest is not None and latest.digest == fingerprint:
        return LoadResult(changed=False, pages=latest.pages, digest=fingerprint)

    pages = content.read_tree(root)
    problems = content.check_tree(pages)
    if problems:
        raise ContentInvalid(problems)

    slugs = {(page.key, page.language): page.slug for page in pages}

    def url_for(key: str, language: str) -> str:
        return page_url(slugs[(key, language)], language)

    with transaction.atomic():
        Page.objects.all().delete()
        for page in pages:
            _store_page(page, url_for)
        fulltext.rebuild_index()
        ContentRelease.objects.create(digest=fingerprint, pages=len(pages))
        transaction.on_commit(cache.clear)
    return LoadResult(changed=True, pages=len(pages), digest=fingerprint)


def _store_page(page: content.ContentPage, url_for) -> None:
    body_html, sections = content.render(page, url_for)
    stored = Page.objects.create(
        key=page.key,
        language=page.language,
        slug=page.slug,
        title=page.title,
        summary=page.summary,
        order=page.order,
        checked=page.checked,
        body_html=body_html,
    )
    Source.objects.bulk_create(
        Source(page=stored, position=number, **vars(source))
        for number, source in enumerate(page.sources)
    )
    Section.objects.bulk_create(
        Section(
            page=stored,
            language=page.language,
            position=number,
            anchor=section.anchor,
            heading=section.heading,
            text=section.text,
            # The page title counts as a heading of every section.
            index_title=_index(f"{page.title} {section.heading}", page.language),
            index_body=_index(section.text, page.language),
        )
        for number, section in enumerate(sections)
    )


def _index(text: str, language: str) -> str:
    return " ".join(textsearch.index_words(text, language))
