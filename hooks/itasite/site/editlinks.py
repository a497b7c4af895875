"""The data file behind each generated page, and its address in GitHub's web editor, for the page's edit button.

A clerk who finds a mistake on a page should land in the file that holds it. A page is mapped to the one file
whose content is its own (a measure's page to the measure's file, a year's results to that year's results
file); a page that gathers many files goes to the file that frames it (the agency's, the report's, the
indicators', the levels'). The changes page is built from the data's history, which no file edits, so it has
none. Paths are relative to the data folder, which is `data/` in the repository whichever folder a build reads.
"""

from __future__ import annotations

from urllib.parse import quote

from ..data.dataset import DISCLOSURE_FOLDER, Dataset
from ..scoring import ScoredDataset
from . import pagedata
from .routes import (
    ABOUT,
    DOWNLOADS,
    HOME,
    INDICATORS,
    MEASURES,
    METHODOLOGY,
    RESULTS,
    answer_sheet_page,
    comparison_page,
    disclosure_item_page,
    disclosure_page,
    indicator_page,
    measure_page,
    measures_year_page,
    report_page,
    results_page,
    tool_page,
)
from .series import current_framework

REPOSITORY_DATA_FOLDER = "data"  # where the data folder is in the repository
DEFAULT_BRANCH = "main"  # the branch edit links open when agency.yml names none
# Pages whose file does not depend on the year: the page's source path → the data file
FIXED = {
    HOME: pagedata.AGENCY,
    ABOUT: pagedata.AGENCY,
    DOWNLOADS: pagedata.AGENCY,  # the downloads hold every file; the page itself names the agency and licence
    METHODOLOGY: pagedata.LEVELS,
    INDICATORS: pagedata.INDICATORS,
}


def repository_address(configured: str | None, in_data: str | None) -> str | None:
    """The repository's web address without a final slash or `.git`: the build's setting (REPO_URL) first,
    then agency.yml's `repository`; None when neither names one, and then no page links the data."""
    address = (configured or in_data or "").strip().rstrip("/").removesuffix(".git")
    return address or None


def edit_url(repository: str, branch: str, source: str) -> str:
    """The address of GitHub's web editor for one data file (`source`, relative to the data folder)."""
    path = quote(f"{REPOSITORY_DATA_FOLDER}/{source}")
    return f"{repository}/edit/{quote(branch, safe='/')}/{path}"


def introduction_file(dataset: Dataset, year: int) -> str:
    """The file that introduces a year's measures: its report when it has one, else the agency's."""
    return pagedata.report_file(year) if year in dataset.reports else pagedata.AGENCY


def edited_files(scored: ScoredDataset) -> dict[str, str]:
    """The data file of every generated page that has one, by the page's source path."""
    dataset = scored.dataset
    files = dict(FIXED)
    newest = max(dataset.measures, default=None)
    files[MEASURES] = introduction_file(dataset, newest) if newest else pagedata.AGENCY
    files[RESULTS] = pagedata.results_file(max(scored.scores)) if scored.scores else pagedata.AGENCY
    for year, measures in dataset.measures.items():
        files[measures_year_page(year)] = introduction_file(dataset, year)
        files |= {measure_page(year, m.id): pagedata.measure_file(m) for m in measures}
    files |= {results_page(year): pagedata.results_file(year) for year in scored.scores}
    # a comparison is read for the later year: the earlier has its own page
    files |= {
        comparison_page(c.before.year, c.after.year): pagedata.results_file(c.after.year) for c in scored.comparisons
    }
    files |= {report_page(year): pagedata.report_file(year) for year in dataset.reports}
    framework = current_framework(dataset)
    files |= {tool_page(str(tool.id)): pagedata.INDICATORS for tool in framework.tools}
    files |= {indicator_page(number): pagedata.INDICATORS for number in framework.by_number}
    for year in dataset.disclosure:  # the disclosure pages: the year's register, which the clerk fills
        items = dataset.oit_list_for(year)
        if items is not None:
            pages = [disclosure_page(year), answer_sheet_page(year)]
            pages += [disclosure_item_page(year, code) for code in items.by_code]
            files |= dict.fromkeys(pages, f"{DISCLOSURE_FOLDER}/{year}.yml")
    return files


def edit_urls(scored: ScoredDataset, repository: str | None, branch: str | None) -> dict[str, str]:
    """The edit address of every generated page that has a data file, by source path; none without a
    repository."""
    if not repository:
        return {}
    chosen = branch or DEFAULT_BRANCH
    return {page: edit_url(repository, chosen, source) for page, source in edited_files(scored).items()}
