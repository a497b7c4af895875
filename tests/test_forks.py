"""The site built by the maintained forks, ProperDocs and MaterialX (.venv-forks, requirements-forks.txt),
against the MkDocs + Material build of `seed_site`: the same pages, the same text, the same search index.

Material gets fixes until May 2027 and MkDocs 1.x none at all; these tests say whether the project would move
to the forks as it is. What does not work is marked `xfail(strict=True)` with the exact breakage, one test
for each, so the day a fork (or the project) fixes it the test fails and says so.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from support.browser import search
from support.build import built_once
from support.http import serving

pytestmark = pytest.mark.build

PROJECT = Path(__file__).resolve().parents[1]
# The seed report as the tests know it, apart from data/: data/ is whichever agency publishes from this copy
DATA = PROJECT / "tests/fixtures/seed/data"
LANGUAGES = {"th": "mkdocs.yml", "en": "mkdocs.en.yml"}
FORKS = PROJECT / ".venv-forks"
INSTALLED = FORKS / ".installed"  # the Makefile's stamp: the venv holds requirements-forks.txt
ENGINE = FORKS / "bin" / "properdocs"
# What a copy of the project leaves out at its top: version control, venvs, builds and caches
NOT_COPIED = shutil.ignore_patterns(".git", ".venv*", "site", ".site-tmp", "node_modules", ".*cache")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
UNSEEN = {"script", "style", "template"}
COMMIT = re.compile(r"^[0-9a-f]{7,40}$")

UNCHANGED = (
    "MaterialX 10.2.2 registers its theme as `materialx`, not `material`: ProperDocs stops on mkdocs.yml as it is "
    "with \"Config value 'theme': Unrecognised theme name: 'material'. The available installed themes are: materialx\""
)
SEARCH_OPTIONS = (
    "MaterialX 10.2.2's search plugin (`materialx/search`, Pagefind by default) takes Lunr's options under `lunr:` "
    "with `provider: lunr`; the `lang`, `separator` and `pipeline` of mkdocs.yml stop the strict build with "
    "\"Plugin 'materialx/search' option 'separator': Unrecognised configuration name: separator\" (and lang, pipeline)"
)
SEARCH_FIELD = (
    'overrides/partials/header.html and overrides/main.html ask for `"material/search" in config.plugins` '
    "(the header then for its `search.enabled`); MaterialX names its plugin `materialx/search` and its search "
    "config has no `enabled`, so every page is built without the header's search field (and without the script "
    "that defers loading the search index)"
)
SEARCH_WORKER = (
    "no search field on the MaterialX build (see the test above); and once there is one, hooks/itasite/search/"
    "thai-query.js speaks Material 9.8.1's worker protocol: it passes a query message on as `{type: 2, data: "
    "<string>}`, while MaterialX sends `{id, type: 2, data: {query}}` and matches answers by `id`, so the worker "
    "throws 'query.replace is not a function' and no result ever shows"
)
# Searches typed into both builds: a Thai word, a Thai compound typed without spaces, English words
QUERIES = {"th": ["จริยธรรม", "ผลประโยชน์ทับซ้อน", "ร้องเรียนร้องทุกข์"], "en": ["complaints", "internal audit"]}


class KnownBreakage(Exception):
    """Raised by a comparison that fails as its xfail reason says; any other error of it is a real failure."""


def copy_project(target: Path) -> Path:
    """A copy of the project to write derived configs into, leaving the working tree alone."""
    shutil.copytree(
        PROJECT, target, ignore=lambda folder, names: NOT_COPIED(folder, names) if Path(folder) == PROJECT else []
    )
    return target


class PageText(HTMLParser):
    """The words a reader sees inside one element (`article`, or all of `body`), and the page's search fields."""

    def __init__(self, within: str) -> None:
        """Collect the words inside every `within` element (`article` or `body`)."""
        super().__init__(convert_charrefs=True)
        self.within = within
        self.open: list[tuple[str, str | None]] = []  # (tag, data-md-component) of the elements around the text
        self.words: list[str] = []
        self.search_fields = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Count search fields; remember every element that has an end tag."""
        component = dict(attrs).get("data-md-component")
        if component == "search-query":
            self.search_fields += 1
        if tag not in VOID:
            self.open.append((tag, component))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """A self-closed element (`<input/>`) holds no text but may be a search field."""
        if dict(attrs).get("data-md-component") == "search-query":
            self.search_fields += 1

    def handle_endtag(self, tag: str) -> None:
        """Close the innermost open element of this name, and any left unclosed inside it."""
        for depth in range(len(self.open) - 1, -1, -1):
            if self.open[depth][0] == tag:
                del self.open[depth:]
                return

    def handle_data(self, data: str) -> None:
        """Keep text inside `within`, outside scripts and styles and outside the search dialog."""
        tags = {tag for tag, _ in self.open}
        if self.within in tags and not tags & UNSEEN and ("div", "search") not in self.open:
            self.words.extend(data.split())


def page_text(page: Path, within: str) -> PageText:
    """One built page read by `PageText`."""
    parser = PageText(within)
    parser.feed(page.read_text(encoding="utf-8"))
    parser.close()
    return parser


def pages(site: Path) -> set[Path]:
    """Every HTML page of a build, relative to it."""
    return {page.relative_to(site) for page in site.rglob("*.html")}


def differences(material: Path, fork: Path, within: str) -> list[str]:
    """Pages of one language whose text inside `within` differs, each with the first words that differ."""
    found = []
    for page in sorted(pages(material) & pages(fork)):
        expected, got = (
            [COMMIT.sub("<commit>", word) for word in page_text(site / page, within).words] for site in (material, fork)
        )  # the footer names the commit each was built from, which moves when someone commits in between
        if expected != got:
            changes = [line for line in difflib.unified_diff(expected, got, lineterm="", n=0) if line[:1] in "+-"]
            found.append(f"{page}: {' '.join(changes[2:12])}")
    return found


def read_config_yaml(path: Path) -> dict:
    """A config file as plain data; `!ENV [NAME, default]` reads as its default, as MkDocs would with NAME unset."""

    class Loader(yaml.SafeLoader):
        """YAML with MkDocs' `!ENV` tag."""

    def default(loader: yaml.SafeLoader, node: yaml.Node) -> object:
        """The last item of `!ENV [NAME, ..., default]`; None for `!ENV NAME`."""
        return loader.construct_sequence(node)[-1] if isinstance(node, yaml.SequenceNode) else None

    Loader.add_constructor("!ENV", default)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)


