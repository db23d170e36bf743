"""Baselines: accept today's findings, report only new ones (the next revision of a tender).

A baseline file names the files checked and lists findings by file, rule and :attr:`Finding.fingerprint` (which leaves out
line numbers and the file path). A finding is known when the baseline has its fingerprint for
the same file; findings of a file the baseline does not name are compared with the entries of
baseline files that were not checked this time, so a revision saved under a new name
(``anbud-v2.docx`` after ``anbud-v1.docx``) is compared with its predecessor. Each baseline
entry accepts one finding, so a second copy of a known problem is new. A finding that stands for
other statements (a table's rows, a rule reported once per document) is written as one entry per
statement it names and known when the baseline has each: a requirement that joins the group in
the next revision makes it new; fixing the first of them does not.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import KravError, first_problem
from .files import InputFiles, open_regular, write_output
from .modelbase import empty_list
from .report import Finding, Report, summarize

BASELINE_VERSION = 2  # 2: fingerprints without the requirement id or an outline number


class BaselineEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    file: str
    rule: str
    fingerprint: str
    message: str = Field(default="", description="for people reading the file; not compared")


class Baseline(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kravkoll_baseline: int = BASELINE_VERSION
    files: list[str] = Field(default_factory=empty_list, description="every file checked, with findings or not")
    findings: list[BaselineEntry] = Field(default_factory=empty_list)


def baseline_of(report: Report) -> Baseline:
    """The findings of ``report`` that are not suppressed, as a baseline."""
    entries = [
        BaselineEntry(file=_key(f.file), rule=f.rule, fingerprint=fingerprint, message=f.message)
        for f in report.active()
        for fingerprint in (f.group_fingerprints or [f.fingerprint])
    ]
    files = [_key(f.path) for f in report.files if not f.error]
    return Baseline(files=files, findings=entries)


def write_baseline(report: Report, path: Path, inputs: InputFiles | None = None) -> int:
    """Write the baseline of ``report`` to ``path`` (atomically, never over one of ``inputs``:
    :func:`~checker.files.write_output`); return the number of findings in it."""
    baseline = baseline_of(report)
    text = json.dumps(baseline.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
    write_output(path, text, inputs or InputFiles())
    return len(baseline.findings)


def read_baseline(path: Path) -> Baseline:
    """Read a baseline file; raise :class:`KravError` naming the file when it is not one."""
    try:
        with open_regular(path) as handle:
            data = json.loads(handle.read().decode("utf-8"))
    except FileNotFoundError:
        raise KravError(f"{path}: no such baseline file") from None
    except OSError as error:
        raise KravError(f"{path}: cannot read the baseline: {error.strerror or error}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise KravError(f"{path}: not a kravkoll baseline (invalid JSON: {error})") from None
    except RecursionError:  # json parses nested arrays and objects recursively
        raise KravError(f"{path}: not a kravkoll baseline (nested too deeply)") from None
    try:
        baseline = Baseline.model_validate(data)
    except ValidationError as error:
        raise KravError(f"{path}: not a kravkoll baseline ({first_problem(error)})") from None
    if baseline.kravkoll_baseline != BASELINE_VERSION:
        raise KravError(
            f"{path}: baseline version {baseline.kravkoll_baseline} is not supported (expected {BASELINE_VERSION}; write it again with --write-baseline)"
        )
    return baseline


def new_findings(report: Report, baseline: Baseline) -> Report:
    """``report`` without the findings the baseline knows; the summary counts those left out."""
    by_file: dict[str, Counter[tuple[str, str]]] = {file: Counter() for file in baseline.files}
    for entry in baseline.findings:
        by_file.setdefault(entry.file, Counter())[(entry.rule, entry.fingerprint)] += 1
    checked = {_key(f.path) for f in report.files}
    renamed_pool: Counter[tuple[str, str]] = Counter()
    for file, entries in by_file.items():
        if file not in checked:
            renamed_pool += entries
    kept: list[Finding] = []
    left_out = 0
    for finding in report.findings:
        known = by_file.get(_key(finding.file), renamed_pool)
        if not finding.suppressed and _known(finding, known):
            left_out += 1
        else:
            kept.append(finding)
    return report.model_copy(update={"findings": kept, "summary": summarize(report.files, kept, report.summary.baselined + left_out)})


def _known(finding: Finding, known: Counter[tuple[str, str]]) -> bool:
    """Whether the baseline knows ``finding`` (and then takes its entries): by its fingerprint, or
    for one that stands for other statements by each statement's (a baseline written before
    grouped findings had them knows the group by the first one's fingerprint alone)."""
    keys = [(finding.rule, fingerprint) for fingerprint in finding.group_fingerprints or ()]
    if keys and all(known[key] >= count for key, count in Counter(keys).items()):
        known.subtract(keys)
        return True
    key = (finding.rule, finding.fingerprint)
    if known[key] > 0:
        known[key] -= 1
        return True
    return False


def _key(file: str) -> str:
    """A file name as baselines compare it: forward slashes, no leading ``./``."""
    return Path(file).as_posix() if file != "<stdin>" else file
