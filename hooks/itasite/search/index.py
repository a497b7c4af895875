"""Make Material's search find Thai words: word boundaries in the index, and a query segmenter.

Run after the search plugin has written the site: `segment_search_index` marks Thai word boundaries in
`search/search_index.json` (Material's tokenizer splits on U+200B once it is in the configured
separator), and `install_query_segmenter` puts `thai-query.js` in front of Material's search worker, so
a Thai query typed without spaces is cut into the same words. The page text itself is not changed.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..build.cache import code_key, read_cache, write_cache
from . import thai
from .shards import FOLDER, write_shards
from .thai import THAI_RUN, WORD_BOUNDARY, mark_word_boundaries, propose, settle

INDEX = Path("search/search_index.json")
WORKERS = Path("assets/javascripts/workers")
MATERIAL_WORKER = "search.*.min.js"  # Material's worker, named with a content hash
QUERY_SEGMENTER = Path(__file__).parent / "thai-query.js"  # the browser's half of `thai.py`, beside it
INDEXED_FIELDS = ("title", "text")
COMMENT = re.compile(r"^\s*/\*.*?\*/\n?", re.S | re.M)  # block comments standing on their own lines


def segment_search_index(index_json: str, cache: Path | None = None) -> str:
    """The index with Thai word boundaries marked in every document, written as compact UTF-8 JSON.
    With `cache`, the words proposed for each run are kept there and reused by the next build."""
    index = json.loads(index_json)
    if not re.fullmatch(index["config"]["separator"], WORD_BOUNDARY):
        raise ValueError(
            f"the search separator {index['config']['separator']!r} must contain \\u200b; set plugins.search.separator"
        )
    fields = [(doc, field) for doc in index["docs"] for field in INDEXED_FIELDS if field in doc]
    cuts = settle(proposals_for({run for doc, field in fields for run in THAI_RUN.findall(doc[field])}, cache))
    for doc, field in fields:
        doc[field] = mark_word_boundaries(doc[field], cuts)
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))


def proposals_for(runs: set[str], cache: Path | None) -> dict[str, tuple[str, ...]]:
    """The words proposed for each run, taking those an earlier build kept in `cache` and keeping them all."""
    if cache is None:
        return propose(runs, {})
    key = code_key(Path(thai.__file__), packages=("pythainlp",))
    known = {
        run: tuple(words)
        for run, words in read_cache(cache, key).items()
        if isinstance(words, list) and all(isinstance(word, str) for word in words) and "".join(words) == run
    }
    proposals = propose(runs, known)
    if proposals.keys() != known.keys():
        write_cache(cache, key, proposals)
    return proposals


def install_query_segmenter(site_dir: Path) -> None:
    """Rename Material's worker and put the query segmenter at its address, loading it by its new name."""
    workers = site_dir / WORKERS
    found = sorted(workers.glob(MATERIAL_WORKER))
    if len(found) != 1:
        raise FileNotFoundError(f"expected one {MATERIAL_WORKER} in {workers}, found {[p.name for p in found]}")
    material = found[0]
    renamed = material.with_name(f"material-{material.name}")
    material.replace(renamed)
    source = COMMENT.sub("", QUERY_SEGMENTER.read_text(encoding="utf-8"))  # comments are for the repository only
    search = "../" * len(WORKERS.parts) + f"{FOLDER.as_posix()}/"  # the shards, from the worker's address
    header = f"var MATERIAL_WORKER = {json.dumps(renamed.name)}\nvar SEARCH_FOLDER = {json.dumps(search)}\n"
    material.write_text(header + source, encoding="utf-8")


def prepare_search(site_dir: Path, cache: Path | None = None) -> None:
    """Both steps, on one built site; the marked index is written as the shards the worker loads (shards.py)."""
    index = site_dir / INDEX
    write_shards(site_dir, segment_search_index(index.read_text(encoding="utf-8"), cache))
    install_query_segmenter(site_dir)
