"""The :class:`Linter`: checks documents with one configuration and one choice of rulesets.

As sqlfluff's ``Linter`` and Vale's manager, it owns what a run builds once and uses for every
document: the compiled rulesets (those chosen, or the shipped ones of each language, loaded on
first use) and, for each group of rulesets checked together, their shared matcher
(:mod:`.matches`). Nothing is kept in module globals or on the models: two linters share
nothing, and a linter is rebuilt in a worker process from ruleset references
(:attr:`Linter.references`), never from pickled objects.
"""

from __future__ import annotations

import copy
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

from ..config import Config, default_config, unknown_selector
from ..document import Document
from ..errors import InputError, KravError, RuleError
from ..limits import one_document
from ..report import FileReport, Finding, Report, RulesetInfo, Tool, finding_sort_key, summarize
from ..rulecompile import load_rulesets, shipped_ruleset_language, shipped_ruleset_names
from ..rulemodel import Ruleset
from .classify import Classification
from .findings import Placed, evaluate_rule, said_once
from .index import DocumentIndex
from .matches import SharedMatcher, build_shared


def default_rulesets(language: str) -> list[str]:
    """Names of the shipped rulesets for a document language (and those for any language)."""
    return [name for name in shipped_ruleset_names() if shipped_ruleset_language(name) in (language, "any")]


@dataclass
class RulesetGroup:
    """Rulesets checked together, and their shared matcher (built on first use, then kept)."""

    rulesets: tuple[Ruleset, ...]

    @cached_property
    def matcher(self) -> SharedMatcher:
        return build_shared(self.rulesets)

    def classify(self, index: DocumentIndex) -> list[Classification]:
        """Each ruleset's classification of the document, all from one run of the matcher."""
        if not self.rulesets:
            return []
        shared = self.matcher
        matches = shared.matches(index)
        return [
            Classification(ruleset, index, (matches, shared.list_keys[number], shared.pattern_keys[number])) for number, ruleset in enumerate(self.rulesets)
        ]


@dataclass
class DocumentResult:
    """Everything one document gave: findings and, per ruleset, its classification."""

    document: Document
    rulesets: list[Ruleset]
    findings: list[Finding]
    classifications: list[Classification]
    linter: Linter | None = field(default=None, repr=False)
    """The linter that checked it: it has the shipped rulesets for what no ruleset in use decides."""
    _shipped: list[Classification] | None = field(default=None, init=False, repr=False)

    @cached_property
    def requirements(self) -> frozenset[int]:
        """Statements that some ruleset classifies as requirements."""
        classes = {id(found): found for found in (c.statements_of_class("requirement") for c in self.classifications)}
        return frozenset().union(*classes.values())  # rulesets that share the define share the set

    def shipped_classifications(self) -> list[Classification]:
        """The classifications of the shipped rulesets of the document's language (those in use
        when they are these): what decides the evidence of the matrix and the balance elements
        that no ruleset in use has words for."""
        if self._shipped is None:
            group = (self.linter or Linter()).shipped(self.document.language)
            if len(group.rulesets) == len(self.rulesets) and all(a is b for a, b in zip(group.rulesets, self.rulesets)):
                self._shipped = self.classifications
            else:
                index = self.classifications[0].index if self.classifications else DocumentIndex(self.document)
                self._shipped = group.classify(index)
        return self._shipped


