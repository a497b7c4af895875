"""The site engine's command line: the one place besides `hooks/mkdocs_hooks.py` that names MkDocs.

Each language is its own MkDocs build (`mkdocs.yml` for the first language, `mkdocs.<lang>.yml`, which
INHERITs it, for the others). Builds run as child processes of the same Python, so the hooks start fresh for
every language and the commands work wherever Python runs, Windows included. Moving to another engine means
changing these command lines and the hook module, nothing else.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

ENGINE = (sys.executable, "-m", "mkdocs")
QUIET = {"NO_MKDOCS_2_WARNING": "1"}  # MkDocs 1.6.1 otherwise prints a notice about 2.0 on every run
FIRST_PORT = 8000  # `serve` of the first language; each next language the next port


def config_file(project: Path, languages: Sequence[str], lang: str) -> Path:
    """The config that builds one language."""
    return project / ("mkdocs.yml" if lang == languages[0] else f"mkdocs.{lang}.yml")


def _run(arguments: Sequence[str], project: Path, env: Mapping[str, str]) -> int:
    """Run the engine in the project folder and return its exit status; its messages go to the console."""
    return subprocess.run([*ENGINE, *arguments], cwd=project, env={**os.environ, **QUIET, **env}).returncode


def build_languages(project: Path, languages: Sequence[str], out: Path, env: Mapping[str, str]) -> int:
    """Build every language into `out/<lang>`; stop at the first that fails and return its status."""
    for lang in languages:
        config = config_file(project, languages, lang)
        status = _run(["build", "--strict", "--quiet", "-f", str(config), "-d", str(out / lang)], project, env)
        if status:
            return status
    return 0


def serve_language(
    project: Path, languages: Sequence[str], lang: str, env: Mapping[str, str], port: int | None = None
) -> int:
    """Live preview of one language on 127.0.0.1, reloading when data, docs, hooks or overrides change."""
    port = port or FIRST_PORT + list(languages).index(lang)
    arguments = ["serve", "-f", str(config_file(project, languages, lang)), "-a", f"127.0.0.1:{port}"]
    server = subprocess.Popen([*ENGINE, *arguments], cwd=project, env={**os.environ, **QUIET, **env})
    # Ctrl+C reaches both processes; a preview stopped by a service manager or a test gets SIGTERM alone, and
    # its engine would otherwise go on serving the port with no one to stop it.
    previous = signal.signal(signal.SIGTERM, lambda *_: server.terminate())
    try:
        return server.wait()
    finally:
        signal.signal(signal.SIGTERM, previous)


def replace_folder(new: Path, old: Path) -> None:
    """Put a finished build where the published one was, so a failed build never leaves half a site."""
    if old.exists():
        shutil.rmtree(old)
    new.replace(old)
