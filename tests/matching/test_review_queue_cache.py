"""The review queue's kept cards (core.fragments, selectors.queue_version): a second identical view is served from
the cache (Redis under REDIS_URL) with fewer queries, every kind of change a card shows appears at once (edits,
decisions, ``QuerySet.update`` writes, deletions, renames, taxonomy edits, answer rates), forms inside the kept part
post with the viewer's own CSRF token, and no viewer is ever served another's part."""

from __future__ import annotations

import re

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from accounts import services as account_services
from accounts.models import Membership
from matching.listings import services as listings
from matching.models import Listing, Match, MatchSource, MatchStatus
from matching.review import conversation, selectors
from matching.review import services as review
from matching.review.views import QueueFilterForm, _select_html
from taxonomy.models import Facet

from .review.queue_world import queue_of
from .review_world import build_world

pytestmark = pytest.mark.django_db
URL = "/matches/review/"


@pytest.fixture(autouse=True)
def _kept(settings):
    settings.PAGE_CACHE_SECONDS = 60


@pytest.fixture
def w():
    return build_world()


def _html(client, url: str = URL) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())


def _queries(client, url: str = URL) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as ctx:
        html = _html(client, url)
    return len(ctx.captured_queries), html


def test_a_second_view_is_kept_and_costs_fewer_queries(w, client):
    queue_of(w, 6)
    client.force_login(w.tto)
    first_n, first = _queries(client)
    again_n, again = _queries(client)
    assert again == first and "Queue Firm 5" in again
    assert again_n < first_n - 5, (first_n, again_n)


