"""The schema of `data/indicators.yml`: the ITA framework by period, each set of tools and indicators valid for a
range of fiscal years, as the scoring schemes of `levels.yml` are.

The NACC has changed its indicators over the years (the set in use since B.E. 2563 is not the one before), so a
year's scores are read against the set of its own year, and each period cites where its set is laid down.
`checks.py` keeps the periods from overlapping and each results file to the indicators of its year.
"""

from __future__ import annotations

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from .models import BEYear, Indicator, Slug, Strict, Text, ToolInfo, Url, check_year_range


class Citation(Text):
    """Where a period's tools and indicators are laid down: the document, in both languages, and its address."""

    url: Url | None = None


class IndicatorSet(Strict):
    """One period of the framework: the tools and the indicators they score, from first_year (to last_year)."""

    id: Slug
    first_year: BEYear
    last_year: BEYear | None = None
    source: Citation
    tools: list[ToolInfo] = Field(min_length=1)
    indicators: list[Indicator] = Field(min_length=1)

    @model_validator(mode="after")
    def _years(self) -> IndicatorSet:
        """A period ends no earlier than it starts."""
        check_year_range(self.first_year, self.last_year)
        return self

    def covers(self, year: int) -> bool:
        """Whether fiscal year `year` is one of this period's."""
        return self.first_year <= year <= (self.last_year or year)

    @property
    def by_number(self) -> dict[int, Indicator]:
        """The indicators by number, in number order."""
        return dict(sorted((indicator.number, indicator) for indicator in self.indicators))

    @property
    def tools_by_id(self) -> dict[str, ToolInfo]:
        """The tools by id, in file order."""
        return {str(tool.id): tool for tool in self.tools}


class IndicatorsFile(Strict):
    """`data/indicators.yml`: the periods of the ITA framework, each with its tools, indicators and source."""

    periods: list[IndicatorSet] = Field(min_length=1)

    @model_validator(mode="before")
    @classmethod
    def _single_set(cls, value: object) -> object:
        """The file of earlier versions held one set for every year; say how to move it into a period."""
        if isinstance(value, dict) and "periods" not in value and {"tools", "indicators"} & set(value):
            raise PydanticCustomError("ita_indicators_single_set", "indicators.yml now lists periods")
        return value


def set_for(periods: list[IndicatorSet], year: int) -> IndicatorSet | None:
    """The period whose years include `year`, or None when none does (the first, while periods still overlap)."""
    return next((period for period in periods if period.covers(year)), None)
