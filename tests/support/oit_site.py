"""A small agency with an OIT list and a register for the disclosure pages' tests: the second agency's data
with a 2569 list of five items (one in a known sub-indicator, one without a title) and a register that has a
link, files kept in the repository, an item not applicable, an item answered by its document, and titles that
try to be HTML or a spreadsheet formula."""

from __future__ import annotations

import shutil
from pathlib import Path

from support.build import PROJECT

AGENCY_B = PROJECT / "tests/fixtures/agency-b/data"
PDF = b"%PDF-1.4\n% a small PDF for the tests\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(40)

OIT_YML = """\
periods:
  - id: oit-2569
    first_year: 2569
    source:
      th: "รายการข้อ OIT ปี 2569 ของการทดสอบ"
      en: "The test's OIT items of 2569"
      confidence: secondary
    groups:
      - {id: "9.1", indicator: 9, name: {th: "ข้อมูลพื้นฐาน", en: "Basic information"}}
    items:
      - code: O1
        title: {th: "โครงสร้าง หน้าที่และอำนาจ", en: "Structure, duties and powers"}
        group: "9.1"
        contains:
          - {th: "แผนผังโครงสร้าง", en: "An organisation chart"}
      - code: O2
        group: "9.1"
      - code: O3
        title: {th: "ข้อมูลการติดต่อและช่องทางการสอบถาม"}
      - code: O10
        title: {th: "ระบบการให้บริการผ่านช่องทางออนไลน์ (E-SERVICE)", en: "Online services (E-SERVICE)"}
      - code: O12
        title: {th: "รายงานสรุปผลการจัดซื้อจัดจ้าง ประจำปี", en: "Annual procurement report"}
        covers: previous
"""

REGISTER_YML = """\
year: 2569
items:
  - code: O1
    documents:
      - title: {th: "แผนผังโครงสร้าง <script>alert(1)</script>", en: "Organisation chart"}
        file: 2569/o1-structure.pdf
        published: 2025-10-15
      - title: {th: "หน้าที่และอำนาจ"}
        url: https://www.example.go.th/about/duties
        published: 2025-10-16
        path: หน้าแรก > เกี่ยวกับเรา > หน้าที่และอำนาจ
  - code: O2
    documents:
      - title: {th: "=HYPERLINK(\\"x\\") ภาพผู้บริหาร"}
        file: 2569/o2-executives.png
        published: 2025-11-01
  - code: O10
    not_applicable: {th: "หน่วยงานไม่มีบริการที่ให้ผ่านช่องทางออนไลน์", en: "The agency offers no service online"}
  - code: O12
    answer: document
    note: {th: "รายงานประจำปีงบประมาณ พ.ศ. 2568"}
    documents:
      - title: {th: "รายงานสรุปผลการจัดซื้อจัดจ้าง ปีงบประมาณ 2568", en: "Procurement report FY2568"}
        file: 2569/o12-procurement.pdf
        published: 2025-10-30
"""

FILES = {"2569/o1-structure.pdf": PDF, "2569/o2-executives.png": PNG, "2569/o12-procurement.pdf": PDF * 3}


def oit_agency(out: Path) -> Path:
    """The data folder of the test agency, written under `out`."""
    data = out / "data"
    shutil.copytree(AGENCY_B, data)
    shutil.rmtree(data / "disclosure", ignore_errors=True)  # the shipped register, when there is one
    (data / "oit.yml").write_text(OIT_YML, encoding="utf-8")
    (data / "disclosure").mkdir()
    (data / "disclosure/2569.yml").write_text(REGISTER_YML, encoding="utf-8")
    for name, content in FILES.items():
        target = data / "disclosure/files" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    return data
