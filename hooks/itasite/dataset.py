"""Load every data file of an agency into one validated Dataset.

The layout of `data/` is the table below: shared lookups in one file each, and one file per record
(a year's results, a year's report, a measure) with a stable id in its name. Loading never stops at the
first fault: every file is read, every problem is collected, and DataError carries them all.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ValidationError

from . import checks
from .models import (
    Agency,
    Indicator,
    IndicatorsFile,
    LevelsFile,
    Measure,
    Report,
    Results,
    Scheme,
    ToolInfo,
    Unit,
    UnitsFile,
)
from .problems import DataError, Problem, from_validation_error, relative
from .yamlfile import YamlDocument, YamlProblem, read_yaml

LOOKUP_FILES: dict[str, type[BaseModel]] = {
    "agency.yml": Agency,
    "units.yml": UnitsFile,
    "indicators.yml": IndicatorsFile,
    "levels.yml": LevelsFile,
}
YEAR_FILES: dict[str, type[BaseModel]] = {  # folder -> model of its `YYYY.yml` files
    "results": Results,
    "reports": Report,
}
MEASURES_FOLDER = "measures"  # measures/YYYY/NN-slug.yml


@dataclass(frozen=True)
class Loaded:
    """A validated record with the file it came from, so later checks can point back at it."""

    file: str
    doc: YamlDocument
    record: BaseModel
    path: Path


@dataclass(frozen=True)
class Dataset:
    """Everything one agency's site is built from, validated and in display order."""

    agency: Agency
    units: dict[str, Unit]
    tools: dict[str, ToolInfo]
    indicators: dict[int, Indicator]
    schemes: list[Scheme]
    results: dict[int, Results]
    measures: dict[int, list[Measure]]
    reports: dict[int, Report]
    sources: tuple[Loaded, ...]  # every file read, with its parsed text, for reports that point into files
    root: Path  # the data folder, for files the data refers to (the agency's logo)

    @property
    def years(self) -> list[int]:
        """Fiscal years with results, oldest first."""
        return sorted(self.results)

    def scheme_for(self, year: int) -> Scheme:
        """The scoring scheme in force in fiscal year `year` (checks guarantee there is one)."""
        for scheme in self.schemes:
            if scheme.first_year <= year <= (scheme.last_year or year):
                return scheme
        raise LookupError(f"no scoring scheme in data/levels.yml covers fiscal year {year}")


class _Reader:
    """Reads files under one data folder, keeping what validated and every problem met."""

    def __init__(self, root: Path, project: Path) -> None:
        self.root = root
        self.project = project
        self.problems: list[Problem] = []

    def read(self, path: Path, model: type[BaseModel]) -> Loaded | None:
        file = relative(path, self.project)
        try:
            doc = read_yaml(path)
        except YamlProblem as problem:
            self.problems.append(Problem(file, problem.line, problem.column, "", problem.message))
            return None
        try:
            record = model.model_validate(doc.data)
        except ValidationError as error:
            self.problems.extend(from_validation_error(file, doc, error, model))
            return None
        return Loaded(file, doc, record, path)

    def read_lookup(self, name: str) -> Loaded | None:
        path = self.root / name
        if not path.is_file():
            self.problems.append(Problem(relative(path, self.project), 1, 1, "", "this file is missing"))
            return None
        return self.read(path, LOOKUP_FILES[name])

    def read_folder(self, folder: str, pattern: str, model: type[BaseModel]) -> list[Loaded]:
        found = [self.read(path, model) for path in sorted((self.root / folder).glob(pattern))]
        return [loaded for loaded in found if loaded is not None]


def load_dataset(root: Path, project: Path | None = None) -> Dataset:
    """Read and validate every file under `root` (the `data/` folder); raise DataError listing all problems."""
    if project is None or not root.is_relative_to(project):
        project = root.parent  # messages then still start with the data folder's own name
    reader = _Reader(root, project)
    lookups = {name: reader.read_lookup(name) for name in LOOKUP_FILES}
    year_files = {folder: reader.read_folder(folder, "*.yml", model) for folder, model in YEAR_FILES.items()}
    measure_files = reader.read_folder(MEASURES_FOLDER, "*/*.yml", Measure)
    if any(loaded is None for loaded in lookups.values()):
        raise DataError(reader.problems)  # cross-file checks need every lookup

    problems = reader.problems + checks.check_all(lookups, year_files["results"], year_files["reports"], measure_files)
    if problems:
        raise DataError(problems)
    return _assemble(root, lookups, year_files, measure_files)


def _assemble(
    root: Path, lookups: dict[str, Loaded], year_files: dict[str, list[Loaded]], measure_files: list[Loaded]
) -> Dataset:
    """Arrange validated records by id and year, in the order pages show them."""
    indicators_file: IndicatorsFile = lookups["indicators.yml"].record
    measures: dict[int, list[Measure]] = {}
    sources = (*lookups.values(), *year_files["results"], *year_files["reports"], *measure_files)
    for loaded in measure_files:
        measures.setdefault(loaded.record.year, []).append(loaded.record)
    return Dataset(
        agency=lookups["agency.yml"].record,
        units={unit.id: unit for unit in lookups["units.yml"].record.units},
        tools={tool.id: tool for tool in indicators_file.tools},
        indicators={i.number: i for i in sorted(indicators_file.indicators, key=lambda i: i.number)},
        schemes=sorted(lookups["levels.yml"].record.schemes, key=lambda s: s.first_year),
        results={
            loaded.record.year: loaded.record for loaded in sorted(year_files["results"], key=lambda x: x.record.year)
        },
        measures={year: sorted(items, key=lambda m: m.number) for year, items in sorted(measures.items())},
        reports={loaded.record.year: loaded.record for loaded in year_files["reports"]},
        sources=tuple(sorted(sources, key=lambda loaded: loaded.file)),
        root=root,
    )
