"""Only regular files inside the data folder are read or published, a file the reader would not read is named
with the name it should have, and no YAML file ends in a traceback: links, misnamed and stray files, SVG logos
that could run a script, nesting thousands deep and dates no calendar has. Each is a located problem of the
pipeline, of the real `check` command and of the real build, which leaves the published site as it was."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from support.build import PROJECT, build_site
from support.data import replace, tree_digest

from itasite.data.dataset import read_data
from itasite.data.logofile import svg_problem
from itasite.data.messages import say
from itasite.data.tidy import laid_out, tidy
from itasite.data.upgrade import _parsed
from itasite.data.yamlfile import MAX_DEPTH, YamlProblem, parse_yaml
from itasite.site.datachanges import fields

MEASURE = "measures/2568/06-conflict-of-interest.yml"
SVG_HEAD = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 24 24">\n'
CLEAN_SVG = SVG_HEAD + '<circle cx="12" cy="12" r="10" fill="url(#g)"/><text x="12" y="16">บท</text></svg>'


def problems(data: Path, lang: str = "en") -> list[str]:
    """Every problem the reader and the checks find in the data folder, as the clerk reads them."""
    return [problem.text(lang) for problem in read_data(data).problems]


def yaml_message(text: str, lang: str = "en") -> str:
    """The located message of a YAML text that cannot be read: `line:column: message`."""
    with pytest.raises(YamlProblem) as caught:
        parse_yaml(text)
    problem = caught.value
    return f"{problem.line}:{problem.column}: {say(lang, problem.code, problem.values)}"


# (YAML text, the start of its message in English, in Thai)
UNREADABLE = {
    "list 1,000 deep": ("a: " + "[" * 1000 + "]" * 1000, f"1:{3 + MAX_DEPTH}: lists or fields nested deeper than {MAX_DEPTH} levels", "1:35: รายการหรือช่องซ้อนกันลึกเกิน 32 ชั้น"),
    "list 100,000 deep": ("a: " + "[" * 100_000 + "]" * 100_000, f"1:{3 + MAX_DEPTH}: lists or fields nested deeper than", "1:35: รายการหรือช่องซ้อนกัน"),
    "mapping 1,000 deep": ("a: " + "{b: " * 1000 + "}" * 1000, "1:128: lists or fields nested deeper than", "1:128: รายการหรือช่องซ้อนกัน"),
    "block lists 100,000 deep": ("- " * 100_000 + "x\n", "1:65: lists or fields nested deeper than", "1:65: รายการหรือช่องซ้อนกัน"),
    "block mappings 1,000 deep": ("".join(" " * i + f"k{i}:\n" for i in range(1000)), "33:33: lists or fields nested deeper than", "33:33: รายการหรือช่องซ้อนกัน"),
    "30 February": ("start: 2025-02-30\n", "1:8: 2025-02-30: there is no 30 February in 2025 (the month has 28 days)", "1:8: 2025-02-30: ไม่มีวันที่ 30 กุมภาพันธ์ ในปี ค.ศ. 2025"),
    "29 February of a common year": ("start: 2025-02-29\n", "1:8: 2025-02-29: there is no 29 February in 2025", "1:8: 2025-02-29: ไม่มีวันที่ 29 กุมภาพันธ์"),
    "month 13": ("start: 2568-13-01\n", "1:8: 2568-13-01: there is no month 13 (months are 1 to 12)", "1:8: 2568-13-01: ไม่มีเดือนที่ 13"),
    "31 April in a list": ("dates:\n  - 2025-04-31\n", "2:5: 2025-04-31: there is no 31 April in 2025 (the month has 30 days)", "2:5: 2025-04-31: ไม่มีวันที่ 31 เมษายน"),
    "year 0": ("start: 0000-01-01\n", "1:8: 0000-01-01: not a date that exists", "1:8: 0000-01-01: ไม่ใช่วันที่ที่มีอยู่จริง"),
    "impossible date as a key": ("2025-02-30: x\n", "1:1: 2025-02-30: there is no 30 February", "1:1: 2025-02-30: ไม่มีวันที่ 30"),
    "a list as a key": ("? [a]\n: b\n", "1:3: a key must be a word or a number", "1:3: ชื่อช่องต้องเป็นคำหรือตัวเลข"),
    "explicit tag that fails": ("n: !!int abc\n", "1:4: not valid YAML", "1:4: เขียนรูปแบบ YAML ไม่ถูกต้อง"),
}  # fmt: skip


@pytest.mark.parametrize("case", UNREADABLE)
def test_unreadable_yaml_is_located_in_both_languages(case):
    text, english, thai = UNREADABLE[case]
    assert yaml_message(text, "en").startswith(english)
    assert yaml_message(text, "th").startswith(thai)


@pytest.mark.parametrize(
    "text", ["a: " + "[" * 31 + "]" * 31, "start: 2024-02-29\n", "".join(" " * i + f"k{i}:\n" for i in range(30))]
)
def test_deep_enough_yaml_and_real_dates_are_read(text):
    assert parse_yaml(text).data


# (what the clerk saved, under data/, the start of the message about it, in English)
NAMES = {
    ".yaml": ("measures/2568/16-x.yaml", "data/measures/2568/16-x.yaml:1:1: this file is not read under this name; rename it 16-x.yml"),
    ".YML": ("measures/2568/16-x.YML", "data/measures/2568/16-x.YML:1:1: this file is not read under this name; rename it 16-x.yml"),
    "Notepad's .yml.txt": ("measures/2568/16-x.yml.txt", "data/measures/2568/16-x.yml.txt:1:1: this file is not read under this name; rename it 16-x.yml"),
    "results .yaml": ("results/2569.yaml", "data/results/2569.yaml:1:1: this file is not read under this name; rename it 2569.yml"),
    "reports .Yml.TXT": ("reports/2569.Yml.TXT", "data/reports/2569.Yml.TXT:1:1: this file is not read under this name; rename it 2569.yml"),
    "disclosure .yaml": ("disclosure/2570.yaml", "data/disclosure/2570.yaml:1:1: this file is not read under this name; rename it 2570.yml"),
    "Agency.yml in capitals": ("Agency.yml", "data/Agency.yml:1:1: this file is not read under this name; rename it agency.yml"),
    "UNITS.YAML": ("UNITS.YAML", "data/UNITS.YAML:1:1: this file is not read under this name; rename it units.yml"),
    "national.yml.txt": ("national.yml.txt", "data/national.yml.txt:1:1: this file is not read under this name; rename it national.yml"),
    "a Word file among the measures": ("measures/2568/report.docx", "data/measures/2568/report.docx:1:1: this file is not read; only files named NN-slug.yml belong here"),
    "a note among the results": ("results/notes.txt", "data/results/notes.txt:1:1: this file is not read; only files named YYYY.yml belong here"),
    "a measure outside its year": ("measures/16-x.yml", "data/measures/16-x.yml:1:1: this file is not read; only files named measures/YYYY/NN-slug.yml belong here"),
    "a measure one folder too deep": ("measures/2568/old/16-x.yml", "data/measures/2568/old:1:1: this folder is not read; the data folder holds only results/, reports/, disclosure/, measures/"),
    "an unknown file at the top": ("agency-old.yml", "data/agency-old.yml:1:1: this file is not read; only the files agency.yml, units.yml"),
    "Measures in capitals": ("Measures/2568/16-x.yml", "data/Measures:1:1: this folder is not read under this name; rename it measures"),
    "an unknown folder": ("backup/agency.yml", "data/backup:1:1: this folder is not read; the data folder holds only results/"),
    "Word's lock file": ("reports/~$2568.docx", "data/reports/~$2568.docx:1:1: this file is not read; only files named YYYY.yml belong here"),
}  # fmt: skip
ALLOWED = [
    "README.md",
    "measures/2568/README.md",
    "logo.png",
    "results/.gitkeep",
    "disclosure/files/2569/any name.txt",
    "desktop.ini",
    "measures/2568/Thumbs.db",
]


@pytest.mark.parametrize("case", NAMES)
def test_a_file_the_reader_would_not_read_is_named_with_its_right_name(case, data_copy):
    name, expected = NAMES[case]
    (data_copy / name).parent.mkdir(parents=True, exist_ok=True)
    (data_copy / name).write_text("id: x\n", encoding="utf-8")
    found = problems(data_copy)
    assert [line for line in found if line.startswith(expected)], found
    assert len(found) == 1, found  # said once: nothing under a folder that is not read is named again


@pytest.mark.parametrize("name", ALLOWED)
def test_notes_and_the_registers_files_are_allowed(name, data_copy):
    (data_copy / name).parent.mkdir(parents=True, exist_ok=True)
    (data_copy / name).write_text("a note\n", encoding="utf-8")
    assert problems(data_copy) == []


def test_the_misnamed_file_message_is_thai_first(data_copy):
    (data_copy / "measures/2568/16-x.yml.txt").write_text("id: x\n", encoding="utf-8")
    assert problems(data_copy, "th") == [
        "data/measures/2568/16-x.yml.txt:1:1: ไฟล์นี้ไม่ถูกอ่านเพราะชื่อไม่ตรง ให้เปลี่ยนชื่อเป็น 16-x.yml"
        " (Notepad มักเติม .txt ต่อท้าย ให้เลือกบันทึกเป็น All files)"
    ]


def add_logo(data: Path, name: str = "logo.svg") -> Path:
    """Name a logo in agency.yml (on its first line, as a clerk adds it); the path of the logo file."""
    replace("# The agency that publishes this site.", f"logo: {name}\n# The agency that publishes this site.")(
        data / "agency.yml"
    )
    return data / name


def outside(tmp_path: Path) -> Path:
    """A folder beside the data, standing for anywhere else on the computer, with a secret in it."""
    folder = tmp_path / "elsewhere"
    folder.mkdir(exist_ok=True)
    (folder / "secret.txt").write_text("root:x:0:0\n", encoding="utf-8")
    return folder


def link_measure(data: Path, tmp_path: Path) -> str:
    """A measure file that is a link to a file outside the data."""
    (data / "measures/2568/16-x.yml").symlink_to(outside(tmp_path) / "secret.txt")
    return "data/measures/2568/16-x.yml:1:1: a symbolic link; nothing is read or published through a link"


def link_folder(data: Path, tmp_path: Path) -> str:
    """A year of measures that is a link to a folder elsewhere, holding a measure."""
    shutil_copy = outside(tmp_path) / "06-conflict-of-interest.yml"
    shutil_copy.write_bytes((data / MEASURE).read_bytes())
    (data / "measures/2569").symlink_to(outside(tmp_path), target_is_directory=True)
    return "data/measures/2569:1:1: a symbolic link"


def link_shared(data: Path, tmp_path: Path) -> str:
    """agency.yml moved elsewhere and linked back: even a good file is not read through a link."""
    moved = outside(tmp_path) / "agency.yml"
    (data / "agency.yml").rename(moved)
    (data / "agency.yml").symlink_to(moved)
    return "data/agency.yml:1:1: a symbolic link"


def link_logo(data: Path, tmp_path: Path) -> str:
    """The logo agency.yml names is a link to /etc/passwd (or any file elsewhere)."""
    add_logo(data).symlink_to(outside(tmp_path) / "secret.txt")
    return "data/agency.yml:1:7: logo: logo.svg is a symbolic link, not a file"


def link_register_file(data: Path, tmp_path: Path) -> str:
    """A file of the register's folder that is a link, named by nobody."""
    (data / "disclosure/files").mkdir(parents=True)
    (data / "disclosure/files/o1.pdf").symlink_to(outside(tmp_path) / "secret.txt")
    return "data/disclosure/files/o1.pdf:1:1: a symbolic link"


