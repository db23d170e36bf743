"""Shared set-up for the tests of the writer tools (matrix, report)."""

from __future__ import annotations

from pathlib import Path

from checker.engine import DocumentResult, check_document
from checker.readers import read_bytes, read_document
from checker.rulecompile import load_ruleset

FIXTURES = Path(__file__).parent / "fixtures"
SV_RULES = FIXTURES / "writer-sv.krav"
EN_RULES = FIXTURES / "writer-en.krav"
SV_DOCUMENT = FIXTURES / "writer" / "avtal-drift.md"
EN_DOCUMENT = FIXTURES / "writer" / "sla.md"


def checked(document: Path, rules: Path = SV_RULES) -> DocumentResult:
    return check_document(read_document(document), [load_ruleset(rules)])


def checked_text(text: str, rules: Path = SV_RULES, name: str = "doc.md") -> DocumentResult:
    return check_document(read_bytes(text.encode("utf-8"), name, "md"), [load_ruleset(rules)])
