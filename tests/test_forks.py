"""The seed site built by both engines, against each other: MkDocs 1.6 + Material 9.x (`seed_site`) and the
maintained forks ProperDocs + MaterialX (`fork_site`: `python -m itasite build --engine forks`, .venv-forks,
requirements-forks.txt). The same pages, the same text, the same search index, the same search results, from
the same files: one set of overrides, one search worker, and a config for the forks written from the
project's own (hooks/itasite/build/forks.py). What still differs between the two builds is in DIFFERENCES,
each with why; maintainers/engine.md says which engine to move to, and when.

Other modules run their tests on both engines through the `engine` fixtures (conftest.py): search recall,
page budgets, accessibility, the Content-Security-Policy.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from support.browser import search
from support.build import FORKS_INSTALLED, PROJECT, build_site
from support.data import tree_digest
from support.http import serving
from support.partials import MATERIAL_SEARCH, ours_from
from support.recall import ENGLISH_QUERIES, THAI_QUERIES

from itasite.build.engine import ENGINES
from itasite.build.forks import FORKS_VENV, PREFIX, forks_config_text

pytestmark = pytest.mark.build

DATA = PROJECT / "tests/fixtures/seed/data"
LANGUAGES = {"th": "mkdocs.yml", "en": "mkdocs.en.yml"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
UNSEEN = {"script", "style", "template"}
COMMIT = re.compile(r"^[0-9a-f]{7,40}$")
HASHED = re.compile(r"\.[0-9a-f]{8}\.min\.")  # the content hash in the name of a theme's script or stylesheet
MATERIALX_TEMPLATES = "lib/python3*/site-packages/material/templates"  # in .venv-forks, beside ProperDocs
# The results compared: the first ten, those the search shows at once (the rest come as the list is scrolled);
# beyond them, pages that score the same may come in another order
SHOWN = 10
# A month before Material for MkDocs stops getting fixes (5 May 2027): the day the default must be the forks
MOVE_BY = dt.date(2027, 4, 5)
# Searches typed into both builds: every query of the recall tests (tests/test_search_browser.py)
QUERIES = {"th": [query for query, _ in THAI_QUERIES], "en": [query for query, _ in ENGLISH_QUERIES]}
# What still differs between the two builds of the same data, and why: none of it is text a reader sees
DIFFERENCES = {
    "files": (
        "Material ships Lunr's language files (assets/javascripts/lunr/: stemmers and segmenters of other "
        "languages, never loaded with search `lang: en`); MaterialX 10.2.2 leaves them out. Every other file "
        "is in both, the theme's scripts and stylesheets under names with their own content hash."
    ),
    "markup": (
        "MaterialX's base template adds `data-mx-topbar` to <body>, a table-of-contents toggle (`__toc`) and "
        "its overlay, and a back-to-top bar with two icon buttons; its search partial names Octicons' "
        "magnifier; `data-md-scrollfix` is gone; the page's `__config` holds MaterialX's search settings "
        "(`provider: lunr`, the worker's and the index's addresses) where Material has its worker's address."
    ),
    "table rows": (
        "MaterialX shades every other table row (`--md-typeset-table-row-color`), which took links in those "
        "rows below 4.5:1 in the dark scheme: ita.css sets it transparent, so both draw tables as Material does."
    ),
    "search order": (
        "The first ten results of every recall query are the same pages in the same order; further down (the "
        "results shown only as the list is scrolled) pages of equal score may come in another order."
    ),
    "search worker": (
        "Material 9.x and MaterialX speak different worker protocols (a query as `{type: 2, data: <query>}` "
        "answered without an id; `{id, type: 2, data: {query}}` answered with that id): "
        "hooks/itasite/search/thai-query.js reads which from each message."
    ),
}
# The MaterialX header's own lines where ours has Material's: its search plugin's name, no `enabled`, its icon
MATERIALX_SEARCH = """    {% if "materialx/search" in config.plugins %}
      {% set search = config.plugins["materialx/search"] | attr("config") %}
      {% if search %}
