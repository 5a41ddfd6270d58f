"""The partnering scheduler (events.scheduling) and the schedule_meetings command."""

from __future__ import annotations

import gzip
import io
import itertools
import json
import re

import pytest
from django.core.management import CommandError, call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from events.scheduling import (
    Instance,
    Placement,
    Request,
    ScheduleInputError,
    check_schedule,
    greedy_baseline,
    parse_jsonl,
    schedule,
    schedule_instance,
)
from events.scheduling.generate import random_instance, to_jsonl


@st.composite
def instances(draw: st.DrawFn) -> Instance:
    """Small random instances, with reversed/duplicate requests and valid fixed meetings."""
    slots = draw(st.integers(1, 5))
    tables = draw(st.integers(1, 4))
    n = draw(st.integers(2, 8))
    people = [f"p{i}" for i in range(n)]
    availability = {p: draw(st.none() | st.frozensets(st.integers(0, slots - 1), max_size=slots)) for p in people}
    pairs = st.tuples(st.sampled_from(people), st.sampled_from(people)).filter(lambda t: t[0] != t[1])
    raw = draw(st.lists(st.tuples(pairs, st.floats(0, 1, allow_nan=False)), max_size=18))
    requests = [Request(a, b, w) for (a, b), w in raw]
    # Fixed meetings: pick some requests and place them where they are legal.
    fixed: list[Placement] = []
    busy: set[tuple[str, int]] = set()
    taken: set[tuple[int, int]] = set()
    met: set[frozenset[str]] = set()
    for req in draw(st.lists(st.sampled_from(requests), max_size=4)) if requests else []:
        slot, table = draw(st.integers(0, slots - 1)), draw(st.integers(0, tables - 1))
        ok_avail = all(availability[x] is None or slot in availability[x] for x in (req.a, req.b))
        if ok_avail and req.pair not in met and (slot, table) not in taken and not ({(req.a, slot), (req.b, slot)} & busy):
            fixed.append(Placement(req.a, req.b, slot, table))
            busy |= {(req.a, slot), (req.b, slot)}
            taken.add((slot, table))
            met.add(req.pair)
    return Instance(slots, tables, availability, requests, fixed)


def _greedy(inst: Instance):
    return greedy_baseline(inst.slots, inst.tables, inst.availability, inst.requests, inst.fixed)


def _assert_valid_and_not_worse(inst: Instance, method: str) -> None:
    result = schedule_instance(inst, method=method, time_limit=2.0)
    base = _greedy(inst)
    assert check_schedule(inst, result) == []
    assert check_schedule(inst, base) == []
    assert set(inst.fixed) <= set(result.placements)
    assert result.scheduled >= base.scheduled
    if result.scheduled == base.scheduled:
        assert result.weight >= base.weight - 1e-9
    assert result.requests == len({r.pair for r in inst.requests} | {f.pair for f in inst.fixed})


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances())
def test_schedule_valid_and_at_least_greedy(inst: Instance) -> None:
    _assert_valid_and_not_worse(inst, "auto")


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances())
def test_heuristic_alone_valid_and_at_least_greedy(inst: Instance) -> None:
    _assert_valid_and_not_worse(inst, "heuristic")


def _brute_force_best(inst: Instance) -> tuple[int, float]:
    """Optimum by enumeration (tiny instances only), fixed meetings included."""
    fixed_pairs = {f.pair for f in inst.fixed}
    merged: dict[frozenset[str], float] = {}
    for r in inst.requests:
        merged[r.pair] = max(merged.get(r.pair, r.weight), r.weight)
    open_pairs = [p for p in merged if p not in fixed_pairs]
    best = (-1, 0.0)
    for choice in itertools.product(range(-1, inst.slots), repeat=len(open_pairs)):
        busy = {(x, f.slot) for f in inst.fixed for x in f.pair}
        load = [sum(f.slot == s for f in inst.fixed) for s in range(inst.slots)]
        ok = True
        for pair, s in zip(open_pairs, choice, strict=True):
            if s < 0:
                continue
            if any(inst.availability[x] is not None and s not in inst.availability[x] for x in pair):
                ok = False
            if any((x, s) in busy for x in pair) or load[s] >= inst.tables:
                ok = False
            busy |= {(x, s) for x in pair}
            load[s] += 1
        if ok:
            count = sum(s >= 0 for s in choice)
            weight = sum(merged[p] for p, s in zip(open_pairs, choice, strict=True) if s >= 0)
            best = max(best, (count, weight))
    return best[0] + len(inst.fixed), best[1] + sum(merged[f.pair] for f in inst.fixed if f.pair in merged)


