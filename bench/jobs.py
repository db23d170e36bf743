"""How much faster is ``kravkoll check --jobs N`` than ``--jobs 1`` on a batch?

Generates a batch of Swedish Markdown documents of a few pages each (requirements, vague and
measurable, follow-up and sanction clauses, a requirements table), then times the whole
command (process start included) with each ``--jobs`` value and checks the reports are
byte-identical::

    python bench/jobs.py                      # 200 documents of ~3 pages, --jobs 1 and 2
    python bench/jobs.py --docs 400 --jobs 1 2 4 --ruleset sv-avtal

On a machine shared with other work the parallel runs suffer most; give the benchmark its own
scheduling group with priority (Linux autogroups, as root)::

    setsid bash -c 'echo -15 > /proc/self/autogroup && python bench/jobs.py'

Measured on 2 CPUs that way (200 documents, contract example ruleset): ~3 pages each (2.5 MB)
--jobs 1 3.46-3.92 s, --jobs 2 2.01-2.26 s: 1.72-1.73x; ~6 pages each (5 MB) 7.00 s and 3.66 s:
1.91x. CPU time is the same within 3-8 %; the rest is process start-up (~0.3 s) and merging.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_RULESET = ROOT / "tests" / "fixtures" / "contract-example.krav"

SUBJECTS = ["Leverantören", "Tjänsten", "Systemet", "Konsulten", "Supportfunktionen", "Driftleverantören"]
VAGUE = ["snabbt", "skyndsamt", "i rimlig tid", "vid behov", "med god kvalitet", "på ett adekvat sätt", "om möjligt"]
MEASURED = ["inom 4 timmar", "inom 2 arbetsdagar", "99,5 % per månad", "inom 30 minuter", "minst 95 procent", "inom 10 dagar"]
VERBS = ["åtgärda fel", "besvara ärenden", "leverera rapporter", "vara tillgänglig", "återställa data", "uppdatera dokumentationen"]
FILLER = [
    "Beställaren ansvarar för att uppgifterna är korrekta.",
    "Arbetet utförs i enlighet med beställarens riktlinjer och gällande lagstiftning.",
    "Parterna samverkar i frågor som rör tjänstens utveckling.",
    "Dokumentationen hålls tillgänglig för beställaren under hela avtalsperioden.",
    "Ändringar i tjänsten hanteras enligt avsnittet om ändringshantering.",
]


def document(rng: random.Random, pages: int) -> str:
    """A contract-like document of about ``pages`` pages (~450 words each)."""
    out = ["# Avtal om drift och förvaltning", "", "Avtalstid: två år med möjlighet till förlängning ett år.", ""]
    number = 0
    for section in range(1, pages * 3 + 1):
        out += [f"## {section} Område {section}", ""]
        for _ in range(rng.randint(4, 7)):
            number += 1
            level = rng.choice(VAGUE) if rng.random() < 0.4 else rng.choice(MEASURED)
            sentence = f"K{section}.{number} {rng.choice(SUBJECTS)} ska {rng.choice(VERBS)} {level}."
            extra = " ".join(rng.choice(FILLER) for _ in range(rng.randint(1, 3)))
            out += [f"{sentence} {extra}", ""]
            if rng.random() < 0.3:
                out += [f"Kravet enligt K{section}.{number} följs upp genom kvartalsvis rapport.", ""]
            if rng.random() < 0.2:
                out += [f"Vid brist mot K{section}.{number} utgår vite om {rng.randint(1, 9) * 1000} kr.", ""]
        if section % 3 == 0:
            out += ["| Id | Krav | Nivå |", "| --- | --- | --- |"]
            out += [f"| T{section}.{i} | {rng.choice(SUBJECTS)} ska {rng.choice(VERBS)} | {rng.choice(MEASURED + VAGUE)} |" for i in range(5)]
            out.append("")
    return "\n".join(out) + "\n"


def time_run(folder: Path, ruleset: str, jobs: int) -> tuple[float, float, bytes]:
    """Wall-clock seconds, CPU seconds (all processes) and the JSON report of one run."""
    command = [sys.executable, "-m", "checker.cli", "check", str(folder), "--ruleset", ruleset, "--format", "json", "--fail-on", "never", "--jobs", str(jobs)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, check=False, cwd=ROOT)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"kravkoll failed ({result.returncode}): {result.stderr.decode()}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu, result.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--pages", type=int, default=3)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=5, help="runs per --jobs value; the median is reported")
    parser.add_argument("--ruleset", default=str(DEFAULT_RULESET))
    args = parser.parse_args()

    rng = random.Random(20240611)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        size = 0
        for i in range(args.docs):
            text = document(rng, args.pages)
            size += len(text.encode("utf-8"))
            (folder / f"avtal-{i:04}.md").write_text(text, encoding="utf-8")
        print(
            f"{args.docs} documents, {size / 1e6:.1f} MB, ruleset {args.ruleset}, {os.cpu_count()} CPUs,"
            f" load average {os.getloadavg()[0]:.2f} (other processes slow the parallel runs most)"
        )
        time_run(folder, args.ruleset, 1)  # warm the file cache
        medians: dict[int, float] = {}
        outputs: set[bytes] = set()
        for jobs in args.jobs:
            times, cpus = [], []
            for _ in range(args.repeat):
                elapsed, cpu, output = time_run(folder, args.ruleset, jobs)
                times.append(elapsed)
                cpus.append(cpu)
                outputs.add(output)
            medians[jobs] = statistics.median(times)
            print(
                f"--jobs {jobs}: median {medians[jobs]:.2f} s (min {min(times):.2f}, max {max(times):.2f}, {args.repeat} runs;"
                f" CPU {statistics.median(cpus):.2f} s)"
            )
        base = medians[args.jobs[0]]
        for jobs in args.jobs[1:]:
            print(f"speed-up --jobs {jobs} over --jobs {args.jobs[0]}: {base / medians[jobs]:.2f}x")
        print("reports identical across --jobs:", len(outputs) == 1)


if __name__ == "__main__":
    main()