def fifo(data: Path, tmp_path: Path) -> str:
    """A named pipe where a measure would be: reading it would wait for ever."""
    os.mkfifo(data / "measures/2568/16-x.yml")
    return "data/measures/2568/16-x.yml:1:1: not a plain file or folder"


LINKS = {
    "a measure linked to a file elsewhere": link_measure,
    "a year folder linked elsewhere": link_folder,
    "agency.yml linked": link_shared,
    "the logo linked to a secret": link_logo,
    "a register file linked": link_register_file,
    "a named pipe": fifo,
}


@pytest.mark.parametrize("case", LINKS)
def test_nothing_is_read_through_a_link(case, data_copy, tmp_path):
    expected = LINKS[case](data_copy, tmp_path)
    found = problems(data_copy)
    assert [line for line in found if line.startswith(expected)], found
    assert not [line for line in found if "root:x" in line], found


# (the SVG logo, the start of its message: line:column: words)
SVGS = {
    "script": (SVG_HEAD + "<script>alert(1)</script></svg>", "2:1: the SVG logo has a <script> element"),
    "onload": (SVG_HEAD.replace("viewBox", 'onload="alert(1)" viewBox') + "</svg>", "1:1: the SVG logo has the attribute onload on <svg>"),
    "foreignObject": (SVG_HEAD + '<foreignObject><p xmlns="http://www.w3.org/1999/xhtml">x</p></foreignObject></svg>', "2:1: the SVG logo has a <foreignObject> element"),
    "external href": (SVG_HEAD + '<image href="https://evil.example/x.png"/></svg>', "2:1: in the SVG logo, <image> href refers to something outside the file (https://evil.example/x.png)"),
    "xlink:href javascript": (SVG_HEAD + '<use xlink:href="javascript:alert(1)"/></svg>', "2:1: in the SVG logo, <use> xlink:href refers to something outside the file (javascript:alert(1))"),
    "DOCTYPE with an entity": ('<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY x "y">]>\n<svg xmlns="http://www.w3.org/2000/svg">&x;</svg>', "2:15: the SVG logo has a DOCTYPE or an ENTITY declaration"),
    "external entity": ('<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>', "1:15: the SVG logo has a DOCTYPE"),
    "style with @import": (SVG_HEAD + "<style>@import url(https://x.example/y.css);</style></svg>", "2:8: in the SVG logo, <style>  refers to something outside the file (@import)"),
    "style with a url elsewhere": (SVG_HEAD + '<rect style="fill:url(https://x.example/y)"/></svg>', "2:1: in the SVG logo, <rect> style refers to something outside the file (url(https://x.example/y))"),
    "animation setting a link": (SVG_HEAD + '<set attributeName="href" to="javascript:alert(1)"/></svg>', "2:1: the SVG logo has a <set> element"),
    "HTML script under another prefix": (SVG_HEAD.replace("viewBox", 'xmlns:ink="http://www.w3.org/1999/xhtml" viewBox') + "<ink:script>alert(1)</ink:script></svg>", "2:1: the SVG logo has a <script> element"),
    "an HTML page named .svg": ('<html xmlns="http://www.w3.org/1999/xhtml"><script>1</script></html>', "1:1: this file is not an SVG image (it starts with <html>"),
    "not XML at all": ("GIF89a", "1:1: this SVG file cannot be read"),
}  # fmt: skip


