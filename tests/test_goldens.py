"""Goldens: the Markdown of every generated page of the second agency's site (tests/fixtures/agency-b), in
both languages, compared whole with tests/goldens/agency-b/<lang>/<page>. A change to a template or to what
the pipeline gives it shows up here as a text diff. Once the change is intended, rewrite the goldens with
`make goldens` (the same as `.venv/bin/pytest tests/test_goldens.py --update-goldens`) and commit them."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from support.build import PROJECT

from itasite.pipeline import plan, prepare
from itasite.scoring import ScoredDataset
from itasite.site.locale import load_locale
from itasite.site.render import PageRenderer

FIXTURE = PROJECT / "tests/fixtures/agency-b/data"
GOLDENS = PROJECT / "tests/goldens/agency-b"


@pytest.fixture(scope="module")
def scored() -> ScoredDataset:
    """The second agency's data, checked and scored, as the build prepares it."""
    return prepare(FIXTURE, PROJECT)


def rendered(scored: ScoredDataset, lang: str) -> dict[str, str]:
    """The Markdown of every page of one language's plan, by source path (no data history: no last change)."""
    locale = load_locale(lang)
    renderer = PageRenderer(locale)
    return {
        spec.src_uri: renderer.render(spec.template, spec.src_uri, **spec.context)
        for spec in plan(scored, locale, last_change=None).pages
    }


def on_disk(folder: Path) -> dict[str, str]:
    """Every golden file under `folder`, by path relative to it, read as bytes so line endings count."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes().decode("utf-8")
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def rewrite(folder: Path, pages: dict[str, str]) -> None:
    """Make `folder` hold exactly `pages`: write each one, remove files (and folders) no page has any more."""
    for name in on_disk(folder).keys() - pages.keys():
        (folder / name).unlink()
    for name, markdown in pages.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(markdown.encode("utf-8"))
    for path in sorted(folder.rglob("*"), reverse=True):
        if path.is_dir() and not any(path.iterdir()):
            path.rmdir()


@pytest.mark.parametrize("lang", ["th", "en"])
def test_generated_markdown_matches_the_goldens(scored, lang, request):
    """Each page's Markdown equals its golden file; no page lacks one and no golden is left over."""
    pages = rendered(scored, lang)
    folder = GOLDENS / lang
    if request.config.getoption("update_goldens"):
        rewrite(folder, pages)
    goldens = on_disk(folder)
    where = folder.relative_to(PROJECT).as_posix()
    problems = [f"no golden file for the page: {where}/{name}" for name in sorted(pages.keys() - goldens.keys())]
    problems += [f"golden file of no page: {where}/{name}" for name in sorted(goldens.keys() - pages.keys())]
    for name in sorted(pages.keys() & goldens.keys()):
        if pages[name] != goldens[name]:
            diff = difflib.unified_diff(
                goldens[name].splitlines(keepends=True),
                pages[name].splitlines(keepends=True),
                fromfile=f"{where}/{name} (golden)",
                tofile=f"{where}/{name} (rendered now)",
            )
            problems.append("".join(diff))
    if problems:
        pytest.fail(
            "\n".join(problems) + "\nIf the change is intended, run `make goldens` and commit tests/goldens/.",
            pytrace=False,
        )
    assert len(pages) >= 9  # home, measures, results, methodology, about, downloads, 2 measures, 1 year
