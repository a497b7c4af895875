"""`python -m itasite upgrade` brings a folder of an earlier layout to the current one: the earlier layout's
fixture (the seed with the one-list indicators.yml of earlier versions) is upgraded, checked and built; the
rewrite keeps every comment, a second run changes nothing, and a folder it cannot rewrite is left whole."""

from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path

import pytest
import yaml
from support.build import PROJECT, build_site
from support.data import tree_digest

from itasite import cli
from itasite.data.dataset import read_data
from itasite.data.upgrade import STEPS, Folder, UpgradeProblem, planned
from itasite.data.writer import write_all

EARLIER = PROJECT / "tests/fixtures/earlier-layout/data"
SEED = PROJECT / "tests/fixtures/seed/data"
SOURCE_TH = "รายละเอียดการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ประจำปีงบประมาณ พ.ศ. 2563"


def run(*argv: str) -> tuple[int, str]:
    """A command's exit status and everything it printed."""
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
        status = cli.main(list(argv))
    return status, printed.getvalue()


@pytest.fixture
def earlier(tmp_path) -> Path:
    """A copy of the earlier layout's fixture, to upgrade."""
    folder = tmp_path / "data"
    shutil.copytree(EARLIER, folder)
    return folder


def comments(text: str) -> list[str]:
    """A file's comments, each as written after its `#`, in order."""
    return [line.strip() for line in text.splitlines() if line.strip().startswith("#")]


def test_the_fixture_is_the_earlier_layout_of_the_seed():
    old = yaml.safe_load((EARLIER / "indicators.yml").read_text(encoding="utf-8"))
    assert set(old) == {"tools", "indicators"}
    names = lambda folder: sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.yml"))  # noqa: E731
    later = {"oit.yml", "disclosure/2569.yml"}  # the OIT lists and register came later: upgrade adds the lists
    assert names(EARLIER) == [name for name in names(SEED) if name not in later]


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_check_of_the_earlier_layout_names_the_command(lang):
    problems = read_data(EARLIER).problems
    assert [(p.file, p.line) for p in problems] == [("data/indicators.yml", 11)]
    assert "python -m itasite upgrade" in problems[0].message(lang)
    assert problems[0].message("th").startswith("data/indicators.yml ยังเป็นรูปแบบของรุ่นก่อน")


def test_upgrade_keeps_every_comment_and_says_what_it_changed(earlier):
    before = (earlier / "indicators.yml").read_text(encoding="utf-8")
    status, printed = run("upgrade", str(earlier))
    after = (earlier / "indicators.yml").read_text(encoding="utf-8")
    assert status == 0
    assert (
        f"{earlier.as_posix()}/indicators.yml: ย้าย tools และ indicators เดิมไปไว้ใต้ periods: เป็นชุดตัวชี้วัด ita-2563"
        in printed
    )
    assert f"{earlier.as_posix()}/oit.yml: เพิ่ม oit.yml รายการข้อ OIT ของแต่ละปีประเมินตามที่โปรแกรมมีให้ พร้อมแหล่งที่มา" in printed
    assert f"ปรับข้อมูลใน {earlier.as_posix()} เป็นรูปแบบปัจจุบันแล้ว 2 ไฟล์" in printed
    assert (earlier / "oit.yml").read_bytes() == (PROJECT / "hooks/itasite/data/blank/oit.yml").read_bytes()
    kept = comments(after)
    assert [line for line in kept if line in comments(before)] == comments(before)  # all of them, in order
    assert after.startswith(before[: before.index("tools:")])  # the head stands as it was
    period = yaml.safe_load(after)["periods"][0]
    old = yaml.safe_load(before)
    assert (period["id"], period["first_year"], period["tools"], period["indicators"]) == (
        "ita-2563", 2563, old["tools"], old["indicators"]
    )  # fmt: skip
    assert period["source"]["th"].startswith(SOURCE_TH)
    assert read_data(earlier).problems == []