@settings(max_examples=60, deadline=None)
@given(instances().filter(lambda i: i.slots <= 3 and len({r.pair for r in i.requests}) <= 6))
def test_exact_matches_brute_force(inst: Instance) -> None:
    result = schedule_instance(inst, method="exact", time_limit=5.0)
    count, weight = _brute_force_best(inst)
    assert result.scheduled == count
    fixed_without_request = sum(1 for f in inst.fixed if f.pair not in {r.pair for r in inst.requests})
    assert result.weight == pytest.approx(weight + fixed_without_request * 1.0)
    assert result.optimal


def test_greedy_suboptimal_slot_choice_repaired() -> None:
    # Greedy puts A-C (heavier) in slot 0, the only slot B has; moving it frees B's slot.
    avail = {"A": None, "B": [0], "C": None}
    reqs = [Request("A", "C", 0.9), Request("A", "B", 0.5)]
    assert greedy_baseline(2, 5, avail, reqs).scheduled == 1
    for method in ("heuristic", "exact", "auto"):
        result = schedule(2, 5, avail, reqs, method=method)
        assert result.scheduled == 2
        assert {(p.a, p.b, p.slot) for p in result.placements} == {("A", "B", 0), ("A", "C", 1)}


def test_greedy_suboptimal_selection_exchanged() -> None:
    # One slot: greedy spends it on the heavy P-Q; P-x plus Q-y meets twice as many.
    avail = {x: [0] for x in "PQxy"}
    reqs = [Request("P", "Q", 0.9), Request("P", "x", 0.5), Request("Q", "y", 0.4)]
    assert greedy_baseline(1, 5, avail, reqs).scheduled == 1
    result = schedule(1, 5, avail, reqs, method="heuristic")
    assert (result.scheduled, result.weight) == (2, pytest.approx(0.9))


def test_beats_greedy_on_generated_instance() -> None:
    inst = random_instance(60, 300, 6, 20, seed=3)
    base = _greedy(inst)
    result = schedule_instance(inst, method="heuristic", time_limit=1.0)
    assert check_schedule(inst, result) == []
    assert result.scheduled > base.scheduled


def test_greedy_baseline_is_highest_weight_first_earliest_slot() -> None:
    avail = {"a": None, "b": None, "c": None}
    reqs = [Request("a", "b", 0.1), Request("b", "c", 0.9), Request("a", "c", 0.5)]
    got = {(p.a, p.b, p.slot, p.table) for p in greedy_baseline(3, 1, avail, reqs).placements}
    assert got == {("b", "c", 0, 0), ("a", "c", 1, 0), ("a", "b", 2, 0)}


def test_fixed_meetings_kept_and_counted() -> None:
    avail = {"a": None, "b": None, "c": None}
    fixed = [Placement("a", "b", 1, 3)]
    reqs = [Request("b", "a", 0.7), Request("a", "c", 0.2)]
    result = schedule(2, 4, avail, reqs, fixed)
    assert Placement("a", "b", 1, 3) in result.placements
    assert (result.requests, result.scheduled) == (2, 2)
    assert result.weight == pytest.approx(0.9)


# --- input parsing -------------------------------------------------------------------------

SETTINGS = '{"type": "settings", "slots": 3, "tables": 2}'


def _parse(*lines: str) -> Instance:
    return parse_jsonl(lines)


