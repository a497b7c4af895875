"""Changing a copy of the data, and fingerprinting a folder to prove it was left alone."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path


def replace(old: str, new: str) -> Callable[[Path], None]:
    """The edit that replaces the first `old` of a file by `new` (and fails if the file has no `old`)."""

    def change(path: Path) -> None:
        """Apply the edit to one file."""
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {path}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return change


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file and folder under `folder` by relative path, with the SHA-256 of each file's content."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "/"
        for path in sorted(folder.rglob("*"))
    }


def aa_to_f_scheme(scheme_id: str, first: int, last: int) -> str:
    """A levels.yml scheme of the AA–F levels (as the NACC's of 2563–2566) for the years `first`–`last`, to add
    under `schemes:` for a test of older years."""
    levels = (("aa", 95), ("a", 85), ("b", 75), ("c", 65), ("d", 55), ("e", 50), ("f", 0))
    lines = [f"  - id: {scheme_id}", f"    first_year: {first}", f"    last_year: {last}"]
    lines += ["    weights: {IIT: 30, EIT: 30, OIT: 40}", "    levels:"]
    lines += [f"      - {{id: {i}, name: {{th: {i.upper()}, en: {i.upper()}}}, min_total: {m}}}" for i, m in levels]
    lines.append("    source: {th: เกณฑ์ทดสอบ, en: a scheme for this test}")
    return "\n".join(lines) + "\n"
