"""Populations of known size, caught by several lists: for tests, benchmarks and the
simulation study (bench/mse_simulation.py).

Each person belongs to a group with its own capture probability per list (heterogeneity);
being on one list can multiply the odds of being on a later one (dependence, e.g. a
referral from one organisation to another).
"""

from dataclasses import dataclass, field

import numpy as np

from wegwijzer.estimation.table import CaptureTable


@dataclass(frozen=True)
class Scenario:
    name: str
    size: int
    # (share of the population, capture probability on each list)
    groups: tuple[tuple[float, tuple[float, ...]], ...]
    # (earlier list, later list, odds ratio): being on the earlier list multiplies the odds
    # of being on the later one
    dependence: tuple[tuple[int, int, float], ...] = field(default=())

    @property
    def k(self) -> int:
        return len(self.groups[0][1])

    def lists(self) -> tuple[str, ...]:
        return tuple("ABCDEFGHIJKL"[: self.k])

    def captures(self, rng: np.random.Generator) -> np.ndarray:
        """A person × list 0/1 matrix for the whole population, the unseen included."""
        shares = np.array([share for share, _ in self.groups])
        group = rng.choice(len(self.groups), size=self.size, p=shares / shares.sum())
        probability = np.array([p for _, p in self.groups])[group]  # person × list
        on = np.zeros((self.size, self.k), dtype=np.int64)
        for j in range(self.k):
            logit = np.log(probability[:, j]) - np.log1p(-probability[:, j])
            for earlier, later, odds in self.dependence:
                if later == j:
                    logit = logit + np.log(odds) * on[:, earlier]
            on[:, j] = rng.random(self.size) < 1 / (1 + np.exp(-logit))
        return on

    def table(self, rng: np.random.Generator) -> CaptureTable:
        on = self.captures(rng)
        cells = on @ (1 << np.arange(self.k))
        counts = np.bincount(cells, minlength=2**self.k).astype(np.int64)
        counts[0] = 0
        return CaptureTable(self.lists(), counts)


def independent(size: int, probabilities, name: str = "independent") -> Scenario:
    return Scenario(name, size, ((1.0, tuple(probabilities)),))
