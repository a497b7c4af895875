"""Where the published data comes from: the commit a site is built from and the last change to the data,
both read from git, so a reader can find the exact data behind a page."""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Provenance:
    """Which commit a site was built from and when its data last changed."""

    commit: str | None  # short commit id of the build
    data_changed: dt.date | None  # commit date of the last change to the data folder


def _git(folder: Path, *arguments: str) -> str:
    """Output of one git command in `folder`; empty outside a checkout or when git is missing."""
    try:
        result = subprocess.run(["git", *arguments], cwd=folder, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return result.stdout.strip() if result.returncode == 0 else ""


def last_data_change(data_dir: Path) -> dt.date | None:
    """The commit date of the last commit that changed `data_dir`; None outside a git checkout."""
    stamp = _git(data_dir, "log", "-1", "--format=%cs", "--", ".")
    return dt.date.fromisoformat(stamp) if stamp else None


def provenance(data_dir: Path) -> Provenance:
    """The commit being built and the date the data last changed."""
    return Provenance(_git(data_dir, "rev-parse", "--short", "HEAD") or None, last_data_change(data_dir))


def last_commit_time(folder: Path) -> str | None:
    """Seconds since 1970 of the last commit, the value reproducible builds take as SOURCE_DATE_EPOCH."""
    return _git(folder, "log", "-1", "--format=%ct") or None
