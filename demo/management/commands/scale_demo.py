"""`manage.py scale_demo --organizations 5000 --listings 50000`: the demo world at a load-test size."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from demo.scale import DEFAULT_SCALE_SEED, scale
from demo.scale import remove as remove_scaled


class Command(BaseCommand):
    help = ("Top the demo world up to N organisations and M listings in all (generated names, people, "
            "listings and proposals; bulk inserts, deterministic seed). Run load_demo first. Re-running replaces "
            "the generated part.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--organizations", type=int, default=5000, help="Organisations in all (default: %(default)s).")
        parser.add_argument("--listings", type=int, default=50000, help="Listings in all (default: %(default)s).")
        parser.add_argument("--seed", type=int, default=DEFAULT_SCALE_SEED, help="Random seed (default: %(default)s).")
        parser.add_argument("--remove", action="store_true", help="Only delete what a previous run generated.")
        parser.add_argument("--force", action="store_true", help="Allow running under production settings.")

    def handle(self, *args, organizations: int, listings: int, seed: int, remove: bool, force: bool, **options) -> None:
        if str(getattr(settings, "SETTINGS_MODULE", "")).endswith(".prod") and not force:
            raise CommandError("Refusing to generate demo data under production settings; pass --force on a load-test server.")
        if organizations < 0 or listings < 0:
            raise CommandError("--organizations and --listings must be zero or more.")
        if remove:
            remove_scaled(stdout=self.stdout)
            return
        try:
            scale(organizations=organizations, listings=listings, seed=seed, stdout=self.stdout)
        except RuntimeError as exc:
            raise CommandError(str(exc)) from exc
