"""The example documents in examples/ give exactly the findings their .expected.json lists.

For every ``examples/*.md`` and ``examples/*.docx`` that has an expected file beside it, the
document is checked with the default shipped rulesets of its language (``checker.check``
without rulesets, as ``kravkoll check FILE`` does) and the findings, reduced to
``{"rule", "line", "column", "match"}`` and sorted by (line or 0, column or 0, rule), must
equal the expected list. The expected file of ``NAME.md`` is ``NAME.expected.json``; the one of
``NAME.docx`` is ``NAME.docx.expected.json`` (a .docx counts paragraphs, not lines).

An expected file is written from ``kravkoll check FILE --format json`` and reviewed finding by
finding; when a rule changes on purpose, rerun the command and review the difference.
An improved example (``*.improved.*``) must also have no finding of severity error or warning.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker import check

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def expected_path(document: Path) -> Path:
    if document.suffix == ".md":
        return document.with_suffix(".expected.json")
    return document.with_name(document.name + ".expected.json")


def example_documents() -> list[Path]:
    documents = sorted(p for pattern in ("*.md", "*.docx") for p in EXAMPLES.glob(pattern))
    return [p for p in documents if expected_path(p).is_file()]


def reduced_findings(document: Path) -> list[dict]:
    report = check([document])
    assert not any(f.error for f in report.files), report.files
    rows = [
        {
            "rule": f.rule,
            "line": f.location.line if f.location else None,
            "column": f.location.column if f.location else None,
            "match": f.match,
        }
        for f in report.findings
    ]
    return sorted(rows, key=lambda r: (r["line"] or 0, r["column"] or 0, r["rule"]))


def test_examples_exist() -> None:
    assert example_documents(), "no example with an .expected.json in examples/"


@pytest.mark.parametrize("document", example_documents(), ids=lambda p: p.name)
def test_example_gives_expected_findings(document: Path) -> None:
    expected = json.loads(expected_path(document).read_text(encoding="utf-8"))
    assert expected == sorted(expected, key=lambda r: (r["line"] or 0, r["column"] or 0, r["rule"])), "the expected file is not sorted"
    assert reduced_findings(document) == expected


@pytest.mark.parametrize("document", [p for p in example_documents() if ".improved." in p.name], ids=lambda p: p.name)
def test_improved_example_has_no_errors_or_warnings(document: Path) -> None:
    report = check([document])
    serious = [(f.rule, f.severity, f.text) for f in report.findings if f.severity in ("error", "warning")]
    assert serious == []
