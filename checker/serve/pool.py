"""Worker processes that check documents, a bounded queue in front of them, a time limit that
kills.

Each worker is a process of its own (started with ``spawn``: no state of the server is
inherited) that compiles the shipped rulesets once, then answers jobs one at a time over a
pipe. A request waits for an idle worker; when ``workers + queue`` requests are already
running or waiting, the next is refused at once (:class:`Busy`, a 503). A job that takes
longer than ``timeout`` seconds gets its worker killed and replaced (a 504); a worker that
dies (killed from outside, out of memory) is replaced too (a 500). Either way the server goes
on and the next request is served.
"""

from __future__ import annotations

import asyncio
import gc
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import anyio.to_thread

from ..errors import one_line
from .jobs import Answer, error_answer, run, warm_up

# The folder that holds the ``checker`` package, so that a worker imports this very code.
_PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])

READY = "ready"
"""What a worker says once it has compiled the shipped rulesets; a job's time starts after it."""
START_LIMIT = 300.0
"""Seconds a new worker may take to start (importing and compiling, on a busy machine)."""


class Busy(Exception):
    """Every worker is busy and the queue is full."""


COLLECT_SHARE = 0.1
"""Most of a worker's time that full garbage collections may take (see :func:`_worker_main`)."""


def _worker_main(conn: Connection) -> None:
    """A worker's life: compile the shipped rulesets, then answer jobs until the pipe closes.

    Documents are checked with the cyclic collector paused (:func:`checker.limits.one_document`),
    and what they leave joins the oldest generation, which Python rarely collects on its own: a
    long-lived worker would grow with every document. So after answering, a worker collects
    in full whenever the work since its last collection is ten times what that collection took
    (at most a tenth of its time; a collection walks the compiled rulesets, some 30 ms).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the server, which stops its workers
    warm_up()
    conn.send(READY)
    worked = collect_cost = 0.0
    while True:
        try:
            kind, payload = conn.recv()
        except (EOFError, OSError):
            return
        started = time.perf_counter()
        try:
            answer = run(kind, payload)
        except Exception as error:  # noqa: BLE001 - a bug on one hostile input must not end the worker
            name = payload.get("name", "")
            where = f"{name}: " if name else ""
            answer = error_answer(500, f"{where}internal error: {type(error).__name__}: {one_line(error)}")
        del payload
        conn.send(answer)
        del answer
        worked += time.perf_counter() - started
        if worked * COLLECT_SHARE >= collect_cost:
            started = time.perf_counter()
            gc.collect()
            collect_cost, worked = time.perf_counter() - started, 0.0


@dataclass
class _Worker:
    process: subprocess.Popen[bytes]
    conn: Connection
    busy: bool = field(default=False)
    ready: bool = field(default=False)


def _start_worker() -> _Worker:
    """A fresh interpreter running :func:`_worker_main` on one end of a socket pair. Not
    ``multiprocessing``: its ``spawn`` runs the server's main script again in the child, and
    ``fork`` would copy the server's threads and open connections."""
    ours, theirs = socket.socketpair()
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [_PACKAGE_ROOT, os.environ.get("PYTHONPATH")]))}
    process = subprocess.Popen(
        [sys.executable, "-m", "checker.serve.pool", str(theirs.fileno())],
        pass_fds=[theirs.fileno()],
        stdin=subprocess.DEVNULL,
        env=environment,
        close_fds=True,
    )
    theirs.close()
    return _Worker(process, Connection(ours.detach()))


def _stop(worker: _Worker) -> None:
    worker.conn.close()
    if worker.process.poll() is None:
        worker.process.kill()
    worker.process.wait(5)


class WorkerPool:
    """``workers`` processes, at most ``queue`` requests waiting, ``timeout`` seconds per job."""

    def __init__(self, workers: int, queue: int, timeout: float) -> None:
        self.size = workers
        self.queue = queue
        self.timeout = timeout
        self._pending = 0
        self._idle: asyncio.Queue[_Worker] | None = None
        self._all: list[_Worker] = []

    async def start(self) -> None:
        """Start the workers (in a thread: starting a process blocks for a moment)."""
        self._idle = asyncio.Queue()
        for _ in range(self.size):
            worker = await anyio.to_thread.run_sync(_start_worker)
            self._all.append(worker)
            self._idle.put_nowait(worker)

    async def stop(self) -> None:
        for worker in self._all:
            await anyio.to_thread.run_sync(_stop, worker)
        self._all.clear()

    def busy_pids(self) -> list[int]:
        """Process ids of the workers on a job now (for fault tests and monitoring)."""
        return [w.process.pid for w in self._all if w.busy]

    @property
    def pending(self) -> int:
        """Requests being checked or waiting for a worker."""
        return self._pending

    async def run(self, kind: str, payload: dict[str, Any]) -> Answer:
        """Do a job in a worker; raise :class:`Busy` when the queue is full."""
        assert self._idle is not None, "the pool is not started"
        if self._pending >= self.size + self.queue:
            raise Busy
        self._pending += 1
        try:
            worker = await self._idle.get()
            answer, worker = await anyio.to_thread.run_sync(self._exchange, worker, kind, payload)
            self._idle.put_nowait(worker)
            return answer
        finally:
            self._pending -= 1

    def _exchange(self, worker: _Worker, kind: str, payload: dict[str, Any]) -> tuple[Answer, _Worker]:
        """Send a job and wait for its answer (in a thread); replace the worker when it timed out
        or died. Returns the answer and the worker to put back."""
        name = payload.get("name")
        where = f"{name}: " if name else ""
        worker.busy = True
        try:
            if not worker.ready:
                if not worker.conn.poll(START_LIMIT) or worker.conn.recv() != READY:
                    raise EOFError
                worker.ready = True
            worker.conn.send((kind, payload))
            if worker.conn.poll(self.timeout):
                answer: Answer = worker.conn.recv()
                worker.busy = False
                return answer, worker
            message, status = f"{where}took longer than {self.timeout:g} s (the server's time limit)", 504
        except (EOFError, OSError):
            message = f"{where}the worker process checking it stopped unexpectedly (killed, or out of memory); try again"
            status = 500
        return error_answer(status, message), self._replace(worker)

    def _replace(self, worker: _Worker) -> _Worker:
        _stop(worker)
        fresh = _start_worker()
        self._all[self._all.index(worker)] = fresh
        return fresh


if __name__ == "__main__":  # a worker: python -m checker.serve.pool FD
    _worker_main(Connection(int(sys.argv[1])))
