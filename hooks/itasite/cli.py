"""The project's command line: every task without `make`, wherever Python 3.11 runs (Windows included).

    python -m itasite build [--data DIR] [--out DIR]   both languages into site/, with its CSP header (--engine forks)
    python -m itasite build-all AGENCIES [--jobs N]    one site per AGENCIES/<name>/data/, and a hub page
    python -m itasite serve [--lang th|en]             live preview on 127.0.0.1:8000 (th), :8001 (en)
    python -m itasite check [DATA_DIR]                 validate the data alone, fast
    python -m itasite csp [SITE_DIR]                   print the Content-Security-Policy of a built site
    python -m itasite new FOLDER [--year YYYY]         a new agency's data folder, to fill in
    python -m itasite import FILE [--year YYYY]        the report's Word, Excel or PDF text into data/
    python -m itasite template FILE.xlsx               an empty workbook to fill in, then import
    python -m itasite export FILE.xlsx [--data DIR]    all the data as that workbook, to review in Excel
    python -m itasite tidy [DATA_DIR] [--check]        measures, results, units in the layout import writes
    python -m itasite upgrade [DATA_DIR]               data of an earlier layout of the project into the current one
    python -m itasite test [PYTEST ARGS]               the test suite

Run them in the project folder (where mkdocs.yml is); the Makefile calls them. `check` exits 0 when the
data can be published and 1 when it cannot; a failed `build` leaves the published folder as it was. Bad
data never gives a traceback.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from importlib.util import find_spec
from pathlib import Path

from .arguments import parser
from .build.csp import content_security_policy
from .build.engine import ENGINES, publish, serve_language
from .build.lock import run_holding
from .build.parallel import Job, Outcome, default_workers, run_all
from .build.provenance import last_commit_time
from .data.disclosure_warnings import disclosure_warnings
from .data.messages import chosen_language, say
from .data.problems import DataError, Problem
from .data.starter import current_fiscal_year, new_data_folder
from .data.untranslated import untranslated_fields
from .pipeline import prepare
from .scoring import ScoredDataset
from .site.hub import write_hub
from .site.locale import LANGUAGES

CONFIG = "mkdocs.yml"  # marks the project folder, where the commands run, as `mkdocs` itself does
# as the Makefile's PARALLEL: one worker more than the cores, since browser tests wait on Chromium
PARALLEL_TESTS = ("-n", str((os.cpu_count() or 1) + 1), "--dist", "loadgroup")
GITHUB_DATA = {"%": "%25", "\r": "%0D", "\n": "%0A"}
GITHUB_PROPERTY = {**GITHUB_DATA, ":": "%3A", ",": "%2C"}


def annotation(level: str, problem: Problem, lang: str) -> str:
    """A problem as a GitHub Actions workflow command, which GitHub shows on the file's line."""
    where = {"file": problem.file, "line": problem.line, "col": problem.column, "title": problem.field or problem.file}
    properties = ",".join(f"{name}={_escaped(str(value), GITHUB_PROPERTY)}" for name, value in where.items())
    return f"::{level} {properties}::{_escaped(problem.message(lang), GITHUB_DATA)}"


def _escaped(text: str, table: dict[str, str]) -> str:
    """Text with the characters a workflow command reserves written as GitHub decodes them."""
    return "".join(table.get(character, character) for character in text)


def check(data: Path, lang: str | None = None, output: str = "text") -> int:
    """Check the data folder, print every problem or a summary (Thai unless told), and return the exit status.
    With `output="github"` each problem is also a workflow annotation on its file and line."""
    lang = chosen_language(lang)
    try:
        scored = prepare(data.resolve(), Path.cwd())
    except DataError as error:
        if output == "github":
            print("\n".join(annotation("error", problem, lang) for problem in error.problems))
        print(error.report(lang), file=sys.stderr)
        return 1
    dataset = scored.dataset
    untranslated = untranslated_fields(dataset)
    for field in [*untranslated, *disclosure_warnings(dataset)]:
        print(annotation("warning", field, lang) if output == "github" else field.text(lang))
    summary = {
        "data": data.as_posix(),
        "files": len(dataset.sources),
        "years": ", ".join(map(str, dataset.years)),
        "measures": sum(len(items) for items in dataset.measures.values()),
        "reports": len(dataset.reports),
        "untranslated": len(untranslated),
    }
    print(say(lang, "ready", summary))
    return 0


