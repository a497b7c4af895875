"""A Word or Excel file whose XML declares a DOCTYPE or entities (billion laughs, an external entity naming a
local file) is refused, naming the file and its part, before python-docx or openpyxl parse it: nothing is
written, and nothing of /etc/passwd reaches data/."""

from __future__ import annotations

import re
import zipfile

import pytest
from support.data import tree_digest
from support.report_files import write_word_report, write_workbook_report

from itasite.cli import main

LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10 if n > 1 else "&lol;" * 10}">' for n in range(1, 10))
    + "]>"
)
EXTERNAL = '<!DOCTYPE root [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
PARAMETER = '<!DOCTYPE root [<!ENTITY % remote SYSTEM "file:///etc/passwd"> %remote;]>'
PLAIN = "<!DOCTYPE root>"  # a DOCTYPE with nothing in it: Word never writes one either


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    """The seed report as a real Word file and a real workbook."""
    folder = tmp_path_factory.mktemp("reports")
    return {"docx": write_word_report(folder / "report.docx"), "xlsx": write_workbook_report(folder / "report.xlsx")}


def _hostile(source, target, part: str, declaration: str, reference: str = "", encoding: str = "utf-8"):
    """A copy of a real package with `declaration` put into `part` after its XML declaration, and `reference`
    (an entity's use) in place of the first text the part holds; `encoding` the part's own."""
    with zipfile.ZipFile(source) as package, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for member in package.infolist():
            content = package.read(member)
            if member.filename == part:
                text = re.sub(r"^<\?xml[^>]*\?>", "", content.decode("utf-8")).lstrip()
                if reference:
                    text = re.sub(r"<(w:t|t)( [^>]*)?>[^<]+<", rf"<\1\2>{reference}<", text, count=1)
                content = (f'<?xml version="1.0" encoding="{encoding}"?>' + declaration + text).encode(encoding)
            copy.writestr(member, content)
    return target


CASES = {
    "billion laughs in the Word text": ("docx", "word/document.xml", LAUGHS, "&lol9;", "utf-8"),
    "an external entity in the Word text": ("docx", "word/document.xml", EXTERNAL, "&xxe;", "utf-8"),
    "a parameter entity in the Word styles": ("docx", "word/styles.xml", PARAMETER, "", "utf-8"),
    "a DOCTYPE in the content types": ("docx", "[Content_Types].xml", PLAIN, "", "utf-8"),
    "an external entity in a sheet's text": ("xlsx", "xl/worksheets/sheet1.xml", EXTERNAL, "&xxe;", "utf-8"),
    "billion laughs in the scores sheet": ("xlsx", "xl/worksheets/sheet2.xml", LAUGHS, "&lol9;", "utf-8"),
    "a UTF-16 workbook part": ("xlsx", "xl/workbook.xml", EXTERNAL, "", "utf-16"),
    "a DOCTYPE in a relationship part": ("xlsx", "xl/_rels/workbook.xml.rels", PLAIN, "", "utf-8"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_entity_declarations_are_refused_naming_the_part(reports, tmp_path, data_copy, capsys, case):
    kind, part, declaration, reference, encoding = CASES[case]
    path = _hostile(reports[kind], tmp_path / f"รายงาน.{kind}", part, declaration, reference, encoding)
    before = tree_digest(data_copy)
    assert main(["import", str(path), "--data", str(data_copy), "--force"]) == 1
    error = capsys.readouterr().err
    assert error.startswith(f"รายงาน.{kind}: ส่วน {part} ของไฟล์มีการประกาศ DOCTYPE หรือ ENTITY"), error
    assert "Traceback" not in error and "root:" not in error
    assert tree_digest(data_copy) == before
    assert not [p for p in data_copy.rglob("*") if p.is_file() and b"root:x:0:0" in p.read_bytes()]


def test_the_english_message_names_the_part(reports, tmp_path, data_copy, capsys):
    path = _hostile(reports["docx"], tmp_path / "report.docx", "word/document.xml", EXTERNAL, "&xxe;")
    assert main(["import", str(path), "--data", str(data_copy), "--lang", "en"]) == 1
    assert "report.docx: its part word/document.xml declares a DOCTYPE or an ENTITY" in capsys.readouterr().err


@pytest.mark.parametrize("kind", ["docx", "xlsx"])
def test_a_package_rewritten_without_a_declaration_still_imports(reports, tmp_path, kind):
    part = {"docx": "word/document.xml", "xlsx": "xl/worksheets/sheet1.xml"}[kind]
    path = _hostile(reports[kind], tmp_path / f"report.{kind}", part, "")  # the same rewrite, no DOCTYPE
    data = tmp_path / "data"
    assert main(["import", str(path), "--data", str(data)]) == 0
    assert list((data / "measures/2568").glob("*.yml"))
