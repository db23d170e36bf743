"""bench/datasets_sv_vague.py: each Swedish clause once, vague where any of its copies is labelled
Unspecific, and counted flagged only for an unmeasurable or ambiguous finding of the shipped rules."""

from __future__ import annotations

import importlib.util
import json
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


@cache
def _bench() -> ModuleType:
    """bench/datasets_sv_vague.py as a module (registered first: its dataclasses look their module up)."""
    spec = importlib.util.spec_from_file_location("bench_datasets_sv_vague", ROOT / "bench" / "datasets_sv_vague.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _record(text: str, labels: list[tuple[str, int]], lang: str = "sv", real: bool = True) -> str:
    expected = [{"type": kind, "count": count, "tags": [], "patterns": []} for kind, count in labels]
    return json.dumps({"text": text, "lang": lang, "expected": expected, "from_real_document": real, "source_document": None})


def test_clauses_are_read_once_and_counted(tmp_path: Path) -> None:
    data = tmp_path / "snippets.jsonl"
    lines = [
        _record("Leverantören ska utan dröjsmål avhjälpa felet.", [("Deadline", 1)]),
        _record("Leverantören  ska utan dröjsmål avhjälpa felet.", [("Unspecific", 1)], real=False),  # the same, spaced
        _record("Leverantören ska åtgärda fel inom 4 timmar.", [("Unspecific", 0)]),  # count 0: not vague
        _record("Tjänsten ska ha hög kvalitet.", [("OBLIGATION", 1)]),
        _record("The Supplier shall respond promptly.", [("Unspecific", 1)], lang="en"),  # not Swedish
    ]
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    bench = _bench()
    clauses = bench.load_clauses(data)
    assert [(c.vague, c.real) for c in clauses] == [(True, True), (False, True), (False, True)]
    tally = bench.measure(clauses, list_all=True)
    assert (tally.vague_flagged, tally.vague, tally.other_flagged, tally.other) == (1, 1, 1, 2)
    assert tally.rules_vague["KR002"] == 1 and tally.rules_other["KR001"] == 1
    assert "| Unspecific clauses flagged (recall) | 1.00 (1/1) |" in bench.report(tally)
