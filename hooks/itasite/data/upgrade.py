"""`python -m itasite upgrade [DATA_DIR]`: a data folder written for an earlier layout of this project, rewritten
to the current one.

Each change of the layout is a step of `STEPS`: a name (the code of the message that says what it changed), a
detector that tells a folder still in the earlier layout, and a rewrite that gives the new text of each file it
changes. The steps run in order, each on the files as the ones before it left them, and nothing is written
until every step has run: then every changed file is written beside its place and moved in, so the folder is
upgraded whole or not at all. A rewrite edits the text, so the file's comments stay where the clerk wrote
them, and the result is read back and must hold the same records in their new places, or nothing is written.
A folder already in the current layout is left alone, so running the command again changes nothing.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .layout import linked
from .messages import chosen_language, say
from .starter import BLANK
from .writer import dumped, write_all
from .yamlfile import SAFE_LOADER, too_deep

INDICATORS = "indicators.yml"
OIT = "oit.yml"  # the OIT item lists by assessment year, added to folders made before them
FIRST_PERIOD = "ita-2563"  # the period of blank/indicators.yml whose source the one set of earlier versions takes
YEAR_FILES = ("results/*.yml", "reports/*.yml")  # named after their fiscal year, as the measures' folders are
INDENT = "    "  # the old top-level keys, tools and indicators, become keys of the period's mapping
PERIOD_HEAD = """\
periods:
  # เพิ่มโดย python -m itasite upgrade: ชุดตัวชี้วัดชุดเดียวของรุ่นก่อน ใช้กับทุกปีตั้งแต่ {first}
  # Added by python -m itasite upgrade: the one set of earlier versions, for every year from {first}.
  - id: {id}
    first_year: {first}
"""


class UpgradeProblem(Exception):
    """A file in an earlier layout that the rewrite cannot turn into the current one without a loss."""

    def __init__(self, file: str, code: str) -> None:
        self.file, self.code = file, code
        super().__init__(f"{file}: {code}")


@dataclass
class Folder:
    """A data folder as the steps see it: its files, with the new text of those the steps changed so far."""

    root: Path
    changed: dict[str, str] = field(default_factory=dict)  # file inside the folder -> its new text

    def text(self, name: str) -> str | None:
        """The file's text as the earlier steps left it; None when the folder has no such file."""
        if name in self.changed:
            return self.changed[name]
        path = self.root / name
        return path.read_text(encoding="utf-8") if path.is_file() and not linked(path, self.root) else None

    def years(self) -> list[int]:
        """The fiscal years the folder's results, reports and measures are filed under."""
        names = [path.stem for pattern in YEAR_FILES for path in self.root.glob(pattern)]
        names += [path.name for path in (self.root / "measures").glob("*") if path.is_dir()]
        return sorted({int(name) for name in names if name.isdigit()})


@dataclass(frozen=True)
class Change:
    """What one step changed: the message code, its values, and the files."""

    code: str
    values: dict[str, object]
    files: tuple[str, ...]


@dataclass(frozen=True)
class Step:
    """One change of the data layout: whether a folder is still in the layout before it, and the rewrite."""

    name: str  # the code of the message (messages/*.yml) saying what the step changed
    detect: Callable[[Folder], bool]
    rewrite: Callable[[Folder], tuple[dict[str, str], dict[str, object]]]  # new texts, and the message's values


def _parsed(text: str | None) -> object:
    """A file's records, or None when it is missing or not YAML (the check names what is wrong with it)."""
    if text is None:
        return None
    if too_deep(text):
        return None  # deep enough to exhaust the recursive composer; the check says where
    try:
        return yaml.load(text, Loader=SAFE_LOADER)
    except (yaml.YAMLError, ValueError):  # ValueError: an impossible date, which the check locates
        return None


def single_set(folder: Folder) -> bool:
    """indicators.yml holds one set of tools and indicators for every year, as before the periods."""
    data = _parsed(folder.text(INDICATORS))
    return isinstance(data, dict) and "periods" not in data and bool({"tools", "indicators"} & set(data))


