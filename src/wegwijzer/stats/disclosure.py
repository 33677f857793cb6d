"""Cell suppression for published counts, and an auditor that tries to undo it.

A publication is a `System`: every published number is a cell (any hashable id, shared
between tables where tables share a number, such as one year's total in every breakdown)
and the *relations* a reader knows between cells:

- "sum":     total = part_1 + ... + part_n         (categories that add up)
- "cover":   part_i <= total <= part_1 + ... + part_n  (multi-response: every unit in at
             least one row, possibly in several)
- "at_most": part <= total                          (notices <= persons <= registrations)

Every cell is also known to be a non-negative whole number.

**Primary suppression**: a cell counting 1 .. threshold-1 units is withheld. Zero is
published: it exposes nobody.

**Protection rule** (the interval rule of Cox, and of Fischetti and Salazar-Gonzalez,
"Models and algorithms for the 2-dimensional cell suppression problem", 1999): for every
primary cell with true value a, the values a reader can still deduce from everything
published must include both 0 and `threshold`. In the terms of that literature: lower
protection level a, upper protection level threshold - a. So nobody can tell from the
tables whether the group exists at all, nor that it is small.

**Secondary suppression** finds, for each primary cell and each direction, a *witness*:
a change d of the table that keeps every relation true, keeps every cell >= 0, moves the
primary cell to 0 (or to the threshold) and only touches cells that are, or now become,
suppressed. The witness is the cheapest such change by linear programming (weighted by
`costs`: small interior cells are cheap, totals dear, the grand total dearest), solved
again with integer variables if the linear solution is fractional. Because the witness
table is itself a possible truth, the rule holds by construction for every primary cell,
and suppressing more cells later can only widen what a reader must consider possible.

**Auditor** (`audit`): given only what is published (suppressed cells as None) and the
relations, the feasible interval of every suppressed cell, by minimising and maximising it
with `scipy.optimize.linprog` (optionally as an integer programme). `check` compares those
intervals with the true values and lists every violation: a primary cell whose interval
excludes 0 or the threshold, any suppressed cell that can be recomputed exactly, and any
published cell below the threshold.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse
from scipy.optimize import linprog

CellId = Hashable
TOLERANCE = 1e-6

SUM = "sum"
COVER = "cover"
AT_MOST = "at_most"


@dataclass(frozen=True)
class Relation:
    kind: str
    total: CellId
    parts: tuple[CellId, ...]

    def __post_init__(self):
        if self.kind not in (SUM, COVER, AT_MOST):
            raise ValueError(f"unknown relation kind {self.kind!r}")


@dataclass
class System:
    """Cells with their true values and the relations a reader knows between them."""

    values: dict[CellId, int]
    relations: list[Relation] = field(default_factory=list)

    def __post_init__(self):
        for relation in self.relations:
            for cell in (relation.total, *relation.parts):
                if cell not in self.values:
                    raise KeyError(f"relation refers to unknown cell {cell!r}")
        broken = _violated(self.values, self.relations)
        if broken:
            raise ValueError(f"the values break a relation: {broken[0]}")


@dataclass(frozen=True)
class Interval:
    low: float
    high: float  # math.inf when nothing published bounds the cell from above

    @property
    def width(self) -> float:
        return self.high - self.low


@dataclass(frozen=True)
class Suppression:
    primary: frozenset
    secondary: frozenset

    @property
    def suppressed(self) -> frozenset:
        return self.primary | self.secondary

    def published(self, values: Mapping[CellId, int]) -> dict[CellId, int | None]:
        return {cell: None if cell in self.suppressed else v for cell, v in values.items()}


@dataclass(frozen=True)
class Finding:
    cell: CellId
    value: int
    interval: Interval | None
    problem: str


def _violated(values: Mapping[CellId, float], relations: Iterable[Relation]) -> list[Relation]:
    broken = []
    for relation in relations:
        total = values[relation.total]
        parts = [values[part] for part in relation.parts]
        if relation.kind == SUM:
            ok = abs(total - sum(parts)) <= TOLERANCE
        elif relation.kind == COVER:
            ok = all(p <= total + TOLERANCE for p in parts) and total <= sum(parts) + TOLERANCE
        else:
            ok = all(p <= total + TOLERANCE for p in parts)
        if not ok:
            broken.append(relation)
    return broken


def _matrices(cells: Sequence[CellId], relations: Iterable[Relation]):
    """The relations as A_eq x = 0 and A_ub x <= 0 over `cells` (sparse)."""
    position = {cell: i for i, cell in enumerate(cells)}
    eq: list[dict[int, float]] = []
    ub: list[dict[int, float]] = []
    for relation in relations:
        total = position[relation.total]
        parts = [position[part] for part in relation.parts]
        if relation.kind == SUM:
            row = {total: 1.0}
            for part in parts:
                row[part] = row.get(part, 0.0) - 1.0
            eq.append(row)
            continue
        for part in parts:
            ub.append({part: 1.0, total: -1.0} if part != total else {})
        if relation.kind == COVER:
            row = {total: 1.0}
            for part in parts:
                row[part] = row.get(part, 0.0) - 1.0
            ub.append(row)
    return _sparse(eq, len(cells)), _sparse(ub, len(cells))


def _sparse(rows: list[dict[int, float]], width: int) -> sparse.csr_array:
    data, row_index, col_index = [], [], []
    for r, row in enumerate(rows):
        for c, v in row.items():
            if v:
                data.append(v)
                row_index.append(r)
                col_index.append(c)
    return sparse.csr_array((data, (row_index, col_index)), shape=(len(rows), width))


def primary_cells(values: Mapping[CellId, int], threshold: int) -> frozenset:
    return frozenset(cell for cell, value in values.items() if 0 < value < threshold)


def default_costs(system: System) -> dict[CellId, float]:
    """What withholding a cell costs: small interior cells cheap, margins dear.

    Totals are shared by several tables and carry the headline figures, so the witness
    search goes round them whenever the tables allow it.
    """
    totals = {relation.total for relation in system.relations}
    parts = {part for relation in system.relations for part in relation.parts}
    largest = max(system.values.values(), default=0) + 1
    costs = {}
    for cell, value in system.values.items():
        cost = 1.0 + value / largest
        if cell in totals:
            cost *= 20 if cell in parts else 1000
        costs[cell] = cost
    return costs


def protect(
    system: System,
    threshold: int = 10,
    *,
    costs: Mapping[CellId, float] | None = None,
    already: Iterable[CellId] = (),
) -> Suppression:
    """Primary and secondary suppression so that every primary cell keeps 0 and
    `threshold` within what a reader can deduce (see the module docstring).

    `already` names cells to withhold anyway (for example a whole row not for publication).
    Every possible table found on the way (the truth, each witness, each point a reader
    could not exclude) is kept as evidence: one such table often shows several cells
    protected at once, which spares most of the solver calls.
    """
    values = system.values
    primary = primary_cells(values, threshold)
    suppressed = set(primary) | set(already)
    if not primary:
        return Suppression(frozenset(), frozenset(suppressed))
    costs = dict(costs or default_costs(system))
    cells = list(values)
    position = {cell: i for i, cell in enumerate(cells)}
    x = np.array([values[cell] for cell in cells], dtype=float)
    a_eq, a_ub = _matrices(cells, system.relations)
    slack = -(a_ub @ x)
    evidence = [x]

    for cell in sorted(primary, key=lambda c: (values[c], repr(c))):
        i = position[cell]
        for goal in (0.0, float(threshold)):
            if any(_reaches(point[i], goal) for point in evidence):
                continue
            point = _reach(cell, goal, suppressed, values, system.relations, position, x)
            if point is None:
                weights = [0.001 if c in suppressed else costs[c] for c in cells]
                need = goal - values[cell]
                point = _witness(i, need, x, a_eq, a_ub, slack, weights)
                moved = np.flatnonzero(np.abs(point - x) > TOLERANCE)
                suppressed.update(cells[j] for j in moved)
            evidence.append(point)
    return Suppression(frozenset(primary), frozenset(suppressed - primary))


def _reaches(value: float, goal: float) -> bool:
    return value <= goal + TOLERANCE if goal == 0 else value >= goal - TOLERANCE


def _reach(cell, goal, suppressed, values, relations, position, x) -> np.ndarray | None:
    """A whole-number table, consistent with what is published now, in which `cell`
    is 0 (goal 0) or at least `goal`; None if the publication rules that out."""
    published = {c: (None if c in suppressed else v) for c, v in values.items()}
    hidden = [c for c in values if c in suppressed]
    relevant = [r for r in relations if any(published[c] is None for c in (r.total, *r.parts))]
    component = next(group for group in _components(hidden, relevant) if cell in group)
    problem = _Problem(component, published, relevant)
    index = component.index(cell)
    bounds = list(problem.bounds)
    bounds[index] = (0.0, 0.0) if goal == 0 else (goal, None)
    solution = problem.solve(np.zeros(len(component)), bounds, integer=True)
    if solution is None:
        return None
    point = x.copy()
    for j, member in enumerate(component):
        point[position[member]] = solution[j]
    return point


def _witness(target, need, x, a_eq, a_ub, slack, weights) -> np.ndarray:
    """The cheapest valid table that moves `target` by `need` (negative: down): the true
    table plus increases minus decreases, every relation kept, nothing below zero."""
    n = len(x)
    weights = np.asarray(weights, dtype=float)
    objective = np.concatenate([weights, weights])  # variables: increases, then decreases
    bounds = [(0.0, None)] * n + [(0.0, float(v)) for v in x]
    if need > 0:
        bounds[target] = (float(need), float(need))
        bounds[n + target] = (0.0, 0.0)
    else:
        bounds[target] = (0.0, 0.0)
        bounds[n + target] = (float(-need), float(-need))
    eq = sparse.hstack([a_eq, -a_eq]).tocsr() if a_eq.shape[0] else None
    ub = sparse.hstack([a_ub, -a_ub]).tocsr() if a_ub.shape[0] else None
    arguments = dict(
        c=objective,
        A_eq=eq,
        b_eq=np.zeros(a_eq.shape[0]) if eq is not None else None,
        A_ub=ub,
        b_ub=slack if ub is not None else None,
        bounds=bounds,
        method="highs",
    )
    result = linprog(**arguments)
    if result.status == 0 and not _integral(result.x):
        # A fractional witness is no proof against a reader who knows cells are whole
        # numbers; the integer programme gives one that is.
        result = linprog(**arguments, **_integer_options(2 * n, True))
    if result.status != 0:
        raise RuntimeError(f"no valid change protects cell {target}: {result.message}")
    return x + np.round(result.x[:n] - result.x[n:])


def _integer_options(size: int, integer: bool) -> dict:
    """Arguments for an integer programme. HiGHS's MIP presolve (SciPy 1.17) returned a
    wrong optimum on a 29-variable audit problem (5 where 14 is attainable, see
    docs/statistics.md), so integer programmes run without presolve; they are small."""
    if not integer:
        return {}
    return {"integrality": np.ones(size), "options": {"presolve": False}}


def _integral(vector: np.ndarray) -> bool:
    return bool(np.all(np.abs(vector - np.round(vector)) <= TOLERANCE))


def audit(
    published: Mapping[CellId, int | None],
    relations: Sequence[Relation],
    *,
    cells: Iterable[CellId] | None = None,
    integer: bool = False,
    known_bounds: Mapping[CellId, tuple[float, float]] | None = None,
) -> dict[CellId, Interval]:
    """What a reader can deduce about each suppressed (None) cell: its feasible interval.

    Only the published numbers and the relations are used; the true values of suppressed
    cells are never looked at. `known_bounds` adds outside knowledge a reader may have
    (for example counts in another release); `integer` makes the reader solve integer
    programmes instead of linear ones. `cells` limits the answer to some suppressed cells.
    """
    hidden = [cell for cell, value in published.items() if value is None]
    wanted = set(hidden if cells is None else cells)
    relevant = [r for r in relations if any(published[c] is None for c in (r.total, *r.parts))]
    intervals: dict[CellId, Interval] = {}
    for component in _components(hidden, relevant):
        if not wanted.intersection(component):
            continue
        problem = _Problem(component, published, relevant, known_bounds)
        for index, cell in enumerate(component):
            if cell in wanted:
                intervals[cell] = problem.interval(index, integer=integer)
    return intervals


def _components(hidden: list[CellId], relations: Sequence[Relation]) -> list[list[CellId]]:
    """Suppressed cells that share a relation, directly or through other suppressed cells."""
    parent = {cell: cell for cell in hidden}

    def find(cell):
        while parent[cell] != cell:
            parent[cell] = parent[parent[cell]]
            cell = parent[cell]
        return cell

    for relation in relations:
        members = [c for c in (relation.total, *relation.parts) if c in parent]
        for other in members[1:]:
            parent[find(other)] = find(members[0])
    groups: dict[CellId, list[CellId]] = {}
    for cell in hidden:
        groups.setdefault(find(cell), []).append(cell)
    return list(groups.values())


class _Problem:
    """The relations restricted to one group of suppressed cells, published cells filled
    in: A_eq z = b_eq, A_ub z <= b_ub, bounds on z."""

    def __init__(self, component, published, relations, known_bounds=None):
        inside = set(component)
        rows = [r for r in relations if inside.intersection((r.total, *r.parts))]
        constants = sorted(
            {c for r in rows for c in (r.total, *r.parts) if c not in inside}, key=repr
        )
        a_eq, a_ub = _matrices(list(component) + constants, rows)
        k = len(component)
        fixed = np.array([published[c] for c in constants], dtype=float)
        self.k = k
        self.eq = a_eq[:, :k].toarray() if a_eq.shape[0] else None
        self.ub = a_ub[:, :k].toarray() if a_ub.shape[0] else None
        self.b_eq = -(a_eq[:, k:] @ fixed) if self.eq is not None else None
        self.b_ub = -(a_ub[:, k:] @ fixed) if self.ub is not None else None
        bounds = [(0.0, None)] * k
        for i, cell in enumerate(component):
            if known_bounds and cell in known_bounds:
                low, high = known_bounds[cell]
                bounds[i] = (max(0.0, low), None if high == math.inf else high)
        self.bounds = bounds

    def solve(self, objective, bounds, *, integer: bool):
        result = self._run(objective, bounds, integer)
        return result.x if result.status == 0 else None

    def _run(self, objective, bounds, integer):
        return linprog(
            objective, A_ub=self.ub, b_ub=self.b_ub, A_eq=self.eq, b_eq=self.b_eq,
            bounds=bounds, method="highs", **_integer_options(self.k, integer),
        )  # fmt: skip

    def interval(self, index: int, *, integer: bool) -> Interval:
        if self.k == 1:
            low, high = self.bounds[0]
            found = _single(
                self.eq, self.b_eq, self.ub, self.b_ub, low, math.inf if high is None else high
            )
            if not integer:
                return found
            high = found.high if found.high == math.inf else math.floor(found.high + TOLERANCE)
            return Interval(math.ceil(found.low - TOLERANCE), high)
        objective = np.zeros(self.k)
        objective[index] = 1.0
        low = self._run(objective, self.bounds, integer)
        high = self._run(-objective, self.bounds, integer)
        if low.status == 2 or high.status == 2:
            raise ValueError("the published figures contradict their own relations")
        return Interval(
            low=float(low.fun) if low.status == 0 else 0.0,
            high=-float(high.fun) if high.status == 0 else math.inf,
        )


def _single(eq, b_eq, ub, b_ub, low: float, high: float) -> Interval:
    """Bounds of one unknown directly from its rows (no solver needed for a lone cell)."""
    for matrix, rhs, equal in ((eq, b_eq, True), (ub, b_ub, False)):
        if matrix is None:
            continue
        for a, b in zip(matrix[:, 0], rhs, strict=True):
            if abs(a) <= TOLERANCE:
                if (abs(b) > TOLERANCE) if equal else (b < -TOLERANCE):
                    raise ValueError("the published figures contradict their own relations")
                continue
            bound = b / a
            if equal:
                low, high = max(low, bound), min(high, bound)
            elif a > 0:
                high = min(high, bound)
            else:
                low = max(low, bound)
    if low > high + TOLERANCE:
        raise ValueError("the published figures contradict their own relations")
    return Interval(low, high)


def check(
    published: Mapping[CellId, int | None],
    relations: Sequence[Relation],
    values: Mapping[CellId, int],
    threshold: int = 10,
    *,
    integer: bool = False,
    known_bounds: Mapping[CellId, tuple[float, float]] | None = None,
) -> list[Finding]:
    """Every way the publication breaks the protection rule; empty when it is safe."""
    findings = [
        Finding(cell, values[cell], None, "published although below the threshold")
        for cell, shown in published.items()
        if shown is not None and 0 < values[cell] < threshold
    ]
    intervals = audit(published, relations, integer=integer, known_bounds=known_bounds)
    for cell, interval in intervals.items():
        value = values[cell]
        if interval.width < 1 - TOLERANCE:
            findings.append(Finding(cell, value, interval, "can be recomputed exactly"))
        elif 0 < value < threshold:
            if interval.low > TOLERANCE:
                findings.append(Finding(cell, value, interval, "shown to be non-empty"))
            if interval.high < threshold - TOLERANCE:
                findings.append(Finding(cell, value, interval, "shown to be below threshold"))
    return findings


# Builders for the plain shapes, used by tests and by anyone publishing a simple table.


def one_way(name: str, counts: Sequence[int]) -> System:
    """Categories (name, i) adding up to a total (name, "total")."""
    values: dict[CellId, int] = {(name, i): int(v) for i, v in enumerate(counts)}
    values[(name, "total")] = sum(values.values())
    parts = tuple((name, i) for i in range(len(counts)))
    return System(values, [Relation(SUM, (name, "total"), parts)])


def two_way(name: str, counts: Sequence[Sequence[int]]) -> System:
    """Rows x columns (name, r, c) with row totals (name, r, "total"), column totals
    (name, "total", c) and the grand total (name, "total", "total")."""
    matrix = np.asarray(counts, dtype=int)
    rows, columns = matrix.shape
    values: dict[CellId, int] = {}
    relations = []
    for r in range(rows):
        for c in range(columns):
            values[(name, r, c)] = int(matrix[r, c])
    for r in range(rows):
        values[(name, r, "total")] = int(matrix[r].sum())
        parts = tuple((name, r, c) for c in range(columns))
        relations.append(Relation(SUM, (name, r, "total"), parts))
    for c in [*range(columns), "total"]:
        values[(name, "total", c)] = int(matrix[:, c].sum() if c != "total" else matrix.sum())
        parts = tuple((name, r, c) for r in range(rows))
        relations.append(Relation(SUM, (name, "total", c), parts))
    return System(values, relations)
