"""Search behaves the same on SQLite (FTS5) and PostgreSQL: CI runs this file on both."""

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from wegwijzer.knowledge import selectors
from wegwijzer.knowledge.models import Section

pytestmark = pytest.mark.django_db


def texts(outcome):
    return [
        (section.text + " " + section.heading).lower()
        for section in (Section.objects.get(id=result.section_id) for result in outcome.results)
    ]


def test_a_participle_finds_the_noun(content):
    outcome = selectors.search("uitgebuit", "nl")
    assert outcome.results
    assert any("uitbuiting" in text for text in texts(outcome))


def test_a_plural_finds_the_singular(content):
    outcome = selectors.search("loverboys", "nl")
    assert outcome.results
    assert any(
        "loverboy " in text.replace(".", " ").replace(",", " ") or "loverboy\n" in text
        for text in texts(outcome)
    )


def test_english_search_stems_too(content):
    outcome = selectors.search("exploited", "en")
    assert any("exploitation" in text for text in texts(outcome))


def test_results_stay_in_the_visitors_language(content):
    dutch = selectors.search("mensenhandel", "nl")
    english = selectors.search("mensenhandel", "en")
    assert dutch.results
    assert all(result.url.startswith("/nl/") for result in dutch.results)
    assert all(result.url.startswith("/en/") for result in english.results)


def test_every_term_must_match(content):
    both = selectors.search("B8 bedenktijd", "nl")
    one = selectors.search("bedenktijd", "nl")
    assert len(both.results) <= len(one.results)
    for text in texts(both):
        assert "bedenktijd" in text


def test_a_heading_match_ranks_above_a_passing_mention(content):
    outcome = selectors.search("mensensmokkel", "nl")
    assert "smokkel" in outcome.results[0].title.lower()
    scores = [result.score for result in outcome.results]
    assert scores == sorted(scores, reverse=True)


def test_the_passage_marks_the_matching_words(content):
    outcome = selectors.search("bedenktijd", "nl")
    marked = {
        piece.lower()
        for result in outcome.results
        for piece, is_match in result.passage
        if is_match
    }
    assert "bedenktijd" in marked


@pytest.mark.parametrize(
    "odd",
    [
        "",
        "   ",
        "' OR 1=1 --",
        '"unbalanced',
        "NEAR(a b)",
        "a* OR b:",
        "🙂🙂",
        "x" * 10_000,
        "de het een",
        "\x00\x01",
    ],
)
def test_odd_queries_never_fail(content, odd):
    outcome = selectors.search(odd, "nl")
    assert isinstance(outcome.results, list)


@hypothesis_settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(raw=st.text(max_size=300))
def test_fuzzed_queries_never_fail_on_this_database(content, raw):
    for language in ("nl", "en"):
        selectors.search(raw, language)
