"""The schema of `data/oit.yml`: the OIT items an agency must publish on its own website, by assessment year.

The ITA's third tool (OIT) is scored from the agency's website: for each item of the year's list (O1, O2, …)
the agency gives the assessor an address where the evidence is published. The lists change from year to year
and the NACC's manual, which lays them down, is not public, so every list carries its source and how far that
source can be trusted; a title the sources do not give is left out and shown as still to be confirmed, never
guessed. A clerk who has the manual corrects the file; `checks` names what is still unconfirmed.
"""

from __future__ import annotations

import enum
from typing import Annotated

from pydantic import Field, model_validator

from .models import BEYear, Number, Slug, Strict, Text, Url, check_year_range

ITEM_CODE_PATTERN = r"^O[1-9][0-9]?$"  # O1 … O99, as the NACC numbers them
GROUP_ID_PATTERN = r"^[1-9][0-9]?\.[1-9][0-9]?$"  # a sub-indicator: 9.1, 10.2

ItemCode = Annotated[str, Field(pattern=ITEM_CODE_PATTERN)]
GroupId = Annotated[str, Field(pattern=GROUP_ID_PATTERN)]


class Confidence(enum.StrEnum):
    """How far a list (or one of its items) can be trusted: the NACC's own document, a copy of it elsewhere
    (another agency's site or code quoting the manual), or unverified (inferred, or one unclear source)."""

    OFFICIAL = "official"
    SECONDARY = "secondary"
    UNVERIFIED = "unverified"


class Covers(enum.StrEnum):
    """Which fiscal year an item's evidence is about, counted from the assessment year: reports cover the
    previous fiscal year, plans the current one; standing information (structure, contacts) none."""

    PREVIOUS = "previous"
    CURRENT = "current"
    NONE = "none"


class FromData(enum.StrEnum):
    """Evidence this project already publishes from the data, so the clerk does not type it again: the year's
    report of the measures (data/reports), its measures (data/measures) or its results (data/results)."""

    REPORT = "report"
    MEASURES = "measures"
    RESULTS = "results"


class ListSource(Text):
    """Where a year's list was read: the document in both languages, its address, and its confidence."""

    url: Url | None = None
    confidence: Confidence


class OitGroup(Strict):
    """A sub-indicator the items are grouped under on the assessor's form (9.1 ข้อมูลพื้นฐาน …)."""

    id: GroupId
    indicator: Number  # the framework's indicator it belongs to (9 or 10 in the set used from 2563)
    name: Text
    confidence: Confidence | None = None  # left out: the list's


class OitItem(Strict):
    """One item of a year's list: what the agency must publish, and what counts as evidence of it."""

    code: ItemCode
    title: Text | None = None  # left out: to be confirmed from the NACC's manual
    group: GroupId | None = None  # left out: the sub-indicator is not known
    contains: list[Text] = Field(default_factory=list)  # what the evidence must hold, where a source says
    covers: Covers = Covers.NONE
    from_data: FromData | None = None  # evidence the site already publishes from the data
    confidence: Confidence | None = None  # left out: the list's

    @property
    def number(self) -> int:
        """The item's number, for ordering: O10 after O9."""
        return int(self.code[1:])


class OitList(Strict):
    """The items of the assessment years first_year (to last_year), with the source they were read from."""

    id: Slug
    first_year: BEYear
    last_year: BEYear | None = None
    source: ListSource
    groups: list[OitGroup] = Field(default_factory=list)
    items: list[OitItem] = Field(min_length=1)

    @model_validator(mode="after")
    def _years(self) -> OitList:
        """A list ends no earlier than it starts."""
        check_year_range(self.first_year, self.last_year)
        return self

    def covers(self, year: int) -> bool:
        """Whether assessment year `year` is one of this list's."""
        return self.first_year <= year <= (self.last_year or year)

    @property
    def by_code(self) -> dict[str, OitItem]:
        """The items by code, in number order."""
        return {item.code: item for item in sorted(self.items, key=lambda item: item.number)}

    @property
    def groups_by_id(self) -> dict[str, OitGroup]:
        """The sub-indicators by id, in file order."""
        return {group.id: group for group in self.groups}

    def confidence_of(self, item: OitItem) -> Confidence:
        """How far an item's title can be trusted: its own confidence, else its list's."""
        return item.confidence or self.source.confidence


class OitFile(Strict):
    """`data/oit.yml` (optional): the OIT item lists, each for a range of assessment years."""

    periods: list[OitList] = Field(min_length=1)


def list_for(periods: list[OitList], year: int) -> OitList | None:
    """The list whose assessment years include `year`, or None when none does."""
    return next((period for period in periods if period.covers(year)), None)
