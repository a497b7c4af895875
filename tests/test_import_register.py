"""The OIT register in the clerk's workbook: the template lists every item of the year, export and import give
back the register's file byte for byte, an import adds without --force and refuses changes without it, and
every cell it cannot read (an item code not in the year's list, a date, a link that is not http/https) is named
by its sheet, row and column in Thai, nothing written. Every workbook is a real .xlsx made with openpyxl."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import openpyxl
import pytest
import yaml
from support.build import DATA
from support.data import tree_digest

from itasite.data.dataset import load_dataset
from itasite.data.disclosure import Register
from itasite.importer.changes import ExistingChanged
from itasite.importer.oitbook import REGISTER_HEAD
from itasite.importer.oitsheet import COLUMNS, RegisterCellsBad, date_of
from itasite.importer.run import import_file
from itasite.importer.workbook import export_workbook, write_template

YEAR = 2569
OIT = f"""# OIT items of the assessment years {YEAR} on (a list for the tests).
periods:
  - id: oit-{YEAR}
    first_year: {YEAR}
    source: {{th: รายการทดสอบ, confidence: secondary}}
    groups:
      - {{id: "9.1", indicator: 9, name: {{th: ข้อมูลพื้นฐาน}}}}
    items:
""" + "".join(
    f"      - {{code: O{number}, title: {{th: รายการที่ {number}}}}}\n" if number != 5 else "      - {code: O5}\n"
    for number in range(1, 27)
)
REGISTER = f"""# OIT evidence of assessment year {YEAR}, kept by the clerk.
year: {YEAR}
items:
  - code: O1
    documents:
      - title: {{th: โครงสร้างหน่วยงาน, en: Structure}}
        url: https://www.example.go.th/structure
        published: 2025-11-03
        path: หน้าหลัก > เกี่ยวกับเรา > โครงสร้าง
      - title: {{th: อำนาจหน้าที่}}
        file: o1-powers.pdf
        published: 2025-11-04
  - code: O2
  - code: O10
    not_applicable: {{th: หน่วยงานไม่มีบริการออนไลน์, en: No online services}}
  - code: O11
    answer: document
    note: {{th: รายงานรายเดือน}}
    documents:
      - title: {{th: สรุปผลการจัดซื้อจัดจ้าง ตุลาคม 2568}}
        url: https://www.example.go.th/procurement/2568-10.pdf
        published: 2025-11-10
"""


def register_data(folder: Path) -> Path:
    """The seed's data folder with an OIT list and a register of the year (links, a kept file, an item
    without documents, one not applicable, one answered by its document)."""
    shutil.copytree(DATA, folder)
    (folder / "oit.yml").write_text(OIT, encoding="utf-8")
    (folder / "disclosure/files").mkdir(parents=True)
    (folder / "disclosure/files/o1-powers.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    (folder / f"disclosure/{YEAR}.yml").write_text(REGISTER, encoding="utf-8")
    return folder


def register_sheet(path: Path) -> list[tuple[object, ...]]:
    """The rows of a workbook's register sheet, as openpyxl reads them."""
    workbook = openpyxl.load_workbook(path)
    return [tuple(row) for row in workbook[f"OIT {YEAR}"].iter_rows(values_only=True)]


def test_export_and_import_into_a_copy_give_the_register_byte_for_byte(tmp_path):
    data = register_data(tmp_path / "data")
    before = tree_digest(data)
    export_workbook(load_dataset(data), tmp_path / "ข้อมูล.xlsx")
    result = import_file(tmp_path / "ข้อมูล.xlsx", data)
    assert data / f"disclosure/{YEAR}.yml" in result.unchanged and result.written == []
    assert tree_digest(data) == before


