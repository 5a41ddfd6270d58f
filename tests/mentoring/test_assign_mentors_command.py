"""``assign_mentors --data FILE`` end to end, and ``bench_assign_mentors``.

These tests have no database fixture: pytest-django refuses any query, so a command that
touched the database would fail here. The subprocess tests point DATABASE_URL and REDIS_URL
at closed ports to show the command runs with both down.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from mentoring.assignment import assign, check_seats, greedy_assign, read_instance
from mentoring.assignment.generate import random_instance, to_jsonl
from mentoring.assignment.model import Seat

ROOT = Path(__file__).resolve().parents[2]

# Panel 2; s1-m2 conflicts; s3-m2 has no score. Optimum (worked out by hand): m2 can only go
# to s2, m3 to s1 or s3, m1 to two of s1 (0.9), s2 (0.8), s3 (0.85): s1-m1, s3-m1, s2-m2,
# s3-m3 = 0.9 + 0.85 + 0.7 + 0.6 = 3.05 with 4 seats; s1 and s2 stay one short.
GOOD = [
    {"type": "settings", "panel": 2},
    {"type": "startup", "id": "s1"},
    {"type": "startup", "id": "s2", "name": "unknown keys are ignored"},
    {"type": "startup", "id": "s3"},
    {"type": "mentor", "id": "m1", "capacity": 2},
    {"type": "mentor", "id": "m2", "capacity": 1},
    {"type": "mentor", "id": "m3", "capacity": 1},
    {"type": "conflict", "startup": "s1", "mentor": "m2"},
    {"type": "score", "startup": "s1", "mentor": "m1", "score": 0.9},
    {"type": "score", "startup": "s1", "mentor": "m2", "score": 0.95},
    {"type": "score", "startup": "s1", "mentor": "m3", "score": 0.4},
    {"type": "score", "startup": "s2", "mentor": "m1", "score": 0.8},
    {"type": "score", "startup": "s2", "mentor": "m2", "score": 0.7},
    {"type": "score", "startup": "s3", "mentor": "m1", "score": 0.85},
    {"type": "score", "startup": "s3", "mentor": "m3", "score": 0.6},
]
EXPECTED_SEATS = [
    {"startup": "s1", "mentor": "m1"},
    {"startup": "s2", "mentor": "m2"},
    {"startup": "s3", "mentor": "m1"},
    {"startup": "s3", "mentor": "m3"},
]


def _text(objs: list[dict]) -> str:
    return "".join(json.dumps(o) + "\n" for o in objs)


def _run(path: str) -> tuple[list[dict], dict]:
    out = io.StringIO()
    call_command("assign_mentors", "--data", path, stdout=out)
    *seats, last = [json.loads(line) for line in out.getvalue().splitlines()]
    return seats, last["summary"]


def test_good_file_gives_the_hand_computed_optimum(tmp_path) -> None:
    path = tmp_path / "cohort.jsonl"
    path.write_text(_text(GOOD))
    seats, summary = _run(str(path))
    assert seats == EXPECTED_SEATS
    assert set(summary) == {"seats", "total_score", "short_panels", "seconds"}
    assert (summary["seats"], summary["total_score"], summary["short_panels"]) == (4, 3.05, 2)
    assert 0 <= summary["seconds"] < 30


def test_gzip_file_and_default_panel(tmp_path) -> None:
    path = tmp_path / "cohort.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(_text(GOOD[1:]))  # no settings line: panels of 3
    seats, summary = _run(str(path))
    assert summary["seats"] == 4  # capacity 2 + 1 + 1 is the limit either way
    assert summary["short_panels"] == 3
    assert {(s["startup"], s["mentor"]) for s in seats} == {(s["startup"], s["mentor"]) for s in EXPECTED_SEATS}


def test_generated_cohort_is_valid_and_beats_greedy(tmp_path) -> None:
    inst = random_instance(40, 60, density=0.5, seed=3)
    path = tmp_path / "cohort.jsonl"
    path.write_text("\n".join(to_jsonl(inst)) + "\n")
    seats, summary = _run(str(path))
    placed = [Seat(s["startup"], s["mentor"]) for s in seats]
    assert check_seats(read_instance(path), placed) == []
    best, greedy = assign(inst), greedy_assign(inst)
    assert placed == list(best.seats)
    assert summary["seats"] == len(placed) >= len(greedy.seats)
    assert summary["total_score"] == pytest.approx(best.total_score, abs=1e-6)
    assert summary["total_score"] >= greedy.total_score


BASE = [
    '{"type": "settings", "panel": 3}',
    '{"type": "startup", "id": "s1"}',
    '{"type": "mentor", "id": "m1", "capacity": 1}',
]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "line 4: malformed JSON"),
        ("[1, 2]", "line 4: expected a JSON object"),
        ('{"type": "coach", "id": "c1"}', 'line 4: unknown "type" "coach"'),
        ('{"id": "s2"}', 'line 4: unknown "type" null'),
        ('{"type": "startup"}', 'line 4: "id" must be a non-empty string, got null'),
        ('{"type": "startup", "id": ""}', 'line 4: "id" must be a non-empty string'),
        ('{"type": "startup", "id": "s1"}', "line 4: startup 's1' already defined on line 2"),
        ('{"type": "mentor", "id": "m1", "capacity": 2}', "line 4: mentor 'm1' already defined on line 3"),
        ('{"type": "mentor", "id": "m2"}', 'line 4: "capacity" must be an integer, got null'),
        ('{"type": "mentor", "id": "m2", "capacity": "2"}', 'line 4: "capacity" must be an integer, got "2"'),
        ('{"type": "mentor", "id": "m2", "capacity": 1.5}', 'line 4: "capacity" must be an integer'),
        ('{"type": "mentor", "id": "m2", "capacity": true}', 'line 4: "capacity" must be an integer, got true'),
        ('{"type": "mentor", "id": "m2", "capacity": -1}', 'line 4: "capacity" must not be negative'),
        ('{"type": "score", "startup": "s1", "mentor": "m1", "score": NaN}', "line 4: malformed JSON (NaN"),
        ('{"type": "score", "startup": "s1", "mentor": "m1", "score": Infinity}', "line 4: malformed JSON (Infinity"),
        ('{"type": "score", "startup": "s1", "mentor": "m1", "score": 1e999}', 'line 4: "score" must be a finite number'),
        ('{"type": "score", "startup": "s1", "mentor": "m1", "score": "0.5"}', 'line 4: "score" must be a finite number'),
        ('{"type": "score", "startup": "s1", "mentor": "m1"}', 'line 4: "score" must be a finite number, got null'),
        ('{"type": "score", "startup": "s1", "mentor": "m9", "score": 0.5}', "line 4: unknown mentor 'm9'"),
        ('{"type": "score", "startup": "s9", "mentor": "m1", "score": 0.5}', "line 4: unknown startup 's9'"),
        ('{"type": "conflict", "startup": "s1", "mentor": "m9"}', "line 4: unknown mentor 'm9'"),
        ('{"type": "conflict", "startup": "s1"}', 'line 4: "mentor" must be a non-empty string'),
        ('{"type": "settings", "panel": 2}', "line 4: a second settings line (first on line 1)"),
        ('{"type": "mentor", "id": "m2", "capacity": 1' + "0" * 5000 + "}", "line 4: malformed JSON (Exceeds the limit"),
        ("[" * 100_000 + "]" * 100_000, "line 4: malformed JSON (nested too deeply)"),
    ],
    ids=lambda value: value[:48],
)
def test_malformed_line_is_named_and_nothing_is_printed(tmp_path, line: str, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    # Good lines after the bad one: the error must still name line 4.
    path.write_text("\n".join([*BASE, line, '{"type": "startup", "id": "s2"}']) + "\n")
    out = io.StringIO()
    with pytest.raises(CommandError) as err:
        call_command("assign_mentors", "--data", str(path), stdout=out)
    assert message in str(err.value)
    assert str(err.value).startswith(f"{path}: line 4: ")
    assert out.getvalue() == ""


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (['{"type": "settings", "panel": -1}'], 'line 1: "panel" must not be negative'),
        (['{"type": "settings", "panel": "3"}'], 'line 1: "panel" must be an integer'),
        ([*BASE, '{"type": "score", "startup": "s1", "mentor": "m1", "score": 0.5}', "",
          '{"type": "score", "startup": "s1", "mentor": "m1", "score": 0.7}'], "line 6: score for 's1' and 'm1' already given on line 4"),
    ],
)
def test_more_malformed_files(tmp_path, lines: list[str], message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(CommandError, match=message.replace("(", r"\(").replace(")", r"\)")):
        _run(str(path))


def test_forward_references_blank_lines_and_repeated_conflicts_are_fine(tmp_path) -> None:
    path = tmp_path / "ok.jsonl"
    path.write_text(
        '{"type": "score", "startup": "s1", "mentor": "m1", "score": 1}\n\n'
        '{"type": "conflict", "startup": "s2", "mentor": "m1"}\n{"type": "conflict", "startup": "s2", "mentor": "m1"}\n'
        '{"type": "startup", "id": "s1"}\n{"type": "startup", "id": "s2"}\n{"type": "mentor", "id": "m1", "capacity": 5}\n'
        '{"type": "score", "startup": "s2", "mentor": "m1", "score": 2}\n'
    )
    seats, summary = _run(str(path))
    assert seats == [{"startup": "s1", "mentor": "m1"}]
    assert summary["short_panels"] == 2


def test_non_utf8_and_missing_files(tmp_path) -> None:
    path = tmp_path / "latin1.jsonl"
    path.write_bytes(b'{"type": "startup", "id": "s1"}\n{"type": "startup", "id": "caf\xe9"}\n')
    with pytest.raises(CommandError, match="line 2: not UTF-8"):
        _run(str(path))
    with pytest.raises(CommandError, match="cannot read"):
        _run(str(tmp_path / "missing.jsonl"))
    broken = tmp_path / "broken.jsonl.gz"
    broken.write_bytes(b"not gzip at all")
    with pytest.raises(CommandError, match="cannot read"):
        _run(str(broken))


def _manage(*args: str, stdin: str) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        # Closed ports: the command must not need either service.
        "DATABASE_URL": "postgres://postgres@127.0.0.1:9/unreachable",
        "REDIS_URL": "redis://127.0.0.1:9/0",
    }
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args], input=stdin, capture_output=True, text=True, env=env, cwd=ROOT, timeout=120
    )


def test_stdin_with_database_and_redis_down() -> None:
    done = _manage("assign_mentors", "--data", "-", stdin=_text(GOOD))
    assert done.returncode == 0, done.stderr
    *seats, last = [json.loads(line) for line in done.stdout.splitlines()]
    assert seats == EXPECTED_SEATS
    assert last["summary"]["total_score"] == 3.05


def test_malformed_stdin_exits_nonzero_with_the_line_on_stderr() -> None:
    done = _manage("assign_mentors", "--data", "-", stdin="\n".join([*BASE, '{"type": "mentor", "id": "m2", "capacity": -3}']) + "\n")
    assert done.returncode != 0
    assert done.stdout == ""
    assert 'line 4: "capacity" must not be negative, got -3' in done.stderr


def test_bench_command_small() -> None:
    out = io.StringIO()
    call_command("bench_assign_mentors", "--startups", "20", "--mentors", "30", "--densities", "1", "0.2", "--json", stdout=out)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["case"] for r in rows] == ["density 1", "density 0.2"]
    for row in rows:
        assert row["seats_demanded"] == 60
        assert (row["optimum_seats"], row["optimum_fit"]) >= (row["greedy_seats"], row["greedy_fit"])
        assert row["optimum_seconds"] >= 0
