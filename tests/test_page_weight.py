"""First visit of every page with a cold cache, in Chromium at phone size: everything the page downloads
stays within 450 KB, also once the reader opens search (which then downloads the search worker and index),
and nothing is requested from another site. The index waits until search is opened."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from support.http import wait_for

BUDGET_KB = 450
SEARCH_DOWNLOADS = ("search/search_index.json", "workers/material-search")  # what opening search loads


def first_visit(browser, url: str) -> tuple[dict[str, int], dict[str, int]]:
    """Bytes of every response a fresh browser context receives while opening `url`, and then also while
    opening search on it (the search icon of the phone layout); the second is empty on pages without search."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    received: dict[str, int] = {}
    page.on("response", lambda response: received.__setitem__(response.url, len(response.body())))
    page.goto(url, wait_until="load")
    page.wait_for_timeout(300)  # the scripts' own requests (Material starts its search worker on load)
    on_load = dict(received)
    searched: dict[str, int] = {}
    if page.evaluate("() => Boolean(document.forms.namedItem('search'))"):
        page.click("label.md-header__button[for=__search]")
        arrived = wait_for(
            lambda: all(any(part in address for address in received) for part in SEARCH_DOWNLOADS),
            10,
            pause=0.05,
            sleep=lambda seconds: page.wait_for_timeout(seconds * 1000),  # the page's events keep arriving
        )
        assert arrived, f"{url}: {SEARCH_DOWNLOADS} never arrived; received {list(received)}"
        page.wait_for_timeout(100)  # anything still in flight
        searched = dict(received)
    context.close()
    return on_load, searched


def kilobytes(received: dict[str, int]) -> float:
    """The total size of the responses, in KB."""
    return sum(received.values()) / 1024


@pytest.mark.parametrize("lang", ["th", "en"])
def test_first_visit_of_every_page_fits_the_budget(browser, served_site, seed_site, lang):
    pages = sorted(p.parent.relative_to(seed_site / lang).as_posix() for p in (seed_site / lang).rglob("index.html"))
    assert "changes" in pages  # the page of the data's changes too
    heaviest = {"page": (0.0, ""), "page and search": (0.0, "")}
    for path in pages:
        url = f"{served_site}/{lang}/" + ("" if path == "." else f"{path}/")
        on_load, searched = first_visit(browser, url)
        foreign = [a for a in {**on_load, **searched} if urlparse(a).netloc != urlparse(served_site).netloc]
        assert not foreign, f"{url} requested {foreign}"
        waiting = [address for address in on_load if any(part in address for part in SEARCH_DOWNLOADS)]
        assert not waiting, f"{url} downloaded {waiting} before search was opened"
        if not path.startswith("report/"):  # the printable report is the one page without search
            assert searched, f"{url}: no search"
        for name, received in (("page", on_load), ("page and search", searched)):
            total = kilobytes(received)
            heaviest[name] = max(heaviest[name], (total, url))
            assert total <= BUDGET_KB, (
                f"{url} ({name}): {total:.0f} KB > {BUDGET_KB} KB: {sorted(received.items(), key=lambda x: -x[1])[:5]}"
            )
    for name, (total, url) in heaviest.items():
        print(f"\n{lang}: {len(pages)} pages, heaviest first visit ({name}) {total:.0f} KB ({url})")


def test_a_search_link_opens_with_its_results(browser, served_site):
    """`?q=` links (which Material's share button makes) load the index at once and show the results."""
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(f"{served_site}/th/measures/?q=ผลประโยชน์ทับซ้อน")
    page.wait_for_selector("li.md-search-result__item", timeout=10_000)
    paths = page.locator("li.md-search-result__item > a.md-search-result__link").evaluate_all(
        "links => links.map(link => new URL(link.href).pathname)"
    )
    assert paths[0] == "/th/measures/2568/06-conflict-of-interest/"
    page.close()
