"""The command line's commands and options, and how a mistake in them is told: in Thai first (or the language
of ITA_LANG), naming the option, with the way to the command's help, never argparse's English alone.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import NoReturn

from .build.engine import ENGINES
from .data.messages import LANGUAGES as MESSAGE_LANGUAGES
from .data.messages import chosen_language, say
from .data.models import BE_YEAR_RANGE
from .site.locale import LANGUAGES

DESCRIPTION = "The project's command line: every task without `make`, wherever Python 3.11 runs (Windows included)."
LANG_HELP = "language of the messages (default: th, or ITA_LANG)"
UPGRADE_HELP = "rewrite data written for an earlier layout of the project to the current one"
OUTPUTS = ("text", "github")  # how `check` writes problems: lines for people, or GitHub annotations


class ThaiFirstParser(argparse.ArgumentParser):
    """argparse, with its mistakes told in the clerk's language first: a wrong year or a missing file name
    stopped with English usage text only."""

    def error(self, message: str) -> NoReturn:
        """Say what is wrong in the chosen language, with argparse's own detail, and exit 2 as argparse does."""
        print(say(chosen_language(), "command_wrong", {"detail": message, "command": self.prog}), file=sys.stderr)
        raise SystemExit(2)


def fiscal_year(text: str) -> int:
    """A fiscal year given on the command line: a B.E. year such as 2568, in Thai digits too (int() reads them);
    a C.E. year is the usual slip."""
    low, high = BE_YEAR_RANGE
    if not text.isdecimal() or not low <= int(text) <= high:
        raise argparse.ArgumentTypeError(say(chosen_language(), "command_year", {"value": text}))
    return int(text)


def parser() -> argparse.ArgumentParser:
    """The commands and their options, as `--help` shows them."""
    main = ThaiFirstParser(prog="python -m itasite", description=DESCRIPTION)
    commands = main.add_subparsers(dest="command", required=True, metavar="COMMAND")
    built = commands.add_parser("build", help="build both languages into site/")
    built.add_argument("--data", type=Path, help="the data folder (default: data, or ITA_DATA_DIR)")
    built.add_argument("--out", type=Path, default=Path("site"), help="where the site goes (default: site)")
    many = commands.add_parser("build-all", help="one site per agency folder, in parallel, and a hub page")
    many.add_argument("agencies", type=Path, help="a folder of agency folders, each holding a data/ folder")
    many.add_argument("--out", type=Path, default=Path("site-all"), help="where the sites go (default: site-all)")
    many.add_argument("--jobs", type=int, help="builds at a time (default: one per core)")
    many.add_argument("--shard", help="K/N: build every N-th agency from the K-th (from 0), without the hub")
    many.add_argument("--hub-only", action="store_true", help="write the hub only, for sites built elsewhere")
    served = commands.add_parser("serve", help="live preview of one language")
    served.add_argument("--lang", choices=LANGUAGES, default=LANGUAGES[0])
    served.add_argument("--data", type=Path, help="the data folder (default: data, or ITA_DATA_DIR)")
    served.add_argument("--port", type=int, help="default: 8000 for the first language, 8001 for the next")
    for engine_of in (built, served):
        engine_of.add_argument("--engine", choices=ENGINES, default=ENGINES[0], help="forks: ProperDocs + MaterialX")
    checked = commands.add_parser("check", help="validate the data alone")
    checked.add_argument("data", nargs="?", type=Path, default=Path(os.environ.get("ITA_DATA_DIR") or "data"))
    checked.add_argument("--lang", choices=MESSAGE_LANGUAGES, help=LANG_HELP)
    checked.add_argument("--format", choices=OUTPUTS, default="text", help="github: annotations for GitHub Actions")
    commands.add_parser("csp", help="print the CSP header of a built site").add_argument(
        "site", nargs="?", type=Path, default=Path("site")
    )
    made = commands.add_parser("new", help="write a new agency's data folder")
    made.add_argument("folder", type=Path)
    made.add_argument("--year", type=fiscal_year, help="fiscal year in B.E. (default: the current one)")
    made.add_argument("--lang", choices=MESSAGE_LANGUAGES, help=LANG_HELP)
    imported = commands.add_parser("import", help="read a report (Word, Excel, PDF text) into the data folder")
    imported.add_argument("file", type=Path)
    imported.add_argument(
        "--year", type=fiscal_year, help="fiscal year in B.E. (default: the one the report's title names)"
    )
    imported.add_argument("--data", type=Path, default=Path(os.environ.get("ITA_DATA_DIR") or "data"))
    imported.add_argument("--force", action="store_true", help="replace files that already exist")
    imported.add_argument("--lang", choices=MESSAGE_LANGUAGES, help=LANG_HELP)
    for name, what in (("template", "an empty workbook to fill in"), ("export", "the data as a workbook")):
        sheet = commands.add_parser(name, help=f"write {what}")
        sheet.add_argument("file", type=Path)
        if name == "export":
            sheet.add_argument("--data", type=Path, default=Path(os.environ.get("ITA_DATA_DIR") or "data"))
        else:
            sheet.add_argument("--year", type=fiscal_year, help="fiscal year in B.E. (default: the current one)")
        sheet.add_argument("--force", action="store_true", help="replace the file if it exists")
        sheet.add_argument("--lang", choices=MESSAGE_LANGUAGES, help=LANG_HELP)
    for name, what in (("tidy", "lay out the data files as the import writes them"), ("upgrade", UPGRADE_HELP)):
        folder = commands.add_parser(name, help=what)
        folder.add_argument("data", nargs="?", type=Path, default=Path(os.environ.get("ITA_DATA_DIR") or "data"))
        if name == "tidy":
            folder.add_argument("--check", action="store_true", help="only name the files that would change")
        folder.add_argument("--lang", choices=MESSAGE_LANGUAGES, help=LANG_HELP)
    commands.add_parser("test", help="run the test suite", add_help=False)
    return main
