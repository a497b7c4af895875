"""What an import asks the clerk to check, and what it cannot place at all: a message code, its values and
where in the clerk's file, so the words come from data/messages/*.yml in either language.

The readers say where in Thai ("บรรทัด 86 คอลัมน์ ผู้รับผิดชอบ", "ตารางที่ 1 แถวที่ 4"); `placed` gives the
place words in the message's language and leaves the column's own header as the clerk's file prints it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ..data.messages import say, table

PLACES = ("where_line", "where_table", "where_row", "where_sheet", "where_column")


def placed(where: str, lang: str) -> str:
    """A place in the clerk's file with its place words in `lang`."""
    thai, words = table("th"), table(lang)
    for code in sorted(PLACES, key=lambda code: -len(thai[code])):
        where = where.replace(thai[code], words[code])
    return where


@dataclass(frozen=True)
class Review:
    """One thing to check after an import: `where` names the table, row and column of the clerk's file."""

    where: str
    code: str
    values: Mapping[str, object] = field(default_factory=dict)

    def message(self, lang: str = "th") -> str:
        """What to check, in `lang`."""
        return say(lang, self.code, self.values)


class ImportProblem(Exception):
    """Something of the file the importer cannot place anywhere, so nothing is written."""

    def __init__(self, code: str, values: Mapping[str, object], where: str) -> None:
        super().__init__(code, dict(values), where)
        self.code = code
        self.values = dict(values)
        self.where = where

    def message(self, lang: str = "th") -> str:
        """The one-line message in `lang`, with where it is."""
        return f"{placed(self.where, lang)}: {say(lang, self.code, self.values)}"

    def __str__(self) -> str:
        return self.message(lang="th")
