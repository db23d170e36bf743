"""Checking a batch of files, in this process or in a pool of worker processes.

Every file is checked on its own and the reports are merged in input order, so ``--jobs N``
gives exactly the report ``--jobs 1`` gives. Workers get ruleset *paths* and the
configuration and compile the rulesets once each (compiled rulesets hold native matchers
that cannot cross a process boundary).
"""

from __future__ import annotations

import os
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator, Sequence

from .config import Config
from .document import Document
from .engine import check
from .errors import KravError
from .report import FileReport, Report, Tool, merge_reports, summarize
from .rulecompile import load_rulesets
from .rulemodel import Ruleset

Item = str | Path | Document


@dataclass(frozen=True)
class FileOutcome:
    """The report of one file, and the traceback of an unexpected error (for ``--debug``)."""

    report: Report
    traceback: str | None = None


@dataclass(frozen=True)
class _WorkerSettings:
    ruleset_paths: tuple[str, ...] | None
    config: Config


_worker_config: Config | None = None
_worker_rulesets: list[Ruleset] | None = None


def check_file(item: Item, rulesets: Sequence[Ruleset] | None, config: Config) -> FileOutcome:
    """Check one file; an unexpected error becomes that file's error, not the batch's."""
    try:
        return FileOutcome(check([item], rulesets, config))
    except KravError:
        raise
    except Exception as error:  # noqa: BLE001 - a reader bug on one hostile file must not stop the batch
        name = item.path if isinstance(item, Document) else str(item)
        message = f"{name}: internal error: {type(error).__name__}: {error}"
        files = [FileReport(path=name, error=message)]
        return FileOutcome(Report(tool=Tool(), files=files, summary=summarize(files, [])), traceback.format_exc())


def _init_worker(settings: _WorkerSettings) -> None:
    global _worker_config, _worker_rulesets  # noqa: PLW0603 - per-process state of a pool worker
    _worker_config = settings.config
    paths = settings.ruleset_paths
    _worker_rulesets = None if paths is None else load_rulesets(paths)


def _check_in_worker(item: Item) -> tuple[str, str | None]:
    """A file's report as JSON text: pydantic-core writes and reads it several times faster
    than pickle handles the models, and the parent process is the bottleneck."""
    assert _worker_config is not None, "worker not initialised"
    try:
        outcome = check_file(item, _worker_rulesets, _worker_config)
    except KravError as error:  # subclasses take other arguments and would not unpickle
        raise KravError(str(error)) from None
    return outcome.report.model_dump_json(), outcome.traceback


def effective_jobs(jobs: int, files: int) -> int:
    """Worker processes to use: ``jobs`` (0 means one per CPU), never more than the files."""
    wanted = jobs if jobs > 0 else (os.cpu_count() or 1)
    return max(1, min(wanted, files))


def check_batch(
    items: Sequence[Item],
    rulesets: Sequence[Ruleset] | None,
    config: Config,
    jobs: int = 1,
    on_file: Callable[[], None] | None = None,
) -> tuple[Report, list[str]]:
    """Check ``items`` with ``jobs`` processes; return the merged report and the tracebacks of
    unexpected errors. ``rulesets`` None: the shipped rulesets of each document's language."""
    outcomes: list[FileOutcome] = []
    for outcome in _outcomes(items, rulesets, config, effective_jobs(jobs, len(items))):
        outcomes.append(outcome)
        if on_file is not None:
            on_file()
    report = merge_reports([o.report for o in outcomes])
    return report, [o.traceback for o in outcomes if o.traceback]


def _outcomes(items: Sequence[Item], rulesets: Sequence[Ruleset] | None, config: Config, jobs: int) -> Iterator[FileOutcome]:
    if jobs == 1:
        for item in items:
            yield check_file(item, rulesets, config)
        return
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415 - a one-file check does without

    paths = None if rulesets is None else tuple(r.path for r in rulesets)
    chunk = max(1, len(items) // (jobs * 32))  # small chunks: workers finish together
    with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(_WorkerSettings(paths, config),)) as pool:
        for report, trace in pool.map(_check_in_worker, items, chunksize=chunk):
            yield FileOutcome(Report.model_validate_json(report), trace)
