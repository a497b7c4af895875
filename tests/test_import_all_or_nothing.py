"""An import is all or nothing (build/swap.py): a real import of 400 measures, killed at several moments and at
each step of the swap, leaves data/ byte for byte as it was or as the finished import, once the next run has
finished or rolled back what the killed one left; and the next import says which it did."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

import pytest
from support.build import DATA, PROJECT
from support.data import tree_digest
from support.report_files import HEADER, thai

from itasite.build.swap import PAUSE, beside, recover

# Real imports of 400 measures, started and killed: seconds each, so the build tier's, not the fast tier's
pytestmark = pytest.mark.build

MEASURES = 400
# Where the swap stops when told (ITA_PAUSE_AT), and what data/ is once the next run recovers from a kill there
STEPS = {"copied": "before", "ready": "before", "moved": "after", "swapped": "after"}


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """A report of 400 measures as a clerk's CSV, and the data folder the finished import of it gives."""
    folder = tmp_path_factory.mktemp("report")
    rows = [",".join(HEADER)]
    for number in range(1, MEASURES + 1):
        steps = '"๑. จัดทำประกาศ\n๒. เผยแพร่"'
        rows.append(f"มาตรการทดสอบที่ {thai(number)},{steps},สำนักปลัด,ตุลาคม ๒๕๖๘ - กันยายน ๒๕๖๙,ประกาศแล้ว,ไม่มีข้อร้องเรียน")
    path = folder / "report.csv"
    path.write_text("\r\n".join(rows) + "\r\n", encoding="utf-8")
    finished = folder / "finished" / "data"
    shutil.copytree(DATA, finished)
    ran = _import(path, finished)
    assert ran.wait(timeout=120) == 0, ran.stderr.read() if ran.stderr else ""
    assert len(list((finished / "measures/2569").glob("*.yml"))) == MEASURES
    return path, tree_digest(finished)


