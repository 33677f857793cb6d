"""Simulation study: bias and interval coverage of the three estimation methods.

Run:  .venv/bin/python bench/mse_simulation.py [--reps 100] [--bootstrap 199] [--jobs 2]
      [--write docs/estimation.md]        (from the repository root; 10-20 minutes)

Populations of known size N are caught by K lists with known capture probabilities
(`wegwijzer.estimation.simulation.Scenario`). Per scenario: `reps` populations, each
estimated by stepwise-sparse (BCa bootstrap that repeats the selection), stepwise-aic
(profile likelihood) and min-bic (BCa bootstrap over the 50 best models). Reported: the
relative bias and root mean squared error of the estimate, the share of 95% intervals that
contain N (target >= 90% where the model assumptions hold), and the median interval width.
Seeds are fixed: population r of scenario s uses seed 1000·s + r, its bootstrap seed r.
With --write the table replaces the part between the simulation markers in the given file.
"""

import argparse
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from wegwijzer.estimation.errors import EstimationError  # noqa: E402
from wegwijzer.estimation.procedures import estimate  # noqa: E402
from wegwijzer.estimation.simulation import Scenario  # noqa: E402

METHODS = ("stepwise-sparse", "stepwise-aic", "min-bic")
REFUSALS = {
    "too_many_models": "over 4,096 hierarchical models: not run",
    "no_overlap": "no overlap",
}
MARK_START = "<!-- simulation:start -->"
MARK_END = "<!-- simulation:end -->"


@dataclass(frozen=True)
class Case:
    scenario: Scenario
    holds: str  # do the pairwise log-linear models contain the truth?
    story: str


CASES = [
    Case(
        Scenario("independent", 1000, ((1.0, (0.25, 0.2, 0.15)),)),
        "yes",
        "3 lists catch everyone with the same chances, independently",
    ),
    Case(
        Scenario("sparse", 3000, ((1.0, (0.03, 0.06, 0.1, 0.05)),)),
        "yes",
        "4 lists that each see 3-10% (trafficking-like), independent",
    ),
    Case(
        Scenario("referral", 1500, ((1.0, (0.2, 0.15, 0.2, 0.1)),), ((0, 1, 5.0),)),
        "yes",
        "4 lists; being on A multiplies the odds of B by 5 (referral)",
    ),
    Case(
        Scenario(
            "referral and avoidance",
            2000,
            ((1.0, (0.1, 0.12, 0.08, 0.15, 0.1)),),
            ((0, 1, 4.0), (2, 3, 0.3)),
        ),
        "yes",
        "5 lists; A refers to B (odds x4), people on C avoid D (odds x0.3)",
    ),
    Case(
        Scenario(
            "chain of referrals",
            2000,
            ((1.0, (0.15, 0.1, 0.1, 0.1, 0.1)),),
            ((0, 1, 3.0), (1, 2, 3.0), (2, 3, 3.0), (3, 4, 3.0)),
        ),
        "yes",
        "5 lists; each list refers to the next (odds x3): only pairwise terms",
    ),
    Case(
        Scenario(
            "hidden group",
            2000,
            ((0.6, (0.03, 0.04, 0.05, 0.02)), (0.4, (0.25, 0.3, 0.2, 0.2))),
        ),
        "no",
        "4 lists; 60% of people are 5-10 times harder to see on every list",
    ),
    Case(
        Scenario(
            "hidden group and referrals",
            3000,
            (
                (0.7, (0.05, 0.04, 0.06, 0.03, 0.05, 0.08)),
                (0.3, (0.15, 0.12, 0.18, 0.09, 0.15, 0.24)),
            ),
            ((0, 1, 3.0), (2, 3, 2.5)),
        ),
        "no",
        "6 lists; a hidden group (3 times harder to see) and two referrals",
    ),
]


def run_case(arguments) -> dict:
    number, reps, bootstrap = arguments
    case = CASES[number]
    scenario = case.scenario
    results = {method: [] for method in METHODS}
    observed = []
    for rep in range(reps):
        table = scenario.table(np.random.default_rng(1000 * number + rep))
        observed.append(table.observed)
        for method in METHODS:
            try:
                answer = estimate(
                    table, method=method, bootstrap=bootstrap, seed=rep, sensitivity=False
                )
            except EstimationError as error:
                results[method].append((None, None, None, error.code))
                continue
            results[method].append((answer["estimate"], answer["ci_low"], answer["ci_high"], ""))
    return {"number": number, "observed": float(np.mean(observed)), "results": results}


