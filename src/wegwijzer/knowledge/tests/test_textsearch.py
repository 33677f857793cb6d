"""Language rules of search (plain Python, no database)."""

from hypothesis import given
from hypothesis import strategies as st

from wegwijzer.knowledge import textsearch


def test_participle_and_noun_find_each_other_through_their_family():
    query = textsearch.parse_query("uitgebuit", "nl")
    stems = textsearch.query_stems(query, "nl")[0]
    assert textsearch.stem("uitbuiting", "nl") in stems


def test_plural_and_singular_share_a_stem():
    assert textsearch.stem("loverboys", "nl") == textsearch.stem("loverboy", "nl")
    assert textsearch.stem("exploited", "en") == textsearch.stem("exploitation", "en")


def test_stop_words_are_dropped_and_only_stop_words_are_explained():
    assert textsearch.parse_query("de het een", "nl").notices == ("only_common_words",)
    assert textsearch.parse_query("wat is mensenhandel", "nl").terms == (
        ("mensenhandel", "mensenhandelaar", "mensenhandelaren"),
    )


def test_empty_long_and_wordy_queries_come_with_notices():
    assert textsearch.parse_query("   ", "nl").notices == ("empty",)
    assert "truncated" in textsearch.parse_query("dwang " * 100, "nl").notices
    many = " ".join(f"woord{i}" for i in range(12))
    parsed = textsearch.parse_query(many, "nl")
    assert len(parsed.terms) == textsearch.MAX_TERMS
    assert "too_many_terms" in parsed.notices


def test_snippet_marks_every_matching_word_near_the_first_match():
    text = "Inleiding. " * 40 + "Hij werd uitgebuit in de bouw. Uitbuiting komt vaak voor."
    query = textsearch.parse_query("uitbuiting", "nl")
    pieces = textsearch.snippet(text, query, "nl", width=120)
    marked = [piece for piece, is_match in pieces if is_match]
    assert marked == ["uitgebuit", "Uitbuiting"]
    assert pieces[0] == ("… ", False)


@given(st.text(max_size=400))
def test_any_input_parses_into_plain_words(raw):
    for language in ("nl", "en"):
        query = textsearch.parse_query(raw, language)
        assert len(query.terms) <= textsearch.MAX_TERMS
        for term in query.terms:
            for word in term:
                assert textsearch.WORD.fullmatch(word), word


def test_stemming_gives_the_same_answers_from_many_threads():
    from concurrent.futures import ThreadPoolExecutor

    words = [
        f"{base}{suffix}"
        for base in ("uitbuit", "werk", "handel", "slachtoffer")
        for suffix in ("", "en", "ing", "ers", "de")
    ]
    expected = {word: textsearch._stemmer("nl").stemWord(word) for word in words}
    textsearch.stem.cache_clear()

    def stem_all(_):
        return {word: textsearch.stem(word, "nl") for word in words}

    with ThreadPoolExecutor(max_workers=8) as pool:
        assert all(result == expected for result in pool.map(stem_all, range(64)))
