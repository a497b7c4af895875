"""The figures a report states, checked against its indicator scores at the line of the results file.

A stated total within STATED_TOLERANCE of the computed one is normal (the NACC works from unrounded scores);
beyond it, or a different level, the data cannot be published. A year known only by its announced total and
level is checked for a level its scheme has.
"""

from __future__ import annotations

from .data.dataset import DataFiles
from .data.messages import Bilingual
from .data.models import Results, Scheme
from .data.problems import Problem
from .data.sources import Loaded
from .scoring import STATED_TOLERANCE, YearScore, level_named, score_year


def stated_problems(files: DataFiles) -> list[Problem]:
    """The total and level each report states must be the ones its scores give. Checked in every results file
    that is valid with the lookups, even while other files still have problems, so one run reports them all."""
    framework, levels = files.lookups.indicators, files.lookups.levels
    troubled = {problem.file for problem in files.problems}
    if framework is None or levels is None or {framework.file, levels.file} & troubled:
        return []  # the scores cannot be computed against an inconsistent framework or schemes
    problems = []
    for loaded in files.results:
        if loaded.record.stated is None or loaded.file in troubled:
            continue
        year = loaded.record.year
        scheme = (files.lookups.schemes_for(year) or [])[0]
        period = files.lookups.framework_for(year)
        if not loaded.record.scores or period is None:  # known only as announced: a level of its scheme's
            problems += _unknown_level(loaded, scheme)
            continue
        problems += _check_stated(loaded, score_year(year, loaded.record.scores, period.by_number, scheme))
    return problems


def _check_stated(loaded: Loaded[Results], computed: YearScore) -> list[Problem]:
    """The stated total within STATED_TOLERANCE of the computed one; the stated level known and the same."""
    stated = loaded.record.stated
    assert stated is not None
    problems = []
    if abs(stated.total - computed.total) > STATED_TOLERANCE:
        problems.append(
            loaded.problem(("stated", "total"), "stated_total", stated=stated.total, computed=computed.total)
        )
    named = level_named(computed.scheme, stated.level)
    if named is None:
        problems += _unknown_level(loaded, computed.scheme)
    elif named != computed.level:
        problems.append(
            loaded.problem(
                ("stated", "level"),
                "stated_level",
                stated=stated.level,
                computed=Bilingual(computed.level.name.th, computed.level.name.en or computed.level.name.th),
            )
        )
    return problems


def _unknown_level(loaded: Loaded[Results], scheme: Scheme) -> list[Problem]:
    """The stated level must be one of the scheme's, by id or by its name as printed; say which there are."""
    stated = loaded.record.stated
    if stated is None or level_named(scheme, stated.level) is not None:
        return []
    levels = Bilingual(
        ", ".join(f"{level.id} ({level.name.th})" for level in scheme.levels),
        ", ".join(f"{level.id} ({level.name.en or level.name.th})" for level in scheme.levels),
    )
    return [
        loaded.problem(("stated", "level"), "stated_level_unknown", level=stated.level, scheme=scheme.id, levels=levels)
    ]
