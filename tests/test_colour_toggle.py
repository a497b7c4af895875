"""The colour toggle (overrides/partials/colour-toggle.html) in Chromium: it leaves a page as Material's own
palette script does, from the system's colours and from a saved choice, on each toggle by pointer or by
Enter, when the system's colours change, and with Material's automatic palette; and Material's script no
longer runs it."""

from __future__ import annotations

import re
from functools import cache, partial

import jinja2
import pytest
from support.browser import serve_pages_changed
from support.build import MATERIAL_TEMPLATES, PROJECT

OURS = re.compile(r'(<form class="md-header__option") data-ita-palette>(.*?</form>)\s*<script>.*?</script>', re.S)
# Material's documented palette that follows the system, then light, then dark
AUTOMATIC = [
    {"media": "(prefers-color-scheme)", "toggle": {"icon": "material/brightness-auto", "name": "to light"}},
    {
        "media": "(prefers-color-scheme: light)",
        "scheme": "default",
        "primary": "indigo",
        "toggle": {"icon": "material/brightness-7", "name": "to dark"},
    },
    {
        "media": "(prefers-color-scheme: dark)",
        "scheme": "slate",
        "primary": "teal",
        "toggle": {"icon": "material/brightness-4", "name": "to system"},
    },
]
# What the reader's page shows of the palette: the colours on <body>, the toggle shown, the two <meta> tags,
# the saved choice and where the keyboard's focus is
STATE = """() => ({
  body: ["media", "scheme", "primary", "accent"].map(key => document.body.getAttribute("data-md-color-" + key)),
  shown: [...document.querySelectorAll(".md-header__option label")].map(label => !label.hidden),
  meta: ["color-scheme", "theme-color"].map(name =>
    [...document.querySelectorAll(`meta[name="${name}"]`)].map(meta => meta.content).filter(Boolean)),
  saved: JSON.parse(localStorage.getItem(new URL(__md_scope).pathname + ".__palette")),
  focused: document.activeElement.id,
  mounted: document.querySelectorAll('[data-md-component="palette"]').length,
})"""


def as_material_runs_it(url: str, html: str) -> str:
    """The page with Material's palette partial as Material writes it, for Material's script to run."""
    html, found = OURS.subn(r'\1 data-md-component="palette">\2', html)
    assert found == 1, url
    return html


@cache
def automatic_toggle() -> str:
    """The toggle the partial writes for AUTOMATIC, rendered from the project's and Material's templates as the
    build would render them."""
    loader = jinja2.FileSystemLoader([PROJECT / "overrides", MATERIAL_TEMPLATES])
    template = jinja2.Environment(loader=loader, autoescape=True).get_template("partials/colour-toggle.html")
    return template.render(config={"theme": {"palette": AUTOMATIC}}).strip()


def with_automatic_palette(url: str, html: str) -> str:
    """The page with the toggle for AUTOMATIC in place of the site's own."""
    html, found = OURS.subn(lambda _: automatic_toggle(), html)
    assert found == 1, url
    return html


def changed(changes: list, url: str, html: str) -> str:
    """The page as each of `changes` in turn leaves it."""
    for change in changes:
        html = change(url, html)
    return html


def toggle(page, how: str) -> None:
    """One step of a reader's: a tap on the toggle shown, Enter on the focused toggle, or the system's colours
    set to light or dark."""
    if how == "tap":
        page.locator(".md-header__option label:not([hidden])").click()
    elif how == "enter":
        if not page.evaluate("document.activeElement.matches('.md-header__option input')"):
            page.locator(".md-header__option input").first.focus()
        page.keyboard.press("Enter")
    else:
        page.emulate_media(color_scheme=how)
    # The page hears of a change of the system's colours at its next rendering step, however busy the machine:
    # two animation frames have passed once its handlers have run; then the transitions' time.
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    page.wait_for_timeout(100)


def palette_after(browser, url: str, system: str, steps: list[str], material: bool, automatic: bool) -> list[dict]:
    """The palette's state on a page opened with the system's colours `system`, after each of `steps` and
    then a reload (the saved choice)."""
    context = browser.new_context(viewport={"width": 390, "height": 800}, color_scheme=system)
    changes = [with_automatic_palette] * automatic + [as_material_runs_it] * material
    if changes:
        serve_pages_changed(context, partial(changed, changes))
    page = context.new_page()
    page.goto(url, wait_until="load")
    states = [page.evaluate(STATE)]
    for step in steps:
        toggle(page, step)
        states.append(page.evaluate(STATE))
    page.reload(wait_until="load")
    page.wait_for_timeout(100)
    states.append(page.evaluate(STATE))
    context.close()
    return states


def same_as_materials(browser, url: str, system: str, steps: list[str], automatic: bool = False) -> list[dict]:
    """The states of the page with the project's toggle, checked equal to those Material's script leaves."""
    ours = palette_after(browser, url, system, steps, material=False, automatic=automatic)
    theirs = palette_after(browser, url, system, steps, material=True, automatic=automatic)
    assert all(state["mounted"] == 0 for state in ours)
    assert all(state["mounted"] == 1 for state in theirs)
    assert [{**state, "mounted": None} for state in ours] == [{**state, "mounted": None} for state in theirs]
    return ours


@pytest.mark.parametrize("how", ["tap", "enter"])
@pytest.mark.parametrize("system", ["light", "dark"])
@pytest.mark.parametrize("path", ["th/", "en/results/2567-2568/"])
def test_the_toggle_leaves_the_page_as_materials_script_does(browser, served_site, path, system, how):
    ours = same_as_materials(browser, f"{served_site}/{path}", system, [how, how])
    first = "slate" if system == "dark" else "default"
    other = {"slate": "default"}.get(first, "slate")
    assert [state["body"][1] for state in ours] == [first, other, first, first]


@pytest.mark.parametrize("system", ["light", "dark"])
def test_a_change_of_the_systems_colours_is_handled_as_materials_script_handles_it(browser, served_site, system):
    other = {"light": "dark"}.get(system, "light")
    ours = same_as_materials(browser, f"{served_site}/th/", system, [other, "tap", system])
    # Material saves the palette it starts with, so a light or dark palette stays when the system changes
    # (only the automatic one follows it, below), until the reader toggles
    scheme = {"light": "default", "dark": "slate"}
    assert [state["body"][1] for state in ours] == [scheme[value] for value in (system, system, other, other, other)]


def test_the_automatic_palette_follows_the_system_as_materials_script_does(browser, served_site):
    ours = same_as_materials(
        browser, f"{served_site}/en/", "light", ["dark", "enter", "enter", "enter", "light"], automatic=True
    )
    palettes = [(state["body"][0], state["body"][1], state["body"][2]) for state in ours]
    assert palettes == [
        ("(prefers-color-scheme)", "default", "indigo"),  # automatic, system light
        ("(prefers-color-scheme)", "slate", "teal"),  # automatic follows the system to dark
        ("(prefers-color-scheme: light)", "default", "indigo"),
        ("(prefers-color-scheme: dark)", "slate", "teal"),
        ("(prefers-color-scheme)", "slate", "teal"),  # back to automatic, system still dark
        ("(prefers-color-scheme)", "default", "indigo"),  # and it follows the system back to light
        ("(prefers-color-scheme)", "default", "indigo"),  # the saved choice, after a reload
    ]
