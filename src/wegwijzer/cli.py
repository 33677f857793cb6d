"""The `wegwijzer` console command: Django's manage.py with the right settings chosen.

DJANGO_ENV selects the settings module (dev by default, `production` or `ci`).
Operator commands: `wegwijzer serve`, `wegwijzer load_content`, `wegwijzer check_content`.
"""

import os
import sys

ENVIRONMENTS = {"dev", "ci", "production"}


def configure() -> None:
    environment = os.environ.get("DJANGO_ENV", "dev")
    if environment not in ENVIRONMENTS:
        sys.exit(f"DJANGO_ENV must be one of {sorted(ENVIRONMENTS)}, not {environment!r}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", f"wegwijzer.conf.{environment}")


def main(argv: list[str] | None = None) -> None:
    configure()
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv if argv is not None else sys.argv)


if __name__ == "__main__":
    main()
