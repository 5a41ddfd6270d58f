"""The clusters of the source report and the institutions of the demo world (``data/clusters.json``,
``data/institutions.json``).

Clusters and regions are the report's real places. Every hospital, university, institute and agency
is invented, modelled on the kinds the report praises (a hospital's startup connect centre, clinical
consulting, an innovation park inside a hospital), so no real institution is shown reviewing,
declining or partnering; so are every number and every person.
"""

from .data import read

_clusters = read("clusters")
_institutions = read("institutions")

CLUSTERS: list[dict] = _clusters["clusters"]
ALLIANCES: list[dict] = _clusters["alliances"]
# The cluster office whose admin manages each cluster (verifies members, sees contact details).
CLUSTER_OFFICES: dict[str, str] = _clusters["cluster_offices"]
# Which technologies firms of each cluster tend to work on (a repeated entry weighs double).
CLUSTER_TECH: dict[str, list[str]] = _clusters["cluster_tech"]
# Relative number of firms per cluster: Seoul–Gyeonggi holds most of Korea's firms.
CLUSTER_FIRM_WEIGHT: dict[str, int] = _clusters["cluster_firm_weight"]
CLUSTER_REGION: dict[str, str] = {c["slug"]: c["regions"][0] for c in CLUSTERS}

HOSPITALS: list[dict] = _institutions["hospitals"]
UNIVERSITIES: list[dict] = _institutions["universities"]
PUBLIC: list[dict] = _institutions["public"]