def materialx_configs(project: Path, search_options_moved: bool) -> dict[str, Path]:
    """Write, next to mkdocs.yml in a copy of the project, a config per language that INHERITs the project's own
    and names the theme `materialx`; with `search_options_moved`, the search options go where MaterialX reads them."""
    overrides: dict = {"theme": {"name": "materialx"}}
    if search_options_moved:
        plugins = read_config_yaml(project / LANGUAGES["th"])["plugins"]
        overrides["plugins"] = [
            {"search": {"provider": "lunr", "lunr": plugin["search"]}}
            if isinstance(plugin, dict) and "search" in plugin
            else plugin
            for plugin in plugins
        ]
    configs = {}
    for lang, config in LANGUAGES.items():
        derived = project / config.replace("mkdocs", "materialx")
        derived.write_text(yaml.safe_dump({"INHERIT": config, **overrides}, allow_unicode=True), encoding="utf-8")
        configs[lang] = derived
    return configs


def fork_build(
    project: Path, configs: dict[str, Path], out: Path, cache: Path, quiet: bool = True
) -> subprocess.CompletedProcess:
    """`properdocs build --strict -q` of every language into `out/<lang>`, as the tests build with MkDocs; the last
    run. Without `quiet` (no `-q`) the messages say why a config is refused."""
    environment = {
        **os.environ,
        "ITA_DATA_DIR": str(DATA),
        "ITA_CACHE_DIR": str(cache),
        "NO_MKDOCS_2_WARNING": "1",
    }
    result = None
    for lang, config in configs.items():
        command = [
            str(ENGINE),
            "build",
            "--strict",
            *(["-q"] if quiet else []),
            "-f",
            str(config),
            "-d",
            str(out / lang),
        ]
        result = subprocess.run(command, cwd=project, env=environment, capture_output=True, text=True)
        if result.returncode != 0:
            return result
    assert result is not None
    return result


@pytest.fixture(scope="session")
def forks() -> Path:
    """The forks' venv; missing, the tests fail (they do not skip) and say how to install it."""
    if not INSTALLED.is_file() or not ENGINE.is_file():
        pytest.fail(f"{INSTALLED.relative_to(PROJECT)} is missing: run `make forks` (or `make .venv-forks/.installed`)")
    return ENGINE


@pytest.fixture(scope="session")
def fork_site(forks: Path, shared_folder: Path) -> Path:
    """The seed data built by ProperDocs + MaterialX with the two config changes MaterialX needs, both languages,
    once for the whole run."""

    def build(folder: Path) -> None:
        """A copy of the project, its derived configs, and the build into `folder/site`."""
        project = copy_project(folder / "project")
        configs = materialx_configs(project, search_options_moved=True)
        result = fork_build(project, configs, folder / "site", folder / "cache")
        if result.returncode != 0:
            pytest.fail(f"ProperDocs + MaterialX cannot build the site even with both config changes:\n{result.stderr}")

    return built_once(shared_folder, "fork-site", build) / "site"


def known_breakage(result: subprocess.CompletedProcess, sign: str) -> None:
    """Raise `KnownBreakage` when a build failed with `sign` in its messages; fail the test on any other failure."""
    if result.returncode == 0:
        return
    messages = result.stdout + result.stderr
    if sign not in messages:
        pytest.fail(f"a breakage other than the one known ({sign!r} not in the messages):\n{messages}")
    raise KnownBreakage(messages)


