"""How well a mentor fits a startup: the one scorer the panel optimiser asks.

Plain data in, plain data out (no ORM): the services build the cards. ``pair_scores`` is the
pluggable point; today it is the facet-overlap scorer below, later the engine-based ranking.
A pair missing from the result has no fit and cannot be assigned.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

LANGUAGE_BONUS = 0.1


@dataclass(frozen=True)
class StartupCard:
    """A startup's open needs: ``facets`` as "kind:slug" (therapeutic areas and technologies)."""

    id: str
    facets: frozenset[str]
    languages: frozenset[str] = frozenset()
    texts: tuple[str, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class MentorCard:
    id: str
    facets: frozenset[str]
    languages: frozenset[str] = frozenset()
    texts: tuple[str, ...] = field(default=(), compare=False)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    union = a | b
    return len(a & b) / len(union) if union else 0.0


def facet_overlap_scores(startups: Iterable[StartupCard], mentors: Iterable[MentorCard]) -> dict[tuple[str, str], float]:
    """Jaccard of the two facet sets, plus ``LANGUAGE_BONUS`` when they share a language.

    Pairs with no facet in common get no score (a shared language alone is no reason to mentor).
    """
    mentors = list(mentors)
    scores: dict[tuple[str, str], float] = {}
    for s in startups:
        for m in mentors:
            overlap = jaccard(s.facets, m.facets)
            if overlap <= 0:
                continue
            scores[s.id, m.id] = overlap + (LANGUAGE_BONUS if s.languages & m.languages else 0.0)
    return scores


def pair_scores(startups: Iterable[StartupCard], mentors: Iterable[MentorCard]) -> dict[tuple[str, str], float]:
    """Fit of every (startup id, mentor id) pair worth assigning; higher is better."""
    return facet_overlap_scores(startups, mentors)
