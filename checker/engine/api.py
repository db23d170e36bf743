"""The library API: one call, one :class:`~checker.engine.linter.Linter` (a caller that checks
documents again and again keeps a linter, which builds its matchers once)."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator, Sequence

from ..config import Config
from ..document import Document
from ..report import FileReport, Report
from ..rulemodel import Ruleset
from .linter import DocumentResult, Linter


def check_document(document: Document, rulesets: Sequence[Ruleset], config: Config | None = None) -> DocumentResult:
    """Apply rulesets to one document."""
    return Linter(config, rulesets).check_document(document)


def check_each(
    inputs: Iterable[str | Path | Document],
    rulesets: Sequence[Ruleset | str | Path] | None = None,
    config: Config | None = None,
) -> Iterator[DocumentResult | FileReport]:
    """Check documents one by one (:meth:`Linter.check_each`): a :class:`DocumentResult` for each
    document read, a :class:`FileReport` with its ``error`` for each file that could not be read.

    ``rulesets`` None means the configuration's rulesets, or else the shipped rulesets of
    each document's language (loaded once per language).
    """
    yield from Linter(config, rulesets).check_each(inputs)


def check(
    inputs: Iterable[str | Path | Document],
    rulesets: Sequence[Ruleset | str | Path] | None = None,
    config: Config | None = None,
) -> Report:
    """Check documents (paths or :class:`Document` s) and return a :class:`Report`.

    A pure function of its inputs: ``rulesets`` None means the configuration's rulesets, or
    else the shipped rulesets of each document's language. Unreadable files are reported in
    the report (``files[].error``), not raised.
    """
    return Linter(config, rulesets).check(inputs)
