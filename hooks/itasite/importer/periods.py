"""A measure's period as the report writes it ("ตุลาคม ๒๕๖๗ - กันยายน ๒๕๖๘", "ต.ค. 67 – ก.ย. 68",
"ตลอดปีงบประมาณ พ.ศ. ๒๕๖๘") read as real dates: the first day of the first month and the last day of the
last month, Buddhist Era years turned into Common Era ones. What it cannot read is None, never a guess."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from ..numbers import MONTHS, arabic_digits, ce_year, fiscal_year_bounds

ABBREVIATED = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.")
NAMES = {name: month for month, name in enumerate(MONTHS["th"], start=1)}
NAMES |= {name: month for month, name in enumerate(ABBREVIATED, start=1)}
NAMES |= {name.replace(".", ""): month for name, month in list(NAMES.items()) if "." in name}
MONTH = "|".join(sorted(map(re.escape, NAMES), key=len, reverse=True))
ONE = re.compile(rf"(?:เดือน\s*)?(?:([0-9]{{1,2}})\s*)?({MONTH})\s*(?:พ\.\s*ศ\.\s*)?([0-9]{{2,4}})")
WHOLE_YEAR = re.compile(r"(?:ตลอด)?ปีงบประมาณ\s*(?:พ\.\s*ศ\.\s*)?([0-9]{2,4})|^\s*ตลอดปี(?:งบประมาณ)?\s*$")


def period_of(text: str, fiscal_year: int) -> tuple[dt.date, dt.date] | None:
    """The start and end dates a period cell names, or None when it names no month range or fiscal year."""
    plain = " ".join(arabic_digits(text).split())
    months = list(ONE.finditer(plain))
    if len(months) == 2:
        first, last = (_month(found) for found in months)
        if first is None or last is None or first > last:
            return None
        start = first if months[0].group(1) is None else first.replace(day=int(months[0].group(1)))
        last_day = calendar.monthrange(last.year, last.month)[1]
        end = last.replace(day=int(months[1].group(1)) if months[1].group(1) else last_day)
        return start, end
    whole = WHOLE_YEAR.search(plain)
    if whole and not months:
        year = _be_year(whole.group(1)) if whole.group(1) else fiscal_year
        return fiscal_year_bounds(year)
    return None


def _month(found: re.Match[str]) -> dt.date | None:
    """The first day of the month one match names."""
    try:
        return dt.date(ce_year(_be_year(found.group(3))), NAMES[found.group(2)], 1)
    except ValueError:
        return None


def _be_year(digits: str) -> int:
    """A Buddhist Era year written in full (2568) or short (68)."""
    year = int(digits)
    return year + 2500 if year < 100 else year
