"""The site works under its own Content-Security-Policy: pages, charts, the language switcher and search, in
Chromium, with no policy violation, on the build of each engine."""

from __future__ import annotations

import pytest
from support.browser import RECORD_VIOLATIONS, search
from support.http import serving_with_policy

from itasite.build.csp import content_security_policy


@pytest.fixture(scope="module")
def strict_site(engine_site):
    """The seed site served with its own policy, as each engine builds it (MkDocs + Material, the forks)."""
    policy = content_security_policy(engine_site)
    with serving_with_policy(engine_site, policy) as url:
        yield url, policy


def test_a_policy_without_the_hashes_is_violated(browser, seed_site):
    """The violation check works: Material's inline scripts are blocked without their hashes."""
    policy = content_security_policy(seed_site).split(" 'sha256-")[0] + "; style-src 'self'"
    with serving_with_policy(seed_site, policy) as url:
        page = browser.new_page()
        page.add_init_script(RECORD_VIOLATIONS)
        page.goto(f"{url}/th/", wait_until="load")
        assert any(v.startswith("script-src") for v in page.evaluate("window.__violations"))
        page.close()


def test_data_blocks_need_no_hash(tmp_path):
    """JSON and JSON-LD blocks are data, never run: only the script gets a hash."""
    (tmp_path / "index.html").write_text(
        '<script type="application/ld+json">{"@type": "Dataset"}</script><script id="c" type="application/json">{}'
        "</script><script>go()</script>",
        encoding="utf-8",
    )
    assert len(content_security_policy(tmp_path).split("'sha256-")) == 2


def test_policy_allows_only_the_site_itself(strict_site):
    _, policy = strict_site
    assert policy.startswith("default-src 'none'; script-src 'self' 'sha256-")
    assert "unsafe-inline" not in policy and "http" not in policy


@pytest.mark.parametrize(
    "path",
    [
        "th/",
        "th/results/2567-2568/",
        "en/measures/2568/03-budget-transparency/",
        "th/report/2568/",
        "en/downloads/",
        "en/404.html",
    ],
)
def test_pages_run_without_violations(browser, strict_site, path):
    url, _ = strict_site
    page = browser.new_page()
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(f"{url}/{path}", wait_until="load")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__violations") == []
    page.close()


def test_search_works_under_the_policy(browser, strict_site):
    url, _ = strict_site
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(f"{url}/th/")
    assert "/th/measures/2568/03-budget-transparency/" in search(page, "จัดซื้อจัดจ้าง")[:5]
    assert page.evaluate("window.__violations") == []
    page.close()
