"""The cohort optimiser (mentoring.assignment): exactness against independent methods.

References that share no code with the optimiser: brute force over every subset of pairs
(tiny cohorts), scipy.optimize.milp in two lexicographic stages (medium cohorts) and
networkx's maximum flow for the most seats.
"""

from __future__ import annotations

import itertools
import random
from collections import Counter

import networkx as nx
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import lil_matrix

from mentoring.assignment import (
    Instance,
    Seat,
    assign,
    check_assignment,
    greedy_assign,
    parse_jsonl,
    refill,
    refill_declined,
)
from mentoring.assignment.flow import integer_costs, optimise
from mentoring.assignment.generate import random_instance, to_jsonl

# --- independent references -------------------------------------------------------------


def brute_force(inst: Instance, fixed: tuple[Seat, ...] = (), forbidden: frozenset = frozenset()) -> tuple[int, float]:
    """(seats, fit) of the best assignment containing ``fixed``, by trying every subset of pairs."""
    pairs = [p for p in inst.scores if p not in inst.conflicts and p not in forbidden and Seat(*p) not in fixed]
    base_s = Counter(f.startup for f in fixed)
    base_m = Counter(f.mentor for f in fixed)
    base_fit = sum(inst.scores[f.startup, f.mentor] for f in fixed)
    best = (len(fixed), base_fit)
    for mask in range(1, 1 << len(pairs)):
        chosen = [p for i, p in enumerate(pairs) if mask >> i & 1]
        per_s = base_s + Counter(s for s, _ in chosen)
        per_m = base_m + Counter(m for _, m in chosen)
        if any(n > inst.panel for n in per_s.values()) or any(n > inst.capacity[m] for m, n in per_m.items()):
            continue
        key = (len(fixed) + len(chosen), base_fit + sum(inst.scores[p] for p in chosen))
        if key[0] > best[0] or (key[0] == best[0] and key[1] > best[1]):
            best = key
    return best


def milp_optimum(inst: Instance) -> tuple[int, float]:
    """Two-stage integer programme: the most seats, then the best fit with exactly that many."""
    pairs = [p for p in inst.scores if p not in inst.conflicts]
    if not pairs:
        return 0, 0.0
    s_row = {s: i for i, s in enumerate(inst.startups)}
    m_row = {m: len(s_row) + i for i, m in enumerate(inst.capacity)}
    a = lil_matrix((len(s_row) + len(m_row), len(pairs)))
    for j, (s, m) in enumerate(pairs):
        a[s_row[s], j] = 1
        a[m_row[m], j] = 1
    upper = [inst.panel] * len(s_row) + list(inst.capacity.values())
    limits = LinearConstraint(a.tocsr(), -np.inf, upper)
    binary = {"integrality": np.ones(len(pairs)), "bounds": Bounds(0, 1)}
    first = milp(-np.ones(len(pairs)), constraints=[limits], **binary)
    seats = round(-first.fun)
    fit = np.array([inst.scores[p] for p in pairs])
    second = milp(-fit, constraints=[limits, LinearConstraint(np.ones((1, len(pairs))), seats, seats)], **binary)
    assert first.success and second.success
    return seats, -second.fun


def max_seats(inst: Instance) -> int:
    graph = nx.DiGraph()
    for s in inst.startups:
        graph.add_edge("source", ("s", s), capacity=inst.panel)
    for m, cap in inst.capacity.items():
        graph.add_edge(("m", m), "sink", capacity=cap)
    for s, m in inst.scores:
        if (s, m) not in inst.conflicts:
            graph.add_edge(("s", s), ("m", m), capacity=1)
    if "source" not in graph or "sink" not in graph:
        return 0
    return nx.maximum_flow_value(graph, "source", "sink")


# --- random tiny cohorts -------------------------------------------------------------------

SCORES = st.sampled_from([0.0, 0.1, 0.25, 0.5, 0.5, 0.9, 1.0, -0.3]) | st.floats(-1, 1, allow_nan=False)


@st.composite
def cohorts(draw: st.DrawFn, max_pairs: int = 12) -> Instance:
    """Up to 4 x 4 cohorts; ties in scores are common, negative fits and zero capacities occur."""
    startups = [f"s{i}" for i in range(draw(st.integers(1, 4)))]
    mentors = [f"m{i}" for i in range(draw(st.integers(1, 4)))]
    every = list(itertools.product(startups, mentors))
    scored = draw(st.lists(st.sampled_from(every), unique=True, max_size=max_pairs))
    scores = {p: draw(SCORES) for p in scored}
    conflicts = frozenset(draw(st.lists(st.sampled_from(every), max_size=3)))
    capacity = {m: draw(st.integers(0, 3)) for m in mentors}
    return Instance(tuple(startups), capacity, scores, conflicts, draw(st.integers(0, 3)))


