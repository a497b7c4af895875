"""The real search box in headless Chromium: Thai words, compounds, several words and prefixes find
their page among the first five results; English finds plurals and singulars; highlights keep Thai
character clusters whole. Recall is printed; it must be at least 95% in each language. The seed site's tests
run on each engine's build (`served_engine_site`: MkDocs + Material, ProperDocs + MaterialX)."""

from __future__ import annotations

import pytest
import yaml
from support.browser import search
from support.recall import ENGLISH_QUERIES, THAI_QUERIES, M

MIN_RECALL = 0.95
# Characters that belong to the letter before them: a highlight must never start with one or end before one
CLUSTER_TAIL = "\u0e30\u0e31\u0e32\u0e33\u0e45" + "".join(map(chr, [*range(0x0E34, 0x0E3B), *range(0x0E47, 0x0E4F)]))
LEADING_VOWELS = "\u0e40\u0e41\u0e42\u0e43\u0e44"


def recall(browser, served_site: str, lang: str, queries: list[tuple[str, str]]) -> tuple[float, list]:
    """The share of `queries` whose page is among the first five results, and the misses."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{served_site}/{lang}/")
    misses = []
    for query, expected in queries:
        found = search(page, query)[:5]
        if f"/{lang}/{expected}" not in found:
            misses.append((query, expected, found))
    page.close()
    return 1 - len(misses) / len(queries), misses


@pytest.mark.parametrize(("lang", "queries"), [("th", THAI_QUERIES), ("en", ENGLISH_QUERIES)])
def test_search_recall(browser, served_engine_site, lang, queries):
    assert len(queries) >= (40 if lang == "th" else 15)
    covered = {expected for _, expected in queries if expected.startswith(M)}
    if lang == "th":
        assert len(covered) == 15, "every measure is searched for"
    score, misses = recall(browser, served_engine_site, lang, queries)
    print(f"\n{lang} search recall: {len(queries) - len(misses)}/{len(queries)} = {score:.1%}")
    for query, expected, found in misses:
        print(f"  missed {query!r}: expected {expected}, got {found}")
    assert score >= MIN_RECALL


def test_highlights_keep_thai_clusters_whole(browser, served_engine_site):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{served_engine_site}/th/")
    for query in ("ร้องเรีย", "จัดซื้อจัดจ้าง", "ความพึงพอใจ", "ประมวลจริย"):
        search(page, query)
        marks = page.locator(".md-search-result mark").evaluate_all(
            """marks => marks.map(mark => [
                (mark.previousSibling && mark.previousSibling.textContent.slice(-1)) || '',
                mark.textContent,
                (mark.nextSibling && mark.nextSibling.textContent.slice(0, 1)) || '',
            ])"""
        )
        assert marks, f"no highlight for {query}"
        for before, text, after in marks:
            assert text and text[0] not in CLUSTER_TAIL, (query, before, text, after)
            assert after == "" or after not in CLUSTER_TAIL, (query, before, text, after)
            assert before == "" or before not in LEADING_VOWELS, (query, before, text, after)
    page.close()


def test_results_show_thai_titles(browser, served_engine_site):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{served_engine_site}/th/")
    search(page, "ผลประโยชน์ทับซ้อน")
    titles = page.locator("li.md-search-result__item h1").all_inner_texts()
    assert "6. มาตรการป้องกันผลประโยชน์ทับซ้อน" in [title.replace("\u200b", "") for title in titles]
    page.close()


def test_titles_of_the_oldest_years_find_their_measures_among_ten_years(browser, served_synthetic_site, synthetic_site):
    """On the ten-year synthetic site, whose index comes in a shard per year, a measure's title from the two
    oldest years finds that measure: the worker loads the old year the query aims at."""
    data = synthetic_site.parent / "data"
    oldest = sorted(int(folder.name) for folder in (data / "measures").iterdir())[:2]
    queries = [
        (yaml.safe_load(path.read_text(encoding="utf-8"))["title"]["th"], f"measures/{year}/{path.stem}/")
        for year in oldest
        for path in sorted((data / f"measures/{year}").glob("*.yml"))[:8]
    ]
    score, misses = recall(browser, served_synthetic_site, "th", queries)
    print(f"\nold years of ten: {len(queries) - len(misses)}/{len(queries)} = {score:.1%}")
    for query, expected, found in misses:
        print(f"  missed {query!r}: expected {expected}, got {found}")
    assert score >= MIN_RECALL
