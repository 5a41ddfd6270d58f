"""A review queue like the demo hospital's: each proposal backed by the hospital's three long
capabilities, needs with long descriptions, stored terms and tags, scores above 1 (the raw numbers
the old queue printed)."""

from __future__ import annotations

from matching.models import Match, MatchSource
from tests.factories import ClusterMembershipFactory, MembershipFactory, OrganizationFactory

from ..review_world import World, make_listing

LONG = ("We are developing a first-in-class antibody for HER2-low solid tumours and need an experienced "
        "early-phase site with a dedicated research ward, pharmacokinetic sampling around the clock and an "
        "ethics board that turns a protocol around within a month. ") * 3
CAPABILITY_TEXT = ("Our unit runs dose-escalation studies with 24-hour PK sampling, a 20-bed ward, "
                   "research nurses and pharmacists on site, and imaging at every visit. ") * 3
CAPABILITY_TITLES = ("Early-phase trial unit", "Biobank and tumour samples", "Imaging core laboratory")


def queue_of(w: World, n: int, *, first_score: float = 1.21) -> list[Match]:
    """``n`` proposals to ``w.hospital`` (besides ``w.match``) from n firms, best score first."""
    caps = [w.capability]
    for title in CAPABILITY_TITLES[1:]:
        caps.append(make_listing(w.hospital, "capability", title, CAPABILITY_TEXT, visibility="members"))
    w.capability.title = CAPABILITY_TITLES[0]
    w.capability.save(update_fields=["title"])
    out = []
    for i in range(n):
        firm = OrganizationFactory(kind="firm", name_en=f"Queue Firm {i}", name_ko=f"큐기업 {i}",
                                   region="gyeonggi" if i % 2 else "seoul")
        ClusterMembershipFactory(organization=firm, cluster=w.cluster)
        MembershipFactory(organization=firm)
        need = make_listing(firm, "need", f"Phase 1 site for antibody {i}", f"NEEDTEXT{i} {LONG}", visibility="members")
        m = Match.objects.create(
            need=need, counterpart=w.hospital, score=round(first_score - i * 0.05, 2), source=MatchSource.MODEL,
            model_version="v-test", score_parts={"text": 0.6, "facets": 0.5, "capacity": 0.4, "region": 0.2},
            explanation={"shared_facets": ["oncology"],
                         "terms": [{"en": "antibody"}, {"en": "phase 1"}, {"en": "PK sampling"}],
                         "best_pair": {"need": str(need.pk), "capability": str(caps[0].pk)}})
        # Two of the three capabilities support it: the card names those two, never the hospital's whole list.
        m.supporting_listings.set(caps[:2] if i % 3 else caps[:1] + caps[2:])
        out.append(m)
    return out
