"""A confidential need's text reaches the counterpart only once the match is connected: not through
the explanation's shared terms, its language flag or capacity facts read from the description."""

import pytest
from django.test import Client

from matching.review import services as review
from tests.matching.review_world import NEED_MARKER, build_world

pytestmark = pytest.mark.django_db


def _pages(w) -> list[str]:
    m = w.match.pk
    return ["/matches/review/", f"/matches/{m}/", "/api/v1/matches/?status=all", f"/api/v1/matches/{m}/"]


def _seen_by(user, w) -> str:
    client = Client()
    client.force_login(user)
    return "\n".join(client.get(url).content.decode() for url in _pages(w))


def _explain_with_need_text(w) -> None:
    # What the engine stores when the shared words come from the need's description.
    w.match.explanation = {
        "terms": [{"en": NEED_MARKER, "ko": NEED_MARKER, "bridged": False}],
        "cross_language": True,
        "capacity": [f"asked for {NEED_MARKER}"],
        "best_pair": {"need": w.need.pk, "capability": w.capability.pk, "need_title": w.need.title,
                      "capability_title": w.capability.title},
        "shared_facets": ["oncology"],
    }
    w.match.save(update_fields=["explanation"])


def test_counterpart_reviewer_never_sees_terms_from_a_confidential_need():
    w = build_world()
    _explain_with_need_text(w)
    assert w.need.visibility == "confidential"
    text = _seen_by(w.tto, w)
    assert w.need.title in text  # the reviewer does see the proposal
    assert NEED_MARKER not in text


def test_connected_counterpart_sees_the_terms():
    w = build_world()
    _explain_with_need_text(w)
    review.match_approve(user=w.tto, match_id=w.match.pk)
    review.match_accept(user=w.startup, match_id=w.match.pk)
    review.match_accept(user=w.tto, match_id=w.match.pk)
    assert NEED_MARKER in _seen_by(w.tto, w)


def test_managers_match_export_cannot_carry_spreadsheet_formulas():
    w = build_world()
    w.need.title = '=HYPERLINK("http://evil.example","x")'
    w.need.save(update_fields=["title"])
    client = Client()
    client.force_login(w.manager)
    response = client.get("/matches/manage/matches.csv")
    assert response.status_code == 200
    body = response.content.decode()
    assert "'=HYPERLINK" in body
    assert "\n=HYPERLINK" not in body and ",=HYPERLINK" not in body


def test_a_huge_organisation_filter_is_not_a_500():
    w = build_world()
    client = Client()
    client.force_login(w.startup)
    response = client.get("/api/v1/matches/?organization=" + "9" * 25)
    assert response.status_code == 200