def test_the_register_through_the_workbook_twice_gives_the_same_bytes(tmp_path):
    """data → workbook → a new folder → workbook → another folder: both written registers are identical,
    and mean what the clerk's file means."""
    data = register_data(tmp_path / "data")
    folders = []
    source = data
    for name in ("first", "second"):
        target = tmp_path / name
        target.mkdir()
        (tmp_path / f"{name}-book").mkdir()
        workbook = tmp_path / f"{name}-book/ข้อมูล.xlsx"
        export_workbook(load_dataset(source), workbook)
        for kept in ("agency.yml", "units.yml", "indicators.yml", "levels.yml", "oit.yml"):
            shutil.copy(data / kept, target / kept)
        shutil.copytree(data / "disclosure/files", target / "disclosure/files")
        import_file(workbook, target)
        folders.append(target / f"disclosure/{YEAR}.yml")
        source = target
    first, second = (path.read_bytes() for path in folders)
    assert first == second
    assert Register.model_validate(yaml.safe_load(first)) == Register.model_validate(yaml.safe_load(REGISTER))
    assert first.decode().startswith(REGISTER_HEAD.format(year=YEAR))


def test_the_export_writes_one_row_per_document_and_real_dates(tmp_path):
    data = register_data(tmp_path / "data")
    export_workbook(load_dataset(data), tmp_path / "ข้อมูล.xlsx")
    rows = register_sheet(tmp_path / "ข้อมูล.xlsx")
    assert rows[2][: len(COLUMNS)] == COLUMNS
    body = [row[:7] for row in rows[3:]]
    assert body == [
        ("O1", "รายการที่ 1", "โครงสร้างหน่วยงาน", "https://www.example.go.th/structure",
         dt.datetime(2025, 11, 3), "หน้าหลัก > เกี่ยวกับเรา > โครงสร้าง", None),
        ("O1", "รายการที่ 1", "อำนาจหน้าที่", "o1-powers.pdf", dt.datetime(2025, 11, 4), None, None),
        ("O2", "รายการที่ 2", None, None, None, None, None),
        ("O10", "รายการที่ 10", None, None, None, None, "หน่วยงานไม่มีบริการออนไลน์"),
        ("O11", "รายการที่ 11", "สรุปผลการจัดซื้อจัดจ้าง ตุลาคม 2568",
         "https://www.example.go.th/procurement/2568-10.pdf", dt.datetime(2025, 11, 10), None, None),
    ]  # fmt: skip


def test_the_template_lists_every_item_of_the_year_with_its_title_as_a_hint(tmp_path, monkeypatch):
    from itasite.importer import oitbook

    lists = tmp_path / "lists"
    lists.mkdir()
    (lists / "oit.yml").write_text(OIT, encoding="utf-8")
    monkeypatch.setattr(oitbook, "BLANK", lists)
    write_template(tmp_path / "แบบฟอร์ม.xlsx", YEAR)
    rows = register_sheet(tmp_path / "แบบฟอร์ม.xlsx")
    assert f"พ.ศ. {YEAR}" in str(rows[0][0]) and rows[2][: len(COLUMNS)] == COLUMNS
    assert [row[0] for row in rows[3:]] == [f"O{number}" for number in range(1, 27)]
    assert rows[3][1] == "รายการที่ 1" and rows[7][1] is None  # O5 has no confirmed title
    assert all(value is None for row in rows[3:] for value in row[2:])
    comment = openpyxl.load_workbook(tmp_path / "แบบฟอร์ม.xlsx")[f"OIT {YEAR}"]["B3"].comment
    assert comment is not None and "ไม่อ่านคอลัมน์นี้" in comment.text


def clerk_workbook(path: Path, rows: list[list[object]], title: str = f"OIT {YEAR}") -> Path:
    """A workbook as a clerk fills it: only the register sheet, the Thai header, the rows given."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = title
    sheet.append([f"การเปิดเผยข้อมูลสาธารณะ (OIT) ปีประเมิน พ.ศ. {YEAR}"])
    sheet.append(list(COLUMNS[:7]))
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def bare_data(folder: Path) -> Path:
    """A data folder with the seed's agency and the test list, without a register."""
    folder.mkdir(parents=True)
    for name in ("agency.yml", "units.yml", "indicators.yml", "levels.yml"):
        shutil.copy(DATA / name, folder / name)
    (folder / "oit.yml").write_text(OIT, encoding="utf-8")
    return folder


