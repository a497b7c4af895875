"""Every value from data is escaped wherever it lands, by one mechanism, and no CSV cell runs as a formula.

The locale is that mechanism: `Locale.t` gives HTML with each data value escaped in it, `Locale.plain` the same
text read back for files that are not HTML. The build tests put hostile text in every text field of every data
file (tests/support/hostile.py finds the fields by trying each string against the models) of the seed and of
the agency with OIT evidence files, build both for real, and read every file built.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from markupsafe import Markup
from support.build import DATA, PROJECT, build_site
from support.hostile import (
    ESCAPED_TWICE,
    MODELS,
    HostileData,
    csv_problems,
    file_problems,
    hostile,
    make_hostile,
    make_hostile_file,
    read_markup,
)

from itasite.data import licences
from itasite.pipeline import plan, prepare
from itasite.site.hub import render_hub
from itasite.site.locale import as_text, load_locale, title_pair
from itasite.site.render import PageRenderer, markdown_text
from itasite.site.spreadsheet import csv_file, safe_cell

AGENCY_B = PROJECT / "tests/fixtures/agency-b/data"
SAMPLE = "\"'<script>alert(1)</script><img src=x onerror=alert(1)>&amp;{{7*7}}{% raw %} ทดสอบ"
QUOTED = {"th": 'เทศบาลตำบล "เมืองปาน"', "en": 'Mueang "Pan"'}  # a real name, in quotes, no markup


@pytest.mark.parametrize(
    ("value", "html"),
    [
        ('"<b>&amp;', "&#34;&lt;b&gt;&amp;amp;"),
        ("'x' & y", "&#39;x&#39; &amp; y"),
        (Markup("<em>kept</em>"), "<em>kept</em>"),  # already HTML: another string of the table, a filter's output
        ('เทศบาลตำบล "เมืองปาน"', "เทศบาลตำบล &#34;เมืองปาน&#34;"),
    ],
)
def test_interface_strings_escape_the_data_put_in_them(value, html):
    text = load_locale("en").t("footer_not_official", agency=value)
    assert isinstance(text, Markup)
    assert text == f", not by {html}: it is not the agency&#39;s official website"


@pytest.mark.parametrize("lang", ["th", "en"])
def test_plain_text_carries_the_data_as_written(lang):
    locale = load_locale(lang)
    assert SAMPLE in locale.plain("site_description", agency=SAMPLE)
    assert as_text(locale.t("site_name", agency=SAMPLE)) == locale.plain("site_name", agency=SAMPLE)
    assert "&" not in locale.plain("share_announced")  # the locale's own apostrophes read back too


def test_an_interface_string_is_safe_inside_an_attribute():
    assert "'" not in load_locale("en").t("share_announced")  # title="…" or title='…': neither is cut short


def test_a_title_of_two_parts_escapes_each():
    assert title_pair("IIT", SAMPLE) == f"IIT · {Markup.escape(SAMPLE)}"
    assert title_pair(Markup("<b>IIT</b>"), "x") == "<b>IIT</b> · x"


@pytest.mark.parametrize(
    ("text", "markdown"),
    [
        ('"x"', "&#34;x&#34;"),  # the entities stay whole, so the page's title does not show them
        ("the NACC's #1", "the NACC&#39;s \\#1"),
        ("a & b", "a &amp; b"),
        ("[link](x)", "\\[link\\]\\(x\\)"),
    ],
)
def test_markdown_headings_keep_entities_whole(text, markdown):
    assert markdown_text(text) == markdown


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ('=HYPERLINK("https://x.example/","click")', '\'=HYPERLINK("https://x.example/","click")'),
        ("+66 2 123 4567", "'+66 2 123 4567"),
        ("-1+1", "'-1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("-0.77", "-0.77"),  # a number, sign and all, is read as that number and never run
        ("+3.04", "+3.04"),
        ("-1", "-1"),
        ("1. =HYPERLINK(1)", "1. =HYPERLINK(1)"),  # not at the start: text
        ("หน้าแรก › O1", "หน้าแรก › O1"),
        ("https://a.example/", "https://a.example/"),
        ("", ""),
        (-5, -5),  # not text: written as the number it is
    ],
)
def test_csv_cells_never_run_as_formulas(cell, safe):
    assert safe_cell(cell) == safe


def test_a_csv_download_is_written_safe():
    content = csv_file(["title", "change"], [{"title": "=1+1", "change": "-0.77"}])
    assert content.startswith(b"\xef\xbb\xbf") and content.endswith(b"\r\n")
    assert list(csv.reader(io.StringIO(content.decode("utf-8-sig")))) == [["title", "change"], ["'=1+1", "-0.77"]]


@pytest.fixture(scope="module")
def walked(tmp_path_factory) -> dict[str, HostileData]:
    """The walker run on a copy of the seed and of agency B, without building."""
    found = {}
    for name, source in (("seed", DATA), ("agency-b", AGENCY_B)):
        data = tmp_path_factory.mktemp(name) / "data"
        shutil.copytree(source, data)
        found[name] = make_hostile(data)
    return found


# Each file kind, which fixture has it, and how many of its fields at least take hostile text
KINDS = [
    ("agency.yml", "seed", 15),
    ("units.yml", "seed", 6),
    ("indicators.yml", "seed", 30),
    ("levels.yml", "seed", 10),
    ("reports/*.yml", "seed", 20),
    ("measures/*/*.yml", "seed", 100),
    ("national.yml", "seed", 10),
    ("oit.yml", "seed", 50),
    ("disclosure/*.yml", "agency-b", 40),
]


@pytest.mark.parametrize(("kind", "fixture", "at_least"), KINDS)
def test_the_walker_finds_text_fields_in_every_file_kind(walked, kind, fixture, at_least):
    assert walked[fixture].kinds()[kind] >= at_least


def test_every_file_kind_is_tried():
    assert {kind for kind, _, _ in KINDS} | {"results/*.yml"} == set(MODELS)


def test_a_results_file_holds_no_free_text(walked):
    """Its one string, the stated level, names a level of levels.yml (whose names take hostile text): the
    checks refuse anything else there, and the walker gives it back."""
    assert walked["seed"].kinds()["results/*.yml"] == 0
    assert ("results/2568.yml", ("stated", "level")) in walked["seed"].refused


@pytest.fixture(scope="module")
def hostile_sites(tmp_path_factory, engine) -> dict[str, tuple[Path, HostileData]]:
    """The seed and agency B with hostile text in every text field, built for real by each engine (its templates
    print MkDocs' config as Material's do); agency B's name is a real name in quotes instead."""
    sites = {}
    for name, source in (("seed", DATA), ("agency-b", AGENCY_B)):
        root = tmp_path_factory.mktemp(f"hostile-{name}-{engine}")
        shutil.copytree(source, root / "data")
        found = make_hostile(root / "data")
        if name == "agency-b":
            agency = root / "data/agency.yml"
            doc = yaml.safe_load(agency.read_text(encoding="utf-8"))
            doc["name"] = QUOTED
            agency.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
        result = build_site(root / "site", root / "data", engine=engine)
        assert result.returncode == 0, result.stderr[-3000:]
        sites[name] = (root / "site", found)
    return sites


