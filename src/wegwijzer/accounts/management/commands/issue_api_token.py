from django.core.management.base import BaseCommand, CommandError

from wegwijzer.accounts.constants import Role
from wegwijzer.accounts.models import ApiToken, User


class Command(BaseCommand):
    help = "Issue an intake API token for a signaller's system; the key is printed once."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user {username!r}.")
        if user.role != Role.SIGNALLER:
            raise CommandError(
                "Intake tokens are for signallers (they register for their own organisation)."
            )
        _token, key = ApiToken.issue(user)
        self.stdout.write(key)
