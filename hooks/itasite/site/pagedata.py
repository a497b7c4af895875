"""Which data files each kind of page is built from, so a page can say when its own data last changed.

Sources are paths relative to the data folder. A folder written with a final "/" stands for which files it
holds (a file added there or removed from it), for pages that only list or count those files. Every page
names the agency in its header and footer, so agency.yml is a source of each. A page that names no sources
(None) is taken to be built from every file.
"""

from __future__ import annotations

from ..data.dataset import DISCLOSURE_FOLDER, MEASURES_FOLDER, NATIONAL_FILE, REPORTS_FOLDER, RESULTS_FOLDER, Dataset
from ..data.models import Measure

Sources = tuple[str, ...] | None

AGENCY, UNITS, INDICATORS, LEVELS = "agency.yml", "units.yml", "indicators.yml", "levels.yml"
SCORING = (INDICATORS, LEVELS)  # what turns a year's scores into tool averages, a total and a level


def results_file(year: int) -> str:
    """A year's results file."""
    return f"{RESULTS_FOLDER}/{year}.yml"


def report_file(year: int) -> str:
    """A year's report file."""
    return f"{REPORTS_FOLDER}/{year}.yml"


def measure_file(measure: Measure) -> str:
    """A measure's file: its year's folder and its id (the checks make the file name agree with the id)."""
    return f"{MEASURES_FOLDER}/{measure.year}/{measure.id}.yml"


def listing(folder: str) -> str:
    """The source that stands for the files a folder holds."""
    return f"{folder}/"


def _national(dataset: Dataset) -> tuple[str, ...]:
    """national.yml when the data has one: it puts the national figures on charts and results."""
    return (NATIONAL_FILE,) if dataset.national else ()


def _all_results(dataset: Dataset) -> tuple[str, ...]:
    """Every results file, and which there are."""
    return (*(results_file(year) for year in dataset.results), listing(RESULTS_FOLDER))


def home_sources(dataset: Dataset) -> Sources:
    """The latest total and the change from the year before, the chart of every year, and counts and links of
    the measures and reports of each year, and the newest OIT register's count."""
    listed = (listing(MEASURES_FOLDER), listing(REPORTS_FOLDER))
    oit = ("oit.yml", listing(DISCLOSURE_FOLDER), *(f"{DISCLOSURE_FOLDER}/{y}.yml" for y in dataset.disclosure))
    return (
        AGENCY,
        *SCORING,
        *_all_results(dataset),
        *_national(dataset),
        *listed,
        *(oit if dataset.disclosure else ()),
    )


def measures_index_sources(dataset: Dataset) -> Sources:
    """The newest year's measures and introduction, and how many measures every year has."""
    folders = (listing(f"{MEASURES_FOLDER}/{year}") for year in dataset.measures)
    newest = measures_year_sources(dataset, max(dataset.measures)) if dataset.measures else (AGENCY,)
    return (*newest, listing(MEASURES_FOLDER), *folders)


def measures_year_sources(dataset: Dataset, year: int) -> tuple[str, ...]:
    """One year's measures, their units and indicators, and the year's introduction from its report."""
    measures = (measure_file(m) for m in dataset.measures[year])
    reports = (report_file(year),) if year in dataset.reports else ()
    folder = listing(f"{MEASURES_FOLDER}/{year}")
    return (AGENCY, UNITS, INDICATORS, *measures, folder, *reports, listing(RESULTS_FOLDER))


def measure_sources(measure: Measure) -> Sources:
    """One measure, the names of its units and indicators, and whether its year has results to link to."""
    return (AGENCY, UNITS, INDICATORS, measure_file(measure), listing(RESULTS_FOLDER))


def results_index_sources(dataset: Dataset) -> Sources:
    """The table and chart of every year."""
    return (AGENCY, *SCORING, *_all_results(dataset), *_national(dataset))


def results_sources(dataset: Dataset, year: int) -> Sources:
    """One year's scores and level, with its national context and the comparisons with the years beside it."""
    years = sorted(dataset.results)
    at = years.index(year)
    beside = [results_file(y) for y in years[max(at - 1, 0) : at + 2] if y != year]
    national = _national(dataset) if year in dataset.national else ()
    return (AGENCY, *SCORING, results_file(year), *beside, listing(RESULTS_FOLDER), *national)


def comparison_sources(before: int, after: int) -> Sources:
    """Two years' scores side by side."""
    return (AGENCY, *SCORING, results_file(before), results_file(after))


def methodology_sources() -> Sources:
    """The schemes of levels and the indicators of each period."""
    return (AGENCY, *SCORING)


def about_sources(dataset: Dataset) -> Sources:
    """The agency, its contacts, and each report's memo."""
    return (AGENCY, *(report_file(year) for year in dataset.reports), listing(REPORTS_FOLDER))


def report_sources(dataset: Dataset, year: int) -> Sources:
    """A whole year's report: memo, measures, results and the comparison with the year before."""
    measures = (measure_file(m) for m in dataset.measures.get(year, []))
    folder = listing(f"{MEASURES_FOLDER}/{year}")
    before = [y for y in sorted(dataset.results) if y < year][-1:]
    results = (results_file(y) for y in (*before, year) if y in dataset.results)
    return (AGENCY, UNITS, *SCORING, report_file(year), *measures, folder, *results)


def indicators_index_sources(dataset: Dataset) -> Sources:
    """Every tool and indicator of the current set with its latest score."""
    return (AGENCY, *SCORING, *_all_results(dataset))


def series_sources(dataset: Dataset, kind: str) -> Sources:
    """A tool's or an indicator's scores in every year, with the year's total, level and national figure; an
    indicator's page also lists the measures that name it, so every measure file counts (one that stops
    naming it changes the page too)."""
    measures = (measure_file(m) for year in dataset.measures.values() for m in year) if kind != "tool" else ()
    listed = (listing(MEASURES_FOLDER),) if kind != "tool" else ()
    return (AGENCY, *SCORING, *_all_results(dataset), *_national(dataset), *measures, *listed)
