"""Every indicator and every tool has a page of its own in each language: what it is, the agency's score in
every year (chart and table, with the change), the measures that name it, a CSV of just that series, and a
citation. Results and comparison pages link their indicator and tool names to these pages, and every page
with figures ends with a citation that carries its own address under any SITE_URL."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import urllib.request
from decimal import Decimal

import pytest
from support.build import SUBPATH_ROOT
from support.site import page, parse, text_of

from itasite.scoring import score_dataset
from itasite.site.cite import citation
from itasite.site.locale import load_locale
from itasite.site.series import indicator_series, tool_series

LANGS = ("th", "en")
SERIES = [*map(str, range(1, 11)), "iit", "eit", "oit"]
SITE = "https://muangpan.github.io/ita/"  # the seed's site_url in agency.yml
EXPECTED = {
    "6": [("2567", "95.24", ""), ("2568", "98.57", "+3.33")],
    "eit": [("2567", "91.09", ""), ("2568", "97.91", "+6.82")],
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("key", SERIES)
def test_every_indicator_and_tool_has_a_page_with_chart_table_csv_and_citation(seed_site, lang, key):
    path = page(seed_site, lang, f"indicators/{key}")
    html = path.read_text(encoding="utf-8")
    links = parse(path)
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in html and 'role="img"' in html
    assert '<table class="ita-table">' in html and html.count("<tr>") >= 3  # the header and a row for each year
    csv_name = f"ita-series-{key}.csv"
    assert f"../../data/{csv_name}" in links.addresses
    rows = list(csv.DictReader(io.StringIO((seed_site / lang / "data" / csv_name).read_bytes().decode("utf-8-sig"))))
    assert [row["year_be"] for row in rows] == ["2567", "2568"] and {row["series"] for row in rows} == {key.upper()}
    if key in EXPECTED:
        assert [(row["year_be"], row["value"], row["change"]) for row in rows] == EXPECTED[key]
    assert [row["year_level_en"] for row in rows] == ["Good", "Excellent"]  # the level of the year, named so
    assert f"{SITE}{lang}/indicators/{key}/" in text_of(path)  # the citation gives the page's own address
    assert 'class="ita-cite__bibtex"' in html and "@misc{ita-indicators-" in html


@pytest.mark.parametrize("lang", LANGS)
def test_the_indicators_are_in_the_navigation_and_on_their_index(seed_site, lang):
    index = parse(page(seed_site, lang, "indicators"))
    for key in SERIES:
        assert f"{key}/" in index.addresses
    home = parse(page(seed_site, lang, ""))
    assert "indicators/" in home.addresses  # the navigation of every page leads to the section


@pytest.mark.parametrize("lang", LANGS)
def test_results_and_comparison_pages_link_indicator_and_tool_names(seed_site, lang):
    results = set(parse(page(seed_site, lang, "results/2568")).addresses)
    comparison = parse(page(seed_site, lang, "results/2567-2568")).addresses
    for number in range(1, 11):
        assert f"../../indicators/{number}/" in results and f"../../indicators/{number}/" in comparison
    assert {"../../indicators/iit/", "../../indicators/eit/", "../../indicators/oit/"} <= results


@pytest.mark.parametrize("lang", LANGS)
def test_an_indicator_page_lists_the_measures_that_name_it_as_the_sites_reading(seed_site, lang):
    links = parse(page(seed_site, lang, "indicators/6")).addresses
    assert "../../measures/2568/01-service-standards/" in links  # it names indicators 1, 6 and 8
    assert "../../measures/2568/02-ethics-code/" not in links  # 1 and 10
    note = {
        "th": "มาตรการที่เว็บไซต์นี้จัดกลุ่มไว้กับตัวชี้วัดนี้ (รายงานไม่ได้ระบุว่ามาตรการใดตรงกับตัวชี้วัดใด",
        "en": "Measures this site groups with this indicator (the report does not link measures to indicators",
    }[lang]
    assert note in text_of(page(seed_site, lang, "indicators/6"))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("url", ["", "results/2568", "results/2567-2568", "downloads", "indicators/iit"])
def test_every_page_with_figures_ends_with_its_citation(seed_site, lang, url):
    html = page(seed_site, lang, url).read_text(encoding="utf-8")
    assert html.count('class="ita-cite__text"') == 1
    assert f"{SITE}{lang}/{url}{'/' if url else ''}" in text_of(page(seed_site, lang, url))
    assert html.rindex('class="ita-cite"') > html.rfind("<table")  # it ends the page, after any table


def test_the_citation_carries_the_address_the_site_is_published_at(subpath_site):
    with urllib.request.urlopen(f"{subpath_site}/ita/en/indicators/6/") as response:
        html = response.read().decode("utf-8")
    assert f"{SUBPATH_ROOT}en/indicators/6/" in html and SITE not in html


CITATIONS = {
    "a plain title, dated": (
        ("ตัวชี้วัดที่ 6", 2568, dt.date(2026, 12, 1)),
        "เทศบาล. ตัวชี้วัดที่ 6 ปีงบประมาณ พ.ศ. 2568. ",
        "year = {2026}",
    ),
    "the year already in the title is not said twice": (
        ("ผลการประเมิน ITA ปีงบประมาณ พ.ศ. 2568", 2568, None),
        "เทศบาล. ผลการประเมิน ITA ปีงบประมาณ พ.ศ. 2568. ",
        "year = {2025}",
    ),
    "LaTeX's characters escaped in BibTeX": (
        ("50% & {more}_", None, None),
        "เทศบาล. 50% & {more}_. ",
        r"50\% \& \{more\}\_",
    ),
}


@pytest.mark.parametrize("case", CITATIONS)
def test_a_citation_in_its_three_forms(case):
    (title, year, changed), text, bibtex = CITATIONS[case]
    cited = citation(load_locale("th"), "เทศบาล", title, year, "https://example.org/th/x/", "x/", changed)
    assert cited.text.startswith(text) and cited.text.endswith(
        "https://example.org/th/x/ ("
        + (f"ปรับปรุงข้อมูลล่าสุดเมื่อ {changed.day} ธันวาคม 2569)" if changed else "ไม่มีประวัติการเปลี่ยนแปลงข้อมูล)")
    )
    assert bibtex in cited.bibtex and cited.bibtex.startswith("@misc{ita-x,\n  author = {{เทศบาล}},")
    assert cited.ris.splitlines()[0] == "TY  - DATA" and cited.ris.endswith("ER  - ")
    assert ("DA  - 2026-12-01" in cited.ris) == bool(changed)


def test_a_series_holds_only_the_years_scored_on_the_current_set(seed):
    from itasite.data.models import Results, Stated

    results = {**seed.results, 2566: Results(year=2566, stated=Stated(total="90.00", level="a"))}
    scored = score_dataset(dataclasses.replace(seed, results=results))
    assert sorted(scored.scores) == [2566, 2567, 2568]
    assert indicator_series(scored, 6).years == [2567, 2568]  # the total-only year has no indicator to show
    assert [point.change for point in tool_series(scored, "EIT").points] == [None, Decimal("6.82")]


def test_the_copy_button_copies_the_citation_and_without_scripts_the_text_is_there(browser, served_site):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page_ = context.new_page()
    page_.goto(f"{served_site}/en/indicators/6/")
    button = page_.locator("button.ita-copy").first
    button.click()
    page_.wait_for_function("() => document.querySelector('button.ita-copy').textContent === 'Copied'")
    copied = page_.evaluate("navigator.clipboard.readText()")
    assert copied == page_.locator(".ita-cite__text").inner_text().strip()
    assert copied.startswith("Mueang Pan Subdistrict Municipality. Indicator 6: Quality of Operations, FY2025")
    context.close()
    still = browser.new_context(java_script_enabled=False)
    plain = still.new_page()
    plain.goto(f"{served_site}/en/indicators/6/")
    assert plain.locator("button.ita-copy").count() == 0 and plain.locator(".ita-cite__text").is_visible()
    still.close()
