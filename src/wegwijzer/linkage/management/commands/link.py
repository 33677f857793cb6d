import json
import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from wegwijzer.accounts.models import User
from wegwijzer.linkage import services
from wegwijzer.tools.progress import ProgressBar

STAGES = {"load": "laden", "link": "koppelen", "save": "opslaan"}


class Command(BaseCommand):
    help = (
        "Link registrations into persons on their keyed encodings. Incremental: new "
        "registrations are linked against the persons that exist; --full links everything "
        "afresh and estimates the model again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--full", action="store_true", help="relink all, refit the model")
        parser.add_argument("--user", help="who runs it (for the audit trail)")
        parser.add_argument("--json", action="store_true", help="print the report as JSON")
        parser.add_argument("--language", choices=["nl", "en"], default="nl")

    def handle(self, *args, full, user, json: bool, language, **options):
        actor = None
        if user:
            actor = User.objects.filter(username=user).first()
            if actor is None:
                raise CommandError(f"Unknown user: {user}")
        bar = ProgressBar(sys.stderr) if sys.stderr.isatty() and not json else None
        progress = (lambda stage, done, total: bar(STAGES[stage], done, total)) if bar else None
        with translation.override(language):
            try:
                link_run = services.run(actor=actor, full=full, progress=progress)
            except services.LinkageError as error:
                raise CommandError(str(error)) from None
            report = link_run.report
            if json:
                self.stdout.write(_dumps(link_run))
            else:
                self._print(link_run)
            if report["refused"]:
                raise CommandError(
                    _("%(n)s registrations were refused and not linked (see above).")
                    % {"n": len(report["refused"])}
                )

    def _print(self, link_run):
        report, out = link_run.report, self.stdout.write
        kind = link_run.get_kind_display()
        out(_("Linkage run %(id)s (%(kind)s)") % {"id": link_run.pk, "kind": kind})
        lines = [
            (_("registrations linked"), report["records"]),
            (_("of which new in this run"), report["added"]),
            (_("pairs compared"), report["compared"]),
            (_("persons"), report["persons"]),
            (_("new persons"), report["new_persons"]),
            (_("persons with new registrations"), report["grown"]),
            (_("persons merged"), len(report["merged"])),
            (_("persons split"), len(report["split"])),
            (_("pairs waiting for review"), report["review"]),
        ]
        width = max(len(label) for label, _value in lines)
        for label, value in lines:
            out(f"  {label:<{width}}  {value}")
        for merged in report["merged"]:
            out(
                _("  merged into person %(person)s: persons %(from)s")
                % {"person": merged["person"], "from": ", ".join(map(str, merged["from"]))}
            )
        for split in report["split"]:
            out(
                _("  person %(person)s split into %(into)s")
                % {"person": split["person"], "into": ", ".join(map(str, split["into"]))}
            )
        for refused in report["refused"]:
            self.stderr.write(_("  refused: registration %(registration)s: %(reason)s") % refused)
        if report.get("refit_advised"):
            out(
                _(
                    "The registry has grown well beyond the records the model was estimated on "
                    "(%(n)s); consider a run with --full."
                )
                % {"n": report["fitted_on"]}
            )


def _dumps(link_run) -> str:
    return json.dumps({"run": link_run.pk, "kind": link_run.kind, **link_run.report})
