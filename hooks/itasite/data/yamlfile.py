"""Read one YAML file safely, remembering where every value stands.

PyYAML keeps the last of two duplicate keys without a word and forgets line numbers once a document is
built. Clerks need both: a duplicate key is an error, and every message names the line and column.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..numbers import MONTHS

# libyaml's parser when PyYAML was built with it (its wheels are): the same documents, several times faster
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Characters YAML does not allow in a document (PyYAML's reader rejects the same set)
NOT_ALLOWED = re.compile(r"[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

# How deep lists and mappings may nest (too_deep checks it before anything else reads the text): the data needs
# 7 levels; PyYAML's composer and the walk below are recursive, so a file nested thousands deep would end in a
# RecursionError, or crash libyaml's composer.
MAX_DEPTH = 32
# The start of a line in block style: indentation and the indicators of list items and explicit keys, after which
# a nested block collection may start; two levels of nesting take at least one more character of it.
LINE_START = re.compile(r"^[ ?:-]*", re.MULTILINE)
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})")

Location = tuple[int, int]  # 1-based line and column
FieldPath = tuple[str | int, ...]


@dataclass
class YamlProblem(Exception):
    """A file that cannot be read as YAML at all: where, and the code of its message in messages/*.yml."""

    line: int
    column: int
    code: str
    values: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class MonthName:
    """A month named in the reader's language when a message shows it (messages.say calls `words`)."""

    month: int  # 1 to 12

    def words(self, lang: str) -> str:
        """The month's name in `lang`: กุมภาพันธ์, February."""
        return MONTHS[lang][self.month - 1]


@dataclass
class YamlDocument:
    """A parsed file: its data, and where each field path begins."""

    data: object
    locations: dict[FieldPath, Location] = field(default_factory=dict)
    key_locations: dict[FieldPath, Location] = field(default_factory=dict)
    seen: set[int] = field(default_factory=set, repr=False)

    def locate(self, path: FieldPath) -> Location:
        """Return where `path` stands, or where its nearest existing parent does (a missing key)."""
        for end in range(len(path), -1, -1):
            found = self.locations.get(tuple(path[:end]))
            if found:
                return found
        return (1, 1)


def _mark(node: yaml.Node) -> Location:
    """Where a node starts, counted from 1 as editors count."""
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _impossible_date(node: yaml.ScalarNode) -> YamlProblem:
    """A value written as a date that no calendar has (2025-02-30, 2568-13-01), said with the day or month that
    does not exist, rather than PyYAML's ValueError."""
    line, column = _mark(node)
    value = str(node.value)
    found = DATE.match(value)
    if found:
        year, month, day = (int(part) for part in found.groups())
        if not 1 <= month <= 12:
            return YamlProblem(line, column, "yaml_month", {"value": value, "month": month})
        days = calendar.monthrange(year, month)[1] if year > 0 else 31
        if not 1 <= day <= days:
            values = {"value": value, "day": day, "month": MonthName(month), "year": year, "days": days}
            return YamlProblem(line, column, "yaml_day", values)
    return YamlProblem(line, column, "yaml_date", {"value": value})


def _construct(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    """The Python value of a key or a scalar; a value its tag cannot take (an impossible date, `!!int abc`) is a
    located problem, not a traceback."""
    try:
        return loader.construct_object(node, deep=True)
    except (ValueError, OverflowError) as error:
        if node.tag == TIMESTAMP_TAG and isinstance(node, yaml.ScalarNode):
            raise _impossible_date(node) from None
        raise YamlProblem(*_mark(node), "yaml_syntax", {"detail": str(error)}) from None


def _walk(node: yaml.Node, path: FieldPath, loader: yaml.SafeLoader, doc: YamlDocument) -> object:
    """Build the Python value of `node`, recording each position and refusing duplicate keys."""
    locations = doc.locations
    if path in locations or id(node) in doc.seen:
        # An alias (*name) repeats a node: refused, since a few aliases can expand to gigabytes.
        line, column = doc.key_locations.get(path) or _mark(node)
        raise YamlProblem(line, column, "yaml_alias")
    doc.seen.add(id(node))
    locations[path] = _mark(node)
    if isinstance(node, yaml.MappingNode):
        result: dict[str | int, object] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise YamlProblem(*_mark(key_node), "yaml_merge")
            if isinstance(key_node, yaml.CollectionNode):  # a list or mapping as a key: never a field name
                raise YamlProblem(
                    *_mark(key_node), "yaml_key", {"key": type(key_node).__name__.removesuffix("Node").lower()}
                )
            key = _construct(loader, key_node)
            if not isinstance(key, str | int) or isinstance(key, bool):
                line, column = _mark(key_node)
                raise YamlProblem(line, column, "yaml_key", {"key": key})
            if key in result:
                line, column = _mark(key_node)
                first = doc.key_locations[(*path, key)][0]
                raise YamlProblem(line, column, "yaml_duplicate", {"key": key, "first": first})
            doc.key_locations[(*path, key)] = _mark(key_node)
            result[key] = _walk(value_node, (*path, key), loader, doc)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_walk(item, (*path, index), loader, doc) for index, item in enumerate(node.value)]
    return _construct(loader, node)


def too_deep(text: str) -> YamlProblem | None:
    """Where the text nests deeper than MAX_DEPTH, found before anything recursive reads it. libyaml's event
    parser keeps its own stack, so counting its events is safe at any depth; it runs only when a cheap bound
    (the longest line start in block style, and every bracket) says the text might be that deep."""
    block = max((len(found.group()) for found in LINE_START.finditer(text)), default=0)
    if 2 * (block + 1) + text.count("[") + text.count("{") <= MAX_DEPTH:
        return None
    depth = 0
    try:
        for event in yaml.parse(text, Loader=SAFE_LOADER):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
                    return YamlProblem(line, column, "yaml_deep", {"limit": MAX_DEPTH})
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return None  # a syntax error: the parse that follows reports it where it is
    return None


def _position(text: str, offset: int) -> Location:
    """The 1-based line and column of a character offset."""
    before = text[:offset]
    return before.count("\n") + 1, len(before.rsplit("\n", 1)[-1]) + 1


def parse_yaml(text: str) -> YamlDocument:
    """Parse one YAML document from `text` with the safe loader; raise YamlProblem on any fault."""
    if "\t" in text:
        raise YamlProblem(*_position(text, text.index("\t")), "yaml_tab")
    if found := NOT_ALLOWED.search(text):
        line, column = _position(text, found.start())
        raise YamlProblem(line, column, "yaml_character", {"character": f"{ord(found.group()):04X}"})
    if deep := too_deep(text):
        raise deep
    loader = SAFE_LOADER(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise YamlProblem(1, 1, "yaml_empty")
        doc = YamlDocument(None)
        doc.data = _walk(node, (), loader, doc)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise YamlProblem(line, column, "yaml_syntax", {"detail": error.problem or error.context}) from None
    except yaml.YAMLError as error:
        raise YamlProblem(1, 1, "yaml_syntax", {"detail": str(error)}) from None
    finally:
        loader.dispose()
    return doc


def read_yaml(path: Path) -> YamlDocument:
    """Read and parse `path` as UTF-8 (a byte-order mark is allowed); other encodings are an error."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise YamlProblem(line, 1, "file_not_utf8") from None
    return parse_yaml(text)
