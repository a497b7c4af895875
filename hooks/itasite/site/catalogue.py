"""What data portals and search engines read about the open data: schema.org and DCAT, as JSON-LD.

`Catalogue` gathers what every catalogue file says of the data as a whole (who publishes it, under which
licence, which fiscal years it covers, where it lives). From it and the site's list of downloads,
`dataset_jsonld` makes the schema.org `Dataset` a page embeds (the downloads page for everything, a page of
one series for its own files) and `dcat_catalog` the DCAT-AP catalogue `catalog.jsonld`. Every address is
absolute, from the site's address (SITE_URL or `site_url`), as the canonical links are.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..data.dataset import Dataset
from ..data.licences import Licence, licence_named
from ..data.models import Agency, Text
from ..numbers import fiscal_year_bounds
from .locale import LANGUAGES, Locale, load_locale
from .opendata import Download
from .render import url_of
from .routes import CATALOG_JSONLD, CKAN_JSON, DATAPACKAGE_JSON, DOWNLOADS, data_file

Texts = Mapping[str, str]  # one text by language, Thai first: {"th": ..., "en": ...}
CATALOGUE_FILES = (CATALOG_JSONLD, DATAPACKAGE_JSON, CKAN_JSON)  # they describe the others, never themselves
# File name endings and the media types they are served as (the first that matches)
MEDIA_TYPES = (
    (".schema.json", "application/schema+json"),
    (".jsonld", "application/ld+json"),
    (".json", "application/json"),
    (".csv", "text/csv"),
)
IANA_MEDIA_TYPES = "http://www.iana.org/assignments/media-types/"  # the IRIs DCAT-AP gives media types
DCAT_CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "spdx": "http://spdx.org/rdf/terms#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


@dataclass(frozen=True)
class Catalogue:
    """What every catalogue file says of the data as a whole."""

    agency: Agency
    licence: Licence | None  # None: the agency has not stated one, and no file invents one
    years: tuple[int, ...]  # the fiscal years (B.E.) the data covers, oldest first
    site_url: str  # the address of this language's site, ending in a slash
    issued: dt.date | None  # the first report's date, when a report has one
    modified: dt.date | None  # when the data last changed (git), when known
    locales: tuple[Locale, ...]
    descriptions: Mapping[str, Texts]  # what a file holds, for files the locales do not describe by name

    def page_url(self, src_uri: str) -> str:
        """The absolute address of a page of this language's site."""
        return self.site_url + url_of(src_uri)

    def file_url(self, name: str) -> str:
        """The absolute address of a download."""
        return self.site_url + data_file(name)

    def both(self, key: str, **values: object) -> dict[str, str]:
        """An interface string in every language, as plain text (the files are JSON); the agency's name is put
        in each language's own."""
        return {lang.lang: lang.plain(key, agency=lang.text(self.agency.name), **values) for lang in self.locales}

    def text(self, text: Text) -> dict[str, str]:
        """A data text in the languages it has (Thai always)."""
        return {locale.lang: value for locale in self.locales if (value := getattr(text, locale.lang))}

    def described(self, download: Download) -> dict[str, str]:
        """What a download holds, in every language: as the downloads page says it (its name where nothing does)."""
        if download.name in self.descriptions:
            return dict(self.descriptions[download.name])
        return {locale.lang: locale.strings.get(f"download_{download.name}", download.name) for locale in self.locales}

    def place(self) -> dict[str, str]:
        """Where the agency is, district and province, in the languages the data has them."""
        district, province = self.text(self.agency.district), self.text(self.agency.province)
        return {lang: (" " if lang == "th" else ", ").join(filter(None, (district.get(lang), name)))
                for lang, name in province.items()}  # fmt: skip

    def period(self, years: Sequence[int] | None = None) -> tuple[dt.date, dt.date] | None:
        """The first and last day of the fiscal years covered (all of the data's by default)."""
        chosen = sorted(years if years is not None else self.years)
        return (fiscal_year_bounds(chosen[0])[0], fiscal_year_bounds(chosen[-1])[1]) if chosen else None


