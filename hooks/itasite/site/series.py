"""One figure over the years, for its own page: an indicator's score, or a tool's average, in every year scored
on the current set of indicators, with the change from the year before, the level of the year, the national
figure where national.yml gives one, and the measures that name the indicator.

Years of an earlier set of indicators are left out of a series: an indicator of the same number measured
something else then (data/framework.py), so its score does not continue the line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from markupsafe import Markup

from ..data.dataset import Dataset
from ..data.framework import IndicatorSet
from ..data.models import Measure, Text, ToolInfo
from ..data.national import NationalYear
from ..numbers import ce_year, format_change, format_score
from ..scoring import ScoredDataset, YearScore
from .catalogue import Catalogue, dataset_jsonld
from .charts import Chart, bar_chart, national_sources
from .linechart import LineChart, Sources, line_chart, site_start
from .locale import LANGUAGES, Locale, load_locale
from .opendata import Download
from .routes import indicator_page, tool_page
from .spreadsheet import csv_file

COLUMNS = ["year_be", "year_ce", "series", "name_th", "name_en", "value", "change", "year_level_th", "year_level_en"]
# year_level_*: the level the whole year got, not a level of the series's own indicator or tool


@dataclass(frozen=True)
class Point:
    """One year of a series."""

    year: int
    value: Decimal
    change: Decimal | None  # from the year before in the series; None for its first year
    score: YearScore  # the whole year, for its level and total
    national: Decimal | None = None


@dataclass(frozen=True)
class Series:
    """An indicator's scores or a tool's averages over the years, and what the page says about them."""

    key: str  # "6" for indicator 6, "EIT" for a tool: the page's address and the CSV's name
    kind: str  # "indicator" or "tool"
    name: Text
    tool: ToolInfo
    weight: Decimal | None  # the tool's weight in the latest year's total, percent
    indicators: tuple[int, ...]  # a tool's indicators; for an indicator, those its tool averages it with
    description: Text | None
    framework: IndicatorSet
    points: tuple[Point, ...]
    measures: tuple[Measure, ...] = ()  # the measures that name the indicator (the agency's reading)

    @property
    def years(self) -> list[int]:
        """The years the series has, oldest first."""
        return [point.year for point in self.points]


def current_framework(dataset: Dataset) -> IndicatorSet:
    """The set of indicators in use now: the newest period of indicators.yml."""
    return max(dataset.frameworks, key=lambda period: period.first_year)


def _years_of(scored: ScoredDataset, framework: IndicatorSet) -> list[YearScore]:
    """The years scored indicator by indicator on `framework`, oldest first."""
    scores = scored.scores
    chosen = [scores[y] for y in sorted(scores) if scores[y].broken_down and scores[y].framework]
    return [score for score in chosen if score.framework and score.framework.id == framework.id]


def _points(values: list[tuple[YearScore, Decimal, Decimal | None]]) -> tuple[Point, ...]:
    """Points with the change from the one before."""
    points, before = [], None
    for score, value, national in values:
        points.append(Point(score.year, value, None if before is None else value - before, score, national))
        before = value
    return tuple(points)


def indicator_series(scored: ScoredDataset, number: int) -> Series:
    """Indicator `number` of the current set over the years, with the measures that name it."""
    dataset = scored.dataset
    framework = current_framework(dataset)
    indicator = framework.by_number[number]
    tool = framework.tools_by_id[str(indicator.tool)]
    years = [score for score in _years_of(scored, framework) if number in score.scores]
    national = {year: entry.indicators.get(number) for year, entry in dataset.national.items()}
    values = [(score, score.scores[number], national.get(score.year)) for score in years]
    measures = tuple(
        measure
        for year in sorted(dataset.measures, reverse=True)
        if (found := dataset.framework_for(year)) and found.id == framework.id
        for measure in dataset.measures[year]
        if number in measure.indicators
    )
    siblings = tuple(n for n, other in framework.by_number.items() if other.tool == indicator.tool)
    return Series(
        str(number), "indicator", indicator.name, tool, _weight(years, str(tool.id)), siblings,
        indicator.description, framework, _points(values), measures,
    )  # fmt: skip


def tool_series(scored: ScoredDataset, tool_id: str) -> Series:
    """Tool `tool_id` of the current set: its average over the years."""
    dataset = scored.dataset
    framework = current_framework(dataset)
    tool = framework.tools_by_id[tool_id]
    years = _years_of(scored, framework)
    national = {
        year: {str(k): v for k, v in entry.tools.items()}.get(tool_id) for year, entry in dataset.national.items()
    }
    values = []
    for score in years:
        found = next((entry for entry in score.tools if entry.tool == tool_id), None)
        if found:
            values.append((score, found.average, national.get(score.year)))
    members = tuple(n for n, indicator in framework.by_number.items() if str(indicator.tool) == tool_id)
    return Series(
        tool_id, "tool", tool.name, tool, _weight(years, tool_id), members, tool.description, framework,
        _points(values),
    )  # fmt: skip


def _weight(years: list[YearScore], tool_id: str) -> Decimal | None:
    """The tool's weight in the total of the latest year of the series."""
    for score in reversed(years):
        for tool in score.tools:
            if tool.tool == tool_id:
                return tool.weight
    return None