@pytest.mark.parametrize("name", ["seed", "agency-b"])
def test_no_built_file_lets_data_through(hostile_sites, name):
    site, found = hostile_sites[name]
    files = [path for path in sorted(site.rglob("*")) if path.is_file()]
    kinds = {path.suffix for path in files}
    assert {".html", ".xml", ".json", ".jsonld", ".csv", ".js", ".txt"} <= kinds
    problems = {str(path.relative_to(site)): found_in for path in files if (found_in := file_problems(path, site))}
    assert not problems, "\n".join(
        f"{path}: {problem} (from {found.named(problem)[:2]})"
        for path, listed in list(problems.items())[:20]
        for problem in listed[:3]
    )


@pytest.mark.parametrize("lang", ["th", "en"])
def test_hostile_text_is_shown_as_written(hostile_sites, lang):
    site, found = hostile_sites["seed"]
    locale = load_locale(lang)
    name = next(
        hostile(n) for n, (file, where) in found.fields.items() if (file, where) == ("agency.yml", ("name", lang))
    )
    home = read_markup((site / lang / "index.html").read_text(encoding="utf-8"))
    assert words(locale.plain("site_name", agency=name)) in words("".join(home.texts))  # the header, as text
    assert home.meta["description"] == locale.plain("site_description", agency=name)
    assert home.meta["og:site_name"] == locale.plain("site_name", agency=name)
    titles = [
        hostile(n)
        for n, (file, where) in found.fields.items()
        if file.startswith("measures/") and where == ("title", lang)
    ]
    pages = [
        read_markup(path.read_text(encoding="utf-8")) for path in (site / lang / "measures").glob("*/*/index.html")
    ]
    shown = {words("".join(page.texts)) for page in pages}
    assert all(any(words(title) in text for text in shown) for title in titles)


def words(text: str) -> str:
    """Text with its white space as one space: how a reader sees it, whatever the page's line breaks."""
    return " ".join(text.split())


