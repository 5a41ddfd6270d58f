"""Random partnering instances for tests and benchmarks (deterministic per seed)."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator

from .model import Instance, Request


def random_instance(
    attendees: int,
    requests: int,
    slots: int,
    tables: int,
    *,
    seed: int = 0,
    full_share: float = 0.3,
    popularity: float = 1.0,
) -> Instance:
    """``attendees`` people, up to ``requests`` distinct pairs, random weights in [0, 1).

    A ``full_share`` of people are free all day; the rest have each slot with a probability
    drawn from [0.4, 0.9]. Targets are drawn with weight 1 / rank**popularity, so a few people
    are in demand (as at real partnering events) and the problem is not trivially easy.
    """
    rng = random.Random(seed)  # noqa: S311 - reproducible test data
    ids = [f"a{i}" for i in range(attendees)]
    availability: dict[str, frozenset[int] | None] = {}
    for x in ids:
        if rng.random() < full_share:
            availability[x] = None
        else:
            p = rng.uniform(0.4, 0.9)
            availability[x] = frozenset(s for s in range(slots) if rng.random() < p)
    demand = [1.0 / (i + 1) ** popularity for i in range(attendees)]
    pairs: dict[frozenset[str], Request] = {}
    tries = 0
    while len(pairs) < requests and tries < 20 * requests:
        tries += 1
        a = rng.choice(ids)
        b = rng.choices(ids, weights=demand)[0]
        if a == b or frozenset((a, b)) in pairs:
            continue
        pairs[frozenset((a, b))] = Request(a, b, round(rng.random(), 3))
    return Instance(slots, tables, availability, list(pairs.values()))


def to_jsonl(inst: Instance) -> Iterator[str]:
    """The instance as ``schedule_meetings`` input lines."""
    yield json.dumps({"type": "settings", "slots": inst.slots, "tables": inst.tables})
    for x, avail in inst.availability.items():
        line: dict[str, object] = {"type": "attendee", "id": x}
        if avail is not None:
            line["available"] = sorted(avail)
        yield json.dumps(line)
    for r in inst.requests:
        yield json.dumps({"type": "request", "from": r.a, "to": r.b, "weight": r.weight})
    for f in inst.fixed:
        yield json.dumps({"type": "fixed", "from": f.a, "to": f.b, "slot": f.slot, "table": f.table})
