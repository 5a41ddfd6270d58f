"""Plain data types of the partnering scheduler (no Django)."""

from __future__ import annotations

from dataclasses import dataclass, field

DEFAULT_WEIGHT = 1.0


class ScheduleInputError(ValueError):
    """Bad scheduler input; ``line_no`` is the 1-based JSON Lines line, or None."""

    def __init__(self, line_no: int | None, message: str) -> None:
        self.line_no = line_no
        self.message = message
        prefix = f"line {line_no}: " if line_no is not None else ""
        super().__init__(prefix + message)


@dataclass(frozen=True)
class Request:
    """An accepted 1:1 meeting request; ``a``/``b`` keep the orientation first seen."""

    a: str
    b: str
    weight: float = DEFAULT_WEIGHT

    @property
    def pair(self) -> frozenset[str]:
        return frozenset((self.a, self.b))


@dataclass(frozen=True)
class Placement:
    """A meeting at a slot and a table (0-based)."""

    a: str
    b: str
    slot: int
    table: int

    @property
    def pair(self) -> frozenset[str]:
        return frozenset((self.a, self.b))


@dataclass
class Instance:
    """Everything the scheduler needs; ``availability[x] is None`` means every slot."""

    slots: int
    tables: int
    availability: dict[str, frozenset[int] | None]
    requests: list[Request]
    fixed: list[Placement] = field(default_factory=list)
    # Where each item came from, so later checks can still name the input line.
    request_lines: list[int] = field(default_factory=list)
    fixed_lines: list[int] = field(default_factory=list)


@dataclass
class Schedule:
    """The result: every meeting placed (fixed ones included) and the score."""

    placements: list[Placement]
    requests: int  # distinct meetings asked for: requests ∪ fixed pairs
    scheduled: int  # placements, fixed ones included
    weight: float  # total weight of the scheduled meetings
    method: str = ""  # which solver produced the new placements
    optimal: bool = False  # proven optimal (exact solver finished)
    upper_bound: int | None = None  # proven bound on ``scheduled`` when known
    stats: dict[str, float] = field(default_factory=dict)

    @property
    def key(self) -> tuple[int, float]:
        """Lexicographic objective: requests met, then weight."""
        return (self.scheduled, self.weight)
