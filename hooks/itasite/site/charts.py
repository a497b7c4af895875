"""Charts as data: the geometry of the site's bar charts, drawn as inline SVG by `templates/_charts.j2`.

Every chart is computed from the same scoring objects as the table printed beside it, so the two cannot
disagree. The SVG has no viewBox: horizontal positions are percentages of its width and vertical ones CSS
pixels, so a chart fills the content width of any screen while its text keeps the pixel sizes of ita.css
(never scaled down to a phone's width). Bars start at 0, so their lengths compare as the scores do. Rows run
down the page (one label line, then one bar per series) because that reads on a phone. Values are written
next to every bar; series differ by fill pattern as well as colour, so print and colour-blind readers lose
nothing. A run of three or more years is a line instead (linechart.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from markupsafe import Markup

from ..data.models import Indicator
from ..data.national import NationalYear, Source
from ..numbers import format_change, format_score
from ..scoring import Comparison, YearScore
from .linechart import LEGEND_LINE, MIN_WIDTH, Legend, LineChart, Sources, line_chart, site_start
from .locale import Locale

PLOT = 82  # percent of the width that the 0–100 axis spans; the rest holds the value written after a bar
LABEL_HEIGHT = 27
BAR_HEIGHT = 18
BAR_GAP = 4
ROW_GAP = 10
THRESHOLD_LINE = 22
AXIS_HEIGHT = 26
FULL_SCALE = Decimal(100)
SEPARATOR = Markup("; ")  # between the parts of a description; joining with it escapes a part that is not Markup


@dataclass(frozen=True)
class Bar:
    series: int
    value: Decimal
    text: str
    y: float
    width: float  # percent of the chart's width


@dataclass(frozen=True)
class Line:
    """A vertical reference across the plot (a level threshold) or one row's mark (the national average)."""

    value: Decimal
    x: float  # percent of the chart's width
    text: str
    y: float = 0  # where a threshold's label sits


@dataclass(frozen=True)
class Row:
    label: str
    y: float
    bars: tuple[Bar, ...]
    note: str = ""
    mark: Line | None = None  # a reference for this row alone (the national average of that year)


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    description: str
    series: tuple[str, ...]
    rows: tuple[Row, ...]
    lines: tuple[Line, ...]
    ticks: tuple[tuple[float, str], ...]  # (percent of the width, label) along the bottom
    height: float
    years: tuple[int, ...] = ()
    sources: Sources = field(default_factory=Sources)
    legend: tuple[Legend, ...] = ()
    plot_top: float = 0
    plot_bottom: float = 0
    width: int = MIN_WIDTH
    bar_height: int = BAR_HEIGHT
    kind: str = "bars"
    start: int = 0  # where the value axis starts: bars always at 0

    @property
    def marked(self) -> bool:
        """Whether some row carries its own reference mark, which the legend then explains."""
        return any(row.mark for row in self.rows)


def x_of(value: Decimal) -> float:
    """Where a value stands on a bar chart's 0–100 axis, in percent of the chart's width."""
    return round(float(value / FULL_SCALE) * PLOT, 2)


def bar_legend(series: tuple[str, ...], marked: bool, mark_text: str) -> tuple[Legend, ...]:
    """The key of a bar chart: the series on one line when there are two or more, the row mark on the next."""
    entries = [Legend(f"bar{i}", name, i * 110, 0) for i, name in enumerate(series)] if len(series) > 1 else []
    if marked:
        entries.append(Legend("mark", mark_text, 0, LEGEND_LINE if entries else 0))
    return tuple(entries)


def bar_chart(
    chart_id: str,
    title: str,
    description: str,
    series: tuple[str, ...],
    rows: list[tuple[str, list[Decimal], str]],
    lines: Sequence[tuple[Decimal, str]] = (),
    marks: Sequence[Decimal | None] = (),
    mark_text: str = "",
) -> Chart:
    """Lay out rows of (label, one value per series, note), reference lines across the plot, each with its label
    on a line of its own above the bars, and, row by row, a reference mark of its own, on an axis from 0."""
    legend = bar_legend(series, any(mark is not None for mark in marks), mark_text)
    top = (max(entry.y for entry in legend) + LEGEND_LINE) if legend else 0
    references = tuple(Line(value, x_of(value), text, top + (i + 1) * THRESHOLD_LINE - 6) for i, (value, text) in
                       enumerate(lines))  # fmt: skip
    plot_top = y = top + len(lines) * THRESHOLD_LINE
    laid_out = []
    row_marks = list(marks) + [None] * (len(rows) - len(marks))
    for (label, row_values, note), mark in zip(rows, row_marks, strict=True):
        bars_top = y + LABEL_HEIGHT
        bars = tuple(
            Bar(index, value, format_score(value), bars_top + index * (BAR_HEIGHT + BAR_GAP), x_of(value))
            for index, value in enumerate(row_values)
        )
        marked = Line(mark, x_of(mark), format_score(mark)) if mark is not None else None
        laid_out.append(Row(label, y + LABEL_HEIGHT - 9, bars, note, marked))
        y = bars_top + len(row_values) * (BAR_HEIGHT + BAR_GAP) + ROW_GAP
    return Chart(
        id=chart_id,
        title=title,
        description=description,
        series=series,
        rows=tuple(laid_out),
        lines=references,
        ticks=tuple((x_of(Decimal(tick)), str(tick)) for tick in range(0, 101, 20)),
        height=y + AXIS_HEIGHT,
        legend=legend,
        plot_top=plot_top,
        plot_bottom=y,
    )


