"""The schema of `data/national.yml`: the national figures of each year, each with the source that gives them.

The file is optional and the same for every agency (the NACC's announcements); a site without it builds as
before, and pages place the agency's total beside the national average only where a source gives it.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Annotated

from pydantic import Field

from .models import BEYear, Number, Score, Strict, Text, Tool, Url


class Source(Strict):
    """Where a figure comes from, so a reader can check it: a title, an address and the date it was published,
    and, for a press report, the outlet and whom it quotes, which the pages cite it by (a headline can name
    another agency's score)."""

    title: Text
    url: Url
    published: dt.date | None = None
    outlet: Text | None = None  # the newspaper or site that published it
    quoting: Text | None = None  # whom it quotes for the figures (an NACC commissioner…)


class NationalConfidence(enum.StrEnum):
    """How far a year's figures can be trusted, so pages and downloads say which are the NACC's and which not."""

    OFFICIAL = "official"  # the NACC's announcement, or a source quoting the NACC or one of its commissioners
    PRESS = "press"  # a press report that does not name the announcement it took the figures from
    DERIVED = "derived"  # worked out by this site from what a source gives (the note says how); never the NACC's


class NationalYear(Strict):
    """One year of the whole assessment, as the NACC announced it: only the figures a source gives."""

    year: BEYear
    agencies: Annotated[int, Field(ge=1)] | None = None  # agencies assessed
    average: Score | None = None  # the national average total
    passed: Annotated[int, Field(ge=0)] | None = None  # agencies that passed
    passed_share: Score | None = None  # the same as a percentage of the agencies assessed
    indicators: dict[Number, Score] = Field(default_factory=dict)  # each indicator's national average, if given
    tools: dict[Tool, Score] = Field(default_factory=dict)  # each tool's national average, where a source gives it
    source: Source
    more_sources: list[Source] = Field(default_factory=list)  # where some of the figures come from another source
    confidence: NationalConfidence | None = None  # None: not stated, and pages say nothing of it
    note: Text | None = None  # how a derived figure was worked out, or what a source leaves unclear


class NationalFile(Strict):
    """`data/national.yml` (optional): the national figures of each year, each with its source."""

    years: list[NationalYear] = Field(min_length=1)


def stated(national: dict[int, NationalYear]) -> dict[int, NationalYear]:
    """The years whose figures a source states, leaving out those this site worked out: what a chart may draw
    with no sentence beside it to say a figure is derived."""
    return {year: entry for year, entry in national.items() if entry.confidence != NationalConfidence.DERIVED}
