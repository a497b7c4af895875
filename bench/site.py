"""Benchmark: build times of the whole site, against plain Material building the same pages, for the seed and
for synthetic data 10 times larger, and the time from saving a data file to the new page in `mkdocs serve`.

A cold build starts with an empty `.cache/` (a fresh clone, as in CI); a warm one finds what the build
before it kept there (compiled templates, Thai words of the search index), as for a clerk rebuilding.
Plain Material is timed as it comes ("plain") and keeping its compiled templates the same way ("plain kept"),
so that warm/kept compares like with like.

Usage: make bench   (a benchmark that prints figures, not a test)
"""

from __future__ import annotations

import os
import platform
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT / "bench"))
sys.path.insert(0, str(PROJECT / "hooks"))

from search import build  # noqa: E402
from synthetic import make  # noqa: E402

from itasite.pipeline import prepare  # noqa: E402
from itasite.site.locale import load_locale  # noqa: E402
from itasite.site.plan import plan_site  # noqa: E402
from itasite.site.render import PageRenderer  # noqa: E402

PLAIN_CONFIG = """site_name: plain
theme: {name: material, language: th, font: false}
markdown_extensions: [attr_list, tables, toc]
plugins: [search]
"""
# Plain Material keeping its compiled templates between builds, as this site's warm builds do
PLAIN_KEEPING_TEMPLATES = """INHERIT: mkdocs.yml
hooks: [keep_templates.py]
"""
KEEP_TEMPLATES_HOOK = """from jinja2 import FileSystemBytecodeCache

def on_env(env, config, files):
    env.bytecode_cache = FileSystemBytecodeCache("templates-cache")
    return env
"""


def write_plain_material(data: Path, folder: Path) -> None:
    """The same Thai pages as static Markdown with a plain Material config (and one keeping templates)."""
    scored = prepare(data)
    locale = load_locale("th")
    renderer = PageRenderer(locale)
    docs = folder / "docs"
    shutil.copytree(PROJECT / "docs/th", docs)  # the hand-written pages
    for spec in plan_site(scored, locale).pages:
        target = docs / spec.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        markdown = renderer.render(spec.template, spec.src_uri, **spec.context)
        target.write_text(markdown.replace("template: print.html\n", ""), encoding="utf-8")  # plain theme only
    (folder / "mkdocs.yml").write_text(PLAIN_CONFIG, encoding="utf-8")
    (folder / "keeping.yml").write_text(PLAIN_KEEPING_TEMPLATES, encoding="utf-8")
    (folder / "keep_templates.py").write_text(KEEP_TEMPLATES_HOOK, encoding="utf-8")
    (folder / "templates-cache").mkdir()


def plain_build(folder: Path, config: str) -> float:
    """Seconds for plain Material to build the pages of `folder` with `config`."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", config, "-d", str(folder / "site")]
    subprocess.run(command, cwd=folder, env=env, check=True)
    return time.perf_counter() - started


def reload_seconds(data: Path) -> float:
    """Seconds from saving a measure file to `mkdocs serve` serving its new text."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    cache = data.parent / "serve-cache"
    env = {**os.environ, "ITA_DATA_DIR": str(data), "ITA_CACHE_DIR": str(cache), "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-w", str(data)]
    server = subprocess.Popen(command, cwd=PROJECT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/measures/2568/06-conflict-of-interest/"

    def served(text: str) -> bool:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return text in response.read().decode("utf-8")
        except OSError:
            return False

    try:
        while not served("ผลประโยชน์ทับซ้อน"):
            time.sleep(0.1)
        measure = data / "measures/2568/06-conflict-of-interest.yml"
        measure.write_text(measure.read_text(encoding="utf-8").replace("ผลประโยชน์ทับซ้อน", "แก้ไขทดสอบ", 1), "utf-8")
        started = time.perf_counter()
        while not served("แก้ไขทดสอบ"):
            time.sleep(0.05)
        return time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=10)


def main() -> None:
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        synthetic = root / "data-10x"
        make(synthetic, 10)
        print(
            f"{'data':<22}{'both langs':>11}{'Thai cold':>10}{'Thai warm':>10}{'plain':>7}{'plain kept':>11}"
            f"{'cold/plain':>11}{'warm/plain':>11}{'warm/kept':>10}"
        )
        for name, data in (("seed (2 years)", PROJECT / "data"), ("synthetic (10 years)", synthetic)):
            key = name.split()[0]
            cold, warm, english, plain, kept = [], [], [], [], []
            for i in range(3):
                cache = root / key / f"cache{i}"
                cold.append(build(data, root / key / f"th{i}", "mkdocs.yml", cache))
                warm.append(build(data, root / key / f"th{i}", "mkdocs.yml", cache))
                english.append(build(data, root / key / f"en{i}", "mkdocs.en.yml", cache))
                folder = root / key / f"plain{i}"
                write_plain_material(data, folder)
                plain.append(plain_build(folder, "mkdocs.yml"))
                plain_build(folder, "keeping.yml")  # the first keeps the templates
                kept.append(plain_build(folder, "keeping.yml"))
            thai, again, stock, keeping = min(cold), min(warm), min(plain), min(kept)
            print(
                f"{name:<22}{thai + min(english):>10.2f}s{thai:>9.2f}s{again:>9.2f}s{stock:>6.2f}s{keeping:>10.2f}s"
                f"{thai / stock:>10.2f}x{again / stock:>10.2f}x{again / keeping:>9.2f}x"
            )
        copy = root / "data-serve"
        subprocess.run(["cp", "-r", str(PROJECT / "data"), str(copy)], check=True)
        print(f"mkdocs serve: saved data file to new page served in {reload_seconds(copy):.2f} s")


if __name__ == "__main__":
    main()
