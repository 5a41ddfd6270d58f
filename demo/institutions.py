"""The named places of the source report (``data/clusters.json``, ``data/institutions.json``).

Real names of public institutions and hospitals are used for a believable demo; every number
(trials per year, ethics-board days, employees) and every person is invented.
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
