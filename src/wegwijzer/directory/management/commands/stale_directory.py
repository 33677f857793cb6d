from django.core.management.base import BaseCommand

from wegwijzer.directory.services import stale


class Command(BaseCommand):
    help = "List organisations and care-coordinator regions not verified in the last 12 months."

    def handle(self, *args, **options):
        entries = stale()
        for entry in entries:
            self.stdout.write(f"{entry.verified:%Y-%m-%d}  {entry._meta.verbose_name}: {entry}")
        self.stdout.write(f"{len(entries)} to verify.")
