"""The seed report as a clerk's own files: a Word document and a workbook, written from the seed's data the
way the printed report lays it out, for the importer's tests (never made by hand, so they follow the data).

The layout follows the seed report's pages (../shared/seed/000_ad945ec5916b0c02.txt): two or three measures
a page, the header row at the top of every page, the outputs of five measures continued on the next page in
a row titled "… (ต่อ)", numbered items ("๑. …") with dash sub-items, units by their Thai names, the period in
Thai ("ตุลาคม ๒๕๖๗ - กันยายน ๒๕๖๘"), then a score table per year under its heading ("ปี 2568"); the Word
file states each year's total and level in a sentence, the workbook in two columns of its scores sheet. In the Word
file, half of the measures use Word's own numbered and bulleted lists (no number in the text), as a clerk's
file may; the first part of the table is one table with its header row repeated inside, the rest one table
per page.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import yaml

from .build import DATA

YEAR = 2568
THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
HEADER = (
    "มาตรการ โครงการ หรือกิจกรรม",
    "ขั้นตอนหรือวิธีการปฏิบัติ",
    "ผู้รับผิดชอบ",
    "ช่วงระยะเวลา ในการดำเนินการ",
    "ผลการดำเนินการ (output)",
    "ผลลัพธ์ในการดำเนินงาน (Outcome)",
)
SCORE_HEADER = ("ตัวชี้วัดที่", "รายละเอียดตัวชี้วัด", "คะแนน")
MONTHS = ("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
          "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม")  # fmt: skip
# The pages of the seed's table: a measure's number, or its number and "+" for the row that continues it.
PAGES = (("1", "2"), ("2+", "3"), ("3+", "4"), ("5", "6", "7"), ("7+", "8"), ("9", "10"), ("10+", "11"),
         ("12", "13"), ("14", "15"), ("15+",))  # fmt: skip
SPLITS = {2: 3, 3: 3, 7: 3, 10: 2, 15: 4}  # outputs printed before the page ends; the rest go on in "(ต่อ)"
WORD_TABLE_PAGES = 5  # pages 1–5 are one Word table (its header row again on each page), the rest a table each
# The indicator names as the seed report prints them under "สรุปผลการประเมินรายตัวชี้วัด" (some are mislabeled).
PRINTED_NAMES = ("การป้องกันทุจริต", "การใช้งบประมาณ", "การใช้จ่าย", "การใช้จ่ายเงินของราชการ", "การแก้ไขปัญหาการทุจริต",
                 "คุณภาพการดำเนินงาน", "ประสิทธิภาพการสื่อสาร", "การปรับปรุงการทำงาน", "การเปิดเผยข้อมูล",
                 "การป้องกันการทุจริต")  # fmt: skip
TITLE = (
    "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
    "ภายใต้การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ",
    "(Integrity and Transparency Assessment : ITA)",
    "ของเทศบาลตำบลเมืองปาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘",
    "(เดือนตุลาคม ๒๕๖๗ ถึงเดือนกันยายน ๒๕๖๘)",
)


def measures() -> list[dict]:
    """The seed's measures of the year, in their order."""
    folder = DATA / "measures" / str(YEAR)
    return [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.yml"))]


def unit_names() -> dict[str, str]:
    """Each unit's Thai name by id, as the report prints the responsible units."""
    units = yaml.safe_load((DATA / "units.yml").read_text(encoding="utf-8"))["units"]
    return {unit["id"]: unit["name"]["th"] for unit in units}


def results() -> dict[int, dict]:
    """The seed's results files by year, the newest first as the report prints them."""
    files = sorted((DATA / "results").glob("*.yml"), reverse=True)
    return {int(path.stem): yaml.safe_load(path.read_text(encoding="utf-8")) for path in files}


def level_name(year: int, level: str) -> str:
    """A level's Thai name as the report prints it, from the scheme of its year in the seed's levels.yml."""
    for scheme in yaml.safe_load((DATA / "levels.yml").read_text(encoding="utf-8"))["schemes"]:
        if scheme["first_year"] <= year <= scheme.get("last_year", year):
            return next(found["name"]["th"] for found in scheme["levels"] if found["id"] == level)
    raise LookupError(year)


def stated_sentence(year: int, newest: bool) -> str:
    """The sentence the report states a year's total and level in: the newest year's in the introduction,
    the year before in the analysis after the score tables, each in the seed's own words."""
    stated = results()[year]["stated"]
    total = f"{Decimal(str(stated['total'])):.2f}".translate(THAI)
    level = level_name(year, stated["level"])
    if newest:
        return (
            "จากการประเมินผลคุณธรรมและความโปร่งใสในการดำเนินงานของเทศบาลตำบลเมืองปาน ประจำปีงบประมาณ "
            f"พ.ศ. {thai(year)} โดยภาพรวมได้คะแนน {total} อยู่ในระดับ{level} เทศบาลตำบลเมืองปาน จึงได้รายงานผล"
        )
    return (
        "จากข้อมูลผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานของรัฐ (ITA) ของเทศบาลตำบลเมืองปาน"
        f" ในปีงบประมาณ พ.ศ.{thai(year)} มีคะแนนเฉลี่ย {total} คะแนน จากคะแนนเต็ม ๑๐๐ คะแนน"
        f" ผลการประเมินอยู่ในระดับ “{level}” ซึ่งถือเป็นผลการประเมินที่ดี"
    )


def thai(number: int) -> str:
    """A number in Thai digits, as the report prints numbering and years."""
    return str(number).translate(THAI)


def period(measure: dict) -> str:
    """The period as the report writes it: "ตุลาคม ๒๕๖๗ - กันยายน ๒๕๖๘"."""
    start, end = (dt.date.fromisoformat(str(measure["period"][key])) for key in ("start", "end"))
    return " - ".join(f"{MONTHS[day.month - 1]} {thai(day.year + 543)}" for day in (start, end))


def listed(items: list[dict], first: int = 1, numbered: bool | None = None) -> list[tuple[str, str]]:
    """A list as (kind, text) lines: ("number", "๑. …") or ("plain", …) for an entry, ("sub", "- …") for a
    sub-item. A list of one plain entry is printed without a number, as the seed prints measure 1's steps."""
    if numbered is None:
        numbered = len(items) > 1 or first > 1 or any(item.get("items") for item in items)
    lines = []
    for offset, item in enumerate(items):
        text = item["th"]
        lines.append(("number", f"{thai(first + offset)}. {text}") if numbered else ("plain", text))
        lines.extend(("sub", f"- {sub['th']}") for sub in item.get("items", []))
    return lines


def rows(units: dict[str, str] | None = None) -> list[list[tuple[str, list[list[tuple[str, str]]]]]]:
    """The table page by page: each row its measure's number and "+" for a continued row, and six cells of
    (kind, text) lines."""
    units = units or unit_names()
    by_number = {measure["number"]: measure for measure in measures()}
    pages = []
    for page in PAGES:
        page_rows = []
        for entry in page:
            measure = by_number[int(entry.rstrip("+"))]
            cut = SPLITS.get(measure["number"], len(measure["outputs"]))
            if entry.endswith("+"):
                outputs = listed(measure["outputs"][cut:], first=cut + 1)
                cells = [[("plain", f"{measure['title']['th']} (ต่อ)")], [], [], [], outputs, []]
            else:
                numbered = len(measure["outputs"]) > 1 or None
                cells = [
                    [("plain", f"{thai(measure['number'])}. {measure['title']['th']}")],
                    listed(measure["steps"]),
                    [("plain", units[unit]) for unit in measure["units"]],
                    [("plain", period(measure))],
                    listed(measure["outputs"][:cut], numbered=numbered),
                    listed(measure["outcomes"]),
                ]
            page_rows.append((entry, cells))
        pages.append(page_rows)
    return pages


def score_rows(year: int) -> list[tuple[str, str, str]]:
    """A year's score table as printed: number, the printed indicator name, the score with two decimals."""
    scores = results()[year]["scores"]
    return [(str(number), PRINTED_NAMES[number - 1], f"{Decimal(str(score)):.2f}") for number, score in scores.items()]


def write_word_report(path: Path) -> Path:
    """The seed report as a Word document: title, the measures table over ten pages, the score tables."""
    import docx
    from docx.oxml import OxmlElement

    document = docx.Document()
    for line in TITLE:
        document.add_paragraph(line)
    document.add_paragraph(stated_sentence(YEAR, newest=True))
    table = None
    for index, page in enumerate(rows()):
        if index >= WORD_TABLE_PAGES or table is None:
            if table is not None:
                document.add_page_break()
            table = document.add_table(rows=0, cols=len(HEADER))
            table.style = "Table Grid"
        header = table.add_row()
        for cell, text in zip(header.cells, HEADER, strict=True):
            cell.text = text
        if index == 0:
            header._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))  # Word repeats it on every page
        for entry, cells in page:
            # odd measures use Word's lists: numbers and bullets, or bullets alone where a row continues
            word_lists = ("sub",) if entry.endswith("+") else ("number", "sub")
            word_lists = word_lists if int(entry.rstrip("+")) % 2 == 1 else ()
            row = table.add_row()
            for cell, lines in zip(row.cells, cells, strict=True):
                _fill(cell, lines, word_lists)
    for year in results():
        document.add_page_break()
        document.add_paragraph("สรุปผลการประเมินรายตัวชี้วัด")
        document.add_paragraph(f"ปี {year}")
        scores = document.add_table(rows=1, cols=len(SCORE_HEADER))
        for cell, text in zip(scores.rows[0].cells, SCORE_HEADER, strict=True):
            cell.text = text
        for values in score_rows(year):
            for cell, text in zip(scores.add_row().cells, values, strict=True):
                cell.text = text
    document.add_paragraph(stated_sentence(YEAR - 1, newest=False))
    document.add_paragraph("จึงเรียนมาเพื่อโปรดพิจารณา")
    document.save(str(path))
    return path


