"""Scale the demo world up for load tests: thousands of generated organisations, their people, listings
and proposals, written with bulk_create (minutes, not hours).

Run after ``load_demo``: the generated organisations join the demo's clusters, their needs are proposed
to the demo's hospitals and universities (so a TTO reviewer's queue is as long as a busy cluster's),
and the role logins see the same pages at a realistic size. Everything generated carries
``source="demo-scale"`` (people: ``@scale.demo.clusterlink.kr``), so a re-run replaces it and
``load_demo --reset`` removes the people (the organisations go with ``scale_demo --remove``).
Names come from the demo's word lists with a fixed seed: the same arguments give the same data.
"""

from __future__ import annotations

import random
import sys
from datetime import timedelta
from typing import TextIO

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone, translation

from accounts.models import Membership, MembershipRole, Organization, OrganizationKind, OrganizationStatus, User
from accounts.regions import Region
from clusters.models import Cluster, ClusterMembership, ClusterMembershipStatus
from matching.models import Listing, ListingVisibility, Match, MatchSource, MatchStatus
from taxonomy.models import Facet

from .institutions import CLUSTER_FIRM_WEIGHT, CLUSTER_REGION, CLUSTER_TECH
from .listings import FIRM_CAP, FIRM_NEEDS, INVESTOR_CAPS, SERVICE_CAPS, UNIVERSITY_CAPS, _ctx, _fill
from .organizations import INVESTOR_STEMS, INVESTOR_SUFFIXES, NAME_CORES, NAME_PREFIXES, NAME_SUFFIXES, SERVICE_STEMS
from .world import DEMO_DOMAIN, DEMO_PASSWORD, DEMO_SOURCE, World

SCALE_SOURCE = "demo-scale"
SCALE_EMAIL_DOMAIN = f"scale.{DEMO_DOMAIN}"
DEFAULT_SCALE_SEED = 5000
BATCH = 2000
# Kinds of the generated organisations: a cluster is mostly firms (weights as in a Korean bio cluster).
KIND_WEIGHTS = {OrganizationKind.FIRM: 86, OrganizationKind.SERVICE: 8, OrganizationKind.INVESTOR: 4,
                OrganizationKind.UNIVERSITY: 2}
KIND_KO = {OrganizationKind.FIRM: "기업", OrganizationKind.SERVICE: "전문 서비스 기업",
           OrganizationKind.INVESTOR: "투자사", OrganizationKind.UNIVERSITY: "연구기관"}
KIND_EN = {OrganizationKind.FIRM: "A firm", OrganizationKind.SERVICE: "A specialist service firm",
           OrganizationKind.INVESTOR: "An investor", OrganizationKind.UNIVERSITY: "A research institute"}
UNIV_WORDS = [["한빛", "Hanbit"], ["새솔", "Saesol"], ["누리", "Nuri"], ["다온", "Daon"], ["가온", "Gaon"],
              ["하람", "Haram"], ["온누리", "Onnuri"], ["미르", "Mir"], ["라온", "Raon"], ["아라", "Ara"]]
UNIV_KINDS = [["바이오연구소", "Bio Research Institute"], ["의생명연구원", "Biomedical Research Institute"],
              ["산학협력단", "Industry-Academia Foundation"]]
FAMILY_NAMES = [["김", "Kim"], ["이", "Lee"], ["박", "Park"], ["최", "Choi"], ["정", "Jung"], ["강", "Kang"],
                ["조", "Cho"], ["윤", "Yoon"], ["장", "Jang"], ["임", "Lim"], ["한", "Han"], ["오", "Oh"]]
GIVEN_NAMES = [["민준", "Minjun"], ["서윤", "Seoyun"], ["지호", "Jiho"], ["하은", "Haeun"], ["도현", "Dohyun"],
               ["수아", "Sua"], ["예준", "Yejun"], ["지우", "Jiwoo"], ["시우", "Siwoo"], ["채원", "Chaewon"]]


