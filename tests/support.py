"""Test helpers: rule text compiled in memory, documents read from Markdown or text strings."""

from __future__ import annotations

import textwrap
from pathlib import Path

from checker.config import Config
from checker.document import Document
from checker.engine import check_document
from checker.readers.markdown import read_markdown
from checker.readers.plaintext import read_plaintext
from checker.report import Finding
from checker.rulecompile import compile_text
from checker.rulemodel import Ruleset

FIXTURES = Path(__file__).parent / "fixtures"
CONTRACT_EXAMPLE = FIXTURES / "contract-example.krav"


def rules(text: str, path: str = "test.krav") -> Ruleset:
    """Compile dedented rule text."""
    return compile_text(textwrap.dedent(text), path)


def md(text: str, language: str | None = None, path: str = "doc.md") -> Document:
    return read_markdown(textwrap.dedent(text).strip("\n") + "\n", path, language=language)


def txt(text: str, language: str | None = None, path: str = "doc.txt") -> Document:
    return read_plaintext(textwrap.dedent(text).strip("\n") + "\n", path, language=language)


def findings(document: Document, *rulesets: Ruleset, config: Config | None = None) -> list[Finding]:
    return check_document(document, list(rulesets), config).findings
