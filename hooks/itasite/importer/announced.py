"""The total and level a report states for a year, as the NACC announced them: from a scores sheet's own
columns, or from the report's sentences ("ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ โดยภาพรวมได้คะแนน ๙๙.๓๗
อยู่ในระดับผ่านดีเยี่ยม"). They become a results file's `stated`, which the build checks against the total
and level it works out from the indicator scores.

A sentence is read only when it names a fiscal year (พ.ศ.), then a score with two decimals after the word
คะแนน, then ระดับ and one of the level names of that year's scheme in levels.yml; anything else is not a
statement of the result. Every figure read from a sentence is listed for review, and two sentences that give
one year different figures give none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from ..data.models import LevelsFile
from ..numbers import arabic_digits
from .review import Review
from .source import Table

YEAR = re.compile(r"พ\.\s*ศ\.\s*([0-9]{4})")
TOTAL = re.compile(r"คะแนน[^0-9]{0,30}?([0-9]{2,3}\.[0-9]{2})(?![0-9])")
LEVEL = re.compile(r"\s*ระดับ\s*[“\"']?\s*")
NEAR = 80  # characters: the level must follow its score within the same clause
QUOTED = 60  # characters of the sentence a review shows


def level_names(levels: LevelsFile | None, year: int) -> list[tuple[str, str]]:
    """(printed name, id) of the levels of the scheme `year` falls under, longest name first, so that
    "ผ่านดีเยี่ยม" is not read as "ผ่านดี"."""
    for scheme in levels.schemes if levels else []:
        if scheme.first_year <= year <= (scheme.last_year or year):
            names = [(level.name.th, level.id) for level in scheme.levels]
            return sorted(names, key=lambda pair: -len(pair[0]))
    return []


def stated_in_sentences(
    paragraphs: Iterable[str], levels: LevelsFile | None, reviews: list[Review]
) -> dict[int, dict[str, object]]:
    """The total and level each year's sentences state, by year; those the sentences disagree on left out."""
    found: dict[int, list[tuple[Decimal, tuple[str, str], str]]] = {}
    for paragraph in paragraphs:
        text = arabic_digits(paragraph)
        for total in TOTAL.finditer(text):
            years = list(YEAR.finditer(text, 0, total.start()))
            if not years:
                continue
            year = int(years[-1].group(1))
            level = _level_after(text[total.end() : total.end() + NEAR], level_names(levels, year))
            if level:
                found.setdefault(year, []).append((Decimal(total.group(1)), level, _quoted(text, total.start())))
    stated: dict[int, dict[str, object]] = {}
    for year, readings in sorted(found.items()):
        figures = sorted({(total, level) for total, level, _ in readings})
        if len(figures) > 1:
            told = "; ".join(f"{total} {name}" for total, (name, _) in figures)
            reviews.append(Review("", "import_stated_conflict", {"year": year, "figures": told}))
            continue
        score, (name, identifier) = figures[0]
        stated[year] = {"total": score, "level": identifier}
        values = {"year": year, "total": f"{score:.2f}", "level": name, "text": readings[0][2]}
        reviews.append(Review("", "import_stated_read", values))
    return stated


def stated_in_sheet(table: Table) -> dict[str, object] | None:
    """The total and level a scores sheet states for its year (the two columns after the score), if any."""
    for row in table.rows:
        cells = [cell.text.strip() for cell in row.cells[3:5]]
        if len(cells) == 2 and all(cells):
            try:
                return {"total": Decimal(arabic_digits(cells[0])), "level": cells[1]}
            except InvalidOperation:
                return None
    return None


def _level_after(text: str, names: list[tuple[str, str]]) -> tuple[str, str] | None:
    """The level (its name as printed, its id) named right after "ระดับ" in `text`."""
    found = LEVEL.search(text)
    if not found:
        return None
    rest = text[found.end() :]
    return next(((name, identifier) for name, identifier in names if rest.startswith(name)), None)


def _quoted(text: str, at: int) -> str:
    """The part of a sentence around a figure, for the clerk to find it in the report."""
    start = max(0, at - QUOTED // 2)
    return ("…" if start else "") + " ".join(text[start : at + QUOTED // 2].split()) + "…"
