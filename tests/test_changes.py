"""What changed and when: the data's history read from git, each page dated from the files it is built from,
the changes page and the Atom feed. A test repository holds a copy of the seed data; a second commit changes
one measure, and exactly the pages built from that file take its date."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest
from support.build import DATA, build_site
from support.data import replace
from support.git import commit_all, git, init_repo

from itasite.build.history import History, Revision, parse_log, read_history
from itasite.pipeline import plan, prepare
from itasite.site.changes import build_feed, sentence
from itasite.site.datachanges import described
from itasite.site.locale import load_locale
from itasite.site.render import PageRenderer

FIRST, SECOND = "2026-06-01T10:00:00+07:00", "2027-01-15T09:30:00+07:00"
MEASURE = "measures/2568/01-service-standards.yml"
EDIT = replace("streamlining service procedures", "simplifying service procedures")  # measure 1's English
LAYOUT_ONLY = replace("title:", "title:  ")  # a change git sees that leaves every field as it was
# The pages built from the measure's file: itself, the list of measures and its year's list, the year's report,
# each indicator's page (it lists the measures that name it), and the two pages built from every file
INDICATOR_PAGES = {f"indicators/{n}/" for n in range(1, 11)}
FROM_MEASURE = {
    "measures/",
    "measures/2568/",
    "measures/2568/01-service-standards/",
    "report/2568/",
    "downloads/",
    "changes/",
}
FROM_MEASURE |= INDICATOR_PAGES
SITE = "https://data.example.go.th/ita/"
ATOM = "{http://www.w3.org/2005/Atom}"
DATED = re.compile(r'<p class="ita-changed"[^>]*>[^<]*<time datetime="(\d{4}-\d{2}-\d{2})">')
HAND_WRITTEN = ("accessibility/", "guide/")


@pytest.fixture
def no_outer_repo(tmp_path, monkeypatch) -> Path:
    """The test's temporary folder with git kept from looking above it for a repository."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    return tmp_path


def seed_repo(root: Path) -> Path:
    """A repository whose data/ is a copy of the seed, committed once; returns the data folder."""
    repo = init_repo(root / "repo")
    shutil.copytree(DATA, repo / "data")
    (repo / "README").write_text("not data\n", encoding="utf-8")
    commit_all(repo, "The seed report", FIRST)
    return repo / "data"


def change_measure(data: Path) -> str:
    """A second commit that changes one measure's file (and a file outside data/); returns its id."""
    EDIT(data / MEASURE)
    (data.parent / "README").write_text("still not data\n", encoding="utf-8")
    return commit_all(data.parent, "Measure 1: <wording> & spacing", SECOND)


def tidy_measure(data: Path) -> str:
    """A third commit that changes only the layout of the measure's file: no field differs."""
    LAYOUT_ONLY(data / MEASURE)
    return commit_all(data.parent, "Tidy", "2027-02-01T09:00:00+07:00")


def test_the_log_is_read_into_changes_newest_first():
    output = (
        "\x1eb2\x1fb\x1f2027-01-15T09:30:00+07:00\x1fSecond\n\nM\tunits.yml\nA\tmeasures/2568/02-x.yml\n"
        "\x1ea1\x1fa\x1f2026-06-01T10:00:00+07:00\x1fFirst: a | b\n\nA\tunits.yml\n"
    )
    second, first = parse_log(output)
    assert (second.commit, second.short, second.subject, first.subject) == ("b2", "b", "Second", "First: a | b")
    assert second.files == ("measures/2568/02-x.yml", "units.yml") and second.listed == ("measures/2568/02-x.yml",)
    assert str(second.date) == "2027-01-15" and second.time == "2027-01-15T09:30:00+07:00"
    history = History((second, first), available=True)
    assert str(history.last_change(["units.yml"])) == "2027-01-15"
    assert str(history.last_change(["measures/2568/"])) == "2027-01-15"  # a file added to the folder
    assert str(history.last_change(["measures/"])) == "2027-01-15"
    assert history.last_change(["results/2568.yml"]) is None
    assert str(history.last_change(None)) == "2027-01-15"


def test_a_folder_outside_git_has_no_history(no_outer_repo):
    shutil.copytree(DATA, no_outer_repo / "data")
    assert read_history(no_outer_repo / "data") == History()


