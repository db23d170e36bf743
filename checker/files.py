"""The files a run reads and writes: regular files only, inputs never overwritten, outputs whole.

**Reading.** :func:`open_regular` opens a file kravkoll reads (a document, a baseline, a
configuration, a rule file) only when it is a regular file: a named pipe, a device or a socket
is refused at once with :class:`NotRegularFile` (an ``OSError``), instead of blocking forever
on a pipe nobody writes to or reading a device without end.

**Writing.** :func:`write_output` is the one way kravkoll writes a file (``check -o`` and
``--output-format``, ``--write-baseline``, ``report``, ``matrix``, ``annotate``):

- it refuses (:class:`~checker.errors.KravError`, one line) a target that is one of the run's
  inputs (:class:`InputFiles`: the same file by device and inode, so another spelling, a hard
  link or a symbolic link to an input is caught), a target that is a symbolic link (it is never
  followed, and it is left as it is), and one that exists but is not a regular file;
- it writes a temporary file in the target's folder (created exclusively, never through a
  link), flushes it to disk and renames it over the target, so the target is the old file or the
  new one, never a truncated mix; on any error or interruption (Ctrl-C, ``SIGTERM``,
  ``SIGHUP``) the temporary file is removed and the target left as it was. Only a hard kill
  (``SIGKILL``, a power cut) can leave a ``.~kravkoll-*.tmp`` file behind.

A replaced file keeps its permission bits; a new one gets those the umask allows.
"""

from __future__ import annotations

import errno
import os
import signal
import stat
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from .errors import KravError, visible

TEMPORARY_PREFIX = ".~kravkoll-"
"""Temporary files of a write in progress are named ``.~kravkoll-XXXXXXXX.tmp``."""

_KINDS = {stat.S_IFIFO: "a named pipe", stat.S_IFCHR: "a device", stat.S_IFBLK: "a device", stat.S_IFSOCK: "a socket"}


class NotRegularFile(OSError):
    """A path that names a pipe, a device or a socket where kravkoll expects a regular file."""

    def __init__(self, path: str | Path, mode: int) -> None:
        kind = _KINDS.get(stat.S_IFMT(mode), "not a file")
        super().__init__(errno.EINVAL, f"not a regular file ({kind})", str(path))


def open_regular(path: str | Path) -> BinaryIO:
    """``path`` opened for reading in binary, when it is a regular file.

    Raises :class:`NotRegularFile` for a pipe, device or socket (opened without blocking, so a
    pipe with no writer is refused at once), ``IsADirectoryError`` for a folder, and the
    ``OSError`` of the system otherwise.
    """
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0))
    try:
        mode = os.fstat(descriptor).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
        if not stat.S_ISREG(mode):
            raise NotRegularFile(path, mode)
        return os.fdopen(descriptor, "rb")  # O_NONBLOCK changes nothing for a regular file
    except BaseException:
        os.close(descriptor)
        raise


@dataclass(frozen=True)
class InputFiles:
    """The files a run reads, by identity (device, inode), each with the name it was given."""

    by_identity: dict[tuple[int, int], str] = field(default_factory=dict)

    @classmethod
    def of(cls, paths: Iterable[str | Path | None]) -> InputFiles:
        """The inputs among ``paths``; None, ``-`` (standard input) and paths that do not exist
        are left out (nothing can be written over them)."""
        found: dict[tuple[int, int], str] = {}
        for path in paths:
            if path is None or str(path) == "-":
                continue
            try:
                status = os.stat(path)
            except (OSError, ValueError):
                continue
            found.setdefault((status.st_dev, status.st_ino), str(path))
        return cls(found)

    def named(self, status: os.stat_result) -> str | None:
        """The input that is the file of ``status``, if any."""
        return self.by_identity.get((status.st_dev, status.st_ino))


def refuse_unsafe_target(target: str | Path, inputs: InputFiles) -> None:
    """Raise :class:`KravError` (naming ``target`` and why) unless kravkoll may write ``target``:
    it must not exist, or be a regular file that is none of ``inputs`` and not a symbolic link."""
    shown = visible(str(target))
    try:
        own = os.lstat(target)
    except FileNotFoundError:
        return
    except OSError as error:
        raise KravError(f"{shown}: cannot write: {error.strerror or error}") from None
    try:
        pointed = os.stat(target)
    except OSError:
        pointed = own  # a dangling link: refused below as a link
    same = inputs.named(pointed)
    if same is not None:
        raise KravError(f"{shown}: would overwrite the input {visible(same)}; kravkoll never writes over its inputs (choose another output file)")
    if stat.S_ISLNK(own.st_mode):
        raise KravError(f"{shown}: is a symbolic link; kravkoll does not write through links (remove it or choose another output file)")
    if stat.S_ISDIR(own.st_mode):
        raise KravError(f"{shown}: is a folder; give a file name")
    if not stat.S_ISREG(own.st_mode):
        kind = _KINDS.get(stat.S_IFMT(own.st_mode), "not a file")
        raise KravError(f"{shown}: is {kind}, not a regular file; kravkoll writes only regular files ('-' is standard output)")


def write_output(target: str | Path, content: str | bytes, inputs: InputFiles) -> None:
    """Write ``content`` (text as UTF-8) to ``target`` whole or not at all (see the module notes).

    Raises :class:`KravError` when ``target`` may not be written (:func:`refuse_unsafe_target`)
    or the writing fails (a full disk, no permission, no such folder); ``target`` is then as it
    was and no temporary file is left.
    """
    refuse_unsafe_target(target, inputs)
    data = content.encode("utf-8") if isinstance(content, str) else content
    path = Path(target)
    try:
        with _interruptible():
            _replace(path, data)
    except OSError as error:
        raise KravError(f"{visible(str(target))}: cannot write: {error.strerror or error}") from None


def _replace(path: Path, data: bytes) -> None:
    """Write a temporary file beside ``path``, then rename it over ``path``; remove it on any
    exception (``BaseException``: Ctrl-C and the exits of :func:`_interruptible` too)."""
    import tempfile  # noqa: PLC0415 - with shutil, random and the compression modules it imports, a tenth of a warm check's imports, which writes no file

    folder = path.parent
    try:
        mode = stat.S_IMODE(os.lstat(path).st_mode)
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=TEMPORARY_PREFIX, suffix=".tmp")  # O_EXCL, O_NOFOLLOW
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            if hasattr(os, "fchmod"):  # not on Windows
                os.fchmod(handle.fileno(), mode)
            os.fsync(handle.fileno())
        os.replace(temporary, path)  # replaces a link planted meanwhile; never writes through it
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    """Flush the rename to disk where the system allows it (not on Windows)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


_STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


@contextmanager
def _interruptible() -> Iterator[None]:
    """During the block, ``SIGTERM`` and ``SIGHUP`` exit through Python (``SystemExit`` with
    128 + the signal's number), so that cleanup runs, as it does for Ctrl-C. Only signals whose
    default action is in force are changed (under ``nohup``, ``SIGHUP`` stays ignored); outside
    the main thread, where handlers cannot be set, the block runs as it is."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)

    defaults = [number for number in _STOP_SIGNALS if signal.getsignal(number) == signal.SIG_DFL]
    for number in defaults:
        signal.signal(number, stop)
    try:
        yield
    finally:
        for number in defaults:
            signal.signal(number, signal.SIG_DFL)
