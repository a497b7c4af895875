"""A cell's text as the data keeps it: Arabic digits, letter-spaced words joined where that is safe, and a
cell of numbered items ("๑. … ๒. …", Thai or Arabic digits) cut into list entries with their dash or bullet
sub-items as `items`.

Extraction from a PDF breaks a word into letters ("การ ทู จ ริ ต") and puts a space where a cell's line
wrapped. A run of letters is joined only when the result is made of dictionary words (allowing the two mark
confusions the seed's extraction shows); every join is listed for review and every run that would not join
is listed too, so no guess goes unseen. A space between Thai words is joined or kept by where it falls in
the cell's lines (wraps.py) and by the Thai conventions on the words either side of it (`_kept`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from ..numbers import arabic_digits
from .review import Review
from .wraps import line_ends

THAI = "\u0e01-\u0e4f"  # Thai letters and marks, not Thai digits (๐–๙ are U+0E50–0E59)
# A letter-spaced piece: one Thai consonant at most, with its vowels and marks ("ทู", "จ", "ริ", "ำ").
LETTER = re.compile(rf"^[{THAI}]{{1,2}}$")
CONSONANTS = re.compile("[\u0e01-\u0e2e]")
# Marks a PDF font's extraction is seen to confuse: sara uu for sara u, mai han-akat + sara am for mai tho + aa.
CONFUSIONS = (("\u0e39", "\u0e38"), ("\u0e31\u0e33", "\u0e49\u0e32"))
MIN_RUN = 3  # pieces; two short words side by side are ordinary Thai, three single letters are not
MARKER = re.compile(r"(?:(?<=\s)|^)([0-9๐-๙]{1,2})\s*[.)](?![0-9๐-๙])\s*")
BULLET = re.compile(r"^\s*[-–•◦▪·*]\s*")
# A space where a cell's line wrapped is joined, a space of the writer's is kept; the cell's layout says where
# its lines ended and the words on each side tell the rest. Thai puts a space before these words (so it is
# kept wherever it falls)...
SPACE_BEFORE = frozenset(
    (
        "และ",
        "หรือ",
        "เพื่อ",
        "เรื่อง",
        "ลงวันที่",
        "เช่น",
        "ได้แก่",
        "ดังนี้",
        "เป็นต้น",
        "ซึ่ง",
        "โดย",
        "รวมถึง",
        "ตาม",
        "ผ่าน",
        "ณ",
        "พ.ศ.",
    )
)
# ...and, inside a line, never after these, which need what follows them (prepositions, conjunctions, verbs
# taking an object).
BINDS_NEXT = frozenset(
    (
        "การ",
        "ความ",
        "ของ",
        "กับ",
        "แก่",
        "ต่อ",
        "มา",
        "มี",
        "ที่",
        "ใน",
        "ให้",
        "ทาง",
        "ตาม",
        "และ",
        "หรือ",
        "เพื่อ",
        "เป็น",
        "เป็นการ",
        "อย่าง",
        "สามารถ",
        "สำหรับ",
        "เกี่ยวกับ",
        "จาก",
        "ใช้",
        "รับ",
        "ถือ",
        "ลด",
        "สร้าง",
        "มอบ",
        "ยกระดับ",
        "ป้องกัน",
        "ปรับปรุง",
        "เผยแพร่",
        "ขับเคลื่อน",
    )
)
# A word the writer set off as a piece of its own keeps the space after it, even where a line ended there: an
# example or a list follows ("เช่น", "ได้แก่"), a place ("ณ"), a title ("เรื่อง", "หัวข้อ").
SPACE_AFTER = frozenset(("เช่น", "ได้แก่", "คือ", "ณ", "เรื่อง", "หัวข้อ"))
THAI_END = re.compile(rf"[{THAI}]$")
THAI_START = re.compile(rf"[{THAI}]")


def repaired(text: str, where: str, reviews: list[Review]) -> str:
    """`text` with Arabic digits, its letter-spaced runs joined where safe, and single spaces."""
    out: list[str] = []
    for is_run, piece in segments(" ".join(arabic_digits(text).split())):
        if not is_run:
            out.append(piece)
            continue
        joined = joined_word(piece.replace(" ", ""))
        code, values = ("import_spaced_kept", {"text": piece}) if joined is None else ("import_spaced_joined", {})
        reviews.append(Review(where, code, values or {"text": piece, "word": joined}))
        out.append(joined or piece)  # a run that does not join is left exactly as written, for the clerk
    return " ".join(out)


def unwrapped(text: str, width: int | None = None) -> str:
    """A PDF cell's text with the spaces its wrapped lines left between Thai words joined; runs of letters
    are left for `repaired`. `width` is the cell's line width when its layout shows (see wraps.py): a space
    where a line ended is joined unless Thai wants one there, a space inside a line is weighed by its words.
    Only for extracted text: a Word or Excel cell has no such spaces."""
    pieces = text.split(" ")
    ends = line_ends(pieces, width) if width else set()
    in_runs = {index for start, end in _runs(pieces) for index in range(start, end)}
    out = pieces[0]
    for number in range(1, len(pieces)):
        before, after = pieces[number - 1], pieces[number]
        decided = THAI_END.search(before) and THAI_START.match(after) and not {number - 1, number} & in_runs
        out += after if decided and not _kept(before, after, number in ends) else " " + after
    return out


def _kept(before: str, after: str, wrap: bool) -> bool:
    """Whether the space between two Thai pieces is the writer's. Wherever it falls, Thai wants one before a
    conjunction (SPACE_BEFORE), after a word set off as a title or example (SPACE_AFTER) or ending in ไม้ยมก,
    between a word and its repetition ("สองทาง ทางหน้า") and between parallel phrases ("งดรับ งดให้").
    Otherwise a space where the cell's line ended (`wrap`) is the extraction's; one inside a line, or with no
    layout to tell, is the writer's unless the word before needs what follows (BINDS_NEXT) or the two words
    make one dictionary word."""
    words_before, words_after = _thai_words(before), _thai_words(after)
    last, first = words_before[-1], words_after[0]
    if _space_before(first) or before in SPACE_AFTER or before.endswith("ๆ"):
        return True
    if last == first or words_before[0] == first:
        return True
    return not wrap and not (last in BINDS_NEXT or last + first in _dictionary())


def _space_before(first: str) -> bool:
    """Whether Thai puts a space before a piece starting with the word `first`: a word of SPACE_BEFORE, alone
    or as the dictionary's compound of it and another word ("เพื่อให้", "หรือไม่")."""
    if first in SPACE_BEFORE:
        return True
    return any(first.startswith(word) and first[len(word) :] in _dictionary() for word in SPACE_BEFORE)


