"""Checks of the OIT lists (oit.yml) and the registers (disclosure/YYYY.yml): what stops a build, and what only
warns while a clerk works through the list.

Problems stop the build like any data problem: a register whose year no list covers, an item code not in the
year's list, a file kept in the repository that is missing, linked from elsewhere, too large, of a type a
browser could run (programs, web pages, SVG with script), and a link that is not a web address. Warnings never
fail the check: a document dated outside the fiscal year its item covers, the items still missing, and the
titles not yet confirmed from the NACC's manual. Every one is located at its file, line and column.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import BaseModel

from ..numbers import fiscal_year_bounds, written_date
from .disclosure import FILE_TYPES, FILES_FOLDER, MAX_FILE_BYTES, MAX_FILES_BYTES, Register
from .logofile import svg_problem
from .lookup_checks import duplicates
from .messages import Bilingual
from .oit import Confidence, Covers, OitFile, OitList, list_for
from .problems import Problem
from .report import Report
from .sources import Loaded

WEB_SCHEMES = ("http://", "https://")  # a document is read in a browser: no mailto: or tel: here
MB = 1024 * 1024


def known(record: BaseModel | None, field: str) -> Any:
    """A field of a record, or None where it did not validate."""
    return getattr(record, field, None)


def check_oit(loaded: Loaded[OitFile]) -> list[Problem]:
    """Each list's codes unique, the groups its items name defined, and no two lists claiming one year."""
    periods = list(known(loaded.record, "periods") or [])
    problems: list[Problem] = []
    for index, period in enumerate(periods):
        items = [item for item in known(period, "items") or [] if item is not None]
        problems += duplicates(loaded, items, "code", ("periods", index, "items"))
        defined = {group.id for group in known(period, "groups") or []}
        problems += [
            loaded.problem(
                ("periods", index, "items", j, "group"), "oit_group_unknown", group=item.group, known=_names(defined)
            )
            for j, item in enumerate(items)
            if item.group is not None and item.group not in defined
        ]
    ordered = sorted(
        ((index, period) for index, period in enumerate(periods) if known(period, "first_year") is not None),
        key=lambda pair: pair[1].first_year,
    )
    problems += [
        loaded.problem(
            ("periods", index, "first_year"), "oit_period_overlap", earlier=earlier.id, first=later.first_year
        )
        for (_, earlier), (index, later) in pairwise(ordered)
        if earlier.last_year is None or earlier.last_year >= later.first_year
    ]
    return problems


