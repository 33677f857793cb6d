import os
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Serve the app: Django's development server in development, gunicorn (2 workers by"
        " default) in production, behind the reverse proxy described in docs/deployment.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("--bind", default="127.0.0.1:8000", help="host:port to listen on.")
        parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (production).")

    def handle(self, *args, bind, workers, **options):
        if settings.DEBUG or os.environ.get("DJANGO_ENV", "dev") == "dev":
            # Static files come from the apps directly (nginx serves them in production).
            call_command("runserver", bind, use_reloader=False, insecure_serving=True)
            return
        argv = [
            "gunicorn", "wegwijzer.wsgi:application", "--bind", bind, "--workers", str(workers),
            "--access-logfile", "-",
        ]  # fmt: skip
        os.execv(sys.executable, [sys.executable, "-m", *argv])  # noqa: S606 (fixed argv)