def _name(rng: random.Random, kind: str, tech: str, used: set[str], region_ko: str, region_en: str) -> tuple[str, str]:
    """A believable Korean and English name, unique among those generated (a region is added on a clash)."""
    for attempt in range(50):
        if kind == OrganizationKind.INVESTOR:
            stem, suffix = rng.choice(INVESTOR_STEMS), rng.choice(INVESTOR_SUFFIXES)
            ko, en = f"{stem[0]}{suffix[0]}", f"{stem[1]} {suffix[1]}"
        elif kind == OrganizationKind.SERVICE:
            stem = rng.choice(SERVICE_STEMS)
            extra = rng.choice([["", ""], ["코리아", " Korea"], ["랩", " Lab"], ["메디컬", " Medical"]])
            ko, en = f"{stem[0]}{extra[0]}", f"{stem[1]}{extra[1]}"
        elif kind == OrganizationKind.UNIVERSITY:
            word, inst = rng.choice(UNIV_WORDS), rng.choice(UNIV_KINDS)
            ko, en = f"{region_ko} {word[0]}대학교 {inst[0]}", f"{region_en} {word[1]} University {inst[1]}"
        else:
            p = rng.choice(NAME_PREFIXES)
            c = rng.choice([c for c in NAME_CORES if c[0] != p[0]])
            s = rng.choice([s for s in NAME_SUFFIXES[tech] if not s[1].lower().startswith(c[1])])
            ko, en = f"{p[0]}{c[0]}{s[0]}", f"{p[1]}{c[1]} {s[1]}"
        if attempt > 10:  # the word lists run out of fresh combinations: a place name tells them apart
            ko, en = f"{ko} {region_ko}", f"{en} {region_en}"
        if attempt > 30:
            ko, en = f"{ko} {attempt}", f"{en} {attempt}"
        if en not in used and ko not in used:
            used.update((ko, en))
            return ko, en
    raise RuntimeError("could not invent a unique organisation name")


def remove(stdout: TextIO | None = None) -> None:
    """Delete everything a previous scale_demo wrote (listings and matches cascade from the organisations)."""
    with transaction.atomic():
        orgs, _ = Organization.objects.filter(source=SCALE_SOURCE).delete()
        User.objects.filter(email__iendswith=f"@{SCALE_EMAIL_DOMAIN}").delete()
    if stdout:
        stdout.write(f"Removed the scaled demo data ({orgs} rows).\n")


def scale(*, organizations: int, listings: int, seed: int = DEFAULT_SCALE_SEED, stdout: TextIO | None = None) -> dict:
    """Top the database up to ``organizations`` organisations and ``listings`` listings in all (demo included)."""
    out = stdout or sys.stdout
    remove()
    rng = random.Random(seed)  # noqa: S311 - demo data
    now = timezone.now()
    with transaction.atomic():
        clusters = {c.slug: c for c in Cluster.objects.filter(slug__in=list(CLUSTER_FIRM_WEIGHT))}
        if not clusters:
            raise RuntimeError("Load the demo first (manage.py load_demo): scale_demo adds to its clusters.")
        n_orgs = max(0, organizations - Organization.objects.count())
        orgs = _organizations(rng, n_orgs, clusters, now)
        out.write(f"Scaled demo: {len(orgs)} organisations.\n")
        _people(rng, orgs, now)
        n_listings = max(0, listings - Listing.objects.count())
        needs = _listings(rng, orgs, n_listings)
        out.write(f"Scaled demo: {n_listings} listings.\n")
        n_matches = _matches(rng, needs, now)
        out.write(f"Scaled demo: {n_matches} proposals to the demo's hospitals and universities.\n")
    return {"organizations": len(orgs), "listings": n_listings, "matches": n_matches}