def _fill(cell, lines: list[tuple[str, str]], word_lists: tuple[str, ...]) -> None:
    """Write a cell's lines as paragraphs; the kinds in `word_lists` ("number", "sub") as Word's own numbered
    and bulleted list paragraphs, their numbers and dashes left to Word."""
    for index, (kind, text) in enumerate(lines):
        style = None
        if kind == "number" and kind in word_lists:
            text, style = text.split(". ", 1)[1], "List Number"
        elif kind == "sub" and kind in word_lists:
            text, style = text.removeprefix("- "), "List Bullet"
        if index == 0:
            paragraph = cell.paragraphs[0]
            paragraph.text = text
            if style:
                paragraph.style = style
        else:
            cell.add_paragraph(text, style=style)


def write_workbook_report(path: Path) -> Path:
    """The seed report as a clerk's workbook: the Word table pasted into a sheet (header rows and "(ต่อ)" rows
    included, each cell's lines in one cell), and a scores sheet of both years."""
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "มาตรการ"
    sheet.append([" ".join(TITLE[::3])])
    for page in rows():
        sheet.append(list(HEADER))
        for _entry, cells in page:
            sheet.append(["\n".join(text for _kind, text in lines) or None for lines in cells])
    scores = workbook.create_sheet("คะแนน")
    scores.append(["ปีงบประมาณ", *SCORE_HEADER, "คะแนนรวมตามรายงาน", "ระดับตามรายงาน"])
    for year, found in results().items():
        stated = [float(found["stated"]["total"]), level_name(year, found["stated"]["level"])]
        for number, name, score in score_rows(year):
            scores.append([year, int(number), name, float(score), *stated])
    workbook.save(path)
    return path
