"""Every page built from data carries Material's edit button, leading to the data file behind it in GitHub's
web editor (on the branch agency.yml names), when the data names a repository; without one, no page has it.
Hand-written pages have none either."""

from __future__ import annotations

import shutil

import pytest
from support.browser import AXE, RECORD_VIOLATIONS, serious_problems
from support.build import DATA, MATERIAL_TEMPLATES, PROJECT, build_site
from support.data import replace
from support.http import serving_with_policy
from support.site import page, parse

from itasite.build.csp import content_security_policy
from itasite.data.problems import DataError
from itasite.pipeline import plan, prepare
from itasite.site.editlinks import edit_url, edit_urls, edited_files, repository_address
from itasite.site.locale import load_locale
from itasite.site.routes import CHANGES

REPOSITORY = "https://github.com/muangpan/ita-data"
BRANCH = "release/2568"
AGENCY_B = PROJECT / "tests/fixtures/agency-b/data"
CHECKED = ["th/measures/2568/03-budget-transparency/", "en/results/2567-2568/", "th/report/2568/"]  # with a button
WITHOUT_FILE = {CHANGES}  # generated pages no data file is behind: the changes page comes from the history
TITLES = {"th": "แก้ไขข้อมูลของหน้านี้", "en": "Edit the data of this page"}
# A page of the seed (its directory URL) → the data file its edit button opens (None: no button)
EDITED = [
    ("", "agency.yml"),
    ("measures/", "reports/2568.yml"),
    ("measures/2568/", "reports/2568.yml"),
    ("measures/2568/03-budget-transparency/", "measures/2568/03-budget-transparency.yml"),
    ("measures/2568/15-integrity-transparency/", "measures/2568/15-integrity-transparency.yml"),
    ("results/", "results/2568.yml"),
    ("results/2567/", "results/2567.yml"),
    ("results/2568/", "results/2568.yml"),
    ("results/2567-2568/", "results/2568.yml"),
    ("report/2568/", "reports/2568.yml"),
    ("indicators/", "indicators.yml"),
    ("indicators/oit/", "indicators.yml"),
    ("indicators/9/", "indicators.yml"),
    ("methodology/", "levels.yml"),
    ("about/", "agency.yml"),
    ("downloads/", "agency.yml"),
    ("changes/", None),
    ("guide/", None),
    ("guide/publish/", None),
    ("accessibility/", None),
]


@pytest.fixture(scope="module")
def linked_site(tmp_path_factory) -> object:
    """The seed built with a repository and a branch in agency.yml (REPO_URL left empty)."""
    folder = tmp_path_factory.mktemp("edit-links")
    data = folder / "data"
    shutil.copytree(DATA, data)
    website = "website: https://www.muangpan.go.th/\n"
    replace(website, f"{website}repository: {REPOSITORY}/\nbranch: {BRANCH}\n")(data / "agency.yml")
    result = build_site(folder / "site", data, env={"REPO_URL": ""})
    assert result.returncode == 0, result.stderr
    return folder / "site"


def edit_links(site, lang: str, url: str) -> list[dict]:
    """The attributes of the edit links of one built page."""
    return [link for link in parse(page(site, lang, url)).links if link.get("rel") == "edit"]


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize(("url", "source"), EDITED)
def test_a_page_edits_its_data_file(linked_site, lang, url, source):
    links = edit_links(linked_site, lang, url)
    if source is None:
        assert links == []
        return
    assert [link["href"] for link in links] == [f"{REPOSITORY}/edit/{BRANCH}/data/{source}"]
    assert links[0]["title"] == TITLES[lang]


@pytest.mark.parametrize("lang", ["th", "en"])
def test_no_repository_no_edit_link(seed_site, lang):
    assert "repository:" not in (DATA / "agency.yml").read_text(encoding="utf-8")  # the seed names none
    pages = sorted((seed_site / lang).rglob("index.html"))
    assert len(pages) > 40
    assert [p for p in pages if 'rel="edit"' in p.read_text(encoding="utf-8")] == []


@pytest.mark.parametrize("data", [DATA, AGENCY_B], ids=["seed", "agency-b"])
def test_every_page_but_the_changes_names_a_data_file_that_exists(data):
    scored = prepare(data, PROJECT)
    planned = {spec.src_uri for spec in plan(scored, load_locale("th")).pages}
    files = edited_files(scored)
    assert set(files) == planned - WITHOUT_FILE
    assert [source for source in files.values() if not (data / source).is_file()] == []


