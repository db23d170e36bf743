"""kravkoll benchmark: one run prints every number of bench/README.md on this machine.

    bash bench/setup.sh                      # once: bench/.venv with kravkoll and proselint
    bench/.venv/bin/python bench/run.py      # about two minutes
    bench/.venv/bin/python bench/run.py --pages 30 --repeat 2   # a quick look

Measures, on generated tender documents (bench/generate.py) and with every ruleset in
rulesets/*.krav of the document's language (tests/fixtures/contract-example.krav when there are
none): reading alone vs the full check, scaling from 1x to 4x the document, 1x vs 10x terms per
list, start-up of ``kravkoll --help`` and ``kravkoll rules list``, pages per second, peak memory
of ``kravkoll check`` and time per MB next to proselint on the same text. Times are the best of
``--repeat`` runs, in CPU seconds of the (single-threaded) process, which a busy machine
disturbs far less than wall-clock time; on an idle machine the two are the same. Results also go
to bench/out/results.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from functools import cache
from pathlib import Path
from typing import Any, Callable

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
OUT = BENCH / "out"
FALLBACK_RULESET = ROOT / "tests" / "fixtures" / "contract-example.krav"

sys.path.insert(0, str(ROOT))

from generate import CHARS_PER_PAGE, generate, write  # noqa: E402
from variants import write_variants  # noqa: E402

# ---- helpers -------------------------------------------------------------------------------------


def best_of(repeat: int, action: Callable[[], Any]) -> float:
    """The least CPU time (seconds) this process spent on ``action`` in ``repeat`` runs."""
    times = []
    for _ in range(repeat):
        start = time.process_time()
        action()
        times.append(time.process_time() - start)
    return min(times)


def alternate_best(repeat: int, first: Callable[[], Any], second: Callable[[], Any]) -> tuple[float, float]:
    """The least CPU time (seconds) of each of two actions, run one after the other ``repeat``
    times: a ratio of the two is not skewed by a busy spell that falls on one of them only, or
    by one having more tries than the other."""
    firsts, seconds = [], []
    for _ in range(repeat):
        firsts.append(best_of(1, first))
        seconds.append(best_of(1, second))
    return min(firsts), min(seconds)


def command_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment kravkoll's commands are timed in: Python's bytecode written and read, as
    an installed package has it (without, every run compiles kravkoll's modules anew: about
    0.1 s of a one-page check), whatever PYTHONDONTWRITEBYTECODE this shell sets."""
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    return {**env, **(extra or {})}


def child_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def best_of_command(repeat: int, command: list[str]) -> float:
    """The least CPU time (seconds) of ``command`` run as a subprocess, ``repeat`` times (after
    one run that writes its bytecode: :func:`command_env`)."""
    times = []
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=command_env())
    for _ in range(repeat):
        start = child_cpu_seconds()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=command_env())
        times.append(child_cpu_seconds() - start)
    return min(times)


def kravkoll_command() -> list[str]:
    """The kravkoll of this Python environment."""
    script = Path(sys.executable).parent / "kravkoll"
    return [str(script)] if script.exists() else [sys.executable, "-m", "checker.cli"]


def ruleset_language(path: Path) -> str:
    match = re.search(r"(?m)^\s*language\s+(\w+)", path.read_text(encoding="utf-8"))
    return match.group(1) if match else "any"


def rule_files_for(language: str) -> list[Path]:
    """Shipped rulesets a document in ``language`` is checked with (the fixture if none ship)."""
    shipped = sorted((ROOT / "rulesets").glob("*.krav"))
    chosen = [p for p in shipped if ruleset_language(p) in (language, "any")]
    return chosen or [FALLBACK_RULESET]


@cache
def document(language: str, pages: int, suffix: str) -> Path:
    """A generated document in bench/out, written afresh once per run."""
    path = OUT / f"{language}-{pages}p{suffix}"
    write(generate(language, pages), path)
    return path


def text_megabytes(path: Path) -> float:
    return len(path.read_bytes()) / 1_000_000


# ---- measurements --------------------------------------------------------------------------------


