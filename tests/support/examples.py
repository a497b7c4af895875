"""A new agency's folder with its example texts replaced by real-looking ones, as a clerk fills it in."""

from __future__ import annotations

import re
from pathlib import Path

# every example value of the blank folder (itasite.data.examples.EXAMPLES) -> what an agency writes instead
FILLED = {
    "หน่วยงานตัวอย่าง": "องค์การบริหารส่วนตำบลบ้านใหม่",
    "Example Agency": "Ban Mai Subdistrict Administrative Organization",
    "อำเภอตัวอย่าง": "อำเภอบ้านใหม่",
    "จังหวัดตัวอย่าง": "จังหวัดทุ่งยาง",
    "https://www.example.org/": "https://www.banmai.go.th/",
    "www.example.org": "www.banmai.go.th",
    "0 0000 0000": "0 5400 1234",
    "example-unit": "clerk-office",
    "ชื่อสำนัก กอง หรืองานตามที่พิมพ์ในรายงาน": "สำนักปลัด",
    "Name of the office as the report prints it": "Office of the Clerk",
    "01-example-measure": "01-open-services",
    "ชื่อมาตรการตามที่พิมพ์ในรายงาน": "มาตรการเปิดเผยข้อมูลการให้บริการ",
    "ขั้นตอนที่หนึ่ง": "ประกาศขั้นตอนการให้บริการบนเว็บไซต์",
    "ผลการดำเนินการข้อที่หนึ่ง": "ประกาศขั้นตอนการให้บริการแล้ว",
    "ผลลัพธ์ข้อที่หนึ่ง": "ผู้รับบริการทราบขั้นตอนก่อนมาติดต่อ",
    "ย่อหน้าแรกของรายงาน": "รายงานนี้สรุปผลการดำเนินการตามมาตรการของปีงบประมาณ",
}


def _value(text: str) -> re.Pattern[str]:
    """`text` as a whole YAML value, not inside a longer one (www.example.org inside https://www.example.org/)."""
    return re.compile(rf"(?<![\w./:-]){re.escape(text)}(?![\w./-])")


def swap(folder: Path, old: str, new: str) -> None:
    """Write `new` for every value `old` in the folder's files, and in their names (a measure's id is its name)."""
    for path in sorted(folder.rglob("*.yml")):
        path.write_text(_value(old).sub(new, path.read_text(encoding="utf-8")), encoding="utf-8")
        if old in path.stem:
            path.rename(path.with_name(path.name.replace(old, new)))


def fill_in(folder: Path) -> None:
    """Replace every example of a folder `new` wrote, the way a clerk does before publishing."""
    for example, real in FILLED.items():
        swap(folder, example, real)
