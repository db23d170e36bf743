"""Helpers for the check tests: the contract example ruleset, small Swedish documents, CLI runners
(imported by the test modules; not a conftest.py, so that other suites stay independent)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Callable

import pytest
from click.testing import CliRunner, Result

from checker.cli import main

TESTS = Path(__file__).resolve().parent
RULESET = TESTS / "fixtures" / "contract-example.krav"
SARIF_SCHEMA = TESTS / "data" / "sarif-schema-2.1.0.json"

# OMATBART (error) on line 7; UTAN-UPPFOLJNING and UTAN-SANKTION (warnings) on line 9.
DRAFT = """\
# Avtal om drift

Avtalstid: två år från tecknande.

## 4 Drift

Leverantören ska åtgärda fel snabbt.

K4.1 Tjänsten ska vara tillgänglig 99,5 % per månad.
"""

# Nothing for the contract example ruleset to report.
CLEAN = """\
# Avtal om drift

Avtalstid: två år från tecknande.

## 4 Drift

Leverantören ska åtgärda fel inom 4 timmar. Åtgärdstiden följs upp i en månadsrapport. Överskrids tiden utgår vite om 500 kr per timme.

Bonus utgår vid full tillgänglighet.
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def invoke(*args: str, input: str | bytes | None = None, env: dict[str, str] | None = None) -> Result:
    """Run ``kravkoll ARGS`` in this process (click's runner); stdout and stderr apart."""
    return CliRunner().invoke(main, list(args), input=input, env=env, catch_exceptions=False)


def run(
    *args: str, cwd: Path, input: bytes | None = None, env: dict[str, str] | None = None, timeout: float = 120, preexec_fn: Callable[[], None] | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m checker.cli ARGS`` as a real process (with this source tree's ``checker``,
    installed or not)."""
    path = os.pathsep.join(filter(None, [str(TESTS.parent), os.environ.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-m", "checker.cli", *args],
        cwd=cwd,
        input=input,
        capture_output=True,
        env={**os.environ, "PYTHONPATH": path, **(env or {})},
        timeout=timeout,
        check=False,
        preexec_fn=preexec_fn,
    )


def sarif_schema() -> dict:
    return json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary working folder (the current directory during the test)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return tmp_path
