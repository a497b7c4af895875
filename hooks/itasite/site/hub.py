"""The hub of many agencies' sites: one page per language listing every agency with its latest total and level.

`python -m itasite build-all` writes it beside the agencies' sites. A reader finds an agency by typing part of
its name, district or province (Thai or English, on either language's page), and the table can be sorted and
filtered by province and agency type, all in the browser with `hub.js` (a file of its own, so the
Content-Security-Policy needs no inline script); it reads as a plain table without it. The national average of
the latest year a source gives is a row of the table, so it sorts among the agencies. Nothing is fetched: the
page links to each agency's site, in the same language.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from ..data.national import NationalYear
from ..data.register import year_registers
from ..numbers import format_score
from ..scoring import ScoredDataset
from .disclosure import latest_register
from .locale import Locale, load_locale
from .render import url_of
from .routes import disclosure_page

TEMPLATES = Path(__file__).parent / "templates"
SCRIPT = Path(__file__).parent / "hub.js"  # sorting and filtering, beside the Python that writes the table
STYLE = Path(__file__).parent / "hub.css"
# The kinds of agency, told by how their Thai name begins (longest first); the locale names each kind
KINDS = [
    ("องค์การบริหารส่วนจังหวัด", "pao"),
    ("องค์การบริหารส่วนตำบล", "sao"),
    ("เทศบาลนคร", "city"),
    ("เทศบาลเมือง", "town"),
    ("เทศบาลตำบล", "subdistrict"),
]
OTHER_KIND = "other"


@dataclass(frozen=True)
class HubRow:
    """One agency in the hub's table, in one language."""

    folder: str  # its site's folder beside the hub
    name: str
    district: str
    province: str
    kind: str  # the kind's name in this language
    year: str
    total: str
    level: str
    official: bool
    oit: str = ""  # "N of 26 published" of its latest OIT register; empty without one
    oit_page: str = ""  # that register's page, inside the agency's site
    search: str = ""  # its name, district and province in every language, for the search box


@dataclass(frozen=True)
class HubNational:
    """The national average of one year, as a source gives it, for the row beside the agencies."""

    year: str
    average: str
    agencies: str  # how many agencies were assessed, written out; empty when the source does not say
    source_title: str
    source_url: str


def national_average(agencies: dict[str, ScoredDataset]) -> NationalYear | None:
    """The latest year's national figures that give an average, from the first agency whose national.yml has
    them (the file is the same for every agency: the NACC's figures); None when none does."""
    found: dict[int, NationalYear] = {}
    for scored in agencies.values():
        for year, figures in scored.dataset.national.items():
            if figures.average is not None:
                found.setdefault(year, figures)
    return found[max(found)] if found else None


def hub_national(agencies: dict[str, ScoredDataset], locale: Locale) -> HubNational | None:
    """The national row in one language; None without a national average in the data."""
    figures = national_average(agencies)
    if figures is None or figures.average is None:
        return None
    return HubNational(
        year=locale.year(figures.year),
        average=format_score(figures.average),
        agencies=locale.t("hub_national_agencies", agencies=f"{figures.agencies:,}") if figures.agencies else "",
        source_title=locale.text(figures.source.title),
        source_url=figures.source.url,
    )


def agency_kind(thai_name: str) -> str:
    """The kind of agency its Thai name says it is (an id of KINDS, or "other")."""
    return next((kind for prefix, kind in KINDS if thai_name.startswith(prefix)), OTHER_KIND)


def oit_count(scored: ScoredDataset, locale: Locale) -> dict[str, str]:
    """The agency's "N of 26 published" for its latest OIT register and where that register's page is."""
    register = latest_register(year_registers(scored.dataset))
    if register is None:
        return {}
    count = locale.t("oit_count", published=register.published, total=len(register.items))
    return {"oit": count, "oit_page": url_of(disclosure_page(register.year))}


def hub_rows(agencies: dict[str, ScoredDataset], lang: str) -> list[HubRow]:
    """The table's rows, by agency name: each agency's latest year with its total and level."""
    locale = load_locale(lang)
    rows = []
    for folder, scored in agencies.items():
        agency, latest = scored.dataset.agency, scored.scores[max(scored.scores)] if scored.scores else None
        rows.append(
            HubRow(
                folder=folder,
                name=locale.text(agency.name),
                district=locale.text(agency.district),
                province=locale.text(agency.province),
                kind=locale.t(f"hub_kind_{agency_kind(agency.name.th)}"),
                year=locale.year(latest.year) if latest else "",
                total=format_score(latest.total) if latest else "",
                level=locale.text(latest.reason.level.name) if latest else "",
                official=bool(latest and latest.official),
                **oit_count(scored, locale),
                search=" ".join(
                    word
                    for text in (agency.name, agency.district, agency.province)
                    for word in (text.th, text.en or "")
                ),
            )
        )
    return sorted(rows, key=lambda row: (row.province, row.name))


def render_hub(agencies: dict[str, ScoredDataset], languages: list[str], failed: list[str]) -> dict[str, str]:
    """The hub's files by path under the output folder: a page per language, its script and styles, and the
    root page that leads to the first language."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]), undefined=StrictUndefined
    )
    template = env.get_template("hub.html")
    files = {"hub.js": SCRIPT.read_text(encoding="utf-8"), "hub.css": STYLE.read_text(encoding="utf-8")}
    for lang in languages:
        locale = load_locale(lang)
        rows = hub_rows(agencies, lang)
        others = [{"lang": other, "name": load_locale(other).t("language_name")} for other in languages]
        files[f"{lang}/index.html"] = template.render(
            lang=lang,
            t=locale.t,
            rows=rows,
            national=hub_national(agencies, locale),
            provinces=sorted({row.province for row in rows}),
            kinds=sorted({row.kind for row in rows}),
            languages=others,
            failed=failed,
        )
    files["index.html"] = env.get_template("hub-root.html").render(first=languages[0])
    return files


def write_hub(out: Path, agencies: dict[str, ScoredDataset], languages: list[str], failed: list[str]) -> None:
    """Write the hub's files into `out`, beside the agencies' sites."""
    for path, text in render_hub(agencies, languages, failed).items():
        (out / path).parent.mkdir(parents=True, exist_ok=True)
        (out / path).write_text(text, encoding="utf-8")
