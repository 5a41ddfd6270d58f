"""Top-k listing pairs without a dense all-pairs matrix: sparse products chunk by chunk.

Query rows are pruned to their strongest terms (the long tail of tiny weights costs most of the
product and hardly moves a cosine ranking); multilingual embeddings are added only where the two
listings are in different languages, where word overlap cannot work.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

CHUNK = 1000
QUERY_TERMS = 20
MAX_QUERY_DF = 0.05  # query terms found in more than 5% of the candidates are dropped
EMBED_WEIGHT = 0.5


def prune_rows(m: sp.csr_matrix, keep: int) -> sp.csr_matrix:
    """Keep each row's `keep` largest entries (ties may keep a few more)."""
    m = m.tocsr()
    lengths = np.diff(m.indptr)
    if not len(lengths) or lengths.max() <= keep:
        return m
    data = m.data.copy()
    for i in np.flatnonzero(lengths > keep):
        a, b = m.indptr[i], m.indptr[i + 1]
        row = data[a:b]
        row[row < np.partition(row, b - a - keep)[b - a - keep]] = 0
    out = sp.csr_matrix((data, m.indices, m.indptr), shape=m.shape)
    out.eliminate_zeros()
    return out


def _row_topk(chunk: sp.csr_matrix, k: int) -> tuple[np.ndarray, np.ndarray]:
    n = chunk.shape[0]
    idx = np.full((n, k), -1, dtype=np.int64)
    val = np.zeros((n, k), dtype=np.float32)
    for i in range(n):
        a, b = chunk.indptr[i], chunk.indptr[i + 1]
        if a == b:
            continue
        d, c = chunk.data[a:b], chunk.indices[a:b]
        if b - a > k:
            sel = np.argpartition(-d, k)[:k]
            d, c = d[sel], c[sel]
        order = np.argsort(-d, kind="stable")
        idx[i, :len(order)], val[i, :len(order)] = c[order], d[order]
    return idx, val


def topk_pairs(Xq: sp.csr_matrix, Xc: sp.csr_matrix, k: int = 20, *, Eq: np.ndarray | None = None,
               Ec: np.ndarray | None = None, lang_q: np.ndarray | None = None,
               lang_c: np.ndarray | None = None, chunk: int = CHUNK) -> tuple[np.ndarray, np.ndarray]:
    """For each query row, the k best rows of Xc: (indices, scores), -1 where fewer exist.

    Approximate: query rows keep their QUERY_TERMS strongest terms that occur in at most
    MAX_QUERY_DF of the candidates (common terms make the product dense and rarely decide a top-k).
    """
    Q = Xq.tocsr(copy=True)
    if Xc.shape[0]:
        df = np.bincount(Xc.indices, minlength=Xc.shape[1]) / Xc.shape[0]
        Q.data[df[Q.indices] > MAX_QUERY_DF] = 0
        Q.eliminate_zeros()
    Q = prune_rows(Q, QUERY_TERMS)
    C_T = Xc.T.tocsr()
    cross = Eq is not None and Ec is not None and lang_q is not None and lang_c is not None
    idx_all, val_all = [], []
    for start in range(0, Q.shape[0], chunk):
        S = (Q[start:start + chunk] @ C_T).tocsr()
        if cross:
            S = _add_cross_language(S, Eq[start:start + chunk], Ec, lang_q[start:start + chunk], lang_c)
        idx, val = _row_topk(S, k)
        idx_all.append(idx)
        val_all.append(val)
    if not idx_all:
        return np.zeros((0, k), dtype=np.int64), np.zeros((0, k), dtype=np.float32)
    return np.vstack(idx_all), np.vstack(val_all)


def _add_cross_language(S: sp.csr_matrix, Eq: np.ndarray, Ec: np.ndarray, lq: np.ndarray,
                        lc: np.ndarray) -> sp.csr_matrix:
    """Add embedding cosine for query/candidate pairs of different languages (top ones only)."""
    blocks = []
    for lang in np.unique(lq):
        rows = np.flatnonzero(lq == lang)
        cols = np.flatnonzero(lc != lang)
        if not len(rows) or not len(cols):
            continue
        sims = Eq[rows] @ Ec[cols].T
        keep = min(50, len(cols))  # only the nearest few matter for a top-k
        part = np.argpartition(-sims, keep - 1, axis=1)[:, :keep]
        vals = np.take_along_axis(sims, part, axis=1)
        r = np.repeat(rows, keep)
        blocks.append(sp.csr_matrix((EMBED_WEIGHT * np.maximum(vals.ravel(), 0), (r, cols[part].ravel())),
                                    shape=S.shape))
    for b in blocks:
        S = S + b
    return S.tocsr()


def topk_both_ways(Xn: sp.csr_matrix, Xc: sp.csr_matrix, k: int = 20, **emb: np.ndarray | None
                   ) -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
    """Top-k capabilities for every need and top-k needs for every capability."""
    n2c = topk_pairs(Xn, Xc, k, Eq=emb.get("En"), Ec=emb.get("Ec"), lang_q=emb.get("lang_n"),
                     lang_c=emb.get("lang_c"))
    c2n = topk_pairs(Xc, Xn, k, Eq=emb.get("Ec"), Ec=emb.get("En"), lang_q=emb.get("lang_c"),
                     lang_c=emb.get("lang_n"))
    return n2c, c2n
