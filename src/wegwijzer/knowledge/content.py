"""Knowledge content files: read, check and render. Plain Python, no Django.

A page is a Markdown file `<root>/<language>/<key>.md` with YAML front matter.
The same key in every language makes a page and its twins. Internal links are
written `[text](page:KEY)` and resolved here to the twin in the same language.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import markdown
import yaml
from markdown.extensions.toc import slugify_unicode

LANGUAGES = ("nl", "en")
REQUIRED_FIELDS = ("key", "title", "slug", "summary", "order", "checked", "sources")
SOURCE_FIELDS = ("organisation", "publication", "year")
PAGE_LINK = re.compile(r"\]\(page:([^)#\s]*)(#[^)\s]*)?\)")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
RAW_HTML = re.compile(r"<[a-zA-Z/!][^>]*>")


class ContentError(ValueError):
    """A content file that cannot be read at all (no front matter, bad YAML)."""


@dataclass(frozen=True)
class Source:
    organisation: str
    publication: str
    year: int
    note: str = ""
    url: str = ""


@dataclass(frozen=True)
class Section:
    """A stretch of a page under one level-2 heading (the first one has no heading)."""

    anchor: str
    heading: str
    html: str
    text: str


@dataclass(frozen=True)
class ContentPage:
    path: Path
    language: str
    key: str
    title: str
    slug: str
    summary: str
    order: int
    checked: dt.date | None
    sources: tuple[Source, ...]
    body: str
    front_matter: dict = field(repr=False, default_factory=dict)


@dataclass(frozen=True)
class Problem:
    path: Path
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def read_page(path: Path, language: str) -> ContentPage:
    raw = path.read_text(encoding="utf-8")
    if not raw.startswith("---\n"):
        raise ContentError(f"{path}: the file must start with a '---' front matter block")
    try:
        _, front, body = raw.split("---\n", 2)
        meta = yaml.safe_load(front) or {}
    except (ValueError, yaml.YAMLError) as error:
        raise ContentError(f"{path}: front matter is not valid YAML ({error})") from error
    if not isinstance(meta, dict):
        raise ContentError(f"{path}: front matter must be a mapping of fields")
    return ContentPage(
        path=path,
        language=language,
        key=str(meta.get("key", "")),
        title=str(meta.get("title", "")),
        slug=str(meta.get("slug", "")),
        summary=str(meta.get("summary", "")),
        order=_as_int(meta.get("order")),
        checked=_as_date(meta.get("checked")),
        sources=tuple(
            _as_source(item) for item in meta.get("sources") or [] if isinstance(item, dict)
        ),
        body=body.strip() + "\n",
        front_matter=meta,
    )


def read_tree(root: Path) -> list[ContentPage]:
    """Every page under root, in a stable order (language, order, key)."""
    pages = [
        read_page(path, language)
        for language in LANGUAGES
        for path in sorted((root / language).glob("*.md"))
    ]
    return sorted(pages, key=lambda page: (LANGUAGES.index(page.language), page.order, page.key))


def digest(root: Path) -> str:
    """A fingerprint of all content files, to tell whether a reload would change anything."""
    sha = hashlib.sha256()
    for language in LANGUAGES:
        for path in sorted((root / language).glob("*.md")):
            sha.update(f"{language}/{path.name}\0".encode())
            sha.update(path.read_bytes())
    return sha.hexdigest()


def check_tree(pages: list[ContentPage]) -> list[Problem]:
    """Everything that must hold before content may be published."""
    problems: list[Problem] = []
    keys_by_language = {lang: {p.key for p in pages if p.language == lang} for lang in LANGUAGES}
    seen_slugs: dict[tuple[str, str], Path] = {}
    for page in pages:
        problems += _check_page(page, keys_by_language[page.language])
        for language in LANGUAGES:
            if page.key and page.key not in keys_by_language[language]:
                problems.append(Problem(page.path, f"no {language} twin with key {page.key!r}"))
        slug_id = (page.language, page.slug)
        if page.slug and slug_id in seen_slugs:
            problems.append(
                Problem(page.path, f"slug {page.slug!r} also used by {seen_slugs[slug_id]}")
            )
        seen_slugs.setdefault(slug_id, page.path)
    return problems


def _check_page(page: ContentPage, keys: set[str]) -> list[Problem]:
    problems = []
    missing = [name for name in REQUIRED_FIELDS if not page.front_matter.get(name)]
    if missing:
        problems.append(Problem(page.path, f"missing front matter: {', '.join(missing)}"))
    if page.key and page.path.stem != page.key:
        problems.append(Problem(page.path, f"file name must be the key ({page.key}.md)"))
    if page.slug and not SLUG.match(page.slug):
        problems.append(
            Problem(page.path, f"slug {page.slug!r} must be lowercase words joined by '-'")
        )
    if page.front_matter.get("checked") and page.checked is None:
        problems.append(Problem(page.path, "checked must be a date (YYYY-MM-DD)"))
    raw_sources = page.front_matter.get("sources") or []
    if not raw_sources:
        problems.append(Problem(page.path, "a page must name its sources"))
    for number, item in enumerate(raw_sources, start=1):
        gaps = [name for name in SOURCE_FIELDS if not isinstance(item, dict) or not item.get(name)]
        if gaps:
            problems.append(Problem(page.path, f"source {number} lacks {', '.join(gaps)}"))
        elif not isinstance(item["year"], int):
            problems.append(Problem(page.path, f"source {number}: year must be a number"))
    for target, _anchor in PAGE_LINK.findall(page.body):
        if target not in keys:
            problems.append(Problem(page.path, f"broken internal link page:{target}"))
    if RAW_HTML.search(page.body):
        problems.append(Problem(page.path, "raw HTML is not allowed in content; use Markdown"))
    if re.search(r"^# ", page.body, flags=re.MULTILINE):
        problems.append(
            Problem(page.path, "no level-1 heading in the body: the title is the heading")
        )
    return problems


def shared_phrases(pages: Iterable[ContentPage], seed_texts: Iterable[str], words: int = 8):
    """Runs of `words` consecutive words that a page shares with a seed page.

    Our content must be written in our own words; a long shared run means copying.
    """
    seen = set()
    for text in seed_texts:
        tokens = _words(text)
        seen.update(tuple(tokens[i : i + words]) for i in range(len(tokens) - words + 1))
    for page in pages:
        tokens = _words(page.body)
        for i in range(len(tokens) - words + 1):
            run = tuple(tokens[i : i + words])
            if run in seen:
                yield Problem(page.path, f"copied from a seed page: {' '.join(run)!r}")


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.lower())


def render(page: ContentPage, url_for: Callable[[str, str], str]) -> tuple[str, list[Section]]:
    """The page body as HTML, and the same body cut into sections for search."""

    def resolve(match: re.Match) -> str:
        return f"]({url_for(match.group(1), page.language)}{match.group(2) or ''})"

    converter = markdown.Markdown(
        extensions=["tables", "sane_lists", "toc"],
        extension_configs={"toc": {"slugify": slugify_unicode}},
    )
    # Content is ours but reviewed as Markdown: raw HTML is shown as text, never run.
    converter.preprocessors.deregister("html_block")
    converter.inlinePatterns.deregister("html")
    body_html = converter.convert(PAGE_LINK.sub(resolve, page.body))
    # A wide table scrolls on its own on a narrow screen; the region must be reachable by keyboard.
    label = TABLE_LABEL[page.language]
    body_html = body_html.replace(
        "<table>",
        f'<div class="table-scroll" role="region" tabindex="0" aria-label="{label}"><table>',
    ).replace("</table>", "</table></div>")
    return body_html, split_sections(body_html)


TABLE_LABEL = {"nl": "Tabel", "en": "Table"}


_H2 = re.compile(r'<h2 id="([^"]*)">(.*?)</h2>', flags=re.DOTALL)


def split_sections(body_html: str) -> list[Section]:
    parts = _H2.split(body_html)
    sections = []
    if parts[0].strip():
        sections.append(Section("", "", parts[0], plain_text(parts[0])))
    for anchor, heading, chunk in zip(parts[1::3], parts[2::3], parts[3::3], strict=True):
        sections.append(Section(anchor, plain_text(heading), chunk, plain_text(chunk)))
    return sections


class _TextCollector(HTMLParser):
    BLOCKS = {"p", "li", "tr", "h2", "h3", "h4", "br", "table", "ul", "ol", "blockquote"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.BLOCKS:
            self.parts.append("\n")
        elif tag in {"td", "th"}:
            self.parts.append(" ")

    def handle_data(self, data):
        self.parts.append(data)


def plain_text(fragment: str) -> str:
    collector = _TextCollector()
    collector.feed(fragment)
    text = html.unescape("".join(collector.parts))
    lines = (re.sub(r"[ \t]+", " ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _as_int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _as_date(value) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def _as_source(item: dict) -> Source:
    return Source(
        organisation=str(item.get("organisation", "")),
        publication=str(item.get("publication", "")),
        year=_as_int(item.get("year")),
        note=str(item.get("note") or ""),
        url=str(item.get("url") or ""),
    )