def series_chart(
    series: Series, locale: Locale, national: Mapping[int, NationalYear] | None = None
) -> Chart | LineChart:
    """The series oldest year first: as a line with the national figure as a second one once it has three years
    or more, else as bars with each year's change and the national figure as a mark."""
    parts = [Markup("{}: {}").format(locale.year(p.year), format_score(p.value)) for p in series.points]
    chart_id = f"chart-{series.kind}-{series.key.lower()}"
    title = locale.t(f"series_chart_title_{series.kind}", code=series.key, name=locale.text(series.name))
    description = locale.t("series_chart_desc", values=Markup("; ").join(parts) or "—")
    years = [p.year for p in series.points]
    drawn = national_sources(national or {}, [p.year for p in series.points if p.national is not None])
    sources = Sources(averages=series.kind == "tool", national=drawn)
    if len(series.points) >= 3:
        start = site_start([p.score for p in series.points], [p.national for p in series.points])
        names = (locale.t("series_value_" + series.kind), locale.t("chart_national_mark"))
        values = [(p.year, p.value, p.national) for p in series.points]
        return line_chart(chart_id, title, description, locale, values, start, names, sources)
    chart = bar_chart(
        chart_id,
        title,
        description,
        (locale.t("series_value_" + series.kind),),
        [(locale.year(p.year), [p.value], _note(p)) for p in series.points],
        marks=[p.national for p in series.points],
        mark_text=locale.t("chart_national_mark"),
    )
    return replace(chart, years=tuple(years), sources=sources)


def _note(point: Point) -> str:
    """What is written at the end of a bar's row: the change from the year before."""
    return "" if point.change is None else format_change(point.change)


def series_csv(series: Series) -> bytes:
    """The series as CSV (UTF-8 with a byte-order mark, CRLF, as the site's other CSV files)."""
    rows = []
    for point in series.points:
        level = point.score.level.name
        rows.append(
            {
                "year_be": point.year,
                "year_ce": ce_year(point.year),
                "series": series.key,
                "name_th": series.name.th,
                "name_en": series.name.en or "",
                "value": f"{point.value:.2f}",
                "change": "" if point.change is None else f"{point.change:+.2f}",
                "year_level_th": level.th,
                "year_level_en": level.en or "",
            }
        )
    return csv_file(COLUMNS, rows)


def series_descriptions(series_files: dict[str, Series]) -> dict[str, dict[str, str]]:
    """What each series' CSV holds, in every language, for the catalogue files (as the downloads page says it)."""
    locales = [load_locale(lang) for lang in LANGUAGES]
    return {
        name: {
            locale.lang: locale.plain(f"download_series_{one.kind}", code=one.key, name=locale.text(one.name))
            for locale in locales
        }
        for name, one in series_files.items()
    }


def series_dataset(catalogue: Catalogue, series: Series, download: Download) -> dict[str, Any]:
    """The schema.org Dataset a series' page embeds: its title, what it measures, its years and its CSV."""
    title = {
        locale.lang: locale.plain(f"series_title_{series.kind}", code=series.key, name=locale.text(series.name))
        for locale in catalogue.locales
    }
    description = catalogue.text(series.description) if series.description else catalogue.described(download)
    return dataset_jsonld(
        catalogue,
        [download],
        title=title,
        description=description,
        years=series.years,
        page=tool_page(series.key) if series.kind == "tool" else indicator_page(int(series.key)),
    )
