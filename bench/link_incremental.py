"""Incremental linking: what adding a batch of new registrations costs, against linking
everything again.

    .venv/bin/python bench/link_incremental.py                    # 200,000 + 1% new
    .venv/bin/python bench/link_incremental.py --records 1000000  # the national-scale case

Synthetic registrations with known persons (`wegwijzer.linkage.synthetic`) are encoded with
a random key; the last `--new` share of them stands for the registrations that arrived
since the last run. Printed: a full run on the old part, the incremental run that adds the
new part (`link_new`, what `wegwijzer link` does), and a full run on everything with the
same model; then whether the incremental persons equal the full run's (they must) and the
pairwise F1 of both against the true persons. Peak memory is that of this process.
"""

from __future__ import annotations

import argparse
import resource
import secrets
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from wegwijzer.linkage.encoding import EncodingKey  # noqa: E402
from wegwijzer.linkage.matcher import link, link_new  # noqa: E402
from wegwijzer.linkage.quality import pairwise_scores, same_persons  # noqa: E402
from wegwijzer.linkage.synthetic import generate  # noqa: E402
from wegwijzer.linkage.table import encode_table  # noqa: E402


def timed(function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=200_000)
    parser.add_argument("--new", type=float, default=0.01, help="share that is new (0.01)")
    parser.add_argument("--seed", type=int, default=0)
    options = parser.parse_args()

    registrations = generate(options.records, seed=options.seed)
    truth = np.array([r.person_id for r in registrations])
    table = encode_table([r.identity for r in registrations], EncodingKey(secrets.token_bytes(32)))
    first_new = len(table) - round(options.new * len(table))
    old = table.take(np.arange(first_new))

    before, full_old = timed(link, old)
    added, incremental = timed(link_new, table, first_new, before)
    everything, full_all = timed(link, table, model=before.model)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"records {len(table):,}, of which new {len(table) - first_new:,}")
    for label, seconds, result in (
        ("full run on the old records (with EM)", full_old, before),
        ("incremental run adding the new", incremental, added),
        ("full run on all, same model", full_all, everything),
    ):
        print(f"{label:<38} {seconds:7.2f} s {result.candidates:>12,} pairs compared")
    print(
        f"incremental = full with the same model: {same_persons(added.labels, everything.labels)}"
    )
    print(
        f"pairwise F1: incremental {pairwise_scores(truth, added.labels)['f1']:.4f}, "
        f"full {pairwise_scores(truth, everything.labels)['f1']:.4f}"
    )
    print(f"peak memory {peak:,.0f} MiB")
    print(
        f"reproduce: .venv/bin/python bench/link_incremental.py --records {options.records} "
        f"--new {options.new} --seed {options.seed}"
    )


if __name__ == "__main__":
    main()
