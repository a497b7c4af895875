"""Checks that need more than one data file: references, ids and years.

Each check is a small function that returns the problems it finds, so one run reports them all. The
figures a report states are checked against the scores by `scoring.stated_problems`, one stage up.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from itertools import pairwise
from pathlib import PurePosixPath

from pydantic import BaseModel

from ..numbers import fiscal_year_bounds
from .models import LevelsFile, Measure, Report, Results
from .problems import Problem
from .sources import Loaded, Lookups

MEASURE_FILE_NAME = re.compile(r"^(\d{2,3})-[a-z0-9]+(?:-[a-z0-9]+)*$")


def _duplicates(loaded: Loaded[BaseModel], items: Sequence[BaseModel], key: str, field: str) -> list[Problem]:
    """Problems for every repeated `key` value in a list field of one file."""
    counts = Counter(getattr(item, key) for item in items)
    return [
        loaded.problem((field, index, key), f"{getattr(item, key)!r} is given more than once")
        for index, item in enumerate(items)
        if counts[getattr(item, key)] > 1
    ]


def check_lookups(lookups: Lookups) -> list[Problem]:
    """Ids unique; the logo present; every indicator's tool described; every scheme weighs the tools in use."""
    units, framework, levels, agency = lookups.units, lookups.indicators, lookups.levels, lookups.agency
    problems = _duplicates(units, units.record.units, "id", "units")
    if agency.record.logo and not (agency.path.parent / agency.record.logo).is_file():
        problems.append(agency.problem(("logo",), f"there is no file {agency.record.logo} beside agency.yml"))
    problems += _duplicates(framework, framework.record.indicators, "number", "indicators")
    problems += _duplicates(framework, framework.record.tools, "id", "tools")
    described = {tool.id for tool in framework.record.tools}
    used = {indicator.tool for indicator in framework.record.indicators}
    problems += [
        framework.problem(("indicators", index, "tool"), f"tool {indicator.tool} is not described under tools")
        for index, indicator in enumerate(framework.record.indicators)
        if indicator.tool not in described
    ]
    problems += _duplicates(levels, levels.record.schemes, "id", "schemes")
    for index, scheme in enumerate(levels.record.schemes):
        if set(scheme.weights) != used:
            expected = ", ".join(sorted(used))
            problems.append(
                levels.problem(
                    ("schemes", index, "weights"), f"must give a weight for exactly the tools in use: {expected}"
                )
            )
        problems += [
            levels.problem(("schemes", index, "levels", j, "id"), f"level {level.id!r} is given more than once")
            for j, level in enumerate(scheme.levels)
            if [other.id for other in scheme.levels].count(level.id) > 1
        ]
    problems += _overlapping_schemes(levels)
    return problems


def _overlapping_schemes(levels: Loaded[LevelsFile]) -> list[Problem]:
    """Two schemes may not claim the same year."""
    schemes = sorted(enumerate(levels.record.schemes), key=lambda pair: pair[1].first_year)
    return [
        levels.problem(
            ("schemes", index, "first_year"),
            f"overlaps scheme {earlier.id!r}; give {earlier.id!r} a last_year before {later.first_year}",
        )
        for (_, earlier), (index, later) in pairwise(schemes)
        if earlier.last_year is None or earlier.last_year >= later.first_year
    ]


def check_year_file(loaded: Loaded[Results | Report]) -> list[Problem]:
    """A year file is named after the year it holds."""
    year = loaded.record.year
    if loaded.stem == str(year):
        return []
    return [loaded.problem(("year",), f"the file is named {loaded.stem}.yml but holds year {year}; name it {year}.yml")]


def check_results(loaded: Loaded[Results], lookups: Lookups) -> list[Problem]:
    """Every indicator scored, no unknown indicator, and a scheme for the year."""
    results = loaded.record
    indicators = lookups.indicator_map()
    problems = check_year_file(loaded)
    problems += [
        loaded.problem(("scores", number), f"there is no indicator {number} in data/indicators.yml", at_key=True)
        for number in results.scores
        if number not in indicators
    ]
    missing = [number for number in indicators if number not in results.scores]
    if missing:
        listed = ", ".join(map(str, missing))
        problems.append(loaded.problem(("scores",), f"no score for indicator {listed}; every indicator needs one"))
    if not lookups.schemes_for(results.year):
        problems.append(loaded.problem(("year",), f"no scheme in data/levels.yml covers fiscal year {results.year}"))
    return problems


def check_measure(loaded: Loaded[Measure], lookups: Lookups) -> list[Problem]:
    """A measure's file name, folder, units, indicators and period agree with the rest of the data."""
    measure, stem = loaded.record, loaded.stem
    problems = []
    if measure.id != stem:
        problems.append(loaded.problem(("id",), f"the id must match the file name: {stem!r}"))
    name = MEASURE_FILE_NAME.match(stem)
    if not name or int(name.group(1)) != measure.number:
        problems.append(
            loaded.problem(
                ("number",), f"the file name must start with the measure number as two digits: {measure.number:02d}-..."
            )
        )
    folder = PurePosixPath(loaded.file).parent.name
    if folder != str(measure.year):
        problems.append(loaded.problem(("year",), f"the measure is in folder {folder}/ but says year {measure.year}"))
    unit_ids = {unit.id for unit in lookups.units.record.units}
    problems += [
        loaded.problem(("units", index), f"unknown unit {unit!r}; known units: {', '.join(sorted(unit_ids))}")
        for index, unit in enumerate(measure.units)
        if unit not in unit_ids
    ]
    numbers = lookups.indicator_map()
    problems += [
        loaded.problem(("indicators", index), f"there is no indicator {number} in data/indicators.yml")
        for index, number in enumerate(measure.indicators)
        if number not in numbers
    ]
    return problems + _check_period(loaded)


def _check_period(loaded: Loaded[Measure]) -> list[Problem]:
    """A measure runs inside its fiscal year, forwards."""
    measure = loaded.record
    first, last = fiscal_year_bounds(measure.year)
    problems = [
        loaded.problem(
            ("period", end),
            f"{day} is outside fiscal year {measure.year} ({first} to {last}); "
            f"write dates in C.E., for example {first}",
        )
        for end, day in (("start", measure.period.start), ("end", measure.period.end))
        if not first <= day <= last
    ]
    if measure.period.end < measure.period.start:
        problems.append(loaded.problem(("period", "end"), "the period ends before it starts"))
    return problems


def check_unique_measures(measures: list[Loaded[Measure]]) -> list[Problem]:
    """Measure numbers and ids are unique within a year."""
    problems = []
    for key in ("number", "id"):
        counts = Counter((m.record.year, getattr(m.record, key)) for m in measures)
        problems += [
            m.problem((key,), f"another measure of {m.record.year} has {key} {getattr(m.record, key)!r}")
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
        problems.append(
            Problem("data/results", 1, 1, "", "there are no results; add at least one data/results/YYYY.yml")
        )
    return problems
