"""axe-core on every built page, both languages, at phone and desktop widths and in the dark scheme:
no serious or critical violation of the WCAG 2.1 A and AA rules. Failures name the rule, page and element."""

from __future__ import annotations

import pytest

from conftest import PROJECT

AXE = PROJECT / "node_modules/axe-core/axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
VIEWS = {
    "phone": ({"width": 390, "height": 844}, "light"),
    "desktop": ({"width": 1280, "height": 900}, "light"),
    "phone-dark": ({"width": 390, "height": 844}, "dark"),
}


def pages(site) -> list[str]:
    found = [p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.parent.name != "search"]
    return sorted(path.removesuffix("index.html") for path in found if path.startswith(("th/", "en/")))


@pytest.mark.parametrize("view", VIEWS)
def test_no_serious_violations(browser, served_site, subpath_site, seed_site, view):
    assert AXE.is_file(), "axe-core is missing: `make test` installs it with npm"
    viewport, scheme = VIEWS[view]
    context = browser.new_context(viewport=viewport, color_scheme=scheme)
    problems, checked = [], 0
    for path in pages(seed_site):
        page = context.new_page()
        # 404 pages link from the site's root path, so they are opened where that path is served
        url = f"{subpath_site}/ita/{path}" if path.endswith("404.html") else f"{served_site}/{path}"
        page.goto(url, wait_until="load")
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG)
        for violation in result["violations"]:
            if violation["impact"] in ("serious", "critical"):
                rule = f"{violation['id']} ({violation['impact']})"
                problems += [
                    f"{path} [{view}] {rule}: {node['target']} {node['html'][:120]}" for node in violation["nodes"][:3]
                ]
        checked += 1
        page.close()
    context.close()
    print(f"\naxe {view}: {checked} pages, {len(problems)} serious or critical problems")
    assert not problems, "\n".join(problems[:40])
