"""No example of the new-agency folder is published: the data load refuses every text `new` wrote as an example,
at its file, line and field, Thai first with what to write instead; a folder filled in passes."""

from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path

import pytest
from support.examples import FILLED, fill_in, swap

from itasite import cli
from itasite.data.dataset import read_data
from itasite.data.examples import EXAMPLES, texts
from itasite.data.problems import field_name
from itasite.data.starter import new_data_folder
from itasite.data.yamlfile import read_yaml

YEAR = 2568
# The national framework, the same for every agency: real from the first day
NATIONAL = {"indicators.yml", "levels.yml", "national.yml", "oit.yml"}
# The values of the blank folder that are real as they stand (the rest must be in EXAMPLES)
REAL = {
    "https://example.org/ita/",  # site_url: a build at the example address warns, since SITE_URL can set it
    "website", "phone", "เว็บไซต์", "Website", "โทรศัพท์สำนักงาน", "Office phone",  # contact kinds and labels
    f"รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. {YEAR}",
    *(f"O{number}" for number in range(1, 27)),  # the register's item codes, as the year's list has them
}  # fmt: skip


def blank_texts(folder: Path) -> list[tuple[str, str, str]]:
    """Every text of the agency's own files in a folder `new` wrote: (file, field, value)."""
    return [
        (path.relative_to(folder).as_posix(), field_name(where), value)
        for path in sorted(folder.rglob("*.yml"))
        if path.name not in NATIONAL
        for where, value in texts(read_yaml(path).data)
    ]


def example_fields(folder: Path) -> list[tuple[str, str, str]]:
    """The problems of a folder that say a text is still an example: (file, field, Thai message)."""
    return sorted(
        (p.file.removeprefix(f"{folder.name}/"), p.field, p.message("th"))
        for p in read_data(folder).problems
        if p.parts[0].code == "example_text"
    )


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> Path:
    """A folder as `new` writes it."""
    folder = tmp_path_factory.mktemp("new") / "data"
    new_data_folder(folder, YEAR)
    return folder


@pytest.fixture(scope="module")
def filled(made, tmp_path_factory) -> Path:
    """The same folder with every example replaced, as a clerk fills it in."""
    folder = tmp_path_factory.mktemp("filled") / "data"
    shutil.copytree(made, folder)
    fill_in(folder)
    return folder


def test_every_text_of_the_blank_folder_is_an_example_or_real(made):
    unknown = [(file, field, value) for file, field, value in blank_texts(made) if value not in {*EXAMPLES, *REAL}]
    assert not unknown, "add each to EXAMPLES (data/examples.py) or, if an agency publishes it as is, to REAL"
    assert set(FILLED) == set(EXAMPLES)  # the helper that fills a folder in knows every example


def test_every_example_is_in_the_blank_folder(made):
    assert {value for _, _, value in blank_texts(made)} >= set(EXAMPLES)


@pytest.mark.parametrize("example", list(EXAMPLES))
def test_an_example_left_is_refused_at_its_field(example, made, filled, tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(filled, folder)
    swap(folder, FILLED[example], example)
    measure = "01-example-measure"  # the measure's file is named after its id, filled in unless it is the example
    expected = [
        (file if example == measure else file.replace(measure, FILLED[measure]), field)
        for file, field, value in blank_texts(made)
        if value == example
    ]
    found = example_fields(folder)
    assert [(file, field) for file, field, _ in found] == sorted(expected)
    assert all(text.startswith("ยังเป็นข้อความตัวอย่าง: ใส่") or "ตั้ง id" in text for _, _, text in found)
    assert len(read_data(folder).problems) == len(found)  # nothing else is wrong


def run(*argv: str) -> tuple[int, str]:
    """A command's exit status and everything it printed."""
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
        status = cli.main(list(argv))
    return status, printed.getvalue()


def test_check_refuses_a_new_folder_listing_every_example_then_passes_filled_in(tmp_path):
    folder = tmp_path / "data"
    assert run("new", str(folder), "--year", str(YEAR))[0] == 0
    status, printed = run("check", str(folder))
    assert status == 1
    lines = [line for line in printed.splitlines() if "ยังเป็นข้อความตัวอย่าง" in line]
    assert len(lines) == sum(1 for _, _, value in blank_texts(folder) if value in EXAMPLES) == 18
    title = "title: ยังเป็นข้อความตัวอย่าง: ใส่ชื่อมาตรการตามที่พิมพ์ในรายงาน"
    assert f"data/measures/{YEAR}/01-example-measure.yml:6:8: {title}" in lines
    assert "data/units.yml:5:9: units[0].id: ยังเป็นข้อความตัวอย่าง: ใส่ id ของสำนัก กอง หรืองาน" in printed
    assert f"พบปัญหา {len(lines)} จุดในข้อมูล จึงยังไม่เผยแพร่" in printed
    english = run("check", str(folder), "--lang", "en")[1]
    assert "data/agency.yml:5:7: name.th: still an example: write the agency's name as the report prints it" in english
    fill_in(folder)
    status, printed = run("check", str(folder))
    assert status == 0 and "พร้อมเผยแพร่" in printed
