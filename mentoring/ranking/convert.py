"""The conversion layer: mentors become plain engine records, texts become what each encoder reads.

A mentor is turned into engine ``Listing`` capability records (one per publication, one for the
stated expertise) owned by the mentor's id, so the engine's tokenizer, Korean-English bridge and
TF-IDF builder index them exactly as they index an organisation's capabilities.
"""

from __future__ import annotations

import re

from matching.engine.bridge import bridged_english
from matching.engine.text import detect_lang, has_hangul
from matching.engine.types import Listing
from matching.engine.vectors import facet_tokens

from .records import Mentor

_HANGUL_RUN = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]+")
_FACET_PREFIXES = ("ta:", "tech:", "taw:")
EXPERTISE_SUFFIX = "#expertise"
# A sentence ends at . ! ? or 。 followed by space, or at a line break (a title ends at one).
_SENTENCE_END = re.compile(r"(?<=[.!?\u3002])\s+|\n+")
MAX_SENTENCES = 64  # per text: bounds the cost of the sentence-level part on a very long text


def mentor_listings(mentor: Mentor) -> list[Listing]:
    """Engine records of one mentor: the expertise statement (with the mentor's facets) first."""
    out = []
    if mentor.expertise.strip():
        out.append(Listing(id=mentor.id + EXPERTISE_SUFFIX, org=mentor.id, side="capability",
                           description=mentor.expertise, partnership_types=("mentoring",),
                           therapeutic_areas=mentor.therapeutic_areas, technologies=mentor.technologies))
    for i, pub in enumerate(mentor.publications):
        out.append(Listing(id=f"{mentor.id}#p{i}", org=mentor.id, side="capability", title=pub.title,
                           description=pub.abstract, partnership_types=("mentoring",)))
    return out


def sentences(text: str) -> list[str]:
    """The sentences of a text (the title is one), what the sentence-level part matches one by one;
    fragments of three characters or fewer are dropped, an unsplittable text is one sentence."""
    out = [part.strip() for part in _SENTENCE_END.split(text) if len(part.strip()) > 3]
    if not out and text.strip():
        out = [text.strip()]
    return out[:MAX_SENTENCES]


def english_view(text: str) -> str:
    """What an English-only encoder reads: the text's own English (names, acronyms, numbers) and the
    English glosses of the Korean terms the bridge knows; the Hangul itself carries nothing for it."""
    if not has_hangul(text):
        return text
    latin = " ".join(_HANGUL_RUN.sub(" ", text).split())
    glosses = ", ".join(dict.fromkeys(bridged_english(text)))
    return f"{glosses}. {latin}".strip(" .") if glosses else latin


def facet_set(listing: Listing) -> frozenset[str]:
    """Therapeutic-area and technology facets, normalised and bridged by the engine (types left out:
    every mentoring pair shares the 'mentoring' type, so it tells mentors apart no better than noise)."""
    return frozenset(t for t in facet_tokens(listing) if t.startswith(_FACET_PREFIXES))


def mentor_facets(mentor: Mentor) -> frozenset[str]:
    return facet_set(Listing(id=mentor.id, org=mentor.id, side="capability",
                             therapeutic_areas=mentor.therapeutic_areas, technologies=mentor.technologies))


def need_language(need: Listing) -> str:
    """The need's stated language, else the one its text is written in."""
    lang = (need.lang or "").strip().lower()[:2]
    return lang if lang in ("ko", "en") else detect_lang(need.text)
