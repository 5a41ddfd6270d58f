"""load_demo stages: Korean and English needs and capabilities for the demo organisations, then
a computed round of proposals.

Listings are keyed by ``source="demo"`` + ``external_id`` (``<org external id>:<n>``), so a re-run
updates them in place; the random source is this module's own, so the accounts stages' draws
(and any stage after this one) are unaffected.
"""

from __future__ import annotations

import random
import zlib
from datetime import timedelta

from matching import engine
from matching.models import (
    Listing,
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
# {areas_*}, {techs_*}, {tech_*}, {product_*} and the hospital's facts filled in. Each listing is
# tagged with the therapeutic areas its text names, so a need finds counterparts of its field.
_listings = read("listings")
HOSPITAL_CAPS: list[dict] = _listings["hospital_capabilities"]  # "areas" names the hospital's list to use
HOSPITAL_NEEDS: list[dict] = _listings["hospital_needs"]  # with their own areas and technologies
UNIVERSITY_CAPS: list[dict] = _listings["university_capabilities"]
SERVICE_CAPS: dict[str, list[dict]] = _listings["service_capabilities"]  # by kind of service firm
INVESTOR_CAPS: list[dict] = _listings["investor_capabilities"]
FIRM_NEEDS: list[dict] = _listings["firm_needs"]
FIRM_CAP: dict = _listings["firm_capability"]  # what hospitals' unmet needs ask for
# The diseases each therapeutic area stands for, [ko, en]: descriptions name them ({fields_*}).
AREA_TERMS: dict[str, list[str]] = _listings["area_terms"]
PRODUCTS: dict[str, list[str]] = _listings["products"]
EQUIPMENT: list[str] = _listings["equipment"]


def _labels(world: World, kind: str, slugs: list[str], lang: str) -> str:
    facets = world.facets[kind]
    labels = [facets[s].label_ko if lang == "ko" else facets[s].label_en for s in slugs]
    return ", ".join(labels) if lang == "ko" else ", ".join(label[:1].lower() + label[1:] for label in labels)


def _phases(trial_phases: list[str] | None) -> tuple[str, str]:
    """("제1~4상", "phases 1–4") from ["phase 1", ..., "phase 4"]."""
    numbers = sorted(int(p.split()[-1]) for p in trial_phases or ["phase 1"])
    if len(numbers) == 1:
        return f"제{numbers[0]}상", f"phase {numbers[0]}"
    if numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"제{numbers[0]}~{numbers[-1]}상", f"phases {numbers[0]}–{numbers[-1]}"
    return f"제{'·'.join(map(str, numbers))}상", f"phases {', '.join(map(str, numbers))}"


def _fill(world: World, template: dict, ctx: dict, areas: list[str], techs: list[str]) -> tuple[str, str, str, str]:
    full = {**ctx, "areas_ko": _labels(world, "therapeutic_area", areas, "ko"),
            "areas_en": _labels(world, "therapeutic_area", areas, "en"),
            "fields_ko": ", ".join(AREA_TERMS[a][0] for a in areas),
            "fields_en": "; ".join(f"{_labels(world, 'therapeutic_area', [a], 'en')} ({AREA_TERMS[a][1]})"
                                   for a in areas),
            "techs_ko": _labels(world, "technology", techs or [ctx["tech_slug"]], "ko"),
            "techs_en": _labels(world, "technology", techs or [ctx["tech_slug"]], "en")}
    return tuple(template[k].format(**full) for k in ("title_ko", "title_en", "description_ko", "description_en"))


def _ctx(rng: random.Random, world: World, org, spec: dict) -> dict:
    facets = world.facets
    areas = spec.get("areas") or [rng.choice(sorted(facets["therapeutic_area"]))]
    tech_slug = spec.get("technology") or (spec.get("technologies") or [None])[0] or rng.choice(sorted(PRODUCTS))
    tech = facets["technology"][tech_slug]
    product = PRODUCTS.get(tech_slug, (tech.label_ko, tech.label_en.lower()))
    phases_ko, phases_en = _phases(org.trial_phases)
    return {"areas": areas, "tech_slug": tech_slug, "tech_ko": tech.label_ko, "tech_en": tech.label_en.lower(),
            "product_ko": product[0], "product_en": product[1], "tpy": org.trials_per_year or rng.randint(20, 80),
            "irb": org.irb_days or 30, "weeks": max(4, round((org.irb_days or 30) / 7) + 2),
            "cohort": rng.randint(3, 40) * 100, "equipment": ", ".join(org.equipment or rng.sample(EQUIPMENT, 2)),
            "phases_ko": phases_ko, "phases_en": phases_en}


def _org_plan(rng: random.Random, org, spec: dict, ctx: dict) -> list[tuple[str, dict, list[str], list[str]]]:
    """(side, template, therapeutic areas, technologies) of every listing the organisation posts."""
    areas, tech = ctx["areas"], [ctx["tech_slug"]]
    if spec.get("listings"):  # hand-written (the role logins' stories)
        return [(t["side"], t, t["areas"], t["technologies"]) for t in spec["listings"]]
    if org.kind == "hospital":
        need = rng.choice(HOSPITAL_NEEDS)
        # Equipment and evaluation serve the hospital's own fields too, after the equipment's.
        fields = {"areas": areas, "equipment_areas": list(dict.fromkeys([*spec.get("equipment_areas", []), *areas]))}
        return ([("capability", t, fields[t["areas"]], []) for t in HOSPITAL_CAPS]
                + [("capability", c, c["areas"], []) for c in spec.get("centres", [])]
                + [("need", need, need["areas"], need["technologies"])])
    if org.kind == "university":
        techs = spec.get("technologies") or tech
        return [("capability", t, areas, techs if "licensing" in t["types"] else []) for t in UNIVERSITY_CAPS]
    if org.kind == "service":
        return [("capability", t, areas, []) for t in SERVICE_CAPS[spec.get("service", "regulatory")]]
    if org.kind == "investor":
        return [("capability", t, areas, spec.get("technologies") or tech) for t in INVESTOR_CAPS]
    if org.kind == "firm":
        plan = [("need", t, areas, tech) for t in rng.sample(FIRM_NEEDS, rng.choice([1, 2]))]
        if rng.random() < 0.35:  # some firms offer what hospitals' unmet needs ask for
            plan.append(("capability", FIRM_CAP, areas, tech))
        return plan
    return []


def _plan(world: World) -> list[dict]:
    rng = random.Random(SEED)  # noqa: S311 - demo data
    rows: list[dict] = []
    ta, te = world.facets["therapeutic_area"], world.facets["technology"]
    for ext_id, org in sorted(world.orgs.items()):
        if org.status != "verified":
            continue
        spec = world.org_specs.get(ext_id, {})
        ctx = _ctx(rng, world, org, spec)
        for n, (side, template, areas, techs) in enumerate(_org_plan(rng, org, spec, ctx), 1):
            tko, ten, dko, den = _fill(world, template, ctx, areas, techs)
            ten = ten[:1].upper() + ten[1:]  # "{product_en} co-development" starts lower-case
            korean = rng.random() < 0.6
            if "language" in template:
                korean = template["language"] == "ko"
            # One hospital capability in five is confidential: its description stays with the hospital.
            visibility = (ListingVisibility.CONFIDENTIAL if org.kind == "hospital" and n == 2 and rng.random() < 0.4
                          else ListingVisibility.MEMBERS)
            description = dko if korean else den
            if side == "capability":  # offers are written for Korean and foreign firms alike: both languages
                description = f"{dko}\n\n{den}" if korean else f"{den}\n\n{dko}"
            row = {"source": DEMO_SOURCE, "external_id": f"{ext_id}:{n}", "organization_id": org.pk, "side": side,
                   "title": tko if korean else ten, "description": description,
                   "language": "ko" if korean else "en", "visibility": visibility, "status": "open"}
            if side == "capability" and org.kind == "hospital" and "clinical_trial" in template["types"]:
                row.update(trial_phases=[p.split()[-1] for p in org.trial_phases or ["phase 1"]],
                           startup_weeks=ctx["weeks"], equipment=ctx["equipment"])
            rows.append({"row": row, "types": template["types"], "areas": [ta[a] for a in areas],
                         "tech": [te[s] for s in techs]})
    return rows


# About half of the listings date from more than a year ago, the rest from the last year, so the
# specialisation trends (this year's location quotients against last year's) move as in a live cluster.
LISTED_WITHIN_DAYS = 720


def listed_days_ago(external_id: str) -> int:
    """A listing's age in days, fixed by its id (a re-run keeps it): between 30 (older than any demo proposal) and LISTED_WITHIN_DAYS."""
    return 30 + zlib.crc32(external_id.encode()) % (LISTED_WITHIN_DAYS - 30)


def _backdate(world: World, listings: dict) -> None:
    for (external_id,), listing in listings.items():
        created = world.now - timedelta(days=listed_days_ago(external_id))
        if listing.created_at.date() != created.date():
            # created_at is auto_now_add: only an update can set it.
            Listing.objects.filter(pk=listing.pk).update(created_at=created)
            listing.created_at = created


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
        listing.technologies.set(p["tech"])
    _backdate(world, listings)
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