def _thai_words(piece: str) -> list[str]:
    """The Thai words newmm cuts a piece into, without the quotes or brackets around them (the piece itself
    when newmm finds none), so that the words on each side of a space are compared as words."""
    from pythainlp.tokenize import word_tokenize

    return [word for word in word_tokenize(piece, engine="newmm") if THAI_START.match(word)] or [piece]


def _runs(pieces: list[str]) -> list[tuple[int, int]]:
    """The runs of single letters among a text's pieces ("ทู จ ริ ต"), as (first, past the last) indexes."""
    runs: list[tuple[int, int]] = []
    index = 0
    while index < len(pieces):
        end = index
        while end < len(pieces) and LETTER.match(pieces[end]) and len(CONSONANTS.findall(pieces[end])) <= 1:
            end += 1
        if end - index >= MIN_RUN:
            runs.append((index, end))
            index = end
        else:
            index += 1
    return runs


def segments(text: str) -> list[tuple[bool, str]]:
    """`text` cut into plain stretches and runs of single letters ("ทู จ ริ ต"), each marked whether a run."""
    pieces = text.split(" ")
    out: list[tuple[bool, str]] = []
    done = 0
    for start, end in _runs(pieces):
        out += [(False, " ".join(pieces[done:start]))] if start > done else []
        out.append((True, " ".join(pieces[start:end])))
        done = end
    return out + ([(False, " ".join(pieces[done:]))] if done < len(pieces) else [])


def joined_word(letters: str) -> str | None:
    """The letters as dictionary words, or as such after one of the known mark confusions; None otherwise."""
    candidates = [letters]
    for wrong, right in CONFUSIONS:
        candidates += [candidate.replace(wrong, right) for candidate in candidates if wrong in candidate]
    words = [(len(cut), candidate) for candidate in candidates if (cut := _words(candidate))]
    return min(words, key=lambda pair: pair[0])[1] if words else None  # fewest words: "ทุจริต", not "ทู จริต"


@cache
def _dictionary() -> frozenset[str]:
    """pythainlp's Thai word list (loaded once, offline)."""
    from pythainlp.corpus import thai_words

    return frozenset(thai_words())


def _words(text: str) -> list[str]:
    """The dictionary words newmm cuts `text` into, or [] when some piece is not a word."""
    from pythainlp.tokenize import word_tokenize

    words = word_tokenize(text, engine="newmm")
    return words if words and all(word in _dictionary() for word in words) else []


def entries(lines: Iterable[str], where: str, reviews: list[Review]) -> list[dict[str, object]]:
    """A cell's lines as list entries ({"th": …, "items": [...]}) in the order written; numbers are dropped."""
    result: list[dict[str, object]] = []
    numbers: list[int] = []
    for line in lines:
        if BULLET.match(line) and not MARKER.match(line):
            text = repaired(BULLET.sub("", line, count=1), where, reviews)
            if not result:
                result.append({"th": text})
                continue
            items = result[-1].setdefault("items", [])
            assert isinstance(items, list)
            items.append({"th": text})
            continue
        for number, text in numbered(line):
            if number is not None:
                numbers.append(number)
            if text := repaired(text, where, reviews):
                result.append({"th": text})
    if numbers and numbers != list(range(1, len(numbers) + 1)):
        reviews.append(Review(where, "import_numbering", {"numbers": ", ".join(map(str, numbers))}))
    return result


def numbered(line: str) -> list[tuple[int | None, str]]:
    """A line cut at each item number ("๑.", "2)"): the number and text of each item, text before the first too."""
    marks = list(MARKER.finditer(line))
    if not marks:
        return [(None, line)]
    pieces: list[tuple[int | None, str]] = []
    if lead := line[: marks[0].start()].strip():
        pieces.append((None, lead))
    for mark, following in zip(marks, [*marks[1:], None], strict=True):
        end = following.start() if following else len(line)
        pieces.append((int(arabic_digits(mark.group(1))), line[mark.end() : end].strip()))
    return pieces


def title_and_number(lines: Iterable[str], where: str, reviews: list[Review]) -> tuple[int | None, str]:
    """A measure's number and title from its first cell ("๑. การให้บริการ …")."""
    text = " ".join(lines)
    found = MARKER.match(text)
    number = int(arabic_digits(found.group(1))) if found else None
    return number, repaired(text[found.end() :] if found else text, where, reviews)
