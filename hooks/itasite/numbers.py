"""Numbers and years as Thai documents write them, and scores as every page prints them.

Thai reports write digits as ๐–๙ and years in the Buddhist Era; the data and the pages use Arabic digits
and keep both eras explicit, so every conversion lives here. Score formats do not depend on the language,
so charts, tables and downloads all take them from here.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
BE_OFFSET = 543  # B.E. = C.E. + 543
TWO_PLACES = Decimal("0.01")
MONTHS = {
    "th": ("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
           "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"),
    "en": ("January", "February", "March", "April", "May", "June",
           "July", "August", "September", "October", "November", "December"),
}  # fmt: skip


def arabic_digits(text: str) -> str:
    """Return `text` with Thai digits replaced by Arabic ones, so "๙๘.๕๗" reads as 98.57."""
    return text.translate(THAI_DIGITS)


def round2(value: Decimal) -> Decimal:
    """Round half up to two places, the way published ITA scores are rounded (96.328 -> 96.33)."""
    return value.quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def ce_year(be_year: int) -> int:
    """Return the Common Era year of a Buddhist Era year."""
    return be_year - BE_OFFSET


def fiscal_year_bounds(be_year: int) -> tuple[dt.date, dt.date]:
    """Return the first and last day of Thai fiscal year `be_year` (1 October to 30 September)."""
    end_ce = ce_year(be_year)
    return dt.date(end_ce - 1, 10, 1), dt.date(end_ce, 9, 30)


def to_be_year(ce: int) -> int:
    """Return the Buddhist Era year of a Common Era year."""
    return ce + BE_OFFSET


def written_date(day: dt.date, lang: str) -> str:
    """A date in words: B.E. in Thai (6 ตุลาคม 2568), C.E. in English (6 October 2025)."""
    year = to_be_year(day.year) if lang == "th" else day.year
    return f"{day.day} {MONTHS[lang][day.month - 1]} {year}"


def format_score(value: Decimal) -> str:
    """Scores always show two decimals: 100.00, 96.33."""
    return f"{value:.2f}"


def format_threshold(value: Decimal) -> str:
    """A level minimum as people say it: 95, 84.99."""
    return f"{value:.0f}" if value == value.to_integral_value() else f"{value:.2f}"


def format_change(value: Decimal) -> str:
    """A change with its sign: +3.04, -1.20, 0.00."""
    return f"{value:+.2f}" if value else "0.00"
