"""Mentor profiles, programmes with their cohorts and panels, and mentoring sessions."""

from .office_hours import (
    BOOKING_MESSAGE_MAX_LENGTH,
    MAX_SLOT_CAPACITY,
    MAX_SLOT_MINUTES,
    MIN_SLOT_MINUTES,
    BookingStatus,
    OfficeHour,
    OfficeHourBooking,
)
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
    "BOOKING_MESSAGE_MAX_LENGTH", "HOLDING_SEAT_STATUSES", "LIVE_SEAT_STATUSES", "MAX_CAPACITY", "MAX_SLOT_CAPACITY",
    "MAX_SLOT_MINUTES", "MESSAGE_MAX_LENGTH", "MIN_CAPACITY", "MIN_SLOT_MINUTES", "OPEN_REQUEST_STATUSES", "RATINGS",
    "REPLY_MAX_LENGTH", "ApplicationStatus", "Availability", "BookingStatus", "CohortMentor", "CohortStartup",
    "MentorInvitation", "MentorLanguage", "MentorProfile", "MentorStatus", "MentoringRequest", "MentoringSession",
    "OfficeHour", "OfficeHourBooking", "PanelSeat", "Programme", "ProgrammeApplication", "ProgrammeStatus",
    "Publication", "RequestStatus", "SeatStatus", "need_description_for",
]
