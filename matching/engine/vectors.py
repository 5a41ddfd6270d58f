"""Listing vectors: word TF-IDF over tokens (with bridge tokens), facet TF-IDF, USE embeddings."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer

from .bridge import bridged_english, english_words
from .cache import TextCache
from .embed import EMBED_DIM, embed_texts, embedder_version, embeddings_available
from .text import has_hangul
from .tokens import TOKENIZER_VERSION, tokenize
from .types import Listing


def _identity(tokens: list[str]) -> list[str]:
    return tokens


def facet_tokens(listing: Listing) -> list[str]:
    """Normalised facet tokens; Korean facet values are bridged to their English terms."""
    out = []
    for prefix, values in (("ta", listing.therapeutic_areas), ("tech", listing.technologies),
                           ("pt", listing.partnership_types)):
        for raw in values:
            val = raw.strip().lower()
            if has_hangul(val):
                glosses = bridged_english(val)
                val = glosses[0] if glosses else val
            out.append(f"{prefix}:{val}")
            if prefix == "ta":  # also word level: "Breast Neoplasms" meets "breast cancer"
                out.extend(f"taw:{w}" for w in english_words(val) if len(w) > 3)
    return out


@dataclass
class ListingVectors:
    tfidf: TfidfVectorizer
    X: sp.csr_matrix  # listings x vocab, rows L2-normalised
    facets: TfidfVectorizer
    Fx: sp.csr_matrix  # listings x facet vocab
    E: np.ndarray | None  # listings x 512 (or None when embeddings are off)
    tokens: list[list[str]]
    timings: dict[str, float] = field(default_factory=dict)

    def transform(self, listings: list[Listing], morphology: bool = True, use_embeddings: bool = True,
                  tokens: list[list[str]] | None = None) -> tuple[sp.csr_matrix, sp.csr_matrix, np.ndarray | None]:
        """Vectors for listings not in the fitted corpus (a re-rank of a changed listing)."""
        toks = tokens if tokens is not None else [tokenize(lst.text, morphology=morphology) for lst in listings]
        X = self.tfidf.transform(toks).tocsr()
        Fx = self.facets.transform([facet_tokens(lst) for lst in listings]).tocsr()
        E = embed_texts([lst.text for lst in listings]) if (use_embeddings and self.E is not None) else None
        return X, Fx, E


def build_vectors(listings: list[Listing], *, morphology: bool = True, use_embeddings: bool = True,
                  min_df: int = 2, max_df: float = 0.5, tokens: list[list[str]] | None = None,
                  embeddings: np.ndarray | None = None) -> ListingVectors:
    """tokens/embeddings: precomputed per listing (what a save-time cache holds), else computed."""
    if not listings:  # a file of organisations only: nothing to vectorise, nothing to fail on
        dummy = TfidfVectorizer(analyzer=_identity, dtype=np.float32).fit([["<empty>"]])
        empty = sp.csr_matrix((0, 1), dtype=np.float32)
        E0 = np.zeros((0, EMBED_DIM), dtype=np.float32) if use_embeddings else None
        return ListingVectors(tfidf=dummy, X=empty, facets=dummy, Fx=empty, E=E0, tokens=[])
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    if tokens is None:
        tok_cache = TextCache("tokens", f"{TOKENIZER_VERSION}-{'kiwi' if morphology else 'ws'}")
        tokens = tok_cache.get_many([lst.text for lst in listings],
                                    lambda texts: [tokenize(t, morphology=morphology) for t in texts])
    timings["tokenise_s"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    # min_df=2 drops one-off tokens (ids, typos); tiny corpora (tests) keep everything.
    n = len(listings)
    tfidf = TfidfVectorizer(analyzer=_identity, sublinear_tf=True, min_df=min_df if n > 50 else 1,
                            max_df=max_df if n > 50 else 1.0, dtype=np.float32)
    try:
        X = tfidf.fit_transform(tokens).tocsr()
    except ValueError:  # no token at all survives (no listings, or all descriptions empty)
        tfidf = TfidfVectorizer(analyzer=_identity, dtype=np.float32).fit([["<empty>"]])
        X = tfidf.transform(tokens).tocsr()
    facets = TfidfVectorizer(analyzer=_identity, sublinear_tf=True, dtype=np.float32)
    ftoks = [facet_tokens(lst) for lst in listings]
    try:
        Fx = facets.fit_transform(ftoks).tocsr()
    except ValueError:  # no listing has any facet
        facets = TfidfVectorizer(analyzer=_identity, dtype=np.float32).fit([["<none>"]])
        Fx = sp.csr_matrix((len(listings), 1), dtype=np.float32)
    timings["tfidf_s"] = time.perf_counter() - t0
    E = embeddings
    if E is None and use_embeddings and embeddings_available():
        t0 = time.perf_counter()
        cache = TextCache("embed", embedder_version())
        E = embed_texts([lst.text for lst in listings], cache=cache) if listings else np.zeros(
            (0, EMBED_DIM), dtype=np.float32)
        timings["embed_s"] = time.perf_counter() - t0
    return ListingVectors(tfidf=tfidf, X=X, facets=facets, Fx=Fx, E=E, tokens=tokens, timings=timings)
