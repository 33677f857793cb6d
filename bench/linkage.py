"""Record linkage benchmark: our matcher on keyed encodings against Splink on clear text.

    .venv/bin/python bench/linkage.py                      # 1,000,000 registrations
    .venv/bin/python bench/linkage.py --records 100000     # a quick run
    .venv/bin/python bench/linkage.py --febrl              # the FEBRL data sets as well

Every step runs in its own subprocess, so each reports its own wall time and peak memory
(ru_maxrss of that process, which includes DuckDB's native allocations):
1. generate: synthetic registrations with known persons (`wegwijzer.linkage.synthetic`),
   cached as Parquet in the work folder;
2. prepare: the clear-text columns Splink gets (names normalised by the same function the
   encoder uses, phonetic codes for blocking), and the keyed encodings our matcher gets
   (`encode_table`, with a random key made for this run). Encoding happens at intake in
   the registry, so it is timed separately and not counted as linking;
3. ours: load the encodings, link (blocking, comparison, EM, weights, clustering);
4. splink: load the clear text, link with Splink's DuckDB back end (u by random sampling,
   m by EM on two blocking rules, term-frequency adjustments, predict, connected
   components);
5. pairwise precision, recall and F1 of each system's persons against the true persons.
Both systems link at the same threshold: a match weight of 2 (odds 4:1, probability 0.8,
our default). Each also gets the best F1 of plain connected components over a range of
thresholds, to show that the comparison does not hinge on the threshold.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import secrets
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from wegwijzer.linkage.quality import pairwise_scores  # noqa: E402  (febrl.py imports it here)

LINK_WEIGHT = 2.0
SWEEP = (-1.0, 0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0)


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# ---------------------------------------------------------------- workers (subprocesses)


def work_generate(folder: Path, records: int, seed: int) -> dict:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from wegwijzer.linkage.synthetic import generate

    start = time.perf_counter()
    regs = generate(records, seed=seed)
    table = pa.table(
        {
            "record_id": [r.record_id for r in regs],
            "person_id": [r.person_id for r in regs],
            "origin": [r.origin for r in regs],
            "organisation": [r.organisation for r in regs],
            "given_names": [r.identity.given_names for r in regs],
            "family_names": [r.identity.family_names for r in regs],
            "date_of_birth": [r.identity.date_of_birth for r in regs],
            "document_number": [r.identity.document_number for r in regs],
        }
    )
    pq.write_table(table, folder / "registrations.parquet")
    return {"seconds": time.perf_counter() - start, "peak_mib": peak_mib()}


def _identities(folder: Path):
    import pyarrow.parquet as pq

    from wegwijzer.linkage.encoding import Identity

    table = pq.read_table(folder / "registrations.parquet").to_pydict()
    return [
        Identity(g, f, d, x)
        for g, f, d, x in zip(
            table["given_names"],
            table["family_names"],
            table["date_of_birth"],
            table["document_number"],
            strict=True,
        )
    ]


def work_encode(folder: Path) -> dict:
    from wegwijzer.linkage.encoding import EncodingKey
    from wegwijzer.linkage.table import encode_table

    identities = _identities(folder)
    start = time.perf_counter()
    table = encode_table(identities, EncodingKey(os.environ["IDENTIFIER_KEY"]))
    seconds = time.perf_counter() - start
    table.save(folder / "encoded.npy")
    return {"seconds": seconds, "records": len(table), "peak_mib": peak_mib()}


def work_clear(folder: Path) -> dict:
    """The clear-text table for Splink: normalised names and blocking codes."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from wegwijzer.linkage.normalise import name_tokens, normalise_document, phonetic_code

    start = time.perf_counter()
    raw = pq.read_table(folder / "registrations.parquet").to_pydict()
    tokens: dict[str, list[str]] = {}

    def tok(text):
        found = tokens.get(text)
        if found is None:
            found = tokens[text] = name_tokens(text)
        return found

    given = [tok(t) for t in raw["given_names"]]
    family = [tok(t) for t in raw["family_names"]]
    dob = raw["date_of_birth"]
    table = pa.table(
        {
            "unique_id": raw["record_id"],
            "given": [" ".join(t) or None for t in given],
            "family": [" ".join(t) or None for t in family],
            "full_name": [" ".join(g + f) or None for g, f in zip(given, family, strict=True)],
            "given_code": [phonetic_code(t[0]) if t else None for t in given],
            "family_code": [phonetic_code(t[0]) if t else None for t in family],
            "name_pair": [_pair(g, f) for g, f in zip(given, family, strict=True)],
            "given_initial": [t[0][0] if t else None for t in given],
            "family_initial": [t[0][0] if t else None for t in family],
            "dob": dob,
            "dob_year": [d.year if d else None for d in dob],
            "dob_month": [d.month if d else None for d in dob],
            "dob_day": [d.day if d else None for d in dob],
            "document": [normalise_document(x) or None for x in raw["document_number"]],
        }
    )
    pq.write_table(table, folder / "clear.parquet")
    return {"seconds": time.perf_counter() - start, "peak_mib": peak_mib()}


