"""The project's paths and the real `mkdocs build` of both languages, as the tests run it.

`make test` runs the suite on several pytest-xdist workers: a site that many tests read is built once for the
whole run (`built_once`), whichever worker asks first, and every build shares one cache.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import material
from filelock import FileLock

from itasite.build.engine import ENGINES, command, config_file

PROJECT = Path(__file__).resolve().parents[2]
# The templates, scripts and stylesheets of the Material the site is built with, to compare with Material's own
MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"
# The seed report as the tests know it, apart from data/: data/ is whichever agency publishes from this copy
DATA = PROJECT / "tests/fixtures/seed/data"
LANGUAGES = {"th": "mkdocs.yml", "en": "mkdocs.en.yml"}
FORKS_INSTALLED = PROJECT / ".venv-forks/.installed"  # the Makefile's stamp: the venv holds requirements-forks.txt
SUBPATH_ROOT = "https://www.muangpan.go.th/ita/"
SYNTHETIC_YEARS = 10  # the synthetic site the tests at scale build (bench/synthetic.py)
# Builds of the tests share one cache, kept apart from the project's own `.cache/`: the first process of a run
# (pytest-xdist's controller, which starts the workers) makes it and hands it on through the environment.
SHARED_CACHE = "ITA_TEST_BUILD_CACHE"
if SHARED_CACHE not in os.environ:
    _CACHE_FOLDER = tempfile.TemporaryDirectory(prefix="ita-cache-")  # removed when that process ends
    os.environ[SHARED_CACHE] = _CACHE_FOLDER.name
BUILD_CACHE = Path(os.environ[SHARED_CACHE])


def build_site(
    out: Path, data_dir: Path = DATA, env: dict | None = None, engine: str = ENGINES[0]
) -> subprocess.CompletedProcess:
    """Run the real `mkdocs build --strict` of every language into `out/<lang>`; return the last run. With
    `engine="forks"`, `properdocs build --strict` of the configs the project writes for ProperDocs + MaterialX
    (.venv-forks, `make forks`), as `python -m itasite build --engine forks` runs it."""
    environment = {
        **os.environ,
        "ITA_DATA_DIR": str(data_dir),
        "ITA_CACHE_DIR": str(BUILD_CACHE),
        "NO_MKDOCS_2_WARNING": "1",
        **(env or {}),
    }
    result = None
    for lang in LANGUAGES:
        config = config_file(PROJECT, list(LANGUAGES), lang, engine)
        result = subprocess.run(
            [*command(PROJECT, engine), "build", "--strict", "-q", "-f", str(config), "-d", str(out / lang)],
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


def built_once(shared: Path, name: str, build: Callable[[Path], object]) -> Path:
    """`shared/name`, made by `build` the first time any worker of the run asks for it; the others wait for it
    and read the same files, so a site every worker needs costs one build. A build that fails (an assertion in
    `build`) is not marked done: the next worker to ask tries again and fails the same way."""
    out, done = shared / name, shared / f"{name}.done"
    with FileLock(shared / f"{name}.lock"):
        if not done.exists():
            shutil.rmtree(out, ignore_errors=True)  # what an earlier, failed try left
            build(out)
            done.touch()
    return out
