"""The catalogue files, read back by their own libraries: the schema.org markup of the
downloads page expanded by a JSON-LD processor (PyLD), catalog.jsonld parsed and queried by rdflib,
datapackage.json validated by `frictionless validate`, and ckan-package.json checked for the fields the Thai
government data catalogue requires. Nothing is fetched: the schema.org context is served from here."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from pyld import jsonld
from rdflib import Graph, Literal, Namespace, URIRef
from support.build import DATA, PROJECT, build_site
from support.site import page

from itasite.pipeline import plan, prepare
from itasite.site.catalogue import catalogue_of, dataset_jsonld, dcat_catalog
from itasite.site.locale import load_locale
from itasite.site.opendata import Download, build_downloads
from itasite.site.portals import FOR_THE_OFFICER, catalogue_downloads, data_package

AGENCY_B = PROJECT / "tests/fixtures/agency-b/data"
AGENCY_B_ROOT = "https://data.thotlong.example.go.th/ita/"
SEED_ROOT = yaml.safe_load((DATA / "agency.yml").read_text(encoding="utf-8"))["site_url"]
SCHEMA = "https://schema.org/"
SPDX = "http://spdx.org/rdf/terms#"
DCAT, DCTERMS = Namespace("http://www.w3.org/ns/dcat#"), Namespace("http://purl.org/dc/terms/")
RDF_TYPE = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
# A local stand-in for the context at https://schema.org/: its vocabulary, and the terms whose values the site
# writes as addresses. The test's loader serves it and refuses any other address, so nothing is fetched.
SCHEMA_ORG_CONTEXT = {
    "@context": {
        "@vocab": SCHEMA,
        **{term: {"@id": f"{SCHEMA}{term}", "@type": "@id"} for term in ("url", "contentUrl", "license")},
    }
}
# The dataset fields that catalogue's form requires (`tags` is the API's form of its tag_string), and a resource's
GDC_REQUIRED = [
    "name", "title", "data_type", "maintainer", "maintainer_email", "tags", "notes", "objective",
    "update_frequency_unit", "geo_coverage", "data_source", "data_format", "data_category", "license_id",
]  # fmt: skip
CKAN_NAME = re.compile(r"^[a-z0-9_-]{2,100}$")
RDFLIB_OWN_WARNING = pytest.mark.filterwarnings(
    "ignore:ConjunctiveGraph is deprecated:DeprecationWarning"
)  # its parser's
JSONLD_BLOCK = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def answers(path: Path) -> bool:
    """Whether a file of data/ is an answer sheet for ITAS (disclosure-YYYY-itas.csv): a form the clerk pastes
    into the NACC's system, not a dataset, so the catalogues leave it out."""
    return path.name.startswith("disclosure-") and path.name.endswith("-itas.csv")


def offline_loader(url: str, options: dict | None = None) -> dict:
    """PyLD's document loader: the schema.org context from here, and nothing else at all."""
    assert url.rstrip("/") + "/" == SCHEMA, f"the JSON-LD asks for {url}"
    return {"contextUrl": None, "documentUrl": url, "document": SCHEMA_ORG_CONTEXT}


def expanded_dataset(html: str) -> dict:
    """The schema.org Dataset a page embeds, expanded to full IRIs."""
    blocks = JSONLD_BLOCK.findall(html)
    assert len(blocks) == 1, "one schema.org block"
    expanded = jsonld.expand(json.loads(blocks[0]), {"documentLoader": offline_loader})
    (dataset,) = [node for node in expanded if f"{SCHEMA}Dataset" in node.get("@type", [])]
    return dataset


def languages(values: list[dict]) -> dict[str, str]:
    """Expanded language-tagged values by language."""
    return {value["@language"]: value["@value"] for value in values}


@pytest.fixture(scope="module")
def agency_b_site(tmp_path_factory) -> Path:
    """The second agency (which states a licence) built for real, for an address of its own."""
    out = tmp_path_factory.mktemp("agency-b-catalogue")
    result = build_site(out, AGENCY_B, env={"SITE_URL": AGENCY_B_ROOT})
    assert result.returncode == 0, result.stderr
    return out


# schema.org


