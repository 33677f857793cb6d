"""Answer a person's request: `access` exports all we hold, `erase` removes it."""

import json
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from wegwijzer.accounts.models import User
from wegwijzer.linkage.encoding import Identity
from wegwijzer.registry import privacy


class Command(BaseCommand):
    help = "Access export (art. 15 AVG) or erasure (art. 17 AVG) for one person."

    def add_arguments(self, parser):
        parser.add_argument("request", choices=["access", "erase"])
        parser.add_argument("--given-names", required=True)
        parser.add_argument("--family-names", required=True)
        parser.add_argument("--date-of-birth", help="YYYY-MM-DD")
        parser.add_argument("--document-number")
        parser.add_argument("--user", required=True, help="registrar handling the request")

    def handle(self, *args, **options):
        actor = User.objects.filter(username=options["user"], role="registrar").first()
        if actor is None:
            raise CommandError("Requests are handled by a registrar; no such registrar.")
        try:
            born = (
                date.fromisoformat(options["date_of_birth"]) if options["date_of_birth"] else None
            )
        except ValueError:
            raise CommandError("Give the date of birth as YYYY-MM-DD.") from None
        identity = Identity(
            given_names=options["given_names"],
            family_names=options["family_names"],
            date_of_birth=born,
            document_number=options["document_number"],
        )
        if options["request"] == "access":
            document = privacy.access_export(identity, actor=actor)
            self.stdout.write(json.dumps(document, indent=2, ensure_ascii=False, default=str))
        else:
            self.stdout.write(
                f"{privacy.erase_person(identity, actor=actor)} registrations erased."
            )
