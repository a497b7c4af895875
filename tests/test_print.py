"""The printable report, printed to PDF by Chromium and read back: the whole report, in order, on A4,
with page numbers and without the site's navigation."""

from __future__ import annotations

import io
import re
import unicodedata

import pytest
from pypdf import PdfReader

# PDF text extraction drops or remaps Thai vowel signs and tone marks; compare Thai by its other letters.
THAI_MARKS = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\uf700-\uf8ff\\s]")


def skeleton(text: str) -> str:
    return THAI_MARKS.sub("", unicodedata.normalize("NFKC", text))


@pytest.fixture(scope="module")
def printed(browser, served_site) -> dict[str, tuple[int, str, tuple[float, float]]]:
    """Each language's 2568 report printed to PDF: page count, text without marks or spaces, page size."""
    result = {}
    for lang in ("th", "en"):
        page = browser.new_page()
        page.goto(f"{served_site}/{lang}/report/2568/")
        pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
        page.close()
        box = pdf.pages[0].mediabox
        text = "".join(p.extract_text() for p in pdf.pages)
        result[lang] = (len(pdf.pages), skeleton(text), (float(box.width), float(box.height)))
    return result


@pytest.mark.parametrize("lang", ["th", "en"])
def test_report_prints_on_several_a4_pages_with_numbers(printed, lang):
    pages, text, (width, height) = printed[lang]
    assert pages >= 5
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    assert f"1/{pages}" in text and f"{pages}/{pages}" in text


@pytest.mark.parametrize("lang", ["th", "en"])
def test_report_holds_memo_measures_results_comparison_and_charts(printed, seed, lang):
    _, text, _ = printed[lang]
    report = seed.reports[2568]
    expected = [report.memo.reference, "99.37", "96.33", "+3.04", "+12.18", "97.91"]
    expected += [getattr(m.title, lang) for m in seed.measures[2568]]
    expected += [getattr(report.memo.subject, lang), getattr(report.summary.paragraphs[-1], lang)[:60]]
    expected.append(
        {"th": "คะแนนรายตัวชี้วัด พ.ศ. 2567 กับ พ.ศ. 2568", "en": "Scores by indicator, FY2024 and FY2025"}[lang]
    )
    for fragment in expected:
        assert skeleton(fragment) in text, fragment
    results = {"th": "ค่าเฉลี่ยรายเครื่องมือเทียบกับเกณฑ์ขั้นต่ำ", "en": "Tool averages against the level minimums"}[lang]
    order = [report.memo.reference, getattr(seed.measures[2568][0].title, lang), results, "+12.18"]
    positions = [text.index(skeleton(fragment)) for fragment in order]
    assert positions == sorted(positions), "memo, measures, results, comparison in reading order"


@pytest.mark.parametrize(
    ("lang", "navigation"),
    [
        ("en", ["How scores work", "Download the data", "Next", "Previous"]),
        ("th", ["วิธีคิดคะแนน", "ดาวน์โหลดข้อมูล", "ถัดไป"]),
    ],
)
def test_report_prints_without_navigation(printed, lang, navigation):
    _, text, _ = printed[lang]
    for label in navigation:
        assert skeleton(label) not in text, label


def test_links_are_printed_with_their_addresses(printed):
    _, text, _ = printed["en"]
    assert skeleton("<https://www.muangpan.go.th/>") in text
