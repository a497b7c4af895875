"""Shared fixtures (the seed dataset, real MkDocs builds of the site, Chromium) and the test tiers.

Tiers: a test is marked `build` when it, or a fixture it uses, runs a real MkDocs build (or `make`), and
`browser` when it uses the `browser` fixture. Fixtures are marked through the tests that use them; a test
that builds by itself must say so with `@pytest.mark.build` (collection stops otherwise), and a test not
marked `build` cannot start MkDocs or make at all: `make test-fast` runs neither builds nor Chromium.
"""

from __future__ import annotations

import functools
import inspect
import os
import re
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from support.build import (
    DATA,
    ENGINES,
    FORKS_INSTALLED,
    PROJECT,
    SUBPATH_ROOT,
    SYNTHETIC_YEARS,
    build_site,
    built_once,
    make_synthetic,
)
from support.http import QuietHandler, serving

from itasite.data.dataset import Dataset, load_dataset

# CI runs the property tests on a fixed sequence of examples, so a run is repeatable; locally they vary.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

# The Makefile's CHROMIUM: Debian's package chromium-headless-shell (Playwright's own choice when headless)
HEADLESS_SHELL = "/usr/lib/chromium/chromium-headless-shell"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Source that runs a build: build_site() or built_once(), `python -m mkdocs` (build or serve), or a command list
# of mkdocs or make
BUILDS = re.compile(
    r"""\bbuil(?:d_site|t_once)\(|["']-m["'],\s*["']mkdocs["']|\[\s*["'](?:mkdocs|properdocs|make)["']"""
)
SELECTED_ENGINES = "ITA_TEST_ENGINES"  # which engines' builds a run tests (the CI matrix sets it)
BUILD_PROGRAMS = {"mkdocs", "properdocs", "make"}  # what a test not marked `build` may not start
_running: pytest.Item | None = None  # the test being set up, run or torn down


def pytest_addoption(parser: pytest.Parser) -> None:
    """`--update-goldens`: rewrite tests/goldens/ from what the templates give now (`make goldens`)."""
    parser.addoption(
        "--update-goldens", action="store_true", help="rewrite the golden files of test_goldens.py, then compare"
    )


@functools.cache  # per function: a parametrized test, and a fixture many tests use, are read once
def _runs_a_build(function) -> bool:
    """Whether the source of a test or fixture function runs a build (False when it has no source, such as a
    built-in fixture)."""
    try:
        return bool(BUILDS.search(inspect.getsource(inspect.unwrap(function))))
    except (OSError, TypeError):
        return False


def _building_fixtures(item: pytest.Item) -> list:
    """The fixtures in the test's closure (fixtures of its fixtures included) that run a build."""
    definitions = item._fixtureinfo.name2fixturedefs  # type: ignore[attr-defined]
    return [d for name in item.fixturenames for d in definitions.get(name, ()) if _runs_a_build(d.func)]


