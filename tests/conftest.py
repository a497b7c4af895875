"""Shared fixtures: the project's paths, the seed dataset, and real MkDocs builds of the site."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from hypothesis import settings

from itasite.data.dataset import Dataset, load_dataset

# CI runs the property tests on a fixed sequence of examples, so a run is repeatable; locally they vary.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

PROJECT = Path(__file__).resolve().parent.parent
DATA = PROJECT / "data"
LANGUAGES = {"th": "mkdocs.yml", "en": "mkdocs.en.yml"}
SUBPATH_ROOT = "https://www.muangpan.go.th/ita/"
# Builds of the tests share one cache, kept apart from the project's own `.cache/`
BUILD_CACHE = tempfile.TemporaryDirectory(prefix="ita-cache-")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


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


@pytest.fixture(scope="session")
def served_site(seed_site: Path) -> Iterator[str]:
    """The seed site served over HTTP on 127.0.0.1 (a free port), as a visitor's browser reaches it."""
    handler = partial(QuietHandler, directory=str(seed_site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def browser() -> Iterator:
    """Headless Chromium from the system (CHROMIUM, default /usr/bin/chromium), driven by Playwright."""
    from playwright.sync_api import sync_playwright

    executable = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    assert Path(executable).is_file(), f"no Chromium at {executable}; `make test` installs Debian's chromium"
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def subpath_site(tmp_path_factory) -> Iterator[str]:
    """The site built for https://www.muangpan.go.th/ita/ and served under /ita/ on 127.0.0.1."""
    out = tmp_path_factory.mktemp("ita")
    result = build_site(out, env={"SITE_URL": SUBPATH_ROOT})
    assert result.returncode == 0, result.stderr

    class UnderSubpath(SimpleHTTPRequestHandler):
        def translate_path(self, path: str) -> str:
            if not path.startswith("/ita/"):
                return str(out / "no such file")
            return super().translate_path(path.removeprefix("/ita"))

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(UnderSubpath, directory=str(out)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of data/ for tests that add or break files."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target
