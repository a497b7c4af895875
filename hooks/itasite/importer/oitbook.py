"""The OIT register sheets of a workbook, between the workbook and `data/disclosure/<year>.yml`: written by
`template` (every item of the year's list, empty) and `export` (the registers as they are), read by `import`.

The year's list comes from the data folder's oit.yml, else the national one of the blank folder. An imported
register whose records mean what the file already holds leaves the file as it is, so export → import gives the
same bytes whatever the file's hand-written layout.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ..data.disclosure import Register
from ..data.oit import OitFile, OitList, list_for
from ..data.starter import BLANK
from ..data.writer import dumped, head_of
from .oitsheet import (
    COLUMNS,
    PUBLISHED,
    TITLE_HINT,
    BadCell,
    RegisterCellsBad,
    is_register_sheet,
    register_of_sheet,
    register_rows,
    sheet_name,
    year_of_sheet,
)
from .review import ImportProblem

INSTRUCTION = (
    "วิธีกรอก: หนึ่งแถวต่อหนึ่งเอกสาร ข้อที่มีหลายเอกสารให้ใส่ข้อซ้ำทุกแถว ข้อที่ยังไม่มีเอกสารเหลือไว้แค่ข้อ"
    " ลิงก์ขึ้นต้นด้วย https:// หรือชื่อไฟล์ใน data/disclosure/files/ วันที่เผยแพร่เป็นวันที่ (เช่น 15/1/2569)"
    " คำอธิบายคือทางคลิกจากหน้าหลัก ข้อที่ไม่เกี่ยวข้องให้เขียนเหตุผลในคอลัมน์ ไม่เกี่ยวข้อง: เหตุผล"
)
HINT = "ชื่อรายการตามรายการ OIT ของปี ใช้ดูเท่านั้น การนำเข้าไม่อ่านคอลัมน์นี้"
# The comments at the top of a new register, as the data folder's own registers have them.
REGISTER_HEAD = (
    "# หลักฐานการเปิดเผยข้อมูลสาธารณะ (OIT) ของการประเมิน ITA ปี {year}: ทุกข้อของปีนี้ตาม oit.yml\n"
    "# ข้อที่ยังไม่มีเอกสาร (documents: []) คือข้อที่ยังขาด: `python -m itasite check` เตือนและบอกชื่อข้อ\n"
    "# เอกสารแต่ละฉบับ: title (ชื่อเอกสาร), url (ลิงก์ http/https) "
    "หรือ file (ไฟล์ใต้ data/disclosure/files/),\n"
    "# published (วันที่เผยแพร่ ค.ศ. เช่น 2025-11-03) และ path (วิธีเข้าถึงจากหน้าหลักของเว็บไซต์หน่วยงาน ถ้ามี)\n"
    "# The OIT evidence of the ITA of assessment year {year}: "
    "every item of that year's list (oit.yml). An item with no\n"
    "# documents is still missing: `python -m itasite check` warns and names it, and the site says so.\n"
)
REGISTER_FLOW = frozenset({"name", "title", "not_applicable", "note"})  # one line each, as the register is written
WIDTHS = (8, 40, 40, 40, 14, 48, 30, 30, 14, 30, 30, 30)


def oit_lists(data_dir: Path | None) -> list[OitList]:
    """The OIT item lists: the data folder's oit.yml, else the blank folder's, else none."""
    for path in ([data_dir / "oit.yml"] if data_dir else []) + [BLANK / "oit.yml"]:
        if path.is_file():
            try:
                return OitFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8"))).periods
            except (yaml.YAMLError, ValueError, UnicodeDecodeError) as error:
                raise ImportProblem("import_oit_unreadable", {"file": path.name}, path.as_posix()) from error
    return []


def add_register_sheet(workbook: Any, year: int, register: dict[str, Any] | None, items: OitList | None) -> None:
    """A register sheet for `year`: a title, how to fill it in, the header, then the register's rows (or, for
    the template, one empty row per item of the year's list)."""
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill

    sheet = workbook.create_sheet(sheet_name(year))
    titles = {item.code: item.title.th for item in items.items if item.title} if items else {}
    if register is None:
        register = {"items": [{"code": code} for code in (items.by_code if items else {})]}
    sheet.append([f"การเปิดเผยข้อมูลสาธารณะ (OIT) ปีประเมิน พ.ศ. {year}"])
    sheet.append([INSTRUCTION])
    sheet.append(list(COLUMNS))
    for row in register_rows(register, titles):
        sheet.append(row)
        cell = sheet.cell(row=sheet.max_row, column=PUBLISHED + 1)
        if cell.value is not None:
            cell.number_format = "d/m/yyyy"
    _dress(sheet)
    sheet.cell(row=3, column=TITLE_HINT + 1).comment = Comment(HINT, "itasite")
    grey = PatternFill("solid", start_color="EEEEEE")
    for (cell,) in sheet.iter_rows(min_row=4, min_col=TITLE_HINT + 1, max_col=TITLE_HINT + 1):
        cell.fill, cell.font = grey, Font(italic=True, color="555555")


