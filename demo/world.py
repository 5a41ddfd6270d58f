"""What every stage shares: the demo's constants and the ``World`` passed from stage to stage.

No model is imported at run time here, so the stages and the tests can import it freely.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, TextIO

from django.db.models import Q

if TYPE_CHECKING:
    from accounts.models import Organization, User
    from clusters.models import Alliance, Cluster
    from taxonomy.models import Facet

DEFAULT_SEED = 2017  # the year of the source report
DEMO_SOURCE = "demo"
DEMO_DOMAIN = "demo.clusterlink.kr"
DEMO_PASSWORD = "clusterlink-demo"  # noqa: S105 - published on purpose: it is printed for `make run`


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