@pytest.hookimpl(tryfirst=True)  # before `-m` selects by these marks
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark `build` and `browser` tests from their fixtures; stop if a test builds by itself unmarked.

    The tests of a module whose module-scoped fixture builds a site go to one pytest-xdist worker (an
    `xdist_group`, which `--dist loadgroup` keeps together), so that site is built once; a session-scoped
    site is shared between workers by `built_once`."""
    unmarked = []
    for item in items:
        function = getattr(item, "function", None)
        if function is not None and _runs_a_build(function) and not item.get_closest_marker("build"):
            unmarked.append(item.nodeid)
        building = _building_fixtures(item)
        if building:
            item.add_marker(pytest.mark.build)
        if any(fixture.scope == "module" for fixture in building):
            item.add_marker(pytest.mark.xdist_group(item.nodeid.split("::")[0]))
        if "browser" in item.fixturenames:
            item.add_marker(pytest.mark.browser)
    if unmarked:
        raise pytest.UsageError(
            "these tests run a build but are not marked @pytest.mark.build:\n" + "\n".join(unmarked)
        )
    _select_engines(config, items)


def _engines_of(item: pytest.Item) -> set[str]:
    """The engines whose build a test reads: its `engine` parameter, the forks for tests/test_forks.py and
    `fork_site` (which compare with the Material build too), none for a test of no particular engine."""
    callspec = getattr(item, "callspec", None)
    if callspec is not None and "engine" in callspec.params:
        return {callspec.params["engine"]}
    if "fork_site" in item.fixturenames or item.nodeid.startswith("tests/test_forks.py"):
        return {"forks"}
    return set()


def _select_engines(config: pytest.Config, items: list[pytest.Item]) -> None:
    """ITA_TEST_ENGINES (space-separated; default both) chooses the engines tested, as the CI matrix does:
    `material` runs every test but the forks' builds; `forks` runs only the tests of the forks' builds."""
    chosen = set(os.environ.get(SELECTED_ENGINES, " ".join(ENGINES)).split())
    unknown = chosen - set(ENGINES)
    if unknown:
        raise pytest.UsageError(f"{SELECTED_ENGINES}: unknown engines {sorted(unknown)}; choose from {ENGINES}")
    if chosen == set(ENGINES):
        return
    engine_free = ENGINES[0] in chosen  # the tests of no engine run with the default one

    def kept(item: pytest.Item) -> bool:
        """Whether the chosen engines cover what this test builds with."""
        engines = _engines_of(item)
        return engines <= chosen and bool(engines or engine_free)

    deselected = [item for item in items if not kept(item)]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = [item for item in items if kept(item)]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Iterator[None]:
    """Remember which test is running, for the guard on subprocesses."""
    global _running
    _running = item
    try:
        return (yield)
    finally:
        _running = None


def _refuse_unmarked_builds(event: str, args: tuple) -> None:
    """Audit hook: a test not marked `build` may not start MkDocs or make (even through a helper)."""
    if event != "subprocess.Popen" or _running is None or _running.get_closest_marker("build"):
        return
    argv = [args[1]] if isinstance(args[1], (str, bytes, os.PathLike)) else list(args[1])
    if any(Path(os.fsdecode(arg)).name in BUILD_PROGRAMS for arg in argv):
        raise RuntimeError(f"{_running.nodeid} runs {argv[:4]} but is not marked @pytest.mark.build")


sys.addaudithook(_refuse_unmarked_builds)


@pytest.fixture(scope="session")
def seed() -> Dataset:
    """The seed data of data/, loaded once."""
    return load_dataset(DATA, PROJECT)


@pytest.fixture(scope="session")
def shared_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder every worker of this run shares: pytest-xdist gives each worker its own temporary folder, all
    under one folder of the run (without workers, pytest's own temporary folder)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def _built(out: Path, data_dir: Path = DATA, env: dict | None = None, engine: str = ENGINES[0]) -> None:
    """Build both languages into `out`; the build's messages are the failure's when it fails."""
    if engine != ENGINES[0] and not FORKS_INSTALLED.is_file():
        pytest.fail(f"{FORKS_INSTALLED.relative_to(PROJECT)} is missing: run `make forks` (`make test` does it)")
    result = build_site(out, data_dir, env, engine)
    assert result.returncode == 0, result.stdout + result.stderr


def _built_by_forks(out: Path) -> None:
    """The seed data built by ProperDocs + MaterialX (`python -m itasite build --engine forks`)."""
    _built(out, engine="forks")


@pytest.fixture(scope="session")
def seed_site(shared_folder: Path) -> Path:
    """The seed data built for real, both languages, once for the whole run."""
    return built_once(shared_folder, "seed-site", _built)


@pytest.fixture(scope="session")
def fork_site(shared_folder: Path) -> Path:
    """The seed data built for real by the second engine, ProperDocs + MaterialX, once for the whole run."""
    return built_once(shared_folder, "fork-site", _built_by_forks)


@pytest.fixture(scope="session", params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    """Each engine the site builds with (material: MkDocs + Material; forks: ProperDocs + MaterialX): a test
    that takes this fixture, or one made with it (`engine_site`, `served_engine_site`, `subpath_engine_site`),
    runs on both."""
    return str(request.param)


@pytest.fixture(scope="session")
def engine_site(engine: str, shared_folder: Path) -> Path:
    """The seed site as `engine` builds it: the same build as `seed_site`, or as `fork_site`."""
    if engine == ENGINES[0]:
        return built_once(shared_folder, "seed-site", _built)
    return built_once(shared_folder, "fork-site", _built_by_forks)


@pytest.fixture(scope="session")
def served_site(seed_site: Path) -> Iterator[str]:
    """The seed site served over HTTP on 127.0.0.1 (a free port), as a visitor's browser reaches it."""
    with serving(seed_site) as url:
        yield url


@pytest.fixture(scope="session")
def served_engine_site(engine_site: Path) -> Iterator[str]:
    """Each engine's seed site served over HTTP on 127.0.0.1."""
    with serving(engine_site) as url:
        yield url


@pytest.fixture(scope="session")
def synthetic_site(shared_folder: Path) -> Path:
    """Both languages built from ten synthetic years (bench/synthetic.py: 2563–2572, both scoring schemes)."""

    def build(folder: Path) -> None:
        """The synthetic data, then its site, in `folder`."""
        make_synthetic(folder / "data", SYNTHETIC_YEARS)
        _built(folder / "site", folder / "data")

    return built_once(shared_folder, "synthetic", build) / "site"


@pytest.fixture(scope="session")
def served_synthetic_site(synthetic_site: Path) -> Iterator[str]:
    """The ten-year synthetic site served over HTTP on 127.0.0.1."""
    with serving(synthetic_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator:
    """Chromium's headless shell from the system (CHROMIUM, default Debian's), driven by Playwright."""
    from playwright.sync_api import sync_playwright

    executable = os.environ.get("CHROMIUM", HEADLESS_SHELL)
    assert Path(executable).is_file(), (
        f"no Chromium at {executable}: `make test` installs Debian's chromium-headless-shell, CHROMIUM= names another"
    )
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield instance
        instance.close()


def _under_subpath(out: Path) -> Iterator[str]:
    """A build for SUBPATH_ROOT served under /ita/ on 127.0.0.1, as a web server would publish it there."""

    class UnderSubpath(QuietHandler):
        def translate_path(self, path: str) -> str:
            """Serve only under /ita/, from the root of the build."""
            if not path.startswith("/ita/"):
                return str(out / "no such file")
            return super().translate_path(path.removeprefix("/ita"))

    with serving(out, UnderSubpath) as url:
        yield url


@pytest.fixture(scope="session")
def subpath_site(shared_folder: Path) -> Iterator[str]:
    """The site built for https://www.muangpan.go.th/ita/ and served under /ita/ on 127.0.0.1."""
    yield from _under_subpath(
        built_once(shared_folder, "subpath-site", lambda folder: _built(folder, env={"SITE_URL": SUBPATH_ROOT}))
    )


@pytest.fixture(scope="session")
def subpath_engine_site(engine: str, shared_folder: Path) -> Iterator[str]:
    """`subpath_site` as `engine` builds it."""
    name = "subpath-site" if engine == ENGINES[0] else "fork-subpath-site"
    env = {"SITE_URL": SUBPATH_ROOT}
    yield from _under_subpath(built_once(shared_folder, name, lambda folder: _built(folder, env=env, engine=engine)))


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of data/ for tests that add or break files."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target