"""


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


def files(site: Path) -> set[str]:
    """Every file of a build, the content hash in a theme asset's name taken out."""
    return {HASHED.sub(".<hash>.min.", path.relative_to(site).as_posix()) for path in site.rglob("*") if path.is_file()}


def test_the_default_engine_is_maintained():
    """The test that says when to move (maintainers/engine.md): from MOVE_BY on, a month before
    Material's last fix, the default engine must be the forks. Until then it passes and says how long is left."""
    left = (MOVE_BY - dt.date.today()).days
    print(f"\ndefault engine {ENGINES[0]}; {left} days until {MOVE_BY}, when the default must be forks")
    assert ENGINES[0] == "forks" or left > 0, (
        "Material for MkDocs gets no fixes after 5 May 2027: make `forks` the default engine "
        "(ENGINES in hooks/itasite/build/engine.py), as maintainers/engine.md decided"
    )


def test_the_forks_config_is_the_projects_own_with_two_settings_moved():
    """The config the forks build with INHERITs the language's own and changes only the theme's name and where
    the search options go; nothing else is written twice."""
    for lang, config in LANGUAGES.items():
        derived = yaml.safe_load(forks_config_text(PROJECT / config))
        search_options = read_config_yaml(PROJECT / "mkdocs.yml")["plugins"][0]["search"]
        assert derived == {
            "INHERIT": config,
            "theme": {"name": "materialx"},
            "plugins": [{"search": {"provider": "lunr", "lunr": search_options}}],
        }, lang
        assert search_options["separator"] and "\\u200b" in search_options["separator"]
    tracked = subprocess.run(["git", "ls-files", "*.yml"], cwd=PROJECT, capture_output=True, text=True).stdout
    configs = [name for name in tracked.split() if "/" not in name]
    assert sorted(configs) == sorted(LANGUAGES.values()), "a second copy of the config is kept in the repository"
    assert f"/{PREFIX}*" in (PROJECT / ".gitignore").read_text(encoding="utf-8").split()


