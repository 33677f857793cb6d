from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from wegwijzer.knowledge import content


class Command(BaseCommand):
    help = (
        "Check the content files: sources named, internal links whole, every Dutch page with its"
        " English twin; with --seeds, also that no sentence was copied from the source pages."
    )

    def add_arguments(self, parser):
        parser.add_argument("--root", type=Path, help="Content folder (default: CONTENT_DIR).")
        parser.add_argument("--seeds", type=Path, help="Folder of source pages (*.txt) to compare.")

    def handle(self, *args, root=None, seeds=None, **options):
        root = root or settings.CONTENT_DIR
        try:
            pages = content.read_tree(root)
        except content.ContentError as error:
            raise CommandError(str(error)) from error
        problems = content.check_tree(pages)
        if seeds:
            texts = [path.read_text(encoding="utf-8") for path in sorted(Path(seeds).glob("*.txt"))]
            if not texts:
                raise CommandError(f"No source pages (*.txt) in {seeds}")
            problems += list(content.shared_phrases(pages, texts))
        if not pages:
            raise CommandError(f"No content pages under {root}")
        for problem in problems:
            self.stderr.write(str(problem))
        if problems:
            raise CommandError(f"{len(problems)} problem(s) in {len(pages)} pages.")
        self.stdout.write(self.style.SUCCESS(f"{len(pages)} pages checked: no problems."))
