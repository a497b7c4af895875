"""The text of a report's PDF (as PDF or OCR extraction gives it) read into the tables every reader hands on.

Extraction writes a table row per line with its cells separated by tabs, a cell's paragraphs as `<p>…</p>`
and its bulleted lists as `<ul> - … - …`; the header row comes again at the top of every page. Each `<p>` is
one line of the cell and each bullet a line starting "- ", so records.py reads numbering and sub-items the
same way as in a Word cell. Rows continued on the next page ("… (ต่อ)") are kept as rows: records.py merges
them. A row is located by its line in the file ("บรรทัด 89"). The measures table is read in two passes:
its rows first, then their cells, each with the line width its column shows across the whole table, which
tells a wrapped line's space from the writer's (wraps.py).
"""

from __future__ import annotations

import re
from pathlib import Path

from ..numbers import arabic_digits
from .cells import unwrapped
from .source import MEASURE_COLUMNS, SCORE_COLUMNS, Cell, Row, SourceDocument, Table
from .unreadable import UnreadableFile
from .wraps import column_width, laid_out

MEGABYTE = 1024 * 1024
# The seed report's text is 68 KB; a text of 20 MB would be some 300 such reports, so anything larger is
# not a report's text and is refused before it is read into memory.
MAX_TEXT_BYTES = 20 * MEGABYTE
MEASURE_HEADER = ("มาตรการ", "ขั้นตอน", "ผู้รับผิดชอบ", "ช่วงระยะเวลา", "ผลการดำเนินการ", "ผลลัพธ์")
SCORE_HEADER = ("ตัวชี้วัด", "รายละเอียด", "คะแนน")
MEASURE_NAMES = " · ".join(MEASURE_HEADER)
SCORE_NAMES = " · ".join(SCORE_HEADER)
YEAR = re.compile(r"(?:พ\.\s*ศ\.|ปี)\s*([0-9๐-๙]{4})")
PARAGRAPH = re.compile(r"<p[^>]*>(.*?)(?:</p>|$)", re.DOTALL)
LIST = re.compile(r"<ul[^>]*>(.*?)(?=<p[\s>]|$)", re.DOTALL)
TAG = re.compile(r"</?(?:p|ul|ol|li|br|span|b|i|strong|em)\b[^>]*>")
BULLET = re.compile(r"(?:^|\s)[-•]\s+")
SHOWN = 20  # characters of each cell a message about the columns shows


def read_pdf_text(path: Path) -> SourceDocument:
    """The paragraphs, the measures table and the score tables of a report's extracted text."""
    name = path.name
    if not path.is_file():
        raise UnreadableFile("import_no_file", {"file": name})
    size = path.stat().st_size
    if size > MAX_TEXT_BYTES:
        values = {"file": name, "size": f"{size / MEGABYTE:,.1f}", "limit": f"{MAX_TEXT_BYTES / MEGABYTE:,.1f}"}
        raise UnreadableFile("import_too_large", values)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableFile("import_text_encoding", {"file": name}) from error
    if not text.strip():
        raise UnreadableFile("import_empty", {"file": name})
    return document_of(name, text.splitlines())


