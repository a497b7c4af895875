"""`make` hands the names a clerk types (FILE=, YEAR=, DATA=, AGENCIES=, OUT=) to the command as they are:
neither make's `$(shell …)` nor the shell's backquotes, `;` or quotes in a file name run anything. Each case
runs the real Makefile in a temporary folder and checks the command received the name and nothing was made."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from support.build import PROJECT

# Names a clerk's file may have by mistake, or an attacker's on purpose, with the file each would make if run
HOSTILE = {
    "report`touch x`.docx": "x",
    "a$(shell touch y).docx": "y",
    "x;touch z.docx": "z.docx",
    "it's.docx": None,
    'quote"$(touch w)".docx': "w",
    "$$(touch v).docx": "v",
}


def _make(folder, *arguments: str) -> subprocess.CompletedProcess:
    """The real `make` with the project's Makefile in `folder`, its venv the project's (never reinstalled)."""
    venv = PROJECT / ".venv"
    command = ["make", "--no-print-directory", "-o", f"{venv}/.runtime", f"VENV={venv}", *arguments]
    env = {**os.environ, "ITA_LANG": "th"}
    return subprocess.run(command, cwd=folder, capture_output=True, text=True, env=env, timeout=120)


@pytest.fixture
def project_copy(tmp_path):
    """A folder with the Makefile and the package, where a command that ran would leave its file."""
    shutil.copy(PROJECT / "Makefile", tmp_path / "Makefile")
    shutil.copy(PROJECT / "mkdocs.yml", tmp_path / "mkdocs.yml")  # what marks a project folder for the command
    (tmp_path / "hooks").symlink_to(PROJECT / "hooks")
    return tmp_path


def _made(folder, made: str | None) -> list[str]:
    """The files in `folder` that a hostile name would have made (none when nothing ran)."""
    names = {"x", "y", "z", "z.docx", "w", "v", made} - {None}
    return sorted(name for name in names if (folder / str(name)).exists())


@pytest.mark.build
@pytest.mark.parametrize("name", list(HOSTILE))
def test_import_passes_the_file_name_unchanged(project_copy, name):
    ran = _make(project_copy, "import", f"FILE={name}")
    assert ran.returncode != 0
    assert f"{name}: ไม่พบไฟล์นี้" in ran.stderr  # the name as typed, in the Thai message of a missing file
    assert "Traceback" not in ran.stderr
    assert _made(project_copy, HOSTILE[name]) == []


@pytest.mark.build
@pytest.mark.parametrize(
    "arguments",
    [
        ("import", "FILE=report.docx", "YEAR=2568`touch x`"),
        ("import", "FILE=report.docx", "YEAR=$(shell touch y)"),
        ("template", "FILE=a$(shell touch y).xlsx", "YEAR=2569;touch z"),
        ("upgrade", "DATA=d`touch x`"),
        ("build-all", "AGENCIES=a$(shell touch y)", "OUT=o`touch x`", "JOBS=1;touch z"),
        ("build", "ENGINE=$(shell touch y)"),
        ("check", "CHECK_OPTIONS=--lang th $(shell touch y) `touch x`;touch z"),
        ("import", "FILE=r.docx", "IMPORT_OPTIONS=--force $(shell touch y) `touch x`"),
        ("build-all", "AGENCIES=a", "BUILD_ALL_OPTIONS=--hub-only $(shell touch y);touch z"),
        ("build-all", "AGENCIES=a$(shell touch y)`touch x`"),
    ],
)
def test_no_argument_of_any_target_is_expanded(project_copy, arguments):
    ran = _make(project_copy, *arguments)
    assert ran.returncode != 0  # each name is refused by the command that received it
    assert "Traceback" not in ran.stderr, ran.stderr
    assert _made(project_copy, None) == []


@pytest.mark.build
def test_a_template_is_written_under_the_name_as_typed(project_copy):
    name = "แบบ`touch x`$(shell touch y);it's.xlsx"
    ran = _make(project_copy, "template", f"FILE={name}", "YEAR=2569")
    assert ran.returncode == 0, ran.stderr
    assert (project_copy / name).is_file()
    assert _made(project_copy, None) == []


def test_the_entry_point_never_goes_through_a_shell():
    sources = [path.read_text(encoding="utf-8") for path in (PROJECT / "hooks").rglob("*.py")]
    assert not [text for text in sources if "shell=True" in text or "os.system(" in text or "os.popen(" in text]


@pytest.mark.build
def test_options_are_still_split_into_words(project_copy):
    ran = _make(project_copy, "import", "FILE=missing.docx", "IMPORT_OPTIONS=--lang en --force")
    assert ran.returncode != 0 and "missing.docx: " in ran.stderr and "ไม่พบ" not in ran.stderr  # English: --lang en


@pytest.mark.build
def test_build_all_names_a_missing_folder_as_typed(project_copy):
    ran = _make(project_copy, "build-all", "AGENCIES=หน่วยงาน`touch x`")
    assert ran.returncode != 0 and "หน่วยงาน`touch x`: ไม่พบโฟลเดอร์นี้" in ran.stderr, ran.stderr
    assert _made(project_copy, None) == []
