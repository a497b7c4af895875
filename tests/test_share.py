"""Share images: each page's Open Graph tags name a 1200×630 PNG drawn at build time from its own figures, in the
page's language, with the project's font only, the same bytes on every build."""

from __future__ import annotations

import re
import struct
import zlib

import pytest
from support.build import DATA, PROJECT, SUBPATH_ROOT
from support.http import fetch

from itasite.pipeline import prepare
from itasite.site.locale import load_locale
from itasite.site.render import PageRenderer
from itasite.site.share import HEIGHT, WIDTH, drawn, fitted_size, share_images, share_plan, text_width

THAI = re.compile(r"[\u0E00-\u0E7F]")
SITE = "https://www.example.go.th/ita/"


@pytest.fixture(scope="module")
def scored():
    """The seed, scored: 2567 and 2568, the later one with a change on the year before."""
    return prepare(DATA, PROJECT)


def png_size(png: bytes) -> tuple[int, int]:
    """The width and height of a PNG, after checking it is one whose pixels all decode (no image library)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, at = {}, 8
    while at < len(png):
        length, kind = struct.unpack(">I4s", png[at : at + 8])
        body = png[at + 8 : at + 8 + length]
        assert zlib.crc32(kind + body) == struct.unpack(">I", png[at + 8 + length : at + 12 + length])[0], kind
        chunks[kind] = chunks.get(kind, b"") + body
        at += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", chunks[b"IHDR"][:10])
    channels = {2: 3, 6: 4}[colour]
    assert depth == 8 and b"IEND" in chunks
    assert len(zlib.decompress(chunks[b"IDAT"])) == height * (1 + width * channels)  # every row, whole
    return width, height


def svg_texts(svg: str) -> str:
    """The words of an SVG card, without its markup."""
    return " ".join(re.findall(r">([^<>]+)<", svg))


@pytest.mark.parametrize(
    ("lang", "words", "absent"),
    [
        ("th", ["เทศบาลตำบลเมืองปาน", "ปีงบประมาณ พ.ศ. 2568", "99.37", "จาก 100 คะแนน", "ผ่านดีเยี่ยม", "+3.04"], "Mueang"),
        (
            "en",
            ["Mueang Pan Subdistrict Municipality", "FY2025", "99.37", "out of 100", "Excellent", "+3.04"],
            "เทศบาล",
        ),
    ],
)
def test_the_home_card_says_the_latest_figures_in_the_page_language(scored, lang, words, absent):
    locale = load_locale(lang)
    plan = share_plan(scored, locale, [], f"{SITE}{lang}/")
    home = plan.cards[0]
    svg = PageRenderer(locale).render_file("share.svg.j2", card=home, width=WIDTH, height=HEIGHT, margin=60)
    text = svg_texts(svg)
    for word in words:
        assert word in text, word
    assert absent not in text
    if lang == "th":
        assert THAI.search(home.agency) and THAI.search(home.heading) and THAI.search(home.level)
    else:
        assert not THAI.search(text)  # the seed's English is complete: nothing falls back to Thai


@pytest.mark.parametrize(
    ("page", "context_of", "image"),
    [
        ("index.md", lambda s: {"score": s.scores[2568]}, "assets/share/home.png"),
        ("results/2567.md", lambda s: {"score": s.scores[2567]}, "assets/share/2567.png"),
        ("results/2568.md", lambda s: {"score": s.scores[2568]}, "assets/share/2568.png"),
        ("results/2567-2568.md", lambda s: {"comparison": s.comparisons[0]}, "assets/share/2568.png"),
        ("measures/2567/index.md", lambda s: {"year": 2567}, "assets/share/2567.png"),
        ("measures/2569/index.md", lambda s: {"year": 2569}, "assets/share/home.png"),  # a year with no scores
        ("about.md", lambda s: {}, "assets/share/home.png"),
        ("accessibility.md", None, "assets/share/home.png"),  # hand-written: not planned at all
    ],
)
def test_each_page_names_the_image_of_its_own_figures_in_full(scored, page, context_of, image):
    pages = [(page, context_of(scored))] if context_of else []
    plan = share_plan(scored, load_locale("th"), pages, f"{SITE}th/")
    tags = plan.tags(page)
    assert tags["image"] == f"{SITE}th/{image}"
    assert tags["locale"] == "th_TH"
    year = "2567" if "2567.png" in image else "2568"
    assert f"พ.ศ. {year}" in tags["description"]


def test_only_the_cards_a_page_shows_are_drawn_and_each_once(scored):
    pages = [("results/2567.md", {"score": scored.scores[2567]}), ("results/2568.md", {"score": scored.scores[2568]})]
    pages += [("report/2568.md", {"score": scored.scores[2568]}), ("about.md", {})]
    plan = share_plan(scored, load_locale("en"), pages, f"{SITE}en/")
    assert [card.path for card in plan.cards] == [
        "assets/share/home.png",
        "assets/share/2567.png",
        "assets/share/2568.png",
    ]
    assert plan.tags("about.md")["locale"] == "en_US"


def test_a_drawing_is_a_whole_png_of_1200_by_630_and_the_same_bytes_every_time(scored, tmp_path):
    locale = load_locale("th")
    plan = share_plan(scored, locale, [], f"{SITE}th/")
    first = share_images(plan, PageRenderer(locale))
    again = share_images(plan, PageRenderer(locale), tmp_path / "cache")  # drawn anew, then kept
    kept = share_images(plan, PageRenderer(locale), tmp_path / "cache")  # read from the cache
    assert first == again == kept
    assert len(list((tmp_path / "cache/share").glob("*.png"))) == 1
    assert png_size(first["assets/share/home.png"]) == (WIDTH, HEIGHT)


def test_a_cache_that_cannot_be_written_draws_the_same(tmp_path):
    blocked = tmp_path / "blocked"
    blocked.write_text("", encoding="utf-8")  # a file where the cache's folder would go
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="2"><text y="2">ก</text></svg>'
    assert drawn(svg, blocked) == drawn(svg, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("เทศบาลตำบลเมืองปาน", 64),  # a usual name keeps the largest size
        ("Mueang Pan Subdistrict Municipality", 64),
        ("องค์การบริหารส่วนตำบลหนองบัวใต้เหนือกลางบ้านใหม่สามัคคีพัฒนาบูรพา", 40),  # too long: the smallest, squeezed
    ],
)
def test_a_long_name_is_made_smaller_to_fit(text, expected):
    size = fitted_size(text, (64, 40), 1080)
    assert size == expected
    assert text_width(text, size) <= 1080 or size == 40


def test_thai_marks_above_and_below_take_no_width():
    assert text_width("ที่", 10) == text_width("กุ้ง", 10) - text_width("ก", 10) == text_width("ท", 10)
    assert text_width("น\u0e4d\u0e32", 10) == text_width("นา", 10)  # ำ typed as ํ + า


def test_the_home_page_of_each_language_names_its_share_image_under_site_url(subpath_site):
    """Built for SITE_URL=https://www.muangpan.go.th/ita/ and served under /ita/: the tags give the image's full
    address under SITE_URL, and the image is there."""
    for lang, locale in (("th", "th_TH"), ("en", "en_US")):
        status, body, _ = fetch(f"{subpath_site}/ita/{lang}/")
        html = body.decode("utf-8")
        tags = dict(re.findall(r'<meta (?:property|name)="((?:og|twitter):[\w:]+)" content="([^"]*)"', html))
        assert status == 200
        assert tags["og:image"] == f"{SUBPATH_ROOT}{lang}/assets/share/home.png"
        assert tags["og:locale"] == locale and tags["twitter:card"] == "summary_large_image"
        assert tags["og:url"] == f"{SUBPATH_ROOT}{lang}/"
        assert "99.37" in tags["og:description"] and (THAI.search(tags["og:description"]) or lang == "en")
        assert (tags["og:image:width"], tags["og:image:height"]) == ("1200", "630")
        status, png, kind = fetch(f"{subpath_site}/ita/" + tags["og:image"].removeprefix(SUBPATH_ROOT))
        assert status == 200 and kind == "image/png"
        assert png_size(png) == (WIDTH, HEIGHT)
        assert html.count("assets/share/") == 1  # named by og:image only: nothing on the page loads it


def test_every_built_page_names_a_share_image_that_exists(seed_site):
    for lang in ("th", "en"):
        pages = [p for p in (seed_site / lang).rglob("index.html")]
        assert len(pages) > 40
        for path in pages:
            image = re.search(
                r'<meta property="og:image" content="https://muangpan\.github\.io/ita/[a-z]{2}/([^"]+)"',
                path.read_text(encoding="utf-8"),
            )
            assert image, path
            assert (seed_site / lang / image.group(1)).is_file(), (path, image.group(1))
