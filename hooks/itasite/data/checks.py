"""Checks that need more than one data file: references, ids and years.

Each check is a small function that returns the problems it finds, so one run reports them all. A record
that did not validate is checked as far as it is right: a check skips a field that is absent or an entry
that is None (data/salvage.py), and references to a shared file that could not be read are not checked at
all, since every one would look wrong. The figures a report states are checked against the scores by
`stated.stated_problems`, two stages up.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from pathlib import PurePosixPath
from typing import Any

from pydantic import BaseModel

from ..numbers import fiscal_year_bounds, written_date
from .lookup_checks import check_lookups, covered
from .messages import Bilingual
from .models import Measure, Results, Unit
from .problems import Problem, message
from .report import Report
from .sources import Loaded, Lookups

MEASURE_FILE_NAME = re.compile(r"^(\d{2,3})-[a-z0-9]+(?:-[a-z0-9]+)*$")


def known(record: BaseModel, field: str) -> Any:
    """A field of a record, or None where it did not validate (and so is not there to check)."""
    return getattr(record, field, None)


def _span(numbers: Iterable[int]) -> str:
    """Indicator numbers as a clerk reads them: 1–10 when they run without a gap, else each one."""
    ordered = sorted(numbers)
    if len(ordered) > 2 and ordered == list(range(ordered[0], ordered[-1] + 1)):
        return f"{ordered[0]}–{ordered[-1]}"
    return ", ".join(map(str, ordered))


def _units_known(units: list[Unit]) -> Bilingual:
    """The units a measure may name, by id with their names, for the message that lists them."""
    ordered = sorted(
        {unit.id: unit for unit in reversed(units)}.values(), key=lambda unit: unit.id
    )  # first of a repeat
    return Bilingual(
        ", ".join(f"{unit.id} ({unit.name.th})" for unit in ordered),
        ", ".join(f"{unit.id} ({unit.name.en or unit.name.th})" for unit in ordered),
    )


def check_year_file(loaded: Loaded[Results | Report]) -> list[Problem]:
    """A year file is named after the year it holds."""
    year = known(loaded.record, "year")
    if year is None or loaded.stem == str(year):
        return []
    return [loaded.problem(("year",), "year_file_name", stem=loaded.stem, year=year)]


def check_results(loaded: Loaded[Results], lookups: Lookups) -> list[Problem]:
    """Every indicator of the year's period scored, no other indicator, and a scheme for the year."""
    year, scores = known(loaded.record, "year"), known(loaded.record, "scores")
    problems = check_year_file(loaded)
    if year is not None and scores and (periods := lookups.periods()) is not None:  # only a total: nothing to check
        framework = lookups.framework_for(year)
        if framework is None:
            problems.append(loaded.problem(("year",), "no_indicator_set", year=year, covered=covered(periods)))
        else:
            indicators, years = framework.by_number, _years(framework.first_year, framework.last_year)
            problems += [
                loaded.problem(
                    ("scores", number),
                    "unknown_indicator",
                    at_key=True,
                    number=number,
                    years=years,
                    known=_span(indicators),
                )
                for number in scores
                if number not in indicators
            ]
            if missing := [number for number in indicators if number not in scores]:
                problems.append(loaded.problem(("scores",), "missing_scores", numbers=", ".join(map(str, missing))))
    if year is not None and lookups.schemes_for(year) == [] and lookups.levels:
        problems.append(
            loaded.problem(("year",), "no_scheme", year=year, covered=covered(lookups.levels.record.schemes))
        )
    return problems


def _years(first: int, last: int | None) -> Bilingual:
    """A period's years as its messages name them: 2563–2566, or 2567 onward."""
    return Bilingual(
        f"{first}–{last}" if last else f"{first} เป็นต้นไป", f"{first}–{last}" if last else f"{first} onward"
    )


