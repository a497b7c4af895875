"""Benchmark: what Thai search adds to the build, for the seed site and for synthetic data 10 times larger.
"index KB" is the whole index (every shard and the word list), "opened KB" what opening search downloads.

Usage: make bench   (or: PYTHONPATH=hooks python bench/search.py)
Builds each data set for real, then times the search post-processing (index word boundaries and query
segmenter) on that build's own index, in a fresh process as during a build with nothing cached. Prints a table.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT / "bench"))

from synthetic import make  # noqa: E402

TIMER = """
import json, sys, time
from pathlib import Path
folder = Path(sys.argv[1])
head = json.loads((folder / "search_index.json").read_text(encoding="utf-8"))
names = [shard["name"] for shard in head["config"]["shards"]]
from itasite.search.shards import read_part
docs = [doc for name in names for doc in read_part(folder / f"shard-{name}.json")]
text = json.dumps({"config": head["config"], "docs": docs}, ensure_ascii=False)
t = time.perf_counter()
from itasite.search.index import segment_search_index
segment_search_index(text)
print(time.perf_counter() - t)
"""


def build(data: Path, out: Path, config: str, cache: Path | None = None) -> float:
    """Seconds for one real `mkdocs build` of one language, keeping work between builds in `cache` if given."""
    env = {**os.environ, "ITA_DATA_DIR": str(data), "ITA_CACHE_DIR": str(cache or ""), "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", config, "-d", str(out)], cwd=PROJECT, env=env, check=True
    )
    return time.perf_counter() - started


def search_cost(index: Path) -> float:
    """Seconds the search post-processing takes on the index of the folder `index` (its shards put back
    together), in a fresh process (dictionary load included)."""
    env = {**os.environ, "PYTHONPATH": str(PROJECT / "hooks")}
    result = subprocess.run(
        [sys.executable, "-c", TIMER, str(index)], env=env, check=True, capture_output=True, text=True
    )
    return float(result.stdout)


def main() -> None:
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"{'data':<22}{'pages':>6}{'index KB':>10}{'opened KB':>10}{'build s':>9}{'search s':>10}{'share':>7}")
    with tempfile.TemporaryDirectory() as folder:
        synthetic = Path(folder) / "data-10x"
        make(synthetic, 10)
        for name, data in (("seed (2 years)", PROJECT / "data"), ("synthetic (10 years)", synthetic)):
            out = Path(folder) / name.split()[0]
            seconds = min(build(data, out, "mkdocs.yml") for _ in range(2))
            search = min(search_cost(out / "search") for _ in range(2))
            pages = len(list(out.rglob("index.html")))
            size = sum(path.stat().st_size for path in (out / "search").iterdir()) / 1024  # every shard
            opened = (out / "search/search_index.json").stat().st_size / 1024  # what opening search loads
            share = search / seconds
            print(f"{name:<22}{pages:>6}{size:>10.0f}{opened:>10.1f}{seconds:>9.2f}{search:>10.2f}{share:>7.0%}")


if __name__ == "__main__":
    main()
