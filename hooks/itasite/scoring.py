"""Work out tool averages, totals, levels and year-on-year changes from indicator scores.

Nothing here is hard-coded: the weights and the level rules come from the year's scheme in
`data/levels.yml`, the indicators from the year's period in `data/indicators.yml`, and only years of one period
are compared indicator by indicator. Scores are Decimals so that 95.00 is exactly 95, and published figures are rounded
half up to two places, as the NACC publishes them. Levels are judged on the rounded figures. The total
and level a report states are checked here against the computed ones, at the line of the results file.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from decimal import Decimal
from itertools import pairwise

from .data.dataset import Dataset
from .data.framework import IndicatorSet
from .data.models import Indicator, Level, Scheme, Tool
from .numbers import round2

STATED_TOLERANCE = Decimal("0.01")


class Direction(enum.StrEnum):
    """Which way a figure moved between two years."""

    UP = "up"
    DOWN = "down"
    SAME = "same"


@dataclass(frozen=True)
class ToolScore:
    """One tool's share of a year's total."""

    tool: str
    weight: Decimal
    indicators: tuple[int, ...]
    average: Decimal  # rounded to two places, as published
    contribution: Decimal  # weight × unrounded average / 100, rounded: this tool's part of the total


@dataclass(frozen=True)
class Shortfall:
    """A minimum that was not met: `subject` is "total" or a tool id."""

    subject: str
    value: Decimal
    minimum: Decimal


@dataclass(frozen=True)
class LevelReason:
    """Why a year got its level: the level above it and what fell short of it (none at the top)."""

    level: Level
    higher: Level | None
    shortfalls: tuple[Shortfall, ...]


@dataclass(frozen=True)
class YearScore:
    """Everything the pages show about one year's scores."""

    year: int
    scheme: Scheme
    scores: dict[int, Decimal]
    tools: tuple[ToolScore, ...]
    total: Decimal  # the figure pages show: the NACC's when the report states it, else the computed one
    reason: LevelReason
    computed: Decimal | None  # worked out from the rounded indicator scores; None for a year known only as announced
    official: bool = False  # whether `total` is the NACC's own figure, as the report states it
    framework: IndicatorSet | None = (
        None  # the year's tools and indicators; None for a total-only year no period covers
    )

    @property
    def broken_down(self) -> bool:
        """Whether the year has its indicator scores, not only the announced total and level."""
        return bool(self.scores)

    @property
    def level(self) -> Level:
        """The level the year reached."""
        return self.reason.level


@dataclass(frozen=True)
class Change:
    """How one figure moved between two years."""

    before: Decimal
    after: Decimal

    @property
    def delta(self) -> Decimal:
        """The change, rounded as published."""
        return round2(self.after - self.before)

    @property
    def direction(self) -> Direction:
        """Up, down or the same, after rounding."""
        return Direction.UP if self.delta > 0 else Direction.DOWN if self.delta < 0 else Direction.SAME


@dataclass(frozen=True)
class Comparison:
    """Two years side by side: each indicator's, each tool's and the total's change."""

    before: YearScore
    after: YearScore
    indicators: dict[int, Change]
    tools: dict[str, Change]
    total: Change


@dataclass(frozen=True)
class ScoredDataset:
    """A dataset with every year's scores and the comparisons of neighbouring years: what the site shows."""

    dataset: Dataset
    scores: dict[int, YearScore]  # oldest first
    comparisons: list[Comparison]  # oldest first


def _tool_means(
    scores: dict[int, Decimal], indicators: dict[int, Indicator], scheme: Scheme
) -> dict[Tool, tuple[tuple[int, ...], Decimal]]:
    """Each weighted tool's indicators and their unrounded mean, in the scheme's order of tools."""
    means: dict[Tool, tuple[tuple[int, ...], Decimal]] = {}
    for tool in scheme.weights:
        numbers = tuple(n for n, indicator in indicators.items() if indicator.tool == tool)
        if not numbers:
            raise ValueError(f"scheme {scheme.id!r} weighs tool {tool} but no indicator belongs to it")
        means[tool] = (numbers, sum((scores[n] for n in numbers), Decimal(0)) / len(numbers))
    return means


def tool_scores(scores: dict[int, Decimal], indicators: dict[int, Indicator], scheme: Scheme) -> tuple[ToolScore, ...]:
    """Each tool's average as published, and its weighted part of the total."""
    return tuple(
        ToolScore(str(tool), scheme.weights[tool], numbers, round2(mean), round2(scheme.weights[tool] * mean / 100))
        for tool, (numbers, mean) in _tool_means(scores, indicators, scheme).items()
    )


def weighted_total(scores: dict[int, Decimal], indicators: dict[int, Indicator], scheme: Scheme) -> Decimal:
    """The year's total: the weighted sum of unrounded tool averages, rounded once at the end."""
    means = _tool_means(scores, indicators, scheme)
    return round2(sum((scheme.weights[tool] * mean / 100 for tool, (_, mean) in means.items()), Decimal(0)))


