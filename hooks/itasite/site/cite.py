"""How a reader cites a page with figures: a plain sentence in the page's language, and the same as BibTeX and
RIS for reference managers (agency, title, fiscal year, address, the date the page's data last changed).

Plain strings only: the template escapes them for HTML. BibTeX needs its own escaping (braces and the
characters LaTeX reads), RIS none but one field a line.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..numbers import ce_year
from .locale import Locale, as_text

BIBTEX_SPECIAL = re.compile(r"([{}\\%&#$_^~])")
KEY_CHARACTERS = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class Citation:
    """One page's citation in the three forms the page offers."""

    text: str
    bibtex: str
    ris: str


def citation(
    locale: Locale, agency: str, title: str, year: int | None, url: str, path: str, changed: dt.date | None
) -> Citation:
    """The citation of the page at `url` (`path` inside the site) titled `title`, about fiscal year `year`."""
    agency, title = as_text(agency), as_text(title)  # plain text throughout: the page escapes it where shown
    site = locale.plain("cite_site")
    when = locale.plain("cite_changed", date=locale.date(changed)) if changed else locale.plain("cite_no_history")
    named = as_text(locale.year(year)) if year else ""
    fiscal = locale.plain("cite_fiscal_year", year=named) if named and named not in title else ""  # not said twice
    text = locale.plain("cite_text", agency=agency, title=title, fiscal=fiscal, site=site, url=url, changed=when)
    published = changed.year if changed else (ce_year(year) if year else None)
    key = "ita-" + (KEY_CHARACTERS.sub("-", path.lower()).strip("-") or "home")
    fields = [
        ("author", "{" + _bibtex(agency) + "}"),  # doubled braces: an organisation, not a person's name
        ("title", _bibtex(title + fiscal)),
        ("howpublished", _bibtex(site)),
        ("year", str(published) if published else ""),
        ("url", url),
        ("note", _bibtex(when)),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
    bibtex = f"@misc{{{key},\n{body}\n}}"
    ris = [("TY", "DATA"), ("AU", agency), ("TI", title + fiscal), ("T2", site), ("PY", str(published or ""))]
    ris += [("UR", url)]
    ris += [("DA", changed.isoformat())] if changed else []
    lines = [f"{tag}  - {value}" for tag, value in ris if value] + ["ER  - "]
    return Citation(text, bibtex, "\n".join(lines))


def _bibtex(text: str) -> str:
    """Text safe inside a BibTeX field: LaTeX's special characters escaped."""
    return BIBTEX_SPECIAL.sub(r"\\\1", text)
