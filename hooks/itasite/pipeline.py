"""The pipeline in one place: load → check → score → check stated figures → plan.

The MkDocs hooks, `python -m itasite check` and any importer call these two functions, so every way into
the data applies the same rules in the same order.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .build.history import History
from .data.dataset import assemble, read_data
from .data.problems import DataError
from .scoring import ScoredDataset, score_dataset
from .site.locale import Locale
from .site.plan import SitePlan, plan_site
from .stated import stated_problems


def prepare(data_dir: Path, project: Path | None = None) -> ScoredDataset:
    """Everything the pages need from one data folder, scored; DataError lists every problem found."""
    files = read_data(data_dir, project)
    problems = files.problems + stated_problems(files)
    if problems:
        raise DataError(problems)
    return score_dataset(assemble(files))


def plan(
    scored: ScoredDataset,
    locale: Locale,
    last_change: dt.date | None = None,
    history: History | None = None,
    site_url: str = "",
) -> SitePlan:
    """The pages, downloads and navigation of one language's site published at `site_url`, each page dated
    from `history`."""
    return plan_site(scored, locale, last_change, history, site_url)
