"""Many builds at once: one child process per job, as many at a time as there are cores (or as asked).

`python -m itasite build-all` builds one site per agency this way. Each job is a whole command line of its
own (`python -m itasite build --data … --out …`), so a site built here is the one its agency would build
alone, and one job's failure, whatever it is, stops no other.
"""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Job:
    """One command to run: its name in messages, its command line, its folder and what it adds to the environment."""

    name: str
    command: Sequence[str]
    cwd: Path
    env: Mapping[str, str]


@dataclass(frozen=True)
class Outcome:
    """How a job ended: its exit status, what it printed (both streams) and how long it took."""

    job: Job
    status: int
    output: str
    seconds: float


def default_workers() -> int:
    """One worker per core this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def run_job(job: Job) -> Outcome:
    """Run one job to its end, keeping what it printed."""
    started = time.perf_counter()
    result = subprocess.run(
        list(job.command), cwd=job.cwd, env={**os.environ, **job.env}, capture_output=True, text=True, check=False
    )
    return Outcome(job, result.returncode, result.stdout + result.stderr, time.perf_counter() - started)


def run_all(jobs: Sequence[Job], workers: int, done: Callable[[Outcome], None] | None = None) -> list[Outcome]:
    """Run every job, `workers` at a time; call `done` as each ends; the outcomes in the order of `jobs`."""
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        futures = [pool.submit(run_job, job) for job in jobs]
        outcomes = []
        for future in futures:
            outcome = future.result()
            if done:
                done(outcome)
            outcomes.append(outcome)
    return outcomes
