"""The site engine's command line: the one place besides `hooks/mkdocs_hooks.py` that names MkDocs.

Each language is its own MkDocs build (`mkdocs.yml` for the first language, `mkdocs.<lang>.yml`, which
INHERITs it, for the others). Builds run as child processes, so the hooks start fresh for every language and
the commands work wherever Python runs, Windows included. Two engines build the same site from the same
files: `material` (MkDocs 1.6 and Material 9.x, with the same Python) and `forks` (ProperDocs and MaterialX,
with the Python of .venv-forks, from a config written from the project's own: build/forks.py).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from .csp import content_security_policy
from .forks import forks_config, forks_python
from .lock import run_holding
from .swap import interrupted, recover

ENGINES = ("material", "forks")  # the first is the default
QUIET = {"NO_MKDOCS_2_WARNING": "1"}  # MkDocs 1.6.1 otherwise prints a notice about 2.0 on every run
FIRST_PORT = 8000  # `serve` of the first language; each next language the next port
CSP_FILE = "content-security-policy.txt"
# What a build says when an import was killed before it (these words are the import's own, data/messages)
RECOVERED_TH = "การนำเข้าครั้งก่อนถูกหยุดกลางคันหลังเขียนไฟล์ครบแล้ว จึงนำข้อมูลที่นำเข้าครั้งนั้นมาใช้ให้ครบ ให้ตรวจผลด้วย make check"
RECOVERED_EN = "the last import was stopped after all its files were written, so its data was put in place"
ROLLED_BACK_TH = "การนำเข้าครั้งก่อนถูกหยุดกลางคันก่อนเขียนเสร็จ จึงคืนข้อมูลเป็นอย่างเดิมก่อนการนำเข้าครั้งนั้น (ไม่มีไฟล์ใดเปลี่ยน)"
ROLLED_BACK_EN = "the last import was stopped before it was finished, so the data was kept as it was before it"


def command(project: Path, engine: str = ENGINES[0]) -> tuple[str, ...]:
    """The command line that runs one engine: MkDocs with this Python, or ProperDocs with the forks' venv's."""
    if engine == "material":
        return (sys.executable, "-m", "mkdocs")
    return (str(forks_python(project)), "-m", "properdocs")


def missing(project: Path, engine: str) -> bool:
    """Whether the engine is not installed, which is then said, with how to install it, in both languages."""
    python = Path(command(project, engine)[0])
    if python.is_file():
        return False
    venv = python.parent.parent.name
    print(f"ไม่พบ {venv}: ให้ติดตั้งด้วย `make forks`\n{venv} is not installed: run `make forks`.", file=sys.stderr)
    return True


def config_file(project: Path, languages: Sequence[str], lang: str, engine: str = ENGINES[0]) -> Path:
    """The config that builds one language with `engine` (for the forks, written from the project's own)."""
    config = project / ("mkdocs.yml" if lang == languages[0] else f"mkdocs.{lang}.yml")
    return config if engine == "material" else forks_config(config)


def build_languages(
    project: Path, languages: Sequence[str], out: Path, env: Mapping[str, str], engine: str = ENGINES[0]
) -> int:
    """Build every language into `out/<lang>`; stop at the first that fails and return its status."""
    if missing(project, engine):
        return 1
    for lang in languages:
        config = config_file(project, languages, lang, engine)
        arguments = [
            *command(project, engine),
            "build",
            "--strict",
            "--quiet",
            "-f",
            str(config),
            "-d",
            str(out / lang),
        ]
        status = subprocess.run(arguments, cwd=project, env={**os.environ, **QUIET, **env}).returncode
        if status:
            return status
    return 0


def serve_language(
    project: Path,
    languages: Sequence[str],
    lang: str,
    env: Mapping[str, str],
    port: int | None = None,
    engine: str = ENGINES[0],
) -> int:
    """Live preview of one language on 127.0.0.1, reloading when data, docs, hooks or overrides change."""
    if missing(project, engine):
        return 1
    port = port or FIRST_PORT + list(languages).index(lang)
    # `serve` builds into a temporary folder of its own, never site/: a build while it runs publishes as alone
    arguments = ["serve", "-f", str(config_file(project, languages, lang, engine)), "-a", f"127.0.0.1:{port}"]
    server = subprocess.Popen([*command(project, engine), *arguments], cwd=project, env={**os.environ, **QUIET, **env})
    # Ctrl+C reaches both processes; a preview stopped by a service manager or a test gets SIGTERM alone, and
    # its engine would otherwise go on serving the port with no one to stop it.
    previous = signal.signal(signal.SIGTERM, lambda *_: server.terminate())
    try:
        return server.wait()
    finally:
        signal.signal(signal.SIGTERM, previous)


def publish(project: Path, languages: Sequence[str], out: Path, data: Path, env: Mapping[str, str], engine: str) -> int:
    """Build every language aside, add the CSP header, then replace the published folder in one move; all of
    it holding `out` alone and `data` shared (lock.py), so a second build or an import meanwhile stops at once,
    naming this one, instead of mixing its files into this one's."""
    if interrupted(data.resolve()) and run_holding([data], [], lambda: _recovered(data)):
        return 1
    return run_holding([out], [data], lambda: _published(project, languages, out, env, engine))


def _recovered(data: Path) -> int:
    """Finish or roll back an import killed while it swapped data/ in (swap.py), and say so, so the build reads
    whole data rather than none; 0 always (the data folder is held alone meanwhile)."""
    done = recover(data.resolve())
    if done == "finished":
        print(f"{data.as_posix()}: {RECOVERED_TH}\n{data.as_posix()}: {RECOVERED_EN}", file=sys.stderr)
    elif done:
        print(f"{data.as_posix()}: {ROLLED_BACK_TH}\n{data.as_posix()}: {ROLLED_BACK_EN}", file=sys.stderr)
    return 0


def _published(project: Path, languages: Sequence[str], out: Path, env: Mapping[str, str], engine: str) -> int:
    """The build of `publish`, once its folders are held."""
    scratch = out.with_name(f".{out.name}-tmp")  # beside the published folder, so the last move is a rename
    shutil.rmtree(scratch, ignore_errors=True)
    status = build_languages(project, languages, scratch, env, engine)
    if status:
        shutil.rmtree(scratch, ignore_errors=True)
        return status
    (scratch / CSP_FILE).write_text(content_security_policy(scratch) + "\n", encoding="utf-8")
    replace_folder(scratch, out)
    return 0


def replace_folder(new: Path, old: Path) -> None:
    """Put a finished build where the published one was, so a failed build never leaves half a site."""
    if old.exists():
        shutil.rmtree(old)
    new.replace(old)
