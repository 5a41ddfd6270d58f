"""Read the JSON Lines exchange format of DESIGN.md (gzip when the name ends in .gz).

Every problem is reported as an ExchangeError naming the file and line, never a traceback.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from .types import HISTORY_SPLITS, ORG_KINDS, SIDES, Dataset, Link, Listing, Organization

MAX_TEXT_CHARS = 20_000  # longer descriptions are truncated (kept, not rejected)
PARTNERSHIP_TYPES = frozenset({
    "clinical_trial", "clinical_validation", "data_access", "co_development", "licensing",
    "facility_use", "regulatory", "investment", "mentoring"})


class ExchangeError(ValueError):
    """Bad input; the message names the source line."""


def _open(path: str | Path) -> Iterable[str]:
    p = str(path)
    if p.endswith(".gz"):
        return gzip.open(p, "rt", encoding="utf-8")
    return open(p, encoding="utf-8")


def _str_list(rec: dict, key: str, where: str) -> tuple[str, ...]:
    val = rec.get(key)
    if val is None:
        return ()
    if isinstance(val, str):
        val = [val]
    if not isinstance(val, list) or not all(isinstance(v, (str, int, float)) for v in val):
        raise ExchangeError(f"{where}: '{key}' must be a list of strings")
    return tuple(str(v).strip() for v in val if str(v).strip())


def _number(rec: dict, key: str, where: str) -> float | None:
    val = rec.get(key)
    if val is None or val == "":
        return None
    try:
        num = float(val)
    except (TypeError, ValueError):
        raise ExchangeError(f"{where}: '{key}' must be a number, got {val!r}") from None
    if num < 0:
        raise ExchangeError(f"{where}: '{key}' must not be negative")
    return num


def _text(rec: dict, key: str, where: str, warnings: list[str] | None = None) -> str:
    val = rec.get(key) or ""
    if not isinstance(val, str):
        raise ExchangeError(f"{where}: '{key}' must be a string")
    if len(val) > MAX_TEXT_CHARS and warnings is not None:
        warnings.append(f"{where}: '{key}' has {len(val)} characters; only the first {MAX_TEXT_CHARS} are used")
    return val[:MAX_TEXT_CHARS]


def _required_id(rec: dict, key: str, where: str) -> str:
    val = rec.get(key)
    if not isinstance(val, (str, int)) or str(val).strip() == "":
        raise ExchangeError(f"{where}: missing or empty '{key}'")
    return str(val)


def parse_records(records: Iterable[tuple[str, dict]]) -> Dataset:
    """Build a Dataset from (location, record) pairs, validating as it goes."""
    data = Dataset()
    listing_where: dict[str, str] = {}
    for where, rec in records:
        kind = rec.get("type")
        if kind == "organization":
            oid = _required_id(rec, "id", where)
            if oid in data.orgs:
                raise ExchangeError(f"{where}: duplicate organization id {oid!r}")
            okind = rec.get("kind")
            if okind not in ORG_KINDS:
                raise ExchangeError(f"{where}: unknown organization kind {okind!r}")
            data.orgs[oid] = Organization(
                id=oid, kind=okind, name=_text(rec, "name", where), region=_text(rec, "region", where),
                country=_text(rec, "country", where), description=_text(rec, "description", where),
                trial_phases=_str_list(rec, "trial_phases", where),
                trials_per_year=_number(rec, "trials_per_year", where),
                irb_days=_number(rec, "irb_days", where), equipment=_str_list(rec, "equipment", where))
        elif kind == "listing":
            lid = _required_id(rec, "id", where)
            if lid in listing_where:
                raise ExchangeError(f"{where}: duplicate listing id {lid!r}")
            side = rec.get("side")
            if side not in SIDES:
                raise ExchangeError(f"{where}: listing side must be need or capability, got {side!r}")
            listing_where[lid] = where
            ptypes = _str_list(rec, "partnership_types", where)
            unknown = sorted(set(ptypes) - PARTNERSHIP_TYPES)
            if unknown:
                raise ExchangeError(f"{where}: unknown partnership type(s) {unknown}; "
                                    f"expected some of {sorted(PARTNERSHIP_TYPES)}")
            title = _text(rec, "title", where, data.warnings)
            desc = _text(rec, "description", where, data.warnings)
            if not (title.strip() or desc.strip()):
                data.warnings.append(f"{where}: listing {lid!r} has no title or description; "
                                     "it is matched on facets only")
            data.listings.append(Listing(
                id=lid, org=_required_id(rec, "org", where), side=side, title=title, description=desc,
                partnership_types=ptypes,
                therapeutic_areas=_str_list(rec, "therapeutic_areas", where),
                technologies=_str_list(rec, "technologies", where), lang=_text(rec, "lang", where)))
        elif kind == "link":
            split = rec.get("split") or ""
            if split not in HISTORY_SPLITS:
                data.dropped_links += 1  # evaluation links never reach the model
                continue
            data.links.append(Link(a=_required_id(rec, "a", where), b=_required_id(rec, "b", where),
                                   kind=str(rec.get("kind") or "partnership"), split=split))
        # mentors and unknown record types are not used by partner matching
    for lst in data.listings:
        if lst.org not in data.orgs:
            raise ExchangeError(f"{listing_where[lst.id]}: listing {lst.id!r} names unknown organization {lst.org!r}")
    data.links = [ln for ln in data.links if ln.a in data.orgs and ln.b in data.orgs]
    return data


def _iter_lines(path: str | Path) -> Iterator[tuple[str, dict]]:
    try:
        fh = _open(path)
    except OSError as exc:
        raise ExchangeError(f"{path}: cannot open ({exc.strerror or exc})") from None
    with fh:
        n = 0
        try:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ExchangeError(f"{path} line {n}: not valid JSON ({exc.msg})") from None
                if not isinstance(rec, dict):
                    raise ExchangeError(f"{path} line {n}: expected a JSON object")
                yield f"{path} line {n}", rec
        except (UnicodeDecodeError, EOFError, gzip.BadGzipFile) as exc:
            raise ExchangeError(f"{path} line {n + 1}: unreadable ({exc})") from None


def read_exchange(path: str | Path) -> Dataset:
    """Read and validate an exchange file; raises ExchangeError naming the bad line."""
    return parse_records(_iter_lines(path))
