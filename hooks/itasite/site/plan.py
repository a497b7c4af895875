"""Decide which pages the site has, what each one shows, and the navigation between them.

`plan_site` turns a scored dataset into page specifications (path, template, context) and a navigation
tree. Paths come from `routes`, the same in every language, so the language switcher can go to the same page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..build.history import History
from ..data.national import stated
from ..numbers import fiscal_year_bounds
from ..scoring import ScoredDataset
from . import disclosure as oit
from . import pagedata
from .catalogue import catalogue_of, dataset_jsonld
from .changes import ChangeView, PageRef, change_views, latest
from .charts import indicators_chart, tools_chart, totals_chart
from .datachanges import data_history
from .editlinks import repository_address
from .locale import Locale, title_pair
from .opendata import Download, build_downloads
from .pagedata import Sources
from .portals import catalogue_downloads
from .routes import (
    ABOUT,
    CHANGES,
    DOWNLOADS,
    EXAMPLE_SITE,
    HOME,
    INDICATORS,
    MEASURES,
    METHODOLOGY,
    RESULTS,
    answer_sheet_csv,
    comparison_page,
    indicator_page,
    measure_page,
    measures_year_page,
    report_page,
    results_page,
    series_csv,
    tool_page,
)
from .series import (
    Series,
    current_framework,
    indicator_series,
    series_chart,
    series_dataset,
    series_descriptions,
    tool_series,
)
from .series import series_csv as series_file

Context = dict[str, Any]  # what a template is rendered with
NavEntry = str | dict[str, Any]  # MkDocs' nav: a page path, or {title: page or list of entries}


@dataclass(frozen=True)
class PageSpec:
    """One generated page: where it goes, which template renders it, with what, and from which data files
    (pagedata.py; None: every file), so its context can say when its own data last changed (`changed`)."""

    src_uri: str
    template: str
    context: Context = field(hash=False)
    sources: Sources = None
    label: str = ""  # the name the changes page gives the page when it lists it
    group: str = ""  # the name of its kind, when the changes page lists such pages together by `label`


@dataclass(frozen=True)
class SitePlan:
    """One language's site: its generated pages, its navigation and its downloads."""

    pages: list[PageSpec]
    nav: list[NavEntry]
    downloads: list[Download]
    changes: tuple[ChangeView, ...] = ()  # the data's changes, newest first, with the pages each touched
    kept: tuple[tuple[str, Path], ...] = ()  # files kept in the repository: published path, where read from


