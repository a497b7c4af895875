"""axe-core on every built page (of the OIT items, the first and last of each year), both languages, at phone
and desktop widths and in the dark scheme: no serious or critical violation of the WCAG 2.1 A and AA rules.
Failures name the rule, page and element."""

from __future__ import annotations

import re

import pytest
from support.browser import AXE, serious_problems
from support.build import MATERIAL_TEMPLATES, PROJECT
from support.partials import MATERIAL_PALETTE, MATERIAL_SEARCH, SEARCH_INCLUDE, ours_from
from support.site import without_most_oit_items

VIEWS = {
    "phone": ({"width": 390, "height": 844}, "light"),
    "desktop": ({"width": 1280, "height": 900}, "light"),
    "phone-dark": ({"width": 390, "height": 844}, "dark"),
}


def pages(site, lang: str) -> list[str]:
    """Every page of one language of a built site, as paths under the site (the search's own files aside), with
    of the OIT items the first and last of a year (tests/test_disclosure_browser.py checks seven of an agency
    with files; the items are one template)."""
    found = [p.relative_to(site).as_posix() for p in (site / lang).rglob("*.html") if p.parent.name != "search"]
    return without_most_oit_items(sorted(path.removesuffix("index.html") for path in found))


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("view", VIEWS)
def test_no_serious_violations(browser, served_engine_site, subpath_engine_site, engine_site, engine, view, lang):
    """Each engine's build (MkDocs + Material, ProperDocs + MaterialX), every page."""
    assert AXE.is_file(), "axe-core is missing: `make test` installs it with npm"
    viewport, scheme = VIEWS[view]
    context = browser.new_context(viewport=viewport, color_scheme=scheme)
    context.add_init_script(path=str(AXE))  # in every page as it opens, before the page's own scripts
    page = context.new_page()  # one tab goes from page to page: each address is a new document
    problems, checked = [], 0
    assert f"{lang}/changes/" in pages(engine_site, lang)  # the page of the data's changes too
    for path in pages(engine_site, lang):
        # 404 pages link from the site's root path, so they are opened where that path is served
        url = f"{subpath_engine_site}/ita/{path}" if path.endswith("404.html") else f"{served_engine_site}/{path}"
        page.goto(url, wait_until="load")
        problems += serious_problems(page, f"{path} [{view}]")
        checked += 1
    context.close()
    print(f"\naxe {engine} {lang} {view}: {checked} pages, {len(problems)} serious or critical problems")
    assert not problems, "\n".join(problems[:40])


def test_of_the_oit_items_the_first_and_last_of_each_year_are_kept():
    paths = ["th/", "th/disclosure/2569/", "th/disclosure/2569/itas/"]
    paths += [f"th/disclosure/{year}/o{n}/" for year in (2568, 2569) for n in (1, 2, 10, 26)]
    assert without_most_oit_items(paths) == [
        "th/",
        "th/disclosure/2569/",
        "th/disclosure/2569/itas/",
        "th/disclosure/2568/o1/",
        "th/disclosure/2568/o26/",
        "th/disclosure/2569/o1/",
        "th/disclosure/2569/o26/",
    ]


def test_axe_as_loaded_finds_what_it_should(browser, tmp_path):
    """The check above loads axe the same way into each page it opens: on a page with an image without a text
    alternative and a nameless link, that axe reports both (so an axe that did not load, or reported nothing,
    fails here); a violation that stays is reported after serious_problems' second look."""
    bad = tmp_path / "bad.html"
    bad.write_text(
        '<!doctype html><html lang="en"><title>x</title><main><img src="a.png"><a href="/"></a></main></html>',
        encoding="utf-8",
    )
    context = browser.new_context()
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    page.goto(bad.as_uri(), wait_until="load")
    found = {problem.split()[1] for problem in serious_problems(page, "bad.html")}
    context.close()
    assert {"image-alt", "link-name"} <= found


def test_keyboard_reaches_the_content_with_a_visible_focus(browser, served_site):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(f"{served_site}/en/results/2567-2568/")
    reached = []
    for _ in range(60):
        page.keyboard.press("Tab")
        focus = page.evaluate(
            """() => { const e = document.activeElement, s = getComputedStyle(e);
                return [e.tagName, e.className, e.closest('article') !== null, s.outlineStyle, s.outlineWidth]; }"""
        )
        reached.append(focus)
        if focus[0] != "BODY":
            assert focus[3] != "none" and focus[4] != "0px", f"no visible focus on {focus}"
    in_content = [f for f in reached if f[2]]
    assert any(f[0] == "A" for f in in_content), "no link of the page's content was reached"
    assert any("scrollwrap" in f[1] for f in in_content), "a table was not reachable"
    page.close()


def test_thai_names_on_english_pages_are_marked(seed_site):
    html = (seed_site / "en/about/index.html").read_text(encoding="utf-8")
    assert '<span lang="th">นางสาวกรรณิการ์ เจตวิรุฬห์</span>' in html
    assert '<html lang="en"' in html


@pytest.mark.parametrize(
    ("lang", "label"),
    [("th", "เว็บไซต์เทศบาลตำบลเมืองปาน"), ("en", "Website of Mueang Pan Subdistrict Municipality")],
)
def test_the_logo_says_it_leads_to_the_agency_website(seed_site, lang, label):
    html = (seed_site / f"{lang}/measures/index.html").read_text(encoding="utf-8")
    logos = re.findall(
        r'<a href="([^"]*)" title="([^"]*)" class="md-(?:header|nav)__button md-logo" aria-label="([^"]*)"', html
    )
    assert logos == [("https://www.muangpan.go.th/", label, label)] * 2


@pytest.mark.parametrize(("partial", "comment"), [("header.html", 6), ("nav.html", 2)])
def test_overridden_partials_differ_from_material_only_in_the_logo_label_search_name_and_palette(partial, comment):
    """When Material changes one of these partials, copy it again and change the logo line (and in the header,
    the search dialog's include, the palette's lines and the search plugin's test) the same way."""
    ours = (PROJECT / "overrides/partials" / partial).read_text(encoding="utf-8").splitlines()
    material = (MATERIAL_TEMPLATES / "partials" / partial).read_text(encoding="utf-8")
    assert (MATERIAL_PALETTE in material) == (partial == "header.html")
    assert (MATERIAL_SEARCH in material) == (partial == "header.html"), "Material's search test changed: redo it"
    expected = material.splitlines()[3:]
    relabelled = ours_from(material)
    assert relabelled != expected, "Material's logo line changed: redo the override"
    assert (SEARCH_INCLUDE in material) == (partial == "header.html")
    assert ours[comment:] == relabelled


def test_material_search_dialog_still_needs_a_name():
    """Material's dialog has role="dialog" and no name: when it gets one, drop the header's filter."""
    material = (MATERIAL_TEMPLATES / "partials/search.html").read_text(encoding="utf-8")
    assert material.count('role="dialog">') == 1 and "aria-label" not in material.split('role="dialog">')[0]


@pytest.mark.parametrize(("lang", "name"), [("th", "ค้นหา"), ("en", "Search")])
def test_the_search_dialog_has_a_name(seed_site, lang, name):
    html = (seed_site / f"{lang}/index.html").read_text(encoding="utf-8")
    assert f'<div class="md-search" data-md-component="search" role="dialog" aria-label="{name}">' in html
