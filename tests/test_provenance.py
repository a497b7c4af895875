"""Official or ours, on every page: the built site never presents this site's translation, its summary of the rules
or a figure as the agency's or the NACC's without saying so and where it comes from. The English of the report is
marked as this site's translation; the reasons for a level say they follow the rules as this site summarises them
until the rules cite the NACC's manual; every NACC figure has the agency's report beside it; the original report
and ITAS are linked from the home, results and about pages; every page says who publishes the site; and a bad
original-report entry is refused at its file, line and column, in Thai first."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from support.build import DATA, PROJECT
from support.data import replace
from support.site import page, text_of

from itasite.data.problems import DataError
from itasite.data.yamlfile import read_yaml
from itasite.pipeline import plan, prepare
from itasite.site.explain import level_reason, publisher_line
from itasite.site.locale import load_locale
from itasite.site.render import PageRenderer

LANGS = ("th", "en")
NOTICE = {
    "th": "ฉบับภาษาอังกฤษของรายงานเป็นคำแปลของเว็บไซต์นี้ ไม่ใช่คำแปลทางการ หากข้อความต่างกันให้ถือตามต้นฉบับภาษาไทย",
    "en": "English translation by this site; not an official translation. The Thai text of the report prevails.",
}
QUALIFIED = {"th": "ตามเกณฑ์ที่เว็บไซต์นี้สรุปไว้ ", "en": "Under the rules as this site summarises them, "}
# The start of a reason for a level, wherever a page gives one ("ได้ระดับผ่านดี ยังไม่ถึงระดับ… เนื่องจาก",
# "rated Good, not Excellent, because", "rated Excellent:")
REASON = {"th": re.compile(r"ได้ระดับ\S+ (?:ยังไม่ถึงระดับ\S+ )?เนื่องจาก"), "en": re.compile(r"[Rr]ated \w+[:,]")}
NACC_FIGURE = {"th": "(ตัวเลขของ ป.ป.ช. ตามที่ระบุใน", "en": "(the NACC's figure, as stated in "}
PUBLISHER = {
    "th": "เว็บไซต์นี้จัดทำโดยเทศบาลตำบลเมืองปาน",
    "en": "This site is published by Mueang Pan Subdistrict Municipality.",
}
REPORT = "data/reports/2568.yml"


def html_pages(site: Path, lang: str) -> list[Path]:
    """Every HTML page of one language's built site."""
    return sorted((site / lang).rglob("*.html"))


def words(text: str) -> str:
    """Text with runs of white space made one space, as text_of gives a page's."""
    return re.sub(r"\s+", " ", text).strip()


def report_english(data: Path) -> list[str]:
    """English texts of the report a page can show: the measures' titles, the memo's facts, the summary."""
    found = []
    for path in sorted((data / "measures").rglob("*.yml")):
        found.append(read_yaml(path).data["title"]["en"])
    report = read_yaml(data / "reports/2568.yml").data
    found += [entry["en"] for entry in report["memo"]["facts"]]
    found += [entry["en"] for entry in report["summary"]["paragraphs"]]
    return [words(text) for text in found]


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_showing_the_reports_english_carries_the_translation_notice(seed_site, lang):
    """Any page that shows an English text of the report (on the Thai site: any page of a report whose English
    exists) says that English is this site's translation and the Thai prevails."""
    english = report_english(DATA)
    en_pages = [p for p in html_pages(seed_site, "en") if any(text in text_of(p) for text in english)]
    assert len(en_pages) >= 18  # about, the printable report, the comparison, the measures lists and 15 measures
    pages = en_pages if lang == "en" else [seed_site / "th" / p.relative_to(seed_site / "en") for p in en_pages]
    missing = [p.relative_to(seed_site).as_posix() for p in pages if NOTICE[lang] not in text_of(p)]
    assert not missing, missing


@pytest.mark.parametrize("lang", LANGS)
def test_every_reason_for_a_level_says_it_follows_the_sites_summary_of_the_rules(seed_site, lang):
    """The seed's rules cite no NACC manual, so no page gives a reason for a level as the NACC's."""
    reasons = 0
    for path in html_pages(seed_site, lang):
        text = text_of(path)
        for found in REASON[lang].finditer(text):
            reasons += 1
            assert text[: found.start()].endswith(QUALIFIED[lang]), f"{path}: {text[found.start() - 60 : found.end()]}"
    assert reasons >= 4  # the home page, both results pages and the printable report


