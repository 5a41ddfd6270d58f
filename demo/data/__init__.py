"""The demo's fixed data: word lists, named institutions and text templates, one JSON file each.

Pairs are ``[Korean, English]``. Every organisation and person is invented (only the clusters'
places are real); emails and websites all live under ``demo.clusterlink.kr`` so demo mail can never
reach a real inbox.
"""

import json
from functools import cache
from pathlib import Path
from typing import Any

_DIR = Path(__file__).resolve().parent


@cache
def read(name: str) -> Any:
    """The parsed contents of ``data/<name>.json`` (read once; callers must not mutate it)."""
    return json.loads((_DIR / f"{name}.json").read_text(encoding="utf-8"))
