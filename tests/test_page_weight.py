"""First visit of every page with a cold cache, in Chromium at phone size: everything the page downloads
stays within 300 KB, and within 350 KB once the reader opens search on it and types a first query (which then
downloads the search worker, the list of the index's shards and the shards the query needs), 400 KB for a
site of ten synthetic years; and nothing is requested from another site. The index waits until search is
opened, and the shards until a query needs them. The seed site's budgets hold on each engine's build."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from support.build import SYNTHETIC_YEARS
from support.http import wait_for
from support.site import OIT_ITEM, without_most_oit_items

PAGE_KB = {"seed": 300, "synthetic": 300}
SEARCH_KB = {"seed": 350, "synthetic": 400}  # a page with search opened
QUERY_KB = {"seed": 350, "synthetic": 400}  # a page, search and a first query with the shards it needs
SEARCH_DOWNLOADS = ("search/search_index.json", "workers/material-search")  # what opening search loads
SHARES = 3  # each test visits every third page of its site, so the suite's workers share the visits


class FirstVisits:
    """One tab that opens page after page each as on a first visit: the browser's cache is off (every file is
    downloaded again, as DevTools' "Disable cache" does), and the site's stored state (local and session
    storage, cookies) is cleared before each page. A fresh browser context per page gives the same bytes, at
    twice the time (a context costs Chromium's browser process as much as the page itself)."""

    def __init__(self, browser) -> None:
        self.context = browser.new_context(viewport={"width": 390, "height": 844})
        self.page = self.context.new_page()
        devtools = self.context.new_cdp_session(self.page)
        devtools.send("Network.enable")
        devtools.send("Network.setCacheDisabled", {"cacheDisabled": True})
        self.received: dict[str, int] = {}
        self.in_flight: set[str] = set()
        self.page.on("request", lambda request: self.in_flight.add(request.url))
        self.page.on("requestfinished", self.finished)
        self.page.on("requestfailed", lambda request: self.in_flight.discard(request.url))

    def __enter__(self) -> FirstVisits:
        return self

    def __exit__(self, *_) -> None:
        self.context.close()

    def finished(self, request) -> None:
        """Record a download's size once it is complete (its response's body is then whole)."""
        response = request.response()
        self.received[request.url] = len(response.body()) if response else 0
        self.in_flight.discard(request.url)

    def settle(self, quiet_ms: int) -> None:
        """Wait until every request the page has started has finished and none has started for `quiet_ms`:
        a page's scripts start theirs (Material's search worker, sitemap.xml) as it loads, and a fixed pause
        after `load` missed them on a busy machine."""
        page, seen = self.page, -1
        while self.in_flight or seen != len(self.received):
            seen = len(self.received)
            page.wait_for_timeout(quiet_ms)
            settled = wait_for(
                lambda: not self.in_flight, 10, pause=0.05, sleep=lambda s: page.wait_for_timeout(s * 1000)
            )
            assert settled, f"{page.url}: still downloading {sorted(self.in_flight)}"

    def open(self, url: str, query: str = "") -> tuple[dict[str, int], dict[str, int]]:
        """Bytes of every response while opening `url`, and then also while opening search on it (the search
        icon of the phone layout), and typing `query` if given; the second is empty on pages without search."""
        page, received = self.page, self.received
        if page.url.startswith("http"):
            page.evaluate("() => { localStorage.clear(); sessionStorage.clear() }")
        self.context.clear_cookies()
        page.goto("about:blank")  # the last page's requests end with it
        received.clear()
        self.in_flight.clear()
        page.goto(url, wait_until="load")
        self.settle(150)
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
            self.settle(100)
            if query:
                page.locator("input.md-search__input").fill(query)
                page.locator("input.md-search__input").press("End")  # Material searches on key presses
                page.wait_for_selector("li.md-search-result__item", state="attached", timeout=30_000)
                self.settle(100)
            searched = dict(received)
        return on_load, searched


def kilobytes(received: dict[str, int]) -> float:
    """The total size of the responses, in KB."""
    return sum(received.values()) / 1024


def weigh_pages(browser, served: str, site, lang: str, pages: list[str], kind: str) -> None:
    """Visit each page cold and hold it, and it with search opened, to the budgets of this kind of site."""
    heaviest = {"page": (0.0, ""), "page and search": (0.0, "")}
    with FirstVisits(browser) as visits:
        for path in pages:
            weigh_page(visits, served, lang, path, kind, heaviest)
    for name, (total, url) in heaviest.items():
        print(f"\n{kind} {lang}: {len(pages)} pages, heaviest first visit ({name}) {total:.0f} KB ({url})")


def weigh_page(visits: FirstVisits, served: str, lang: str, path: str, kind: str, heaviest: dict) -> None:
    """One page on a first visit, held to the budgets of its kind of site; the heaviest so far kept."""
    url = f"{served}/{lang}/" + ("" if path == "." else f"{path}/")
    on_load, searched = visits.open(url)
    foreign = [a for a in {**on_load, **searched} if urlparse(a).netloc != urlparse(served).netloc]
    assert not foreign, f"{url} requested {foreign}"
    waiting = [address for address in on_load if any(part in address for part in SEARCH_DOWNLOADS)]
    assert not waiting, f"{url} downloaded {waiting} before search was opened"
    if not path.startswith("report/"):  # the printable report is the one page without search
        assert searched, f"{url}: no search"
    for name, received, budget in (
        ("page", on_load, PAGE_KB[kind]),
        ("page and search", searched, SEARCH_KB[kind]),
    ):
        total = kilobytes(received)
        heaviest[name] = max(heaviest[name], (total, url))
        assert total <= budget, (
            f"{url} ({name}): {total:.0f} KB > {budget} KB: {sorted(received.items(), key=lambda x: -x[1])[:5]}"
        )


def page_paths(site, lang: str) -> list[str]:
    """Every page of one language of a built site, as paths under it ('.' for the home page)."""
    return sorted(p.parent.relative_to(site / lang).as_posix() for p in (site / lang).rglob("index.html"))


@pytest.mark.parametrize("share", range(SHARES))
@pytest.mark.parametrize("lang", ["th", "en"])
def test_first_visit_of_every_page_fits_the_budget(browser, served_engine_site, engine_site, lang, share):
    # OIT items: the first and last (tests/test_disclosure_browser.py weighs seven of an agency with files)
    pages = without_most_oit_items(page_paths(engine_site, lang))
    assert "changes" in pages  # the page of the data's changes too
    weigh_pages(browser, served_engine_site, engine_site, lang, pages[share::SHARES], "seed")


@pytest.mark.parametrize("share", range(SHARES))
def test_first_visit_of_ten_years_fits_the_budget(browser, served_synthetic_site, synthetic_site, share):
    """Every kind of page of the ten-year site: all but the measures and the OIT items, and of each year the first
    and last measure and the first and last OIT item (the rest are pages of the same kinds)."""
    paths = without_most_oit_items(page_paths(synthetic_site, "th"))
    measures = [p for p in paths if p.count("/") == 2 and p.startswith("measures/")]
    sample = [p for p in paths if p not in measures] + [p for p in measures if p.split("/")[2][:2] in ("01", "15")]
    assert sum(bool(OIT_ITEM.fullmatch(p)) for p in sample) == 2 * SYNTHETIC_YEARS
    weigh_pages(browser, served_synthetic_site, synthetic_site, "th", sample[share::SHARES], "synthetic")


def weigh_query(browser, served: str, kind: str, path: str, query: str) -> None:
    """A page, search opened and a first query: within budget, with the core and one year's shard at most."""
    with FirstVisits(browser) as visits:
        _, searched = visits.open(f"{served}/th/{path}", query)
    shards = sorted(address.rsplit("/", 1)[1] for address in searched if "/search/shard-" in address)
    total = kilobytes(searched)
    print(f"\n{kind}: {path} then search {query!r}: {total:.0f} KB, shards {shards}")
    assert total <= QUERY_KB[kind]
    assert len(shards) <= 2, shards


@pytest.mark.parametrize("query", ["ผลประโยชน์ทับซ้อน", "ผ่านดีเยี่ยม"])
def test_a_first_query_loads_only_what_it_needs(browser, served_engine_site, query):
    weigh_query(browser, served_engine_site, "seed", "measures/2568/01-service-standards/", query)


@pytest.mark.parametrize("query", ["ผลประโยชน์ทับซ้อน", "การจัดซื้อจัดจ้าง"])
def test_a_first_query_of_ten_years_loads_only_what_it_needs(browser, served_synthetic_site, query):
    weigh_query(browser, served_synthetic_site, "synthetic", "measures/2572/01-service-standards/", query)


def test_a_search_link_opens_with_its_results(browser, served_engine_site):
    """`?q=` links (which Material's share button makes) load the index at once and show the results."""
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(f"{served_engine_site}/th/measures/?q=ผลประโยชน์ทับซ้อน")
    page.wait_for_selector("li.md-search-result__item", timeout=10_000)
    paths = page.locator("li.md-search-result__item > a.md-search-result__link").evaluate_all(
        "links => links.map(link => new URL(link.href).pathname)"
    )
    assert paths[0] == "/th/measures/2568/06-conflict-of-interest/"
    page.close()


def test_a_page_opened_after_others_downloads_what_a_fresh_browser_does(browser, served_site):
    """The tab the budgets are checked in keeps nothing from one page to the next: a page opened after
    another, and again after itself, downloads exactly the files, of exactly the sizes, that a fresh browser
    downloads for it."""
    url, other = f"{served_site}/th/measures/", f"{served_site}/th/results/2568/"
    with FirstVisits(browser) as fresh:
        expected = fresh.open(url)
    assert expected[0] and expected[1]
    with FirstVisits(browser) as visits:
        visits.open(other)
        assert visits.open(url) == expected
        assert visits.open(url) == expected
