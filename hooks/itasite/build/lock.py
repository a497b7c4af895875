"""One build or import at a time per folder, with a lock the operating system lets go of when its holder dies.

Two `make build` in one project, or an import while a build reads the data, would otherwise write one folder
from two processes and publish a site (or leave data) mixed from both. Each command holds a lock on the
folders it writes (exclusive) and on the data it reads (shared: two builds may read one data folder). The
lock file sits in the system's temporary folder, named after the folder's full path, so none ever lands in
the data, the project or a published site (build-all's sites sit side by side in one folder). A second
command that finds a folder held stops at once and names the first from what the first wrote into the lock
file: its command and process id. The lock is the kernel's (fcntl.flock on POSIX; msvcrt.locking on Windows,
where the clerk works, which has no shared lock, so there a reader holds it alone): a killed holder leaves
no stale lock; the file may stay, the lock does not.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import IO

WINDOWS_BYTE = 1 << 30  # msvcrt locks a byte range: one far past the holder's note, which others must read


class FolderBusy(Exception):
    """A folder another command holds: which folder, and who holds it (as its lock file says)."""

    def __init__(self, folder: Path, holder: str) -> None:
        super().__init__(folder, holder)
        self.folder = folder
        self.holder = holder or "?"

    def message(self) -> str:
        """What the clerk reads: the folder, the command that holds it, and what to do, Thai then English."""
        folder = self.folder.as_posix()
        return (
            f"{folder}: คำสั่งอื่นกำลังใช้โฟลเดอร์นี้อยู่ ({self.holder}) จึงไม่ได้ทำอะไรเลย"
            f" ให้รอจนคำสั่งนั้นเสร็จ (หรือปิดหน้าต่างของคำสั่งนั้น) แล้วสั่งใหม่\n"
            f"{folder}: another command is using this folder ({self.holder}), so nothing was done."
            " Wait until it ends (or close its window), then run this one again."
        )

    def __str__(self) -> str:
        return self.message()


def lock_file(folder: Path) -> Path:
    """Where the lock of `folder` lives: one file per full path (links resolved, so two names of one folder
    share it), outside the folder and outside anything that is published."""
    digest = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:24]
    return Path(tempfile.gettempdir()) / "itasite-locks" / f"{folder.resolve().name}-{digest}.lock"


@contextmanager
def holding(writes: Sequence[Path], reads: Sequence[Path] = (), command: str = "") -> Iterator[None]:
    """Hold the folders `writes` alone and `reads` shared with other readers for the `with` block; FolderBusy,
    before anything is done, when another command holds one of them."""
    note = f"{command or _command_line()}, PID {os.getpid()}"
    with ExitStack() as stack:
        for folder, shared in [*((f, False) for f in writes), *((f, True) for f in reads)]:
            handle = _opened(folder)
            if handle is None:
                continue
            stack.callback(handle.close)  # closing the file lets go of the lock
            if not _locked(handle, shared):
                raise FolderBusy(folder, _holder(handle))
            handle.seek(0)  # a reader writes too: a writer refused then names the last reader to come
            handle.truncate()
            handle.write(note.encode("utf-8", "replace"))
            handle.flush()
        yield


def run_holding(writes: Sequence[Path], reads: Sequence[Path], run: Callable[[], int]) -> int:
    """`run()` while holding the folders (as `holding`), and its exit status; when another command holds one,
    the message naming it on stderr and status 1, with `run` never started."""
    try:
        with holding(writes, reads):
            return run()
    except FolderBusy as busy:
        print(busy, file=sys.stderr)
        return 1


def _command_line() -> str:
    """This process's command as the clerk typed it (`python -m itasite build`, not the path of __main__.py)."""
    program = "python -m itasite" if sys.argv[0].endswith("__main__.py") else sys.argv[0]
    return " ".join([program, *sys.argv[1:]])


def _opened(folder: Path) -> IO[bytes] | None:
    """The lock file of `folder`, opened; None when the temporary folder cannot be written, where the command
    then runs unguarded rather than not at all (it guards against a mistake, not against an attacker)."""
    path = lock_file(folder)
    try:
        path.parent.mkdir(exist_ok=True)
        return path.open("a+b")  # bytes: Windows locks a byte range, which a text file's seek does not promise
    except OSError:
        return None


def _locked(handle: IO[bytes], shared: bool) -> bool:
    """Take the lock without waiting; False when another process holds it."""
    try:
        if sys.platform == "win32":
            import msvcrt

            handle.seek(WINDOWS_BYTE)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _holder(handle: IO[bytes]) -> str:
    """The command and process id the holder wrote into the lock file ('' when it has not written it yet)."""
    try:
        handle.seek(0)
        return handle.read(500).decode("utf-8", "replace").strip()
    except (OSError, ValueError):
        return ""
