"""Every field of the downloads says what it holds, in Thai and in English, and the site's own fields say that
they are the site's: in the JSON Schema of ita-data.json, in the table schemas of datapackage.json and in the
field tables of the downloads page. The national figures are a download of their own (CSV, and in the JSON),
each year with its source and its confidence."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from support.site import page, parse, text_of

THAI = re.compile(r"[\u0e00-\u0e7f]")
# The marks of the site's own fields, in both languages (the locales' field_ours_*)
GROUPING = ("การจัดกลุ่มของเว็บไซต์นี้ ไม่มีในรายงาน", "site's grouping, not in the report")
TRANSLATION = ("คำแปลที่ไม่เป็นทางการของเว็บไซต์นี้", "unofficial translation by this site")
PERIOD = ("วันแรกและวันสุดท้ายของปีงบประมาณ รายงานระบุเพียงเดือน", "fiscal-year bounds; the report gives months only")


def bilingual(description: str | None) -> bool:
    """A description in both languages: a Thai line, then an English one."""
    lines = (description or "").split("\n")
    return len(lines) == 2 and bool(THAI.search(lines[0])) and bool(lines[1]) and not THAI.search(lines[1])


def schema_fields(schema: dict) -> dict[str, str | None]:
    """Every property of every object of a JSON Schema, as "Object.field", with its description."""
    objects = [(schema.get("title", ""), schema), *schema.get("$defs", {}).items()]
    return {
        f"{name}.{field}": prop.get("description")
        for name, node in objects
        for field, prop in node.get("properties", {}).items()
    }


def package_fields(package: dict) -> dict[str, str | None]:
    """Every field of every resource of a Data Package, as "file.column", with its description."""
    return {
        f"{resource['path']}.{field['name']}": field.get("description")
        for resource in package["resources"]
        for field in resource["schema"]["fields"]
    }


@pytest.mark.parametrize("lang", ["th", "en"])
def test_every_field_of_the_json_schema_is_described_in_both_languages(seed_site, lang):
    fields = schema_fields(json.loads((seed_site / lang / "data/ita-data.schema.json").read_bytes()))
    assert len(fields) > 80
    assert [name for name, description in fields.items() if not bilingual(description)] == []
    assert all(mark in fields["Measure.indicators"] for mark in GROUPING)
    assert all(mark in fields["Text.en"] for mark in TRANSLATION)
    assert all(mark in fields["Period.start"] and mark in fields["Period.end"] for mark in PERIOD)
    assert not any(mark in fields["Text.th"] for mark in TRANSLATION)  # the Thai is the report's


@pytest.mark.parametrize("lang", ["th", "en"])
def test_every_column_of_the_data_package_is_described_and_the_sites_own_marked(seed_site, lang):
    fields = package_fields(json.loads((seed_site / lang / "data/datapackage.json").read_bytes()))
    assert "ita-national.csv.confidence" in fields and "ita-series-eit.csv.year_level_en" in fields
    assert [name for name, description in fields.items() if not bilingual(description)] == []
    assert all(mark in fields["ita-measures.csv.indicators"] for mark in GROUPING)
    for column in ("title_en", "steps_en", "outcomes_en", "units_en"):
        assert all(mark in fields[f"ita-measures.csv.{column}"] for mark in TRANSLATION), column
    assert not any(mark in fields["ita-measures.csv.title_th"] for mark in TRANSLATION)
    for column in ("period_start", "period_end"):
        assert all(mark in fields[f"ita-measures.csv.{column}"] for mark in PERIOD), column


@pytest.mark.parametrize(("lang", "marks"), [("th", 0), ("en", 1)])
def test_the_downloads_page_has_a_field_table_for_each_file(seed_site, lang, marks):
    path = page(seed_site, lang, "downloads")
    html, text = path.read_text(encoding="utf-8"), text_of(path)
    for file in ("ita-scores.csv", "ita-totals.csv", "ita-measures.csv", "ita-national.csv", "ita-data-schema-json"):
        assert f'id="fields-{file.replace(".", "-")}"' in html, file
    assert html.count('class="ita-fields"') == 6  # the five above and one for every series CSV
    assert GROUPING[marks] in text and TRANSLATION[marks] in text and PERIOD[marks] in text


def test_the_national_figures_are_a_download_with_sources_and_confidence(seed_site):
    raw = (seed_site / "en/data/ita-national.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = {row["year_be"]: row for row in csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline=""))}
    assert {year: (row["average"], row["confidence"]) for year, row in rows.items()} == {
        "2564": ("81.25", "official"),
        "2565": ("87.57", "press"),
        "2566": ("90.19", "press"),
        "2567": ("93.05", "derived"),
        "2568": ("93.82", "official"),
    }
    assert all(row["source_url"].startswith("https://") for row in rows.values())
    assert (rows["2568"]["passed"], rows["2568"]["passed_share"]) == ("7832", "94.17")
    assert "0.77" in rows["2567"]["note_en"] and "0.77" in rows["2567"]["note_th"]
    assert rows["2567"]["more_sources"] == "https://tna.mcot.net/politics-1399345"
    assert "../data/ita-national.csv" in parse(page(seed_site, "en", "downloads")).addresses


def test_the_json_holds_the_national_figures_with_their_sources(seed_site):
    data = json.loads((seed_site / "th/data/ita-data.json").read_bytes())
    national = {entry["year"]: entry for entry in data["national"]}
    assert sorted(national) == [2564, 2565, 2566, 2567, 2568]
    assert national[2567]["confidence"] == "derived" and national[2568]["source"]["url"].startswith("https://")
    assert data["schema_version"] == "1.7"
