"""The OIT disclosure pages as a visitor and the assessor get them: each year's items with their status and
documents, a page per item, the files kept in the repository at their own addresses with their SHA-256 on
the downloads page, the home page's count, and the answer sheet (page and CSV) whose addresses are absolute
under the site's address and whose click paths name the links of the built navigation."""

from __future__ import annotations

import csv
import hashlib
import html
import io
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from support.build import DATA, SUBPATH_ROOT, build_site
from support.oit_site import FILES, oit_agency
from support.site import page, parse, text_of
from test_thai_search import shards

from itasite.pipeline import prepare
from itasite.site.disclosure import click_path, nav_titles
from itasite.site.hub import hub_rows, render_hub
from itasite.site.locale import load_locale

ROOT = "https://oit.example.go.th/"
NAV_LABEL = re.compile(r'<span class="md-ellipsis">(.*?)</span>', re.S)
TBC = {"th": "ชื่อรายการรอยืนยันจากคู่มือของสำนักงาน ป.ป.ช.", "en": "Title to be confirmed from the NACC manual"}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The test agency built for real in both languages, published at a domain's root."""
    out = tmp_path_factory.mktemp("oit-root")
    result = build_site(out / "site", oit_agency(out), env={"SITE_URL": ROOT})
    assert result.returncode == 0, result.stderr
    return out / "site"


@pytest.fixture(scope="module")
def subpath_site(tmp_path_factory) -> Path:
    """The same, published under a sub-path of the agency's own site."""
    out = tmp_path_factory.mktemp("oit-subpath")
    result = build_site(out / "site", oit_agency(out), env={"SITE_URL": SUBPATH_ROOT})
    assert result.returncode == 0, result.stderr
    return out / "site"


def answers(site: Path, lang: str) -> list[dict[str, str]]:
    """The rows of the answer sheet's CSV of 2569."""
    content = (site / lang / "data/disclosure-2569-itas.csv").read_bytes()
    assert content.startswith(b"\xef\xbb\xbf"), "a byte-order mark, for Excel"
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


def local_file(site: Path, lang: str, root: str, address: str) -> Path:
    """The built file an absolute address of the site stands for."""
    assert address.startswith(f"{root}{lang}/"), address
    path = site / lang / address.removeprefix(f"{root}{lang}/")
    return path / "index.html" if address.endswith("/") else path


@pytest.mark.parametrize("lang", ["th", "en"])
def test_year_page_lists_every_item_with_its_status(site, lang):
    text = text_of(page(site, lang, "disclosure/2569"))
    locale = load_locale(lang)
    assert locale.t("oit_count", published=3, total=5) in text
    assert locale.t("oit_counts", published=3, na=1, missing=1) in text
    for status, count in (("published", 3), ("not-applicable", 1), ("missing", 1)):
        assert text.count(locale.t(f"oit_status_{status}")) >= count
    assert TBC[lang] in text, "O2 has no title in the list"
    assert locale.t("oit_group", id="9.1", name="ข้อมูลพื้นฐาน" if lang == "th" else "Basic information") in text
    assert locale.t("oit_group_unknown") in text
    assert ("This site's translation" in text or "this site's translation" in text) == (lang == "en")
    assert locale.t("oit_confidence_secondary") in text


@pytest.mark.parametrize("lang", ["th", "en"])
def test_document_links_open_the_file_itself(site, lang):
    listing = page(site, lang, "disclosure/2569")
    links = {a["href"]: a for a in parse(listing).links if "/files/" in a["href"]}
    assert len(links) == len(FILES)
    raw = listing.read_text(encoding="utf-8")
    for name, content in FILES.items():
        href = next(h for h in links if h.endswith(name))
        assert (listing.parent / href).resolve().read_bytes() == content
        kind = "PDF" if name.endswith(".pdf") else "PNG"
        assert re.search(rf'href="{re.escape(href)}">.*?\({kind}, {len(content):,} B\)</a>', raw)
    assert "<script>alert" not in raw
    assert ("&lt;script&gt;alert(1)&lt;/script&gt;" if lang == "th" else "Organisation chart") in raw


@pytest.mark.parametrize("lang", ["th", "en"])
def test_downloads_page_gives_each_kept_file_its_sha256(site, lang):
    text = text_of(page(site, lang, "downloads"))
    for name, content in FILES.items():
        assert name in text and hashlib.sha256(content).hexdigest() in text
    assert "disclosure-2569-itas.csv" in text


@pytest.mark.parametrize("lang", ["th", "en"])
def test_item_pages_show_contents_evidence_reason_and_note(site, lang):
    o1 = text_of(page(site, lang, "disclosure/2569/o1"))
    assert ("แผนผังโครงสร้าง" if lang == "th" else "An organisation chart") in o1
    assert "หน้าแรก > เกี่ยวกับเรา > หน้าที่และอำนาจ" in o1, "the click path on the agency's own site"
    assert "https://www.example.go.th/about/duties" in {
        a["href"] for a in parse(page(site, lang, "disclosure/2569/o1")).links
    }
    o10 = text_of(page(site, lang, "disclosure/2569/o10"))
    reason = "หน่วยงานไม่มีบริการที่ให้ผ่านช่องทางออนไลน์" if lang == "th" else "The agency offers no service online"
    assert reason in o10
    assert "รายงานประจำปีงบประมาณ พ.ศ. 2568" in text_of(page(site, lang, "disclosure/2569/o12"))


