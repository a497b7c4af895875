"""A run of three or more years as a line, every point labelled with its value, and the national figure as a
second, dashed series where national.yml gives it; and the parts every chart shares (the facts of its source
line, its key), drawn by `templates/_charts.j2`.

As in charts.py, horizontal places are percentages of the SVG's width and vertical ones CSS pixels, so text
keeps its size at every screen width. A year needs room for its label beside the next year's, so a long run
gets a minimum width (`width`), past which the chart scrolls sideways on a phone instead of crowding.

The value axis of every line chart of a site starts at the same place (`site_start`), below every figure of
every year shown, so an indicator's page reads against the next one; the axis is drawn broken there and the
chart says where it starts in words.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from ..data.national import Source
from ..numbers import ce_year, format_score
from ..scoring import YearScore
from .locale import Locale

MIN_WIDTH = 300  # CSS pixels: below this a chart scrolls sideways rather than crowd its text
# The wider minimums a long run of years may need, each a rule of ita.css (`data-min-width`): an SVG sized by
# its width attribute would keep that attribute's aspect ratio, and so scale its height with the screen.
WIDTHS = (400, 500, 600, 680, 800, 1000, 1200)
LEGEND_LINE = 24
POINT_SPACING = 58  # CSS pixels between two years: room for two values, or two year labels, side by side
LEFT = 10.0  # percent of the width: the value axis, its labels to the left of it
RIGHT = 93.0  # percent: the last year, with room for half its label after it
PAD = 5.0  # percent between the axis and the first year, so the first year's label clears the axis
ABOVE = 30  # pixels over the plot: a label above a point at 100
PLOT_HEIGHT = 180
BELOW = 30  # pixels under the plot: the axis break, the 0 under it, a label below a point near the start
LABEL_OFFSET = 10  # from a point to the baseline of a label above it (a label below sits lower by its size)
FULL = Decimal(100)


@dataclass(frozen=True)
class Sources:
    """What a chart's figures come from, for the source line under it (as Our World in Data and the ONS do)."""

    official: tuple[int, ...] = ()  # years whose total is the NACC's figure as the agency's report states it
    computed: tuple[int, ...] = ()  # years whose total this site worked out from the indicator scores
    averages: bool = False  # tool averages, which this site works out from the indicator scores
    national: tuple[Source, ...] = ()  # where the national figures drawn come from


@dataclass(frozen=True)
class Legend:
    """One entry of the key: a bar series' swatch ("bar0", "bar1"), the row mark ("mark"), or a line chart's
    series ("line", "national"), with its text, placed in pixels."""

    kind: str
    text: str
    x: float
    y: float


@dataclass(frozen=True)
class Point:
    """One year of a line: where it is, and where its value is written (above it, or below when the other
    series is higher that year)."""

    year: int
    value: Decimal
    text: str
    x: float  # percent of the width
    y: float  # pixels
    label_y: float


@dataclass(frozen=True)
class LineChart:
    id: str
    title: str
    description: str
    series: tuple[str, ...]  # the agency's series, then the national one
    points: tuple[Point, ...]
    national: tuple[Point, ...]
    ticks: tuple[tuple[float, str], ...]  # (pixels down, label) of the value axis
    labels: tuple[tuple[float, str], ...]  # (percent across, year) under the plot
    legend: tuple[Legend, ...]
    height: float
    width: int
    start: int  # where the value axis starts
    plot_top: float
    plot_bottom: float
    years: tuple[int, ...] = ()
    sources: Sources = Sources()
    left: float = LEFT
    right: float = RIGHT
    kind: str = "line"

    @property
    def segments(self) -> list[tuple[Point, Point]]:
        """The agency's line, year to year."""
        return list(zip(self.points, self.points[1:], strict=False))

    @property
    def national_segments(self) -> list[tuple[Point, Point]]:
        """The national line, only between years next to each other on the chart (a gap stays a gap)."""
        order = {year: index for index, year in enumerate(self.years)}
        pairs = zip(self.national, self.national[1:], strict=False)
        return [(a, b) for a, b in pairs if order[b.year] == order[a.year] + 1]


def site_start(scores: Iterable[YearScore], extra: Iterable[Decimal | None] = ()) -> int:
    """Where the value axis of the site's line charts starts: ten below the lowest indicator score, tool average
    or total of the years shown (and any national figure drawn), in tens, so every line chart of a site starts
    at the same place and no point sits on the axis."""
    values = [value for s in scores for value in (*s.scores.values(), *(t.average for t in s.tools), s.total)]
    values += [value for value in extra if value is not None]
    return max(0, int(min(values) // 10) * 10 - 10)


def line_chart(
    chart_id: str,
    title: str,
    description: str,
    locale: Locale,
    values: Sequence[tuple[int, Decimal, Decimal | None]],
    start: int,
    series: tuple[str, str],
    sources: Sources,
) -> LineChart:
    """Lay out (year, value, national figure or None) oldest first, on a value axis from `start` to 100."""
    legend = [Legend("line", series[0], 2, 0)]
    if any(national is not None for _, _, national in values):
        legend.append(Legend("national", series[1], 2, LEGEND_LINE))
    plot_top = len(legend) * LEGEND_LINE + ABOVE
    span = FULL - start

    def y_of(value: Decimal) -> float:
        """How far down a value is drawn."""
        return round(plot_top + float((FULL - value) / span) * PLOT_HEIGHT, 1)

    def x_of(index: int) -> float:
        """How far across a year is drawn."""
        return round(LEFT + PAD + (RIGHT - LEFT - PAD) * index / max(1, len(values) - 1), 2)

    points, national = [], []
    for index, (year, value, average) in enumerate(values):
        higher = average is None or value >= average
        y = y_of(value)
        points.append(Point(year, value, format_score(value), x_of(index), y, _label(y, above=higher)))
        if average is not None:
            at = y_of(average)
            national.append(Point(year, average, format_score(average), x_of(index), at, _label(at, not higher)))
    step = 20 if span > 60 and span % 20 == 0 else 10
    plot_bottom = plot_top + PLOT_HEIGHT
    return LineChart(
        id=chart_id,
        title=title,
        description=description,
        series=series,
        points=tuple(points),
        national=tuple(national),
        ticks=tuple((y_of(Decimal(tick)), str(tick)) for tick in range(100, start - 1, -step)),
        labels=tuple((x_of(i), locale.t("chart_year_tick", be=y, ce=ce_year(y))) for i, (y, _, _) in enumerate(values)),
        legend=tuple(legend),
        height=plot_bottom + BELOW + 26,
        width=_min_width(len(values)),
        start=start,
        plot_top=plot_top,
        plot_bottom=plot_bottom,
        years=tuple(year for year, _, _ in values),
        sources=sources,
    )


def _min_width(years: int) -> int:
    """The narrowest a chart of `years` points may be drawn, rounded up to one of the widths ita.css knows."""
    needed = POINT_SPACING * (years - 1) * 100 / (RIGHT - LEFT - PAD)
    return MIN_WIDTH if needed <= MIN_WIDTH else next((w for w in WIDTHS if w >= needed), WIDTHS[-1])


def _label(y: float, above: bool) -> float:
    """The baseline of a point's value: above the point, or below it (lower by the label's own height)."""
    return round(y - LABEL_OFFSET if above else y + LABEL_OFFSET + 12, 1)
