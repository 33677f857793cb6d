from django.core.management.base import BaseCommand, CommandError

from wegwijzer.audit.services import verify


class Command(BaseCommand):
    help = "Verify the audit trail's hash chain; fails at the first entry that was tampered with."

    def handle(self, *args, **options):
        verdict = verify()
        if not verdict.ok:
            raise CommandError(
                f"Audit chain broken at entry {verdict.broken_at}: {verdict.reason} "
                f"({verdict.checked} entries before it are sound)."
            )
        self.stdout.write(self.style.SUCCESS(f"Audit chain sound: {verdict.checked} entries."))