def test_a_clerks_register_sheet_is_read_with_thai_digits_and_buddhist_era_dates(tmp_path):
    rows = [
        ["๑", None, None, None, None, None, None],
        ["O2", "ข้อมูลผู้บริหาร", "ผู้บริหาร", "https://www.example.go.th/executives", "๑๕ ม.ค. ๖๙", "หน้าหลัก", None],
        [None, None, "ประวัติผู้บริหาร", "https://www.example.go.th/cv", "3/2/2569", None, None],
        ["o10", None, None, None, None, None, "ไม่มีบริการออนไลน์"],
    ]
    data = bare_data(tmp_path / "data")
    import_file(clerk_workbook(tmp_path / "ทะเบียน.xlsx", rows), data)
    written = yaml.safe_load((data / f"disclosure/{YEAR}.yml").read_text("utf-8"))
    assert written == {
        "year": YEAR,
        "items": [
            {"code": "O1", "documents": []},
            {
                "code": "O2",
                "documents": [
                    {"title": {"th": "ผู้บริหาร"}, "url": "https://www.example.go.th/executives",
                     "published": dt.date(2026, 1, 15), "path": "หน้าหลัก"},
                    {"title": {"th": "ประวัติผู้บริหาร"}, "url": "https://www.example.go.th/cv",
                     "published": dt.date(2026, 2, 3)},
                ],
            },
            {"code": "O10", "not_applicable": {"th": "ไม่มีบริการออนไลน์"}},
        ],
    }  # fmt: skip


BAD_CELLS = {
    "code not in the year's list": (
        ["O27", None, "เอกสาร", "https://www.example.go.th/a", dt.date(2026, 1, 5), None, None],
        'แผ่น OIT 2569 แถวที่ 3 คอลัมน์ ข้อ: ไม่มีข้อ "O27" ในรายการ OIT ปี 2569',
    ),
    "date that cannot be read": (
        ["O3", None, "ข้อมูลการติดต่อ", "https://www.example.go.th/contact", "ต้นปี 2569", None, None],
        'แผ่น OIT 2569 แถวที่ 3 คอลัมน์ วันที่เผยแพร่: อ่านวันที่เผยแพร่ "ต้นปี 2569" ไม่ได้',
    ),
    "impossible date": (
        ["O3", None, "ข้อมูลการติดต่อ", "https://www.example.go.th/contact", "31/2/2569", None, None],
        'แผ่น OIT 2569 แถวที่ 3 คอลัมน์ วันที่เผยแพร่: อ่านวันที่เผยแพร่ "31/2/2569" ไม่ได้',
    ),
    "link not http/https": (
        ["O4", None, "ข่าว", "ftp://www.example.go.th/news", dt.date(2026, 1, 5), None, None],
        'แผ่น OIT 2569 แถวที่ 3 คอลัมน์ ลิงก์หรือไฟล์: ลิงก์ "ftp://www.example.go.th/news" ไม่ได้ขึ้นต้นด้วย http://',
    ),
    "javascript link": (
        ["O4", None, "ข่าว", "javascript:alert(1)", dt.date(2026, 1, 5), None, None],
        'แผ่น OIT 2569 แถวที่ 3 คอลัมน์ ลิงก์หรือไฟล์: ลิงก์ "javascript:alert(1)" ไม่ได้ขึ้นต้นด้วย http://',
    ),
}


@pytest.mark.parametrize("case", BAD_CELLS)
def test_a_bad_cell_is_located_in_thai_and_nothing_is_written(case, tmp_path):
    row, message = BAD_CELLS[case]
    data = bare_data(tmp_path / "data")
    before = tree_digest(data)
    good = ["O1", None, "โครงสร้าง", "https://www.example.go.th/s", dt.date(2026, 1, 5), None, None]
    with pytest.raises(RegisterCellsBad) as raised:
        import_file(clerk_workbook(tmp_path / "ทะเบียน.xlsx", [row, good]), data)
    lines = raised.value.message("th").splitlines()
    assert lines[0].startswith("แผ่นทะเบียน OIT มี 1 ช่องที่อ่านไม่ได้") and len(lines) == 2
    assert lines[1].startswith(message), lines[1]
    assert "sheet OIT 2569 row 3 column" in raised.value.message("en")
    assert tree_digest(data) == before


