"""The national picture: where data/national.yml gives a year's national average, with its source, the home
and results pages say in words how the agency's total stands against it, and the totals chart marks it; a
year without one, or a site without the file, shows nothing of the kind. Never a league table."""

from __future__ import annotations

from decimal import Decimal

import pytest
from support.build import DATA, PROJECT
from support.data import replace
from support.site import page, text_of

from itasite.data.dataset import load_dataset
from itasite.data.problems import DataError

SOURCE = "https://www.matichon.co.th/politics/news_5328750"


def test_the_national_file_is_read_with_its_sources():
    national = load_dataset(DATA, PROJECT).national
    assert sorted(national) == [2564, 2565, 2566, 2567, 2568]
    assert (national[2568].average, national[2568].agencies, str(national[2568].source.url)) == (
        Decimal("93.82"),
        8317,
        SOURCE,
    )
    # how far each year can be trusted, as the reference gives it: the NACC's, press reports, worked out here
    assert {year: str(entry.confidence) for year, entry in national.items()} == {
        2564: "official", 2565: "press", 2566: "press", 2567: "derived", 2568: "official",
    }  # fmt: skip
    assert national[2567].note and "0.77" in national[2567].note.th  # a derived figure says how it was worked out


def test_a_year_given_twice_is_a_located_problem(data_copy):
    replace("  - year: 2567\n", "  - year: 2568\n")(data_copy / "national.yml")
    with pytest.raises(DataError) as caught:
        load_dataset(data_copy, data_copy.parent)
    assert [str(p) for p in caught.value.problems] == [
        "data/national.yml:75:11: years[4].year: 2568 is given more than once (first on line 56)"
    ]


@pytest.mark.parametrize(
    ("lang", "url", "words"),
    [
        (
            "th",
            "",
            "คะแนนรวม 99.37 คะแนน สูงกว่าค่าเฉลี่ยทั้งประเทศของปีงบประมาณ พ.ศ. 2568 ซึ่งอยู่ที่ 93.82 คะแนน จากหน่วยงานที่เข้ารับการประเมิน 8,317 หน่วยงาน",
        ),
        (
            "en",
            "results/2568",
            "The total of 99.37 is above the national average for FY2025 (B.E. 2568), 93.82, across 8,317 agencies assessed.",
        ),
    ],
)
def test_pages_place_the_total_beside_the_national_average(seed_site, lang, url, words):
    html = page(seed_site, lang, url).read_text(encoding="utf-8")
    assert words in html and f'<a href="{SOURCE}" title="' in html


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("th", "ค่าเฉลี่ยนี้คำนวณโดยเว็บไซต์นี้ ไม่ใช่ตัวเลขที่สำนักงาน ป.ป.ช. ประกาศ ค่าเฉลี่ยปี 2568 (93.82) ลบ 0.77"),
        (
            "en",
            "This average is worked out by this site; the NACC has not published it. It is the 2568 average (93.82) less",
        ),
    ],
)
def test_a_derived_national_average_says_so_beside_it(seed_site, lang, words):
    text = text_of(page(seed_site, lang, "results/2567"))
    assert "93.05" in text and words in text


def test_a_derived_national_average_is_not_drawn_in_the_chart(seed_site):
    html = page(seed_site, "en", "").read_text(encoding="utf-8")
    chart = html[html.index('id="chart-totals"') : html.index("</figure>", html.index('id="chart-totals"'))]
    assert "93.82" in chart and "93.05" not in chart  # a chart has no sentence beside it to say "derived"


def test_the_totals_chart_marks_the_national_average_of_its_year(seed_site):
    html = page(seed_site, "th", "").read_text(encoding="utf-8")
    chart = html[html.index('id="chart-totals"') : html.index("</figure>", html.index('id="chart-totals"'))]
    assert chart.count('class="ita-chart__mark"') == 2  # the 2568 row's mark and its legend
    assert "ค่าเฉลี่ยทั้งประเทศ: ปีงบประมาณ พ.ศ. 2568: 93.82" in chart


@pytest.mark.parametrize(
    ("lang", "cited"),
    [
        ("th", 'ค่าเฉลี่ยทั้งประเทศ: <a href="{url}" title="{headline}">มติชน (18 สิงหาคม 2568) อ้างคำแถลงของกรรมการ'),
        ("en", 'national average: <a href="{url}" title="{headline}">Matichon (18 August 2025), quoting the NACC'),
    ],
)
def test_the_totals_chart_cites_the_national_source_as_the_sentence_does(seed_site, lang, cited):
    """The outlet, the date and whom it quotes; the headline, which names another agency's score, only in the
    link's title."""
    html = page(seed_site, lang, "").read_text(encoding="utf-8")
    chart = html[html.index('id="chart-totals"') : html.index("</figure>", html.index('id="chart-totals"'))]
    title = load_dataset(DATA, PROJECT).national[2568].source.title
    headline = title.th if lang == "th" else title.en
    assert cited.format(url=SOURCE, headline=headline) in chart
    assert chart.count(headline) == 1  # in the title only, never as the link's text


@pytest.mark.build
def test_a_site_without_national_figures_shows_none(tmp_path):
    from support.build import build_site

    out = tmp_path / "site"
    assert build_site(out, PROJECT / "tests/fixtures/agency-b/data").returncode == 0
    home = (out / "th/index.html").read_text(encoding="utf-8")
    assert "ita-national" not in home and "ita-chart__mark" not in home
