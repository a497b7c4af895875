"""The hosting document's nginx and Apache settings, as they run: Debian's nginx and Apache serve a build for
/ita/ with exactly deploy/nginx.conf and deploy/apache.conf (the blocks of maintainers/hosting.md, checked here
to be those files), and
every file of both languages, the 404 page, compression, the security headers, caching, the CSV type and the
search in Chromium are checked through each server."""

from __future__ import annotations

import gzip
import importlib.util
import re
import shutil
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.browser import RECORD_VIOLATIONS, search
from support.build import PROJECT, SUBPATH_ROOT, build_site
from support.webservers import DEPLOY, site_root, web_server

from itasite.build.csp import content_security_policy

SERVERS = ["nginx", "apache"]
HOSTING = PROJECT / "maintainers/hosting.md"  # the administrator's document that shows the settings
HOSTING_BLOCKS = {"nginx": "nginx", "apache": "apache"}  # deploy/<file>.conf: hosting.md's ```<language> block
COMPRESSED = {  # a file of each kind that must be sent gzipped when the browser asks
    "html": "text/html",
    "css": "text/css",
    "js": "javascript",
    "json": "application/json",
    "svg": "image/svg+xml",
    "csv": "text/csv",
    "xml": "xml",
}
HASHED = re.compile(r"/assets/(javascripts|stylesheets)/(bundle|main|palette)\.[0-9a-f]{8}\.min\.(js|css)$")
REFERRER = "strict-origin-when-cross-origin"
# An SVG file to serve beside the build: the seed draws its icons and charts inside the pages
DRAWING = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16">' + "<rect width='16' height='16'/>" * 8 + "</svg>"
)


def get(url: str, gzipped: bool = False) -> tuple[int, dict[str, str], bytes]:
    """Status, headers (lower-case names) and the body as sent (still compressed if it was)."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzipped else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


@pytest.fixture(scope="module")
def built() -> Iterator[tuple[Path, str]]:
    """One build for https://www.muangpan.go.th/ita/, in <root>/ita/, shared by both servers; its policy."""
    root = site_root()
    result = build_site(root / "ita", env={"SITE_URL": SUBPATH_ROOT})
    assert result.returncode == 0, result.stderr
    (root / "ita/th/assets/images").mkdir(parents=True, exist_ok=True)
    (root / "ita/th/assets/images/drawing.svg").write_text(DRAWING, encoding="utf-8")
    yield root, content_security_policy(root / "ita")
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="module", params=SERVERS)
def server(request, built) -> Iterator[tuple[str, str]]:
    """The server's name and base URL, serving the build with deploy/<name>.conf."""
    root, policy = built
    with web_server(request.param, root, policy) as url:
        yield request.param, url


@pytest.fixture(scope="module")
def answers(server, built) -> dict[str, tuple[int, dict[str, str], bytes]]:
    """Every file of the build (and each folder's address for its index.html), fetched once."""
    root, _ = built
    _, url = server
    found = {}
    for path in sorted((root / "ita").rglob("*")):
        if path.is_file():
            address = "/" + path.relative_to(root).as_posix()
            found[address] = get(url + address)
            if path.name == "index.html":
                folder = address.removesuffix("index.html")
                found[folder] = get(url + folder)
    return found


def test_the_hosting_document_shows_exactly_the_tested_settings():
    """maintainers/hosting.md's nginx and Apache blocks are deploy/nginx.conf and deploy/apache.conf, byte for
    byte, so what an administrator pastes is what the tests run."""
    hosting = HOSTING.read_text(encoding="utf-8")
    for name, language in HOSTING_BLOCKS.items():
        text = (DEPLOY / f"{name}.conf").read_text(encoding="utf-8")
        assert f"```{language}\n{text}```\n" in hosting, f"copy deploy/{name}.conf into hosting.md's {language} block"


def test_every_page_and_asset_of_both_languages_answers(answers, server):
    failures = [f"{address}: {status}" for address, (status, _, _) in answers.items() if status != 200]
    assert not failures, (server[0], failures[:10])
    for lang in ("th", "en"):
        assert sum(a.startswith(f"/ita/{lang}/") and a.endswith(".html") for a in answers) > 25


