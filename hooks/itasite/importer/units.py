"""The responsible units a cell names ("ทุกสำนัก/กอง", "กองคลัง, สำนักปลัด"), matched to units.yml by their
Thai names; an office units.yml does not know becomes a new unit with a readable id, romanised from its
Thai name with pythainlp's offline royin romanizer, and its Thai name kept as written.

Names are compared normalised: without spaces, in Unicode NFC, with the spellings Thai keyboards give two
ways made one ("ํา" typed as nikhahit and sara aa is "ำ"). A name that is the start of exactly one known
unit's name ("สำนักปลัด" for "สำนักปลัด องค์การบริหารส่วนตำบล") is read as that unit, for the clerk to check.
"""

from __future__ import annotations

import re
import unicodedata

from ..data.models import Text, Unit

SEPARATORS = re.compile(r"\s*(?:,|และ|;|\n|\s{2,})\s*")
MAX_ID = 40
# Thai typed two ways that look the same, and the one way names are compared in
SAME_LOOKING = (
    ("\u0e4d\u0e32", "\u0e33"),  # nikhahit + sara aa: sara am
    ("\u0e40\u0e40", "\u0e41"),  # sara e twice: sara ae
    ("\u200b", ""),  # zero-width space, which Word puts between Thai words
    ("\u200c", ""),
    ("\u200d", ""),
    ("\ufeff", ""),
)


def squeezed(text: str) -> str:
    """A name without its spaces, as names are compared (a cell may wrap "งานตรวจสอบ ภายใน")."""
    return "".join(text.split())


def normalised(text: str) -> str:
    """A name as names are compared: squeezed, NFC, and each Thai spelling typed two ways written one way."""
    text = unicodedata.normalize("NFC", squeezed(text))
    for typed, written in SAME_LOOKING:
        text = text.replace(typed, written)
    return text


def read_as(piece: str, known: list[Unit]) -> Unit | None:
    """The one known unit whose name starts with `piece`, or None when none or several do."""
    starting = [unit for unit in known if normalised(unit.name.th).startswith(piece)]
    return starting[0] if len(starting) == 1 else None


def units_named(text: str, known: list[Unit], new: list[Unit]) -> tuple[list[str], list[Unit], list[tuple[str, Unit]]]:
    """The ids of the units `text` names, the units among them that are new (also added to `new`), and the
    names read as a known unit whose name they start (the name as the cell gives it, and the unit)."""
    names = {normalised(unit.name.th): unit.id for unit in [*known, *new]}
    rest = normalised(text)
    found: list[tuple[int, str]] = []
    for name in sorted(names, key=len, reverse=True):
        while name and (at := rest.find(name)) >= 0:
            found.append((at, names[name]))
            rest = rest[:at] + " " * len(name) + rest[at + len(name) :]
    added: list[Unit] = []
    prefixed: list[tuple[str, Unit]] = []
    position = 0
    for piece in SEPARATORS.split(rest.replace(" ", "\n")):
        piece = piece.strip("/ ")
        position = rest.find(piece, position) if piece else position
        if not piece or not re.search("[\u0e01-\u0e2e]", piece):
            continue
        if existing := read_as(piece, known):
            prefixed.append((piece, existing))
            found.append((position, existing.id))
            continue
        unit = Unit(id=unit_id(piece, [*known, *new]), name=Text(th=piece))
        new.append(unit)
        added.append(unit)
        found.append((position, unit.id))
    ids = [unit_id for _, unit_id in sorted(found)]
    return list(dict.fromkeys(ids)), added, prefixed


def unit_id(name: str, taken: list[Unit]) -> str:
    """A readable id for a new unit: its romanised Thai name as a slug, numbered if another has it."""
    from pythainlp.tokenize import word_tokenize
    from pythainlp.transliterate import romanize

    words = [romanize(word, engine="royin") for word in word_tokenize(name, engine="newmm") if word.strip()]
    slug = re.sub(r"[^a-z0-9]+", "-", "-".join(words).lower()).strip("-")[:MAX_ID].strip("-") or "unit"
    ids = {unit.id for unit in taken}
    candidate, count = slug, 1
    while candidate in ids:
        count += 1
        candidate = f"{slug}-{count}"
    return candidate
