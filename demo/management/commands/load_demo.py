"""`manage.py load_demo [--reset]`: the demo cluster world (see demo/__init__.py)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.load import load
from demo.world import DEFAULT_SEED


class Command(BaseCommand):
    help = "Load (or bring up to date) the demo Korean cluster world and print one login per role. Idempotent."

    def add_arguments(self, parser):
        parser.add_argument("--reset", action="store_true", help="Delete everything the demo created first.")
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="Random seed (default: %(default)s).")
        parser.add_argument(
            "--force", action="store_true",
            help="Allow running under production settings (creates a superuser with a published password).",
        )

    def handle(self, *args, reset: bool, seed: int, force: bool, **options) -> None:
        # The demo superuser's password is printed and public: never create it on a real site by accident.
        if str(getattr(settings, "SETTINGS_MODULE", "")).endswith(".prod") and not force:
            raise CommandError("Refusing to load demo data under production settings; pass --force on a demo server.")
        load(seed=seed, reset=reset, stdout=self.stdout)
