"""A clerk's file, read into tables by any reader, turned into the records of data/: one measure per row of
the measures table, one results file per score table, the units not yet in units.yml, and a review list.

Whatever cannot be placed (a period it cannot read, an empty column, a score table missing an indicator)
is left out and listed with its table, row and column, never guessed. Thai only: English is left for the
translator. The measures table gives no indicators per measure, so `indicators` is written empty and listed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from ..data.models import LevelsFile, Unit
from ..numbers import arabic_digits
from .announced import stated_in_sentences, stated_in_sheet
from .cells import entries, repaired, title_and_number
from .periods import period_of
from .review import ImportProblem, Review
from .source import Row, SourceDocument, Table
from .units import squeezed, units_named

COLUMNS = ("มาตรการ", "ขั้นตอน", "ผู้รับผิดชอบ", "ช่วงระยะเวลา", "ผลการดำเนินการ", "ผลลัพธ์")
LISTS = {1: "steps", 4: "outputs", 5: "outcomes"}
CONTINUED = re.compile(r"\(\s*ต่อ\s*\)\s*$")
FISCAL_YEAR = re.compile(r"ปีงบประมาณ\s*(?:พ\.\s*ศ\.)?\s*([0-9๐-๙]{4})")
INDICATORS = range(1, 11)  # the ITA's ten indicators, when no indicators.yml is given
MAX_SLUG_WORDS = 3
MAX_SLUG = 30


@dataclass
class Imported:
    """What one file gives: measure and results records ready to write, new units, and what to check."""

    year: int
    measures: list[dict[str, object]] = field(default_factory=list)
    results: dict[int, dict[str, object]] = field(default_factory=dict)
    units: list[Unit] = field(default_factory=list)
    reviews: list[Review] = field(default_factory=list)


def records_from(
    document: SourceDocument,
    year: int | None,
    units: list[Unit],
    indicators: dict[int, str] | None = None,
    levels: LevelsFile | None = None,
) -> Imported:
    """The records of `document` for fiscal year `year` (else the year its title names), given the known units,
    the indicators' official Thai names by number (to compare the names the report prints) and the scoring
    schemes (to read the levels the report states)."""
    fiscal_year = year or year_of(document)
    imported = Imported(fiscal_year)
    measure_tables = [table for table in document.tables if table.kind == "measures"]
    if not measure_tables:
        raise ImportProblem("import_no_measures", {"file": document.name, "columns": " · ".join(COLUMNS)}, "")
    for table in measure_tables:
        for rows in merged_rows(table, imported.reviews):
            if measure := measure_of(rows, table, fiscal_year, units, imported):
                imported.measures.append(measure)
    _unique_ids(imported.measures)
    for table in document.tables:
        if table.kind == "scores":
            _add_scores(table, indicators or {number: "" for number in INDICATORS}, imported)
    tabled = {table.year for table in document.tables if table.kind == "scores"}
    for stated_year, stated in stated_in_sentences(document.paragraphs, levels, imported.reviews).items():
        if stated_year in imported.results or stated_year not in tabled:  # a table not placed: the year waits
            imported.results.setdefault(stated_year, {"year": stated_year}).setdefault("stated", stated)
    imported.results = dict(sorted(imported.results.items()))
    return imported


def year_of(document: SourceDocument) -> int:
    """The fiscal year the report's title names ("ประจำปีงบประมาณ พ.ศ. ๒๕๖๘")."""
    for paragraph in document.paragraphs:
        if found := FISCAL_YEAR.search(paragraph):
            return int(arabic_digits(found.group(1)))
    raise ImportProblem("import_no_year", {}, document.name)


def merged_rows(table: Table, reviews: list[Review]) -> list[list[Row]]:
    """The table's rows grouped by measure: a row continued on the next page ("… (ต่อ)", or with an empty
    first cell) joins the measure above it."""
    groups: list[list[Row]] = []
    for row in table.rows:
        first = row.cells[0].text if row.cells else ""
        if groups and (not first.strip() or CONTINUED.search(first)):
            title = squeezed(CONTINUED.sub("", first))
            above = squeezed(groups[-1][0].cells[0].text)
            if title and title not in arabic_digits(above):
                reviews.append(Review(row.where, "import_continued", {"title": CONTINUED.sub("", first).strip()}))
            groups[-1].append(row)
        elif any(cell.lines for cell in row.cells):
            groups.append([row])
    return groups


def _where(table: Table, row: Row, column: int) -> str:
    """Where a cell is, the way the clerk finds it: its row and its column's name."""
    return f"{row.where} คอลัมน์ {COLUMNS[column]}"


