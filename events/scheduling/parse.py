"""JSON Lines input of ``schedule_meetings`` -> :class:`Instance`.

Every problem is reported as :class:`ScheduleInputError` naming the 1-based line, so the
command can turn it into a one-line error instead of a traceback.
"""

from __future__ import annotations

import gzip
import json
import math
from collections.abc import Iterable, Iterator
from pathlib import Path

from .model import DEFAULT_WEIGHT, Instance, Placement, Request, ScheduleInputError

KINDS = ("settings", "attendee", "request", "fixed")


def read_instance(path: str | Path) -> Instance:
    """Parse a JSON Lines file; a name ending in ``.gz`` is read through gzip."""
    path = Path(path)
    opener = gzip.open if path.name.endswith(".gz") else open
    try:
        with opener(path, "rb") as fh:
            return parse_jsonl(fh)
    except (OSError, EOFError) as exc:  # missing file, truncated or non-gzip data
        raise ScheduleInputError(None, f"cannot read {path}: {exc}") from exc


def _lines(lines: Iterable[str | bytes]) -> Iterator[tuple[int, str]]:
    for no, raw in enumerate(lines, start=1):
        if isinstance(raw, bytes):
            try:
                raw = raw.decode("utf-8-sig" if no == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                raise ScheduleInputError(no, f"not UTF-8 text ({exc.reason})") from exc
        elif no == 1:
            raw = raw.removeprefix("\ufeff")
        yield no, raw


def _int(no: int, obj: dict, key: str, *, required: bool = True) -> int | None:
    value = obj.get(key)
    if value is None and not required:
        return None
    # bool is an int subclass in Python but never a valid count or index here.
    if isinstance(value, bool) or not isinstance(value, int):
        raise ScheduleInputError(no, f'"{key}" must be an integer, got {json.dumps(value)}')
    return value


def _id(no: int, obj: dict, key: str) -> str:
    value = obj.get(key)
    # Integer ids are accepted and treated as their decimal string.
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str) or not value:
        raise ScheduleInputError(no, f'"{key}" must be a non-empty string, got {json.dumps(value)}')
    return value


def _slot_list(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(s, int) and not isinstance(s, bool) for s in value)


def _weight(no: int, obj: dict) -> float | None:
    if "weight" not in obj or obj["weight"] is None:
        return None
    value = obj["weight"]
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ScheduleInputError(no, f'"weight" must be a finite number, got {json.dumps(value)}')
    return float(value)


