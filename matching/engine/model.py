"""fit() builds a Model from organisations, listings and history links; the Model ranks queries.

The top of the engine: Model is the fitted Scorer (scores.py) plus the ranking entry points
(ranking.py), and fit() optionally refits the part weights (refit.py) on the built model.
"""

from __future__ import annotations

import time

import numpy as np

from .ranking import LANE_POSITIONS, rank_new_listing, rank_query
from .refit import refit_weights
from .scores import Scorer
from .types import INSTITUTION_KINDS, Candidate, Dataset, Listing


class Model(Scorer):
    """A fitted corpus that ranks candidate organisations for a firm, a need or a new listing."""

    # lane_positions: 1-based positions of the one list that go to organisations with no known
    # partnership, ranked on capability fit alone (explanation["new_to_network"] = True); () = none.

    def rank_for_org(self, org_id: str, top: int = 50, kinds: frozenset[str] = INSTITUTION_KINDS,
                     explain: bool | int = True, lane_positions: tuple[int, ...] = LANE_POSITIONS
                     ) -> list[Candidate]:
        """Candidates for an organisation's needs (all of them), best first."""
        oi = self.org_index[org_id]
        rows = self.needs_by_org.get(oi, [])
        return rank_query(self, oi, rows, top=top, kinds=kinds, explain=explain, positions=lane_positions)

    def rank_for_need(self, listing_id: str, top: int = 50, kinds: frozenset[str] = INSTITUTION_KINDS,
                      explain: bool | int = True, lane_positions: tuple[int, ...] = LANE_POSITIONS
                      ) -> list[Candidate]:
        """Candidates for one need listing of the fitted corpus."""
        li = self.listing_index[listing_id]
        return rank_query(self, self.org_index[self.listings[li].org], [li], top=top, kinds=kinds,
                          explain=explain, positions=lane_positions)

    def rank_for_listing(self, listing: Listing, top: int = 50, kinds: frozenset[str] = INSTITUTION_KINDS,
                         explain: bool | int = True, lane_positions: tuple[int, ...] = LANE_POSITIONS
                         ) -> list[Candidate]:
        """Re-rank a new or edited need listing without refitting (vectors from the fitted model)."""
        return rank_new_listing(self, listing, top=top, kinds=kinds, explain=explain, positions=lane_positions)


def fit(data: Dataset, *, morphology: bool = True, use_embeddings: bool = True,
        weights: dict[str, float] | None = None, refit: bool = False, seed: int = 0,
        tokens: list[list[str]] | None = None, embeddings: np.ndarray | None = None) -> Model:
    """Fit the matching model on plain data (history = the dataset's links, already filtered).

    tokens / embeddings: per-listing values cached at save time (same order as data.listings).
    refit: try LogisticRegression weights on simulated held-out needs, adopted only if they win.
    """
    t0 = time.perf_counter()
    model = Model.build(data, morphology=morphology, use_embeddings=use_embeddings, weights=weights,
                        tokens=tokens, embeddings=embeddings)
    if refit:
        refit_weights(model, data, seed=seed)
    model.timings["fit_s"] = time.perf_counter() - t0
    return model
