"""A small world for the specialisation tests.

Clusters "spa" (members a1, a2, and u1 whose organisation is not verified) and "spb" (member b1), "spc" with
no members; an outsider organisation x1. Therapeutic-area tags now:
  a1: listing [onc] (two years old);  a2: listing [onc], listing [cns], a draft [cns] (not counted);
  b1: listing [cns], need [cns] with a confirmed partnership with a1 (counts cns for b1 and for a1);
  u1: listing [onc] (not counted: not verified).
So spa: onc 2, cns 2; spb: cns 3; totals onc 2, cns 5, all 7 →
  LQ(spa, onc) = (2/4)/(2/7) = 1.75, LQ(spa, cns) = (2/4)/(5/7) = 0.7, LQ(spb, cns) = (3/3)/(5/7) = 1.4.
A year ago only a1's onc listing existed: LQ(spa, onc) was 1 → "up"; cns is "new".
"""

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from accounts.models import OrganizationStatus
from clusters.models import Alliance
from core.dates import today as local_today
from matching.models import Listing, Match, Partnership
from taxonomy.models import Facet
from tests.factories import ClusterFactory, ClusterMembershipFactory, MembershipFactory, OrganizationFactory, UserFactory


@dataclass
class SpecWorld:
    a: object
    b: object
    c: object
    alliance: object
    orgs: dict
    people: dict
    manager_a: object
    manager_b: object
    onc: object
    cns: object
    ai: object


def _listing(org, facets, *, draft=False, tech=(), created=None):
    listing = Listing.objects.create(organization=org, side="need", title=f"Need of {org.name_en}", description="x",
                                     status="draft" if draft else "open")
    listing.therapeutic_areas.set(facets)
    listing.technologies.set(tech)
    if created:
        Listing.objects.filter(pk=listing.pk).update(created_at=created)
    return listing


def build_spec_world() -> SpecWorld:
    a = ClusterFactory(slug="spa", name_en="Spa Bio", name_ko="스파 바이오")
    b = ClusterFactory(slug="spb", name_en="Spb Medi", name_ko="에스피비 메디")
    c = ClusterFactory(slug="spc", name_en="Spc Empty", name_ko="빈 클러스터")
    alliance = Alliance.objects.create(slug="spab", name_en="Spa-Spb Alliance", name_ko="연합")
    alliance.clusters.add(a, b)
    onc = Facet.objects.create(kind="therapeutic_area", slug="h2-onc", label_en="Oncology test", label_ko="종양 테스트")
    cns = Facet.objects.create(kind="therapeutic_area", slug="h2-cns", label_en="Neuro test", label_ko="신경 테스트")
    ai = Facet.objects.create(kind="technology", slug="h2-ai", label_en="AI test", label_ko="인공지능 테스트")
    orgs = {
        "a1": OrganizationFactory(name_en="A One Firm"), "a2": OrganizationFactory(name_en="A Two Hospital", kind="hospital"),
        "b1": OrganizationFactory(name_en="B One Firm"), "x1": OrganizationFactory(name_en="X Outsider"),
        "u1": OrganizationFactory(name_en="U Pending", status=OrganizationStatus.PENDING),
    }
    for key, cluster in (("a1", a), ("a2", a), ("u1", a), ("b1", b)):
        ClusterMembershipFactory(organization=orgs[key], cluster=cluster)
    people = {}
    for key, org in orgs.items():
        people[key] = UserFactory(email=f"{key}@spec.example.kr")
        MembershipFactory(user=people[key], organization=org)
    manager_a, manager_b = UserFactory(email="manager-a@spec.example.kr"), UserFactory(email="manager-b@spec.example.kr")
    a.managers.add(manager_a)
    b.managers.add(manager_b)
    now = timezone.now()
    _listing(orgs["a1"], [onc], created=now - timedelta(days=730))
    _listing(orgs["a2"], [onc], tech=[ai])
    _listing(orgs["a2"], [cns])
    _listing(orgs["a2"], [cns], draft=True)
    _listing(orgs["b1"], [cns])
    need = _listing(orgs["b1"], [cns])
    _listing(orgs["u1"], [onc])
    match = Match.objects.create(need=need, counterpart=orgs["a1"], source="model", status="partnership")
    Partnership.objects.create(match=match, kind="co_development", started_on=local_today(), status="confirmed",
                               confirmed_at=now - timedelta(days=1))
    return SpecWorld(a, b, c, alliance, orgs, people, manager_a, manager_b, onc, cns, ai)