@pytest.mark.parametrize("lang", ["th", "en"])
def test_downloads_page_carries_a_schema_org_dataset(seed_site, lang):
    dataset = expanded_dataset(page(seed_site, lang, "downloads").read_text(encoding="utf-8"))
    names = languages(dataset[f"{SCHEMA}name"])
    assert "เทศบาลตำบลเมืองปาน" in names["th"] and "Mueang Pan Subdistrict Municipality" in names["en"]
    assert set(languages(dataset[f"{SCHEMA}description"])) == {"th", "en"}
    assert dataset[f"{SCHEMA}temporalCoverage"] == [{"@value": "2023-10-01/2025-09-30"}]
    assert f"{SCHEMA}license" not in dataset, "no licence is invented"
    (creator,) = dataset[f"{SCHEMA}creator"]
    assert creator["@type"] == [f"{SCHEMA}GovernmentOrganization"]
    assert creator["@id"] == dataset[f"{SCHEMA}publisher"][0]["@id"] == "https://www.muangpan.go.th/"
    files = {}
    for distribution in dataset[f"{SCHEMA}distribution"]:
        (address,) = distribution[f"{SCHEMA}contentUrl"]
        (kind,) = distribution[f"{SCHEMA}encodingFormat"]
        files[address["@id"]] = kind["@value"]
    base = f"{SEED_ROOT}{lang}/data/"
    assert files[f"{base}ita-scores.csv"] == "text/csv" and files[f"{base}ita-data.json"] == "application/json"
    whole = [path for path in (seed_site / lang / "data").glob("*.csv") if not path.name.startswith("ita-series-")]
    on_disk = {f"{base}{path.name}" for path in whole}  # a series is a dataset of its own, on its page
    assert on_disk <= set(files) and all(address.startswith(base) for address in files)


def test_schema_org_dataset_follows_site_url_and_names_the_licence(agency_b_site):
    dataset = expanded_dataset(page(agency_b_site, "en", "downloads").read_text(encoding="utf-8"))
    assert dataset[f"{SCHEMA}license"] == [{"@id": "https://creativecommons.org/licenses/by/4.0/"}]
    assert dataset[f"{SCHEMA}url"] == [{"@id": f"{AGENCY_B_ROOT}en/downloads/"}]
    addresses = [d[f"{SCHEMA}contentUrl"][0]["@id"] for d in dataset[f"{SCHEMA}distribution"]]
    assert addresses and all(address.startswith(f"{AGENCY_B_ROOT}en/data/") for address in addresses)


def test_a_series_gets_a_dataset_of_its_own_files():
    """What an indicator page embeds: its title, its years and its CSV only."""
    scored = prepare(DATA, PROJECT)
    catalogue = catalogue_of(scored.dataset, list(scored.scores), None, "https://example.org/ita/en/")
    series = Download("ita-indicator-3.csv", "\ufeffyear_be,score\r\n2568,95.00\r\n".encode())
    value = dataset_jsonld(
        catalogue, [series], title={"th": "ตัวชี้วัดที่ 3", "en": "Indicator 3"}, years=[2568], page="indicators/3.md"
    )
    dataset = jsonld.expand(value, {"documentLoader": offline_loader})[0]
    assert languages(dataset[f"{SCHEMA}name"]) == {"th": "ตัวชี้วัดที่ 3", "en": "Indicator 3"}
    assert dataset[f"{SCHEMA}temporalCoverage"] == [{"@value": "2024-10-01/2025-09-30"}]
    assert dataset[f"{SCHEMA}url"] == [{"@id": "https://example.org/ita/en/indicators/3/"}]
    (distribution,) = dataset[f"{SCHEMA}distribution"]
    assert distribution[f"{SCHEMA}contentUrl"] == [{"@id": "https://example.org/ita/en/data/ita-indicator-3.csv"}]


# DCAT


