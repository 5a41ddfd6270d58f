"""ClusterLink partner-matching engine: pure Python + scikit-learn, no Django, no ORM.

API (what the Django layer calls)
---------------------------------
    from matching.engine import (Organization, Listing, Link, Dataset, Candidate,
                                 fit, read_exchange, parse_records, ExchangeError)

    data = read_exchange("file.jsonl.gz")            # or Dataset(orgs={id: Organization}, listings=[...], links=[...])
    model = fit(data, refit=True)                     # -> Model; refit=True tries LogisticRegression weights
    model.rank_for_org("f1", top=50)                  # -> list[Candidate] for all of f1's needs, best first
    model.rank_for_need("l7", top=5)                  # -> list[Candidate] for one need listing of the corpus
    model.rank_for_listing(Listing(...), top=5)       # re-rank a new/edited need without refitting (< 50 ms)

    Candidate(org_id, score, parts: dict[str, float], explanation: dict, supporting_listing_ids: list[str])

- Candidates are of `kinds` (default hospital + university), never the query itself; organisations
  already linked to the query come only after all others (novelty).
- `parts` are the score parts (text, text_max, embed, facets, peers, copartner, popularity,
  capacity, region; see model.py), `score` their weighted sum with `model.weights`;
  `model.weights_info` holds the refit's held-out figures and whether it was adopted;
  `model.version` is the model version to store on a Match.
- `explain=True` explains every candidate, `explain=5` only the first five (what a re-rank stores).
- `explanation` keys (each present only when there is evidence): `terms` (shared or bridged terms,
  each {"en", "ko", "bridged"}), `best_pair` (need and capability titles), `cross_language`,
  `shared_facets`, `capacity` (facts as sentences), `partner_paths`,
  `similar_organisations_partnered`, `known_partnerships`; `note` when there is none.
- History is `Dataset.links`: the reader keeps only links whose split is "known" or absent.
- Caches (tokens, embeddings) are files under $CLUSTERLINK_CACHE_DIR keyed by version + text hash.

Offline helpers used by the commands: `offline.rank_file`, `offline.evaluate_file`,
`metrics.evaluate_rankings` (same numbers as shared/eval/score_partners.py),
`exposure.apply_exposure_cap`, `bench.run_bench`.
"""

from .exchange import ExchangeError, parse_records, read_exchange
from .model import DEFAULT_WEIGHTS, MODEL_VERSION, Model, fit
from .types import Candidate, Dataset, Link, Listing, Organization

__all__ = [
    "DEFAULT_WEIGHTS", "MODEL_VERSION", "Candidate", "Dataset", "ExchangeError", "Link", "Listing", "Model",
    "Organization", "fit", "parse_records", "read_exchange",
]
