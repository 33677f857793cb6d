"""The Fellegi–Sunter model: how much each level of agreement says for or against a match.

For every field and level, m is the probability of that level among pairs of reports of the
same person, u among pairs of different persons (Fellegi and Sunter, 1969). A pair's match
weight is log2 of the prior odds plus log2(m/u) of each field's level: a weight w means the
odds are 2**w to 1 that the two reports are one person.

Estimation, in the manner Splink does it:
- u from random pairs of records, which are nearly all different persons;
- m by expectation maximisation (Dempster, Laird and Rubin, 1977; Winkler, 1988) on the
  candidate pairs of one blocking rule at a time, leaving out the fields that rule blocked
  on (within a block they agree by construction and would mislead the estimate);
- the prior, the probability that two random records match, as the fixed point of
  "expected matches among the candidates, divided by all pairs".
Exact agreement is adjusted for how common the value is (term frequency): two reports that
share a rare name say more than two that share a common one (weight log2(m / frequency)).
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field

import numpy as np

from wegwijzer.linkage import blocking
from wegwijzer.linkage.blocking import mix, sorted_unique
from wegwijzer.linkage.compare import FEATURES, LEVELS, compare
from wegwijzer.linkage.table import WORDS, EncodedTable

# Fields each training rule leaves out, and so which fields it trains. Within blocks of one
# date of birth, different persons have names as unrelated as random pairs do; within
# blocks of one phonetic name pair, dates of birth are. (Blocks of one family name and year
# are no good for training given names: different persons there tend to share an origin,
# and so name endings, which EM would mistake for matches.)
TRAINING = {
    "date": ("dob",),
    "names": ("given", "family"),
}
_M_START = {
    "given": (0.75, 0.12, 0.06, 0.04, 0.03),
    "family": (0.75, 0.12, 0.06, 0.04, 0.03),
    "dob": (0.85, 0.02, 0.08, 0.02, 0.03),
    "document": (0.97, 0.03),
}
_FLOOR = 1e-6
U_SAMPLES = 2_000_000
EM_PAIRS = 1_000_000
TRAIN_RECORDS = 200_000


@dataclass
class Model:
    log2_prior: float
    m: dict[str, np.ndarray]
    u: dict[str, np.ndarray]
    tf_values: dict[str, np.ndarray] = field(default_factory=dict)  # sorted value hashes
    tf_freqs: dict[str, np.ndarray] = field(default_factory=dict)  # their frequencies
    tf_floor: float = 1e-6  # frequency of a value never seen when the model was fitted

    def level_weights(self) -> dict[str, np.ndarray]:
        return {f: np.log2(self.m[f] / self.u[f]) for f in FEATURES}

    def frequencies(self, feature: str, hashes: np.ndarray) -> np.ndarray:
        values, freqs = self.tf_values.get(feature), self.tf_freqs.get(feature)
        if values is None or len(values) == 0:
            return np.full(len(hashes), np.nan)
        pos = np.clip(np.searchsorted(values, hashes), 0, len(values) - 1)
        return np.where(values[pos] == hashes, freqs[pos], self.tf_floor)

    def exact_adjustments(self, table: EncodedTable) -> dict[str, np.ndarray]:
        """Per record and field: what exact agreement on this record's value adds to the
        level's weight, log2(m / frequency of the value) - log2(m / u). For "names" (both
        names exact) the frequency is that of the whole name, which replaces the product
        of the two: given and family names are far from independent (a common Romanian
        given name goes with a common Romanian family name), and multiplying their
        frequencies would overrate a common full name several times over."""
        level_weights = self.level_weights()
        out = {}
        for feature, hashes in value_hashes(table).items():
            if feature == "names":
                m = self.m["given"][0] * self.m["family"][0]
                base = level_weights["given"][0] + level_weights["family"][0]
            else:
                m, base = self.m[feature][0], level_weights[feature][0]
            freq = self.frequencies(feature, hashes)
            adjusted = np.log2(m / np.maximum(freq, self.tf_floor))
            out[feature] = np.nan_to_num(adjusted - base).astype(np.float32)
        return out

    def bayes_factors(self, table: EncodedTable, left, right, levels: np.ndarray) -> np.ndarray:
        """log2 of the Bayes factor of every pair: the match weight without the prior."""
        out = np.zeros(len(left), np.float32)
        level_weights = self.level_weights()
        adjustments = self.exact_adjustments(table) if len(left) else {}
        both_names = (levels[:, 0] == 0) & (levels[:, 1] == 0)
        for k, feature in enumerate(FEATURES):
            # one more entry, 0, at the end: level -1 (missing) picks it and adds nothing
            lookup = np.append(level_weights[feature], 0.0).astype(np.float32)
            level = levels[:, k]
            out += lookup[level]
            if feature in adjustments:
                exact = level == 0
                if feature in ("given", "family"):
                    exact &= ~both_names
                exact = np.flatnonzero(exact)
                out[exact] += adjustments[feature][left[exact]]
        if "names" in adjustments:
            both = np.flatnonzero(both_names)
            out[both] += adjustments["names"][left[both]]
        return out

    def weights(self, table: EncodedTable, left, right, levels: np.ndarray) -> np.ndarray:
        """Match weight (log2 odds) of every pair, from its levels and value frequencies."""
        return self.bayes_factors(table, left, right, levels) + np.float32(self.log2_prior)

    def to_dict(self) -> dict:
        """JSON-safe. The frequency tables count encoded values: keep them as confidential
        as the encodings themselves."""
        return {
            "log2_prior": self.log2_prior,
            "m": {f: self.m[f].tolist() for f in FEATURES},
            "u": {f: self.u[f].tolist() for f in FEATURES},
            "tf_values": {f: _b64(v) for f, v in self.tf_values.items()},
            "tf_freqs": {f: _b64(v) for f, v in self.tf_freqs.items()},
            "tf_floor": self.tf_floor,
        }

    @classmethod
    def from_dict(cls, data: dict) -> Model:
        return cls(
            log2_prior=float(data["log2_prior"]),
            m={f: np.array(data["m"][f], float) for f in FEATURES},
            u={f: np.array(data["u"][f], float) for f in FEATURES},
            tf_values={f: _unb64(v, np.uint64) for f, v in data["tf_values"].items()},
            tf_freqs={f: _unb64(v, np.float64) for f, v in data["tf_freqs"].items()},
            tf_floor=float(data["tf_floor"]),
        )


def _b64(array: np.ndarray) -> str:
    return base64.b64encode(np.ascontiguousarray(array).tobytes()).decode("ascii")


def _unb64(text: str, dtype) -> np.ndarray:
    return np.frombuffer(base64.b64decode(text), dtype=dtype).copy()


def value_hashes(table: EncodedTable) -> dict[str, np.ndarray]:
    """One 64-bit value per record and field for counting how common a value is: a hash of
    the whole Bloom filter (identical filters, identical names) and of the whole date."""
    cached = getattr(table, "_value_hashes", None)
    if cached is not None:
        return cached

    def rows(filters, bits):
        h = mix(*(filters[:, w] for w in range(WORDS))) if len(filters) else filters[:, 0]
        return np.where(bits > 0, h, 0).astype(np.uint64)

    date = mix(table.dob_year, table.dob_month, table.dob_day)
    given = rows(table.given, table.given_bits)
    family = rows(table.family, table.family_bits)
    both = (given != 0) & (family != 0)
    # the whole name, in either order (swapped reports share it)
    names = mix(np.minimum(given, family), np.maximum(given, family))
    hashes = {
        "given": given,
        "family": family,
        "names": np.where(both, names, 0).astype(np.uint64),
        "dob": np.where(table.dob_year != 0, date, 0).astype(np.uint64),
    }
    table._value_hashes = hashes
    return hashes


def _frequency_tables(table: EncodedTable) -> tuple[dict, dict]:
    values, freqs = {}, {}
    for feature, hashes in value_hashes(table).items():
        present = hashes[hashes != 0]
        unique, counts = sorted_unique(present, counts=True)
        values[feature] = unique
        freqs[feature] = counts / max(len(present), 1)
    return values, freqs


def _random_pairs(n: int, count: int, rng: np.random.Generator):
    total = n * (n - 1) // 2
    if total <= count:  # small tables: every pair
        a, b = np.triu_indices(n, 1)
        return a.astype(np.int64), b.astype(np.int64)
    a = rng.integers(0, n, count)
    b = rng.integers(0, n - 1, count)
    b = b + (b >= a)  # never a record with itself
    return a, b


def estimate_u(table: EncodedTable, rng: np.random.Generator, samples=U_SAMPLES) -> dict:
    a, b = _random_pairs(len(table), samples, rng)
    levels = compare(table, a, b).levels
    u = {}
    for k, feature in enumerate(FEATURES):
        counts = np.bincount(levels[:, k][levels[:, k] >= 0], minlength=LEVELS[feature])
        u[feature] = (counts + 1) / (counts.sum() + LEVELS[feature])  # Laplace: never 0
    return u


def expectation_maximisation(
    levels: np.ndarray,
    trained: tuple[str, ...],
    u: dict,
    iterations: int = 100,
    tolerance: float = 1e-6,
) -> tuple[dict, float]:
    """m of the `trained` fields and the share of matches among these pairs, with u fixed.

    The pairs are first reduced to their distinct patterns of levels with counts, so an
    iteration costs as much for a million pairs as for a thousand.
    """
    columns = [FEATURES.index(f) for f in trained]
    sub = levels[:, columns].astype(np.int64) + 1  # 0 = missing
    code = np.zeros(len(sub), np.int64)
    for i, feature in enumerate(trained):
        code = code * (LEVELS[feature] + 1) + sub[:, i]
    order = np.argsort(code, kind="stable")
    code = code[order]
    starts = np.flatnonzero(np.r_[True, code[1:] != code[:-1]])
    patterns = code[starts]
    counts = np.diff(np.r_[starts, len(code)])
    pattern_levels = sub[order[starts]] - 1
    m = {f: np.array(_M_START[f]) for f in trained}
    share = 0.1
    for _ in range(iterations):
        log_ratio = np.zeros(len(patterns))
        for i, feature in enumerate(trained):
            level = pattern_levels[:, i]
            ok = level >= 0
            log_ratio[ok] += np.log(m[feature][level[ok]]) - np.log(u[feature][level[ok]])
        odds = share / (1 - share) * np.exp(np.clip(log_ratio, -700, 700))
        posterior = odds / (1 + odds)
        weighted = posterior * counts
        new_share = weighted.sum() / counts.sum()
        change = abs(new_share - share)
        share = min(max(new_share, 1e-9), 1 - 1e-9)
        for i, feature in enumerate(trained):
            level = pattern_levels[:, i]
            ok = level >= 0
            mass = np.bincount(level[ok], weights=weighted[ok], minlength=LEVELS[feature])
            if mass.sum() > 0:
                new_m = np.maximum(mass / mass.sum(), _FLOOR)
                change = max(change, np.abs(new_m - m[feature]).max())
                m[feature] = new_m / new_m.sum()
        if change < tolerance:
            break
    return m, share


def estimate_prior(log2_bayes_factors: np.ndarray, n: int, iterations: int = 200) -> float:
    """log2 prior odds that two random records match: the fixed point of
    prior = (expected matches among the candidate pairs) / (all pairs).

    The pairs are first binned by their Bayes factor (steps of 1/32 in log2), so each
    iteration costs a few thousand operations, not tens of millions.
    """
    total = n * (n - 1) / 2
    if total == 0 or len(log2_bayes_factors) == 0:
        return float(np.log2(1e-9))
    scaled = np.round(np.clip(log2_bayes_factors, -64, 64) * 32).astype(np.int32) + 64 * 32
    counts = np.bincount(scaled, minlength=128 * 32 + 1)
    used = np.flatnonzero(counts)
    factors, counts = np.exp2((used - 64 * 32) / 32), counts[used]
    prior = min(0.5, max(1.0 / total, 1.0 / n))
    for _ in range(iterations):
        odds = prior / (1 - prior) * factors
        new = min(max((counts * odds / (1 + odds)).sum() / total, 1e-15), 0.5)
        if abs(new - prior) < prior * 1e-7:
            prior = new
            break
        prior = new
    return float(np.log2(prior / (1 - prior)))


def training_pairs(table: EncodedTable, rng: np.random.Generator, records: int = TRAIN_RECORDS):
    """Pairs for EM per training rule, from a sample of the records (blocks of a sample are
    smaller, and a sample is enough to estimate a handful of probabilities)."""
    n = len(table)
    sample = np.sort(rng.choice(n, records, replace=False)) if n > records else np.arange(n)
    sub = table.take(sample)
    return {
        rule: (sample[a], sample[b])
        for rule, (a, b) in blocking.candidate_pairs(sub, blocking.TRAINING_RULES).items()
    }


def fit(
    table: EncodedTable,
    candidates: tuple[np.ndarray, np.ndarray],
    candidate_levels: np.ndarray,
    seed: int = 0,
) -> tuple[Model, np.ndarray]:
    """Estimate u, m, term frequencies and the prior from the data themselves (no labels).
    Also returns the candidates' Bayes factors: their weights are these plus the prior."""
    rng = np.random.default_rng(seed)
    u = estimate_u(table, rng)
    m = {f: np.array(_M_START[f]) for f in FEATURES}
    m_sums = {f: np.zeros(LEVELS[f]) for f in FEATURES}
    m_counts = dict.fromkeys(FEATURES, 0)
    for rule, (a, b) in training_pairs(table, rng).items():
        if len(a) < 10:
            continue
        if len(a) > EM_PAIRS:
            pick = rng.choice(len(a), EM_PAIRS, replace=False)
            a, b = a[pick], b[pick]
        trained = tuple(f for f in FEATURES if f not in TRAINING[rule])
        estimated, _ = expectation_maximisation(compare(table, a, b).levels, trained, u)
        for feature, values in estimated.items():
            m_sums[feature] += values
            m_counts[feature] += 1
    for feature in FEATURES:
        if m_counts[feature]:
            m[feature] = m_sums[feature] / m_counts[feature]
    tf_values, tf_freqs = _frequency_tables(table)
    model = Model(0.0, m, u, tf_values, tf_freqs, tf_floor=1.0 / max(len(table), 1))
    left, right = candidates
    bayes = model.bayes_factors(table, left, right, candidate_levels)
    model.log2_prior = estimate_prior(bayes, len(table))
    return model, bayes