def _assert_valid(inst: Instance, result) -> None:
    assert check_assignment(inst, result) == []
    per_s = Counter(seat.startup for seat in result.seats)
    per_m = Counter(seat.mentor for seat in result.seats)
    assert all(n <= inst.panel for n in per_s.values())
    assert all(n <= inst.capacity[m] for m, n in per_m.items())
    assert len(set(result.seats)) == len(result.seats)
    for seat in result.seats:
        assert (seat.startup, seat.mentor) in inst.scores
        assert (seat.startup, seat.mentor) not in inst.conflicts
    assert result.short_panels == sum(1 for s in inst.startups if per_s[s] < inst.panel)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cohorts())
def test_optimum_matches_brute_force(inst: Instance) -> None:
    result = assign(inst)
    seats, fit = brute_force(inst)
    assert len(result.seats) == seats
    assert result.total_score == pytest.approx(fit, abs=1e-8)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cohorts(max_pairs=16))
def test_constraints_always_hold_and_seats_are_maximal(inst: Instance) -> None:
    result = assign(inst)
    _assert_valid(inst, result)
    assert len(result.seats) == max_seats(inst)
    greedy = greedy_assign(inst)
    _assert_valid(inst, greedy)
    assert result.key >= (greedy.key[0], greedy.key[1] - 1e-9)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cohorts(), st.randoms(use_true_random=False))
def test_refill_keeps_other_seats_and_is_optimal_for_what_is_left(inst: Instance, rnd: random.Random) -> None:
    first = assign(inst)
    if not first.seats:
        return
    declined = rnd.choice(first.seats)
    again = refill_declined(inst, first, declined)
    _assert_valid(inst, again)
    kept = tuple(seat for seat in first.seats if seat != declined)
    assert set(kept) <= set(again.seats)
    assert declined not in again.seats
    seats, fit = brute_force(inst, fixed=kept, forbidden=frozenset({(declined.startup, declined.mentor)}))
    assert len(again.seats) == seats
    assert again.total_score == pytest.approx(fit, abs=1e-8)


@settings(max_examples=60, deadline=None)
@given(cohorts(max_pairs=16), st.randoms(use_true_random=False))
def test_line_order_does_not_change_the_panels(inst: Instance, rnd: random.Random) -> None:
    lines = list(to_jsonl(inst))
    shuffled = lines[:1] + rnd.sample(lines[1:], len(lines) - 1)
    assert set(assign(parse_jsonl(shuffled)).seats) == set(assign(parse_jsonl(lines)).seats)


# --- medium cohorts against the integer programme ---------------------------------------------

MEDIUM = [
    # startups, mentors, density, capacity range, panel, seed
    (12, 15, 1.0, (1, 3), 3, 1),
    (25, 30, 0.5, (1, 3), 3, 2),
    (40, 50, 0.25, (1, 3), 3, 3),
    (30, 20, 1.0, (0, 2), 3, 4),  # too little capacity: short panels
    (20, 60, 0.4, (1, 2), 4, 5),
    (35, 45, 0.8, (1, 3), 2, 6),
]


@pytest.mark.parametrize(("n_s", "n_m", "density", "caps", "panel", "seed"), MEDIUM)
def test_optimum_matches_milp_on_medium_cohorts(n_s, n_m, density, caps, panel, seed) -> None:
    inst = random_instance(n_s, n_m, panel=panel, density=density, capacity=caps, seed=seed)
    seats, fit = milp_optimum(inst)
    # The default path, and the restricted-graph path with pricing forced on every size.
    for result in (assign(inst), assign(inst, full_graph_limit=0)):
        _assert_valid(inst, result)
        assert len(result.seats) == seats
        assert result.total_score == pytest.approx(fit, abs=1e-6)


def _arrays(inst: Instance):
    s_ix = {s: i for i, s in enumerate(inst.startups)}
    m_ix = {m: i for i, m in enumerate(inst.capacity)}
    pairs = [p for p in inst.scores if p not in inst.conflicts]
    return (
        np.full(len(s_ix), inst.panel),
        np.array(list(inst.capacity.values())),
        np.array([s_ix[s] for s, _ in pairs], dtype=np.int64),
        np.array([m_ix[m] for _, m in pairs], dtype=np.int64),
        np.array([inst.scores[p] for p in pairs]),
        pairs,
    )


