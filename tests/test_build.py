"""Full builds with the real MkDocs: every page in both languages, the seed's figures where they belong,
the language switcher and hreflang alternates, and a new year added with data only."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from support.build import PROJECT, build_site
from support.site import page, pages_of, parse, text_of

from itasite.scoring import score_dataset
from itasite.site.locale import load_locale
from itasite.site.plan import plan_site

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def test_every_page_exists_in_both_languages(seed_site):
    assert pages_of(seed_site, "th") == pages_of(seed_site, "en")


def test_every_measure_has_a_page_in_both_languages(seed, seed_site):
    measures = seed.measures[2568]
    assert len(measures) == 15
    for measure in measures:
        for lang, text in (("th", measure.title.th), ("en", measure.title.en)):
            html = page(seed_site, lang, f"measures/2568/{measure.id}")
            assert text in text_of(html), (lang, measure.id)


OURS = "Under the rules as this site summarises them, "  # the level rules cite no NACC manual yet


@pytest.mark.parametrize(
    ("lang", "url", "expected"),
    [
        ("th", ".", ["99.37", "ผ่านดีเยี่ยม", "เทียบกับปีงบประมาณ พ.ศ. 2567 +3.04 เพิ่มขึ้น", "ปีงบประมาณ พ.ศ. 2568"]),
        ("en", ".", ["99.37", "Excellent", "+3.04 points on FY2024 (B.E. 2567)", "FY2025 (B.E. 2568)"]),
        ("th", "results/2567", ["96.33", "ผ่านดี", "ค่าเฉลี่ย EIT (91.09 คะแนน) ต่ำกว่า 95 คะแนน", "91.09", "97.50", "85.78"]),
        (
            "en",
            "results/2567",
            ["96.33", f"{OURS}rated Good, not Excellent, because the EIT average (91.09) is below 95"],
        ),
        ("en", "results/2568", ["99.37", f"{OURS}rated Excellent: the total (99.37) is at least 95", "97.91"]),
        (
            "en",
            "results/2567-2568",
            ["+3.33", "+4.93", "+12.18", "+5.00", "+3.04", "up", "unchanged", "up 3.04 points from 96.33 in FY2024"],
        ),
        ("th", "results/2567-2568", ["+12.18", "เพิ่มขึ้น", "ไม่มีการเปลี่ยนแปลง", "คุณภาพการดำเนินงาน"]),
        ("en", "measures", ["FY2025 (B.E. 2568)", "1 October 2024 – 30 September 2025", "Finance Division"]),
        ("th", "measures", ["1 ตุลาคม 2567 – 30 กันยายน 2568", "กองคลัง", "งานตรวจสอบภายใน"]),
        ("th", "about", ["นตภ 52212/-", "6 ตุลาคม 2568", "@404mnqcv", "นางสาวกรรณิการ์ เจตวิรุฬห์"]),
        ("en", "about", ["6 October 2025", "@404mnqcv", "https://www.muangpan.go.th/", "Internal Auditor"]),
        ("en", "methodology", ["Excellent", "no official English list", "Needs urgent improvement", "30% × IIT"]),
    ],
)
def test_figures_appear_where_they_belong(seed_site, lang, url, expected):
    text = text_of(page(seed_site, lang, url))
    for fragment in expected:
        assert fragment in text, f"{fragment!r} missing from {lang}/{url}"


@pytest.mark.parametrize("lang", ["th", "en"])
def test_ten_years_of_measures_and_memos_are_split_by_year(synthetic_site, lang):
    """The pages that would list every year in full show the newest year, and link a page for each year."""
    years = [int(path.name) for path in (synthetic_site / lang / "measures").iterdir() if path.name.isdigit()]
    assert sorted(years) == list(range(2563, 2573))
    index = page(synthetic_site, lang, "measures").read_text(encoding="utf-8")
    assert index.count("<tbody>") == 1 and 'id="fy2572"' in index
    assert [int(year) for year in re.findall(r'<li><a href="(25\d\d)/">', index)] == sorted(years, reverse=True)
    for year in years:
        html = page(synthetic_site, lang, f"measures/{year}").read_text(encoding="utf-8")
        rows = re.findall(r'<th scope="row"><a href="([^"]+)/">', html)
        assert len(rows) == 15 and all((synthetic_site / lang / "measures" / str(year) / row).is_dir() for row in rows)
    about = page(synthetic_site, lang, "about").read_text(encoding="utf-8")
    assert re.findall(r'id="memo-(\d+)"', about) == ["2572"]
    older = re.findall(r'<a href="\.\./report/(\d+)/#memo"', about)
    assert older == [str(year) for year in range(2571, 2562, -1)]
    assert all(
        'id="memo"' in page(synthetic_site, lang, f"report/{year}").read_text(encoding="utf-8") for year in older
    )


def test_results_page_groups_indicators_by_tool(seed_site):
    html = page(seed_site, "en", "results/2568").read_text(encoding="utf-8")
    groups = re.findall(r'<th scope="rowgroup"[^>]*>(?:<a [^>]*>)?(\w+) ·', html)
    assert groups == ["IIT", "EIT", "OIT"]
    assert all(f'id="indicator-{n}"' in html for n in range(1, 11))


def test_internal_links_and_anchors_resolve(seed_site):
    for lang in ("th", "en"):
        for html in (seed_site / lang).rglob("*.html"):
            for link in parse(html).links:
                href = link["href"]
                if re.match(r"^[a-z]+:", href) or href.startswith("#"):
                    continue
                target, _, anchor = href.partition("#")
                # 404 pages link from the site's root path, since they are served at any address
                base = seed_site if target.startswith("/") else html.parent
                resolved = (base / target.removeprefix("/ita/")).resolve()
                resolved = resolved / "index.html" if resolved.is_dir() else resolved
                assert resolved.is_file(), f"{html.relative_to(seed_site)} links to missing {href}"
                if anchor and resolved.suffix == ".html":
                    assert anchor in parse(resolved).ids, f"{html.relative_to(seed_site)}: no #{anchor} in {href}"


def test_language_switcher_goes_to_the_same_page(seed_site):
    for lang, other in (("th", "en"), ("en", "th")):
        for url in pages_of(seed_site, lang):
            html = page(seed_site, lang, url)
            switch = [link for link in parse(html).links if link.get("hreflang") == other]
            assert switch, f"{lang}/{url} has no link to {other}"
            target = (html.parent / switch[0]["href"]).resolve()
            assert target == (seed_site / other / url).resolve(), f"{lang}/{url} switches to {switch[0]['href']}"


def test_sitemap_alternates_point_at_existing_pages(seed_site):
    root = "https://muangpan.github.io/ita/"
    for lang in ("th", "en"):
        tree = ET.parse(seed_site / lang / "sitemap.xml")
        urls = tree.findall("s:url", SITEMAP_NS)
        assert len(urls) == len(pages_of(seed_site, lang))
        for url in urls:
            alternates = {a.get("hreflang"): a.get("href") for a in url.findall("x:link", SITEMAP_NS)}
            assert set(alternates) == {"th", "en", "x-default"}
            for href in alternates.values():
                assert href.startswith(root)
                assert (seed_site / href.removeprefix(root) / "index.html").is_file(), href


def test_pages_declare_their_language(seed_site):
    assert '<html lang="th"' in page(seed_site, "th", ".").read_text(encoding="utf-8")
    assert '<html lang="en"' in page(seed_site, "en", ".").read_text(encoding="utf-8")


def test_site_root_sends_visitors_to_thai_without_javascript(seed_site):
    html = (seed_site / "index.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=th/">' in html
    assert '<a href="en/" hreflang="en"' in html
    assert "<script" not in html


def test_no_generated_page_is_written_into_docs(seed):
    docs = PROJECT / "docs"
    generated = {spec.src_uri for spec in plan_site(score_dataset(seed), load_locale("th")).pages}
    for lang in ("th", "en"):
        written = {p.relative_to(docs / lang).as_posix() for p in (docs / lang).rglob("*.md")}
        assert written == {
            "accessibility.md",
            *(f"guide/{name}.md" for name in ("index", "import", "files", "years", "disclosure", "messages")),
            "guide/publish.md",
        }
        assert not written & generated


@pytest.mark.build
def test_a_new_year_needs_data_only(data_copy, tmp_path):
    (data_copy / "results" / "2569.yml").write_text(
        "year: 2569\nscores: {1: 100, 2: 100, 3: 100, 4: 100, 5: 100, 6: 99, 7: 98, 8: 96.5, 9: 100, 10: 90}\n",
        encoding="utf-8",
    )
    out = tmp_path / "site"
    result = build_site(out, data_copy)
    assert result.returncode == 0, result.stderr
    for lang in ("th", "en"):
        assert page(out, lang, "results/2569").is_file()
        assert page(out, lang, "results/2568-2569").is_file()
    home = text_of(page(out, "en", "."))
    assert "FY2026 (B.E. 2569)" in home
    assert "97.35" in home  # 30 + 0.3 × 97.8333 + 0.4 × 95 = 97.35
    assert "-2.02" in home  # from 99.37
    compare = text_of(page(out, "en", "results/2568-2569"))
    assert "-10.00" in compare and "down" in compare


STAFF_LINK = re.compile(r'<div class="ita-staff">([^<]+): <a href="([^"]+)">([^<]+)</a></div>')


@pytest.mark.parametrize(
    ("lang", "staff", "guide"), [("th", "สำหรับเจ้าหน้าที่", "คู่มือผู้แก้ไขข้อมูล"), ("en", "For staff", "Guide for data editors")]
)
def test_the_editors_guide_is_in_every_footer_and_not_in_the_citizens_navigation(seed_site, lang, staff, guide):
    for url in sorted(pages_of(seed_site, lang) - {"report/2568"}):  # the printable report has no site chrome
        built = page(seed_site, lang, url)
        html = built.read_text(encoding="utf-8")
        nav = html.split('<nav class="md-nav md-nav--primary"', 1)[1].split("</nav>", 1)[0]
        assert "guide/" not in nav, f"{lang}/{url}: the guide is in the navigation"
        found = STAFF_LINK.findall(html)
        assert [(said, text) for said, _, text in found] == [(staff, guide)], f"{lang}/{url}: {found}"
        target = (built.parent / found[0][1]).resolve()
        assert target == (seed_site / lang / "guide").resolve(), f"{lang}/{url} links {found[0][1]}"
