"""What the tests of bad, broken and hostile input share (``test_readers_hostile.py``,
``test_docx_reader_hostile.py``, ``test_pdf_reader_hostile.py``, ``test_annotate_hostile.py``).

A hostile file gets a result or one clear line naming the file (exit 2), never a traceback or a
hang, and is never changed. Command-line cases run ``kravkoll check`` in a fresh process with a
generous timeout (a hang fails the test; nothing here measures speed) and, on Linux, an
address-space limit of 1.5 GiB (running out fails it), or in this process (:func:`run_in_process`)
with a bound on CPU time for cases that once took a minute or more. In-process checks run under
kravkoll's own time limit as a hang guard.
"""

from __future__ import annotations

import hashlib
import io
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from typing import Callable

from click.testing import CliRunner
from docx_builder import new_document, to_bytes
from hypothesis import HealthCheck, settings
from support import CONTRACT_EXAMPLE

from checker.cli import main
from checker.config import Config
from checker.engine import check
from checker.report import FileReport
from checker.rulecompile import load_ruleset

RULESET = load_ruleset(CONTRACT_EXAMPLE)
HANG_GUARD_SECONDS = 120
"""Bound of a run that must not hang: generous, so a slow machine never fails a test."""
FORMER_HANG_SECONDS = 10
"""Bound of one core's CPU time for a case that once hung (a minute or more); generous on purpose."""
MEMORY_LIMIT = 1536 * 1024 * 1024
fuzz = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


# ---- running kravkoll on a hostile file -------------------------------------------------------------


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def limit_memory() -> None:
    """In the child: at most MEMORY_LIMIT of address space (Linux), so a blow-up fails the test."""
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def kravkoll(path: Path) -> subprocess.CompletedProcess[str]:
    """``kravkoll check PATH --ruleset <contract example>`` in a fresh process; the file must be
    byte for byte the same afterwards."""
    before = sha256(path)
    command = [sys.executable, "-m", "checker.cli", "check", str(path), "--ruleset", str(CONTRACT_EXAMPLE), "--format", "json"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=HANG_GUARD_SECONDS, preexec_fn=limit_memory if sys.platform == "linux" else None)
    assert sha256(path) == before
    return result


def assert_result_or_one_line_error(result: subprocess.CompletedProcess[str], path: Path) -> str:
    """Exit 0/1 with a report, or exit 2 with exactly one line naming the file; returns which."""
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr, result.stderr[-2000:]
    if result.returncode == 2:
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"kravkoll: {path}: "), result.stderr[-2000:]
        return "error"
    assert result.returncode in (0, 1), result.stderr[-2000:]
    assert result.stdout.lstrip().startswith("{")
    return "checked"


def cli_outcome(path: Path) -> str:
    """``"checked"`` or ``"error"``: :func:`kravkoll` on the file, which must give one or the other."""
    return assert_result_or_one_line_error(kravkoll(path), path)


def check_file(path: Path) -> FileReport:
    """Check one file in-process; kravkoll's own time limit guards against a hang."""
    before = sha256(path)
    report = check([path], [RULESET], Config(timeout=HANG_GUARD_SECONDS))
    assert sha256(path) == before
    file_report = report.files[0]
    if file_report.error is not None:
        assert file_report.error.startswith(f"{path}: ") and "\n" not in file_report.error
        assert "took longer" not in file_report.error
    return file_report


def run_in_process(*args: str) -> tuple[int, str, float]:
    """Exit code, standard error and CPU seconds of one CLI run in this process."""
    started = time.process_time()
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stderr, time.process_time() - started


def assert_refused(args: list[str], path: Path, reason: str) -> None:
    """The command exits 2 with lines that each name the file, one of them giving ``reason``,
    within :data:`FORMER_HANG_SECONDS`."""
    code, stderr, seconds = run_in_process(*args)
    assert code == 2
    assert stderr.strip().splitlines() == [line for line in stderr.strip().splitlines() if str(path) in line]
    assert reason in stderr and "Traceback" not in stderr and "internal error" not in stderr
    assert seconds < FORMER_HANG_SECONDS


# ---- zip packages ---------------------------------------------------------------------------------


def rezip(
    data: bytes,
    replace: dict[str, bytes] | None = None,
    add: dict[str, bytes] | None = None,
    drop: tuple[str, ...] = (),
    edit: Callable[[str, bytes], bytes] | None = None,
) -> bytes:
    """The package with members replaced, added or dropped, and each kept member's bytes passed
    through ``edit(name, data)`` when given."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename in drop:
                continue
            content = (replace or {}).get(info.filename, source.read(info))
            target.writestr(info.filename, edit(info.filename, content) if edit is not None else content)
        for name, content in (add or {}).items():
            target.writestr(name, content)
    return out.getvalue()


def member(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name)


def zip_of(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


# ---- hostile material ------------------------------------------------------------------------------


def good_docx() -> bytes:
    """A small valid .docx: a heading and one requirement, which the hostile variants start from."""
    d = new_document()
    d.add_heading("4 Drift", 1)
    d.add_paragraph("Leverantören ska åtgärda fel snabbt.")
    return to_bytes(d)


GOOD = good_docx()


BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10) for i in range(1, 10))
    + b"]>\n"
)
"""A document type that expands ``&lol9;`` to 10^9 "lol"s if entities are expanded."""
