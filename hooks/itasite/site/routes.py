"""The site's URL scheme: where every generated page and download lives, in one place.

The page plan and the templates (through the `routes` global) take paths from here only, so a route is
renamed by editing one line. Paths are the Markdown source paths MkDocs turns into directory URLs
(`results/2568.md` -> `results/2568/`); every language uses the same ones, so the switcher keeps the page.
"""

from __future__ import annotations

HOME = "index.md"
MEASURES = "measures/index.md"
RESULTS = "results/index.md"
METHODOLOGY = "methodology.md"
ABOUT = "about.md"
DOWNLOADS = "downloads.md"
INDICATORS = "indicators/index.md"
CHANGES = "changes.md"

EXAMPLE_SITE = "https://example.org/ita/"  # the address of a new agency's data until it sets its own
DATA_FOLDER = "data"  # the downloads, inside each language's site
SCORES_CSV = "ita-scores.csv"
TOTALS_CSV = "ita-totals.csv"
MEASURES_CSV = "ita-measures.csv"
NATIONAL_CSV = "ita-national.csv"  # the national figures of every year, with their sources and confidence
DATA_JSON = "ita-data.json"
SCHEMA_JSON = "ita-data.schema.json"
# The Atom feed of the data's changes. It lives beside the downloads because Material's script fetches the
# sitemap.xml next to every <link rel="alternate">, and data/ holds an empty one.
FEED = "feed.xml"
# catalogue files, for data portals and search engines: they describe the downloads above
CATALOG_JSONLD = "catalog.jsonld"  # DCAT
DATAPACKAGE_JSON = "datapackage.json"  # Frictionless Data Package
CKAN_JSON = "ckan-package.json"  # a CKAN package record with the Thai government data catalogue's fields


# The share images of the pages (site/share.py), inside each language's site: named by the pages' Open Graph tags,
# never loaded by the pages themselves
SHARE_FOLDER = "assets/share"


def share_image(key: str) -> str:
    """A share image: `home` (the latest year and its change) or a fiscal year's own figures."""
    return f"{SHARE_FOLDER}/{key}.png"


def site_root(configured: str, in_data: str | None) -> str:
    """The address the whole site is published at, ending in a slash: the build's setting (SITE_URL) first,
    then the agency's `site_url`, then the example address, which a build warns about."""
    return (configured or in_data or EXAMPLE_SITE).rstrip("/") + "/"


def measures_year_page(year: int) -> str:
    """The measures of one fiscal year, with that year's introduction."""
    return f"measures/{year}/index.md"


def measure_page(year: int, measure_id: str) -> str:
    """One measure of one fiscal year."""
    return f"measures/{year}/{measure_id}.md"


def results_page(year: int) -> str:
    """One fiscal year's scores and level."""
    return f"results/{year}.md"


def comparison_page(before: int, after: int) -> str:
    """Two fiscal years side by side."""
    return f"results/{before}-{after}.md"


def report_page(year: int) -> str:
    """The printable report of one fiscal year."""
    return f"report/{year}.md"


def indicator_page(number: int) -> str:
    """One indicator of the current set, over the years."""
    return f"indicators/{number}.md"


def tool_page(tool: str) -> str:
    """One assessment tool (IIT, EIT, OIT), over the years."""
    return f"indicators/{tool.lower()}.md"


def series_csv(key: str) -> str:
    """The file name of one indicator's or tool's series."""
    return f"ita-series-{key.lower()}.csv"


def data_file(name: str) -> str:
    """A download, by its file name."""
    return f"{DATA_FOLDER}/{name}"


# The OIT disclosure register. Files kept in the repository are published once per language site, under one
# folder that does not depend on the year, so a file keeps its address when the clerk lists it again next year.
DISCLOSURE_FILES = "disclosure/files"


def disclosure_page(year: int) -> str:
    """An assessment year's OIT items with their status and documents."""
    return f"disclosure/{year}/index.md"


def disclosure_item_page(year: int, code: str) -> str:
    """One OIT item of an assessment year: what it must contain and its evidence."""
    return f"disclosure/{year}/{code.lower()}.md"


def answer_sheet_page(year: int) -> str:
    """The table the clerk copies into ITAS: item, address, click path."""
    return f"disclosure/{year}/itas.md"


def answer_sheet_csv(year: int) -> str:
    """The answer sheet as a download."""
    return f"disclosure-{year}-itas.csv"


def disclosure_file(name: str) -> str:
    """A file kept under data/disclosure/files/, at its published address."""
    return f"{DISCLOSURE_FILES}/{name}"
