"""Benchmark: how long importing a report takes, for the seed as a Word file, a workbook and the text of its PDF.

Usage: make bench   (or: PYTHONPATH=hooks:tests python bench/imports.py)
Each import runs as a clerk runs it, `python -m itasite import FILE --data DIR`, in a fresh process into a data
folder holding only the agency, units, indicators and levels, three times; the table gives the fastest run and,
apart, the time of the same import in a process that has imported once already.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(PROJECT / "hooks"), str(PROJECT / "tests")]

from support.build import DATA  # noqa: E402
from support.report_files import write_word_report, write_workbook_report  # noqa: E402

from itasite.importer.run import import_file  # noqa: E402

SEED_TEXT = PROJECT.parent / "shared/seed/000_ad945ec5916b0c02.txt"
LOOKUPS = ("agency.yml", "units.yml", "indicators.yml", "levels.yml")
RUNS = 3


def lookups_only(folder: Path) -> Path:
    """A data folder with the shared files of the seed and no record yet, as before a first import."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name in LOOKUPS:
        shutil.copy(DATA / name, folder / name)
    return folder


def cold(report: Path, scratch: Path) -> float:
    """Seconds of the fastest of RUNS imports, each a new process as the command line runs it."""
    env = {**os.environ, "PYTHONPATH": str(PROJECT / "hooks")}
    best = float("inf")
    for _ in range(RUNS):
        data = lookups_only(scratch / "data")
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "itasite", "import", str(report), "--data", str(data)], cwd=PROJECT,
                       env=env, capture_output=True, check=False)  # fmt: skip
        best = min(best, time.perf_counter() - started)
    return best


def warm(report: Path, scratch: Path) -> float:
    """Seconds of one import in this process, after a first one has loaded the libraries and dictionaries."""
    import_file(report, lookups_only(scratch / "warm-up"))
    data = lookups_only(scratch / "data")
    started = time.perf_counter()
    import_file(report, data)
    return time.perf_counter() - started


def main() -> None:
    """Write the seed as Word and Excel files, time each import, print the table."""
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        reports = {
            "Word (.docx)": write_word_report(scratch / "report.docx"),
            "workbook (.xlsx)": write_workbook_report(scratch / "report.xlsx"),
            "text of the PDF (.txt)": SEED_TEXT,
        }
        print("\nImport of the seed report (15 measures, 2 years of scores)")
        print("| file | new process | in a warm process |\n|---|---|---|")
        for name, report in reports.items():
            print(f"| {name} | {cold(report, scratch):.2f} s | {warm(report, scratch):.2f} s |")


if __name__ == "__main__":
    main()
