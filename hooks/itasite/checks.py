"""Checks that need more than one data file: references, ids, years and stated figures.

Each check is a small function that returns the problems it finds, so one run reports them all.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from .numbers import fiscal_year_bounds
from .problems import Problem, problem_at
from .scoring import STATED_TOLERANCE, score_year

if TYPE_CHECKING:
    from .dataset import Loaded

MEASURE_FILE_NAME = re.compile(r"^(\d{2,3})-[a-z0-9]+(?:-[a-z0-9]+)*$")


def _stem(loaded: Loaded) -> str:
    return PurePosixPath(loaded.file).stem


def _duplicates(loaded: Loaded, items: list, key: str, field: str) -> list[Problem]:
    """Problems for every repeated `key` value in a list field of one file."""
    counts = Counter(getattr(item, key) for item in items)
    return [
        problem_at(loaded.file, loaded.doc, (field, index, key), f"{getattr(item, key)!r} is given more than once")
        for index, item in enumerate(items)
        if counts[getattr(item, key)] > 1
    ]


def check_lookups(lookups: dict[str, Loaded]) -> list[Problem]:
    """Ids unique; every indicator's tool described; every scheme weighs exactly the tools in use."""
    units, framework, levels = lookups["units.yml"], lookups["indicators.yml"], lookups["levels.yml"]
    problems = _duplicates(units, units.record.units, "id", "units")
    agency = lookups["agency.yml"]
    if agency.record.logo and not (agency.path.parent / agency.record.logo).is_file():
        problems.append(
            problem_at(agency.file, agency.doc, ("logo",), f"there is no file {agency.record.logo} beside agency.yml")
        )
    problems += _duplicates(framework, framework.record.indicators, "number", "indicators")
    problems += _duplicates(framework, framework.record.tools, "id", "tools")
    described = {tool.id for tool in framework.record.tools}
    used = {indicator.tool for indicator in framework.record.indicators}
    for index, indicator in enumerate(framework.record.indicators):
        if indicator.tool not in described:
            problems.append(
                problem_at(
                    framework.file,
                    framework.doc,
                    ("indicators", index, "tool"),
                    f"tool {indicator.tool} is not described under tools",
                )
            )
    problems += _duplicates(levels, levels.record.schemes, "id", "schemes")
    for index, scheme in enumerate(levels.record.schemes):
        if set(scheme.weights) != used:
            expected = ", ".join(sorted(used))
            problems.append(
                problem_at(
                    levels.file,
                    levels.doc,
                    ("schemes", index, "weights"),
                    f"must give a weight for exactly the tools in use: {expected}",
                )
            )
        problems += [
            problem_at(
                levels.file,
                levels.doc,
                ("schemes", index, "levels", j, "id"),
                f"level {level.id!r} is given more than once",
            )
            for j, level in enumerate(scheme.levels)
            if [other.id for other in scheme.levels].count(level.id) > 1
        ]
    problems += _overlapping_schemes(levels)
    return problems


def _overlapping_schemes(levels: Loaded) -> list[Problem]:
    """Two schemes may not claim the same year."""
    problems = []
    schemes = sorted(enumerate(levels.record.schemes), key=lambda pair: pair[1].first_year)
    for (_, earlier), (index, later) in pairwise(schemes):
        if earlier.last_year is None or earlier.last_year >= later.first_year:
            problems.append(
                problem_at(
                    levels.file,
                    levels.doc,
                    ("schemes", index, "first_year"),
                    f"overlaps scheme {earlier.id!r}; give {earlier.id!r} a last_year before {later.first_year}",
                )
            )
    return problems


def check_year_file(loaded: Loaded) -> list[Problem]:
    """A year file is named after the year it holds."""
    if _stem(loaded) != str(loaded.record.year):
        return [
            problem_at(
                loaded.file,
                loaded.doc,
                ("year",),
                f"the file is named {_stem(loaded)}.yml but holds year {loaded.record.year}; "
                f"name it {loaded.record.year}.yml",
            )
        ]
    return []


def check_results(loaded: Loaded, lookups: dict[str, Loaded]) -> list[Problem]:
    """Every indicator scored, no unknown indicator, a scheme for the year, stated figures as computed."""
    results = loaded.record
    indicators = {i.number: i for i in lookups["indicators.yml"].record.indicators}
    problems = check_year_file(loaded)
    problems += [
        problem_at(
            loaded.file,
            loaded.doc,
            ("scores", number),
            f"there is no indicator {number} in data/indicators.yml",
            at_key=True,
        )
        for number in results.scores
        if number not in indicators
    ]
    missing = [number for number in indicators if number not in results.scores]
    if missing:
        problems.append(
            problem_at(
                loaded.file,
                loaded.doc,
                ("scores",),
                f"no score for indicator {', '.join(map(str, missing))}; every indicator needs one",
            )
        )
    schemes = [
        s for s in lookups["levels.yml"].record.schemes if s.first_year <= results.year <= (s.last_year or results.year)
    ]
    if not schemes:
        problems.append(
            problem_at(
                loaded.file, loaded.doc, ("year",), f"no scheme in data/levels.yml covers fiscal year {results.year}"
            )
        )
    if problems or results.stated is None:
        return problems
    return _check_stated(loaded, score_year(results.year, results.scores, indicators, schemes[0]))


