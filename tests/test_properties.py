"""Properties over generated data: any valid data builds, and any damage is reported, never a traceback."""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from functools import cache
from io import StringIO
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.build import DATA, build_site

from itasite import cli
from itasite.data.examples import EXAMPLES
from itasite.pipeline import prepare
from itasite.site.locale import load_locale
from itasite.site.plan import plan_site
from itasite.site.render import PageRenderer

THAI = "กขคงจฉชซญดตถทนบปผพฟมยรลวศสหอฮะาิีึืุู่้๊๋ัเแโใไำ็์ๆ๐๑๙"
MARKUP = "<>&\"'*_[](){}#!-.:|\\`/"
DATA_BLOCK = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
HOSTILE = ["<script>alert(1)</script>", "</title><script>x</script>", "[x](javascript:alert(1))", "{#id}", "**b**"]
UNITS = ["all-divisions", "personnel", "finance", "clerk-office", "internal-audit", "administration"]

words = st.text(alphabet=st.sampled_from(list(THAI + MARKUP + "abcXYZ 0123456789\n")), min_size=1, max_size=60)
texts = st.one_of(words, st.sampled_from(HOSTILE), st.tuples(words, st.sampled_from(HOSTILE)).map("".join)).filter(
    lambda text: text.strip() and text.strip() not in EXAMPLES  # Hypothesis also draws the code's own constants
)
bilingual = st.fixed_dictionaries({"th": texts}, optional={"en": texts})
entries = st.lists(bilingual, min_size=1, max_size=3)
scores = st.decimals(min_value=0, max_value=100, places=2).map(str)


@st.composite
def new_year(draw) -> tuple[dict, list[dict]]:
    """Results for fiscal year 2569 and 1–3 measures of that year."""
    results = {"year": 2569, "scores": {n: draw(scores) for n in range(1, 11)}}
    measures = []
    for number in range(1, draw(st.integers(1, 3)) + 1):
        output = {**draw(bilingual), "items": draw(st.lists(bilingual, max_size=2))}
        measures.append(
            {
                "id": f"{number:02d}-generated",
                "year": 2569,
                "number": number,
                "title": draw(bilingual),
                "units": draw(st.lists(st.sampled_from(UNITS), min_size=1, max_size=2, unique=True)),
                "period": {"start": "2025-10-01", "end": "2026-09-30"},
                "indicators": draw(st.lists(st.integers(1, 10), min_size=1, max_size=3, unique=True)),
                "steps": draw(entries),
                "outputs": [output],
                "outcomes": draw(entries),
            }
        )
    return results, measures


def write_year(data: Path, results: dict, measures: list[dict]) -> list[Path]:
    """Add a generated year to a data folder; the files written, so they can be taken away again."""
    dump = {"allow_unicode": True, "sort_keys": False}
    (data / "measures/2569").mkdir()
    written = [data / "results/2569.yml", *(data / f"measures/2569/{m['id']}.yml" for m in measures)]
    for path, record in zip(written, [results, *measures], strict=True):
        path.write_text(yaml.safe_dump(record, **dump), encoding="utf-8")
    return written


@contextmanager
def data_with(results: dict, measures: list[dict]) -> Iterator[Path]:
    """A temporary copy of the seed data with a generated year added."""
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "data"
        shutil.copytree(DATA, data)
        write_year(data, results, measures)
        yield data


@cache
def renderer_for(lang: str) -> PageRenderer:
    """One renderer per language for every example: its templates are compiled once, not once per example."""
    return PageRenderer(load_locale(lang))


# The module's one data copy serves every example; each puts back what it changed
ONE_COPY = [HealthCheck.too_slow, HealthCheck.function_scoped_fixture]


@pytest.fixture(scope="module")
def damage_copy(tmp_path_factory) -> Path:
    """One copy of the seed data for every example: each adds a year or damages a file, and undoes it after."""
    data = tmp_path_factory.mktemp("damage") / "data"
    shutil.copytree(DATA, data)
    return data


@settings(max_examples=25, deadline=None, suppress_health_check=ONE_COPY)
@given(year=new_year())
def test_any_valid_data_renders_every_page_without_raw_markup(damage_copy, year):
    results, measures = year
    written = write_year(damage_copy, results, measures)
    try:
        scored = prepare(damage_copy, damage_copy.parent)
    finally:
        for path in written:
            path.unlink()
        (damage_copy / "measures/2569").rmdir()
    for lang in ("th", "en"):
        renderer = renderer_for(lang)
        for spec in plan_site(scored, renderer.locale).pages:
            markdown = renderer.render(spec.template, spec.src_uri, **spec.context)
            blocks = DATA_BLOCK.findall(markdown)  # schema.org data, whose `tojson` escapes every "<"
            assert all("<" not in block for block in blocks)
            markdown = DATA_BLOCK.sub("", markdown)
            assert "<script" not in markdown and "</title><script" not in markdown  # charts have their own <title>


@pytest.mark.build
@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(new_year())
def test_any_valid_data_builds_with_mkdocs(year):
    with data_with(*year) as data, tempfile.TemporaryDirectory() as out:
        result = build_site(Path(out), data)
        assert result.returncode == 0, result.stderr
        for html in Path(out).rglob("*.html"):
            assert "<script>alert" not in html.read_text(encoding="utf-8")


DATA_FILES = sorted(path.relative_to(DATA).as_posix() for path in DATA.rglob("*.yml"))
damage = st.lists(
    st.tuples(
        st.floats(0, 1),
        st.sampled_from(["delete", "insert", "replace"]),
        st.sampled_from(list(":-[]{}\t\n #&*'\"x๙\x00")),
    ),
    min_size=1,
    max_size=5,
)


def damaged(text: str, edits: list) -> str:
    """The text with each edit (delete, insert or replace one character at a relative place) applied."""
    for where, action, char in edits:
        at = int(where * len(text))
        if action == "delete":
            text = text[:at] + text[at + 1 :]
        elif action == "insert":
            text = text[:at] + char + text[at:]
        else:
            text = text[:at] + char + text[at + 1 :]
    return text


@settings(max_examples=120, deadline=None, suppress_health_check=ONE_COPY)
@given(name=st.sampled_from(DATA_FILES), edits=damage)
def test_any_damage_is_reported_never_a_traceback(damage_copy, name, edits):
    path = damage_copy / name
    original = path.read_bytes()
    path.write_text(damaged(original.decode("utf-8"), edits), encoding="utf-8")
    errors = StringIO()
    try:
        with redirect_stdout(StringIO()), redirect_stderr(errors):
            status = cli.main(["check", str(damage_copy)])
    finally:
        path.write_bytes(original)
    lines = errors.getvalue().splitlines()
    if status == 1:  # every problem is located: data/<file>:<line>:<column>: ...
        assert lines and all(re.match(r"^data/[\w/.-]+:\d+:\d+: ", line) for line in lines[:-1]), lines
        assert lines[-1].endswith("จึงยังไม่เผยแพร่")  # Thai unless English is asked for
    else:
        assert status == 0 and not lines
