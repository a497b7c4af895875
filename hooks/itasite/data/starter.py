"""A new agency's data folder: every file a site needs, with Thai comments saying what goes where.

`python -m itasite new FOLDER` writes it. The files come from `blank/` beside this module: the national ITA
framework and scoring schemes as they are, and an agency, its units, one year's results, one measure and
one report with example values (nothing of any real agency), for the fiscal year asked for. `examples.py` lists
those values, and the data load refuses a folder that still holds one. The OIT lists (oit.yml) come as shipped,
with the register of the year (disclosure/YYYY.yml) listing every item of its list without documents, so the
check names them all as still missing until the clerk fills them in.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from string import Template

import yaml

from ..numbers import fiscal_year_bounds, to_be_year
from .oit import OitFile, list_for

BLANK = Path(__file__).parent / "blank"
# file in blank/ -> where it goes in the new folder ({year} is the fiscal year)
LAYOUT = {
    "agency.yml": "agency.yml",
    "units.yml": "units.yml",
    "indicators.yml": "indicators.yml",
    "levels.yml": "levels.yml",
    "national.yml": "national.yml",
    "oit.yml": "oit.yml",
    "results/year.yml": "results/{year}.yml",
    "reports/year.yml": "reports/{year}.yml",
    "measures/measure.yml": "measures/{year}/01-example-measure.yml",
}
FISCAL_YEAR_STARTS = 10  # October: a fiscal year is named after the calendar year it ends in


def current_fiscal_year(today: dt.date) -> int:
    """The Thai fiscal year (B.E.) that `today` falls in."""
    return to_be_year(today.year + (1 if today.month >= FISCAL_YEAR_STARTS else 0))


def new_data_folder(folder: Path, year: int) -> list[Path]:
    """Write a fresh data folder for fiscal year `year`; refuses a folder that already holds files."""
    if folder.exists() and any(folder.iterdir()):
        raise FileExistsError(folder)
    start, end = fiscal_year_bounds(year)
    values = {"year": year, "start": start.isoformat(), "end": end.isoformat()}
    written = []
    for source, target in LAYOUT.items():
        path = folder / target.format(year=year)
        path.parent.mkdir(parents=True, exist_ok=True)
        text = Template((BLANK / source).read_text(encoding="utf-8")).substitute(values)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    register = register_file(year)
    if register is not None:
        path = folder / f"disclosure/{year}.yml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(register, encoding="utf-8")
        written.append(path)
    return written


REGISTER_HEAD = """\
# หลักฐานการเปิดเผยข้อมูลสาธารณะ (OIT) ของการประเมิน ITA ปี {year}: ทุกข้อของปีนี้ตาม oit.yml
# ข้อที่ยังไม่มีเอกสาร (documents: []) คือข้อที่ยังขาด: python -m itasite check เตือนและบอกชื่อข้อ
# เอกสารแต่ละฉบับ: title (ชื่อเอกสาร), url (ลิงก์ http/https) หรือ file (ไฟล์ใต้ data/disclosure/files/),
# published (วันที่เผยแพร่ ค.ศ.-เดือน-วัน) และ path (วิธีเข้าถึงจากหน้าหลักของเว็บไซต์หน่วยงาน ถ้ามี)
# ข้อที่ไม่เกี่ยวข้องกับหน่วยงาน: เขียน not_applicable: เหตุผล แทน documents
year: {year}
items:
"""


def register_file(year: int) -> str | None:
    """The register of assessment year `year` with every item of its list and no documents; None when no
    shipped list covers the year (the clerk then adds the year's list first)."""
    lists = OitFile.model_validate(yaml.safe_load((BLANK / "oit.yml").read_text(encoding="utf-8")))
    items_list = list_for(lists.periods, year)
    if items_list is None:
        return None
    lines = [REGISTER_HEAD.format(year=year)]
    for code, item in items_list.by_code.items():
        title = item.title.th if item.title else "ชื่อข้อรอยืนยันจากคู่มือของ ป.ป.ช."
        lines.append(f"  # {code}: {title}\n  - code: {code}\n    documents: []\n")
    return "".join(lines)


# The example values of blank/agency.yml that a report can tell (its agency's name, district and province),
# each with the line it stands on; the example's English name goes when the Thai one is the report's.
AGENCY_EXAMPLES = {
    "name": (re.compile(r"^(  th: )หน่วยงานตัวอย่าง", re.MULTILINE), re.compile(r"^  en: Example Agency\n", re.MULTILINE)),
    "district": (re.compile(r"^(district: )อำเภอตัวอย่าง", re.MULTILINE), None),
    "province": (re.compile(r"^(province: )จังหวัดตัวอย่าง", re.MULTILINE), None),
}


def _put(value: str) -> Callable[[re.Match[str]], str]:
    """A replacement that keeps what precedes the example on its line and puts `value` for it."""
    return lambda match: match.group(1) + value


def agency_file(found: dict[str, str]) -> str:
    """blank/agency.yml with what a report told of its agency in place of the examples (the rest, the web
    addresses and contacts, stays an example for the clerk to fill in)."""
    text = (BLANK / "agency.yml").read_text(encoding="utf-8")
    for key, value in found.items():
        example, english = AGENCY_EXAMPLES[key]
        text, count = example.subn(_put(value), text)
        if english:
            text, _ = english.subn("", text)
        if count != 1:
            raise AssertionError(f"blank/agency.yml no longer has its example {key}")  # starter and blank disagree
    return text
