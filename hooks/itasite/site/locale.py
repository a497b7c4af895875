"""Interface text and the way each language writes years, dates and scores.

The strings live in one table per language (`locales/<lang>.yml` beside this module); this module loads a
table and formats what the pages need. A missing key raises instead of showing an empty label.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..data.models import Text
from ..data.yamlfile import SAFE_LOADER
from ..numbers import ce_year, written_date

LANGUAGES = ("th", "en")
LOCALES = Path(__file__).parent / "locales"


@dataclass(frozen=True)
class Locale:
    """One language's strings and formats."""

    lang: str
    strings: dict[str, str]

    def t(self, key: str, **values: object) -> str:
        """The string `key`, with `{name}` placeholders filled from `values`."""
        if key not in self.strings:
            raise KeyError(f"no interface string {key!r} in locales/{self.lang}.yml")
        return self.strings[key].format_map(values) if values else self.strings[key]

    def year(self, be_year: int) -> str:
        """A fiscal year as the reader expects it: ปีงบประมาณ พ.ศ. 2568 / FY2025 (B.E. 2568)."""
        return self.t("fiscal_year", be=be_year, ce=ce_year(be_year))

    def year_short(self, be_year: int) -> str:
        """A fiscal year in a table heading or a chart label: พ.ศ. 2568 / FY2025."""
        return self.t("fiscal_year_short", be=be_year, ce=ce_year(be_year))

    def date(self, day: dt.date) -> str:
        """A calendar date: B.E. on Thai pages (6 ตุลาคม 2568), C.E. on English ones (6 October 2025)."""
        return written_date(day, self.lang)

    def text(self, text: Text) -> str:
        """The text in this language, falling back to Thai where the English is still missing."""
        return (text.en if self.lang == "en" else None) or text.th

    def is_translated(self, text: Text) -> bool:
        """Whether `text` has this language's version (Thai always does)."""
        return self.lang == "th" or bool(text.en)


def load_locale(lang: str, locales_dir: Path = LOCALES) -> Locale:
    """Read the string table of `lang`; unknown languages fail loudly."""
    if lang not in LANGUAGES:
        raise ValueError(f"language {lang!r} is not supported; expected one of {', '.join(LANGUAGES)}")
    with (locales_dir / f"{lang}.yml").open(encoding="utf-8") as handle:
        strings = yaml.load(handle, Loader=SAFE_LOADER)
    return Locale(lang, {key: str(value) for key, value in strings.items()})
