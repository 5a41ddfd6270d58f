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
from .sessions import RATINGS, MentoringSession

__all__ = [
    "HOLDING_SEAT_STATUSES", "LIVE_SEAT_STATUSES", "MAX_CAPACITY", "MIN_CAPACITY", "RATINGS",
    "ApplicationStatus", "Availability", "CohortMentor", "CohortStartup", "MentorInvitation", "MentorLanguage",
    "MentorProfile", "MentorStatus", "MentoringSession", "PanelSeat", "Programme", "ProgrammeApplication",
    "ProgrammeStatus", "Publication", "SeatStatus",
]
