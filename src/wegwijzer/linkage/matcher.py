"""Linking encoded registrations into persons: the entry points.

`link(table)` links everything from scratch: blocking, comparison, estimation of the model
(unless one is given), match weights, clustering. `link_new(...)` links registrations added
since the last run against the persons that exist, without comparing the old ones with each
other again, and gives the same persons a full run with the same model would. Both take and
return plain data: record positions in the table, numpy arrays, no database.

Weights are log2 odds (see `model`): at the default link threshold of 2 a pair is linked
when the odds are 4 to 1 or better (probability 0.8, the threshold with the best F1 on the
synthetic benchmark at 100,000 and 1,000,000 records); pairs from -2 up to it (probability
0.2 to 0.8) form the uncertain band the registrar reviews.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from wegwijzer.linkage import blocking
from wegwijzer.linkage.blocking import sorted_unique
from wegwijzer.linkage.cluster import connected_components, constrained_components
from wegwijzer.linkage.compare import FEATURES, LEVEL_NAMES, compare
from wegwijzer.linkage.model import Model, fit
from wegwijzer.linkage.table import EncodedTable

MAX_COMPONENT = 2000  # larger components are first cut at a higher threshold


@dataclass(frozen=True)
class Thresholds:
    link: float = 2.0  # at or above: the two reports are linked (odds 4:1, probability 0.8)
    review: float = -2.0  # from here up to `link`: uncertain, for the registrar to review
    cannot_link: float = -8.0  # below: clearly two persons; never in one person together

    def __post_init__(self):
        if not self.cannot_link <= self.review <= self.link:
            raise ValueError("thresholds must satisfy cannot_link <= review <= link")


@dataclass
class Decisions:
    """The registrar's verdicts on pairs of records: these override the weights."""

    same: list[tuple[int, int]] = field(default_factory=list)  # merge: one person
    different: list[tuple[int, int]] = field(default_factory=list)  # split: two persons

    def arrays(self, which: str) -> tuple[np.ndarray, np.ndarray]:
        pairs = np.array(getattr(self, which), dtype=np.int64).reshape(-1, 2)
        return np.minimum(pairs[:, 0], pairs[:, 1]), np.maximum(pairs[:, 0], pairs[:, 1])

    def records(self) -> np.ndarray:
        return np.unique(np.array(self.same + self.different, dtype=np.int64).reshape(-1))


@dataclass
class LinkResult:
    """Pairs scored at or above the review threshold, and a person label per record (the
    smallest record position among the person's records)."""

    left: np.ndarray
    right: np.ndarray
    weight: np.ndarray
    labels: np.ndarray
    model: Model
    thresholds: Thresholds
    candidates: int = 0  # pairs compared in this run

    def links(self) -> np.ndarray:
        """Positions (in left/right/weight) of pairs within one person."""
        return np.flatnonzero(self.labels[self.left] == self.labels[self.right])

    def review(self) -> np.ndarray:
        """Positions of uncertain pairs: in the band, or linked but kept apart by the
        chaining guard. Pairs already in one person are not asked about again."""
        apart = self.labels[self.left] != self.labels[self.right]
        return np.flatnonzero(apart & (self.weight >= self.thresholds.review))

    def persons(self) -> dict[int, np.ndarray]:
        """Record positions per person label."""
        if len(self.labels) == 0:
            return {}
        order = np.argsort(self.labels, kind="stable")
        labels = self.labels[order]
        cuts = np.flatnonzero(np.r_[True, labels[1:] != labels[:-1]])
        return {
            int(labels[c]): part for c, part in zip(cuts, np.split(order, cuts[1:]), strict=True)
        }


def _scored(table, model, left, right):
    levels = compare(table, left, right).levels
    return model.weights(table, left, right, levels), levels


def link(
    table: EncodedTable,
    *,
    thresholds: Thresholds = Thresholds(),
    model: Model | None = None,
    decisions: Decisions | None = None,
    seed: int = 0,
) -> LinkResult:
    """Link all records of `table` into persons."""
    decisions = decisions or Decisions()
    left, right = blocking.candidates(table)
    levels = compare(table, left, right).levels
    if model is None:
        model, bayes = fit(table, (left, right), levels, seed=seed)
        weight = bayes + np.float32(model.log2_prior)
    else:
        weight = model.weights(table, left, right, levels)
    keep = weight >= thresholds.review
    left, right, weight = left[keep], right[keep], weight[keep]
    labels = _persons(table, model, thresholds, left, right, weight, decisions)
    return LinkResult(left, right, weight, labels, model, thresholds, candidates=len(keep))


