"""The command line: `python -m itasite check [DATA_DIR]` and `python -m itasite csp SITE_DIR`.

Run with hooks/ on the Python path (the Makefile does that). `check` validates the data alone, fast, and
says what it holds and what is left to translate: exit status 0 when the data can be published, 1 when it
cannot, never a traceback for bad data. `csp` prints the Content-Security-Policy header of a built site.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .build.csp import content_security_policy
from .data.problems import DataError
from .data.untranslated import untranslated_fields
from .pipeline import prepare


def check(data: Path) -> int:
    """Check the data folder, print every problem or a summary, and return the exit status."""
    try:
        scored = prepare(data.resolve(), Path.cwd())
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    dataset = scored.dataset
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


def csp(site: Path) -> int:
    """Print the header value for a built site."""
    print(content_security_policy(site))
    return 0


def main(argv: list[str]) -> int:
    """Run one sub-command and return its exit status."""
    parser = argparse.ArgumentParser(prog="python -m itasite", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate the data alone").add_argument("data", nargs="?", default="data")
    commands.add_parser("csp", help="print the CSP header of a built site").add_argument(
        "site", nargs="?", default="site"
    )
    arguments = parser.parse_args(argv)
    if arguments.command == "check":
        return check(Path(arguments.data))
    return csp(Path(arguments.site))
