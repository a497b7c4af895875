"""The plugin that tells where the suite's time goes (tests/support/cpu_time.py) counts a module's work."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from support.build import PROJECT
from support.cpu_time import busy_seconds

BUSY_TEST = """
import time

def test_busy():
    end = time.process_time() + 0.5
    while time.process_time() < end:
        pass

def test_idle():
    time.sleep(0.5)
"""


def test_the_machines_busy_time_grows_with_work():
    before = busy_seconds()
    end = os.times().user + 0.3
    while os.times().user < end:
        pass
    assert busy_seconds() - before >= 0.25


def test_each_module_is_listed_with_its_cpu_seconds_and_seconds(tmp_path):
    (tmp_path / "test_busy_module.py").write_text(BUSY_TEST, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "support.cpu_time", "-p", "no:cacheprovider", "-q", str(tmp_path)],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(PROJECT / "tests")},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "CPU-seconds of the machine, by test module" in result.stdout
    row = re.search(r"^\s+([\d.]+) CPU-s\s+([\d.]+) s  test_busy_module\.py$", result.stdout, re.M)
    assert row, result.stdout
    cpu, wall = map(float, row.groups())
    assert cpu >= 0.45  # the busy half: the idle half adds wall time, hardly any CPU
    assert wall >= 0.95
