"""Run the demo stages in order in one transaction, or remove the demo world (``--reset``)."""

from __future__ import annotations

import random
import sys
from collections.abc import Callable
from typing import Any, TextIO

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from accounts.models import Membership, Organization, User
from clusters.models import ClusterMembership
from taxonomy.models import Facet

from . import clusters, events, history, indicators, listings, mentoring, organizations, people, review
from .world import DEFAULT_SEED, DEMO_SOURCE, World, demo_users_q

# A fixed salt makes the hash stable, so a re-run sees "unchanged" and rewrites nothing.
_DEMO_SALT = "clusterlinkdemo"

STAGES: tuple[Callable[[World], Any], ...] = (
    clusters.build_clusters,
    organizations.build_organizations,
    people.build_people,
    organizations.build_cluster_memberships,
    listings.build_listings,
    # Before the proposals: mentors without an organisation get one of their own, which the ranking sees.
    mentoring.load,
    listings.build_proposals,
    events.build_events,
    review.build_review,
    # After the review stories, which take their pick of the proposals first.
    history.build_history,
    # Last: the snapshots read every linkage the stages above wrote.
    indicators.build_snapshots,
)


@transaction.atomic
def delete_demo() -> None:
    """Remove everything the demo wrote; real organisations, people and their data stay.

    Events hang off clusters and runs off nobody, so they go by hand; memberships, listings,
    matches, linkages, registrations, notifications... cascade from demo organisations and people.
    """
    mentoring.delete_mentoring()
    events.delete_events()
    Organization.objects.filter(source=DEMO_SOURCE).delete()
    User.objects.filter(demo_users_q()).delete()
    listings.delete_runs()
    clusters.delete_unused_clusters()


def load(*, seed: int = DEFAULT_SEED, reset: bool = False, stdout: TextIO | None = None) -> World:
    """Build (or bring up to date) the whole demo world in one transaction and print the logins."""
    world = World(rng=random.Random(seed), now=timezone.now(), stdout=stdout or sys.stdout)  # noqa: S311 - demo data
    world.password_hash = make_password(world.password, salt=_DEMO_SALT)
    with transaction.atomic():
        if reset:
            delete_demo()
        _load_facets(world)
        for stage in STAGES:
            stage(world)
    print_summary(world)
    return world


def _load_facets(world: World) -> None:
    # The taxonomy comes from matching's data migration; stages look facets up by kind and slug.
    for facet in Facet.objects.all():
        world.facets.setdefault(facet.kind, {})[facet.slug] = facet


def print_summary(world: World) -> None:
    out = world.stdout
    orgs = Organization.objects.filter(source=DEMO_SOURCE)
    kinds = dict(orgs.values_list("kind").annotate(n=Count("id")).order_by())
    statuses = dict(orgs.values_list("status").annotate(n=Count("id")).order_by())
    people_count = User.objects.filter(demo_users_q()).count()
    out.write(
        f"Demo world: {len(world.clusters)} clusters, {len(world.alliances)} alliances, {orgs.count()} organisations "
        f"({', '.join(f'{n} {k}' for k, n in sorted(kinds.items()))}; "
        f"{', '.join(f'{n} {s}' for s, n in sorted(statuses.items()))}), {people_count} people, "
        f"{Membership.objects.filter(organization__source=DEMO_SOURCE).count()} memberships, "
        f"{ClusterMembership.objects.filter(organization__source=DEMO_SOURCE).count()} cluster memberships.\n"
    )
    rows = [(login.email, world.password, login.role, login.organization) for login in world.logins]
    header = ("Email", "Password", "Role", "Organisation")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(4)]
    line = "  ".join("-" * w for w in widths)
    out.write(f"\nDemo logins (the same password for all: {world.password})\n{line}\n")
    for r in [header, None, *rows]:
        out.write((line if r is None else "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()) + "\n")
    out.write(f"{line}\n")
