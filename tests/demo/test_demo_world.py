"""The demo world answers its own needs with invented organisations, and its report says how well.

- no well-known real institution's name is in the demo data or in what load_demo writes;
- every need has a therapeutic area, and for every need the world holds a counterpart of a kind its
  partnership types call for with a capability in one of its areas (data only, whatever the engine);
- the logins still work and show the invented organisations;
- ``demo.checks.proposal_fit`` counts the right needs (hand-built matches) in a fixed number of queries.
"""

import json
import re
from collections import defaultdict
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

import demo
from accounts.models import Membership, MembershipStatus, Organization
from clusters.models import Cluster
from demo.checks import proposal_fit
from demo.world import DEMO_DOMAIN, DEMO_PASSWORD
from matching.models import CloseReason, Listing, Match, MatchSource, MatchStatus
from matching.proposals.dataset import candidate_kinds
from portal.specialisation import services as specialisation
from taxonomy.models import Facet
from tests.factories import OrganizationFactory

DATA_DIR = Path(demo.__file__).resolve().parent / "data"

# Well-known real institutions and programmes (the demo shows its organisations reviewing, declining and
# partnering, so none of these may appear). Latin names match as words, Korean ones as substrings.
REAL_NAMES = [
    "Samsung", "Samsung Medical Center", "Asan Medical Center", "Seoul National University", "SNUH", "SNUBH",
    "Bundang", "Severance", "Yonsei", "Korea University", "Kyung Hee University", "KAIST", "KIST", "KRIBB", "KRICT",
    "Chungbuk National University", "Chungnam National University", "Kyungpook", "Keimyung", "Ajou", "Hallym",
    "Gachon", "Gil Medical", "Inha", "Sungkyunkwan", "DGIST", "Jeonbuk National", "Jeju National University",
    "Seoul Bio Hub", "KHIDI", "KBIOHealth", "K-MEDI", "INNOPOLIS Foundation", "Incheon Free Economic Zone",
    "Foodpolis", "BMCC", "SALTPLUS", "Celltrion", "Springboard",
    "삼성", "서울아산병원", "서울대학교", "분당서울대", "세브란스", "연세대", "고려대", "경희대", "한국과학기술원",
    "한국과학기술연구원", "한국생명공학연구원", "한국화학연구원", "충북대", "충남대", "경북대", "계명대", "아주대",
    "한림대", "가천", "길병원", "인하대", "성균관", "전북대", "제주대", "서울바이오허브", "한국보건산업진흥원",
    "인천경제자유구역", "셀트리온",
]


def real_names_in(text: str) -> list[str]:
    found = []
    for name in REAL_NAMES:
        if re.search(r"[가-힣]", name):
            hit = name in text
        else:
            hit = re.search(rf"(?<![A-Za-z]){re.escape(name)}(?![A-Za-z])", text, re.I) is not None
        if hit:
            found.append(name)
    return found


def test_the_matcher_catches_a_real_name_and_leaves_invented_ones():
    assert real_names_in("Partnering with Samsung Medical Center's BMCC") == ["Samsung", "Samsung Medical Center", "BMCC"]
    assert real_names_in("충북대학교병원과 협력") == ["충북대"]
    assert real_names_in("Hanbit University Hospital, Hongneung Institute of Science and Technology (HIST)") == []


def test_no_real_institution_name_in_the_demo_data_files():
    files = sorted(DATA_DIR.glob("*.json"))
    assert len(files) >= 9
    found = {}
    for f in files:
        data = json.loads(f.read_text(encoding="utf-8"))
        if f.name == "words.json":
            assert "celltrion" in data.pop("avoid_names")  # the names generated firms must not spell
        found[f.name] = real_names_in(json.dumps(data, ensure_ascii=False))
    assert {name: hits for name, hits in found.items() if hits} == {}


def facet(slug: str) -> Facet:
    return Facet.objects.get(kind="therapeutic_area", slug=slug)


