"""The report's tables kept in a spreadsheet (.xlsx with openpyxl, or .csv), read into the tables of any file.

A measures sheet has the six columns of the Word table (a clerk can paste the table into Excel: a cell then
holds several lines) and, in a workbook that `export` wrote, the columns the Word layout does not have
(the year, the id, the indicators, the English texts) after them. A scores sheet has a row per indicator
and year. Columns are found by their header, wherever they stand and whatever row the header is on.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path

from .docx import looks_like_a_header, wrong_columns
from .source import Cell, Row, SourceDocument, Table
from .unreadable import UnreadableFile

# The headers as the template writes them; a sheet's header is matched by its words without spaces.
MEASURE_COLUMNS = (
    "มาตรการ โครงการ หรือกิจกรรม",
    "ขั้นตอนหรือวิธีการปฏิบัติ",
    "ผู้รับผิดชอบ",
    "ช่วงระยะเวลาในการดำเนินการ",
    "ผลการดำเนินการ (output)",
    "ผลลัพธ์ในการดำเนินงาน (Outcome)",
)
MEASURE_KEYS = ("มาตรการ", "ขั้นตอน", "ผู้รับผิดชอบ", "ช่วงระยะเวลา", "ผลการดำเนินการ", "ผลลัพธ์")
# Columns only a workbook has, after the six, in this order in Row.cells (an empty cell where one is missing).
EXTRA_COLUMNS = (
    "ปีงบประมาณ",
    "รหัสมาตรการ (id)",
    "ตัวชี้วัดที่เกี่ยวข้อง",
    "มาตรการ (English)",
    "ขั้นตอน (English)",
    "ผลการดำเนินการ (English)",
    "ผลลัพธ์ (English)",
)
SCORE_COLUMNS = ("ปีงบประมาณ", "ตัวชี้วัดที่", "รายละเอียดตัวชี้วัด", "คะแนน")
SCORE_KEYS = ("ปีงบประมาณ", "ตัวชี้วัด", "รายละเอียด", "คะแนน")
# Columns only an exported workbook has in its scores sheet, after the four: what the report states.
SCORE_EXTRA_COLUMNS = ("คะแนนรวมตามรายงาน", "ระดับตามรายงาน")
HEADER_ROWS = 10  # the header may sit below a title or an instruction row
MEASURE_NAMES = " · ".join(MEASURE_COLUMNS)


def read_xlsx(path: Path) -> SourceDocument:
    """Every measures and scores sheet of a workbook, values as Excel last computed them (formulas.py)."""
    from .formulas import computed_sheets  # a formula without a value, or an error value, is refused there

    return _document(path.name, computed_sheets(path))


def read_csv(path: Path) -> SourceDocument:
    """A sheet saved as CSV: UTF-8 with or without a BOM, or cp874 as a Thai Excel writes it."""
    text = decoded(path.read_bytes(), path.name)
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = [tuple(row) for row in csv.reader(io.StringIO(text, newline=""), dialect)]
    return _document(path.name, [(path.stem, rows)])


def decoded(data: bytes, name: str) -> str:
    """A text file's characters: UTF-8 (with or without a BOM), UTF-16 with its BOM, else cp874, the Thai
    code page a Thai Windows Excel saves a plain CSV in."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings: tuple[str, ...] = ("utf-16",)
    else:
        encodings = ("utf-8-sig", "cp874")
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableFile("import_text_encoding", {"file": name})


def _document(name: str, sheets: Iterable[tuple[str, Sequence[Sequence[object]]]]) -> SourceDocument:
    """The tables of a file's sheets; no measures sheet at all is an error, as in a Word report."""
    tables: list[Table] = []
    paragraphs: list[str] = []
    for title, rows in sheets:
        found, above = _tables_of(name, title, rows)
        tables.extend(found)
        paragraphs.extend(above)
    if not any(table.kind == "measures" for table in tables):
        raise UnreadableFile("import_no_measures", {"file": name, "columns": MEASURE_NAMES})
    return SourceDocument(name=name, paragraphs=tuple(paragraphs), tables=tuple(tables))


