"""Driving the site's search box in Chromium (Playwright pages)."""

from __future__ import annotations


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