@pytest.mark.django_db
def test_proposal_fit_counts_best_proposals_sharing_an_area_through_a_supporting_capability():
    firm = OrganizationFactory(kind="firm")
    good, bad, other = (OrganizationFactory(kind="hospital") for _ in range(3))
    onc_cap = Listing.objects.create(organization=good, side="capability", title="Oncology phase 1 unit", description="x")
    onc_cap.therapeutic_areas.set([facet("oncology"), facet("immunology")])
    neuro_cap = Listing.objects.create(organization=bad, side="capability", title="Neurology cohort", description="x")
    neuro_cap.therapeutic_areas.set([facet("neurology")])
    cardio_cap = Listing.objects.create(organization=other, side="capability", title="Cardiology trials", description="x")
    cardio_cap.therapeutic_areas.set([facet("cardiology")])

    def need(title: str, *slugs: str) -> Listing:
        n = Listing.objects.create(organization=firm, side="need", title=title, description="x", source="demo")
        n.therapeutic_areas.set([facet(s) for s in slugs])
        return n

    def match(n: Listing, org: Organization, score: float, cap: Listing | None, **kw) -> Match:
        m = Match.objects.create(need=n, counterpart=org, score=score, score_parts={"text": score}, **kw)
        if cap is not None:
            m.supporting_listings.set([cap])
        return m

    n1 = need("Oncology phase 1 site", "oncology")
    match(n1, good, 0.9, onc_cap)  # best, shares oncology: counts
    match(n1, bad, 0.5, neuro_cap)
    n2 = need("Cardiology data", "cardiology")
    match(n2, bad, 0.8, neuro_cap)  # best, shares nothing: a failure
    match(n2, other, 0.3, cardio_cap)  # shares, but is not the best
    match(n2, good, 0.95, cardio_cap, status=MatchStatus.CLOSED, close_reason=CloseReason.REPLACED)  # withdrawn
    n3 = need("Asked for by hand", "oncology")
    match(n3, good, 0.9, onc_cap, source=MatchSource.REQUESTED)  # no model proposal: not counted
    n4 = need("Tie on score", "cardiology")
    match(n4, other, 0.5, cardio_cap)  # the first of two equal scores is the best
    match(n4, bad, 0.5, neuro_cap)
    n5 = need("No supporting capability", "oncology")
    match(n5, good, 0.7, None)
    elsewhere = Listing.objects.create(organization=firm, side="need", title="Not demo", description="x")
    elsewhere.therapeutic_areas.set([facet("oncology")])
    match(elsewhere, bad, 0.9, neuro_cap)

    with CaptureQueriesContext(connection) as queries:
        report = proposal_fit(source="demo")
    assert len(queries) == 7  # 4 for the areas, 3 for the first reasons (rows, supporting, facets), any row count

    assert (report["needs_with_proposals"], report["best_shares_area"], report["percent"]) == (4, 2, 50.0)
    failures = {f["need_title"]: f for f in report["failures"]}
    assert set(failures) == {"Cardiology data", "No supporting capability"}
    assert failures["Cardiology data"]["counterpart"] == bad.name_en
    assert failures["Cardiology data"]["need_areas"] == ["cardiology"]
    assert failures["Cardiology data"]["supporting_areas"] == ["neurology"]
    assert failures["Cardiology data"]["score_parts"] == {"text": 0.8}
    assert failures["No supporting capability"]["supporting_areas"] == []
    assert proposal_fit()["needs_with_proposals"] == 5  # every source: the non-demo need fails too

    out = StringIO()
    call_command("check_demo_proposals", "--json", stdout=out)
    assert json.loads(out.getvalue())["best_shares_area"] == 2
    out = StringIO()
    call_command("check_demo_proposals", stdout=out)
    assert "2 (50.0%)" in out.getvalue() and "Cardiology data" in out.getvalue()


def uncovered_needs() -> list[tuple[str, list[str], list[str]]]:
    """Needs of verified demo organisations with no capability, at an organisation of a kind the need
    calls for, in one of the need's areas (from the data, whatever the engine proposes)."""
    areas_of: dict[int, set[int]] = defaultdict(set)
    for listing_id, facet_id in Listing.therapeutic_areas.through.objects.values_list("listing_id", "facet_id"):
        areas_of[listing_id].add(facet_id)
    types_of: dict[int, list[str]] = defaultdict(list)
    for listing_id, slug in Listing.partnership_types.through.objects.values_list("listing_id", "facet__slug"):
        types_of[listing_id].append(slug)
    caps: dict[str, set[tuple[int, int]]] = defaultdict(set)  # kind -> {(org id, area id)}
    for pk, org_id, kind in Listing.objects.filter(side="capability", status="open", organization__status="verified") \
            .values_list("pk", "organization_id", "organization__kind"):
        caps[kind] |= {(org_id, a) for a in areas_of[pk]}
    missing = []
    needs = Listing.objects.filter(source="demo", side="need", organization__status="verified")
    for pk, title, org_id, org_kind in needs.values_list("pk", "title", "organization_id", "organization__kind"):
        kinds = candidate_kinds(need_types=types_of[pk], need_org_kind=org_kind)
        if not any(o != org_id and a in areas_of[pk] for kind in kinds for o, a in caps[kind]):
            missing.append((title, sorted(kinds), types_of[pk]))
    return missing


