"""A clerk's second year: next year's Word report (made here with python-docx) imported into a data folder that
already holds a year (a copy of the seed's). What only adds (new files, new units at the end of units.yml, new
entries at the end of a list) is written without --force and named in the output; a report that differs from
what the folder holds is refused with each change located in the existing file, and written with --force; a
unit printed by the start of exactly one known unit's name is read as that unit."""

from __future__ import annotations

import contextlib
import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from support.build import DATA, PROJECT
from support.data import replace, tree_digest
from support.report_files import HEADER, SCORE_HEADER, thai

from itasite.cli import main
from itasite.data.models import Text, Unit
from itasite.importer.changes import ExistingChanged, differences, shortened
from itasite.importer.run import import_file
from itasite.importer.units import units_named

YEAR = 2569
PERIOD = "ตุลาคม ๒๕๖๘ - กันยายน ๒๕๖๙"
# Next year's measures as the report prints them: title, steps, responsible units, outputs, outcomes
MEASURES = [
    (
        "มาตรการส่งเสริมการให้บริการอย่างเป็นธรรม",
        ["จัดทำคู่มือการให้บริการ", "เผยแพร่คู่มือการให้บริการทางเว็บไซต์"],
        ["กองคลัง"],
        ["คู่มือการให้บริการ ๑ ฉบับ"],
        ["ประชาชนได้รับบริการอย่างเป็นธรรม"],
    ),
    (
        "มาตรการตรวจสอบการก่อสร้างสาธารณะ",
        ["ตรวจรับงานก่อสร้างทุกโครงการ"],
        ["กองช่าง", "งานตรวจสอบภายใน"],
        ["รายงานผลการตรวจรับงาน"],
        ["งานก่อสร้างได้มาตรฐาน"],
    ),
]
SCORES = {
    2569: ([100, 100, 100, 100, 100, 99.10, 98.20, 97.50, 100, 100], "99.48", "ผ่านดีเยี่ยม"),
    2568: ([100, 100, 100, 100, 100, 98.57, 97.19, 97.96, 100, 100], "99.37", "ผ่านดีเยี่ยม"),
}  # 2568 as the seed's results file holds it, so the year before reads the same


def word_report(path: Path, measures=MEASURES, scores=SCORES) -> Path:
    """Next year's report as a Word file: its title, the measures table, each year's scores and total."""
    import docx

    document = docx.Document()
    document.add_paragraph(
        f"รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. {thai(YEAR)}"
    )
    table = document.add_table(rows=1, cols=len(HEADER))
    for cell, text in zip(table.rows[0].cells, HEADER, strict=True):
        cell.text = text
    for number, (title, steps, units, outputs, outcomes) in enumerate(measures, start=1):
        cells = [[f"{thai(number)}. {title}"], numbered(steps), units, [PERIOD], numbered(outputs), outcomes]
        for cell, lines in zip(table.add_row().cells, cells, strict=True):
            cell.text = "\n".join(lines)
    for year, (values, total, level) in scores.items():
        document.add_paragraph(f"ปี {year}")
        grid = document.add_table(rows=1, cols=len(SCORE_HEADER))
        for cell, text in zip(grid.rows[0].cells, SCORE_HEADER, strict=True):
            cell.text = text
        for number, score in enumerate(values, start=1):
            for cell, text in zip(grid.add_row().cells, (str(number), f"ตัวชี้วัด {number}", f"{score:.2f}"), strict=True):
                cell.text = text
        document.add_paragraph(f"ประจำปีงบประมาณ พ.ศ. {thai(year)} โดยภาพรวมได้คะแนน {total} อยู่ในระดับ{level}")
    document.save(str(path))
    return path


def numbered(items: list[str]) -> list[str]:
    """A cell's items numbered as the report numbers them ("๑. …"), one alone unnumbered."""
    return [f"{thai(at)}. {item}" for at, item in enumerate(items, start=1)] if len(items) > 1 else items


