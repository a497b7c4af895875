"""The responsible units a cell names ("ทุกสำนัก/กอง", "กองคลัง, สำนักปลัด"), matched to units.yml by their
Thai names; an office units.yml does not know becomes a new unit with a readable id, romanised from its
Thai name with pythainlp's offline royin romanizer, and its Thai name kept as written."""

from __future__ import annotations

import re

from ..data.models import Text, Unit

SEPARATORS = re.compile(r"\s*(?:,|และ|;|\n|\s{2,})\s*")
MAX_ID = 40


def squeezed(text: str) -> str:
    """A name without its spaces, as names are compared (a cell may wrap "งานตรวจสอบ ภายใน")."""
    return "".join(text.split())


def units_named(text: str, known: list[Unit], new: list[Unit]) -> tuple[list[str], list[Unit]]:
    """The ids of the units `text` names, and the units among them that are new (also added to `new`)."""
    names = {squeezed(unit.name.th): unit.id for unit in [*known, *new]}
    rest = squeezed(text)
    found: list[tuple[int, str]] = []
    for name in sorted(names, key=len, reverse=True):
        while name and (at := rest.find(name)) >= 0:
            found.append((at, names[name]))
            rest = rest[:at] + " " * len(name) + rest[at + len(name) :]
    added: list[Unit] = []
    position = 0
    for piece in SEPARATORS.split(rest.replace(" ", "\n")):
        piece = piece.strip("/ ")
        position = rest.find(piece, position) if piece else position
        if piece and re.search("[\u0e01-\u0e2e]", piece):
            unit = Unit(id=unit_id(piece, [*known, *new]), name=Text(th=piece))
            new.append(unit)
            added.append(unit)
            found.append((position, unit.id))
    ids = [unit_id for _, unit_id in sorted(found)]
    return list(dict.fromkeys(ids)), added


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
