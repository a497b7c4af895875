"""Open data downloads, read back with the standard library and compared with the data files; and the
charts, read back from the SVG and compared with the tables beside them."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest
import yaml
from support.build import DATA
from support.site import page, parse, text_of

FILES = ["ita-scores.csv", "ita-measures.csv", "ita-data.json", "ita-data.schema.json"]


def read_csv(path: Path) -> list[dict]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), f"{path.name} has no byte-order mark"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def data_file(relative: str) -> dict:
    return yaml.safe_load((DATA / relative).read_text(encoding="utf-8"))


def test_scores_csv_holds_every_score(seed_site):
    rows = read_csv(seed_site / "th/data/ita-scores.csv")
    expected = {
        (year, number): f"{float(score):.2f}"
        for year in (2567, 2568)
        for number, score in data_file(f"results/{year}.yml")["scores"].items()
    }
    assert {(int(r["year_be"]), int(r["indicator"])): r["score"] for r in rows} == expected
    assert {r["year_ce"] for r in rows} == {"2024", "2025"}
    indicators = {i["number"]: i for i in data_file("indicators.yml")["periods"][0]["indicators"]}
    for row in rows:
        indicator = indicators[int(row["indicator"])]
        assert (row["name_th"], row["name_en"], row["tool"]) == (
            indicator["name"]["th"],
            indicator["name"]["en"],
            indicator["tool"],
        )


def test_measures_csv_holds_every_measure(seed_site):
    rows = read_csv(seed_site / "en/data/ita-measures.csv")
    assert len(rows) == 15
    for row in rows:
        measure = data_file(f"measures/2568/{row['id']}.yml")
        assert int(row["number"]) == measure["number"]
        assert (row["title_th"], row["title_en"]) == (measure["title"]["th"], measure["title"]["en"])
        assert row["period_start"] == str(measure["period"]["start"])
        assert row["outputs_th"].count("\n1. ") == 0 and row["outputs_th"].startswith("1. ")
        assert measure["outputs"][-1]["th"] in row["outputs_th"]
        assert row["indicators"] == " ".join(map(str, measure["indicators"]))


def without_empty(value: object) -> object:
    """The value with null fields left out, as the YAML files leave them out."""
    if isinstance(value, dict):
        return {key: without_empty(item) for key, item in value.items() if item is not None}
    if isinstance(value, list):
        return [without_empty(item) for item in value]
    return value


def test_json_holds_everything_and_follows_its_schema(seed_site):
    document = json.loads((seed_site / "th/data/ita-data.json").read_text(encoding="utf-8"))
    schema = json.loads((seed_site / "th/data/ita-data.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(document, schema)
    assert "\\u0e" not in (seed_site / "th/data/ita-data.json").read_text(encoding="utf-8")
    totals = {r["year_be"]: (r["total"], r["level"]) for r in document["results"]}
    assert totals == {2567: (96.33, "good"), 2568: (99.37, "excellent")}
    assert len(document["measures"]) == 15 and len(document["indicators"]) == 10
    assert without_empty(document["agency"]) == data_file("agency.yml")
    assert document["reports"][0]["memo"]["reference"] == "นตภ 52212/-"


def test_downloads_page_lists_size_and_checksum_of_each_file(seed_site):
    for lang in ("th", "en"):
        html = page(seed_site, lang, "downloads").read_text(encoding="utf-8")
        for name in FILES:
            content = (seed_site / lang / "data" / name).read_bytes()
            assert f">{name}</a>" in html
            assert hashlib.sha256(content).hexdigest() in html
            assert f"{len(content):,} B" in html
    assert re.search(r"Data last changed: (\d+ \w+ \d{4}|unknown)", text_of(page(seed_site, "en", "downloads")))


@pytest.mark.parametrize(
    "url", [".", "measures", "results/2568", "results/2567-2568", "measures/2568/03-budget-transparency"]
)
def test_pages_link_the_data_they_show(seed_site, url):
    html = page(seed_site, "en", url)
    alternate = re.search(
        r'<link rel="alternate" type="application/json" href="([^"]+)"', html.read_text(encoding="utf-8")
    )
    assert alternate and (html.parent / alternate.group(1)).resolve() == (seed_site / "en/data/ita-data.json").resolve()
    visible = [link["href"] for link in parse(html).links if link["href"].endswith((".csv", ".json"))]
    assert any(href.endswith("ita-scores.csv") for href in visible)
    assert (seed_site / "en/data/sitemap.xml").read_text(encoding="utf-8").count("<url>") == 0


def chart_values(html: str, chart_id: str) -> list[list[str]]:
    """The values drawn in one chart, row by row."""
    svg = re.search(rf'<figure class="ita-chart" id="{chart_id}"[^>]*>(.*?)</figure>', html, re.S).group(1)
    rows, current = [], None
    for kind, value in re.findall(r'class="ita-chart__(label)"|data-value="([^"]+)"', svg):
        if kind:
            current = []
            rows.append(current)
        else:
            current.append(value)
    return rows


def table_rows(html: str, caption: str) -> list[list[str]]:
    table = re.search(rf"<caption>{re.escape(caption)}</caption>(.*?)</table>", html, re.S).group(1)
    return [
        re.findall(r'<td class="ita-num"[^>]*>(?:<strong>)?([-+\d.]+)', row)
        for row in re.findall(r"<tr.*?</tr>", table, re.S)
    ]


def test_charts_agree_with_the_tables_beside_them(seed_site):
    compare = page(seed_site, "en", "results/2567-2568").read_text(encoding="utf-8")
    table = [row[:2] for row in table_rows(compare, "Scores by indicator · FY2024 → FY2025") if row][:10]
    assert chart_values(compare, "chart-indicators-2567-2568") == table
    for year in (2567, 2568):
        results = page(seed_site, "en", f"results/{year}").read_text(encoding="utf-8")
        averages = [
            row[0] for row in table_rows(results, f"How the total is calculated · FY{year - 543} (B.E. {year})") if row
        ][:3]
        assert [values[0] for values in chart_values(results, f"chart-tools-{year}")] == averages
    overview = page(seed_site, "th", "results").read_text(encoding="utf-8")
    caption = "ผลการประเมิน ITA ทุกปี · คะแนนรวมเป็นตัวเลขของ ป.ป.ช. ตามที่ระบุในรายงานของหน่วยงาน เมื่อรายงานระบุไว้"
    totals = [row[-1] for row in table_rows(overview, caption) if row]
    assert [values[0] for values in chart_values(overview, "chart-totals")] == list(reversed(totals))


def test_charts_have_text_alternatives(seed_site):
    html = page(seed_site, "en", "results/2567").read_text(encoding="utf-8")
    svg = re.search(r'<svg[^>]*role="img"[^>]*aria-labelledby="chart-tools-2567-title chart-tools-2567-desc"', html)
    assert svg
    description = re.search(r'<desc id="chart-tools-2567-desc">(.*?)</desc>', html).group(1)
    assert "EIT 91.09" in description and "Excellent ≥ 95.00" in description
    assert Decimal("91.09") < Decimal("95")
