"""Two lists: Lincoln–Petersen and Chapman, with log-normal intervals.

With n1 on the first list, n2 on the second and m on both:
  Lincoln–Petersen  N = n1·n2 / m,                 var = n1·n2·(n1−m)(n2−m) / m³
  Chapman (1951)    N = (n1+1)(n2+1)/(m+1) − 1,    var = (n1+1)(n2+1)(n1−m)(n2−m) / ((m+1)²(m+2))
                                                    (Seber 1970)
The interval is Chao's (1987) log-normal one for the unseen f0 = N − n, so it never drops
below the n people actually seen: [n + f0/C, n + f0·C] with C = exp(z·√log(1 + var/f0²)).
"""

import math
from dataclasses import dataclass

from scipy.stats import norm

from wegwijzer.estimation.table import CaptureTable


@dataclass(frozen=True)
class TwoListEstimate:
    name: str
    estimate: float
    variance: float
    ci_low: float
    ci_high: float


def margins(table: CaptureTable) -> tuple[int, int, int, int]:
    only_first, only_second, both = (int(table.counts[cell]) for cell in (1, 2, 3))
    return only_first + both, only_second + both, both, only_first + only_second + both


def log_normal_interval(
    observed: int, estimate: float, variance: float, level: float
) -> tuple[float, float]:
    unseen = estimate - observed
    if unseen <= 0 or variance <= 0:
        return estimate, estimate
    z = norm.ppf((1 + level) / 2)
    factor = math.exp(z * math.sqrt(math.log(1 + variance / unseen**2)))
    return observed + unseen / factor, observed + unseen * factor


def lincoln_petersen(table: CaptureTable, level: float = 0.95) -> TwoListEstimate:
    n1, n2, m, n = margins(table)
    estimate = n1 * n2 / m
    variance = n1 * n2 * (n1 - m) * (n2 - m) / m**3
    return TwoListEstimate(
        "lincoln-petersen", estimate, variance, *log_normal_interval(n, estimate, variance, level)
    )


def chapman(table: CaptureTable, level: float = 0.95) -> TwoListEstimate:
    n1, n2, m, n = margins(table)
    estimate = (n1 + 1) * (n2 + 1) / (m + 1) - 1
    variance = (n1 + 1) * (n2 + 1) * (n1 - m) * (n2 - m) / ((m + 1) ** 2 * (m + 2))
    return TwoListEstimate(
        "chapman", estimate, variance, *log_normal_interval(n, estimate, variance, level)
    )
