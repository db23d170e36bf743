"""How long the writer tools take beyond the check itself: the matrix (trace + balance) and
its renderings, and the HTML report, per document.

    python bench/writer_tools.py [FOLDER_OR_FILES...]   (default: ../shared/corpus/*.md)

Rulesets: the test fixtures writer-sv / writer-en (with the balance lists), by language.
Prints one line per document and the totals; best of 3 runs each.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from checker.engine import Linter
from checker.matrix import build_matrix, matrix_document
from checker.readers import read_document
from checker.reporters.html import render_report
from checker.reporters.matrix import MATRIX_FORMATS
from checker.rulecompile import load_ruleset

ROOT = Path(__file__).resolve().parent.parent
RULES = {"sv": load_ruleset(ROOT / "tests/fixtures/writer-sv.krav"), "en": load_ruleset(ROOT / "tests/fixtures/writer-en.krav")}
LINTERS = {language: Linter(rulesets=[ruleset]) for language, ruleset in RULES.items()}  # matchers built once


def best(action, runs: int = 3) -> tuple[float, object]:
    times, value = [], None
    for _ in range(runs):
        start = time.perf_counter()
        value = action()
        times.append(time.perf_counter() - start)
    return min(times), value


def main(arguments: list[str]) -> None:
    paths = [Path(a) for a in arguments] or sorted((ROOT.parent / "shared/corpus").glob("*.md"))
    files = [p for path in paths for p in (sorted(path.glob("*.md")) if path.is_dir() else [path])]
    totals = [0.0, 0.0, 0.0, 0.0]
    print(f"{'document':52} {'chars':>7} {'reqs':>5} {'check':>8} {'matrix':>8} {'renders':>8} {'report':>8}")
    for path in files:
        document = read_document(path)
        t_check, result = best(lambda d=document, linter=LINTERS[document.language]: linter.check_document(d))
        t_matrix, doc = best(lambda r=result: matrix_document(r))
        matrix = build_matrix([result])
        t_render, _ = best(lambda m=matrix: [render(m) for render in MATRIX_FORMATS.values()])
        t_report, _ = best(lambda r=result, d=doc: render_report(r, d, ["bench"]))
        for k, t in enumerate((t_check, t_matrix, t_render, t_report)):
            totals[k] += t
        chars = len(path.read_text(encoding="utf-8"))
        print(f"{path.name[:52]:52} {chars:7d} {len(doc.requirements):5d} " + " ".join(f"{t * 1000:6.1f}ms" for t in (t_check, t_matrix, t_render, t_report)))
    print(f"{'total':52} {'':7} {'':5} " + " ".join(f"{t * 1000:6.1f}ms" for t in totals))


if __name__ == "__main__":
    main(sys.argv[1:])
