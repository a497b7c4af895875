"""Open data: the numbers and the measures as CSV and JSON files, with a JSON Schema, for download.

CSV files are UTF-8 with a byte-order mark, so Excel on a Thai Windows PC opens them correctly; JSON is
UTF-8 with Thai left as Thai. The JSON follows the `OpenData` model below, whose JSON Schema is published
beside it. Files are built in memory; the hooks add them to the site.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from ..data.dataset import Dataset
from ..data.framework import IndicatorSet
from ..data.models import Agency, Indicator, Item, Measure, Scheme, Text, ToolInfo, Unit
from ..data.national import NationalYear
from ..data.report import Report
from ..numbers import ce_year
from ..scoring import YearScore
from .fields import describe_schema
from .locale import LANGUAGES, load_locale
from .routes import DATA_JSON, MEASURES_CSV, NATIONAL_CSV, SCHEMA_JSON, SCORES_CSV, TOTALS_CSV
from .spreadsheet import csv_file

SCHEMA_VERSION = "1.7"  # 1.1: the agency's site_url and repository; 1.2: total_official, total_computed;
# 1.3: indicator_sets (the framework by period) and each year's indicator_set; 1.4: an indicator's description;
# 1.5: the agency's licence; 1.6: the branch of the agency's repository; 1.7: national (the national figures with
# their sources and confidence) and a description of every field
JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
# Material's script fetches `sitemap.xml` beside every <link rel="alternate">; the data folder's link would
# otherwise cost every page view a request for a missing file. An empty, valid sitemap answers it.
EMPTY_SITEMAP = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>\n'
)
SCORE_COLUMNS = ["year_be", "year_ce", "indicator", "name_th", "name_en", "tool", "score", "indicator_set"]
TOTAL_COLUMNS = [
    "year_be", "year_ce", "scheme", "total_official", "total_computed", "level", "level_th", "level_en",
    "indicator_set",
]  # fmt: skip
MEASURE_COLUMNS = [
    "year_be", "year_ce", "number", "id", "title_th", "title_en", "units_th", "units_en", "period_start",
    "period_end", "indicators", "steps_th", "steps_en", "outputs_th", "outputs_en", "outcomes_th", "outcomes_en",
]  # fmt: skip
NATIONAL_COLUMNS = [
    "year_be", "year_ce", "agencies", "average", "passed", "passed_share", "confidence", "source_title_th",
    "source_title_en", "source_url", "source_published", "more_sources", "note_th", "note_en",
]  # fmt: skip

# What datapackage.json says of the CSV columns: the type of each that is not text (a column named here has
# this type in every CSV), and each file's primary key. A CSV added to the downloads is described from its
# header row with these.
COLUMN_TYPES = {
    "year_be": "integer", "year_ce": "integer", "indicator": "integer", "number": "integer", "score": "number",
    "total_official": "number", "total_computed": "number", "period_start": "date", "period_end": "date",
    "value": "number", "change": "number", "agencies": "integer", "average": "number", "passed": "integer",
    "passed_share": "number", "source_published": "date",
}  # fmt: skip
PRIMARY_KEYS = {
    SCORES_CSV: ["year_be", "indicator"], TOTALS_CSV: ["year_be"], MEASURES_CSV: ["year_be", "number"],
    NATIONAL_CSV: ["year_be"],
}  # fmt: skip
SERIES_PRIMARY_KEY = ["year_be"]  # every series CSV (routes.series_csv): one row per year


class Export(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ToolResult(Export):
    tool: str
    weight: float
    average: float


class YearResult(Export):
    """A year's scores as published, with what the site computes from them."""

    year_be: int
    year_ce: int
    scheme: str
    indicator_set: str | None  # the id of the period whose indicators the scores are; null for a year without one
    scores: dict[int, float]
    tools: list[ToolResult]
    total: float  # what the site shows: total_official where the report states it, else total_computed
    total_official: float | None  # as the NACC announced it, when the report states it
    total_computed: float | None  # worked out from the rounded indicator scores; null for a year without them
    level: str
    level_name: Text


class OpenData(Export):
    """Everything the site shows, in one file."""

    schema_version: str
    last_data_change: dt.date | None
    agency: Agency
    units: list[Unit]
    tools: list[ToolInfo]  # of the newest period, as in 1.2; indicator_sets holds every period's
    indicators: list[Indicator]  # of the newest period, as in 1.2
    indicator_sets: list[IndicatorSet]  # every period of the framework, oldest first
    schemes: list[Scheme]
    results: list[YearResult]
    measures: list[Measure]
    reports: list[Report]
    national: list[NationalYear]  # the national figures of every year national.yml gives, oldest first


@dataclass(frozen=True)
class Download:
    """One published file: its name, bytes and checksum."""

    name: str
    content: bytes

    @property
    def size(self) -> int:
        """Bytes, as the downloads page lists them."""
        return len(self.content)

    @property
    def sha256(self) -> str:
        """The checksum a reader compares a copy against."""
        return hashlib.sha256(self.content).hexdigest()


def _csv(columns: list[str], rows: list[dict[str, object]]) -> bytes:
    """CSV with a header row, CRLF line ends and a UTF-8 byte-order mark, no cell a spreadsheet runs."""
    return csv_file(columns, rows)


def _lines(entries: list[Item], lang: str) -> str:
    """A list field as numbered lines, sub-items indented, in one language (Thai where English is missing)."""
    lines = []
    for number, entry in enumerate(entries, 1):
        lines.append(f"{number}. {getattr(entry, lang) or entry.th}")
        lines += [f"   - {getattr(item, lang) or item.th}" for item in entry.items]
    return "\n".join(lines)


