"""Validated records with the files they came from: what every check and every report points back into.

A `Loaded[Record]` keeps the parsed document beside the record, so a problem found later, by a cross-file
check or by scoring, is still reported at the file, line and column a clerk can open. `Lookups` holds the
four shared files every other file refers to. A record that did not validate is kept as far as its fields are
right (`complete` is False), so the checks can still look at the rest of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Generic, TypeVar

from pydantic import BaseModel

from .framework import IndicatorSet, IndicatorsFile, set_for
from .models import Agency, LevelsFile, Scheme, UnitsFile
from .problems import Problem, message, problem_at
from .yamlfile import FieldPath, YamlDocument

Record = TypeVar("Record", bound=BaseModel, covariant=True)


@dataclass(frozen=True)
class Loaded(Generic[Record]):
    """A validated record with the file it came from, so later checks can point back at it."""

    file: str  # as the clerk sees it, relative to the project: data/results/2568.yml
    doc: YamlDocument
    record: Record
    path: Path
    complete: bool = True  # False: the record holds only the fields that validated (data/salvage.py)

    @property
    def stem(self) -> str:
        """The file name without `.yml`, which carries the record's id or year."""
        return PurePosixPath(self.file).stem

    def problem(self, path: FieldPath, code: str, *, at_key: bool = False, **values: object) -> Problem:
        """A problem with field `path` of this file, located at its value (or at its key, with `at_key`): the
        message `code` of messages/*.yml with its `values`."""
        return problem_at(self.file, self.doc, path, message(code, **values), at_key=at_key)


@dataclass(frozen=True)
class Lookups:
    """The shared files: who the agency is, its units, the ITA framework and the scoring schemes. A file that
    could not be read whole is None: what refers to it is then not checked, rather than checked wrongly."""

    agency: Loaded[Agency] | None
    units: Loaded[UnitsFile] | None
    indicators: Loaded[IndicatorsFile] | None
    levels: Loaded[LevelsFile] | None

    def all(self) -> tuple[Loaded[BaseModel], ...]:
        """Every shared file that was read whole, in the order of `LOOKUP_FILES`."""
        return tuple(loaded for loaded in (self.agency, self.units, self.indicators, self.levels) if loaded)

    @property
    def complete(self) -> bool:
        """Whether every shared file was read whole."""
        return len(self.all()) == 4

    def unit_ids(self) -> set[str] | None:
        """The ids a measure may name as responsible; None when units.yml could not be read."""
        return {unit.id for unit in self.units.record.units} if self.units else None

    def periods(self) -> list[IndicatorSet] | None:
        """The framework's periods, oldest first; None when indicators.yml could not be read."""
        if self.indicators is None:
            return None
        return sorted(self.indicators.record.periods, key=lambda period: period.first_year)

    def framework_for(self, year: int) -> IndicatorSet | None:
        """The tools and indicators of fiscal year `year`; None when no period covers it or the file was not read."""
        return set_for(self.periods() or [], year)

    def schemes_for(self, year: int) -> list[Scheme] | None:
        """The schemes that claim fiscal year `year` (one, once the lookups check out); None when levels.yml
        could not be read."""
        if self.levels is None:
            return None
        return [s for s in self.levels.record.schemes if s.first_year <= year <= (s.last_year or year)]