def test_a_second_run_changes_nothing_and_says_so(earlier):
    assert run("upgrade", str(earlier))[0] == 0
    once = tree_digest(earlier)
    status, printed = run("upgrade", str(earlier), "--lang", "en")
    assert (status, printed) == (0, f"{earlier.as_posix()} is in the current layout already; no file changed\n")
    assert tree_digest(earlier) == once


def test_a_folder_in_the_current_layout_is_left_alone(tmp_path):
    shutil.copytree(SEED, tmp_path / "data")
    before = tree_digest(tmp_path / "data")
    assert "ไม่ได้เปลี่ยนไฟล์ใด" in run("upgrade", str(tmp_path / "data"))[1]
    assert tree_digest(tmp_path / "data") == before
    assert not any(step.detect(Folder(SEED)) for step in STEPS)


def test_years_before_2563_are_covered_by_the_one_set(earlier):
    results = (earlier / "results/2568.yml").read_text(encoding="utf-8").replace("year: 2568", "year: 2561")
    (earlier / "results/2561.yml").write_text(results, encoding="utf-8")
    texts, changes = planned(earlier)
    period = yaml.safe_load(texts["indicators.yml"])["periods"][0]
    assert (period["id"], period["first_year"]) == ("ita-2561", 2561)
    assert changes[0].values == {"id": "ita-2561", "first": 2561}


def test_a_file_it_cannot_rewrite_is_left_and_named(earlier):
    # a flow mapping: indenting its lines does not move it under periods, and the read-back says so
    (earlier / "indicators.yml").write_text("# the one set\n{tools: [], indicators: []}\n", encoding="utf-8")
    before = tree_digest(earlier)
    with pytest.raises(UpgradeProblem):
        planned(earlier)
    status, printed = run("upgrade", str(earlier))
    assert status == 1 and printed.startswith("data/indicators.yml: ปรับเป็นรูปแบบปัจจุบันโดยอัตโนมัติไม่ได้")
    assert tree_digest(earlier) == before


def test_files_are_written_all_or_none(tmp_path):
    (tmp_path / "a.yml").write_text("old\n", encoding="utf-8")
    with pytest.raises(OSError):
        write_all(tmp_path, {"a.yml": b"new\n", "a.yml/b.yml": b"new\n"})  # a file where a folder must be
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["a.yml"]
    assert (tmp_path / "a.yml").read_text(encoding="utf-8") == "old\n"


def test_a_missing_folder_is_named(tmp_path):
    status, printed = run("upgrade", str(tmp_path / "nowhere"))
    assert status == 1 and "ไม่พบโฟลเดอร์ข้อมูลนี้" in printed


@pytest.mark.build
def test_the_upgraded_folder_builds(earlier, tmp_path):
    assert run("upgrade", str(earlier))[0] == 0
    assert run("check", str(earlier))[0] == 0
    out = tmp_path / "site"
    result = build_site(out, earlier)
    assert result.returncode == 0, result.stderr
    methodology = (out / "th/methodology/index.html").read_text(encoding="utf-8")
    assert SOURCE_TH in methodology and "ประสิทธิภาพการสื่อสาร" in methodology
    assert "Communication Efficiency" in (out / "en/indicators/7/index.html").read_text(encoding="utf-8")
    assert "99.37" in (out / "th/results/2568/index.html").read_text(encoding="utf-8")


def test_a_folder_without_the_oit_lists_gets_the_shipped_ones_and_nothing_else(tmp_path):
    shutil.copytree(SEED, tmp_path / "data")
    (tmp_path / "data/oit.yml").unlink()
    before = tree_digest(tmp_path / "data")
    status, printed = run("upgrade", str(tmp_path / "data"), "--lang", "en")
    assert status == 0 and f"{(tmp_path / 'data').as_posix()}/oit.yml: added oit.yml, the OIT items" in printed
    after = tree_digest(tmp_path / "data")
    assert {name for name in after if after[name] != before.get(name)} == {"oit.yml"}
    assert after["oit.yml"] == tree_digest(SEED)["oit.yml"]
    assert run("upgrade", str(tmp_path / "data"))[1].endswith("ไม่ได้เปลี่ยนไฟล์ใด\n")  # idempotent
    assert read_data(tmp_path / "data").problems == []
