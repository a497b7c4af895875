"""The OIT register in the clerk's workbook: one sheet per assessment year ("OIT 2569"), one row per document.

The columns are the table an agency types into ITAS (ข้อ · ชื่อเอกสาร · ลิงก์หรือไฟล์ · วันที่เผยแพร่ · คำอธิบาย),
then the item's title as a hint (never read back), a column of its own for the reason an item does not apply
(so a reason is never taken for a document's title), and the fields the YAML has that ITAS does not ask for
(the note, what the answer sheet gives, the English texts). An item without a document is one row with its
code only. A row without a code continues the item above it.

Reading gives `data/disclosure/<year>.yml` records; a cell that cannot be read (an item code not in the year's
list, a date, a link that is not http/https) stops the import with every such cell located, nothing written.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..data.messages import say
from ..data.oit import OitList
from ..numbers import arabic_digits, ce_year
from .periods import NAMES
from .review import ImportProblem

SHEET_PREFIX = "OIT"  # a register sheet is named "OIT 2569"
CODE, TITLE_HINT, TITLE, PLACE, PUBLISHED, PATH, NOT_APPLICABLE, NOTE, ANSWER = range(9)
TITLE_EN, NOT_APPLICABLE_EN, NOTE_EN = 9, 10, 11
COLUMNS = (
    "ข้อ",
    "ชื่อรายการ (ดูอย่างเดียว)",
    "ชื่อเอกสาร",
    "ลิงก์หรือไฟล์",
    "วันที่เผยแพร่",
    "คำอธิบาย",
    "ไม่เกี่ยวข้อง: เหตุผล",
    "หมายเหตุ",
    "ส่งให้ผู้ประเมิน (หน้า/เอกสาร)",
    "ชื่อเอกสาร (English)",
    "ไม่เกี่ยวข้อง (English)",
    "หมายเหตุ (English)",
)
REQUIRED = (CODE, TITLE, PLACE, PUBLISHED)
ANSWERS = {"หน้า": "page", "page": "page", "เอกสาร": "document", "document": "document"}
HEADER_ROWS = 10
BE_FROM = 2400  # a year past this is of the Buddhist Era (2569), not of the Common Era (2026)
YEAR = re.compile(r"(25[0-9]{2})")
DAY_MONTH_YEAR = re.compile(r"^([0-9]{1,2})\s*[/.-]\s*([0-9]{1,2})\s*[/.-]\s*([0-9]{2,4})$")
ISO = re.compile(r"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$")
MONTH_WORDS = "|".join(sorted(map(re.escape, NAMES), key=len, reverse=True))
WORDS = re.compile(rf"^([0-9]{{1,2}})\s*({MONTH_WORDS})\s*(?:พ\.\s*ศ\.\s*)?([0-9]{{2,4}})$")
LINK = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|www\.)", re.IGNORECASE)


@dataclass(frozen=True)
class BadCell:
    """One cell of a register sheet the import cannot read: where (sheet, row, column), a message code, values."""

    where: str
    code: str
    values: dict[str, object]


class RegisterCellsBad(ImportProblem):
    """A register sheet with cells that cannot be read: every one of them, nothing written."""

    def __init__(self, bad: list[BadCell]) -> None:
        super().__init__("import_register_cells", {"count": len(bad)}, "")
        self.bad = bad

    def message(self, lang: str = "th") -> str:
        """The refusal, then one line per cell: `แผ่น OIT 2569 แถวที่ 4 คอลัมน์ ข้อ: …`."""
        lines = [say(lang, self.code, self.values)]
        lines += [ImportProblem(cell.code, cell.values, cell.where).message(lang) for cell in self.bad]
        return "\n".join(lines)


def sheet_name(year: int) -> str:
    """The name of the register sheet of assessment year `year`."""
    return f"{SHEET_PREFIX} {year}"


def register_rows(register: dict[str, Any], titles: dict[str, str]) -> list[list[object]]:
    """A register (as its YAML reads) as sheet rows: one per document, one with the code only for an item
    without documents; `titles` are the year's item titles, shown as a hint."""
    rows: list[list[object]] = []
    for item in register.get("items") or []:
        code = str(item["code"])
        base: list[object] = [None] * len(COLUMNS)
        base[CODE], base[TITLE_HINT] = code, titles.get(code)
        base[NOT_APPLICABLE], base[NOT_APPLICABLE_EN] = _th(item.get("not_applicable")), _en(item.get("not_applicable"))
        base[NOTE], base[NOTE_EN] = _th(item.get("note")), _en(item.get("note"))
        base[ANSWER] = "เอกสาร" if item.get("answer") == "document" else None
        documents = item.get("documents") or []
        for document in documents:
            row = list(base)
            row[TITLE], row[TITLE_EN] = _th(document.get("title")), _en(document.get("title"))
            row[PLACE] = document.get("url") or document.get("file")
            row[PUBLISHED] = document.get("published")
            row[PATH] = document.get("path")
            rows.append(row)
        if not documents:
            rows.append(base)
    return rows


