"""One build or import at a time per folder (build/lock.py): a second command stops at once with a Thai
message naming the first, a lock dies with its holder, and the site published is always one whole build."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import textwrap
import time

import pytest
from support.build import DATA, PROJECT
from support.data import tree_digest
from support.http import fetch, wait_for

from itasite import cli
from itasite.build.lock import FolderBusy, holding, lock_file

# A process that holds folders as a command would, until it is stopped: argv[1] "w" or "r", then the folders
HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from itasite.build.lock import holding
    folders = [Path(name) for name in sys.argv[2:]]
    with holding(folders if sys.argv[1] == "w" else [], folders if sys.argv[1] == "r" else [], "holder-command"):
        print("held", flush=True)
        time.sleep(600)
    """
)


def _environment() -> dict[str, str]:
    """The environment of the commands the tests start: the installed package, messages in Thai."""
    return {**{k: v for k, v in os.environ.items() if k != "PYTHONPATH"}, "ITA_LANG": "th"}


@pytest.fixture
def holder(tmp_path):
    """Start a process holding folders ('w' alone, 'r' shared); every one started is killed at the end."""
    started: list[subprocess.Popen] = []

    def hold(mode: str, *folders) -> subprocess.Popen:
        """A running holder of `folders`, once it holds them."""
        command = [sys.executable, "-c", HOLDER, mode, *map(str, folders)]
        process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=_environment())
        started.append(process)
        assert process.stdout is not None and process.stdout.readline() == "held\n"
        return process

    yield hold
    for process in started:
        process.kill()
        process.wait()


def test_a_held_folder_stops_a_second_command_naming_the_first(tmp_path, holder):
    first = holder("w", tmp_path / "site")
    with pytest.raises(FolderBusy) as refused, holding([tmp_path / "site"]):
        pass
    message = str(refused.value)
    assert message.startswith(f"{(tmp_path / 'site').as_posix()}: คำสั่งอื่นกำลังใช้โฟลเดอร์นี้อยู่")
    assert f"holder-command, PID {first.pid}" in message and "another command is using this folder" in message


@pytest.mark.parametrize(
    ("first", "second", "refused"),
    [("w", "w", True), ("w", "r", True), ("r", "w", True), ("r", "r", False)],
)
def test_readers_share_a_folder_and_a_writer_has_it_alone(tmp_path, holder, first, second, refused):
    holder(first, tmp_path / "data")
    writes, reads = ([tmp_path / "data"], []) if second == "w" else ([], [tmp_path / "data"])
    try:
        with holding(writes, reads):
            taken = True
    except FolderBusy:
        taken = False
    assert taken is not refused


def test_a_killed_holder_leaves_no_lock_behind(tmp_path, holder):
    first = holder("w", tmp_path / "site")
    first.send_signal(signal.SIGKILL)
    first.wait()
    with holding([tmp_path / "site"]):
        assert lock_file(tmp_path / "site").is_file()  # the file stays; the kernel let go of the lock
    assert not list(tmp_path.iterdir())  # nothing is written beside or into the folder


def test_an_import_into_data_a_build_reads_stops_at_once(data_copy, holder, capsys):
    before = tree_digest(data_copy)
    first = holder("r", data_copy)
    report = data_copy.parent / "report.csv"
    report.write_text("ลำดับ,มาตรการ\n1,ก\n", encoding="utf-8")
    status = cli.main(["import", str(report), "--data", str(data_copy)])
    error = capsys.readouterr().err
    assert status == 1 and "คำสั่งอื่นกำลังใช้โฟลเดอร์นี้อยู่" in error and f"PID {first.pid}" in error
    assert tree_digest(data_copy) == before


@pytest.mark.parametrize("command", [["tidy"], ["upgrade"]])
def test_tidy_and_upgrade_stop_at_once_while_a_build_reads_the_data(data_copy, holder, capsys, command):
    before = tree_digest(data_copy)
    first = holder("r", data_copy)
    assert cli.main([*command, str(data_copy)]) == 1
    assert f"PID {first.pid}" in capsys.readouterr().err and tree_digest(data_copy) == before


