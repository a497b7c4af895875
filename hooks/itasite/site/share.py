"""The share images: what LINE, Facebook and X show when a page is passed on, drawn at build time.

Each year with scores gets a picture of its own figures (agency, year, total, level) and the home page one of
the latest year with its change on the year before; every other page shows the home page's. A card is an SVG
(`templates/share.svg.j2`) drawn to a 1200×630 PNG by resvg with the Sarabun files beside this module only, never
the machine's fonts, so two builds on any machine give the same bytes. The pages name the image in their
Open Graph tags only: a reader's browser never downloads it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import resvg_py

from ..numbers import format_change, format_score
from ..scoring import Comparison, ScoredDataset, YearScore
from .locale import Locale
from .render import PageRenderer
from .routes import HOME, share_image

FONTS = Path(__file__).parent / "fonts"
FONT_FILES = [str(FONTS / "Sarabun-Regular.ttf"), str(FONTS / "Sarabun-Bold.ttf")]
FONT_FAMILY = "Sarabun"
WIDTH, HEIGHT = 1200, 630  # what Facebook, LINE and X crop least
MARGIN = 60
HOME_CARD = "home"
# The agency's name is the line most likely to be long: it shrinks from the first size to fit, down to the second.
NAME_SIZES = (64, 40)


@dataclass(frozen=True)
class ShareCard:
    """The words and figures of one share image, in one language."""

    key: str  # "home", or the fiscal year
    heading: str  # the assessment and its year
    agency: str
    place: str  # district and province
    total: str
    out_of: str  # "out of 100", after the total
    level: str
    change: str  # on the year before; empty but on the home page
    source: str  # whose figure the total is
    address: str  # where the site is, so the picture names its origin
    description: str  # the same in one sentence: the page's og:description and the image's alt text
    name_size: int  # the agency's name in pixels, small enough to fit the width
    squeezed: bool = False  # a name too long even at the smallest size: the template squeezes it to the width

    @property
    def path(self) -> str:
        """Where the image is published inside the language's site."""
        return share_image(self.key)


@dataclass(frozen=True)
class SharePlan:
    """A language's share images, and which one each page shows."""

    cards: tuple[ShareCard, ...]
    pages: dict[str, ShareCard]  # a generated page's source path → its card; any other page shows the home one
    site_url: str  # this language's address, ending in a slash: the tags give the image in full
    og_locale: str  # th_TH, en_US

    def tags(self, src_uri: str) -> dict[str, str]:
        """What the page's Open Graph tags say of its image: its absolute address, alt text and the language."""
        card = self.pages.get(src_uri) or self.pages[HOME]
        return {"image": self.site_url + card.path, "description": card.description, "locale": self.og_locale}


def text_width(text: str, size: float) -> float:
    """About how wide `text` is in Sarabun at `size` pixels: Thai vowel and tone marks above or below a letter
    take no width, so counting characters alone would shrink Thai names more than they need."""
    ems = 0.0
    for char in text:
        if unicodedata.category(char) == "Mn":  # a mark above or below a letter: Thai vowels and tone marks
            continue
        # Sarabun's advances, a little over its widest letters of each kind so a name is never cut off
        ems += 0.24 if char == " " else 0.64 if char.isupper() else 0.48 if char.islower() else 0.58
    return ems * size


def fitted_size(text: str, sizes: tuple[int, int], width: float) -> int:
    """The largest size from `sizes[0]` down to `sizes[1]` at which `text` fits in `width` (the smallest if none
    does: the template then squeezes the line to the width)."""
    return next((size for size in range(sizes[0], sizes[1], -2) if text_width(text, size) <= width), sizes[1])


def level_words(score: YearScore, locale: Locale) -> str:
    """The level in words with its place among the scheme's levels ("the highest of 5"), for a reader who does not
    know the scale."""
    levels = [level.id for level in score.scheme.levels]
    rank = levels.index(score.level.id) + 1
    key = "share_level_top" if rank == 1 else "share_level"
    return locale.t(key, level=locale.text(score.level.name), rank=rank, count=len(levels))


