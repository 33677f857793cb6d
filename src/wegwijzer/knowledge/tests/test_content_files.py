"""Reading and checking content files (plain Python, no database)."""

from pathlib import Path

import pytest

from wegwijzer.knowledge import content

PAGE = """---
key: {key}
title: {title}
slug: {slug}
summary: Een samenvatting.
order: 10
checked: 2026-11-23
sources:
{sources}
---
{body}
"""
SOURCE = "  - {organisation: CoMensha, publication: Veelgestelde vragen, year: 2025}"


def write(root: Path, language: str, key: str, *, body="Tekst.", sources=SOURCE, slug=None):
    folder = root / language
    folder.mkdir(parents=True, exist_ok=True)
    text = PAGE.format(
        key=key, title=key.title(), slug=slug or f"{key}-{language}", sources=sources, body=body
    )
    (folder / f"{key}.md").write_text(text, encoding="utf-8")


def problems_of(root: Path) -> list[str]:
    return [problem.message for problem in content.check_tree(content.read_tree(root))]


def test_a_complete_pair_of_twins_has_no_problems(tmp_path):
    write(tmp_path, "nl", "intro", body="Zie [de vragen](page:faq).")
    write(tmp_path, "en", "intro", body="See [the questions](page:faq).")
    write(tmp_path, "nl", "faq")
    write(tmp_path, "en", "faq")
    assert problems_of(tmp_path) == []


def test_a_page_without_sources_fails(tmp_path):
    write(tmp_path, "nl", "intro", sources="  []")
    write(tmp_path, "en", "intro")
    assert any("sources" in message for message in problems_of(tmp_path))


def test_a_source_without_year_fails(tmp_path):
    write(tmp_path, "nl", "intro", sources="  - {organisation: CoMensha, publication: FAQ}")
    write(tmp_path, "en", "intro")
    assert "source 1 lacks year" in problems_of(tmp_path)


def test_a_broken_internal_link_fails(tmp_path):
    write(tmp_path, "nl", "intro", body="Zie [weg](page:bestaat-niet).")
    write(tmp_path, "en", "intro")
    assert "broken internal link page:bestaat-niet" in problems_of(tmp_path)


def test_a_dutch_page_without_english_twin_fails(tmp_path):
    write(tmp_path, "nl", "intro")
    assert "no en twin with key 'intro'" in problems_of(tmp_path)


def test_raw_html_and_a_second_title_are_refused(tmp_path):
    write(tmp_path, "nl", "intro", body="# Titel\n\n<script>alert(1)</script>")
    write(tmp_path, "en", "intro")
    messages = problems_of(tmp_path)
    assert any("raw HTML" in message for message in messages)
    assert any("level-1 heading" in message for message in messages)


def test_duplicate_slugs_in_one_language_fail(tmp_path):
    write(tmp_path, "nl", "one", slug="zelfde")
    write(tmp_path, "nl", "two", slug="zelfde")
    write(tmp_path, "en", "one")
    write(tmp_path, "en", "two")
    assert any("slug 'zelfde' also used" in message for message in problems_of(tmp_path))


def test_a_file_without_front_matter_is_an_error(tmp_path):
    (tmp_path / "nl").mkdir()
    (tmp_path / "nl" / "kaal.md").write_text("Alleen tekst.", encoding="utf-8")
    with pytest.raises(content.ContentError, match="front matter"):
        content.read_tree(tmp_path)


def test_render_resolves_links_escapes_html_and_cuts_sections(tmp_path):
    body = (
        "Inleiding.\n\n## Eerste vraag\n\nZie [dit](page:faq).\n\n"
        "## Tweede vraag\n\n<b>vet</b> | x\n"
    )
    write(tmp_path, "nl", "intro", body=body)
    page = content.read_tree(tmp_path)[0]
    html, sections = content.render(page, lambda key, language: f"/{language}/kennis/{key}/")
    assert 'href="/nl/kennis/faq/"' in html
    assert "<b>" not in html and "&lt;b&gt;" in html
    assert [section.heading for section in sections] == ["", "Eerste vraag", "Tweede vraag"]
    assert sections[1].anchor == "eerste-vraag"
    assert sections[1].text == "Zie dit."


def test_copied_sentences_are_found_and_own_words_pass(tmp_path):
    seed = "Mensenhandel is het werven vervoeren overbrengen opnemen of huisvesten van een persoon."
    write(
        tmp_path,
        "nl",
        "copied",
        body="Zo: mensenhandel is het werven, vervoeren, overbrengen, opnemen of huisvesten.",
    )
    write(
        tmp_path,
        "nl",
        "own",
        body="Wie iemand ronselt of onderbrengt om hem uit te buiten, pleegt mensenhandel.",
    )
    found = list(content.shared_phrases(content.read_tree(tmp_path), [seed]))
    assert {problem.path.stem for problem in found} == {"copied"}


def test_digest_changes_with_any_file(tmp_path):
    write(tmp_path, "nl", "intro")
    before = content.digest(tmp_path)
    write(tmp_path, "nl", "intro", body="Andere tekst.")
    assert content.digest(tmp_path) != before