def _check_stated(loaded: Loaded, computed) -> list[Problem]:
    """The total and level the report states must be the ones the scores give."""
    stated, problems = loaded.record.stated, []
    if abs(stated.total - computed.total) > STATED_TOLERANCE:
        problems.append(
            problem_at(
                loaded.file,
                loaded.doc,
                ("stated", "total"),
                f"the report states {stated.total} but the indicator scores give {computed.total}",
            )
        )
    level_ids = [level.id for level in computed.scheme.levels]
    if stated.level not in level_ids:
        problems.append(
            problem_at(
                loaded.file,
                loaded.doc,
                ("stated", "level"),
                f"unknown level {stated.level!r}; scheme {computed.scheme.id!r} has: {', '.join(level_ids)}",
            )
        )
    elif stated.level != computed.level.id:
        problems.append(
            problem_at(
                loaded.file,
                loaded.doc,
                ("stated", "level"),
                f"the report states {stated.level!r} but the scores give {computed.level.id!r}",
            )
        )
    return problems


def check_measure(loaded: Loaded, lookups: dict[str, Loaded]) -> list[Problem]:
    """A measure's file name, folder, units, indicators and period agree with the rest of the data."""
    measure, file, doc = loaded.record, loaded.file, loaded.doc
    problems = []
    stem, folder = _stem(loaded), PurePosixPath(file).parent.name
    if measure.id != stem:
        problems.append(problem_at(file, doc, ("id",), f"the id must match the file name: {stem!r}"))
    name = MEASURE_FILE_NAME.match(stem)
    if not name or int(name.group(1)) != measure.number:
        problems.append(
            problem_at(
                file,
                doc,
                ("number",),
                f"the file name must start with the measure number as two digits: {measure.number:02d}-...",
            )
        )
    if folder != str(measure.year):
        problems.append(
            problem_at(file, doc, ("year",), f"the measure is in folder {folder}/ but says year {measure.year}")
        )
    unit_ids = {unit.id for unit in lookups["units.yml"].record.units}
    problems += [
        problem_at(file, doc, ("units", index), f"unknown unit {unit!r}; known units: {', '.join(sorted(unit_ids))}")
        for index, unit in enumerate(measure.units)
        if unit not in unit_ids
    ]
    numbers = {i.number for i in lookups["indicators.yml"].record.indicators}
    problems += [
        problem_at(file, doc, ("indicators", index), f"there is no indicator {number} in data/indicators.yml")
        for index, number in enumerate(measure.indicators)
        if number not in numbers
    ]
    first, last = fiscal_year_bounds(measure.year)
    for end, day in (("start", measure.period.start), ("end", measure.period.end)):
        if not first <= day <= last:
            problems.append(
                problem_at(
                    file,
                    doc,
                    ("period", end),
                    f"{day} is outside fiscal year {measure.year} ({first} to {last}); "
                    f"write dates in C.E., for example {first}",
                )
            )
    if measure.period.end < measure.period.start:
        problems.append(problem_at(file, doc, ("period", "end"), "the period ends before it starts"))
    return problems


def check_unique_measures(measures: list[Loaded]) -> list[Problem]:
    """Measure numbers and ids are unique within a year."""
    problems = []
    for key in ("number", "id"):
        counts = Counter((m.record.year, getattr(m.record, key)) for m in measures)
        problems += [
            problem_at(
                m.file, m.doc, (key,), f"another measure of {m.record.year} has {key} {getattr(m.record, key)!r}"
            )
            for m in measures
            if counts[(m.record.year, getattr(m.record, key))] > 1
        ]
    return problems


def check_all(
    lookups: dict[str, Loaded], results: list[Loaded], reports: list[Loaded], measures: list[Loaded]
) -> list[Problem]:
    """Run every cross-file check and return all problems together."""
    problems = check_lookups(lookups)
    if problems:
        return problems  # later checks rely on consistent lookups
    for loaded in results:
        problems += check_results(loaded, lookups)
    for loaded in reports:
        problems += check_year_file(loaded)
    for loaded in measures:
        problems += check_measure(loaded, lookups)
    problems += check_unique_measures(measures)
    if not results and not problems:
        problems.append(
            Problem("data/results", 1, 1, "", "there are no results; add at least one data/results/YYYY.yml")
        )
    return problems
