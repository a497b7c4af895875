"""Synthetic data for benchmarks and the tests at scale: N fiscal years for M agencies, deterministic from a seed.

Usage: python bench/synthetic.py OUT_DIR [YEARS] [AGENCIES] [SEED]
  one agency (default): OUT_DIR is a data folder; several: OUT_DIR/agency-NNN/data/ for each.

Each year has the seed report's 15 measures (their units, indicators and shape), whose Thai and English texts
are new combinations of the seed's own sentences, of about the seed's length; titles are unique within an
agency, so a search for an old year's title can find that year. Scores vary around a level that drifts from
year to year. Ten years run 2563–2572 and so use both scoring schemes of levels.yml (2563–2566 and 2567 on);
up to six years end at 2568, as the seed does. Each year has an OIT register (disclosure/YYYY.yml) listing
every item of its year's list, some with a link dated inside the fiscal year the item covers; the data's own
oit.yml starts the 2568 list at the first year, since the shipped lists begin at 2568. The same arguments always
write the same bytes.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

SEED = Path(__file__).resolve().parent.parent / "tests/fixtures/seed/data"
FIRST_YEAR = 2563  # the first year of the ITA framework in indicators.yml
SEED_YEAR = 2568
DUMP = {"allow_unicode": True, "sort_keys": False, "width": 120}
TEXT_LISTS = ("steps", "outputs", "outcomes")
# Local administrations of a province: the type the name begins with, and some place names
KINDS = [
    ("เทศบาลตำบล", "Subdistrict Municipality"),
    ("องค์การบริหารส่วนตำบล", "Subdistrict Administrative Organization"),
    ("เทศบาลเมือง", "Town Municipality"),
]
PLACES = [
    ("บ้านใหม่", "Ban Mai"), ("ทุ่งงาม", "Thung Ngam"), ("หนองบัว", "Nong Bua"), ("วังทอง", "Wang Thong"),
    ("ป่าตัน", "Pa Tan"), ("แม่สัน", "Mae San"), ("สบป้าด", "Sop Pat"), ("นาแก้ว", "Na Kaeo"),
    ("บ่อแฮ้ว", "Bo Haeo"), ("ห้างฉัตร", "Hang Chat"), ("เวียงตาล", "Wiang Tan"), ("ปงแสนทอง", "Pong Saen Thong"),
]  # fmt: skip
PROVINCES = [("ลำปาง", "Lampang"), ("ลำพูน", "Lamphun"), ("เชียงใหม่", "Chiang Mai"), ("แพร่", "Phrae")]


def years_for(count: int) -> list[int]:
    """The fiscal years of `count` years: ending at the seed's year while that fits, else from 2563 on."""
    first = SEED_YEAR + 1 - count if count <= SEED_YEAR + 1 - FIRST_YEAR else FIRST_YEAR
    return list(range(first, first + count))


def _load(path: Path) -> Any:
    """One seed YAML file."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _write(path: Path, value: Any) -> None:
    """One YAML file, its folder made if needed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(value, **DUMP), encoding="utf-8")


def _pieces(texts: list[str], english: bool) -> list[str]:
    """The seed's texts cut into sentences (English, at full stops) or phrases (Thai, at spaces)."""
    cut = re.compile(r"(?<=[.;])\s+") if english else re.compile(r"\s+")
    return sorted({piece.strip() for text in texts for piece in cut.split(text) if len(piece.strip()) > 3})


class Sentences:
    """The seed's sentences of both languages, and new texts made of them."""

    def __init__(self, measures: list[dict[str, Any]]) -> None:
        items = [item for measure in measures for key in TEXT_LISTS for item in measure.get(key, [])]
        self.thai = _pieces([item["th"] for item in items], english=False)
        self.english = _pieces([item.get("en", "") for item in items], english=True)
        self.titles = _pieces([m["title"]["th"] for m in measures], english=False)
        self.titles_en = [m["title"]["en"] for m in measures]

    def item(self, randomness: random.Random, like: dict[str, Any]) -> dict[str, str]:
        """A text item about as long as `like`, made of seed sentences in a new order."""
        return {
            "th": _about(randomness, self.thai, len(like["th"]), " "),
            "en": _about(randomness, self.english, len(like.get("en", "")) or 80, " "),
        }


def _about(randomness: random.Random, pool: list[str], length: int, glue: str) -> str:
    """Pieces of `pool` joined until the text is about `length` characters long."""
    chosen: list[str] = []
    while sum(map(len, chosen)) < length * 0.9:
        chosen.append(randomness.choice(pool))
    return glue.join(chosen)[:9000]


def _measure(seed: dict[str, Any], year: int, sentences: Sentences, randomness: random.Random) -> dict[str, Any]:
    """One synthetic measure of `year` shaped as the seed measure `seed`, with new text and a new title."""
    measure = dict(seed)
    shift = year - SEED_YEAR
    measure["year"] = year
    measure["period"] = {key: day.replace(year=day.year + shift) for key, day in seed["period"].items()}
    for key in TEXT_LISTS:
        if key in seed:
            measure[key] = [_item(sentence, sentences, randomness) for sentence in seed[key]]
    return measure


def _item(seed: dict[str, Any], sentences: Sentences, randomness: random.Random) -> dict[str, Any]:
    """A new text item shaped as `seed` (its sub-items too)."""
    item: dict[str, Any] = sentences.item(randomness, seed)
    if seed.get("items"):
        item["items"] = [_item(sub, sentences, randomness) for sub in seed["items"]]
    return item


