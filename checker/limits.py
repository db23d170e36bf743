"""What reading and checking one document may take, and how it is run.

:func:`one_document` wraps the reading and checking of one document:

- **time**: with ``timeout`` seconds (``kravkoll check --timeout``), a document that takes longer
  is abandoned with an :class:`~checker.errors.InputError` ("took longer than N s") and the rest
  of the batch goes on. The limit uses ``SIGALRM``, so it holds in the main thread of a process on
  Linux and macOS; on Windows, or when kravkoll runs in another thread, it is not enforced. It is
  checked between Python steps: one call into C (say, RE2 over one statement) finishes first.
- **garbage collection**: Python's cyclic collector is paused meanwhile. A document becomes
  hundreds of thousands of small acyclic objects, which the collector would otherwise walk again
  and again (about a third of the time of reading a 300-page document, growing faster than the
  document); memory is still freed by reference counting, and collection resumes afterwards,
  with the document's objects in the oldest generation.

The other limits (file sizes, .docx archives, rule files) are enforced where the input is read;
the README's "Limits" section lists them all.
"""

from __future__ import annotations

import gc
import signal
import threading
from contextlib import contextmanager
from typing import Iterator

from .errors import InputError

_REPEAT_SECONDS = 0.05


class _Expired(BaseException):
    """Raised by the alarm. Not an ``Exception``, so no reader's ``except Exception`` takes it
    for a broken file."""


def alarm_available() -> bool:
    """Whether a time limit can be enforced here (SIGALRM, main thread)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float | None, path: str) -> Iterator[None]:
    """Raise :class:`InputError` for ``path`` when the block runs longer than ``seconds``.

    ``None`` or 0 means no limit; where no alarm is available the block runs unlimited.
    """
    if not seconds or not alarm_available():
        yield
        return
    armed = [True]

    def expire(_signum: int, _frame: object) -> None:
        if armed[0]:
            # Again soon, in case this one lands in a destructor or a garbage-collector callback,
            # where Python prints an exception and drops it; the block's end disarms the timer.
            signal.setitimer(signal.ITIMER_REAL, _REPEAT_SECONDS)
            raise _Expired

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        try:
            yield
        finally:
            armed[0] = False  # from here on a late alarm does nothing
            signal.setitimer(signal.ITIMER_REAL, 0)
    except _Expired:
        raise InputError(path, f"took longer than {seconds:g} s (the --timeout); skipped") from None
    finally:
        armed[0] = False  # also when a repeated alarm came between the block's end and the disarming
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for the block (if it was running).

    Afterwards the objects made meanwhile join the oldest generation (freeze, then unfreeze:
    no walk over them); left young, the next collections would walk them all again right away.
    Cyclic garbage among them is still collected, by the next full collection.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.freeze()
            gc.unfreeze()
            gc.enable()


@contextmanager
def one_document(path: str, timeout: float | None = None) -> Iterator[None]:
    """Read and check one document under its time limit, without cyclic garbage collection."""
    with collector_paused(), time_limit(timeout, path):
        yield