def check_measure(loaded: Loaded[Measure], lookups: Lookups) -> list[Problem]:
    """A measure's file name, folder, units, indicators and period agree with the rest of the data."""
    record, stem = loaded.record, loaded.stem
    problems = []
    if (measure_id := known(record, "id")) is not None and measure_id != stem:
        problems.append(loaded.problem(("id",), "id_file_name", stem=stem))
    number, name = known(record, "number"), MEASURE_FILE_NAME.match(stem)
    if number is not None and (not name or int(name.group(1)) != number):
        problems.append(loaded.problem(("number",), "number_file_name", number=number))
    folder, year = PurePosixPath(loaded.file).parent.name, known(record, "year")
    if year is not None and folder != str(year):
        problems.append(loaded.problem(("year",), "year_folder", folder=folder, year=year))
    return problems + _check_references(loaded, lookups) + _check_period(loaded)


def _check_references(loaded: Loaded[Measure], lookups: Lookups) -> list[Problem]:
    """The units and indicators a measure names exist in units.yml and indicators.yml."""
    problems = []
    units, unit_ids = known(loaded.record, "units"), lookups.unit_ids()
    if units is not None and unit_ids is not None and lookups.units:
        listed = _units_known(lookups.units.record.units)
        problems += [
            loaded.problem(("units", index), "unknown_unit", unit=unit, known=listed)
            for index, unit in enumerate(units)
            if unit is not None and unit not in unit_ids
        ]
    numbers, year, periods = known(loaded.record, "indicators"), known(loaded.record, "year"), lookups.periods()
    if numbers and year is not None and periods is not None:
        framework = lookups.framework_for(year)
        if framework is None:
            return [*problems, loaded.problem(("indicators",), "no_indicator_set", year=year, covered=covered(periods))]
        indicators, years = framework.by_number, _years(framework.first_year, framework.last_year)
        problems += [
            loaded.problem(
                ("indicators", index), "unknown_indicator", number=number, years=years, known=_span(indicators)
            )
            for index, number in enumerate(numbers)
            if number is not None and number not in indicators
        ]
    return problems


def _check_period(loaded: Loaded[Measure]) -> list[Problem]:
    """A measure runs inside its fiscal year, forwards."""
    year, period = known(loaded.record, "year"), known(loaded.record, "period")
    if year is None or period is None:
        return []
    first, last = fiscal_year_bounds(year)
    span = Bilingual(
        f"{written_date(first, 'th')} – {written_date(last, 'th')} คือ {first} ถึง {last}", f"{first} to {last}"
    )
    problems = [
        loaded.problem(("period", end), "period_outside", day=day, year=year, span=span, first=first)
        for end, day in (("start", period.start), ("end", period.end))
        if not first <= day <= last
    ]
    if not problems and period.end < period.start:  # a date outside the year says enough
        problems.append(loaded.problem(("period", "end"), "period_backwards"))
    return problems


def check_unique_measures(measures: list[Loaded[Measure]]) -> list[Problem]:
    """Measure numbers and ids are unique within a year."""
    problems = []
    for key in ("number", "id"):
        seen = [(m, known(m.record, "year"), known(m.record, key)) for m in measures]
        seen = [(m, year, value) for m, year, value in seen if year is not None and value is not None]
        counts = Counter((year, value) for _, year, value in seen)
        problems += [
            m.problem((key,), "measure_duplicate", year=year, key=key, value=value)
            for m, year, value in seen
            if counts[(year, value)] > 1
        ]
    return problems


def check_all(
    lookups: Lookups, results: list[Loaded[Results]], reports: list[Loaded[Report]], measures: list[Loaded[Measure]]
) -> list[Problem]:
    """Run every cross-file check and return all problems together."""
    problems = check_lookups(lookups)
    for result in results:
        problems += check_results(result, lookups)
    for report in reports:
        problems += check_year_file(report)
    for measure in measures:
        problems += check_measure(measure, lookups)
    problems += check_unique_measures(measures)
    if not results and not problems:  # a results file that could not be read is reported as such
        problems.append(Problem("data/results", 1, 1, "", (message("no_results"),)))
    return problems
