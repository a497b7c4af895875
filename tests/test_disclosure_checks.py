"""The checks of the OIT lists and registers: each kind of bad input is refused at its file, line and column,
in Thai first, and stops the build with nothing published; what is only unfinished (items missing, dates outside
their fiscal year, titles unconfirmed) warns without failing the check. And what `year_registers` makes of the
seed agency (O26 from its own report) and of the second agency (every item accounted for)."""

from __future__ import annotations

import contextlib
import io
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from support.build import DATA, PROJECT, build_site
from support.data import replace

from itasite import cli
from itasite.data import disclosure_checks
from itasite.data.dataset import load_dataset, read_data
from itasite.data.register import Status, year_registers

AGENCY_B = PROJECT / "tests/fixtures/agency-b/data"
REG = "data/disclosure/2569.yml"
OIT = "data/oit.yml"
FILES = "disclosure/files/2569"


def edit(file: str, old: str, new: str) -> Callable[[Path], None]:
    """The damage that replaces `old` by `new` in one file of the data folder."""
    return lambda data: replace(old, new)(data / file.removeprefix("data/"))


def kept(name: str, content: bytes, line: str = "file: 2569/o1-structure.pdf") -> Callable[[Path], None]:
    """The damage that keeps a file `name` under disclosure/files/2569/ and makes O1's document name it."""

    def damage(data: Path) -> None:
        """Write the file and point the register at it."""
        (data / FILES / name).write_bytes(content)
        replace(line, f"file: 2569/{name}")(data / "disclosure/2569.yml")

    return damage


def linked(data: Path) -> None:
    """Damage: O1's file is a symbolic link to a file outside the data folder."""
    outside = data.parent / "elsewhere.pdf"
    shutil.copy(data / FILES / "o1-structure.pdf", outside)
    (data / FILES / "link.pdf").symlink_to(outside)
    replace("file: 2569/o1-structure.pdf", "file: 2569/link.pdf")(data / "disclosure/2569.yml")


def linked_folder(data: Path) -> None:
    """Damage: the whole files folder is a symbolic link to one outside the data folder."""
    files = data / "disclosure/files"
    shutil.move(files, data.parent / "files-elsewhere")
    files.symlink_to(data.parent / "files-elsewhere")


def too_large(data: Path) -> None:
    """Damage: O1's PDF grows to 21 MB (a sparse file: no disk is used)."""
    with (data / FILES / "o1-structure.pdf").open("r+b") as file:
        file.truncate(21 * 1024 * 1024)


def no_lists(data: Path) -> None:
    """Damage: the folder has no oit.yml."""
    (data / "oit.yml").unlink()


def register_of(year: int) -> Callable[[Path], None]:
    """Damage: the register is for an assessment year no list covers."""

    def damage(data: Path) -> None:
        """Move the register to that year."""
        text = (data / "disclosure/2569.yml").read_text(encoding="utf-8").replace("year: 2569", f"year: {year}")
        (data / "disclosure/2569.yml").unlink()
        (data / f"disclosure/{year}.yml").write_text(text, encoding="utf-8")

    return damage


