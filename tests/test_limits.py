"""Per-document limits: the time limit (``check --timeout``) and the paused collector."""

from __future__ import annotations

import gc
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from checker.config import Config
from checker.engine import check
from checker.errors import InputError
from checker.limits import alarm_available, collector_paused, one_document, time_limit
from checker.rulecompile import load_ruleset

CONTRACT_EXAMPLE = Path(__file__).parent / "fixtures" / "contract-example.krav"
needs_alarm = pytest.mark.skipif(not alarm_available(), reason="no SIGALRM here: the time limit is not enforced")


def spin(until_seconds: float = 30.0) -> None:
    """Busy Python work that only a time limit stops early (a hang guard stops it at 30 s)."""
    import time

    start = time.monotonic()
    while time.monotonic() - start < until_seconds:
        pass


@needs_alarm
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # the dropped first alarm
def test_an_alarm_that_lands_in_a_destructor_comes_again() -> None:
    import time

    slept: list[bool] = []

    class SlowToDelete:
        def __del__(self) -> None:
            if not slept:
                slept.append(True)
                time.sleep(0.3)  # the alarm comes now: raised in a destructor, Python drops it

    with pytest.raises(InputError):
        with time_limit(0.1, "slow.md"):
            SlowToDelete()
            spin(5)
    assert slept


@needs_alarm
def test_a_block_over_its_time_is_stopped_with_an_input_error() -> None:
    with pytest.raises(InputError) as raised:
        with time_limit(0.05, "slow.md"):
            spin()
    assert str(raised.value) == "slow.md: took longer than 0.05 s (the --timeout); skipped"


@needs_alarm
def test_the_expiry_is_not_taken_for_a_broken_file_by_except_exception() -> None:
    caught_as_exception = False
    with pytest.raises(InputError):
        with time_limit(0.05, "slow.docx"):
            try:
                spin()
            except Exception:  # noqa: BLE001 - what a reader might write around a parser
                caught_as_exception = True
    assert not caught_as_exception


@needs_alarm
def test_the_previous_alarm_handler_comes_back() -> None:
    import signal

    before = signal.getsignal(signal.SIGALRM)
    with time_limit(5, "quick.md"):
        pass
    assert signal.getsignal(signal.SIGALRM) is before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_no_limit_and_other_threads_run_unlimited() -> None:
    with time_limit(None, "x.md"):
        pass
    outcome: list[str] = []

    def worker() -> None:
        with time_limit(0.001, "thread.md"):
            spin(0.05)
        outcome.append("finished")

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert outcome == ["finished"]


def test_objects_made_while_paused_are_not_left_for_the_young_collections() -> None:
    with collector_paused():
        kept = [{"statement": n} for n in range(50_000)]
    assert gc.get_count()[0] < 700  # a young collection would otherwise walk all 50,000 next
    assert len(kept) == 50_000


def test_the_collector_is_paused_only_inside_and_stays_off_if_it_was_off() -> None:
    assert gc.isenabled()
    with one_document("x.md"):
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def long_document(tmp_path: Path) -> Path:
    """About 8 s of work here: far over the 1 s limit below, which a one-line file meets with room to spare."""
    path = tmp_path / "lang.md"
    path.write_text("# 1 Drift\n\n" + "K1.1 Leverantören ska åtgärda fel snabbt. Tillgängligheten följs upp.\n\n" * 80_000, encoding="utf-8")
    return path


@needs_alarm
def test_check_reports_a_slow_document_and_goes_on_with_the_batch(tmp_path: Path) -> None:
    slow = long_document(tmp_path)
    quick = tmp_path / "kort.md"
    quick.write_text("Leverantören ska åtgärda fel snabbt.\n", encoding="utf-8")
    assert Config().timeout is None  # no limit by default
    report = check([slow, quick], [load_ruleset(CONTRACT_EXAMPLE)], Config(timeout=1))
    slow_report, quick_report = report.files
    assert slow_report.error == f"{slow}: took longer than 1 s (the --timeout); skipped"
    assert quick_report.error is None and quick_report.statements == 1
    assert any(f.file == str(quick) for f in report.findings)


@needs_alarm
def test_cli_timeout_gives_one_line_exit_2_and_checks_the_rest(tmp_path: Path) -> None:
    slow = long_document(tmp_path)
    quick = tmp_path / "kort.md"
    quick.write_text("Leverantören ska åtgärda fel snabbt.\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "checker.cli", "check", str(slow), str(quick), "--ruleset", str(CONTRACT_EXAMPLE), "--timeout", "1", "--format", "json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [f"kravkoll: {slow}: took longer than 1 s (the --timeout); skipped"]
    assert '"rule": "sv-avtal/OMATBART"' in result.stdout


def test_cli_refuses_a_timeout_that_is_not_positive() -> None:
    result = subprocess.run([sys.executable, "-m", "checker.cli", "check", "x.md", "--timeout", "0"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
