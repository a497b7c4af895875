"""How a data file is written by the project's own commands (import, tidy), so that every file they write has
one layout and writing the same records again gives the same bytes.

The layout is the one data/ is written in by hand: Thai as written, keys in the schema's order, a list of
plain values on one line (`units: [clerk-office]`, `indicators: [1, 6, 8]`), a unit's name on one line, a
text longer than a line folded at its spaces (`>-`: YAML joins the lines again with single spaces, so the
text does not change), scores with two decimals as the report prints them, and the file's own comments at
its top kept as they are.
"""

from __future__ import annotations

import errno
import os
import shutil
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from ..build.swap import beside, fresh, linked_copy, pause_at, recover, swap_in

WIDTH = 100  # a folded text's lines: readable in Notepad and in a diff, as data/ was written by hand
FOLD = 90  # characters: a text longer than this is folded, a shorter one stays on its key's line
FLOW_KEYS = frozenset({"name"})  # a mapping under these keys (a unit's name) is written on one line
SHORT = 40  # characters: a list of plain values no longer than this each is written on one line


class _Flow(dict[str, Any]):
    """A mapping written on one line (`name: {th: สำนักปลัด, en: Office of the Municipal Clerk}`)."""


class _Dumper(yaml.SafeDumper):
    """The safe dumper, with lists indented under their key as data/ writes them."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        """Indent a list under its key ("steps:\n  - th: …"), so entries line up as data/ writes them."""
        super().increase_indent(flow, False)


def _decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.ScalarNode:
    """A score as a YAML number with its two decimals (100.00, 98.57)."""
    return dumper.represent_scalar("tag:yaml.org,2002:float", f"{value:.2f}")


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    """A text on its key's line, or folded at its spaces when it is longer than a line."""
    long = len(value) > FOLD and "\n" not in value and value == " ".join(value.split())
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=">" if long else None)


def _list(dumper: yaml.SafeDumper, value: list[Any]) -> yaml.SequenceNode:
    """A list of short plain values on one line, any other list an entry a line."""
    flow = all(isinstance(item, (int, str, Decimal)) and len(str(item)) <= SHORT for item in value)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow)


def _flow(dumper: yaml.SafeDumper, value: _Flow) -> yaml.MappingNode:
    """A mapping on one line."""
    return dumper.represent_mapping("tag:yaml.org,2002:map", dict(value), flow_style=True)


_Dumper.add_representer(Decimal, _decimal)
_Dumper.add_representer(str, _text)
_Dumper.add_representer(list, _list)
_Dumper.add_representer(_Flow, _flow)


def _laid_out(value: Any, key: str | None = None, flow: frozenset[str] = FLOW_KEYS) -> Any:
    """The record with the mappings that go on one line marked so."""
    if isinstance(value, dict):
        inner = {name: _laid_out(item, name, flow) for name, item in value.items()}
        plain = all(not isinstance(item, (dict, list)) for item in inner.values())
        return _Flow(inner) if key in flow and plain else inner
    if isinstance(value, list):
        return [_laid_out(item, None, flow) for item in value]
    return value


def dumped(record: object, flow: frozenset[str] = FLOW_KEYS) -> str:
    """A record as YAML in the project's layout; the mappings under the keys `flow` on one line (a unit's
    name; a document's title in an OIT register, as data/disclosure is written by hand)."""
    laid_out = _laid_out(record, None, flow)
    return yaml.dump(laid_out, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=WIDTH)


def head_of(text: str) -> str:
    """The comment lines at the top of a file (and the blank lines among them), which a rewrite keeps."""
    lines = []
    for line in text.splitlines(keepends=True):
        if line.strip() and not line.lstrip().startswith("#"):
            break
        lines.append(line)
    return "".join(lines)


def comments_below_head(text: str) -> bool:
    """Whether a file has comments after its first line of data, which a rewrite would lose."""
    body = text[len(head_of(text)) :]
    return any(line.lstrip().startswith("#") or " #" in line for line in body.splitlines())


def write_all(root: Path, files: Mapping[str, bytes]) -> list[Path]:
    """Write every file (by its path under `root`) or none, whenever the process is stopped: the whole folder is
    copied beside itself, the files written into the copy, and the copy swapped in for the folder by renames
    (build/swap.py), so a full disk, a file open in another program or a kill never leaves a folder half written."""
    given, root = root, root.resolve()
    recover(root)
    scratch = beside(root, "writing")
    try:
        if root.exists() and not root.is_dir():
            raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(root))  # never replaced
        if root.is_dir():
            # symlinks as links (none is followed out of the folder); files as hard links, written anew below
            shutil.copytree(root, scratch, symlinks=True, copy_function=linked_copy)
        else:
            scratch.mkdir(parents=True)
        pause_at("copied")
        for relative, content in files.items():
            target = scratch / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            fresh(target).write_bytes(content)
    except OSError:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    swap_in(scratch, root)
    return [given / relative for relative in files]
