"""The schema of every data file, as pydantic models.

Each model mirrors one YAML file (or one part of it). Unknown keys are errors (`extra="forbid"`), so a
misspelt key is reported instead of silently ignored. Checks that need more than one file live in
`checks.py`.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from decimal import Decimal, InvalidOperation
from typing import Annotated

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from ..numbers import arabic_digits

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
COLOR_PATTERN = r"^#[0-9a-fA-F]{6}$"
LOGO_PATTERN = r"^[\w.-]+\.(svg|png)$"
BRANCH_PATTERN = r"^[A-Za-z0-9_][A-Za-z0-9._/-]*$"  # a git branch name that needs no escaping in an address
PATTERN_MESSAGES = {
    SLUG_PATTERN: "slug_pattern",
    COLOR_PATTERN: "color_pattern",
    LOGO_PATTERN: "logo_pattern",
    BRANCH_PATTERN: "branch_pattern",
}
URL_SCHEMES = ("http://", "https://", "mailto:", "tel:")
BE_YEAR_RANGE = (2500, 2700)  # plausible Buddhist Era years: 1957–2157 C.E.
MAX_TEXT_LENGTH = 10_000  # characters; the longest text of the seed report is under 1,000


class Strict(BaseModel):
    """Base of every model: unknown keys are rejected and values are never coerced silently."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def _to_decimal(value: object) -> object:
    """Read a score written as a YAML number or as text, Thai digits included ("๙๘.๕๗")."""
    if isinstance(value, bool):
        return value  # left for pydantic to reject: true is not a score
    if isinstance(value, int | float):
        return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if isinstance(value, str):
        try:
            return Decimal(arabic_digits(value.strip()))
        except InvalidOperation:
            return value
    return value


def _to_int(value: object) -> object:
    """Read a whole number written with Thai digits ("๒๕๖๘") as an int."""
    if isinstance(value, str) and arabic_digits(value).strip().isdigit():
        return int(arabic_digits(value))
    return value


def _check_url(value: str) -> str:
    """Allow only links a citizen can safely follow: web, e-mail and phone links."""
    if not value.lower().startswith(URL_SCHEMES):
        raise PydanticCustomError(
            "ita_url_scheme", "a link must start with one of {schemes}", {"schemes": ", ".join(URL_SCHEMES)}
        )
    if re.search(r"[\s<>\"]", value):
        raise PydanticCustomError("ita_url_characters", "a link may not contain spaces, quotes or angle brackets")
    return value


def _strip_text(value: object) -> object:
    """Trim surrounding white space so an empty-looking string counts as missing."""
    return value.strip() if isinstance(value, str) else value


Score = Annotated[Decimal, BeforeValidator(_to_decimal), Field(ge=0, le=100, decimal_places=2)]
Weight = Annotated[Decimal, BeforeValidator(_to_decimal), Field(gt=0, le=100)]
BEYear = Annotated[int, BeforeValidator(_to_int), Field(ge=BE_YEAR_RANGE[0], le=BE_YEAR_RANGE[1], strict=True)]
Number = Annotated[int, BeforeValidator(_to_int), Field(ge=1, le=999, strict=True)]
Slug = Annotated[str, Field(pattern=SLUG_PATTERN, max_length=80)]
Url = Annotated[str, AfterValidator(_check_url)]
RequiredText = Annotated[str, BeforeValidator(_strip_text), Field(min_length=1, max_length=MAX_TEXT_LENGTH)]
OptionalText = Annotated[
    Annotated[str, Field(max_length=MAX_TEXT_LENGTH)] | None,
    BeforeValidator(lambda value: _strip_text(value) or None),  # an empty English text is a missing one
]


def check_year_range(first_year: int, last_year: int | None) -> None:
    """A range of years (a scheme's, a period's, a list's) ends no earlier than it starts."""
    if last_year is not None and last_year < first_year:
        raise PydanticCustomError(
            "ita_scheme_years", "last_year is before first_year", {"last": last_year, "first": first_year}
        )


class Text(Strict):
    """A text in both languages; Thai is required, English may still be missing (shown as untranslated)."""

    th: RequiredText
    en: OptionalText = None

    @model_validator(mode="before")
    @classmethod
    def _thai_alone(cls, value: object) -> object:
        """A text written as a plain line is Thai, the language every report is written in."""
        return {"th": value} if isinstance(value, str) else value


class Item(Text):
    """An entry of a list that may carry sub-items (the report's bulleted lists inside a numbered item)."""

    items: list[Text] = []


class Tool(enum.StrEnum):
    """The three ITA assessment tools."""

    IIT = "IIT"
    EIT = "EIT"
    OIT = "OIT"


class ToolInfo(Strict):
    """One assessment tool of a period of the framework (data/framework.py holds the periods)."""

    id: Tool
    name: Text
    description: Text


class Indicator(Strict):
    """One indicator of a period of the framework, scored by one tool."""

    number: Number
    name: Text
    tool: Tool
    description: Text | None = None  # what it measures, in the words of the period's source (its indicator page)


class Level(Strict):
    """One level of a scheme; a year gets the first level whose minimums it meets."""

    id: Slug
    name: Text
    min_total: Score
    min_each_tool: Score | None = None


