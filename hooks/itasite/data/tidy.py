"""`python -m itasite tidy [DATA_DIR] [--check]`: the files the import writes (measures, results, units)
rewritten in the layout it writes them in (writer.py), so that data → workbook → data gives the same bytes
for files written by hand too.

Only the layout changes: every file is read back after it is laid out and must hold the same records, or
it is left as it is. A file with comments below its top is left as it is too, since a rewrite would lose
them; the command names it.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import yaml

from .layout import linked
from .messages import chosen_language, say
from .writer import comments_below_head, dumped, head_of
from .yamlfile import too_deep

TIDIED = ("units.yml", "results/*.yml", "measures/*/*.yml")  # what the import writes, so what it lays out


class _Loader(yaml.SafeLoader):
    """The safe loader, with numbers that have decimals read as written (100.00 stays 100.00, not 100.0)."""


def _decimal(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Decimal:
    """A number with decimals exactly as the file writes it."""
    return Decimal(str(loader.construct_scalar(node)))


_Loader.add_constructor("tag:yaml.org,2002:float", _decimal)


@dataclass
class Tidied:
    """What a tidy found: files laid out anew (or to be, with --check), and files it had to leave."""

    changed: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)  # comments below their top, or not plain YAML records
    unchanged: int = 0


def laid_out(text: str) -> str | None:
    """The file's text in the project's layout, or None when it cannot be rewritten without a loss."""
    if comments_below_head(text):
        return None
    if too_deep(text):
        return None
    try:
        record = yaml.load(text, Loader=_Loader)
    except (yaml.YAMLError, ValueError):  # ValueError: an impossible date
        return None  # `check` names what is wrong with it; tidying is not the place
    new = head_of(text) + dumped(record)
    return new if yaml.load(new, Loader=_Loader) == record else None


def tidy(data: Path, check: bool = False) -> Tidied:
    """Lay out the data folder's measures, results and units files; with `check`, only say which would change."""
    found = Tidied()
    for pattern in TIDIED:
        for path in sorted(data.glob(pattern)):
            if linked(path, data) or not path.is_file():
                continue  # never rewritten through a link (it could point out of the data); check names it
            text = path.read_text(encoding="utf-8")
            new = laid_out(text)
            if new is None:
                found.kept.append(path)
            elif new == text:
                found.unchanged += 1
            else:
                found.changed.append(path)
                if not check:
                    path.write_bytes(new.encode("utf-8"))  # LF on every system, as the import writes
    return found


def run_tidy(data: Path, check_only: bool, lang: str | None) -> int:
    """`tidy`: lay out the files the import writes and say so; with `check_only`, name those that are not laid
    out and exit 1."""
    lang = chosen_language(lang)
    found = tidy(data, check_only)
    for path in found.kept:
        print(say(lang, "tidy_kept", {"file": path.as_posix()}), file=sys.stderr)
    for path in found.changed:
        code = "tidy_would_change" if check_only else "tidy_changed"
        print(say(lang, code, {"file": path.as_posix(), "data": data.as_posix()}))
    if check_only:
        return 1 if found.changed else 0
    values = {"changed": len(found.changed), "unchanged": found.unchanged, "kept": len(found.kept)}
    print(say(lang, "tidy_done", values))
    return 0
