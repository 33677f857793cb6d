import os
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Serve the app: Django's development server in development, granian (2 workers by"
        " default, no access log) in production, behind nginx as docs/deployment.md describes."
    )

    def add_arguments(self, parser):
        parser.add_argument("--bind", default="127.0.0.1:8000", help="host:port to listen on.")
        parser.add_argument("--workers", type=int, default=2, help="granian workers (production).")

    def handle(self, *args, bind, workers, **options):
        if settings.DEBUG or os.environ.get("DJANGO_ENV", "dev") == "dev":
            # Static files come from the apps directly (nginx serves them in production).
            call_command("runserver", bind, use_reloader=False, insecure_serving=True)
            return
        host, _, port = bind.rpartition(":")
        # No access log: it would hold visitors' search words (docs/decisions/0003).
        argv = [
            "granian", "--interface", "wsgi", "--host", host, "--port", port,
            "--workers", str(workers), "--blocking-threads", "1", "--no-ws",
            "wegwijzer.wsgi:application",
        ]  # fmt: skip
        os.execv(sys.executable, [sys.executable, "-m", *argv])  # noqa: S606 (fixed argv)