class Cited(Text):
    """A document cited for a rule, in both languages, with its address where it has one."""

    url: Url | None = None


class Scheme(Strict):
    """How the total and the level are worked out, for a range of fiscal years: where the rules were taken
    from (`source`), what of them is still unchecked (`unverified`) and, once someone has read it, the NACC's
    manual that lays them down (`manual`). Until a manual is cited, the pages say the reasons for a level
    follow the rules as this site summarises them."""

    id: Slug
    first_year: BEYear
    last_year: BEYear | None = None
    weights: dict[Tool, Weight]
    levels: list[Level] = Field(min_length=1)
    source: Cited | None = None  # what the rules were actually taken from
    unverified: Text | None = None  # what of the rules no official document has confirmed yet
    manual: Cited | None = None  # the NACC's own manual, with its page: the rules are then the NACC's

    @model_validator(mode="after")
    def _check(self) -> Scheme:
        """A scheme must give every score a level, from the top down, with weights that add up to 100."""
        check_year_range(self.first_year, self.last_year)
        if sum(self.weights.values()) != 100:
            raise PydanticCustomError(
                "ita_weights_sum", "weights must add up to 100", {"total": sum(self.weights.values())}
            )
        minimums = [level.min_total for level in self.levels]
        if minimums != sorted(minimums, reverse=True):
            raise PydanticCustomError("ita_levels_order", "levels must be listed from the highest min_total down")
        if self.levels[-1].min_total != 0 or self.levels[-1].min_each_tool is not None:
            raise PydanticCustomError("ita_levels_last", "the last level must have min_total 0 and no min_each_tool")
        return self


class LevelsFile(Strict):
    """`data/levels.yml`: the scoring schemes, each valid for a range of years."""

    schemes: list[Scheme] = Field(min_length=1)


class Unit(Strict):
    id: Slug
    name: Text


class UnitsFile(Strict):
    """`data/units.yml`: the offices that can be named as responsible for a measure."""

    units: list[Unit] = Field(min_length=1)


class ContactKind(enum.StrEnum):
    WEBSITE = "website"
    FACEBOOK = "facebook"
    LINE = "line"
    PHONE = "phone"
    WEBBOARD = "webboard"
    EMAIL = "email"


class Contact(Strict):
    kind: ContactKind
    label: Text
    value: str | None = None
    url: Url | None = None


class Colors(Strict):
    """The agency's own colours for the site's header and links (CSS hex colours such as #1b5e20)."""

    primary: Annotated[str, Field(pattern=COLOR_PATTERN)]
    accent: Annotated[str, Field(pattern=COLOR_PATTERN)] | None = None


class Agency(Strict):
    """`data/agency.yml`: who publishes the site."""

    name: Text
    district: Text
    province: Text
    website: Url
    site_url: Url | None = None  # where this site is published; SITE_URL, when a build sets it, comes first
    repository: Url | None = None  # where its data is kept (a GitHub repository), for the footer's link
    # the repository's branch that the pages' edit links open the data files on; left out: main
    branch: Annotated[str, Field(pattern=BRANCH_PATTERN, max_length=100)] | None = None
    contacts: list[Contact] = []
    logo: Annotated[str, Field(pattern=LOGO_PATTERN)] | None = None  # a file beside agency.yml
    colors: Colors | None = None
    # the data's licence, an id of licences.yml beside models.py (CC-BY-4.0...); left out: "not stated"
    licence: Annotated[str, Field(max_length=40)] | None = None
    # who publishes this site, when it is not the agency itself (every page's footer says so); left out: the agency
    publisher: Text | None = None
    # the agency's own result on the NACC's ITAS; left out: the pages give ITAS's public address and what to look for
    itas_url: Url | None = None


class Stated(Strict):
    """The total and level as the report states them; the build checks them against the computed ones."""

    total: Score
    level: RequiredText  # as the report prints it (ผ่านดีเยี่ยม, AA) or the level's id (excellent, aa)


class Results(Strict):
    """`data/results/YYYY.yml`: one fiscal year's indicator scores, or, for a year whose breakdown the agency
    no longer has, only the total and level the NACC announced."""

    year: BEYear
    scores: dict[Number, Score] = {}
    stated: Stated | None = None

    @model_validator(mode="after")
    def _scores_or_stated(self) -> Results:
        """A year needs its indicator scores, or at least the total and level as announced."""
        if not self.scores and self.stated is None:
            raise PydanticCustomError(
                "ita_scores_or_stated", "give the indicator scores, or the stated total and level"
            )
        return self


class Period(Strict):
    """When a measure ran; `checks.py` keeps it inside the measure's fiscal year."""

    start: dt.date
    end: dt.date


class Measure(Strict):
    """`data/measures/YYYY/NN-slug.yml`: one measure of a fiscal year's report."""

    id: Slug
    year: BEYear
    number: Number
    title: Text
    units: list[Slug] = Field(min_length=1)
    period: Period
    indicators: list[Number] = []  # may be empty: a report's table names none; an import leaves it to fill in
    steps: list[Item] = Field(min_length=1)
    outputs: list[Item] = Field(min_length=1)
    outcomes: list[Item] = Field(min_length=1)