def _organizations(rng: random.Random, n: int, clusters: dict[str, Cluster], now) -> list[Organization]:
    slugs = [s for s in CLUSTER_FIRM_WEIGHT if s in clusters]
    weights = [CLUSTER_FIRM_WEIGHT[s] for s in slugs]
    with translation.override("en"):
        region_en_labels = {code: str(label) for code, label in Region.choices}
    with translation.override("ko"):
        region_ko_labels = {code: str(label) for code, label in Region.choices}
    stages = list(Facet.objects.filter(kind="stage").order_by("order", "slug"))
    techs = {f.slug: f for f in Facet.objects.filter(kind="technology")}
    used = set(Organization.objects.values_list("name_en", flat=True)) | set(
        Organization.objects.values_list("name_ko", flat=True))
    kinds, kind_weights = list(KIND_WEIGHTS), list(KIND_WEIGHTS.values())
    rows, homes, specs = [], [], []
    for i in range(n):
        cluster = rng.choices(slugs, weights)[0]
        region = CLUSTER_REGION[cluster]
        kind = rng.choices(kinds, kind_weights)[0]
        tech = rng.choice(CLUSTER_TECH[cluster])
        region_en, region_ko = region_en_labels.get(region, region), region_ko_labels.get(region, region)
        ko, en = _name(rng, kind, tech, used, region_ko, region_en)
        status = OrganizationStatus.VERIFIED if rng.random() < 0.97 else OrganizationStatus.PENDING
        domain = f"org{i:05d}.{SCALE_EMAIL_DOMAIN}"
        rows.append(Organization(
            name_ko=ko, name_en=en, kind=kind, region=region, country="KR", website=f"https://{domain}",
            website_domain=domain, founded=rng.randint(1995, 2026), employees=rng.randint(3, 400),
            stage=rng.choice(stages) if kind == OrganizationKind.FIRM and stages else None,
            description=f"{region_ko} {techs[tech].label_ko} {KIND_KO[kind]}. / "
                        f"{KIND_EN[kind]} in {region_en}: {techs[tech].label_en.lower()}.",
            status=status, verified_at=now if status == OrganizationStatus.VERIFIED else None,
            source=SCALE_SOURCE, external_id=f"scale-{i:05d}",
        ))
        homes.append(cluster)
        specs.append({"technology": tech})
    orgs = Organization.objects.bulk_create(rows, batch_size=BATCH)
    ClusterMembership.objects.bulk_create([
        ClusterMembership(organization=o, cluster=clusters[c], status=(
            ClusterMembershipStatus.APPROVED if o.status == OrganizationStatus.VERIFIED
            else ClusterMembershipStatus.REQUESTED), requested_at=now - timedelta(days=rng.randint(1, 900)),
            decided_at=now if o.status == OrganizationStatus.VERIFIED else None)
        for o, c in zip(orgs, homes, strict=True)
    ], batch_size=BATCH)
    for o, spec in zip(orgs, specs, strict=True):
        o.scale_spec = spec
    return orgs


def _people(rng: random.Random, orgs: list[Organization], now) -> None:
    """One or two people per organisation (its admin first), all with the demo password."""
    password = make_password(DEMO_PASSWORD, salt="clusterlinkscale")
    users, owners = [], []
    for i, org in enumerate(orgs):
        for j in range(rng.choice([1, 1, 2])):
            fam, given = rng.choice(FAMILY_NAMES), rng.choice(GIVEN_NAMES)
            users.append(User(email=f"p{i:05d}-{j}@{SCALE_EMAIL_DOMAIN}", full_name=f"{fam[0]}{given[0]}",
                              password=password, language=rng.choice(["ko", "ko", "en"]), email_verified_at=now))
            owners.append((org, MembershipRole.ADMIN if j == 0 else MembershipRole.MEMBER))
    users = User.objects.bulk_create(users, batch_size=BATCH)
    Membership.objects.bulk_create([
        Membership(user=u, organization=o, role=role, may_be_contact=role == MembershipRole.ADMIN)
        for u, (o, role) in zip(users, owners, strict=True)
    ], batch_size=BATCH)


def _templates(org: Organization) -> list[tuple[str, dict]]:
    if org.kind == OrganizationKind.FIRM:
        return [("need", t) for t in FIRM_NEEDS] + [("capability", FIRM_CAP)]
    if org.kind == OrganizationKind.UNIVERSITY:
        return [("capability", t) for t in UNIVERSITY_CAPS]
    if org.kind == OrganizationKind.INVESTOR:
        return [("capability", t) for t in INVESTOR_CAPS]
    return [("capability", t) for kind in sorted(SERVICE_CAPS) for t in SERVICE_CAPS[kind]]