def test_a_formula_in_a_measure_title_is_neutralised_in_every_csv(hostile_sites):
    site, found = hostile_sites["seed"]
    titles = [
        hostile(n)
        for n, (file, where) in found.fields.items()
        if file.startswith("measures/") and where == ("title", "th")
    ]
    formula = next(title for title in titles if title.startswith("=HYPERLINK"))
    for lang in ("th", "en"):
        rows = list(
            csv.DictReader(io.StringIO((site / lang / "data/ita-measures.csv").read_text(encoding="utf-8-sig")))
        )
        assert "'" + formula in [row["title_th"] for row in rows]
        for path in (site / lang / "data").glob("*.csv"):
            cells = [cell for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))) for cell in row]
            assert formula not in cells, path.name  # never as written, at the start of a cell


@pytest.mark.parametrize("lang", ["th", "en"])
def test_an_agency_name_in_quotes_gives_a_whole_meta_description(hostile_sites, lang):
    site, _ = hostile_sites["agency-b"]
    locale = load_locale(lang)
    page = read_markup((site / lang / "index.html").read_text(encoding="utf-8"))
    assert page.meta["description"] == locale.plain("site_description", agency=QUOTED[lang])
    assert QUOTED[lang] in page.meta["description"]


@pytest.fixture
def hostile_licences(tmp_path, monkeypatch) -> HostileData:
    """The licence table (the package's, not the agency's data) with hostile text in every text of it."""
    doc = yaml.safe_load(licences.TABLE.read_text(encoding="utf-8"))
    found = HostileData()
    make_hostile_file(doc, licences.LicenceTable, "licences.yml", found)
    table = tmp_path / "licences.yml"
    table.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    monkeypatch.setattr(licences, "TABLE", table)
    licences.licences.cache_clear()
    yield found
    licences.licences.cache_clear()  # the package's own table again, for the tests after this one


@pytest.mark.parametrize("lang", ["th", "en"])
def test_a_licence_is_escaped_on_every_page_and_in_every_download(tmp_path, hostile_licences, lang):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    make_hostile(data)
    agency = yaml.safe_load((data / "agency.yml").read_text(encoding="utf-8"))
    agency["licence"] = "CC-BY-4.0"
    (data / "agency.yml").write_text(yaml.safe_dump(agency, allow_unicode=True, sort_keys=False), encoding="utf-8")
    locale = load_locale(lang)
    site = plan(prepare(data, PROJECT), locale, last_change=None)
    renderer = PageRenderer(locale)
    pages = {spec.src_uri: renderer.render(spec.template, spec.src_uri, **spec.context) for spec in site.pages}
    name = next(hostile(n) for n, (_, where) in hostile_licences.fields.items() if where[-2:] == ("name", lang))
    assert any(str(Markup.escape(name)) in page for page in pages.values())
    problems = [(path, found) for path, page in pages.items() if (found := read_markup(page).found)]
    for download in site.downloads:
        text = download.content.decode("utf-8-sig")
        if download.name.endswith(".csv"):
            problems += [(download.name, found)] if (found := csv_problems(text)) else []
        elif download.name.endswith((".json", ".jsonld")):
            json.loads(text)  # whole
            problems += [(download.name, ["escaped as HTML"])] if ESCAPED_TWICE.search(text) else []
    assert not problems, problems[:5]


def test_the_hub_of_many_agencies_escapes_their_data(tmp_path):
    agencies = {}
    for name, source in (("seed", DATA), ("agency-b", AGENCY_B)):
        data = tmp_path / name / "data"
        shutil.copytree(source, data)
        make_hostile(data)
        agencies[name] = prepare(data, PROJECT)
    files = render_hub(agencies, ["th", "en"], ["<b>failed</b>"])
    for path in ("th/index.html", "en/index.html", "index.html"):
        page = read_markup(files[path])
        assert not page.found, (path, page.found[:5])
    assert hostile(1) in words("".join(read_markup(files["th/index.html"]).texts))  # the first agency's name


@pytest.mark.parametrize("lang", ["th", "en"])
def test_json_ld_in_a_page_carries_the_name_as_written_with_its_markup_characters_escaped(hostile_sites, lang):
    site, found = hostile_sites["seed"]
    name = next(
        hostile(n) for n, (file, where) in found.fields.items() if (file, where) == ("agency.yml", ("name", lang))
    )
    html = (site / lang / "downloads/index.html").read_text(encoding="utf-8")
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert block and "<" not in block[1] and ">" not in block[1] and "&" not in block[1]
    assert "\\u003cscript\\u003ealert(" in block[1]
    assert any(name in text for text in strings(json.loads(block[1])))


def strings(value: object) -> list[str]:
    """Every string inside a JSON value."""
    if isinstance(value, str):
        return [value]
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else []
    return [text for item in items for text in strings(item)]
