"""The schema of `data/reports/YYYY.yml`: a fiscal year's report as printed, its cover memo and narrative.

The memo's signatures keep the names as the memo prints them, in Thai; only the agency can give a person's
own romanisation (`name_en`).
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from .models import BEYear, OptionalText, RequiredText, Strict, Text


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


class Report(Strict):
    """`data/reports/YYYY.yml`: a fiscal year's report: cover memo, introduction and summary."""

    year: BEYear
    title: Text
    subtitle: Text | None = None
    memo: Memo | None = None
    intro: list[Text] = Field(default_factory=list)
    summary: Summary | None = None
