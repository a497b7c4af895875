"""The hub of `build-all`: find an agency by part of its name, district or province (Thai or English, with Thai
typed in any order of its marks), sort by total, and the national average beside the agencies; in Chromium,
under a strict Content-Security-Policy, with no request off the site."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from support.browser import AXE, RECORD_VIOLATIONS, serious_problems
from support.build import PROJECT, make_synthetic
from support.http import serving_with_policy

from itasite.pipeline import prepare
from itasite.site.hub import render_hub, write_hub

POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; form-action 'none'"
# The four synthetic agencies (bench/synthetic.py): number → Thai name, province
AGENCIES = {
    "agency-001": "องค์การบริหารส่วนตำบลทุ่งงาม",  # Lampang
    "agency-002": "เทศบาลเมืองหนองบัว",  # Lampang
    "agency-003": "เทศบาลตำบลวังทอง",  # Lamphun
    "agency-004": "องค์การบริหารส่วนตำบลป่าตัน",  # Lamphun
}


@pytest.fixture(scope="module")
def agencies(tmp_path_factory):
    """Four synthetic agencies of one year, scored in-process (no site is built: the hub needs only their data)."""
    folder = tmp_path_factory.mktemp("agencies")
    make_synthetic(folder, years=1, agencies=4)
    return {name: prepare(folder / name / "data", PROJECT) for name in sorted(AGENCIES)}


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("th", ["ค่าเฉลี่ยทั้งประเทศ (8,317 หน่วยงาน)", "93.82", "ของปีงบประมาณ พ.ศ. 2568", "อำเภอวังทอง"]),
        ("en", ["National average (8,317 agencies)", "93.82", "average of FY2025 (B.E. 2568)", "Wang Thong District"]),
    ],
)  # fmt: skip
def test_the_hub_shows_the_national_average_with_its_source_and_each_district(agencies, lang, expected):
    html = render_hub(agencies, ["th", "en"], [])[f"{lang}/index.html"]
    for text in expected:
        assert text in html, text
    assert 'href="https://www.matichon.co.th/politics/news_5328750"' in html
    assert html.count('<tr data-province="') == 4 and html.count("data-national") == 1


def test_every_row_carries_its_names_in_both_languages_for_the_search(agencies):
    html = render_hub(agencies, ["th", "en"], [])["th/index.html"]
    searches = re.findall(r'data-search="([^"]*)"', html)
    assert len(searches) == 4
    assert any("เทศบาลเมืองหนองบัว" in s and "Nong Bua Town Municipality" in s and "Lampang" in s for s in searches)


def test_the_hub_has_no_national_row_without_a_national_average(agencies):
    without = {name: replace(s, dataset=replace(s.dataset, national={})) for name, s in agencies.items()}
    html = render_hub(without, ["th"], [])["th/index.html"]
    assert "data-national" not in html and "hub-national-source" not in html


def shown(page) -> list[str]:
    """The names of the agencies the table shows, in order (the national row apart)."""
    return page.eval_on_selector_all(
        ".hub-table tbody tr:not([hidden]):not([data-national]) th", "cells => cells.map(c => c.textContent.trim())"
    )


@pytest.mark.parametrize(
    ("lang", "query", "expected"),
    [
        ("th", "หนองบัว", ["agency-002"]),  # a fragment of a Thai name
        ("th", " หนอง  บัว ", ["agency-002"]),  # spaces anywhere
        ("th", "ท\u0e48\u0e38งงาม", ["agency-001"]),  # ทุ่ง with its tone mark typed before its vowel
        ("th", "ต\u0e4d\u0e32บลป่าตัน", ["agency-004"]),  # ำ typed as its two parts, ํ and า
        ("th", "Lamphun", ["agency-003", "agency-004"]),  # an English province on the Thai page
        ("th", "lampang province", ["agency-001", "agency-002"]),
        ("en", "วังทอง", ["agency-003"]),  # a Thai district on the English page
        ("en", "wang thong district", ["agency-003"]),
        ("en", "เชียงใหม่", []),
    ],
)
def test_typing_in_the_hub_search_box_shows_the_matching_agencies(browser, agencies, tmp_path, lang, query, expected):
    write_hub(tmp_path, agencies, ["th", "en"], [])
    with serving_with_policy(tmp_path, POLICY) as url:
        page = browser.new_page()
        page.add_init_script(RECORD_VIOLATIONS)
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(f"{url}/{lang}/")
        page.get_by_role("searchbox").fill(query)
        names = [agencies[name].dataset.agency.name for name in expected]
        wanted = [name.th if lang == "th" else name.en for name in names]
        assert sorted(shown(page)) == sorted(wanted)  # the table's order is by province, then name
        assert page.locator(".hub-filters output").text_content() == f"{len(expected)} / 4"
        national = page.locator("tr[data-national]")
        assert national.is_visible() and "93.82" in national.text_content()  # always beside what is found
        assert page.evaluate("window.__violations") == []
        assert all(address.startswith(url) for address in requests), requests
        page.close()


def test_the_hub_table_sorts_by_total_with_the_national_average_among_the_agencies(browser, agencies, tmp_path):
    write_hub(tmp_path, agencies, ["th", "en"], [])
    totals = {name: scored.scores[max(scored.scores)].total for name, scored in agencies.items()}
    with serving_with_policy(tmp_path, POLICY) as url:
        page = browser.new_page()
        page.goto(f"{url}/en/")
        page.get_by_role("button", name="Total").click()
        cells = page.eval_on_selector_all(".hub-table tbody tr td.hub-num", "cells => cells.map(c => c.textContent)")
        figures = [float(cell.replace("*", "").strip()) for cell in cells]
        assert figures == sorted(figures) and len(figures) == 5  # the four agencies and the national average
        assert 93.82 in figures and {float(total) for total in totals.values()} <= set(figures)
        page.get_by_role("button", name="Total").click()
        cells = page.eval_on_selector_all(".hub-table tbody tr td.hub-num", "cells => cells.map(c => c.textContent)")
        assert [float(cell.replace("*", "").strip()) for cell in cells] == sorted(figures, reverse=True)
        page.close()


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("viewport", [{"width": 390, "height": 844}, {"width": 1280, "height": 800}])
def test_the_hub_with_its_search_box_passes_axe(browser, agencies, tmp_path, lang, viewport):
    assert AXE.is_file(), "axe-core is missing: `make test` installs it with npm"
    write_hub(tmp_path, agencies, ["th", "en"], [])
    with serving_with_policy(tmp_path, POLICY) as url:
        context = browser.new_context(viewport=viewport)
        context.add_init_script(path=str(AXE))
        page = context.new_page()
        page.goto(f"{url}/{lang}/")
        page.get_by_role("searchbox").fill("ลำปาง")  # with rows hidden, as a reader leaves it
        problems = serious_problems(page, f"hub {lang} {viewport['width']}")
        context.close()
    assert not problems, "\n".join(problems)
