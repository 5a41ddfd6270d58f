"""File caches for per-text work (tokens, embeddings), keyed by model version and text hash.

Lives under $CLUSTERLINK_CACHE_DIR (default ./.cache/clusterlink); never a database. A cache that
cannot be read or written is skipped with no error: it only saves time.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any


def cache_dir() -> Path | None:
    raw = os.environ.get("CLUSTERLINK_CACHE_DIR") or os.path.join(os.getcwd(), ".cache", "clusterlink")
    path = Path(raw)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return path


def text_hash(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()


class TextCache:
    """{text hash: value} for one kind and version, loaded once and saved when it grew."""

    def __init__(self, kind: str, version: str) -> None:
        base = cache_dir()
        self.path = base / f"{kind}-{version}.pkl" if base else None
        self.data: dict[str, Any] = {}
        self.hits = 0
        if self.path and self.path.exists():
            try:
                with self.path.open("rb") as fh:
                    self.data = pickle.load(fh)  # noqa: S301 - our own file under the cache dir
            except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
                self.data = {}

    def get_many(self, texts: Sequence[str], compute: Callable[[list[str]], list[Any]]) -> list[Any]:
        keys = [text_hash(t) for t in texts]
        missing: dict[str, str] = {}
        for key, text in zip(keys, texts, strict=True):
            if key not in self.data and key not in missing:
                missing[key] = text
        self.hits += len(texts) - len(missing)
        if missing:
            values = compute(list(missing.values()))
            self.data.update(zip(missing.keys(), values, strict=True))
            self.save()
        return [self.data[k] for k in keys]

    def save(self) -> None:
        if not self.path:
            return
        try:
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(self.data, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.path)  # atomic: a concurrent reader sees old or new, never half
        except OSError:
            pass
