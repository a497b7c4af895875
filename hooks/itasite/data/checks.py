"""Checks that need more than one data file: references, ids and years.

Each check is a small function that returns the problems it finds, so one run reports them all. The
figures a report states are checked against the scores by `scoring.stated_problems`, one stage up.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import pairwise
from pathlib import PurePosixPath

from pydantic import BaseModel

from ..numbers import fiscal_year_bounds
from .messages import Bilingual
from .models import LevelsFile, Measure, Report, Results
from .problems import Problem, message
from .sources import Loaded, Lookups

MEASURE_FILE_NAME = re.compile(r"^(\d{2,3})-[a-z0-9]+(?:-[a-z0-9]+)*$")


def _duplicates(loaded: Loaded[BaseModel], items: Sequence[BaseModel], key: str, field: str) -> list[Problem]:
    """Problems for every repeated `key` value in a list field of one file."""
    counts = Counter(getattr(item, key) for item in items)
    return [
        loaded.problem((field, index, key), "duplicate_value", value=getattr(item, key))
        for index, item in enumerate(items)
        if counts[getattr(item, key)] > 1
    ]


def _span(numbers: Iterable[int]) -> str:
    """Indicator numbers as a clerk reads them: 1–10 when they run without a gap, else each one."""
    ordered = sorted(numbers)
    if ordered and ordered == list(range(ordered[0], ordered[-1] + 1)) and len(ordered) > 2:
        return f"{ordered[0]}–{ordered[-1]}"
    return ", ".join(map(str, ordered))


def check_lookups(lookups: Lookups) -> list[Problem]:
    """Ids unique; the logo present; every indicator's tool described; every scheme weighs the tools in use."""
    units, framework, levels, agency = lookups.units, lookups.indicators, lookups.levels, lookups.agency
    problems = _duplicates(units, units.record.units, "id", "units")
    if agency.record.logo and not (agency.path.parent / agency.record.logo).is_file():
        problems.append(agency.problem(("logo",), "logo_missing", logo=agency.record.logo))
    problems += _duplicates(framework, framework.record.indicators, "number", "indicators")
    problems += _duplicates(framework, framework.record.tools, "id", "tools")
    described = {tool.id for tool in framework.record.tools}
    used = {indicator.tool for indicator in framework.record.indicators}
    problems += [
        framework.problem(("indicators", index, "tool"), "tool_undescribed", tool=indicator.tool)
        for index, indicator in enumerate(framework.record.indicators)
        if indicator.tool not in described
    ]
    problems += _duplicates(levels, levels.record.schemes, "id", "schemes")
    for index, scheme in enumerate(levels.record.schemes):
        if set(scheme.weights) != used:
            tools = ", ".join(sorted(used))
            problems.append(levels.problem(("schemes", index, "weights"), "weights_tools", tools=tools))
        problems += [
            levels.problem(("schemes", index, "levels", j, "id"), "level_duplicate", level=level.id)
            for j, level in enumerate(scheme.levels)
            if [other.id for other in scheme.levels].count(level.id) > 1
        ]
    problems += _overlapping_schemes(levels)
    return problems


def _overlapping_schemes(levels: Loaded[LevelsFile]) -> list[Problem]:
    """Two schemes may not claim the same year."""
    schemes = sorted(enumerate(levels.record.schemes), key=lambda pair: pair[1].first_year)
    return [
        levels.problem(("schemes", index, "first_year"), "scheme_overlap", earlier=earlier.id, first=later.first_year)
        for (_, earlier), (index, later) in pairwise(schemes)
        if earlier.last_year is None or earlier.last_year >= later.first_year
    ]


def check_year_file(loaded: Loaded[Results | Report]) -> list[Problem]:
    """A year file is named after the year it holds."""
    year = loaded.record.year
    if loaded.stem == str(year):
        return []
    return [loaded.problem(("year",), "year_file_name", stem=loaded.stem, year=year)]


