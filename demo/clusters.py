"""Stage 1: the clusters the report names and the inter-regional alliances between them."""

from __future__ import annotations

from clusters.models import Alliance, Cluster

from ._sync import upsert
from .institutions import ALLIANCES, CLUSTERS
from .world import World

_CLUSTER_FIELDS = ["name_ko", "name_en", "regions", "specialisation_ko", "specialisation_en", "description",
                   "wants_inter_regional"]


def _cluster_row(spec: dict) -> dict:
    return {
        "slug": spec["slug"],
        "name_ko": spec["name_ko"],
        "name_en": spec["name_en"],
        "regions": spec["regions"],
        "specialisation_ko": spec["specialisation_ko"],
        "specialisation_en": spec["specialisation_en"],
        "description": spec.get("description", f"{spec['name_en']}: {spec['specialisation_en']}."),
        "wants_inter_regional": spec.get("wants_inter_regional", True),
    }


def build_clusters(world: World) -> dict[str, Cluster]:
    """Clusters by slug, plus the alliances (stored on ``world.alliances``)."""
    clusters = upsert(Cluster, [_cluster_row(c) for c in CLUSTERS], key=["slug"], sync=_CLUSTER_FIELDS)
    world.clusters = {k[0]: c for k, c in clusters.items()}
    alliances = upsert(
        Alliance,
        [{k: a[k] for k in ("slug", "name_ko", "name_en", "description")} for a in ALLIANCES],
        key=["slug"],
        sync=["name_ko", "name_en", "description"],
    )
    world.alliances = {k[0]: a for k, a in alliances.items()}
    for spec in ALLIANCES:
        alliance = world.alliances[spec["slug"]]
        wanted = {world.clusters[s].pk for s in spec["clusters"]}
        # Only touch the M2M when it differs, so a re-run writes nothing.
        if set(alliance.clusters.values_list("pk", flat=True)) != wanted:
            alliance.clusters.set(wanted)
    return world.clusters


def delete_unused_clusters() -> None:
    """The demo's clusters and alliances, once nothing outside the demo uses them.

    Clusters are upserted by slug, so one a person set up by hand under the same slug is shared:
    it stays while it has members, managers or events left after the demo's own were deleted.
    """
    unused = (Cluster.objects.filter(slug__in=[c["slug"] for c in CLUSTERS])
              .filter(memberships__isnull=True, managers__isnull=True, events__isnull=True))
    unused.delete()
    Alliance.objects.filter(slug__in=[a["slug"] for a in ALLIANCES], clusters__isnull=True).delete()