PDF_LINE = "file: 2569/o1-structure.pdf"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4">%s</svg>'
# (how to break agency-b's data, the exact located Thai message)
BAD = {
    "no oit.yml": (no_lists, f"{REG}:3:7: year: ไม่มีรายการข้อ OIT ของปีประเมิน 2569 ใน data/oit.yml (รายการที่มีใช้กับปี ไม่มี) ให้เพิ่มรายการของปีนั้นพร้อมแหล่งที่มา"),
    "year no list covers": (register_of(2567), "data/disclosure/2567.yml:3:7: year: ไม่มีรายการข้อ OIT ของปีประเมิน 2567 ใน data/oit.yml (รายการที่มีใช้กับปี 2568, 2569 เป็นต้นไป) ให้เพิ่มรายการของปีนั้นพร้อมแหล่งที่มา"),
    "item not in the list": (edit(REG, "  - code: O26", "  - code: O27"), f"{REG}:157:11: items[25].code: ไม่มีข้อ O27 ในรายการข้อ OIT ของปี 2569 (มีข้อ O1, O2, O3, O4, O5, O6, O7, O8, O9, O10, O11, O12, O13, O14, O15, O16, O17, O18, O19, O20, O21, O22, O23, O24, O25, O26)"),
    "duplicate code": (edit(REG, "  - code: O26", "  - code: O25"), f"{REG}:157:11: items[25].code: O25 ซ้ำกับที่มีแล้วในบรรทัด 151 ใส่ได้ครั้งเดียว"),
    "file missing": (edit(REG, PDF_LINE, "file: 2569/o1-missing.pdf"), f"{REG}:8:15: items[0].documents[0].file: ไม่พบไฟล์ 2569/o1-missing.pdf ใน data/disclosure/files/"),
    "file is a link": (linked, f"{REG}:8:15: items[0].documents[0].file: ไฟล์ 2569/link.pdf เป็นทางลัด (symlink) ให้คัดลอกไฟล์จริงมาไว้ใน data/disclosure/files/"),
    "files folder is a link": (linked_folder, f"{REG}:8:15: items[0].documents[0].file: ไฟล์ 2569/o1-structure.pdf เป็นทางลัด (symlink)"),
    "file too large": (too_large, f"{REG}:8:15: items[0].documents[0].file: ไฟล์ใหญ่ 21.0 MB เกินกำหนด 20.0 MB ต่อไฟล์"),
    "program": (kept("setup.exe", b"MZ\x90\x00"), f"{REG}:8:15: items[0].documents[0].file: ใช้ไฟล์ชนิด .exe ไม่ได้ ชนิดที่ใช้ได้: .pdf .doc .docx .odt .xls .xlsx .ods .csv .jpg .jpeg .png .webp .svg"),
    "web page": (kept("o1.html", b"<p>x</p>"), f"{REG}:8:15: items[0].documents[0].file: ใช้ไฟล์ชนิด .html ไม่ได้"),
    "script": (kept("o1.js", b"alert(1)"), f"{REG}:8:15: items[0].documents[0].file: ใช้ไฟล์ชนิด .js ไม่ได้"),
    "no suffix": (kept("o1", b"%PDF-1.4"), f"{REG}:8:15: items[0].documents[0].file: ใช้ไฟล์ชนิด - ไม่ได้"),
    "svg with script": (kept("o1.svg", SVG % b"\n<g>\n  <script>alert(1)</script></g>\n"), f"{REG}:8:15: items[0].documents[0].file: ไฟล์ SVG 2569/o1.svg บรรทัด 3 คอลัมน์ 3 มีสคริปต์"),
    "svg with an event": (kept("o1.svg", SVG % b'<rect onload="alert(1)"/>'), f"{REG}:8:15: items[0].documents[0].file: ไฟล์ SVG 2569/o1.svg บรรทัด 1 คอลัมน์ 62 มีสคริปต์"),
    "svg with a script link": (kept("o1.svg", SVG % b'<a href="javascript:alert(1)"/>'), f"{REG}:8:15: items[0].documents[0].file: ไฟล์ SVG 2569/o1.svg บรรทัด 1 คอลัมน์ 62 มีสคริปต์"),
    "svg with a script of another prefix": (kept("o1.svg", SVG.replace(b"<svg ", b'<svg xmlns:h="http://www.w3.org/1999/xhtml" ') % b"<h:script>alert(1)</h:script>"), f"{REG}:8:15: items[0].documents[0].file: ไฟล์ SVG 2569/o1.svg บรรทัด 1 คอลัมน์ 101 มีสคริปต์"),
    "svg with an entity": (kept("o1.svg", b'<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>' + SVG % b"<text>&x;</text>"), f"{REG}:8:15: items[0].documents[0].file: ไฟล์ SVG 2569/o1.svg บรรทัด 1 คอลัมน์ 15 มีสคริปต์"),
    "svg with html": (kept("o1.svg", SVG % b"<foreignObject><p>x</p></foreignObject>"), f"{REG}:8:15: items[0].documents[0].file: ไฟล์ SVG 2569/o1.svg บรรทัด 1 คอลัมน์ 62 มีสคริปต์"),
    "mailto link": (edit(REG, "url: https://thotlong.example.go.th/ita/2569/o4", "url: mailto:ita@example.go.th"), f"{REG}:29:14: items[3].documents[0].url: ลิงก์ของเอกสารต้องขึ้นต้นด้วย http:// หรือ https:// (ที่เขียนไว้คือ mailto:ita@example.go.th)"),
    "tel link": (edit(REG, "url: https://thotlong.example.go.th/ita/2569/o4", "url: tel:+6654000000"), f"{REG}:29:14: items[3].documents[0].url: ลิงก์ของเอกสารต้องขึ้นต้นด้วย http:// หรือ https://"),
    "item twice in a list": (edit(OIT, "      - code: O26\n        title: {th: \"รายงานผลการดำเนินการเพื่อส่งเสริม", "      - code: O25\n        title: {th: \"รายงานผลการดำเนินการเพื่อส่งเสริม"), f"{OIT}:190:15: periods[1].items[25].code: O25 ซ้ำกับที่มีแล้วในบรรทัด 184 ใส่ได้ครั้งเดียว"),
    "group not defined": (edit(OIT, '      - code: O4\n        title: {th: "ข่าวประชาสัมพันธ์", en: "News"}\n        group: "9.1"', '      - code: O4\n        title: {th: "ข่าวประชาสัมพันธ์", en: "News"}\n        group: "9.2"'), f"{OIT}:50:16: periods[0].items[3].group: ไม่มีกลุ่มตัวชี้วัดย่อย 9.2 ในรายการนี้ (groups: มี 9.1)"),
    "overlapping lists": (edit(OIT, "    last_year: 2568\n", "    last_year: 2569\n"), f"{OIT}:113:17: periods[1].first_year: ช่วงปีทับกับรายการ oit-2568 ให้กำหนด last_year ของ oit-2568 ให้ก่อนปี 2569"),
}  # fmt: skip