def _pair(given: list[str], family: list[str]) -> str | None:
    """The two phonetic codes in sorted order, like our unordered name-pair key."""
    from wegwijzer.linkage.normalise import phonetic_code

    if not given or not family:
        return None
    return "|".join(sorted((phonetic_code(given[0]), phonetic_code(family[0]))))


def work_ours(folder: Path) -> dict:
    import numpy as np

    from wegwijzer.linkage.matcher import Thresholds, link
    from wegwijzer.linkage.table import EncodedTable

    start = time.perf_counter()
    table = EncodedTable.load(folder / "encoded.npy")
    result = link(table, thresholds=Thresholds(link=LINK_WEIGHT))
    seconds = time.perf_counter() - start
    np.save(folder / "ours_labels.npy", result.labels)
    np.savez(folder / "ours_pairs.npz", left=result.left, right=result.right, w=result.weight)
    return {
        "seconds": seconds,
        "peak_mib": peak_mib(),
        "candidates": int(result.candidates),
        "review": int(len(result.review())),
    }


def splink_settings():
    """A Splink model built for this data: names compared by Jaro-Winkler with swapped
    order recognised and term frequencies on the full name; dates of birth part by part
    like ours (exact with term frequencies, day/month swapped, two of three parts, year);
    document numbers exactly. Blocking as ours, on clear values."""
    import splink.comparison_library as cl
    from splink import SettingsCreator, block_on

    both = "dob_l is not null and dob_r is not null"
    dob = cl.CustomComparison(
        output_column_name="dob",
        comparison_levels=[
            {"sql_condition": "dob_l is null or dob_r is null", "is_null_level": True},
            {
                "sql_condition": "dob_l = dob_r",
                "label_for_charts": "exact",
                "tf_adjustment_column": "dob",
                "tf_adjustment_weight": 1.0,
            },
            {
                "sql_condition": f"{both} and dob_year_l = dob_year_r"
                " and dob_month_l = dob_day_r and dob_day_l = dob_month_r",
                "label_for_charts": "day and month swapped",
            },
            {
                "sql_condition": f"{both} and (cast(dob_year_l = dob_year_r as int)"
                " + cast(dob_month_l = dob_month_r as int)"
                " + cast(dob_day_l = dob_day_r as int)) = 2",
                "label_for_charts": "two of three parts",
            },
            {"sql_condition": "dob_year_l = dob_year_r", "label_for_charts": "year only"},
            {"sql_condition": "ELSE", "label_for_charts": "different"},
        ],
    )
    return SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="unique_id",
        probability_two_random_records_match=1e-6,
        comparisons=[
            cl.ForenameSurnameComparison(
                "given", "family", forename_surname_concat_col_name="full_name"
            ),
            dob,
            cl.ExactMatch("document"),
        ],
        # The same blocking as ours, on clear values: phonetic codes with date parts,
        # names with a missing date, initials with the whole date (ours: a MinHash of the
        # name filter with the whole date).
        blocking_rules_to_generate_predictions=[
            block_on("family_code", "dob_month", "dob_day"),
            block_on("family_code", "dob_year", "dob_month"),
            block_on("family_code", "dob_year", "dob_day"),
            block_on("given_code", "dob"),
            block_on("name_pair", "dob_year"),
            block_on("name_pair", "dob_month"),
            block_on("name_pair", "dob_day"),
            "l.name_pair = r.name_pair and (l.dob is null or r.dob is null)",
            block_on("dob", "family_initial"),
            block_on("dob", "given_initial"),
            block_on("document"),
        ],
        retain_intermediate_calculation_columns=False,
        retain_matching_columns=False,
    )


