"""What an import would do to a data file that exists: the parsed YAML of the file as it is and of the file the
import plans, compared field by field.

A mapping gaining keys or a list gaining entries at its end is an addition, which an import makes without
being asked. Anything else (a value that differs, a key or an entry that would go, a comment of the file's
body that a rewrite would drop) changes what the clerk has, and only `--force` writes it. Each change
names the line and column of the value in the file as it is now, the field, and the value now and the
report's, shortened, so the clerk can open the file at that line.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

from ..data.messages import say
from ..data.problems import field_name
from ..data.writer import head_of
from ..data.yamlfile import FieldPath, Location, YamlDocument, YamlProblem, parse_yaml
from .review import ImportProblem

SHOWN = 40  # characters of a value a change line repeats
BEFORE = 12  # characters kept before the first difference of two long texts that start alike


class Absent:
    """The value of a key or an entry that one side does not have."""


ABSENT = Absent()


@dataclass(frozen=True)
class Difference:
    """One field that an import adds to, or changes in, an existing file."""

    path: FieldPath
    at: Location  # where the value stands in the file now (its parent's place for an addition)
    old: object
    new: object
    code: str = ""  # a message instead of the values: the file does not read, a comment would go

    @property
    def added(self) -> bool:
        """Whether this is an addition: nothing is there now."""
        return self.old is ABSENT and not self.code

    def text(self, file: str, lang: str) -> str:
        """The line a clerk reads: `file:line:column: field: "now" → "report's"`."""
        where = f"{file}:{self.at[0]}:{self.at[1]}"
        if self.code:
            return f"{where}: {say(lang, self.code, {'comment': shown(self.old, lang)})}"
        old, new = shortened(self.old, self.new, lang)
        return f"{where}: {field_name(self.path) or '.'}: {old} → {new}"

    def summary(self, lang: str) -> str:
        """An addition in a few words: its field and what it holds (`units[6] (kong-chang, "กองช่าง")`)."""
        field, value = field_name(self.path), self.new
        if not isinstance(value, Mapping):
            return f"{field} ({shown(value, lang)})"
        name = value.get("name")
        text = name.get("th") if isinstance(name, Mapping) else value.get("th")
        words = ([str(value["id"])] if "id" in value else []) + ([shown(text, lang)] if text else [])
        return f"{field} ({', '.join(words)})" if words else field


class ExistingChanged(ImportProblem):
    """An import that would change what existing files hold: every change, none written."""

    def __init__(self, changes: dict[str, list[Difference]], where: str) -> None:
        count = sum(len(found) for found in changes.values())
        super().__init__("import_changes", {"count": count}, where)
        self.changes = changes

    def message(self, lang: str = "th") -> str:
        """The refusal, then one line for each change, file by file."""
        lines = [super().message(lang)]
        for file, found in sorted(self.changes.items()):
            lines += [difference.text(file, lang) for difference in found]
        return "\n".join(lines)


def differences(old: bytes, new: bytes) -> list[Difference]:
    """Every addition and change from a file's content now to the content an import plans for it."""
    new_text = new.decode("utf-8")
    try:
        old_text = old.decode("utf-8-sig")
        before = parse_yaml(old_text)
    except UnicodeDecodeError:
        return [Difference((), (1, 1), ABSENT, ABSENT, "import_existing_unreadable")]
    except YamlProblem as problem:
        return [Difference((), (problem.line, problem.column), ABSENT, ABSENT, "import_existing_unreadable")]
    found: list[Difference] = []
    _compare(before.data, parse_yaml(new_text).data, (), before, found)
    return found + lost_comments(old_text, new_text) if found else []  # a file left as it is keeps its notes


def _compare(old: object, new: object, path: FieldPath, doc: YamlDocument, found: list[Difference]) -> None:
    """Add to `found` what differs between two parsed values at `path`."""
    if isinstance(old, Mapping) and isinstance(new, Mapping):
        for key, value in old.items():
            if key in new:
                _compare(value, new[key], (*path, key), doc, found)
            else:
                found.append(Difference((*path, key), doc.locate((*path, key)), value, ABSENT))
        for key in new.keys() - old.keys():
            found.append(Difference((*path, key), doc.locate(path), ABSENT, new[key]))
    elif isinstance(old, list) and isinstance(new, list):
        for index in range(min(len(old), len(new))):
            _compare(old[index], new[index], (*path, index), doc, found)
        for index in range(len(new), len(old)):
            found.append(Difference((*path, index), doc.locate((*path, index)), old[index], ABSENT))
        for index in range(len(old), len(new)):
            found.append(Difference((*path, index), doc.locate(path), ABSENT, new[index]))
    elif not _same(old, new):
        found.append(Difference(path, doc.locate(path), old, new))


def _same(old: object, new: object) -> bool:
    """Two plain values the data means alike: equal, a number equal to a number (100 and 100.00) but never
    to true or false."""
    numbers = all(isinstance(value, int | float) and not isinstance(value, bool) for value in (old, new))
    return old == new if numbers else (type(old) is type(new) and old == new)


def lost_comments(old_text: str, new_text: str) -> list[Difference]:
    """The comment lines of a file's body (below its first data line) that the planned text does not have:
    the clerk's notes, which a rewrite would drop."""
    head = head_of(old_text).count("\n")
    kept = {line.strip() for line in new_text.splitlines()}
    lost = []
    for number, line in enumerate(old_text.splitlines()[head:], start=head + 1):
        if line.lstrip().startswith("#") and line.strip() not in kept:
            at = (number, len(line) - len(line.lstrip()) + 1)
            lost.append(Difference((), at, line.strip(), ABSENT, "import_comment_lost"))
    return lost


def shown(value: object, lang: str) -> str:
    """A value as a change line repeats it: a text in quotes, a list or mapping on one line, none in words."""
    if value is ABSENT:
        return say(lang, "import_value_none", {})
    if isinstance(value, str):
        return f'"{value}"'
    return json.dumps(value, ensure_ascii=False, default=str)


def shortened(old: object, new: object, lang: str) -> tuple[str, str]:
    """Both values as shown, each cut to SHOWN characters; two texts that start alike are shown from a little
    before where they first differ, so the difference is in sight."""
    first, second = shown(old, lang), shown(new, lang)
    alike = min(len(first), len(second))
    common = next((at for at, (a, b) in enumerate(zip(first, second, strict=False)) if a != b), alike)
    start = common - BEFORE if common > SHOWN - BEFORE else 0
    return _cut(first, start), _cut(second, start)


def _cut(text: str, start: int) -> str:
    """`text` from `start` (marked with … when it does not start there), at most SHOWN characters."""
    text = ("…" + text[start:]) if start else text
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"
