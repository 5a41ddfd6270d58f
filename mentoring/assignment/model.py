"""Plain data types of the mentor panel optimiser (no Django)."""

from __future__ import annotations

from dataclasses import dataclass, field

DEFAULT_PANEL = 3


class AssignmentInputError(ValueError):
    """Bad optimiser input; ``line_no`` is the 1-based JSON Lines line, or None."""

    def __init__(self, line_no: int | None, message: str) -> None:
        self.line_no = line_no
        self.message = message
        prefix = f"line {line_no}: " if line_no is not None else ""
        super().__init__(prefix + message)


@dataclass(frozen=True, order=True)
class Seat:
    """One mentor on one startup's panel."""

    startup: str
    mentor: str


@dataclass(frozen=True, eq=False)
class Instance:
    """A cohort: ``startups`` and ``capacity`` (mentor -> startups at a time) keep input order.

    Only pairs in ``scores`` may be assigned, never a pair in ``conflicts``.
    """

    startups: tuple[str, ...]
    capacity: dict[str, int]
    scores: dict[tuple[str, str], float]
    conflicts: frozenset[tuple[str, str]] = frozenset()
    panel: int = DEFAULT_PANEL

    @property
    def mentors(self) -> tuple[str, ...]:
        return tuple(self.capacity)

    def allowed(self, startup: str, mentor: str) -> bool:
        return (startup, mentor) in self.scores and (startup, mentor) not in self.conflicts


@dataclass(frozen=True)
class Assignment:
    """The panels: ``seats`` in startup then mentor input order, fixed seats included."""

    seats: tuple[Seat, ...]
    total_score: float
    short_panels: int  # startups with fewer than ``panel`` mentors (empty panels included)
    method: str = ""
    stats: dict[str, float] = field(default_factory=dict, compare=False)

    @property
    def key(self) -> tuple[int, float]:
        """Lexicographic objective: seats filled, then total fit."""
        return (len(self.seats), self.total_score)
