"""Loading the data: the seed holds the whole report, and mistakes are reported by file, line and field."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from conftest import PROJECT, build_site

from itasite.dataset import load_dataset
from itasite.problems import DataError

MEASURE = "data/measures/2568/06-conflict-of-interest.yml"
RESULTS = "data/results/2568.yml"


def test_seed_holds_the_whole_report(seed):
    assert seed.years == [2567, 2568]
    assert [m.number for m in seed.measures[2568]] == list(range(1, 16))
    assert len(seed.indicators) == 10
    assert set(seed.units) == {
        "all-divisions",
        "personnel",
        "finance",
        "clerk-office",
        "internal-audit",
        "administration",
    }
    report = seed.reports[2568]
    assert report.memo.reference == "นตภ 52212/-"
    assert str(report.memo.date) == "2025-10-06"
    assert len(report.memo.signatures) == 4


def test_seed_is_fully_translated(seed):
    """Every text of the seed has English; the Thai keeps no extraction damage."""
    texts = []
    for measure in seed.measures[2568]:
        texts.append(measure.title)
        for entry in [*measure.steps, *measure.outputs, *measure.outcomes]:
            texts += [entry, *entry.items]
    assert all(text.en for text in texts)
    for text in texts:
        assert not any(ch in text.th for ch in "๐๑๒๓๔๕๖๗๘๙"), text.th
        assert "(ต่อ)" not in text.th and "<p>" not in text.th and "  " not in text.th


def test_continuation_rows_are_merged_into_their_measure(seed):
    measures = {m.number: m for m in seed.measures[2568]}
    assert len(measures[2].outputs) == 6 and len(measures[2].outputs[5].items) == 5
    assert len(measures[3].outputs) == 6
    assert len(measures[15].outputs) == 7 and len(measures[15].outputs[6].items) == 5


def edit(data: Path, relative: str, old: str, new: str) -> None:
    path = data.parent / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relative}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems_after(data: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_dataset(data, data.parent)
    return [str(problem) for problem in caught.value.problems]


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        (
            MEASURE,
            "number: 6\n",
            "number: 6\nnumber: 7\n",
            f"{MEASURE}:6:1: duplicate key 'number' (first given on line 5)",
        ),
        (MEASURE, "year: 2568\n", "year: 2568\ncolour: red\n", f"{MEASURE}:5:1: colour: unknown field"),
        (MEASURE, "number: 6\n", "number: six\n", f"{MEASURE}:5:9: number: must be a whole number (got 'six')"),
        (
            MEASURE,
            "units: [clerk-office]",
            "units: [mayor-office]",
            f"{MEASURE}:9:9: units[0]: unknown unit 'mayor-office'",
        ),
        (
            MEASURE,
            "indicators: [5, 10]",
            "indicators: [5, 11]",
            f"{MEASURE}:13:17: indicators[1]: there is no indicator 11",
        ),
        (
            MEASURE,
            "start: 2024-10-01",
            "start: 2567-10-01",
            f"{MEASURE}:11:10: period.start: 2567-10-01 is outside fiscal year 2568",
        ),
        (
            RESULTS,
            "  6: 98.57",
            "  6: 198.57",
            f"{RESULTS}:9:6: scores[6]: input should be less than or equal to 100 (got 198.57)",
        ),
        (RESULTS, "  10: 100.00\n", "", f"{RESULTS}:4:3: scores: no score for indicator 10"),
        (
            RESULTS,
            "total: 99.37",
            "total: 99.5",
            f"{RESULTS}:15:10: stated.total: the report states 99.5 but the indicator scores give 99.37",
        ),
        (
            RESULTS,
            "level: excellent",
            "level: good",
            f"{RESULTS}:16:10: stated.level: the report states 'good' but the scores give 'excellent'",
        ),
        (RESULTS, "year: 2568", "year: 2569", f"{RESULTS}:2:7: year: the file is named 2568.yml but holds year 2569"),
        (RESULTS, "scores:", "scores:\n\t", f"{RESULTS}:4:1: a tab character"),
    ],
)
def test_mistakes_name_file_line_and_field(data_copy, file, old, new, expected):
    edit(data_copy, file, old, new)
    assert any(problem.startswith(expected) for problem in problems_after(data_copy)), problems_after(data_copy)


def test_missing_thai_text_is_required(data_copy):
    path = data_copy / "measures/2568/06-conflict-of-interest.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("outcomes:\n  - th: ")
    end = text.index("\n    en:", start)
    path.write_text(
        text[: start + len("outcomes:\n  - ")] + "en: x" + text[end + len("\n    en: x") + 1 :], encoding="utf-8"
    )
    assert any(": outcomes[0].th: this field is required" in p for p in problems_after(data_copy))


def test_thai_digits_are_read_as_numbers(data_copy):
    edit(data_copy, RESULTS, "  6: 98.57", "  6: ๙๘.๕๗")
    assert load_dataset(data_copy, data_copy.parent).results[2568].scores[6] == Decimal("98.57")


def test_every_problem_is_reported_at_once(data_copy):
    edit(data_copy, RESULTS, "  6: 98.57", "  6: 198.57")
    edit(data_copy, MEASURE, "units: [clerk-office]", "units: [nobody]")
    problems = problems_after(data_copy)
    assert any(p.startswith(RESULTS) for p in problems) and any(p.startswith(MEASURE) for p in problems)


def test_a_failed_build_prints_the_problems_without_a_traceback(data_copy, tmp_path):
    edit(data_copy, MEASURE, "units: [clerk-office]", "units: [nobody]")
    result = build_site(tmp_path / "site", data_copy)
    assert result.returncode != 0
    assert f"{MEASURE}:9:9: units[0]: unknown unit 'nobody'" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_script_in_a_title_is_shown_as_text(data_copy, tmp_path):
    edit(data_copy, MEASURE, "  th: มาตรการป้องกันผลประโยชน์ทับซ้อน", '  th: "</title><script>alert(1)</script>"')
    edit(data_copy, MEASURE, "  en: Measures to prevent conflicts of interest", '  en: "<script>alert(2)</script>"')
    out = tmp_path / "site"
    assert build_site(out, data_copy).returncode == 0
    for lang in ("th", "en"):
        for html in (out / lang).rglob("*.html"):
            assert "<script>alert" not in html.read_text(encoding="utf-8"), html
    assert (
        "&lt;script&gt;alert(2)&lt;/script&gt;"
        in (out / "en/measures/2568/06-conflict-of-interest/index.html").read_text()
    )


def test_project_data_path_is_relative_in_messages():
    assert (PROJECT / MEASURE).is_file()
