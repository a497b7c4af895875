"""What one build can hand to the next, in the project's `.cache/itasite/` (as Material keeps `.cache/plugin/`).

Only work that depends on nothing but its own input is kept, under a key naming the code that did it, so a
stale or damaged file is simply ignored. A build with an empty cache gives the same bytes as with a full one,
and a cache that cannot be written (a read-only checkout) only means nothing is kept.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Mapping
from importlib.metadata import version
from pathlib import Path

from jinja2 import FileSystemBytecodeCache


def code_key(*modules: Path, packages: tuple[str, ...] = ()) -> str:
    """A key that changes whenever one of `modules` or an installed version of `packages` changes."""
    digest = hashlib.sha256()
    for module in modules:
        digest.update(module.read_bytes())
    for package in packages:
        digest.update(f"{package}=={version(package)}".encode())
    return digest.hexdigest()[:16]


def read_cache(path: Path, key: str) -> dict[str, object]:
    """The entries kept at `path` under `key`; empty when there are none, or they came from other code."""
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):  # RecursionError: a file nested thousands deep
        return {}
    if not isinstance(kept, dict) or kept.get("key") != key or not isinstance(kept.get("entries"), dict):
        return {}
    entries: dict[str, object] = kept["entries"]
    return entries


def write_cache(path: Path, key: str, entries: Mapping[str, object]) -> bool:
    """Keep `entries` at `path`; written aside and moved in, so a build running alongside reads all or nothing.
    False when the cache cannot be written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    except OSError:
        return False
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump({"key": key, "entries": entries}, out, ensure_ascii=False, separators=(",", ":"))
        os.replace(temporary, path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
        return False
    return True


def compiled_templates(cache: Path | None, environment: str) -> FileSystemBytecodeCache | None:
    """Where one Jinja environment keeps its compiled templates; Jinja checks each against its source. Each
    environment has its own folder: the code compiled depends on its settings, which Jinja's keys do not name."""
    if not cache:
        return None
    folder = cache / "templates" / environment
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(folder)) if os.access(folder, os.W_OK) else None