def measure_check(path: Path, rule_files: list[Path], repeat: int) -> dict[str, float]:
    """Read alone, check alone (document already read) and read + check, best of ``repeat``.

    Reading and checking run as ``kravkoll check`` runs them: with the cyclic garbage
    collector paused (checker.limits.one_document).
    """
    from checker.engine import Linter  # noqa: PLC0415
    from checker.limits import collector_paused  # noqa: PLC0415
    from checker.readers import read_document  # noqa: PLC0415
    from checker.rulecompile import load_rulesets  # noqa: PLC0415

    def read() -> Any:
        with collector_paused():
            return read_document(path)

    def check_only() -> Any:
        with collector_paused():
            return linter.check_document(doc)

    start = time.process_time()
    linter = Linter(rulesets=load_rulesets(rule_files))  # as a library caller that checks again and again
    doc = read()
    result = check_only()  # builds the rulesets' automaton and RE2 set once
    first = time.process_time() - start
    matches = sum(len(statements) for c in result.classifications for sets in (c.term_sets, c.pattern_sets) for statements in sets.values())
    return {
        "read_s": best_of(repeat, read),
        "check_s": best_of(repeat, check_only),
        "full_s": best_of(repeat, lambda: linter.check([path])),
        "first_run_s": first,
        "statements": len(doc.statements),
        "atom_matches": matches,
    }


def measure_scaling(one: Path, four: Path, rule_files: list[Path], repeat: int) -> dict[str, float]:
    """Read + check of a document and of one four times as long, run alternately (best of
    ``repeat`` each): ``full_s`` of the long one, ``base_full_s`` of the short one beside it."""
    from checker.engine import Linter  # noqa: PLC0415
    from checker.rulecompile import load_rulesets  # noqa: PLC0415

    linter = Linter(rulesets=load_rulesets(rule_files))
    linter.check([one])  # the matcher built, RE2's states for this kind of text made
    base, full = alternate_best(repeat, lambda: linter.check([one]), lambda: linter.check([four]))
    return {"full_s": full, "base_full_s": base}


def measure_pathological_patterns(repeat: int) -> dict[str, float]:
    """RE2 time of patterns that take Python's re exponential time, on 250 KB and 1 MB."""
    from checker.matching import StatementMatcher, compile_pattern  # noqa: PLC0415

    result: dict[str, float] = {}
    for source, filler in (("(a*)*b", "a"), ("(x+x+)+y", "x")):
        matcher = StatementMatcher({}, {"p": compile_pattern(source)})
        small, large = filler * 250_000, filler * 1_000_000
        result[source] = best_of(repeat, lambda: matcher.scan(large)) / best_of(repeat, lambda: matcher.scan(small))
        result[source + " 1 MB s"] = best_of(repeat, lambda: matcher.scan(large))
    return result


def measure_memory(path: Path, rule_files: list[Path]) -> dict[str, float]:
    """Peak RSS and peak traced Python memory of ``kravkoll check`` on ``path`` (fresh processes)."""
    probe = [sys.executable, str(Path(__file__).resolve()), "--memory-probe", str(path), *map(str, rule_files)]
    rss = json.loads(subprocess.run(probe, capture_output=True, text=True, check=True).stdout)
    traced = json.loads(subprocess.run([*probe, "--tracemalloc"], capture_output=True, text=True, check=True).stdout)
    return {"peak_rss_mb": rss["peak_rss_mb"], "baseline_rss_mb": rss["baseline_rss_mb"], "peak_traced_mb": traced["peak_traced_mb"]}


def peak_rss_mb() -> float:
    """This process's peak resident memory. Linux's VmHWM belongs to this program alone (ru_maxrss
    can carry the high-water mark of the process that forked it)."""
    status = Path("/proc/self/status")
    if status.exists():
        match = re.search(r"VmHWM:\s+(\d+) kB", status.read_text())
        if match:
            return int(match.group(1)) / 1024
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def memory_probe(path: str, rule_files: list[str], traced: bool) -> None:
    """Child process: run the CLI's check in-process and print its peak memory as JSON."""
    import tracemalloc  # noqa: PLC0415

    from checker.cli import main  # noqa: PLC0415

    baseline = peak_rss_mb()
    if traced:
        tracemalloc.start()
    with tempfile.TemporaryDirectory() as scratch:  # kravkoll writes only regular files: not os.devnull
        arguments = ["check", path, "--format", "json", "--output", str(Path(scratch) / "report.json"), "--fail-on", "never"]
        for rule_file in rule_files:
            arguments += ["--ruleset", rule_file]
        try:
            main(arguments, standalone_mode=False)
        except SystemExit:
            pass
        if not (Path(scratch) / "report.json").is_file():
            raise SystemExit(f"the memory probe's check of {path} wrote no report")
    result = {"baseline_rss_mb": baseline, "peak_rss_mb": peak_rss_mb()}
    if traced:
        result["peak_traced_mb"] = tracemalloc.get_traced_memory()[1] / 1_000_000
    print(json.dumps(result))