def test_a_register_sheet_without_its_header_is_refused_not_skipped(tmp_path):
    """A sheet named OIT whose header a clerk renamed would lose its rows: it is named, nothing written."""
    path = clerk_workbook(tmp_path / "ทะเบียน.xlsx", [["O1", None, "ก", "https://a.go.th", "1/1/2569"]])
    workbook = openpyxl.load_workbook(path)
    workbook.active["D2"] = "ที่อยู่"
    workbook.save(path)
    data = bare_data(tmp_path / "data")
    with pytest.raises(RegisterCellsBad) as raised:
        import_file(path, data)
    assert raised.value.message("th").splitlines()[1].startswith("แผ่น OIT 2569: แผ่นนี้ไม่มีหัวตารางทะเบียน OIT")
    assert not (data / "disclosure").exists()


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_guides_example_is_the_line_the_import_gives(lang, tmp_path):
    from itasite.importer.review import placed

    good = [[f"O{number}", None, "เอกสาร", "https://a.go.th", "1/1/2569"] for number in range(1, 12)]
    bad = ["O12", None, "เอกสาร", "https://a.go.th", "ต้นปี 2569"]
    with pytest.raises(RegisterCellsBad) as raised:
        import_file(clerk_workbook(tmp_path / "ทะเบียน.xlsx", [*good, bad]), bare_data(tmp_path / "data"))
    line = raised.value.message(lang).splitlines()[1]
    assert placed("แผ่น OIT 2569 แถวที่ 14", lang) in line
    guide = (Path(__file__).parents[1] / f"docs/{lang}/guide/import.md").read_text("utf-8")
    assert line in guide


