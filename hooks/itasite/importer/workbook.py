"""The workbook a clerk fills in or reviews in Excel: `template` writes an empty one, `export` the current data.

Its measures sheet has the six columns of the Word report, written as the report prints them (numbered
entries "1. …", sub-items "- …", units by their Thai names, the period in Thai), so sheet.py and the
import read it like any report; after them come the columns the Word layout does not have (the year, the
id, the indicators, the English texts). Its scores sheet has a row per year and indicator, with the total
and level the report states. roundtrip.py reads those extra columns back. Its OIT sheets (oitbook.py) hold
the disclosure register, one sheet per assessment year.
"""

from __future__ import annotations

import calendar
import datetime as dt
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..data.dataset import Dataset, load_dataset
from ..data.examples import TEMPLATE_EXAMPLE_TITLE
from ..data.messages import chosen_language, say
from ..data.models import Item, Measure, Text
from ..data.oit import list_for
from ..data.problems import DataError
from ..data.starter import current_fiscal_year
from ..numbers import MONTHS, to_be_year
from .oitbook import add_register_sheet, existing_registers, oit_lists
from .sheet import EXTRA_COLUMNS, MEASURE_COLUMNS, SCORE_COLUMNS, SCORE_EXTRA_COLUMNS

MEASURES_SHEET = "มาตรการ"
SCORES_SHEET = "คะแนน"
TITLE = "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. {year}"
INSTRUCTION = (
    "วิธีกรอก: หนึ่งแถวต่อหนึ่งมาตรการ ใส่ลำดับที่หน้าชื่อ (1. …) ในช่องที่มีหลายข้อ ให้ขึ้นบรรทัดใหม่ (Alt+Enter)"
    " แล้วใส่เลขข้อ (1. 2. 3.) ข้อย่อยขึ้นต้นด้วยขีด (- …) ช่วงเวลาเขียนเป็นเดือนและปี พ.ศ. แทนแถวตัวอย่างได้เลย"
)
SCORES_INSTRUCTION = "วิธีกรอก: หนึ่งแถวต่อหนึ่งตัวชี้วัดของแต่ละปี คะแนนเป็นตัวเลข เช่น 98.57"
WIDTHS = (34, 48, 18, 22, 60, 40)
EXAMPLE = (
    f"1. {TEMPLATE_EXAMPLE_TITLE}",
    "1. จัดทำแนวทางการเผยแพร่ข้อมูล\n2. ปรับปรุงเว็บไซต์ของหน่วยงานให้เป็นปัจจุบัน",
    "สำนักปลัด",
    "ตุลาคม {previous} - กันยายน {year}",
    "1. เผยแพร่ข้อมูลบนเว็บไซต์ในหัวข้อดังนี้\n- ข้อมูลพื้นฐาน\n- การบริหารงาน",
    "ประชาชนเข้าถึงข้อมูลของหน่วยงานได้สะดวก",
)


def run_template(path: Path, year: int | None, force: bool, lang: str | None) -> int:
    """`python -m itasite template FILE.xlsx`: write the empty workbook and say how to import it."""
    lang = chosen_language(lang)
    if problem := _refused(path, force):
        print(say(lang, problem, {"file": path.as_posix()}), file=sys.stderr)
        return 1
    write_template(path, year or current_fiscal_year(dt.date.today()))
    print(say(lang, "template_done", {"file": path.as_posix()}))
    return 0


def run_export(path: Path, data: Path, force: bool, lang: str | None) -> int:
    """`python -m itasite export FILE.xlsx [--data DIR]`: the data folder as a workbook, if the data reads."""
    lang = chosen_language(lang)
    if problem := _refused(path, force):
        print(say(lang, problem, {"file": path.as_posix()}), file=sys.stderr)
        return 1
    try:
        dataset = load_dataset(data.resolve(), Path.cwd())
    except DataError as error:
        print(error.report(lang), file=sys.stderr)
        return 1
    measures, years = export_workbook(dataset, path)
    values = {"file": path.as_posix(), "measures": measures, "years": years, "registers": len(dataset.disclosure)}
    print(say(lang, "export_done", values))
    return 0


def _refused(path: Path, force: bool) -> str | None:
    """Why a workbook may not be written there: not an .xlsx name, or a file a clerk may have edited."""
    if path.suffix.lower() != ".xlsx":
        return "export_not_xlsx"
    return "export_exists" if path.exists() and not force else None


def write_template(path: Path, year: int) -> None:
    """An empty workbook for a report of fiscal year `year`: a title, how to fill it in, the header row and one
    example row on each sheet."""
    workbook, measures, scores = _workbook()
    measures.append([TITLE.format(year=year)])
    measures.append([INSTRUCTION])
    measures.append(list(MEASURE_COLUMNS))
    measures.append([text.format(previous=year - 1, year=year) for text in EXAMPLE])
    scores.append([SCORES_INSTRUCTION])
    scores.append(list(SCORE_COLUMNS))
    scores.append([year, 1, "การปฏิบัติหน้าที่", 100])
    _dress(measures, header=3, columns=len(MEASURE_COLUMNS))
    _dress(scores, header=2, columns=len(SCORE_COLUMNS))
    add_register_sheet(workbook, year, None, list_for(oit_lists(None), year))
    workbook.save(path)


