"""Indicator tables: one shape for the page's table views, the CSV and JSON downloads and the API.

A table has columns (key, translated label, definition, format) and rows of raw values; the page formats the
values, the exports keep them raw. Columns marked ``machine`` (codes) go to the exports only, so a page shows
words, never codes.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from core import csvsafe

from .labels import COUNT, NUMBER, format_value


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    definition: str = ""
    fmt: str = ""  # a labels format (share, count, number, days), or "" for text
    machine: bool = False


@dataclass
class Table:
    key: str
    title: str
    columns: list[Column]
    rows: list[list[Any]] = field(default_factory=list)
    note: str = ""
    # The page shows at most this many rows (0 = all); the CSV and JSON downloads always hold every row.
    page_rows: int = 0

    @property
    def shown_columns(self) -> list[Column]:
        return [c for c in self.columns if not c.machine]

    @property
    def truncated(self) -> bool:
        return 0 < self.page_rows < len(self.rows)

    def display_rows(self) -> list[list[dict[str, str]]]:
        """Rows for the page: each cell its text and the column's definition (for the title attribute)."""
        shown = [i for i, c in enumerate(self.columns) if not c.machine]
        rows = self.rows[:self.page_rows] if self.page_rows else self.rows
        return [
            [{"text": _text(row[i], self.columns[i]), "title": self.columns[i].definition,
              "numeric": bool(self.columns[i].fmt)} for i in shown]
            for row in rows
        ]

    def as_dicts(self) -> list[dict[str, Any]]:
        return [{c.key: _raw(v) for c, v in zip(self.columns, row, strict=True)} for row in self.rows]

    def as_json(self) -> dict[str, Any]:
        return {
            "key": self.key, "title": self.title, "note": self.note,
            "columns": [{"key": c.key, "label": c.label, "definition": c.definition} for c in self.columns],
            "rows": self.as_dicts(),
        }


def _raw(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, tuple):
        return value[0]  # (raw, shown) pairs: the exports keep the raw part
    return value


def _text(value: Any, column: Column) -> str:
    if isinstance(value, tuple):
        return str(value[1])
    if column.fmt:
        return format_value(value, column.fmt)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, bool):
        return "✓" if value else "–"
    return "" if value is None else str(value)


def table_csv(table: Table) -> str:
    """UTF-8 text with a BOM (so spreadsheet programs read Korean as UTF-8), formula-escaped cells; the header
    row holds the column keys (stable for scripts; the JSON export carries their labels and definitions)."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csvsafe.writer(out, lineterminator="\r\n")
    writer.writerow([c.key for c in table.columns])
    for row in table.as_dicts():
        writer.writerow(["" if v is None else v for v in row.values()])
    return out.getvalue()


def table_json(table: Table, **meta: Any) -> str:
    return json.dumps({**meta, **table.as_json()}, ensure_ascii=False, allow_nan=False, indent=1)


def number_column(key: str, label: str, definition: str = "", fmt: str = COUNT) -> Column:
    return Column(key=key, label=label, definition=definition, fmt=fmt)


def value_column(key: str, label: str, definition: str = "") -> Column:
    return Column(key=key, label=label, definition=definition, fmt=NUMBER)