@pytest.mark.parametrize("lang", LANGS)
def test_every_nacc_figure_has_the_agencys_report_beside_it(seed_site, lang):
    """A total the NACC announced is said to be the NACC's figure as the agency's report states it, and links
    that report; the old wording, which credited the NACC directly, is gone."""
    figures = 0
    for path in html_pages(seed_site, lang):
        html = path.read_text(encoding="utf-8")
        assert "(ตามประกาศของ ป.ป.ช.)" not in html and "as announced by the NACC" not in html, path
        for found in re.finditer(re.escape(NACC_FIGURE[lang].replace("'", "&#39;")), html):
            figures += 1
            assert html[found.end() :].startswith('<a class="ita-report-link" href="'), path
    assert figures >= 6


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("url", ["", "results/2567", "results/2568", "about"])
def test_the_original_report_and_itas_are_linked(seed_site, lang, url):
    """The seed gives no address of its original yet: the page says so and names the agency's website to ask;
    ITAS is its public address with what to look for."""
    html = page(seed_site, lang, url).read_text(encoding="utf-8")
    assert 'class="ita-original"' in html and '<a href="https://www.muangpan.go.th/">' in html
    assert '<a class="ita-itas" href="https://itas.nacc.go.th/">' in html
    assert ("เลือกผลการประเมิน" if lang == "th" else "choose the results of") in html


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_says_who_publishes_the_site(seed_site, lang):
    missing = [
        p.relative_to(seed_site).as_posix() for p in html_pages(seed_site, lang) if PUBLISHER[lang] not in text_of(p)
    ]
    assert not missing, missing


@pytest.mark.parametrize("lang", LANGS)
def test_the_national_source_is_cited_by_outlet_date_and_whom_it_quotes(seed_site, lang):
    """The same citation in both languages; the headline, about another agency's score, only in the title."""
    html = page(seed_site, lang, "").read_text(encoding="utf-8")
    link = re.search(r'<a href="https://www\.matichon\.co\.th/politics/news_5328750" title="([^"]*)">([^<]*)</a>', html)
    assert link is not None
    text = {
        "th": "มติชน (18 สิงหาคม 2568) อ้างคำแถลงของกรรมการ ป.ป.ช. ผู้รับผิดชอบการประเมิน",
        "en": "Matichon (18 August 2025), quoting the NACC commissioner who chairs the assessment",
    }[lang]
    assert link.group(2) == text and "94.64" not in link.group(2)


@pytest.mark.parametrize("lang", LANGS)
def test_the_results_pages_say_the_report_prints_other_indicator_labels(seed_site, lang):
    for year in (2567, 2568):
        text = text_of(page(seed_site, lang, f"results/{year}"))
        assert ("ตัวชี้วัดที่ 1 “การป้องกันทุจริต”" if lang == "th" else "indicator 1 “การป้องกันทุจริต”") in text


@pytest.mark.parametrize("lang", LANGS)
def test_the_printable_report_says_it_is_this_sites_edition(seed_site, lang):
    text = text_of(page(seed_site, lang, "report/2568"))
    edition = {"th": "ฉบับจัดพิมพ์ใหม่โดยเว็บไซต์นี้", "en": "Re-typeset edition by this site"}[lang]
    assert edition in text and text.count("[ส่วนที่เว็บไซต์นี้เพิ่ม]" if lang == "th" else "[added by this site]") >= 3
    # the report's summary, which ends "…as follows", comes before the comparison table it introduces
    html = page(seed_site, lang, "report/2568").read_text(encoding="utf-8")
    summary = "รายละเอียดแต่ละตัวชี้วัดดังนี้" if lang == "th" else "The details for each indicator are as follows."
    assert html.index(summary) < html.index('id="comparison"') + html[html.index('id="comparison"') :].index("<table")


def with_manual(data: Path) -> None:
    """Damage that is a repair: the 2567 scheme cites the NACC's manual."""
    replace(
        "    source:\n      th: >-\n        สรุปโดยเว็บไซต์นี้",
        "    manual: {th: คู่มือการประเมิน ITA 2568 หน้า 12, en: 'NACC ITA manual 2025, p. 12'}\n"
        "    source:\n      th: >-\n        สรุปโดยเว็บไซต์นี้",
    )(data / "levels.yml")


@pytest.mark.parametrize(
    ("lang", "manual", "start"),
    [
        ("th", False, "ตามเกณฑ์ที่เว็บไซต์นี้สรุปไว้ ได้ระดับผ่านดี ยังไม่ถึงระดับผ่านดีเยี่ยม เนื่องจาก"),
        ("en", False, "Under the rules as this site summarises them, rated Good, not Excellent, because"),
        ("th", True, "ได้ระดับผ่านดี ยังไม่ถึงระดับผ่านดีเยี่ยม เนื่องจาก"),
        ("en", True, "Rated Good, not Excellent, because"),
    ],
)
def test_the_qualification_goes_once_the_rules_cite_the_nacc_manual(data_copy, lang, manual, start):
    if manual:
        with_manual(data_copy)
    scored = prepare(data_copy, PROJECT)
    assert level_reason(scored.scores[2567], load_locale(lang)).startswith(start)


