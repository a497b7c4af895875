"""What every reader of a clerk's file hands on: the report's tables as rows of cells, each cell its lines.

A Word table, a sheet and the tab-separated text of a PDF all come down to this, so the rules that turn a
report into records (continued rows, numbered items, periods, units) are written once, whatever the file.
`where` names each row the way a clerk finds it again in the file ("ตารางที่ 1 แถวที่ 4", "แผ่น measures
แถวที่ 5", "บรรทัด 87"), for every message about it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MEASURE_COLUMNS = 6  # มาตรการ · ขั้นตอน · ผู้รับผิดชอบ · ช่วงระยะเวลา · ผลการดำเนินการ (output) · ผลลัพธ์ (outcome)
SCORE_COLUMNS = 3  # ตัวชี้วัดที่ · รายละเอียดตัวชี้วัด · คะแนน


@dataclass(frozen=True)
class Cell:
    """One cell: its lines in order, as written ("๑. จัดทำประกาศ", "- ประมวลจริยธรรมผู้บริหาร"), trimmed."""

    lines: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """The cell as one line of text, for cells that hold a single value (a period, a score)."""
        return " ".join(self.lines)


@dataclass(frozen=True)
class Row:
    """One row of a table and where it stands in the clerk's file."""

    cells: tuple[Cell, ...]
    where: str


@dataclass(frozen=True)
class Table:
    """A table of the report: `kind` is "measures" or "scores"; header rows are already dropped."""

    kind: str
    rows: tuple[Row, ...]
    where: str
    year: int | None = None  # the fiscal year a score table is of, when its caption or heading says so


@dataclass(frozen=True)
class SourceDocument:
    """A clerk's file as the importer reads it: the paragraphs around the tables, and the tables."""

    name: str  # the file's name, as messages give it
    paragraphs: tuple[str, ...] = ()
    tables: tuple[Table, ...] = field(default_factory=tuple)