@pytest.mark.django_db
def test_the_loaded_world_is_invented_answers_its_needs_and_keeps_its_logins():
    out = StringIO()
    call_command("load_demo", stdout=out)

    orgs = Organization.objects.filter(source="demo")
    texts = "\n".join(f"{o.name_ko} {o.name_en} {o.description}" for o in orgs)
    texts += "\n".join(f"{t} {d}" for t, d in Listing.objects.filter(source="demo").values_list("title", "description"))
    assert real_names_in(texts) == []
    assert real_names_in(out.getvalue()) == []

    needs = Listing.objects.filter(source="demo", side="need")
    assert not needs.filter(therapeutic_areas__isnull=True).exists()
    assert needs.filter(therapeutic_areas__isnull=False).distinct().count() >= 20
    assert not Listing.objects.filter(source="demo", side="capability", therapeutic_areas__isnull=True).exists()
    assert uncovered_needs() == []
    # The flagship needs of the story have their counterpart in the world: the startup's CAR-NK phase 1
    # need an oncology phase 1 unit, the dementia-imaging need the 7T MRI hospital's imaging centre.
    unit = Listing.objects.get(source="demo", side="capability", title__iregex=r"항암 제1상|oncology phase 1")
    assert unit.organization.trial_phases[0] == "phase 1"
    assert set(unit.therapeutic_areas.values_list("slug", flat=True)) >= {"oncology"}
    imaging = Listing.objects.get(source="demo", side="capability", title__contains="7T MRI")
    assert "7T MRI" in imaging.organization.equipment
    assert set(imaging.therapeutic_areas.values_list("slug", flat=True)) >= {"neurology", "geriatrics"}

    logins = json.loads((DATA_DIR / "logins.json").read_text(encoding="utf-8"))
    assert [x["email"] for x in logins] == ["admin", "manager", "tto", "hospital", "startup", "researcher",
                                            "investor", "pending", "joiner", "mentor"]
    kinds = {"manager": "public", "tto": "hospital", "hospital": "hospital", "startup": "firm",
             "researcher": "university", "investor": "investor", "pending": "firm", "joiner": "firm"}
    for login in logins:
        email = f"{login['email']}@{DEMO_DOMAIN}"
        assert authenticate(None, username=email, password=DEMO_PASSWORD) is not None, email
        if login["email"] in ("admin", "mentor"):  # the mentor mentors independently: no organisation
            continue
        membership = Membership.objects.select_related("organization").get(user__email=email)
        assert membership.organization.kind == kinds[login["email"]]
        row = next(line for line in out.getvalue().splitlines() if line.startswith(email))
        assert row.rstrip().endswith(membership.organization.name_en)
    tto = Membership.objects.get(user__email=f"tto@{DEMO_DOMAIN}")
    assert tto.is_tto and tto.organization.name_en == "Hanbit University Hospital"
    assert Membership.objects.get(user__email=f"joiner@{DEMO_DOMAIN}").status == MembershipStatus.REQUESTED

    report = proposal_fit(source="demo")
    assert 0 < report["best_shares_area"] <= report["needs_with_proposals"] == needs.filter(
        matches__source=MatchSource.MODEL).distinct().count()

    # Listings date back up to two years, so every cluster's specialisation moves against last year's
    # (not everything "new", as when the whole world was listed today).
    for cluster in Cluster.objects.filter(memberships__organization__source="demo").distinct():
        trends = {row.trend for group in specialisation.cluster_profile(cluster) for row in group["rows"]}
        assert trends & {"up", "down", "steady"}, (cluster.slug, trends)