def export_workbook(dataset: Dataset, path: Path) -> tuple[int, int]:
    """Every measure of every year and every year's scores, Thai in the report's columns and the rest after
    them; returns how many measures and years of scores it wrote."""
    workbook, sheet, scores = _workbook()
    sheet.append([*MEASURE_COLUMNS, *EXTRA_COLUMNS])
    count = 0
    for year in sorted(dataset.measures):
        for measure in sorted(dataset.measures[year], key=lambda found: found.number):
            sheet.append(measure_row(measure, dataset))
            count += 1
    scores.append([*SCORE_COLUMNS, *SCORE_EXTRA_COLUMNS])
    for year in sorted(dataset.results, reverse=True):
        results = dataset.results[year]
        stated = [str(results.stated.total), results.stated.level] if results.stated else [None, None]
        for number, score in sorted(results.scores.items()):
            indicator = dataset.indicators_for(year).get(number)
            name = indicator.name.th if indicator else None
            scores.append([year, number, name, float(score), *stated])
            scores.cell(row=scores.max_row, column=4).number_format = "0.00"
    _dress(sheet, header=1, columns=len(MEASURE_COLUMNS) + len(EXTRA_COLUMNS))
    _dress(scores, header=1, columns=len(SCORE_COLUMNS) + len(SCORE_EXTRA_COLUMNS))
    for year, register in sorted(existing_registers(dataset.disclosure).items()):
        add_register_sheet(workbook, year, register, dataset.oit_list_for(year))
    workbook.save(path)
    return count, len(dataset.results)


def measure_row(measure: Measure, dataset: Dataset) -> list[object]:
    """One measure as a row: the six columns as the report prints them, then year, id, indicators, English."""
    units = [dataset.units[unit].name.th if unit in dataset.units else unit for unit in measure.units]
    return [
        f"{measure.number}. {measure.title.th}",
        _cell(listed(measure.steps, "th")),
        _cell(units),
        period_text(measure.period.start, measure.period.end),
        _cell(listed(measure.outputs, "th")),
        _cell(listed(measure.outcomes, "th")),
        measure.year,
        measure.id,
        ", ".join(map(str, measure.indicators)),
        measure.title.en,
        _cell(listed(measure.steps, "en")),
        _cell(listed(measure.outputs, "en")),
        _cell(listed(measure.outcomes, "en")),
    ]


def listed(items: Iterable[Item], lang: str) -> list[str]:
    """A list as the cell lines the import reads: "1. …" for each entry, "- …" for each sub-item."""
    lines = []
    for number, item in enumerate(items, start=1):
        lines.append(f"{number}. {_words(item, lang)}".rstrip())
        lines.extend(f"- {_words(sub, lang)}".rstrip() for sub in item.items)
    return lines


def period_text(start: dt.date, end: dt.date) -> str:
    """A period in Thai as a report writes it ("ตุลาคม 2567 - กันยายน 2568"), with the day only where it is not
    the first or the last of its month."""
    first = "" if start.day == 1 else f"{start.day} "
    last = "" if end.day == calendar.monthrange(end.year, end.month)[1] else f"{end.day} "
    months = MONTHS["th"]
    return (
        f"{first}{months[start.month - 1]} {to_be_year(start.year)} - "
        f"{last}{months[end.month - 1]} {to_be_year(end.year)}"
    )


def _words(text: Text, lang: str) -> str:
    """A text in one language ("" for English not yet written)."""
    return text.th if lang == "th" else text.en or ""


def _cell(lines: list[str]) -> str | None:
    """Lines as one cell's text (Excel shows each on its own line), None when there are none."""
    return "\n".join(lines) or None


def _workbook() -> tuple[Any, Any, Any]:
    """A new workbook with its measures and scores sheets."""
    import openpyxl

    workbook = openpyxl.Workbook()
    measures = workbook.active
    measures.title = MEASURES_SHEET
    return workbook, measures, workbook.create_sheet(SCORES_SHEET)


def _dress(sheet: Any, header: int, columns: int) -> None:
    """Make a sheet readable in Excel: column widths, wrapped cells, the header bold and frozen."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    for column in range(1, columns + 1):
        sheet.column_dimensions[get_column_letter(column)].width = WIDTHS[(column - 1) % len(WIDTHS)]
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in sheet.iter_rows(min_row=header):
        for cell in row:
            cell.alignment = wrap
    for cell in sheet[header]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = sheet.cell(row=header + 1, column=1)