def link_new(
    table: EncodedTable,
    first_new: int,
    previous: LinkResult,
    *,
    decisions: Decisions | None = None,
    also: np.ndarray | None = None,
) -> LinkResult:
    """Link the records from position `first_new` on (added since `previous`, which covers
    the records before it) with the model and thresholds of `previous`. Only pairs that
    involve a new record are compared; only persons they touch are rebuilt, with those of
    the decisions and of the records in `also` (say, both ends of a withdrawn decision).
    With no new records this regroups after a registrar's decision without comparing."""
    n = len(table)
    if len(previous.labels) != first_new:
        raise ValueError("previous result must cover exactly the records before first_new")
    decisions = decisions or Decisions()
    model, thresholds = previous.model, previous.thresholds
    per_rule = blocking.cross_pairs(table, first_new)
    left, right = blocking.union_of_pairs(per_rule, n)
    weight, _ = _scored(table, model, left, right)
    keep = weight >= thresholds.review
    left = np.concatenate([previous.left, left[keep]])
    right = np.concatenate([previous.right, right[keep]])
    weight = np.concatenate([previous.weight, weight[keep]])
    order = np.lexsort((right, left))
    left, right, weight = left[order], right[order], weight[order]
    labels = np.concatenate([previous.labels, np.arange(first_new, n)])
    touched = np.union1d(np.arange(first_new, n), decisions.records())
    if also is not None:
        touched = np.union1d(touched, np.asarray(also, np.int64))
    labels = _persons(table, model, thresholds, left, right, weight, decisions, labels, touched)
    return LinkResult(left, right, weight, labels, model, thresholds, candidates=len(keep))


def _persons(
    table: EncodedTable,
    model: Model,
    thresholds: Thresholds,
    left: np.ndarray,
    right: np.ndarray,
    weight: np.ndarray,
    decisions: Decisions,
    labels: np.ndarray | None = None,
    touched: np.ndarray | None = None,
) -> np.ndarray:
    """Person labels: components of the links, split where they would join two reports
    that are clearly different persons. With `labels` and `touched`, only the components
    that contain a touched record are rebuilt; the rest keep their labels."""
    n = len(table)
    same_a, same_b = decisions.arrays("same")
    diff_a, diff_b = decisions.arrays("different")
    linked = weight >= thresholds.link
    link_a = np.concatenate([left[linked].astype(np.int64), same_a])
    link_b = np.concatenate([right[linked].astype(np.int64), same_b])
    link_w = np.concatenate([weight[linked], np.full(len(same_a), np.inf, np.float32)])
    # A registrar's "different" beats the weights: that pair is never a link.
    if len(diff_a):
        vetoed = np.isin(link_a * n + link_b, diff_a * n + diff_b)
        link_a, link_b, link_w = link_a[~vetoed], link_b[~vetoed], link_w[~vetoed]
    components = connected_components(n, link_a, link_b)
    if labels is None:
        labels = components.copy()
        rebuild = np.ones(n, bool)
    else:
        labels = labels.copy()
        rebuild = np.isin(components, components[touched])
        labels[rebuild] = components[rebuild]

    # Components big enough to hold a conflict: 3 or more records, or a registrar's split.
    sizes = np.bincount(components, minlength=n)
    suspect = rebuild & (sizes[components] >= 3)
    suspect[diff_a], suspect[diff_b] = rebuild[diff_a], rebuild[diff_b]
    suspect = np.isin(components, components[suspect])
    members = np.flatnonzero(suspect)
    if len(members) == 0:
        return labels
    components_of, usable = _cut_large(members, components, link_a, link_b, link_w, thresholds)
    labels[members] = components_of
    link_a, link_b, link_w = link_a[usable], link_b[usable], link_w[usable]

    # Score every pair inside each suspect component; weak ones are conflicts.
    a, b = blocking.pairs_in_groups(components_of.astype(np.uint64), max_block=MAX_COMPONENT)
    a, b = members[a], members[b]
    a, b = np.minimum(a, b), np.maximum(a, b)
    inner_weight, _ = _scored(table, model, a, b)
    conflict = inner_weight < thresholds.cannot_link
    if len(same_a):  # the registrar said "one person": not a conflict, whatever the weight
        conflict &= ~np.isin(a * n + b, same_a * n + same_b)
    conflict_a = np.concatenate([a[conflict], diff_a])
    conflict_b = np.concatenate([b[conflict], diff_b])
    component = np.full(n, -1, np.int64)
    component[members] = components_of
    in_conflict = sorted_unique(component[conflict_a])
    in_conflict = in_conflict[in_conflict >= 0]
    if len(in_conflict) == 0:
        return labels
    # Group members, links and conflicts by component once; then one slice per component.
    groups = _by_component(component, in_conflict, members)
    edges = _by_component(component, in_conflict, link_a, link_b, link_w)
    against = _by_component(component, in_conflict, conflict_a, conflict_b)
    for k in range(len(in_conflict)):
        split = constrained_components(groups(k)[0], edges(k), against(k))
        for record, label in split.items():
            labels[record] = label
    return labels


