"""Reading a built site: where a page's file is, which pages exist, and one parser for links, ids and text."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from itasite.search.shards import read_part

ADDRESS_TAGS = ("a", "link", "script", "img")


def built_text(path: Path) -> str:
    """A built file's text: the search worker's word list and shards are JSON in windows-874 (shards.py),
    given back as UTF-8 JSON text; every other file is UTF-8."""
    if path.parent.name == "search" and path.suffix == ".json" and path.name != "search_index.json":
        return json.dumps(read_part(path), ensure_ascii=False)
    return path.read_text(encoding="utf-8")


class Links(HTMLParser):
    """Collect a page's links, every address it refers to, its ids and its visible text."""

    def __init__(self) -> None:
        """Start with nothing collected."""
        super().__init__()
        self.links: list[dict] = []  # the attributes of every <a href>
        self.addresses: list[str] = []  # every href and src of links, stylesheets, scripts and images
        self.ids: set[str] = set()
        self.text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        """Record the tag's id and addresses; text inside scripts and styles is not visible."""
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and "href" in attrs:
            self.links.append(attrs)
        if tag in ADDRESS_TAGS:
            self.addresses += [attrs[name] for name in ("href", "src") if attrs.get(name)]
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag):
        """Leave a script or style."""
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data):
        """Keep text a reader sees."""
        if not self._skip:
            self.text.append(data)


def parse_html(html: str) -> Links:
    """The links, addresses, ids and text of one HTML document."""
    parser = Links()
    parser.feed(html)
    return parser


def parse(path: Path) -> Links:
    """The links, addresses, ids and text of one built page."""
    return parse_html(path.read_text(encoding="utf-8"))


def text_of(path: Path) -> str:
    """A page's visible text with runs of white space made one space, for fragment checks."""
    return re.sub(r"\s+", " ", " ".join(parse(path).text))


def page(site: Path, lang: str, url: str) -> Path:
    """The file of the page at `url` (directory URLs) of one language."""
    return site / lang / url / "index.html"


def pages_of(site: Path, lang: str) -> set[str]:
    """The URLs of every page of one language, without the search page."""
    return {p.parent.relative_to(site / lang).as_posix() for p in (site / lang).rglob("index.html")} - {"search"}


OIT_ITEM = re.compile(r"disclosure/(\d{4})/o(\d+)/?")  # an OIT item's page, as a path under a language


def without_most_oit_items(paths: list[str]) -> list[str]:
    """`paths` with, of each year's OIT item pages, only the first and the last (O1 and O26 or so): the items
    are pages of one template, and a browser test that opened all 26 of every year spent a third of its time
    on them. Every other page is kept, in its order."""
    years: dict[str, list[tuple[int, str]]] = {}
    for path in paths:
        if found := OIT_ITEM.search(path):
            years.setdefault(found[1], []).append((int(found[2]), path))
    kept = {path for items in years.values() for _, path in (min(items), max(items))}
    return [path for path in paths if not OIT_ITEM.search(path) or path in kept]