def test_without_keeping_the_page_costs_the_same_queries_whatever_its_length(w, client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    queue_of(w, 3)
    client.force_login(w.tto)
    _html(client)
    few, _ = _queries(client)
    queue_of(w, 12)  # a second batch: 15 more firms, their needs, tags and supporting capabilities
    many, html = _queries(client)
    assert html.count('class="card mb-2 cl-review-row"') > 12
    assert many == few


def _seen(client, text: str) -> bool:
    return text in _html(client)


def test_edits_to_what_a_card_shows_appear_at_once(w, client):
    client.force_login(w.tto)
    assert _seen(client, "Phase 1 oncology site")
    listings.listing_update(user=w.startup, listing=w.need, fields={"title": "Phase 2 cardiology site"})
    assert _seen(client, "Phase 2 cardiology site")
    listings.listing_update(user=w.hospital_admin, listing=w.capability, fields={"title": "Renamed trial unit"})
    assert _seen(client, "Renamed trial unit")
    w.firm.name_en = "Gamma Therapeutics"
    w.firm.save()
    assert _seen(client, "Gamma Therapeutics")
    oncology = Facet.objects.get(kind="therapeutic_area", slug="oncology")
    oncology.label_en = "Cancer medicine"
    oncology.save()
    assert _seen(client, "Cancer medicine")
    # The world's need is confidential: shown to members, then confidential again, its description follows.
    assert not _seen(client, "needs a phase 1 site")
    listings.listing_update(user=w.startup, listing=w.need, fields={"visibility": "members"})
    assert _seen(client, "needs a phase 1 site")
    listings.listing_update(user=w.startup, listing=w.need, fields={"visibility": "confidential"})
    html = _html(client)
    assert "needs a phase 1 site" not in html and "Description shared once both sides accept." in html


def test_update_writes_and_colleagues_names_appear_at_once(w, client):
    client.force_login(w.tto)
    assert not _seen(client, "Requested by an organisation")
    # match_request writes the source with QuerySet.update.
    review.match_request(user=w.startup, need_id=w.need.pk, counterpart_id=w.hospital.pk)
    assert _seen(client, "Requested by an organisation")
    conversation.match_assign(user=w.tto, match_id=w.match.pk, assignee_id=w.hospital_admin.pk)
    assert _seen(client, "Opinion asked: Hospital Admin")
    # People have no updated_at: the version reads the names of the organisation's members.
    account_services.profile_update(user=w.hospital_admin, full_name="Dr Kim Seo-yeon", phone="",
                                    language="en", news_opt_in=False)
    assert _seen(client, "Opinion asked: Dr Kim Seo-yeon")


def test_decisions_new_and_deleted_proposals_and_capabilities_appear_at_once(w, client):
    rows = queue_of(w, 4)
    client.force_login(w.tto)
    assert _seen(client, "Queue Firm 3")
    review.match_decline(user=w.tto, match_id=rows[3].pk, category="too_early")
    assert not _seen(client, "Queue Firm 3")
    rows[2].delete()
    assert not _seen(client, "Queue Firm 2")
    firm = rows[3].need.organization
    need = listings.listing_create(user=firm.memberships.first().user, organization=firm,
                                   fields={"side": "need", "title": "A brand new need", "description": "New."})
    Match.objects.create(need=need, counterpart=w.hospital, score=0.05, source=MatchSource.MODEL)
    assert _seen(client, "A brand new need")
    # A supporting capability deleted (the admin's way) leaves the cards at once.
    assert _seen(client, "Imaging core laboratory")
    Listing.objects.filter(title="Imaging core laboratory").delete()
    assert not _seen(client, "Imaging core laboratory")


def test_a_firms_answer_rate_follows_its_answers_to_other_hospitals(w, client):
    client.force_login(w.tto)
    assert not _seen(client, "of introductions")
    other_hospital = w.other_tto.memberships.get().organization
    elsewhere = Match.objects.create(need=w.need, counterpart=other_hospital, score=0.5, source=MatchSource.MODEL)
    review.match_approve(user=w.other_tto, match_id=elsewhere.pk)  # introduced: the firm is asked
    assert _seen(client, "answers 0% of introductions")
    review.match_accept(user=w.startup, match_id=elsewhere.pk)
    assert _seen(client, "answers 100% of introductions")


def test_an_admin_change_anywhere_renews_the_version(w):
    orgs = {w.hospital.pk}
    before = selectors.queue_version(w.tto, org_ids=orgs, reviewing=orgs)
    LogEntry.objects.create(user=w.manager, content_type=ContentType.objects.get_for_model(Match),
                            object_id=str(w.match.pk), object_repr="x", action_flag=CHANGE, change_message="")
    assert selectors.queue_version(w.tto, org_ids=orgs, reviewing=orgs) != before


def test_losing_the_reviewer_role_is_never_hidden_by_a_kept_part(w, client):
    client.force_login(w.tto)
    assert _seen(client, "Phase 1 oncology site")
    Membership.objects.filter(user=w.tto).update(is_tto=False)
    assert client.get(URL).status_code == 403


def test_a_form_in_a_kept_part_posts_with_the_viewers_own_token(w):
    client = Client(enforce_csrf_checks=True)
    client.force_login(w.tto)
    client.get(URL)
    html = client.get(URL).content.decode()  # served from the cache
    form = html.split(f'action="/matches/{w.match.pk}/transition/" class="cl-decline')[1]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    response = client.post(f"/matches/{w.match.pk}/transition/", {
        "csrfmiddlewaretoken": token, "action": "decline", "reason": "too_early", "note": "", "next": URL})
    assert response.status_code == 302
    assert Match.objects.get(pk=w.match.pk).status == MatchStatus.DECLINED


def test_no_viewer_is_served_anothers_part(w, client):
    other_hospital = w.other_tto.memberships.get().organization
    theirs = Match.objects.create(need=w.need, counterpart=other_hospital, score=0.4, source=MatchSource.MODEL)
    client.force_login(w.tto)
    mine = _html(client)
    assert f'data-id="{w.match.pk}"' in mine and f'data-id="{theirs.pk}"' not in mine
    client.force_login(w.other_tto)
    other = _html(client)
    assert f'data-id="{theirs.pk}"' in other and f'data-id="{w.match.pk}"' not in other
    # The hospital's admin is no reviewer (a TTO exists): refused, never served the TTO's kept part.
    client.force_login(w.hospital_admin)
    assert client.get(URL).status_code == 403


def test_each_language_gets_its_own_part(w, client):
    client.force_login(w.tto)
    assert "Review queue" in _html(client)
    client.cookies["django_language"] = "ko"
    with translation.override("ko"):
        html = _html(client)
    assert 'lang="ko"' in html and "Approve and introduce" not in html


@pytest.mark.parametrize("data", [None, {}, {"therapeutic_area": "oncology"}, {"region": "seoul", "page": "2"},
                                  {"stage": ""}])
@pytest.mark.parametrize("language", ["en", "ko"])
def test_filter_selects_are_written_as_django_writes_them(data, language):
    with translation.override(language):
        form = QueueFilterForm(data)
        for name in ("therapeutic_area", "partnership_type", "stage", "region"):
            assert _select_html(form[name]) == str(form[name])