@pytest.fixture
def agency_b(tmp_path: Path) -> Path:
    """A writable copy of the second agency's data, whose register names every item and keeps files."""
    target = tmp_path / "data"
    shutil.copytree(AGENCY_B, target)
    return target


def run(*argv: str) -> tuple[int, str]:
    """A command's exit status and everything it printed."""
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
        status = cli.main(list(argv))
    return status, printed.getvalue()


def test_the_second_agency_has_no_problem():
    assert read_data(AGENCY_B).problems == []


@pytest.mark.parametrize("case", BAD)
def test_bad_input_is_refused_where_it_is(case, agency_b):
    damage, expected = BAD[case]
    damage(agency_b)
    lines = [problem.text("th") for problem in read_data(agency_b).problems]
    assert any(line.startswith(expected) for line in lines), "\n".join(lines)


def test_all_files_together_over_the_limit_are_refused(agency_b, monkeypatch):
    monkeypatch.setattr(disclosure_checks, "MAX_FILES_BYTES", 40 * 1024)
    lines = [problem.text("th") for problem in read_data(agency_b).problems]
    assert lines == [
        f"{REG}:70:15: items[10].documents[0].file: ไฟล์ทั้งหมดใน data/disclosure/files/ รวมกัน 42 KB เกินกำหนด 40 KB"
        " ให้เผยแพร่บางไฟล์ที่อื่นแล้วใส่ลิงก์ (url:) แทน"
    ]


def test_a_broken_register_is_said_in_english_too(agency_b):
    edit(REG, "  - code: O26", "  - code: O27")(agency_b)
    [problem] = read_data(agency_b).problems
    assert problem.message("en").startswith("the OIT list of 2569 has no item O27 (it has O1, O2,")


