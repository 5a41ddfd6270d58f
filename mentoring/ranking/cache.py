"""Fitted models cached per process, one slot per corpus.

The partner model and the mentor model are fitted on different corpora and requested from the
same processes (a worker re-ranking a need for partners, then for mentors): with one slot per
corpus name neither evicts the other; a corpus whose key (data fingerprint + model version)
changed is refitted on its next request, the other corpora are untouched.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any


class ModelCache:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._slots: dict[str, tuple[str, Any]] = {}
        self.fits = 0  # how many times build() ran (what tests and benchmarks check)

    def get(self, corpus: str, key: str, build: Callable[[], Any], *, fresh: bool = True) -> Any:
        """The model of `corpus` fitted for `key`, built at most once per (corpus, key).

        fresh=False accepts the corpus's current model even if its key is older (a warm model
        scores a single changed need without a refit).
        """
        with self._lock:
            slot = self._slots.get(corpus)
            if slot is not None and (slot[0] == key or not fresh):
                return slot[1]
            model = build()
            self.fits += 1
            self._slots[corpus] = (key, model)
            return model

    def key_of(self, corpus: str) -> str | None:
        slot = self._slots.get(corpus)
        return slot[0] if slot else None

    def clear(self, corpus: str | None = None) -> None:
        with self._lock:
            if corpus is None:
                self._slots.clear()
            else:
                self._slots.pop(corpus, None)


MODELS = ModelCache()  # the process-wide cache; the Django layer names its corpora ("partners", "mentors")
