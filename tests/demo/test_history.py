"""The demo's partnering history (demo/history.py): a dozen partnerships over eighteen months between
invented firms and hospitals or universities that fit each other, reached through the product's own
path, so the managers' dashboards show a cluster that grows and the 90% proposal check still holds."""

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from accounts.models import Membership, User
from clusters.models import Alliance, Linkage, LinkageKind
from demo.checks import proposal_fit
from demo.history import APPROVAL_NOTES
from demo.world import DEMO_DOMAIN
from matching.models import Listing, Match, MatchSource, MatchStatus, Partnership, PartnershipStatus
from portal.dashboard.build import FULL, build_dashboard
from portal.indicators.periods import parse_period
from portal.indicators.snapshots import monthly_trend
from tests.demo.test_demo_world import real_names_in


def history_matches() -> list[Match]:
    return list(Match.objects.filter(events__action="approve", events__note__in=APPROVAL_NOTES)
                .select_related("need__organization", "counterpart", "partnership").distinct().order_by("pk"))


@pytest.mark.django_db
def test_the_demo_has_a_believable_partnering_history_that_the_dashboards_show_growing(client):
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "Demo partnership history: " in out.getvalue()
    now = timezone.now()

    history = history_matches()
    assert 8 <= len(history) <= 15
    assert Partnership.objects.filter(status=PartnershipStatus.CONFIRMED).count() == len(history) + 1  # + review's
    ct = ContentType.objects.get_for_model(Match)
    firms = set()
    for m in history:
        firm, partner = m.need.organization, m.counterpart
        # Two invented demo organisations of the right kinds that fit: a shared therapeutic area.
        assert (firm.source, firm.kind, firm.status) == ("demo", "firm", "verified")
        assert (partner.source, partner.status) == ("demo", "verified") and partner.kind in ("hospital", "university")
        assert real_names_in(f"{firm.name_ko} {firm.name_en} {partner.name_ko} {partner.name_en}") == []
        firms.add(firm.pk)
        need_areas = set(m.need.therapeutic_areas.values_list("pk", flat=True))
        support_areas = set(Listing.therapeutic_areas.through.objects.filter(
            listing__in=m.supporting_listings.all()).values_list("facet_id", flat=True))
        assert need_areas & support_areas, m
        # The product's path: a model proposal, approved, accepted by both sides, met, partnership confirmed.
        assert (m.source, m.status) == (MatchSource.MODEL, MatchStatus.PARTNERSHIP)
        actions = list(m.events.order_by("created_at", "pk").values_list("action", flat=True))
        assert actions == ["approve", "introduce", "accept", "accept", "met", "partnership_recorded",
                           "partnership_confirmed"]
        # Dated in the past, in order, after the need was listed.
        assert m.need.created_at <= m.created_at < m.decided_at < m.connected_at < m.partnership.confirmed_at < now
        edges = dict(Linkage.objects.filter(source_type=ct, source_id=m.pk).values_list("kind", "occurred_at"))
        assert set(edges) == {LinkageKind.INTRODUCTION, LinkageKind.MEETING, LinkageKind.PARTNERSHIP}
        assert edges[LinkageKind.INTRODUCTION] < edges[LinkageKind.MEETING] < edges[LinkageKind.PARTNERSHIP]
        assert edges[LinkageKind.PARTNERSHIP] == m.partnership.confirmed_at
    assert len(firms) == len(history)  # one per firm: many organisations gain a partner
    # The logins' own organisations keep their stories (demo/review.py).
    login_orgs = set(Membership.objects.filter(user__email__endswith=f"@{DEMO_DOMAIN}").values_list(
        "organization_id", flat=True))
    assert not {o for m in history for o in (m.need.organization_id, m.counterpart_id)} & login_orgs

    # A history of eighteen months that fills up towards today.
    confirmed = sorted(m.partnership.confirmed_at for m in history)
    assert now - confirmed[0] > timedelta(days=365) and now - confirmed[-1] < timedelta(days=60)
    split = now - timedelta(days=270)
    assert sum(at >= split for at in confirmed) > sum(at < split for at in confirmed) >= 3

    # The dashboards: over the last twelve months the alliance of the managers' clusters converts matches to
    # partnerships and covers firms with hospital partners, and its monthly trend has several months of it.
    alliance = Alliance.objects.get(slug="seoul-gyeonggi")
    board = build_dashboard(subject=alliance, access=FULL, period=parse_period(None))
    assert board.values["match_conversion_rate"] > 0 and board.values["firm_hospital_coverage"] > 0
    assert {s["scheme"]: s for s in board.stage}  # the lifecycle stage is shown
    trend = [(p.values or {}).get("firm_hospital_coverage") or 0 for p in monthly_trend(alliance)]
    assert sum(v > 0 for v in trend) >= 3, trend
    ties = Linkage.objects.filter(kind__in=(LinkageKind.INTRODUCTION, LinkageKind.MEETING, LinkageKind.PARTNERSHIP),
                                  source_type=ct)
    early = ties.filter(occurred_at__lt=now - timedelta(days=270)).count()
    late = ties.filter(occurred_at__gte=now - timedelta(days=270)).count()
    assert late > early > 0, (early, late)

    # The engine's own check still holds with the partnerships as known links.
    assert proposal_fit(source="demo")["percent"] >= 90.0


    # The manager's cluster dashboards render with it.
    client.force_login(User.objects.get(email=f"manager@{DEMO_DOMAIN}"))
    for slug in ("pangyo", "hongneung"):
        assert client.get(reverse("dashboard:cluster", args=[slug])).status_code == 200