def test_the_check_warns_of_what_is_unfinished_without_failing(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    status, printed = run("check", str(data))
    assert status == 0
    lines = printed.splitlines()
    assert (
        "data/disclosure/2569.yml:7:7: year: O1, O2, O3, O4, O5, O6, O7, O8, O9, O10, O11, O12, O13, O14, O15, O16, O17, O18, O19, O20, O21, O22, O23, O24, O25 ยังไม่มีหลักฐาน (ปีประเมิน 2569)"
        in lines
    )
    unconfirmed = [line for line in lines if "ยังไม่ได้ยืนยันกับคู่มือการประเมินของ ป.ป.ช." in line]
    assert [line.split(": ", 1)[1] for line in unconfirmed] == [
        "periods[0].source.confidence: รายการ oit-2568 ยังไม่ได้ยืนยันกับคู่มือการประเมินของ ป.ป.ช. (ความน่าเชื่อถือ: secondary) ข้อที่ยังไม่มีชื่อ: O5, O6, O7",
        "periods[1].source.confidence: รายการ oit-2569 ยังไม่ได้ยืนยันกับคู่มือการประเมินของ ป.ป.ช. (ความน่าเชื่อถือ: secondary) ข้อที่ยังไม่มีชื่อ: O2, O4, O5, O6, O7, O8, O9",
    ]


def test_a_document_outside_its_fiscal_year_warns_as_an_annotation(agency_b):
    # O12 (the annual procurement report) covers fiscal year 2568: 1 October 2024 to 30 September 2025
    edit(REG, "ita/2569/o12\n        published: 2025-09-15", "ita/2569/o12\n        published: 2025-10-01")(agency_b)
    status, printed = run("check", str(agency_b), "--format", "github")
    assert status == 0
    [warning] = [
        line
        for line in printed.splitlines()
        if "2568" in line and "o12" not in line and "::warning" in line and "items[11]" in line
    ]
    assert warning.startswith(
        "::warning file=data/disclosure/2569.yml,line=77,col=20,title=items[11].documents[0].published::"
    )
    assert "วันที่เผยแพร่อยู่นอกปีงบประมาณ 2568 (1 ตุลาคม 2567 ถึง 30 กันยายน 2568) ซึ่งข้อ O12 ต้องเป็นหลักฐานของปีนั้น" in warning


def test_an_official_list_with_every_title_does_not_warn(agency_b):
    text = (agency_b / "oit.yml").read_text(encoding="utf-8")
    start = text.index("  - id: oit-2569")
    (agency_b / "oit.yml").write_text(text[:start].replace("confidence: secondary", "confidence: official")
                                      .replace("      - code: O5\n", '      - code: O5\n        title: {th: "ก"}\n')
                                      .replace("      - code: O6\n", '      - code: O6\n        title: {th: "ข"}\n')
                                      .replace("      - code: O7\n", '      - code: O7\n        title: {th: "ค"}\n'), encoding="utf-8")  # fmt: skip
    edit(REG, "year: 2569", "year: 2568")(agency_b)
    printed = run("check", str(agency_b))[1]
    assert "ยังไม่ได้ยืนยัน" not in printed, printed


def test_the_seed_publishes_o26_from_its_report_and_misses_the_rest():
    [(year, register)] = year_registers(load_dataset(DATA)).items()
    by_code = {status.item.code: status for status in register.items}
    assert (year, len(by_code), register.published) == (2569, 26, 1)
    [evidence] = by_code["O26"].evidence
    assert (evidence.from_data, evidence.data_year) == ("report", 2568)
    assert {code for code, status in by_code.items() if status.status is Status.MISSING} == set(by_code) - {"O26"}


def test_the_second_agency_accounts_for_every_item():
    register = year_registers(load_dataset(AGENCY_B))[2569]
    assert (register.published, register.count(Status.NOT_APPLICABLE), register.count(Status.MISSING)) == (25, 1, 0)
    by_code = {status.item.code: status for status in register.items}
    assert by_code["O10"].status is Status.NOT_APPLICABLE and by_code["O10"].reason is not None
    assert by_code["O11"].answer == "document"
    kinds = {status.evidence[0].file.kind for status in register.items if status.evidence and status.evidence[0].file}
    assert kinds == {"PDF", "PNG", "Word", "Excel"}
    assert all(e.file.size < 40_000 for s in register.items for e in s.evidence if e.file)


@pytest.mark.build
def test_a_broken_register_stops_the_build_and_publishes_nothing(agency_b, tmp_path):
    edit(REG, "  - code: O26", "  - code: O27")(agency_b)
    out = tmp_path / "site"
    result = build_site(out, agency_b, env={"ITA_LANG": "en"})
    assert result.returncode != 0
    assert "items[25].code: the OIT list of 2569 has no item O27" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists() or not any(path.is_file() for path in out.rglob("*"))
