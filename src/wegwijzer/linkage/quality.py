"""How good a linkage is, against known persons: pairwise precision, recall and F1."""

from __future__ import annotations

import numpy as np


def _pairs(*columns) -> int:
    """Pairs of records that share a value in every column."""
    _, counts = np.unique(np.stack(columns, axis=1), axis=0, return_counts=True)
    return int((counts * (counts - 1) // 2).sum())


def pairwise_scores(truth, labels) -> dict:
    """Precision, recall and F1 over pairs of records: a pair counts as found when `labels`
    puts its two records in one person, as true when `truth` does."""
    truth, labels = np.asarray(truth), np.asarray(labels)
    true_pairs, found_pairs, both = _pairs(truth), _pairs(labels), _pairs(truth, labels)
    precision = both / found_pairs if found_pairs else 1.0
    recall = both / true_pairs if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def same_persons(a, b) -> bool:
    """Whether two labelings group the records alike (the labels themselves may differ)."""
    a, b = np.asarray(a), np.asarray(b)
    joint = len(np.unique(np.stack([a, b], axis=1), axis=0))
    return joint == len(np.unique(a)) == len(np.unique(b))
