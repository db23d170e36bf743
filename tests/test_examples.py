"""The example documents give exactly the findings recorded next to them.

For every ``examples/NAME.md`` or ``examples/NAME.docx`` with a sibling
``examples/NAME.expected.json``, checking the document with the default (shipped) rulesets
must give exactly the findings listed there: a JSON list of ``{"rule", "line", "column",
"match"}`` sorted by (line or 0, column or 0, rule). An improved version
(``NAME.improved.md``) must in addition have no finding of severity error or warning.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker import check

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _expected_file(document: Path) -> Path:
    return document.with_name(document.stem + ".expected.json")


DOCUMENTS = sorted(
    path for path in EXAMPLES.glob("*") if path.suffix in (".md", ".docx") and _expected_file(path).is_file()
)


def _key(item: dict) -> tuple:
    return (item["line"] or 0, item["column"] or 0, item["rule"])


def _actual(document: Path) -> list[dict]:
    report = check([document])
    assert not any(f.error for f in report.files), [f.error for f in report.files]
    rows = []
    for finding in report.findings:
        location = finding.location
        rows.append({
            "rule": finding.rule,
            "line": location.line if location else None,
            "column": location.column if location else None,
            "match": finding.match,
        })
    return sorted(rows, key=_key)


def test_there_are_examples() -> None:
    assert DOCUMENTS, f"no example with an .expected.json in {EXAMPLES}"


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.name)
def test_example_gives_expected_findings(document: Path) -> None:
    expected = json.loads(_expected_file(document).read_text(encoding="utf-8"))
    assert expected == sorted(expected, key=_key), "the .expected.json file is not sorted"
    assert _actual(document) == expected


@pytest.mark.parametrize("document", [d for d in DOCUMENTS if ".improved" in d.name], ids=lambda p: p.name)
def test_improved_example_has_no_errors_or_warnings(document: Path) -> None:
    report = check([document])
    serious = [(f.rule, f.location.line if f.location else None) for f in report.findings if f.severity in ("error", "warning")]
    assert serious == []
