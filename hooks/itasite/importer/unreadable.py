"""The one error of a clerk's file that cannot be read at all: a message code and its values, Thai first.

Every reader (sniff.py, docx.py, sheet.py) raises it before anything is written, so the import stops with one
line naming the file and what to do instead (save as .docx, copy the PDF's text, remove the password).
"""

from __future__ import annotations

from collections.abc import Mapping

from ..data.messages import say
from .review import placed


class UnreadableFile(Exception):
    """A file the importer cannot turn into tables; `code` is a key of data/messages/*.yml."""

    def __init__(self, code: str, values: Mapping[str, object]) -> None:
        super().__init__(code, dict(values))
        self.code = code
        self.values = dict(values)

    def message(self, lang: str = "th") -> str:
        """The one-line message in `lang` (Thai unless told)."""
        values = {name: placed(str(value), lang) if name == "where" else value for name, value in self.values.items()}
        return say(lang, self.code, values)

    def __str__(self) -> str:
        return self.message()  # Thai, the language of the clerk who reads it
