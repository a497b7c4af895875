"""The project's paths and the real `mkdocs build` of both languages, as the tests run it."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
# The seed report as the tests know it, apart from data/: data/ is whichever agency publishes from this copy
DATA = PROJECT / "tests/fixtures/seed/data"
LANGUAGES = {"th": "mkdocs.yml", "en": "mkdocs.en.yml"}
SUBPATH_ROOT = "https://www.muangpan.go.th/ita/"
# Builds of the tests share one cache, kept apart from the project's own `.cache/`
BUILD_CACHE = tempfile.TemporaryDirectory(prefix="ita-cache-")


def build_site(out: Path, data_dir: Path = DATA, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the real `mkdocs build --strict` of every language into `out/<lang>`; return the last run."""
    environment = {
        **os.environ,
        "ITA_DATA_DIR": str(data_dir),
        "ITA_CACHE_DIR": BUILD_CACHE.name,
        "NO_MKDOCS_2_WARNING": "1",
        **(env or {}),
    }
    result = None
    for lang, config in LANGUAGES.items():
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "build",
                "--strict",
                "-q",
                "-f",
                str(PROJECT / config),
                "-d",
                str(out / lang),
            ],
            cwd=PROJECT,
            env=environment,
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            return result
    return result