def with_sources(data: Path) -> None:
    """The agency gives its original report as a kept PDF, its ITAS result, and another publisher."""
    (data / "disclosure/files/reports").mkdir(parents=True)
    (data / "disclosure/files/reports/2568.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    with (data / "reports/2568.yml").open("a", encoding="utf-8") as report:
        report.write("original:\n  file: reports/2568.pdf\n  url: https://www.muangpan.go.th/ita/2568.pdf\n")
    replace(
        "website: https://www.muangpan.go.th/\n",
        "website: https://www.muangpan.go.th/\nitas_url: https://itas.nacc.go.th/result/1234\n"
        "publisher: {th: ชมรมผู้ใช้ข้อมูลเปิด, en: Open Data Users' Club}\n",
    )(data / "agency.yml")


def test_an_agencys_original_itas_result_and_publisher_are_given_where_it_names_them(data_copy):
    with_sources(data_copy)
    scored = prepare(data_copy, PROJECT)
    locale = load_locale("en")
    site = plan(scored, locale, last_change=None)
    assert ("disclosure/files/reports/2568.pdf", data_copy / "disclosure/files/reports/2568.pdf") in site.kept
    renderer = PageRenderer(locale)
    pages = {spec.src_uri: renderer.render(spec.template, spec.src_uri, **spec.context) for spec in site.pages}
    for name in ("index.md", "results/2568.md", "about.md"):
        assert '<a class="ita-original" href="https://www.muangpan.go.th/ita/2568.pdf">' in pages[name], name
        assert '<a class="ita-itas" href="https://itas.nacc.go.th/result/1234">' in pages[name], name
    for name in ("index.md", "results/2568.md"):  # the NACC's figure links the original, where it is printed
        assert '<a class="ita-report-link" href="https://www.muangpan.go.th/ita/2568.pdf">' in pages[name], name
    assert publisher_line(scored.dataset.agency, locale).unescape() == (  # HTML for the footer, read back
        "This site is published by Open Data Users' Club, not by Mueang Pan Subdistrict Municipality: "
        "it is not the agency's official website."
    )
    assert publisher_line(scored.dataset.agency, load_locale("th")) == (
        "เว็บไซต์นี้จัดทำโดยชมรมผู้ใช้ข้อมูลเปิด ไม่ใช่เว็บไซต์ทางการของเทศบาลตำบลเมืองปาน"
    )


def test_a_kept_original_without_an_address_is_linked_as_a_file(data_copy):
    with_sources(data_copy)
    replace("  url: https://www.muangpan.go.th/ita/2568.pdf\n", "")(data_copy / "reports/2568.yml")
    locale = load_locale("th")
    spec = next(s for s in plan(prepare(data_copy, PROJECT), locale).pages if s.src_uri == "about.md")
    about = PageRenderer(locale).render(spec.template, spec.src_uri, **spec.context)
    link = '<a class="ita-original" href="../disclosure/files/reports/2568.pdf">'
    assert link + "ต้นฉบับรายงานปีงบประมาณ พ.ศ. 2568 (ไฟล์ PDF)</a>" in about


# A bad entry for the original report: (what is written under original:, the start of the Thai problem)
BAD_ORIGINALS = {
    "neither address nor file": ("original: {}\n", "original: ต้นฉบับรายงาน (original:) ต้องมีที่อยู่"),
    "file missing": ("original:\n  file: reports/2568.pdf\n", "original.file: ไม่พบไฟล์ reports/2568.pdf ใน data/"),
    "file of a type a browser runs": ("original:\n  file: report.html\n", "original.file: ใช้ไฟล์ชนิด .html"),
    "address that is not a web page": ("original:\n  url: mailto:x@y.th\n", "original.url: ที่อยู่ของต้นฉบับรายงาน"),
    "hostile address": ("original:\n  url: javascript:alert(1)\n", "original.url: ลิงก์ต้องขึ้นต้นด้วย"),
    "file outside the folder": ("original:\n  file: ../agency.yml\n", "original.file:"),
}  # fmt: skip


@pytest.mark.parametrize("case", BAD_ORIGINALS)
def test_a_bad_original_entry_is_refused_at_its_line_in_thai(case, data_copy):
    entry, expected = BAD_ORIGINALS[case]
    (data_copy / "disclosure/files").mkdir(parents=True, exist_ok=True)
    (data_copy / "disclosure/files/report.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    path = data_copy / "reports/2568.yml"
    line = len(path.read_text(encoding="utf-8").splitlines()) + 1  # the entry starts on the line after the last
    with path.open("a", encoding="utf-8") as report:
        report.write(entry)
    with pytest.raises(DataError) as caught:
        prepare(data_copy, PROJECT)
    report = caught.value.report("th")
    located = [text for text in report.splitlines() if text.startswith(f"{REPORT}:")]
    assert located and all(int(text.split(":")[1]) >= line for text in located), report
    assert any(re.match(rf"{re.escape(REPORT)}:\d+:\d+: {re.escape(expected)}", text) for text in located), report
