"""The proposals page keeps its list part (core.fragments) on Redis: a second view is cheaper, and every change
the part shows, made the way people and the recompute make it, shows on the next view."""

from __future__ import annotations

import os
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Membership, MembershipStatus
from accounts.services import organization_update
from matching.listings import services as listing_services
from matching.models import Listing, Match, MatchStatus
from matching.proposals import services as proposals
from matching.proposals.services import Ranked
from taxonomy.models import Facet, FacetKind
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory
from tests.test_redis_outage import redis_cache_at

URL = "/listings/proposals/"
PREFIX = f"proposals-cache-test-{os.getpid()}"
EXPLANATION = {"terms": [{"en": "trial", "ko": "임상시험"}], "shared_facets": ["oncology"], "capacity": ["x"]}


def _forget_kept_parts() -> None:
    client = cache._cache.get_client(write=True)
    keys = list(client.scan_iter(match=f"{PREFIX}:*", count=500))
    if keys:
        client.delete(*keys)


@pytest.fixture(autouse=True)
def _redis_kept(settings):
    """Kept parts on the real Redis (the one the settings name), under this run's own prefix."""
    if not settings.REDIS_URL:
        pytest.skip("the kept parts are tested on Redis: set REDIS_URL")
    redis_cache_at(settings, settings.REDIS_URL)
    settings.CACHES = {"default": {**settings.CACHES["default"], "KEY_PREFIX": PREFIX}}
    settings.PAGE_CACHE_SECONDS = 60
    _forget_kept_parts()
    yield
    _forget_kept_parts()


def _listing(org, side, title, *, visibility="public") -> Listing:
    obj = Listing.objects.create(organization=org, side=side, title=title, description=f"{title} for oncology trials",
                                 language="en", visibility=visibility)
    obj.partnership_types.set(Facet.objects.filter(kind=FacetKind.PARTNERSHIP_TYPE, slug="clinical_trial"))
    return obj


def _match(need, org, cap, score=0.9) -> Match:
    m = Match.objects.create(need=need, counterpart=org, score=score, explanation=dict(EXPLANATION))
    m.supporting_listings.set([cap])
    return m


@pytest.fixture
def world(db):
    firm = OrganizationFactory(name_en="Alpha Bio", kind="firm", status="verified")
    user = UserFactory()
    MembershipFactory(user=user, organization=firm, role="admin")
    need = _listing(firm, "need", "Phase 1 oncology site")
    hospitals, caps, matches = [], [], []
    for i in range(2):
        h = OrganizationFactory(name_en=f"Hospital {i}", kind="hospital", trial_phases=["1"], irb_days=20,
                                region="seoul", status="verified")
        cap = _listing(h, "capability", f"Oncology unit {i}")
        hospitals.append(h)
        caps.append(cap)
        matches.append(_match(need, h, cap, score=0.9 - i / 10))
    admin = UserFactory()
    MembershipFactory(user=admin, organization=hospitals[0], role="admin")
    return {"firm": firm, "user": user, "need": need, "hospitals": hospitals, "caps": caps, "matches": matches,
            "hospital_admin": admin}


def _client(user, **kwargs) -> Client:
    c = Client(**kwargs)
    c.force_login(user)
    return c


def _view(c: Client, path: str = URL, **headers) -> str:
    resp = c.get(path, **headers)
    assert resp.status_code == 200
    return resp.content.decode()


def _kept_then_view(c: Client, path: str = URL) -> str:
    """View the page (kept), then again (from the cache): the caller changes something and views again."""
    _view(c, path)
    return _view(c, path)


def test_second_view_is_served_from_the_cache_with_fewer_queries(world):
    c = _client(world["user"])
    with CaptureQueriesContext(connection) as first:
        a = _view(c)
    with CaptureQueriesContext(connection) as second:
        b = _view(c)
    assert "Hospital 0" in a and "Hospital 1" in a
    assert len(second) < len(first)
    assert not any("matching_match_supporting_listings\".\"match_id\") AS \"_prefetch" in q["sql"]
                   for q in second.captured_queries)
    strip = re.compile(r'value="[A-Za-z0-9]{64}"')  # each response carries its own CSRF token
    assert strip.sub("", a) == strip.sub("", b)
    # The htmx request gets the list part alone, kept under its own key.
    with CaptureQueriesContext(connection) as hx_first:
        part = _view(c, URL, HTTP_HX_REQUEST="true")
    with CaptureQueriesContext(connection) as hx_again:
        again = _view(c, URL, HTTP_HX_REQUEST="true")
    assert "<html" not in part and "Hospital 0" in part and 'id="results"' not in part
    assert len(hx_again) < len(hx_first) and strip.sub("", part) == strip.sub("", again)


def test_a_post_from_the_kept_part_passes_the_csrf_check_and_the_dismissal_shows(world):
    c = _client(world["user"], enforce_csrf_checks=True)
    _view(c)
    page = _view(c)  # from the cache
    m = world["matches"][0]
    action = reverse("listings:proposal_dismiss", args=[m.pk])
    form = page.split(f'action="{action}"')[1]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    resp = c.post(action, {"reason": "Not our area", "csrfmiddlewaretoken": token})
    assert resp.status_code == 302
    m.refresh_from_db()
    assert m.status == MatchStatus.DISMISSED
    assert "Hospital 0" not in _view(c) and "Hospital 1" in _view(c)


