"""Where the published data comes from: the date of the last change to the data folder, from git."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path


def last_data_change(data_dir: Path) -> dt.date | None:
    """The commit date of the last commit that changed `data_dir`; None outside a git checkout."""
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%cs", "--", "."], cwd=data_dir, capture_output=True, text=True, timeout=10
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    stamp = result.stdout.strip()
    return dt.date.fromisoformat(stamp) if result.returncode == 0 and stamp else None
