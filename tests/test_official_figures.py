"""The NACC's figures first: where a report states the total, every page, chart, comparison and download shows
it, labelled as announced; the total worked out from the indicator scores appears only where the method is
explained, and in its own named column of the downloads."""

from __future__ import annotations

import csv
import io
import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from support.build import DATA, PROJECT, build_site
from support.site import built_text

from itasite.pipeline import prepare
from itasite.scoring import as_announced, score_year

AGENCY_B = PROJECT / "tests/fixtures/agency-b/data"
COMPUTED, ANNOUNCED = "81.13", "81.12"  # agency B's 2568 scores work out to 81.125, rounded half up
STATED = f"stated:\n  total: {ANNOUNCED}\n  level: ต้องปรับปรุง\n"
TEXT_FILES = {".html", ".csv", ".json", ".xml", ".svg"}


@pytest.fixture(scope="module")
def announced_site(tmp_path_factory) -> Path:
    """Agency B with the NACC's total stated 0.01 below the worked-out one, built for real."""
    data = tmp_path_factory.mktemp("agency") / "data"
    shutil.copytree(AGENCY_B, data)
    results = data / "results/2568.yml"
    results.write_text(results.read_text(encoding="utf-8") + STATED, encoding="utf-8")
    out = tmp_path_factory.mktemp("site")
    assert build_site(out, data).returncode == 0
    return out


def files_with(site: Path, figure: str) -> set[str]:
    """The built files, by path, that hold `figure`."""
    return {
        path.relative_to(site).as_posix()
        for path in site.rglob("*")
        if path.suffix in TEXT_FILES and figure in built_text(path)
    }


def test_the_announced_total_replaces_the_computed_one_within_the_tolerance():
    scored = prepare(DATA, PROJECT)
    assert [(s.total, s.level.id, s.official) for s in scored.scores.values()] == [
        (Decimal("96.33"), "good", True),
        (Decimal("99.37"), "excellent", True),
    ]  # the seed still gives 96.33 / ผ่านดี and 99.37 / ผ่านดีเยี่ยม
    score = as_announced(scored.scores[2568], Decimal("99.38"))
    assert (score.total, score.computed, score.official, score.level.id) == (
        Decimal("99.38"),
        Decimal("99.37"),
        True,
        "excellent",
    )
    dataset = scored.dataset
    computed = score_year(2568, dataset.results[2568].scores, dataset.indicators_for(2568), dataset.scheme_for(2568))
    assert as_announced(computed, None) is computed and computed.official is False


@pytest.mark.parametrize("lang", ["th", "en"])
def test_pages_show_the_announced_total_and_the_computed_one_only_with_the_method(announced_site, lang):
    with_announced = files_with(announced_site / lang, ANNOUNCED)
    assert {"index.html", "results/index.html", "results/2568/index.html", "data/ita-data.json"} <= with_announced
    assert files_with(announced_site / lang, COMPUTED) == {
        "results/2568/index.html",  # the calculation table, which explains the method
        "search/shard-2568.json",  # the same page's text, as search finds it
        "search/words.json",  # and its words, which the search worker learns
        "data/ita-totals.csv",
        "data/ita-data.json",
    }
    results = (announced_site / lang / "results/2568/index.html").read_text(encoding="utf-8")
    method = results.index('id="total"')
    assert COMPUTED not in results[:method] and COMPUTED in results[method : results.index('id="level"')]
    label = "(ตัวเลขของ ป.ป.ช. ตามที่ระบุใน" if lang == "th" else "(the NACC&#39;s figure, as stated in "
    assert f'<strong>{ANNOUNCED}</strong> <span class="ita-source" data-search-exclude>{label}' in results


def test_downloads_name_both_figures(announced_site):
    rows = list(
        csv.DictReader(io.StringIO((announced_site / "th/data/ita-totals.csv").read_text(encoding="utf-8-sig")))
    )
    assert [(r["year_be"], r["total_official"], r["total_computed"], r["level_th"]) for r in rows] == [
        ("2568", ANNOUNCED, COMPUTED, "ต้องปรับปรุง")
    ]
    data = json.loads((announced_site / "en/data/ita-data.json").read_text(encoding="utf-8"))
    (year,) = data["results"]
    assert (year["total"], year["total_official"], year["total_computed"]) == (81.12, 81.12, 81.13)


@pytest.mark.build
def test_a_year_without_a_stated_total_shows_the_computed_one_as_such(tmp_path):
    out = tmp_path / "site"
    assert build_site(out, AGENCY_B).returncode == 0
    home = (out / "en/index.html").read_text(encoding="utf-8")
    label = "(worked out from the indicator scores)"
    assert f'<strong>{COMPUTED}</strong> out of 100 <span class="ita-source" data-search-exclude>{label}</span>' in home
    rows = list(csv.DictReader(io.StringIO((out / "en/data/ita-totals.csv").read_text(encoding="utf-8-sig"))))
    assert (rows[0]["total_official"], rows[0]["total_computed"]) == ("", COMPUTED)


@pytest.mark.build
def test_changes_between_years_use_the_announced_totals(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    results = data / "results/2568.yml"
    results.write_text(results.read_text(encoding="utf-8").replace("total: 99.37", "total: 99.38"), encoding="utf-8")
    out = tmp_path / "site"
    assert build_site(out, data).returncode == 0
    comparison = (out / "en/results/2567-2568/index.html").read_text(encoding="utf-8")
    assert "<strong>+3.05</strong>" in comparison and "+3.04" not in comparison
