"""The shape of the package: stages import only the stages below them, modules stay small and say why they
exist, only the hook knows MkDocs, and overrides/ holds Material overrides only."""

from __future__ import annotations

import ast
import functools
import re
from pathlib import Path

import pytest
from support.site import built_text

from conftest import PROJECT

PACKAGE = PROJECT / "hooks/itasite"
HOOK = PROJECT / "hooks/mkdocs_hooks.py"
# Stages from the bottom up: a module may import its own stage and the ones before it, never one after.
STAGES = [
    "numbers",
    "build",
    "search",
    "data",
    "scoring",
    "stated",
    "site",
    "pipeline",
    "importer",
    "arguments",
    "cli",
    "__main__",
]
MAX_LINES = 300
# What Material reads from a custom_dir; anything else there would be copied into the site as a file.
THEME_OVERRIDES = re.compile(
    r"^(main\.html|print\.html|404\.html|sitemap\.xml|partials/[\w-]+\.html|assets/stylesheets/[\w-]+\.css)$"
)
UNRENDERED = re.compile(r"\{%-?\s|\{\{-?\s|\{#-?\s|\{##")


@functools.cache  # asked once for every import of every module
def modules() -> dict[str, Path]:
    """Every module of the package by dotted name below `itasite` (data.checks, scoring, ...)."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts) or "__init__"] = path
    return found


def imports_of(name: str, path: Path) -> set[str]:
    """The package modules `name` imports, resolved to dotted names below `itasite`."""
    package = name.split(".")[:-1] if path.name != "__init__.py" else name.split(".")
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = [*base, *(node.module.split(".") if node.module else [])]
            elif node.module and node.module.startswith("itasite"):
                target = node.module.split(".")[1:]
            else:
                continue
            for alias in node.names:
                candidate = ".".join([*target, alias.name])
                found.add(candidate if candidate in modules() else ".".join(target))
    return {module for module in found if module and module in modules()}


def stage_of(name: str) -> int:
    """Where a module's stage stands in STAGES; the package docstring module stands apart."""
    return STAGES.index(name.split(".")[0])


GRAPH = {name: imports_of(name, path) for name, path in modules().items() if name != "__init__"}


@pytest.mark.parametrize("name", sorted(GRAPH))
def test_a_module_imports_only_its_own_stage_and_those_below(name):
    upward = [other for other in GRAPH[name] if other != "__init__" and stage_of(other) > stage_of(name)]
    assert not upward, f"itasite.{name} imports a later stage: {upward}"


def test_there_are_no_import_cycles():
    def cycle_from(start: str, path: list[str]) -> list[str] | None:
        """A chain of imports that leads back to `start`, if there is one."""
        for other in sorted(GRAPH.get(path[-1], ())):
            if other == start:
                return [*path, other]
            if other not in path and (found := cycle_from(start, [*path, other])):
                return found
        return None

    cycles = [cycle for name in GRAPH if (cycle := cycle_from(name, [name]))]
    assert not cycles, " → ".join(cycles[0])


def test_the_stage_graph_sees_the_imports():
    """Guards the two tests above: a parser that found nothing would let every import through."""
    assert {"data.dataset", "data.sources", "data.models"} <= GRAPH["scoring"] | GRAPH["data.dataset"]
    assert "pipeline" in GRAPH["cli"] and "search.thai" in GRAPH["search.index"]


@pytest.mark.parametrize("name", sorted(modules()))
def test_only_the_hook_knows_mkdocs(name):
    tree = ast.parse(modules()[name].read_text(encoding="utf-8"))
    named = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    named |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert not {module for module in named if module.split(".")[0] in ("mkdocs", "material")}


@pytest.mark.parametrize("path", [*modules().values(), HOOK], ids=lambda path: path.relative_to(PROJECT).as_posix())
def test_modules_stay_small(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(PROJECT)} has {lines} lines; split it by what its parts do"


@pytest.mark.parametrize("path", [*modules().values(), HOOK], ids=lambda path: path.relative_to(PROJECT).as_posix())
def test_every_module_and_function_says_why_it_exists(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert ast.get_docstring(tree), f"{path.relative_to(PROJECT)} has no module docstring"
    functions = [node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)]
    missing = [
        f"{node.name} (line {node.lineno})"
        for node in functions
        if not ast.get_docstring(node) and not (node.name.startswith("__") and node.name.endswith("__"))
    ]  # special methods (__init__, __str__) are explained by their class
    assert not missing, f"{path.relative_to(PROJECT)}: no docstring on {', '.join(missing)}"


def test_overrides_hold_material_overrides_only():
    files = [path.relative_to(PROJECT / "overrides").as_posix() for path in (PROJECT / "overrides").rglob("*")]
    strays = [name for name in files if (PROJECT / "overrides" / name).is_file() and not THEME_OVERRIDES.match(name)]
    assert not strays, f"not Material theme overrides (move them beside the code that uses them): {strays}"


def test_no_built_file_holds_template_syntax(seed_site):
    """Template source copied as a file (robots.txt once was) would show raw Jinja to readers and crawlers."""
    leaks = []
    for path in sorted(seed_site.rglob("*")):
        if path.suffix in (".html", ".txt", ".xml", ".css", ".json", ".csv", ".svg"):
            text = built_text(path)
            if UNRENDERED.search(text):
                leaks.append(path.relative_to(seed_site).as_posix())
    assert not leaks, leaks
    assert (seed_site / "robots.txt").read_text(encoding="utf-8").startswith("User-agent: *")
    assert not (seed_site / "th/robots.txt").exists()
