"""Benchmark: multiple systems estimation, in process, one estimate at a time.

Run:  .venv/bin/python bench/estimation.py   (from the repository root; about 1-2 minutes)
Targets (issue "Estimate the hidden number"), on this 2-core machine:
  - six lists: fit, stepwise selection and a 1,000-replicate bootstrap that repeats the
    selection in <= 10 s;
  - ten lists, stepwise selection, in <= 60 s;
  - minimum BIC over all pairwise hierarchical models for five lists in <= 30 s.
Each figure is the whole `procedures.estimate` call as the CLI and the API make it (checks,
selection, interval, excluded models and the sensitivity table), the median of 3 runs on
simulated populations with fixed seeds. The rows marked (info) show the API's caps.
"""

import os
import platform
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from wegwijzer.estimation.procedures import estimate  # noqa: E402
from wegwijzer.estimation.simulation import Scenario  # noqa: E402

RUNS = 3


def population(k: int, size: int, seed: int) -> Scenario:
    """Sparse capture (3-15% per list) by a visible and a hidden group, with two referrals:
    the kind of table the registry will give."""
    rng = np.random.default_rng(seed)
    low = tuple(float(p) for p in rng.uniform(0.03, 0.15, k))
    high = tuple(min(0.9, 3 * p) for p in low)
    return Scenario(f"{k} lists", size, ((0.7, low), (0.3, high)), ((0, 1, 3.0), (2, 3, 2.5)))


def timed(table, **settings) -> tuple[float, dict]:
    times, answer = [], None
    for _ in range(RUNS):
        start = time.perf_counter()
        answer = estimate(table, **settings)
        times.append(time.perf_counter() - start)
    return statistics.median(times), answer


CASES = [
    # label, lists, population size, settings, target in seconds (None: information)
    ("6 lists: stepwise-sparse + 1,000 bootstrap", 6, 3000,
     {"method": "stepwise-sparse", "bootstrap": 1000}, 10),
    ("6 lists: stepwise-aic + profile likelihood", 6, 3000,
     {"method": "stepwise-aic"}, None),
    ("10 lists: stepwise-sparse (no bootstrap)", 10, 8000,
     {"method": "stepwise-sparse", "bootstrap": 0}, 60),
    ("10 lists: stepwise-aic + profile likelihood", 10, 8000, {"method": "stepwise-aic"}, 60),
    ("5 lists: min-bic over all 1,024 pairwise models", 5, 3000,
     {"method": "min-bic", "bootstrap": 0}, 30),
    ("5 lists: min-bic + 1,000 bootstrap (top 50 models)", 5, 3000,
     {"method": "min-bic", "bootstrap": 1000}, None),
    ("8 lists: stepwise-sparse + 250 bootstrap (API cap)", 8, 5000,
     {"method": "stepwise-sparse", "bootstrap": 250}, None),
    ("10 lists: stepwise-sparse + 50 bootstrap (the API allows none)", 10, 8000,
     {"method": "stepwise-sparse", "bootstrap": 50}, None),
    ("12 lists: stepwise-sparse (no bootstrap)", 12, 10000,
     {"method": "stepwise-sparse", "bootstrap": 0}, None),
]  # fmt: skip


def main() -> int:
    print(f"command: {Path(sys.executable).name} bench/estimation.py")
    print(
        f"machine: {os.cpu_count()} CPUs, {platform.platform()}, Python "
        f"{platform.python_version()}, numpy {np.__version__}; {RUNS} runs each, median"
    )
    print()
    print("| case | people seen | model terms | estimate (truth) | seconds | target | result |")
    print("|---|---:|---:|---:|---:|---|---|")
    failed = False
    for label, k, size, settings, target in CASES:
        scenario = population(k, size, seed=k)
        table = scenario.table(np.random.default_rng(1))
        seconds, answer = timed(table, **settings)
        verdict = "(info)"
        if target is not None:
            verdict = "pass" if seconds <= target else "FAIL"
            failed |= seconds > target
        goal = f"<= {target} s" if target else "—"
        print(
            f"| {label} | {table.observed:,} | "
            f"{len(answer['model'])} | {answer['estimate']:,.0f} ({size:,}) | {seconds:.2f} | "
            f"{goal} | {verdict} |",
            flush=True,
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
