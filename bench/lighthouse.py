"""Benchmark: Lighthouse's phone audit of the site behind the tested nginx settings (deploy/nginx.conf).

Usage: make bench, or make lighthouse   (or: PYTHONPATH=hooks python bench/lighthouse.py [--runs N] [--json FILE])
Builds the seed for https://www.muangpan.go.th/ita/, serves it under /ita/ with Debian's nginx and exactly
the settings of maintainers/hosting.md, and runs Lighthouse (pinned in package.json, `npm ci`) in Debian's
Chromium (CHROME_PATH, default /usr/bin/chromium) on the home, a measure, a results, a comparison and the
downloads page of both languages, with Lighthouse's default phone profile (a mid-range phone on a slow 4G line,
simulated). Prints the four scores per page, and the audits that cost points. The targets: 100 for
accessibility, best practices and SEO, at least 98 for performance. A benchmark, not a test: the performance
figure varies a little from run to run with the machine's load.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT / "tests"))

from support.build import SUBPATH_ROOT, build_site  # noqa: E402
from support.webservers import site_root, web_server  # noqa: E402

from itasite.build.csp import content_security_policy  # noqa: E402

LIGHTHOUSE = PROJECT / "node_modules/lighthouse/cli/index.js"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
PAGES = {  # page type: its path in each language
    "home": "",
    "measure": "measures/2568/03-budget-transparency/",
    "results": "results/2568/",
    "comparison": "results/2567-2568/",
    "downloads": "downloads/",
}
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-sync"


def audit(url: str) -> dict:
    """Lighthouse's report (JSON) of one page, phone profile."""
    command = [
        "node",
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        "--output-path=stdout",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", os.environ.get("CHROMIUM", "/usr/bin/chromium"))}
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    return json.loads(result.stdout)


def scores(report: dict) -> dict[str, int]:
    """The four category scores, 0–100."""
    return {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}


def lost_points(report: dict) -> list[str]:
    """The audits of a category below 100 that failed, with their weight."""
    lost = []
    for name in CATEGORIES:
        category = report["categories"][name]
        for ref in category["auditRefs"]:
            result = report["audits"][ref["id"]]
            if ref["weight"] and result["score"] is not None and result["score"] < 1:
                lost.append(f"{name}: {ref['id']} ({result['score']:.2f})")
    return lost


def median_report(url: str, runs: int) -> tuple[dict, list[int]]:
    """Of `runs` audits of `url`, the one with the median performance score (as Lighthouse advises), and the
    performance score of every run, lowest first: the spread tells a steady score from a lucky one."""
    reports = sorted((audit(url) for _ in range(runs)), key=lambda report: scores(report)["performance"])
    return reports[len(reports) // 2], [scores(report)["performance"] for report in reports]


def run(base: str, runs: int = 1) -> dict[str, tuple[dict[str, int], list[str], list[int], float]]:
    """Scores, lost points, every run's performance score and the host's benchmark index (Lighthouse's
    measure of this machine's speed at the time) of every page type in both languages, served at `base` (the
    root of /ita/)."""
    results = {}
    for lang in ("th", "en"):
        for kind, path in PAGES.items():
            report, performance = median_report(f"{base}/ita/{lang}/{path}", runs)
            speed = report["environment"]["benchmarkIndex"]
            results[f"{lang} {kind}"] = (scores(report), lost_points(report), performance, speed)
    return results


def main() -> int:
    """Build, serve with nginx, audit, print."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", type=Path, help="also write the scores to this file")
    parser.add_argument("--runs", type=int, default=3, help="audit each page this many times, keep the median")
    arguments = parser.parse_args()
    if not LIGHTHOUSE.is_file():
        print("no Lighthouse: run `npm ci` (make bench does)", file=sys.stderr)
        return 1
    root = site_root()
    try:
        result = build_site(root / "ita", env={"SITE_URL": SUBPATH_ROOT})
        if result.returncode != 0:
            print(result.stderr, file=sys.stderr)
            return 1
        with web_server("nginx", root, content_security_policy(root / "ita")) as url:
            results = run(url, arguments.runs)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    load = os.getloadavg()[0]
    print(f"\nLighthouse (phone profile) behind deploy/nginx.conf; {os.cpu_count()} cores, load {load:.1f}\n")
    print("| page | performance | accessibility | best practices | SEO | performance, every run | benchmark index |")
    print("|---|---|---|---|---|---|---|")
    for page, (figures, _, performance, speed) in results.items():
        columns = [str(figures[name]) for name in CATEGORIES] + [", ".join(map(str, performance)), f"{speed:.0f}"]
        print(f"| {page} | " + " | ".join(columns) + " |")
    print(
        "\nPerformance depends on the machine: Lighthouse slows its CPU down 4 times to play a phone, so a busy or"
        " slow machine (a lower benchmark index, and the load above) lowers the score; the other three do not move."
    )
    lost = [f"  {page}: {item}" for page, (_, items, _, _) in results.items() for item in items]
    if lost:
        print("\nwhat cost points:\n" + "\n".join(lost))
    if arguments.json:
        figures_only = {
            page: {**figures, "performance_every_run": performance}
            for page, (figures, _, performance, _) in results.items()
        }
        arguments.json.write_text(json.dumps(figures_only, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
