"""Where a PDF cell's lines ended, read from the cell's own layout, so that cells.py can tell the space a
wrapped line left from a space the writer typed.

Extraction writes a space where a cell's line wrapped and keeps the writer's spaces too, so within one `<p>`
the pieces between spaces show the cell's lines. A table column holds about the same number of display
characters on every line (Thai vowel and tone marks above or below a letter take no room): where the line so
far and the next piece would not fit in the column, the line ended there; where they fit, the space is inside
a line. The column's width is written nowhere: it is read from the document, from the widest pieces of the
column's cells. Some pages are extracted with their lines run together and no space at the wraps; a cell
with a piece wider than its column is such a cell, and its layout says nothing.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections.abc import Iterable

# A proportional font fits a few more narrow letters on a line than the count of display characters says.
TOLERANCE = 0.1
# An item number ("๒.", "3)") starts a line of its own, even where extraction kept the items in one paragraph.
ITEM = re.compile(r"^[0-9๐-๙]{1,2}[.)]")
MIN_PIECES = 3  # a cell of fewer pieces shows too few lines to tell its column's width


def width(text: str) -> int:
    """The display characters of `text`: combining marks (vowels and tones above or below) take no room."""
    return sum(1 for char in text if unicodedata.category(char) != "Mn")


def column_width(cells: Iterable[list[str]]) -> int | None:
    """A column's line width from its cells, each given as its paragraphs: the median, over the cells of
    several pieces, of each cell's widest piece. The widest piece of a wrapped cell about fills a line; the
    median passes over the cells whose lines ran together (wider) and the short ones (narrower). None when no
    cell shows enough pieces."""
    widest = [
        max(width(piece) for piece in pieces)
        for cell in cells
        if len(pieces := [piece for paragraph in cell for piece in paragraph.split(" ") if piece]) >= MIN_PIECES
    ]
    return round(statistics.median(widest)) if widest else None


def laid_out(paragraphs: list[str], line: int | None) -> int | None:
    """`line` when every piece of a cell fits a line of its column, None when one is wider: then the wraps of
    the cell's page left no spaces, and its pieces say nothing of where its lines ended."""
    if line is None:
        return None
    room = line * (1 + TOLERANCE)
    fits = all(width(piece) <= room for paragraph in paragraphs for piece in paragraph.split(" "))
    return line if fits else None


def line_ends(pieces: list[str], line: int) -> set[int]:
    """The pieces of a paragraph (its text cut at spaces) that a greedy layout of lines `line` display
    characters wide starts a new line with, by their index: the spaces before them are where lines ended."""
    room = line * (1 + TOLERANCE)
    ends: set[int] = set()
    filled = width(pieces[0])
    for index, piece in enumerate(pieces[1:], start=1):
        if filled + 1 + width(piece) <= room and not ITEM.match(piece):
            filled += 1 + width(piece)
        else:
            ends.add(index)
            filled = width(piece)
    return ends