def test_a_folder_git_does_not_track_has_no_history(no_outer_repo):
    repo = init_repo(no_outer_repo / "repo")
    shutil.copytree(DATA, repo / "data")
    assert not read_history(repo / "data").available


def test_the_history_has_every_commit_to_the_data_and_nothing_uncommitted(no_outer_repo):
    data = seed_repo(no_outer_repo)
    commit = change_measure(data)
    (data / "units.yml").write_text("uncommitted\n", encoding="utf-8")
    history = read_history(data)
    assert history.available and [c.subject for c in history.changes] == [
        "Measure 1: <wording> & spacing",
        "The seed report",
    ]
    newest, oldest = history.changes
    assert newest.commit == commit and newest.files == (MEASURE,) and newest.listed == ()
    assert MEASURE in oldest.files and "units.yml" in oldest.files and oldest.listed == oldest.files
    assert not any(path.startswith(("../", "data/")) for change in history.changes for path in change.files)
    assert str(history.last_change(["units.yml"])) == "2026-06-01"  # the uncommitted edit is not a change


def test_exactly_the_pages_built_from_a_changed_file_take_its_date(no_outer_repo):
    data = seed_repo(no_outer_repo)
    change_measure(data)
    site = plan(prepare(data), load_locale("en"), history=read_history(data))
    dates = {page.src_uri: str(page.context["changed"]) for page in site.pages}
    changed = {uri for uri, date in dates.items() if date == "2027-01-15"}
    sections = {"measures/": "measures/index.md", "measures/2568/": "measures/2568/index.md"}
    assert changed == {sections.get(url, f"{url.rstrip('/')}.md") for url in FROM_MEASURE}
    assert {date for uri, date in dates.items() if uri not in changed} == {"2026-06-01"}
    newest = site.changes[0]
    assert [page.src_uri for page in newest.pages][:5] == [
        "measures/index.md",
        "downloads.md",
        "measures/2568/index.md",
        "measures/2568/01-service-standards.md",
        "report/2568.md",
    ]
    titles = [page.title for page in newest.pages][3:6]
    assert titles == ["Measures, FY2025: 1", "Printable report · FY2025 (B.E. 2568)", "Indicators: 1"]


def test_a_commit_that_changes_no_field_is_not_listed_and_dates_no_page(no_outer_repo):
    data = seed_repo(no_outer_repo)
    change_measure(data)
    tidy_measure(data)
    assert len(read_history(data).changes) == 3  # git has it
    site = plan(prepare(data), load_locale("en"), history=read_history(data))
    assert site.changes[0].sentences == ("Measure 1 of FY2025: English revised",)
    assert len(site.changes) == 2
    assert "2027-02-01" not in {str(page.context["changed"]) for page in site.pages}


def test_without_history_every_page_says_so():
    site = plan(prepare(DATA), load_locale("en"), history=History())
    assert {page.context["changed"] for page in site.pages} == {None} and not site.changes


def check_atom(xml: bytes, entries: int) -> feedparser.FeedParserDict:
    """The feed parsed by feedparser and, element by element, as the Atom 1.0 specification requires."""
    parsed = feedparser.parse(xml)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10" and len(parsed.entries) == entries
    root = ET.fromstring(xml)
    assert root.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert (root.findtext(f"{ATOM}{name}") or "").strip(), f"feed without {name}"
    assert root.find(f"{ATOM}author/{ATOM}name") is not None
    assert root.find(f"{ATOM}link[@rel='self']") is not None
    ids = [entry.findtext(f"{ATOM}id") for entry in root.iter(f"{ATOM}entry")]
    assert len(set(ids)) == len(ids) == entries
    for entry in root.iter(f"{ATOM}entry"):
        for name in ("id", "title", "updated", "summary"):
            assert (entry.findtext(f"{ATOM}{name}") or "").strip(), f"entry without {name}"
        assert entry.find(f"{ATOM}link[@rel='alternate']") is not None  # no <content>: a link is required
    for entry in parsed.entries:
        assert entry.updated_parsed and all(link.href.startswith(SITE) for link in entry.links)
    return parsed


