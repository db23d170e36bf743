"""Checking a batch of files, in this process or in a pool of worker processes.

Every file is checked on its own and the reports are merged in input order, so ``--jobs N``
gives exactly the report ``--jobs 1`` gives. Each worker builds its own
:class:`~checker.engine.Linter` from the configuration and the ruleset references of the
parent's (:attr:`~checker.engine.Linter.references`: paths, never pickled rulesets, whose
native matchers cannot cross a process boundary) and compiles the rulesets once.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, Sequence

from .config import Config
from .document import Document
from .errors import KravError
from .report import FileReport, Report, Tool, merge_reports, summarize

if TYPE_CHECKING:
    from .engine import Linter

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


_worker_linter: Linter | None = None


def check_file(linter: Linter, item: Item) -> FileOutcome:
    """Check one file; an unexpected error becomes that file's error, not the batch's."""
    try:
        return FileOutcome(linter.check([item]))
    except KravError:
        raise
    except Exception as error:  # noqa: BLE001 - a reader bug on one hostile file must not stop the batch
        name = item.path if isinstance(item, Document) else str(item)
        message = f"{name}: internal error: {type(error).__name__}: {error}"
        files = [FileReport(path=name, error=message)]
        import traceback  # noqa: PLC0415 - loaded for an unexpected error only

        return FileOutcome(Report(tool=Tool(), files=files, summary=summarize(files, [])), traceback.format_exc())


def _init_worker(settings: _WorkerSettings) -> None:
    from .engine import Linter  # noqa: PLC0415
    from .rulecompile import load_rulesets  # noqa: PLC0415

    global _worker_linter  # noqa: PLW0603 - per-process state of a pool worker
    paths = settings.ruleset_paths
    _worker_linter = Linter(settings.config, None if paths is None else load_rulesets(paths))


def _check_in_worker(item: Item) -> tuple[str, str | None]:
    """A file's report as JSON text: pydantic-core writes and reads it several times faster
    than pickle handles the models, and the parent process is the bottleneck."""
    assert _worker_linter is not None, "worker not initialised"
    try:
        outcome = check_file(_worker_linter, item)
    except KravError as error:  # subclasses take other arguments and would not unpickle
        raise KravError(str(error)) from None
    return outcome.report.model_dump_json(), outcome.traceback


def effective_jobs(jobs: int, files: int) -> int:
    """Worker processes to use: ``jobs`` (0 means one per CPU), never more than the files."""
    wanted = jobs if jobs > 0 else (os.cpu_count() or 1)
    return max(1, min(wanted, files))


def check_batch(
    linter: Linter,
    items: Sequence[Item],
    jobs: int = 1,
    on_file: Callable[[], None] | None = None,
) -> tuple[Report, list[str]]:
    """Check ``items`` with ``jobs`` processes; return the merged report and the tracebacks of
    unexpected errors (:meth:`Linter.check_paths <checker.engine.Linter.check_paths>`)."""
    outcomes: list[FileOutcome] = []
    for outcome in _outcomes(linter, items, effective_jobs(jobs, len(items))):
        outcomes.append(outcome)
        if on_file is not None:
            on_file()
    report = merge_reports([o.report for o in outcomes])
    return report, [o.traceback for o in outcomes if o.traceback]


def _outcomes(linter: Linter, items: Sequence[Item], jobs: int) -> Iterator[FileOutcome]:
    if jobs == 1:
        for item in items:
            yield check_file(linter, item)
        return
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415 - a one-file check does without

    chunk = max(1, len(items) // (jobs * 32))  # small chunks: workers finish together
    settings = _WorkerSettings(linter.references, linter.config)
    with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(settings,)) as pool:
        for report, trace in pool.map(_check_in_worker, items, chunksize=chunk):
            yield FileOutcome(Report.model_validate_json(report), trace)