def _set_id(score: YearScore) -> str:
    """The id of the period whose indicators a year was scored on; empty for a total-only year without one."""
    return score.framework.id if score.framework else ""


def scores_csv(scores: dict[int, YearScore], dataset: Dataset) -> bytes:
    """One row per year and indicator."""
    rows = [
        {
            "year_be": year,
            "year_ce": ce_year(year),
            "indicator": number,
            "name_th": dataset.indicators_for(year)[number].name.th,
            "name_en": dataset.indicators_for(year)[number].name.en or "",
            "tool": dataset.indicators_for(year)[number].tool,
            "score": f"{value:.2f}",
            "indicator_set": _set_id(score),
        }
        for year, score in scores.items()
        for number, value in sorted(score.scores.items())
    ]
    return _csv(SCORE_COLUMNS, rows)


def totals_csv(scores: dict[int, YearScore]) -> bytes:
    """One row per year: the total as announced and as worked out here, in their own columns, and the level."""
    rows = [
        {
            "year_be": year,
            "year_ce": ce_year(year),
            "scheme": score.scheme.id,
            "total_official": f"{score.total:.2f}" if score.official else "",
            "total_computed": f"{score.computed:.2f}" if score.computed is not None else "",
            "level": score.level.id,
            "level_th": score.level.name.th,
            "level_en": score.level.name.en or "",
            "indicator_set": _set_id(score),
        }
        for year, score in scores.items()
    ]
    return _csv(TOTAL_COLUMNS, rows)


def measures_csv(dataset: Dataset) -> bytes:
    """One row per measure, its main fields in both languages."""
    rows = []
    for year, measures in dataset.measures.items():
        for m in measures:
            row = {"year_be": year, "year_ce": ce_year(year), "number": m.number, "id": m.id}
            for lang in ("th", "en"):
                row[f"title_{lang}"] = getattr(m.title, lang) or m.title.th
                names = [dataset.units[unit].name for unit in m.units]
                row[f"units_{lang}"] = "; ".join(getattr(name, lang) or name.th for name in names)
                for field in ("steps", "outputs", "outcomes"):
                    row[f"{field}_{lang}"] = _lines(getattr(m, field), lang)
            row |= {"period_start": m.period.start, "period_end": m.period.end}
            row["indicators"] = " ".join(map(str, m.indicators))
            rows.append(row)
    return _csv(MEASURE_COLUMNS, rows)


def national_csv(dataset: Dataset) -> bytes:
    """One row per year of national.yml: its figures, where they come from and how far they can be trusted, so a
    reuser never takes a derived figure for the NACC's."""
    rows: list[dict[str, object]] = []
    for year, n in dataset.national.items():
        figures = {"agencies": n.agencies, "average": n.average, "passed": n.passed, "passed_share": n.passed_share}
        rows.append(
            {"year_be": year, "year_ce": ce_year(year)}
            | {key: "" if value is None else value for key, value in figures.items()}
            | {
                "confidence": n.confidence or "",
                "source_title_th": n.source.title.th,
                "source_title_en": n.source.title.en or "",
                "source_url": n.source.url,
                "source_published": n.source.published or "",
                "more_sources": " ".join(str(more.url) for more in n.more_sources),
                "note_th": n.note.th if n.note else "",
                "note_en": (n.note.en or "") if n.note else "",
            }
        )
    return _csv(NATIONAL_COLUMNS, rows)


def open_data(dataset: Dataset, scores: dict[int, YearScore], last_change: dt.date | None) -> OpenData:
    """The whole dataset with computed results, as the JSON download holds it."""
    results = [
        YearResult(
            year_be=year,
            year_ce=ce_year(year),
            scheme=score.scheme.id,
            indicator_set=score.framework.id if score.framework else None,
            scores={number: float(value) for number, value in sorted(score.scores.items())},
            tools=[ToolResult(tool=t.tool, weight=float(t.weight), average=float(t.average)) for t in score.tools],
            total=float(score.total),
            total_official=float(score.total) if score.official else None,
            total_computed=float(score.computed) if score.computed is not None else None,
            level=score.level.id,
            level_name=score.level.name,
        )
        for year, score in scores.items()
    ]
    return OpenData(
        schema_version=SCHEMA_VERSION,
        last_data_change=last_change,
        agency=dataset.agency,
        units=list(dataset.units.values()),
        tools=dataset.frameworks[-1].tools,
        indicators=list(dataset.frameworks[-1].by_number.values()),
        indicator_sets=dataset.frameworks,
        schemes=dataset.schemes,
        results=results,
        measures=[m for measures in dataset.measures.values() for m in measures],
        reports=list(dataset.reports.values()),
        national=list(dataset.national.values()),
    )


def _json(value: object) -> bytes:
    """UTF-8 JSON with Thai left as Thai, indented so a diff of two versions reads line by line."""
    return (json.dumps(value, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def build_downloads(dataset: Dataset, scores: dict[int, YearScore], last_change: dt.date | None) -> list[Download]:
    """Every open-data file, in the order the downloads page lists them."""
    described = describe_schema(
        OpenData.model_json_schema(mode="serialization"), [load_locale(lang) for lang in LANGUAGES], "OpenData"
    )
    schema = {"$schema": JSON_SCHEMA_DIALECT, **described}
    return [
        Download(SCORES_CSV, scores_csv(scores, dataset)),
        Download(TOTALS_CSV, totals_csv(scores)),
        Download(MEASURES_CSV, measures_csv(dataset)),
        *([Download(NATIONAL_CSV, national_csv(dataset))] if dataset.national else []),
        Download(DATA_JSON, _json(open_data(dataset, scores, last_change).model_dump(mode="json"))),
        Download(SCHEMA_JSON, _json(schema)),
    ]
