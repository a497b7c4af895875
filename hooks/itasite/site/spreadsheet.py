"""The CSV downloads as spreadsheet programs open them: every file written the same way, no cell run as a formula.

Excel, LibreOffice and Google Sheets run a cell that starts with `=`, `+`, `-` or `@` as a formula (and treat a
leading tab or carriage return the same way), so a measure title typed as `=HYPERLINK(...)` would become a link
or worse on a reader's computer. As OWASP's CSV injection guidance advises, such a text cell is written with a
`'` in front, which the spreadsheet shows as text and hides. A number stays a number, sign included (`-0.77`,
`+3.04`): a spreadsheet reads it as that number, never as a formula. The field descriptions and the downloads
page say so.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet reads a cell starting so as a formula
NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")  # a figure as the files write them: a spreadsheet reads it as a number


def safe_cell(value: object) -> object:
    """A cell a spreadsheet shows as written and never runs: a text starting as a formula gets a `'` in front;
    numbers, dates and other cells are left as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_START) and not NUMBER.fullmatch(value):
        return "'" + value
    return value


def csv_file(columns: Sequence[str], rows: Iterable[Mapping[str, object]]) -> bytes:
    """A CSV download: a header row, then `rows` with every cell made safe; CRLF line ends and a UTF-8 byte-order
    mark (what Excel on Thai Windows needs to read Thai)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({key: safe_cell(value) for key, value in row.items()} for row in rows)
    return buffer.getvalue().encode("utf-8-sig")
