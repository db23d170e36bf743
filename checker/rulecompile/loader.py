"""Loading rulesets: each rule file read, parsed and compiled once, ``extends`` followed, the
on-disk cache (:mod:`checker.rulecache`) asked first."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Iterator

from .. import rulecache
from ..errors import Diagnostic, KravError, RuleError
from ..rulelimits import did_you_mean
from ..rulemodel import Pos, RuleFile, Ruleset
from .compiler import Compiler, shortened
from .sources import (
    MAX_RULESET_NAME,
    extended_file,
    line_of,
    read_rule_file,
    resolve_ruleset_reference,
    shipped_ruleset_names,
    valid_ruleset_name,
)

MAX_EXTENDS_DEPTH = 32
"""Most rulesets in one ``extends`` chain (the ruleset itself included)."""


def load_ruleset(reference: str | Path, base_dir: Path | None = None) -> Ruleset:
    """Load and compile one ruleset by path or shipped name; raise :class:`KravError`."""
    return Loader().load(resolve_ruleset_reference(reference, base_dir))


def load_rulesets(references: Iterable[str | Path], base_dir: Path | None = None) -> list[Ruleset]:
    """Load several rulesets, reporting the errors of all of them together."""
    rulesets: list[Ruleset] = []
    diagnostics: dict[Diagnostic, None] = {}  # ordered and without repeats, in linear time
    for loaded in load_each(references, base_dir):
        if isinstance(loaded, RuleError):
            diagnostics.update(dict.fromkeys(loaded.diagnostics))
        elif isinstance(loaded, KravError):
            raise loaded
        else:
            rulesets.append(loaded)
    if diagnostics:
        raise RuleError(list(diagnostics))
    return rulesets


def load_each(references: Iterable[str | Path], base_dir: Path | None = None) -> Iterator[Ruleset | KravError]:
    """Each ruleset compiled, or the error that tells why it cannot be (a :class:`RuleError`
    for errors in rule files); the files they extend are read and compiled once for all."""
    loader = Loader()
    for reference in references:
        try:
            yield loader.load(resolve_ruleset_reference(reference, base_dir))
        except KravError as error:
            yield error


def compile_text(text: str, path: str = "<rules>", folder: Path | None = None) -> Ruleset:
    """Compile rule text held in memory. ``extends`` names a rule file in ``folder`` (default:
    the folder of ``path``) or else a shipped ruleset."""
    from ..ruleparse import parse_rule_text  # noqa: PLC0415 - Lark only when a file is parsed

    return Loader().compile(parse_rule_text(text, path), Path(path).parent if folder is None else folder)


class Loader:
    """Loads rule files once each, following ``extends``. Every file is read, parsed and
    compiled at most once, and a file that fails is remembered with its errors, so that
    diamonds and long chains of ``extends`` cost time in proportion to the number of files."""

    def __init__(self) -> None:
        self._parsed: dict[Path, RuleFile | KravError] = {}
        self._digests: dict[Path, str] = {}  # SHA-256 of each file's text, for the cache
        self._compiled: dict[Path, Ruleset | KravError] = {}
        self._chains: dict[Path, list[RuleFile]] = {}
        self._heights: dict[Path, int] = {}
        self._stack: list[Path] = []
        self._entries: rulecache.Loaded = {}  # the cache's entries read, for those that take items from them

    def parse(self, path: Path) -> RuleFile:
        key = path.resolve()
        if key not in self._parsed:
            from ..ruleparse import parse_rule_text  # noqa: PLC0415 - rulesets from the cache need no Lark

            try:
                text = read_rule_file(path)
                self._digests[key] = rulecache.text_digest(text)
                self._parsed[key] = parse_rule_text(text, str(path))
            except KravError as error:
                self._parsed[key] = error
        parsed = self._parsed[key]
        if isinstance(parsed, KravError):
            raise parsed
        return parsed

    def load(self, path: Path) -> Ruleset:
        key = path.resolve()
        if key not in self._compiled:
            cached = rulecache.lookup(path, read_rule_file, extended_file, self._entries)
            if cached is not None:
                self._compiled[key] = cached
        if key not in self._compiled:
            try:
                rule_file = self.parse(path)
                self._check_height(path, rule_file)
                self._compiled[key] = compiled = self.compile(rule_file, path.parent, key)
                rulecache.store(path, compiled, self._sources(path))
            except KravError as error:
                self._compiled[key] = error
        compiled = self._compiled[key]
        if isinstance(compiled, KravError):
            raise compiled
        return compiled

    def compile(self, rule_file: RuleFile, folder: Path, key: Path | None = None) -> Ruleset:
        if key is not None:
            self._stack.append(key)
        try:
            return Compiler(rule_file, folder, self).compile()
        finally:
            if key is not None:
                self._stack.pop()

    def extended(self, name: str, folder: Path, pos: Pos, path: str, errors: list[Diagnostic], lines: list[str]) -> list[RuleFile]:
        """The chain of files the ruleset named by ``extends "name"`` is made of, most basic
        first; empty after adding to ``errors`` why it cannot be extended. The errors of an
        extended file are reported as they are, at that file."""

        def error(message: str) -> list[RuleFile]:
            errors.append(Diagnostic(path, pos.line, pos.column, message, line_of(lines, pos.line)))
            return []

        if not valid_ruleset_name(name):
            return error(
                f"extends '{shortened(name)}': not a ruleset name (letters, digits, '-', '_' or '.', "
                f"starting with a letter or digit, at most {MAX_RULESET_NAME} characters)"
            )
        target = extended_file(name, folder)
        if target is None:
            hint = did_you_mean(name, shipped_ruleset_names() + [p.stem for p in folder.glob("*.krav")])
            return error(f"extends unknown ruleset '{name}'{hint}")
        resolved = target.resolve()
        if resolved in self._stack:
            cycle = " -> ".join(p.stem for p in self._stack[self._stack.index(resolved) :]) + f" -> {target.stem}"
            return error(f"cyclic extends: {cycle}")
        try:
            self.load(target)
        except RuleError as problem:
            known = set(errors)
            errors.extend(d for d in problem.diagnostics if d not in known)
            return []
        except KravError as problem:
            return error(f"extends '{name}': {problem}")
        return self.chain(target)

    def chain(self, path: Path) -> list[RuleFile]:
        """The parsed files a compiled ruleset is made of, most basic first (once each)."""
        key = path.resolve()
        if key not in self._chains:
            files: dict[int, RuleFile] = {}
            for base in self._bases(path):
                files.update((id(f), f) for f in self.chain(base))
            rule_file = self.parse(path)
            files[id(rule_file)] = rule_file
            self._chains[key] = list(files.values())
        return self._chains[key]

    def _sources(self, path: Path) -> list[dict[str, Any]]:
        """The files the compiled ruleset of ``path`` is made of, ``path`` first, each with the
        digest of its text and the file each ``extends`` name resolved to (the cache's record)."""
        records: dict[str, dict[str, Any]] = {}
        todo = [path]
        while todo:
            step = todo.pop()
            if str(step) in records:
                continue
            bases = {name: base for name in dict.fromkeys(e.value for e in self.parse(step).extends) if (base := extended_file(name, step.parent)) is not None}
            records[str(step)] = {"path": str(step), "sha256": self._digests[step.resolve()], "extends": {name: str(base) for name, base in bases.items()}}
            todo.extend(bases.values())
        return list(records.values())

    def _bases(self, path: Path) -> list[Path]:
        """The files ``path`` extends that exist and parse (the others are errors of its own)."""
        try:
            rule_file = self.parse(path)
        except KravError:
            return []
        names = dict.fromkeys(e.value for e in rule_file.extends if valid_ruleset_name(e.value))
        found = (extended_file(name, path.parent) for name in names)
        return [base for base in found if base is not None]

    def _check_height(self, path: Path, rule_file: RuleFile) -> None:
        """Refuse a ruleset whose ``extends`` chain is longer than :data:`MAX_EXTENDS_DEPTH`,
        before anything in it is compiled."""
        if self._height(path) <= MAX_EXTENDS_DEPTH:
            return
        names = [path.stem]
        step = path
        while len(names) < 4 and (bases := self._bases(step)):
            step = max(bases, key=lambda base: self._heights.get(base.resolve(), 0))
            names.append(step.stem)
        first = rule_file.extends[0]
        message = f"extends chain is {self._height(path)} rulesets deep ({' -> '.join(names)} -> ...); at most {MAX_EXTENDS_DEPTH} are allowed"
        lines = read_rule_file(path).splitlines()
        raise RuleError([Diagnostic(str(path), first.pos.line, first.pos.column, message, line_of(lines, first.pos.line))])

    def _height(self, path: Path) -> int:
        """Rulesets in the longest ``extends`` chain from ``path``, itself included; found
        without recursion, each file visited once (a cycle counts as ending the chain: it is
        reported when compiled)."""
        todo: list[tuple[Path, bool]] = [(path, False)]
        open_keys: set[Path] = set()
        while todo:
            step, bases_done = todo.pop()
            key = step.resolve()
            if bases_done:
                open_keys.discard(key)
                self._heights[key] = 1 + max((self._heights.get(b.resolve(), 0) for b in self._bases(step)), default=0)
            elif key not in self._heights and key not in open_keys:
                open_keys.add(key)
                todo.append((step, True))
                todo.extend((base, False) for base in self._bases(step))
        return self._heights[path.resolve()]
