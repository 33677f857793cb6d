import json
import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from wegwijzer.estimation import procedures, report
from wegwijzer.estimation.errors import EstimationError
from wegwijzer.estimation.table import parse_csv
from wegwijzer.tools.progress import ProgressBar

FILE_UNREADABLE = (
    "Het bestand ‘{path}’ kan niet worden gelezen.",
    "The file ‘{path}’ cannot be read.",
)


def read_text(path: str) -> str:
    """The table as text: UTF-8 (with or without BOM), else Windows-1252 as spreadsheets on
    Windows save it; '-' reads standard input."""
    raw = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


class Command(BaseCommand):
    help = (
        "Estimate the total number of people (seen and unseen) from a capture-history table: "
        "a CSV with one 0/1 column per list and a 'count' column."
    )

    def add_arguments(self, parser):
        parser.add_argument("table", help="CSV file ('-' for standard input)")
        parser.add_argument(
            "--method",
            choices=procedures.METHODS,
            default=procedures.DEFAULT_METHOD,
            help="model selection procedure (default %(default)s)",
        )
        parser.add_argument(
            "--max-order",
            type=int,
            default=procedures.DEFAULT_MAX_ORDER,
            help="highest interaction order for min-bic (default %(default)s)",
        )
        parser.add_argument(
            "--bootstrap",
            type=int,
            default=procedures.DEFAULT_BOOTSTRAP,
            help="bootstrap replicates for the interval; 0 for profile likelihood "
            "(default %(default)s; stepwise-aic always uses profile likelihood)",
        )
        parser.add_argument(
            "--seed", type=int, default=procedures.DEFAULT_SEED, help="seed (default %(default)s)"
        )
        parser.add_argument(
            "--max-models",
            type=int,
            default=procedures.DEFAULT_MAX_MODELS,
            help="most models min-bic may compare (default %(default)s)",
        )
        parser.add_argument("--json", action="store_true", help="print one JSON object")
        parser.add_argument(
            "--language",
            choices=("nl", "en"),
            default=None,
            help="language of the report (default: the site language)",
        )

    def handle(self, *args, **options):
        language = options["language"] or settings.LANGUAGE_CODE[:2]
        try:
            text = read_text(options["table"])
        except OSError:
            nl, en = FILE_UNREADABLE
            raise CommandError(f"{nl}\n{en}".format(path=options["table"])) from None
        progress = ProgressBar(sys.stderr, "bootstrap") if sys.stderr.isatty() else None
        try:
            table = parse_csv(text)
            answer = procedures.estimate(
                table,
                progress=progress,
                method=options["method"],
                max_order=options["max_order"],
                bootstrap=options["bootstrap"],
                seed=options["seed"],
                max_models=options["max_models"],
            )
        except EstimationError as error:
            if options["json"]:
                self.stdout.write(json.dumps({"error": error.as_dict()}, ensure_ascii=False))
            raise CommandError(f"{error.nl}\n{error.en}") from None
        if options["json"]:
            self.stdout.write(json.dumps(answer, ensure_ascii=False))
        else:
            self.stdout.write(report.render(answer, language), ending="")
