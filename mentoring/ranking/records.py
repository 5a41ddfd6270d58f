"""Plain records of mentor ranking: mentors with their publications, and the corpus ranked.

Needs are the matching engine's own ``Listing`` records: a startup's need is the same object
whether it is matched against partner organisations or against mentors.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from matching.engine.types import Listing


@dataclass(frozen=True)
class Publication:
    title: str = ""
    abstract: str = ""

    @property
    def text(self) -> str:
        return f"{self.title}\n{self.abstract}".strip()


@dataclass(frozen=True)
class Mentor:
    id: str
    name: str = ""
    expertise: str = ""  # what the mentor says they can help with, free text (ko or en)
    publications: tuple[Publication, ...] = ()
    therapeutic_areas: tuple[str, ...] = ()
    technologies: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()  # "ko", "en"; empty = not stated (no language signal)


@dataclass
class MentorCorpus:
    """What one mentor model is fitted on: the mentors, and the needs ranked against them."""

    mentors: list[Mentor] = field(default_factory=list)
    needs: list[Listing] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
