"""Local development: DEBUG on, SQLite by default, emails to the console."""

import sys

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)


def _runserver_url(argv: list[str]) -> str:
    """The address `manage.py runserver [addr:]port` serves, so email links point at it."""
    args = argv[argv.index("runserver") + 1:] if "runserver" in argv else []
    addr = next((a for a in args if not a.startswith("-")), "127.0.0.1:8000")
    if addr.isdigit():
        addr = f"127.0.0.1:{addr}"
    return f"http://{addr}"


SITE_URL = env("SITE_URL", default=_runserver_url(sys.argv))
