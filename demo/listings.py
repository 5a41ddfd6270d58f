"""load_demo stages: Korean and English needs and capabilities for the demo organisations, then
a computed round of proposals.

Listings are keyed by ``source="demo"`` + ``external_id`` (``<org external id>:<n>``), so a re-run
updates them in place; the random source is this module's own, so the accounts stages' draws
(and any stage after this one) are unaffected.
"""

from __future__ import annotations

import random

from matching import engine
from matching.models import (
    Listing,
    ListingSide,
    ListingVisibility,
    MatchRun,
    MatchRunStatus,
)
from matching.proposals import dataset
from matching.proposals.runs import run_inline

from ._sync import upsert
from .data import read
from .world import DEMO_SOURCE, World

SEED = 20173

# Listing templates: partnership types, title and description in Korean and English, with
# {area_*}, {tech_*}, {product_*} and the hospital's facts filled in.
_listings = read("listings")
HOSPITAL_CAPS: list[dict] = _listings["hospital_capabilities"]
HOSPITAL_NEEDS: list[dict] = _listings["hospital_needs"]
UNIVERSITY_CAPS: list[dict] = _listings["university_capabilities"]
SERVICE_CAPS: list[dict] = _listings["service_capabilities"]
INVESTOR_CAPS: list[dict] = _listings["investor_capabilities"]
FIRM_NEEDS: list[dict] = _listings["firm_needs"]
FIRM_CAP: dict = _listings["firm_capability"]  # what hospitals' unmet needs ask for
PRODUCTS: dict[str, list[str]] = _listings["products"]
EQUIPMENT: list[str] = _listings["equipment"]


def _fill(template: dict, ctx: dict) -> tuple[list[str], str, str, str, str]:
    texts = (template[k].format(**ctx) for k in ("title_ko", "title_en", "description_ko", "description_en"))
    return (template["types"], *texts)


def _ctx(rng: random.Random, world: World, org, spec: dict) -> dict:
    facets = world.facets
    areas = spec.get("areas") or [rng.choice(sorted(facets["therapeutic_area"]))]
    area = facets["therapeutic_area"][areas[0]]
    tech_slug = spec.get("technology") or rng.choice(sorted(PRODUCTS))
    tech = facets["technology"][tech_slug]
    product = PRODUCTS.get(tech_slug, (tech.label_ko, tech.label_en.lower()))
    return {"area": area, "tech": tech, "area_ko": area.label_ko, "area_en": area.label_en.lower(),
            "tech_ko": tech.label_ko, "tech_en": tech.label_en.lower(), "product_ko": product[0],
            "product_en": product[1], "tpy": org.trials_per_year or rng.randint(20, 80), "irb": org.irb_days or 30,
            "weeks": max(4, round((org.irb_days or 30) / 7) + 2), "cohort": rng.randint(3, 40) * 100,
            "equipment": ", ".join(org.equipment or rng.sample(EQUIPMENT, 2))}


def _plan(world: World) -> list[dict]:
    rng = random.Random(SEED)  # noqa: S311 - demo data
    rows: list[dict] = []
    for ext_id, org in sorted(world.orgs.items()):
        if org.status != "verified":
            continue
        spec = world.org_specs.get(ext_id, {})
        ctx = _ctx(rng, world, org, spec)
        plan: list[tuple[str, dict]] = []
        if org.kind == "hospital":
            plan = [("capability", t) for t in HOSPITAL_CAPS] + [("need", rng.choice(HOSPITAL_NEEDS))]
        elif org.kind == "university":
            plan = [("capability", t) for t in UNIVERSITY_CAPS]
        elif org.kind == "service":
            plan = [("capability", rng.choice(SERVICE_CAPS))]
        elif org.kind == "investor":
            plan = [("capability", INVESTOR_CAPS[0])]
        elif org.kind == "firm":
            plan = [("need", t) for t in rng.sample(FIRM_NEEDS, rng.choice([1, 2]))]
            if rng.random() < 0.35:  # some firms offer what hospitals' unmet needs ask for
                plan.append(("capability", FIRM_CAP))
        for n, (side, template) in enumerate(plan, 1):
            types, tko, ten, dko, den = _fill(template, ctx)
            korean = rng.random() < 0.6
            # One hospital capability in five is confidential: its description stays with the hospital.
            visibility = (ListingVisibility.CONFIDENTIAL if org.kind == "hospital" and n == 2 and rng.random() < 0.4
                          else ListingVisibility.MEMBERS)
            row = {"source": DEMO_SOURCE, "external_id": f"{ext_id}:{n}", "organization_id": org.pk, "side": side,
                   "title": tko if korean else ten, "description": dko if korean else den,
                   "language": "ko" if korean else "en", "visibility": visibility, "status": "open"}
            if side == "capability" and org.kind == "hospital" and "clinical_trial" in types:
                row.update(trial_phases=[p.split()[-1] for p in org.trial_phases or ["phase 1"]],
                           startup_weeks=ctx["weeks"], equipment=ctx["equipment"])
            rows.append({"row": row, "types": types, "areas": [ctx["area"]], "tech": [ctx["tech"]]})
    return rows


SYNC = ["organization_id", "side", "title", "description", "language", "visibility", "status"]


def build_listings(world: World) -> dict[str, Listing]:
    """Needs and capabilities for every verified demo organisation (idempotent)."""
    plan = _plan(world)
    for p in plan:
        p["row"].setdefault("trial_phases", [])
    listings = upsert(Listing, [p["row"] for p in plan], key=["external_id"], sync=SYNC,
                      queryset=Listing.objects.filter(source=DEMO_SOURCE))
    pt = world.facets["partnership_type"]
    for p in plan:
        listing = listings[(p["row"]["external_id"],)]
        listing.partnership_types.set([pt[s] for s in p["types"]])
        listing.therapeutic_areas.set(p["areas"])
        listing.technologies.set(p["tech"] if listing.side == ListingSide.NEED or listing.organization.kind != "hospital"
                                 else [])
    world.extra["matching.listings"] = {k[0]: v for k, v in listings.items()}
    world.stdout.write(f"Demo listings: {len(plan)} needs and capabilities.\n")
    return world.extra["matching.listings"]


def build_proposals(world: World) -> MatchRun | None:
    """One full recompute in-process, so the demo opens with proposals to look at."""
    if MatchRun.objects.filter(status__in=[MatchRunStatus.QUEUED, MatchRunStatus.RUNNING]).exists():
        world.stdout.write("A matching run is in progress; demo proposals are left to it.\n")
        return None
    last = MatchRun.objects.filter(status=MatchRunStatus.DONE).order_by("-finished_at", "-id").first()
    if last is not None and last.fingerprint == dataset.fingerprint() and last.model_version == engine.MODEL_VERSION:
        world.stdout.write("Demo proposals are up to date.\n")  # a re-run writes nothing
        return last
    run = run_inline(user=None)
    world.extra["matching.run"] = run
    world.stdout.write(f"Demo proposals: {run.counts} (model {run.model_version}).\n")
    return run


def delete_runs() -> None:
    """Proposal runs of the demo, once the demo organisations (and so their matches) are gone.

    load_demo starts its runs without a user (a run a demo login started loses its user with the
    demo people); a run that still holds matches also ranked real needs and stays.
    """
    MatchRun.objects.filter(created_by__isnull=True, matches__isnull=True).delete()
