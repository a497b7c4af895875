"""Shared fixtures: the project's paths, the seed dataset, and real MkDocs builds of the site."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

from itasite.dataset import Dataset, load_dataset

# CI runs the property tests on a fixed sequence of examples, so a run is repeatable; locally they vary.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

PROJECT = Path(__file__).resolve().parent.parent
DATA = PROJECT / "data"
LANGUAGES = {"th": "mkdocs.yml", "en": "mkdocs.en.yml"}


def build_site(out: Path, data_dir: Path = DATA, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the real `mkdocs build --strict` of every language into `out/<lang>`; return the last run."""
    environment = {**os.environ, "ITA_DATA_DIR": str(data_dir), "NO_MKDOCS_2_WARNING": "1", **(env or {})}
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


@pytest.fixture(scope="session")
def seed() -> Dataset:
    return load_dataset(DATA, PROJECT)


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed data built for real into a temporary folder, both languages."""
    out = tmp_path_factory.mktemp("site")
    result = build_site(out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of data/ for tests that add or break files."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target
