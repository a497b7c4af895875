"""Validated records with the files they came from: what every check and every report points back into.

A `Loaded[Record]` keeps the parsed document beside the record, so a problem found later, by a cross-file
check or by scoring, is still reported at the file, line and column a clerk can open. `Lookups` holds the
four shared files every other file refers to.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Generic, TypeVar

from pydantic import BaseModel

from .models import Agency, Indicator, IndicatorsFile, LevelsFile, Scheme, UnitsFile
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
    """The shared files: who the agency is, its units, the ITA framework and the scoring schemes."""

    agency: Loaded[Agency]
    units: Loaded[UnitsFile]
    indicators: Loaded[IndicatorsFile]
    levels: Loaded[LevelsFile]

    def all(self) -> tuple[Loaded[BaseModel], ...]:
        """Every shared file, in the order of `LOOKUP_FILES`."""
        return (self.agency, self.units, self.indicators, self.levels)

    def indicator_map(self) -> dict[int, Indicator]:
        """The framework's indicators by number, in file order."""
        return {indicator.number: indicator for indicator in self.indicators.record.indicators}

    def schemes_for(self, year: int) -> list[Scheme]:
        """The schemes that claim fiscal year `year` (one, once the lookups check out)."""
        return [s for s in self.levels.record.schemes if s.first_year <= year <= (s.last_year or year)]