def test_one_switch_builds_with_the_forks(tmp_path):
    """`python -m itasite build --engine forks` builds both languages with ProperDocs + MaterialX, and
    `make build ENGINE=forks` calls it, installing .venv-forks first."""
    assert FORKS_INSTALLED.is_file(), "run `make forks`"
    out = tmp_path / "site"
    command = [sys.executable, "-m", "itasite", "build", "--engine", "forks", "--data", str(DATA), "--out", str(out)]
    result = subprocess.run(command, cwd=PROJECT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    for lang in LANGUAGES:
        html = (out / lang / "index.html").read_text(encoding="utf-8")
        assert '"provider": "lunr"' in html and 'data-md-component="search-query"' in html, lang
    assert (out / "content-security-policy.txt").is_file()
    planned = subprocess.run(["make", "-n", "build", "ENGINE=forks"], cwd=PROJECT, capture_output=True, text=True)
    assert "--engine forks" in planned.stdout, planned.stdout + planned.stderr


def test_the_header_follows_materialx_too():
    """Our header is MaterialX's own with the same changes as Material's (tests/test_accessibility.py), its
    search lines and its icon as Material has them: when MaterialX changes its header, this says so."""
    headers = sorted((PROJECT / FORKS_VENV).glob(f"{MATERIALX_TEMPLATES}/partials/header.html"))
    assert len(headers) == 1, f"MaterialX's templates are not in {FORKS_VENV}: run `make forks`"
    materialx = headers[0].read_text(encoding="utf-8")
    assert MATERIALX_SEARCH in materialx, "MaterialX's search lines changed: check the header's search test"
    as_material = materialx.replace(MATERIALX_SEARCH, MATERIAL_SEARCH).replace(
        '"octicons/search-24"', '"material/magnify"'
    )
    ours = (PROJECT / "overrides/partials/header.html").read_text(encoding="utf-8").splitlines()
    assert ours[6:] == ours_from(as_material)


def test_same_pages(seed_site: Path, fork_site: Path) -> None:
    """Every page of the MkDocs + Material build, and no other, in both languages and at the root."""
    assert {page.parts[0] for page in pages(seed_site)} >= set(LANGUAGES), "the Material build lost a language"
    assert sorted(map(str, pages(fork_site))) == sorted(map(str, pages(seed_site)))


def test_same_files_but_those_differences_list(seed_site: Path, fork_site: Path) -> None:
    """Every file is in both builds, but for the one kind DIFFERENCES["files"] explains."""
    material, fork = files(seed_site), files(fork_site)
    lunr = {name for name in material if "/assets/javascripts/lunr/" in name}
    assert lunr, "Material's build has no Lunr language files any more: drop DIFFERENCES['files']"
    assert fork == material - lunr


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
def test_search_field_on_the_same_pages(seed_site: Path, fork_site: Path, lang: str) -> None:
    """Every page that has Material's search field has it in the MaterialX build, and no other page."""
    expected = {page for page in pages(seed_site / lang) if page_text(seed_site / lang / page, "body").search_fields}
    assert len(expected) > 20, "the Material build has no search field"
    got = {page for page in pages(fork_site / lang) if page_text(fork_site / lang / page, "body").search_fields}
    assert got == expected


@pytest.mark.parametrize("lang", LANGUAGES)
def test_same_search_index(seed_site: Path, fork_site: Path, lang: str) -> None:
    """The search index is where Material's search looks, lists the same locations, and holds the same words
    (Thai word boundaries included: the hooks' post-build step ran on the fork's index too), and so do the
    shards the worker loads."""
    index = fork_site / lang / "search" / "search_index.json"
    assert index.is_file(), f"no {index.relative_to(fork_site)}"
    expected = json.loads((seed_site / lang / "search" / "search_index.json").read_text(encoding="utf-8"))
    got = json.loads(index.read_text(encoding="utf-8"))
    assert got == expected
    shards = sorted((seed_site / lang / "search").glob("*.json"))
    assert len(shards) > 2
    for shard in shards:
        assert (fork_site / lang / "search" / shard.name).read_bytes() == shard.read_bytes(), shard.name


def searches(browser, site: Path, lang: str) -> dict[str, list[str]]:
    """The results of every query of `lang` on one build, served over HTTP."""
    with serving(site) as url:
        page = browser.new_page()
        page.set_default_timeout(10_000)
        try:
            page.goto(f"{url}/{lang}/")
            return {query: search(page, query)[:SHOWN] for query in QUERIES[lang]}
        finally:
            page.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_finds_the_same_pages(browser, seed_site: Path, fork_site: Path, lang: str) -> None:
    """In Chromium, the search field of the MaterialX build lists the same pages for every Thai and English
    query of the recall tests, in the same order (the first SHOWN of them)."""
    expected = searches(browser, seed_site, lang)
    assert all(expected.values()), f"the Material build finds nothing for some query: {expected}"
    assert searches(browser, fork_site, lang) == expected


def test_fork_builds_of_the_same_commit_are_byte_identical(tmp_path):
    """Two builds by the forks of the same commit, with an empty cache and with the cache the first filled,
    give the same bytes, as the MkDocs builds do (tests/test_publishing.py)."""
    epoch = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=PROJECT, capture_output=True, text=True)
    trees = []
    for name in ("empty-cache", "full-cache"):  # the first fills the cache the second reads
        env = {"SOURCE_DATE_EPOCH": epoch.stdout.strip() or "0", "ITA_CACHE_DIR": str(tmp_path / "cache")}
        result = build_site(tmp_path / name, env=env, engine="forks")
        assert result.returncode == 0, result.stderr
        trees.append(tree_digest(tmp_path / name))
    assert sum(digest != "/" for digest in trees[0].values()) > 100
    assert trees[1] == trees[0]
