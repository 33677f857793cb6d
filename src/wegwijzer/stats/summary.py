"""Print what publication and the research extract give up on the synthetic demo data.

    PYTHONPATH=src python -m wegwijzer.stats.summary [--seed 0] [--persons-per-year 1049]
        [--linked]

The figures quoted in docs/statistics.md come from this command.
"""

from __future__ import annotations

import argparse
import time

from . import demo, kanon, publication


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--persons-per-year", type=int, default=demo.PERSONS_PER_YEAR)
    parser.add_argument(
        "--linked", action="store_true", help="count persons (demo truth as person key)"
    )
    options = parser.parse_args(argv)
    data = demo.generate(seed=options.seed, persons_per_year=options.persons_per_year)
    registrations = data.registrations
    if options.linked:
        registrations = [
            dict(r, person_key=None if r["notice"] else r["synthetic_person_id"])
            for r in registrations
        ]
    print(data.label.en)
    print(f"registrations: {len(registrations)}")
    started = time.perf_counter()
    published = publication.publish(registrations, synthetic=True)
    took = time.perf_counter() - started
    loss = published.information_loss()
    print(
        f"tables: unit {published.unit}, {loss['cells']} cells shown, "
        f"{loss['primary']} primary and {loss['secondary']} secondary suppressions "
        f"({took:.1f} s including the integer audit)"
    )
    started = time.perf_counter()
    extract = kanon.anonymise(registrations)
    took = time.perf_counter() - started
    info = extract.loss
    print(
        f"extract: k={info.k}, unit {info.unit}, {info.records_out} of {info.records_in} "
        f"records released ({info.suppressed} suppressed), precision {info.precision:.2f}, "
        f"{info.classes} classes (smallest {info.smallest_class}), "
        f"normalised average class size {info.average_class_size:.1f} ({took:.1f} s)"
    )
    print("levels: " + ", ".join(f"{a} = {level}" for a, level in info.levels.items()))


if __name__ == "__main__":
    main()