def test_security_headers_are_on_every_page(answers, server, built):
    _, policy = built
    for address, (_, headers, _) in answers.items():
        if address.endswith((".html", "/")):
            assert headers.get("content-security-policy") == policy, (server[0], address)
            assert headers.get("x-content-type-options") == "nosniff", (server[0], address)
            assert headers.get("referrer-policy") == REFERRER, (server[0], address)


def test_only_the_hashed_bundle_is_cached_for_a_year(answers, server):
    immutable = {a for a, (_, headers, _) in answers.items() if "immutable" in headers.get("cache-control", "")}
    hashed = {a for a in answers if HASHED.search(a)}
    assert len(hashed) == 6 and immutable == hashed, server[0]  # bundle, main, palette in each language
    for address, (_, headers, _) in answers.items():
        if address not in hashed:
            assert headers.get("cache-control") == "no-cache", (server[0], address)
        else:
            assert headers["cache-control"] == "public, max-age=31536000, immutable"
            assert headers.get("x-content-type-options") == "nosniff"


def test_csv_downloads_are_utf8_csv(answers, server):
    csv = {a: h.get("content-type") for a, (_, h, _) in answers.items() if a.endswith(".csv")}
    assert len(csv) >= 6 and set(csv.values()) == {"text/csv; charset=utf-8"}, (server[0], csv)


def test_text_is_sent_compressed_when_asked(server, built):
    root, _ = built
    _, url = server
    files = [path for path in (root / "ita").rglob("*") if path.is_file()]
    for extension, kind in COMPRESSED.items():
        sizes = [p for p in files if p.suffix == f".{extension}" and p.stat().st_size > 200]
        path = max(sizes, key=lambda p: p.stat().st_size)
        address = url + "/" + path.relative_to(root).as_posix()
        status, headers, body = get(address, gzipped=True)
        assert status == 200 and kind in headers["content-type"], (server[0], address, headers)
        assert headers.get("content-encoding") == "gzip", (server[0], address, headers)
        assert "accept-encoding" in headers.get("vary", "").lower(), (server[0], address)
        assert gzip.decompress(body) == path.read_bytes()
        assert len(body) < path.stat().st_size
        assert "content-encoding" not in get(address)[1]  # and plain when not asked


@pytest.mark.parametrize("missing", ["/ita/no-such-page/", "/ita/th/measures/2599/", "/ita/en/data/nothing.csv"])
def test_a_missing_address_gets_the_site_404_page(server, built, missing):
    root, policy = built
    _, url = server
    status, headers, body = get(url + missing)
    assert status == 404, (server[0], missing)
    assert body == (root / "ita/404.html").read_bytes()
    assert headers.get("content-security-policy") == policy and headers.get("x-content-type-options") == "nosniff"
    assets = re.findall(r'(?:href|src)="(/ita/[^"]+)"', body.decode("utf-8"))
    assert any(a.endswith(".css") for a in assets) and any(a.endswith(".js") for a in assets)
    for asset in assets:
        assert get(url + asset)[0] == 200, (server[0], asset)


def test_search_works_through_the_server_under_its_policy(browser, server):
    name, url = server
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(f"{url}/ita/th/")
    assert "/ita/th/measures/2568/03-budget-transparency/" in search(page, "จัดซื้อจัดจ้าง")[:5], name
    page.goto(f"{url}/ita/en/")
    assert "/ita/en/measures/2568/11-satisfaction-survey/" in search(page, "complaints")[:5], name
    assert page.evaluate("window.__violations") == [], name
    page.close()


@pytest.mark.browser
def test_lighthouse_of_make_bench_scores_a_page_through_nginx(built):
    """The bench's Lighthouse run (bench/lighthouse.py) gives the four scores; the ones that do not depend on
    the machine's speed must be 100. Performance is printed by `make bench`, never asserted."""
    spec = importlib.util.spec_from_file_location("lighthouse_bench", PROJECT / "bench/lighthouse.py")
    assert spec and spec.loader
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    assert bench.LIGHTHOUSE.is_file(), "no Lighthouse: `make test` installs it with npm ci"
    with web_server("nginx", *built) as url:
        report = bench.audit(f"{url}/ita/th/")
    scores = bench.scores(report)
    assert set(scores) == {"performance", "accessibility", "best-practices", "seo"}
    assert all(0 <= value <= 100 for value in scores.values())
    assert {k: v for k, v in scores.items() if k != "performance"} == {
        "accessibility": 100,
        "best-practices": 100,
        "seo": 100,
    }, bench.lost_points(report)