def catalogue_of(
    dataset: Dataset,
    years: Sequence[int],
    last_change: dt.date | None,
    site_url: str,
    descriptions: Mapping[str, Texts] | None = None,
) -> Catalogue:
    """The catalogue of one language's site: `site_url` is that site's address (`…/th/`); `descriptions` say
    what the files hold that the locales do not describe by name (`download_<name>`)."""
    memos = [report.memo.date for report in dataset.reports.values() if report.memo]
    return Catalogue(
        agency=dataset.agency,
        licence=licence_named(dataset.agency.licence),
        years=tuple(sorted(years)),
        site_url=site_url.rstrip("/") + "/",
        issued=min(memos) if memos else None,
        modified=last_change,
        locales=tuple(load_locale(lang) for lang in LANGUAGES),
        descriptions=descriptions or {},
    )


def media_type(name: str) -> str:
    """The media type a download is served as."""
    return next((kind for ending, kind in MEDIA_TYPES if name.endswith(ending)), "application/octet-stream")


def described_files(downloads: Sequence[Download]) -> list[Download]:
    """The downloads a catalogue describes: all but the catalogue files themselves."""
    return [download for download in downloads if download.name not in CATALOGUE_FILES]


def _tagged(texts: Texts) -> list[dict[str, str]]:
    """JSON-LD values with their language: [{"@language": "th", "@value": …}, …]."""
    return [{"@language": lang, "@value": value} for lang, value in texts.items()]


def _organisation(catalogue: Catalogue) -> dict[str, Any]:
    """The agency, as schema.org's creator and publisher."""
    agency = catalogue.agency
    return {
        "@type": "GovernmentOrganization",
        "@id": agency.website,
        "name": _tagged(catalogue.text(agency.name)),
        "url": agency.website,
    }


def dataset_jsonld(
    catalogue: Catalogue,
    downloads: Sequence[Download],
    *,
    title: Texts | None = None,
    description: Texts | None = None,
    years: Sequence[int] | None = None,
    page: str = DOWNLOADS,
) -> dict[str, Any]:
    """A schema.org `Dataset` of `downloads` (the whole site's, or a series' own files) for the page `page`
    to embed as `<script type="application/ld+json">` (the `jsonld` macro): its title and description in both
    languages (the whole data's by default), the agency, the licence when stated, the fiscal years covered
    (`years`, all by default) and every file with its media type and address. A page other than the downloads
    page says its dataset is part of the whole one there. Kept small: every page view carries it."""
    address = catalogue.page_url(page)
    whole = f"{catalogue.page_url(DOWNLOADS)}#dataset"
    value: dict[str, Any] = {
        "@context": "https://schema.org/",
        "@type": "Dataset",
        "@id": f"{address}#dataset" if page != DOWNLOADS else whole,
        "name": _tagged(title or catalogue.both("catalogue_title")),
        "description": _tagged(description or catalogue.both("catalogue_description")),
        "url": address,
        "inLanguage": list(LANGUAGES),
        "keywords": [word for texts in catalogue.both("catalogue_keywords").values() for word in texts.split(", ")],
        "isAccessibleForFree": True,
        "creator": _organisation(catalogue),
        "publisher": {"@id": catalogue.agency.website},
    }
    if page != DOWNLOADS:
        value["isPartOf"] = {"@id": whole}
    if catalogue.licence:
        value["license"] = catalogue.licence.url
    if period := catalogue.period(years):
        value["temporalCoverage"] = f"{period[0].isoformat()}/{period[1].isoformat()}"
    value["spatialCoverage"] = {"@type": "Place", "name": _tagged(catalogue.place())}
    if catalogue.issued:
        value["datePublished"] = catalogue.issued.isoformat()
    if catalogue.modified:
        value["dateModified"] = catalogue.modified.isoformat()
    value["distribution"] = [
        {
            "@type": "DataDownload",
            "name": download.name,
            "encodingFormat": media_type(download.name),
            "contentUrl": catalogue.file_url(download.name),
            "contentSize": f"{download.size} B",
        }
        for download in described_files(downloads)
    ]
    return value


def _date(day: dt.date) -> dict[str, str]:
    """An xsd:date literal."""
    return {"@value": day.isoformat(), "@type": "xsd:date"}


