"""The shipped registers built for real: the seed agency's 2569 register publishes only its measures report
(O26, from the data), and the second agency's has all 26 items accounted for with links and files kept in the
repository; the pages, the downloads and the answer sheet read back from the built HTML and CSV."""

from __future__ import annotations

import csv
import hashlib
import html
import io
import re
from pathlib import Path

import pytest
from support.build import PROJECT, build_site
from support.site import page, parse, text_of

from itasite.site.locale import load_locale

AGENCY_B = PROJECT / "tests/fixtures/agency-b/data"
ROOT = "https://thotlong.example.go.th/ita/"
NAV_LABEL = re.compile(r'<span class="md-ellipsis">\s*(.*?)\s*</span>', re.S)


@pytest.fixture(scope="module")
def agency_b(tmp_path_factory) -> Path:
    """The second agency built for real in both languages under a sub-path of its own site."""
    out = tmp_path_factory.mktemp("agency-b-oit")
    result = build_site(out, AGENCY_B, env={"SITE_URL": ROOT})
    assert result.returncode == 0, result.stderr
    return out


def answers(site: Path, lang: str) -> list[dict[str, str]]:
    """The rows of a built site's 2569 answer sheet CSV."""
    content = (site / lang / "data/disclosure-2569-itas.csv").read_bytes().decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(content)))


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_seed_publishes_its_measures_report_as_o26_and_misses_the_rest(seed_site, lang):
    locale = load_locale(lang)
    assert locale.t("oit_count", published=1, total=26) in text_of(page(seed_site, lang, "."))
    listing = text_of(page(seed_site, lang, "disclosure/2569"))
    assert locale.t("oit_counts", published=1, na=0, missing=25) in listing
    o26 = page(seed_site, lang, "disclosure/2569/o26")
    assert "../../../report/2568/" in {a["href"] for a in parse(o26).links}, "the site's own report page"
    assert [row["code"] for row in answers(seed_site, lang)] == [f"O{n}" for n in range(1, 27)]


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_second_agency_accounts_for_all_26_items(agency_b, lang):
    locale = load_locale(lang)
    listing = page(agency_b, lang, "disclosure/2569")
    assert locale.t("oit_counts", published=25, na=1, missing=0) in text_of(listing)
    files = sorted((AGENCY_B / "disclosure/files").rglob("*.*"))
    linked = [a["href"] for a in parse(listing).links if "/files/" in a["href"]]
    assert len(linked) == len(files)
    for href in linked:
        name = href.split("/files/", 1)[1]
        assert (listing.parent / href).resolve().read_bytes() == (AGENCY_B / "disclosure/files" / name).read_bytes()
    downloads = text_of(page(agency_b, lang, "downloads"))
    for path in files:
        assert hashlib.sha256(path.read_bytes()).hexdigest() in downloads


@pytest.mark.parametrize("lang", ["th", "en"])
def test_its_answer_sheet_leads_to_built_pages_by_the_real_navigation(agency_b, lang):
    locale = load_locale(lang)
    rows = answers(agency_b, lang)
    assert len(rows) == 26
    for row in rows:
        url = row["url"]
        assert url.startswith(f"{ROOT}{lang}/") or not url.startswith(ROOT), url
        if url.startswith(ROOT):
            local = agency_b / lang / url.removeprefix(f"{ROOT}{lang}/")
            assert (local / "index.html" if url.endswith("/") else local).is_file(), url
        item = page(agency_b, lang, f"disclosure/2569/{row['code'].lower()}").read_text(encoding="utf-8")
        labels = {html.unescape(re.sub(r"<[^>]+>", "", label)) for label in NAV_LABEL.findall(item)}
        steps = row["click_path"].split(locale.t("oit_click_separator"))
        assert set(steps[:3]) <= labels, row["code"]
    o11 = next(row for row in rows if row["code"] == "O11")
    assert o11["url"].endswith(".xlsx"), "answered by its document"
