from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from wegwijzer.directory.services import load_organisations, seed_care_coordinators


class Command(BaseCommand):
    help = (
        "Load or refresh the help organisations (directory/data/organisations.yaml) and add the"
        " care-coordinator regions of directory/data/care_coordinators.yaml that are missing."
    )

    def handle(self, *args, **options):
        try:
            count = load_organisations()
        except ValidationError as error:
            raise CommandError(f"Nothing loaded: {error}") from error
        try:
            regions = seed_care_coordinators()
        except ValidationError as error:
            raise CommandError(f"Care-coordinator regions not loaded: {error}") from error
        self.stdout.write(
            self.style.SUCCESS(f"{count} organisations loaded or updated; {regions} regions added.")
        )
