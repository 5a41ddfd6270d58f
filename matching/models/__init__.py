"""Matching domain, one module per concept: listings, matches, runs, review, attachments, weights."""

from .attachments import MessageAttachment
from .listings import TRIAL_PHASES, Listing, ListingLanguage, ListingSide, ListingStatus, ListingVisibility
from .matches import CONNECTED_STATES, OPEN_STATES, CloseReason, DeclineReason, Match, MatchSource, MatchStatus
from .review import MatchEvent, MatchMessage, MatchNote, Notification, NotificationSettings, Partnership, PartnershipStatus
from .runs import MatchRun, MatchRunStatus
from .weights import KnownLink, LearnedWeights, WeightsSource

__all__ = [
    "CONNECTED_STATES",
    "OPEN_STATES",
    "TRIAL_PHASES",
    "CloseReason",
    "DeclineReason",
    "KnownLink",
    "LearnedWeights",
    "Listing",
    "ListingLanguage",
    "ListingSide",
    "ListingStatus",
    "ListingVisibility",
    "Match",
    "MatchEvent",
    "MatchMessage",
    "MatchNote",
    "MatchRun",
    "MatchRunStatus",
    "MatchSource",
    "MatchStatus",
    "MessageAttachment",
    "Notification",
    "NotificationSettings",
    "Partnership",
    "PartnershipStatus",
    "WeightsSource",
]
