"""The project's paths and the real `mkdocs build` of both languages, as the tests run it."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import material

PROJECT = Path(__file__).resolve().parents[2]
# The templates, scripts and stylesheets of the Material the site is built with, to compare with Material's own
MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"
# The seed report as the tests know it, apart from data/: data/ is whichever agency publishes from this copy
DATA = PROJECT / "tests/fixtures/seed/data"
LANGUAGES = {"th": "mkdocs.yml", "en": "mkdocs.en.yml"}
SUBPATH_ROOT = "https://www.muangpan.go.th/ita/"
SYNTHETIC_YEARS = 10  # the synthetic site the tests at scale build (bench/synthetic.py)
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


def make_synthetic(out: Path, years: int, agencies: int = 1, seed: int = 0) -> list[Path]:
    """Synthetic data from bench/synthetic.py: one data folder `out`, or `agencies` folders under it."""
    sys.path.insert(0, str(PROJECT / "bench"))
    try:
        from synthetic import make, make_agencies
    finally:
        sys.path.remove(str(PROJECT / "bench"))
    if agencies > 1:
        return make_agencies(out, agencies, years, seed)
    make(out, years, seed)
    return [out]
