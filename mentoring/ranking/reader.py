"""Read the exchange format for mentor ranking: `mentor` records and `need` listings.

The engine's reader validates organisations and listings (``parse_records``) but does not keep
mentors, so the mentor records are parsed here from the same stream of lines. Every problem is an
``ExchangeError`` naming the file and line.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

from matching.engine.exchange import ExchangeError, parse_records

from .records import Mentor, MentorCorpus, Publication

MAX_TEXT_CHARS = 20_000  # as the engine: longer texts are cut, not rejected
MAX_PUBLICATIONS = 200  # a profile with more is cut to its first 200 (the file's order)


def _lines(path: str | Path) -> Iterator[tuple[str, dict]]:
    p = str(path)
    try:
        fh = gzip.open(p, "rt", encoding="utf-8") if p.endswith(".gz") else open(p, encoding="utf-8")  # noqa: SIM115 - closed by the with below
    except OSError as exc:
        raise ExchangeError(f"{p}: cannot open ({exc.strerror or exc})") from None
    with fh:
        n = 0
        try:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except (json.JSONDecodeError, RecursionError) as exc:
                    msg = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
                    raise ExchangeError(f"{p} line {n}: not valid JSON ({msg})") from None
                if not isinstance(rec, dict):
                    raise ExchangeError(f"{p} line {n}: expected a JSON object")
                yield f"{p} line {n}", rec
        except (UnicodeDecodeError, EOFError, gzip.BadGzipFile, OSError) as exc:
            raise ExchangeError(f"{p} line {n + 1}: unreadable ({exc})") from None


def _text(rec: dict, key: str, where: str) -> str:
    val = rec.get(key)
    if val is None:
        return ""
    if not isinstance(val, str):
        raise ExchangeError(f"{where}: '{key}' must be a string")
    return val[:MAX_TEXT_CHARS]


def _strings(rec: dict, key: str, where: str) -> tuple[str, ...]:
    val = rec.get(key)
    if val is None:
        return ()
    if isinstance(val, str):
        val = [val]
    if not isinstance(val, list) or not all(isinstance(v, str) for v in val):
        raise ExchangeError(f"{where}: '{key}' must be a list of strings")
    return tuple(v.strip() for v in val if v.strip())


def parse_mentor(rec: dict, where: str) -> Mentor:
    mid = rec.get("id")
    if not isinstance(mid, (str, int)) or isinstance(mid, bool) or str(mid).strip() == "":
        raise ExchangeError(f"{where}: mentor without an 'id'")
    pubs_raw = rec.get("publications") or []
    if not isinstance(pubs_raw, list):
        raise ExchangeError(f"{where}: 'publications' must be a list of {{title, abstract}} objects")
    pubs = []
    for i, pub in enumerate(pubs_raw[:MAX_PUBLICATIONS], 1):
        if not isinstance(pub, dict):
            raise ExchangeError(f"{where}: publication {i} must be an object with 'title' and 'abstract'")
        spot = f"{where} publication {i}"
        item = Publication(title=_text(pub, "title", spot), abstract=_text(pub, "abstract", spot))
        if item.text:
            pubs.append(item)
    languages = tuple(v.lower() for v in _strings(rec, "languages", where))
    return Mentor(id=str(mid), name=_text(rec, "name", where), expertise=_text(rec, "expertise", where),
                  publications=tuple(pubs), therapeutic_areas=_strings(rec, "therapeutic_areas", where),
                  technologies=_strings(rec, "technologies", where), languages=languages)


def read_mentor_file(path: str | Path) -> MentorCorpus:
    """Mentors and need listings of an exchange file; raises ExchangeError naming the bad line."""
    corpus = MentorCorpus()
    seen: dict[str, str] = {}
    others: list[tuple[str, dict]] = []
    for where, rec in _lines(path):
        if rec.get("type") == "mentor":
            mentor = parse_mentor(rec, where)
            if mentor.id in seen:
                raise ExchangeError(f"{where}: duplicate mentor id {mentor.id!r} (first at {seen[mentor.id]})")
            seen[mentor.id] = where
            if not (mentor.publications or mentor.expertise.strip()):
                corpus.warnings.append(f"{where}: mentor {mentor.id!r} has no publications and no expertise; "
                                       "matched on facets only")
            corpus.mentors.append(mentor)
        else:
            others.append((where, rec))
    data = parse_records(others)  # organisations and listings, validated by the engine
    corpus.needs = [lst for lst in data.listings if lst.side == "need"]
    corpus.warnings.extend(data.warnings)
    return corpus
