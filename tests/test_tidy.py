"""`tidy` lays out the files the import writes as the import writes them, without changing what they hold,
and leaves alone a file whose comments a rewrite would lose. The tests' data folders are in that layout, so
that data → workbook → data gives their bytes back (tests/test_import_files.py)."""

from __future__ import annotations

import pytest
from support.build import DATA

from conftest import PROJECT
from itasite.cli import main
from itasite.data.tidy import laid_out, tidy

FOLDERS = (DATA, PROJECT / "tests" / "fixtures" / "agency-b" / "data")
CASES = {
    "a list a line per entry goes on one line": ("units:\n  - finance\n  - hr\n", "units: [finance, hr]\n"),
    "scores keep their two decimals": ("scores:\n  1: 100.00\n  6: 98.5\n", "scores:\n  1: 100.00\n  6: 98.50\n"),
    "a unit's name on one line": (
        "units:\n  - id: finance\n    name:\n      th: กองคลัง\n",
        "units:\n  - id: finance\n    name: {th: กองคลัง}\n",
    ),
    "the comments at the top are kept": ("# ปี 2568\n\nyear: 2568\n", "# ปี 2568\n\nyear: 2568\n"),
    "a long text is folded at its spaces": (
        f"th: {'คำ ' * 40}จบ\n",
        f"th: >-\n  {'คำ ' * 33}คำ\n  {'คำ ' * 6}จบ\n",
    ),
    "a text on one line joined from a fold": ("th: >-\n  สั้น\n  ๆ\n", "th: สั้น ๆ\n"),
}
KEPT = {
    "a comment inside": "year: 2568\n# checked by the clerk\nscores: {}\n",
    "a comment after a value": "year: 2568  # the fiscal year\n",
    "not YAML": "year: [2568\n",
}


@pytest.mark.parametrize("case", CASES)
def test_a_file_is_laid_out_as_the_import_writes_it(case):
    before, after = CASES[case]
    assert laid_out(before) == after
    assert laid_out(after) == after  # tidy twice, same bytes


@pytest.mark.parametrize("case", KEPT)
def test_a_file_a_rewrite_would_lose_something_of_is_left_alone(case):
    assert laid_out(KEPT[case]) is None


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda folder: folder.parent.name)
def test_the_tests_data_is_in_the_import_layout(folder):
    found = tidy(folder, check=True)
    assert found.changed == [] and found.kept == [], "run: python -m itasite tidy " + folder.as_posix()


def test_the_command_lays_out_a_folder_and_check_then_passes(tmp_path, capsys):
    (tmp_path / "results").mkdir()
    (tmp_path / "results" / "2568.yml").write_text("year: 2568\nscores: {1: 100.00}\n", encoding="utf-8")
    (tmp_path / "units.yml").write_text("units: []  # none yet\n", encoding="utf-8")
    assert main(["tidy", str(tmp_path), "--check"]) == 1
    assert "2568.yml: รูปแบบไฟล์ไม่ตรงกับที่คำสั่งนำเข้าเขียน" in capsys.readouterr().out
    assert main(["tidy", str(tmp_path), "--lang", "en"]) == 0
    out, err = capsys.readouterr()
    assert "1 files laid out anew, 0 already so, 1 left as they are" in out and "units.yml: left as it is" in err
    assert main(["tidy", str(tmp_path), "--check"]) == 0
    assert (tmp_path / "units.yml").read_text(encoding="utf-8") == "units: []  # none yet\n"
