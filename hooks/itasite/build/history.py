"""The history of a data folder, from git: every commit that changed a file in it, newest first, so each page
can say when its own data last changed and the site can list what changed and when.

One `git log` call reads it all (dates, ids, subjects and the files of each commit, relative to the data
folder), and one `git cat-file --batch` each changed file as it was before and after its commit, so the site
can say what changed in the data's own terms rather than quote commit messages. Only commits count: changes
not yet committed are left out, so two builds of one commit are the same whatever else the working tree
holds, and an edit shows in the history once it is committed. Outside a git checkout, or for a folder git
does not track, the history is unavailable and the build goes on.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

RECORD, FIELD = "\x1e", "\x1f"  # separators git writes between commits and between a commit's fields
LOG = [
    "-c",
    "core.quotepath=false",  # Thai file names as they are, not octal escapes
    "-c",
    "log.showRoot=true",  # the first commit lists the files it added
    "log",
    "--no-merges",  # a merge lists no files of its own; the commits it brings in do
    "--no-renames",  # a renamed file is one removed and one added: both names matter to the pages
    "--relative",  # paths relative to the data folder, and only those inside it
    "--name-status",
    f"--format={RECORD}%H{FIELD}%h{FIELD}%cI{FIELD}%s",
    "--",
    ".",
]
LISTING = "/"  # a source ending so stands for which files a folder holds, not what they say
GONE_OR_NEW = ("A", "D")  # the statuses that change a folder's listing


@dataclass(frozen=True)
class Revision:
    """One file a commit changed, as text before and after it (None where it did not exist, or is not text)."""

    path: str
    before: str | None
    after: str | None


@dataclass(frozen=True)
class Change:
    """One commit that changed data files."""

    commit: str  # the full commit id: what identifies the change for good (feed entries)
    short: str  # the short id git shows
    time: str  # the commit time, ISO 8601 with its offset (as Atom wants it)
    subject: str  # the first line of the commit message
    files: tuple[str, ...]  # every data file it changed, relative to the data folder, sorted
    listed: tuple[str, ...]  # those of them it added or removed
    texts: tuple[Revision, ...] = ()  # each changed file before and after the commit

    @property
    def date(self) -> dt.date:
        """The day of the commit, in the committer's own time zone."""
        return dt.date.fromisoformat(self.time[:10])

    def touches(self, sources: Iterable[str] | None) -> bool:
        """Whether this commit changed any of `sources`: file paths relative to the data folder, or a folder
        ending in "/" for the files it holds (a file added or removed there); None stands for every file."""
        if sources is None:
            return True
        return any(
            any(path.startswith(source) for path in self.listed) if source.endswith(LISTING) else source in self.files
            for source in sources
        )


@dataclass(frozen=True)
class History:
    """The commits that changed the data folder, newest first; `available` is False without git history."""

    changes: tuple[Change, ...] = ()
    available: bool = False

    def last_change(self, sources: Iterable[str] | None) -> dt.date | None:
        """The date of the newest commit that changed any of `sources` (see Change.touches); None when the
        history is unavailable or no commit touched them."""
        wanted = None if sources is None else tuple(sources)
        return next((change.date for change in self.changes if change.touches(wanted)), None)


def parse_log(output: str) -> tuple[Change, ...]:
    """The commits of `git log` output written with LOG's format, in the order git gave them."""
    changes = []
    for record in output.split(RECORD)[1:]:
        header, _, body = record.partition("\n")
        commit, short, time, subject = header.split(FIELD, 3)
        statuses = [line.split("\t", 1) for line in body.splitlines() if "\t" in line]
        files = tuple(sorted({path for _, path in statuses}))
        listed = tuple(sorted({path for status, path in statuses if status[:1] in GONE_OR_NEW}))
        if files:
            changes.append(Change(commit, short, time, subject, files, listed))
    return tuple(changes)


def read_history(data_dir: Path) -> History:
    """The history of `data_dir` from one `git log`; unavailable outside a checkout, when git is missing, or
    when no commit holds the folder."""
    try:
        result = subprocess.run(
            ["git", *LOG], cwd=data_dir, capture_output=True, text=True, encoding="utf-8", timeout=60
        )
    except (OSError, subprocess.TimeoutExpired):
        return History()
    if result.returncode != 0:
        return History()
    changes = parse_log(result.stdout)
    texts = read_texts(data_dir, changes)
    if texts is None:
        return History()
    changes = tuple(replace(change, texts=texts[change.commit]) for change in changes)
    return History(changes, available=bool(changes))


def read_texts(data_dir: Path, changes: tuple[Change, ...]) -> dict[str, tuple[Revision, ...]] | None:
    """Every changed file of every commit before and after it, from one `git cat-file --batch`; None when git
    fails. Paths are given relative to the data folder (`./`), as the log lists them."""
    wanted = [(change, path) for change in changes for path in change.files]
    names = [name for change, path in wanted for name in (f"{change.commit}^:./{path}", f"{change.commit}:./{path}")]
    try:
        result = subprocess.run(
            ["git", "cat-file", "--batch"], cwd=data_dir, input="\n".join(names).encode() + b"\n",
            capture_output=True, timeout=120,
        )  # fmt: skip
    except (OSError, subprocess.TimeoutExpired):
        return None
    if result.returncode != 0:
        return None
    blobs = iter(parse_batch(result.stdout, len(names)))
    texts: dict[str, list[Revision]] = {change.commit: [] for change in changes}
    for change, path in wanted:
        texts[change.commit].append(Revision(path, next(blobs), next(blobs)))
    return {commit: tuple(revisions) for commit, revisions in texts.items()}


def parse_batch(output: bytes, count: int) -> list[str | None]:
    """The `count` objects of `git cat-file --batch` output in order: a blob's text, None for a missing object
    or one that is not UTF-8 text (a logo)."""
    found: list[str | None] = []
    at = 0
    for _ in range(count):
        end = output.index(b"\n", at)
        header = output[at:end].split(b" ")
        at = end + 1
        if header[-1] == b"missing":
            found.append(None)
            continue
        size = int(header[2])
        content = output[at : at + size]
        at += size + 1  # the blob and the newline after it
        try:
            found.append(content.decode("utf-8") if header[1] == b"blob" else None)
        except UnicodeDecodeError:
            found.append(None)
    return found
