"""Every kind of mistake a clerk can make in data/ is reported as `file:line:column: field: message` by the
data pipeline (in-process, one row per mistake); a few of them also go through the real build, which stops
without a traceback and leaves the published site as it was."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from support.build import DATA, PROJECT, build_site
from support.data import replace, tree_digest

from itasite.data.problems import DataError
from itasite.pipeline import prepare

MEASURE = "data/measures/2568/06-conflict-of-interest.yml"
RESULTS = "data/results/2568.yml"
AGENCY = "data/agency.yml"


def write_bytes(content: bytes):
    """The damage that replaces a file's bytes by `content`."""
    return lambda path: path.write_bytes(content)


def huge_text(path: Path) -> None:
    """Damage: a title of one million Thai letters."""
    replace("  en: Measures to prevent conflicts of interest", "  en: " + "ก" * 1_048_576)(path)


# (file, how to break it, the exact start of the message)
MISTAKES = {
    "yaml syntax": (RESULTS, replace("scores:\n", "scores: [\n"), f"{RESULTS}:5:4: not valid YAML: did not find expected ',' or ']'"),
    "tab indentation": (RESULTS, replace("  6: 98.57", "\t6: 98.57"), f"{RESULTS}:9:1: a tab character"),
    "duplicate key": (MEASURE, replace("number: 6\n", "number: 6\nnumber: 7\n"), f"{MEASURE}:6:1: duplicate key 'number' (first given on line 5)"),
    "unknown key": (MEASURE, replace("year: 2568\n", "year: 2568\ncolour: red\n"), f"{MEASURE}:5:1: colour: unknown field"),
    "wrong type": (MEASURE, replace("number: 6\n", "number: six\n"), f"{MEASURE}:5:9: number: must be a whole number (got 'six')"),
    "score out of range": (RESULTS, replace("  6: 98.57", "  6: 198.57"), f"{RESULTS}:9:6: scores[6]: input should be less than or equal to 100 (got 198.57)"),
    "unknown indicator": (MEASURE, replace("indicators: [5, 10]", "indicators: [5, 11]"), f"{MEASURE}:13:17: indicators[1]: there is no indicator 11"),
    "unknown indicator score": (RESULTS, replace("  10: 100.00", "  10: 100.00\n  11: 50"), f"{RESULTS}:14:3: scores[11]: there is no indicator 11"),
    "unknown unit": (MEASURE, replace("units: [clerk-office]", "units: [mayor-office]"), f"{MEASURE}:9:9: units[0]: unknown unit 'mayor-office'"),
    "missing required field": (MEASURE, replace("number: 6\n", ""), f"{MEASURE}:3:1: number: this field is required"),
    "missing thai text": (MEASURE, replace("  th: มาตรการป้องกันผลประโยชน์ทับซ้อน\n", ""), f"{MEASURE}:7:3: title.th: this field is required"),
    "empty file": (MEASURE, write_bytes(b""), f"{MEASURE}:1:1: the file is empty"),
    "not utf-8": (MEASURE, write_bytes("# cp874\nid: ทดสอบ\n".encode("cp874")), f"{MEASURE}:2:1: the file is not UTF-8"),
    "year missing an indicator": (RESULTS, replace("  10: 100.00\n", ""), f"{RESULTS}:4:3: scores: no score for indicator 10"),
    "stated total disagrees": (RESULTS, replace("total: 99.37", "total: 99.5"), f"{RESULTS}:15:10: stated.total: the report states 99.5 but the indicator scores give 99.37"),
    "stated level disagrees": (RESULTS, replace("level: excellent", "level: good"), f"{RESULTS}:16:10: stated.level: the report states 'good' but the scores give 'Excellent'"),
    "file name disagrees with id": (MEASURE, replace("id: 06-conflict-of-interest", "id: 06-conflicts"), f"{MEASURE}:3:5: id: the id must match the file name: '06-conflict-of-interest'"),
    "date in B.E.": (MEASURE, replace("start: 2024-10-01", "start: 2567-10-01"), f"{MEASURE}:11:10: period.start: 2567-10-01 is outside fiscal year 2568"),
    "nested 100,000 deep": (MEASURE, replace("units: [clerk-office]", "units: " + "[" * 100_000 + "clerk-office" + "]" * 100_000), f"{MEASURE}:9:39: lists or fields nested deeper than 32 levels"),
    "impossible date": (MEASURE, replace("start: 2024-10-01", "start: 2025-02-30"), f"{MEASURE}:11:10: 2025-02-30: there is no 30 February in 2025 (the month has 28 days)"),
    "saved as .yaml": (MEASURE, lambda path: path.rename(path.with_suffix(".yaml")), f"{MEASURE.removesuffix('.yml')}.yaml:1:1: this file is not read under this name; rename it 06-conflict-of-interest.yml"),
    "alias": (MEASURE, replace("units: [clerk-office]", "units: &u [clerk-office]\nextra: *u"), f"{MEASURE}:10:1: anchors and aliases"),
    "1 MB text field": (MEASURE, huge_text, f"{MEASURE}:8:7: title.en: this text is too long; split it into several entries (it has 1,048,576 characters; the limit is 10,000)"),
    "hostile link": (AGENCY, replace("website: https://www.muangpan.go.th/", "website: javascript:alert(1)"), f"{AGENCY}:11:10: website: a link must start with one of http://, https://, mailto:, tel:"),
    "unknown licence": (AGENCY, replace("website: https://www.muangpan.go.th/\n", "website: https://www.muangpan.go.th/\nlicence: CC-BY-5.0\n"), f"{AGENCY}:12:10: licence: unknown licence 'CC-BY-5.0'; use one of these ids: CC-BY-4.0"),
    "hostile contact link": (AGENCY, replace("    url: https://www.muangpan.go.th/\n  - kind: facebook", "    url: data:text/html,x\n  - kind: facebook"), f"{AGENCY}:18:10: contacts[0].url: a link must start with one of"),
}  # fmt: skip
# Rows that also go through the real build: one found while reading YAML, one by the models, one after scoring
END_TO_END = ["yaml syntax", "missing required field", "stated total disagrees"]


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    """A site built from good data, standing in for the one already published."""
    out = tmp_path_factory.mktemp("published")
    assert build_site(out).returncode == 0
    return out


