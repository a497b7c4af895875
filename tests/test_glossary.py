"""One English for each recurring Thai term: every data text whose Thai holds a term of the glossary
(`glossary.yml` beside the data) uses that term's English rendering, or is listed as an exception with its
reason. A translator who writes "staff" for ลูกจ้าง in one file and "employees" in another is told which file,
field and term."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from support.build import DATA

GLOSSARY = DATA / "glossary.yml"


def load_glossary() -> dict:
    """The glossary of the seed data: its terms and its listed exceptions."""
    return yaml.safe_load(GLOSSARY.read_text(encoding="utf-8"))


def texts(value: object, path: str = "") -> Iterator[tuple[str, str, str]]:
    """Every text pair of a record as (field path, Thai, English); pairs with no English yet are skipped."""
    if isinstance(value, dict):
        if isinstance(value.get("th"), str) and isinstance(value.get("en"), str):
            yield path, value["th"], value["en"]
        for key, item in value.items():
            if key not in ("th", "en"):
                yield from texts(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from texts(item, f"{path}[{index}]")


def renderings(term: dict) -> list[str]:
    """The English a text may use for a term: its rendering and the other forms listed for it."""
    return [term["en"], *term.get("forms", [])]


def misrendered(glossary: dict, data: Path = DATA) -> list[tuple[str, str, str, str]]:
    """(file, field, Thai term, rendering) for each text whose English lacks the rendering of a term in its Thai."""
    found = []
    for path in sorted(data.rglob("*.yml")):
        if path.name == GLOSSARY.name:
            continue
        file = path.relative_to(data).as_posix()
        for field, thai, english in texts(yaml.safe_load(path.read_text(encoding="utf-8"))):
            thai, english = re.sub(r"\s+", "", thai), re.sub(r"\s+", " ", english).lower()
            for term in glossary["terms"]:
                if term["th"] in thai and not any(form.lower() in english for form in renderings(term)):
                    found.append((file, field, term["th"], term["en"]))
    return found


def listed(glossary: dict) -> set[tuple[str, str, str]]:
    """The exceptions of the glossary as (file, field, term)."""
    return {(entry["file"], entry["field"], entry["term"]) for entry in glossary.get("exceptions") or []}


def test_the_glossary_has_the_recurring_terms():
    terms = {term["th"]: term for term in load_glossary()["terms"]}
    for thai in ("ส่วนราชการ", "ลูกจ้าง", "พนักงานจ้าง", "เพื่อทราบและถือปฏิบัติ", "จุดประชาสัมพันธ์", "บุคคลภายนอก"):
        assert thai in terms, thai
    assert len(terms) == len(load_glossary()["terms"]), "a term is listed twice"
    assert all(term["en"].strip() for term in terms.values())


def test_every_text_uses_the_glossary_rendering_of_its_terms():
    glossary = load_glossary()
    exceptions = listed(glossary)
    wrong = [
        f"{file}: {field}: the Thai has {term!r}; its English should use {english!r}"
        for file, field, term, english in misrendered(glossary)
        if (file, field, term) not in exceptions
    ]
    assert not wrong, "\n".join(wrong)


def test_each_exception_has_a_reason_and_is_still_needed():
    glossary = load_glossary()
    needed = {(file, field, term) for file, field, term, _ in misrendered(glossary)}
    for entry in glossary.get("exceptions") or []:
        assert str(entry.get("reason", "")).strip(), entry
        assert (entry["file"], entry["field"], entry["term"]) in needed, f"exception no longer needed: {entry}"


@pytest.mark.parametrize(
    ("thai", "english", "flagged"),
    [
        ("แจ้งเวียนทุกส่วนราชการเพื่อทราบและถือปฏิบัติ", "Circulated to all divisions for information and compliance.", False),
        ("แจ้งเวียนทุกส่วนราชการเพื่อทราบและถือปฏิบัติ", "Circulated to all offices for their information and to follow.", True),
        ("พนักงานเทศบาล ลูกจ้าง", "Municipal officials and workers", True),
    ],
)
def test_a_different_rendering_is_flagged(thai, english, flagged, tmp_path):
    (tmp_path / "measures").mkdir()
    (tmp_path / "measures/01.yml").write_text(
        yaml.safe_dump({"steps": [{"th": thai, "en": english}]}, allow_unicode=True), encoding="utf-8"
    )
    found = misrendered(load_glossary(), tmp_path)
    assert bool(found) is flagged
    if flagged:
        assert found[0][:2] == ("measures/01.yml", "steps[0]")