def document_of(name: str, lines: list[str]) -> SourceDocument:
    """The document of a text's lines: tab-separated rows under a known header make tables, the rest paragraphs."""
    paragraphs: list[str] = []
    measure_rows: list[tuple[list[str], str]] = []  # read into cells once every row gives its column's width
    measures_where = ""
    scores: list[Table] = []
    current: str | None = None  # the kind of table the last header started, while its rows go on
    score_rows: list[Row] = []
    year: int | None = None
    for number, line in enumerate(lines, start=1):
        where = f"บรรทัด {number}"
        cells = [cell.strip() for cell in line.split("\t")]
        kind = header_kind(cells)
        if kind:
            _check_columns(name, where, kind, cells)
            if current == "scores" and score_rows:
                scores.append(Table("scores", tuple(score_rows), score_rows[0].where, year))
            score_rows = [] if kind == "scores" else score_rows
            measures_where = measures_where or (where if kind == "measures" else "")
            current = kind
            continue
        if "\t" in line and current:
            _check_columns(name, where, current, _trimmed(cells, current))
            if current == "measures":
                measure_rows.append((_trimmed(cells, current), where))
            else:
                score_rows.append(Row(tuple(cell_of(cell) for cell in _trimmed(cells, current)), where))
            continue
        if not line.strip():
            continue  # a blank line between pages does not end a table: its header comes again
        if current == "scores" and score_rows:
            scores.append(Table("scores", tuple(score_rows), score_rows[0].where, year))
            score_rows = []
        current = None
        paragraphs.append(" ".join(line.split()))
        if found := YEAR.search(line):
            year = int(arabic_digits(found.group(1)))
    if current == "scores" and score_rows:
        scores.append(Table("scores", tuple(score_rows), score_rows[0].where, year))
    widths = [
        column_width(_paragraphs(cells[column]) for cells, _ in measure_rows) for column in range(MEASURE_COLUMNS)
    ]
    measures = [Row(tuple(map(_laid_out_cell, cells, widths)), where) for cells, where in measure_rows]
    if not measures:
        raise UnreadableFile("import_no_measures", {"file": name, "columns": MEASURE_NAMES})
    tables = (Table("measures", tuple(measures), measures_where), *scores)
    return SourceDocument(name, tuple(paragraphs), tables)


def header_kind(cells: list[str]) -> str | None:
    """ "measures" or "scores" when a row is a table's header row (its first cells name the columns)."""
    squeezed = ["".join(cell.split()) for cell in cells]
    for kind, words in (("measures", MEASURE_HEADER), ("scores", SCORE_HEADER)):
        if len(squeezed) >= 3 and all(word in cell for word, cell in zip(words[:3], squeezed[:3], strict=False)):
            return kind
    return None


def _trimmed(cells: list[str], kind: str) -> list[str]:
    """A row's cells without the empty cells extraction leaves after the last column."""
    width = MEASURE_COLUMNS if kind == "measures" else SCORE_COLUMNS
    while len(cells) > width and not cells[-1]:
        cells = cells[:-1]
    return cells


def _check_columns(name: str, where: str, kind: str, cells: list[str]) -> None:
    """Refuse a table whose header or row does not have the report's columns: its cells cannot be placed."""
    expected, names = (MEASURE_COLUMNS, MEASURE_NAMES) if kind == "measures" else (SCORE_COLUMNS, SCORE_NAMES)
    if len(cells) != expected:
        found = " · ".join(_clean(cell)[:SHOWN] or "(ว่าง)" for cell in cells)
        raise UnreadableFile("import_wrong_columns", {"file": name, "where": where, "expected": names, "found": found})


def cell_of(markup: str, width: int | None = None) -> Cell:
    """A cell's lines: each `<p>` a line, each bullet of a `<ul>` a line starting "- ", plain text one line;
    `width` is its column's line width (see wraps.py), None when the document does not show it."""
    return Cell(tuple(("- " if bullet else "") + unwrapped(text, width) for bullet, text in _parts(markup)))


def _laid_out_cell(markup: str, width: int | None) -> Cell:
    """A measure cell read with its column's width, when its pieces show that layout (see wraps.py)."""
    return cell_of(markup, laid_out(_paragraphs(markup), width))


def _paragraphs(markup: str) -> list[str]:
    """A cell's paragraphs and bullets as extracted, without markup, to read its column's width from."""
    return [text for _, text in _parts(markup)]


def _parts(markup: str) -> list[tuple[bool, str]]:
    """A cell's paragraphs and bullets in order, each marked whether a bullet, without markup; none empty."""
    if "<" not in markup:
        return [(False, text) for text in [_clean(markup)] if text]
    pieces: list[tuple[int, list[tuple[bool, str]]]] = []
    for found in PARAGRAPH.finditer(markup):
        pieces.append((found.start(), [(False, _clean(found.group(1)))]))
    for found in LIST.finditer(markup):
        pieces.append((found.start(), [(True, _clean(item)) for item in BULLET.split(found.group(1))]))
    if not pieces:
        return [(False, text) for text in [_clean(markup)] if text]
    return [(bullet, text) for _, parts in sorted(pieces) for bullet, text in parts if text]


def _clean(text: str) -> str:
    """A piece of cell text without markup, its spaces collapsed."""
    return " ".join(TAG.sub(" ", text).split())
