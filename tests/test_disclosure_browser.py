"""The OIT disclosure pages in a real browser: axe finds no serious or critical problem at either width or in
the dark scheme, and every page's first visit stays within the 300 KB budget without a request leaving the
site, for the second agency's 26 items (the seed site's own page-weight and accessibility tests walk every
page of the seed, its register's pages included)."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from support.browser import AXE, serious_problems
from support.build import PROJECT, build_site
from support.http import serving
from test_accessibility import VIEWS
from test_page_weight import weigh_pages

AGENCY_B = PROJECT / "tests/fixtures/agency-b/data"  # all 26 items, with links and kept files
PAGES = ["disclosure/2569", "disclosure/2569/itas", ".", "downloads"]
PAGES += [f"disclosure/2569/o{n}" for n in (1, 2, 3, 10, 11, 20, 26)]


@pytest.fixture(scope="module")
def oit_site(tmp_path_factory) -> Path:
    """The second agency with its register of 26 items, built for real in both languages."""
    out = tmp_path_factory.mktemp("oit-browser")
    result = build_site(out / "site", AGENCY_B, env={"SITE_URL": "https://oit.example.go.th/"})
    assert result.returncode == 0, result.stderr
    return out / "site"


@pytest.fixture(scope="module")
def served_oit(oit_site: Path) -> Iterator[str]:
    """That site over HTTP on 127.0.0.1."""
    with serving(oit_site) as url:
        yield url


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("view", VIEWS)
def test_disclosure_pages_have_no_serious_violations(browser, served_oit, view, lang):
    viewport, scheme = VIEWS[view]
    context = browser.new_context(viewport=viewport, color_scheme=scheme)
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    problems = []
    for path in PAGES:
        page.goto(f"{served_oit}/{lang}/{'' if path == '.' else path + '/'}", wait_until="load")
        problems += serious_problems(page, f"{path} [{view}]")
    context.close()
    assert not problems, "\n".join(problems[:40])


@pytest.mark.parametrize("lang", ["th", "en"])
def test_disclosure_pages_fit_the_budget_and_stay_on_the_site(browser, served_oit, oit_site, lang):
    weigh_pages(browser, served_oit, oit_site, lang, PAGES, "seed")


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_answer_sheet_prints_on_a4_with_every_address_and_no_navigation(browser, served_oit, lang):
    page = browser.new_page()
    page.goto(f"{served_oit}/{lang}/disclosure/2569/itas/")
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    page.close()
    box = pdf.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842), "A4 in points"
    text = re.sub(r"\s", "", "".join(p.extract_text() for p in pdf.pages))
    for address in ("https://oit.example.go.th/", "disclosure/2569/o1/", "o11-procurement-monthly.xlsx"):
        assert address in text
    assert text.count(f"https://oit.example.go.th/{lang}/") == 26, "each address once: none printed after its link"
    assert "Search" not in text and "ค้นหา" not in text, "no search box or navigation on paper"
