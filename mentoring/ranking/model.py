"""The mentor model: mentors' publications and stated expertise against a startup's needs.

Score parts of a (need, mentor) pair, all absolute (never scaled per need, so a mentor's scores
for different needs compare):
- semantic: cosine of the need to the mentor's profile centroid (the normalised mean of the
  publication embeddings; the stated expertise counts as half the profile when there is one).
  A pair involving Korean text averages the English-only MiniLM cosine with the multilingual USE
  cosine, so a Korean need still meets an English profile (USE is the only encoder when MiniLM is
  not installed).
- detail: sentence-level matching (late interaction, as ColBERT's MaxSim): each sentence of the
  need meets its closest sentence anywhere in the mentor's publications and expertise, and the
  cosines are averaged over the need's sentences. The centroid says "this is the mentor's field";
  detail says "every point of the need is something the mentor wrote about", and it sees a single
  paper (or a passage of one) that matches the need however different the mentor's other papers.
  Primary encoder only (one scale for every pair).
- lexical: best TF-IDF cosine (engine tokens, with the Korean-English bridge) of the need to one
  of the mentor's documents: a shared rare term (a method, a target) the embeddings blur.
- facets: therapeutic-area / technology overlap, sqrt-normalised (a soft signal).
- language: -1 when the mentor states languages and the need's is not among them, else 0.
The score is their weighted sum (WEIGHTS). semantic and detail share the text's weight equally;
the lexical weight was chosen on a fixed half of the expertise mentors (scripts/eval/mentor_split.json)
and checked on the other half; facets and language are hand-set soft signals.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

from matching.engine.text import has_hangul
from matching.engine.types import Listing
from matching.engine.vectors import ListingVectors, build_vectors

from .convert import facet_set, mentor_facets, mentor_listings, need_language, sentences
from .encoders import Encoder, choose_encoders
from .records import Mentor, MentorCorpus

MODEL_VERSION = "mentors-2"
WEIGHTS: dict[str, float] = {"semantic": 0.5, "detail": 0.5, "lexical": 0.1, "facets": 0.1, "language": 0.1}
PARTS = tuple(WEIGHTS)
EXPERTISE_SHARE = 0.5  # of the profile centroid, when a mentor states expertise and has publications
_CHUNK = 256  # needs (lexical) or need sentences (detail) per block of a product: bounded memory


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
    sent_emb: np.ndarray | None  # the mentors' sentence embeddings (primary encoder), grouped by mentor
    sent_starts: np.ndarray  # reduceat boundaries of the mentor runs in sentences
    sent_run_mentor: np.ndarray  # mentor index of each run
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
            out["detail"] = self._detail(texts)
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

    def _detail(self, texts: list[str]) -> np.ndarray:
        """Mean over each need's sentences of the best cosine to one of a mentor's sentences."""
        out = np.zeros((len(texts), len(self.mentors)))
        if self.primary is None or self.sent_emb is None or not len(self.sent_emb):
            return out
        flat: list[str] = []
        owner: list[int] = []
        for i, text in enumerate(texts):
            for sentence in sentences(text):
                flat.append(sentence)
                owner.append(i)
        if not flat:
            return out
        queries = self.primary.embed(flat)
        best = np.zeros((len(flat), len(self.mentors)), dtype=np.float32)
        for start in range(0, len(flat), _CHUNK):
            block = queries[start:start + _CHUNK] @ self.sent_emb.T
            best[start:start + _CHUNK][:, self.sent_run_mentor] = np.maximum.reduceat(
                block, self.sent_starts, axis=1)
        rows = np.asarray(owner, dtype=np.int64)
        starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
        counts = np.diff(np.r_[starts, len(rows)])
        out[rows[starts]] = np.add.reduceat(best, starts, axis=0) / counts[:, None]
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


def _sentence_index(encoder: Encoder, mentors: list[Mentor]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sentence embeddings of every mentor's publications and expertise, with the reduceat
    boundaries of each mentor's run and the mentor of each run (mentors without text have none)."""
    flat: list[str] = []
    owner: list[int] = []
    for j, mentor in enumerate(mentors):
        for text in [p.text for p in mentor.publications] + [mentor.expertise]:
            for sentence in sentences(text):
                flat.append(sentence)
                owner.append(j)
    if not flat:
        return np.zeros((0, 1), np.float32), np.zeros(0, np.int64), np.zeros(0, np.int64)
    rows = np.asarray(owner, dtype=np.int64)
    starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
    return encoder.embed(flat).astype(np.float32), starts, rows[starts]


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
    sents, sent_starts, sent_run = (_sentence_index(primary, mentors) if primary is not None
                                    else (None, np.zeros(0, np.int64), np.zeros(0, np.int64)))
    ml_centroids = None
    if multi is not None and mentors and (korean.any() or any(has_hangul(n.text) for n in corpus.needs)):
        ml_centroids = _centroids(multi, mentors)
    model = MentorModel(
        mentors=mentors, index=index, vectors=vectors, doc_rows=doc_rows, doc_starts=starts,
        doc_run_mentor=owner[starts] if len(owner) else owner,
        primary=primary, multilingual=multi, centroids=centroids, sent_emb=sents, sent_starts=sent_starts,
        sent_run_mentor=sent_run, ml_centroids=ml_centroids,
        korean=korean, facets=[mentor_facets(m) for m in mentors], weights=dict(weights or WEIGHTS))
    model.timings = {"tfidf_s": round(t1 - t0, 3), "embed_s": round(time.perf_counter() - t1, 3)}
    return model