def plan_site(
    scored: ScoredDataset,
    locale: Locale,
    last_change: dt.date | None = None,
    history: History | None = None,
    site_url: str = "",
) -> SitePlan:
    """All pages and downloads of one language's site, and its navigation; each page's context says when
    its own data last changed (`changed`, from `history`; None when there is no history); `site_url` is the
    address of this language's site (`…/th/`), which the catalogue files and the pages' schema.org markup give
    in full."""
    dataset, scores, comparisons = scored.dataset, scored.scores, scored.comparisons
    series = all_series(scored)
    history = data_history(history or History())  # only what changed the data dates a page or is listed
    series_files = {series_csv(one.key): one for one in series}
    files = build_downloads(dataset, scores, last_change)
    files += [Download(name, series_file(one)) for name, one in series_files.items()]
    site = site_url or f"{EXAMPLE_SITE}{locale.lang}/"
    catalogue = catalogue_of(dataset, list(scores), last_change, site, series_descriptions(series_files))
    registers = oit.registers_of(dataset)
    nav = build_nav(scored, locale, series, [oit.year_nav(r, locale) for r in reversed(registers.values())])
    downloads = catalogue_downloads(catalogue, files)
    # the answer sheets: for the clerk to paste into ITAS, not data for portals, so outside the catalogue
    answers = {answer_sheet_csv(y): oit.answer_csv(oit.answer_rows(r, nav, locale, site)) for y, r in registers.items()}
    downloads += [Download(name, content) for name, content in answers.items()]
    kept = oit.kept_files(registers)
    shared: Context = {"data": dataset, "scores": scores, "comparisons": comparisons, "licence": catalogue.licence}
    shared["history_available"] = history.available
    shared["commits"] = repository_address(None, dataset.agency.repository)  # a change's commit links there
    shared["totals_chart"] = totals_chart(scores, locale, stated(dataset.national))  # no derived figure drawn
    newest = scores[max(scores)]
    previous = next((c for c in comparisons if c.after is newest), None)
    home = {**shared, "latest": newest, "previous": previous, "disclosure": oit.latest_register(registers)}
    pages = [
        PageSpec(HOME, "home.md.j2", home, pagedata.home_sources(dataset), locale.t("nav_home")),
        PageSpec(
            MEASURES, "measures.md.j2", shared, pagedata.measures_index_sources(dataset), locale.t("nav_measures")
        ),
        PageSpec(
            RESULTS, "results-index.md.j2", shared, pagedata.results_index_sources(dataset), locale.t("nav_results")
        ),
        PageSpec(METHODOLOGY, "methodology.md.j2", shared, pagedata.methodology_sources(), locale.t("nav_methodology")),
        PageSpec(ABOUT, "about.md.j2", shared, pagedata.about_sources(dataset), locale.t("nav_about")),
        PageSpec(
            DOWNLOADS,
            "downloads.md.j2",
            {
                **shared,
                "downloads": downloads,
                "last_change": last_change,
                "series_files": series_files,
                "answer_files": {answer_sheet_csv(year): year for year in registers},
                "kept_files": kept,
                # the whole site's files; each series is a dataset of its own, on its page
                "catalogue_jsonld": dataset_jsonld(catalogue, [d for d in downloads if d.name not in series_files]),
            },
            None,
            locale.t("nav_downloads"),
        ),
    ]
    for year, measures in dataset.measures.items():
        pages.append(
            PageSpec(
                measures_year_page(year),
                "measures-year.md.j2",
                {**shared, "year": year},
                pagedata.measures_year_sources(dataset, year),
                locale.t("measures_title"),
                locale.t("changes_measures_of", year=locale.year_short(year)),
            )
        )
        pages += [
            PageSpec(
                measure_page(year, m.id),
                "measure.md.j2",
                {**shared, "measure": m, "score": scores.get(year)},
                pagedata.measure_sources(m),
                str(m.number),
                locale.t("changes_measures_of", year=locale.year_short(year)),
            )
            for m in measures
        ]
    pages += [
        PageSpec(
            results_page(year),
            "results.md.j2",
            {**shared, "score": s, "chart": tools_chart(s, locale) if s.broken_down else None},
            pagedata.results_sources(dataset, year),
            locale.t("results_title", year=locale.year(year)),
        )
        for year, s in scores.items()
    ]
    pages += [
        PageSpec(
            comparison_page(c.before.year, c.after.year),
            "comparison.md.j2",
            {**shared, "comparison": c, "chart": indicators_chart(c, dataset.indicators_for(c.after.year), locale)},
            pagedata.comparison_sources(c.before.year, c.after.year),
            locale.t("compare_title", before=locale.year(c.before.year), after=locale.year(c.after.year)),
        )
        for c in comparisons
    ]
    pages += [report_spec(scored, locale, year, shared) for year in sorted(dataset.reports)]
    indicators = pagedata.indicators_index_sources(dataset)
    pages.append(
        PageSpec(INDICATORS, "indicators.md.j2", {**shared, "series": series}, indicators, locale.t("nav_indicators"))
    )
    by_name = {download.name: download for download in downloads}
    pages += [
        PageSpec(
            series_page(one),
            "series.md.j2",
            {
                **shared,
                "series": one,
                "chart": series_chart(one, locale, dataset.national),
                "series_jsonld": series_dataset(catalogue, one, by_name[series_csv(one.key)]),
            },
            pagedata.series_sources(dataset, one.kind),
            one.key,
            locale.t("nav_indicators"),
        )
        for one in series
    ]
    shown = oit.disclosure_specs(registers, nav, locale, site, shared)
    pages += [PageSpec(path, template, context, sources, label) for path, template, context, sources, label in shown]
    refs = [(PageRef(page.src_uri, page.label or page.src_uri, page.group), page.sources) for page in pages]
    views = change_views(history, refs, locale)
    pages.append(PageSpec(CHANGES, "changes.md.j2", {**shared, "changes": views}, None, locale.t("nav_changes")))
    pages = [dated(page, history) for page in pages]
    published = dict(oit.kept_file_sources(dataset, kept) + oit.originals(dataset))  # a file both name: once
    return SitePlan(pages, nav, downloads, views, tuple(published.items()))


