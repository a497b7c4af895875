"""A workbook's formulas without a computed value, and its error values (#REF!, #DIV/0!), are refused with the
sheet, row and column of each cell: never imported as an empty score or as the text "#REF!"."""

from __future__ import annotations

import openpyxl
import pytest
from support.build import DATA
from support.data import tree_digest
from support.report_files import write_workbook_report

from itasite.cli import main

SCORES = "คะแนน"  # the scores sheet of the seed as a workbook: a row per indicator and year, the score in D


@pytest.fixture(scope="module")
def workbook(tmp_path_factory):
    """The seed report as a clerk's workbook, written by openpyxl."""
    return write_workbook_report(tmp_path_factory.mktemp("workbook") / "report.xlsx")


def _with(workbook, tmp_path, cells: dict[str, object]):
    """A copy of the workbook with the scores sheet's `cells` set (openpyxl stores a formula without its value
    and a "#REF!" as an error value, as Excel does for a formula that failed)."""
    book = openpyxl.load_workbook(workbook)
    for reference, value in cells.items():
        book[SCORES][reference] = value
    path = tmp_path / "รายงาน.xlsx"
    book.save(path)
    return path


@pytest.mark.parametrize(
    ("cells", "lines"),
    [
        (
            {"D2": "=SUM(D3:D5)"},
            ["แผ่น คะแนน แถวที่ 2 คอลัมน์ D: สูตรไม่มีค่าที่คำนวณไว้ (=SUM(D3:D5)) — เปิดแล้วบันทึกใน Excel อีกครั้ง"],
        ),
        ({"D4": "#REF!"}, ["แผ่น คะแนน แถวที่ 4 คอลัมน์ D: สูตรให้ค่าผิดพลาด #REF!"]),
        (
            {"D3": "#DIV/0!", "F7": "=A1*2"},
            ["แผ่น คะแนน แถวที่ 3 คอลัมน์ D: สูตรให้ค่าผิดพลาด #DIV/0!", "แผ่น คะแนน แถวที่ 7 คอลัมน์ F: สูตรไม่มีค่า"],
        ),
    ],
)
def test_uncomputed_cells_are_named_and_nothing_is_written(workbook, tmp_path, data_copy, capsys, cells, lines):
    path = _with(workbook, tmp_path, cells)
    before = tree_digest(data_copy)
    assert main(["import", str(path), "--data", str(data_copy), "--force"]) == 1
    error = capsys.readouterr().err
    assert error.startswith(f"รายงาน.xlsx: มี {len(cells)} ช่องที่ไม่มีค่าให้นำเข้า"), error
    for line in lines:
        assert f"รายงาน.xlsx: {line}" in error
    assert "Traceback" not in error and tree_digest(data_copy) == before


def test_the_english_message_names_the_same_cells(workbook, tmp_path, data_copy, capsys):
    path = _with(workbook, tmp_path, {"D2": "#N/A"})
    assert main(["import", str(path), "--data", str(data_copy), "--lang", "en"]) == 1
    error = capsys.readouterr().err
    assert "รายงาน.xlsx: sheet คะแนน row 2 column D: the formula gives the error value #N/A" in error


def test_a_workbook_whose_formulas_have_values_imports(workbook, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    for name in ("agency.yml", "units.yml", "indicators.yml", "levels.yml"):
        (data / name).write_bytes((DATA / name).read_bytes())
    book = openpyxl.load_workbook(workbook)
    book[SCORES]["J1"] = "ดู #REF! ในแผ่นอื่น"  # a text that mentions an error is not one
    book[SCORES]["K2"] = "'=not a formula"
    path = tmp_path / "report.xlsx"
    book.save(path)
    assert main(["import", str(path), "--data", str(data)]) == 0