def project_folder() -> Path:
    """The folder the commands work in: the current one, which must hold the project."""
    folder = Path.cwd()
    if not (folder / CONFIG).is_file():
        raise SystemExit(
            f"ไม่พบ {CONFIG} ในโฟลเดอร์นี้ ให้เปิดคำสั่งในโฟลเดอร์ของโครงการ\n"
            f"There is no {CONFIG} here: run the command in the project folder."
        )
    return folder


def build_environment(data: Path | None) -> dict[str, str]:
    """What every language's build is told: the data folder, and the date of the last commit, so dates in
    the output come from the history rather than the clock and two builds of one commit are identical."""
    env = {"ITA_DATA_DIR": str(data.resolve())} if data else {}
    if "SOURCE_DATE_EPOCH" not in os.environ:
        env["SOURCE_DATE_EPOCH"] = last_commit_time(Path.cwd()) or "0"
    return env


def build(data: Path | None, out: Path, engine: str = ENGINES[0]) -> int:
    """Build both languages aside, add the CSP header, then replace the published folder in one move; a build
    or import of the same folders meanwhile stops at once, naming this one (engine.publish)."""
    read = data or Path(os.environ.get("ITA_DATA_DIR") or "data")
    status = publish(project_folder(), LANGUAGES, out, read, build_environment(data), engine)
    if not status:
        print(f"Built {out.as_posix()}/ (open {out.as_posix()}/index.html, or serve the folder)")
    return status


def build_all(agencies: Path, out: Path, jobs: int | None, shard: str | None = None, hub_only: bool = False) -> int:
    """Build the site of every agency folder under `agencies` (each holds a data/ folder) into out/<name>/, as
    many at a time as `jobs` (default: one per core), each exactly as `build` would alone; then the hub.
    One agency's bad data fails that agency only: the summary names it, and the exit status is 1. With
    `shard` K/N only every N-th agency from the K-th (from 0) is built, and no hub; `hub_only` writes the hub
    alone, of every agency whose data passes the checks (sites built on several machines, then put together)."""
    project = project_folder()
    if not agencies.is_dir():
        print(f"{agencies.as_posix()}: ไม่พบโฟลเดอร์นี้\n{agencies.as_posix()}: there is no such folder.", file=sys.stderr)
        return 1
    folders = sorted(folder for folder in agencies.iterdir() if (folder / "data").is_dir())
    if shard:
        index, count = (int(part) for part in shard.split("/"))
        folders = folders[index::count]
    env = build_environment(None)  # the same commit date for every agency, as each would build it alone
    build_one = (sys.executable, "-m", "itasite", "build")
    arguments = [(f, ("--data", str((f / "data").resolve()), "--out", str((out / f.name).resolve()))) for f in folders]
    caches = {f.name: {"ITA_CACHE_DIR": str(project / ".cache/itasite-all" / f.name)} for f in folders}  # unshared
    todo = [] if hub_only else [Job(f.name, (*build_one, *a), project, {**env, **caches[f.name]}) for f, a in arguments]

    def report(outcome: Outcome) -> None:
        """Print how one agency's build ended, and what it said if it failed."""
        state = "ok" if outcome.status == 0 else f"FAILED ({outcome.status})"
        print(f"== {outcome.job.name}: {state}, {outcome.seconds:.1f} s", flush=True)
        if outcome.status:
            print(outcome.output.rstrip(), file=sys.stderr, flush=True)

    failed = [o.job.name for o in run_all(todo, jobs or default_workers(), report) if o.status]
    built: dict[str, ScoredDataset] = {}
    for folder in [] if shard else folders:  # a shard's hub is written where the shards are put together
        try:
            built[folder.name] = prepare((folder / "data").resolve(), project)
        except DataError:
            failed += [] if folder.name in failed else [folder.name]
    if not shard:
        write_hub(out, {name: s for name, s in built.items() if name not in failed}, list(LANGUAGES), failed)
    print(f"{len(folders) - len(failed)} of {len(folders)} agencies built or listed in {out.as_posix()}/")
    if failed:
        print(f"failed: {', '.join(sorted(failed))}", file=sys.stderr)
    return 1 if failed else 0


