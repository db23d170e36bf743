"""Load on ``kravkoll serve``: N concurrent clients upload a generated .docx to ``/api/check``
for a bounded time against a server on this machine; reports throughput, latency (p50, p95,
max), failed requests by status, and the memory of the server and its workers at start and end.

    python bench/serve_load.py                              # 50 clients, 60 s, 30 pages, --workers 2
    python bench/serve_load.py --clients 10 --seconds 20 --pages 10
    python bench/serve_load.py --url http://127.0.0.1:8000  # a server already running (no memory figures)

It starts ``kravkoll serve`` on a free loopback port with ``--workers W --queue Q`` (the queue
large enough for every client, so that a full queue does not count as a failure; lower it with
``--queue`` to see 503s) and stops it at the end. Traffic goes to 127.0.0.1 only. Not a test.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate, write_docx  # noqa: E402


def _processes(pid: int) -> dict[str, list[int]]:
    workers = [int(p.name) for p in Path("/proc").iterdir() if p.name.isdigit() and _parent(int(p.name)) == pid]
    return {"server": [pid], "workers": workers}


def rss_mib(pid: int) -> dict[str, float]:
    """Resident memory of the server process and of its workers, in MiB."""
    found: dict[str, float] = {}
    for role, pids in _processes(pid).items():
        total = 0
        for each in pids:
            try:
                status = Path(f"/proc/{each}/status").read_text()
            except OSError:
                continue
            total += int(status.split("VmRSS:")[1].split()[0])
        found[role] = total / 1024
    return found


def cpu_seconds(pid: int) -> dict[str, float]:
    """CPU time (user + system) of the server process and of its workers so far."""
    ticks = os.sysconf("SC_CLK_TCK")
    found: dict[str, float] = {}
    for role, pids in _processes(pid).items():
        total = 0
        for each in pids:
            try:
                fields = Path(f"/proc/{each}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += int(fields[11]) + int(fields[12])
        found[role] = total / ticks
    return found


def _memory(figures: dict[str, float]) -> str:
    return f"{sum(figures.values()):.0f} MiB (server {figures['server']:.0f}, workers {figures['workers']:.0f})"


def _parent(pid: int) -> int | None:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return None


def start_server(workers: int, queue: int) -> tuple[subprocess.Popen[bytes], str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "checker.cli", "serve", "--port", str(port), "--workers", str(workers), "--queue", str(queue)],
        cwd=HERE.parent,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                return process, url
        except httpx.HTTPError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("the server did not start")


def client(url: str, name: str, data: bytes, until: float, latencies: list[float], statuses: Counter[int], lock: threading.Lock) -> None:
    with httpx.Client(timeout=600) as http:
        while time.monotonic() < until:
            started = time.monotonic()
            try:
                status = http.post(f"{url}/api/check", files={"file": (name, data)}).status_code
            except httpx.HTTPError:
                status = 0
            elapsed = time.monotonic() - started
            with lock:
                statuses[status] += 1
                if status == 200:
                    latencies.append(elapsed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--pages", type=float, default=30)
    parser.add_argument("--lang", choices=["sv", "en"], default="sv")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--queue", type=int, default=None, help="default: the number of clients")
    parser.add_argument("--url", help="a server already running on this machine")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{args.lang}-{args.pages:g}.docx"
        write_docx(generate(args.lang, args.pages), path)
        data = path.read_bytes()
    process, url = (None, args.url) if args.url else start_server(args.workers, args.queue if args.queue is not None else args.clients)
    try:
        warm_up = [
            threading.Thread(target=lambda: httpx.post(f"{url}/api/check", files={"file": (path.name, data)}, timeout=600)) for _ in range(2 * args.workers)
        ]  # every worker has checked the document once
        for thread in warm_up:
            thread.start()
        for thread in warm_up:
            thread.join()
        memory_start = rss_mib(process.pid) if process else None
        cpu_start = cpu_seconds(process.pid) if process else None
        latencies: list[float] = []
        statuses: Counter[int] = Counter()
        lock = threading.Lock()
        started = time.monotonic()
        until = started + args.seconds
        threads = [threading.Thread(target=client, args=(url, path.name, data, until, latencies, statuses, lock)) for _ in range(args.clients)]
        for thread in threads:
            thread.start()
        samples: list[tuple[float, float]] = []  # (seconds into the run, MiB of server and workers)
        while any(thread.is_alive() for thread in threads):
            if process:
                samples.append((time.monotonic() - started, sum(rss_mib(process.pid).values())))
            time.sleep(1)
        wall = time.monotonic() - started
        memory_end = rss_mib(process.pid) if process else None
        cpu_end = cpu_seconds(process.pid) if process else None
        client_cpu = sum(os.times()[:2])
    finally:
        if process:
            process.send_signal(signal.SIGINT)
            process.wait(60)

    done = statuses[200]
    failed = sum(count for status, count in statuses.items() if status != 200)
    ordered = sorted(latencies)
    print(f"document      {path.name}: {len(data) / 1024:.0f} KiB, {args.pages:g} pages")
    print(
        f"load          {args.clients} clients for {args.seconds:g} s against --workers {args.workers}"
        f"{'' if args.url else f' --queue {args.queue if args.queue is not None else args.clients}'} ({os.cpu_count()} cores)"
    )
    print(f"requests      {done} answered 200 in {wall:.1f} s: {done / wall:.2f} per second")
    by_status = ", ".join(f"{status or 'no answer'}: {count}" for status, count in sorted(statuses.items()) if status != 200)
    print(f"failed        {failed}" + (f" ({by_status})" if failed else ""))
    if ordered:
        p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
        print(f"latency       p50 {statistics.median(ordered):.2f} s, p95 {p95:.2f} s, max {ordered[-1]:.2f} s")
    if memory_start is not None and memory_end is not None and cpu_start is not None and cpu_end is not None:
        peak = max((mib for _, mib in samples), default=0.0)
        print(f"memory (RSS)  at start {_memory(memory_start)}; at end {_memory(memory_end)}; peak {peak:.0f} MiB")
        if samples:
            quarters = [samples[min(len(samples) - 1, len(samples) * q // 4)] for q in range(1, 4)]
            print("memory over the run  " + ", ".join(f"{second:.0f} s: {mib:.0f} MiB" for second, mib in quarters))
        used = {role: cpu_end[role] - cpu_start[role] for role in cpu_end}
        print(
            f"CPU           server {used['server']:.1f} s, workers {used['workers']:.1f} s, "
            f"the clients (this process) {client_cpu:.1f} s, in {wall:.1f} s on {os.cpu_count()} cores"
        )
        if done:
            print(
                f"per document  {used['workers'] / done * 1000:.0f} ms of worker CPU, {used['server'] / done * 1000:.0f} ms of server CPU; "
                f"load average {os.getloadavg()[0]:.1f} (other processes share the cores)"
            )


if __name__ == "__main__":
    main()