def _by_component(component: np.ndarray, chosen: np.ndarray, first: np.ndarray, *more):
    """Rows (first[i], *more[i]) whose records lie in one of the `chosen` components (both
    ends, for pairs), sorted by component; returns k -> the rows of chosen[k]."""
    own = component[first]
    keep = np.isin(own, chosen)
    if more:
        keep &= component[more[0]] == own
    order = np.flatnonzero(keep)[np.argsort(own[keep], kind="stable")]
    bounds = np.searchsorted(own[order], np.r_[chosen, np.iinfo(np.int64).max])
    columns = [np.asarray(c)[order] for c in (first, *more)]
    return lambda k: tuple(c[bounds[k] : bounds[k + 1]] for c in columns)


def _cut_large(members, components, link_a, link_b, link_w, thresholds):
    """Component of each member, with components over MAX_COMPONENT records cut apart by
    raising the link threshold for them step by step; and which links remain usable."""
    components_of = components[members].copy()
    usable = np.ones(len(link_a), bool)
    threshold = thresholds.link
    while True:
        sizes = np.bincount(components_of)
        large = np.flatnonzero(sizes > MAX_COMPONENT)
        if len(large) == 0:
            return components_of, usable
        threshold += 1.0
        group = members[np.isin(components_of, large)]
        inside = np.isin(link_a, group) & np.isin(link_b, group)
        usable &= ~inside | (link_w >= threshold)
        keep = inside & usable
        local = connected_components(len(components), link_a[keep], link_b[keep])
        components_of[np.isin(components_of, large)] = local[group]


def explain(table: EncodedTable, model: Model, a: int, b: int) -> list[dict]:
    """Why two records got their weight, field by field, for the registrar's review:
    [{"field", "level" (a stable slug-like English label, for translation), "weight"}],
    then the prior. The sum of the weights is the pair's match weight."""
    left, right = np.array([a]), np.array([b])
    levels = compare(table, left, right).levels
    total = float(model.weights(table, left, right, levels)[0])
    rows = []
    for k, feature in enumerate(FEATURES):
        level = int(levels[0, k])
        alone = np.full((1, len(FEATURES)), -1, np.int8)
        alone[0, k] = level
        weight = float(model.bayes_factors(table, left, right, alone)[0])
        label = "missing" if level < 0 else LEVEL_NAMES[feature][level]
        rows.append({"field": feature, "level": label, "weight": round(weight, 2)})
    rows.append({"field": "prior", "level": "", "weight": round(model.log2_prior, 2)})
    # exact names share one whole-name frequency, so the parts need not add up exactly
    rows.append({"field": "total", "level": "", "weight": round(total, 2)})
    return rows


def changes(old_labels: np.ndarray, new_labels: np.ndarray) -> dict:
    """What a run changed, person by person: new persons, persons that gained reports,
    persons merged together and persons split apart (labels are record positions)."""
    n_old = len(old_labels)
    report = {"new": [], "grown": [], "merged": [], "split": []}
    old_of_new: dict[int, set[int]] = {}
    for record, label in enumerate(new_labels):
        if record < n_old:
            old_of_new.setdefault(int(label), set()).add(int(old_labels[record]))
        else:
            old_of_new.setdefault(int(label), set())
    new_of_old: dict[int, set[int]] = {}
    for record in range(n_old):
        new_of_old.setdefault(int(old_labels[record]), set()).add(int(new_labels[record]))
    has_new = {int(new_labels[r]) for r in range(n_old, len(new_labels))}
    for label, olds in sorted(old_of_new.items()):
        if not olds:
            report["new"].append(label)
        elif len(olds) > 1:
            report["merged"].append({"person": label, "from": sorted(olds)})
        elif label in has_new:
            report["grown"].append(label)
    for old, news in sorted(new_of_old.items()):
        if len(news) > 1:
            report["split"].append({"person": old, "into": sorted(news)})
    return report