def _tables_of(name: str, title: str, rows: Sequence[Sequence[object]]) -> tuple[list[Table], list[str]]:
    """A sheet's table (the measures, or one score table per year, found from its header row) and the text
    above its header (a title such as "… ประจำปีงบประมาณ พ.ศ. ๒๕๖๘", which gives the year)."""
    where = f"แผ่น {title}"
    above: list[str] = []
    for index, row in enumerate(rows[:HEADER_ROWS]):
        header = [_text(value) for value in row]
        measures = _positions(header, MEASURE_KEYS, EXTRA_COLUMNS)
        if measures is not None:
            body = _rows(rows, index, measures, where, MEASURE_KEYS)
            return ([Table(kind="measures", rows=tuple(body), where=where)] if body else []), above
        scores = _positions(header, SCORE_KEYS, SCORE_EXTRA_COLUMNS)
        if scores is not None:
            return _score_tables(_rows(rows, index, scores, where, SCORE_KEYS), where), above
        kind = looks_like_a_header(header)
        if kind:
            raise wrong_columns(name, f"{where} แถวที่ {index + 1}", kind, [text for text in header if text])
        above.extend(text for text in header if text)
    return [], []  # a sheet of notes, or the instructions


def _positions(header: Sequence[str], keys: Sequence[str], extras: Sequence[str]) -> list[int | None] | None:
    """Where each column stands in a header row (None for a missing extra), or None unless all `keys` are
    there. Extras are matched by their whole name first, so "มาตรการ (English)" is not taken for มาตรการ."""
    squeezed = ["".join(text.split()) for text in header]
    extra_names = ["".join(text.split()) for text in extras]
    taken = {position for position, text in enumerate(squeezed) if text in extra_names}
    found: list[int | None] = []
    for key in keys:
        matches = [at for at, text in enumerate(squeezed) if at not in taken and text.startswith(key)]
        if not matches:
            return None
        taken.add(matches[0])
        found.append(matches[0])
    if not extras:
        return found
    extra_positions = [squeezed.index(name) if name in squeezed else None for name in extra_names]
    return found + extra_positions if any(at is not None for at in extra_positions) else found


def _rows(
    rows: Sequence[Sequence[object]], header: int, positions: list[int | None], where: str, keys: Sequence[str]
) -> list[Row]:
    """The rows under a header, in the columns' order; repeated headers and empty rows dropped."""
    found = []
    for number, row in enumerate(rows[header + 1 :], start=header + 2):
        values = [row[at] if at is not None and at < len(row) else None for at in positions]
        cells = tuple(Cell(_lines(value)) for value in values)
        texts = [cell.text for cell in cells]
        if not any(texts) or _positions(texts[: len(keys)], keys, ()) is not None:
            continue
        found.append(Row(cells=cells, where=f"{where} แถวที่ {number}"))
    return found


def _score_tables(rows: list[Row], where: str) -> list[Table]:
    """The rows of a scores sheet as one table per year, in the order the years first appear; the year cell
    is dropped, so each row has the three columns of a score table in a report."""
    years: dict[str, list[Row]] = {}
    for row in rows:
        years.setdefault(row.cells[0].text, []).append(Row(cells=row.cells[1:], where=row.where))
    tables = []
    for year, members in years.items():
        number = _year(year)
        tables.append(Table(kind="scores", rows=tuple(members), where=f"{where} ปี {year}", year=number))
    return tables


def _year(text: str) -> int | None:
    """A year cell as a number (Thai digits read too), or None for the core to report."""
    from ..numbers import arabic_digits

    digits = arabic_digits(text.strip())
    return int(digits) if digits.isdigit() else None


def _lines(value: object) -> tuple[str, ...]:
    """A cell's lines: each line of its text, trimmed, empty lines dropped."""
    return tuple(" ".join(line.split()) for line in _text(value, keep_lines=True).splitlines() if line.strip())


def _text(value: object, keep_lines: bool = False) -> str:
    """A cell's value as text: a number as written (two decimals for a score Excel stored as 98.5), a date
    as YYYY-MM-DD."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float | Decimal):
        number = Decimal(str(value))
        return str(int(number)) if number == int(number) and number > 100 else f"{number:.2f}"
    if isinstance(value, dt.datetime | dt.date):
        return (value.date() if isinstance(value, dt.datetime) else value).isoformat()
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    return text if keep_lines else " ".join(text.split())
