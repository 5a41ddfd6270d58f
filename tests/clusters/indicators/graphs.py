"""Small hand-checkable clusters: a star, a path, two cliques joined by one bridge, no cross-kind ties."""

from datetime import UTC, datetime, timedelta

from clusters.indicators import ClusterData, Edge, Org

END = datetime(2026, 7, 1, tzinfo=UTC)
START = END - timedelta(days=365)
AT = END - timedelta(days=30)


def tie(a: int, b: int, kind: str = "meeting", at: datetime = AT, weight: float = 1.0, source: str = "") -> Edge:
    return Edge(a=min(a, b), b=max(a, b), kind=kind, weight=weight, occurred_at=at, source=source)


def data(orgs, edges, **kwargs) -> ClusterData:
    return ClusterData(start=START, end=END, orgs=tuple(orgs), edges=tuple(edges), **kwargs)


def star() -> ClusterData:
    """Centre 1 (public, Seoul) tied to 2 (firm, Seoul), 3 (firm, Gyeonggi), 4 (hospital, Seoul),
    5 (university, abroad US)."""
    orgs = [Org(1, "public", "seoul"), Org(2, "firm", "seoul"), Org(3, "firm", "gyeonggi"),
            Org(4, "hospital", "seoul"), Org(5, "university", "abroad", "US")]
    return data(orgs, [tie(1, x) for x in (2, 3, 4, 5)])


def path() -> ClusterData:
    """1 – 2 – 3 – 4, all firms in Seoul."""
    return data([Org(i, "firm", "seoul") for i in (1, 2, 3, 4)], [tie(1, 2), tie(2, 3), tie(3, 4)])


def two_cliques(*, outside_tie: bool = False) -> ClusterData:
    """K4 {1,2,3,4} (firms, Seoul) and K4 {5,6,7,8} (hospitals, Daegu) joined by the bridge 4–5; optionally
    4 also tied to 9, a university abroad outside the cluster."""
    orgs = [Org(i, "firm", "seoul") for i in (1, 2, 3, 4)] + [Org(i, "hospital", "daegu") for i in (5, 6, 7, 8)]
    edges = [tie(a, b) for group in ((1, 2, 3, 4), (5, 6, 7, 8)) for i, a in enumerate(group) for b in group[i + 1:]]
    edges.append(tie(4, 5))
    if outside_tie:
        orgs.append(Org(9, "university", "abroad", "DE", member=False))
        edges.append(tie(4, 9, "introduction"))
    return data(orgs, edges)


def no_cross_kind() -> ClusterData:
    """Firms 1–2 and hospitals 3–4 partner only within their kind."""
    orgs = [Org(1, "firm", "seoul"), Org(2, "firm", "seoul"), Org(3, "hospital", "seoul"), Org(4, "hospital", "busan")]
    return data(orgs, [tie(1, 2, "partnership"), tie(3, 4, "partnership")])
