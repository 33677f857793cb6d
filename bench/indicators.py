"""Benchmark: the assessment engine and the region lookup, in process, on one core.

Run:  .venv/bin/python bench/indicators.py   (from the repository root; about 15 s)
Targets (issue "Recognise and act"): engine >= 20,000 assessments/s on one core;
municipality/postcode look-up p95 <= 5 ms in process.
"""

import platform
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from wegwijzer.directory import regions  # noqa: E402
from wegwijzer.indicators import catalogue, engine  # noqa: E402

SEED = 20261123


def observations(count: int) -> list[engine.Observation]:
    rng = random.Random(SEED)
    ids = sorted(catalogue.load().signals)
    return [
        engine.Observation.build(
            rng.sample(ids, rng.randint(1, 12)),
            age=rng.choice([None, rng.randint(10, 70)]),
            acute_danger=rng.random() < 0.05,
        )
        for _ in range(count)
    ]


def bench_engine(seconds: float = 5.0) -> float:
    loaded = catalogue.load()
    batch = observations(2_000)
    done, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for observation in batch:
            engine.assess(loaded, observation)
        done += len(batch)
    return done / (time.perf_counter() - start)


def bench_lookup(rounds: int = 20_000) -> tuple[float, float, float]:
    rng = random.Random(SEED)
    names = [m.name for m in regions.municipalities()]
    queries = [rng.choice(names) for _ in range(rounds // 2)]
    queries += [f"{rng.randint(1000, 9999)}" for _ in range(rounds // 4)]
    queries += [
        rng.choice(["den bosch", "Bergen", "nuenen", "Atlantis", "sudwest fryslan"])
        for _ in range(rounds // 4)
    ]
    regions.lookup("warm-up")
    timings = []
    for query in queries:
        start = time.perf_counter()
        regions.lookup(query)
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    pick = lambda q: timings[int(q * (len(timings) - 1))]  # noqa: E731
    return pick(0.50), pick(0.95), pick(0.99)


def main() -> int:
    print(f"python {platform.python_version()}, {platform.machine()}, one process (one core)")
    rate = bench_engine()
    p50, p95, p99 = bench_lookup()
    verdict = "pass" if rate >= 20_000 else "FAIL"
    print(f"engine: {rate:,.0f} assessments/s (target >= 20,000)  {verdict}")
    print(f"lookup: p50 {p50:.3f} ms, p95 {p95:.3f} ms, p99 {p99:.3f} ms (target p95 <= 5 ms)  "
          f"{'pass' if p95 <= 5 else 'FAIL'}")  # fmt: skip
    return 0 if rate >= 20_000 and p95 <= 5 else 1


if __name__ == "__main__":
    sys.exit(main())