def _th(text: object) -> str | None:
    """A text's Thai (a plain YAML line is Thai)."""
    return text.get("th") if isinstance(text, dict) else (str(text) if text else None)


def _en(text: object) -> str | None:
    """A text's English, or None."""
    return text.get("en") if isinstance(text, dict) else None


def is_register_sheet(title: str) -> bool:
    """Whether a sheet is an OIT register sheet, by its name."""
    return title.strip().upper().startswith(SHEET_PREFIX)


def year_of_sheet(title: str, rows: Sequence[Sequence[object]]) -> int | None:
    """The assessment year a register sheet is for: in its name, else in a title row above its header."""
    for text in [title, *(str(value) for row in rows[:HEADER_ROWS] for value in row if value)]:
        if found := YEAR.search(arabic_digits(text)):
            return int(found.group(1))
    return None


def register_of_sheet(
    title: str, rows: Sequence[Sequence[object]], year: int, items: OitList | None, bad: list[BadCell]
) -> dict[str, Any] | None:
    """A register sheet's rows as the register record of `year` (None when the sheet has no header), adding
    each cell that cannot be read to `bad`."""
    header = _header(rows)
    if header is None:
        return None
    at, positions = header
    known = items.by_code if items else {}
    register: dict[str, Any] = {"year": year, "items": []}
    current: dict[str, Any] | None = None
    for number, row in enumerate(rows[at + 1 :], start=at + 2):
        cells = [_text(row[index]) if index is not None and index < len(row) else "" for index in positions]
        raw = [row[index] if index is not None and index < len(row) else None for index in positions]
        if not any(cell for index, cell in enumerate(cells) if index != TITLE_HINT):
            continue
        where = f"แผ่น {title} แถวที่ {number} คอลัมน์ "
        code = arabic_digits(cells[CODE]).upper().replace(" ", "")
        code = f"O{code}" if code.isdigit() else code  # "๑" or "1" for O1, as a clerk may number the rows
        if code and code not in known:
            bad.append(BadCell(where + COLUMNS[CODE], "import_register_code", {"code": cells[CODE], "year": year}))
            current = None
            continue
        if code and (current is None or current["code"] != code):
            current = _item(code, cells)
            register["items"].append(current)
        elif current is None:
            bad.append(BadCell(where + COLUMNS[CODE], "import_register_no_code", {}))
            continue
        has_document = cells[TITLE] or cells[PLACE] or raw[PUBLISHED] is not None
        if has_document and (document := _document(cells, raw[PUBLISHED], where, bad)):
            current["documents"].append(document)
    for item in register["items"]:
        if "not_applicable" in item and not item["documents"]:
            del item["documents"]  # an item not applicable has no documents to list
        _ordered(item)
    return register


