"""The documents kept in bench/quality/corpus: each is listed in its MANIFEST with a free licence, is
read by bench/quality.py, and every label on it quotes words that stand on (or next to) its line."""

from __future__ import annotations

import importlib.util
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
KEPT = ROOT / "bench" / "quality" / "corpus"
NOT_DOCUMENTS = {"MANIFEST.tsv", "README.md"}


@cache
def _quality() -> ModuleType:
    """bench/quality.py as a module (registered first: its dataclasses look their module up)."""
    spec = importlib.util.spec_from_file_location("bench_quality", ROOT / "bench" / "quality.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _kept_documents() -> set[str]:
    return {path.name for path in KEPT.iterdir() if path.is_file() and path.name not in NOT_DOCUMENTS}


def test_every_kept_document_is_read_and_has_a_free_licence() -> None:
    quality = _quality()
    kept = _kept_documents()
    assert kept, "bench/quality/corpus holds no documents"
    assert KEPT in quality.CORPUS
    assert kept <= quality.free_documents([KEPT]), "a document without a free licence in MANIFEST.tsv"
    assert all(quality.find_document(name, quality.CORPUS) == KEPT / name for name in kept)


def test_every_label_on_a_kept_document_quotes_its_line() -> None:
    quality = _quality()
    kept = _kept_documents()
    split = quality.load_split()
    checked = 0
    for kind in ("requirements", "chain", "clauses"):
        for name, labels in quality.load_labels(kind).items():
            if name not in kept:
                continue
            assert split.get(name) in ("dev", "heldout"), f"{name} is in no split"
            lines = (KEPT / name).read_text(encoding="utf-8").split("\n")
            for label in labels:
                if not label.get("line"):
                    continue  # a clause labelled absent has no evidence
                line = int(label["line"])
                near = quality.normalise(" ".join(lines[max(line - 3, 0) : line + 4]))
                assert quality.normalise(label["quote"]) in near, f"{kind}: {name}:{line} {label['quote']!r}"
                checked += 1
    assert checked


def test_labels_quote_a_markdown_link_by_its_text() -> None:
    quality = _quality()
    statement = (
        "**BÖR**: Diggs [Svenskt ramverk](https://www.digg.se/kunskap) och [EU-förordningen](https://eur-lex.europa.eu/eli/reg/2024/903/oj) är konsulterade."
    )
    assert quality.normalise("BÖR: Diggs Svenskt ramverk") in quality.normalise(statement)
    assert quality.normalise("Svenskt ramverk och EU-förordningen är konsulterade.") in quality.normalise(statement)
