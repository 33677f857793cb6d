"""Benchmark: import a synthetic file of registrations, then import it again.

    .venv/bin/python bench/registry_import.py [--rows 100000] [--database-url URL]

Without --database-url a fresh SQLite file in a temporary directory is used; with
postgres://... the named database is dropped and recreated by Django's test machinery.
Prints rows, wall time, rows per second and the peak memory of the process; the second
import must register nothing.
"""

import argparse
import os
import random
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

NATIONALITIES = ["NL"] * 50 + ["RO", "PL", "BG", "HU", "NG", "UA", "MA", "CN", "SY"] * 5
FORMS = ["sexual"] * 50 + ["labour"] * 30 + ["criminal"] * 15 + ["other"] * 5
GIVEN = ["Anna", "Maria", "Jan", "Piotr", "Ioana", "Chioma", "Olena", "Fatima", "Lucas", "Eva"]
FAMILY = ["de Vries", "Jansen", "Kowalski", "Popescu", "Okafor", "Shevchenko", "El Amrani"]
HEADER = (
    "registration_date;gender;age_at_registration;nationality;forms;sector;police_report;"
    "given_names;family_names;date_of_birth;consent_given_by;consent_given_on"
)


def synthetic_csv(rows: int, seed: int = 7) -> bytes:
    rng = random.Random(seed)
    lines = [HEADER]
    start = date(2016, 1, 1)
    for _ in range(rows):
        day = start + timedelta(days=rng.randrange(3500))
        age = rng.randint(12, 60)
        form = rng.choice(FORMS)
        sector = (
            rng.choice(["construction", "agriculture_fishing", "hospitality"])
            if form == "labour"
            else ""
        )
        identity = ";;;;"
        if rng.random() < 0.4 and age >= 16:
            born = date(day.year - age, rng.randint(1, 12), rng.randint(1, 28))
            identity = f"{rng.choice(GIVEN)};{rng.choice(FAMILY)};{born};person;{day}"
        lines.append(
            f"{day};{rng.choice(['female', 'male'])};{age};{rng.choice(NATIONALITIES)};"
            f"{form};{sector};{rng.choice(['ja', 'nee', ''])};{identity}"
        )
    return ("\n".join(lines) + "\n").encode()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    workdir = tempfile.mkdtemp(prefix="wegwijzer-bench-")
    os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{Path(workdir) / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wegwijzer.conf.ci")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from wegwijzer.accounts.models import Organisation, User
    from wegwijzer.audit import services as audit
    from wegwijzer.registry import imports

    call_command("flush", interactive=False, verbosity=0) if args.database_url else None
    call_command("migrate", verbosity=0)
    organisation, _ = Organisation.objects.get_or_create(
        code="bench", defaults={"name": "Bench", "kind": "police"}
    )
    user = User.objects.create_user(
        f"bench-{time.time_ns()}", role="signaller", organisation=organisation
    )
    content = synthetic_csv(args.rows)

    def progress(done, total):
        sys.stderr.write(f"\r  {done}/{total}")
        sys.stderr.flush()

    print(f"database: {connection.vendor}; rows: {args.rows}; file: {len(content) / 1e6:.1f} MB")
    for label in ("first import", "same file again"):
        started = time.perf_counter()
        batch = imports.run(
            content,
            "bench.csv",
            organisation=organisation,
            actor=user,
            mode="valid_rows",
            progress=progress,
        )
        seconds = time.perf_counter() - started
        sys.stderr.write("\n")
        print(
            f"{label}: {seconds:.1f} s, {args.rows / seconds:,.0f} rows/s; registered "
            f"{batch.rows_registered}, already present {batch.rows_already_present}, "
            f"rejected {batch.rows_rejected}"
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:.0f} MB; audit chain intact: {audit.verify().ok}")
    print(f"reproduce: .venv/bin/python bench/registry_import.py --rows {args.rows}")


if __name__ == "__main__":
    main()
