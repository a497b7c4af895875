"""Load every data file of an agency into one validated Dataset.

The layout of `data/` is the table below: shared lookups in one file each, and one file per record
(a year's results, a year's report, a measure) with a stable id in its name. Loading never stops at the
first fault: every file is read, every problem is collected, and the caller reports them all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from . import checks
from .disclosure import Register
from .disclosure_checks import check_disclosure, check_originals
from .examples import example_problems
from .framework import IndicatorSet, IndicatorsFile, set_for
from .layout import layout_problems, linked
from .lookup_checks import duplicates
from .models import Agency, Indicator, LevelsFile, Measure, Results, Scheme, Unit, UnitsFile
from .national import NationalFile, NationalYear
from .oit import OitFile, OitList, list_for
from .problems import DataError, Problem, from_validation_error, message, relative
from .report import Report
from .salvage import salvage
from .sources import Loaded, Lookups
from .yamlfile import YamlProblem, read_yaml

LOOKUP_FILES: dict[str, type[BaseModel]] = {  # file -> model; the order of the fields of Lookups
    "agency.yml": Agency,
    "units.yml": UnitsFile,
    "indicators.yml": IndicatorsFile,
    "levels.yml": LevelsFile,
}
RESULTS_FOLDER = "results"  # results/YYYY.yml
REPORTS_FOLDER = "reports"  # reports/YYYY.yml
MEASURES_FOLDER = "measures"  # measures/YYYY/NN-slug.yml
NATIONAL_FILE = "national.yml"  # optional: the national figures of each year, with their sources
OIT_FILE = "oit.yml"  # optional: the OIT item lists by assessment year
DISCLOSURE_FOLDER = "disclosure"  # disclosure/YYYY.yml: the OIT evidence of an assessment year
YEAR_FILE = "*.yml"
MEASURE_FILE = "*/*.yml"

Record = TypeVar("Record", bound=BaseModel)


@dataclass(frozen=True)
class Dataset:
    """Everything one agency's site is built from, validated and in display order."""

    agency: Agency
    units: dict[str, Unit]
    frameworks: list[IndicatorSet]  # the periods of indicators.yml, oldest first
    schemes: list[Scheme]
    results: dict[int, Results]
    measures: dict[int, list[Measure]]
    reports: dict[int, Report]
    sources: tuple[Loaded[BaseModel], ...]  # every file read, with its parsed text, for reports that point into files
    root: Path  # the data folder, for files the data refers to (the agency's logo)
    national: dict[int, NationalYear] = field(default_factory=dict)  # from national.yml, when the folder has one
    oit: list[OitList] = field(default_factory=list)  # the periods of oit.yml, oldest first
    disclosure: dict[int, Register] = field(default_factory=dict)  # disclosure/YYYY.yml by assessment year

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

    def framework_for(self, year: int) -> IndicatorSet | None:
        """The tools and indicators of fiscal year `year`; None for a year no period covers (the checks allow one
        only for a year known by its announced total and level)."""
        return set_for(self.frameworks, year)

    def indicators_for(self, year: int) -> dict[int, Indicator]:
        """The indicators of fiscal year `year` by number, none for a year no period covers."""
        framework = self.framework_for(year)
        return framework.by_number if framework else {}

    def oit_list_for(self, year: int) -> OitList | None:
        """The OIT items of assessment year `year`; None for a year no list of oit.yml covers."""
        return list_for(self.oit, year)

    @property
    def tool_ids(self) -> list[str]:
        """The ids of every tool of every period, in the order they first appear (the results table's columns)."""
        return list(dict.fromkeys(tool for framework in self.frameworks for tool in framework.tools_by_id))


@dataclass(frozen=True)
class DataFiles:
    """Every file of a data folder that is valid on its own, and every problem met reading and checking them.

    Cross-file problems are in `problems` too. Records that did not validate are kept as far as they are right
    (`complete` is False), so the cross-file checks could look at the rest of them."""

    root: Path
    lookups: Lookups
    results: list[Loaded[Results]]
    reports: list[Loaded[Report]]
    measures: list[Loaded[Measure]]
    problems: list[Problem]
    national: Loaded[NationalFile] | None = None  # optional: a site without national figures builds as before
    oit: Loaded[OitFile] | None = None  # optional: a site without the OIT lists has no disclosure pages
    registers: list[Loaded[Register]] = field(default_factory=list)