def _title(seed: dict[str, Any], sentences: Sentences, randomness: random.Random, used: set[str]) -> dict[str, str]:
    """A title unique within the agency: the seed measure's first phrase and one or two longer phrases of other
    titles (a lone word such as มาตรการ would name no measure in particular)."""
    first = seed["title"]["th"].split()[0]
    while True:
        extra = randomness.sample(
            [t for t in sentences.titles if t != first and len(t) > 12], randomness.choice((1, 2))
        )
        thai, phrases = " ".join([first, *extra]), " ".join(sorted({first, *extra}))
        if phrases not in used:  # not even the same phrases in another order
            used.add(phrases)
            english = f"{seed['title']['en']}: {randomness.choice(sentences.titles_en).lower()}"
            return {"th": thai, "en": english}


def _scores(randomness: random.Random, base: float) -> dict[int, float]:
    """Ten indicator scores around `base`, within 0–100."""
    return {n: round(min(100.0, max(0.0, randomness.gauss(base, 6))), 2) for n in range(1, 11)}


def make(out: Path, years: int, seed: int = 0, agency: int = 0) -> None:
    """Write one agency's data folder with `years` years of results, measures and reports into `out`."""
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(SEED, out, ignore=shutil.ignore_patterns("results", "measures", "reports", "disclosure"))
    randomness = random.Random(f"{seed}/{agency}/{years}")  # the same data for the same arguments
    if agency:
        _write(out / "agency.yml", _agency(agency, _load(SEED / "agency.yml")))
    seeds = [_load(path) for path in sorted((SEED / f"measures/{SEED_YEAR}").glob("*.yml"))]
    sentences = Sentences(seeds)
    report = (SEED / f"reports/{SEED_YEAR}.yml").read_text(encoding="utf-8")
    base, used = randomness.uniform(72, 97), set[str]()
    for year in years_for(years):
        base = min(99.0, max(55.0, base + randomness.gauss(0.8, 3)))
        _write(out / f"results/{year}.yml", {"year": year, "scores": _scores(randomness, base)})
        for path, template in zip(sorted((SEED / f"measures/{SEED_YEAR}").glob("*.yml")), seeds, strict=True):
            measure = _measure(template, year, sentences, randomness)
            measure["title"] = _title(template, sentences, randomness, used)
            _write(out / f"measures/{year}/{path.name}", measure)
        # the report's year in B.E. and in C.E. (its memo date)
        text = report.replace(str(SEED_YEAR), str(year)).replace(str(SEED_YEAR - 543), str(year - 543))
        (out / "reports").mkdir(exist_ok=True)
        (out / f"reports/{year}.yml").write_text(text, encoding="utf-8")
    _disclosure(out, years_for(years), randomness)


def _disclosure(out: Path, years: list[int], randomness: random.Random) -> None:
    """oit.yml with its lists covering `years`, and a register per year: every item, about two in three with a
    link published inside the fiscal year the item covers."""
    oit = _load(SEED / "oit.yml")
    periods = oit["periods"]
    periods[0]["first_year"] = min(periods[0]["first_year"], years[0])  # the synthetic data's own list, not shipped
    _write(out / "oit.yml", oit)
    for year in years:
        period = next(p for p in periods if p["first_year"] <= year <= p.get("last_year", year))
        items = []
        for item in period["items"]:
            code, covers = item["code"], item.get("covers", "none")
            documents = []
            if randomness.random() < 0.66:
                fiscal = year - 1 if covers == "previous" else year  # B.E.: from 1 October of the year before
                first, last = dt.date(fiscal - 544, 10, 1), dt.date(fiscal - 543, 9, 30)
                day = first.fromordinal(randomness.randint(first.toordinal(), last.toordinal()))
                title = item.get("title", {"th": f"เอกสารข้อ {code}"})["th"]
                documents.append(
                    {"title": {"th": f"{title} ปี {year}"}, "url": f"{_SITE}{year}/{code.lower()}", "published": day}
                )
            items.append({"code": code, "documents": documents})
        _write(out / f"disclosure/{year}.yml", {"year": year, "items": items})


_SITE = "https://example.go.th/ita/"  # where the synthetic agencies' documents would be


def _agency(number: int, seed: dict[str, Any]) -> dict[str, Any]:
    """The agency.yml of synthetic agency `number`: a type, a place and a province of its own."""
    kind, place, province = KINDS[number % 3], PLACES[number % len(PLACES)], PROVINCES[number // 3 % len(PROVINCES)]
    suffix = f" {number}" if number > len(PLACES) else ""
    slug = f"agency-{number:03d}"
    return {
        **seed,
        "name": {"th": f"{kind[0]}{place[0]}{suffix}", "en": f"{place[1]}{suffix} {kind[1]}"},
        "district": {"th": f"อำเภอ{place[0]}", "en": f"{place[1]} District"},
        "province": {"th": f"จังหวัด{province[0]}", "en": f"{province[1]} Province"},
        "website": f"https://{slug}.example.go.th/",
        "site_url": f"https://example.github.io/ita/{slug}/",
        "contacts": seed["contacts"][:2],
    }


def make_agencies(out: Path, agencies: int, years: int, seed: int = 0) -> list[Path]:
    """`agencies` agency folders under `out` (agency-001/data/, …), each with `years` years; their data folders."""
    shutil.rmtree(out, ignore_errors=True)
    folders = [out / f"agency-{number:03d}" / "data" for number in range(1, agencies + 1)]
    for number, folder in enumerate(folders, 1):
        make(folder, years, seed, number)
    return folders


if __name__ == "__main__":
    arguments = [*sys.argv[1:], *["10", "1", "0"][len(sys.argv) - 2 :]]
    target, count, many, number = Path(arguments[0]), int(arguments[1]), int(arguments[2]), int(arguments[3])
    if many > 1:
        make_agencies(target, many, count, number)
    else:
        make(target, count, number)