@pytest.mark.parametrize("lang", ["th", "en"])
def test_home_page_counts_the_published_items(site, lang):
    home = page(site, lang, ".")
    locale = load_locale(lang)
    link = next(a for a in parse(home).links if a["href"].startswith("disclosure/2569"))
    assert link["href"] == "disclosure/2569/"
    assert locale.t("oit_count", published=3, total=5) in text_of(home)


@pytest.mark.build  # the fixture is asked for by name
@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("which", ["site", "subpath_site"])
def test_answer_sheet_addresses_are_absolute_and_lead_to_the_evidence(request, which, lang):
    built_site, root = request.getfixturevalue(which), ROOT if which == "site" else SUBPATH_ROOT
    rows = answers(built_site, lang)
    assert [row["code"] for row in rows] == ["O1", "O2", "O3", "O10", "O12"]
    by_code = {row["code"]: row for row in rows}
    assert by_code["O1"]["url"] == f"{root}{lang}/disclosure/2569/o1/"
    assert by_code["O12"]["url"] == f"{root}{lang}/disclosure/files/2569/o12-procurement.pdf", "answer: document"
    assert by_code["O2"]["title"] == TBC[lang]
    for row in rows:
        assert local_file(built_site, lang, root, row["url"]).is_file()
    sheet = page(built_site, lang, "disclosure/2569/itas")
    shown = {a["href"] for a in parse(sheet).links}
    assert {row["url"] for row in rows} <= shown
    text = text_of(sheet)
    assert all(row["click_path"] in text for row in rows)


@pytest.mark.parametrize("lang", ["th", "en"])
def test_click_paths_name_the_links_of_the_built_navigation(site, lang):
    locale = load_locale(lang)
    separator = locale.t("oit_click_separator")
    for row in answers(site, lang):
        item = page(site, lang, f"disclosure/2569/{row['code'].lower()}")
        labels = {html.unescape(re.sub(r"<[^>]+>", "", label)).strip() for label in NAV_LABEL.findall(item.read_text())}
        steps = row["click_path"].split(separator)
        assert steps[0] == locale.t("nav_home") and steps[1] == locale.t("nav_disclosure", year=2569)
        navigated = steps[:3]
        assert set(navigated) <= labels, (row["code"], set(navigated) - labels)
        if row["code"] == "O12":  # answered by its document: the path ends at the document's link
            document = steps[3]
            assert document in text_of(item)
            pdf = urljoin(
                ROOT + lang + "/disclosure/2569/o12/",
                next(a["href"] for a in parse(item).links if a["href"].endswith(".pdf")),
            )
            assert pdf == row["url"]


NAV = [
    {"หน้าแรก": "index.md"},
    {"มาตรการ": ["measures/index.md"]},
    {"OIT 2569": ["disclosure/2569/index.md", {"O1 โครงสร้าง": "disclosure/2569/o1.md"}]},
]


@pytest.mark.parametrize(
    ("target", "last", "path"),
    [
        ("disclosure/2569/o1.md", "", "หน้าแรก › OIT 2569 › O1 โครงสร้าง"),
        ("disclosure/2569/o1.md", "แผนผัง", "หน้าแรก › OIT 2569 › O1 โครงสร้าง › แผนผัง"),
        ("disclosure/2569/index.md", "", "หน้าแรก › OIT 2569"),
    ],
)
def test_click_path_follows_the_navigation(target, last, path):
    assert click_path(NAV, target, load_locale("th"), last) == path


def test_a_page_outside_the_navigation_has_no_titles():
    assert nav_titles(NAV, "nowhere.md") is None


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_hub_shows_each_agencys_count_linked_to_its_register(tmp_path, lang):
    agencies = {"agency-b": prepare(oit_agency(tmp_path)), "seed": prepare(DATA)}
    rows = {row.folder: row for row in hub_rows(agencies, lang)}
    assert rows["agency-b"].oit == load_locale(lang).t("oit_count", published=3, total=5)
    assert rows["seed"].oit == "" or "26" in rows["seed"].oit, "the seed has a register once its list ships"
    hub = render_hub(agencies, ["th", "en"], [])[f"{lang}/index.html"]
    assert f'<a href="../agency-b/{lang}/disclosure/2569/">{rows["agency-b"].oit}</a>' in hub


@pytest.mark.parametrize("lang", ["th", "en"])
def test_search_finds_the_items_and_the_document_titles(site, lang):
    docs = shards(site, lang)
    found = " ".join(doc["title"] + " " + doc.get("text", "") for doc in docs if "disclosure/2569" in doc["location"])
    for text in ("O12", "โครงสร้าง หน้าที่และอำนาจ" if lang == "th" else "Structure, duties and powers"):
        assert text in found
    assert ("รายงานสรุปผลการจัดซื้อจัดจ้าง ปีงบประมาณ 2568" if lang == "th" else "Procurement report FY2568") in found
    assert any(doc["location"].startswith("disclosure/2569/o12/") for doc in docs), "each item's page is indexed"