@RDFLIB_OWN_WARNING
def test_dcat_catalogue_parses_with_rdflib_and_holds_the_dcat_ap_terms(seed_site):
    folder = seed_site / "th/data"
    graph = Graph().parse(data=(folder / "catalog.jsonld").read_text(encoding="utf-8"), format="json-ld")
    (catalog,) = graph.subjects(RDF_TYPE, DCAT.Catalog)
    (dataset,) = graph.objects(catalog, DCAT.dataset)
    assert (dataset, RDF_TYPE, DCAT.Dataset) in graph
    titles = {literal.language: str(literal) for literal in graph.objects(dataset, DCTERMS.title)}
    assert set(titles) == {"th", "en"} and "เทศบาลตำบลเมืองปาน" in titles["th"]
    assert {literal.language for literal in graph.objects(dataset, DCTERMS.description)} == {"th", "en"}
    (publisher,) = graph.objects(dataset, DCTERMS.publisher)
    assert publisher == URIRef("https://www.muangpan.go.th/")
    assert str(graph.value(dataset, DCTERMS.issued)) == "2025-10-06"  # the report's memo
    assert graph.value(dataset, DCTERMS.license) is None and graph.value(dataset, DCTERMS.rights) is not None
    query = """
        SELECT ?file ?type ?size ?sum WHERE {
          ?dataset dcat:distribution ?d .
          ?d dcat:downloadURL ?file ; dcat:mediaType ?type ; dcat:byteSize ?size ;
             spdx:checksum [ spdx:algorithm spdx:checksumAlgorithm_sha256 ; spdx:checksumValue ?sum ] .
        }"""
    rows = {str(row.file): row for row in graph.query(query, initNs={"dcat": DCAT, "spdx": SPDX})}
    described = sorted(path.name for path in folder.iterdir() if path.suffix in (".csv", ".json") and not answers(path))
    described = [name for name in described if name not in ("datapackage.json", "ckan-package.json")]
    assert sorted(address.rsplit("/", 1)[1] for address in rows) == described
    for address, row in rows.items():
        content = (folder / address.rsplit("/", 1)[1]).read_bytes()
        assert address.startswith(f"{SEED_ROOT}th/data/")
        assert int(row.size) == len(content) and str(row.sum) == hashlib.sha256(content).hexdigest()
        assert str(row.type).startswith("http://www.iana.org/assignments/media-types/")
    assert graph.value(URIRef(f"{SEED_ROOT}th/data/ita-scores.csv"), DCAT.mediaType) == URIRef(
        "http://www.iana.org/assignments/media-types/text/csv"
    )