def _build(out, data=DATA) -> subprocess.Popen:
    """A real `python -m itasite build` of `data` into `out`, started and not waited for."""
    command = [sys.executable, "-m", "itasite", "build", "--data", str(data), "--out", str(out)]
    return subprocess.Popen(command, cwd=PROJECT, env=_environment(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """The files of one build of the seed by itself, which any build of it must give again."""
    out = tmp_path_factory.mktemp("reference") / "site"
    built = _build(out)
    _, error = built.communicate(timeout=600)
    assert built.returncode == 0, error.decode()
    return tree_digest(out)


@pytest.mark.build
def test_two_builds_started_together_publish_one_whole_site(tmp_path, reference):
    out = tmp_path / "site"
    out.mkdir()
    (out / "old.html").write_text("the site before", encoding="utf-8")
    first = _build(out)
    assert wait_for(lambda: f"PID {first.pid}" in _note(out), 60)  # the first holds the folder now
    second = _build(out)
    _, refused = second.communicate(timeout=60)  # stops at once, while the first is still building
    assert first.poll() is None
    assert second.returncode == 1, refused.decode()
    refused_text = refused.decode()
    assert f"{out.as_posix()}: คำสั่งอื่นกำลังใช้โฟลเดอร์นี้อยู่" in refused_text and f"PID {first.pid}" in refused_text
    assert f"(python -m itasite build --data {DATA} --out {out}, PID {first.pid})" in refused_text
    assert "Traceback" not in refused_text
    _, error = first.communicate(timeout=600)
    assert first.returncode == 0, error.decode()
    assert tree_digest(out) == reference


@pytest.mark.build
def test_an_import_while_a_real_build_reads_the_data_stops_and_the_build_ends_well(tmp_path, data_copy):
    before = tree_digest(data_copy)
    first = _build(tmp_path / "site", data_copy)
    assert wait_for(lambda: f"PID {first.pid}" in _note(data_copy), 60)
    report = tmp_path / "report.csv"
    report.write_text("ลำดับ,มาตรการ\n1,ก\n", encoding="utf-8")
    command = [sys.executable, "-m", "itasite", "import", str(report), "--data", str(data_copy)]
    refused = subprocess.run(command, cwd=PROJECT, env=_environment(), capture_output=True, text=True, timeout=60)
    assert first.poll() is None  # refused while the build still runs
    assert refused.returncode == 1 and f"{data_copy.as_posix()}: คำสั่งอื่นกำลังใช้โฟลเดอร์นี้อยู่" in refused.stderr
    assert f"PID {first.pid}" in refused.stderr and "Traceback" not in refused.stderr
    _, error = first.communicate(timeout=600)
    assert first.returncode == 0, error.decode()
    assert tree_digest(data_copy) == before and (tmp_path / "site/th/index.html").is_file()


def _note(folder) -> str:
    """What the holder of `folder` wrote into its lock file ('' when there is none yet)."""
    try:
        return lock_file(folder).read_text(encoding="utf-8")
    except OSError:
        return ""


@pytest.mark.build
def test_a_build_while_the_preview_runs_publishes_the_whole_site(tmp_path, reference):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "itasite", "serve", "--lang", "th", "--port", str(port), "--data", str(DATA)]
    server = subprocess.Popen(
        command, cwd=PROJECT, env=_environment(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        assert wait_for(lambda: "เมืองปาน".encode() in fetch(f"http://127.0.0.1:{port}/", timeout=5)[1], 120)
        started = time.monotonic()
        built = _build(tmp_path / "site")
        _, error = built.communicate(timeout=600)
        assert built.returncode == 0 and b"Traceback" not in error, error.decode()
        assert tree_digest(tmp_path / "site") == reference
        assert "เมืองปาน".encode() in fetch(f"http://127.0.0.1:{port}/", timeout=5)[1]  # the preview still serves
        assert server.poll() is None, f"the preview stopped {time.monotonic() - started:.0f} s into the build"
    finally:
        server.terminate()
        server.wait(timeout=20)


@pytest.mark.parametrize(
    ("lang", "words"), [("th", "คำสั่งอื่นกำลังใช้โฟลเดอร์นี้อยู่"), ("en", "another command is using this folder")]
)
def test_the_guide_quotes_the_message_as_the_command_gives_it(lang, words):
    guide = (PROJECT / f"docs/{lang}/guide/import.md").read_text(encoding="utf-8")
    assert f'"{words}"' in guide and words in FolderBusy(PROJECT / "data", "x").message()
