"""The OIT disclosure pages: an assessment year's items, a page per item, and the answer sheet for ITAS.

The answer sheet gives, per item, the absolute address the assessor opens and the click path from the home
page. The click path is read from the navigation the site is built with (`click_path`), so it always names
the links a visitor really sees; the addresses are made under the language site's address like the
catalogue's.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from ..data.dataset import Dataset
from ..data.disclosure import FILES_FOLDER, Answer
from ..data.register import Evidence, ItemStatus, KeptFile, Status, YearRegister, year_registers
from .locale import Locale, as_text
from .render import url_of
from .routes import (
    HOME,
    answer_sheet_csv,
    answer_sheet_page,
    disclosure_file,
    disclosure_item_page,
    disclosure_page,
    measures_year_page,
    report_page,
    results_page,
)
from .spreadsheet import csv_file

NavEntry = str | dict[str, Any]
CSV_COLUMNS = ["code", "title", "url", "click_path"]


@dataclass(frozen=True)
class AnswerRow:
    """One line of the answer sheet: what the clerk pastes into ITAS for one item."""

    status: ItemStatus
    title: Markup  # the item's title as the page shows it (or "to be confirmed")
    url: str  # absolute
    click_path: Markup  # the navigation's titles, which are HTML


def item_title(status: ItemStatus, locale: Locale) -> Markup:
    """The item's title in the page's language, or the words saying it is still to be confirmed."""
    title = status.item.title
    return escape(locale.text(title)) if title else locale.t("oit_title_tbc")


def item_nav_title(status: ItemStatus, locale: Locale) -> Markup:
    """The item's entry in the navigation: its code and title, escaped (Material prints navigation titles as
    HTML)."""
    code = escape(status.item.code)
    return Markup("{} {}").format(code, item_title(status, locale)) if status.item.title else code


def year_nav(register: YearRegister, locale: Locale) -> NavEntry:
    """The navigation section of one assessment year: its page, the answer sheet, then every item."""
    year = register.year
    entries: list[NavEntry] = [disclosure_page(year), {locale.t("oit_answer_title"): answer_sheet_page(year)}]
    entries += [{item_nav_title(s, locale): disclosure_item_page(year, s.item.code)} for s in register.items]
    return {locale.t("nav_disclosure", year=year): entries}


def nav_titles(nav: list[NavEntry], target: str, above: tuple[str, ...] = ()) -> tuple[str, ...] | None:
    """The titles leading to `target` in the navigation, its own entry's title last; None when absent."""
    for entry in nav:
        if isinstance(entry, str):
            if entry == target:
                return above
            continue
        for title, value in entry.items():
            if value == target:
                return (*above, title)
            if isinstance(value, list):
                found = nav_titles(value, target, (*above, title))
                if found is not None:
                    return found
    return None


def click_path(nav: list[NavEntry], target: str, locale: Locale, last: str = "") -> Markup:
    """How to reach `target` from the home page, as the navigation names each step."""
    home = nav_titles(nav, HOME) or (locale.t("nav_home"),)
    steps = [*home[-1:], *(nav_titles(nav, target) or ())]
    return locale.t("oit_click_separator").join([*steps, *([last] if last else [])])


def evidence_href(evidence: Evidence) -> str:
    """Where a piece of evidence is, as a site path (a page or kept file) or an outside address."""
    if evidence.file:
        return disclosure_file(evidence.file.name)
    if evidence.url:
        return evidence.url
    assert evidence.data_year is not None and evidence.from_data is not None
    pages = {"report": report_page, "measures": measures_year_page, "results": results_page}
    return pages[str(evidence.from_data)](evidence.data_year)


def absolute(site: str, target: str) -> str:
    """The absolute address of a site path (a page's source or a file), or an outside address as it is."""
    if target.startswith(("http://", "https://")):
        return target
    return site + (url_of(target) if target.endswith(".md") else target)


def answer_rows(register: YearRegister, nav: list[NavEntry], locale: Locale, site: str) -> list[AnswerRow]:
    """The answer sheet of one year, item by item."""
    rows = []
    for status in register.items:
        page = disclosure_item_page(register.year, status.item.code)
        target, last = page, ""
        if status.answer is Answer.DOCUMENT and status.evidence:
            first = status.evidence[0]
            target = evidence_href(first)
            last = locale.text(first.title) if first.title else ""
        path = click_path(nav, page, locale, last)
        rows.append(AnswerRow(status, item_title(status, locale), absolute(site, target), path))
    return rows