@pytest.mark.xfail(strict=True, raises=KnownBreakage, reason=UNCHANGED)
def test_the_project_builds_unchanged(forks: Path, tmp_path: Path) -> None:
    """The goal: ProperDocs + MaterialX build mkdocs.yml and mkdocs.en.yml as they are."""
    configs = {lang: PROJECT / config for lang, config in LANGUAGES.items()}
    result = fork_build(PROJECT, configs, tmp_path / "site", tmp_path / "cache", quiet=False)
    known_breakage(result, "Unrecognised theme name: 'material'")


@pytest.mark.xfail(strict=True, raises=KnownBreakage, reason=SEARCH_OPTIONS)
def test_renaming_the_theme_is_enough(forks: Path, tmp_path: Path) -> None:
    """With only the theme's name changed, the project's search settings still build."""
    project = copy_project(tmp_path / "project")
    configs = materialx_configs(project, search_options_moved=False)
    result = fork_build(project, configs, tmp_path / "site", tmp_path / "cache", quiet=False)
    known_breakage(result, "Plugin 'materialx/search' option 'separator': Unrecognised configuration name")


def test_same_pages(seed_site: Path, fork_site: Path) -> None:
    """Every page of the MkDocs + Material build, and no other, in both languages and at the root."""
    assert {page.parts[0] for page in pages(seed_site)} >= set(LANGUAGES), "the Material build lost a language"
    assert sorted(map(str, pages(fork_site))) == sorted(map(str, pages(seed_site)))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_same_main_text(seed_site: Path, fork_site: Path, lang: str) -> None:
    """Each page's main content (`<article>`) reads word for word the same."""
    with_text = [page for page in pages(seed_site / lang) if page_text(seed_site / lang / page, "article").words]
    assert len(with_text) > 20, f"too few pages with an <article> in the Material build: {with_text}"
    assert differences(seed_site / lang, fork_site / lang, "article") == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_same_text_around_the_content(seed_site: Path, fork_site: Path, lang: str) -> None:
    """Header, navigation and footer read the same too (the search dialog is the next test's)."""
    assert differences(seed_site / lang, fork_site / lang, "body") == []


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.xfail(strict=True, raises=KnownBreakage, reason=SEARCH_FIELD)
def test_search_field_on_the_same_pages(seed_site: Path, fork_site: Path, lang: str) -> None:
    """Every page that has Material's search field has it in the MaterialX build."""
    expected = {page for page in pages(seed_site / lang) if page_text(seed_site / lang / page, "body").search_fields}
    assert expected, "the Material build has no search field"
    got = {page for page in pages(fork_site / lang) if page_text(fork_site / lang / page, "body").search_fields}
    if expected - got:
        raise KnownBreakage(f"no search field on {sorted(map(str, expected - got))}")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_same_search_index(seed_site: Path, fork_site: Path, lang: str) -> None:
    """The search index is where Material's search looks, lists the same locations, and holds the same words
    (Thai word boundaries included: the hooks' post-build step ran on the fork's index too)."""
    index = fork_site / lang / "search" / "search_index.json"
    assert index.is_file(), f"no {index.relative_to(fork_site)}"
    expected = json.loads((seed_site / lang / "search" / "search_index.json").read_text(encoding="utf-8"))
    got = json.loads(index.read_text(encoding="utf-8"))
    assert [doc["location"] for doc in got["docs"]] == [doc["location"] for doc in expected["docs"]]
    assert got["docs"] == expected["docs"]
    assert got["config"]["separator"] == expected["config"]["separator"]


def searches(browser, site: Path, lang: str, fork: bool = False) -> dict[str, list[str]]:
    """The results of every query of `lang` on one build, served over HTTP. On the `fork` build, no search field
    or a query that never gets an answer is the `KnownBreakage`; on Material's, any such error is a failure."""
    from playwright.sync_api import TimeoutError as NoAnswer

    expected_errors = (NoAnswer,) if fork else ()

    with serving(site) as url:
        page = browser.new_page()
        page.set_default_timeout(10_000)
        try:
            page.goto(f"{url}/{lang}/")
            if fork and not page.locator("input.md-search__input").count():
                raise KnownBreakage("no search field")
            results = {}
            for query in QUERIES[lang]:
                try:
                    results[query] = search(page, query)
                except expected_errors:
                    raise KnownBreakage(f"no answer to {query!r}") from None
            return results
        finally:
            page.close()


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.xfail(strict=True, raises=KnownBreakage, reason=SEARCH_WORKER)
def test_search_finds_the_same_pages(browser, seed_site: Path, fork_site: Path, lang: str) -> None:
    """In Chromium, the search field of the MaterialX build lists the same pages for Thai and English queries."""
    expected = searches(browser, seed_site, lang)
    assert all(expected.values()), f"the Material build finds nothing for some query: {expected}"
    assert searches(browser, fork_site, lang, fork=True) == expected
