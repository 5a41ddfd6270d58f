"""JSON Lines input of ``assign_mentors`` -> :class:`Instance`.

Lines: ``settings`` (``panel``, optional, default 3), ``startup`` (``id``), ``mentor`` (``id``,
``capacity``), ``conflict`` (``startup``, ``mentor``) and ``score`` (``startup``, ``mentor``,
``score``). Unknown keys are ignored; blank lines are skipped. Every problem is an
:class:`AssignmentInputError` naming the 1-based line, so nothing is assigned from a bad file.
"""

from __future__ import annotations

import gzip
import json
import math
from collections.abc import Iterable, Iterator
from pathlib import Path

from .model import DEFAULT_PANEL, AssignmentInputError, Instance

KINDS = ("settings", "startup", "mentor", "conflict", "score")


def read_instance(path: str | Path) -> Instance:
    """Parse a JSON Lines file; a name ending in ``.gz`` is read through gzip."""
    path = Path(path)
    opener = gzip.open if path.name.endswith(".gz") else open
    try:
        with opener(path, "rb") as fh:
            return parse_jsonl(fh)
    except (OSError, EOFError) as exc:  # missing file, truncated or non-gzip data
        raise AssignmentInputError(None, f"cannot read {path}: {exc}") from exc


def _lines(lines: Iterable[str | bytes]) -> Iterator[tuple[int, str]]:
    for no, raw in enumerate(lines, start=1):
        if isinstance(raw, bytes):
            try:
                raw = raw.decode("utf-8-sig" if no == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                raise AssignmentInputError(no, f"not UTF-8 text ({exc.reason})") from exc
        elif no == 1:
            raw = raw.removeprefix("\ufeff")
        yield no, raw


def _count(no: int, obj: dict, key: str) -> int:
    value = obj.get(key)
    # bool is an int subclass in Python but never a valid count here.
    if isinstance(value, bool) or not isinstance(value, int):
        raise AssignmentInputError(no, f'"{key}" must be an integer, got {json.dumps(value)}')
    if value < 0:
        raise AssignmentInputError(no, f'"{key}" must not be negative, got {value}')
    return value


def _id(no: int, obj: dict, key: str) -> str:
    value = obj.get(key)
    # Integer ids are accepted and treated as their decimal string (as schedule_meetings does).
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str) or not value:
        raise AssignmentInputError(no, f'"{key}" must be a non-empty string, got {json.dumps(value)}')
    return value


def _score(no: int, obj: dict) -> float:
    value = obj.get("score")
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise AssignmentInputError(no, f'"score" must be a finite number, got {json.dumps(value)}')
    return float(value)


def _object(no: int, text: str) -> dict:
    try:
        # NaN/Infinity literals are not JSON; refuse them here rather than as odd numbers later.
        obj = json.loads(text, parse_constant=lambda name: _raise(no, f"malformed JSON ({name} is not a JSON value)"))
    except AssignmentInputError:
        raise
    except json.JSONDecodeError as exc:
        raise AssignmentInputError(no, f"malformed JSON ({exc.msg})") from exc
    except ValueError as exc:  # an integer of more than 4300 digits
        raise AssignmentInputError(no, f"malformed JSON ({exc})") from exc
    except RecursionError as exc:
        raise AssignmentInputError(no, "malformed JSON (nested too deeply)") from exc
    if not isinstance(obj, dict):
        raise AssignmentInputError(no, "expected a JSON object")
    return obj


def _raise(no: int, message: str) -> None:
    raise AssignmentInputError(no, message)


def parse_jsonl(lines: Iterable[str | bytes]) -> Instance:
    """Parse and validate an instance; raise :class:`AssignmentInputError` on the first problem."""
    panel: tuple[int, int] | None = None  # (value, line)
    startups: dict[str, int] = {}  # id -> line
    mentors: dict[str, tuple[int, int]] = {}  # id -> (capacity, line)
    raw_conflicts: list[tuple[int, str, str]] = []
    raw_scores: list[tuple[int, str, str, float]] = []

    for no, text in _lines(lines):
        if not text.strip():
            continue
        obj = _object(no, text)
        kind = obj.get("type")
        if kind not in KINDS:
            raise AssignmentInputError(no, f'unknown "type" {json.dumps(kind)} (expected one of {", ".join(KINDS)})')
        if kind == "settings":
            if panel is not None:
                raise AssignmentInputError(no, f"a second settings line (first on line {panel[1]})")
            panel = (_count(no, obj, "panel") if "panel" in obj else DEFAULT_PANEL, no)
        elif kind == "startup":
            sid = _id(no, obj, "id")
            if sid in startups:
                raise AssignmentInputError(no, f"startup {sid!r} already defined on line {startups[sid]}")
            startups[sid] = no
        elif kind == "mentor":
            mid = _id(no, obj, "id")
            if mid in mentors:
                raise AssignmentInputError(no, f"mentor {mid!r} already defined on line {mentors[mid][1]}")
            mentors[mid] = (_count(no, obj, "capacity"), no)
        elif kind == "conflict":
            raw_conflicts.append((no, _id(no, obj, "startup"), _id(no, obj, "mentor")))
        else:
            raw_scores.append((no, _id(no, obj, "startup"), _id(no, obj, "mentor"), _score(no, obj)))

    def known(no: int, startup: str, mentor: str) -> None:
        if startup not in startups:
            raise AssignmentInputError(no, f"unknown startup {startup!r} (no startup line)")
        if mentor not in mentors:
            raise AssignmentInputError(no, f"unknown mentor {mentor!r} (no mentor line)")

    conflicts: set[tuple[str, str]] = set()
    for no, s, m in raw_conflicts:
        known(no, s, m)
        conflicts.add((s, m))  # a repeated conflict says the same thing twice: harmless
    scores: dict[tuple[str, str], float] = {}
    score_lines: dict[tuple[str, str], int] = {}
    for no, s, m, value in raw_scores:
        known(no, s, m)
        if (s, m) in scores:
            raise AssignmentInputError(no, f"score for {s!r} and {m!r} already given on line {score_lines[s, m]}")
        scores[s, m] = value
        score_lines[s, m] = no
    return Instance(
        startups=tuple(startups),
        capacity={mid: cap for mid, (cap, _) in mentors.items()},
        scores=scores,
        conflicts=frozenset(conflicts),
        panel=DEFAULT_PANEL if panel is None else panel[0],
    )
