"""Reading a file: its bytes to text, its text to (line number, record) pairs."""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Callable, Iterable

from django.utils.translation import gettext as _

from .base import FACET_FIELDS, split_list

# Every column a CSV row is read through (mentor rows are counted and skipped, so theirs are known too).
CSV_COLUMNS = {"type", "id", "kind", "name", "name_ko", "name_en", "region", "country", "description", "trial_phases",
               "trials_per_year", "irb_days", "equipment", "org", "side", "title", "lang", "language", *FACET_FIELDS,
               "a", "b", "split", "expertise", "publications"}


class NotText(ValueError):
    """The file's bytes are in none of the encodings the import reads."""


UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def decode(raw: bytes) -> tuple[str, str]:
    """The file's text and the name of the encoding it was read in; ``NotText`` if none fits.

    UTF-8 first (a BOM is dropped), UTF-16 only with its BOM (Excel's "Unicode text"), then CP949,
    Korean Windows' code page and a superset of EUC-KR. Valid UTF-8 is almost never valid CP949 by
    accident and vice versa, so the order decides nothing for real files.
    """
    if raw.startswith(UTF16_BOMS):
        try:
            return raw.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError:
            pass
    for codec, label in (("utf-8-sig", "UTF-8"), ("cp949", "CP949 (EUC-KR)")):
        try:
            return raw.decode(codec), label
        except UnicodeDecodeError:
            continue
    raise NotText(_("The file is not text in UTF-8, UTF-16 or CP949 (EUC-KR); save it as CSV UTF-8 and try again."))


def _csv_delimiter(text: str) -> str:
    """Excel's "Unicode text" is tab-separated: a header with tabs and no comma is read that way."""
    header = text.split("\n", 1)[0]
    return "\t" if "\t" in header and "," not in header else ","


def read_records(text: str, *, fmt: str, progress: bool = False,
                 warnings: list[str] | None = None) -> tuple[list[tuple[int, dict]], list[tuple[int, str]]]:
    """(line number, record) pairs and the lines that could not be read at all.

    CSV columns the import does not read go to ``warnings`` (JSON Lines ignores unknown keys).
    """
    records, errors = [], []
    lines = text.splitlines()
    bar = _bar(len(lines), progress)
    if fmt == "csv":
        reader = csv.DictReader(io.StringIO(text), delimiter=_csv_delimiter(text))
        try:
            extra = [c for c in (reader.fieldnames or []) if c and c.strip() and c.strip() not in CSV_COLUMNS]
            if extra and warnings is not None:
                warnings.append(_("Columns not imported (unknown names): %(columns)s")
                                % {"columns": ", ".join(dict.fromkeys(c.strip() for c in extra))})
            for row in reader:
                bar(1)
                rec = {k.strip(): v.strip() for k, v in row.items() if k and isinstance(v, str) and v.strip()}
                for key in ("trial_phases", "equipment", "partnership_types", "therapeutic_areas", "technologies"):
                    if key in rec:
                        rec[key] = split_list(rec[key])
                if problem := _text_problem(rec):
                    errors.append((reader.line_num, problem))
                    continue
                records.append((reader.line_num, rec))
        except csv.Error as exc:  # a NUL byte, a field beyond the csv module's limit: the rest is unreadable
            errors.append((reader.line_num + 1, _("not valid CSV (%(reason)s)") % {"reason": exc}))
        return records, errors
    for n, line in enumerate(lines, 1):
        bar(1)
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append((n, _("not valid JSON (%(reason)s)") % {"reason": exc.msg}))
            continue
        except (ValueError, RecursionError) as exc:  # a number too long to convert, nesting too deep
            errors.append((n, _("not valid JSON (%(reason)s)") % {"reason": str(exc)[:200]}))
            continue
        if not isinstance(rec, dict):
            errors.append((n, _("expected a JSON object")))
            continue
        if problem := _text_problem(rec):
            errors.append((n, problem))
            continue
        records.append((n, rec))
    return records, errors


_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def _strings(value) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(k)
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def _text_problem(value) -> str | None:
    """Why the database cannot store these strings: NUL (PostgreSQL text) or a lone surrogate, which
    JSON can escape (``"\\ud800"``) but no encoding can write."""
    for text in _strings(value):
        if found := _UNSTORABLE.search(text):
            if found.group() == "\x00":
                return _("contains a NUL character")
            return _("contains characters that are not valid text (a lone UTF-16 surrogate)")
    return None


def _bar(total: int, enabled: bool) -> Callable[[int], None]:
    if not enabled or total < 1000:  # a bar for long files only
        return lambda n: None
    from tqdm import tqdm  # lazy: only long command-line imports draw a bar

    bar = tqdm(total=total, file=sys.stderr, unit="line", leave=False)
    return bar.update