def test_the_feed_is_atom_with_its_text_escaped(no_outer_repo):
    data = seed_repo(no_outer_repo)
    change_measure(data)
    locale = load_locale("th")
    site = plan(prepare(data), locale, history=read_history(data))
    texts = {"title": "ข้อมูล <ITA>", "subtitle": "a & b", "author": "เทศบาล <ต.>", "files": "ไฟล์"}
    texts |= {"shared_author": "ผู้ดูแล", "more": "{first} และอีก {count} รายการ"}
    feed = build_feed(site.changes, f"{SITE}th/", "data/feed.xml", "changes.md", texts, "th")
    xml = PageRenderer(locale).render_file("feed.xml.j2", feed=feed).encode("utf-8")
    parsed = check_atom(xml, 2)
    assert parsed.feed.title == "ข้อมูล <ITA>"
    assert parsed.entries[0].title == "แก้ไขภาษาอังกฤษของมาตรการที่ 1 ปีงบประมาณ พ.ศ. 2568"
    assert parsed.entries[0].author == "เทศบาล <ต.>"  # the agency's own data
    assert parsed.entries[1].title.startswith("แก้ไขข้อมูลหน่วยงาน และอีก ")  # the first commit added every file
    assert parsed.entries[0].link == f"{SITE}th/changes/#change-{site.changes[0].change.commit[:12]}"


def page_dates(site: Path) -> dict[str, str]:
    """The date each generated page of one language says its data last changed, by path."""
    found = {}
    for path in sorted(site.rglob("index.html")):
        url = path.parent.relative_to(site).as_posix() + "/" if path.parent != site else ""
        if url.startswith(("search/", *HAND_WRITTEN)):
            continue
        match = DATED.search(path.read_text(encoding="utf-8"))
        assert match, f"{url or 'home'}: no date of its data"
        found[url] = match.group(1)
    return found


@pytest.mark.build
def test_a_new_commit_shows_in_the_feed_and_on_exactly_its_pages(no_outer_repo):
    data = seed_repo(no_outer_repo)
    env = {"SITE_URL": SITE}
    before, after = no_outer_repo / "before", no_outer_repo / "after"
    assert (result := build_site(before, data, env)).returncode == 0, result.stderr
    change_measure(data)
    assert (result := build_site(after, data, env)).returncode == 0, result.stderr
    for lang in ("th", "en"):
        assert set(page_dates(before / lang).values()) == {"2026-06-01"}
        dates = page_dates(after / lang)
        assert {url for url, date in dates.items() if date == "2027-01-15"} == FROM_MEASURE
        assert len(dates) > len(FROM_MEASURE) + 10 and set(dates.values()) == {"2026-06-01", "2027-01-15"}
        old = check_atom((before / lang / "data/feed.xml").read_bytes(), 1)
        new = check_atom((after / lang / "data/feed.xml").read_bytes(), 2)
        assert new.entries[1].id == old.entries[0].id and new.entries[0].id != old.entries[0].id
        revised = {"en": "Measure 1 of FY2025: English revised", "th": "แก้ไขภาษาอังกฤษของมาตรการที่ 1 ปีงบประมาณ พ.ศ. 2568"}
        assert new.entries[0].title == revised[lang]
        assert new.entries[0].updated.startswith("2027-01-15") and new.feed.updated.startswith("2027-01-15")
        changes = (after / lang / "changes/index.html").read_text(encoding="utf-8")
        entered = {"en": "Scores of FY2025 entered", "th": "บันทึกคะแนนของปีงบประมาณ พ.ศ. 2568"}
        assert changes.index(revised[lang]) < changes.index(entered[lang])
        assert "wording" not in changes and "The seed report" not in changes  # commit messages are not shown
        assert 'href="../measures/2568/01-service-standards/"' in changes
        home = (after / lang / "index.html").read_text(encoding="utf-8")
        assert '<link rel="alternate" type="application/atom+xml" href="data/feed.xml"' in home
        downloads = (after / lang / "downloads/index.html").read_text(encoding="utf-8")
        assert 'href="../data/feed.xml"' in downloads


