"""A report written in Word (.docx), read with python-docx into the tables every reader hands on.

The measures table may run over many pages: Word repeats its header row, and a report converted from a PDF
has the header as a real row on every page, or one table per page; all of them read as one measures table
with its header rows dropped. Score tables take their year from the heading before them ("ปี 2568",
"ประจำปีงบประมาณ พ.ศ. ๒๕๖๗"). Each paragraph of a cell is one line; an auto-numbered list paragraph gets the
number Word shows ("1. ") and a bulleted or indented one a dash ("- "), so numbering reads as in any file.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import docx
from docx.table import Table as WordTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from ..numbers import arabic_digits
from .source import Cell, Row, SourceDocument, Table
from .unreadable import UnreadableFile

# What each column's header says, spaces removed; a header matches when every cell holds its column's words.
MEASURE_HEADER = ("มาตรการ", "ขั้นตอน", "ผู้รับผิดชอบ", "ช่วงระยะเวลา", "ผลการดำเนินการ", "ผลลัพธ์")
SCORE_HEADER = ("ตัวชี้วัด", "รายละเอียด", "คะแนน")
MEASURE_NAMES = (
    "มาตรการ โครงการ หรือกิจกรรม · ขั้นตอนหรือวิธีการปฏิบัติ · ผู้รับผิดชอบ · ช่วงระยะเวลาในการดำเนินการ"
    " · ผลการดำเนินการ (output) · ผลลัพธ์ในการดำเนินงาน (Outcome)"
)
SCORE_NAMES = "ตัวชี้วัดที่ · รายละเอียดตัวชี้วัด · คะแนน"
YEAR = re.compile(r"(?:พ\.\s*ศ\.|ปี)\s*([0-9๐-๙]{4})")
NUMBERED = re.compile(r"^\s*[0-9๐-๙]+\s*[.)]")
BULLET_FORMATS = {"bullet", "none"}


def read_docx(path: Path) -> SourceDocument:
    """The paragraphs and the measures and score tables of a Word report, in the order Word shows them."""
    document = docx.Document(str(path))
    numbering = _Numbering(document)
    paragraphs: list[str] = []
    tables: list[Table] = []
    year: int | None = None  # the last year a paragraph since the previous table named
    number = 0
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            text = " ".join(block.text.split())
            if text:
                paragraphs.append(text)
                year = _year_in(text) or year
            continue
        number += 1
        table = _read_table(block, number, path.name, year, numbering)
        if table is None:
            paragraphs.extend(_texts_of(block))
        else:
            tables.append(table)
        year = None
    return SourceDocument(name=path.name, paragraphs=tuple(paragraphs), tables=_joined(path.name, tables))


def _joined(name: str, tables: list[Table]) -> tuple[Table, ...]:
    """The measures tables as one, first, then the score tables: a report with a table per page is one table
    to its reader, so a row continued at the top of a page ("… (ต่อ)") follows the row it continues."""
    measures = [table for table in tables if table.kind == "measures"]
    if not measures:
        raise UnreadableFile("import_no_measures", {"file": name, "columns": MEASURE_NAMES})
    rows = tuple(row for table in measures for row in table.rows)
    scores = tuple(table for table in tables if table.kind != "measures")
    return (Table(kind="measures", rows=rows, where=measures[0].where), *scores)


def header_kind(texts: Sequence[str]) -> str | None:
    """Which table a row of cell texts heads ("measures", "scores"), or None; shared with the sheet reader."""
    squeezed = ["".join(text.split()) for text in texts]
    while squeezed and not squeezed[-1]:
        squeezed.pop()
    for kind, words in (("measures", MEASURE_HEADER), ("scores", SCORE_HEADER)):
        if len(squeezed) == len(words) and all(word in text for word, text in zip(words, squeezed, strict=True)):
            return kind
    return None


def looks_like_a_header(texts: Sequence[str]) -> str | None:
    """The kind a header row seems meant for when its columns are wrong: most of its cells start with one
    kind's column words. Such a table is an error, not a table to skip, since its rows would be lost; a
    single cell of text that names the columns (an instruction) is not a header."""
    squeezed = ["".join(text.split()) for text in texts]
    for kind, words in (("measures", MEASURE_HEADER), ("scores", SCORE_HEADER)):
        named = sum(1 for text in squeezed if any(text.startswith(word) for word in words))
        if named >= max(2, len(words) - 2):
            return kind
    return None


def wrong_columns(name: str, where: str, kind: str, texts: Sequence[str]) -> UnreadableFile:
    """The error for a table whose header names the wrong columns, naming the table and both headers."""
    expected = MEASURE_NAMES if kind == "measures" else SCORE_NAMES
    found = " · ".join(text.strip() or "(ว่าง)" for text in texts)
    return UnreadableFile("import_wrong_columns", {"file": name, "where": where, "expected": expected, "found": found})


def _read_table(block: WordTable, number: int, name: str, year: int | None, numbering: _Numbering) -> Table | None:
    """One Word table as a measures or score table, or None for a table of another kind (a layout table)."""
    where = f"ตารางที่ {number}"
    grid = _grid(block)
    if not grid:
        return None
    header = [" ".join(cell.text.split()) for cell in grid[0]]
    kind = header_kind(header)
    if kind is None:
        if looks_like_a_header(header):
            raise wrong_columns(name, where, looks_like_a_header(header) or "", header)
        return None
    rows = []
    for index, cells in enumerate(grid[1:], start=2):
        texts = [" ".join(cell.text.split()) for cell in cells]
        if header_kind(texts) or not any(texts):
            continue  # the header again, as on every page of a table converted from a PDF, or an empty row
        lines = tuple(Cell(_lines(cell, numbering)) for cell in cells)
        rows.append(Row(cells=lines, where=f"{where} แถวที่ {index}"))
    return Table(kind=kind, rows=tuple(rows), where=where, year=year if kind == "scores" else None)


def _grid(block: WordTable) -> list[list[_Cell]]:
    """The rows of a table as cells, a merged cell counted once: the columns it spans after the first, and
    the rows it spans below the first, are empty, as the clerk sees them."""
    grid: list[list[_Cell]] = []
    above: list[object] = []
    for row in block.rows:
        cells: list[_Cell] = []
        seen: list[object] = []
        for position, cell in enumerate(row.cells):
            element = cell._tc
            merged = (seen and seen[-1] is element) or (position < len(above) and above[position] is element)
            seen.append(element)
            cells.append(_EMPTY if merged else cell)
        above = seen
        grid.append(cells)
    return grid


class _Blank:
    """A cell with nothing in it, for the parts of a merged cell after its first."""

    text = ""
    paragraphs: tuple[Paragraph, ...] = ()


_EMPTY: _Cell = _Blank()  # type: ignore[assignment]


def _lines(cell: _Cell, numbering: _Numbering) -> tuple[str, ...]:
    """A cell's lines: each paragraph (and each line break in it) trimmed, list numbers written out."""
    lines: list[str] = []
    counters: dict[tuple[str, int], int] = {}
    for paragraph in cell.paragraphs:
        text = paragraph.text.replace("\t", " ")
        prefix = numbering.prefix(paragraph, counters)
        for index, line in enumerate(part.strip() for part in text.split("\n")):
            if line:
                written = prefix + line if index == 0 and prefix and not NUMBERED.match(line) else line
                lines.append(" ".join(written.split()))
    return tuple(lines)


