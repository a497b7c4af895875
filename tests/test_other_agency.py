"""Another agency adopts the site by replacing data/ only: a small fictional agency (two measures, one year,
its own logo and colours) builds into a correct site with no code change."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.build import PROJECT, build_site
from support.site import page, pages_of, text_of

FIXTURE = PROJECT / "tests/fixtures/agency-b/data"


@pytest.fixture(scope="module")
def agency_site(tmp_path_factory) -> Path:
    """The second agency's data built for real, both languages."""
    out = tmp_path_factory.mktemp("agency-b")
    result = build_site(out, FIXTURE)
    assert result.returncode == 0, result.stderr
    return out


def test_its_pages_and_only_its_pages(agency_site):
    for lang in ("th", "en"):
        pages = pages_of(agency_site, lang)
        assert {"measures/2568/01-open-budget", "measures/2568/02-road-repairs", "results/2568"} <= pages
        assert not any(p.startswith("measures/2568/0") and p.split("/")[-1][:2] > "02" for p in pages)
        assert not any("-" in p.split("/")[-1] for p in pages if p.startswith("results/")), "one year: no comparison"
    home = text_of(page(agency_site, "en", "."))
    assert "Ban Thotlong Subdistrict Administrative Organization" in home
    assert "Mueang Pan" not in home and "เมืองปาน" not in text_of(page(agency_site, "th", "."))


def test_its_scores_and_level(agency_site):
    text = text_of(page(agency_site, "th", "results/2568"))
    assert "81.13" in text and "ต้องปรับปรุง" in text and "83.45" in text


def test_its_logo_colours_and_website(agency_site):
    html = page(agency_site, "en", ".").read_text(encoding="utf-8")
    assert '<a href="https://thotlong.example.go.th/"' in html
    assert (agency_site / "en/assets/images/agency-logo.svg").read_bytes() == (FIXTURE / "logo.svg").read_bytes()
    assert 'src="assets/images/agency-logo.svg"' in html
    css = (agency_site / "en/assets/stylesheets/agency.css").read_text(encoding="utf-8")
    assert "--md-primary-fg-color: #1b5e20;" in css and "--md-accent-fg-color: #e65100;" in css
    assert 'href="assets/stylesheets/agency.css"' in html


def test_untranslated_text_shows_in_thai_on_the_english_site(agency_site):
    html = page(agency_site, "en", "measures/2568/01-open-budget").read_text(encoding="utf-8")
    assert '<span lang="th">ประชาชนทราบการใช้งบประมาณ</span>' in html


def test_seed_site_has_no_agency_colours(seed_site):
    assert not (seed_site / "th/assets/stylesheets/agency.css").exists()
    assert '<a href="https://www.muangpan.go.th/" title=' in page(seed_site, "th", ".").read_text(encoding="utf-8")
