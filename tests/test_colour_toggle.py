"""The colour toggle (overrides/partials/colour-toggle.html) in Chromium: it leaves a page as Material's own
palette script does, from the system's colours and from a saved choice, and on each toggle; and Material's
script no longer runs it."""

from __future__ import annotations

import re

import pytest
from support.browser import serve_pages_changed

OURS = re.compile(r'(<form class="md-header__option") data-ita-palette>(.*?</form>)\s*<script>.*?</script>', re.S)
# What the reader's page shows of the palette: the colours on <body>, the toggle shown, the two <meta> tags
# and the saved choice
STATE = """() => ({
  body: ["media", "scheme", "primary", "accent"].map(key => document.body.getAttribute("data-md-color-" + key)),
  shown: [...document.querySelectorAll(".md-header__option label")].map(label => !label.hidden),
  meta: ["color-scheme", "theme-color"].map(name =>
    [...document.querySelectorAll(`meta[name="${name}"]`)].map(meta => meta.content).filter(Boolean)),
  saved: JSON.parse(localStorage.getItem(new URL(__md_scope).pathname + ".__palette")),
  mounted: document.querySelectorAll('[data-md-component="palette"]').length,
})"""


def as_material_runs_it(url: str, html: str) -> str:
    """The page with Material's palette partial as Material writes it, for Material's script to run."""
    html, found = OURS.subn(r'\1 data-md-component="palette">\2', html)
    assert found == 1, url
    return html


def palette_after(browser, url: str, system: str, clicks: int, material: bool) -> dict:
    """The palette's state on a page opened with the system's colours `system`, after `clicks` toggles and
    then a reload (the saved choice)."""
    context = browser.new_context(viewport={"width": 390, "height": 800}, color_scheme=system)
    if material:
        serve_pages_changed(context, as_material_runs_it)
    page = context.new_page()
    page.goto(url, wait_until="load")
    states = [page.evaluate(STATE)]
    for _ in range(clicks):
        page.locator(".md-header__option label:not([hidden])").click()
        page.wait_for_timeout(100)
        states.append(page.evaluate(STATE))
    page.reload(wait_until="load")
    page.wait_for_timeout(100)
    states.append(page.evaluate(STATE))
    context.close()
    return states


@pytest.mark.parametrize("system", ["light", "dark"])
@pytest.mark.parametrize("path", ["th/", "en/results/2567-2568/"])
def test_the_toggle_leaves_the_page_as_materials_script_does(browser, served_site, path, system):
    ours = palette_after(browser, f"{served_site}/{path}", system, clicks=2, material=False)
    theirs = palette_after(browser, f"{served_site}/{path}", system, clicks=2, material=True)
    first = "slate" if system == "dark" else "default"
    assert ours[0]["body"][1] == first
    assert [state["body"][1] for state in ours] == [first, {"slate": "default"}.get(first, "slate"), first, first]
    assert all(state["mounted"] == 0 for state in ours)
    assert all(state["mounted"] == 1 for state in theirs)
    assert [{**state, "mounted": None} for state in ours] == [{**state, "mounted": None} for state in theirs]