def test_asking_for_an_introduction_from_the_kept_part_shows(world):
    c = _client(world["user"], enforce_csrf_checks=True)
    _view(c)
    page = _view(c)
    assert "Introduction requested" not in page
    m = world["matches"][0]
    action = reverse("matches:transition", args=[m.pk])
    form = page.split(f'action="{action}"')[1]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    resp = c.post(action, {"action": "request", "next": URL, "csrfmiddlewaretoken": token})
    assert resp.status_code == 302
    m.refresh_from_db()
    assert m.source == "requested"  # written by QuerySet.update() in matching.review.services
    assert "Introduction requested" in _view(c)


def test_counterpart_profile_edit_shows(world):
    c = _client(world["user"])
    assert "· Busan" not in _kept_then_view(c)
    organization_update(user=world["hospital_admin"], org=world["hospitals"][0], fields={"region": "busan"})
    assert "· Busan" in _view(c)


def test_capability_edit_and_confidentiality_show(world):
    c = _client(world["user"])
    assert "Renamed oncology unit" not in _kept_then_view(c)
    cap = world["caps"][0]
    listing_services.listing_update(user=world["hospital_admin"], listing=cap,
                                    fields={"title": "Renamed oncology unit", "visibility": "confidential"})
    page = _view(c)
    assert "Renamed oncology unit" in page and "Confidential" in page


def test_need_edit_and_close_show(world):
    c = _client(world["user"])
    _kept_then_view(c)
    need = world["need"]
    listing_services.listing_update(user=world["user"], listing=need, fields={"title": "Phase 2 site wanted"})
    assert "Phase 2 site wanted" in _view(c)
    listing_services.listing_close(user=world["user"], listing=need)  # withdraws by QuerySet.update()
    page = _view(c)
    assert "Hospital 0" not in page and "No proposals yet" in page


def test_recompute_replacing_a_proposal_shows(world):
    c = _client(world["user"])
    assert "Hospital 9" not in _kept_then_view(c)
    newcomer = OrganizationFactory(name_en="Hospital 9", kind="hospital", status="verified")
    cap = _listing(newcomer, "capability", "Newcomer unit")
    need, kept = world["need"], world["hospitals"][1]
    proposals.save_proposals({need.pk: [Ranked(newcomer.pk, 0.95, {}, dict(EXPLANATION), [cap.pk]),
                                        Ranked(kept.pk, 0.8, {}, dict(EXPLANATION), [world["caps"][1].pk])]})
    assert Match.objects.get(pk=world["matches"][0].pk).status == MatchStatus.CLOSED
    page = _view(c)
    assert "Hospital 9" in page and "Newcomer unit" in page
    assert 'id="replaced-proposals"' in page  # Hospital 0 is listed as replaced, no longer as a card
    cards = page.split('id="results"')[1]
    assert "Hospital 0" not in cards and "Hospital 1" in cards


def test_deletions_show(world):
    c = _client(world["user"])
    _kept_then_view(c)
    world["caps"][1].delete()  # a supporting capability goes
    assert "Oncology unit 1" not in _view(c)
    world["matches"][0].delete()
    assert "Hospital 0" not in _view(c)


def test_facet_label_edit_shows(world):
    c = _client(world["user"])
    _kept_then_view(c)
    Facet.objects.filter(kind=FacetKind.PARTNERSHIP_TYPE, slug="clinical_trial").update(label_en="Trials relabelled")
    assert "Trials relabelled" in _view(c)


def test_losing_a_membership_shows(world):
    second = OrganizationFactory(name_en="Second Firm", kind="firm", status="verified")
    MembershipFactory(user=world["user"], organization=second)
    c = _client(world["user"])
    assert "Second Firm" in _kept_then_view(c)
    Membership.objects.filter(user=world["user"], organization=second).update(status=MembershipStatus.LEFT)
    page = _view(c)
    assert "Second Firm" not in page and "Hospital 0" in page
    Membership.objects.filter(user=world["user"]).delete()
    assert c.get(URL).status_code == 302


def test_another_viewer_never_gets_the_first_viewers_part(world):
    a = _client(world["user"])
    assert "Hospital 0" in _view(a)
    other = OrganizationFactory(name_en="Beta Therapeutics", kind="firm", status="verified")
    person = UserFactory()
    MembershipFactory(user=person, organization=other)
    h = OrganizationFactory(name_en="Gamma Clinic", kind="hospital", status="verified")
    _match(_listing(other, "need", "Beta need"), h, _listing(h, "capability", "Gamma unit"))
    b = _client(person)
    page = _view(b)
    assert "Gamma Clinic" in page and "Hospital 0" not in page and "Alpha Bio" not in page
    # A colleague of the first viewer sees the same list, under their own key and token.
    colleague = UserFactory()
    MembershipFactory(user=colleague, organization=world["firm"])
    assert "Hospital 0" in _view(_client(colleague))