class _Reader:
    """Reads files under one data folder, keeping what validated and every problem met."""

    def __init__(self, root: Path, project: Path) -> None:
        self.root = root
        self.project = project
        self.problems: list[Problem] = []

    def read(self, path: Path, model: type[Record]) -> Loaded[Record] | None:
        """One file parsed and validated, with its problems noted: kept as far as its fields are right when
        it does not validate, None when it cannot be read as fields at all."""
        file = relative(path, self.project)
        if linked(path, self.root) or not path.is_file():
            return None  # not through a link, nor a pipe (which would wait for ever): layout_problems names it
        try:
            doc = read_yaml(path)
        except YamlProblem as problem:
            self.problems.append(
                Problem(file, problem.line, problem.column, "", (message(problem.code, **problem.values),))
            )
            return None
        self.problems += example_problems(file, doc)  # an example left from `new` is never published
        try:
            record = model.model_validate(doc.data)
        except ValidationError as error:
            self.problems.extend(from_validation_error(file, doc, error, model))
            partial = salvage(model, doc.data)
            return Loaded(file, doc, partial, path, complete=False) if partial is not None else None
        return Loaded(file, doc, record, path)

    def read_lookup(self, name: str) -> Loaded[BaseModel] | None:
        """A shared file, which must exist; only a whole one is used, since other files are checked against it."""
        path = self.root / name
        if not path.is_file() and not path.is_symlink():
            self.problems.append(Problem(relative(path, self.project), 1, 1, "", (message("file_missing"),)))
            return None
        loaded = self.read(path, LOOKUP_FILES[name])
        return loaded if loaded and loaded.complete else None

    def read_folder(self, folder: str, pattern: str, model: type[Record]) -> list[Loaded[Record]]:
        """Every file of one record kind that could be read as fields, in file name order."""
        found = [self.read(path, model) for path in sorted((self.root / folder).glob(pattern))]
        return [loaded for loaded in found if loaded is not None]


def read_data(root: Path, project: Path | None = None) -> DataFiles:
    """Read and validate every file under `root` (the `data/` folder) and run the cross-file checks."""
    if project is None or not root.is_relative_to(project):
        project = root.parent  # messages then still start with the data folder's own name
    reader = _Reader(root, project)
    shared = [reader.read_lookup(name) for name in LOOKUP_FILES]
    results = reader.read_folder(RESULTS_FOLDER, YEAR_FILE, Results)
    reports = reader.read_folder(REPORTS_FOLDER, YEAR_FILE, Report)
    measures = reader.read_folder(MEASURES_FOLDER, MEASURE_FILE, Measure)
    national = reader.read(root / NATIONAL_FILE, NationalFile) if (root / NATIONAL_FILE).exists() else None
    oit = reader.read(root / OIT_FILE, OitFile) if (root / OIT_FILE).exists() else None
    registers = reader.read_folder(DISCLOSURE_FOLDER, YEAR_FILE, Register)
    lookups = Lookups(*shared)  # type: ignore[arg-type]  # each file was validated with the model of its field
    logo = getattr(lookups.agency.record, "logo", None) if lookups.agency else None
    problems = layout_problems(root, project, logo) + reader.problems
    problems += checks.check_all(lookups, results, reports, measures)
    problems += check_disclosure(root, oit, registers) + check_originals(root, reports)
    if national and national.complete:
        problems += duplicates(national, national.record.years, "year", "years")
    return DataFiles(root, lookups, results, reports, measures, problems, national, oit, registers)


def load_dataset(root: Path, project: Path | None = None) -> Dataset:
    """The data folder as a Dataset; DataError lists every problem the data alone shows."""
    files = read_data(root, project)
    if files.problems:
        raise DataError(files.problems)
    return assemble(files)


def assemble(files: DataFiles) -> Dataset:
    """Arrange validated records by id and year, in the order pages show them."""
    lookups = files.lookups
    if files.problems or not lookups.complete:
        raise ValueError("assemble() needs data without problems")
    assert lookups.agency and lookups.units and lookups.indicators and lookups.levels  # complete, so all read
    measures: dict[int, list[Measure]] = {}
    for loaded in files.measures:
        measures.setdefault(loaded.record.year, []).append(loaded.record)
    sources: list[Loaded[BaseModel]] = [*lookups.all(), *files.results, *files.reports, *files.measures]
    national = files.national.record.years if files.national else []
    sources += [files.national] if files.national else []
    sources += [files.oit] if files.oit else []
    sources += files.registers
    return Dataset(
        agency=lookups.agency.record,
        units={unit.id: unit for unit in lookups.units.record.units},
        frameworks=lookups.periods() or [],
        schemes=sorted(lookups.levels.record.schemes, key=lambda s: s.first_year),
        results={loaded.record.year: loaded.record for loaded in sorted(files.results, key=lambda x: x.record.year)},
        measures={year: sorted(items, key=lambda m: m.number) for year, items in sorted(measures.items())},
        reports={loaded.record.year: loaded.record for loaded in files.reports},
        national={entry.year: entry for entry in sorted(national, key=lambda entry: entry.year)},
        sources=tuple(sorted(sources, key=lambda loaded: loaded.file)),
        root=files.root,
        oit=sorted(files.oit.record.periods, key=lambda period: period.first_year) if files.oit else [],
        disclosure={
            loaded.record.year: loaded.record for loaded in sorted(files.registers, key=lambda x: x.record.year)
        },
    )
