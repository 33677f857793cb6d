"""The quality measures, on cases small enough to count by hand."""

import pytest

from wegwijzer.linkage.quality import pairwise_scores, same_persons


def test_pairwise_scores_count_pairs_of_records():
    # truth: {0,1} {2,3}; found: {0,1,2} {3} -> true pairs 2, found 3, of which right 1
    scores = pairwise_scores([7, 7, 8, 8], [1, 1, 1, 2])
    assert scores["precision"] == pytest.approx(1 / 3)
    assert scores["recall"] == pytest.approx(1 / 2)
    assert scores["f1"] == pytest.approx(2 * (1 / 3) * (1 / 2) / (1 / 3 + 1 / 2))


def test_nothing_linked_and_nothing_to_link_is_perfect_and_linking_strangers_is_not():
    assert pairwise_scores([1, 2, 3], [5, 6, 7])["f1"] == 1.0
    assert pairwise_scores([1, 2, 3], [5, 5, 5])["precision"] == 0.0


def test_same_persons_ignores_the_labels_themselves():
    assert same_persons([0, 0, 2], [9, 9, 4])
    assert not same_persons([0, 0, 2], [9, 4, 4])
    assert not same_persons([0, 1, 2], [5, 5, 6])
