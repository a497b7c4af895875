"""Charts as data: the geometry of horizontal bar charts, drawn as SVG by `templates/_charts.j2`.

Every chart is computed from the same scoring objects as the table printed beside it, so the two cannot
disagree. Rows run down the page (one label line, then one bar per series) because that reads on a phone.
Values are written next to every bar; series differ by fill pattern as well as colour, so print and
colour-blind readers lose nothing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from ..data.models import Indicator
from ..data.national import NationalYear
from ..numbers import format_change, format_score
from ..scoring import Comparison, YearScore
from .locale import Locale

WIDTH = 400  # viewBox units; about the CSS pixels of a phone screen, so text stays legible
LABEL_HEIGHT = 18
BAR_HEIGHT = 16
BAR_GAP = 4
ROW_GAP = 12
TOP = 8
AXIS_HEIGHT = 22
PLOT_LEFT = 0
PLOT_RIGHT = 330  # room on the right for the value written after each bar
FULL_SCALE = Decimal(100)


@dataclass(frozen=True)
class Bar:
    series: int
    value: Decimal
    text: str
    x: float
    y: float
    width: float


@dataclass(frozen=True)
class Row:
    label: str
    y: float
    bars: tuple[Bar, ...]
    note: str = ""
    mark: Line | None = None  # a reference for this row alone (the national average of that year)


@dataclass(frozen=True)
class Line:
    """A vertical reference line across the plot (a level threshold)."""

    value: Decimal
    x: float
    text: str


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    description: str
    series: tuple[str, ...]
    rows: tuple[Row, ...]
    lines: tuple[Line, ...]
    ticks: tuple[tuple[float, str], ...]
    height: float
    width: int = WIDTH
    bar_height: int = BAR_HEIGHT
    plot_top: float = TOP

    @property
    def marked(self) -> bool:
        """Whether some row carries its own reference mark, which the legend then explains."""
        return any(row.mark for row in self.rows)


def axis_floor(values: list[Decimal]) -> Decimal:
    """Where the value axis starts: ten below the lowest value, in tens, so small differences show.
    The axis is labelled, and every bar carries its value, so the cut does not mislead."""
    lowest = min(values)
    return max(Decimal(0), (lowest // 10) * 10 - 10)


def bar_chart(
    chart_id: str,
    title: str,
    description: str,
    series: tuple[str, ...],
    rows: list[tuple[str, list[Decimal], str]],
    lines: Sequence[tuple[Decimal, str]] = (),
    marks: Sequence[Decimal | None] = (),
) -> Chart:
    """Lay out rows of (label, one value per series, note), reference lines across the plot and, row by row,
    a reference mark of its own, on a shared axis."""
    values = [value for _, row_values, _ in rows for value in row_values] + [value for value, _ in lines]
    values += [mark for mark in marks if mark is not None]
    floor = axis_floor(values)

    def x_of(value: Decimal) -> float:
        """Where a value stands on the shared axis."""
        return round(PLOT_LEFT + float((value - floor) / (FULL_SCALE - floor)) * (PLOT_RIGHT - PLOT_LEFT), 1)

    laid_out, y = [], TOP
    row_marks = list(marks) + [None] * (len(rows) - len(marks))
    for (label, row_values, note), mark in zip(rows, row_marks, strict=True):
        bars_top = y + LABEL_HEIGHT
        bars = tuple(
            Bar(index, value, format_score(value), PLOT_LEFT, bars_top + index * (BAR_HEIGHT + BAR_GAP), x_of(value))
            for index, value in enumerate(row_values)
        )
        marked = Line(mark, x_of(mark), format_score(mark)) if mark is not None else None
        laid_out.append(Row(label, y + LABEL_HEIGHT - 5, bars, note, marked))
        y = bars_top + len(row_values) * (BAR_HEIGHT + BAR_GAP) + ROW_GAP
    ticks = tuple((x_of(Decimal(tick)), str(tick)) for tick in range(int(floor), 101, 10 if floor < 60 else 5))
    return Chart(
        id=chart_id,
        title=title,
        description=description,
        series=series,
        rows=tuple(laid_out),
        lines=tuple(Line(value, x_of(value), text) for value, text in lines),
        ticks=ticks,
        height=y + AXIS_HEIGHT,
    )


def totals_chart(
    scores: dict[int, YearScore], locale: Locale, national: Mapping[int, NationalYear] | None = None
) -> Chart:
    """The total of every year, oldest first, with its level, and the national average where it is known."""
    years = sorted(scores)
    parts = [f"{locale.year(y)}: {format_score(scores[y].total)} ({locale.text(scores[y].level.name)})" for y in years]
    averages = [entry.average if (entry := (national or {}).get(y)) else None for y in years]
    description = locale.t("chart_totals_desc", values="; ".join(parts))
    if known := [f"{locale.year(y)}: {format_score(a)}" for y, a in zip(years, averages, strict=True) if a]:
        description += locale.t("chart_national_desc", values="; ".join(known))
    return bar_chart(
        "chart-totals",
        locale.t("chart_totals_title"),
        description,
        (locale.t("results_total"),),
        [(locale.year(y), [scores[y].total], locale.text(scores[y].level.name)) for y in years],
        marks=averages,
    )


def tools_chart(score: YearScore, locale: Locale) -> Chart:
    """The three tool averages of one year against the per-tool minimums of that year's levels."""
    minimums: dict[Decimal, list[str]] = {}
    for level in score.scheme.levels:
        if level.min_each_tool is not None:
            minimums.setdefault(level.min_each_tool, []).append(locale.text(level.name))
    parts = [f"{tool.tool} {format_score(tool.average)}" for tool in score.tools]
    limits = [f"{' / '.join(names)} ≥ {format_score(value)}" for value, names in minimums.items()]
    return bar_chart(
        f"chart-tools-{score.year}",
        locale.t("chart_tools_title", year=locale.year(score.year)),
        locale.t("chart_tools_desc", values="; ".join(parts), limits="; ".join(limits) or "—"),
        (locale.t("results_average"),),
        [(tool.tool, [tool.average], "") for tool in score.tools],
        [(value, " / ".join(names)) for value, names in minimums.items()],
    )


def indicators_chart(comparison: Comparison, data_indicators: dict[int, Indicator], locale: Locale) -> Chart:
    """Every indicator in both years, with the change written beside it."""
    before, after = comparison.before.year, comparison.after.year
    rows, changed, held = [], [], []
    for number, change in sorted(comparison.indicators.items()):
        name = f"{number}. {locale.text(data_indicators[number].name)}"
        note = f"{format_change(change.delta)} {locale.t('direction_' + change.direction)}"
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
    return bar_chart(
        f"chart-indicators-{before}-{after}",
        locale.t("chart_indicators_title", before=locale.year_short(before), after=locale.year_short(after)),
        locale.t(
            "chart_indicators_desc", count=len(rows), changes="; ".join(changed) or "—", held=", ".join(held) or "—"
        ),
        (locale.year_short(before), locale.year_short(after)),
        rows,
    )
