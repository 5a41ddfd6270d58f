"""The weekly indicators digest: once per manager, cluster and ISO week, with the latest snapshot's figures,
when they were computed, the stage and the change against the previous snapshot, in the manager's language."""

from datetime import UTC, datetime, timedelta

import pytest
from django.conf import settings
from django.core import mail

from portal.models import IndicatorDigest, IndicatorSnapshot
from portal.services import iso_week, send_indicator_digests
from portal.tasks import send_indicator_digest
from tests.factories import ClusterFactory, UserFactory

pytestmark = pytest.mark.django_db

MONDAY = datetime(2026, 11, 29, 23, 0, tzinfo=UTC)  # Monday 30 November 08:00 in Seoul


def _snapshot(cluster, label, start, density, computed_at, stage=None):
    return IndicatorSnapshot.objects.create(
        cluster=cluster, period_kind="month", period_label=label, period_start=start,
        period_end=start + timedelta(days=30), computed_at=computed_at,
        indicators={"members": 12, "density": density, "show_up_rate": 0.75}, stage=stage or {},
    )


@pytest.fixture
def digest_world():
    cluster = ClusterFactory(slug="dig", name_en="Digest Bio", name_ko="다이제스트 바이오")
    ClusterFactory(slug="quiet", name_en="Quiet")  # no managers: no email
    en, ko = UserFactory(email="en@dig.example.kr"), UserFactory(email="ko@dig.example.kr", language="ko")
    cluster.managers.add(en, ko)
    _snapshot(cluster, "2026-10", datetime(2026, 9, 30, 15, tzinfo=UTC), 0.20, datetime(2026, 10, 31, 18, 30, tzinfo=UTC))
    _snapshot(cluster, "2026-11", datetime(2026, 10, 31, 15, tzinfo=UTC), 0.25, datetime(2026, 11, 28, 18, 30, tzinfo=UTC),
              stage={"scanbalt": {"stage": "co_location"}})
    return cluster, en, ko


def test_iso_week_in_seoul():
    assert iso_week(MONDAY) == "2026-W49"  # Sunday 23:00 UTC is already Monday in Seoul
    assert iso_week(datetime(2026, 11, 29, 14, 0, tzinfo=UTC)) == "2026-W48"


def test_digest_once_a_week_with_the_figures(digest_world):
    _cluster, en, ko = digest_world
    assert send_indicator_digests(now=MONDAY) == 2
    assert send_indicator_digests(now=MONDAY) == 0  # the same week: nothing again
    assert len(mail.outbox) == 2
    by_to = {m.to[0]: m for m in mail.outbox}
    body = by_to[en.email].body
    assert "Digest Bio" in by_to[en.email].subject
    assert "Period 2026-11" in body and "Change against 2026-10" in body
    assert "Density: 25.0% (+5.0 pp)" in body  # the figure and its change
    assert "Show-up rate: 75.0% (±0)" in body and "Members: 12 (±0)" in body
    assert "Co-location" in body or "co-location" in body.lower()
    assert "Nov. 29, 2026, 3:30 a.m." in body  # computed at, in Seoul time
    assert f"{settings.SITE_URL}/clusters/dig/dashboard/" in body
    ko_body = by_to[ko.email].body
    assert "주요 수치" in ko_body and "생애주기 단계" in ko_body
    assert set(IndicatorDigest.objects.values_list("week", flat=True)) == {"2026-W49"}
    # The next week: sent again.
    assert send_indicator_digests(now=datetime(2026, 12, 6, 23, 0, tzinfo=UTC)) == 2
    assert len(mail.outbox) == 4


def test_digest_without_snapshots_says_so():
    cluster = ClusterFactory(slug="new")
    cluster.managers.add(UserFactory(email="m@new.example.kr"))
    assert send_indicator_digests(now=MONDAY) == 1
    assert "No indicator snapshot yet" in mail.outbox[0].body


def test_the_beat_task_and_schedule(digest_world):
    assert send_indicator_digest.apply().get() == 2
    assert settings.CELERY_BEAT_SCHEDULE["indicator-digest"]["task"] == "portal.send_indicator_digest"