def measure_proselint(path: Path, rule_files: list[Path], repeat: int) -> dict[str, float] | None:
    """Seconds per MB of text for proselint and for kravkoll on the same file (subprocesses).

    ``*_s_per_mb`` is the whole command over the file's size; ``*_marginal_s_per_mb`` leaves
    out what a one-page file costs (start-up, loading rules), i.e. the cost of more text.
    """
    proselint = Path(sys.executable).parent / "proselint"
    if not proselint.exists():
        found = shutil.which("proselint")
        if found is None:
            return None
        proselint = Path(found)
    small = document("en", 1, ".md")
    extra_megabytes = text_megabytes(path) - text_megabytes(small)
    kravkoll = [*kravkoll_command(), "check", "--fail-on", "never", "--quiet"]
    for rule_file in rule_files:
        kravkoll += ["--ruleset", str(rule_file)]
    result = {"megabytes": text_megabytes(path)}
    for name, command in (("proselint", [str(proselint), "check"]), ("kravkoll", kravkoll)):
        whole = best_of_command(repeat, [*command, str(path)])
        one_page = best_of_command(repeat, [*command, str(small)])
        result[f"{name}_s_per_mb"] = whole / result["megabytes"]
        result[f"{name}_marginal_s_per_mb"] = (whole - one_page) / extra_megabytes
    return result


# ---- the run -------------------------------------------------------------------------------------


def run_real(corpus: str | None, repeat: int) -> dict[str, Any] | None:
    """bench/real.py on the corpus folder ``corpus`` (None: its default)."""
    from real import corpus_folder, run  # noqa: PLC0415 - real.py imports this module

    return run(corpus_folder(corpus), repeat)


def verdict(ok: bool) -> str:
    return "ok  " if ok else "MISS"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.0f} ms"


def language_section(language: str, pages: int, repeat: int) -> dict[str, Any]:
    """Reading, checking, scaling and 10x terms on one language's generated document."""
    rule_files = rule_files_for(language)
    print(f"\n== {language}: {pages} pages, rulesets: {', '.join(p.stem for p in rule_files)}")
    one = document(language, pages, ".md")
    base = measure_check(one, rule_files, repeat)
    large = measure_scaling(one, document(language, pages * 4, ".md"), rule_files, repeat)
    ten = measure_check(one, write_variants(rule_files, OUT / "rulesets-10x", 10), repeat)
    entry: dict[str, Any] = {
        "rulesets": [p.stem for p in rule_files],
        "megabytes": text_megabytes(one),
        "statements": base["statements"],
        "md": base,
        "md_4x": large,
        "md_10x_terms": ten,
        "full_over_read": base["full_s"] / base["read_s"],
        "check_over_read": base["check_s"] / base["read_s"],
        "scaling_4x": large["full_s"] / large["base_full_s"],
        "terms_10x_full": ten["full_s"] / base["full_s"],
        "terms_10x_check": ten["check_s"] / base["check_s"],
        "pages_per_s": pages / base["full_s"],
    }
    print(f"  {entry['megabytes']:.2f} MB of Markdown, {base['statements']} statements")
    print(f"  read alone            {ms(base['read_s'])}")
    print(f"  check alone           {ms(base['check_s'])}   check/read {entry['check_over_read']:.2f}")
    print(
        f"  read + check          {ms(base['full_s'])}   {verdict(base['full_s'] < 1.0)} (target < 1 s)   "
        f"full/read {entry['full_over_read']:.2f}   {verdict(entry['full_over_read'] <= 1.5)} (target <= 1.5)"
    )
    print(f"  first run             {ms(base['first_run_s'])}   rulesets compiled, matchers built, read, one check")
    print(f"  pages per second      {entry['pages_per_s']:8.0f}")
    print(
        f"  4x document           {ms(large['full_s'])}   x{entry['scaling_4x']:.2f}   {verdict(entry['scaling_4x'] <= 4.2)} (target <= 4.2; the 1x run beside it: {ms(large['base_full_s']).strip()})"
    )
    print(
        f"  10x terms             {ms(ten['full_s'])}   x{entry['terms_10x_full']:.2f}   {verdict(entry['terms_10x_full'] <= 1.5)} "
        f"(target <= 1.5)   check alone x{entry['terms_10x_check']:.2f}; "
        f"(atom, statement) matches {base['atom_matches']} -> {ten['atom_matches']}"
    )
    if (ROOT / "checker" / "readers" / "docx").is_dir():
        entry["docx"] = docx = measure_check(document(language, pages, ".docx"), rule_files, repeat)
        print(f"  .docx read alone      {ms(docx['read_s'])}")
        print(f"  .docx read + check    {ms(docx['full_s'])}   full/read {docx['full_s'] / docx['read_s']:.2f}")
    else:
        entry["docx"] = "skipped"
        print("  .docx                 skipped (checker/readers/docx/ does not exist yet)")
    return entry