def _dress(sheet: Any) -> None:
    """Column widths, wrapped cells, the header bold and frozen."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    for column, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    for row in sheet.iter_rows(min_row=3):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "B4"


def read_register_sheets(path: Path, data_dir: Path) -> dict[int, dict[str, Any]]:
    """The registers a workbook's OIT sheets hold, by year; RegisterCellsBad names every cell that cannot be
    read (nothing is written then). A file that is not a workbook has none."""
    if path.suffix.lower() != ".xlsx":
        return {}
    from .formulas import computed_sheets

    sheets = [(title, rows) for title, rows in computed_sheets(path) if is_register_sheet(title)]
    if not sheets:
        return {}
    lists = oit_lists(data_dir)
    registers: dict[int, dict[str, Any]] = {}
    bad: list[BadCell] = []
    for title, rows in sheets:
        year = year_of_sheet(title, rows)
        if year is None:
            bad.append(BadCell(f"แผ่น {title}", "import_register_no_year", {}))
            continue
        items = list_for(lists, year)
        found: list[BadCell] = []
        register = register_of_sheet(title, rows, year, items, found)
        if register is None and len([row for row in rows if any(row)]) > 2:  # rows below a title and instruction
            bad.append(BadCell(f"แผ่น {title}", "import_register_no_header", {"columns": " · ".join(COLUMNS[2:6])}))
        if items is None and (found or (register and register["items"])):
            bad.append(BadCell(f"แผ่น {title}", "import_register_no_list", {"year": year}))
        elif items is not None and register is not None:
            registers[year] = register
            bad += found
    if bad:
        raise RegisterCellsBad(bad)
    return registers


def register_files(registers: dict[int, dict[str, Any]], data_dir: Path) -> dict[str, bytes]:
    """The register files to write, by path in the data folder. A file whose register means the same as the
    planned one keeps its bytes (its comments and layout), so a round trip changes nothing."""
    files: dict[str, bytes] = {}
    for year, register in sorted(registers.items()):
        relative = f"disclosure/{year}.yml"
        target = data_dir / relative
        comment = REGISTER_HEAD.format(year=year)
        if target.is_file():
            text = target.read_text(encoding="utf-8")
            if _same_register(text, register):
                files[relative] = text.encode()
                continue
            comment = head_of(text) or comment
        files[relative] = (comment + dumped(register, REGISTER_FLOW)).encode()
    return files


def _same_register(text: str, register: dict[str, Any]) -> bool:
    """Whether a register file's text means what `register` does (both read through the schema)."""
    try:
        return Register.model_validate(yaml.safe_load(text)) == Register.model_validate(register)
    except (yaml.YAMLError, ValueError):
        return False


def existing_registers(dataset_disclosure: dict[int, Register]) -> dict[int, dict[str, Any]]:
    """The dataset's registers as plain records (dates kept as dates), for export."""
    return {
        year: register.model_dump(mode="python", exclude_none=True, exclude_defaults=True)
        for year, register in dataset_disclosure.items()
    }