def _texts_of(block: WordTable) -> list[str]:
    """The text of a table that is not a report table, kept as paragraphs (a cover laid out in a table)."""
    texts = [" ".join(cell.text.split()) for row in _grid(block) for cell in row]
    return [text for text in texts if text]


class _Numbering:
    """What Word shows before an auto-numbered paragraph, from the document's numbering definitions."""

    def __init__(self, document: object) -> None:
        part = getattr(document, "part", None)
        try:
            self._element = part.numbering_part.element if part is not None else None
        except (KeyError, AttributeError):
            self._element = None

    def prefix(self, paragraph: Paragraph, counters: dict[tuple[str, int], int]) -> str:
        """What goes before a paragraph's text: "3. " for the third paragraph of a numbered list in this cell,
        "- " for a bullet or a deeper level, "" for a paragraph that is not in a list."""
        found = self._list_of(paragraph)
        if found is None:
            return ""
        num_id, level = found
        if level > 0 or self._format(num_id, level) in BULLET_FORMATS:
            return "- "
        for key in [key for key in counters if key[0] == num_id and key[1] > level]:
            del counters[key]  # a deeper level restarts under each new item
        counters[num_id, level] = counters.get((num_id, level), 0) + 1
        return f"{counters[num_id, level]}. "

    @staticmethod
    def _list_of(paragraph: Paragraph) -> tuple[str, int] | None:
        """The list a paragraph is in (its own numbering, else its style's) and its level, if any."""
        sources: list[Any] = [paragraph._p.pPr]
        style = paragraph.style
        while style is not None:
            sources.append(style.element.pPr)
            style = style.base_style
        for properties in sources:
            numbers: Any = properties.numPr if properties is not None else None
            if numbers is not None and numbers.numId is not None:
                num_id = str(numbers.numId.val)
                if num_id == "0":
                    return None  # numbering switched off
                level = numbers.ilvl.val if numbers.ilvl is not None else 0
                return num_id, int(level)
        return None

    def _format(self, num_id: str, level: int) -> str:
        """The number format of a list level ("decimal", "thaiNumbers", "bullet"); decimal when unknown."""
        if self._element is None:
            return "decimal"
        abstract = self._element.xpath(f'./w:num[@w:numId="{num_id}"]/w:abstractNumId/@w:val')
        if not abstract:
            return "decimal"
        formats = self._element.xpath(
            f'./w:abstractNum[@w:abstractNumId="{abstract[0]}"]/w:lvl[@w:ilvl="{level}"]/w:numFmt/@w:val'
        )
        return str(formats[0]) if formats else "decimal"


def _year_in(text: str) -> int | None:
    """The B.E. year a heading names ("ปี 2568", "พ.ศ. ๒๕๖๗"), the last one if it names several."""
    years = [int(arabic_digits(found)) for found in YEAR.findall(text)]
    plausible = [year for year in years if 2400 <= year <= 2700]
    return plausible[-1] if plausible else None
