"""The supply chain is pinned: actions by commit, Python packages by hash, npm packages by the lock file, and
Dependabot watches all three. (actionlint on the workflows: tests/test_publishing.py.)"""

from __future__ import annotations

import json
import re

import pytest
import yaml
from support.build import PROJECT

WORKFLOWS = sorted((PROJECT / ".github/workflows").glob("*.yml"))
# owner/repo[/path]@<40 hex> # v<version>: a tag or a branch can be moved to other code, a commit cannot
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}$")
COMMENT = re.compile(r"@[0-9a-f]{40} # v\d+(\.\d+)*$")
REQUIREMENTS = ["requirements", "requirements-test", "requirements-forks"]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", re.MULTILINE)


def unpinned(workflow_text: str) -> list[str]:
    """Every `uses:` of a workflow (steps and reusable workflows) not by full commit SHA with its version."""
    workflow = yaml.safe_load(workflow_text)
    uses = [job["uses"] for job in workflow["jobs"].values() if "uses" in job]
    uses += [step["uses"] for job in workflow["jobs"].values() for step in job.get("steps", []) if "uses" in step]
    lines = [line.strip() for line in workflow_text.splitlines() if re.match(r"\s*(- )?uses:", line)]
    bad = [use for use in uses if not use.startswith("./") and not PINNED.match(use)]
    bad += [line for line in lines if "@" in line and not COMMENT.search(line)]
    return bad


def normal(name: str) -> str:
    """A package name as PyPI compares them."""
    return re.sub(r"[-_.]+", "-", name).lower()


def test_the_check_catches_tags_and_branches():
    steps = ["actions/checkout@v5", "actions/checkout@main", "actions/checkout@fbc6f39 # v5.1.0"]
    for step in steps:
        assert unpinned(f"on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: {step}\n"), step
    sha = "actions/checkout@fbc6f3992d24b796d5a048ff273f7fcc4a7b6c09"
    assert unpinned(f"on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: {sha}\n")  # no version
    assert not unpinned(f"on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: {sha} # v5.1.0\n")


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_every_action_is_pinned_by_commit(workflow):
    text = workflow.read_text(encoding="utf-8")
    assert "uses:" in text
    assert unpinned(text) == [], "pin each action by its commit: uses: owner/repo@<40 hex> # vX.Y.Z"


@pytest.mark.parametrize("name", REQUIREMENTS)
def test_python_requirements_are_hashed_and_match_their_pins(name):
    """requirements*.txt (written by `make lock`) pins exactly what requirements*.in pins, each with hashes."""
    locked_text = (PROJECT / f"{name}.txt").read_text(encoding="utf-8")
    entries = re.split(r"\n(?=[A-Za-z0-9])", locked_text.split("\n", 2)[2])  # one entry per package
    locked = {}
    for entry in entries:
        match = PIN.match(entry)
        assert match, f"{name}.txt: not an exact pin: {entry[:60]}"
        assert "--hash=sha256:" in entry, f"{name}.txt: {match[1]} has no hash"
        locked[normal(match[1])] = match[2]
    pins = {}
    for source in [f"{name}.in", *(["requirements.in"] if name == "requirements-test" else [])]:
        pins.update({normal(n): v for n, v in PIN.findall((PROJECT / source).read_text(encoding="utf-8"))})
    stale = {n: (v, locked.get(n)) for n, v in pins.items() if locked.get(n) != v}
    assert not stale, f"run `make lock`: {name}.in and {name}.txt differ: {stale}"
    assert set(locked) == set(pins), f"pin these in {name}.in too: {sorted(set(locked) - set(pins))}"


def test_make_installs_every_requirement_file_with_hashes():
    makefile = (PROJECT / "Makefile").read_text(encoding="utf-8").replace("\\\n", " ")
    for name in REQUIREMENTS:
        installs = [line for line in makefile.splitlines() if f"-r {name}.txt" in line]
        assert installs and all("--require-hashes" in line for line in installs), name
    assert re.search(r"--no-deps -e \.", makefile)  # the project itself, apart from the hashed install
    assert "npm ci" in makefile and "npm install" not in makefile


def test_npm_packages_are_exact_and_locked():
    package = json.loads((PROJECT / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((PROJECT / "package-lock.json").read_text(encoding="utf-8"))
    for name, version in package["devDependencies"].items():
        assert re.fullmatch(r"\d+\.\d+\.\d+", version), f"{name}: pin an exact version, not {version}"
        assert lock["packages"][f"node_modules/{name}"]["version"] == version
    for path, entry in lock["packages"].items():
        if path:
            assert entry.get("integrity", "").startswith("sha512-"), path


def test_dependabot_watches_actions_python_and_npm():
    config = yaml.safe_load((PROJECT / ".github/dependabot.yml").read_text(encoding="utf-8"))
    assert config["version"] == 2
    ecosystems = {update["package-ecosystem"] for update in config["updates"]}
    assert ecosystems == {"github-actions", "pip", "npm"}