def _shortfalls(level: Level, total: Decimal, tools: tuple[ToolScore, ...]) -> tuple[Shortfall, ...]:
    """Every minimum of `level` that the year did not reach."""
    missed = []
    if total < level.min_total:
        missed.append(Shortfall("total", total, level.min_total))
    if level.min_each_tool is not None:
        missed.extend(
            Shortfall(tool.tool, tool.average, level.min_each_tool)
            for tool in tools
            if tool.average < level.min_each_tool
        )
    return tuple(missed)


def judge_level(total: Decimal, tools: tuple[ToolScore, ...], scheme: Scheme) -> LevelReason:
    """The first level, from the top, whose minimums the year meets, and what kept it from the one above."""
    for index, level in enumerate(scheme.levels):
        if not _shortfalls(level, total, tools):
            higher = scheme.levels[index - 1] if index else None
            return LevelReason(level, higher, _shortfalls(higher, total, tools) if higher else ())
    raise ValueError(f"scheme {scheme.id!r} has no level for total {total}")  # a validated scheme ends at 0


def score_year(year: int, scores: dict[int, Decimal], indicators: dict[int, Indicator], scheme: Scheme) -> YearScore:
    """Everything the pages show about one year's scores."""
    tools = tool_scores(scores, indicators, scheme)
    total = weighted_total(scores, indicators, scheme)
    return YearScore(year, scheme, dict(scores), tools, total, judge_level(total, tools, scheme), total)


def as_announced(score: YearScore, stated_total: Decimal | None) -> YearScore:
    """The year with the total the NACC announced in place of the computed one, where the report states it.
    The stated-figures check has made sure the two differ by at most STATED_TOLERANCE and give the same level;
    the NACC works from unrounded scores, which the reports do not give, hence that tolerance."""
    if stated_total is None:
        return score
    reason = judge_level(stated_total, score.tools, score.scheme)
    return replace(score, total=stated_total, reason=reason, official=True)


def compare(before: YearScore, after: YearScore) -> Comparison:
    """Each indicator's and the total's change from `before` to `after`."""
    changes = {n: Change(before.scores[n], after.scores[n]) for n in after.scores if n in before.scores}
    earlier = {tool.tool: tool.average for tool in before.tools}
    tools = {tool.tool: Change(earlier[tool.tool], tool.average) for tool in after.tools if tool.tool in earlier}
    return Comparison(before, after, changes, tools, Change(before.total, after.total))


def announced_only(year: int, total: Decimal, level: Level, scheme: Scheme) -> YearScore:
    """A year known only by the total and level the NACC announced: nothing to compute, nothing to explain."""
    return YearScore(year, scheme, {}, (), total, LevelReason(level, None, ()), None, official=True)


def score_all(dataset: Dataset) -> dict[int, YearScore]:
    """Every year's scores, oldest first, each against the indicators of its own period, with the NACC's total
    where the report states it."""
    found = {}
    for year in dataset.years:
        results, scheme, framework = dataset.results[year], dataset.scheme_for(year), dataset.framework_for(year)
        stated = results.stated
        if results.scores and framework:  # the checks made sure a year with scores has its period
            score = replace(score_year(year, results.scores, framework.by_number, scheme), framework=framework)
            found[year] = as_announced(score, stated.total if stated else None)
        elif stated and (level := level_named(scheme, stated.level)):  # the checks made sure it names a level
            found[year] = replace(announced_only(year, stated.total, level, scheme), framework=framework)
    return found


def comparable(before: YearScore, after: YearScore) -> bool:
    """Whether two years can be compared indicator by indicator: both have their scores, on the same set of
    indicators (a year of another period scores other indicators, so its figures are not set side by side)."""
    sets = [score.framework.id if score.framework else None for score in (before, after)]
    return before.broken_down and after.broken_down and sets[0] == sets[1]


def consecutive_comparisons(scores: dict[int, YearScore]) -> list[Comparison]:
    """A comparison for each pair of neighbouring years that both have their indicator scores, of one period."""
    years = sorted(scores)
    return [compare(scores[a], scores[b]) for a, b in pairwise(years) if comparable(scores[a], scores[b])]


def level_named(scheme: Scheme, written: str) -> Level | None:
    """The level a report names: by its id, or by its name as printed in either language (ผ่านดี, AA, Good),
    ignoring case and spaces."""
    wanted = "".join(written.split()).casefold()
    for level in scheme.levels:
        names = (level.id, level.name.th, level.name.en or "")
        if wanted in {"".join(name.split()).casefold() for name in names}:
            return level
    return None


def score_dataset(dataset: Dataset) -> ScoredDataset:
    """The dataset with its scores and comparisons."""
    scores = score_all(dataset)
    return ScoredDataset(dataset, scores, consecutive_comparisons(scores))