def test_parse_merges_reversed_requests_keeping_max_weight() -> None:
    inst = _parse(
        SETTINGS,
        '{"type": "attendee", "id": "a1"}',
        '{"type": "attendee", "id": "a2", "available": [0, 2]}',
        '{"type": "request", "from": "a1", "to": "a2", "weight": 0.2}',
        '{"type": "request", "from": "a2", "to": "a1", "weight": 0.8}',
    )
    assert inst.requests == [Request("a1", "a2", 0.8)]
    assert inst.availability == {"a1": None, "a2": frozenset({0, 2})}


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "line 3: malformed JSON"),
        ("[1, 2]", "line 3: expected a JSON object"),
        ('{"type": "meeting"}', 'line 3: unknown "type"'),
        ('{"type": "request", "from": "a1", "to": "zz"}', "line 3: unknown attendee 'zz'"),
        ('{"type": "request", "from": "a1", "to": "a1"}', "line 3: attendee 'a1' cannot meet themselves"),
        ('{"type": "request", "from": "a1", "to": "a2", "weight": "high"}', 'line 3: "weight" must be a finite number'),
        ('{"type": "attendee", "id": "a3", "available": [0, 3]}', "line 3: attendee 'a3': slot 3 out of range 0..2"),
        ('{"type": "attendee", "id": "a1"}', "line 3: attendee 'a1' already defined on line 2"),
        ('{"type": "fixed", "from": "a1", "to": "a2", "slot": 5, "table": 0}', "line 3: slot 5 out of range"),
        ('{"type": "fixed", "from": "a1", "to": "a2", "slot": 0, "table": 2}', "line 3: table 2 out of range"),
        ('{"type": "fixed", "from": "a1", "to": "a2", "slot": "x", "table": 0}', 'line 3: "slot" must be an integer'),
        ('{"type": "settings", "slots": 1, "tables": 1}', "line 3: a second settings line"),
    ],
)
def test_parse_errors_name_the_line(line: str, message: str) -> None:
    with pytest.raises(ScheduleInputError) as err:
        _parse(SETTINGS, '{"type": "attendee", "id": "a1"}', line, '{"type": "attendee", "id": "a2"}')
    assert str(err.value).startswith(message)
    assert err.value.line_no == 3


def test_parse_rejects_conflicting_fixed_meetings() -> None:
    head = [SETTINGS, *(f'{{"type": "attendee", "id": "{x}", "available": [0, 1]}}' for x in ("a", "b", "c", "d"))]
    fixed = '{{"type": "fixed", "from": "{}", "to": "{}", "slot": {}, "table": {}}}'
    cases = {
        fixed.format("c", "d", 0, 1): "line 7: table 1 in slot 0 already taken (line 6)",
        fixed.format("a", "c", 0, 0): "line 7: 'a' already has a meeting in slot 0 (line 6)",
        fixed.format("b", "a", 1, 0): "line 7: 'b' and 'a' already meet (line 6)",
        fixed.format("c", "d", 7, 0): "line 7: slot 7 out of range",
    }
    for second, message in cases.items():
        with pytest.raises(ScheduleInputError, match=re.escape(message)):
            _parse(*head, fixed.format("a", "b", 0, 1), second)
    with pytest.raises(ScheduleInputError, match="line 6: 'a' is not available in slot 2"):
        _parse('{"type": "settings", "slots": 3, "tables": 2}', *head[1:], fixed.format("a", "b", 2, 0))


def test_parse_requires_settings() -> None:
    with pytest.raises(ScheduleInputError, match=r"no .*settings"):
        _parse('{"type": "attendee", "id": "a1"}')


# --- the command ---------------------------------------------------------------------------


def _run(path: str, *args: str) -> list[dict]:
    out = io.StringIO()
    call_command("schedule_meetings", "--data", path, *args, stdout=out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_command_end_to_end(tmp_path) -> None:
    inst = random_instance(40, 150, 6, 10, seed=5)
    inst.fixed = [Placement(inst.requests[0].a, inst.requests[0].b, 0, 9)]
    if inst.availability[inst.requests[0].a] is not None or inst.availability[inst.requests[0].b] is not None:
        inst.availability[inst.requests[0].a] = inst.availability[inst.requests[0].b] = None
    path = tmp_path / "instance.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(to_jsonl(inst)) + "\n")
    *meetings, last = _run(str(path), "--time-limit", "3")
    summary = last["summary"]
    assert set(summary) == {"requests", "scheduled", "weight", "seconds"}
    assert summary["requests"] == 150
    assert summary["scheduled"] == len(meetings) >= _greedy(inst).scheduled
    assert {"from": inst.requests[0].a, "to": inst.requests[0].b, "slot": 0, "table": 9} in meetings
    placements = [Placement(m["from"], m["to"], m["slot"], m["table"]) for m in meetings]
    assert all(set(m) == {"from", "to", "slot", "table"} for m in meetings)
    from events.scheduling import Schedule

    result = Schedule(placements, summary["requests"], summary["scheduled"], summary["weight"])
    assert check_schedule(inst, result) == []


def test_command_error_names_line(tmp_path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(SETTINGS + '\n{"type": "attendee", "id": "a1"}\n{"type": "request", "from": "a1", "to": "ghost"}\n')
    with pytest.raises(CommandError, match="line 3: unknown attendee 'ghost'"):
        _run(str(path))


def test_command_missing_file(tmp_path) -> None:
    with pytest.raises(CommandError, match="cannot read"):
        _run(str(tmp_path / "nope.jsonl"))
