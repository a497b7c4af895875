"""Driving the site in Chromium (Playwright pages): its search box, and pages served changed."""

from __future__ import annotations

from collections.abc import Callable


def search(page, query: str) -> list[str]:
    """Type `query` into Material's search box and return the result pages' paths, best first."""
    box = page.locator("input.md-search__input")
    box.fill("")
    box.press("End")
    page.wait_for_function("() => !document.querySelector('.md-search-result__list li')")
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
