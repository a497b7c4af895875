"""An exported workbook read back whole: the Thai through the same rules as any report (records.py), then what
only the workbook carries put back on each record: the year of each row, the id, the indicators and the
English texts (the total and level a scores sheet states, records.py reads for any sheet). So data →
workbook → data gives the same files.

A file without those columns (a clerk's own sheet, a Word report) gives what records.py alone gives.
"""

from __future__ import annotations

import re

from ..data.models import LevelsFile, Unit
from ..numbers import arabic_digits
from .records import Imported, records_from
from .source import Cell, Row, SourceDocument, Table

YEAR, ID, INDICATORS, TITLE_EN = 6, 7, 8, 9  # where sheet.py puts the workbook's own columns in a row
LISTS_EN = {"steps": 10, "outputs": 11, "outcomes": 12}
NUMBER = re.compile(r"^\s*([0-9๐-๙]+)\s*[.)]")
MARK = re.compile(r"^\s*(?:[0-9๐-๙]+\s*[.)]|[-–•])\s?")


def records_of_workbook(
    document: SourceDocument,
    year: int | None,
    units: list[Unit],
    indicators: dict[int, str] | None = None,
    levels: LevelsFile | None = None,
) -> list[Imported]:
    """The records of a file, one Imported per fiscal year its measures sheet names (the newest holds every
    year's scores); a file without a year column gives records_from's one Imported."""
    measures = [table for table in document.tables if table.kind == "measures"]
    if not measures or all(len(row.cells) <= YEAR for table in measures for row in table.rows):
        return [records_from(document, year, units, indicators, levels)]
    by_year = _rows_by_year(measures, year)
    scores = tuple(table for table in document.tables if table.kind == "scores")
    known = list(units)
    found = []
    for index, (fiscal_year, rows) in enumerate(sorted(by_year.items(), reverse=True)):
        table = Table(kind="measures", rows=tuple(rows), where=measures[0].where)
        part = SourceDocument(document.name, document.paragraphs, (table, *(scores if index == 0 else ())))
        imported = records_from(part, fiscal_year, known, indicators, levels)
        known += imported.units
        _put_back(imported, rows)
        found.append(imported)
    return sorted(found, key=lambda imported: imported.year)


def _rows_by_year(tables: list[Table], default: int | None) -> dict[int, list[Row]]:
    """The measures rows by the year in their row; a continued row goes with the row above it."""
    by_year: dict[int, list[Row]] = {}
    current = default
    for table in tables:
        for row in table.rows:
            text = arabic_digits(_cell(row, YEAR).text).strip()
            current = int(text) if text.isdigit() else current
            if current is not None:
                by_year.setdefault(current, []).append(row)
    return by_year


def _put_back(imported: Imported, rows: list[Row]) -> None:
    """The workbook's own columns onto the records made from its Thai: matched by the measure's number."""
    first_rows: dict[int, Row] = {}
    for each in rows:
        if found := NUMBER.match(_cell(each, 0).text):
            first_rows.setdefault(int(arabic_digits(found.group(1))), each)
    filled: set[object] = set()
    for measure in imported.measures:
        row = first_rows.get(int(str(measure["number"])))
        if row is None:
            continue
        if identifier := _cell(row, ID).text.strip():
            measure["id"] = identifier
        numbers = [int(number) for number in re.findall(r"\d+", arabic_digits(_cell(row, INDICATORS).text))]
        if numbers:
            measure["indicators"] = numbers
            filled.add(measure["number"])
        title = measure["title"]
        if isinstance(title, dict):
            _set_english(title, _cell(row, TITLE_EN).text)
        for key, column in LISTS_EN.items():
            entries = measure[key]
            if isinstance(entries, list):
                _english_onto(entries, _cell(row, column).lines)
    imported.reviews[:] = [
        review
        for review in imported.reviews
        if not (review.code == "import_no_indicators" and review.values.get("number") in filled)
    ]


def _english_onto(entries: list[dict[str, object]], lines: tuple[str, ...]) -> None:
    """English lines ("1. …", "- …") onto the entries and sub-items they stand beside, in order."""
    english = iter(lines)
    for entry in entries:
        _set_english(entry, next(english, ""))
        items = entry.get("items")
        for item in items if isinstance(items, list) else []:
            _set_english(item, next(english, ""))


def _set_english(text: dict[str, object], line: str) -> None:
    """One text's English, without its number or dash; none when the workbook has none."""
    english = MARK.sub("", line, count=1).strip()
    if english:
        items = text.pop("items", None)
        text["en"] = english  # after the Thai and before the sub-items, as data/ writes a text
        if items is not None:
            text["items"] = items


def _cell(row: Row, index: int) -> Cell:
    """A row's cell at `index`, or an empty one where the row is shorter."""
    return row.cells[index] if index < len(row.cells) else Cell()