def with_changes(**changes: object) -> list[tuple]:
    """The measures with fields of the first replaced (steps=[…], outputs=[…])."""
    title, steps, units, outputs, outcomes = MEASURES[0]
    first = {"title": title, "steps": steps, "units": units, "outputs": outputs, "outcomes": outcomes, **changes}
    return [tuple(first.values()), *MEASURES[1:]]


@pytest.fixture
def first_year(tmp_path: Path) -> Path:
    """A data folder holding one year: a copy of the seed's."""
    shutil.copytree(DATA, tmp_path / "data")
    return tmp_path / "data"


def imported(report: Path, data: Path, *arguments: str) -> tuple[int, str, str]:
    """The import command run in this process: its status, what it printed, what it reported."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(["import", str(report), "--data", str(data), *arguments])
    return status, out.getvalue(), err.getvalue()


def typed(report: Path, data: Path, *arguments: str) -> tuple[int, str, str]:
    """The import command as a clerk types it (the venv's Python): its status, what it printed, what it
    reported."""
    done = subprocess.run(
        [sys.executable, "-m", "itasite", "import", str(report), "--data", str(data), *arguments],
        cwd=PROJECT,
        capture_output=True,
        text=True,
    )
    return done.returncode, done.stdout, done.stderr


def test_the_second_year_is_added_without_force_and_the_output_says_what(first_year, tmp_path):
    units_before = (first_year / "units.yml").read_bytes()
    before = tree_digest(first_year)
    status, out, err = imported(word_report(tmp_path / "ITA 2569.docx"), first_year)
    assert status == 0, err
    assert "Traceback" not in out + err
    new = sorted(path.relative_to(first_year).as_posix() for path in (first_year / "measures/2569").glob("*.yml"))
    assert len(new) == 2 and (first_year / "results/2569.yml").is_file()
    for name in [*new, "results/2569.yml"]:
        assert f"{first_year.as_posix()}/{name}: ไฟล์ใหม่" in out
    assert f'{first_year.as_posix()}/units.yml: เพิ่ม units[6] (kong-chang, "กองช่าง")' in out
    units_after = (first_year / "units.yml").read_bytes()
    assert units_after.startswith(units_before)  # the earlier entries byte for byte, the new one after them
    assert yaml.safe_load(units_after)["units"][6] == {"id": "kong-chang", "name": {"th": "กองช่าง"}}
    after = tree_digest(first_year)
    assert {name: digest for name, digest in after.items() if name in before and digest != before[name]} == {
        "units.yml": after["units.yml"]
    }  # the first year's files are as they were
    assert "results/2568.yml" in before


def test_importing_the_same_report_again_writes_nothing(first_year, tmp_path):
    report = word_report(tmp_path / "ITA 2569.docx")
    assert import_file(report, first_year).written
    again = tree_digest(first_year)
    result = import_file(report, first_year)
    assert result.written == [] and tree_digest(first_year) == again


# What a later report does to the year already imported: the measures of the report, the files it writes
# without --force (added to or new), and the start of the change line each refusal must hold.
LATER = {
    "a step added at the end": (with_changes(steps=[*MEASURES[0][1], "ประเมินผลการใช้คู่มือ"]), ["01"], None),
    "an output added at the end": (with_changes(outputs=[*MEASURES[0][3], "แบบประเมินความพึงพอใจ"]), ["01"], None),
    "a third measure": ([*MEASURES, MEASURES[0]], ["03"], None),
    "a step reworded": (
        with_changes(steps=["จัดทำคู่มือการให้บริการประชาชน", MEASURES[0][1][1]]),
        [],
        ': steps[0].th: "จัดทำคู่มือการให้บริการ" → "จัดทำคู่มือการให้บริการประชาชน"',
    ),
    "a step gone": (
        with_changes(steps=MEASURES[0][1][:1]),
        [],
        ': steps[1]: {"th": "เผยแพร่คู่มือการให้บริการทางเว็… → (ไม่มี)',
    ),
    "another unit": (with_changes(units=["งานตรวจสอบภายใน"]), [], ': units[0]: "finance" → "internal-audit"'),
}


@pytest.mark.parametrize("case", LATER)
def test_a_later_report_adds_freely_and_changes_only_with_force(case, first_year, tmp_path):
    measures, added, change = LATER[case]
    import_file(word_report(tmp_path / "ITA 2569.docx"), first_year)
    before = tree_digest(first_year)
    report = word_report(tmp_path / "ITA 2569 แก้ไข.docx", measures)
    if change is None:
        result = import_file(report, first_year)
        assert sorted(path.name[:2] for path in result.written) == added
        assert not result.replaced and set(result.written) == {*result.new, *result.added}
        return
    with pytest.raises(ExistingChanged) as raised:
        import_file(report, first_year)
    assert tree_digest(first_year) == before  # nothing written
    message = raised.value.message("th")
    first, *lines = message.splitlines()
    assert "จะเปลี่ยนข้อมูลที่มีอยู่แล้ว" in first and "--force" in first and "เขียนทับ" not in message
    file = next((first_year / "measures/2569").glob("01-*.yml"))
    located = [line for line in lines if line.startswith(f"{file.as_posix()}:") and change in line]
    assert located, message
    line, column = map(int, located[0].removeprefix(f"{file.as_posix()}:").split(":")[:2])
    assert line > 1 and column > 1
    result = import_file(report, first_year, force=True)
    assert result.replaced[file] and file in result.written and tree_digest(first_year) != before


def test_a_refusal_locates_each_change_and_the_command_prints_them_without_a_traceback(first_year, tmp_path):
    replace("  6: 98.57", "  6: 90.00")(first_year / "results/2568.yml")
    before = tree_digest(first_year)
    status, out, err = typed(word_report(tmp_path / "ITA 2569.docx"), first_year)
    assert status == 1 and out == "" and "Traceback" not in err
    assert f"{first_year.as_posix()}/results/2568.yml:9:6: scores[6]: 90.0 → 98.57" in err.splitlines()
    assert tree_digest(first_year) == before
    status, out, err = typed(word_report(tmp_path / "ITA 2569.docx"), first_year, "--force", "--lang", "en")
    assert status == 0 and "Traceback" not in err
    assert f"{first_year.as_posix()}/results/2568.yml: replaced as --force asked (1 values changed)" in out
    assert yaml.safe_load((first_year / "results/2568.yml").read_text("utf-8"))["scores"][6] == 98.57


# (the text now, the report's, what a change line shows of each): long texts that start alike are shown
# from a little before their first difference
SHOWN = [
    ("กองคลัง", "กองช่าง", ('"กองคลัง"', '"กองช่าง"')),
    (1, None, ("1", "null")),
    ("ก" * 60 + "ข", "ก" * 60 + "ค", ("…" + "ก" * 12 + 'ข"', "…" + "ก" * 12 + 'ค"')),
    ("ก" * 80, "ข", ('"' + "ก" * 38 + "…", '"ข"')),
]


@pytest.mark.parametrize(("old", "new", "lines"), SHOWN)
def test_a_change_line_shows_where_the_values_differ(old, new, lines):
    assert shortened(old, new, "th") == lines


# (the file now, the planned file, the changes as field and line:column; additions as fields)
COMPARED = [
    ("a: 1\n", "a: 1\nb: 2\n", [], ["b"]),
    ("a: [1, 2]\n", "a: [1, 2, 3]\n", [], ["a[2]"]),
    ("a: [1, 2]\n", "a: [0, 1, 2]\n", [("a[0]", (1, 5)), ("a[1]", (1, 8))], ["a[2]"]),
    ("a: 1\nb: 2\n", "a: 1\n", [("b", (2, 4))], []),
    ("a: 100\n", "a: 100.00\n", [], []),
    ("a: true\n", "a: 1\n", [("a", (1, 4))], []),
    ("a: {th: x}\n", "a: {th: x, en: y}\n", [], ["a.en"]),
    ("a: 1\n# the clerk's note\nb: 2\n", "a: 1\nb: 2\nc: 3\n", [("", (2, 1))], ["c"]),  # a note would go
    ("a: 1\n# the clerk's note\nb: 2\n", "a: 1\nb: 2\n", [], []),  # nothing to write, so nothing goes
    ("a: [1\n", "a: 1\n", [("", (2, 1))], []),
]


@pytest.mark.parametrize(("old", "new", "changes", "additions"), COMPARED)
def test_an_addition_is_told_from_a_change(old, new, changes, additions):
    from itasite.data.problems import field_name

    found = differences(old.encode(), new.encode())
    assert [(field_name(item.path), item.at) for item in found if not item.added] == changes
    assert [field_name(item.path) for item in found if item.added] == additions


KNOWN = [
    Unit(id="clerk-office", name=Text(th="สำนักปลัด องค์การบริหารส่วนตำบล")),
    Unit(id="finance", name=Text(th="กองคลัง")),
    Unit(id="public-works", name=Text(th="กองช่าง")),
    Unit(id="education", name=Text(th="กองการศึกษา")),
]
# (the cell, the ids it gives, the names read as a known unit, the new units' names)
PREFIXES = [
    ("สำนักปลัด", ["clerk-office"], ["สำนักปลัด"], []),  # the start of one known name: that unit
    ("สำนักปลัด องค์การบริหารส่วนตำบล", ["clerk-office"], [], []),  # the whole name
    ("กอง", ["kong"], [], ["กอง"]),  # the start of three: a new unit
    ("กองสาธารณสุข", ["kong-sathannsuk"], [], ["กองสาธารณสุข"]),  # the start of none: a new unit
    ("กองคลัง, สำนักปลัด", ["finance", "clerk-office"], ["สำนักปลัด"], []),
    ("ส\u0e4d\u0e32นักปลัด องค์การบริหารส่วนตำบล", ["clerk-office"], [], []),  # ํา typed for ำ
    ("กองการ\u200bศึกษา", ["education"], [], []),  # a zero-width space inside
]


@pytest.mark.parametrize(("text", "ids", "read_as", "new"), PREFIXES)
def test_a_unit_named_by_the_start_of_one_known_name_is_that_unit(text, ids, read_as, new):
    added: list[Unit] = []
    found, created, prefixed = units_named(text, KNOWN, added)
    assert found == ids
    assert [name for name, _ in prefixed] == read_as
    assert all(unit.id == "clerk-office" for _, unit in prefixed)
    assert [unit.name.th for unit in created] == new


def test_a_unit_read_as_a_known_one_is_listed_for_review(first_year, tmp_path):
    replace("{th: สำนักปลัด,", "{th: สำนักปลัด เทศบาลตำบลเมืองปาน,")(first_year / "units.yml")
    measures = with_changes(units=["สำนักปลัด"])
    status, out, err = imported(word_report(tmp_path / "ITA 2569.docx", measures), first_year)
    assert status == 0 and "Traceback" not in err
    assert 'อ่าน "สำนักปลัด" เป็นหน่วยงานที่มีอยู่แล้ว "สำนักปลัด เทศบาลตำบลเมืองปาน" (id clerk-office)' in out, out
    measure = yaml.safe_load(next((first_year / "measures/2569").glob("01-*.yml")).read_text("utf-8"))
    assert measure["units"] == ["clerk-office"]
    status, out, _ = imported(word_report(tmp_path / "ITA 2569.docx", measures), first_year, "--lang", "en")
    assert 'read "สำนักปลัด" as the existing unit "สำนักปลัด เทศบาลตำบลเมืองปาน" (id clerk-office)' in out