def test_the_command_prints_each_bad_cell_without_a_traceback(tmp_path, capsys):
    from itasite.cli import main

    data = bare_data(tmp_path / "data")
    row = ["O99", None, "เอกสาร", "mailto:clerk@example.go.th", "เมื่อวาน", None, None]
    path = clerk_workbook(tmp_path / "ทะเบียน.xlsx", [row, ["O1", None, "ก", "www.example.go.th", "1/1/2569"]])
    assert main(["import", str(path), "--data", str(data)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "แถวที่ 3 คอลัมน์ ข้อ" in err and "แถวที่ 4 คอลัมน์ ลิงก์หรือไฟล์" in err


@pytest.mark.parametrize(
    ("cell", "date"),
    [
        (dt.datetime(2026, 1, 15), dt.date(2026, 1, 15)),
        (dt.date(2026, 1, 15), dt.date(2026, 1, 15)),
        (dt.datetime(2569, 1, 15), dt.date(2026, 1, 15)),  # typed as 15/1/2569 in a Thai Excel
        ("15/1/2569", dt.date(2026, 1, 15)),
        ("๑๕/๐๑/๒๕๖๙", dt.date(2026, 1, 15)),
        ("15 มกราคม 2569", dt.date(2026, 1, 15)),
        ("15 ม.ค. 69", dt.date(2026, 1, 15)),
        ("15 มกราคม พ.ศ. ๒๕๖๙", dt.date(2026, 1, 15)),
        ("2026-01-15", dt.date(2026, 1, 15)),
        ("2569-01-15", dt.date(2026, 1, 15)),
        ("15/1/2026", dt.date(2026, 1, 15)),
        ("มกราคม 2569", None),
        ("", None),
        (None, None),
        ("30/2/2569", None),
    ],
)
def test_a_published_date_is_read_as_elsewhere_in_the_import(cell, date):
    assert date_of(cell) == date


def test_an_import_adds_a_document_freely_and_changes_one_only_with_force(tmp_path):
    data = register_data(tmp_path / "data")
    export_workbook(load_dataset(data), tmp_path / "ข้อมูล.xlsx")
    workbook = openpyxl.load_workbook(tmp_path / "ข้อมูล.xlsx")
    sheet = workbook[f"OIT {YEAR}"]
    sheet.append(["O26", None, "รายงานผล", "https://www.example.go.th/o26", dt.date(2025, 12, 1)])
    workbook.save(tmp_path / "เพิ่ม.xlsx")
    result = import_file(tmp_path / "เพิ่ม.xlsx", data)
    assert result.written == [data / f"disclosure/{YEAR}.yml"]
    assert yaml.safe_load((data / f"disclosure/{YEAR}.yml").read_text("utf-8"))["items"][-1]["code"] == "O26"
    kept_head = f"# OIT evidence of assessment year {YEAR}, kept by the clerk."
    assert (data / f"disclosure/{YEAR}.yml").read_text("utf-8").startswith(kept_head)
    sheet["C4"] = "โครงสร้างองค์กร"
    workbook.save(tmp_path / "แก้.xlsx")
    before = tree_digest(data)
    with pytest.raises(ExistingChanged) as raised:
        import_file(tmp_path / "แก้.xlsx", data)
    assert tree_digest(data) == before
    assert f'disclosure/{YEAR}.yml:6:21: items[0].documents[0].title.th: "โครงสร้างหน่วยงาน" → "โครงสร้างองค์กร"' in (
        raised.value.message("th")
    )
    import_file(tmp_path / "แก้.xlsx", data, force=True)
    changed = yaml.safe_load((data / f"disclosure/{YEAR}.yml").read_text("utf-8"))
    assert changed["items"][0]["documents"][0]["title"] == {"th": "โครงสร้างองค์กร", "en": "Structure"}


AGENCY_B = Path(__file__).parent / "fixtures/agency-b/data"


def test_the_second_agencys_register_of_26_items_comes_back_byte_for_byte(tmp_path):
    """The fixture agency's whole register (links, kept files, one item not applicable) exported, then
    imported into a copy of its folder: every file as it was; and into a folder without it: the same register."""
    data = tmp_path / "data"
    shutil.copytree(AGENCY_B, data)
    before = tree_digest(data)
    dataset = load_dataset(data)
    assert len(dataset.disclosure[YEAR].items) == 26
    export_workbook(dataset, tmp_path / "ข้อมูล.xlsx")
    assert len({row[0] for row in register_sheet(tmp_path / "ข้อมูล.xlsx")[3:]}) == 26
    result = import_file(tmp_path / "ข้อมูล.xlsx", data)
    assert result.written == [] and data / f"disclosure/{YEAR}.yml" in result.unchanged
    assert tree_digest(data) == before
    (data / f"disclosure/{YEAR}.yml").unlink()
    import_file(tmp_path / "ข้อมูล.xlsx", data)
    back = (data / f"disclosure/{YEAR}.yml").read_text("utf-8")
    assert Register.model_validate(yaml.safe_load(back)) == dataset.disclosure[YEAR]


def test_the_template_of_2569_lists_the_26_items_of_the_national_list(tmp_path):
    from itasite.data.oit import list_for
    from itasite.importer.oitbook import oit_lists

    write_template(tmp_path / "แบบฟอร์ม.xlsx", YEAR)
    items = list_for(oit_lists(None), YEAR)
    assert items is not None
    rows = register_sheet(tmp_path / "แบบฟอร์ม.xlsx")[3:]
    assert [row[0] for row in rows] == [f"O{number}" for number in range(1, 27)]
    assert [row[1] for row in rows] == [item.title.th if item.title else None for item in items.by_code.values()]


def test_the_template_imported_as_it_is_gives_the_register_new_writes(tmp_path):
    """Every item listed and empty, under the comments of the data folder's own registers (the seed's, with
    its notes on O25 and O26 aside)."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    seed = (data / f"disclosure/{YEAR}.yml").read_text("utf-8")
    (data / f"disclosure/{YEAR}.yml").unlink()
    write_template(tmp_path / "แบบฟอร์ม.xlsx", YEAR)
    workbook = openpyxl.load_workbook(tmp_path / "แบบฟอร์ม.xlsx")
    del workbook["มาตรการ"], workbook["คะแนน"]
    workbook.save(tmp_path / "ทะเบียน.xlsx")
    result = import_file(tmp_path / "ทะเบียน.xlsx", data)
    written = (data / f"disclosure/{YEAR}.yml").read_text("utf-8")
    assert result.new == [data / f"disclosure/{YEAR}.yml"]
    assert [line for line in written.splitlines() if not line.startswith("#")] == [
        line for line in seed.splitlines() if not line.lstrip().startswith("#")
    ]
    assert written.startswith(REGISTER_HEAD.format(year=YEAR)) and seed.startswith(REGISTER_HEAD.format(year=YEAR))
