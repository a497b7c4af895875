"""First visit of every page with a cold cache, in Chromium at phone size: everything the page downloads,
the search worker and index included, stays within 450 KB, and nothing is requested from another site."""

from __future__ import annotations

import time
from urllib.parse import urlparse

import pytest

BUDGET_KB = 450
LAST_ARRIVALS = ("search/search_index.json", "workers/material-search")  # what search loads after the page


def first_visit(browser, url: str) -> dict[str, int]:
    """Bytes of every response a fresh browser context receives while opening `url` and starting search."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    received: dict[str, int] = {}
    page.on("response", lambda response: received.__setitem__(response.url, len(response.body())))
    page.goto(url, wait_until="load")
    deadline = time.monotonic() + 10
    searchable = page.evaluate("() => Boolean(document.forms.namedItem('search'))")
    while searchable and not all(any(part in address for address in received) for part in LAST_ARRIVALS):
        assert time.monotonic() < deadline, f"{url}: search never started; received {list(received)}"
        page.wait_for_timeout(50)
    page.wait_for_timeout(100)  # anything still in flight
    context.close()
    return received


@pytest.mark.parametrize("lang", ["th", "en"])
def test_first_visit_of_every_page_fits_the_budget(browser, served_site, seed_site, lang):
    pages = sorted(p.parent.relative_to(seed_site / lang).as_posix() for p in (seed_site / lang).rglob("index.html"))
    heaviest = (0, "")
    for path in pages:
        url = f"{served_site}/{lang}/" + ("" if path == "." else f"{path}/")
        received = first_visit(browser, url)
        foreign = [address for address in received if urlparse(address).netloc != urlparse(served_site).netloc]
        assert not foreign, f"{url} requested {foreign}"
        if not path.startswith("report/"):  # the printable report is the one page without search
            assert any(address.endswith("search_index.json") for address in received)
            assert any("workers/material-search" in address for address in received), (
                "the search worker was not counted"
            )
        total = sum(received.values()) / 1024
        heaviest = max(heaviest, (total, url))
        assert total <= BUDGET_KB, (
            f"{url}: {total:.0f} KB > {BUDGET_KB} KB: {sorted(received.items(), key=lambda x: -x[1])[:5]}"
        )
    print(f"\n{lang}: {len(pages)} pages, heaviest first visit {heaviest[0]:.0f} KB ({heaviest[1]})")