def serve(lang: str, data: Path | None, port: int | None = None, engine: str = ENGINES[0]) -> int:
    """Live preview of one language until interrupted."""
    try:
        return serve_language(project_folder(), LANGUAGES, lang, build_environment(data), port, engine)
    except KeyboardInterrupt:
        return 0


def run_tests(arguments: list[str]) -> int:
    """The whole suite (or what `arguments` select), with the same Python, on as many workers as `make test`
    (when pytest-xdist is installed and `arguments` choose no number of workers themselves)."""
    parallel = [] if "-n" in arguments or find_spec("xdist") is None else list(PARALLEL_TESTS)
    return subprocess.run([sys.executable, "-m", "pytest", *parallel, *arguments], cwd=project_folder()).returncode


def new(folder: Path, year: int | None, lang: str | None) -> int:
    """Write a new agency's data folder and say what to do next."""
    lang = chosen_language(lang)
    year = year or current_fiscal_year(dt.date.today())
    try:
        written = new_data_folder(folder, year)
    except FileExistsError:
        print(say(lang, "new_exists", {"folder": folder.as_posix()}), file=sys.stderr)
        return 1
    for path in written:
        print(path.as_posix())
    print(say(lang, "new_done", {"folder": folder.as_posix(), "year": year}))
    return 0


def csp(site: Path) -> int:
    """Print the header value for a built site."""
    print(content_security_policy(site))
    return 0


def main(argv: list[str]) -> int:
    """Run one command and return its exit status."""
    if argv[:1] == ["test"]:
        return run_tests(argv[1:])  # everything after `test` is pytest's
    arguments = parser().parse_args(argv)
    if arguments.command == "build":
        return build(arguments.data, arguments.out, arguments.engine)
    if arguments.command == "serve":
        return serve(arguments.lang, arguments.data, arguments.port, arguments.engine)
    if arguments.command == "build-all":
        a = arguments  # each agency's build holds its own folder inside the one held here
        return run_holding([a.out], [], lambda: build_all(a.agencies, a.out, a.jobs, a.shard, a.hub_only))
    if arguments.command == "check":
        return check(arguments.data, arguments.lang, arguments.format)
    if arguments.command == "tidy":
        from .data.tidy import run_tidy

        return run_holding([arguments.data], [], lambda: run_tidy(arguments.data, arguments.check, arguments.lang))
    if arguments.command == "upgrade":
        from .data.upgrade import run_upgrade

        return run_holding([arguments.data], [], lambda: run_upgrade(arguments.data, arguments.lang))  # as import
    if arguments.command == "new":
        return new(arguments.folder, arguments.year, arguments.lang)
    if arguments.command in ("template", "export"):
        from .importer.workbook import run_export, run_template

        if arguments.command == "template":
            return run_template(arguments.file, arguments.year, arguments.force, arguments.lang)
        return run_export(arguments.file, arguments.data, arguments.force, arguments.lang)
    if arguments.command == "import":
        from .importer.report import run_import

        return run_import(arguments.file, arguments.data, arguments.year, arguments.force, arguments.lang)
    return csp(arguments.site)


def run() -> None:
    """The `itasite` console command an install provides."""
    sys.exit(main(sys.argv[1:]))
