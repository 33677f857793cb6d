import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from wegwijzer.accounts.models import Organisation, User
from wegwijzer.registry import imports
from wegwijzer.registry.models import ImportBatch


class Command(BaseCommand):
    help = "Import registrations from a CSV or XLSX file for one signalling organisation."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--organisation", required=True, help="organisation code")
        parser.add_argument("--user", required=True, help="who imports (for the audit trail)")
        parser.add_argument(
            "--mode", choices=ImportBatch.Mode.values, default=ImportBatch.Mode.VALID_ROWS
        )
        parser.add_argument("--language", choices=["nl", "en"], default="nl")

    def handle(self, *args, file, organisation, user, mode, language, **options):
        found = Organisation.objects.filter(code=organisation).first()
        actor = User.objects.filter(username=user).first()
        if found is None or actor is None:
            raise CommandError("Unknown organisation or user.")
        if not file.is_file():
            raise CommandError(f"No such file: {file.name}")
        with translation.override(language):
            batch = imports.run(
                file.read_bytes(),
                file.name,
                organisation=found,
                actor=actor,
                mode=mode,
                progress=self._progress,
            )
            self._report(batch)
        if batch.status == ImportBatch.Status.REJECTED:
            raise CommandError("Nothing was imported.")

    def _progress(self, done, total):
        sys.stderr.write(f"\r{done:>7}/{total} ({100 * done // max(total, 1)}%)")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    def _report(self, batch):
        out = self.stdout.write
        out(
            _(
                "Rows: %(total)s; registered: %(new)s; already present: %(present)s; "
                "rejected: %(rejected)s"
            )
            % {
                "total": batch.rows_total,
                "new": batch.rows_registered,
                "present": batch.rows_already_present,
                "rejected": batch.rows_rejected,
            }
        )
        for problem in batch.problems:
            where = _("row %(row)s") % problem if problem["row"] else _("file")
            out(f"{where}\t{problem['field']}\t{problem['message']}")
