"""Where the suite's time goes, in CPU-seconds of the whole machine per test module: a pytest plugin for the
maintainer who makes `make test` faster.

    .venv/bin/pytest -p support.cpu_time -n 0 -q

It reads the machine's busy time from /proc/stat before and after each test (its setup included, so a site's
build counts where it is first asked for), and prints the modules by CPU-seconds at the end. The machine's,
not the process's: most of a browser test's work is in Chromium, which pytest does not wait on. Run it in one
process (`-n 0`) on an otherwise idle machine; on several workers each test would be counted with the others'.
"""

from __future__ import annotations

import os
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest

PROC_STAT = Path("/proc/stat")
BUSY = (0, 1, 2, 5, 6, 7)  # user, nice, system, irq, softirq, steal: the columns of the first line that are work
SHOWN = 25  # modules printed, the costliest first
_spent: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])  # module: [CPU-seconds, seconds]


def busy_seconds() -> float:
    """Seconds of CPU the whole machine has been busy since it started, all cores together."""
    columns = PROC_STAT.read_text().splitlines()[0].split()[1:]
    return sum(int(columns[i]) for i in BUSY) / os.sysconf("SC_CLK_TCK")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Iterator[None]:
    """Count a test's setup, call and teardown to its module."""
    cpu, wall = busy_seconds(), time.perf_counter()
    try:
        return (yield)
    finally:
        spent = _spent[item.nodeid.split("::")[0]]
        spent[0] += busy_seconds() - cpu
        spent[1] += time.perf_counter() - wall


def pytest_terminal_summary(terminalreporter) -> None:
    """The modules by CPU-seconds, and the whole run's."""
    if not _spent:
        return
    terminalreporter.section("CPU-seconds of the machine, by test module")
    ranked = sorted(_spent.items(), key=lambda pair: -pair[1][0])
    for module, (cpu, wall) in ranked[:SHOWN]:
        terminalreporter.write_line(f"{cpu:8.1f} CPU-s {wall:8.1f} s  {module}")
    cpu, wall = (sum(spent[i] for spent in _spent.values()) for i in (0, 1))
    terminalreporter.write_line(f"{cpu:8.1f} CPU-s {wall:8.1f} s  all {len(_spent)} modules")