def memory_section(pages: int) -> dict[str, float]:
    memory = measure_memory(document("sv", pages, ".md"), rule_files_for("sv"))
    print(f"\n== memory of 'kravkoll check' on sv {pages} pages (fresh process)")
    print(
        f"  peak RSS              {memory['peak_rss_mb']:8.0f} MB   {verdict(memory['peak_rss_mb'] < 300)} (target < 300 MB)   "
        f"interpreter and imports: {memory['baseline_rss_mb']:.0f} MB"
    )
    print(f"  peak Python heap      {memory['peak_traced_mb']:8.0f} MB   (tracemalloc)")
    return memory


def startup_section(repeat: int) -> dict[str, float]:
    kravkoll = kravkoll_command()
    startup = {"help_s": best_of_command(repeat, [*kravkoll, "--help"]), "rules_list_s": best_of_command(repeat, [*kravkoll, "rules", "list"])}
    print(f"\n== start-up (subprocess, best of {repeat})")
    print(f"  kravkoll --help       {ms(startup['help_s'])}")
    print(f"  kravkoll rules list   {ms(startup['rules_list_s'])}   (every shipped ruleset compiled)")
    return startup


def pattern_section(repeat: int) -> dict[str, float]:
    ratios = measure_pathological_patterns(repeat)
    print("\n== pathological patterns (RE2; Python's re takes exponential time on these)")
    for source in ("(a*)*b", "(x+x+)+y"):
        print(f"  /{source}/ over 1 MB   {ms(ratios[source + ' 1 MB s'])}   1 MB / 250 KB x{ratios[source]:.2f} (linear: x4)")
    return ratios


def proselint_section(pages: int, repeat: int) -> dict[str, float] | str:
    comparison = measure_proselint(document("en", pages, ".md"), rule_files_for("en"), repeat)
    print(f"\n== next to proselint (en {pages} pages, the same file, subprocesses)")
    if comparison is None:
        print("  skipped: proselint is not installed here (bash bench/setup.sh, then run with bench/.venv/bin/python)")
        return "skipped"
    for name in ("proselint", "kravkoll"):
        print(
            f"  {name:<21} {comparison[name + '_s_per_mb']:8.2f} s/MB whole command, "
            f"{comparison[name + '_marginal_s_per_mb']:.2f} s/MB for the text beyond one page"
        )
    return comparison


def run(pages: int, repeat: int, corpus: str | None = None) -> dict[str, Any]:
    OUT.mkdir(exist_ok=True)
    machine = f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    print(f"kravkoll benchmark on {machine}: CPU seconds of one single-threaded process, best of {repeat}")
    results: dict[str, Any] = {"machine": machine, "pages": pages, "chars_per_page": CHARS_PER_PAGE, "repeat": repeat}
    for language in ("sv", "en"):
        results[language] = language_section(language, pages, repeat)
    results["memory"] = memory_section(pages)
    results["startup"] = startup_section(max(repeat * 2, 5))
    results["patterns"] = pattern_section(repeat)
    results["proselint"] = proselint_section(pages, max(1, repeat // 2))
    results["real"] = run_real(corpus, repeat)  # bench/real.py: the corpus's real texts
    (OUT / "results.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"\nresults: {OUT / 'results.json'}")
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=300, help="size of the 1x document (default 300)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement; the best counts (default 5)")
    parser.add_argument("--corpus", help="folder of real texts for bench/real.py (default: $KRAVKOLL_CORPUS or shared/corpus beside the repository)")
    parser.add_argument("--memory-probe", nargs="+", metavar="PATH", help=argparse.SUPPRESS)
    parser.add_argument("--tracemalloc", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_probe:
        memory_probe(args.memory_probe[0], args.memory_probe[1:], args.tracemalloc)
        return
    run(args.pages, args.repeat, args.corpus)


if __name__ == "__main__":
    main()
