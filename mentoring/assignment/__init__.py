"""Mentor panel assignment for a cohort: pure Python (numpy/scipy/networkx), no Django.

Every startup gets a panel of up to ``panel`` mentors. Hard constraints: mentor capacity,
conflicts of interest, a mentor at most once per panel, only scored pairs. Objective, exactly
(min-cost max-flow, see :mod:`.flow`): the most seats, then the greatest total fit.

Public API::

    assign(instance) -> Assignment                    # the optimum
    refill(instance, fixed=..., forbidden=..., startups=None) -> Assignment
    refill_declined(instance, assignment, declined) -> Assignment   # other seats kept
    greedy_assign(instance) -> Assignment             # baseline, for the benchmark only
    check_seats(instance, seats) / check_assignment(instance, assignment) -> list[str]
    parse_jsonl(lines) -> Instance                    # raises AssignmentInputError(line_no, message)
    read_instance(path) -> Instance                   # .gz handled
"""

from .model import DEFAULT_PANEL, Assignment, AssignmentInputError, Instance, Seat
from .parse import parse_jsonl, read_instance
from .solve import assign, check_assignment, check_seats, greedy_assign, make_assignment, refill, refill_declined

__all__ = [
    "DEFAULT_PANEL",
    "Assignment",
    "AssignmentInputError",
    "Instance",
    "Seat",
    "assign",
    "check_assignment",
    "check_seats",
    "greedy_assign",
    "make_assignment",
    "parse_jsonl",
    "read_instance",
    "refill",
    "refill_declined",
]
