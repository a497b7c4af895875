"""One import: the clerk's file read, its records built, every data file made in memory, then written only
if all of it could be made, and the usual check run on the result.

An import adds without being asked: new files, new units at the end of units.yml, new keys and list entries.
Nothing existing is changed without `force`: the refusal names every change (changes.py), and nothing is
written. A file whose content would not change is left as it is, so importing the same file twice is
harmless and gives the same bytes. A measure whose number already has a
file in that year's folder keeps that file's name, so a clerk may rename ids and import again. A folder
without the national framework (indicators.yml, levels.yml, oit.yml) gets it from the blank data folder.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..data.framework import IndicatorsFile
from ..data.models import LevelsFile, UnitsFile
from ..data.problems import DataError, Problem
from ..data.starter import BLANK
from ..data.writer import dumped, head_of, write_all
from ..pipeline import prepare
from .agency import agency_yml
from .changes import Difference, ExistingChanged, differences
from .oitbook import read_register_sheets, register_files
from .records import Imported
from .review import ImportProblem, Review
from .roundtrip import records_of_workbook
from .source import SourceDocument
from .unreadable import UnreadableFile

FRAMEWORK = ("indicators.yml", "levels.yml", "oit.yml")  # national, the same for every agency


@dataclass
class ImportResult:
    """What an import wrote, what it left as it was, what to check, and what the check found."""

    source: str
    year: int
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    new: list[Path] = field(default_factory=list)  # files that were not there
    added: dict[Path, list[Difference]] = field(default_factory=dict)  # existing files given more, and what
    replaced: dict[Path, list[Difference]] = field(default_factory=dict)  # what --force changed in each
    reviews: list[Review] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def read_document(path: Path) -> SourceDocument:
    """The clerk's file as tables, by the reader its content calls for (sniff.py refuses the rest)."""
    from .sniff import read_source

    return read_source(path)


def import_file(path: Path, data_dir: Path, *, year: int | None = None, force: bool = False) -> ImportResult:
    """Import `path` into `data_dir`; UnreadableFile or ImportProblem (and nothing written) when it cannot."""
    try:
        document = read_document(path)  # first: sniff.py refuses a damaged, oversized or hostile file unread
    except UnreadableFile as error:
        registers = read_register_sheets(path, data_dir) if error.code == "import_no_measures" else {}
        if not registers:
            raise
        return _registers_only(path, registers, data_dir, force)  # a workbook of the OIT register alone
    registers = read_register_sheets(path, data_dir)
    units = _known_units(data_dir)
    known = units.units if units else []
    parts = records_of_workbook(document, year, known, _indicator_names(data_dir, year), _levels(data_dir))
    imported = parts[0]  # the newest year; an exported workbook gives one part per fiscal year it holds
    files: dict[str, bytes] = register_files(registers, data_dir)
    for part in parts:
        files.update(planned_files(part, data_dir, document.name, None if part is not imported else units))
    new_units = {unit.id: unit for part in parts for unit in part.units}  # each part knows only its own
    if new_units:
        merged = Imported(imported.year, units=list(new_units.values()))
        files.update(planned_files(merged, data_dir, document.name, units))
    imported = Imported(
        imported.year, reviews=[review for part in parts for review in part.reviews], units=list(new_units.values())
    )
    if not (data_dir / "agency.yml").exists():
        files["agency.yml"] = agency_yml(document.paragraphs, imported.reviews)
    result = ImportResult(document.name, imported.year, reviews=imported.reviews)
    return written_and_checked(files, data_dir, force, result)


def written_and_checked(files: dict[str, bytes], data_dir: Path, force: bool, result: ImportResult) -> ImportResult:
    """Write the files an import may write (all or none), then check the folder as the build would, so the
    clerk reads what is still to fix with what was written."""
    chosen = chosen_files(files, data_dir, force, result)
    result.unchanged = [data_dir / relative for relative in files if relative not in chosen]
    result.written = write_all(data_dir, chosen)
    try:
        prepare(data_dir.resolve(), Path.cwd())
    except DataError as error:
        result.problems = list(error.problems)
    return result


def _registers_only(path: Path, registers: dict[int, dict[str, object]], data_dir: Path, force: bool) -> ImportResult:
    """The import of a workbook that holds only OIT register sheets: their files, written as any import's."""
    files = register_files(registers, data_dir)
    result = ImportResult(path.name, max(registers))
    return written_and_checked(files, data_dir, force, result)


