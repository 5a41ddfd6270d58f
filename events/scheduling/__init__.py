"""Partnering-session 1:1 meeting scheduler: pure Python (numpy/scipy), no Django.

Public API::

    schedule(slots, tables, availability, requests, fixed) -> Schedule
    greedy_baseline(slots, tables, availability, requests, fixed) -> Schedule
    parse_jsonl(lines) -> Instance          # raises ScheduleInputError(line_no, message)
    read_instance(path) -> Instance         # .gz handled
    schedule_instance(instance) -> Schedule
    check_schedule(instance, schedule) -> list[str]   # violations, empty when valid
    prefer_slots(slots, tables, availability, placements, fixed_pairs, wishes) -> list[Placement]
"""

from .model import Instance, Placement, Request, Schedule, ScheduleInputError
from .parse import parse_jsonl, read_instance
from .prefer import prefer_slots
from .solve import DEFAULT_TIME_LIMIT, METHODS, check_schedule, greedy_baseline, schedule, schedule_instance

__all__ = [
    "DEFAULT_TIME_LIMIT",
    "METHODS",
    "Instance",
    "Placement",
    "Request",
    "Schedule",
    "ScheduleInputError",
    "check_schedule",
    "greedy_baseline",
    "parse_jsonl",
    "prefer_slots",
    "read_instance",
    "schedule",
    "schedule_instance",
]
