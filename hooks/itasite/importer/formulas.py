"""A workbook's cells as Excel last computed them, with the cells that hold no computed value refused.

The importer reads the values Excel stored with each formula (openpyxl's `data_only`). A workbook written by
a program that does not compute (a script, some web exports) stores formulas without values, which then read
as empty cells; a formula that failed stores its error (`#REF!`, `#DIV/0!`): either would be imported as a
missing score or as the text "#REF!". So every such cell is named (sheet, row, column) and nothing is
written until the clerk opens the file in Excel, fixes the errors and saves it again.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from itertools import zip_longest
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from ..data.messages import say
from .entities import refuse_declarations
from .review import ImportProblem, placed

# The error values Excel shows in a cell (and stores as the cell's value, of type "e")
ERRORS = frozenset(
    {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#SPILL!", "#CALC!", "#GETTING_DATA"}
)


@dataclass(frozen=True)
class UncomputedCell:
    """A cell without a value to import: where it is, and whether it holds no value or an error value."""

    where: str
    code: str  # import_formula_no_value or import_formula_error
    value: str


class UncomputedCells(ImportProblem):
    """A workbook with formulas that have no computed value, or with error values: every one, none written."""

    def __init__(self, file: str, cells: list[UncomputedCell]) -> None:
        super().__init__("import_formula_cells", {"file": file, "count": len(cells)}, "")
        self.file = file
        self.cells = cells

    def message(self, lang: str = "th") -> str:
        """The refusal, then one line per cell: `report.xlsx: แผ่น คะแนน แถวที่ 5 คอลัมน์ D: …`."""
        lines = [say(lang, self.code, self.values)]
        for cell in self.cells:
            lines.append(f"{self.file}: {placed(cell.where, lang)}: {say(lang, cell.code, {'value': cell.value})}")
        return "\n".join(lines)


Sheets = tuple[tuple[str, tuple[tuple[Any, ...], ...]], ...]  # each sheet's title and rows of values


def computed_sheets(path: Path) -> Sheets:
    """Every sheet's title and rows of values; UncomputedCells when a formula has no value or a cell an error.
    An import asks twice (for its measures and scores, and for its OIT registers): the file is parsed once."""
    stat = path.stat()
    return _computed_sheets(path.resolve(), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=1)  # keyed by the file's path, time and size: a changed file is read again
def _computed_sheets(path: Path, _mtime: int, _size: int) -> Sheets:
    """The sheets of `path` as `computed_sheets` gives them, read with openpyxl twice: values, then formulas."""
    import openpyxl

    refuse_declarations(path)  # before openpyxl parses any part
    values = openpyxl.load_workbook(path, read_only=True, data_only=True)
    written = openpyxl.load_workbook(path, read_only=True, data_only=False)  # the formulas themselves
    try:
        sheets: list[tuple[str, tuple[tuple[Any, ...], ...]]] = []
        bad: list[UncomputedCell] = []
        for sheet, formulas in zip(values.worksheets, written.worksheets, strict=True):
            rows = tuple(sheet.iter_rows(values_only=True))
            for number, (row, raw) in enumerate(zip_longest(rows, formulas.iter_rows(values_only=True)), start=1):
                bad += _uncomputed(sheet.title, number, row or (), raw or ())
            sheets.append((sheet.title, rows))
    finally:
        values.close()
        written.close()
    if bad:
        raise UncomputedCells(path.name, bad)
    return tuple(sheets)


def _uncomputed(title: str, number: int, row: tuple[Any, ...], raw: tuple[Any, ...]) -> list[UncomputedCell]:
    """The cells of one row that hold an error value, or a formula with no value stored."""
    found = []
    for column, (value, formula) in enumerate(zip_longest(row, raw), start=1):
        where = f"แผ่น {title} แถวที่ {number} คอลัมน์ {get_column_letter(column)}"
        if isinstance(value, str) and value.strip() in ERRORS:
            found.append(UncomputedCell(where, "import_formula_error", value.strip()))
        elif value is None and _is_formula(formula):
            found.append(UncomputedCell(where, "import_formula_no_value", str(getattr(formula, "text", formula))))
    return found


def _is_formula(value: object) -> bool:
    """Whether a cell as written holds a formula (text from "=", or an array or data-table formula)."""
    if isinstance(value, str):
        return value.startswith("=") and len(value) > 1
    return type(value).__name__ in ("ArrayFormula", "DataTableFormula")
