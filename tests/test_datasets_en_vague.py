"""bench/datasets_en_vague.py: the marked spans of a vagueness set read, and each one counted as
caught by a rule's list, caught only as a predicate adjective, or missed."""

from __future__ import annotations

import importlib.util
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


@cache
def _bench() -> ModuleType:
    """bench/datasets_en_vague.py as a module (registered first: its dataclasses look their module up)."""
    spec = importlib.util.spec_from_file_location("bench_datasets_en_vague", ROOT / "bench" / "datasets_en_vague.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_marks_read_as_spans(tmp_path: Path) -> None:
    (tmp_path / "Raw_english_annotated.txt").write_text("report it <as soon as possible> and <briefly>\nno marks here\n", encoding="utf-8")
    first, second = _bench().read_sentences(tmp_path)
    assert first.text == "report it as soon as possible and briefly"
    assert [first.text[a:b] for a, b in first.marked] == ["as soon as possible", "briefly"]
    assert second.marked == []


def test_spans_caught_by_list_by_predicate_list_or_missed(tmp_path: Path) -> None:
    bench = _bench()
    (tmp_path / "Raw_english_annotated.txt").write_text(
        "we need <adequate> staff\nthe text is <legible>\nit went <slowly> and it was always so\n", encoding="utf-8"
    )
    vocab = bench.Vocabulary(anywhere={"vague": ["adequate", "always"]}, predicate={"vague_predicate": ["legible"]})
    report = bench.measure(bench.read_sentences(tmp_path), vocab, top=5)
    assert "caught anywhere:        1" in report
    assert "caught as predicate only: 1 (1 distinct: legible)" in report
    assert "missed:                 1" in report
    assert "1  slowly" in report
    assert "0 /   1  vague: always" in report  # a match on an unmarked word


def test_shipped_vocabulary_has_the_vague_word_lists() -> None:
    vocab = _bench().vocabulary(_bench().DEFAULT_RULESETS)
    assert {"vague_quality", "vague_time", "escape", "comparative", "vague_quantity"} <= vocab.anywhere.keys()
    assert "vague_predicate" in vocab.predicate
    assert all(not pattern.source.startswith("^") for pattern in vocab.patterns.values())
