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
- `parts` are the score parts (text, text_max, embed, facets, activity, peers, copartner, popularity,
  capacity, region; see scores.py), `score` their weighted sum with `model.weights`; where the corpus
  has history, organisations with no known partnership also get fixed positions of the list
  (`lane_positions=`, 1-based, on rank_for_org / rank_for_need / rank_for_listing; default
  ranking.LANE_POSITIONS = (6, 7, 12, 14, ..., 50): the page's 5 proposals, then its 2-entry
  "new to the network" section); a candidate the lane placed has explanation["new_to_network"] = True;
  `model.weights_info` holds the refit's held-out figures and whether it was adopted;
  `model.version` is the model version to store on a Match.
- `explain=True` explains every candidate, `explain=5` only the first five (what a re-rank stores).
- `explanation` keys (each present only when there is evidence): `terms` (shared or bridged terms,
  each {"en", "ko", "bridged"}), `best_pair` (need and capability titles), `cross_language`,
  `shared_facets`, `capacity` (facts as sentences), `partner_paths`,
  `similar_organisations_partnered`, `known_partnerships`; `note` when there is none.
- History is `Dataset.links`: the reader keeps only links whose split is "known" or absent.
- Caches (tokens, embeddings) are files under $CLUSTERLINK_CACHE_DIR keyed by version + text hash.

Offline helpers used by the commands and the Django layer (exported here too): `rank_file`,
`evaluate_file`, `evaluate_rankings` (same numbers as shared/eval/score_partners.py),
`apply_exposure_cap`, `parse_requirements` / `org_phases` (capacity facts); `bench.run_bench`
stays in its module, which also runs as a script (`python -m matching.engine.bench`).

Layers, top to bottom: a module imports only from layers below its own, never from a sibling
in its row, and never inside a function (only third-party Kiwi and the USE encoder load lazily).
    variants | bench                 ablation tables; the scale benchmark
    offline                          file in, rankings out (rank_partners, evaluate_matching)
    model                            Model = Scorer + the rank_for_* entry points; fit()
    ranking | refit                  ordering candidates; the LogisticRegression weight refit
    explain                          evidence for one candidate
    scores                           Scorer: the fitted corpus (Scorer.build) and the score parts
    vectors                          TF-IDF, facet and USE vectors of listings
    tokens | embed | capacity | language   matching tokens; the USE encoder; capacity facts;
                                     language-aware topical weights (lexical vs USE)
    bridge                           the Korean-English term map
    text | exchange | cache | metrics | exposure | topk | terms_ko_en | lexical (organisation BM25)
    types                            the plain records (Organization, Listing, Link, Dataset, Candidate)
"""

from .capacity import org_phases, parse_requirements
from .exchange import ExchangeError, parse_records, read_exchange
from .exposure import apply_exposure_cap
from .metrics import evaluate_rankings
from .model import Model, fit
from .offline import evaluate_file, rank_file
from .scores import DEFAULT_WEIGHTS, MODEL_VERSION, PARTS
from .types import INSTITUTION_KINDS, Candidate, Dataset, Link, Listing, Organization

__all__ = [
    "DEFAULT_WEIGHTS", "INSTITUTION_KINDS", "MODEL_VERSION", "PARTS", "Candidate", "Dataset", "ExchangeError", "Link",
    "Listing", "Model", "Organization", "apply_exposure_cap", "evaluate_file", "evaluate_rankings", "fit",
    "org_phases", "parse_records", "parse_requirements", "rank_file", "read_exchange",
]
