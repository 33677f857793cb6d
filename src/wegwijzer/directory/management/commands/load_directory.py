from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from wegwijzer.directory.services import load_organisations


class Command(BaseCommand):
    help = "Load or refresh the national help organisations from directory/data/organisations.yaml."

    def handle(self, *args, **options):
        try:
            count = load_organisations()
        except ValidationError as error:
            raise CommandError(f"Nothing loaded: {error}") from error
        self.stdout.write(self.style.SUCCESS(f"{count} organisations loaded or updated."))
