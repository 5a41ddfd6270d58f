"""Data versions: a few maxima and counts read in one round trip, for cache keys that change with the data.

``version((Listing, "updated_at"), (Linkage, "id"), (Linkage, COUNT))`` reads, in one SELECT of scalar
subqueries, the latest ``updated_at`` of the listings, the latest linkage id and the number of linkages.
Maxima of indexed columns are index reads; a count (which sees deletions) reads an index, so count only
tables of a few ten thousand rows.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import Model

COUNT = "*"
SUM = "SUM"


def version(*reads: tuple[type[Model], str] | tuple[type[Model], str, str]) -> tuple:
    """``max(field)`` (or ``count(*)`` for COUNT) of each (model, field) pair, in order; a (model, field, SUM)
    triple reads ``sum(field)`` (a weight changed in place)."""
    quote = connection.ops.quote_name
    parts = []
    for model, field, *how in reads:
        table = quote(model._meta.db_table)
        if field == COUNT:
            parts.append(f"(SELECT COUNT(*) FROM {table})")  # noqa: S608 - names from model metadata
        else:
            column = quote(model._meta.get_field(field).column)
            func = "SUM" if how == [SUM] else "MAX"
            parts.append(f"(SELECT {func}({column}) FROM {table})")  # noqa: S608 - names from model metadata
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts))
        return tuple(cursor.fetchone())
