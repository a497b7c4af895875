"""Faithful to the report, and kept so: every Thai text of the seed data occurs in the seed report, once both
are read the same way (Thai digits as Arabic, markup and spaces ignored), apart from the repairs and labels
listed here with their reasons. A text edited away from the source fails this test until it is listed."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
import yaml
from support.build import DATA, PROJECT

from itasite.numbers import arabic_digits

SEED = PROJECT.parent / "shared/seed/000_ad945ec5916b0c02.txt"
NATIONAL = {"indicators.yml", "levels.yml", "national.yml", "oit.yml"}  # the NACC's lists and figures, not the report
# Damage of the extraction, undone in the data (../shared/NOTES.md): what the seed has -> what it meant
REPAIRS = {
    "ดิดบอร์ดฌ": "ติดบอร์ดณ",  # letter-spaced "ดิ ด บ อ ร์ ด ฌ": "ติดบอร์ด ณ" (posted on the board at)
    "สรัำงควมนำเชื่อถือ": "สร้างความน่าเชื่อถือ",  # letter-spaced "ส รั ำ ง ค ว ม นำเชื่อถือ"
    "**": "",  # bold marks of the extraction around the agency's name
}
# Texts the site writes itself: labels of things the report names without a label of its own
LABELS = {
    ("agency.yml", "contacts[1].label"): "the report lists the Facebook page by name only",
    ("agency.yml", "contacts[4].label"): "the report writes 'เว็บบอร์ด กระดานถาม-ตอบ , Q&A' inside a sentence",
    ("reports/2568.yml", "memo.signatures[0].section"): "the first signature block of the memo has no heading",
}


def normal(text: str) -> str:
    """Text as both sides are compared: Arabic digits, no markup, no spaces (the PDF breaks lines anywhere)."""
    return re.sub(r"\s+", "", re.sub(r"<[^>]+>", " ", arabic_digits(text)))


def thai_texts(value: object, path: str = "") -> Iterator[tuple[str, str]]:
    """Every Thai text of a record with its field path: each `th`, and plain text fields holding Thai."""
    if isinstance(value, dict):
        for key, item in value.items():
            where = f"{path}.{key}" if path else str(key)
            if key == "th" and isinstance(item, str):
                yield path, item
            elif key != "en":
                yield from thai_texts(item, where)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from thai_texts(item, f"{path}[{index}]")
    elif isinstance(value, str) and re.search(r"[\u0E00-\u0E7F]", value):
        yield path, value


def seed_text() -> str:
    """The report as extracted, read the same way, with the listed repairs made."""
    assert SEED.is_file(), f"the seed report is missing: {SEED} (shared/ beside the project)"
    text = normal(SEED.read_text(encoding="utf-8"))
    for damaged, meant in REPAIRS.items():
        assert damaged in text, f"repair {damaged!r} no longer matches the seed"
        text = text.replace(damaged, meant)
    return text


TEXTS = [
    (path.relative_to(DATA).as_posix(), field, text)
    for path in sorted(DATA.rglob("*.yml"))
    if path.name not in NATIONAL
    for field, text in thai_texts(yaml.safe_load(path.read_text(encoding="utf-8")))
]


def test_the_seed_data_has_its_thai_texts():
    assert len(TEXTS) > 180  # 195 today: every measure, the memo, the units and contacts; a scan finding few is wrong


def test_every_thai_text_occurs_in_the_report():
    report = seed_text()
    strays = [
        f"{file}: {field}: {text[:60]}"
        for file, field, text in TEXTS
        if (file, field) not in LABELS and normal(text) not in report
    ]
    assert not strays, "\n".join(strays)


@pytest.mark.parametrize(("file", "field"), sorted(LABELS))
def test_each_listed_label_is_still_in_the_data_and_not_in_the_report(file, field):
    texts = {(f, name): text for f, name, text in TEXTS}
    assert (file, field) in texts and normal(texts[(file, field)]) not in seed_text()
