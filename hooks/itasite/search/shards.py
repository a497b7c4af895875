"""The search index in parts that the query worker loads only when a query needs them.

Material's browser code downloads `search/search_index.json` when the reader opens search, and with it every
year of data. Here that file keeps only the configuration, which lists the shards: `shard-core.json` (the pages
of no particular year) and one `shard-YYYY.json` per fiscal year, newest first. `words.json` lists every word
of the index once, and the words of each year's page titles. Each year's entry in the list says, as a bit set
over those words, which words occur in it, so the worker (`thai-query.js`) can tell from a query which years
could match before it downloads any of them. The shards carry no U+200B: the worker marks the Thai word
boundaries again with the same words and the same rule the build used (`thai.py`), which keeps them about
15% smaller.

The word list and the shards are JSON in windows-874, the Thai standard single-byte encoding (TIS-620 and
a few punctuation marks), which every browser's TextDecoder reads: a Thai letter is one byte instead of
UTF-8's three, so the Thai text that is most of a shard takes a third of the bytes. Characters windows-874
lacks are written as JSON escapes. Only the worker reads these files; `search_index.json`, which Material
fetches, stays UTF-8.
"""

from __future__ import annotations

import base64
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from .thai import WORD_BOUNDARY

FOLDER = Path("search")
WORDS = "words.json"
CORE = "core"
# A page or section of one fiscal year: a path segment such as 2568/ or 2567-2568/, or an anchor such as #fy2568
# or #memo-2568 (a scoring scheme's anchor names the first year of a range of years, so it stays in the core)
YEAR_PATH = re.compile(r"(?:^|/)(?:25\d\d-)?(25\d\d)/")
YEAR_ANCHOR = re.compile(r"#(?!scheme)[a-z-]*?(25\d\d)$")
# What the query segmenter of thai-query.js splits a field into when it learns the index's words
TOKEN_SPLIT = re.compile('[\\s\u200b<>\\-,;:()"“”/|]+')
PART_ENCODING = "cp874"  # windows-874, as thai-query.js decodes the word list and the shards
BEYOND_ASCII = re.compile(r"[^\x00-\x7f]")


def shard_of(location: str) -> str:
    """The shard a document of the index belongs to: its fiscal year, or the core."""
    found = YEAR_PATH.findall(location.split("#")[0]) or YEAR_ANCHOR.findall(location)
    return max(found) if found else CORE


def tokens(text: str) -> set[str]:
    """The words of a field, lower case, as the worker compares them with a query."""
    return {token.lower() for token in TOKEN_SPLIT.split(text) if token}


def bit_set(words: set[str], position: dict[str, int]) -> str:
    """`words` as a bit set over the word list (bit i of byte i // 8 for word i), in base64."""
    bits = bytearray((len(position) + 7) // 8)
    for word in words:
        index = position[word]
        bits[index // 8] |= 1 << (index % 8)
    return base64.b64encode(bytes(bits)).decode("ascii")


def split_index(index: dict[str, Any]) -> dict[Path, bytes]:
    """The head (search_index.json), the word list and the shards of a marked index, as files to write."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for doc in index["docs"]:
        groups.setdefault(shard_of(doc["location"]), []).append(doc)
    names = [CORE, *sorted((name for name in groups if name != CORE), reverse=True)]  # newest year first
    texts = {
        name: set().union(*(tokens(doc["title"] + " " + doc.get("text", "")) for doc in groups.get(name, [])))
        for name in names
    }
    words = sorted(set().union(*texts.values()))
    position = {word: number for number, word in enumerate(words)}
    shards = [{"name": CORE}] + [{"name": name, "words": bit_set(texts[name], position)} for name in names[1:]]
    # The words of each page's title (its sections' headings aside), by shard: the worker finds which year a
    # query aims at by its titles, since the same words recur in the text of every year
    titles = {
        name: [
            sorted(position[word] for word in tokens(doc["title"]))
            for doc in groups[name]
            if "#" not in doc["location"]
        ]
        for name in names[1:]
    }
    # Material's page code passes on only the configuration and the documents to its worker
    head = {**index, "config": {**index["config"], "shards": shards, "words": WORDS}, "docs": []}
    listed = {"words": words, "titles": titles}
    files = {FOLDER / "search_index.json": _json(head).encode("utf-8"), FOLDER / WORDS: encoded_part(listed)}
    for name in names:
        docs = [{key: _unmarked(value) for key, value in doc.items()} for doc in groups.get(name, [])]
        files[FOLDER / f"shard-{name}.json"] = encoded_part(docs)
    return files


def _json(value: Any) -> str:
    """Compact JSON, as the rest of the index is written."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def encoded_part(value: Any) -> bytes:
    """The word list or a shard as JSON in windows-874, what the encoding lacks escaped."""
    return BEYOND_ASCII.sub(_escaped, _json(value)).encode(PART_ENCODING)


def read_part(path: Path) -> Any:
    """A word list or shard written by `encoded_part`, read back (for tests and benchmarks)."""
    return json.loads(path.read_bytes().decode(PART_ENCODING))


@cache
def _escaped_character(character: str) -> str:
    """The character itself when windows-874 has it, else its JSON escape (two for a surrogate pair)."""
    try:
        character.encode(PART_ENCODING)
    except UnicodeEncodeError:
        return json.dumps(character)[1:-1]  # json.dumps escapes every non-ASCII character by default
    return character


def _escaped(found: re.Match[str]) -> str:
    """What a non-ASCII character of the JSON text becomes."""
    return _escaped_character(found.group(0))


def _unmarked(value: Any) -> Any:
    """A field without the word boundaries, which the worker puts back."""
    return value.replace(WORD_BOUNDARY, "") if isinstance(value, str) else value


def write_shards(site_dir: Path, index_json: str) -> None:
    """Replace the site's search index by its head, word list and shards."""
    for path, content in split_index(json.loads(index_json)).items():
        (site_dir / path).write_bytes(content)
