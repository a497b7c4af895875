"""Charts a citizen can read, measured in Chromium at a phone's width (390 px) and a desktop's (1280 px), on the
seed's pages and on the ten synthetic years': every piece of a chart's text, in the SVG and around it, renders
at 12 CSS px or more; no text of the SVG runs out of it; every bar starts at the 0 of its axis and is as long
as its value; a run of three years or more is a line with every point labelled, and the national average,
where it is known, labelled beside it; a line whose axis starts above 0 draws the break and says where it
starts; no two of a chart's texts on one line come closer than 4 px; and every chart says where its figures
come from and under which licence."""

from __future__ import annotations

import re

import pytest
from support.build import DATA

from itasite.data.yamlfile import read_yaml

SMALLEST_PX = 12
VIEWPORTS = (390, 1280)
SEED_PAGES = [
    "th/",  # home: the totals of two years, as bars with the national mark
    "en/results/",
    "th/results/2568/",  # the tools against the level minimums
    "en/results/2567/",
    "th/results/2567-2568/",  # the comparison: two bars per indicator
    "en/results/2567-2568/",
    "th/indicators/8/",  # an indicator's two years
    "en/indicators/eit/",
]
SYNTHETIC_PAGES = [
    "th/",  # ten totals as a line, with the national average of 2568
    "en/",
    "th/results/",
    "en/results/2572/",
    "th/results/2571-2572/",
    "th/indicators/8/",  # ten years of an indicator as a line
    "en/indicators/oit/",
]


def stated_national_averages() -> list[str]:
    """The national averages the synthetic site's data gives (the seed's national.yml), as the chart labels
    them, without the ones marked `derived`, which no chart shows."""
    years = read_yaml(DATA / "national.yml").data["years"]
    return [f"{y['average']:.2f}" for y in years if y.get("average") is not None and y.get("confidence") != "derived"]


# For every chart of the page: its smallest text (an SVG text's computed size times the scale the SVG draws it
# at, so a viewBox that shrinks the chart would show), the text that leaves the SVG, and its bars, points,
# break and sentences, read from the rendered page.
MEASURE = """() => [...document.querySelectorAll('figure.ita-chart')].map(figure => {
  const svg = figure.querySelector('svg'), box = svg.getBoundingClientRect();
  const sizes = [], outside = [];
  for (const node of figure.querySelectorAll('text, figcaption span, p')) {
    if (!node.textContent.trim()) continue;
    let size = parseFloat(getComputedStyle(node).fontSize);
    if (node instanceof SVGElement) {
      const m = node.getScreenCTM();
      size *= Math.min(Math.hypot(m.a, m.b), Math.hypot(m.c, m.d));
      const r = node.getBoundingClientRect();
      if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1)
        outside.push(node.textContent);
    }
    sizes.push([size, node.textContent.trim().slice(0, 40)]);
  }
  const axis = svg.querySelector('.ita-chart__axis'), full = svg.querySelector('[data-tick="100"]');
  const zero = axis ? axis.getBoundingClientRect().left : null;
  const scale = full ? full.getBoundingClientRect().left - zero : null;
  const bars = [...svg.querySelectorAll('rect[data-value]')].map(bar => {
    const r = bar.getBoundingClientRect();
    return {value: parseFloat(bar.dataset.value), left: r.left - zero, width: r.width, scale};
  });
  const labels = [...svg.querySelectorAll('text')].map(t => t.textContent.trim());
  const GAP = 4, texts = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim());
  const overlapping = [];
  texts.forEach((one, i) => texts.slice(i + 1).forEach(other => {
    const a = one.getBoundingClientRect(), b = other.getBoundingClientRect();
    const across = Math.min(a.right, b.right) - Math.max(a.left, b.left);
    const down = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    if (across > -GAP && down > 1) overlapping.push(one.textContent.trim() + ' | ' + other.textContent.trim());
  }));
  return {
    id: figure.id, sizes, outside, bars, labels, overlapping,
    start: parseInt(svg.dataset.axisStart, 10),
    points: [...svg.querySelectorAll('circle[data-value]')].map(c => c.dataset.value),
    national: [...svg.querySelectorAll('[data-national]')].map(n => n.dataset.national),
    breaks: svg.querySelectorAll('.ita-chart__break path').length,
    said: (figure.querySelector('.ita-chart__axis-start') || {}).textContent || '',
    source: (figure.querySelector('.ita-chart__source') || {}).textContent || '',
    licence: (figure.querySelector('.ita-chart__data') || {}).textContent || '',
  };
})"""


