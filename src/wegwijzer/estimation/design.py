"""Log-linear models as sets of interaction terms, and their design matrices.

A term is a bit mask of lists (bit i for list i); a model is the sorted tuple of its
interaction terms (two or more lists). The intercept and every main effect are always in.
The design column of a term holds 1 for every capture history containing all its lists.
"""

from functools import cache
from itertools import combinations

import numpy as np

Model = tuple[int, ...]


def order(term: int) -> int:
    return term.bit_count()


def term_key(term: int) -> tuple[int, list[int]]:
    return order(term), [i for i in range(term.bit_length()) if term >> i & 1]


def make_model(terms) -> Model:
    return tuple(sorted(set(terms), key=term_key))


def pairs(k: int) -> list[int]:
    """Two-list terms in the order (1,2), (1,3), …, (2,3), …: ties are broken in this order."""
    return [(1 << i) | (1 << j) for i, j in combinations(range(k), 2)]


def term_name(term: int, lists) -> str:
    return ":".join(name for i, name in enumerate(lists) if term >> i & 1)


def model_names(model: Model, lists) -> list[str]:
    return [term_name(term, lists) for term in model]


def parse_term(text: str, lists) -> int:
    names = text.split(":")
    return sum(1 << list(lists).index(name) for name in names)


@cache
def observable_cells(k: int) -> np.ndarray:
    return np.arange(1, 2**k)


def all_terms(k: int, model: Model) -> tuple[int, ...]:
    """Main effects then interactions: every parameter except the intercept."""
    return tuple(1 << i for i in range(k)) + tuple(model)


def design(cells: np.ndarray, terms) -> np.ndarray:
    """Intercept column then one indicator column per term, for the given cells."""
    columns = [np.ones(cells.size)]
    columns += [((cells & term) == term).astype(float) for term in terms]
    return np.column_stack(columns)


def contains(cells: np.ndarray, term: int) -> np.ndarray:
    return (cells & term) == term


def hierarchical_models(k: int, max_order: int, limit: int | None = None):
    """Every hierarchical model whose interactions have 2..max_order lists.

    Hierarchical: a term is in only if every sub-term of two or more lists is in. Yields
    models; stops with OverflowError once more than `limit` would be produced.
    """
    terms = [
        sum(1 << i for i in subset)
        for size in range(2, max_order + 1)
        for subset in combinations(range(k), size)
    ]
    produced = 0

    def children(term: int) -> list[int]:
        if order(term) <= 2:
            return []
        return [term & ~(1 << i) for i in range(k) if term >> i & 1]

    def walk(position: int, chosen: list[int], chosen_set: set[int]):
        nonlocal produced
        if position == len(terms):
            produced += 1
            if limit is not None and produced > limit:
                raise OverflowError(produced)
            yield make_model(chosen)
            return
        term = terms[position]
        yield from walk(position + 1, chosen, chosen_set)
        if all(child in chosen_set for child in children(term)):
            chosen.append(term)
            chosen_set.add(term)
            yield from walk(position + 1, chosen, chosen_set)
            chosen.pop()
            chosen_set.discard(term)

    return walk(0, [], set())
