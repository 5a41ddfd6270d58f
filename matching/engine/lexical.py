"""Organisation-level BM25: each candidate organisation is one document (all its capability tokens).

Why BM25 next to the listing TF-IDF cosines: an organisation's field is what its capabilities say
together, and BM25's saturating term frequency with length normalisation reads a long record (a
site with thirty trials) without letting it win on length alone. Each need is scored on its own
and scaled by its best candidate before the needs are averaged, so a firm with seventy needs is
not one blurred query and a need with rare terms does not drown the others.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

K1 = 1.2
B = 0.75


@dataclass
class OrgBM25:
    weights: sp.csr_matrix  # orgs x vocab: idf * saturated, length-normalised term frequency

    def score(self, query_terms: sp.csr_matrix, mask: np.ndarray) -> np.ndarray:
        """Mean over the query rows (needs) of each row's BM25, scaled by that row's best candidate."""
        n = self.weights.shape[0]
        if query_terms.shape[0] == 0 or self.weights.nnz == 0:
            return np.zeros(n)
        q = query_terms.tocsr(copy=True)
        q.data[:] = 1.0  # BM25 counts a query term once
        per_need = (self.weights @ q.T).toarray()  # orgs x needs, dense: needs are few
        if not mask.any():
            return np.zeros(n)
        best = per_need[mask].max(axis=0)
        best[best <= 0] = 1.0
        return (per_need / best).mean(axis=1)


def build_bm25(counts: sp.csr_matrix, row_org: np.ndarray, n_orgs: int, *, k1: float = K1,
               b: float = B) -> OrgBM25:
    """counts: listings x vocab term counts of the capability rows; row_org: their organisation index."""
    owner = sp.csr_matrix((np.ones(len(row_org), dtype=np.float32), (row_org, np.arange(len(row_org)))),
                          shape=(n_orgs, counts.shape[0]))
    docs = (owner @ counts).tocoo()
    doc_len = np.zeros(n_orgs, dtype=np.float64)
    np.add.at(doc_len, docs.row, docs.data)
    has = doc_len > 0
    if not has.any():
        return OrgBM25(sp.csr_matrix((n_orgs, counts.shape[1]), dtype=np.float32))
    avg = doc_len[has].mean()
    df = np.bincount(docs.col, minlength=counts.shape[1])
    n_docs = int(has.sum())
    idf = np.log((n_docs - df + 0.5) / (df + 0.5) + 1.0)
    norm = k1 * (1.0 - b + b * doc_len / avg)
    tf = docs.data
    data = (idf[docs.col] * tf * (k1 + 1.0) / (tf + norm[docs.row])).astype(np.float32)
    return OrgBM25(sp.csr_matrix((data, (docs.row, docs.col)), shape=(n_orgs, counts.shape[1])))