@pytest.mark.parametrize("seed", [7, 8])
def test_network_simplex_engine_agrees_with_milp(seed) -> None:
    inst = random_instance(30, 40, density=0.6, seed=seed)
    demand, capacity, es, em, w, _ = _arrays(inst)
    stats: dict = {}
    chosen = optimise(demand, capacity, es, em, w, engine="simplex", full_graph_limit=0, stats=stats)
    seats, fit = milp_optimum(inst)
    assert int(chosen.sum()) == seats
    assert float(w[chosen].sum()) == pytest.approx(fit, abs=1e-6)
    assert stats["simplex"] == stats["rounds"] >= 1


def test_pricing_adds_edges_the_first_restriction_left_out() -> None:
    # Every startup prefers the same few mentors, so the best pairs alone cannot be optimal.
    inst = random_instance(120, 150, density=1.0, seed=11)
    stats: dict = {}
    demand, capacity, es, em, w, _ = _arrays(inst)
    chosen = optimise(demand, capacity, es, em, w, full_graph_limit=0, stats=stats)
    assert stats["rounds"] >= 2
    assert stats["restricted_edges"] < len(es) / 4
    full = optimise(demand, capacity, es, em, w, full_graph_limit=10**9)
    assert int(chosen.sum()) == int(full.sum()) == stats["value"]
    assert float(w[chosen].sum()) == pytest.approx(float(w[full].sum()), abs=1e-9)


# --- hand-built cohorts ------------------------------------------------------------------------


def _cohort(panel: int, capacity: dict[str, int], scores: dict[tuple[str, str], float], conflicts=()) -> Instance:
    startups = tuple(dict.fromkeys(s for s, _ in scores))
    return Instance(startups, capacity, scores, frozenset(conflicts), panel)


def test_greedy_loses_fit_where_the_optimum_swaps_mentors() -> None:
    inst = _cohort(1, {"m1": 1, "m2": 1}, {("s1", "m1"): 0.9, ("s1", "m2"): 0.8, ("s2", "m1"): 0.7, ("s2", "m2"): 0.1})
    greedy, best = greedy_assign(inst), assign(inst)
    # Greedy grabs s1-m1 (0.9) first and leaves s2 with m2 (0.1): 1.0 against 0.8 + 0.7.
    assert greedy.seats == (Seat("s1", "m1"), Seat("s2", "m2"))
    assert greedy.total_score == pytest.approx(1.0)
    assert best.seats == (Seat("s1", "m2"), Seat("s2", "m1"))
    assert best.total_score == pytest.approx(1.5)


def test_seats_come_before_fit() -> None:
    inst = _cohort(1, {"m1": 1, "m2": 1}, {("s1", "m1"): 10.0, ("s1", "m2"): 0.01, ("s2", "m1"): 0.01})
    greedy, best = greedy_assign(inst), assign(inst)
    assert (len(greedy.seats), greedy.total_score) == (1, 10.0)
    assert best.seats == (Seat("s1", "m2"), Seat("s2", "m1"))
    assert best.total_score == pytest.approx(0.02)
    assert (best.short_panels, greedy.short_panels) == (0, 1)


def test_conflicts_unscored_pairs_capacity_and_panel_size() -> None:
    scores = {("s1", "m1"): 0.9, ("s1", "m2"): 0.95, ("s1", "m3"): 0.4, ("s2", "m1"): 0.8, ("s2", "m2"): 0.7,
              ("s3", "m1"): 0.85, ("s3", "m3"): 0.6}
    inst = _cohort(2, {"m1": 2, "m2": 1, "m3": 1}, scores, conflicts=[("s1", "m2")])
    best = assign(inst)
    # m1 can take two of s1/s2/s3, m2 only s2 (s1 conflicts), m3 s1 or s3: 4 seats, 3.05 at best.
    assert best.seats == (Seat("s1", "m1"), Seat("s2", "m2"), Seat("s3", "m1"), Seat("s3", "m3"))
    assert best.total_score == pytest.approx(3.05)
    assert best.short_panels == 2


