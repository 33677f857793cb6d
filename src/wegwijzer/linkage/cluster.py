"""Clustering linked pairs into persons.

First the connected components of the links (pairs at or above the link threshold). Then a
guard against chaining: a component where some two reports are clearly different persons
(their own match weight is below the cannot-link threshold, or the registrar split them) is
rebuilt by adding its links strongest first and skipping any link that would put such a
pair into one person ("constrained single linkage"). The result does not depend on the
order of the input, so a full run and an incremental run give the same persons.
"""

from __future__ import annotations

import numpy as np


def connected_components(n: int, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Label of every record: the smallest record index in its component.

    Hooking and shortcutting (Shiloach and Vishkin, 1982), vectorised: each round hooks
    the root of either end of every edge under the smaller root, then lets every record
    point straight at its root. Labels only decrease, so the root is the smallest index.
    """
    labels = np.arange(n, dtype=np.int64)
    if len(left) == 0:
        return labels
    left, right = left.astype(np.int64), right.astype(np.int64)
    while True:
        root_left, root_right = labels[left], labels[right]
        if np.array_equal(root_left, root_right):
            return labels
        low = np.minimum(root_left, root_right)
        np.minimum.at(labels, root_left, low)  # hook each root under the smaller one
        np.minimum.at(labels, root_right, low)
        while True:  # shortcut: every record points straight at its root
            jumped = labels[labels]
            if np.array_equal(jumped, labels):
                break
            labels = jumped


def constrained_components(
    members: np.ndarray,
    edges: tuple[np.ndarray, np.ndarray, np.ndarray],
    conflicts: tuple[np.ndarray, np.ndarray],
) -> dict[int, int]:
    """Split one component: union its edges strongest first, never joining two groups that
    hold a conflicting pair. Returns record -> label (smallest record in its group)."""
    parent = {int(r): int(r) for r in members}
    groups = {int(r): {int(r)} for r in members}
    against: dict[int, set[int]] = {}
    for a, b in zip(*conflicts, strict=True):
        against.setdefault(int(a), set()).add(int(b))
        against.setdefault(int(b), set()).add(int(a))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    left, right, weight = edges
    # strongest first; ties broken by the pair itself so the order is always the same
    order = np.lexsort((right, left, -weight))
    for k in order:
        ra, rb = root(int(left[k])), root(int(right[k]))
        if ra == rb:
            continue
        small, large = (ra, rb) if len(groups[ra]) <= len(groups[rb]) else (rb, ra)
        if any(against.get(x, set()) & groups[large] for x in groups[small]):
            continue
        parent[small] = large
        groups[large] |= groups.pop(small)
    return {x: min(groups[root(x)]) for x in parent}