def _first_source() -> dict[str, object]:
    """The source of the blank folder's first period: the NACC document that lays down the set of 2563."""
    blank = yaml.load((BLANK / INDICATORS).read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    period = next(period for period in blank["periods"] if period["id"] == FIRST_PERIOD)
    return {"source": period["source"]}


def _top_level(line: str) -> bool:
    """A line that starts a key of the file's top mapping (not a comment, a blank line or a document mark)."""
    return bool(line.strip()) and not line[0].isspace() and not line.startswith(("#", "---", "%"))


def into_periods(folder: Folder) -> tuple[dict[str, str], dict[str, object]]:
    """The one set moved, comments and all, under `periods:` as a single period for every year of the folder
    (from 2563, or the earliest year before it that the folder has), with the source of the 2563 set."""
    text = folder.text(INDICATORS) or ""
    first = min([2563, *folder.years()])
    period_id = FIRST_PERIOD if first == 2563 else f"ita-{first}"
    lines = text.splitlines(keepends=True)
    start = next(index for index, line in enumerate(lines) if _top_level(line))
    source = "".join(INDENT + line for line in dumped(_first_source()).splitlines(keepends=True))
    body = "".join(INDENT + line if line.strip() else line for line in lines[start:])
    new = "".join(lines[:start]) + PERIOD_HEAD.format(first=first, id=period_id) + source + body
    expected = {"periods": [{"id": period_id, "first_year": first, **_first_source(), **_as_dict(text)}]}
    if _parsed(new) != expected:
        raise UpgradeProblem(f"{folder.root.name}/{INDICATORS}", "upgrade_by_hand")
    return {INDICATORS: new}, {"id": period_id, "first": first}


def _as_dict(text: str) -> dict[str, object]:
    """A file's top mapping (the detector has made sure it is one)."""
    data = _parsed(text)
    return data if isinstance(data, dict) else {}


def no_oit_lists(folder: Folder) -> bool:
    """The folder has no oit.yml: it was made before the OIT lists were data."""
    return folder.text(OIT) is None


def with_oit_lists(folder: Folder) -> tuple[dict[str, str], dict[str, object]]:
    """The shipped OIT lists, as `new` writes them, so the clerk can start a register; its comments name each
    list's source and what is still to confirm."""
    return {OIT: (BLANK / OIT).read_text(encoding="utf-8")}, {"file": OIT}


STEPS = (
    Step("upgrade_indicator_periods", single_set, into_periods),
    Step("upgrade_oit_lists", no_oit_lists, with_oit_lists),
)


def planned(root: Path, steps: Iterable[Step] = STEPS) -> tuple[dict[str, str], list[Change]]:
    """Every step's changes to the folder, in memory: the new text of each file, and what each step did."""
    folder, changes = Folder(root), []
    for step in steps:
        if step.detect(folder):
            texts, values = step.rewrite(folder)
            folder.changed.update(texts)
            changes.append(Change(step.name, values, tuple(texts)))
    return folder.changed, changes


def upgrade(root: Path) -> list[Change]:
    """Bring the data folder to the current layout; what changed (nothing, when it already was)."""
    texts, changes = planned(root)
    write_all(root, {name: text.encode("utf-8") for name, text in texts.items()})  # LF, as data is written
    return changes


def run_upgrade(data: Path, lang: str | None) -> int:
    """`upgrade`: bring the folder to the current layout and say what changed, or that nothing needed to; a
    folder that cannot be upgraded is named, with nothing written, and exit status 1."""
    lang = chosen_language(lang)
    if not data.is_dir():
        print(say(lang, "upgrade_no_folder", {"data": data.as_posix()}), file=sys.stderr)
        return 1
    try:
        changes = upgrade(data)
    except UpgradeProblem as problem:
        print(say(lang, problem.code, {"file": problem.file}), file=sys.stderr)
        return 1
    for change in changes:
        for name in change.files:
            print(f"{(data / name).as_posix()}: {say(lang, change.code, change.values)}")
    files = len({name for change in changes for name in change.files})
    code = "upgrade_done" if files else "upgrade_nothing"
    print(say(lang, code, {"data": data.as_posix(), "files": files}))
    return 0
