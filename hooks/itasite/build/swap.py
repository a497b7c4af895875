"""A data folder replaced by a whole new copy of itself, so that a kill at any moment leaves it either as it
was or as the import (or upgrade) wanted it, never between.

`os.replace` is atomic for one file, not for the hundreds an import writes. So the new data is a whole copy
of the folder, made beside it (same filesystem, so every move is a rename) as `.data.writing`; once every
file is in it, it is renamed `.data.ready`: from that moment on it *is* the data. Then `data` is renamed
`.data.old`, `.data.ready` renamed `data`, and `.data.old` removed. A process killed between two renames
leaves the names that say how far it got, and `recover` (run before every write) finishes the move or rolls
it back:

    .writing          a copy not finished                      removed: data/ is as it was
    .ready and data   the copy finished, data not moved yet    .ready removed: data/ is as it was
    .ready, no data   killed between the two renames           .ready renamed data: the import is done
    .old and data     the swap done, the old copy not removed  .old removed
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

PAUSE = "ITA_PAUSE_AT"  # a step's name: the process stops there for a while (the kill tests' only way in)
PAUSE_SECONDS = 120


def beside(root: Path, what: str) -> Path:
    """The folder `.data.<what>` next to `data`: on the same filesystem, so moving it in is a rename."""
    return root.parent / f".{root.name}.{what}"


def pause_at(step: str) -> None:
    """Wait at `step` when ITA_PAUSE_AT names it, after saying so on stderr, so a test can kill the process at
    exactly that moment; nothing at all otherwise."""
    if os.environ.get(PAUSE) == step:
        print(f"paused at {step}", file=sys.stderr, flush=True)
        time.sleep(PAUSE_SECONDS)


def linked_copy(source: str, target: str) -> None:
    """A file of the copy as a hard link to the file in data/ (no byte copied, the same dates), or a real copy
    where the filesystem has no links. Safe because nothing is written into a file of the copy in place: a
    file the import writes is unlinked first (`fresh`), so the old data/ never changes through its link."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def fresh(path: Path) -> Path:
    """`path` in the copy with any link to the old file removed, ready to be written anew."""
    path.unlink(missing_ok=True)
    return path


def swap_in(scratch: Path, root: Path) -> None:
    """Put the finished copy `scratch` where `root` is, by renames only, and remove the old folder."""
    ready, old = beside(root, "ready"), beside(root, "old")
    scratch.rename(ready)  # the copy is whole: from here on it is the data, whatever happens
    pause_at("ready")
    if root.exists():
        root.rename(old)
    pause_at("moved")
    try:
        ready.rename(root)
    except OSError:  # (a folder Windows will not let go of): the old data back in its place, then the error
        if old.exists() and not root.exists():
            old.rename(root)
        raise
    pause_at("swapped")
    shutil.rmtree(old, ignore_errors=True)


def interrupted(root: Path) -> bool:
    """Whether a write of `root` was stopped and left a folder beside it for `recover`; checked without a
    lock, so that builds which read the data together need not hold it alone unless there is one."""
    return any(beside(root, what).exists() for what in ("writing", "ready", "old"))


def recover(root: Path) -> str | None:
    """Finish or roll back a write that was stopped (see the table above); "finished" when the interrupted
    import's data was put in place, "rolled_back" when data/ was kept as it was, None when nothing was left."""
    writing, ready, old = beside(root, "writing"), beside(root, "ready"), beside(root, "old")
    done = None
    if writing.exists():
        shutil.rmtree(writing)
        done = "rolled_back"
    if ready.exists():
        if root.exists():
            shutil.rmtree(ready)
            done = "rolled_back"
        else:
            ready.rename(root)
            done = "finished"
    if old.exists():
        if root.exists():
            shutil.rmtree(old)  # the swap was done; the data is the new one already
        else:
            old.rename(root)  # only if data/ was removed by hand meanwhile: the last whole folder is kept
            done = "rolled_back"
    return done
