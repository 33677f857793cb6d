from django.core.management.base import BaseCommand

from wegwijzer.registry import privacy


class Command(BaseCommand):
    help = "Remove identifiers, then day-level detail, whose retention period has ended."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="only count")

    def handle(self, *args, dry_run, **options):
        counts = privacy.apply_retention(dry_run=dry_run)
        verb = "would be" if dry_run else "were"
        self.stdout.write(
            f"{counts['identifiers_removed']} identifier sets {verb} removed; "
            f"{counts['records_anonymised']} registrations {verb} anonymised."
        )
