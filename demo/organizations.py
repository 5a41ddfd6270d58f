"""Stages 2 and 4: organisations of every kind, and their membership of clusters."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import TYPE_CHECKING

from accounts.models import Organization, OrganizationKind, OrganizationStatus
from clusters.models import ClusterMembership, ClusterMembershipStatus

from ._sync import upsert
from .data import read
from .institutions import CLUSTER_FIRM_WEIGHT, CLUSTER_REGION, CLUSTER_TECH, HOSPITALS, PUBLIC, UNIVERSITIES
from .world import DEMO_DOMAIN, DEMO_SOURCE, World

if TYPE_CHECKING:
    import random

_words = read("words")
# Firm names are built from a prefix, a core and a suffix that depends on the firm's technology.
NAME_PREFIXES: list[list[str]] = _words["name_prefixes"]
NAME_CORES: list[list[str]] = _words["name_cores"]
NAME_SUFFIXES: dict[str, list[list[str]]] = _words["name_suffixes"]
PRODUCTS: dict[str, list[list[str]]] = _words["products"]  # what a firm of each technology makes
FIRM_NEEDS: list[list[str]] = _words["firm_needs"]  # phrased so the matcher can read them
INVESTOR_STEMS: list[list[str]] = _words["investor_stems"]
INVESTOR_SUFFIXES: list[list[str]] = _words["investor_suffixes"]
# What each generated investor backs (areas, technologies, a focus line), taken in turn.
INVESTOR_PORTFOLIOS: list[dict] = _words["investor_portfolios"]
SERVICE_KINDS: list[dict] = _words["service_kinds"]  # key, ko and en name suffix, [ko, en] description
SERVICE_STEMS: list[list[str]] = _words["service_stems"]
# The therapeutic areas each generated service firm has worked in, taken in turn.
SERVICE_AREAS: list[list[str]] = _words["service_areas"]
# Generated names must not spell a real company's (compared without spaces, case-insensitively).
AVOID_NAMES: list[str] = _words["avoid_names"]
# Hand-written organisations the demo logins belong to, plus the odd cases (pending, rejected, abroad).
# ``key`` is ``<kind prefix>-<domain label>``; it becomes the organisation's external_id.
SPECIAL_ORGS: list[dict] = read("special_orgs")

N_FIRMS = 130
N_INVESTORS = 10
N_SERVICES = 12
N_PENDING = 7  # generated firms waiting in a verification queue (plus the special pending one)
REFERENCE_YEAR = 2026  # "now" for founding years, fixed so the data never drifts between runs
DRUG_TECH = {"small_molecule", "biologic", "cell_therapy", "gene_therapy", "vaccine", "regenerative"}
SEOUL_GYEONGGI = ["hongneung", "pangyo", "gwanggyo", "hyangnam", "songdo"]

_ORG_SYNC = ["name_ko", "name_en", "kind", "region", "country", "website", "website_domain", "founded", "employees",
             "stage_id", "description", "status", "rejection_reason", "trial_phases", "trials_per_year",
             "irb_days", "equipment"]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _institution_specs() -> list[dict]:
    """The named hospitals, universities, agencies and the hand-written special organisations."""
    specs = []
    for kind, prefix, items in (("hospital", "hospital", HOSPITALS), ("university", "univ", UNIVERSITIES),
                                ("public", "public", PUBLIC)):
        for item in items:
            specs.append({**item, "kind": kind, "external_id": f"{prefix}-{item['key']}", "domain": item["key"]})
    for item in SPECIAL_ORGS:
        specs.append({**item, "external_id": item["key"], "domain": item.get("domain", item["key"].split("-", 1)[1])})
    return specs


def _unique_name(rng: random.Random, used: set[str], make) -> tuple[str, str]:
    while True:
        ko, en = make(rng)
        compact = en.lower().replace(" ", "")
        if en not in used and ko not in used and not any(name in compact for name in AVOID_NAMES):
            used.update((ko, en))
            return ko, en


def _firm_specs(world: World, used: set[str]) -> list[dict]:
    rng = world.rng
    areas = list(world.facets["therapeutic_area"].values())
    techs = world.facets["technology"]
    slugs = list(CLUSTER_FIRM_WEIGHT)
    weights = [CLUSTER_FIRM_WEIGHT[s] for s in slugs]
    pending = set(rng.sample(range(N_FIRMS), N_PENDING))
    specs = []
    for i in range(N_FIRMS):
        cluster = rng.choices(slugs, weights)[0]
        tech = rng.choice(CLUSTER_TECH[cluster])
        size = rng.choices(["startup", "sme", "large"], [78, 17, 5])[0]
        if i in pending:
            size = "startup"
        elif size == "large" and tech not in DRUG_TECH:
            size = "sme"
        if size == "large":  # established pharma: "다온제약 / Daon Pharmaceutical"
            def make(r):
                p = r.choice(NAME_PREFIXES)
                return f"{p[0]}제약", f"{p[1]} Pharmaceutical"
        else:
            def make(r, tech=tech):
                p = r.choice(NAME_PREFIXES)
                c = r.choice([c for c in NAME_CORES if c[0] != p[0]])  # no "젠젠 / Gengen"
                # no "Vitabio Bio" or "Gencell Cell Therapy"
                s = r.choice([s for s in NAME_SUFFIXES[tech] if not s[1].lower().startswith(c[1])])
                return f"{p[0]}{c[0]}{s[0]}", f"{p[1]}{c[1]} {s[1]}"
        ko, en = _unique_name(rng, used, make)
        clusters = [cluster]
        if cluster in SEOUL_GYEONGGI and rng.random() < 0.2:
            clusters.append(rng.choice([c for c in SEOUL_GYEONGGI if c != cluster]))
        if size == "startup":
            age = rng.randint(0 if i in pending else 1, 9)
            founded, employees = REFERENCE_YEAR - age, rng.randint(3, 8 + 6 * age)  # teams grow with age
            stages = (["discovery", "preclinical", "preclinical", "phase1", "phase1", "phase2"] if tech in DRUG_TECH
                      else ["idea", "discovery", "preclinical", "approval", "market"])
        elif size == "sme":
            founded, employees = rng.randint(1995, 2015), rng.randint(60, 450)
            stages = (["phase1", "phase2", "phase3", "approval", "market"] if tech in DRUG_TECH
                      else ["approval", "market", "market", "growth"])
        else:
            founded, employees = rng.randint(1945, 1990), rng.randint(800, 4000)
            stages = ["market", "growth"]
        if i in pending:
            employees, stages = rng.randint(2, 8), ["idea", "discovery"]
        firm_areas = rng.sample(areas, rng.choice([1, 1, 2]))
        product = rng.choice(PRODUCTS[tech])
        needs = rng.sample(FIRM_NEEDS, rng.choice([1, 2]))
        t = techs[tech]
        if rng.random() < 0.6:
            kind_ko = {"startup": "스타트업", "sme": "벤처기업", "large": "제약기업"}[size]
            description = (f"{'·'.join(a.label_ko for a in firm_areas)} 분야의 {product[0]} 개발 {kind_ko}입니다. "
                           f"핵심 기술: {t.label_ko}. " + " ".join(n[0] for n in needs))
        else:
            kind_en = {"startup": "Startup", "sme": "Company", "large": "Pharmaceutical company"}[size]
            description = (f"{kind_en} developing {product[1]} for "
                           f"{' and '.join(a.label_en.lower() for a in firm_areas)}. "
                           f"Core technology: {t.label_en}. " + " ".join(n[1] for n in needs))
        specs.append({
            "external_id": f"firm-{i + 1:03d}", "kind": "firm", "ko": ko, "en": en, "domain": _slug(en),
            "region": CLUSTER_REGION[cluster], "clusters": clusters, "founded": founded, "employees": employees,
            "stage": rng.choice(stages), "description": description, "size": size,
            "status": "pending" if i in pending else "verified", "technology": tech,
            "areas": [a.slug for a in firm_areas],
        })
    return specs


def _investor_specs(world: World, used: set[str]) -> list[dict]:
    rng = world.rng
    specs = []
    for i in range(N_INVESTORS):
        def make(r):
            s, x = r.choice(INVESTOR_STEMS), r.choice(INVESTOR_SUFFIXES)
            return f"{s[0]}{x[0]}", f"{s[1]} {x[1]}"
        ko, en = _unique_name(rng, used, make)
        region = rng.choice(["seoul", "seoul", "gyeonggi"])
        clusters = ["hongneung" if region == "seoul" else "pangyo"]
        if rng.random() < 0.3:
            clusters.append(rng.choice(["songdo", "daedeok", "osong", "gwanggyo"]))
        portfolio = INVESTOR_PORTFOLIOS[i % len(INVESTOR_PORTFOLIOS)]
        focus = portfolio["focus"]
        specs.append({
            "external_id": f"investor-{i + 1:03d}", "kind": "investor", "ko": ko, "en": en, "domain": _slug(en),
            "region": region, "clusters": clusters, "founded": rng.randint(2000, 2022),
            "employees": rng.randint(5, 60), "description": focus[0] if rng.random() < 0.6 else focus[1],
            "areas": portfolio["areas"], "technologies": portfolio["technologies"],
        })
    return specs


def _service_specs(world: World, used: set[str]) -> list[dict]:
    rng = world.rng
    slugs = list(CLUSTER_FIRM_WEIGHT)
    weights = [CLUSTER_FIRM_WEIGHT[s] for s in slugs]
    specs = []
    for i in range(N_SERVICES):
        service = SERVICE_KINDS[i % len(SERVICE_KINDS)]

        def make(r, service=service):
            s = r.choice(SERVICE_STEMS)
            return f"{s[0]} {service['ko']}", f"{s[1]} {service['en']}"
        ko, en = _unique_name(rng, used, make)
        cluster = rng.choices(slugs, weights)[0]
        specs.append({
            "external_id": f"service-{i + 1:03d}", "kind": "service", "ko": ko, "en": en, "domain": _slug(en),
            "region": CLUSTER_REGION[cluster], "clusters": [cluster], "founded": rng.randint(1990, 2020),
            "employees": rng.randint(8, 300),
            "description": service["description"][0] if rng.random() < 0.6 else service["description"][1],
            "service": service["key"], "areas": SERVICE_AREAS[i % len(SERVICE_AREAS)],
        })
    return specs


def _org_row(spec: dict, world: World) -> dict:
    stage = world.facets["stage"].get(spec.get("stage") or "")
    website = f"https://{spec['domain']}.{DEMO_DOMAIN}"
    status = spec.get("status", OrganizationStatus.VERIFIED)
    return {
        "source": DEMO_SOURCE, "external_id": spec["external_id"], "name_ko": spec["ko"], "name_en": spec["en"],
        "kind": spec["kind"], "region": spec["region"], "country": spec.get("country", "KR"), "website": website,
        # bulk_create skips Organization.save(), which is what normally derives the domain.
        "website_domain": f"{spec['domain']}.{DEMO_DOMAIN}", "founded": spec.get("founded"),
        "employees": spec.get("employees"), "stage_id": stage.pk if stage else None,
        "description": spec.get("description", ""), "status": status,
        "rejection_reason": spec.get("rejection_reason", ""), "trial_phases": spec.get("trial_phases", []),
        "trials_per_year": spec.get("trials_per_year"), "irb_days": spec.get("irb_days"),
        "equipment": spec.get("equipment", []),
        # Set only on creation: when it was verified is history, not configuration.
        "verified_at": world.now - timedelta(days=spec["days_ago"]) if status == "verified" else None,
    }


def build_organizations(world: World) -> dict[str, Organization]:
    """Every demo organisation by external_id; generator facts go to ``world.org_specs``."""
    specs = _institution_specs()
    used = {s["ko"] for s in specs} | {s["en"] for s in specs}
    specs += _firm_specs(world, used) + _investor_specs(world, used) + _service_specs(world, used)
    for spec in specs:
        # How long ago it joined: pending ones asked last week, others over the past two years.
        spec["days_ago"] = world.rng.randint(1, 9) if spec.get("status") == "pending" else world.rng.randint(30, 720)
        if spec["kind"] not in OrganizationKind.values:  # a typo in the data files
            raise ValueError(f"unknown organisation kind in demo data: {spec}")
    world.org_specs = {s["external_id"]: s for s in specs}
    orgs = upsert(Organization, [_org_row(s, world) for s in specs], key=["external_id"], sync=_ORG_SYNC,
                  queryset=Organization.objects.filter(source=DEMO_SOURCE))
    world.orgs = {k[0]: o for k, o in orgs.items()}
    return world.orgs


def build_cluster_memberships(world: World) -> list[ClusterMembership]:
    """Approved for verified organisations, requested for pending ones, rejected with the reason."""
    status_map = {"verified": ClusterMembershipStatus.APPROVED, "pending": ClusterMembershipStatus.REQUESTED,
                  "rejected": ClusterMembershipStatus.REJECTED}
    rows = []
    for ext_id, spec in world.org_specs.items():
        org = world.orgs[ext_id]
        requested = world.now - timedelta(days=spec["days_ago"] + 7)
        for slug in spec["clusters"]:
            status = status_map[org.status]
            decided = status != ClusterMembershipStatus.REQUESTED
            manager = world.managers[slug][0] if decided and world.managers.get(slug) else None
            rows.append({
                "organization_id": org.pk, "cluster_id": world.clusters[slug].pk, "status": status,
                "reason": org.rejection_reason if status == ClusterMembershipStatus.REJECTED else "",
                "requested_at": requested, "decided_at": world.now - timedelta(days=spec["days_ago"]) if decided else None,
                "decided_by_id": manager.pk if manager else None,
            })
    memberships = upsert(ClusterMembership, rows, key=["organization_id", "cluster_id"], sync=["status", "reason"])
    # Who verified each organisation: the manager of its first cluster (set once, like verified_at).
    unverified_by = []
    for ext_id, org in world.orgs.items():
        managers = world.managers.get(world.org_specs[ext_id]["clusters"][0])
        if org.status == OrganizationStatus.VERIFIED and org.verified_by_id is None and managers:
            org.verified_by_id = managers[0].pk
            unverified_by.append(org)
    Organization.objects.bulk_update(unverified_by, ["verified_by"])
    return list(memberships.values())