def summarise(size: int, rows: list) -> dict:
    fitted = [(e, lo, hi) for e, lo, hi, code in rows if e is not None]
    refused = [code for *_, code in rows if code]
    if not fitted:
        return {"refused": len(refused), "codes": sorted(set(refused))}
    estimates = np.array([e for e, _, _ in fitted])
    lows = np.array([lo for _, lo, _ in fitted])
    highs = np.array([np.inf if hi is None else hi for _, _, hi in fitted])
    return {
        "bias": 100 * (estimates.mean() - size) / size,
        "rmse": 100 * np.sqrt(np.mean((estimates - size) ** 2)) / size,
        "coverage": 100 * np.mean((lows <= size) & (size <= highs)),
        "width": 100 * np.median(highs - lows) / size,
        "unbounded": int(np.sum(~np.isfinite(highs))),
        "refused": len(refused),
        "codes": sorted(set(refused)),
        "fitted": len(fitted),
    }


def table(outcomes: list[dict], reps: int, bootstrap: int, seconds: float, jobs: int) -> str:
    lines = [
        f"{reps} populations per scenario; bootstrap intervals from {bootstrap} replicates "
        f"(plus the jackknife); 95% intervals; {seconds / 60:.0f} minutes wall-clock with "
        f"--jobs {jobs}.",
        "",
        "| scenario | N | seen (mean) | model holds | method | bias | RMSE | coverage | "
        "median width | no estimate |",
        "|---|---:|---:|---|---|---:|---:|---:|---:|---|",
    ]
    for outcome in sorted(outcomes, key=lambda o: o["number"]):
        case = CASES[outcome["number"]]
        size = case.scenario.size
        for method in METHODS:
            summary = summarise(size, outcome["results"][method])
            head = (
                f"| {case.scenario.name} ({case.scenario.k} lists) | {size:,} | "
                f"{outcome['observed']:,.0f} | {case.holds} | {method} |"
            )
            missing = ""
            if summary["refused"]:
                reasons = ", ".join(REFUSALS.get(code, code) for code in summary["codes"])
                missing = f"{summary['refused']} ({reasons})"
            if "bias" not in summary:
                lines.append(f"{head} — | — | — | — | {missing} |")
                continue
            if summary["unbounded"]:
                missing = (missing + "; " if missing else "") + (
                    f"{summary['unbounded']} without upper end"
                )
            lines.append(
                f"{head} {summary['bias']:+.1f}% | {summary['rmse']:.1f}% | "
                f"{summary['coverage']:.0f}% | {summary['width']:.0f}% | {missing or '0'} |"
            )
    lines.append("")
    lines.append("Scenarios:")
    for case in CASES:
        lines.append(f"- **{case.scenario.name}**: {case.story}.")
    return "\n".join(lines)


def write(path: Path, text: str) -> None:
    content = path.read_text()
    start, end = content.index(MARK_START), content.index(MARK_END)
    path.write_text(content[: start + len(MARK_START)] + "\n" + text + "\n" + content[end:])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reps", type=int, default=100)
    parser.add_argument("--bootstrap", type=int, default=199)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--only", type=int, nargs="*", help="scenario numbers (from 0)")
    parser.add_argument("--write", type=Path, help="Markdown file with simulation markers")
    args = parser.parse_args()
    numbers = args.only if args.only else list(range(len(CASES)))
    started = time.perf_counter()
    work = [(number, args.reps, args.bootstrap) for number in numbers]
    if args.jobs > 1:
        with ProcessPoolExecutor(args.jobs) as pool:
            outcomes = list(pool.map(run_case, work))
    else:
        outcomes = [run_case(item) for item in work]
    text = table(outcomes, args.reps, args.bootstrap, time.perf_counter() - started, args.jobs)
    command = "python bench/mse_simulation.py " + " ".join(sys.argv[1:])
    text = f"Command: `{command.strip()}`\n\n{text}"
    print(text)
    if args.write:
        write(args.write, text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
