"""Data versions: a few maxima, counts, sums and digests read in one round trip, for cache keys that change with the data.

``version((Listing, "updated_at"), (Linkage, "id"), (Linkage, COUNT))`` reads, in one SELECT, the latest
``updated_at`` of the listings, the latest linkage id and the number of linkages. A read is ``(source, what)`` or
``(source, what, how)``:

- ``source``: a model (its whole table) or a filtered queryset (``Match.objects.filter(counterpart_id__in=ids)``);
- ``what``: a field (``"updated_at"``, or across a single-valued relation, ``"need__updated_at"``) read as its
  maximum, or with ``how=SUM`` its sum (a weight changed in place); COUNT: the rows, or with ``how={field: value}``
  the rows with those (non-null) values; or a tuple of fields with ``how=DIGEST``: a digest of those columns of
  every row (small tables without ``updated_at``, such as taxonomy labels; an md5 on PostgreSQL, the text itself
  elsewhere).

Reads of the same source (the same model, or the same queryset object) are made in one pass over its rows: a
single-row derived table of the statement (a scalar subquery, if read once). A field across a many-valued relation
would repeat rows and change the counts: read such a relation from its own source (the through model). The
maximum of an indexed column, read alone from its source, is an index read; a count (which sees deletions) reads
every row of its source, so count only tables of a few ten thousand rows, or a filtered part of one. A queryset
costs a compile (a few hundred microseconds of Python): read whole tables as models, and share one queryset
object among the reads of the same rows.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import F, Model

COUNT = "*"
SUM = "SUM"
DIGEST = "DIGEST"

Read = tuple[Any, ...]  # (model or queryset, field | COUNT | tuple of fields[, SUM | DIGEST | {field: value}])


def version(*reads: Read) -> tuple:
    """The value of each read, in order, from one SQL statement (see the module's docstring)."""
    groups: dict[Any, tuple[Any, list[tuple[int, Any, Any]]]] = {}
    for position, (source, what, *how) in enumerate(reads):
        # A model is its whole table; a queryset is grouped by identity (the same object: one pass).
        key = source if isinstance(source, type) and issubclass(source, Model) else id(source)
        groups.setdefault(key, (source, []))[1].append((position, what, how[0] if how else ""))
    # A source read once is a scalar subquery; a source read more often, a single-row derived table in FROM (few
    # relations to join: the planner's time grows with their number).
    select: dict[int, tuple[str, list]] = {}
    tables, table_params = [], []
    for n, (source, group) in enumerate(groups.values()):
        sql, params = _derived_table(source, group)
        if len(group) == 1:
            select[group[0][0]] = (f"({sql}) AS v{group[0][0]}", params)
            continue
        tables.append(f"({sql}) AS v_g{n}")
        table_params += params
        select.update((position, (f"v{position}", [])) for position, *_ in group)
    items = [select[position] for position in range(len(reads))]
    sql = f"SELECT {', '.join(item for item, _ in items)}{' FROM ' + ', '.join(tables) if tables else ''}"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, [*(p for _, params in items for p in params), *table_params])
        return tuple(cursor.fetchone())


def _derived_table(source: Any, group: list[tuple[int, Any, Any]]) -> tuple[str, list]:
    """One row: each read of ``group`` as an aggregate (aliased ``v<position>``) over the rows of ``source``."""
    postgres = connection.vendor == "postgresql"
    columns: dict[str, str] = {}  # alias in the rows -> field
    aggregates, empty, params = [], [], []
    for position, what, how in group:
        alias = f"v{position}"
        if what == COUNT:
            empty.append(f"0 AS {alias}")
            if not how:
                aggregates.append(f"COUNT(*) AS {alias}")
                continue
            # {field: value}: the rows with these values, counted in the same pass.
            names = [f"c{position}_{i}" for i in range(len(how))]
            columns.update(zip(names, how, strict=True))
            params += how.values()
            aggregates.append(f"COUNT(CASE WHEN {' AND '.join(f'{n} = %s' for n in names)} THEN 1 END) AS {alias}")
            continue
        empty.append(f"NULL AS {alias}")
        if how == DIGEST:
            # Each column as text ('' for NULL, so a NULL never drops the row), joined by '|', rows by ','.
            names = [f"c{position}_{i}" for i in range(len(what))]
            columns.update(zip(names, what, strict=True))
            columns["k"] = "pk"
            text = " || '|' || ".join(f"COALESCE(CAST({name} AS TEXT), '')" for name in names)
            aggregates.append(f"md5(string_agg({text}, ',' ORDER BY k)) AS {alias}" if postgres
                              else f"group_concat({text}, ',') AS {alias}")  # the rows come ordered (below)
        else:
            columns[f"c{position}"] = what
            aggregates.append(f"{'SUM' if how == SUM else 'MAX'}(c{position}) AS {alias}")
    ordered = "k" in columns and not postgres  # SQLite's group_concat takes the rows in the order given
    columns = columns or {"k": "pk"}
    if isinstance(source, type) and not any("__" in field for field in columns.values()):
        # A whole table: its columns by name (compiling a queryset costs more Python than the query takes).
        meta, quote = source._meta, connection.ops.quote_name
        picked = ", ".join(f"{quote(meta.get_field(field).column if field != 'pk' else meta.pk.column)} AS {alias}"
                           for alias, field in columns.items())
        sql, inner_params = f"SELECT {picked} FROM {quote(meta.db_table)}{' ORDER BY k' if ordered else ''}", []  # noqa: S608 - model metadata
    else:
        qs = source._base_manager.all() if isinstance(source, type) else source
        rows = (qs.order_by("pk") if ordered else qs.order_by()).values(**{a: F(f) for a, f in columns.items()})
        try:
            sql, inner_params = rows.query.get_compiler(connection=connection).as_sql()
        except EmptyResultSet:  # a filter that matches nothing (``pk__in=[]``): no rows to read
            return "SELECT " + ", ".join(empty), []
    return f"SELECT {', '.join(aggregates)} FROM ({sql}) AS v_rows", [*params, *inner_params]  # noqa: S608 - compiled queryset
