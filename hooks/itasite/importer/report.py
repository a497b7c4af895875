"""What `python -m itasite import FILE` prints: the files written (each new, added to with what was added, or
replaced with --force), the review list as `file:line: what to check` (Thai, or English with --lang en), then
the check's result. A file that cannot be read at all gives one line and exit status 1, and an import that
would change existing data one line for each change; nothing is written then."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from ..build.lock import FolderBusy, holding
from ..build.swap import recover
from ..data.messages import chosen_language, say
from .review import ImportProblem, Review, placed
from .run import ImportResult, import_file
from .unreadable import UnreadableFile

RECOVERED = {"finished": "import_recovered_finished", "rolled_back": "import_recovered_rolled_back"}  # build/swap.py
LINE = re.compile(r"^บรรทัด (\d+)\s*(.*)$")  # where pdftext.py locates a row: "บรรทัด 89" (file:89: …)


def run_import(path: Path, data_dir: Path, year: int | None, force: bool, lang: str | None) -> int:
    """Import one file into `data_dir`, print what happened, and return the exit status."""
    lang = chosen_language(lang)
    try:
        with holding([data_dir]):  # a build reading this data, or a second import, stops this one at once
            if recovered := recover(data_dir.resolve()):  # an import killed before: finished or rolled back
                print(say(lang, RECOVERED[recovered], {"data": data_dir.as_posix()}), file=sys.stderr)
            result = import_file(path, data_dir, year=year, force=force)
    except FolderBusy as busy:
        print(busy, file=sys.stderr)
        return 1
    except OSError as error:  # a file of data/ open in another program (Windows), a full or read-only disk
        values = {"data": data_dir.as_posix(), "error": error.strerror or type(error).__name__}
        print(say(lang, "import_write_failed", values), file=sys.stderr)
        return 1
    except (UnreadableFile, ImportProblem) as error:
        print(error.message(lang), file=sys.stderr)
        return 1
    print_result(result, data_dir, lang)
    return 0


def print_result(result: ImportResult, data_dir: Path, lang: str) -> None:
    """The files written, what to check, and what the check found."""
    for path in result.written:
        print(written_line(result, path, lang))
    values = {"count": len(result.written), "unchanged": len(result.unchanged), "year": result.year}
    print(say(lang, "import_wrote", {**values, "file": result.source}))
    if result.reviews:
        print(say(lang, "import_review", {"count": len(result.reviews)}))
        for review in result.reviews:
            print(review_line(result.source, review, lang))
    if result.problems:
        for problem in result.problems:
            print(problem.text(lang))
        count = len(result.problems)
        print(say(lang, "report_one" if count == 1 else "report_many", {"count": count}))
    else:
        print(say(lang, "import_check_ok", {"data": data_dir.as_posix()}))


def written_line(result: ImportResult, path: Path, lang: str) -> str:
    """What the import did to one file it wrote: a new file, what it added, or how much --force changed."""
    file = path.as_posix()
    if path in result.added:
        fields = ", ".join(difference.summary(lang) for difference in result.added[path])
        return say(lang, "import_added", {"file": file, "fields": fields})
    if path in result.replaced:
        return say(lang, "import_replaced", {"file": file, "count": len(result.replaced[path])})
    return say(lang, "import_new_file", {"file": file})


def review_line(source: str, review: Review, lang: str) -> str:
    """One review entry as `file:line: what to check` (a Word or Excel file names its table and row instead)."""
    found = LINE.match(review.where)
    if found:
        column = f" {placed(found.group(2), lang)}:" if found.group(2) else ""
        return f"{source}:{found.group(1)}:{column} {review.message(lang)}"
    where = placed(review.where, lang)
    return f"{source}: {where}: {review.message(lang)}" if where else f"{source}: {review.message(lang)}"
