"""The catalogue files a data portal reads: a Frictionless Data Package and a CKAN package record.

`datapackage.json` describes every CSV with its table schema, from the file's own header row and the column
types and primary keys of `opendata.py`, so a CSV added to the downloads is described with no change here.
`ckan-package.json` is a package record with the fields of the Thai government data catalogue (the CKAN
extension ckanext-thai_gdc, ckanext/thai_gdc/ckan_dataset.json): it fills what the data knows and leaves
empty, for the officer who creates the dataset, what only the agency can decide (its organisation on the
catalogue, the objective, the geographic coverage, the contact e-mail when agency.yml has none).
`catalogue_downloads` adds these files and catalog.jsonld to the downloads.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from typing import Any

from ..data.licences import NOT_STATED_GDC
from ..data.models import ContactKind
from .catalogue import Catalogue, dcat_catalog, described_files, json_file, media_type
from .fields import both
from .opendata import COLUMN_TYPES, PRIMARY_KEYS, SCHEMA_VERSION, SERIES_PRIMARY_KEY, Download
from .routes import CATALOG_JSONLD, CKAN_JSON, DATAPACKAGE_JSON, DOWNLOADS, series_csv

GDC_OTHER = "อื่นๆ"  # the catalogue's choice for a licence its list lacks, named in license_id_other
# Fields of the catalogue's form that only the agency can fill; the record leaves them empty for the officer
FOR_THE_OFFICER = ("owner_org", "objective", "geo_coverage")
GDC_FORMATS = {"text/csv": "CSV", "application/json": "JSON", "application/schema+json": "JSON"}


def package_name(catalogue: Catalogue) -> str:
    """A CKAN and Data Package name (lower-case letters, digits, hyphens): the agency's English name, or its
    website's host where the name has no English yet, then `-ita`."""
    agency = catalogue.agency
    source = agency.name.en or re.sub(r"^https?://(www\.)?", "", agency.website)
    return (re.sub(r"[^a-z0-9]+", "-", source.lower()).strip("-")[:90] or "agency") + "-ita"


def _header(download: Download) -> list[str]:
    """The column names of a CSV download, from its first row."""
    return next(csv.reader(io.StringIO(download.content.decode("utf-8-sig"))))


def table_schema(download: Download, catalogue: Catalogue) -> dict[str, Any]:
    """The Table Schema of one CSV: each column with its type and what it holds in both languages (the site's
    own columns marked as such), and the file's primary key."""
    schema: dict[str, Any] = {
        "fields": [
            {"name": name, "type": COLUMN_TYPES.get(name, "string"), "description": both(name, catalogue.locales)}
            for name in _header(download)
        ],
        "missingValues": [""],
    }
    before, _, after = series_csv("\0").partition("\0")  # ita-series-, .csv
    series = download.name.startswith(before) and download.name.endswith(after)
    if key := PRIMARY_KEYS.get(download.name) or (SERIES_PRIMARY_KEY if series else None):
        schema["primaryKey"] = key
    return schema


def data_package(catalogue: Catalogue, downloads: Sequence[Download]) -> dict[str, Any]:
    """The Frictionless Data Package of the CSV downloads, each with its table schema, size and SHA-256."""
    title, description = catalogue.both("catalogue_title"), catalogue.both("catalogue_description")
    package: dict[str, Any] = {
        "profile": "tabular-data-package",
        "name": package_name(catalogue),
        "id": catalogue.file_url(DATAPACKAGE_JSON),
        "title": " / ".join(title.values()),
        "description": "\n\n".join(description.values()),
        "homepage": catalogue.page_url(DOWNLOADS),
        "version": SCHEMA_VERSION,
        "keywords": [word for words in catalogue.both("catalogue_keywords").values() for word in words.split(", ")],
    }
    if catalogue.licence:
        licence = catalogue.licence
        package["licenses"] = [{"name": licence.id, "path": licence.url, "title": licence.name.en or licence.name.th}]
    if catalogue.modified:
        package["created"] = f"{catalogue.modified.isoformat()}T00:00:00Z"
    package["contributors"] = [
        {"title": catalogue.agency.name.th, "role": "publisher", "path": catalogue.agency.website}
    ]
    package["resources"] = [
        {
            "name": re.sub(r"[^a-z0-9._-]+", "-", download.name.removesuffix(".csv").lower()),
            "path": download.name,
            "profile": "tabular-data-resource",
            "title": download.name,
            "description": "\n".join(catalogue.described(download).values()),
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "bytes": download.size,
            "hash": f"sha256:{download.sha256}",
            "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "header": True},
            "schema": table_schema(download, catalogue),
        }
        for download in downloads
        if download.name.endswith(".csv")
    ]
    return package


