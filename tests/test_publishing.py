"""Publishing: the GitHub Actions workflow, a build served from a sub-path, robots.txt, reproducible
builds, the data's origin in the footer, and live preview with `mkdocs serve`."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

import pytest
import yaml
from support.build import PROJECT, SUBPATH_ROOT, build_site
from support.data import tree_digest
from support.http import fetch, wait_for
from support.site import parse_html

WORKFLOWS = PROJECT / ".github/workflows"
ACTIONLINT = Path(sys.executable).parent / "actionlint"


def test_workflows_pass_actionlint():
    result = subprocess.run([ACTIONLINT, *sorted(WORKFLOWS.glob("*.yml"))], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_does_catch_mistakes(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    step:\n      - run: make test\n")
    result = subprocess.run([ACTIONLINT, broken], capture_output=True, text=True)
    assert result.returncode != 0 and "step" in result.stdout


def test_workflow_tests_everything_and_deploys_main_to_pages():
    workflow = yaml.safe_load((WORKFLOWS / "site.yml").read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML reads the key `on` as true
    assert "push" in triggers and "pull_request" in triggers
    assert workflow["permissions"] == {"contents": "read"}
    jobs = workflow["jobs"]
    assert any("make test" in step.get("run", "") for step in jobs["test"]["steps"])
    assert jobs["test"]["strategy"]["matrix"]["engine"] == ["material", "forks"]  # both engines' tests
    runs = " ".join(step.get("run", "") for step in jobs["test"]["steps"])
    assert 'TEST_ENGINES="${{ matrix.engine }}"' in runs and 'ENGINE="${{ matrix.engine }}"' in runs
    assert "refs/heads/main" in jobs["build"]["if"]
    uses = [step.get("uses", "") for job in jobs.values() for step in job["steps"]]
    for action in ("actions/configure-pages@", "actions/upload-pages-artifact@", "actions/deploy-pages@"):
        assert any(use.startswith(action) for use in uses), action
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert jobs["deploy"]["concurrency"]["group"] == "pages"
    assert any("make build" in step.get("run", "") for step in jobs["build"]["steps"])


def test_every_link_works_under_the_subpath(subpath_site):
    """Crawl from the root (and the 404 pages); every internal address answers and stays under /ita/."""
    local = urllib.parse.urlparse(subpath_site).netloc
    queue = [
        f"{subpath_site}/ita/",
        f"{subpath_site}/ita/404.html",
        f"{subpath_site}/ita/th/404.html",
        f"{subpath_site}/ita/en/404.html",
    ]
    seen, failures, pages = set(queue), [], 0
    while queue:
        url = queue.pop()
        status, body, kind = fetch(url)
        if status != 200:
            failures.append(f"{url}: {status}")
            continue
        if kind != "text/html":
            continue
        pages += 1
        for address in parse_html(body.decode("utf-8")).addresses:
            target = urllib.parse.urljoin(url, address).split("#")[0]
            parsed = urllib.parse.urlparse(target)
            if target.startswith(SUBPATH_ROOT):  # canonical and other absolute addresses of this site
                target = f"{subpath_site}/ita/" + target.removeprefix(SUBPATH_ROOT)
            elif parsed.netloc != local:
                continue
            elif not parsed.path.startswith("/ita/"):
                failures.append(f"{url} leaves the sub-path: {address}")
                continue
            if target not in seen:
                seen.add(target)
                queue.append(target)
    assert not failures, failures[:10]
    assert pages > 40
    print(f"\ncrawled {len(seen)} addresses, {pages} pages, under /ita/")


def test_sitemaps_and_robots_point_into_the_subpath(subpath_site):
    status, robots, _ = fetch(f"{subpath_site}/ita/robots.txt")
    assert status == 200
    sitemaps = [line.split(": ", 1)[1] for line in robots.decode().splitlines() if line.startswith("Sitemap: ")]
    assert sitemaps == [f"{SUBPATH_ROOT}th/sitemap.xml", f"{SUBPATH_ROOT}en/sitemap.xml"]
    for sitemap in sitemaps:
        status, xml, _ = fetch(f"{subpath_site}/ita/" + sitemap.removeprefix(SUBPATH_ROOT))
        addresses = re.findall(r'(?:<loc>|href=")(https?://[^<"]+)', xml.decode())
        assert status == 200 and len(addresses) > 60
        for address in addresses:
            assert address.startswith(SUBPATH_ROOT), address
            assert fetch(f"{subpath_site}/ita/" + address.removeprefix(SUBPATH_ROOT))[0] == 200, address


@pytest.mark.build
def test_builds_of_the_same_commit_are_byte_identical_with_or_without_a_cache(tmp_path):
    """No cache, an empty cache (which the build fills), that full cache and a cache that cannot be written
    (a file stands where its folder should be) give the same bytes."""
    epoch = subprocess.run(
        ["git", "log", "-1", "--format=%ct"], cwd=PROJECT, capture_output=True, text=True
    ).stdout.strip()
    cache = tmp_path / "cache"
    blocked = tmp_path / "blocked"
    blocked.write_text("", encoding="utf-8")
    builds = {"no cache": "", "empty cache": str(cache), "full cache": str(cache), "unwritable": str(blocked)}
    trees = {}
    for name, cache_dir in builds.items():
        out = tmp_path / name.replace(" ", "-")
        assert build_site(out, env={"SOURCE_DATE_EPOCH": epoch or "0", "ITA_CACHE_DIR": cache_dir}).returncode == 0
        trees[name] = tree_digest(out)
        if name == "empty cache":
            assert sorted(path.name for path in cache.glob("thai-words-*.json")) == [
                "thai-words-en.json",
                "thai-words-th.json",
            ]
    one = trees["no cache"]
    assert sum(digest != "/" for digest in one.values()) > 100  # files, not counting folders
    assert {"th/assets/share/home.png", "en/assets/share/2567.png"} <= one.keys()  # the share images too
    for name, other in trees.items():
        assert other.keys() == one.keys(), name
        different = [path for path in one if one[path] != other[path]]
        assert not different, (name, different)


@pytest.mark.build
def test_footer_names_the_commit_and_links_the_data(tmp_path):
    out = tmp_path / "site"
    assert build_site(out, env={"REPO_URL": "https://github.com/example/ita"}).returncode == 0
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=PROJECT, capture_output=True, text=True
    ).stdout.strip()
    html = (out / "en/index.html").read_text(encoding="utf-8")
    assert f'<a href="https://github.com/example/ita/tree/{commit}/data"><code>{commit}</code></a>' in html
    assert re.search(r"data last changed \d{1,2} \w+ \d{4}", html)
    assert '<a href="https://www.muangpan.go.th/">Mueang Pan Subdistrict Municipality</a>' in html
    # REPO_URL names the repository of the edit buttons too, on the default branch
    assert (
        '<a href="https://github.com/example/ita/edit/main/data/agency.yml" title="Edit the data of this page"' in html
    )


@pytest.mark.build
def test_live_preview_serves_an_edited_data_file(data_copy):
    """The real `mkdocs serve` rebuilds when a YAML file of the data changes, without a restart."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "ITA_DATA_DIR": str(data_copy), "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-w", str(data_copy)]
    server = subprocess.Popen(command, cwd=PROJECT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}/measures/2568/06-conflict-of-interest/"

    def serves(text: str) -> bool:
        """Whether the page, fetched now, shows `text`."""
        return text in fetch(url, timeout=5)[1].decode("utf-8")

    try:
        assert wait_for(lambda: serves("ผลประโยชน์ทับซ้อน"), 60), "mkdocs serve did not start"
        measure = data_copy / "measures/2568/06-conflict-of-interest.yml"
        measure.write_text(
            measure.read_text(encoding="utf-8").replace("มาตรการป้องกันผลประโยชน์ทับซ้อน", "ทดสอบการแก้ไขสด"),
            encoding="utf-8",
        )
        started = time.monotonic()
        assert wait_for(lambda: serves("ทดสอบการแก้ไขสด"), 30), "the edit was not served"
        print(f"\nedited text served {time.monotonic() - started:.1f} s after saving")
    finally:
        server.terminate()
        server.wait(timeout=10)