class Linter:
    """Checks documents with one configuration and one choice of rulesets.

    ``rulesets``: compiled rulesets, or references to them (paths, shipped names; relative to
    the configuration's folder); None means the configuration's rulesets, or else the shipped
    rulesets of each document's language. ``shipped``: the rulesets that stand for the shipped
    ones of each language it names (default: the shipped rule files, loaded on first use).
    """

    def __init__(
        self, config: Config | None = None, rulesets: Sequence[Ruleset | str | Path] | None = None, shipped: Mapping[str, Sequence[Ruleset]] | None = None
    ) -> None:
        self.config = config or default_config()
        chosen = rulesets if rulesets is not None else self.config.rulesets
        self.chosen: RulesetGroup | None = None if chosen is None else RulesetGroup(tuple(_load(chosen, self.config)))
        """The rulesets chosen for every document; None: the shipped ones of its language."""
        self._shipped = {language: RulesetGroup(tuple(group)) for language, group in (shipped or {}).items()}

    def with_config(self, config: Config) -> Linter:
        """A linter with another configuration and the same rulesets (compiled and matchers
        built once for both)."""
        other = copy.copy(self)
        other.config = config
        return other

    @property
    def references(self) -> tuple[str, ...] | None:
        """The chosen rulesets as paths, from which a worker process loads them again; None
        for the shipped rulesets of each language."""
        return None if self.chosen is None else tuple(r.path for r in self.chosen.rulesets)

    def shipped(self, language: str) -> RulesetGroup:
        """The shipped rulesets of a language (and those for any language), loaded once."""
        group = self._shipped.get(language)
        if group is None:
            group = self._shipped[language] = RulesetGroup(tuple(load_rulesets(default_rulesets(language))))
        return group

    def rulesets_for(self, document: Document) -> RulesetGroup:
        """The rulesets a document is checked with."""
        return self.chosen if self.chosen is not None else self.shipped(document.language)

    def rulesets_used(self, report: Report) -> list[Ruleset]:
        """The compiled rulesets the report's files were checked with, in a stable order."""
        if self.chosen is not None:
            return list(self.chosen.rulesets)
        used: dict[str, Ruleset] = {}
        for language in dict.fromkeys(f.language for f in report.files if f.language):
            for ruleset in self.shipped(language).rulesets:
                used.setdefault(ruleset.name, ruleset)
        return list(used.values())

    def check_document(self, document: Document) -> DocumentResult:
        """Apply the rulesets to one document."""
        return self._check_with(document, self.rulesets_for(document))

    def _check_with(self, document: Document, group: RulesetGroup) -> DocumentResult:
        config = self.config
        rulesets = group.rulesets
        check_suppressions(document, rulesets)
        index = DocumentIndex(document)
        placed: list[Placed] = []
        seen: set[tuple] = set()
        runs = Counter(rule.full_id for ruleset in rulesets for rule in ruleset.rules)
        shared_rules = {rule for rule, count in runs.items() if count > 1}  # a ruleset and one extending it both run these
        classifications = group.classify(index)
        for classification in classifications:
            found: list[Placed] = []
            for rule in classification.ruleset.rules:
                if config.rule_enabled(rule) and document.statements:  # an empty document lacks nothing worth a finding
                    found.extend(evaluate_rule(rule, classification, config))
            for place, finding in found:
                if finding.rule in shared_rules:
                    key = (finding.rule, finding.statement, finding.match_start, finding.message)
                    if key in seen:
                        continue
                    seen.add(key)
                placed.append((place, finding))
        placed.sort(key=_first)
        findings = [finding for _, finding in said_once(placed) if config.keeps_party(finding.party)]
        return DocumentResult(document, list(rulesets), findings, classifications, self)

    def check_each(self, inputs: Iterable[str | Path | Document]) -> Iterator[DocumentResult | FileReport]:
        """Check documents one by one: a :class:`DocumentResult` for each document read, a
        :class:`FileReport` with its ``error`` for each file that could not be read. A document
        that takes longer than the configuration's ``timeout`` is reported as unreadable."""
        from ..readers import read_document  # noqa: PLC0415

        config = self.config
        for item in inputs:
            name = item.path if isinstance(item, Document) else str(item)
            try:
                with one_document(name, config.timeout):
                    document = item if isinstance(item, Document) else read_document(item, language=config.lang)
                    result = self.check_document(document)
            except RuleError:
                raise  # a broken ruleset is no fault of the document
            except KravError as error:
                yield FileReport.model_construct(path=name, error=str(error))
                continue
            yield result

    def check(self, inputs: Iterable[str | Path | Document]) -> Report:
        """Check documents (paths or :class:`Document` s) and return a :class:`Report`.
        Unreadable files are reported in the report (``files[].error``), not raised."""
        files: list[FileReport] = []
        by_file: list[tuple[str, list[Finding]]] = []  # each document's findings come sorted
        used: dict[str, Ruleset] = {}
        for result in self.check_each(inputs):
            if isinstance(result, FileReport):
                files.append(result)
                continue
            document = result.document
            for ruleset in result.rulesets:
                used.setdefault(ruleset.name, ruleset)
            by_file.append((document.path, result.findings))
            conflict = (
                document.detected_language if document.language_source == "option" and document.detected_language not in (None, document.language) else None
            )
            files.append(
                FileReport.model_construct(
                    path=document.path,
                    format=document.format,
                    language=document.language,
                    language_conflict=conflict,
                    statements=len(document.statements),
                    requirements=len(result.requirements),
                    rulesets=[r.name for r in result.rulesets],
                )
            )
        by_file.sort(key=_first)
        findings = [finding for _, part in by_file for finding in part]
        if len({path for path, _ in by_file}) < len(by_file):  # a file checked twice: its findings interleave
            findings.sort(key=finding_sort_key)
        return Report.model_construct(tool=tool_info(used.values()), files=files, findings=findings, summary=summarize(files, findings))

    def check_paths(self, items: Sequence[str | Path | Document], jobs: int = 1, on_file: Callable[[], None] | None = None) -> tuple[Report, list[str]]:
        """Check a batch of files with ``jobs`` processes (0: one per CPU), each file on its
        own, the reports merged in input order; also the tracebacks of unexpected errors
        (:mod:`checker.batch`). ``on_file`` is called as each file is done."""
        from ..batch import check_batch  # noqa: PLC0415

        return check_batch(self, items, jobs, on_file)


