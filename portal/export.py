"""A member's own data as one JSON document (the right of access / portability of PIPA and the GDPR).

Built in portal because it reads every app (accounts may not import the ones above it). Only rows the person
is the subject or author of, and only their own contact details: other people appear by organisation name or
by id, never by email or phone. One query per section, whatever the amount of data.
"""

from django.conf import settings
from django.utils import timezone

from accounts.models import ApiToken, Membership, User
from events.models import CalendarFeed, Registration
from matching.models import Listing, MatchEvent, MatchMessage, MatchNote, Notification, NotificationSettings
from mentoring.models import MentoringRequest, MentoringSession, MentorProfile

from .models import SavedSearch, SavedSearchNotice

FORMAT_VERSION = 1


def _org(org) -> dict | None:
    return None if org is None else {"id": org.pk, "name_ko": org.name_ko, "name_en": org.name_en}


def _profile(user: User) -> dict:
    return {
        "id": user.pk, "email": user.email, "full_name": user.full_name, "phone": user.phone,
        "language": user.language, "date_joined": user.date_joined, "email_verified_at": user.email_verified_at,
        "privacy_consent_version": user.privacy_consent_version, "privacy_consent_at": user.privacy_consent_at,
        "news_opt_in": user.news_opt_in, "news_opt_in_at": user.news_opt_in_at,
    }


def _memberships(user: User) -> list[dict]:
    rows = Membership.objects.filter(user=user).select_related("organization").order_by("pk")
    return [
        {"organization": _org(m.organization), "role": m.role, "status": m.status, "is_tto": m.is_tto,
         "title": m.title, "may_be_contact": m.may_be_contact, "since": m.created_at}
        for m in rows
    ]


def _api_tokens(user: User) -> list[dict]:
    # Label, first characters and dates only: the key is not stored, and its hash is no one's business.
    rows = ApiToken.objects.filter(user=user).order_by("pk")
    return [{"name": t.name, "prefix": t.prefix, "created": t.created, "expires_at": t.expires_at,
             "last_used_at": t.last_used_at} for t in rows]


def _listings(user: User) -> list[dict]:
    rows = Listing.objects.filter(created_by=user).select_related("organization").order_by("pk")
    return [
        {"id": li.pk, "organization": _org(li.organization), "side": li.side, "title": li.title,
         "description": li.description, "language": li.language, "visibility": li.visibility, "status": li.status,
         "expires_on": li.expires_on, "created_at": li.created_at, "updated_at": li.updated_at}
        for li in rows
    ]


def _messages(user: User) -> list[dict]:
    rows = MatchMessage.objects.filter(sender=user).order_by("pk")
    return [{"id": m.pk, "match_id": m.match_id, "body": m.body, "sent_at": m.created_at, "read_at": m.read_at}
            for m in rows]


def _notes(user: User) -> list[dict]:
    rows = MatchNote.objects.filter(author=user).order_by("pk")
    return [{"id": n.pk, "match_id": n.match_id, "body": n.body, "written_at": n.created_at} for n in rows]


def _match_actions(user: User) -> list[dict]:
    rows = MatchEvent.objects.filter(actor=user).order_by("pk")
    return [
        {"match_id": e.match_id, "action": e.action, "from": e.from_status, "to": e.to_status, "reason": e.reason,
         "note": e.note, "at": e.created_at}
        for e in rows
    ]


def _registrations(user: User) -> list[dict]:
    rows = Registration.objects.filter(user=user).select_related("event", "organization").order_by("pk")
    return [
        {"event": {"id": r.event_id, "title_ko": r.event.title_ko, "title_en": r.event.title_en,
                   "starts_at": r.event.starts_at},
         "organization": _org(r.organization), "status": r.status, "answers": r.answers,
         "show_in_participant_list": r.show_in_participant_list, "share_listings": r.share_listings,
         "checked_in_at": r.checked_in_at, "registered_at": r.created_at}
        for r in rows
    ]


def _mentoring(user: User) -> dict:
    profile = MentorProfile.objects.filter(user=user).select_related("organization").first()
    data: dict = {"mentor_profile": None, "sessions_as_mentor": [], "sessions_logged": [], "requests_sent": []}
    if profile is not None:
        data["mentor_profile"] = {
            "headline": profile.headline, "expertise": profile.expertise, "career": profile.career,
            "languages": profile.language_list, "capacity": profile.capacity, "availability": profile.availability,
            "status": profile.status, "affiliations": profile.affiliations, "investments": profile.investments,
            "mentors_for": _org(profile.organization), "created_at": profile.created_at,
        }
        # The mentor's own side of each session; the startup's rating and note of the mentor are the startup's.
        sessions = MentoringSession.objects.filter(mentor=profile).select_related("startup").order_by("pk")
        data["sessions_as_mentor"] = [
            {"id": s.pk, "startup": _org(s.startup), "held_on": s.held_on, "minutes": s.duration_minutes,
             "topics": s.topics, "follow_ups": s.follow_ups, "mentor_rating": s.mentor_rating,
             "mentor_note": s.mentor_note}
            for s in sessions
        ]
    logged = MentoringSession.objects.filter(logged_by=user).select_related("startup").order_by("pk")
    data["sessions_logged"] = [
        {"id": s.pk, "startup": _org(s.startup), "held_on": s.held_on, "topics": s.topics} for s in logged
    ]
    asked = MentoringRequest.objects.filter(requested_by=user).select_related("startup").order_by("pk")
    data["requests_sent"] = [
        {"id": r.pk, "startup": _org(r.startup), "mentor_id": r.mentor_id, "message": r.message,
         "status": r.status, "asked_at": r.created_at, "answered_at": r.answered_at}
        for r in asked
    ]
    return data


def _saved_searches(user: User) -> list[dict]:
    rows = SavedSearch.objects.filter(user=user).order_by("pk")
    return [{"id": s.pk, "kind": s.kind, "name": s.name, "filters": s.params, "created_at": s.created_at,
             "last_notified_at": s.last_notified_at} for s in rows]


def _notifications(user: User) -> dict:
    notices = Notification.objects.filter(user=user).order_by("pk")
    found = SavedSearchNotice.objects.filter(user=user).order_by("pk")
    prefs = NotificationSettings.objects.filter(user=user).first()
    return {
        "daily_digest": bool(prefs and prefs.daily_digest),
        "match_notifications": [
            {"kind": n.kind, "match_id": n.match_id, "params": n.params, "created_at": n.created_at,
             "read_at": n.read_at, "emailed_at": n.emailed_at}
            for n in notices
        ],
        "saved_search_notices": [
            {"saved_search_id": n.saved_search_id, "object_id": n.object_id, "title": n.title,
             "found_at": n.created_at, "read_at": n.read_at, "emailed_at": n.emailed_at}
            for n in found
        ],
    }


def user_data_export(*, user: User) -> dict:
    """Everything ClusterLink holds about ``user`` that is theirs (a JSON-serialisable dict, dates as objects)."""
    return {
        "format_version": FORMAT_VERSION,
        "exported_at": timezone.now(),
        "privacy_policy_version": settings.PRIVACY_POLICY_VERSION,
        "profile": _profile(user),
        "memberships": _memberships(user),
        "api_tokens": _api_tokens(user),
        "listings_authored": _listings(user),
        "match_messages_sent": _messages(user),
        "match_notes_written": _notes(user),
        "match_actions": _match_actions(user),
        "event_registrations": _registrations(user),
        "has_calendar_feed": CalendarFeed.objects.filter(user=user).exists(),
        "mentoring": _mentoring(user),
        "saved_searches": _saved_searches(user),
        "notifications": _notifications(user),
    }
