"""`make check`: validate the data alone, fast, and say what it holds and what is left to translate.

Usage: python -m itasite.check [DATA_DIR]   (run with hooks/ on the Python path; the Makefile does that)
Exit status 0 when the data can be published, 1 when it cannot; never a traceback for bad data.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .dataset import load_dataset
from .problems import DataError
from .translations import untranslated_fields


def main(argv: list[str]) -> int:
    """Check the data folder, print every problem or a summary, and return the exit status."""
    data = Path(argv[0]) if argv else Path("data")
    project = Path.cwd()
    try:
        dataset = load_dataset(data.resolve(), project)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    untranslated = untranslated_fields(dataset)
    for field in untranslated:
        print(field)
    measures = sum(len(items) for items in dataset.measures.values())
    years = ", ".join(map(str, dataset.years))
    print(
        f"{data.as_posix()} is ready to publish. files: {len(dataset.sources)} · years with results: {years}"
        f" · measures: {measures} · reports: {len(dataset.reports)} · untranslated fields: {len(untranslated)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
