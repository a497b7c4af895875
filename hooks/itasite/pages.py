"""Decide which pages the site has, what each one shows, and the navigation between them.

`plan_site` turns a Dataset into page specifications (path, template, context) and a navigation tree.
The same paths are used in every language, so the language switcher can go to the same page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from itertools import pairwise

from .charts import indicators_chart, tools_chart, totals_chart
from .dataset import Dataset
from .locale import Locale
from .numbers import fiscal_year_bounds
from .opendata import Download, build_downloads
from .scoring import Comparison, YearScore, compare, score_year

HOME = "index.md"
MEASURES = "measures/index.md"
RESULTS = "results/index.md"
METHODOLOGY = "methodology.md"
ABOUT = "about.md"
DOWNLOADS = "downloads.md"


def measure_page(year: int, measure_id: str) -> str:
    return f"measures/{year}/{measure_id}.md"


def results_page(year: int) -> str:
    return f"results/{year}.md"


def comparison_page(before: int, after: int) -> str:
    return f"results/{before}-{after}.md"


def report_page(year: int) -> str:
    return f"report/{year}.md"


@dataclass(frozen=True)
class PageSpec:
    """One generated page: where it goes, which template renders it, and with what."""

    src_uri: str
    template: str
    context: dict = field(hash=False)


@dataclass(frozen=True)
class SitePlan:
    pages: list[PageSpec]
    nav: list
    downloads: list[Download]


def score_all(dataset: Dataset) -> dict[int, YearScore]:
    """Every year's computed scores, oldest first."""
    return {
        year: score_year(year, dataset.results[year].scores, dataset.indicators, dataset.scheme_for(year))
        for year in dataset.years
    }


def consecutive_comparisons(scores: dict[int, YearScore]) -> list[Comparison]:
    """A comparison for each pair of neighbouring years with results."""
    years = sorted(scores)
    return [compare(scores[a], scores[b]) for a, b in pairwise(years)]


def plan_site(dataset: Dataset, locale: Locale, last_change: dt.date | None = None) -> SitePlan:
    """All pages and downloads of one language's site, and its navigation."""
    scores = score_all(dataset)
    comparisons = consecutive_comparisons(scores)
    downloads = build_downloads(dataset, scores, last_change)
    shared = {"data": dataset, "scores": scores, "comparisons": comparisons}
    shared["totals_chart"] = totals_chart(scores, locale)
    latest = scores[max(scores)]
    previous = next((c for c in comparisons if c.after is latest), None)
    pages = [
        PageSpec(HOME, "home.md.j2", {**shared, "latest": latest, "previous": previous}),
        PageSpec(MEASURES, "measures.md.j2", shared),
        PageSpec(RESULTS, "results-index.md.j2", shared),
        PageSpec(METHODOLOGY, "methodology.md.j2", shared),
        PageSpec(ABOUT, "about.md.j2", shared),
        PageSpec(DOWNLOADS, "downloads.md.j2", {**shared, "downloads": downloads, "last_change": last_change}),
    ]
    for year, measures in dataset.measures.items():
        pages += [
            PageSpec(measure_page(year, m.id), "measure.md.j2", {**shared, "measure": m, "score": scores.get(year)})
            for m in measures
        ]
    pages += [
        PageSpec(results_page(year), "results.md.j2", {**shared, "score": s, "chart": tools_chart(s, locale)})
        for year, s in scores.items()
    ]
    pages += [
        PageSpec(
            comparison_page(c.before.year, c.after.year),
            "comparison.md.j2",
            {**shared, "comparison": c, "chart": indicators_chart(c, dataset.indicators, locale)},
        )
        for c in comparisons
    ]
    pages += [report_spec(dataset, locale, year, scores, comparisons, shared) for year in sorted(dataset.reports)]
    return SitePlan(pages, build_nav(dataset, locale, scores, comparisons), downloads)


def report_spec(dataset: Dataset, locale: Locale, year: int, scores, comparisons, shared: dict) -> PageSpec:
    """The printable report of one year: memo, measures, results and the comparison with the year before."""
    score = scores.get(year)
    comparison = next((c for c in comparisons if c.after.year == year), None)
    start, end = fiscal_year_bounds(year)
    context = {
        **shared,
        "report": dataset.reports[year],
        "measures": dataset.measures.get(year, []),
        "score": score,
        "comparison": comparison,
        "tools": tools_chart(score, locale) if score else None,
        "indicators": indicators_chart(comparison, dataset.indicators, locale) if comparison else None,
        "period_start": start,
        "period_end": end,
    }
    return PageSpec(report_page(year), "report.md.j2", context)


def build_nav(dataset: Dataset, locale: Locale, scores: dict[int, YearScore], comparisons: list[Comparison]) -> list:
    """The navigation tree, newest year first; page titles come from each page's heading."""
    measures: list = [MEASURES]
    for year in sorted(dataset.measures, reverse=True):
        measures.append({locale.year(year): [measure_page(year, m.id) for m in dataset.measures[year]]})
    results: list = [RESULTS]
    results += [results_page(year) for year in sorted(scores, reverse=True)]
    results += [comparison_page(c.before.year, c.after.year) for c in reversed(comparisons)]
    return [
        {locale.t("nav_home"): HOME},
        {locale.t("nav_measures"): measures},
        {locale.t("nav_results"): results},
        {locale.t("nav_methodology"): METHODOLOGY},
        {locale.t("nav_downloads"): DOWNLOADS},
        {locale.t("nav_report"): [report_page(year) for year in sorted(dataset.reports, reverse=True)]},
        {locale.t("nav_about"): ABOUT},
    ]