def _import(report, data, pause: str | None = None, year: int = 2569) -> subprocess.Popen:
    """A real `python -m itasite import` of `report` into `data` as fiscal year `year`, started; told to stop at
    `pause`."""
    env = {**{k: v for k, v in os.environ.items() if k != "PYTHONPATH"}, "ITA_LANG": "th"}
    env |= {PAUSE: pause} if pause else {}
    command = [sys.executable, "-m", "itasite", "import", str(report), "--data", str(data), "--year", str(year)]
    return subprocess.Popen(command, cwd=PROJECT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def _killed_at(step: str, report, data) -> None:
    """A real import of `report` into `data` killed (SIGKILL) once it has reached the swap's `step`."""
    running = _import(report, data, pause=step)
    assert running.stderr is not None and running.stderr.readline().strip() == f"paused at {step}"
    running.send_signal(signal.SIGKILL)
    running.wait()


def _leftovers(data) -> list[str]:
    """The folders a stopped import may leave beside data/ (none once the next run has recovered)."""
    return sorted(name for name in ("writing", "ready", "old") if beside(data, name).exists())


@pytest.mark.parametrize("step", list(STEPS))
def test_a_kill_at_each_step_of_the_swap_leaves_data_before_or_after(data_copy, report, step):
    path, after = report
    before = tree_digest(data_copy)
    _killed_at(step, path, data_copy)
    if step in ("copied", "ready"):
        assert tree_digest(data_copy) == before  # data/ itself was never touched
    recover(data_copy.resolve())  # what the next import (or upgrade) does first
    assert tree_digest(data_copy) == (before if STEPS[step] == "before" else after)
    assert _leftovers(data_copy) == []


@pytest.mark.parametrize("seconds", [0.2, 0.5, 1.0, 1.5])
def test_a_kill_at_any_moment_leaves_data_before_or_after(data_copy, report, seconds):
    path, after = report
    before = tree_digest(data_copy)
    running = _import(path, data_copy)
    time.sleep(seconds)
    running.send_signal(signal.SIGKILL)
    running.wait()
    recover(data_copy.resolve())
    assert tree_digest(data_copy) in (before, after)
    assert _leftovers(data_copy) == []


@pytest.mark.parametrize(("step", "said"), [("ready", "คืนข้อมูลเป็นอย่างเดิม"), ("moved", "นำข้อมูลที่นำเข้าครั้งนั้นมาใช้")])
def test_the_next_import_says_how_it_recovered(data_copy, report, step, said):
    path, after = report
    _killed_at(step, path, data_copy)
    again = _import(path, data_copy)
    _, error = again.communicate(timeout=120)
    assert again.returncode == 0 and f"{data_copy.as_posix()}: การนำเข้าครั้งก่อนถูกหยุดกลางคัน" in error
    assert said in error and "Traceback" not in error
    assert tree_digest(data_copy) == after and _leftovers(data_copy) == []


def test_data_that_is_a_file_is_left_as_it_is_and_named(tmp_path, report):
    path, _ = report
    data = tmp_path / "data"
    data.write_text("not a folder", encoding="utf-8")
    ran = _import(path, data)
    _, error = ran.communicate(timeout=120)
    assert ran.returncode == 1 and "Traceback" not in error, error
    assert f"{data.as_posix()}: เขียนข้อมูลไม่ได้" in error
    assert data.read_text(encoding="utf-8") == "not a folder" and _leftovers(data) == []


def test_a_refused_import_names_each_file_it_would_change_and_what_to_do(data_copy, tmp_path):
    before = tree_digest(data_copy)
    report = tmp_path / "report.csv"
    header = ",".join(HEADER)
    row = '"๑. มาตรการอื่น","๑. ขั้นตอน",สำนักปลัด,ตุลาคม ๒๕๖๗ - กันยายน ๒๕๖๘,ผล,ผลลัพธ์'
    report.write_text(f"{header}\r\n{row}\r\n", encoding="utf-8")
    ran = _import(report, data_copy, year=2568)  # measure 1 of 2568 is in data/ already, with other texts
    _, error = ran.communicate(timeout=120)
    lines = error.splitlines()
    assert ran.returncode == 1 and lines[0].startswith(f"{data_copy.as_posix()}: การนำเข้านี้จะเปลี่ยนข้อมูล")
    assert "--force" in lines[0]
    assert any(line.startswith(f"{data_copy.as_posix()}/measures/2568/01-") for line in lines[1:]), lines
    assert tree_digest(data_copy) == before


@pytest.mark.build
@pytest.mark.parametrize(("step", "said"), [("ready", "คืนข้อมูลเป็นอย่างเดิม"), ("moved", "นำข้อมูลที่นำเข้าครั้งนั้นมาใช้")])
def test_a_build_after_a_killed_import_recovers_the_data_first(data_copy, report, tmp_path, step, said):
    path, after = report
    before = tree_digest(data_copy)
    _killed_at(step, path, data_copy)
    env = {**{k: v for k, v in os.environ.items() if k != "PYTHONPATH"}, "ITA_LANG": "th"}
    command = [sys.executable, "-m", "itasite", "build", "--data", str(data_copy), "--out", str(tmp_path / "site")]
    built = subprocess.run(command, cwd=PROJECT, env=env, capture_output=True, text=True, timeout=600)
    assert f"{data_copy.as_posix()}: การนำเข้าครั้งก่อนถูกหยุดกลางคัน" in built.stderr and said in built.stderr
    assert "Traceback" not in built.stderr
    assert tree_digest(data_copy) == (before if STEPS[step] == "before" else after) and _leftovers(data_copy) == []


def test_files_the_import_leaves_alone_are_linked_not_copied(data_copy, report):
    path, after = report
    kept = data_copy / "agency.yml"
    inode, content = kept.stat().st_ino, kept.read_bytes()
    ran = _import(path, data_copy)
    assert ran.wait(timeout=120) == 0
    assert kept.stat().st_ino == inode and kept.read_bytes() == content  # the same file: no byte copied
    assert tree_digest(data_copy) == after