@RDFLIB_OWN_WARNING
def test_dcat_catalogue_names_the_licence(agency_b_site):
    graph = Graph().parse(agency_b_site / "en/data/catalog.jsonld", format="json-ld")
    (dataset,) = graph.subjects(RDF_TYPE, DCAT.Dataset)
    assert graph.value(dataset, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
    assert (None, DCAT.downloadURL, URIRef(f"{AGENCY_B_ROOT}en/data/ita-scores.csv")) in graph
    assert Literal("2024-10-01", datatype=URIRef("http://www.w3.org/2001/XMLSchema#date")) in set(graph.objects())


# Frictionless Data Package


@pytest.mark.parametrize("lang", ["th", "en"])
def test_data_package_passes_frictionless_validate(seed_site, lang):
    package = seed_site / lang / "data/datapackage.json"
    frictionless = Path(sys.executable).with_name("frictionless")
    result = subprocess.run(
        [str(frictionless), "validate", "--json", package.name], cwd=package.parent, capture_output=True, text=True
    )
    report = json.loads(result.stdout)
    assert report["valid"], json.dumps(report["errors"] + [t["errors"] for t in report["tasks"]], ensure_ascii=False)
    described = json.loads(package.read_text(encoding="utf-8"))
    resources = {resource["path"]: resource for resource in described["resources"]}
    assert set(resources) == {path.name for path in package.parent.glob("*.csv") if not answers(path)}
    scores = resources["ita-scores.csv"]["schema"]
    assert scores["primaryKey"] == ["year_be", "indicator"]
    assert {field["name"]: field["type"] for field in scores["fields"]}["score"] == "number"
    assert "licenses" not in described


def test_a_csv_added_to_the_downloads_is_catalogued():
    """Files others add to the downloads are described from their header row, with no change to the catalogue."""
    scored = prepare(DATA, PROJECT)
    catalogue = catalogue_of(scored.dataset, list(scored.scores), None, "https://example.org/ita/th/")
    extra = Download("ita-indicator-3.csv", "\ufeffyear_be,year_ce,score,note\r\n2568,2025,95.00,x\r\n".encode())
    downloads = [*build_downloads(scored.dataset, scored.scores, None), extra]
    package = data_package(catalogue, downloads)
    (resource,) = [r for r in package["resources"] if r["path"] == extra.name]
    assert [(f["name"], f["type"]) for f in resource["schema"]["fields"]] == [
        ("year_be", "integer"), ("year_ce", "integer"), ("score", "number"), ("note", "string"),
    ]  # fmt: skip
    distributions = dcat_catalog(catalogue, downloads)["dcat:dataset"][0]["dcat:distribution"]
    assert any(d["dcat:downloadURL"]["@id"].endswith("/data/ita-indicator-3.csv") for d in distributions)
    names = [download.name for download in catalogue_downloads(catalogue, downloads)]
    assert names[-3:] == ["catalog.jsonld", "datapackage.json", "ckan-package.json"]


# CKAN


def test_ckan_record_has_the_thai_government_catalogue_fields(seed_site):
    record = json.loads((seed_site / "th/data/ckan-package.json").read_text(encoding="utf-8"))
    assert all(field in record for field in GDC_REQUIRED)
    assert CKAN_NAME.match(record["name"]) and record["name"] == "mueang-pan-subdistrict-municipality-ita"
    assert record["title"].startswith("ผลการประเมินคุณธรรมและความโปร่งใส (ITA) ของเทศบาลตำบลเมืองปาน")
    assert record["license_id"] == "License not specified"
    assert all(record[field] in ("", []) for field in FOR_THE_OFFICER)  # what only the agency can decide
    filled = [field for field in GDC_REQUIRED if field not in FOR_THE_OFFICER and field != "maintainer_email"]
    assert all(record[field] for field in filled), [field for field in filled if not record[field]]
    assert record["data_format"] == ["CSV", "JSON"] and record["update_frequency_unit"] == "ปี"
    assert (record["first_year_of_data"], record["last_year_of_data"]) == ("2567", "2568")
    for resource in record["resources"]:
        assert resource["name"] and resource["url"] == f"{SEED_ROOT}th/data/{resource['name']}"
        content = (seed_site / "th/data" / resource["name"]).read_bytes()
        assert resource["size"] == len(content) and resource["hash"] == f"sha256:{hashlib.sha256(content).hexdigest()}"


def test_ckan_record_names_the_chosen_licence(agency_b_site):
    record = json.loads((agency_b_site / "th/data/ckan-package.json").read_text(encoding="utf-8"))
    assert record["license_id"] == "Creative Commons Attributions" and "license_id_other" not in record


def test_catalogue_files_are_the_same_bytes_every_time():
    scored = prepare(AGENCY_B)
    first, second = (plan(scored, load_locale("th"), None, site_url="https://example.org/ita/th/") for _ in range(2))
    assert [(d.name, d.content) for d in first.downloads] == [(d.name, d.content) for d in second.downloads]


@pytest.mark.parametrize(
    ("url", "csv", "name"),
    [("indicators/3", "ita-series-3.csv", "Indicator 3"), ("indicators/eit", "ita-series-eit.csv", "EIT")],
)
def test_indicator_and_tool_pages_carry_a_dataset_of_their_own_series(seed_site, url, csv, name):
    dataset = expanded_dataset(page(seed_site, "en", url).read_text(encoding="utf-8"))
    assert name in languages(dataset[f"{SCHEMA}name"])["en"] and set(languages(dataset[f"{SCHEMA}name"])) == {
        "th",
        "en",
    }
    assert dataset[f"{SCHEMA}url"] == [{"@id": f"{SEED_ROOT}en/{url}/"}]
    (distribution,) = dataset[f"{SCHEMA}distribution"]
    assert distribution[f"{SCHEMA}contentUrl"] == [{"@id": f"{SEED_ROOT}en/data/{csv}"}]
    assert (seed_site / "en/data" / csv).is_file()
    assert re.fullmatch(r"\d{4}-10-01/\d{4}-09-30", dataset[f"{SCHEMA}temporalCoverage"][0]["@value"])
    assert dataset[f"{SCHEMA}isPartOf"] == [{"@id": f"{SEED_ROOT}en/downloads/#dataset"}]