def _names(values: Iterable[str]) -> str:
    """Codes or ids as one list for a message: O1, O2, O10 in number order, or a dash for none."""
    ordered = sorted(
        values, key=lambda value: [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", value)]
    )
    return ", ".join(ordered) or "-"


def _size(size: int) -> str:
    """A number of bytes as the limits are stated: MB, or KB below one MB."""
    return f"{size / MB:.1f} MB" if size >= MB else f"{size / 1024:.0f} KB"


def _covered(periods: list[OitList]) -> Bilingual:
    """The assessment years the lists cover, for the message of a year they do not."""
    spans = sorted((period.first_year, period.last_year) for period in periods)
    return Bilingual(
        ", ".join((f"{a}–{b}" if b != a else str(a)) if b else f"{a} เป็นต้นไป" for a, b in spans) or "ไม่มี",
        ", ".join((f"{a}–{b}" if b != a else str(a)) if b else f"{a} onward" for a, b in spans) or "none",
    )


def check_register(loaded: Loaded[Register], periods: list[OitList], root: Path) -> list[Problem]:
    """One register: its year has a list, its codes are that list's, once each, and its documents are allowed."""
    year = known(loaded.record, "year")
    problems: list[Problem] = []
    if isinstance(year, int) and loaded.stem != str(year):
        problems.append(loaded.problem(("year",), "year_file_name", stem=loaded.stem, year=year))
    items_list = list_for(periods, year) if isinstance(year, int) else None
    if isinstance(year, int) and items_list is None:
        problems.append(loaded.problem(("year",), "register_no_list", year=year, covered=_covered(periods)))
    items = [item for item in known(loaded.record, "items") or [] if item is not None]
    problems += duplicates(loaded, items, "code", "items")
    for j, item in enumerate(items):
        if items_list is not None and item.code not in items_list.by_code:
            problems.append(
                loaded.problem(
                    ("items", j, "code"),
                    "register_unknown_item",
                    item=item.code,
                    year=year,
                    known=_names(items_list.by_code),
                )
            )
        for k, document in enumerate(known(item, "documents") or []):
            where = ("items", j, "documents", k)
            url = known(document, "url")
            if isinstance(url, str) and not url.lower().startswith(WEB_SCHEMES):
                problems.append(loaded.problem((*where, "url"), "register_url_scheme", url=url))
            name = known(document, "file")
            if isinstance(name, str):
                problems += file_problems(loaded, (*where, "file"), root, name)
    return problems


def file_problems(loaded: Loaded[BaseModel], where: tuple[str | int, ...], root: Path, name: str) -> list[Problem]:
    """A file kept in the repository exists under disclosure/files/ itself (not through a link), is small enough,
    and is of a type a browser shows rather than runs. The file name's pattern (disclosure.FILE_PATTERN) has no
    `..` and no leading `/`, so with no link on the way the file cannot lie outside the folder."""
    folder = root / FILES_FOLDER
    path = folder / name
    steps = [folder / PurePosixPath(*PurePosixPath(name).parts[: n + 1]) for n in range(len(PurePosixPath(name).parts))]
    if any(step.is_symlink() for step in [folder, *steps]):
        return [loaded.problem(where, "register_file_link", file=name)]
    if not path.is_file():
        return [loaded.problem(where, "register_file_missing", file=name, folder=f"data/{FILES_FOLDER}")]
    suffix = PurePosixPath(name).suffix.lower()
    if suffix not in FILE_TYPES:
        return [loaded.problem(where, "register_file_type", suffix=suffix or "-", allowed=" ".join(FILE_TYPES))]
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return [loaded.problem(where, "register_file_large", size=_size(size), limit=_size(MAX_FILE_BYTES))]
    if suffix == ".svg" and (found := svg_problem(path.read_bytes())):  # the logo's rules: nothing runs or fetches
        # located at the register's field, where the clerk replaces the file; the line in the SVG is said too
        return [loaded.problem(where, "register_file_script", file=name, line=found.line, column=found.column)]
    return []


def check_originals(root: Path, reports: list[Loaded[Report]]) -> list[Problem]:
    """Each report's original (original:), where given: a web address a reader can open, and a file kept under
    disclosure/files/ that the site may publish, by the same rules as the OIT evidence."""
    problems: list[Problem] = []
    for loaded in reports:
        original = known(loaded.record, "original")
        url, name = known(original, "url"), known(original, "file")
        if isinstance(url, str) and not url.lower().startswith(WEB_SCHEMES):
            problems.append(loaded.problem(("original", "url"), "original_url_scheme", url=url))
        if isinstance(name, str):
            problems += file_problems(loaded, ("original", "file"), root, name)
    return problems


def total_problems(registers: list[Loaded[Register]], root: Path) -> list[Problem]:
    """All the files kept in the repository together within MAX_FILES_BYTES: a problem at the document whose
    file takes the total over it (each file counted once)."""
    seen: set[Path] = set()
    total = 0
    for loaded in registers:
        for j, item in enumerate(known(loaded.record, "items") or []):
            for k, document in enumerate(known(item, "documents") or []):
                name = known(document, "file")
                path = root / FILES_FOLDER / name if isinstance(name, str) else None
                if path is None or path in seen or path.is_symlink() or not path.is_file():
                    continue
                seen.add(path)
                total += path.stat().st_size
                if total > MAX_FILES_BYTES:
                    where = ("items", j, "documents", k, "file")
                    return [
                        loaded.problem(where, "register_files_total", size=_size(total), limit=_size(MAX_FILES_BYTES))
                    ]
    return []


def check_disclosure(root: Path, oit: Loaded[OitFile] | None, registers: list[Loaded[Register]]) -> list[Problem]:
    """Every problem of the OIT lists and the registers."""
    problems = check_oit(oit) if oit else []
    periods = list(known(oit.record, "periods") or []) if oit else []
    periods = [period for period in periods if isinstance(period, OitList)]
    for loaded in registers:
        problems += check_register(loaded, periods, root)
    return problems + total_problems(registers, root)


def date_warnings(loaded: Loaded[Register], items_list: OitList) -> list[Problem]:
    """A document dated outside the fiscal year its item covers (reports the previous one, plans the current)."""
    register = loaded.record
    warnings = []
    for j, entry in enumerate(register.items):
        item = items_list.by_code.get(entry.code)
        if item is None or item.covers is Covers.NONE:
            continue
        fiscal = register.year - 1 if item.covers is Covers.PREVIOUS else register.year
        first, last = fiscal_year_bounds(fiscal)
        warnings += [
            loaded.problem(
                ("items", j, "documents", k, "published"),
                "register_date_outside",
                item=entry.code,
                fiscal=fiscal,
                first=Bilingual(written_date(first, "th"), written_date(first, "en")),
                last=Bilingual(written_date(last, "th"), written_date(last, "en")),
            )
            for k, document in enumerate(entry.documents)
            if not first <= document.published <= last
        ]
    return warnings


def unconfirmed_warnings(loaded: Loaded[OitFile]) -> list[Problem]:
    """One warning per list not confirmed from the NACC's manual, naming the items that still have no title."""
    warnings = []
    for index, period in enumerate(loaded.record.periods):
        untitled = [item.code for item in period.items if item.title is None]
        if period.source.confidence is Confidence.OFFICIAL and not untitled:
            continue
        warnings.append(
            loaded.problem(
                ("periods", index, "source", "confidence"),
                "oit_unconfirmed",
                id=period.id,
                confidence=period.source.confidence.value,
                untitled=_names(untitled),
            )
        )
    return warnings
