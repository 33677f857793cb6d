"""Translation catalogues: compile .po to .mo without GNU gettext, and check extraction.

Compiling runs at every set-up (Python only, so a fresh machine needs no gettext).
`--check` re-extracts the messages (that needs xgettext) and fails when the
committed catalogue lacks a message the code uses, so CI catches stale catalogues.
"""

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import polib

PACKAGE = Path(__file__).resolve().parent.parent
CATALOGUE = PACKAGE / "locale" / "nl" / "LC_MESSAGES" / "django.po"


def compile_catalogues() -> None:
    for po_path in PACKAGE.glob("locale/*/LC_MESSAGES/*.po"):
        mo_path = po_path.with_suffix(".mo")
        if not mo_path.exists() or mo_path.stat().st_mtime < po_path.stat().st_mtime:
            polib.pofile(str(po_path)).save_as_mofile(str(mo_path))


def extract() -> None:
    """Run makemessages for Dutch, keeping the catalogue free of line numbers."""
    subprocess.run(
        [sys.executable, "-m", "wegwijzer.cli", "makemessages", "-l", "nl",
         "--no-location", "--no-obsolete", "--ignore", "tests/*", "-v", "0"],
        cwd=PACKAGE, check=True,
    )  # fmt: skip


def check() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        saved = Path(tmp) / "django.po"
        shutil.copy2(CATALOGUE, saved)
        try:
            extract()
            wanted = {entry.msgid for entry in polib.pofile(str(CATALOGUE))}
        finally:
            shutil.copy2(saved, CATALOGUE)
    committed = polib.pofile(str(CATALOGUE))
    have = {entry.msgid for entry in committed if entry.translated()}
    missing = sorted(wanted - have)
    for msgid in missing:
        print(f"untranslated or not extracted: {msgid!r}")
    if missing:
        print("The Dutch catalogue is stale: run bin/messages and translate.")
        return 1
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail when extraction is stale")
    parser.add_argument("--extract", action="store_true", help="update the catalogue")
    args = parser.parse_args()
    if args.extract:
        extract()
    if args.check:
        return check()
    compile_catalogues()
    return 0


if __name__ == "__main__":
    sys.exit(main())