def _licence_terms(catalogue: Catalogue) -> dict[str, Any]:
    """dct:license where the agency states a licence; otherwise a rights statement saying it is not stated."""
    if catalogue.licence:
        return {"dct:license": {"@id": catalogue.licence.url, "@type": "dct:LicenseDocument"}}
    return {"dct:rights": {"@type": "dct:RightsStatement", "rdfs:label": _tagged(catalogue.both("licence_not_stated"))}}


def _distribution(catalogue: Catalogue, download: Download) -> dict[str, Any]:
    """One file of the dataset, with its address, media type, size and SHA-256."""
    kind = media_type(download.name)
    return {
        "@id": catalogue.file_url(download.name),
        "@type": "dcat:Distribution",
        "dct:title": download.name,
        "dct:description": _tagged(catalogue.described(download)),
        "dcat:accessURL": {"@id": catalogue.page_url(DOWNLOADS)},
        "dcat:downloadURL": {"@id": catalogue.file_url(download.name)},
        "dcat:mediaType": {"@id": IANA_MEDIA_TYPES + kind},
        "dcat:byteSize": {"@value": str(download.size), "@type": "xsd:nonNegativeInteger"},
        "spdx:checksum": {
            "@type": "spdx:Checksum",
            "spdx:algorithm": {"@id": "spdx:checksumAlgorithm_sha256"},
            "spdx:checksumValue": {"@value": download.sha256, "@type": "xsd:hexBinary"},
        },
        **_licence_terms(catalogue),
    }


def dcat_catalog(catalogue: Catalogue, downloads: Sequence[Download]) -> dict[str, Any]:
    """The DCAT-AP catalogue of the site: one dataset, every download a distribution of it."""
    publisher = {
        "@id": catalogue.agency.website,
        "@type": "foaf:Agent",
        "foaf:name": _tagged(catalogue.text(catalogue.agency.name)),
        "foaf:homepage": {"@id": catalogue.agency.website},
    }
    dataset: dict[str, Any] = {
        "@id": catalogue.page_url(DOWNLOADS) + "#dataset",
        "@type": "dcat:Dataset",
        "dct:title": _tagged(catalogue.both("catalogue_title")),
        "dct:description": _tagged(catalogue.both("catalogue_description")),
        "dct:publisher": publisher,
        "dct:language": [{"@id": f"http://id.loc.gov/vocabulary/iso639-1/{lang}"} for lang in LANGUAGES],
        "dcat:keyword": [
            {"@language": lang, "@value": word}
            for lang, words in catalogue.both("catalogue_keywords").items()
            for word in words.split(", ")
        ],
        "dcat:landingPage": {"@id": catalogue.page_url(DOWNLOADS)},
    }
    if catalogue.issued:
        dataset["dct:issued"] = _date(catalogue.issued)
    if catalogue.modified:
        dataset["dct:modified"] = _date(catalogue.modified)
    if period := catalogue.period():
        dataset["dct:temporal"] = {
            "@type": "dct:PeriodOfTime",
            "dcat:startDate": _date(period[0]),
            "dcat:endDate": _date(period[1]),
        }
    dataset |= _licence_terms(catalogue)
    dataset["dcat:distribution"] = [_distribution(catalogue, download) for download in described_files(downloads)]
    value = {
        "@context": DCAT_CONTEXT,
        "@id": catalogue.file_url(CATALOG_JSONLD),
        "@type": "dcat:Catalog",
        "dct:title": _tagged(catalogue.both("catalogue_title")),
        "dct:description": _tagged(catalogue.both("catalogue_description")),
        "dct:publisher": publisher,
        "foaf:homepage": {"@id": catalogue.site_url},
        **({"dct:modified": _date(catalogue.modified)} if catalogue.modified else {}),
        **_licence_terms(catalogue),
        "dcat:dataset": [dataset],
    }
    return value


def json_file(value: object) -> bytes:
    """A catalogue file's bytes: UTF-8 JSON with Thai left as Thai, keys in the order written, so two builds
    of the same data give the same bytes."""
    return (json.dumps(value, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
