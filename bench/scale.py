"""Benchmark: how builds grow with years of data and with the number of agencies.

Usage: make bench       (the curve: one agency with 1, 2, 5 and 10 synthetic years)
       make bench-all   (at scale: 100 synthetic agencies × 2 years and 10 × 10 years with build-all)
  or:  python bench/scale.py curve|agencies [AGENCIES YEARS ...]

Every build is the real `python -m itasite build` (or `build-all`), both languages, with no cache kept from a
build before. Peak memory is the largest resident size of any one process of the build (ru_maxrss of the
children). Prints tables.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT / "bench"))

from synthetic import make, make_agencies  # noqa: E402

MEASURE = """
import resource, subprocess, sys, time
started = time.perf_counter()
status = subprocess.run(sys.argv[1:]).returncode
print(time.perf_counter() - started, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, status)
"""


def timed(command: list[str], cache: Path) -> tuple[float, float]:
    """Seconds and peak MB of one command run in a fresh process, with an empty cache of its own."""
    env = {**os.environ, "PYTHONPATH": str(PROJECT / "hooks"), "ITA_CACHE_DIR": str(cache), "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-c", MEASURE, *command], cwd=PROJECT, env=env, capture_output=True, text=True, check=True
    )
    seconds, peak_kb, _status = result.stdout.split()[-3:]
    return float(seconds), float(peak_kb) / 1024


def size_mb(folder: Path) -> float:
    """The size of every file under `folder`, in MB."""
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file()) / 1024 / 1024


def curve(root: Path) -> None:
    """One agency's build with 1, 2, 5 and 10 years of data: time, memory and their growth."""
    print(f"{'years':>6}{'measures':>10}{'build s':>9}{'peak MB':>9}{'site MB':>9}{'× 1 year':>10}")
    first = None
    for years in (1, 2, 5, 10):
        data, out = root / f"data-{years}", root / f"site-{years}"
        make(data, years)
        command = [sys.executable, "-m", "itasite", "build", "--data", str(data), "--out", str(out)]
        seconds, peak = timed(command, root / f"cache-{years}")
        first = first or seconds
        print(f"{years:>6}{years * 15:>10}{seconds:>9.1f}{peak:>9.0f}{size_mb(out):>9.1f}{seconds / first:>9.1f}×")


def agencies(root: Path, sizes: list[tuple[int, int]]) -> None:
    """build-all of synthetic agencies: wall time, cost per agency, peak memory of one process, output size."""
    print(f"{'agencies':>9}{'years':>6}{'jobs':>5}{'wall s':>9}{'s/agency':>9}{'peak MB':>9}{'output MB':>10}")
    jobs = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    for count, years in sizes:
        folder, out = root / f"agencies-{count}x{years}", root / f"all-{count}x{years}"
        make_agencies(folder, count, years)
        command = [sys.executable, "-m", "itasite", "build-all", str(folder), "--out", str(out)]
        seconds, peak = timed(command, root / f"cache-{count}x{years}")
        print(f"{count:>9}{years:>6}{jobs:>5}{seconds:>9.0f}{seconds / count:>9.1f}{peak:>9.0f}{size_mb(out):>10.0f}")


def main() -> None:
    """Run the part named on the command line (both by default)."""
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    part = sys.argv[1] if len(sys.argv) > 1 else "curve"
    numbers = [int(n) for n in sys.argv[2:]] or [100, 2, 10, 10]
    with tempfile.TemporaryDirectory() as folder:
        if part == "curve":
            curve(Path(folder))
        else:
            agencies(Path(folder), list(zip(numbers[::2], numbers[1::2], strict=True)))


if __name__ == "__main__":
    main()
