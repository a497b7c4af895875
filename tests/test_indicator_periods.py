"""Indicator sets that belong to a range of years: `indicators.yml` holds periods, like the schemes of
`levels.yml`, and each year's scores are read, scored, shown and compared against the set of its own year.

No source found gives the NACC's indicators before 2563, so the earlier set here is a fictional one, written
into a copy of the seed data for these tests only.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support.build import DATA, build_site
from support.data import aa_to_f_scheme

from itasite.data.problems import DataError
from itasite.pipeline import prepare

TEST_NAMES = {  # number: (Thai, English, tool) of the fictional earlier set
    1: ("ตัวชี้วัดทดสอบ ก", "Test indicator A", "IIT"),
    2: ("ตัวชี้วัดทดสอบ ข", "Test indicator B", "IIT"),
    3: ("ตัวชี้วัดทดสอบ ค", "Test indicator C", "EIT"),
    4: ("ตัวชี้วัดทดสอบ ง", "Test indicator D", "EIT"),
    5: ("ตัวชี้วัดทดสอบ จ", "Test indicator E", "OIT"),
}
TOOLS = "".join(
    f"      - {{id: {tool}, name: {{th: เครื่องมือทดสอบ {tool}, en: Test tool {tool}}}, description: ทดสอบ}}\n"
    for tool in ("IIT", "EIT", "OIT")
)
INDICATORS = "".join(
    f"      - {{number: {n}, name: {{th: {th}, en: {en}}}, tool: {tool}}}\n" for n, (th, en, tool) in TEST_NAMES.items()
)
SCHEME = aa_to_f_scheme("test-2561", 2561, 2562)
# 2561: IIT (80 + 90) / 2 = 85, EIT (70 + 80) / 2 = 75, OIT 90: total 0.3 × 85 + 0.3 × 75 + 0.4 × 90 = 84.00, B
EARLY_SCORES = {2561: {1: 80, 2: 90, 3: 70, 4: 80, 5: 90}, 2562: {1: 85, 2: 95, 3: 80, 4: 80, 5: 95}}


def period(first: int, last: int | None, period_id: str = "test-2561") -> str:
    """A period of the fictional set, as indicators.yml writes one."""
    years = f"    first_year: {first}\n" + (f"    last_year: {last}\n" if last else "")
    source = "    source: {th: ชุดตัวชี้วัดทดสอบ, en: a set of indicators for this test}\n"
    return f"  - id: {period_id}\n{years}{source}    tools:\n{TOOLS}    indicators:\n{INDICATORS}"


def with_period(data: Path, first: int = 2561, last: int | None = 2562, scheme: bool = True) -> Path:
    """The seed data with the fictional set for `first`–`last` before its own, and a scheme for 2561–2562."""
    indicators = data / "indicators.yml"
    text = indicators.read_text(encoding="utf-8")
    indicators.write_text(text.replace("periods:\n", "periods:\n" + period(first, last), 1), encoding="utf-8")
    if scheme:
        levels = data / "levels.yml"
        levels.write_text(levels.read_text(encoding="utf-8").replace("schemes:\n", "schemes:\n" + SCHEME, 1))
    return data


def write_results(data: Path, year: int, scores: dict[int, int]) -> None:
    """A results file of `year` with these indicator scores."""
    lines = "".join(f"  {number}: {score}\n" for number, score in scores.items())
    (data / f"results/{year}.yml").write_text(f"year: {year}\nscores:\n{lines}", encoding="utf-8")


def early_years(data: Path) -> Path:
    """The seed with the fictional set and its two years, 2561 and 2562, scored on it."""
    with_period(data)
    for year, scores in EARLY_SCORES.items():
        write_results(data, year, scores)
    return data


def old_single_set(data: Path) -> None:
    """indicators.yml as earlier versions wrote it: one set of tools and indicators for every year."""
    text = (data / "indicators.yml").read_text(encoding="utf-8")
    body = text[text.index("    tools:\n") :]
    (data / "indicators.yml").write_text("\n".join(line[4:] for line in body.split("\n")), encoding="utf-8")


def early_measure(data: Path) -> None:
    """A measure of 2561 naming the indicators a 2568 measure names (5 and 10)."""
    text = (data / "measures/2568/08-internal-audit.yml").read_text(encoding="utf-8")
    text = (
        text.replace("year: 2568", "year: 2561").replace("2024-10-01", "2017-10-01").replace("2025-09-30", "2018-09-30")
    )
    (data / "measures/2561").mkdir()
    (data / "measures/2561/08-internal-audit.yml").write_text(text, encoding="utf-8")


SEED_SCORES = {number: 90 for number in range(1, 11)}
CASES = {  # name: (change to a copy of the seed, what the English report says, or None when the data is right)
    "two periods with years between them": (lambda d: with_period(d, 2559, 2561, scheme=False), None),
    "overlapping periods": (
        lambda d: with_period(d, 2561, 2563),
        "data/indicators.yml:{line}:17: periods[1].first_year: overlaps the indicators of period 'test-2561'; "
        "give 'test-2561' a last_year before 2563",
    ),
    "an open period before another": (
        lambda d: with_period(d, 2561, None),
        "periods[1].first_year: overlaps the indicators of period 'test-2561'",
    ),
    "a year in the gap between periods": (
        lambda d: (with_period(d, 2559, 2561), write_results(d, 2562, EARLY_SCORES[2562])),
        "data/results/2562.yml:1:7: year: no period in data/indicators.yml covers fiscal year 2562 "
        "(they cover 2559–2561, 2563 onward)",
    ),
    "a year before every period": (
        lambda d: write_results(with_period(d, scheme=True), 2560, EARLY_SCORES[2561]),
        "data/results/2560.yml:1:7: year: no period in data/indicators.yml covers fiscal year 2560",
    ),
    "scores of another period's indicators": (
        lambda d: write_results(with_period(d), 2561, SEED_SCORES),
        "data/results/2561.yml:8:3: scores[6]: there is no indicator 6 in the indicators of 2561–2562 in "
        "data/indicators.yml (there are 1–5)",
    ),
    "the earlier set's scores in a later year": (
        lambda d: write_results(with_period(d), 2568, EARLY_SCORES[2561]),
        "data/results/2568.yml:3:3: scores: no score for indicator 6, 7, 8, 9, 10; every indicator needs one",
    ),
    "a measure naming an indicator of another period": (
        lambda d: early_measure(with_period(d)),
        "data/measures/2561/08-internal-audit.yml:13:17: indicators[1]: there is no indicator 10 in the indicators of "
        "2561–2562 in data/indicators.yml (there are 1–5)",
    ),
    "the single set of earlier versions": (
        old_single_set,
        "data/indicators.yml:1:1: data/indicators.yml is in the layout of earlier versions, with one set of "
        "indicators; it now lists periods of years: run python -m itasite upgrade",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_periods_of_indicators(data_copy, case):
    change, expected = CASES[case]
    change(data_copy)
    if expected is None:
        assert f"{prepare(data_copy, data_copy.parent).scores[2568].total:.2f}" == "99.37"
        return
    with pytest.raises(DataError) as caught:
        prepare(data_copy, data_copy.parent)
    report = caught.value.report("en")
    if "{line}" in expected:  # the later period's first_year: the seed's own period, after the inserted one
        lines = (data_copy / "indicators.yml").read_text(encoding="utf-8").split("\n")
        expected = expected.format(line=next(i for i, line in enumerate(lines, 1) if "first_year: 2563" in line))
    assert expected in report, report


def test_the_single_set_of_earlier_versions_is_explained_in_thai_first(data_copy):
    old_single_set(data_copy)
    with pytest.raises(DataError) as caught:
        prepare(data_copy, data_copy.parent)
    assert (
        "data/indicators.yml ยังเป็นรูปแบบของรุ่นก่อน ซึ่งมีชุดตัวชี้วัดชุดเดียว ตอนนี้ต้องแบ่งตามช่วงปีแล้ว ให้สั่ง python -m itasite upgrade"
        in (caught.value.report("th"))
    )


def test_each_year_is_scored_on_its_own_set_and_compared_only_within_it(data_copy):
    scored = prepare(early_years(data_copy), data_copy.parent)
    early = scored.scores[2561]
    assert (f"{early.total:.2f}", early.level.id, early.framework and early.framework.id) == ("84.00", "b", "test-2561")
    assert [tool.indicators for tool in early.tools] == [(1, 2), (3, 4), (5,)]
    assert scored.scores[2568].framework and scored.scores[2568].framework.id == "ita-2563"
    assert (f"{scored.scores[2567].total:.2f}", f"{scored.scores[2568].total:.2f}") == ("96.33", "99.37")
    assert [(c.before.year, c.after.year) for c in scored.comparisons] == [(2561, 2562), (2567, 2568)]


@pytest.fixture(scope="module")
def periods_site(tmp_path_factory) -> Path:
    """The seed with 2561 and 2562 scored on another set of indicators, built for real."""
    data = tmp_path_factory.mktemp("periods") / "data"
    shutil.copytree(DATA, data)
    out = tmp_path_factory.mktemp("site")
    result = build_site(out, early_years(data))
    assert result.returncode == 0, result.stderr
    return out


@pytest.mark.build
@pytest.mark.parametrize("lang", ["th", "en"])
def test_each_results_page_names_the_indicators_of_its_year(periods_site, lang):
    name = 0 if lang == "th" else 1
    early = [names[name] for names in TEST_NAMES.values()]
    later = "ประสิทธิภาพการสื่อสาร" if lang == "th" else "Communication Efficiency"
    for year in (2561, 2562):
        html = (periods_site / lang / f"results/{year}/index.html").read_text(encoding="utf-8")
        assert all(text in html for text in early) and later not in html, year
    for year in (2567, 2568):
        html = (periods_site / lang / f"results/{year}/index.html").read_text(encoding="utf-8")
        assert later in html and not any(text in html for text in early), year
    comparison = (periods_site / lang / "results/2561-2562/index.html").read_text(encoding="utf-8")
    assert all(text in comparison for text in early) and later not in comparison
    methodology = (periods_site / lang / "methodology/index.html").read_text(encoding="utf-8")
    assert 'id="indicators-2561"' in methodology and 'id="indicators-2563"' in methodology
    assert "slideshare.net/firstpimm/ita-2563" in methodology


@pytest.mark.build
def test_no_comparison_page_crosses_indicator_sets(periods_site):
    for lang in ("th", "en"):
        pages = sorted(path.parent.name for path in (periods_site / lang / "results").glob("*-*/index.html"))
        assert pages == ["2561-2562", "2567-2568"]
    scores = (periods_site / "en/data/ita-scores.csv").read_text(encoding="utf-8-sig").splitlines()
    assert scores[0].endswith(",indicator_set")
    assert any(line.startswith("2561,2018,1,") and line.endswith(",test-2561") for line in scores)
    assert any(line.startswith("2568,2025,10,") and line.endswith(",ita-2563") for line in scores)
