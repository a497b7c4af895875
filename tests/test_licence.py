"""The data's licence: the agency's choice in agency.yml, from the table of known licences, shown with a link
on every page with figures in both languages; a site without one says so and invents none; an id the table
does not know is a located problem, in Thai first."""

from __future__ import annotations

import re

import pytest
from support.build import PROJECT
from support.data import replace
from support.site import page, text_of

from itasite.data.licences import licences
from itasite.data.messages import chosen_language
from itasite.data.problems import DataError
from itasite.pipeline import plan, prepare
from itasite.site.locale import load_locale
from itasite.site.render import PageRenderer

AGENCY_B = PROJECT / "tests/fixtures/agency-b/data"
# The license_id choices of the Thai government data catalogue (ckanext-thai_gdc, ckan_dataset.json)
GDC_LICENCES = {
    "License not specified", "Creative Commons Attributions", "Creative Commons Attribution Share-Alike",
    "Creative Commons Non-Commercial (Any)", "Open Data Common", "GNU Free Documentation License", "อื่นๆ",
}  # fmt: skip
DATA_PAGES = ["index.md", "results/index.md", "results/2568.md", "downloads.md", "measures/2568/01-open-budget.md"]
CC_BY = {
    "th": "ครีเอทีฟคอมมอนส์ แสดงที่มา 4.0 สากล (CC BY 4.0)",
    "en": "Creative Commons Attribution 4.0 International (CC BY 4.0)",
}


def rendered(lang: str) -> dict[str, str]:
    """The second agency's pages (which state a licence) as the templates make them, by source path."""
    scored = prepare(AGENCY_B)
    renderer = PageRenderer(load_locale(lang))
    return {
        spec.src_uri: renderer.render(spec.template, spec.src_uri, **spec.context)
        for spec in plan(scored, renderer.locale).pages
    }


def test_every_licence_is_named_in_both_languages_with_its_address_and_catalogue_choice():
    assert {"CC-BY-4.0", "CC-BY-SA-4.0", "CC0-1.0", "ODC-BY-1.0", "ODbL-1.0", "DGA-OGL-TH"} <= set(licences())
    for licence in licences().values():
        assert licence.name.th and licence.name.en and licence.allows.th and licence.allows.en
        assert licence.url.startswith("https://")
        assert licence.gdc in GDC_LICENCES


def test_an_unknown_licence_is_a_located_error_in_thai_first(data_copy, monkeypatch):
    website = "website: https://www.muangpan.go.th/\n"
    replace(website, f"{website}licence: CC-BY-5.0\n")(data_copy / "agency.yml")
    monkeypatch.delenv("ITA_LANG", raising=False)
    with pytest.raises(DataError) as caught:
        prepare(data_copy, PROJECT)
    thai = caught.value.report(chosen_language())
    assert thai.startswith("data/agency.yml:12:10: licence: ไม่รู้จักสัญญาอนุญาต CC-BY-5.0 ให้ใช้รหัสใดรหัสหนึ่งต่อไปนี้: ")
    assert "CC-BY-4.0 (ครีเอทีฟคอมมอนส์ แสดงที่มา 4.0 สากล (CC BY 4.0))" in thai
    english = caught.value.report("en")
    assert english.startswith("data/agency.yml:12:10: licence: unknown licence 'CC-BY-5.0'; use one of these ids: ")


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_chosen_licence_is_shown_and_linked_on_every_data_page(lang):
    pages = rendered(lang)
    link = f'<a href="https://creativecommons.org/licenses/by/4.0/" rel="license">{CC_BY[lang]}</a>'
    for src in DATA_PAGES:
        assert link in pages[src], src
        assert "ไม่ได้ระบุสัญญาอนุญาต" not in pages[src] and "Licence not stated" not in pages[src]
    allows = "ต้องระบุที่มา" if lang == "th" else "crediting the source"
    assert allows in pages["downloads.md"]


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("url", [".", "results/2568", "results/2567-2568", "results", "downloads"])
def test_a_site_without_a_licence_says_it_is_not_stated(seed_site, lang, url):
    html = page(seed_site, lang, url)
    assert ("ไม่ได้ระบุสัญญาอนุญาต" if lang == "th" else "Licence not stated") in text_of(html)
    assert not re.search(r'rel="license"', html.read_text(encoding="utf-8")), "no licence is invented"
