"""What lies in the data folder besides what the reader reads: links, misnamed files and strays, each a problem.

The reader reads a fixed set of names (dataset.py), so a measure saved as `.yaml`, `.YML` or `.yml.txt` (what
Notepad writes) would leave the site without it and without a word. Every entry of the folder is therefore either
read, or allowed by the tables below, or a problem naming it and, where it can be guessed, the name it should
have. A symbolic link is never followed: a link to a file outside the data (`/etc/passwd`) would be read or
published as if it were data.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path, PurePosixPath

from .messages import Bilingual
from .problems import Problem, message, relative

# The files the top of the folder may hold: the shared files the reader reads, and the glossary the tests
# check the texts against. An image of the logo's kinds may stand beside them (only the one agency.yml names
# is published).
TOP_FILES = ("agency.yml", "units.yml", "indicators.yml", "levels.yml", "national.yml", "oit.yml", "glossary.yml")
TOP_IMAGES = (".svg", ".png")
# Notes any folder may keep, which nobody mistakes for data, and what Windows and macOS leave in a folder by
# themselves (never read, never published).
NOTES = ("README.md", ".gitkeep", "desktop.ini", "Thumbs.db", ".DS_Store")
# The folders of records, each with the name its files take (for the message of a file that is not read).
YEAR_FOLDERS = {"results": "YYYY.yml", "reports": "YYYY.yml", "disclosure": "YYYY.yml"}
MEASURES = "measures"  # measures/YYYY/NN-slug.yml
MEASURE_FILE = "measures/YYYY/NN-slug.yml"
FREE_FOLDER = "disclosure/files"  # the register's own files: any name; each is checked where the register names it
YAML_SUFFIXES = (".yml", ".yaml")
NOTEPAD_SUFFIX = ".txt"  # Notepad's "Save as" adds it to `03-x.yml`


def _yaml_name(name: str) -> str | None:
    """The name a file that looks like YAML should have (`x.yml`), or None when it does not look like YAML."""
    if name.lower().endswith(NOTEPAD_SUFFIX):
        name = name[: -len(NOTEPAD_SUFFIX)]
    stem, suffix = os.path.splitext(name)
    return stem + ".yml" if suffix.lower() in YAML_SUFFIXES and stem else None


def _top_file(name: str) -> tuple[str, object] | None:
    """At the top of the folder: None for a file the reader reads or allows, else a message code and its value."""
    if name in TOP_FILES or name in NOTES or os.path.splitext(name)[1] in TOP_IMAGES:
        return None
    fixed = (_yaml_name(name) or name).lower()
    if fixed in TOP_FILES:
        return "file_misnamed", fixed
    return "file_stray", Bilingual("ไฟล์ " + ", ".join(TOP_FILES), "the files " + ", ".join(TOP_FILES))


def _record_file(name: str, expected: str) -> tuple[str, object] | None:
    """In a folder of records: None for a `.yml` file (which the reader reads), else a message code and its value."""
    if name.endswith(".yml") or name in NOTES:
        return None
    fixed = _yaml_name(name)
    if fixed and fixed != name:
        return "file_misnamed", fixed
    return "file_stray", Bilingual(f"ไฟล์ชื่อแบบ {expected}", f"files named {expected}")


def _file(parts: tuple[str, ...]) -> tuple[str, object] | None:
    """Whether the reader reads a file at `parts` under the data folder: None if it does or may ignore it, else
    what is wrong with it."""
    name = parts[-1]
    if len(parts) == 1:
        return _top_file(name)
    if parts[0] in YEAR_FOLDERS and len(parts) == 2:
        return _record_file(name, YEAR_FOLDERS[parts[0]])
    if parts[0] == MEASURES and len(parts) == 3:
        return _record_file(name, "NN-slug.yml")
    if name in NOTES:
        return None
    return "file_stray", Bilingual(f"ไฟล์ชื่อแบบ {MEASURE_FILE}", f"files named {MEASURE_FILE}")


def _folder(parts: tuple[str, ...]) -> tuple[str, object] | None:
    """Whether the reader looks into a folder at `parts`: None if it does, else what is wrong with it."""
    known = (*YEAR_FOLDERS, MEASURES)
    if len(parts) == 1 and parts[0] in known:
        return None
    if len(parts) == 1 and parts[0].lower() in known:
        return "folder_misnamed", parts[0].lower()
    if parts[0] == MEASURES and len(parts) == 2:
        return None  # a year's measures; the checks compare the year with the records
    return "folder_stray", ", ".join(f"{name}/" for name in known)


def layout_problems(root: Path, project: Path, logo: str | None = None) -> list[Problem]:
    """A problem at every link, every entry that is not a plain file or folder, and every file or folder the
    reader would not read, under `root`. The logo agency.yml names is checked with agency.yml (lookup_checks)."""
    problems = []
    for folder, folders, files in os.walk(root, followlinks=False):
        here = Path(folder)
        refused: set[str] = set()  # links and folders not read: nothing under them is looked at
        for name in sorted([*folders, *files]):
            path = here / name
            parts = PurePosixPath(path.relative_to(root).as_posix()).parts
            where = relative(path, project)
            mode = path.lstat().st_mode
            if "/".join(parts[:2]) == FREE_FOLDER and len(parts) > 2 and not stat.S_ISLNK(mode):
                continue  # the register's files: each checked where the register names it
            if len(parts) == 1 and name == logo:
                continue
            if stat.S_ISLNK(mode):
                problems.append(Problem(where, 1, 1, "", (message("file_link"),)))
                refused.add(name)
                continue
            if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
                problems.append(Problem(where, 1, 1, "", (message("file_not_regular"),)))
                continue
            if stat.S_ISDIR(mode) and "/".join(parts) == FREE_FOLDER:
                continue
            wrong = _folder(parts) if stat.S_ISDIR(mode) else _file(parts)
            if wrong:
                code, value = wrong
                problems.append(Problem(where, 1, 1, "", (message(code, name=value),)))
                refused.add(name)
        folders[:] = [name for name in folders if name not in refused]
    return problems


def linked(path: Path, root: Path) -> bool:
    """Whether `path`, or a folder between it and `root`, is a symbolic link: then nothing is read through it."""
    try:
        steps = path.relative_to(root).parts
    except ValueError:
        return True
    return any((root / Path(*steps[: n + 1])).is_symlink() for n in range(len(steps)))
