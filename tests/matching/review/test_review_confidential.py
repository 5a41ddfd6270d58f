"""Marker strings in confidential descriptions, contacts and messages: absent from every response,
email and export until the match is ``connected``, and from managers (descriptions, messages) always."""

import pytest
from django.core import mail
from django.test import Client

from matching.review import conversation
from matching.review import services as review

from ..review_world import EMAIL_MARKER, MARKER, MESSAGE_MARKER, NEED_MARKER, PHONE_MARKER, build_world

pytestmark = pytest.mark.django_db
ROLES = ["startup", "other_firm_user", "tto", "other_tto", "hospital_admin", "manager", "anonymous"]


def urls(w) -> list[str]:
    m = w.match.pk
    return [
        "/", "/matches/", f"/matches/{m}/", "/matches/review/", "/matches/manage/", "/matches/manage/matches.csv",
        "/listings/", "/listings/proposals/", f"/listings/{w.need.pk}/", f"/listings/{w.capability.pk}/",
        f"/organizations/{w.hospital.pk}/", f"/organizations/{w.firm.pk}/",
        "/api/v1/matches/?status=all", f"/api/v1/matches/{m}/", f"/api/v1/matches/{m}/history/",
        f"/api/v1/matches/{m}/messages/", "/api/v1/listings/?page_size=100", f"/api/v1/listings/{w.capability.pk}/",
        f"/api/v1/listings/{w.need.pk}/", f"/api/v1/memberships/?organization={w.hospital.pk}",
        f"/api/v1/memberships/?organization={w.firm.pk}",
    ]


def everything(w, role: str) -> str:
    c = Client()
    if role != "anonymous":
        c.force_login(getattr(w, role))
    return "\n".join(c.get(u).content.decode() for u in urls(w))


def test_markers_stay_hidden_until_connected_and_from_managers_always(django_capture_on_commit_callbacks):
    w = build_world()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        conversation.match_note_add(user=w.tto, match_id=w.match.pk, body=f"internal {MESSAGE_MARKER}")
        review.match_approve(user=w.tto, match_id=w.match.pk)
        review.match_accept(user=w.startup, match_id=w.match.pk)
    # Introduced, the startup has accepted: still nothing confidential crosses over.
    hospital_side, firm_side = ("tto", "hospital_admin"), ("startup",)
    for role in ROLES:
        text = everything(w, role)
        assert (MARKER in text) == (role in hospital_side), role  # the hospital's capability text
        assert (NEED_MARKER in text) == (role in firm_side), role  # the firm's need text
        assert (MESSAGE_MARKER in text) == (role in hospital_side), role  # the internal note
        if role not in (*hospital_side, "manager"):  # contacts reach a cluster's managers by design (DESIGN.md)
            assert PHONE_MARKER not in text and EMAIL_MARKER not in text, role

    with django_capture_on_commit_callbacks(execute=True):
        review.match_accept(user=w.tto, match_id=w.match.pk)
        conversation.message_send(user=w.startup, match_id=w.match.pk, body=f"Hello {MESSAGE_MARKER}")
    startup = everything(w, "startup")
    assert MARKER in startup and PHONE_MARKER in startup  # connected: the hospital's text and contacts
    assert NEED_MARKER in everything(w, "tto")  # and the hospital reads the firm's need
    assert MESSAGE_MARKER in startup
    assert startup.count(f"internal {MESSAGE_MARKER}") == 0  # the internal note stays with the hospital
    for role in ("other_firm_user", "other_tto", "anonymous", "manager"):
        text = everything(w, role)
        assert MARKER not in text and NEED_MARKER not in text and MESSAGE_MARKER not in text, role
        if role != "manager":  # contacts reach a cluster's managers by design (DESIGN.md)
            assert PHONE_MARKER not in text and EMAIL_MARKER not in text, role
    for message in mail.outbox:
        body = message.body + "".join(str(a[0]) for a in getattr(message, "alternatives", []))
        for marker in (MARKER, NEED_MARKER, MESSAGE_MARKER, PHONE_MARKER):
            assert marker not in body, message.subject

