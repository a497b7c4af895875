"""The words of every data problem, in Thai (the default) and English: one table per language.

A problem carries a message code and its values; the words are chosen only when it is shown, so one run can
be read in either language. `messages/<lang>.yml` hold the tables; a missing code fails loudly.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from .yamlfile import SAFE_LOADER, MonthName

LANGUAGES = ("th", "en")
DEFAULT_LANGUAGE = "th"
LANGUAGE_VARIABLE = "ITA_LANG"  # the environment's choice, when no option says otherwise
TABLES = Path(__file__).parent / "messages"


@dataclass(frozen=True)
class Bilingual:
    """A value whose words depend on the language, such as a list of units with their names."""

    th: str
    en: str

    def words(self, lang: str) -> str:
        """The value in `lang`."""
        return self.th if lang == "th" else self.en


@cache
def table(lang: str) -> dict[str, str]:
    """The message texts of one language, by code."""
    if lang not in LANGUAGES:
        raise ValueError(f"messages exist in {', '.join(LANGUAGES)}, not {lang!r}")
    with (TABLES / f"{lang}.yml").open(encoding="utf-8") as handle:
        texts = yaml.load(handle, Loader=SAFE_LOADER)
    return {str(code): str(text) for code, text in texts.items()}


def say(lang: str, code: str, values: Mapping[str, object]) -> str:
    """One message in one language, its `{placeholders}` filled."""
    texts = table(lang)
    if code not in texts:
        raise KeyError(f"no message {code!r} in {TABLES.name}/{lang}.yml")
    chosen = {
        name: value.words(lang) if isinstance(value, Bilingual | MonthName) else value for name, value in values.items()
    }
    return texts[code].format_map(chosen)


def chosen_language(option: str | None = None) -> str:
    """The language messages are shown in: an explicit option, else ITA_LANG, else Thai."""
    lang = option or os.environ.get(LANGUAGE_VARIABLE) or DEFAULT_LANGUAGE
    if lang not in LANGUAGES:
        raise SystemExit(
            f"ไม่รองรับภาษา {lang!r} ใช้ได้: {', '.join(LANGUAGES)}\nLanguage {lang!r} is not supported; use one of: "
            + ", ".join(LANGUAGES)
        )
    return lang