def test_refill_keeps_the_other_seats_even_when_a_full_rerun_would_move_them() -> None:
    inst = _cohort(1, {"m1": 1, "m2": 1, "m3": 1}, {("s1", "m1"): 0.9, ("s1", "m2"): 0.8, ("s2", "m1"): 0.85, ("s2", "m3"): 0.2})
    first = assign(inst)
    assert first.seats == (Seat("s1", "m2"), Seat("s2", "m1"))
    again = refill_declined(inst, first, Seat("s2", "m1"))
    # Re-optimising from scratch would move s1 to m1 (0.9 + 0.2 > 0.8 + 0.2); the refill must not.
    assert again.seats == (Seat("s1", "m2"), Seat("s2", "m3"))
    assert again.total_score == pytest.approx(1.0)
    assert again.method == "refill"


def test_refill_gives_freed_capacity_to_an_open_panel_unless_limited() -> None:
    inst = _cohort(1, {"m1": 1}, {("s1", "m1"): 0.9, ("s2", "m1"): 0.8})
    first = assign(inst)
    assert first.seats == (Seat("s1", "m1"),)
    assert refill_declined(inst, first, Seat("s1", "m1")).seats == (Seat("s2", "m1"),)
    assert refill_declined(inst, first, Seat("s1", "m1"), startups=["s1"]).seats == ()


def test_repeated_declines_are_never_reoffered() -> None:
    inst = _cohort(1, {"m1": 1, "m2": 1, "m3": 1}, {("s1", "m1"): 0.9, ("s1", "m2"): 0.8, ("s1", "m3"): 0.1})
    first = assign(inst)
    second = refill_declined(inst, first, Seat("s1", "m1"))
    assert second.seats == (Seat("s1", "m2"),)
    third = refill_declined(inst, second, Seat("s1", "m2"), forbidden=[("s1", "m1")])
    assert third.seats == (Seat("s1", "m3"),)


def test_refill_rejects_invalid_fixed_seats_and_unknown_ids() -> None:
    inst = _cohort(1, {"m1": 1, "m2": 1}, {("s1", "m1"): 0.9, ("s2", "m1"): 0.5, ("s2", "m2"): 0.5}, conflicts=[("s2", "m2")])
    with pytest.raises(ValueError, match="capacity 1"):
        refill(inst, fixed=[Seat("s1", "m1"), Seat("s2", "m1")])
    with pytest.raises(ValueError, match="conflict of interest"):
        refill(inst, fixed=[Seat("s2", "m2")])
    with pytest.raises(ValueError, match="no score"):
        refill(inst, fixed=[Seat("s1", "m2")])
    with pytest.raises(ValueError, match="unknown id"):
        refill(inst, fixed=[], forbidden=[("s9", "m1")])
    with pytest.raises(ValueError, match="not a seat"):
        refill_declined(inst, assign(inst), Seat("s2", "m2"))


def test_empty_and_degenerate_cohorts() -> None:
    assert assign(Instance((), {}, {})).seats == ()
    lonely = Instance(("s1",), {"m1": 0}, {("s1", "m1"): 1.0})
    assert assign(lonely).seats == ()
    assert assign(lonely).short_panels == 1
    huge = Instance(("s1", "s2"), {"m1": 10**30}, {("s1", "m1"): 0.5, ("s2", "m1"): 0.4}, panel=10**30)
    assert assign(huge).seats == (Seat("s1", "m1"), Seat("s2", "m1"))


def test_integer_costs_are_exact_for_short_decimals() -> None:
    assert integer_costs(np.array([0.73, 0.1, 0.0, -0.5])).tolist() == [-730_000_000, -100_000_000, 0, 500_000_000]
    assert integer_costs(np.array([12.5, 3.0])).tolist() == [-125_000_000, -30_000_000]
    assert integer_costs(np.array([2.5e12, 1e12])).tolist() == [-250_000_000, -100_000_000]
    assert integer_costs(np.zeros(3)).tolist() == [0, 0, 0]
    # A subnormal fit is scaled up in two steps instead of overflowing.
    assert integer_costs(np.array([5e-324, 0.0])).tolist()[0] < 0


def test_scores_differing_below_float_noise_still_pick_the_better_pair() -> None:
    # Fits 1e-7 apart survive the integer scaling (1e-9 resolution at this magnitude).
    inst = _cohort(1, {"m1": 1, "m2": 1}, {("s1", "m1"): 0.5000001, ("s1", "m2"): 0.5, ("s2", "m1"): 0.5, ("s2", "m2"): 0.5000001})
    assert assign(inst).seats == (Seat("s1", "m1"), Seat("s2", "m2"))
