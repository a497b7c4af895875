"""A new agency's data folder: every file a site needs, with Thai comments saying what goes where.

`python -m itasite new FOLDER` writes it. The files come from `blank/` beside this module: the national ITA
framework and scoring schemes as they are, and an agency, its units, one year's results, one measure and
one report with example values (nothing of any real agency), for the fiscal year asked for.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from string import Template

from ..numbers import fiscal_year_bounds, to_be_year

BLANK = Path(__file__).parent / "blank"
# file in blank/ -> where it goes in the new folder ({year} is the fiscal year)
LAYOUT = {
    "agency.yml": "agency.yml",
    "units.yml": "units.yml",
    "indicators.yml": "indicators.yml",
    "levels.yml": "levels.yml",
    "national.yml": "national.yml",
    "results/year.yml": "results/{year}.yml",
    "reports/year.yml": "reports/{year}.yml",
    "measures/measure.yml": "measures/{year}/01-example-measure.yml",
}
FISCAL_YEAR_STARTS = 10  # October: a fiscal year is named after the calendar year it ends in


def current_fiscal_year(today: dt.date) -> int:
    """The Thai fiscal year (B.E.) that `today` falls in."""
    return to_be_year(today.year + (1 if today.month >= FISCAL_YEAR_STARTS else 0))


def new_data_folder(folder: Path, year: int) -> list[Path]:
    """Write a fresh data folder for fiscal year `year`; refuses a folder that already holds files."""
    if folder.exists() and any(folder.iterdir()):
        raise FileExistsError(folder)
    start, end = fiscal_year_bounds(year)
    values = {"year": year, "start": start.isoformat(), "end": end.isoformat()}
    written = []
    for source, target in LAYOUT.items():
        path = folder / target.format(year=year)
        path.parent.mkdir(parents=True, exist_ok=True)
        text = Template((BLANK / source).read_text(encoding="utf-8")).substitute(values)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