@pytest.mark.parametrize("case", MISTAKES)
def test_mistake_is_reported_with_file_line_and_field(case, data_copy):
    """The pipeline the build runs (`prepare`, as the MkDocs hook calls it) names the place of the mistake."""
    file, damage, expected = MISTAKES[case]
    damage(data_copy.parent / file)
    with pytest.raises(DataError) as caught:
        prepare(data_copy, PROJECT)
    report = caught.value.report()
    assert any(line.startswith(expected) for line in report.splitlines()), report


@pytest.mark.build
@pytest.mark.parametrize("case", END_TO_END)
def test_mistake_stops_the_build_with_file_line_and_field(case, data_copy, published):
    file, damage, expected = MISTAKES[case]
    damage(data_copy.parent / file)
    before = tree_digest(published)
    started = time.monotonic()
    result = build_site(published, data_copy, env={"ITA_LANG": "en"})
    print(f"{case}: build stopped in {time.monotonic() - started:.2f} s")
    assert result.returncode != 0
    assert any(line.removeprefix("ERROR   -  ").startswith(expected) for line in result.stderr.splitlines()), (
        result.stderr
    )
    assert "Traceback" not in result.stderr
    assert tree_digest(published) == before


@pytest.mark.build
@pytest.mark.parametrize(
    ("case", "damage"),
    [
        ("byte-order mark", lambda path: path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())),
        ("thai digits", replace("  6: 98.57", '  6: "๙๘.๕๗"')),
        ("thai digits unquoted", replace("  6: 98.57", "  6: ๙๘.๕๗")),
    ],
)
def test_accepted_variants_build(case, damage, data_copy, tmp_path):
    damage(data_copy / "results" / "2568.yml")
    result = build_site(tmp_path / "site", data_copy)
    assert result.returncode == 0, result.stderr
    assert "98.57" in (tmp_path / "site/th/results/2568/index.html").read_text(encoding="utf-8")


@pytest.mark.build
def test_make_build_keeps_the_old_site_when_data_is_broken(tmp_path):
    """The real `make build`: a failed build leaves site/ byte for byte as it was."""
    tracked = subprocess.run(["git", "ls-files"], cwd=PROJECT, capture_output=True, text=True, check=True)
    project = tmp_path / "project"
    for name in tracked.stdout.splitlines():
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(PROJECT / name, project / name)
    # The copy borrows this project's venv as it is (-o): set up again there, it would install the copy in it
    make = ["make", "--no-print-directory", "-o", f"{PROJECT / '.venv'}/.runtime", "build", f"VENV={PROJECT / '.venv'}"]
    seed = project / DATA.relative_to(PROJECT)  # the tests' copy of the seed, not whatever data/ holds
    env = {**os.environ, "ITA_DATA_DIR": str(seed)}
    assert subprocess.run(make, cwd=project, env=env, capture_output=True).returncode == 0
    before = tree_digest(project / "site")
    replace("units: [clerk-office]", "units: [nobody]")(seed.parent / MEASURE)
    result = subprocess.run(make, cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode != 0
    where = (seed.parent / MEASURE).relative_to(project).as_posix()
    assert f"{where}:9:9: units[0]: ไม่รู้จักหน่วยงาน nobody หน่วยงานที่มีใน units.yml: " in result.stderr  # Thai first
    assert "Traceback" not in result.stderr
    assert tree_digest(project / "site") == before