def year_card(scored: ScoredDataset, locale: Locale, score: YearScore, address: str, change: str = "") -> ShareCard:
    """The card of one year's figures (`change`: a sentence about the year before, on the home page's card)."""
    agency = scored.dataset.agency
    name = locale.text(agency.name)
    heading = locale.t("share_heading", year=locale.year(score.year))
    total, level = format_score(score.total), level_words(score, locale)
    source = locale.t("share_announced" if score.official else "share_computed")
    description = locale.t("share_description", agency=name, year=locale.year(score.year), total=total, level=level)
    return ShareCard(
        key=str(score.year),
        heading=heading,
        agency=name,
        place=locale.t("share_place", district=locale.text(agency.district), province=locale.text(agency.province)),
        total=total,
        out_of=locale.t("share_out_of"),
        level=level,
        change=change,
        source=source,
        address=address,
        description=description,
        name_size=fitted_size(name, NAME_SIZES, WIDTH - 2 * MARGIN),
        squeezed=text_width(name, NAME_SIZES[1]) > WIDTH - 2 * MARGIN,
    )


def change_words(comparison: Comparison | None, locale: Locale) -> str:
    """The home card's line on the year before: "+3.04 on FY2024"; empty without a year before."""
    if comparison is None:
        return ""
    return locale.t(
        "share_change", change=format_change(comparison.total.delta), year=locale.year(comparison.before.year)
    )


def page_year(context: Mapping[str, Any], scores: Mapping[int, YearScore]) -> int | None:
    """The year whose figures a page shows, from what it is rendered with: a year's score (results, measures,
    report), the later year of a comparison, or the year of a year's list of measures; None for the others."""
    score, comparison, year = context.get("score"), context.get("comparison"), context.get("year")
    if isinstance(score, YearScore):
        return score.year
    if isinstance(comparison, Comparison):
        return comparison.after.year
    return year if isinstance(year, int) and year in scores else None


def share_plan(
    scored: ScoredDataset, locale: Locale, pages: Iterable[tuple[str, Mapping[str, Any]]], site_url: str
) -> SharePlan | None:
    """The cards of a language's site and the card of each page (`pages`: source path and context, as planned);
    None for data with no scores, which has no figures to show."""
    scores = scored.scores
    if not scores:
        return None
    address = site_url.split("://", 1)[-1].rstrip("/")
    address = address.removesuffix(f"/{locale.lang}")  # the whole site's, as a reader would type it
    years = {year: year_card(scored, locale, score, address) for year, score in scores.items()}
    newest = scores[max(scores)]
    previous = next((c for c in scored.comparisons if c.after is newest), None)
    home = dataclasses.replace(
        year_card(scored, locale, newest, address, change_words(previous, locale)), key=HOME_CARD
    )
    if dataclasses.replace(years[newest.year], key=HOME_CARD) == home:
        years[newest.year] = home  # the same picture: drawn once
    chosen = {src: years[year] if (year := page_year(context, scores)) else home for src, context in pages}
    chosen[HOME] = home
    cards = tuple(dict.fromkeys([home, *chosen.values()]))  # only the cards a page shows, home first
    return SharePlan(cards, chosen, site_url, locale.t("og_locale"))


def share_images(plan: SharePlan, renderer: PageRenderer, cache: Path | None = None) -> dict[str, bytes]:
    """Each card drawn as PNG, by its path in the site. A drawing is kept in `cache` under the digest of its SVG,
    the fonts and resvg's version, so an unchanged card is not drawn again."""
    images = {}
    for card in plan.cards:
        svg = renderer.render_file("share.svg.j2", card=card, width=WIDTH, height=HEIGHT, margin=MARGIN)
        images[card.path] = drawn(svg, cache)
    return images


def drawn(svg: str, cache: Path | None) -> bytes:
    """`svg` as PNG bytes, drawn with the project's fonts only (kept in `cache` when there is one)."""
    key = hashlib.sha256(svg.encode("utf-8"))
    key.update(resvg_py.__version__.encode())
    for font in FONT_FILES:
        key.update(Path(font).read_bytes())
    kept = cache / "share" / f"{key.hexdigest()}.png" if cache else None
    if kept and kept.is_file():
        return kept.read_bytes()
    png = bytes(
        resvg_py.svg_to_bytes(
            svg_string=svg,
            skip_system_fonts=True,
            font_files=FONT_FILES,
            font_family=FONT_FAMILY,
            sans_serif_family=FONT_FAMILY,
        )
    )
    if kept:
        try:
            kept.parent.mkdir(parents=True, exist_ok=True)
            kept.write_bytes(png)
        except OSError:
            pass  # a cache that cannot be written keeps nothing; the image is the same
    return png