def work_splink(folder: Path) -> dict:
    import duckdb
    import numpy as np
    import pyarrow.parquet as pq
    from splink import DuckDBAPI, Linker, block_on

    start = time.perf_counter()
    con = duckdb.connect()
    db_api = DuckDBAPI(connection=con)
    data = db_api.register(pq.read_table(folder / "clear.parquet"))
    linker = Linker(data, splink_settings(), log_level=None)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("given", "family", "dob")], recall=0.7
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=2e7, seed=1)
    # EM also estimates the prior (better here than the deterministic-rule estimate)
    for rule in (block_on("dob"), block_on("given", "family")):
        linker.training.estimate_parameters_using_expectation_maximisation(
            rule, populate_probability_two_random_records_match_from_trained_values=True
        )
    predictions = linker.inference.predict(threshold_match_weight=min(SWEEP))
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(
        predictions, threshold_match_weight=LINK_WEIGHT
    )
    labels = con.sql(
        f"select unique_id, cluster_id from {clusters.physical_name} order by unique_id"
    ).fetchnumpy()
    seconds = time.perf_counter() - start
    pairs = con.sql(
        f"select unique_id_l, unique_id_r, match_weight from {predictions.physical_name}"
    ).fetchnumpy()
    ids = labels["unique_id"]
    np.save(folder / "splink_labels.npy", _labels_from_clusters(ids, labels["cluster_id"]))
    np.savez(
        folder / "splink_pairs.npz",
        left=pairs["unique_id_l"],
        right=pairs["unique_id_r"],
        w=pairs["match_weight"].astype("float32"),
    )
    return {"seconds": seconds, "peak_mib": peak_mib(), "version": _splink_version()}


def _splink_version() -> str:
    import splink

    return splink.__version__


def _labels_from_clusters(ids, cluster_ids):
    import numpy as np

    order = np.argsort(ids)
    _, labels = np.unique(np.asarray(cluster_ids)[order], return_inverse=True)
    return labels


WORKERS = {
    "generate": work_generate,
    "encode": work_encode,
    "clear": work_clear,
    "ours": work_ours,
    "splink": work_splink,
}


# ---------------------------------------------------------------- measuring quality


def components_at(n, pairs, threshold):
    import numpy as np

    from wegwijzer.linkage.cluster import connected_components

    keep = pairs["w"] >= threshold
    return connected_components(
        n, np.asarray(pairs["left"])[keep].astype(np.int64), np.asarray(pairs["right"])[keep]
    )


# ---------------------------------------------------------------- driver


def run(step: str, folder: Path, *args) -> dict:
    command = [sys.executable, __file__, "--worker", step, "--folder", str(folder), *args]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"step {step} failed")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--folder", type=Path, default=None)
    parser.add_argument("--systems", default="ours,splink")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    folder = args.folder or ROOT / "var" / f"bench-linkage-{args.records}-{args.seed}"
    folder.mkdir(parents=True, exist_ok=True)

    if args.worker:
        extra = (args.records, args.seed) if args.worker == "generate" else ()
        print(json.dumps(WORKERS[args.worker](folder, *extra)))
        return

    import numpy as np
    import pyarrow.parquet as pq

    command = f"bench/linkage.py --records {args.records} --seed {args.seed}"
    print(f"# {command}")
    if not (folder / "registrations.parquet").exists():
        info = run("generate", folder, "--records", str(args.records), "--seed", str(args.seed))
        print(f"generated {args.records:,} registrations in {info['seconds']:.0f} s")
    truth = pq.read_table(folder / "registrations.parquet", columns=["person_id"])
    truth = np.asarray(truth.column("person_id"))
    n = len(truth)
    persons = len(np.unique(truth))
    print(f"{n:,} registrations of {persons:,} persons")
    systems = args.systems.split(",")
    rows = []
    if "ours" in systems:
        os.environ["IDENTIFIER_KEY"] = secrets.token_urlsafe(48)
        info = run("encode", folder)
        print(
            f"encoding at intake (not part of linking): {info['seconds']:.1f} s, "
            f"peak {info['peak_mib']:.0f} MiB"
        )
        rows.append(("ours (encodings)", run("ours", folder), "ours"))
    if "splink" in systems:
        run("clear", folder)
        rows.append(("Splink (clear text)", run("splink", folder), "splink"))

    print()
    print("| system | wall time | peak memory | precision | recall | F1 | best F1 (weight) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, info, prefix in rows:
        labels = np.load(folder / f"{prefix}_labels.npy")
        score = pairwise_scores(truth, labels)
        pairs = np.load(folder / f"{prefix}_pairs.npz")
        sweep = {t: pairwise_scores(truth, components_at(n, pairs, t))["f1"] for t in SWEEP}
        best = max(sweep, key=sweep.get)
        version = f" {info['version']}" if "version" in info else ""
        print(
            f"| {name}{version} | {info['seconds']:.1f} s | {info['peak_mib']:,.0f} MiB "
            f"| {score['precision']:.4f} | {score['recall']:.4f} | {score['f1']:.4f} "
            f"| {sweep[best]:.4f} ({best:g}) |"
        )
        info.update(score)
        (folder / f"{prefix}_result.json").write_text(json.dumps(info, indent=1))


if __name__ == "__main__":
    main()
