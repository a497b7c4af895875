"""The project's own documents hold together: the README stays short enough for a newcomer, every relative link
of README.md, CONTRIBUTING.md and maintainers/*.md reaches a file that exists (and every #anchor a heading of
it, by GitHub's rules), the README links every maintainers' document, and every `make X` they name is a target
of the Makefile."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from support.build import PROJECT

README = PROJECT / "README.md"
README_MOST_LINES = 260  # a page a newcomer reads through; the rest belongs in maintainers/
MAINTAINERS = sorted((PROJECT / "maintainers").glob("*.md"))
DOCUMENTS = [README, PROJECT / "CONTRIBUTING.md", *MAINTAINERS]
FENCE = re.compile(r"^ *```.*?^ *```[^\n]*$", re.MULTILINE | re.DOTALL)
CODE_SPAN = re.compile(r"`[^`\n]*`")
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
HEADING = re.compile(r"^#{1,6} +(.+?) *#* *$", re.MULTILINE)
EXTERNAL = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)  # https:, mailto:, …: not a file of the project
MAKE = re.compile(r"(?:^|[\s(`;&|])make ([a-z][\w-]*)")
TARGET = re.compile(r"^([A-Za-z0-9_.][A-Za-z0-9_. /-]*):(?!=)", re.MULTILINE)
SLUG_KEEPS = "LMN"  # GitHub keeps letters (Thai vowel and tone marks included), marks and digits
SLUG_ALSO = {"-", "_", " "}


def prose(text: str) -> str:
    """The text without its fenced blocks and code spans, where a bracket or a `#` is code, not a link or a
    heading."""
    return CODE_SPAN.sub("", FENCE.sub("", text))


def code(text: str) -> str:
    """The text's fenced blocks and code spans, one a line: where a command such as `make test` is written."""
    blocks = FENCE.findall(text)
    spans = CODE_SPAN.findall(FENCE.sub("", text))
    return "\n".join(blocks + spans)


def slug(heading: str) -> str:
    """A heading's anchor as GitHub makes it: code marks dropped, lowercase, every character but letters,
    digits, '-', '_' and spaces dropped, each space a '-'."""
    text = heading.replace("`", "").lower()
    kept = "".join(c for c in text if unicodedata.category(c)[0] in SLUG_KEEPS or c in SLUG_ALSO)
    return kept.replace(" ", "-")


def anchors(text: str) -> set[str]:
    """Every anchor a document's headings give, a repeated heading numbered on as GitHub numbers it."""
    seen: dict[str, int] = {}
    found = set()
    for heading in HEADING.findall(prose(text)):
        base = slug(heading)
        found.add(f"{base}-{seen[base]}" if base in seen else base)
        seen[base] = seen.get(base, 0) + 1
    return found


def broken_links(document: Path) -> list[str]:
    """Every relative link of a document whose file does not exist, or whose #anchor no heading of that file
    gives; links to other sites are not followed."""
    problems = []
    for target in LINK.findall(prose(document.read_text(encoding="utf-8"))):
        if EXTERNAL.match(target):
            continue
        path, _, anchor = target.partition("#")
        file = (document.parent / path).resolve() if path else document
        if not file.exists():
            problems.append(f"{target}: no such file")
        elif anchor and file.suffix == ".md" and anchor not in anchors(file.read_text(encoding="utf-8")):
            problems.append(f"{target}: no heading gives #{anchor}")
    return problems


def make_targets_named(text: str) -> set[str]:
    """The targets of every `make X` written as code in a document (prose such as "make sure" is not one)."""
    return set(MAKE.findall(code(text)))


def makefile_targets() -> set[str]:
    """Every target the Makefile defines by name (a rule may define several at once)."""
    text = (PROJECT / "Makefile").read_text(encoding="utf-8")
    return {name for line in TARGET.findall(text) for name in line.split()}


@pytest.mark.parametrize(
    ("heading", "anchor"),
    [
        ("The data's licence", "the-datas-licence"),
        ("The catalogue (GD Catalog, data.go.th)", "the-catalogue-gd-catalog-datagoth"),
        ("Without make (Windows)", "without-make-windows"),
        ("`make test` and its tiers", "make-test-and-its-tiers"),
        ("Builds – over years", "builds--over-years"),
        ("Add an interface_string", "add-an-interface_string"),
        ("เพิ่มปีงบประมาณใหม่", "เพิ่มปีงบประมาณใหม่"),
    ],
)
def test_an_anchor_is_the_heading_as_github_writes_it(heading, anchor):
    assert slug(heading) == anchor


def test_a_repeated_heading_is_numbered_and_a_heading_in_code_is_none():
    text = "# Setup\n\n## Setup\n\n```nginx\n# The site under /ita/\n```\n"
    assert anchors(text) == {"setup", "setup-1"}


@pytest.mark.parametrize(
    ("text", "problems"),
    [
        ("[data](other.md) [heading](other.md#the-heading) [here](#here)\n\n## Here\n", []),
        ("[web](https://example.org/none.md) [mail](mailto:a@example.org)\n", []),
        ("`[not a link](missing.md)`\n\n```\n[nor this](missing.md)\n```\n", []),
        ("[folder](.)\n", []),
        ("[gone](missing.md)\n", ["missing.md: no such file"]),
        ("[gone](#nowhere)\n", ["#nowhere: no heading gives #nowhere"]),
        ("[gone](other.md#nowhere)\n", ["other.md#nowhere: no heading gives #nowhere"]),
    ],
)
def test_the_link_check_finds_what_is_broken(tmp_path, text, problems):
    (tmp_path / "other.md").write_text("# The heading\n", encoding="utf-8")
    document = tmp_path / "doc.md"
    document.write_text(text, encoding="utf-8")
    assert broken_links(document) == problems


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        ("```sh\nmake build   # both languages\nmake test\n```\n", {"build", "test"}),
        ("`make build-all AGENCIES=x`, `SITE_URL=x make build`, (`time make check`)", {"build-all", "build", "check"}),
        ("we make sure the make of it holds", set()),
    ],
)
def test_the_make_commands_of_a_document_are_found(text, targets):
    assert make_targets_named(text) == targets


def test_the_makefile_targets_are_read():
    assert {"build", "serve", "serve-en", "test", "test-fast", "template", "export", "help"} <= makefile_targets()


def test_the_readme_is_short():
    lines = README.read_text(encoding="utf-8").count("\n")
    assert lines <= README_MOST_LINES, f"README.md has {lines} lines; move detail into maintainers/"


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: path.relative_to(PROJECT).as_posix())
def test_every_link_reaches_a_file_and_a_heading(document):
    assert broken_links(document) == []


def test_the_readme_links_every_maintainers_document():
    assert MAINTAINERS, "maintainers/ holds no document"
    links = LINK.findall(prose(README.read_text(encoding="utf-8")))
    linked = {(PROJECT / link.partition("#")[0]).resolve() for link in links}
    unlinked = [path.name for path in MAINTAINERS if path.resolve() not in linked]
    assert unlinked == [], "link each from README.md's 'Where to go next' with a line of what it holds"


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: path.relative_to(PROJECT).as_posix())
def test_every_make_target_named_is_in_the_makefile(document):
    named = make_targets_named(document.read_text(encoding="utf-8"))
    assert sorted(named - makefile_targets()) == []