def _listings(rng: random.Random, orgs: list[Organization], n: int) -> list[Listing]:
    """``n`` listings spread over the verified generated organisations; returns the open needs."""
    facets: dict[str, dict[str, Facet]] = {}
    for f in Facet.objects.all():
        facets.setdefault(f.kind, {})[f.slug] = f
    world = World(rng=rng, now=timezone.now(), stdout=sys.stdout, facets=facets)
    verified = [o for o in orgs if o.status == OrganizationStatus.VERIFIED]
    if not verified or n == 0:
        return []
    ctxs = {o.pk: _ctx(rng, world, o, o.scale_spec) for o in verified}
    rows, tags = [], []
    for k in range(n):
        org = verified[k % len(verified)] if k < len(verified) else rng.choice(verified)
        ctx = ctxs[org.pk]
        side, template = rng.choice(_templates(org))
        areas = ctx["areas"] if rng.random() < 0.7 else [rng.choice(sorted(facets["therapeutic_area"]))]
        techs = [ctx["tech_slug"]] if side == "need" or "licensing" in template["types"] else []
        tko, ten, dko, den = _fill(world, template, ctx, areas, techs)
        korean = rng.random() < 0.6
        rows.append(Listing(
            organization=org, side=side, title=(tko if korean else ten[:1].upper() + ten[1:])[:200],
            description=dko if korean else den, language="ko" if korean else "en",
            visibility=ListingVisibility.MEMBERS, status="open" if rng.random() < 0.9 else "closed",
            source=SCALE_SOURCE, external_id=f"{org.external_id}:{k}",
        ))
        tags.append((template["types"], areas, techs))
    listings = Listing.objects.bulk_create(rows, batch_size=BATCH)
    pt, ta, te = facets.get("partnership_type", {}), facets["therapeutic_area"], facets["technology"]
    through = [(Listing.partnership_types.through, "facet_id", lambda t: [pt[s] for s in t[0] if s in pt]),
               (Listing.therapeutic_areas.through, "facet_id", lambda t: [ta[s] for s in t[1]]),
               (Listing.technologies.through, "facet_id", lambda t: [te[s] for s in t[2] if s in te])]
    for model, column, pick in through:
        model.objects.bulk_create([model(listing_id=li.pk, **{column: f.pk})
                                   for li, t in zip(listings, tags, strict=True) for f in pick(t)], batch_size=BATCH * 5)
    return [li for li in listings if li.side == "need" and li.status == "open"]


def _matches(rng: random.Random, needs: list[Listing], now) -> int:
    """Each generated open need proposed to one demo hospital or university, with that side's capability as
    the supporting listing: the reviewers' queues grow as a busy cluster's would."""
    capabilities: dict[int, list[int]] = {}
    for org_id, pk in Listing.objects.filter(
            organization__source=DEMO_SOURCE, organization__kind__in=["hospital", "university"],
            organization__status=OrganizationStatus.VERIFIED, side="capability", status="open",
    ).values_list("organization_id", "pk"):
        capabilities.setdefault(org_id, []).append(pk)
    if not capabilities or not needs:
        return 0
    counterparts = sorted(capabilities)
    rows = [Match(need=n, counterpart_id=rng.choice(counterparts), score=round(rng.uniform(0.1, 1.6), 4),
                  source=MatchSource.MODEL, status=MatchStatus.PROPOSED, model_version="demo-scale",
                  need_updated_at=now) for n in needs]
    matches = Match.objects.bulk_create(rows, batch_size=BATCH)
    through = Match.supporting_listings.through
    through.objects.bulk_create([through(match_id=m.pk, listing_id=rng.choice(capabilities[m.counterpart_id]))
                                 for m in matches], batch_size=BATCH * 5)
    return len(matches)
