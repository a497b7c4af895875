"""The whole history: a year may hold only the total and level the NACC announced. Every year is charted and
described with its own level names (AA–F before 2567, ผ่านดีเยี่ยม… after), and comparisons exist only between years that
both have their indicator scores."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from support.build import DATA, build_site
from support.data import aa_to_f_scheme

from itasite.data.problems import DataError
from itasite.pipeline import prepare

# Nine years before the seed's two, each as announced: (year, total, level as printed)
ANNOUNCED = [
    (2558, "58.40", "D"), (2559, "66.10", "C"), (2560, "72.35", "C"), (2561, "79.80", "B"), (2562, "84.20", "B"),
    (2563, "88.15", "A"), (2564, "91.02", "A"), (2565, "94.99", "A"), (2566, "95.61", "AA"),
]  # fmt: skip
OLDER_SCHEME = aa_to_f_scheme("ita-2558", 2558, 2562)


def with_history(data: Path) -> Path:
    """The seed data with nine earlier years of totals only, and a scheme for the five before 2563."""
    levels = data / "levels.yml"
    levels.write_text(levels.read_text(encoding="utf-8").replace("schemes:\n", "schemes:\n" + OLDER_SCHEME, 1))
    for year, total, level in ANNOUNCED:
        (data / f"results/{year}.yml").write_text(
            f"year: {year}\nstated:\n  total: {total}\n  level: {level}\n", encoding="utf-8"
        )
    return data


@pytest.fixture(scope="module")
def history_site(tmp_path_factory) -> Path:
    """Eleven years, nine of them totals only, built for real."""
    data = tmp_path_factory.mktemp("history") / "data"
    shutil.copytree(DATA, data)
    out = tmp_path_factory.mktemp("site")
    assert build_site(out, with_history(data)).returncode == 0
    return out


def test_years_of_totals_only_are_scored_as_announced(data_copy):
    scored = prepare(with_history(data_copy), data_copy.parent)
    assert [(year, f"{s.total:.2f}", s.level.id, s.broken_down) for year, s in scored.scores.items()][:3] == [
        (2558, "58.40", "d", False),
        (2559, "66.10", "c", False),
        (2560, "72.35", "c", False),
    ]
    assert [(c.before.year, c.after.year) for c in scored.comparisons] == [(2567, 2568)]


def test_a_year_needs_scores_or_its_announced_figures(data_copy):
    (data_copy / "results/2566.yml").write_text("year: 2566\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        prepare(data_copy, data_copy.parent)
    assert caught.value.report("en").startswith("data/results/2566.yml:1:1: give the indicator scores (scores:)")


def test_an_announced_level_must_be_one_of_its_scheme(data_copy):
    with_history(data_copy)
    (data_copy / "results/2564.yml").write_text("year: 2564\nstated: {total: 91.02, level: ผ่านดี}\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        prepare(data_copy, data_copy.parent)
    assert "stated.level: unknown level 'ผ่านดี'; scheme 'ita-2563' has: aa (AA)" in caught.value.report("en")


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_history_chart_holds_every_year_with_its_level(history_site, lang):
    html = (history_site / lang / "results/index.html").read_text(encoding="utf-8")
    chart = html[html.index('id="chart-totals"') : html.index("</figure>", html.index('id="chart-totals"'))]
    values = re.findall(r'<circle [^>]*data-value="([\d.]+)"', chart)  # eleven years: a line, a point a year
    labels = re.findall(r'class="ita-chart__point-label">([^<]+)<', chart)
    assert values == labels == [total for _, total, _ in ANNOUNCED] + ["96.33", "99.37"]
    described = re.search(r"<desc[^>]*>([^<]+)</desc>", chart).group(1)
    levels = re.findall(r"\d+\.\d\d \(([^)]+)\)", described)  # the level of each year, as its own scheme names it
    good, excellent = ("ผ่านดี", "ผ่านดีเยี่ยม") if lang == "th" else ("Good", "Excellent")
    assert levels == [level for _, _, level in ANNOUNCED] + [good, excellent]
    assert (history_site / lang / "index.html").read_text(encoding="utf-8").count('class="ita-chart__point"') >= 11


def test_comparisons_exist_only_between_years_with_scores(history_site):
    pages = sorted(path.parent.name for path in (history_site / "th/results").glob("*-*/index.html"))
    assert pages == ["2567-2568"]


def test_a_year_of_totals_only_has_its_page_without_a_breakdown(history_site):
    html = (history_site / "en/results/2561/index.html").read_text(encoding="utf-8")
    level = "Level B, as the agency&#39;s report states the NACC announced it"
    assert "<strong>79.80</strong>" in html and level in html
    assert 'id="indicators"' not in html and "only the total and level the NACC announced" in html
