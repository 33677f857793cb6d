from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from wegwijzer.knowledge.services import ContentInvalid, load_content


class Command(BaseCommand):
    help = "Load or refresh the knowledge pages from the content files (a no-op when unchanged)."

    def add_arguments(self, parser):
        parser.add_argument("--root", type=Path, help="Content folder (default: CONTENT_DIR).")
        parser.add_argument("--force", action="store_true", help="Reload even when unchanged.")

    def handle(self, *args, root=None, force=False, **options):
        try:
            result = load_content(root=root, force=force)
        except ContentInvalid as invalid:
            raise CommandError(
                "Content not loaded; the site keeps its previous content. Problems:\n"
                + "\n".join(f"  {problem}" for problem in invalid.problems)
            ) from invalid
        if result.changed:
            self.stdout.write(
                self.style.SUCCESS(f"Loaded {result.pages} pages ({result.digest[:12]}).")
            )
        else:
            self.stdout.write(f"Content unchanged ({result.digest[:12]}); nothing to do.")
