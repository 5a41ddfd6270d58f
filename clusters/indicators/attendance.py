"""Events: cadence (2), show-up rate (3), repeat participation (4) and triple-helix synergy (20)."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from datetime import datetime

from .types import Attendance, EventStat, Number, Org

DAYS_PER_MONTH = 365.25 / 12
HELICES = ("university", "firm", "hospital")


def event_cadence(events: Iterable[EventStat], *, start: datetime, end: datetime, members: int) -> dict[str, Number]:
    """Indicator 2. ``events`` held in the period; ``events_per_month`` = events ÷ (period days ÷ 30.44);
    ``events_per_month_per_1000_members`` = events per month × 1,000 ÷ members (None without members or for
    an empty period)."""
    count = sum(1 for _ in events)
    months = (end - start).total_seconds() / 86400.0 / DAYS_PER_MONTH
    per_month = count / months if months > 0 else None
    return {
        "events": count,
        "events_per_month": per_month,
        "events_per_month_per_1000_members": per_month * 1000 / members if per_month is not None and members else None,
    }


def show_up(events: Iterable[EventStat]) -> dict[str, Number]:
    """Indicator 3. ``show_up_rate`` = registrations checked in ÷ registrations (walk-ins and cancelled places
    left out), over the period's past events; None when nobody registered."""
    registered = checked = 0
    for e in events:
        registered += e.registered
        checked += e.checked_in
    return {"registrations": registered, "show_up_rate": checked / registered if registered else None}


def repeat_participation(attendance: Iterable[Attendance]) -> dict[str, Number]:
    """Indicator 4. ``repeat_participation`` = organisations checked in at ≥2 events ÷ organisations checked in
    at ≥1; ``attending_orgs``. None when nobody came."""
    per_org = Counter(org for _event, org in {(a.event_id, a.org_id) for a in attendance})
    return {
        "attending_orgs": len(per_org),
        "repeat_participation": sum(1 for c in per_org.values() if c >= 2) / len(per_org) if per_org else None,
    }


def _entropy(counts: Iterable[int]) -> float:
    counts = [c for c in counts if c]
    total = sum(counts)
    return -sum(c / total * math.log2(c / total) for c in counts) if total else 0.0


def triple_helix(attendance: Iterable[Attendance], orgs: Mapping[int, Org]) -> dict[str, Number]:
    """Indicator 20, Leydesdorff's mutual information in three dimensions, in bits:
    T = H_u + H_i + H_h − H_ui − H_uh − H_ih + H_uih, where each event with a check-in is one observation of
    (a university present, a firm present, a hospital present). T < 0 means synergy. None without events."""
    present: dict[int, set[str]] = defaultdict(set)
    for a in attendance:
        org = orgs.get(a.org_id)
        present[a.event_id].add(org.kind if org else "")
    if not present:
        return {"triple_helix_t": None}
    cells = [tuple(int(h in kinds) for h in HELICES) for kinds in present.values()]

    def h(*dims: int) -> float:
        return _entropy(Counter(tuple(c[d] for d in dims) for c in cells).values())

    t = h(0) + h(1) + h(2) - h(0, 1) - h(0, 2) - h(1, 2) + h(0, 1, 2)
    return {"triple_helix_t": 0.0 if abs(t) < 1e-12 else t}
