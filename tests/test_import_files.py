"""Importing the clerk's own files: every file that cannot be read is refused with its Thai line and nothing
written, and the seed report written as a Word document and as a workbook (tests/support/report_files.py)
reads into the report's tables and gives back the Thai of every measure and score of the seed."""

from __future__ import annotations

import ast
import datetime as dt
import io
import re
import zipfile
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from support.build import DATA
from support.data import tree_digest
from support.report_files import level_name, measures, results, write_word_report, write_workbook_report

from conftest import PROJECT
from itasite.data.messages import table
from itasite.data.models import LevelsFile, UnitsFile
from itasite.importer import records, sniff
from itasite.importer.run import import_file
from itasite.importer.sniff import read_source
from itasite.importer.unreadable import UnreadableFile

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)  # the header block of a compound file


@pytest.fixture(scope="module")
def word_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed report as a Word document."""
    return write_word_report(tmp_path_factory.mktemp("word") / "รายงาน ITA 2568.docx")


@pytest.fixture(scope="module")
def workbook_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed report as a workbook."""
    return write_workbook_report(tmp_path_factory.mktemp("sheet") / "รายงาน ITA 2568.xlsx")


def ole2(*streams: str) -> bytes:
    """A compound file's header with the named streams in its directory (names in UTF-16, as Office writes)."""
    return OLE2 + b"".join(name.encode("utf-16-le").ljust(64, b"\0") for name in streams) + bytes(1024)


def zipped(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip file of these members."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as package:
        for name, content in members.items():
            package.writestr(name, content)
    return buffer.getvalue()


def word_file(path: Path, header: list[str] | None, paragraphs: tuple[str, ...] = ("รายงาน",)) -> Path:
    """A small Word file: paragraphs and, with `header`, a table with that header row and one row."""
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if header:
        grid = document.add_table(rows=2, cols=len(header))
        for cell, text in zip(grid.rows[0].cells, header, strict=True):
            cell.text = text
    document.save(str(path))
    return path


def damaged_member(path: Path, word_report: Path) -> None:
    """The Word report with bytes inside its main part overwritten: the directory is whole, the XML is not."""
    content = bytearray(word_report.read_bytes())
    with zipfile.ZipFile(word_report) as package:
        info = package.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra) + 40
    content[start : start + 200] = bytes(200)
    path.write_bytes(bytes(content))