@pytest.mark.parametrize("case", SVGS)
def test_an_svg_that_could_run_or_fetch_anything_is_refused_where_it_does(case):
    svg, expected = SVGS[case]
    problem = svg_problem(svg.encode("utf-8"))
    assert problem is not None
    assert f"{problem.line}:{problem.column}: {say('en', problem.code, problem.values)}".startswith(expected)


@pytest.mark.parametrize(
    "svg",
    [
        CLEAN_SVG,
        (Path(PROJECT) / "tests/fixtures/agency-b/data/logo.svg").read_text(encoding="utf-8"),
        SVG_HEAD.replace("viewBox", 'xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" viewBox')
        + '<g inkscape:label="Layer 1"><image href="data:image/png;base64,iVBORw0KGgo="/></g>'
        + "<style>circle{fill:url(#g)}</style></svg>",
    ],
)
def test_a_clean_svg_is_accepted(svg):
    assert svg_problem(svg.encode("utf-8")) is None


def test_a_hostile_logo_is_located_in_the_logo_file_in_thai(data_copy):
    add_logo(data_copy).write_text(SVG_HEAD + "<script>alert(1)</script></svg>", encoding="utf-8")
    assert problems(data_copy, "th") == [
        "data/logo.svg:2:1: โลโก้ SVG มีแท็ก <script> ซึ่งไม่อนุญาต (อาจเรียกใช้สคริปต์หรือแสดงหน้าเว็บซ้อน)"
        " ให้บันทึกใหม่เป็น SVG ธรรมดา (Plain SVG) หรือ PNG"
    ]


