"""Interface text and the way each language writes years, dates and scores.

The strings live in one table per language (`locales/<lang>.yml` beside this module); this module loads a
table and formats what the pages need. A missing key raises instead of showing an empty label.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path

import yaml
from markupsafe import Markup, escape

from ..data.models import Text
from ..data.yamlfile import SAFE_LOADER
from ..numbers import ce_year, written_date

LANGUAGES = ("th", "en")
LOCALES = Path(__file__).parent / "locales"


def as_text(value: str) -> str:
    """The text a value shows: Markup (a string of the locale, a filter's output) read back from its entities, any
    other string as it is. For what is written into a file that is not HTML."""
    return value.unescape() if isinstance(value, Markup) else value


def title_pair(first: str, second: str) -> Markup:
    """A title of two parts, `IIT · <the tool's name>`, as HTML: each part escaped unless it is Markup already.
    Navigation titles are such HTML, because Material prints them as they are."""
    return Markup("{} · {}").format(first, second)


@dataclass(frozen=True)
class Locale:
    """One language's strings and formats."""

    lang: str
    strings: dict[str, str]

    def t(self, key: str, **values: object) -> Markup:
        """The string `key` as HTML, with `{name}` placeholders filled from `values`: the one place data meets
        interface text. The string is escaped as text (its quotes too, so it is safe in an attribute), and so
        is every value except one that is already Markup (another string of this table, a filter's output).
        Pages, MkDocs' config and Material's templates, which print it unescaped, all get it from here."""
        if key not in self.strings:
            raise KeyError(f"no interface string {key!r} in locales/{self.lang}.yml")
        return Markup(escape(self.strings[key])).format_map(values) if values else escape(self.strings[key])

    def plain(self, key: str, **values: object) -> str:
        """The string `key` as plain text, for files that are not HTML (CSV, JSON, JSON-LD, BibTeX): what `t`
        gives, with its entities read back, so a value is written as the data has it, never as `&lt;`."""
        return as_text(self.t(key, **values))

    def year(self, be_year: int) -> Markup:
        """A fiscal year as the reader expects it: ปีงบประมาณ พ.ศ. 2568 / FY2025 (B.E. 2568)."""
        return self.t("fiscal_year", be=be_year, ce=ce_year(be_year))

    def year_short(self, be_year: int) -> Markup:
        """A fiscal year in a table heading or a chart label: พ.ศ. 2568 / FY2025."""
        return self.t("fiscal_year_short", be=be_year, ce=ce_year(be_year))

    def years(self, first: int, last: int) -> Markup:
        """A run of fiscal years written once, as Thai does: ปีงบประมาณ พ.ศ. 2563–2566 / FY2020–FY2023 (B.E.
        2563–2566), not the year's words twice."""
        return self.t("fiscal_years", **self._ends(first, last))

    def years_short(self, first: int, last: int) -> Markup:
        """A run of fiscal years in a chart's subtitle: พ.ศ. 2567–2568 / FY2024–FY2025."""
        return self.t("fiscal_years_short", **self._ends(first, last))

    @staticmethod
    def _ends(first: int, last: int) -> dict[str, int]:
        """The first and last year of a run, in both eras, as the `fiscal_years` strings name them."""
        return {"first_be": first, "last_be": last, "first_ce": ce_year(first), "last_ce": ce_year(last)}

    def date(self, day: dt.date) -> str:
        """A calendar date: B.E. on Thai pages (6 ตุลาคม 2568), C.E. on English ones (6 October 2025)."""
        return written_date(day, self.lang)

    def text(self, text: Text) -> str:
        """The text in this language, falling back to Thai where the English is still missing."""
        return (text.en if self.lang == "en" else None) or text.th

    def is_translated(self, text: Text) -> bool:
        """Whether `text` has this language's version (Thai always does)."""
        return self.lang == "th" or bool(text.en)


@functools.cache  # the tables are the package's own files: read once a process, not once a page or file
def load_locale(lang: str, locales_dir: Path = LOCALES) -> Locale:
    """Read the string table of `lang`; unknown languages fail loudly."""
    if lang not in LANGUAGES:
        raise ValueError(f"language {lang!r} is not supported; expected one of {', '.join(LANGUAGES)}")
    with (locales_dir / f"{lang}.yml").open(encoding="utf-8") as handle:
        strings = yaml.load(handle, Loader=SAFE_LOADER)
    return Locale(lang, {key: str(value) for key, value in strings.items()})
