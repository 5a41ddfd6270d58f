"""The fitted corpus (Scorer.build) and the score parts of one query against every organisation.

Score parts for one query organisation (a firm, with its need listings) against every candidate
organisation, each in [0, 1] (capacity in [-1, 1]):
- text:      per need, organisation-level BM25 over the candidate's capability texts, scaled by the
             need's best candidate; the mean over needs (lexical.py)
- text_max:  mean over needs of the best matching capability (TF-IDF cosine), scaled by the best
- embed:     mean over needs of the best capability by multilingual USE cosine (cross-lingual),
             scaled from the candidates' median (0) to their best (1)
- facets:    overlap of therapeutic areas / technologies / partnership types
- activity:  how many capability listings the candidate has (log, saturating at ACTIVITY_CAP): a
             prior that needs no history
- peers:     "organisations like yours partnered with X": need similarity of the query to every
             other organisation (TF-IDF and USE), to the 4th power, times their known partners,
             over max(best candidate, PEER_FLOOR): a weak peer signal is never scaled up to 1, so
             history fades smoothly where no peer is really similar
- copartner: shared capability listings (e.g. the same trial) with the query's known partners
- popularity: log of the candidate's known partnerships over log(1 + max(corpus max, POPULARITY_REF))
- capacity:  trial phases / ethics turnaround / volume against the need's stated requirements,
             times the candidate's topical fit: facts refine the order among organisations of the
             need's field and cannot lift an off-topic one
- region:    share of the query's known partners in the candidate's country and city

Topical fit (`topic`) is the weighted mean of text, text_max, embed and facets under the model's
weights, in [0, 1]; it decides the field.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Self

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

from .capacity import Requirements, capacity_fit, parse_requirements
from .language import CROSS_SHIFT, cross_share, ko_share, listing_lang, part_weight
from .lexical import OrgBM25, build_bm25
from .types import Dataset, Listing, Organization
from .vectors import ListingVectors, _identity, build_vectors

MODEL_VERSION = "partners-1"
# Topical block text 1 : embed 1 : text_max 0.5 : facets 0.3 (activity 0.1 of it), scaled to 0.3
# against the history parts. Lexical-heavier ratios did better on the English dev set with no
# history but lost the cross-language set (tests/data/bilingual); this is the best ratio for both.
DEFAULT_WEIGHTS: dict[str, float] = {
    "text": 0.107, "text_max": 0.054, "embed": 0.107, "facets": 0.032, "peers": 1.0, "copartner": 0.0,
    "popularity": 0.5, "capacity": 0.1, "region": 0.1, "activity": 0.03,
}
TOPICAL = ("text", "text_max", "embed", "facets")
PARTS = tuple(DEFAULT_WEIGHTS)
PEER_EMBED_MIX = 0.5  # share of the embedding cosine in peer similarity
PEER_POWER = 4  # sharpen: a few close peers say more than many loose ones
PEER_FLOOR = 0.15  # peer mass of one peer at cosine 0.62: weaker peer evidence is not scaled up
POPULARITY_REF = 30  # a corpus whose best-linked organisation has fewer links scores all lower
ACTIVITY_CAP = 30  # capability listings beyond this add nothing (sites list their recent work)


def _l2_rows(m: sp.csr_matrix) -> sp.csr_matrix:
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.diags(1.0 / norms) @ m


def _scale(v: np.ndarray, mask: np.ndarray) -> np.ndarray:
    top = v[mask].max() if mask.any() else 0.0
    return v / top if top > 0 else np.zeros_like(v)


def _scale_above_median(v: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """0 at the candidates' median, 1 at their best: cosines of dense embeddings are never near 0,
    so plain max-scaling would leave every candidate between 0.6 and 1."""
    if not mask.any():
        return np.zeros_like(v)
    vals = v[mask]
    mid, top = float(np.median(vals)), float(vals.max())
    if top <= mid:
        return np.zeros_like(v)
    return np.clip((v - mid) / (top - mid), 0.0, 1.0)


def _groups(data_listings: list[Listing], cap_rows: np.ndarray, cap_org: np.ndarray,
            n_orgs: int) -> tuple[sp.csr_matrix, dict[str, int]]:
    """orgs x groups of identical capability texts (one shared trial, one shared programme...)."""
    gid: dict[str, int] = {}
    cols = [gid.setdefault(" ".join(data_listings[r].text.lower().split()), len(gid)) for r in cap_rows]
    m = sp.csr_matrix((np.ones(len(cols)), (cap_org, cols)), shape=(n_orgs, max(len(gid), 1)))
    m.data[:] = 1.0
    size = np.asarray(m.sum(axis=0)).ravel()
    size[size == 0] = 1.0
    return (m @ sp.diags(1.0 / np.sqrt(size))).tocsr(), gid


@dataclass
class Scorer:
    """Everything fit() computes from the data, and the score parts of a query; model.Model adds
    the ranking entry points on top."""

    orgs: list[Organization]
    org_index: dict[str, int]
    listings: list[Listing]
    listing_index: dict[str, int]
    vectors: ListingVectors
    cap_rows: np.ndarray  # capability listing rows, grouped by org
    cap_org: np.ndarray  # org index of each cap row
    cap_starts: np.ndarray  # reduceat boundaries of cap_org runs
    cap_run_org: np.ndarray  # org of each run
    needs_by_org: dict[int, list[int]]
    adjacency: sp.csr_matrix  # orgs x orgs, history links
    popularity: np.ndarray  # log1p(degree), over orgs
    activity: np.ndarray  # log1p(capability listings, capped) / log1p(ACTIVITY_CAP), over orgs
    share_ko: np.ndarray  # share of each org's capability listings in Korean (language.py)
    bm25: OrgBM25  # organisation-level BM25 over capability tokens
    profiles: sp.csr_matrix  # orgs x peer vocab, L2 rows of pooled need tokens (peer similarity)
    peer_vectorizer: TfidfVectorizer
    profiles_E: np.ndarray | None  # orgs x 512, normalised mean need embedding (zero rows if none)
    org_facets: sp.csr_matrix  # orgs x facet vocab, L2 rows of capability facets
    group_of_cap: sp.csr_matrix  # orgs x capability-text groups, scaled 1/sqrt(group size)
    group_ids: dict[str, int]  # normalised capability text -> group column
    weights: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    weights_info: dict[str, object] = field(default_factory=dict)
    cross_shift: dict[str, float] = field(default_factory=lambda: dict(CROSS_SHIFT))  # {} = off
    timings: dict[str, float] = field(default_factory=dict)
    morphology: bool = True
    use_embeddings: bool = True
    version: str = MODEL_VERSION
    warnings: list[str] = field(default_factory=list)

    # ---- helpers -------------------------------------------------------------------------
    @property
    def n_orgs(self) -> int:
        return len(self.orgs)

    def kind_mask(self, kinds: frozenset[str] | set[str]) -> np.ndarray:
        return np.array([o.kind in kinds for o in self.orgs], dtype=bool)

    def partners_of(self, oi: int) -> np.ndarray:
        a = self.adjacency  # direct CSR slicing: scipy row indexing costs ~0.1 ms a call
        return a.indices[a.indptr[oi]:a.indptr[oi + 1]]

    def _per_org(self, sims: np.ndarray, how: str) -> np.ndarray:
        """Aggregate capability-row similarities to organisations (max or sum)."""
        out = np.zeros(self.n_orgs, dtype=np.float32)
        if len(self.cap_starts) == 0:
            return out
        red = np.maximum.reduceat(sims, self.cap_starts) if how == "max" else np.add.reduceat(
            sims, self.cap_starts)
        out[self.cap_run_org] = red
        return out

    # ---- scoring -------------------------------------------------------------------------
    def query_parts(self, query: int | None, X: sp.csr_matrix, Fx: sp.csr_matrix, E: np.ndarray | None,
                    texts: list[str], tokens: list[list[str]], mask: np.ndarray,
                    context: dict | None = None) -> dict[str, np.ndarray]:
        """Scaled score parts over all organisations for one query (its need rows given).

        context: if a dict is given, intermediate results the explanations reuse are put there,
        and context["cross_language"], which combine() and topic() need for language-aware weights.
        """
        n = self.n_orgs
        parts: dict[str, np.ndarray] = {}
        cross = cross_share(texts, self.share_ko, self.activity > 0)
        if context is not None:
            context["cross_language"] = cross
        nq = X.shape[0]
        if nq:
            capX = self._capX()
            S = (X @ capX).toarray() if sp.issparse(X) else X @ capX
            tmax = np.zeros(n, dtype=np.float32)
            for row in S:
                tmax += self._per_org(row, "max")
            parts["text"] = self.bm25.score(X, mask)
            parts["text_max"] = _scale(tmax / nq, mask)
            if E is not None and self.vectors.E is not None:
                emax = np.zeros(n, dtype=np.float32)
                for row in E @ self._capE().T:
                    emax += self._per_org(np.maximum(row, 0), "max")
                parts["embed"] = _scale_above_median(emax / nq, mask)
            fq = np.asarray(Fx.sum(axis=0)).ravel()
            fn = np.linalg.norm(fq)
            parts["facets"] = _scale(self.org_facets @ (fq / fn), mask) if fn > 0 else np.zeros(n)
        parts["activity"] = self.activity
        # peers: organisations whose needs read like the query's, weighted by similarity ** PEER_POWER
        sim = self.peer_similarity(tokens, E)
        if context is not None:
            context["peer_similarity"] = sim
        if sim is not None and self.adjacency.nnz:
            if query is not None:
                sim[query] = 0.0
            mass = np.asarray(self.adjacency.T @ (sim ** PEER_POWER)).ravel()
            if context is not None:
                context["peer_mass"] = mass
            parts["peers"] = mass / max(float(mass[mask].max()) if mask.any() else 0.0, PEER_FLOOR)
        if query is not None:
            partners = np.zeros(n)
            partners[self.partners_of(query)] = 1.0
            if partners.any():
                via = self.group_of_cap @ (self.group_of_cap.T @ partners)
                via[query] = 0.0
                parts["copartner"] = _scale(np.asarray(via).ravel(), mask)
                parts["region"] = self._region(partners, mask)
        ref = np.log1p(max(float(np.expm1(self.popularity.max())) if n else 0.0, POPULARITY_REF))
        parts["popularity"] = self.popularity / ref
        topic = self.topic(parts, cross=cross)
        req = self.requirements(texts)
        if context is not None:
            context["requirements"] = req
            context["topic"] = topic
        parts["capacity"] = self._capacity(texts, mask, req) * topic
        return {k: np.asarray(parts.get(k, np.zeros(n)), dtype=np.float64) for k in PARTS}

    def topic(self, parts: dict[str, np.ndarray], weights: dict[str, float] | None = None,
              cross: np.ndarray | None = None) -> np.ndarray:
        """Topical fit in [0, 1]: the weighted mean of the text, embedding and facet parts
        (language-aware weights when cross, the share of cross-language pairs, is given)."""
        w = weights or self.weights
        pos = {k: max(w.get(k, 0.0), 0.0) for k in TOPICAL}
        ws = {k: part_weight(pos, k, cross, self.cross_shift) for k in TOPICAL}
        total = sum(ws.values())
        out = np.zeros(self.n_orgs)
        if not np.any(np.asarray(total) > 0):
            return out
        for k in TOPICAL:
            if k in parts:
                out += ws[k] * np.asarray(parts[k])
        return np.divide(out, total, out=np.zeros(self.n_orgs), where=np.asarray(total) > 0)

    def peer_similarity(self, tokens: list[list[str]], E: np.ndarray | None = None) -> np.ndarray | None:
        """Similarity of the query's needs to every organisation's needs: the mean of word TF-IDF
        cosine (pooled tokens, raw tf) and multilingual-embedding cosine (mean need vectors)."""
        pooled = [t for toks in tokens for t in toks]
        sim = None
        if pooled:
            q = self.peer_vectorizer.transform([pooled])
            if q.nnz:
                dense_q = np.zeros(q.shape[1], dtype=np.float32)
                dense_q[q.indices] = q.data
                sim = self.profiles @ dense_q  # csr x dense vector: no sparse-sparse product
        if E is not None and len(E) and self.profiles_E is not None:
            mean = E.mean(axis=0)
            norm = np.linalg.norm(mean)
            if norm > 0:
                esim = np.maximum(self.profiles_E @ (mean / norm), 0.0)
                sim = esim if sim is None else PEER_EMBED_MIX * esim + (1 - PEER_EMBED_MIX) * sim
        return sim

    def combine(self, parts: dict[str, np.ndarray], weights: dict[str, float] | None = None,
                cross: np.ndarray | None = None) -> np.ndarray:
        """The weighted sum of the parts; cross (query_parts' context["cross_language"]) makes the
        topical weights language-aware."""
        w = weights or self.weights
        total = np.zeros(self.n_orgs)
        for k, v in parts.items():
            total += part_weight(w, k, cross, self.cross_shift) * v
        return total

    def _capX(self) -> sp.csr_matrix:
        if not hasattr(self, "_capX_cache"):
            self._capX_cache = self.vectors.X[self.cap_rows].T.tocsr()
        return self._capX_cache

    def _capE(self) -> np.ndarray:
        if not hasattr(self, "_capE_cache"):
            self._capE_cache = self.vectors.E[self.cap_rows]
        return self._capE_cache

    def _region(self, partners: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Share of the query's partners in each candidate's country, and in its city."""
        idx = np.flatnonzero(partners)
        countries = Counter(self.orgs[i].country for i in idx if self.orgs[i].country)
        cities = Counter(self.orgs[i].region for i in idx if self.orgs[i].region)
        out = np.zeros(self.n_orgs)
        if not countries and not cities:
            return out
        for j in np.flatnonzero(mask):
            o = self.orgs[j]
            out[j] = 0.5 * countries.get(o.country, 0) / len(idx) + 0.5 * cities.get(o.region, 0) / len(idx)
        return _scale(out, mask)

    def _capacity(self, texts: list[str], mask: np.ndarray, req: Requirements | None = None) -> np.ndarray:
        out = np.zeros(self.n_orgs)
        req = req or self.requirements(texts)
        for j in self._fact_orgs():
            if mask[j]:
                out[j] = capacity_fit(req, self.orgs[j])[0]
        return out

    def requirements(self, texts: list[str]) -> Requirements:
        reqs = [parse_requirements(t) for t in texts]
        phases = frozenset().union(*(r.phases for r in reqs)) if reqs else frozenset()
        windows = [r.start_within_days for r in reqs if r.start_within_days is not None]
        return Requirements(phases, min(windows) if windows else None)

    def _fact_orgs(self) -> list[int]:
        if not hasattr(self, "_fact_cache"):
            self._fact_cache = [i for i, o in enumerate(self.orgs)
                                if o.trial_phases or o.irb_days is not None or o.trials_per_year
                                or o.equipment]
        return self._fact_cache

    # ---- building --------------------------------------------------------------------------
    @classmethod
    def build(cls, data: Dataset, *, morphology: bool = True, use_embeddings: bool = True,
              weights: dict[str, float] | None = None, tokens: list[list[str]] | None = None,
              embeddings: np.ndarray | None = None) -> Self:
        """Index plain data (history = the dataset's links, already filtered); no weight refit.

        tokens / embeddings: per-listing values cached at save time (same order as data.listings).
        """
        orgs = list(data.orgs.values())
        org_index = {o.id: i for i, o in enumerate(orgs)}
        listings = list(data.listings)
        vectors = build_vectors(listings, morphology=morphology, use_embeddings=use_embeddings,
                                tokens=tokens, embeddings=embeddings)
        t1 = time.perf_counter()
        n = len(orgs)
        lorg = np.array([org_index[lst.org] for lst in listings], dtype=np.int64)
        is_cap = np.array([lst.side == "capability" for lst in listings], dtype=bool)
        cap_rows = np.flatnonzero(is_cap)
        cap_rows = cap_rows[np.argsort(lorg[cap_rows], kind="stable")]
        cap_org = lorg[cap_rows]
        change = np.flatnonzero(np.r_[True, cap_org[1:] != cap_org[:-1]]) if len(cap_org) else np.zeros(0, dtype=np.int64)
        needs_by_org: dict[int, list[int]] = {}
        for i, lst in enumerate(listings):
            if lst.side == "need":
                needs_by_org.setdefault(int(lorg[i]), []).append(i)
        pairs = {(org_index[ln.a], org_index[ln.b]) for ln in data.links if ln.a != ln.b}
        pairs |= {(b, a) for a, b in pairs}
        if pairs:
            r, c = zip(*sorted(pairs), strict=True)
            adjacency = sp.csr_matrix((np.ones(len(r)), (r, c)), shape=(n, n))
        else:
            adjacency = sp.csr_matrix((n, n))
        degree = np.asarray(adjacency.sum(axis=1)).ravel()
        # Peer profiles: one document per organisation = all its need tokens. Raw tf on purpose: an
        # organisation with many needs in one area should look like others working in that area.
        docs: list[list[str]] = [[] for _ in range(n)]
        for i, lst in enumerate(listings):
            if lst.side == "need":
                docs[lorg[i]].extend(vectors.tokens[i])
        nonempty = [d for d in docs if d]
        peer_vectorizer = TfidfVectorizer(analyzer=_identity, min_df=2 if len(nonempty) > 50 else 1,
                                          dtype=np.float32)
        try:
            peer_vectorizer.fit(nonempty or [["<empty>"]])
        except ValueError:
            peer_vectorizer.fit([["<empty>"]])
        profiles = (peer_vectorizer.transform(docs).tocsr() if docs
                    else sp.csr_matrix((0, len(peer_vectorizer.vocabulary_)), dtype=np.float32))
        profiles_E = None
        if vectors.E is not None:
            profiles_E = np.zeros((n, vectors.E.shape[1]), dtype=np.float32)
            for oi, rows in needs_by_org.items():
                mean = vectors.E[rows].mean(axis=0)
                norm = np.linalg.norm(mean)
                profiles_E[oi] = mean / norm if norm > 0 else mean
        counts = CountVectorizer(analyzer=_identity, vocabulary=vectors.tfidf.vocabulary_, dtype=np.float32
                                 ).transform([vectors.tokens[r] for r in cap_rows])
        bm25 = build_bm25(counts.tocsr(), cap_org, n)
        n_caps = np.bincount(cap_org, minlength=n).astype(np.float64)
        activity = np.log1p(np.minimum(n_caps, ACTIVITY_CAP)) / np.log1p(ACTIVITY_CAP)
        share_ko = ko_share([listing_lang(listings[r]) for r in cap_rows], cap_org, n)
        cap_owner = sp.csr_matrix((np.ones(len(cap_rows)), (cap_org, cap_rows)), shape=(n, len(listings)))
        org_facets = _l2_rows((cap_owner @ vectors.Fx).tocsr())
        groups, group_ids = _groups(listings, cap_rows, cap_org, n)
        model = cls(
            orgs=orgs, org_index=org_index, listings=listings,
            listing_index={lst.id: i for i, lst in enumerate(listings)}, vectors=vectors,
            cap_rows=cap_rows, cap_org=cap_org, cap_starts=change, cap_run_org=cap_org[change],
            needs_by_org=needs_by_org, adjacency=adjacency, popularity=np.log1p(degree), activity=activity, share_ko=share_ko, bm25=bm25,
            profiles=profiles, peer_vectorizer=peer_vectorizer, profiles_E=profiles_E, org_facets=org_facets,
            group_of_cap=groups, group_ids=group_ids,
            weights=dict(weights or DEFAULT_WEIGHTS), morphology=morphology,
            use_embeddings=use_embeddings and vectors.E is not None)
        model.warnings = list(data.warnings)
        model.timings = {**vectors.timings, "index_s": time.perf_counter() - t1}
        return model
