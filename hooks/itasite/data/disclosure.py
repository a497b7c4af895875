"""The schema of `data/disclosure/YYYY.yml`: the agency's evidence for each OIT item of one assessment year.

Each item of the year's list (data/oit.yml) is published by one or more documents, each either a link or a
file kept under `data/disclosure/files/`, or is marked not applicable with the reason. An item the register
leaves out, or lists without documents, is missing: the check warns and names it, and the site says so, so
CI stays green while the clerk works through the list. Items whose evidence the site already publishes from
the data (the measures report) need no entry.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Annotated

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from .models import BEYear, OptionalText, Strict, Text, Url
from .oit import ItemCode

FILES_FOLDER = "disclosure/files"  # under the data folder: what a document's `file:` is relative to
# A file name a web server, a Windows PC and a git checkout all keep as it is: no spaces, no Thai.
FILE_PATTERN = r"^[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$"
# The kinds of file a register may keep in the repository, by suffix: what the pages call them. Anything
# else (programs, web pages, scripts) is refused by the checks; SVG only without script.
FILE_TYPES: dict[str, str] = {
    ".pdf": "PDF",
    ".doc": "Word",
    ".docx": "Word",
    ".odt": "OpenDocument",
    ".xls": "Excel",
    ".xlsx": "Excel",
    ".ods": "OpenDocument",
    ".csv": "CSV",
    ".jpg": "JPEG",
    ".jpeg": "JPEG",
    ".png": "PNG",
    ".webp": "WebP",
    ".svg": "SVG",
}
MAX_FILE_BYTES = 20 * 1024 * 1024  # one file kept in the repository: GitHub refuses pushes of files over 100 MB
MAX_FILES_BYTES = 300 * 1024 * 1024  # all of them: a GitHub Pages site may be at most 1 GB, in two languages


class Answer(enum.StrEnum):
    """What the answer sheet gives the assessor for an item: the item's page on this site, or, where the NACC
    asks for the document itself, the address of its (first) document."""

    PAGE = "page"
    DOCUMENT = "document"


class Document(Strict):
    """One document published as evidence: a link or a file kept in the repository, and when it was published."""

    title: Text
    url: Url | None = None
    file: Annotated[str, Field(pattern=FILE_PATTERN, max_length=200)] | None = None  # under disclosure/files/
    published: dt.date
    path: OptionalText = None  # the click path on the agency's own site, where the document is there too

    @model_validator(mode="after")
    def _one_place(self) -> Document:
        """A document is either a link or a file kept here, not both and not neither."""
        if (self.url is None) == (self.file is None):
            raise PydanticCustomError("ita_document_place", "give either url or file")
        return self


class DisclosureItem(Strict):
    """The agency's evidence for one item: its documents, or the reason it does not apply."""

    code: ItemCode
    documents: list[Document] = Field(default_factory=list)
    not_applicable: Text | None = None  # why the item does not apply to this agency
    answer: Answer = Answer.PAGE
    note: Text | None = None  # anything the assessor should know, shown on the item's page

    @model_validator(mode="after")
    def _documents_or_reason(self) -> DisclosureItem:
        """An item not applicable has no documents."""
        if self.not_applicable is not None and self.documents:
            raise PydanticCustomError("ita_not_applicable_documents", "an item not applicable has no documents")
        return self


class Register(Strict):
    """`data/disclosure/YYYY.yml`: the OIT evidence of assessment year `year`."""

    year: BEYear
    items: list[DisclosureItem] = Field(default_factory=list)

    @property
    def by_code(self) -> dict[str, DisclosureItem]:
        """The register's items by code."""
        return {item.code: item for item in self.items}
