"""The schema of `data/reports/YYYY.yml`: a fiscal year's report as printed, its cover memo and narrative.

The memo's signatures keep the names as the memo prints them, in Thai; only the agency can give a person's
own romanisation (`name_en`).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from .disclosure import FILE_PATTERN
from .models import BEYear, Number, OptionalText, RequiredText, Strict, Text, Url


class Signature(Strict):
    section: Text
    name: RequiredText  # as the memo prints it, in Thai
    name_en: OptionalText = None  # the person's own romanisation, which only the agency can give
    position: Text
    remark_illegible: bool = False


class Memo(Strict):
    department: Text
    reference: RequiredText
    date: dt.date
    subject: Text
    to: Text
    background: list[Text] = Field(default_factory=list)
    facts: list[Text] = Field(default_factory=list)
    considerations: list[Text] = Field(default_factory=list)
    closing: Text | None = None
    signatures: list[Signature] = Field(default_factory=list)


class Summary(Strict):
    title: Text
    paragraphs: list[Text] = Field(default_factory=list)


class Original(Strict):
    """Where the report itself can be read, so a reader can check this site against it: its address on the
    agency's website, a copy kept in the data (under disclosure/files/, published with the site), or both."""

    url: Url | None = None
    file: Annotated[str, Field(pattern=FILE_PATTERN, max_length=200)] | None = None

    @model_validator(mode="after")
    def _somewhere(self) -> Original:
        """An original with neither an address nor a file says nothing: give one or leave the entry out."""
        if self.url is None and self.file is None:
            raise PydanticCustomError("ita_original_place", "give url or file")
        return self


class Report(Strict):
    """`data/reports/YYYY.yml`: a fiscal year's report: cover memo, introduction and summary."""

    year: BEYear
    title: Text
    subtitle: Text | None = None
    memo: Memo | None = None
    intro: list[Text] = Field(default_factory=list)
    summary: Summary | None = None
    original: Original | None = None  # the report as the agency published it; left out: not linked yet
    # the labels its score tables print for indicators where they are not the official names (the results pages
    # of the years it states say so, since a reader comparing them with the report finds other names)
    score_labels: dict[Number, RequiredText] = Field(default_factory=dict)