def dated(page: PageSpec, history: History) -> PageSpec:
    """The page with `changed` in its context: when the files it is built from last changed."""
    context = {**page.context, "changed": latest(history, page.sources)}
    return PageSpec(page.src_uri, page.template, context, page.sources, page.label, page.group)


def all_series(scored: ScoredDataset) -> list[Series]:
    """Every tool of the current set of indicators, each followed by its indicators, in the order of the file."""
    framework = current_framework(scored.dataset)
    found = []
    for tool in framework.tools:
        found.append(tool_series(scored, str(tool.id)))
        found += [indicator_series(scored, n) for n, i in framework.by_number.items() if i.tool == tool.id]
    return found


def series_page(series: Series) -> str:
    """Where a series' page is."""
    return tool_page(series.key) if series.kind == "tool" else indicator_page(int(series.key))


def report_spec(scored: ScoredDataset, locale: Locale, year: int, shared: Context) -> PageSpec:
    """The printable report of one year: memo, measures, results and the comparison with the year before."""
    dataset, comparisons = scored.dataset, scored.comparisons
    score = scored.scores.get(year)
    comparison = next((c for c in comparisons if c.after.year == year), None)
    start, end = fiscal_year_bounds(year)
    context = {
        **shared,
        "report": dataset.reports[year],
        "measures": dataset.measures.get(year, []),
        "score": score,
        "comparison": comparison,
        "tools": tools_chart(score, locale) if score and score.broken_down else None,
        "indicators": indicators_chart(comparison, dataset.indicators_for(year), locale) if comparison else None,
        "period_start": start,
        "period_end": end,
    }
    sources = pagedata.report_sources(dataset, year)
    label = title_pair(locale.t("nav_report"), locale.year(year))
    return PageSpec(report_page(year), "report.md.j2", context, sources, label)


def build_nav(
    scored: ScoredDataset, locale: Locale, series: list[Series], disclosure: list[NavEntry] | None = None
) -> list[NavEntry]:
    """The navigation tree, newest year first (`series` as all_series gives them, `disclosure` each assessment
    year's OIT section, newest first); page titles come from each page's heading."""
    dataset, scores, comparisons = scored.dataset, scored.scores, scored.comparisons
    measures: list[NavEntry] = [MEASURES]
    for year in sorted(dataset.measures, reverse=True):
        # the year's page first: under navigation.indexes it is the page of the year's entry itself
        year_pages = [measures_year_page(year), *(measure_page(year, m.id) for m in dataset.measures[year])]
        measures.append({locale.year(year): year_pages})
    results: list[NavEntry] = [RESULTS]
    results += [results_page(year) for year in sorted(scores, reverse=True)]
    results += [comparison_page(c.before.year, c.after.year) for c in reversed(comparisons)]
    indicators: list[NavEntry] = [INDICATORS]
    for one in series:
        if one.kind == "tool":
            indicators.append({title_pair(one.key, locale.text(one.name)): [series_page(one)]})
        else:
            group = indicators[-1]
            assert isinstance(group, dict)  # a tool's entry, opened just above
            next(iter(group.values())).append(series_page(one))
    return [
        {locale.t("nav_home"): HOME},
        {locale.t("nav_measures"): measures},
        {locale.t("nav_results"): results},
        *(disclosure or []),
        {locale.t("nav_indicators"): indicators},
        {locale.t("nav_methodology"): METHODOLOGY},
        {locale.t("nav_downloads"): DOWNLOADS},
        {locale.t("nav_changes"): CHANGES},
        {locale.t("nav_report"): [report_page(year) for year in sorted(dataset.reports, reverse=True)]},
        {locale.t("nav_about"): ABOUT},
    ]
