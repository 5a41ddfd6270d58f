"""The mentor model: mentors' publications and stated expertise against a startup's needs.

Score parts of a (need, mentor) pair, all absolute (never scaled per need, so a mentor's scores
for different needs compare):
- semantic: cosine of the need to the mentor's profile centroid (the normalised mean of the
  publication embeddings; the stated expertise counts as half the profile when there is one).
  A pair involving Korean text averages the English-only MiniLM cosine with the multilingual USE
  cosine, so a Korean need still meets an English profile (USE is the only encoder when MiniLM is
  not installed).
- lexical: best TF-IDF cosine (engine tokens, with the Korean-English bridge) of the need to one
  of the mentor's documents: a shared rare term (a method, a target) the centroid blurs.
- facets: therapeutic-area / technology overlap, sqrt-normalised (a soft signal).
- language: -1 when the mentor states languages and the need's is not among them, else 0.
The score is their weighted sum (WEIGHTS). Weights were chosen on a fixed half of the expertise
mentors and checked on the other half; facets and language are hand-set soft signals.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

from matching.engine.text import has_hangul
from matching.engine.types import Listing
from matching.engine.vectors import ListingVectors, build_vectors

from .convert import facet_set, mentor_facets, mentor_listings, need_language
from .encoders import Encoder, choose_encoders
from .records import Mentor, MentorCorpus

MODEL_VERSION = "mentors-1"
WEIGHTS: dict[str, float] = {"semantic": 1.0, "lexical": 0.3, "facets": 0.1, "language": 0.1}
PARTS = tuple(WEIGHTS)
EXPERTISE_SHARE = 0.5  # of the profile centroid, when a mentor states expertise and has publications
_CHUNK = 256  # needs per block of the lexical product (bounded memory on big corpora)


def _normalise(mat: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(mat, axis=1, keepdims=True)
    return mat / np.where(norms == 0, 1.0, norms)


@dataclass
class MentorModel:
    mentors: list[Mentor]
    index: dict[str, int]
    vectors: ListingVectors  # engine TF-IDF over the mentor documents only
    doc_rows: np.ndarray  # rows of vectors.X holding mentor documents, grouped by mentor
    doc_starts: np.ndarray  # reduceat boundaries of the mentor runs in doc_rows
    doc_run_mentor: np.ndarray  # mentor index of each run
    primary: Encoder | None
    multilingual: Encoder | None
    centroids: np.ndarray | None  # mentors x dim (primary encoder)
    ml_centroids: np.ndarray | None  # mentors x dim (multilingual encoder), Korean pairs only
    korean: np.ndarray  # mentors whose profile has Korean text
    facets: list[frozenset[str]]
    weights: dict[str, float] = field(default_factory=lambda: dict(WEIGHTS))
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def version(self) -> str:
        return f"{MODEL_VERSION}-{self.primary.name if self.primary else 'lexical'}"

    # ---- scoring ---------------------------------------------------------------------------
    def parts(self, needs: list[Listing]) -> dict[str, np.ndarray]:
        """Score parts, each (len(needs), n_mentors). A need's scores depend on that need and the
        mentors alone (the vocabulary is the mentors'), never on the other needs ranked with it."""
        n, m = len(needs), len(self.mentors)
        out = {k: np.zeros((n, m)) for k in PARTS}
        if not n or not m:
            return out
        out["lexical"] = self._lexical(self.vectors.transform(needs, use_embeddings=False)[0])
        texts = [lst.text for lst in needs]
        sem = out["semantic"]
        if self.primary is not None and self.centroids is not None:
            sem[:] = self.primary.embed(texts) @ self.centroids.T
        if self.multilingual is not None and self.ml_centroids is not None:
            need_ko = np.array([has_hangul(t) for t in texts], dtype=bool)
            mixed = need_ko[:, None] | self.korean[None, :]
            rows = np.flatnonzero(mixed.any(axis=1))
            if len(rows):
                ml = self.multilingual.embed([texts[i] for i in rows]) @ self.ml_centroids.T
                sub = sem[rows]
                mix = 0.5 * (sub + ml) if self.primary is not None else ml
                sem[rows] = np.where(mixed[rows], mix, sub)
        for i, lst in enumerate(needs):
            fs = facet_set(lst)
            if fs:
                for j, mf in enumerate(self.facets):
                    if mf:
                        out["facets"][i, j] = len(fs & mf) / np.sqrt(len(fs) * len(mf))
            lang = need_language(lst)
            for j, mentor in enumerate(self.mentors):
                if mentor.languages and lang not in mentor.languages:
                    out["language"][i, j] = -1.0
        return out

    def combine(self, parts: dict[str, np.ndarray]) -> np.ndarray:
        total = np.zeros_like(parts["semantic"])
        for k, v in parts.items():
            total += self.weights.get(k, 0.0) * v
        return total

    def scores(self, needs: list[Listing]) -> np.ndarray:
        return self.combine(self.parts(needs))

    def rank(self, needs: list[Listing], top: int = 10) -> list[list[tuple[str, float]]]:
        """Per need, (mentor id, score) best first; top=0 lists every mentor. Ties: file order."""
        total = self.scores(needs)
        out = []
        for row in total:
            order = np.argsort(-row, kind="stable")
            if top > 0:
                order = order[:top]
            out.append([(self.mentors[j].id, round(float(row[j]), 6)) for j in order])
        return out

    def _lexical(self, X: sp.csr_matrix) -> np.ndarray:
        out = np.zeros((X.shape[0], len(self.mentors)))
        if not len(self.doc_rows):
            return out
        docsT = self.vectors.X[self.doc_rows].T.tocsr()
        for start in range(0, X.shape[0], _CHUNK):
            block = (X[start:start + _CHUNK] @ docsT).toarray()
            out[start:start + _CHUNK][:, self.doc_run_mentor] = np.maximum.reduceat(block, self.doc_starts, axis=1)
        return out


# ---- fitting ---------------------------------------------------------------------------------
def _centroids(encoder: Encoder, mentors: list[Mentor]) -> np.ndarray:
    texts: list[str] = []
    spans = []
    for mentor in mentors:
        start = len(texts)
        texts.extend(p.text for p in mentor.publications)
        spans.append((start, len(texts)))
        texts.append(mentor.expertise)
    emb = encoder.embed(texts) if texts else np.zeros((0, 1), np.float32)
    cents = np.zeros((len(mentors), emb.shape[1]), dtype=np.float32)
    for j, (start, end) in enumerate(spans):
        pubs = _normalise(emb[start:end].mean(axis=0, keepdims=True))[0] if end > start else None
        expertise = emb[end] if mentors[j].expertise.strip() else None
        if pubs is not None and expertise is not None:
            cents[j] = (1 - EXPERTISE_SHARE) * pubs + EXPERTISE_SHARE * expertise
        elif pubs is not None or expertise is not None:
            cents[j] = pubs if pubs is not None else expertise
    return _normalise(cents)


def fit(corpus: MentorCorpus, *, use_embeddings: bool = True,
        weights: dict[str, float] | None = None) -> MentorModel:
    """Index the corpus's mentors with the engine (the needs are scored, not fitted on)."""
    t0 = time.perf_counter()
    mentors = list(corpus.mentors)
    docs = [lst for mentor in mentors for lst in mentor_listings(mentor)]
    # min_df=1: a term in a single publication is exactly the rare shared term this part is for
    vectors = build_vectors(docs, use_embeddings=False, min_df=1)
    index = {m.id: j for j, m in enumerate(mentors)}
    owner = np.array([index[d.org] for d in docs], dtype=np.int64)
    doc_rows = np.arange(len(docs), dtype=np.int64)
    starts = (np.flatnonzero(np.r_[True, owner[1:] != owner[:-1]]) if len(owner)
              else np.zeros(0, dtype=np.int64))
    t1 = time.perf_counter()
    primary, multi = choose_encoders(use_embeddings)
    korean = np.array([has_hangul(m.expertise) or any(has_hangul(p.text) for p in m.publications)
                       for m in mentors], dtype=bool)
    centroids = _centroids(primary, mentors) if primary is not None and mentors else None
    ml_centroids = None
    if multi is not None and mentors and (korean.any() or any(has_hangul(n.text) for n in corpus.needs)):
        ml_centroids = _centroids(multi, mentors)
    model = MentorModel(
        mentors=mentors, index=index, vectors=vectors, doc_rows=doc_rows, doc_starts=starts,
        doc_run_mentor=owner[starts] if len(owner) else owner,
        primary=primary, multilingual=multi, centroids=centroids, ml_centroids=ml_centroids,
        korean=korean, facets=[mentor_facets(m) for m in mentors], weights=dict(weights or WEIGHTS))
    model.timings = {"tfidf_s": round(t1 - t0, 3), "embed_s": round(time.perf_counter() - t1, 3)}
    return model