@pytest.mark.build
def test_a_build_outside_git_says_the_history_is_unavailable(no_outer_repo):
    shutil.copytree(DATA, no_outer_repo / "data")
    out = no_outer_repo / "site"
    result = build_site(out, no_outer_repo / "data", {"GIT_CEILING_DIRECTORIES": str(no_outer_repo)})
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    for lang, unavailable in (("th", "ไม่มีประวัติการเปลี่ยนแปลงของข้อมูล"), ("en", "history of the data is not available")):
        assert not (out / lang / "data/feed.xml").exists()
        assert unavailable in (out / lang / "changes/index.html").read_text(encoding="utf-8")
        home = (out / lang / "index.html").read_text(encoding="utf-8")
        assert unavailable in home and "application/atom+xml" not in home
    git(no_outer_repo, "--version")  # git itself was there: the history was missing, not the tool


MEASURE_6 = "measures/2568/06-conflict-of-interest.yml"
M6 = "number: 6\ntitle:\n  th: ผลประโยชน์ทับซ้อน\n  en: Conflict of interest\n"
SCORES = "year: 2567\nscores:\n  3: 89.1\n  4: 90\n"
# (file, before, after) -> what the changes page says, in English; None stands for no such file
DESCRIBED = [
    ("results/2568.yml", None, "year: 2568\nscores: {1: 98.57}\n", ["Scores of FY2025 entered"]),
    ("results/2567.yml", SCORES, SCORES.replace("89.1", "90.12"),
     ["Indicator 3 of FY2024 changed from 89.10 to 90.12"]),
    ("results/2567.yml", SCORES, SCORES.replace("89.1", "89.10"), []),  # the same score written otherwise
    ("results/2567.yml", SCORES, SCORES + "  5: 70\n", ["Indicator 5 of FY2024 entered: 70.00"]),
    ("results/2567.yml", SCORES, "year: 2567\nscores:\n  3: 89.1\n", ["Indicator 4 of FY2024 removed"]),
    ("results/2567.yml", SCORES, None, ["Scores of FY2024 removed"]),
    (MEASURE_6, None, M6, ["Measure 6 of FY2025 added"]),
    (MEASURE_6, M6, None, ["Measure 6 of FY2025 removed"]),
    (MEASURE_6, M6, M6.replace("Conflict", "Conflicts"), ["Measure 6 of FY2025: English revised"]),
    (MEASURE_6, M6, M6.replace("ทับซ้อน", "ขัดกัน"), ["Measure 6 of FY2025 revised"]),
    (MEASURE_6, M6, "# a comment\n" + M6.replace("title:\n  th", "title:\n    th").replace("  en", "    en"), []),
    ("reports/2568.yml", None, "year: 2568\n", ["Report of FY2025 entered"]),
    ("disclosure/2569.yml", "year: 2569\nitems: []\n", "year: 2569\nitems: [{code: O1}]\n",
     ["OIT register for FY2026 revised"]),
    ("agency.yml", "name: {th: ก}\n", "name: {th: ก, en: A}\n", ["Agency details: English revised"]),
    ("indicators.yml", "periods: []\n", "periods: [1]\n", ["The NACC's indicators changed"]),
    ("logo.svg", "<svg/>", "<svg></svg>", ["File logo.svg changed"]),
]  # fmt: skip


@pytest.mark.parametrize(("file", "before", "after", "expected"), DESCRIBED)
def test_a_change_is_described_from_the_data_itself(file, before, after, expected):
    found = described((Revision(file, before, after),))
    assert [sentence(one, load_locale("en")).unescape() for one in found] == expected  # HTML, read back


def test_measures_changed_alike_are_said_once_and_shared_files_are_not_the_agencys():
    added = [Revision(f"measures/2568/{n:02}-m.yml", None, f"number: {n}\n") for n in (1, 2, 3, 5, 14, 15)]
    found = described((*added, Revision("levels.yml", "a: 1\n", "a: 2\n")))
    words = [sentence(one, load_locale("en")) for one in found]
    assert words == ["Measures 1–3, 5, 14, 15 of FY2025 added", "Scoring rules and levels changed"]
    assert [one.agency for one in found] == [True, False]
    assert sentence(found[0], load_locale("th")) == "เพิ่มมาตรการที่ 1–3, 5, 14, 15 ของปีงบประมาณ พ.ศ. 2568"