def answer_csv(rows: list[AnswerRow]) -> bytes:
    """The answer sheet as CSV: UTF-8 with a byte-order mark (Excel on Thai Windows), CRLF line ends."""
    cells = [(row.status.item.code, as_text(row.title), row.url, as_text(row.click_path)) for row in rows]
    return csv_file(CSV_COLUMNS, [dict(zip(CSV_COLUMNS, values, strict=True)) for values in cells])  # plain text


def kept_files(registers: dict[int, YearRegister]) -> list[KeptFile]:
    """Every file kept in the repository that some register names, once each, by name."""
    found = {e.file.name: e.file for r in registers.values() for s in r.items for e in s.evidence if e.file}
    return [found[name] for name in sorted(found)]


def kept_file_sources(dataset: Dataset, files: list[KeptFile]) -> list[tuple[str, Path]]:
    """Each kept file's published path and where it is read from."""
    return [(disclosure_file(f.name), dataset.root / FILES_FOLDER / f.name) for f in files]


def originals(dataset: Dataset) -> list[tuple[str, Path]]:
    """The reports' originals kept in the data (original: file:), published beside the OIT evidence so every
    page can link the report the site was made from."""
    names = sorted({r.original.file for r in dataset.reports.values() if r.original and r.original.file})
    return [(disclosure_file(name), dataset.root / FILES_FOLDER / name) for name in names]


def registers_of(dataset: Dataset) -> dict[int, YearRegister]:
    """The years' registers the pages show (none without data/oit.yml and a register)."""
    return year_registers(dataset)


def latest_register(registers: dict[int, YearRegister]) -> YearRegister | None:
    """The newest year's register, for the home page's count; None without any."""
    return registers[max(registers)] if registers else None


Spec = tuple[str, str, dict[str, Any], tuple[str, ...], str]  # path, template, context, sources, label


def register_sources(register: YearRegister) -> tuple[str, ...]:
    """The data files an assessment year's disclosure pages are built from."""
    return ("agency.yml", "oit.yml", f"disclosure/{register.year}.yml", f"{FILES_FOLDER}/", "reports/", "measures/")


def disclosure_specs(
    registers: dict[int, YearRegister], nav: list[NavEntry], locale: Locale, site: str, shared: dict[str, Any]
) -> list[Spec]:
    """Every disclosure page of every year: the year's list, its answer sheet and a page per item."""
    specs: list[Spec] = []
    for year, register in registers.items():
        sources = register_sources(register)
        label = locale.t("nav_disclosure", year=year)
        groups = grouped(register)
        counts = {str(one): register.count(one) for one in Status}
        context = {**shared, "register": register, "groups": groups, "counts": counts}
        specs.append((disclosure_page(year), "disclosure-year.md.j2", context, sources, label))
        rows = answer_rows(register, nav, locale, site)
        answer = {**shared, "register": register, "rows": rows, "csv_name": answer_sheet_csv(year)}
        specs.append((answer_sheet_page(year), "disclosure-answer.md.j2", answer, sources, label))
        specs += [
            (
                disclosure_item_page(year, s.item.code),
                "disclosure-item.md.j2",
                {**shared, "register": register, "status": s, "row": row},
                sources,
                s.item.code,
            )
            for s, row in zip(register.items, rows, strict=True)
        ]
    return specs


def grouped(register: YearRegister) -> list[tuple[Any, list[ItemStatus]]]:
    """The year's items under their sub-indicators, in the list's order; items with no known group last."""
    groups: dict[str, list[ItemStatus]] = {g: [] for g in register.items_list.groups_by_id}
    unknown: list[ItemStatus] = []
    for status in register.items:
        (groups[status.group.id] if status.group else unknown).append(status)
    found: list[tuple[Any, list[ItemStatus]]] = [
        (register.items_list.groups_by_id[g], items) for g, items in groups.items() if items
    ]
    return found + ([(None, unknown)] if unknown else [])