def test_a_year_without_a_report_edits_the_agency():
    files = edited_files(prepare(AGENCY_B, PROJECT))
    assert files["measures/2568/index.md"] == files["measures/index.md"] == "agency.yml"


@pytest.mark.parametrize(
    ("repository", "branch", "source", "expected"),
    [
        (REPOSITORY, "main", "agency.yml", f"{REPOSITORY}/edit/main/data/agency.yml"),
        (REPOSITORY, "data/2568", "results/2568.yml", f"{REPOSITORY}/edit/data/2568/data/results/2568.yml"),
        (REPOSITORY, "v1.0_fix", "measures/2568/01-a.yml", f"{REPOSITORY}/edit/v1.0_fix/data/measures/2568/01-a.yml"),
    ],
)
def test_edit_url(repository, branch, source, expected):
    assert edit_url(repository, branch, source) == expected


@pytest.mark.parametrize(
    ("configured", "in_data", "expected"),
    [
        ("", None, None),
        (None, None, None),
        ("", f"{REPOSITORY}/", REPOSITORY),
        ("", f"{REPOSITORY}.git", REPOSITORY),
        ("https://github.com/fork/ita", REPOSITORY, "https://github.com/fork/ita"),  # REPO_URL comes first
    ],
)
def test_repository_address(configured, in_data, expected):
    assert repository_address(configured, in_data) == expected


@pytest.mark.parametrize(("branch", "expected"), [(None, "main"), ("published", "published")])
def test_the_branch_defaults_to_main(seed_scored, branch, expected):
    urls = edit_urls(seed_scored, REPOSITORY, branch)
    assert urls["index.md"] == f"{REPOSITORY}/edit/{expected}/data/agency.yml"
    assert edit_urls(seed_scored, None, branch) == {}


@pytest.mark.parametrize("branch", ["main branch", "-main", "feature?x=1", "x" * 101])
def test_a_branch_that_cannot_be_a_link_is_reported(data_copy, branch):
    website = "website: https://www.muangpan.go.th/\n"
    replace(website, f"{website}branch: {branch!r}\n")(data_copy / "agency.yml")
    with pytest.raises(DataError) as raised:
        prepare(data_copy, PROJECT)
    assert "agency.yml:12:9: branch: " in raised.value.report("en")


def test_the_button_is_materials_with_its_own_title():
    """overrides/partials/actions.html is Material's but for the edit button's title, so a new Material's
    change to its buttons shows here."""
    ours = (PROJECT / "overrides/partials/actions.html").read_text(encoding="utf-8")
    materials = (MATERIAL_TEMPLATES / "partials/actions.html").read_text(encoding="utf-8")
    titled = materials.replace(
        "title=\"{{ lang.t('action.edit') }}\"", "title=\"{{ config.extra.edit_title or lang.t('action.edit') }}\""
    )
    assert titled != materials
    assert ours.split("-#}\n", 1)[1] == titled.split("-#}\n", 1)[1]


@pytest.fixture(scope="module")
def seed_scored():
    """The seed data, scored."""
    return prepare(DATA, PROJECT)


@pytest.fixture(scope="module")
def strict_linked_site(linked_site):
    """The site with edit links, served with its own Content-Security-Policy."""
    with serving_with_policy(linked_site, content_security_policy(linked_site)) as url:
        yield url


@pytest.mark.parametrize("path", CHECKED)
def test_the_edit_button_keeps_to_the_policy(browser, strict_linked_site, path):
    tab = browser.new_page()
    tab.add_init_script(RECORD_VIOLATIONS)
    tab.goto(f"{strict_linked_site}/{path}", wait_until="load")
    assert tab.locator("a[rel=edit]").is_visible()
    tab.wait_for_timeout(300)
    assert tab.evaluate("window.__violations") == []
    tab.close()


@pytest.mark.parametrize("path", CHECKED)
def test_the_edit_button_passes_axe(browser, strict_linked_site, path):
    context = browser.new_context(viewport={"width": 390, "height": 844}, bypass_csp=True)
    context.add_init_script(path=str(AXE))  # as the accessibility test loads it
    tab = context.new_page()
    tab.goto(f"{strict_linked_site}/{path}", wait_until="load")
    assert serious_problems(tab, path) == []
    context.close()


@pytest.mark.parametrize("path", CHECKED)
def test_the_edit_button_weighs_little(linked_site, seed_site, path):
    """The button is an icon drawn in the page: well under a kilobyte more than the page without it."""
    lang, url = path.split("/", 1)
    extra = page(linked_site, lang, url).stat().st_size - page(seed_site, lang, url).stat().st_size
    assert 0 < extra < 1024
