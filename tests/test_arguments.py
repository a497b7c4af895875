"""Mistakes on the command line are told in the clerk's language, naming what is wrong and where the help is,
with argparse's exit status and no usage text in English alone; a fiscal year is a B.E. year, in Thai digits
too."""

from __future__ import annotations

import pytest

from itasite.arguments import parser
from itasite.cli import main


@pytest.mark.parametrize(
    ("argv", "lang", "said"),
    [
        (
            ["import", "report.docx", "--year", "abc"],
            "th",
            "คำสั่งไม่ถูกต้อง: argument --year: ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2568 แต่ได้ 'abc'"
            " (ดูวิธีใช้: python -m itasite import --help)",
        ),
        (
            ["import", "report.docx", "--year", "2025"],
            "th",
            "คำสั่งไม่ถูกต้อง: argument --year: ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2568 แต่ได้ '2025'"
            " (ดูวิธีใช้: python -m itasite import --help)",
        ),
        (
            ["new", "folder", "--year", "25.68"],
            "en",
            "The command is not right: argument --year: the fiscal year must be a B.E. year such as 2568, not"
            " '25.68' (see python -m itasite new --help)",
        ),
        (
            ["template", "t.xlsx", "--year", ""],
            "th",
            "คำสั่งไม่ถูกต้อง: argument --year: ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2568 แต่ได้ ''"
            " (ดูวิธีใช้: python -m itasite template --help)",
        ),
        (
            ["import"],
            "th",
            "คำสั่งไม่ถูกต้อง: the following arguments are required: file (ดูวิธีใช้: python -m itasite import --help)",
        ),
        (["bogus"], "en", "The command is not right: argument COMMAND: invalid choice: 'bogus'"),
    ],
)
def test_a_wrong_command_is_told_in_the_chosen_language(argv, lang, said, capsys, monkeypatch):
    monkeypatch.setenv("ITA_LANG", lang)
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(said), err
    assert "usage:" not in err and "Traceback" not in err


@pytest.mark.parametrize(("given", "year"), [("2568", 2568), ("๒๕๖๘", 2568), ("2500", 2500), ("2700", 2700)])
def test_a_fiscal_year_is_read_in_either_digits(given, year):
    assert parser().parse_args(["import", "report.docx", "--year", given]).year == year
