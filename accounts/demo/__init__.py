"""The demo world behind `manage.py load_demo`: a believable Korean bio-medical cluster landscape.

Everything is generated from the word lists in this package with ``random.Random(seed)``, so the
same seed always yields the same world, and it is written through natural keys (organisations by
``source="demo"`` + ``external_id``, people by email, clusters and alliances by slug), so running
it again changes nothing.

Growing the demo (later issues)
-------------------------------
``STAGES`` is the hook list: dotted paths of functions ``stage(world: World) -> object`` run in
order inside one transaction. A stage reads what earlier stages left on ``world`` (``clusters``,
``alliances``, ``orgs``, ``people``, ``managers``, ``facets``, ``extra``), stores what it builds
there for the stages after it (use ``world.extra["<app>.<thing>"]`` for new kinds of data), may add
logins with ``world.add_login(...)`` and must itself be idempotent (upsert on natural keys; see
``accounts.demo._sync.upsert``). A new app appends e.g. ``"matching.demo.build_listings"``.

``--reset`` deletes demo organisations and demo people; whatever hangs off them by a cascading
foreign key goes with them. A stage whose data does not cascade from those (e.g. events that
belong to a cluster) appends a ``reset(world)`` function to ``RESET_STAGES``.
"""

from __future__ import annotations

import random
import sys
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, TextIO

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.module_loading import import_string

if TYPE_CHECKING:
    from accounts.models import Organization, User
    from clusters.models import Alliance, Cluster
    from matching.models import Facet

DEFAULT_SEED = 2017  # the year of the source report
DEMO_SOURCE = "demo"
DEMO_DOMAIN = "demo.clusterlink.kr"
DEMO_PASSWORD = "clusterlink-demo"  # noqa: S105 - published on purpose: it is printed for `make run`
# A fixed salt makes the hash stable, so a re-run sees "unchanged" and rewrites nothing.
_DEMO_SALT = "clusterlinkdemo"

STAGES: list[str] = [
    "accounts.demo.clusters.build_clusters",
    "accounts.demo.organizations.build_organizations",
    "accounts.demo.people.build_people",
    "accounts.demo.organizations.build_cluster_memberships",
    "matching.demo.build_listings",
    "matching.demo.build_proposals",
    "clusters.demo_events.build_events",
    "matching.demo_review.build_review",
    # Later issues append their stages here, e.g. "matching.demo.build_listings".
]
RESET_STAGES: list[str] = []


@dataclass(frozen=True)
class Login:
    email: str
    role: str
    organization: str = ""


@dataclass
class World:
    """What the stages share: the random source, the clock, and everything built so far."""

    rng: random.Random
    now: datetime
    stdout: TextIO
    password: str = DEMO_PASSWORD
    password_hash: str = ""
    clusters: dict[str, Cluster] = field(default_factory=dict)
    alliances: dict[str, Alliance] = field(default_factory=dict)
    orgs: dict[str, Organization] = field(default_factory=dict)  # by external_id
    org_specs: dict[str, dict] = field(default_factory=dict)  # generator facts per external_id
    people: dict[str, User] = field(default_factory=dict)  # by email
    managers: dict[str, list[User]] = field(default_factory=dict)  # cluster slug -> managers
    facets: dict[str, dict[str, Facet]] = field(default_factory=dict)  # kind -> slug -> facet
    logins: list[Login] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def add_login(self, email: str, role: str, organization: str = "") -> None:
        self.logins.append(Login(email, role, organization))


def demo_users_q() -> Q:
    """Demo people: the role logins at the domain itself and everyone at a demo org subdomain."""
    return Q(email__iendswith=f"@{DEMO_DOMAIN}") | Q(email__iendswith=f".{DEMO_DOMAIN}")


def delete_demo(world: World) -> None:
    """Remove demo organisations and demo people (and, by cascade, what hangs off them)."""
    from accounts.models import Organization, User

    for path in reversed(RESET_STAGES):
        import_string(path)(world)
    Organization.objects.filter(source=DEMO_SOURCE).delete()
    User.objects.filter(demo_users_q()).delete()


def load(*, seed: int = DEFAULT_SEED, reset: bool = False, stdout: TextIO | None = None) -> World:
    """Build (or bring up to date) the whole demo world in one transaction and print the logins."""
    world = World(rng=random.Random(seed), now=timezone.now(), stdout=stdout or sys.stdout)  # noqa: S311 - demo data
    world.password_hash = make_password(world.password, salt=_DEMO_SALT)
    with transaction.atomic():
        _load_facets(world)
        if reset:
            delete_demo(world)
        for path in STAGES:
            import_string(path)(world)
    print_summary(world)
    return world


def _load_facets(world: World) -> None:
    from matching.models import Facet

    # The taxonomy comes from matching's data migration; stages look facets up by kind and slug.
    for facet in Facet.objects.all():
        world.facets.setdefault(facet.kind, {})[facet.slug] = facet


def print_summary(world: World) -> None:
    from accounts.models import Membership, Organization, User
    from clusters.models import ClusterMembership

    out = world.stdout
    orgs = Organization.objects.filter(source=DEMO_SOURCE)
    kinds = dict(orgs.values_list("kind").annotate(n=Count("id")).order_by())
    statuses = dict(orgs.values_list("status").annotate(n=Count("id")).order_by())
    people = User.objects.filter(demo_users_q()).count()
    out.write(
        f"Demo world: {len(world.clusters)} clusters, {len(world.alliances)} alliances, {orgs.count()} organisations "
        f"({', '.join(f'{n} {k}' for k, n in sorted(kinds.items()))}; "
        f"{', '.join(f'{n} {s}' for s, n in sorted(statuses.items()))}), {people} people, "
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