SIX = ["มาตรการ โครงการ หรือกิจกรรม", "ขั้นตอนหรือวิธีการปฏิบัติ", "ผู้รับผิดชอบ", "ช่วงระยะเวลาในการดำเนินการ"]
BAD_FILES = {
    # name: (file name, how to write it, message code, words the Thai message must hold)
    "empty": ("รายงาน.docx", lambda path, _: path.write_bytes(b""), "import_empty", "ไฟล์ว่าง"),
    "too large": (
        "รายงาน.txt",
        lambda path, _: path.open("wb").truncate(sniff.MAX_FILE_BYTES + 1),
        "import_too_large",
        "เกินกำหนด 50.0 MB",
    ),
    "zip bomb": (
        "รายงาน.docx",
        lambda path, _: path.write_bytes(zipped({"word/document.xml": bytes(40 * sniff.MEGABYTE)})),
        "import_zip_bomb",
        "ไม่ใช่รายงานตามปกติ",
    ),
    "truncated zip": (
        "รายงาน.docx",
        lambda path, report: path.write_bytes(report.read_bytes()[: report.stat().st_size // 2]),
        "import_damaged",
        "ไฟล์เสียหาย",
    ),
    "damaged part": ("รายงาน.docx", damaged_member, "import_damaged", "ไฟล์เสียหาย"),
    "password": ("รายงาน.docx", lambda p, _: p.write_bytes(ole2("EncryptionInfo", "EncryptedPackage")), "import_encrypted", "รหัสผ่าน"),
    "old Word": ("รายงาน.doc", lambda p, _: p.write_bytes(ole2("WordDocument", "1Table")), "import_legacy_doc", "บันทึกเป็น .docx"),
    "old Excel": ("รายงาน.xls", lambda p, _: p.write_bytes(ole2("Workbook")), "import_legacy_xls", "บันทึกเป็น .xlsx"),
    "PDF": ("รายงาน.pdf", lambda p, _: p.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"), "import_pdf", "ไฟล์ .txt"),
    "PDF named docx": ("รายงาน.docx", lambda p, _: p.write_bytes(b"%PDF-1.4\n"), "import_pdf", "ส่งออก PDF เป็น Word"),
    "picture": ("รายงาน.png", lambda p, _: p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200)), "import_not_report", "ไม่ใช่ไฟล์ Word"),
    "slides": ("รายงาน.pptx", lambda p, _: p.write_bytes(zipped({"ppt/presentation.xml": b"<p/>"})), "import_not_report", "ไม่ใช่ไฟล์ Word"),
    "no such file": ("ไม่มี.docx", lambda path, _: None, "import_no_file", "ไม่พบไฟล์"),
    "no measures table": ("รายงาน.docx", lambda p, _: word_file(p, None), "import_no_measures", "ไม่พบตารางมาตรการ"),
    "wrong columns": ("รายงาน.docx", lambda p, _: word_file(p, [*SIX, "ผลการดำเนินการ (output)"]), "import_wrong_columns", "ตารางที่ 1"),
    "scores with a column missing": (
        "รายงาน.docx",
        lambda p, _: word_file(p, ["ตัวชี้วัดที่", "คะแนน"]),
        "import_wrong_columns",
        "ตัวชี้วัดที่ · รายละเอียดตัวชี้วัด · คะแนน",
    ),
    "sheet of other things": (
        "รายงาน.csv",
        lambda p, _: p.write_text("ชื่อ,นามสกุล\nสมชาย,ใจดี\n", encoding="utf-8"),
        "import_no_measures",
        "ไม่พบตารางมาตรการ",
    ),
}  # fmt: skip


@pytest.mark.parametrize("kind", BAD_FILES)
def test_a_file_that_cannot_be_read_is_refused_in_thai_and_nothing_is_written(kind, tmp_path, word_report):
    name, write, code, words = BAD_FILES[kind]
    path = tmp_path / "in" / name
    path.parent.mkdir()
    write(path, word_report)
    data = tmp_path / "data"
    data.mkdir()
    before = tree_digest(data)
    with pytest.raises(UnreadableFile) as raised:
        read_source(path)
    error = raised.value
    assert error.code == code, error.message("en")
    thai, english = error.message("th"), error.message("en")
    assert thai.startswith(f"{name}") and words in thai, thai
    assert english.startswith(f"{name}") and english != thai and "\n" not in thai
    assert tree_digest(data) == before


def test_every_code_the_importer_uses_has_words_in_both_languages():
    codes = set()
    for path in (PROJECT / "hooks/itasite/importer").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                codes |= {node.value} if re.fullmatch(r"(import|export|template)_[a-z_]+", node.value) else set()
    assert {code for _, _, code, _ in BAD_FILES.values()} <= codes
    assert not codes - table("th").keys() and not codes - table("en").keys(), codes - table("th").keys()


def test_a_zip_is_judged_from_its_directory_before_anything_is_unpacked(tmp_path, monkeypatch):
    path = tmp_path / "big.xlsx"
    path.write_bytes(zipped({"xl/workbook.xml": b"x" * 3 * sniff.MEGABYTE}, zipfile.ZIP_STORED))
    monkeypatch.setattr(sniff, "MAX_UNPACKED_BYTES", 2 * sniff.MEGABYTE)
    opened = []
    monkeypatch.setattr(zipfile.ZipFile, "open", lambda *args, **kwargs: opened.append(args))
    with pytest.raises(UnreadableFile) as raised:
        read_source(path)
    assert raised.value.code == "import_zip_bomb" and not opened


def test_the_word_report_reads_into_one_measures_table_and_a_score_table_per_year(word_report):
    document = read_source(word_report)
    kinds = [(found.kind, found.year, len(found.rows)) for found in document.tables]
    assert kinds == [("measures", None, 20), ("scores", 2568, 10), ("scores", 2567, 10)]
    rows = document.tables[0].rows
    assert not any("ขั้นตอนหรือวิธีการปฏิบัติ" in row.cells[1].text for row in rows)  # header rows dropped
    assert rows[0].where == "ตารางที่ 1 แถวที่ 2" and rows[-1].where.startswith("ตารางที่ 6 ")
    first, budget = rows[0].cells, rows[3].cells  # measure 1, then 3 (whose lists Word numbers itself)
    assert first[0].lines == ("๑. การให้บริการแก่ประชาชนตามมาตรฐานการปฏิบัติงาน และการลดขั้นตอนการให้บริการประชาชน",)
    assert first[2].lines == ("ทุกสำนัก/กอง",) and first[3].lines == ("ตุลาคม ๒๕๖๗ - กันยายน ๒๕๖๘",)
    assert budget[1].lines[:2] == ("1. การวิเคราะห์ผลการจัดซื้อจัดจ้างประจำปี", "2. การเปิดเผยข้อมูลการจัดซื้อจัดจ้างประจำปี")
    continued = rows[4].cells  # measure 3 continued: numbers as typed, bullets from Word's list
    assert continued[0].lines == ("มาตรการสร้างความโปร่งใสในการบริหารงบประมาณ (ต่อ)",) and not continued[1].lines
    assert continued[4].lines[:2] == (
        "๔. การเปิดเผยข้อมูลการจัดซื้อจัดจ้างประจำปี บนเว็บไซต์ของหน่วยงาน ในเรื่องดังนี้",
        "- แผนการจัดซื้อจัดจ้างหรือแผนการจัดหาพัสดุ",
    )
    assert document.tables[1].rows[5].cells[2].text == "98.57"
    assert "ของเทศบาลตำบลเมืองปาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘" in document.paragraphs


def test_the_workbook_reads_into_the_same_rows(word_report, workbook_report):
    word, sheet = read_source(word_report), read_source(workbook_report)
    assert [(found.kind, found.year, len(found.rows)) for found in sheet.tables] == [
        (found.kind, found.year, len(found.rows)) for found in word.tables
    ]
    assert sheet.tables[0].rows[0].where == "แผ่น มาตรการ แถวที่ 3"
    for ours, theirs in zip(word.tables[0].rows, sheet.tables[0].rows, strict=True):
        assert [cell.text for cell in ours.cells[2:4]] == [cell.text for cell in theirs.cells[2:4]]
        assert len(ours.cells[4].lines) == len(theirs.cells[4].lines)

    def scores(found):
        """A score table's rows as number, name and score (Excel keeps 100.00 as the number 100)."""
        return [(row.cells[0].text, row.cells[1].text, Decimal(row.cells[2].text)) for row in found.rows]

    assert scores(word.tables[1]) == scores(sheet.tables[1]) and scores(word.tables[2]) == scores(sheet.tables[2])


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp874"])
def test_a_csv_reads_in_the_encodings_thai_excel_saves(tmp_path, encoding):
    header = ",".join([*SIX, "ผลการดำเนินการ (output)", "ผลลัพธ์ในการดำเนินงาน (Outcome)"])
    row = (
        '"๑. มาตรการ No Gift Policy","๑. จัดทำประกาศ\n๒. เผยแพร่",สำนักปลัด,ตุลาคม ๒๕๖๗ - กันยายน ๒๕๖๘,ประกาศแล้ว,ไม่มีข้อร้องเรียน'
    )
    path = tmp_path / "มาตรการ.csv"
    path.write_bytes(f"{header}\r\n{row}\r\n".encode(encoding))
    (found,) = read_source(path).tables
    assert found.rows[0].cells[1].lines == ("๑. จัดทำประกาศ", "๒. เผยแพร่") and found.rows[0].where.endswith("แถวที่ 2")


def thai_fields(imported) -> dict[tuple[object, str], object]:
    """The Thai of every measure field and every score an import gives, keyed by measure (or year) and field."""
    fields: dict[tuple[object, str], object] = {}
    for measure in imported.measures:
        for key in ("title", "units", "period", "steps", "outputs", "outcomes"):
            fields[measure["number"], key] = _thai(measure[key])
    for year, found in imported.results.items():
        for number, score in found["scores"].items():
            fields[year, f"score {number}"] = Decimal(str(score))
        if stated := found.get("stated"):  # the level by its name, whether written as printed or as its id
            level = str(stated["level"])
            names = {level_name(year, identifier): identifier for identifier in ("excellent", "good")}
            fields[year, "stated"] = (Decimal(str(stated["total"])), names.get(level, level))
    return fields


def _thai(value: object) -> object:
    """A field with its English left out and dates as dates, to compare the Thai alone."""
    if isinstance(value, dict):
        if "start" in value:
            return tuple(dt.date.fromisoformat(str(value[key])) for key in ("start", "end"))
        return (value["th"], [_thai(item) for item in value.get("items", [])])
    if isinstance(value, list):
        return [_thai(item) for item in value]
    return value


def seed_fields() -> dict[tuple[object, str], object]:
    """The same fields of the seed's data."""
    return thai_fields(SimpleNamespace(measures=measures(), results=results()))


@pytest.mark.parametrize("report", ["word_report", "workbook_report"])
def test_importing_the_seed_report_gives_the_thai_of_every_measure_and_score(report, request, capsys):
    units = UnitsFile.model_validate(yaml.safe_load((DATA / "units.yml").read_text(encoding="utf-8"))).units
    levels = LevelsFile.model_validate(yaml.safe_load((DATA / "levels.yml").read_text(encoding="utf-8")))
    imported = records.records_from(read_source(request.getfixturevalue(report)), None, units, levels=levels)
    want, got = seed_fields(), thai_fields(imported)
    different = sorted((key for key in want if got.get(key) != want[key]), key=str)
    with capsys.disabled():
        print(f"\n{report}: {len(want) - len(different)}/{len(want)} Thai fields identical to the seed")
    assert imported.year == 2568 and not different, different


def empty_data(folder: Path) -> Path:
    """A data folder with the seed's agency and units and none of its measures or results, to import into."""
    folder.mkdir(parents=True)
    for name in ("agency.yml", "units.yml", "indicators.yml", "levels.yml"):
        (folder / name).write_bytes((DATA / name).read_bytes())
    return folder


def written_fields(data: Path) -> dict[tuple[object, str], object]:
    """The Thai fields of the measure and results files an import wrote into `data`."""
    return thai_fields(
        SimpleNamespace(
            measures=[yaml.safe_load(path.read_text("utf-8")) for path in sorted(data.glob("measures/*/*.yml"))],
            results={int(path.stem): yaml.safe_load(path.read_text("utf-8")) for path in data.glob("results/*.yml")},
        )
    )


@pytest.mark.parametrize("report", ["word_report", "workbook_report"])
def test_the_import_command_writes_the_thai_of_the_seed_from_each_file(report, request, tmp_path, capsys):
    data = empty_data(tmp_path / "data")
    result = import_file(request.getfixturevalue(report), data)
    want, got = seed_fields(), written_fields(data)
    different = sorted((key for key in want if got.get(key) != want[key]), key=str)
    with capsys.disabled():
        print(f"\nimport {report}: {len(want) - len(different)}/{len(want)} Thai fields identical to the seed")
    assert result.year == 2568 and len(list(data.glob("measures/2568/*.yml"))) == 15
    assert not different, different
    again = tree_digest(data)
    import_file(request.getfixturevalue(report), data)
    assert tree_digest(data) == again  # the same file twice gives the same bytes


@pytest.mark.parametrize("kind", ["zip bomb", "password", "old Word", "PDF", "wrong columns"])
def test_the_import_command_writes_nothing_for_a_file_it_cannot_read(kind, tmp_path, word_report):
    name, write, code, _words = BAD_FILES[kind]
    path = tmp_path / name
    write(path, word_report)
    data = empty_data(tmp_path / "data")
    before = tree_digest(data)
    with pytest.raises(UnreadableFile) as raised:
        import_file(path, data)
    assert raised.value.code == code and tree_digest(data) == before


def data_from_workbook(workbook: Path, data: Path) -> Path:
    """The data files an exported workbook gives, every year of it, through the import command's own path."""
    empty_data(data)
    import_file(workbook, data)
    return data


def everything(data: Path) -> dict[str, object]:
    """Every measure and results file of a data folder as its values (comments and layout aside)."""
    files = [*sorted(data.glob("measures/*/*.yml")), *sorted(data.glob("results/*.yml"))]
    return {path.relative_to(data).as_posix(): yaml.safe_load(path.read_text("utf-8")) for path in files}


def test_data_to_workbook_to_data_gives_the_same_files(tmp_path, capsys):
    from itasite.data.dataset import load_dataset
    from itasite.importer.workbook import export_workbook

    assert export_workbook(load_dataset(DATA), tmp_path / "ข้อมูล.xlsx") == (15, 2)
    first = data_from_workbook(tmp_path / "ข้อมูล.xlsx", tmp_path / "first")
    (tmp_path / "again").mkdir()
    export_workbook(load_dataset(first), tmp_path / "again" / "ข้อมูล.xlsx")
    second = data_from_workbook(tmp_path / "again" / "ข้อมูล.xlsx", tmp_path / "second")
    assert tree_digest(first) == tree_digest(second)  # byte for byte, once the import has written them
    seed, back = everything(DATA), everything(first)
    fields = [(name, key) for name, record in seed.items() for key in record]
    same = [field for field in fields if back.get(field[0], {}).get(field[1]) == seed[field[0]][field[1]]]
    with capsys.disabled():
        print(f"\nseed → workbook → data: {len(same)}/{len(fields)} fields identical (Thai, English, ids, indicators)")
    assert len(same) == len(fields), sorted(set(fields) - set(same))


def test_a_clerk_exports_edits_nothing_and_imports_back_the_same_bytes(tmp_path):
    """The review loop of the guide: the data folder as a workbook, opened in Excel and saved, imported back
    over the same folder: every file written by hand comes back byte for byte (the data is in the layout the
    import writes, which `tidy --check` keeps so)."""
    import shutil

    from itasite.data.dataset import load_dataset
    from itasite.importer.workbook import export_workbook

    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    before = tree_digest(data)
    export_workbook(load_dataset(data), tmp_path / "ข้อมูล.xlsx")
    result = import_file(tmp_path / "ข้อมูล.xlsx", data, force=True)
    assert result.written == [] and len(result.unchanged) == 15 + 2 + 1  # measures, results, the 2569 register
    assert tree_digest(data) == before


def test_the_template_reads_back_as_a_report_of_its_year(tmp_path, capsys):
    from itasite.cli import main

    path = tmp_path / "แบบฟอร์ม.xlsx"
    assert main(["template", str(path), "--year", "2569"]) == 0
    assert main(["template", str(path)]) == 1  # never over a file the clerk may have filled in
    assert "มีอยู่แล้ว" in capsys.readouterr().err
    document = read_source(path)
    assert [(found.kind, found.year, len(found.rows)) for found in document.tables] == [
        ("measures", None, 1),
        ("scores", 2569, 1),
    ]
    assert any("ประจำปีงบประมาณ พ.ศ. 2569" in text for text in document.paragraphs)
    imported = records.records_from(document, None, [])
    assert imported.year == 2569 and imported.measures[0]["period"] == {
        "start": dt.date(2025, 10, 1),
        "end": dt.date(2026, 9, 30),
    }


def test_the_templates_example_row_imported_as_it_is_is_not_published(tmp_path):
    """A clerk who imports the template without replacing its example row is told so, at the measure's title."""
    from itasite.cli import main

    path = tmp_path / "แบบฟอร์ม.xlsx"
    assert main(["template", str(path), "--year", "2569"]) == 0
    result = import_file(path, tmp_path / "data")
    titles = [problem.text("th") for problem in result.problems if "title" in problem.text("th")]
    assert titles == [
        "data/measures/2569/01-tuaoi-ng.yml:6:7: title.th: ยังเป็นข้อความตัวอย่าง: "
        "แถวตัวอย่างของแบบฟอร์ม ให้ลบมาตรการนี้ หรือแทนด้วยมาตรการของหน่วยงาน"
    ]


def test_the_export_command_writes_the_workbook_or_says_why_not(tmp_path, capsys):
    from itasite.cli import main

    assert main(["export", str(tmp_path / "ข้อมูล.xlsx"), "--data", str(DATA)]) == 0
    assert "15 มาตรการ, ผลคะแนน 2 ปี, ทะเบียน OIT 1 ปี" in capsys.readouterr().out
    assert main(["export", str(tmp_path / "ข้อมูล.csv"), "--data", str(DATA), "--lang", "en"]) == 1
    assert "must end in .xlsx" in capsys.readouterr().err
    broken = empty_data(tmp_path / "broken")
    (broken / "units.yml").write_text("units: [\n", encoding="utf-8")
    assert main(["export", str(tmp_path / "broken.xlsx"), "--data", str(broken)]) == 1
    assert not (tmp_path / "broken.xlsx").exists()


def test_a_merged_cell_is_read_once_where_the_clerk_sees_it(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("ประจำปีงบประมาณ พ.ศ. ๒๕๖๘")
    grid = document.add_table(rows=3, cols=6)
    for cell, text in zip(grid.rows[0].cells, [*SIX, "ผลการดำเนินการ (output)", "ผลลัพธ์ (Outcome)"], strict=True):
        cell.text = text
    for row, title in ((1, "๑. มาตรการหนึ่ง"), (2, "๒. มาตรการสอง")):
        grid.cell(row, 0).text = title
    grid.cell(1, 2).merge(grid.cell(2, 2)).text = "สำนักปลัด"  # one unit cell for both rows
    grid.cell(1, 4).merge(grid.cell(1, 5)).text = "ประกาศแล้ว"  # output and outcome in one cell
    path = tmp_path / "merged.docx"
    document.save(str(path))
    first, second = read_source(path).tables[0].rows
    assert first.cells[2].lines == ("สำนักปลัด",) and not second.cells[2].lines
    assert first.cells[4].lines == ("ประกาศแล้ว",) and not first.cells[5].lines


def test_a_sheet_with_the_wrong_columns_is_named(tmp_path):
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active.title = "มาตรการ"
    workbook.active.append([*SIX, "หมายเหตุ"])
    workbook.save(tmp_path / "ผิด.xlsx")
    with pytest.raises(UnreadableFile) as raised:
        read_source(tmp_path / "ผิด.xlsx")
    assert raised.value.code == "import_wrong_columns" and "แผ่น มาตรการ แถวที่ 1" in raised.value.message()