def check_results(loaded: Loaded[Results], lookups: Lookups) -> list[Problem]:
    """Every indicator scored, no unknown indicator, and a scheme for the year."""
    results = loaded.record
    indicators = lookups.indicator_map()
    problems = check_year_file(loaded)
    problems += [
        loaded.problem(("scores", number), "unknown_indicator", at_key=True, number=number, known=_span(indicators))
        for number in results.scores
        if number not in indicators
    ]
    missing = [number for number in indicators if number not in results.scores]
    if missing:
        problems.append(loaded.problem(("scores",), "missing_scores", numbers=", ".join(map(str, missing))))
    if not lookups.schemes_for(results.year):
        problems.append(loaded.problem(("year",), "no_scheme", year=results.year))
    return problems


def check_measure(loaded: Loaded[Measure], lookups: Lookups) -> list[Problem]:
    """A measure's file name, folder, units, indicators and period agree with the rest of the data."""
    measure, stem = loaded.record, loaded.stem
    problems = []
    if measure.id != stem:
        problems.append(loaded.problem(("id",), "id_file_name", stem=stem))
    name = MEASURE_FILE_NAME.match(stem)
    if not name or int(name.group(1)) != measure.number:
        problems.append(loaded.problem(("number",), "number_file_name", number=measure.number))
    folder = PurePosixPath(loaded.file).parent.name
    if folder != str(measure.year):
        problems.append(loaded.problem(("year",), "year_folder", folder=folder, year=measure.year))
    units = sorted(lookups.units.record.units, key=lambda unit: unit.id)
    unit_ids = {unit.id for unit in units}
    known = Bilingual(
        ", ".join(f"{unit.id} ({unit.name.th})" for unit in units),
        ", ".join(f"{unit.id} ({unit.name.en or unit.name.th})" for unit in units),
    )
    problems += [
        loaded.problem(("units", index), "unknown_unit", unit=unit, known=known)
        for index, unit in enumerate(measure.units)
        if unit not in unit_ids
    ]
    numbers = lookups.indicator_map()
    problems += [
        loaded.problem(("indicators", index), "unknown_indicator", number=number, known=_span(numbers))
        for index, number in enumerate(measure.indicators)
        if number not in numbers
    ]
    return problems + _check_period(loaded)


def _check_period(loaded: Loaded[Measure]) -> list[Problem]:
    """A measure runs inside its fiscal year, forwards."""
    measure = loaded.record
    first, last = fiscal_year_bounds(measure.year)
    problems = [
        loaded.problem(("period", end), "period_outside", day=day, year=measure.year, first=first, last=last)
        for end, day in (("start", measure.period.start), ("end", measure.period.end))
        if not first <= day <= last
    ]
    if measure.period.end < measure.period.start:
        problems.append(loaded.problem(("period", "end"), "period_backwards"))
    return problems


def check_unique_measures(measures: list[Loaded[Measure]]) -> list[Problem]:
    """Measure numbers and ids are unique within a year."""
    problems = []
    for key in ("number", "id"):
        counts = Counter((m.record.year, getattr(m.record, key)) for m in measures)
        problems += [
            m.problem((key,), "measure_duplicate", year=m.record.year, key=key, value=getattr(m.record, key))
            for m in measures
            if counts[(m.record.year, getattr(m.record, key))] > 1
        ]
    return problems


def check_all(
    lookups: Lookups, results: list[Loaded[Results]], reports: list[Loaded[Report]], measures: list[Loaded[Measure]]
) -> list[Problem]:
    """Run every cross-file check and return all problems together."""
    problems = check_lookups(lookups)
    if problems:
        return problems  # later checks rely on consistent lookups
    for result in results:
        problems += check_results(result, lookups)
    for report in reports:
        problems += check_year_file(report)
    for measure in measures:
        problems += check_measure(measure, lookups)
    problems += check_unique_measures(measures)
    if not results and not problems:
        problems.append(Problem("data/results", 1, 1, "", (message("no_results"),)))
    return problems
