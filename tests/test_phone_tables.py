"""Tables on a phone (390 CSS px wide, an iPhone 12–15): on the home, results, comparison and measures pages no
page scrolls sideways, and no table cell, caption or note reaches past the right edge of the screen, in either
language. A wide table becomes stacked rows, each value with its column's name, and the note of the measures
table is a paragraph above it, never a caption cut off by the edge."""

from __future__ import annotations

import pytest

PAGES = ["", "results/2567", "results/2568", "results/2567-2568", "measures", "measures/2568"]
PHONE = {"width": 390, "height": 844}
# What reaches past the screen: the page's own width against the screen's, and every cell, caption and note
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth
  const past = [...document.querySelectorAll(
    ".md-content td, .md-content th, .md-content caption, .md-content p")]
    .filter(element => element.getClientRects().length)
    .filter(element => element.getBoundingClientRect().right > width + 0.5)
    .map(element => element.tagName + ": " + element.textContent.trim().slice(0, 60))
  return {page: document.documentElement.scrollWidth, screen: width, past: past}
}"""


def address(root: str, lang: str, path: str) -> str:
    """The served address of a page."""
    return f"{root.rstrip('/')}/{lang}/" + (f"{path}/" if path else "")


@pytest.fixture(scope="module")
def phone(browser):
    """One page of Chromium at a phone's width, for every page of this module."""
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_nothing_reaches_past_a_phone_screen(phone, served_site, lang, path):
    phone.goto(address(served_site, lang, path))
    found = phone.evaluate(OVERFLOW)
    assert found["page"] <= found["screen"], found
    assert found["past"] == [], found


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_measures_note_is_a_paragraph_above_the_table(phone, served_site, lang):
    phone.goto(address(served_site, lang, "measures/2568"))
    note = phone.locator(".ita-table-note").first
    assert note.is_visible()
    table = phone.locator("table.ita-table").first
    assert note.bounding_box()["y"] < table.bounding_box()["y"]
    assert "caption" not in note.evaluate("element => element.closest('caption') ? 'caption' : ''")


def test_a_stacked_row_names_each_value(phone, served_site):
    phone.goto(address(served_site, "en", "results/2567-2568"))
    cell = phone.locator("table.ita-table td[data-label]").first
    label = cell.evaluate("element => getComputedStyle(element, '::before').content")
    assert label.strip('"') == cell.get_attribute("data-label") + ": "
