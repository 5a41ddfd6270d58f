"""How well a mentor fits a startup: the one scorer the panel optimiser asks.

Plain data in, plain data out (no ORM): ``cohort`` builds the cards. ``pair_scores`` ranks with the
mentor model of ``mentoring.ranking`` (itself on ``matching.engine``): each startup need is an
engine ``Listing``, the mentors' stated expertise and publications are the corpus, and a pair's
fit is the mentor's best score over the startup's needs. The model is fitted once per corpus
(``MODELS`` slot "mentors", keyed by a fingerprint of the mentors).

A pair missing from the result has no fit and cannot be assigned: a pair shares no therapeutic
area or technology AND no need comes semantically close to the mentor (``SEMANTIC_FLOOR``), or
its best score is not positive.

A card carries only what a mentor may learn: a confidential need reaches it as its title and tags.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from matching.engine.text import has_hangul
from matching.engine.types import Listing

from .ranking import MODEL_VERSION, MODELS, Mentor, MentorCorpus, Publication, fit

LANGUAGE_BONUS = 0.1  # of the facet-overlap scorer only; the model has its own language part
# Cosine (need to mentor profile) from which a pair without a shared facet still has a fit. Measured on
# hand-written pairs: unrelated topics sit at 0.0-0.2, a Korean need and an on-topic English profile at 0.35+.
SEMANTIC_FLOOR = 0.35
CORPUS = "mentors"
AREA_PREFIX, TECH_PREFIX = "therapeutic_area:", "technology:"


@dataclass(frozen=True)
class StartupCard:
    """A startup: ``facets`` as "kind:slug" (therapeutic areas and technologies) of its open needs and
    application; ``needs`` are engine records of what the mentors are ranked against."""

    id: str
    facets: frozenset[str]
    languages: frozenset[str] = frozenset()
    needs: tuple[Listing, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class MentorCard:
    id: str
    facets: frozenset[str]
    languages: frozenset[str] = frozenset()
    expertise: str = field(default="", compare=False)
    publications: tuple[tuple[str, str], ...] = field(default=(), compare=False)  # (title, abstract)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    union = a | b
    return len(a & b) / len(union) if union else 0.0


def facet_overlap_scores(startups: Iterable[StartupCard], mentors: Iterable[MentorCard]) -> dict[tuple[str, str], float]:
    """Jaccard of the two facet sets, plus ``LANGUAGE_BONUS`` when they share a language.

    Pairs with no facet in common get no score (a shared language alone is no reason to mentor).
    A text-free scorer for a caller that wants one; ``pair_scores`` does not use it.
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


def _slugs(facets: frozenset[str], prefix: str) -> tuple[str, ...]:
    return tuple(sorted(f.removeprefix(prefix) for f in facets if f.startswith(prefix)))


def as_mentor(card: MentorCard) -> Mentor:
    """The ranking's record of a mentor card."""
    return Mentor(
        id=card.id, expertise=card.expertise,
        publications=tuple(Publication(title=t, abstract=a) for t, a in card.publications),
        therapeutic_areas=_slugs(card.facets, AREA_PREFIX), technologies=_slugs(card.facets, TECH_PREFIX),
        languages=tuple(sorted(card.languages)),
    )


def corpus_fingerprint(corpus: MentorCorpus) -> str:
    """What the fitted model depends on: the mentors, and whether any need is Korean (the model
    prepares the multilingual profiles only then). The needs themselves are scored, not fitted on."""
    data = [[m.id, m.expertise, [[p.title, p.abstract] for p in m.publications], m.therapeutic_areas,
             m.technologies, m.languages] for m in corpus.mentors]
    korean = any(has_hangul(n.text) for n in corpus.needs)
    raw = json.dumps([MODEL_VERSION, korean, data], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(raw.encode()).hexdigest()


def pair_scores(startups: Iterable[StartupCard], mentors: Iterable[MentorCard]) -> dict[tuple[str, str], float]:
    """Fit of every (startup id, mentor id) pair worth assigning; higher is better.

    The mentor model's score (semantic + detail + lexical + facets + language parts) of the startup's best
    need for that mentor; the facet overlap counts once, as the model's own soft "facets" part.
    """
    startups, cards = list(startups), list(mentors)
    rows: dict[str, list[int]] = {}
    needs: list[Listing] = []
    for s in startups:
        for need in s.needs:
            rows.setdefault(s.id, []).append(len(needs))
            needs.append(need)
    if not needs or not cards:
        return {}
    corpus = MentorCorpus(mentors=[as_mentor(c) for c in cards], needs=needs)
    model = MODELS.get(CORPUS, corpus_fingerprint(corpus), lambda: fit(corpus))
    parts = model.parts(needs)
    total = model.combine(parts)
    columns = [model.index[c.id] for c in cards]
    scores: dict[tuple[str, str], float] = {}
    for s in startups:
        if s.id not in rows:
            continue
        best = total[rows[s.id]][:, columns].max(axis=0)
        close = (parts["semantic"][rows[s.id]][:, columns] >= SEMANTIC_FLOOR).any(axis=0)
        for j, card in enumerate(cards):
            shared = bool(s.facets & card.facets)
            if (shared or close[j]) and best[j] > 0:
                scores[s.id, card.id] = round(float(best[j]), 6)
    return scores

