"""kravkoll on real procurement text: the corpus's documents, as Markdown and as .docx.

    python bench/real.py                          # corpus from $KRAVKOLL_CORPUS or shared/corpus beside the repository
    python bench/real.py --corpus DIR --repeat 3

The documents are every ``*.md`` of the corpus folder and of its ``more/`` folder (README.md
left out), grouped by language (``en_*``, ``sv_*``). For each language they are joined into
one file (``bench/out/real-LANG.md``), which is repeated to at least 1 MB (``real-LANG-1mb.md``)
and to four times that (``real-LANG-4mb.md``), cut to 300 pages (``real-LANG-300p.md``), and
written as .docx with ``examples/make_docx.py`` (``real-LANG.docx``, the joined texts once).
Measured:

- in this process, CPU seconds, best of ``--repeat``: reading alone (the Markdown, and the same
  text read as plain text), checking alone, read + check (``engine.check``, what ``kravkoll
  check`` does per file), with every shipped ruleset of the language; 4x the text; the .docx
  read alone and read + check beside python-docx's own walk of it (``bench/read_docx.py``);
- as a subprocess, wall-clock seconds (best and median): the whole ``kravkoll check --format
  json`` of the 1 MB file; ``kravkoll --version``, ``--help``, and a one-page check (the first
  3,400 characters of the English text) with the cache of compiled rulesets warm and with
  ``--no-cache``; proselint on the 1 MB English file when it is installed beside this Python or
  on the PATH (else the report says it was skipped);
- peak memory of ``kravkoll check`` on 300 real pages of each language, in a fresh process;
- where the time of read + check of the 1 MB English file goes: a profile, by module.

The report ends with the targets of issue 16, each met or missed.

Results also go to bench/out/real.json.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
OUT = BENCH / "out"
sys.path[:0] = [str(ROOT), str(ROOT / "examples")]

from read_docx import python_docx_walk  # noqa: E402
from run import alternate_best, best_of, child_cpu_seconds, command_env, kravkoll_command, measure_memory, ms, rule_files_for, verdict  # noqa: E402
from shared_data import shared_path  # noqa: E402

MEGABYTE = 1_000_000
PAGE = 3_400  # characters, as bench/generate.py counts a page


def corpus_folder(given: str | None) -> Path:
    return Path(given or os.environ.get("KRAVKOLL_CORPUS") or shared_path("corpus"))


def corpus_texts(folder: Path, language: str) -> list[Path]:
    """The corpus's Markdown documents in ``language``, the main folder's first."""
    return [path for sub in (folder, folder / "more") for path in sorted(sub.glob(f"{language}_*.md"))]


def joined(paths: list[Path]) -> str:
    return "\n\n".join(path.read_text(encoding="utf-8").strip("\n") for path in paths) + "\n"


def write_inputs(folder: Path, language: str) -> dict[str, Path]:
    """The files of one language in bench/out (see the module notes)."""
    from make_docx import convert  # noqa: PLC0415

    text = joined(corpus_texts(folder, language))
    copies = -(-MEGABYTE // len(text.encode("utf-8")))
    files = {
        "once": OUT / f"real-{language}.md",
        "1mb": OUT / f"real-{language}-1mb.md",
        "4mb": OUT / f"real-{language}-4mb.md",
        "300p": OUT / f"real-{language}-300p.md",
    }
    files["once"].write_text(text, encoding="utf-8")
    files["1mb"].write_text(text * copies, encoding="utf-8")
    files["4mb"].write_text(text * copies * 4, encoding="utf-8")
    files["300p"].write_text(pages(text * copies * 4, 300), encoding="utf-8")
    files["docx"] = OUT / f"real-{language}.docx"
    convert(files["once"], files["docx"])
    return files


def pages(text: str, count: int) -> str:
    """The first paragraphs of ``text`` up to about ``count`` pages."""
    cut = text.rfind("\n\n", 0, PAGE * count)
    return text[: cut if cut > 0 else PAGE * count].rstrip("\n") + "\n"


def one_page(text: str) -> str:
    """The first paragraphs of ``text`` up to about a page."""
    return pages(text, 1)


def wall_times(repeat: int, command: list[str], env: dict[str, str] | None = None) -> dict[str, float]:
    """Best and median wall-clock seconds of ``command`` as a subprocess, and its least CPU
    seconds (what a busy machine disturbs least)."""
    times, cpu = [], []
    for _ in range(repeat):
        start, cpu_start = time.perf_counter(), child_cpu_seconds()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=env)
        times.append(time.perf_counter() - start)
        cpu.append(child_cpu_seconds() - cpu_start)
    return {"best_s": min(times), "median_s": statistics.median(times), "cpu_s": min(cpu)}


def in_process(files: dict[str, Path], language: str, repeat: int) -> dict[str, Any]:
    from checker.config import Config  # noqa: PLC0415
    from checker.engine import Linter  # noqa: PLC0415
    from checker.limits import collector_paused  # noqa: PLC0415
    from checker.readers import read_document  # noqa: PLC0415
    from checker.rulecompile import load_rulesets  # noqa: PLC0415

    rulesets = load_rulesets(rule_files_for(language))
    linter = Linter(rulesets=rulesets)  # as a library caller that checks again and again
    with_language = Linter(Config(lang=language), rulesets)

    def read(path: Path, fmt: str | None = None) -> Any:
        with collector_paused():
            return read_document(path, language=language, fmt=fmt)

    document = read(files["1mb"])
    linter.check_document(document)  # builds the matcher once

    def check_only() -> Any:
        with collector_paused():
            return linter.check_document(document)

    result: dict[str, Any] = {
        "megabytes": files["1mb"].stat().st_size / MEGABYTE,
        "pages": len(files["1mb"].read_text(encoding="utf-8")) / PAGE,
        "statements": len(document.statements),
        "read_s": best_of(repeat, lambda: read(files["1mb"])),
        "read_txt_s": best_of(repeat, lambda: read(files["1mb"], "txt")),
        "check_s": best_of(repeat, check_only),
        "full_s": best_of(repeat, lambda: with_language.check([files["1mb"]])),
        "docx_read_s": best_of(repeat, lambda: read(files["docx"])),
        "docx_full_s": best_of(repeat, lambda: with_language.check([files["docx"]])),
    }
    # 4x the text beside 1x, alternately and as often: the ratio of two best times
    result["full_1mb_beside_4mb_s"], result["full_4mb_s"] = alternate_best(
        repeat, lambda: with_language.check([files["1mb"]]), lambda: with_language.check([files["4mb"]])
    )
    data = files["docx"].read_bytes()
    result["docx_walk_s"] = best_of(repeat, lambda: python_docx_walk(data))
    result["docx_megabytes"] = len(data) / MEGABYTE
    return result


def where_time_goes(path: Path, language: str, top: int = 10) -> list[tuple[str, float]]:
    """Seconds of read + check of ``path`` spent in each module's own code (a profile of the
    first check in this process, as ``kravkoll check`` runs it: the matcher is built and RE2
    builds its DFA states on the way), largest first."""
    from checker.config import Config  # noqa: PLC0415
    from checker.engine import check  # noqa: PLC0415
    from checker.rulecompile import load_rulesets  # noqa: PLC0415

    rulesets = load_rulesets(rule_files_for(language))
    config = Config(lang=language)
    profile = cProfile.Profile()
    profile.enable()
    check([path], rulesets, config)
    profile.disable()
    by_module: dict[str, float] = {}
    for (filename, _line, name), (_calls, _primitive, own, _cumulative, _callers) in pstats.Stats(profile).stats.items():
        module = _builtin_name(name) if filename == "~" else _module_name(filename)  # built-ins by name: str methods, RE2 calls
        by_module[module] = by_module.get(module, 0.0) + own
    return sorted(by_module.items(), key=lambda item: -item[1])[:top]


def _builtin_name(name: str) -> str:
    """``<method 'search' of 're.Pattern' objects>`` → ``re.Pattern.search``."""
    method = re.fullmatch(r"<method '(\w+)' of '([\w.]+)' objects>", name)
    if method:
        return f"{method.group(2)}.{method.group(1)}"
    return name.removeprefix("<built-in method ").removesuffix(">")


def _module_name(filename: str) -> str:
    path = Path(filename)
    if "checker" in path.parts:
        return ".".join(path.parts[path.parts.index("checker") :]).removesuffix(".py")
    if "site-packages" in path.parts:
        return path.parts[path.parts.index("site-packages") + 1]
    return path.name


def commands(files: dict[str, Path], repeat: int) -> dict[str, Any]:
    kravkoll = kravkoll_command()
    with tempfile.TemporaryDirectory() as scratch:
        page = Path(scratch) / "one-page.md"
        page.write_text(one_page(files["once"].read_text(encoding="utf-8")), encoding="utf-8")
        cache_env = command_env({"KRAVKOLL_CACHE_DIR": str(Path(scratch) / "cache")})
        subprocess.run([*kravkoll, "check", "--lang", "en", str(page)], capture_output=True, check=False, env=cache_env)  # warms the cache and writes bytecode
        result = {
            "version": wall_times(repeat, [*kravkoll, "--version"], command_env()),
            "help": wall_times(repeat, [*kravkoll, "--help"], command_env()),
            "one_page_warm": wall_times(repeat, [*kravkoll, "check", "--lang", "en", str(page)], cache_env),
            "one_page_no_cache": wall_times(repeat, [*kravkoll, "check", "--no-cache", "--lang", "en", str(page)], cache_env),
            "python_alone": wall_times(repeat, [sys.executable, "-c", "pass"]),
        }
        whole = [*kravkoll, "check", "--format", "json", "--fail-on", "never"]
        for language in ("en", "sv"):
            result[f"whole_1mb_{language}"] = wall_times(max(1, repeat // 3), [*whole, "--lang", language, str(OUT / f"real-{language}-1mb.md")], cache_env)
        result["whole_docx_en"] = wall_times(max(1, repeat // 3), [*whole, "--lang", "en", str(files["docx"])], cache_env)
        walk = (
            f"import sys; sys.path.insert(0, {str(BENCH)!r}); from read_docx import python_docx_walk; "
            f"python_docx_walk(open({str(files['docx'])!r}, 'rb').read())"
        )
        result["walk_docx_en"] = wall_times(max(1, repeat // 3), [sys.executable, "-c", walk])
    proselint = shutil.which("proselint", path=str(Path(sys.executable).parent)) or shutil.which("proselint")
    if proselint:
        result["proselint_1mb_en"] = wall_times(max(1, repeat // 3), [proselint, "check", str(OUT / "real-en-1mb.md")])
    return result


def memory(files: dict[str, dict[str, Path]]) -> dict[str, dict[str, float]]:
    """Peak memory of ``kravkoll check`` on 300 real pages of each language (fresh processes)."""
    return {language: measure_memory(files[language]["300p"], rule_files_for(language)) for language in ("en", "sv")}


def report(results: dict[str, Any]) -> None:
    print("\n== real text (corpus), CPU seconds in process, best of", results["repeat"])
    for language in ("en", "sv"):
        entry = results[language]
        pages_per_s = entry["pages"] / entry["full_s"]
        print(f"  {language}: {entry['megabytes']:.2f} MB ({entry['pages']:.0f} pages, {entry['statements']} statements)")
        print(
            f"     read {ms(entry['read_s'])}   check {ms(entry['check_s'])}   read + check {ms(entry['full_s'])}"
            f"   {pages_per_s:.0f} pages/s   {entry['full_s'] / entry['megabytes']:.2f} s/MB"
        )
        print(f"     the same text read as plain text {ms(entry['read_txt_s'])}")
        print(f"     4x the text   x{entry['full_4mb_s'] / entry['full_1mb_beside_4mb_s']:.2f}")
        print(
            f"     .docx ({entry['docx_megabytes']:.2f} MB, the texts once): read {ms(entry['docx_read_s'])}, "
            f"read + check {ms(entry['docx_full_s'])}, python-docx walk {ms(entry['docx_walk_s'])}, "
            f"x{entry['docx_full_s'] / entry['docx_walk_s']:.2f}"
        )
    timed = results["commands"]
    print("\n== whole commands: wall clock (best / median), CPU (best)")
    for name, label in (
        ("python_alone", "python -c pass"),
        ("version", "kravkoll --version"),
        ("help", "kravkoll --help"),
        ("one_page_warm", "check, one page, warm cache"),
        ("one_page_no_cache", "check, one page, --no-cache"),
        ("whole_1mb_en", "check --format json, 1 MB en"),
        ("whole_1mb_sv", "check --format json, 1 MB sv"),
        ("proselint_1mb_en", "proselint, the same 1 MB en"),
        ("whole_docx_en", "check --format json, en .docx"),
        ("walk_docx_en", "python-docx walking the same .docx"),
    ):
        if name in timed:
            print(f"  {label:<32} {ms(timed[name]['best_s'])} / {ms(timed[name]['median_s'])}   {ms(timed[name]['cpu_s'])}")
    if "proselint_1mb_en" not in timed:
        print(
            "  proselint                        skipped: not installed beside this Python nor on the PATH "
            "(bash bench/setup.sh, then bench/.venv/bin/python bench/real.py)"
        )
    print("\n== memory of 'kravkoll check' on 300 real pages (fresh process)")
    for language, peak in results["memory"].items():
        print(
            f"  {language}: peak RSS {peak['peak_rss_mb']:.0f} MB (interpreter and imports {peak['baseline_rss_mb']:.0f} MB), "
            f"peak Python heap {peak['peak_traced_mb']:.0f} MB"
        )
    print("\n== where read + check of the 1 MB English text spends its time (own time by module, profiled)")
    total = sum(seconds for _, seconds in results["profile_en"])
    for module, seconds in results["profile_en"]:
        print(f"  {module:<40} {ms(seconds)}   {seconds / total:5.1%} of the top entries")
    targets(results)


def targets(results: dict[str, Any]) -> None:
    """The targets of issue 16 for real text, each met or missed (ratios from this one run)."""
    timed = results["commands"]
    print("\n== targets (real text)")
    whole = timed["whole_1mb_en"]
    if "proselint_1mb_en" in timed:
        proselint = timed["proselint_1mb_en"]
        for measure, label in (("median_s", "wall, median"), ("cpu_s", "CPU")):
            print(
                f"  1 MB English, whole command <= proselint's   {whole[measure]:.2f} s vs {proselint[measure]:.2f} s ({label})   "
                f"x{whole[measure] / proselint[measure]:.2f}   {verdict(whole[measure] <= proselint[measure])}"
            )
    else:
        print(f"  1 MB English, whole command <= proselint's   {whole['median_s']:.2f} s; proselint skipped (not installed)")
    docx, walk = timed["whole_docx_en"], timed["walk_docx_en"]
    for measure, label in (("median_s", "wall, median"), ("cpu_s", "CPU")):
        print(
            f"  en .docx, whole command <= 2x python-docx's walk (a whole command too)   {docx[measure]:.2f} s vs "
            f"{walk[measure]:.2f} s ({label})   x{docx[measure] / walk[measure]:.2f}   {verdict(docx[measure] <= 2 * walk[measure])}"
        )
    for language in ("en", "sv"):
        entry = results[language]
        docx = entry["docx_full_s"] / entry["docx_walk_s"]
        scaling = entry["full_4mb_s"] / entry["full_1mb_beside_4mb_s"]
        peak = results["memory"][language]["peak_rss_mb"]
        print(f"  {language}: .docx check <= 2x python-docx's walk, in process   x{docx:.2f}   {verdict(docx <= 2)}")
        print(f"  {language}: 4x the text <= 4.2x the time           x{scaling:.2f}   {verdict(scaling <= 4.2)}")
        print(f"  {language}: peak memory, 300 pages <= 200 MB       {peak:.0f} MB   {verdict(peak <= 200)}")


def run(corpus: Path, repeat: int) -> dict[str, Any] | None:
    if not corpus.is_dir():
        print(f"\n== real text: skipped ({corpus} does not exist; give --corpus or KRAVKOLL_CORPUS)")
        return None
    OUT.mkdir(exist_ok=True)
    files = {language: write_inputs(corpus, language) for language in ("en", "sv")}
    results: dict[str, Any] = {"corpus": str(corpus), "repeat": repeat}
    for language in ("en", "sv"):
        results[language] = in_process(files[language], language, repeat)
    results["commands"] = commands(files["en"], max(repeat * 2, 5))
    results["memory"] = memory(files)
    results["profile_en"] = where_time_goes(files["en"]["1mb"], "en")
    report(results)
    (OUT / "real.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", help="corpus folder (default: $KRAVKOLL_CORPUS or shared/corpus beside the repository)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement; the best counts (default 5)")
    args = parser.parse_args()
    run(corpus_folder(args.corpus), args.repeat)


if __name__ == "__main__":
    main()