def check_suppressions(document: Document, rulesets: Sequence[Ruleset]) -> None:
    """Raise :class:`InputError` for a ``kravkoll: ignore`` comment that names no rule of the
    rulesets (nor a full id of another known ruleset): a mistyped id would otherwise leave
    its finding unsuppressed, or pass a finding nobody meant to accept, without a word."""
    suppressions = {id(s): s for block in document.blocks for s in block.suppressions}
    if not suppressions or not rulesets:
        return
    rules = list({rule.full_id: rule for ruleset in rulesets for rule in ruleset.rules}.values())
    names = shipped_ruleset_names() + [ruleset.name for ruleset in rulesets]
    for suppression in suppressions.values():
        for name in suppression.rules:
            problem = unknown_selector(name, rules, names, in_document=True)
            if problem is not None:
                raise InputError(document.path, f"line {suppression.location.line}: suppression {problem}")


def _first(pair: tuple[Any, Any]) -> Any:
    return pair[0]


def tool_info(rulesets: Iterable[Ruleset]) -> Tool:
    """The tool and the rulesets it ran, as reports name them."""
    return Tool.model_construct(rulesets=[RulesetInfo.model_construct(name=r.name, version=r.version, path=_display_path(r.path)) for r in rulesets])


def _display_path(path: str) -> str:
    """Shipped rulesets by name only and others relative to the working folder when inside it,
    so reports do not depend on where kravkoll is installed or the project is checked out."""
    from ..paths import shipped_rulesets_dir  # noqa: PLC0415

    resolved = Path(path).resolve()
    try:
        return "shipped:" + resolved.relative_to(shipped_rulesets_dir().resolve()).as_posix()
    except ValueError:
        pass
    try:
        return resolved.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path


def _load(rulesets: Sequence[Ruleset | str | Path] | None, config: Config) -> list[Ruleset] | None:
    if rulesets is None:
        return None
    loaded: list[Ruleset] = [r for r in rulesets if isinstance(r, Ruleset)]
    references = [r for r in rulesets if not isinstance(r, Ruleset)]
    if references:
        loaded.extend(load_rulesets(references, config.base_dir))
    return loaded
