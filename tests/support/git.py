"""A git repository of its own for a test: made, committed to at a chosen time, whatever git's own settings."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

# No user or system settings (signing, hooks, default branch names) reach the test's repository
ISOLATED = {"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
WHO = ["-c", "user.name=ITA Test", "-c", "user.email=ita@example.org", "-c", "commit.gpgsign=false"]


def git(repo: Path, *arguments: str, env: dict[str, str] | None = None) -> str:
    """Run one git command in `repo` and return its output; a failure fails the test with git's message."""
    result = subprocess.run(
        ["git", *WHO, *arguments],
        cwd=repo,
        env={**os.environ, **ISOLATED, **(env or {})},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def init_repo(repo: Path) -> Path:
    """An empty repository at `repo`."""
    repo.mkdir(parents=True, exist_ok=True)
    git(repo, "init", "-q", "-b", "main")
    return repo


def commit_all(repo: Path, message: str, when: str) -> str:
    """Commit everything in `repo` as made at `when` (ISO 8601 with an offset); return the commit id."""
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, env={"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when})
    return git(repo, "rev-parse", "HEAD").strip()