def measure_of(
    rows: list[Row], table: Table, year: int, units: list[Unit], imported: Imported
) -> dict[str, object] | None:
    """One measure from its row and the rows that continue it; None (and a review entry) when a required part
    cannot be read."""
    first, reviews = rows[0], imported.reviews
    number, title = title_and_number(first.cells[0].lines, _where(table, first, 0), reviews)
    if number is None:
        number = len(imported.measures) + 1
        reviews.append(Review(_where(table, first, 0), "import_no_number", {"number": number}))
    lists: dict[str, list[dict[str, object]]] = {}
    for column, key in LISTS.items():
        lines = [line for row in rows for line in row.cells[column].lines]
        lists[key] = entries(lines, _where(table, first, column), reviews)
    unit_text = " ".join(line for row in rows for line in row.cells[2].lines)
    unit_ids, added, read_as = units_named(unit_text, units, imported.units)
    for unit in added:
        reviews.append(Review(_where(table, first, 2), "import_new_unit", {"name": unit.name.th, "id": unit.id}))
    for name, unit in read_as:
        values = {"name": name, "unit": unit.name.th, "id": unit.id}
        reviews.append(Review(_where(table, first, 2), "import_unit_read_as", values))
    period_text = " ".join(line for row in rows for line in row.cells[3].lines)
    period = period_of(period_text, year)
    missing = [COLUMNS[column] for column, key in LISTS.items() if not lists[key]]
    missing += [COLUMNS[2]] if not unit_ids else []
    if period is None:
        reviews.append(Review(_where(table, first, 3), "import_period", {"text": period_text, "number": number}))
    if missing:
        reviews.append(Review(first.where, "import_empty_cells", {"columns": ", ".join(missing), "number": number}))
    if period is None or missing:
        return None
    reviews.append(Review(first.where, "import_no_indicators", {"number": number}))
    return {
        "id": measure_id(number, title),
        "year": year,
        "number": number,
        "title": {"th": title},
        "units": unit_ids,
        "period": {"start": period[0], "end": period[1]},
        "indicators": [],
        **lists,
    }


def measure_id(number: int, title: str) -> str:
    """A readable, stable id: the two-digit number and the first words of the title romanised ("01-kan-hai")."""
    from pythainlp.tokenize import word_tokenize
    from pythainlp.transliterate import romanize

    words = [word for word in word_tokenize(title, engine="newmm") if word.strip()][:MAX_SLUG_WORDS]
    slug = re.sub(r"[^a-z0-9]+", "-", "-".join(romanize(word, engine="royin") for word in words).lower())
    slug = slug.strip("-")[:MAX_SLUG].strip("-") or "measure"
    return f"{number:02d}-{slug}"


def _unique_ids(measures: list[dict[str, object]]) -> None:
    """Number the ids that two measures would share (two rows with the same number and title start)."""
    seen: set[object] = set()
    for measure in measures:
        base, count = str(measure["id"]), 1
        while measure["id"] in seen:
            count += 1
            measure["id"] = f"{base}-{count}"
        seen.add(measure["id"])


def _add_scores(table: Table, official: dict[int, str], imported: Imported) -> None:
    """One year's scores from a score table, by indicator number; names as printed are only compared."""
    if table.year is None:
        imported.reviews.append(Review(table.where, "import_scores_no_year", {}))
        return
    if table.year in imported.results:
        imported.reviews.append(Review(table.where, "import_scores_twice", {"year": table.year}))
        return
    scores: dict[int, Decimal] = {}
    for row in table.rows:
        number_text, name, score_text = (arabic_digits(cell.text).strip() for cell in row.cells[:3])
        try:
            number, score = int(number_text), Decimal(score_text)
        except (ValueError, InvalidOperation):
            values = {"number": number_text, "score": score_text, "year": table.year}
            imported.reviews.append(Review(f"{row.where} คอลัมน์ คะแนน", "import_score_unread", values))
            continue
        printed = repaired(name, row.where, [])
        if official.get(number) and squeezed(printed) != squeezed(official[number]):
            values = {"number": number, "printed": printed, "name": official[number]}
            imported.reviews.append(Review(f"{row.where} คอลัมน์ รายละเอียดตัวชี้วัด", "import_indicator_name", values))
        scores[number] = score
    if missing := [number for number in official if number not in scores]:
        values = {"year": table.year, "numbers": ", ".join(map(str, missing))}
        imported.reviews.append(Review(table.where, "import_scores_missing", values))
        return
    imported.results[table.year] = {"year": table.year, "scores": dict(sorted(scores.items()))}
    if stated := stated_in_sheet(table):
        imported.results[table.year]["stated"] = stated
