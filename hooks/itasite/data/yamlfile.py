"""Read one YAML file safely, remembering where every value stands.

PyYAML keeps the last of two duplicate keys without a word and forgets line numbers once a document is
built. Clerks need both: a duplicate key is an error, and every message names the line and column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

# libyaml's parser when PyYAML was built with it (its wheels are): the same documents, several times faster
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Characters YAML does not allow in a document (PyYAML's reader rejects the same set)
NOT_ALLOWED = re.compile(r"[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

Location = tuple[int, int]  # 1-based line and column
FieldPath = tuple[str | int, ...]


@dataclass
class YamlProblem(Exception):
    """A file that cannot be read as YAML at all: where, and the code of its message in messages/*.yml."""

    line: int
    column: int
    code: str
    values: dict[str, object] = field(default_factory=dict)


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
            key = loader.construct_object(key_node, deep=True)
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
    return loader.construct_object(node, deep=True)


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