def parse_jsonl(lines: Iterable[str | bytes]) -> Instance:
    """Parse and validate an instance; raise :class:`ScheduleInputError` on the first problem."""
    settings: tuple[int, int] | None = None
    attendees: dict[str, tuple[int, list[int] | None]] = {}
    raw_requests: list[tuple[int, str, str, float | None]] = []
    raw_fixed: list[tuple[int, str, str, int, int, float | None]] = []

    for no, text in _lines(lines):
        if not text.strip():
            continue
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ScheduleInputError(no, f"malformed JSON ({exc.msg})") from exc
        if not isinstance(obj, dict):
            raise ScheduleInputError(no, "expected a JSON object")
        kind = obj.get("type")
        if kind not in KINDS:
            raise ScheduleInputError(no, f'unknown "type" {json.dumps(kind)} (expected one of {", ".join(KINDS)})')
        if kind == "settings":
            if settings is not None:
                raise ScheduleInputError(no, "a second settings line")
            slots, tables = _int(no, obj, "slots"), _int(no, obj, "tables")
            if slots < 0 or tables < 0:
                raise ScheduleInputError(no, '"slots" and "tables" must not be negative')
            settings = (slots, tables)
        elif kind == "attendee":
            aid = _id(no, obj, "id")
            if aid in attendees:
                raise ScheduleInputError(no, f"attendee {aid!r} already defined on line {attendees[aid][0]}")
            avail = obj.get("available")
            if avail is not None and not _slot_list(avail):
                raise ScheduleInputError(no, '"available" must be a list of slot numbers')
            attendees[aid] = (no, avail)
        elif kind == "request":
            a, b = _id(no, obj, "from"), _id(no, obj, "to")
            if a == b:
                raise ScheduleInputError(no, f"attendee {a!r} cannot meet themselves")
            raw_requests.append((no, a, b, _weight(no, obj)))
        else:
            a, b = _id(no, obj, "from"), _id(no, obj, "to")
            if a == b:
                raise ScheduleInputError(no, f"attendee {a!r} cannot meet themselves")
            slot, table = _int(no, obj, "slot"), _int(no, obj, "table")
            raw_fixed.append((no, a, b, slot, table, _weight(no, obj)))

    if settings is None:
        raise ScheduleInputError(None, 'no {"type": "settings", "slots": ..., "tables": ...} line')
    slots, tables = settings

    availability: dict[str, frozenset[int] | None] = {}
    for aid, (no, avail) in attendees.items():
        if avail is None:
            availability[aid] = None
            continue
        bad = [s for s in avail if not 0 <= s < slots]
        if bad:
            raise ScheduleInputError(no, f"attendee {aid!r}: slot {bad[0]} out of range 0..{slots - 1}")
        availability[aid] = frozenset(avail)

    def known(no: int, *ids: str) -> None:
        for x in ids:
            if x not in availability:
                raise ScheduleInputError(no, f"unknown attendee {x!r} (no attendee line)")

    # a->b and b->a are one meeting: keep the first orientation and the highest weight.
    merged: dict[frozenset[str], list] = {}
    for no, a, b, w in raw_requests:
        known(no, a, b)
        entry = merged.setdefault(frozenset((a, b)), [a, b, None, no])
        if w is not None and (entry[2] is None or w > entry[2]):
            entry[2] = w

    fixed: list[Placement] = []
    fixed_lines: list[int] = []
    seen_pair: dict[frozenset[str], int] = {}
    seen_person: dict[tuple[str, int], int] = {}
    seen_table: dict[tuple[int, int], int] = {}
    for no, a, b, slot, table, w in raw_fixed:
        known(no, a, b)
        if not 0 <= slot < slots:
            raise ScheduleInputError(no, f"slot {slot} out of range 0..{slots - 1}")
        if not 0 <= table < tables:
            raise ScheduleInputError(no, f"table {table} out of range 0..{tables - 1}")
        pair = frozenset((a, b))
        if pair in seen_pair:
            raise ScheduleInputError(no, f"{a!r} and {b!r} already meet (line {seen_pair[pair]})")
        if (slot, table) in seen_table:
            raise ScheduleInputError(no, f"table {table} in slot {slot} already taken (line {seen_table[slot, table]})")
        for x in (a, b):
            if (x, slot) in seen_person:
                raise ScheduleInputError(no, f"{x!r} already has a meeting in slot {slot} (line {seen_person[x, slot]})")
            avail = availability[x]
            if avail is not None and slot not in avail:
                raise ScheduleInputError(no, f"{x!r} is not available in slot {slot}")
            seen_person[x, slot] = no
        seen_pair[pair] = no
        seen_table[slot, table] = no
        fixed.append(Placement(a, b, slot, table))
        fixed_lines.append(no)
        # A fixed meeting is an accepted request too; its weight joins the merge.
        entry = merged.setdefault(pair, [a, b, None, no])
        if w is not None and (entry[2] is None or w > entry[2]):
            entry[2] = w

    requests = [Request(a, b, DEFAULT_WEIGHT if w is None else w) for a, b, w, _ in merged.values()]
    return Instance(
        slots=slots,
        tables=tables,
        availability=availability,
        requests=requests,
        fixed=fixed,
        request_lines=[entry[3] for entry in merged.values()],
        fixed_lines=fixed_lines,
    )