def national_sources(national: Mapping[int, NationalYear], years: Sequence[int]) -> tuple[Source, ...]:
    """The sources of the national figures of `years`, each once, oldest year first."""
    found: list[Source] = []
    for year in years:
        if (entry := national.get(year)) and entry.source not in found:
            found.append(entry.source)
    return tuple(found)


def totals_sources(scores: Mapping[int, YearScore], years: Sequence[int], national: Sequence[Source]) -> Sources:
    """Which totals are the NACC's as the report states them, which this site worked out, and the national
    figures' sources."""
    official = tuple(y for y in years if scores[y].official)
    return Sources(official, tuple(y for y in years if y not in official), False, tuple(national))


def totals_chart(
    scores: dict[int, YearScore], locale: Locale, national: Mapping[int, NationalYear] | None = None
) -> Chart | LineChart:
    """The total of every year, oldest first, with its level, and the national average where it is known: as
    bars for one or two years, as a line once there are three or more."""
    years = sorted(scores)
    averages = [entry.average if (entry := (national or {}).get(y)) else None for y in years]
    known = [(y, a) for y, a in zip(years, averages, strict=True) if a is not None]
    sources = totals_sources(scores, years, national_sources(national or {}, [y for y, _ in known]))
    figures = Markup("{}: {} ({})")  # a year's total and level; Markup's format escapes the level's name
    parts = [
        figures.format(locale.year(y), format_score(scores[y].total), locale.text(scores[y].level.name)) for y in years
    ]
    description = locale.t(
        "chart_totals_desc_line" if len(years) >= 3 else "chart_totals_desc", values=SEPARATOR.join(parts)
    )
    if known:
        averages_said = [Markup("{}: {}").format(locale.year(y), format_score(a)) for y, a in known]
        description += locale.t("chart_national_desc", values=SEPARATOR.join(averages_said))
    title, names = locale.t("chart_totals_title"), (locale.t("results_total"), locale.t("chart_national_mark"))
    if len(years) >= 3:
        values = [(y, scores[y].total, a) for y, a in zip(years, averages, strict=True)]
        start = site_start(scores.values(), averages)
        return line_chart("chart-totals", title, description, locale, values, start, names, sources)
    rows: list[tuple[str, list[Decimal], str]] = [
        (locale.year(y), [scores[y].total], locale.text(scores[y].level.name)) for y in years
    ]
    chart = bar_chart("chart-totals", title, description, names[:1], rows, marks=averages, mark_text=names[1])
    return _with(chart, tuple(years), sources)


def _with(chart: Chart, years: tuple[int, ...], sources: Sources) -> Chart:
    """The chart with the years it shows and where its figures come from, for its subtitle and source line."""
    return replace(chart, years=years, sources=sources)


def tools_chart(score: YearScore, locale: Locale) -> Chart:
    """The three tool averages of one year against the per-tool minimums of that year's levels."""
    minimums: dict[Decimal, list[str]] = {}
    for level in score.scheme.levels:
        if level.min_each_tool is not None:
            minimums.setdefault(level.min_each_tool, []).append(locale.text(level.name))
    parts = [Markup("{} {}").format(tool.tool, format_score(tool.average)) for tool in score.tools]
    limits = [Markup("{} ≥ {}").format(" / ".join(names), format_score(value)) for value, names in minimums.items()]
    chart = bar_chart(
        f"chart-tools-{score.year}",
        locale.t("chart_tools_title", year=locale.year(score.year)),
        locale.t("chart_tools_desc", values=SEPARATOR.join(parts), limits=SEPARATOR.join(limits) or "—"),
        (locale.t("results_average"),),
        [(tool.tool, [tool.average], "") for tool in score.tools],
        [(value, " / ".join(names)) for value, names in minimums.items()],
    )
    return _with(chart, (score.year,), Sources(averages=True))


def indicators_chart(comparison: Comparison, data_indicators: dict[int, Indicator], locale: Locale) -> Chart:
    """Every indicator in both years, with the change written beside it."""
    before, after = comparison.before.year, comparison.after.year
    rows: list[tuple[str, list[Decimal], str]] = []
    changed: list[Markup] = []
    held: list[str] = []
    for number, change in sorted(comparison.indicators.items()):
        name = f"{number}. {locale.text(data_indicators[number].name)}"
        # An unchanged score is one short word: "0.00 ไม่มีการเปลี่ยนแปลง" ran into a long name on a phone
        note = (
            locale.t("chart_change_same")
            if change.direction == "same"
            else Markup("{} {}").format(format_change(change.delta), locale.t("direction_" + change.direction))
        )
        rows.append((name, [change.before, change.after], note))
        if change.delta:
            changed.append(
                locale.t(
                    "chart_indicator_change",
                    number=number,
                    before=format_score(change.before),
                    after=format_score(change.after),
                    direction=locale.t("direction_" + change.direction),
                    delta=format_score(abs(change.delta)),
                )
            )
        else:
            held.append(str(number))
    # The table beside the chart lists every score; the description names what changed.
    chart = bar_chart(
        f"chart-indicators-{before}-{after}",
        locale.t("chart_indicators_title", before=locale.year_short(before), after=locale.year_short(after)),
        locale.t(
            "chart_indicators_desc",
            count=len(rows),
            changes=SEPARATOR.join(changed) or "—",
            held=", ".join(held) or "—",
        ),
        (locale.year_short(before), locale.year_short(after)),
        rows,
    )
    return _with(chart, (before, after), Sources())
