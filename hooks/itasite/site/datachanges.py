"""What a change of the data did, in the data's own terms: "scores of FY2025 entered", "measure 14 added",
"indicator 3 of FY2024 changed from 89.10 to 90.12".

The changes page and the feed say this rather than quote the commit's message, which is written for the
people who keep the repository, may be in either language or none, and is not the agency's word. Each file
a commit changed is read as YAML before and after it, and only what differs in its fields counts: a commit
that moves comments or reflows lines changes nothing a reader sees and is not listed. The files the NACC's
framework and the national figures live in are the same for every agency: a change there is not the agency's.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from typing import Any

import yaml

from ..build.history import History, Revision
from ..data.yamlfile import SAFE_LOADER, too_deep
from ..numbers import format_score

# Files every agency shares (the framework, the national figures, the site's glossary): not the agency's data.
SHARED_FILES = {"indicators.yml", "levels.yml", "national.yml", "oit.yml", "glossary.yml"}
# A whole shared lookup file that changed: the locale key of its sentence.
LOOKUP_SENTENCES = {
    "agency.yml": "change_agency",
    "units.yml": "change_units",
    "indicators.yml": "change_indicators",
    "levels.yml": "change_levels",
    "national.yml": "change_national",
    "oit.yml": "change_oit",
    "glossary.yml": "change_glossary",
}
YEAR_FILE = re.compile(r"^(results|reports|disclosure)/(\d{4})\.yml$")
MEASURE_FILE = re.compile(r"^measures/(\d{4})/(\d+)-[^/]*\.yml$")
# A year's file entered, removed or changed: the locale keys by kind of file.
YEAR_SENTENCES = {
    "results": ("change_results_entered", "change_results_removed", "change_results_revised"),
    "reports": ("change_report_entered", "change_report_removed", "change_report_revised"),
    "disclosure": ("change_register_entered", "change_register_removed", "change_register_revised"),
}
MEASURE_SENTENCES = ("change_measure_added", "change_measure_removed", "change_measure_revised")


@dataclass(frozen=True)
class Described:
    """One thing a change did: a locale key, its values, and whether it is a change of the agency's own data."""

    key: str
    values: tuple[tuple[str, int | str], ...] = ()
    agency: bool = True
    numbers: tuple[int, ...] = ()  # the measures it is about, for a measure's change


# Per text, not per commit: a file's text before one commit is its text after the last, and the changes page
# and the history of the pages read the same commits
@functools.lru_cache(maxsize=4096)
def fields(text: str | None) -> object:
    """A file's fields, or None where it did not exist; a file YAML cannot read stands as its text. The fields
    are shared between callers: read them, never change them."""
    if text is None:
        return None
    if too_deep(text):
        return text  # a file once committed nested thousands deep: as unreadable as a syntax error
    try:
        return yaml.load(text, Loader=SAFE_LOADER)  # libyaml's parser: the history holds every commit
    except (yaml.YAMLError, ValueError):  # ValueError: a date such as 2025-02-30 in an earlier commit
        return text


def without_english(value: object) -> object:
    """The fields with every English text left out: what the Thai of a record says."""
    if isinstance(value, dict):
        return {key: without_english(item) for key, item in value.items() if key != "en"}
    if isinstance(value, list):
        return [without_english(item) for item in value]
    return value


def score(value: object) -> str:
    """A score as the pages write it (89.10); a value that is not a number as it was written."""
    try:
        return format_score(Decimal(str(value)))
    except (InvalidOperation, ValueError):
        return str(value)


def score_changes(year: int, before: dict[str, Any], after: dict[str, Any]) -> list[Described]:
    """Each indicator score of a results file that was entered, changed or removed, and the stated figures."""
    old, new = before.get("scores") or {}, after.get("scores") or {}
    found = []
    for number in sorted({*old, *new}, key=lambda number: (len(str(number)), str(number))):  # 2 before 10
        values: tuple[tuple[str, int | str], ...] = (("year", year), ("number", str(number)))
        if number not in old:
            found.append(Described("change_score_added", (*values, ("new", score(new[number])))))
        elif number not in new:
            found.append(Described("change_score_removed", values))
        elif score(old[number]) != score(new[number]):
            changed = (*values, ("old", score(old[number])), ("new", score(new[number])))
            found.append(Described("change_score_changed", changed))
    if before.get("stated") != after.get("stated"):
        found.append(Described("change_stated", (("year", year),)))
    rest = [{k: v for k, v in side.items() if k not in ("scores", "stated")} for side in (before, after)]
    if not found and rest[0] != rest[1]:
        found.append(Described(YEAR_SENTENCES["results"][2], (("year", year),)))
    return found


def revised(before: object, after: object, found: Described) -> list[Described]:
    """A record whose Thai changed is revised; one whose English alone changed has its English revised."""
    if without_english(before) != without_english(after):
        return [found]
    return [replace(found, key=found.key + "_english")] if before != after else []


def describe(revision: Revision) -> list[Described]:
    """What one file's change did to the data; nothing when its fields are the same before and after."""
    before, after = fields(revision.before), fields(revision.after)
    if before == after:
        return []
    path = revision.path
    if measure := MEASURE_FILE.match(path):
        added, removed, changed = MEASURE_SENTENCES
        of_year: tuple[tuple[str, int | str], ...] = (("year", int(measure[1])),)
        numbers = (int(measure[2]),)
        if before is None or after is None:
            return [Described(added if before is None else removed, of_year, numbers=numbers)]
        return revised(before, after, Described(changed, of_year, numbers=numbers))
    if year_file := YEAR_FILE.match(path):
        kind, year = year_file[1], int(year_file[2])
        entered, removed, changed = YEAR_SENTENCES[kind]
        if before is None or after is None:
            return [Described(entered if before is None else removed, (("year", year),))]
        if kind == "results" and isinstance(before, dict) and isinstance(after, dict):
            return score_changes(year, before, after)
        return revised(before, after, Described(changed, (("year", year),)))
    if path in LOOKUP_SENTENCES:
        return revised(before, after, Described(LOOKUP_SENTENCES[path], agency=path not in SHARED_FILES))
    return [Described("change_file", (("file", path),))]


def described(revisions: tuple[Revision, ...]) -> tuple[Described, ...]:
    """Everything a commit did to the data, file by file in path order, the measures of a year that changed
    alike said once ("measures 1–15 of FY2025 added") rather than fifteen times."""
    merged: list[Described] = []
    for found in (found for revision in revisions for found in describe(revision)):
        last = merged[-1] if merged else None
        if last and found.numbers and (last.key, last.values) == (found.key, found.values):
            merged[-1] = replace(last, numbers=(*last.numbers, *found.numbers))
        else:
            merged.append(found)
    return tuple(merged)


def number_ranges(numbers: tuple[int, ...]) -> str:
    """Numbers as runs: 1–10, 12–15."""
    runs: list[list[int]] = []
    for number in sorted(numbers):
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return ", ".join(f"{run[0]}–{run[-1]}" if len(run) > 2 else ", ".join(map(str, run)) for run in runs)


def data_history(history: History) -> History:
    """The history with only what changed the data: each commit keeps the files whose fields it changed, and
    a commit that changed none (comments, line breaks, a file tidied) is left out, so no page takes its date."""
    kept = []
    for change in history.changes:
        files = tuple(revision.path for revision in change.texts if describe(revision))
        if files:
            listed = tuple(path for path in change.listed if path in files)
            kept.append(replace(change, files=files, listed=listed))
    return History(tuple(kept), available=history.available)
