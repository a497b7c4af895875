"""Every task runs through the project's own command, `python -m itasite`, with no `make` and no shell: the way
a clerk on a Windows PC runs it. The data check also speaks GitHub's annotation format, which the workflows use."""

from __future__ import annotations

import contextlib
import io
import os
import re
import socket
import subprocess
import sys

import pytest
import yaml
from support.build import DATA, PROJECT, SUBPATH_ROOT
from support.data import replace
from support.http import fetch, wait_for

from itasite import cli

ANNOTATION = re.compile(r"^::(error|warning) file=data/[\w/.-]+\.yml,line=\d+,col=\d+,title=[^:]+::\S.*$")
WORKFLOWS = PROJECT / ".github/workflows"


def itasite(*arguments: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The command as a person types it in the project folder: the venv's Python, nothing on PYTHONPATH."""
    environment = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    return subprocess.run(
        [sys.executable, "-m", "itasite", *arguments],
        cwd=PROJECT,
        env={**environment, **(env or {})},
        capture_output=True,
        text=True,
    )


def in_process(*arguments: str) -> tuple[int, str, str]:
    """The command run in this process: status, what it printed, what it reported as problems."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = cli.main(list(arguments))
    return status, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    ("text", "table", "written"),
    [
        ("100%", cli.GITHUB_DATA, "100%25"),
        ("one\ntwo", cli.GITHUB_DATA, "one%0Atwo"),
        ("a: b, c", cli.GITHUB_DATA, "a: b, c"),
        ("a: b, c", cli.GITHUB_PROPERTY, "a%3A b%2C c"),
    ],
)
def test_annotation_text_is_escaped_as_github_reads_it(text, table, written):
    assert cli._escaped(text, table) == written


def test_a_broken_copy_of_the_data_gives_one_annotation_per_problem_in_thai(data_copy):
    replace("units: [clerk-office]", "units: [nobody]")(data_copy / "measures/2568/06-conflict-of-interest.yml")
    replace("  6: 98.57", "  6: 198.57")(data_copy / "results/2568.yml")
    status, printed, reported = in_process("check", str(data_copy), "--format", "github")
    lines = printed.splitlines()
    assert status == 1 and len(lines) == 2 and all(ANNOTATION.match(line) for line in lines), lines
    assert lines[0].startswith(
        "::error file=data/measures/2568/06-conflict-of-interest.yml,line=9,col=9,title=units[0]::"
    )
    assert "ไม่รู้จักหน่วยงาน nobody" in lines[0] and lines[1].endswith("::ต้องไม่เกิน 100 (ที่เขียนไว้คือ 198.57)")
    assert reported.rstrip().endswith("พบปัญหา 2 จุดในข้อมูล จึงยังไม่เผยแพร่")


def test_missing_english_is_a_warning_annotation(data_copy):
    replace("  en: Measures to prevent conflicts of interest\n", "")(
        data_copy / "measures/2568/06-conflict-of-interest.yml"
    )
    status, printed, _ = in_process("check", str(data_copy), "--format", "github")
    assert status == 0 and printed.splitlines()[0].startswith("::warning file=data/measures/2568/06-conflict")


def test_the_workflows_check_the_data_first_with_annotations():
    site = yaml.safe_load((WORKFLOWS / "site.yml").read_text(encoding="utf-8"))
    steps = [step.get("run", "") for step in site["jobs"]["test"]["steps"]]
    check = steps.index('make check CHECK_OPTIONS="--format github"')
    assert check < steps.index('make test CHROMIUM="$CHROMIUM" TEST_ENGINES="${{ matrix.engine }}"')
    assert site["jobs"]["build"]["needs"] == "test"  # nothing is published before the data passes
    data = yaml.safe_load((WORKFLOWS / "data.yml").read_text(encoding="utf-8"))
    assert 'make check CHECK_OPTIONS="--format github"' in [step.get("run") for step in data["jobs"]["check"]["steps"]]


@pytest.mark.build
def test_check_new_csp_and_test_run_without_make(tmp_path):
    assert itasite("check", str(DATA)).returncode == 0
    made = itasite("new", str(tmp_path / "data"), "--year", "2564")
    assert made.returncode == 0 and (tmp_path / "data/results/2564.yml").is_file(), made.stderr
    ran = itasite("test", "tests/test_scoring.py", "-q", "-p", "no:cacheprovider")
    assert ran.returncode == 0 and " passed" in ran.stdout, ran.stdout + ran.stderr
    assert "bringing up nodes" in ran.stdout  # on pytest-xdist's workers, as `make test` runs it
    assert itasite("--help").stdout.count("python -m itasite") >= 1


@pytest.mark.build
def test_build_makes_both_languages_and_the_csp_header(tmp_path):
    out = tmp_path / "published"
    built = itasite("build", "--data", str(DATA), "--out", str(out), env={"SITE_URL": SUBPATH_ROOT})
    assert built.returncode == 0, built.stderr
    assert (out / "th/index.html").is_file() and (out / "en/index.html").is_file()
    policy = (out / "content-security-policy.txt").read_text(encoding="utf-8")
    assert policy.startswith("default-src 'none'") and policy == itasite("csp", str(out)).stdout
    assert not (tmp_path / ".published-tmp").exists()


@pytest.mark.build
def test_a_failed_build_keeps_the_published_folder(tmp_path, data_copy):
    out = tmp_path / "published"
    out.mkdir()
    (out / "kept.html").write_text("old", encoding="utf-8")
    replace("units: [clerk-office]", "units: [nobody]")(data_copy / "measures/2568/06-conflict-of-interest.yml")
    built = itasite("build", "--data", str(data_copy), "--out", str(out))
    assert built.returncode != 0 and "ไม่รู้จักหน่วยงาน nobody" in built.stderr and "Traceback" not in built.stderr
    assert [path.name for path in out.iterdir()] == ["kept.html"]


@pytest.mark.build
def test_serve_previews_each_language(data_copy):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    environment = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    command = [sys.executable, "-m", "itasite", "serve", "--lang", "en", "--port", str(port), "--data", str(data_copy)]
    server = subprocess.Popen(command, cwd=PROJECT, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        assert wait_for(lambda: b"Mueang Pan" in fetch(f"http://127.0.0.1:{port}/", timeout=5)[1], 60)
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert wait_for(lambda: not answers(port), 10), "the preview's engine went on serving after it was stopped"


def answers(port: int) -> bool:
    """Whether anything accepts a connection on the port of 127.0.0.1."""
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def test_commands_outside_the_project_say_so_in_thai(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as stopped:
        cli.main(["build"])
    assert "ไม่พบ mkdocs.yml" in str(stopped.value)
