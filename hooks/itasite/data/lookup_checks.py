"""Checks of the shared files on their own and against one another: the agency, the units, the framework's
periods (`indicators.yml`) and the scoring schemes (`levels.yml`).

Both national files are lists of periods of fiscal years. Periods of one file may leave years uncovered (a year
that needs one is reported where it is used), but never claim the same year twice, and a scheme weighs exactly the
tools of the periods of indicators whose years it shares.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from pathlib import PurePosixPath

from pydantic import BaseModel

from .framework import IndicatorSet, IndicatorsFile
from .licences import known_licences, licences
from .logofile import logo_problem
from .messages import Bilingual
from .models import Agency, LevelsFile, Scheme
from .problems import Problem, message
from .sources import Loaded, Lookups
from .yamlfile import FieldPath


def duplicates(
    loaded: Loaded[BaseModel], items: Sequence[BaseModel], key: str, field: str | FieldPath
) -> list[Problem]:
    """A problem at every repeat of a `key` value in a list field of one file (a name, or a path to a list inside
    the file), naming where it first stood."""
    path = (field,) if isinstance(field, str) else field
    first: dict[object, int] = {}
    problems = []
    for index, item in enumerate(items):
        value = getattr(item, key)
        if value in first:
            line = loaded.doc.locate((*path, first[value], key))[0]
            problems.append(loaded.problem((*path, index, key), "duplicate_value", value=value, first=line))
        first.setdefault(value, index)
    return problems


def covered(spans: Sequence[IndicatorSet | Scheme]) -> Bilingual:
    """The years a file's periods cover, oldest first: 2563–2566, 2567 onward."""
    ordered = sorted((span.first_year, span.last_year) for span in spans)
    return Bilingual(
        ", ".join(f"{first}–{last}" if last else f"{first} เป็นต้นไป" for first, last in ordered),
        ", ".join(f"{first}–{last}" if last else f"{first} onward" for first, last in ordered),
    )


def overlapping(
    loaded: Loaded[BaseModel], spans: Sequence[IndicatorSet | Scheme], field: str, code: str
) -> list[Problem]:
    """Two periods of one file may not claim the same year: a problem at the later one's first_year."""
    ordered = sorted(enumerate(spans), key=lambda pair: pair[1].first_year)
    return [
        loaded.problem((field, index, "first_year"), code, earlier=earlier.id, first=later.first_year)
        for (_, earlier), (index, later) in pairwise(ordered)
        if earlier.last_year is None or earlier.last_year >= later.first_year
    ]


def check_logo(agency: Loaded[Agency], logo: str) -> list[Problem]:
    """The logo is a file itself beside agency.yml (not a link to one elsewhere), and a PNG or an SVG that runs
    nothing (logofile.py): a problem in the logo is located in it, at the line and column of the SVG."""
    path = agency.path.parent / logo
    if path.is_symlink():
        return [agency.problem(("logo",), "logo_link", logo=logo)]
    if not path.is_file():
        return [agency.problem(("logo",), "logo_missing", logo=logo)]
    found = logo_problem(path)
    if found is None:
        return []
    if found.code == "logo_not_png":
        return [agency.problem(("logo",), "logo_not_png", logo=logo)]
    file = (PurePosixPath(agency.file).parent / logo).as_posix()
    return [Problem(file, found.line, found.column, "", (message(found.code, **found.values),))]


def check_agency(agency: Loaded[Agency]) -> list[Problem]:
    """The logo agency.yml names is beside it and safe to publish, and its licence is one of the table
    (data/licences.yml)."""
    problems = []
    logo, licence = agency.record.logo, getattr(agency.record, "licence", None)
    if logo:
        problems += check_logo(agency, logo)
    if licence and licence not in licences():
        problems.append(agency.problem(("licence",), "licence_unknown", licence=licence, known=known_licences()))
    return problems


def check_framework(framework: Loaded[IndicatorsFile]) -> list[Problem]:
    """Within each period, indicator numbers and tool ids unique and every indicator's tool described; period ids
    unique and their years apart."""
    periods = framework.record.periods
    problems = duplicates(framework, periods, "id", "periods")
    for index, period in enumerate(periods):
        problems += duplicates(framework, period.indicators, "number", ("periods", index, "indicators"))
        problems += duplicates(framework, period.tools, "id", ("periods", index, "tools"))
        described = {tool.id for tool in period.tools}
        problems += [
            framework.problem(("periods", index, "indicators", j, "tool"), "tool_undescribed", tool=indicator.tool)
            for j, indicator in enumerate(period.indicators)
            if indicator.tool not in described
        ]
    return problems + overlapping(framework, periods, "periods", "period_overlap")


def _shares_years(scheme: Scheme, period: IndicatorSet) -> bool:
    """Whether a scheme and a period of indicators have a fiscal year in common."""
    return scheme.first_year <= (period.last_year or 10_000) and period.first_year <= (scheme.last_year or 10_000)


def check_schemes(levels: Loaded[LevelsFile], framework: Loaded[IndicatorsFile] | None) -> list[Problem]:
    """Scheme and level ids unique, years that do not overlap, and weights for exactly the tools of each period
    of indicators the scheme shares years with."""
    problems = duplicates(levels, levels.record.schemes, "id", "schemes")
    periods = framework.record.periods if framework else []
    for index, scheme in enumerate(levels.record.schemes):
        for period in (period for period in periods if _shares_years(scheme, period)):
            used = {indicator.tool for indicator in period.indicators}
            if set(scheme.weights) != used:
                tools = ", ".join(sorted(used))
                problems.append(levels.problem(("schemes", index, "weights"), "weights_tools", tools=tools))
                break
        problems += [
            levels.problem(("schemes", index, "levels", j, "id"), "level_duplicate", level=level.id)
            for j, level in enumerate(scheme.levels)
            if [other.id for other in scheme.levels].count(level.id) > 1
        ]
    return problems + overlapping(levels, levels.record.schemes, "schemes", "scheme_overlap")


def check_lookups(lookups: Lookups) -> list[Problem]:
    """Every shared file that was read whole, checked on its own and against the others."""
    problems = check_agency(lookups.agency) if lookups.agency else []
    if lookups.units:
        problems += duplicates(lookups.units, lookups.units.record.units, "id", "units")
    if lookups.indicators:
        problems += check_framework(lookups.indicators)
    if lookups.levels:
        problems += check_schemes(lookups.levels, lookups.indicators)
    return problems
