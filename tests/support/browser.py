"""Driving the site in Chromium (Playwright pages): its search box, pages served changed, and axe-core."""

from __future__ import annotations

import re
from collections.abc import Callable

from support.build import MATERIAL_TEMPLATES, PROJECT

AXE = PROJECT / "node_modules/axe-core/axe.min.js"  # installed by `make test` (npm ci)
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]  # the rules axe checks: WCAG 2.1, levels A and AA
# Run before a page's own scripts: keeps every Content-Security-Policy violation in window.__violations
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", e => {
  window.__violations.push(e.violatedDirective + " " + e.blockedURI);
});
"""
# A wait of three animation frames: what Material's scripts schedule for the next frame has been drawn
NEXT_FRAMES = """() => new Promise(done => {
  let frames = 3;
  const next = () => (--frames ? requestAnimationFrame(next) : done());
  requestAnimationFrame(next);
})"""
# What Material's search shows once it has answered an empty query ("Type to start searching"), per language
PLACEHOLDER = re.compile(r'"search\.result\.placeholder": "([^"]+)"')
PLACEHOLDERS = [
    PLACEHOLDER.search((MATERIAL_TEMPLATES / f"partials/languages/{lang}.html").read_text("utf-8"))[1]
    for lang in ("th", "en")
]


def search(page, query: str) -> list[str]:
    """Type `query` into Material's search box and return the result pages' paths, best first."""
    box = page.locator("input.md-search__input")
    box.fill("")
    box.press("End")
    # Material shows an answer against what the box holds when it arrives: the empty query's, arriving after
    # `query` is typed, would read "No matching documents" under it. So its answer is waited for first.
    page.wait_for_function(
        "placeholders => !document.querySelector('.md-search-result__list li') &&"
        " placeholders.includes(document.querySelector('.md-search-result__meta').textContent.trim())",
        arg=PLACEHOLDERS,
    )
    box.fill(query)
    box.press("End")
    page.wait_for_function(
        "() => document.querySelector('.md-search-result__list li') ||"
        " /^(No|ไม่)/.test(document.querySelector('.md-search-result__meta').textContent.trim())"
    )
    paths = page.locator("li.md-search-result__item > a.md-search-result__link").evaluate_all(
        "links => links.map(link => new URL(link.href).pathname)"
    )
    return list(dict.fromkeys(paths))  # a page's sections are listed under it: count the page once


def serve_pages_changed(context, change: Callable[[str, str], str]) -> None:
    """Serve every page `context` opens as `change(url, html)` makes it; the other files as they are."""

    def changed(route) -> None:
        if route.request.resource_type != "document":
            route.fallback()
            return
        response = route.fetch()
        route.fulfill(response=response, body=change(route.request.url, response.text()))

    context.route("**/*", changed)


def serious_problems(page, where: str) -> list[str]:
    """axe's serious and critical violations of the open page (axe loaded by the context's init script),
    each as `where rule: element`, at most three elements a rule.

    A page axe finds fault with is checked again a few frames later, and what that second run finds is the
    answer: Material's scripts place the sidebars after load and again on scroll, and once (CI, 2026-12-07,
    a navigation link of disclosure/2569/o11 at desktop width) axe read the colours of such a moment. A real
    violation is there on both runs; tests/test_accessibility.py checks that one is reported."""
    problems = _axe_problems(page, where)
    if problems:
        page.evaluate(NEXT_FRAMES)
        problems = _axe_problems(page, where)
    return problems


def _axe_problems(page, where: str) -> list[str]:
    """One run of axe on the open page: its serious and critical violations, as serious_problems gives them."""
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", WCAG
    )
    return [
        f"{where} {violation['id']} ({violation['impact']}): {node['target']} {node['html'][:120]}"
        for violation in result["violations"]
        if violation["impact"] in ("serious", "critical")
        for node in violation["nodes"][:3]
    ]