def charts_of(browser, url: str, width: int) -> list[dict]:
    """The measured charts of the page at `url`, in a tab `width` CSS pixels wide."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    try:
        page.goto(url, wait_until="load")
        page.evaluate("document.fonts.ready")
        return page.evaluate(MEASURE)
    finally:
        page.close()


def check(chart: dict, lang: str) -> None:
    """What every chart must be, wherever it is."""
    size, text = min(chart["sizes"])
    assert size >= SMALLEST_PX, f"{chart['id']}: {text!r} renders at {size:.1f} px"
    assert not chart["outside"], f"{chart['id']}: text outside the chart: {chart['outside']}"
    assert not chart["overlapping"], f"{chart['id']}: texts closer than 4 px: {chart['overlapping']}"
    assert chart["source"].startswith("ที่มา:" if lang == "th" else "Source:"), chart["source"]
    assert chart["licence"].startswith("ไม่ได้ระบุสัญญาอนุญาต" if lang == "th" else "Licence not stated")
    for bar in chart["bars"]:
        assert abs(bar["left"]) <= 0.5, f"{chart['id']}: a bar starts {bar['left']:.1f} px from the axis's 0"
        assert abs(bar["width"] - bar["scale"] * bar["value"] / 100) <= 1, f"{chart['id']}: {bar}"
    if chart["bars"]:
        assert chart["start"] == 0 and chart["labels"].count("0") == 1
    if chart["start"]:
        assert chart["breaks"] == 1, f"{chart['id']} starts at {chart['start']} with no break drawn"
        said = f"แกนเริ่มที่ {chart['start']} คะแนน" if lang == "th" else f"Axis starts at {chart['start']}"
        assert chart["said"].startswith(said), chart["said"]
    for value in chart["points"] + chart["national"]:
        assert value in chart["labels"], f"{chart['id']}: the point {value} has no label"


@pytest.mark.parametrize("width", VIEWPORTS)
@pytest.mark.parametrize("path", SEED_PAGES)
def test_seed_charts_are_legible_start_at_zero_and_name_their_source(browser, served_site, path, width):
    charts = charts_of(browser, f"{served_site}/{path}", width)
    assert charts, f"{path} has no chart"
    for chart in charts:
        check(chart, path[:2])
        assert chart["bars"] and not chart["points"], f"{chart['id']}: two years are bars"


@pytest.mark.parametrize("width", VIEWPORTS)
@pytest.mark.parametrize("path", SYNTHETIC_PAGES)
def test_ten_year_charts_are_labelled_lines_with_the_national_average(browser, served_synthetic_site, path, width):
    charts = charts_of(browser, f"{served_synthetic_site}/{path}", width)
    assert charts, f"{path} has no chart"
    for chart in charts:
        check(chart, path[:2])
    lines = [chart for chart in charts if chart["points"]]
    if "/results/2" not in path:  # a year's tools and a comparison of two years stay bars
        assert [len(chart["points"]) for chart in lines] == [10] and not lines[0]["bars"]
        assert lines[0]["start"] > 0
    if path in ("th/", "en/"):  # every national average a source gives, not the one this site derived
        assert lines[0]["national"] == stated_national_averages()


def test_every_indicator_page_starts_its_axis_at_the_same_place(synthetic_site):
    starts = {
        re.search(r'data-axis-start="(\d+)"', page.read_text(encoding="utf-8")).group(1)
        for page in (synthetic_site / "th/indicators").glob("*/index.html")
    }
    assert len(starts) == 1 and starts != {"0"}, starts