@pytest.mark.parametrize(
    ("content", "found"), [(b"\x89PNG\r\n\x1a\n" + b"\0" * 16, []), (b"<svg>", ["logo.png is not a PNG"])]
)
def test_a_png_logo_must_be_a_png(content, found, data_copy):
    add_logo(data_copy, "logo.png").write_bytes(content)
    assert [word for word in found if not any(word in line for line in problems(data_copy))] == []
    assert len(problems(data_copy)) == len(found)


@pytest.mark.parametrize("name", ["../outside.svg", "/etc/passwd.svg", "files/logo.svg", "logo.svg.exe"])
def test_the_logo_is_named_as_a_file_beside_agency_yml(name, data_copy):
    add_logo(data_copy, name)
    found = problems(data_copy)
    assert [line for line in found if "logo: must be the name of an .svg or .png file beside agency.yml" in line], found


def misnamed(data: Path, tmp_path: Path) -> str:
    """Damage: a measure saved by Notepad."""
    (data / "measures/2568/16-x.yml.txt").write_text("id: x\n", encoding="utf-8")
    return "data/measures/2568/16-x.yml.txt:1:1: ไฟล์นี้ไม่ถูกอ่านเพราะชื่อไม่ตรง ให้เปลี่ยนชื่อเป็น 16-x.yml"


