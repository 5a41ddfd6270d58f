"""load_demo stages: Korean and English needs and capabilities for the demo organisations, then
a computed round of proposals.

Listings are keyed by ``source="demo"`` + ``external_id`` (``<org external id>:<n>``), so a re-run
updates them in place; the random source is this module's own, so the accounts stages' draws
(and any stage after this one) are unaffected.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from accounts.demo import DEMO_SOURCE
from accounts.demo._sync import upsert

from . import dataset, engine
from .models import Listing, ListingSide, ListingVisibility, MatchRun, MatchRunStatus

if TYPE_CHECKING:
    from accounts.demo import World

SEED = 20173

# (partnership types, title ko, title en, description ko, description en); {area_*}/{tech_*} filled in.
HOSPITAL_CAPS = [
    (["clinical_trial"], "{area_ko} 제1·2상 임상시험센터", "Phase 1-2 clinical trial centre for {area_en}",
     "전용 병상을 갖춘 임상시험센터에서 {area_ko} 분야 초기 임상을 수행합니다. 연간 {tpy}건, IRB 심의 평균 {irb}일, "
     "계약 후 {weeks}주 이내 첫 환자 등록이 가능합니다.",
     "Dedicated early-phase ward running first-in-human and phase 2 studies in {area_en}. {tpy} trials a year, "
     "ethics review in about {irb} days, first patient in within {weeks} weeks of contract."),
    (["data_access"], "{area_ko} 환자 코호트 및 임상 데이터", "{area_en} patient cohort and clinical data",
     "익명화된 {area_ko} 환자 코호트(약 {cohort}명)와 영상·검체 데이터를 연구 협약을 통해 제공합니다.",
     "De-identified {area_en} cohort of about {cohort} patients with imaging and biospecimens, available "
     "under a research agreement."),
    (["facility_use", "clinical_validation"], "외부 개방 장비 및 임상 성능평가", "Open equipment and clinical performance evaluation",
     "{equipment} 등 장비를 외부 기업에 개방하고, 의료기기·진단기기의 임상 성능평가를 지원합니다.",
     "{equipment} open to outside companies; clinical performance evaluation of devices and diagnostics."),
]
HOSPITAL_NEEDS = [
    (["co_development"], "AI 기반 패혈증 조기경보 솔루션 공동개발", "Co-development of an AI sepsis early-warning tool",
     "응급실과 중환자실의 생체신호로 패혈증을 조기에 예측하는 소프트웨어를 함께 개발할 기업을 찾습니다.",
     "Our emergency and intensive-care units want a partner firm to build software that predicts sepsis early "
     "from vital signs."),
    (["co_development", "licensing"], "수술 후 재활 모니터링 기기", "Wearable post-operative rehabilitation monitor",
     "정형외과 수술 후 재활을 원격으로 모니터링하는 웨어러블 기기를 개발할 기업과 협력하고자 합니다.",
     "Orthopaedics seeks a firm to develop a wearable that monitors rehabilitation at home after surgery."),
]
UNIVERSITY_CAPS = [
    (["co_development", "licensing"], "{tech_ko} 원천기술 이전", "{tech_en} platform technology for licensing",
     "{area_ko} 분야에 적용 가능한 {tech_ko} 원천기술과 특허를 보유하고 있으며 공동연구와 기술이전을 제안합니다.",
     "Patented {tech_en} platform applicable to {area_en}; open to joint research and licensing."),
    (["mentoring"], "창업 멘토링 및 연구 자문", "Founder mentoring and research advice",
     "교수진이 바이오 창업기업에 {area_ko} 연구 설계와 사업화 자문을 제공합니다.",
     "Faculty advise biotech founders on {area_en} study design and commercialisation."),
]
SERVICE_CAPS = [
    (["regulatory"], "식약처 인허가 및 임상시험계획 승인 컨설팅", "MFDS regulatory and IND consulting",
     "식약처 품목허가, 임상시험계획(IND) 승인, 의료기기 등급 분류를 지원합니다.",
     "Regulatory strategy for the Korean MFDS: product approval, IND filing and device classification."),
    (["clinical_trial"], "임상시험 수탁(CRO) 서비스", "Contract research (CRO) services",
     "임상시험 모니터링, 데이터 관리, 통계 분석을 수행합니다.",
     "Trial monitoring, data management and biostatistics for phase 1 to 3 studies."),
]
INVESTOR_CAPS = [
    (["investment"], "{tech_ko} 초기 기업 시드·시리즈A 투자", "Seed and Series A investment in {tech_en}",
     "{tech_ko} 기반 초기 바이오 기업에 시드부터 시리즈A까지 투자합니다.",
     "We invest from seed to Series A in early-stage {tech_en} companies."),
]
FIRM_NEEDS = [
    (["clinical_trial"], "{area_ko} 제1상 임상시험 기관", "Phase 1 trial site for {area_en}",
     "{product_ko}의 제1상 임상시험을 8주 이내에 개시할 수 있는 병원을 찾습니다.",
     "We need a hospital that can start a phase 1 study of our {product_en} within 8 weeks."),
    (["clinical_validation"], "{product_ko} 임상 성능평가 협력 병원", "Clinical validation site for {product_en}",
     "{area_ko} 환자 검체로 {product_ko}의 임상 성능을 평가해 줄 병원을 찾습니다.",
     "Looking for a hospital to validate the clinical performance of our {product_en} on {area_en} samples."),
    (["data_access"], "{area_ko} 임상 데이터 접근", "Access to {area_en} clinical data",
     "{product_ko} 학습용 {area_ko} 영상·진료 데이터를 제공할 병원 또는 연구기관을 찾습니다.",
     "We need de-identified {area_en} imaging and clinical records to train our {product_en}."),
    (["regulatory"], "식약처 인허가 자문", "MFDS regulatory advice",
     "{product_ko}의 식약처 인허가 전략과 임상시험계획 승인을 도와줄 전문가를 찾습니다.",
     "We need help with the MFDS approval strategy and IND for our {product_en}."),
    (["investment"], "시리즈A 투자 유치", "Series A investment",
     "{tech_ko} 기반 {product_ko} 개발을 위한 시리즈A 투자자를 찾습니다.",
     "Raising a Series A to develop our {tech_en} {product_en}."),
]
PRODUCTS = {
    "diagnostic": ("체외진단 키트", "in-vitro diagnostic kit"), "ai_software": ("AI 영상 판독 소프트웨어", "AI imaging software"),
    "medical_device": ("의료기기", "medical device"), "cell_therapy": ("세포치료제", "cell therapy"),
    "biologic": ("항체 신약", "antibody drug"), "small_molecule": ("합성 신약 후보물질", "small-molecule candidate"),
    "digital_health": ("디지털 치료기기", "digital therapeutic"),
}
EQUIPMENT = ["PET-MRI", "GMP 세포처리시설", "3T MRI", "차세대 염기서열분석기(NGS)", "동물실험실"]


def _fill(template: tuple, ctx: dict) -> tuple[list[str], str, str, str, str]:
    types, tko, ten, dko, den = template
    return types, tko.format(**ctx), ten.format(**ctx), dko.format(**ctx), den.format(**ctx)


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
        plan: list[tuple[str, tuple]] = []
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
                plan.append(("capability", (["co_development"], "{product_ko} 공동개발", "{product_en} co-development",
                                            "{area_ko} 분야 {product_ko} 개발 역량과 임상 파트너십을 제공합니다.",
                                            "We bring {product_en} development for {area_en} to clinical partners.")))
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
    from .runs import run_inline

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
