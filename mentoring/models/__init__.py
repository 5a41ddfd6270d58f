"""Mentor profiles, programmes with their cohorts and panels, and mentoring sessions."""

from .profiles import (
    MAX_CAPACITY,
    MIN_CAPACITY,
    Availability,
    MentorInvitation,
    MentorLanguage,
    MentorProfile,
    MentorStatus,
    Publication,
)
from .programmes import (
    HOLDING_SEAT_STATUSES,
    LIVE_SEAT_STATUSES,
    ApplicationStatus,
    CohortMentor,
    CohortStartup,
    PanelSeat,
    Programme,
    ProgrammeApplication,
    ProgrammeStatus,
    SeatStatus,
)
from .requests import (
    MESSAGE_MAX_LENGTH,
    OPEN_REQUEST_STATUSES,
    REPLY_MAX_LENGTH,
    MentoringRequest,
    RequestStatus,
    need_description_for,
)
from .sessions import RATINGS, MentoringSession

__all__ = [
    "HOLDING_SEAT_STATUSES", "LIVE_SEAT_STATUSES", "MAX_CAPACITY", "MESSAGE_MAX_LENGTH", "MIN_CAPACITY",
    "OPEN_REQUEST_STATUSES", "RATINGS", "REPLY_MAX_LENGTH",
    "ApplicationStatus", "Availability", "CohortMentor", "CohortStartup", "MentorInvitation", "MentorLanguage",
    "MentorProfile", "MentorStatus", "MentoringRequest", "MentoringSession", "PanelSeat", "Programme", "ProgrammeApplication",
    "ProgrammeStatus", "Publication", "RequestStatus", "SeatStatus", "need_description_for",
]