def hostile_logo(data: Path, tmp_path: Path) -> str:
    """Damage: an SVG logo with a script."""
    add_logo(data).write_text(SVG_HEAD + '<rect onclick="alert(1)"/></svg>', encoding="utf-8")
    return "data/logo.svg:2:1: โลโก้ SVG มีแอตทริบิวต์ onclick บนแท็ก <rect> ซึ่งไม่อนุญาต"


def deep(data: Path, tmp_path: Path) -> str:
    """Damage: units nested 100,000 deep."""
    replace("units: [clerk-office]", "units: " + "[" * 100_000 + "clerk-office" + "]" * 100_000)(data / MEASURE)
    return f"data/{MEASURE}:9:39: รายการหรือช่องซ้อนกันลึกเกิน 32 ชั้น"


def impossible_date(data: Path, tmp_path: Path) -> str:
    """Damage: a period starting on 30 February."""
    replace("start: 2024-10-01", "start: 2025-02-30")(data / MEASURE)
    return f"data/{MEASURE}:11:10: 2025-02-30: ไม่มีวันที่ 30 กุมภาพันธ์ ในปี ค.ศ. 2025 (เดือนนี้มี 28 วัน)"


END_TO_END = {
    "link": link_logo,
    "misnamed": misnamed,
    "hostile logo": hostile_logo,
    "deep": deep,
    "impossible date": impossible_date,
}


@pytest.mark.parametrize("case", END_TO_END)
def test_the_check_command_says_where_and_fails_without_a_traceback(case, data_copy, tmp_path):
    expected = END_TO_END[case](data_copy, tmp_path)
    if case == "link":
        expected = "data/agency.yml:1:7: logo: logo.svg เป็นลิงก์ (symbolic link) ไม่ใช่ไฟล์จริง"
    result = subprocess.run(
        [sys.executable, "-m", "itasite", "check", str(data_copy)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "ITA_LANG": "th"},
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert any(line.startswith(expected) for line in result.stderr.splitlines()), result.stderr


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    """A site built from good data, standing in for the one already published."""
    out = tmp_path_factory.mktemp("published")
    assert build_site(out).returncode == 0
    return out


@pytest.mark.build
@pytest.mark.parametrize("case", END_TO_END)
def test_the_build_stops_and_keeps_the_published_site(case, data_copy, tmp_path, published):
    expected = END_TO_END[case](data_copy, tmp_path)
    if case == "link":
        expected = "data/agency.yml:1:7: logo: logo.svg เป็นลิงก์ (symbolic link) ไม่ใช่ไฟล์จริง"
    before = tree_digest(published)
    result = build_site(published, data_copy, env={"ITA_LANG": "th"})
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert any(line.removeprefix("ERROR   -  ").startswith(expected) for line in result.stderr.splitlines()), (
        result.stderr
    )
    assert tree_digest(published) == before
    assert not [path for path in published.rglob("*") if path.is_file() and b"root:x" in path.read_bytes()]


@pytest.mark.parametrize("text", ["a: " + "[" * 100_000 + "]" * 100_000, "start: 2025-02-30\n", "- " * 5000 + "x\n"])
def test_the_other_readers_of_yaml_leave_it_unread_without_a_traceback(text):
    """The changes page reads every earlier version of a file from git, tidy and upgrade read the folder: a file
    the check refuses stands as text there (or is left alone), never a traceback."""
    assert fields(text) == text
    assert laid_out(text) is None
    assert _parsed(text) is None


def test_tidy_never_writes_through_a_link(data_copy, tmp_path):
    target = outside(tmp_path) / "units.yml"
    target.write_text("units: [{id: finance, name: {th: กองคลัง}}]\n", encoding="utf-8")
    before = target.read_bytes()
    (data_copy / "units.yml").unlink()
    (data_copy / "units.yml").symlink_to(target)
    found = tidy(data_copy)
    assert data_copy / "units.yml" not in [*found.changed, *found.kept]
    assert target.read_bytes() == before
