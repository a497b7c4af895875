"""Loading the data: the seed holds the whole report; problems are gathered; data text stays text."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from support.build import DATA, build_site
from support.data import replace

from itasite import cli
from itasite.data.dataset import load_dataset
from itasite.data.messages import say
from itasite.data.problems import DataError
from itasite.data.untranslated import untranslated_fields
from itasite.data.yamlfile import YamlProblem, parse_yaml
from itasite.pipeline import prepare

MEASURE = "data/measures/2568/06-conflict-of-interest.yml"
RESULTS = "data/results/2568.yml"


def test_seed_holds_the_whole_report(seed):
    assert seed.years == [2567, 2568]
    assert [m.number for m in seed.measures[2568]] == list(range(1, 16))
    assert len(seed.indicators_for(2568)) == 10
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


def problems_after(data: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        prepare(data, data.parent)
    return [str(problem) for problem in caught.value.problems]


def test_thai_digits_are_read_as_numbers(data_copy):
    replace("  6: 98.57", "  6: ๙๘.๕๗")(data_copy.parent / RESULTS)
    assert load_dataset(data_copy, data_copy.parent).results[2568].scores[6] == Decimal("98.57")


def test_every_problem_is_reported_at_once(data_copy):
    replace("  6: 98.57", "  6: 198.57")(data_copy.parent / RESULTS)
    replace("units: [clerk-office]", "units: [nobody]")(data_copy.parent / MEASURE)
    problems = problems_after(data_copy)
    assert any(p.startswith(RESULTS) for p in problems) and any(p.startswith(MEASURE) for p in problems)


@pytest.mark.build
def test_a_script_in_a_title_is_shown_as_text(data_copy, tmp_path):
    replace("  th: มาตรการป้องกันผลประโยชน์ทับซ้อน", '  th: "</title><script>alert(1)</script>"')(data_copy.parent / MEASURE)
    replace("  en: Measures to prevent conflicts of interest", '  en: "<script>alert(2)</script>"')(
        data_copy.parent / MEASURE
    )
    out = tmp_path / "site"
    assert build_site(out, data_copy).returncode == 0
    for lang in ("th", "en"):
        for html in (out / lang).rglob("*.html"):
            assert "<script>alert" not in html.read_text(encoding="utf-8"), html
    assert (
        "&lt;script&gt;alert(2)&lt;/script&gt;"
        in (out / "en/measures/2568/06-conflict-of-interest/index.html").read_text()
    )


@pytest.mark.build
def test_untranslated_fields_are_listed_and_shown_in_thai(data_copy, tmp_path):
    replace("  en: Measures to prevent conflicts of interest\n", "")(data_copy.parent / MEASURE)
    dataset = load_dataset(data_copy, data_copy.parent)
    assert [str(p) for p in untranslated_fields(dataset)] == [f"{MEASURE}:7:7: title.en: no English yet"]
    out = tmp_path / "site"
    assert build_site(out, data_copy).returncode == 0
    html = (out / "en/measures/2568/06-conflict-of-interest/index.html").read_text(encoding="utf-8")
    assert '<span lang="th">มาตรการป้องกันผลประโยชน์ทับซ้อน</span> <em class="ita-untranslated">' in html


def test_check_command_summarises_the_seed(capsys):
    assert cli.main(["check", str(DATA)]) == 0
    out = capsys.readouterr().out
    assert "พร้อมเผยแพร่ ไฟล์: 25 · ปีที่มีผลคะแนน: 2567, 2568 · มาตรการ: 15 · รายงาน: 1 · ช่องที่ยังไม่มีคำแปล: 0" in out
    assert cli.main(["check", str(DATA), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "files: 25 · years with results: 2567, 2568 · measures: 15 · reports: 1 · untranslated fields: 0" in out


def test_check_command_reports_problems_without_a_traceback(data_copy, capsys):
    replace("  6: 98.57", "  6: 198.57")(data_copy.parent / RESULTS)
    assert cli.main(["check", str(data_copy)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{RESULTS}:9:6: scores[6]: ต้องไม่เกิน 100 (ที่เขียนไว้คือ 198.57)")
    assert err.rstrip().endswith("พบปัญหา 1 จุดในข้อมูล จึงยังไม่เผยแพร่")
    assert cli.main(["check", str(data_copy), "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{RESULTS}:9:6: scores[6]: input should be less than or equal to 100")
    assert err.rstrip().endswith("1 problem in the data; nothing was published.")
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("text", "line", "column", "message"),
    [
        ("id: a\nname: b\x07c\n", 2, 8, "a character not allowed in text (U+0007)"),
        ("id: ก\nname: ข\x00\n", 2, 8, "a character not allowed in text (U+0000)"),
        ("id: a\n\tname: b\n", 2, 1, "a tab character"),
        ("a: &x 1\nb: *x\n", 2, 1, "anchors and aliases"),
        ("a: {x: 1}\nb:\n  <<: {y: 2}\n", 3, 3, "merge keys (<<) are not supported"),
        ("ชื่อ: ก\nชื่อ: ข\n", 2, 1, "duplicate key 'ชื่อ' (first given on line 1)"),
        ("a: [1, 2\nb: 3\n", 2, 2, "not valid YAML"),
        ("# only a comment\n", 1, 1, "the file is empty"),
    ],
)
def test_yaml_problems_name_their_line_and_column(text, line, column, message):
    with pytest.raises(YamlProblem) as raised:
        parse_yaml(text)
    assert (raised.value.line, raised.value.column) == (line, column)
    said = say("en", raised.value.code, raised.value.values)
    assert said.startswith(message), said


def test_yaml_positions_count_thai_letters_not_bytes():
    doc = parse_yaml("ชื่อ: เทศบาล\nรหัส:\n  - ก\n  - 7\n")
    assert doc.data == {"ชื่อ": "เทศบาล", "รหัส": ["ก", 7]}
    assert doc.locations[("ชื่อ",)] == (1, 7)
    assert doc.locations[("รหัส", 1)] == (4, 5)
