"""A new agency starts from `python -m itasite new`, fills in its examples, and publishes a site with no trace of
the first agency: its address, names and province come from its own data, and a site still at the example
address says so."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
from support.build import build_site
from support.examples import FILLED, fill_in
from support.site import built_text

from itasite import cli
from itasite.data.examples import EXAMPLES
from itasite.data.starter import BLANK, current_fiscal_year
from itasite.site.routes import EXAMPLE_SITE

# The first agency as it could leak: its names in both languages, its district and province, its web address
FIRST_AGENCY = ["เมืองปาน", "Mueang Pan", "muangpan", "ลำปาง", "Lampang"]
TEXT_FILES = {".html", ".xml", ".txt", ".json", ".csv", ".css", ".js", ".svg"}
GUIDE = "/guide/"  # the editors' guide, which shows the examples of the new folder
THEME_WORD_LIST = "assets/javascripts/lunr/"  # Material's own dictionaries: the Thai one lists every province


def new_agency(folder: Path, year: int) -> tuple[int, str]:
    """Run the real `new` command; its status and what it printed."""
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
        status = cli.main(["new", str(folder), "--year", str(year)])
    return status, printed.getvalue()


@pytest.fixture(scope="module")
def new_site(tmp_path_factory) -> tuple[Path, str]:
    """A second agency's site built from a fresh data folder, and what its build printed."""
    data = tmp_path_factory.mktemp("agency") / "data"
    assert new_agency(data, 2564)[0] == 0
    fill_in(data)  # site_url stays the example's
    out = tmp_path_factory.mktemp("site")
    result = build_site(out, data)
    assert result.returncode == 0, result.stderr
    return out, result.stderr


def test_the_new_folder_is_ready_to_fill_in_and_check(tmp_path):
    status, printed = new_agency(tmp_path / "data", 2563)
    assert status == 0 and "python -m itasite check" in printed
    assert (tmp_path / "data/measures/2563/01-example-measure.yml").is_file()
    assert cli.main(["check", str(tmp_path / "data")]) == 1  # its examples are not published
    fill_in(tmp_path / "data")
    assert cli.main(["check", str(tmp_path / "data")]) == 0


def test_new_never_writes_over_files(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data/agency.yml").write_text("kept", encoding="utf-8")
    assert new_agency(tmp_path / "data", 2568)[0] == 1
    assert (tmp_path / "data/agency.yml").read_text(encoding="utf-8") == "kept"


@pytest.mark.parametrize(("today", "year"), [("2024-09-30", 2567), ("2024-10-01", 2568), ("2025-01-15", 2568)])
def test_the_default_year_is_the_current_fiscal_year(today, year):
    import datetime as dt

    assert current_fiscal_year(dt.date.fromisoformat(today)) == year


def test_the_blank_folder_names_no_agency():
    for path in BLANK.rglob("*.yml"):
        text = path.read_text(encoding="utf-8")
        assert not [name for name in FIRST_AGENCY if name in text], path


def _examples(path: Path) -> list[str]:
    """The examples a built file must not show: all but on the editors' guide, which quotes them."""
    return [] if GUIDE in path.as_posix() else list(EXAMPLES)


@pytest.mark.build
def test_the_new_site_has_no_trace_of_the_first_agency_or_an_example(new_site):
    out, _ = new_site
    files = [path for path in out.rglob("*") if path.suffix in TEXT_FILES and THEME_WORD_LIST not in path.as_posix()]
    assert len(files) > 30
    leaks = {
        path.relative_to(out).as_posix(): found
        for path in files
        if (found := [name for name in [*FIRST_AGENCY, *_examples(path)] if name in built_text(path)])
    }
    assert not leaks
    home = (out / "th/index.html").read_text(encoding="utf-8")
    assert FILLED["หน่วยงานตัวอย่าง"] in home and FILLED["จังหวัดตัวอย่าง"] in home


@pytest.mark.build
def test_a_site_at_the_example_address_says_so(new_site):
    out, printed = new_site
    assert f"ที่อยู่เว็บไซต์ยังเป็นที่อยู่ตัวอย่าง {EXAMPLE_SITE}" in printed
    assert f"Sitemap: {EXAMPLE_SITE}th/sitemap.xml" in (out / "robots.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(("year", "register"), [(2569, True), (2570, True), (2568, True), (2563, False)])
def test_the_new_folder_has_the_oit_lists_and_the_year_s_register_with_every_item_missing(tmp_path, year, register):
    data = tmp_path / "data"
    assert new_agency(data, year)[0] == 0
    assert (data / "oit.yml").read_bytes() == (BLANK / "oit.yml").read_bytes()
    assert (data / f"disclosure/{year}.yml").is_file() is register
    fill_in(data)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        assert cli.main(["check", str(data)]) == 0
    missing = [line for line in printed.getvalue().splitlines() if "ยังไม่มีหลักฐาน" in line]
    if register:
        assert len(missing) == 1 and "O1, O2, O3" in missing[0] and "O26 ยังไม่มีหลักฐาน" in missing[0]
    else:
        assert missing == []