def _email(catalogue: Catalogue) -> str:
    """The agency's e-mail address, when agency.yml lists one among its contacts."""
    for contact in catalogue.agency.contacts:
        if contact.kind == ContactKind.EMAIL:
            return (contact.url or "").removeprefix("mailto:") or contact.value or ""
    return ""


def _licence_fields(catalogue: Catalogue) -> dict[str, str]:
    """license_id as the catalogue's list names it ("License not specified" when the agency states none)."""
    licence = catalogue.licence
    if licence is None:
        return {"license_id": NOT_STATED_GDC}
    if licence.gdc == GDC_OTHER:
        return {"license_id": GDC_OTHER, "license_id_other": f"{licence.name.en or licence.name.th} ({licence.url})"}
    return {"license_id": licence.gdc}


def ckan_package(catalogue: Catalogue, downloads: Sequence[Download]) -> dict[str, Any]:
    """A package record for the Thai government data catalogue (package_create), Thai first as its forms are."""
    title, description = catalogue.both("catalogue_title"), catalogue.both("catalogue_description")
    files = described_files(downloads)
    formats = sorted({GDC_FORMATS.get(media_type(download.name), "อื่นๆ") for download in files})
    years = catalogue.years
    record: dict[str, Any] = {
        "name": package_name(catalogue),
        "title": title["th"],
        "owner_org": "",
        "data_type": "ข้อมูลสถิติ",
        "notes": "\n\n".join(description.values()),
        "tags": [{"name": word} for word in catalogue.both("catalogue_keywords")["th"].split(", ")],
        "objective": [],
        "maintainer": catalogue.agency.name.th,
        "maintainer_email": _email(catalogue),
        "update_frequency_unit": "ปี",
        "update_frequency_interval": "1",
        "geo_coverage": "",
        "data_source": catalogue.both("catalogue_source")["th"],
        "data_format": formats,
        "data_category": "ข้อมูลสาธารณะ",
        **_licence_fields(catalogue),
        "url": catalogue.page_url(DOWNLOADS),
        "data_language": ["ไทย", "อังกฤษ"],
        "first_year_of_data": str(years[0]) if years else "",
        "last_year_of_data": str(years[-1]) if years else "",
        "unit_of_measure": "คะแนน (เต็ม 100)",
        "last_updated_date": catalogue.modified.isoformat() if catalogue.modified else "",
    }
    record["resources"] = [
        {
            "name": download.name,
            "url": catalogue.file_url(download.name),
            "description": catalogue.described(download)["th"],
            "format": GDC_FORMATS.get(media_type(download.name), "JSON"),
            "mimetype": media_type(download.name),
            "size": download.size,
            "hash": f"sha256:{download.sha256}",
        }
        for download in files
    ]
    return record


def catalogue_downloads(catalogue: Catalogue, downloads: Sequence[Download]) -> list[Download]:
    """The downloads with the catalogue files after them, each describing all the others."""
    return [
        *downloads,
        Download(CATALOG_JSONLD, json_file(dcat_catalog(catalogue, downloads))),
        Download(DATAPACKAGE_JSON, json_file(data_package(catalogue, downloads))),
        Download(CKAN_JSON, json_file(ckan_package(catalogue, downloads))),
    ]
