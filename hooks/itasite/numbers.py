"""Numbers and years as Thai documents write them.

Thai reports write digits as ๐–๙ and years in the Buddhist Era; the data and the pages use Arabic digits
and keep both eras explicit, so every conversion lives here.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
BE_OFFSET = 543  # B.E. = C.E. + 543
TWO_PLACES = Decimal("0.01")


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
