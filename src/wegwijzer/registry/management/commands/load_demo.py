from django.core.management.base import BaseCommand

from wegwijzer.linkage import services as linkage
from wegwijzer.registry import demo


class Command(BaseCommand):
    help = "Load the synthetic demo registrations (labelled as such); --remove takes them out."

    def add_arguments(self, parser):
        parser.add_argument("--remove", action="store_true")
        parser.add_argument("--seed", type=int, default=0)

    def handle(self, *args, remove, seed, **options):
        if remove:
            self.stdout.write(f"{demo.unload()} synthetic demo registrations removed.")
            return
        added = demo.load(seed=seed)
        if added:
            self.stdout.write(f"{added} synthetic demo registrations loaded.")
            persons = linkage.run().report["persons"]
            self.stdout.write(f"Linked into {persons} persons.")
        else:
            self.stdout.write("The synthetic demo registrations are already loaded.")