def _header(rows: Sequence[Sequence[object]]) -> tuple[int, list[int | None]] | None:
    """The header row and where each column stands (None for a column the sheet does not have)."""
    names = ["".join(name.split()) for name in COLUMNS]
    for index, row in enumerate(rows[:HEADER_ROWS]):
        squeezed = ["".join(_text(value).split()) for value in row]
        positions = [squeezed.index(name) if name in squeezed else None for name in names]
        if all(positions[column] is not None for column in REQUIRED):
            return index, positions
    return None


def _item(code: str, cells: list[str]) -> dict[str, Any]:
    """An item's own fields from its first row."""
    item: dict[str, Any] = {"code": code, "documents": []}  # an item still missing shows as such, as `new` writes it
    if cells[NOT_APPLICABLE]:
        item["not_applicable"] = _texts(cells[NOT_APPLICABLE], cells[NOT_APPLICABLE_EN])
    if ANSWERS.get(cells[ANSWER].strip().lower()) == "document":
        item["answer"] = "document"
    if cells[NOTE]:
        item["note"] = _texts(cells[NOTE], cells[NOTE_EN])
    return item


def _ordered(item: dict[str, Any]) -> None:
    """An item's keys in the schema's order (code, documents, not_applicable, answer, note)."""
    order = ("code", "documents", "not_applicable", "answer", "note")
    kept = {key: item.pop(key) for key in order if key in item}
    item.update(kept)


def _texts(th: str, en: str) -> dict[str, str]:
    """A text in both languages, English only where the sheet has it."""
    return {"th": th, "en": en} if en else {"th": th}


def _document(cells: list[str], published: object, where: str, bad: list[BadCell]) -> dict[str, Any] | None:
    """One document of a row, or None (and its cells in `bad`) when its link or date cannot be read."""
    place = cells[PLACE].strip()
    date = date_of(published)
    wrong = len(bad)
    if date is None:
        bad.append(BadCell(where + COLUMNS[PUBLISHED], "import_register_date", {"text": cells[PUBLISHED]}))
    if LINK.match(place) and not place.lower().startswith(("http://", "https://")):
        bad.append(BadCell(where + COLUMNS[PLACE], "import_register_link", {"text": place}))
    if len(bad) > wrong:
        return None
    document: dict[str, Any] = {"title": _texts(cells[TITLE], cells[TITLE_EN])}
    document["url" if LINK.match(place) else "file"] = place
    document["published"] = date
    if cells[PATH]:
        document["path"] = cells[PATH]
    return document


def date_of(value: object) -> dt.date | None:
    """A published date as a cell holds it: a real Excel date (its year of the Buddhist Era where Excel took
    a typed 2569 for the Common Era), or text such as "15 มกราคม 2569",
    "๑๕ ม.ค. ๖๙", "15/1/2569" or "2026-01-15" (Buddhist Era years read as such); None when it is not one."""
    if isinstance(value, dt.date):
        stored = value.date() if isinstance(value, dt.datetime) else value
        try:  # a Thai Excel keeps "15/1/2569" typed in a cell as a date in the year 2569 of the Common Era
            return stored.replace(year=ce_year(stored.year)) if stored.year > BE_FROM else stored
        except ValueError:
            return None
    text = " ".join(arabic_digits(str(value or "")).split())
    try:
        if found := ISO.match(text):
            year, month, day = (int(part) for part in found.groups())
        elif found := DAY_MONTH_YEAR.match(text):
            day, month, year = (int(part) for part in found.groups())
        elif found := WORDS.match(text):
            day, month, year = int(found.group(1)), NAMES[found.group(2)], int(found.group(3))
        else:
            return None
        year = year + 2500 if year < 100 else year
        return dt.date(ce_year(year) if year > BE_FROM else year, month, day)
    except ValueError:
        return None


def _text(value: object) -> str:
    """A cell's value as one line of text (a date as YYYY-MM-DD)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime | dt.date):
        return (value.date() if isinstance(value, dt.datetime) else value).isoformat()
    return " ".join(str(value).split())
