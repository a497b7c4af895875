"""Interface strings of both languages, and the escaping and linking done while rendering pages."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from support.build import PROJECT

from itasite.data.models import Text
from itasite.site.locale import load_locale
from itasite.site.render import PageRenderer, markdown_text, paragraph_text, relative_href, url_of

LOCALES = PROJECT / "hooks/itasite/site/locales"


def test_both_languages_have_the_same_interface_keys():
    th = yaml.safe_load((LOCALES / "th.yml").read_text(encoding="utf-8"))
    en = yaml.safe_load((LOCALES / "en.yml").read_text(encoding="utf-8"))
    assert set(th) == set(en)


# A year's placeholders in either era, alone or as the ends of a run of years
ERAS = {"ce", "be", "first_ce", "first_be", "last_ce", "last_be"}


@pytest.mark.parametrize("lang", ["th", "en"])
def test_placeholders_match_between_languages(lang):
    ours = load_locale(lang).strings
    other = load_locale("en" if lang == "th" else "th").strings
    for key, value in ours.items():
        fields = {part.split("}")[0] for part in value.split("{")[1:]}
        other_fields = {part.split("}")[0] for part in other[key].split("{")[1:]}
        # Years may be written in either era (Thai uses B.E., English C.E.); every other placeholder matches.
        assert fields - ERAS == other_fields - ERAS, key


@pytest.mark.parametrize(
    ("lang", "year", "expected"),
    [("th", 2568, "ปีงบประมาณ พ.ศ. 2568"), ("en", 2568, "FY2025 (B.E. 2568)"), ("en", 2567, "FY2024 (B.E. 2567)")],
)
def test_fiscal_year_labels(lang, year, expected):
    assert load_locale(lang).year(year) == expected


@pytest.mark.parametrize(
    ("lang", "day", "expected"),
    [("th", dt.date(2024, 10, 1), "1 ตุลาคม 2567"), ("en", dt.date(2025, 9, 30), "30 September 2025")],
)
def test_dates(lang, day, expected):
    assert load_locale(lang).date(day) == expected


def test_unknown_string_fails_loudly():
    with pytest.raises(KeyError, match="no_such_key"):
        load_locale("en").t("no_such_key")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<script>alert(1)</script>", "&lt;script&gt;alert\\(1\\)&lt;/script&gt;"),
        ("1. *bold* [x](y)", "1\\. \\*bold\\* \\[x\\]\\(y\\)"),
        ("การให้บริการ", "การให้บริการ"),
    ],
)
def test_markdown_text_is_inert(text, expected):
    assert str(markdown_text(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<b>x</b>", "&lt;b&gt;x&lt;/b&gt;"),
        (
            "ดูที่ https://www.muangpan.go.th/ หัวข้อ",
            'ดูที่ <a href="https://www.muangpan.go.th/">https://www.muangpan.go.th/</a> หัวข้อ',
        ),
        (
            'https://x.example/"onmouseover="x',
            '<a href="https://x.example/">https://x.example/</a>&#34;onmouseover=&#34;x',
        ),
        ("บรรทัด 1\nบรรทัด 2", "บรรทัด 1<br>\nบรรทัด 2"),
    ],
)
def test_paragraph_text_escapes_and_links(text, expected):
    assert str(paragraph_text(text)) == expected


@pytest.mark.parametrize(
    ("src", "url"),
    [("index.md", ""), ("measures/index.md", "measures/"), ("results/2568.md", "results/2568/")],
)
def test_url_of(src, url):
    assert url_of(src) == url


@pytest.mark.parametrize(
    ("source", "target", "anchor", "href"),
    [
        ("index.md", "results/2568.md", "", "results/2568/"),
        ("measures/2568/01-x.md", "results/2568.md", "indicator-6", "../../../results/2568/#indicator-6"),
        ("results/2568.md", "index.md", "", "../../"),
        ("results/2568.md", "results/2568.md", "total", "./#total"),
    ],
)
def test_relative_href(source, target, anchor, href):
    assert relative_href(source, target, anchor) == href


def test_missing_english_is_shown_in_thai_and_marked():
    renderer = PageRenderer(load_locale("en"))
    html = str(renderer.translated(Text(th="ข้อความ <ไทย>")))
    assert html.startswith('<span lang="th">ข้อความ &lt;ไทย&gt;</span> <em class="ita-untranslated">')
    assert html.endswith("(not yet translated; shown in Thai)</em>")


def test_thai_inside_english_text_is_marked_as_thai():
    renderer = PageRenderer(load_locale("en"))
    html = str(renderer.translated(Text(th="x", en="Facebook: เทศบาลตำบลเมืองปาน page <b>")))
    assert html == 'Facebook: <span lang="th">เทศบาลตำบลเมืองปาน</span> page &lt;b&gt;'