def chosen_files(files: dict[str, bytes], data_dir: Path, force: bool, result: ImportResult) -> dict[str, bytes]:
    """The planned files to write: the new ones, and the existing ones the import only adds to (or, with
    `force`, any whose bytes differ); what each does is noted in `result`. A file whose content would only
    be laid out anew is left as it is. ExistingChanged (nothing written) names every change without `force`."""
    chosen: dict[str, bytes] = {}
    changes: dict[str, list[Difference]] = {}
    for relative, content in files.items():
        target = data_dir / relative
        if not target.exists():
            chosen[relative] = content
            result.new.append(target)
            continue
        now = target.read_bytes()
        found = differences(now, content) if now != content else []
        changed = [difference for difference in found if not difference.added]
        if changed:
            changes[target.as_posix()] = changed
        if found and not changed:
            chosen[relative] = content
            result.added[target] = found
        elif force and now != content:
            chosen[relative] = content
            result.replaced[target] = changed
    if changes and not force:
        raise ExistingChanged(changes, data_dir.as_posix())
    return chosen


def planned_files(imported: Imported, data_dir: Path, source: str, units: UnitsFile | None) -> dict[str, bytes]:
    """Every file the import would write, by its path inside the data folder, built in memory."""
    files: dict[str, bytes] = {}
    for name in FRAMEWORK:
        if not (data_dir / name).exists():
            files[name] = (BLANK / name).read_bytes()
    for year, results in sorted(imported.results.items()):
        comment = f"# ITA results of fiscal year {year}, imported from {source}.\n"
        files[f"results/{year}.yml"] = _with_head(data_dir / f"results/{year}.yml", comment, dumped(results))
    folder = f"measures/{imported.year}"
    names = _existing_names(data_dir / folder)
    for measure in imported.measures:
        measure["id"] = names.get(int(str(measure["number"])), measure["id"])
        comment = f"# Measure {measure['number']} of the fiscal year {imported.year} report, imported from {source}.\n"
        files[f"{folder}/{measure['id']}.yml"] = _with_head(
            data_dir / folder / f"{measure['id']}.yml", comment, dumped(measure)
        )
    if imported.units:
        new = dumped({"units": [unit.model_dump(exclude_none=True) for unit in imported.units]})
        old = (data_dir / "units.yml").read_text(encoding="utf-8") if units else ""
        head = old.rstrip("\n") + "\n" if old else "# Offices a measure can name as responsible (ผู้รับผิดชอบ).\n"
        files["units.yml"] = (head + (new.split("\n", 1)[1] if old else new)).encode()
    return files


def _with_head(target: Path, comment: str, body: str) -> bytes:
    """A file's new content under the comments the file has at its top now (a clerk's own notes, kept), or
    under `comment` when it is new."""
    head = head_of(target.read_text(encoding="utf-8")) if target.is_file() else comment
    return (head + body).encode()


def _existing_names(folder: Path) -> dict[int, str]:
    """The measure files a year's folder already has, by the number their names start with."""
    names: dict[int, str] = {}
    for path in sorted(folder.glob("*.yml")) if folder.is_dir() else []:
        prefix = path.stem.split("-", 1)[0]
        if prefix.isdigit():
            names.setdefault(int(prefix), path.stem)
    return names


def _known_units(data_dir: Path) -> UnitsFile | None:
    """units.yml of the data folder, or None when there is none; a file that does not read stops the import."""
    path = data_dir / "units.yml"
    if not path.exists():
        return None
    try:
        return UnitsFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except (yaml.YAMLError, ValueError, UnicodeDecodeError) as error:
        raise ImportProblem("import_units_unreadable", {}, path.as_posix()) from error


def _levels(data_dir: Path) -> LevelsFile | None:
    """The scoring schemes of the data folder, or else the national ones, to read the levels a report states;
    None when neither reads (the check after the import names what is wrong)."""
    for path in (data_dir / "levels.yml", BLANK / "levels.yml"):
        if path.is_file():
            try:
                return LevelsFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
            except (yaml.YAMLError, ValueError, UnicodeDecodeError):
                continue
    return None


def _indicator_names(data_dir: Path, year: int | None = None) -> dict[int, str]:
    """The Thai names by number of the indicators of fiscal year `year` (the newest period's when the year is not
    known yet or no period covers it), from the data folder or else the national list."""
    path = data_dir / "indicators.yml" if (data_dir / "indicators.yml").exists() else BLANK / "indicators.yml"
    try:
        framework = IndicatorsFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except (yaml.YAMLError, ValueError, UnicodeDecodeError):
        framework = IndicatorsFile.model_validate(yaml.safe_load((BLANK / "indicators.yml").read_text("utf-8")))
    periods = sorted(framework.periods, key=lambda period: period.first_year)
    chosen = next((period for period in periods if year is not None and period.covers(year)), periods[-1])
    return {indicator.number: indicator.name.th for indicator in chosen.indicators}
