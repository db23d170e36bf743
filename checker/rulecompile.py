"""Compile parsed rule files into runnable :class:`~checker.rulemodel.Ruleset` s.

Resolves ``extends`` (the extending file's folder first, then the shipped rulesets; cycles
are errors), merges names so that a redefinition in the extending ruleset reaches the
extended rules too (late binding), resolves every name in every condition, checks fields,
categories, severities, link methods and message placeholders, and compiles every pattern
with RE2. All errors of a file are collected and raised together as one :class:`RuleError`.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Iterable, Iterator

from . import rulecache
from .errors import Diagnostic, KravError, RuleError
from .files import open_regular
from .matching import PatternSyntaxError, TermSyntaxError, compile_pattern, parse_term
from .paths import shipped_rulesets_dir
from .reading import READING_NAMES
from .rulelimits import MAX_CONDITION_DEPTH, MAX_DIAGNOSTICS, TOO_MANY_ERRORS, did_you_mean
from .rulemodel import (
    CATEGORIES,
    LANGUAGES,
    LINK_METHODS,
    SEVERITIES,
    STATEMENT_CLASSES,
    ReadingAtom,
    And,
    ClassAtom,
    Define,
    DefineDecl,
    InlinePattern,
    InlineTerms,
    InSection,
    Not,
    Or,
    PatternAtom,
    PatternDecl,
    PatternDef,
    Pos,
    Ref,
    Rule,
    RuleDecl,
    RuleFile,
    Ruleset,
    TermList,
    TermsAtom,
    TermsDecl,
    Words,
)

RESERVED = ("and", "or", "not", "in", "has", "words", "section", "id")
PLACEHOLDERS = ("match", "requirement.id", "statement", "section")
# A 1 MiB rule file of 95,000 short terms takes 5 s and 230 MB to check a page with; 3.5 MiB took
# 13 s and 700 MB. The largest shipped ruleset is under 60 KB.
MAX_RULE_FILE_BYTES = 1024 * 1024
MAX_WORDS = 1_000_000
"""Largest number in ``words > N``: more words than a statement of the largest document holds,
and small enough for every count the engine makes."""

_REQUIRED_FIELDS = {
    "requirement": ("when",),
    "followup": ("for",),
    "sanction": ("for",),
    "document": ("expect",),
}
_ALLOWED_FIELDS = {
    "requirement": {"category", "severity", "when", "message", "suggest", "rewrite", "reference", "rationale"},
    "followup": {"category", "severity", "for", "linked", "message", "suggest", "rewrite", "reference", "rationale"},
    "sanction": {"category", "severity", "for", "linked", "message", "suggest", "rewrite", "reference", "rationale"},
    "document": {"category", "severity", "when", "expect", "message", "suggest", "reference", "rationale"},
}
_FIELD_WORDS = {"for": "for ... where", "linked": "linked by"}


# ---- loading ---------------------------------------------------------------------------


def shipped_ruleset_names() -> list[str]:
    """Names of the rulesets that ship with kravkoll."""
    return sorted(p.stem for p in shipped_rulesets_dir().glob("*.krav"))


@cache
def shipped_ruleset_language(name: str) -> str:
    """The language a shipped ruleset declares (read from its header only)."""
    path = shipped_ruleset_path(name)
    if path is None:
        return "any"
    match = re.search(r"(?m)^\s*language\s+(\w+)", read_rule_file(path))
    return match.group(1) if match else "any"


def shipped_ruleset_path(name: str) -> Path | None:
    path = shipped_rulesets_dir() / f"{name}.krav"
    return path if _is_file(path) else None


def _is_file(path: Path) -> bool:
    """Whether ``path`` is a file; False also for a name the file system refuses (too long, ...)."""
    try:
        return path.is_file()
    except (OSError, ValueError):  # ValueError: a NUL byte in the name
        return False


def _is_special(path: Path) -> bool:
    """Whether ``path`` exists and is neither a regular file nor a folder (a pipe, a device)."""
    try:
        return path.exists() and not path.is_dir() and not path.is_file()
    except (OSError, ValueError):
        return False


def resolve_ruleset_reference(reference: str | Path, base_dir: Path | None = None) -> Path:
    """A ``--ruleset`` value (a path, or the name of a shipped ruleset) as a file path."""
    text = str(reference)
    candidate = Path(text)
    if base_dir is not None and not candidate.is_absolute():
        based = base_dir / candidate
        if _is_file(based) or _is_file(based.with_suffix(".krav")):
            candidate = based
    if _is_file(candidate) or _is_special(candidate):  # a pipe too: reading it says why it is refused
        return candidate
    if candidate.suffix != ".krav" and _is_file(candidate.with_suffix(".krav")) and ("/" in text or "\\" in text):
        return candidate.with_suffix(".krav")
    shipped = shipped_ruleset_path(text)
    if shipped is not None:
        return shipped
    if "/" in text or "\\" in text or text.endswith(".krav"):
        raise KravError(f"{text}: no such rule file")
    hint = did_you_mean(text, shipped_ruleset_names())
    raise KravError(f"{text}: no shipped ruleset or rule file of that name{hint} (shipped: {', '.join(shipped_ruleset_names())})")


def load_ruleset(reference: str | Path, base_dir: Path | None = None) -> Ruleset:
    """Load and compile one ruleset by path or shipped name; raise :class:`KravError`."""
    return _Loader().load(resolve_ruleset_reference(reference, base_dir))


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
    loader = _Loader()
    for reference in references:
        try:
            yield loader.load(resolve_ruleset_reference(reference, base_dir))
        except KravError as error:
            yield error


def compile_text(text: str, path: str = "<rules>", folder: Path | None = None) -> Ruleset:
    """Compile rule text held in memory. ``extends`` names a rule file in ``folder`` (default:
    the folder of ``path``) or else a shipped ruleset."""
    from .ruleparse import parse_rule_text  # noqa: PLC0415 - Lark only when a file is parsed

    return _Loader().compile(parse_rule_text(text, path), Path(path).parent if folder is None else folder)


def read_rule_file(path: Path) -> str:
    """The text of a rule file; :class:`KravError` when it cannot be read, :class:`RuleError`
    (with line and column) when it is not UTF-8."""
    try:
        with open_regular(path) as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_RULE_FILE_BYTES:
                raise KravError(f"{path}: rule file is too large ({size} bytes; the limit is {MAX_RULE_FILE_BYTES})")
            data = handle.read()
    except FileNotFoundError:
        raise KravError(f"{path}: no such rule file") from None
    except IsADirectoryError:
        raise KravError(f"{path}: is a folder, not a rule file") from None
    except OSError as error:
        raise KravError(f"{path}: cannot read: {error.strerror or error}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise RuleError([_not_utf8(str(path), data, error.start)]) from None


def _not_utf8(path: str, data: bytes, offset: int) -> Diagnostic:
    """Where a rule file stops being UTF-8, and how to re-save it."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    line_end = data.find(b"\n", offset)
    source = data[line_start:line_end if line_end >= 0 else len(data)].decode("utf-8", errors="replace")
    line = data.count(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    message = (f"byte 0x{data[offset]:02x} is not UTF-8 (the file is probably saved as Latin-1 or Windows-1252); "
               "rule files must be UTF-8: re-save it with the encoding UTF-8 (e.g. iconv -f windows-1252 -t utf-8)")
    return Diagnostic(path, line, column, message, source)


MAX_EXTENDS_DEPTH = 32
"""Most rulesets in one ``extends`` chain (the ruleset itself included)."""
MAX_RULESET_NAME = 100
"""Longest ruleset name; longer ones are no file name a file system accepts everywhere."""
RULESET_NAME = re.compile(r"[^\W_][\w.-]*")


def extended_file(name: str, folder: Path) -> Path | None:
    """The file ``extends "name"`` means: ``name.krav`` in ``folder``, else the shipped ruleset."""
    local = folder / f"{name}.krav"
    return local if _is_file(local) else shipped_ruleset_path(name)


def valid_ruleset_name(name: str) -> bool:
    return len(name) <= MAX_RULESET_NAME and RULESET_NAME.fullmatch(name) is not None


class _Loader:
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

    def parse(self, path: Path) -> RuleFile:
        key = path.resolve()
        if key not in self._parsed:
            from .ruleparse import parse_rule_text  # noqa: PLC0415 - rulesets from the cache need no Lark

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
            cached = rulecache.lookup(path, read_rule_file, extended_file)
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
            return _Compiler(rule_file, folder, self).compile()
        finally:
            if key is not None:
                self._stack.pop()

    def extended(self, name: str, folder: Path, pos: Pos, path: str, errors: list[Diagnostic], lines: list[str]) -> list[RuleFile]:
        """The chain of files the ruleset named by ``extends "name"`` is made of, most basic
        first; empty after adding to ``errors`` why it cannot be extended. The errors of an
        extended file are reported as they are, at that file."""
        def error(message: str) -> list[RuleFile]:
            errors.append(Diagnostic(path, pos.line, pos.column, message, _line(lines, pos.line)))
            return []

        if not valid_ruleset_name(name):
            return error(f"extends '{_shortened(name)}': not a ruleset name (letters, digits, '-', '_' or '.', "
                         f"starting with a letter or digit, at most {MAX_RULESET_NAME} characters)")
        target = extended_file(name, folder)
        if target is None:
            hint = did_you_mean(name, shipped_ruleset_names() + [p.stem for p in folder.glob("*.krav")])
            return error(f"extends unknown ruleset '{name}'{hint}")
        resolved = target.resolve()
        if resolved in self._stack:
            cycle = " -> ".join(p.stem for p in self._stack[self._stack.index(resolved):]) + f" -> {target.stem}"
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
            bases = {name: base for name in dict.fromkeys(e.value for e in self.parse(step).extends)
                     if (base := extended_file(name, step.parent)) is not None}
            records[str(step)] = {"path": str(step), "sha256": self._digests[step.resolve()],
                                  "extends": {name: str(base) for name, base in bases.items()}}
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
        message = (f"extends chain is {self._height(path)} rulesets deep ({' -> '.join(names)} -> ...); "
                   f"at most {MAX_EXTENDS_DEPTH} are allowed")
        lines = read_rule_file(path).splitlines()
        raise RuleError([Diagnostic(str(path), first.pos.line, first.pos.column, message, _line(lines, first.pos.line))])

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


def _line(lines: list[str], line: int) -> str:
    return lines[line - 1] if 0 < line <= len(lines) else ""


# ---- compiling ---------------------------------------------------------------------------


@dataclass
class _Entry:
    """A name in the merged namespace and the file that defines it."""

    kind: str  # terms | pattern | define
    decl: Any
    origin: RuleFile


@dataclass
class _Compiler:
    own: RuleFile
    folder: Path
    loader: _Loader
    errors: list[Diagnostic] = field(default_factory=list)
    lists: dict[str, TermList] = field(default_factory=dict)
    patterns: dict[str, PatternDef] = field(default_factory=dict)
    names: dict[str, _Entry] = field(default_factory=dict)
    _lines: dict[str, list[str]] = field(default_factory=dict)
    _extents: dict[str, _Extent | None] = field(default_factory=dict)

    # -- diagnostics
    def lines_of(self, rule_file: RuleFile) -> list[str]:
        if rule_file.path not in self._lines:
            try:
                self._lines[rule_file.path] = read_rule_file(Path(rule_file.path)).splitlines()
            except KravError:
                self._lines[rule_file.path] = []
        return self._lines[rule_file.path]

    def error(self, rule_file: RuleFile, pos: Pos | None, message: str) -> None:
        pos = pos or Pos(line=1, column=1)
        source = _line(self.lines_of(rule_file), pos.line)
        if len(self.errors) >= MAX_DIAGNOSTICS:  # as for syntax errors: bounded output, bounded work
            self.errors.append(Diagnostic(rule_file.path, pos.line, pos.column, TOO_MANY_ERRORS, source))
            raise RuleError(self.errors)
        # An extended file compiled cleanly on its own, so an error found in it here comes from
        # a redefinition in the extending file; it is reported where it shows.
        self.errors.append(Diagnostic(rule_file.path, pos.line, pos.column, message, source))

    # -- the whole ruleset
    def compile(self) -> Ruleset:
        own = self.own
        if own.language not in LANGUAGES:
            self.error(own, own.language_pos, f"unknown language '{own.language}'; use sv, en or any{did_you_mean(own.language, list(LANGUAGES))}")
        files = self._extended_files()
        if self.errors:  # one mistake, one error: nothing else is checked against a missing base
            raise RuleError(self.errors)
        for rule_file in files:
            self._declare_names(rule_file)
        for rule_file in files:
            self._check_terms_and_patterns(rule_file)
        defines = self._resolve_defines()
        topics = self._resolve_topics(files)
        rules = self._resolve_rules(files)
        if self.errors:
            raise RuleError(self.errors)
        return Ruleset(
            name=own.name,
            title=own.title,
            language=own.language if own.language in LANGUAGES else "any",
            version=own.version,
            description=own.description,
            path=own.path,
            extends=[f.name for f in reversed(files[:-1])],
            lists=self.lists,
            patterns=self.patterns,
            defines=defines,
            topics=topics,
            rules=rules,
        )

    def _extended_files(self) -> list[RuleFile]:
        files: dict[int, RuleFile] = {}
        lines = self.lines_of(self.own) if _is_file(Path(self.own.path)) else []
        named: set[str] = set()
        for extended in self.own.extends:
            if extended.value in named:
                self.error(self.own, extended.pos, f"'{_shortened(extended.value)}' is extended twice")
                continue
            named.add(extended.value)
            found = self.loader.extended(extended.value, self.folder, extended.pos, self.own.path, self.errors, lines)
            files.update((id(f), f) for f in found)
            if len(self.errors) >= MAX_DIAGNOSTICS:  # error() stops at the next one: no more searches
                self.error(self.own, extended.pos, TOO_MANY_ERRORS)
        files[id(self.own)] = self.own
        return list(files.values())

    def _declare_names(self, rule_file: RuleFile) -> None:
        """Later files (the extending ones) redefine names of earlier ones."""
        declared_here: dict[str, Pos] = {}
        decls: list[tuple[str, Any]] = [("terms", d) for d in rule_file.terms]
        decls += [("pattern", d) for d in rule_file.patterns]
        decls += [("define", d) for d in rule_file.defines]
        for kind, decl in sorted(decls, key=lambda item: (item[1].pos.line, item[1].pos.column)):
            name = decl.name
            adds = kind != "define" and decl.add
            if name in declared_here and not adds:
                first = declared_here[name]
                self.error(rule_file, decl.pos, f"'{name}' is already defined at line {first.line}")
                continue
            if name in RESERVED:
                self.error(rule_file, decl.pos, f"'{name}' is a reserved word and cannot name a {kind}")
                continue
            if name in STATEMENT_CLASSES and kind != "define":
                self.error(rule_file, decl.pos, f"'{name}' is a statement class; write 'define {name} = ...'")
                continue
            if adds:
                decl = self._added(kind, decl, rule_file)
                if decl is None:
                    continue
            declared_here.setdefault(name, decl.pos)
            self.names[name] = _Entry(kind, decl, rule_file)

    def _added(self, kind: str, decl: Any, rule_file: RuleFile) -> Any:
        """``terms NAME += ...`` / ``pattern NAME += /.../``: the list with the new terms after those
        it has so far, or the pattern that matches where either the old or the new one does; None
        after an error."""
        entry = self.names.get(decl.name)
        if entry is None or entry.kind != kind:
            hint = did_you_mean(decl.name, [n for n, e in self.names.items() if e.kind == kind])
            noun = "terms list" if kind == "terms" else "pattern"
            what = "there is none of that name" if entry is None else f"'{decl.name}' is a {entry.kind}"
            self.error(rule_file, decl.pos, f"'{kind} {decl.name} +=' adds to a {noun} of this ruleset or one it extends, but {what}{hint}")
            return decl if entry is None else None  # as if written with '=', so that its uses are no further errors
        old = entry.decl
        if kind == "terms":
            return TermsDecl(name=decl.name, terms=old.terms + decl.terms, pos=decl.pos, term_pos=old.term_pos + decl.term_pos)
        if decl.flags != old.flags:
            self.error(rule_file, decl.pattern_pos, f"'pattern {decl.name} +=' needs the flags of the pattern it adds to "
                                                    f"('{old.flags}', not '{decl.flags}')")
            return None
        try:
            compile_pattern(decl.source, decl.flags)
        except PatternSyntaxError:  # reported where it is written, by _add_pattern
            self._add_pattern(decl.name, decl.source, decl.flags, rule_file, decl.pattern_pos)
            return None
        return PatternDecl(name=decl.name, source=f"(?:{old.source})|(?:{decl.source})", flags=decl.flags, pos=decl.pos,
                           pattern_pos=decl.pattern_pos)

    def _check_terms_and_patterns(self, rule_file: RuleFile) -> None:
        for name, entry in self.names.items():
            if entry.origin is not rule_file:
                continue
            if entry.kind == "terms":
                self._add_list(name, entry.decl.terms, rule_file, entry.decl.term_pos)
            elif entry.kind == "pattern":
                self._add_pattern(name, entry.decl.source, entry.decl.flags, rule_file, entry.decl.pattern_pos)

    def _add_list(self, name: str, terms: list[str], rule_file: RuleFile, positions: list[Pos]) -> None:
        for term, pos in zip(terms, positions):
            try:
                parse_term(term)
            except TermSyntaxError as problem:
                self.error(rule_file, pos, f"bad term \"{term}\": {problem}")
        self.lists[name] = TermList(name=name, terms=list(terms), origin=rule_file.name)

    def _add_pattern(self, name: str, source: str, flags: str, rule_file: RuleFile, pos: Pos) -> None:
        try:
            compile_pattern(source, flags)
        except PatternSyntaxError as problem:
            column = pos.column + 1 + problem.offset if problem.offset >= 0 else pos.column + len(source) + 2 + len(flags) + problem.offset
            self.error(rule_file, Pos(line=pos.line, column=column), str(problem))
        self.patterns[name] = PatternDef(name=name, source=source, flags=flags, origin=rule_file.name)

    # -- conditions
    def _resolve(self, condition: Any, rule_file: RuleFile, depth: int = 0) -> Any:
        if depth > MAX_CONDITION_DEPTH:
            self.error(rule_file, None, f"condition nested deeper than {MAX_CONDITION_DEPTH} levels")
            return condition
        if isinstance(condition, Ref):
            return self._resolve_name(condition, rule_file)
        if isinstance(condition, InlineTerms):
            name = _inline_name(rule_file, condition.pos)
            self._add_list(name, condition.terms, rule_file, [condition.pos] * len(condition.terms))
            return TermsAtom(list=name)
        if isinstance(condition, InlinePattern):
            name = _inline_name(rule_file, condition.pos)
            self._add_pattern(name, condition.source, condition.flags, rule_file, condition.pos)
            return PatternAtom(pattern=name)
        if isinstance(condition, InSection):
            if condition.list:  # in section NAME: a terms list of the ruleset
                entry = self.names.get(condition.list)
                if entry is None or entry.kind != "terms":
                    hint = did_you_mean(condition.list, [n for n, e in self.names.items() if e.kind == "terms"])
                    what = "no terms list" if entry is None else f"a {entry.kind}, not a terms list"
                    self.error(rule_file, condition.pos, f"'in section {condition.list}': {what}{hint}")
                    return condition
                return InSection(list=condition.list, terms=[])
            name = _inline_name(rule_file, condition.pos, "section")
            self._add_list(name, condition.terms, rule_file, [condition.pos] * len(condition.terms))
            return InSection(list=name, terms=condition.terms)
        if isinstance(condition, Words):
            if condition.count > MAX_WORDS:
                self.error(rule_file, condition.pos, f"the number after 'words {condition.op}' may be at most {MAX_WORDS}")
            return Words(op=condition.op, count=min(condition.count, MAX_WORDS))
        if isinstance(condition, Not):
            return Not(operand=self._resolve(condition.operand, rule_file, depth + 1))
        if isinstance(condition, (And, Or)):
            return type(condition)(operands=[self._resolve(c, rule_file, depth + 1) for c in condition.operands])
        return condition

    def _resolve_name(self, ref: Ref, rule_file: RuleFile) -> Any:
        entry = self.names.get(ref.name)
        if entry is None and ref.name in READING_NAMES:
            return ReadingAtom(name=ref.name)
        if entry is None:
            if ref.name in STATEMENT_CLASSES:
                self.error(rule_file, ref.pos, f"statement class '{ref.name}' is not defined; add 'define {ref.name} = ...'")
            else:
                hint = did_you_mean(ref.name, list(self.names) + list(STATEMENT_CLASSES) + list(READING_NAMES))
                self.error(rule_file, ref.pos, f"unknown name '{ref.name}' (not a terms list, pattern or define){hint}")
            return TermsAtom(list=ref.name)
        if entry.kind == "terms":
            return TermsAtom(list=ref.name)
        if entry.kind == "pattern":
            return PatternAtom(pattern=ref.name)
        return ClassAtom(define=ref.name)

    def _resolve_defines(self) -> dict[str, Define]:
        defines: dict[str, Define] = {}
        for name, entry in self.names.items():
            if entry.kind == "define":
                decl: DefineDecl = entry.decl
                defines[name] = Define(name=name, condition=self._resolve(decl.condition, entry.origin), origin=entry.origin.name)
        order, cycles = _define_order(defines)
        for cycle in cycles:
            entry = self.names[cycle[0]]
            self.error(entry.origin, entry.decl.pos, "defines refer to each other in a cycle: " + " -> ".join(cycle))
        for name in order:
            entry = self.names[name]
            self._extents[name] = self._checked_extent(defines[name].condition, entry.origin, entry.decl.pos, f"define '{name}'")
        return defines

    def _checked_extent(self, condition: Any, rule_file: RuleFile, pos: Pos, what: str) -> _Extent | None:
        """The extent of a condition whose defines have theirs in ``self._extents``, or None
        after an error when it is too large (or uses a define that is: that one is reported)."""
        extent = _extent(condition, self._extents)
        if extent is None:
            return None
        if extent.depth > MAX_EXPANDED_DEPTH:
            self.error(rule_file, pos, f"{what} nests too deep: with the defines it uses written out it has more than "
                                       f"{MAX_EXPANDED_DEPTH} levels (each not, and, or and use of a define is one)")
            return None
        if extent.size > MAX_EXPANDED_SIZE:
            self.error(rule_file, pos, f"{what} is too large: with the defines it uses written out it has more than "
                                       f"{MAX_EXPANDED_SIZE} parts (a define used twice is written out twice)")
            return None
        return extent

    def _resolve_topics(self, files: list[RuleFile]) -> list[str]:
        topics: list[str] = []
        for rule_file in files:
            for topic in rule_file.topics:
                entry = self.names.get(topic.value)
                if entry is None:
                    hint = did_you_mean(topic.value, [n for n, e in self.names.items() if e.kind == "terms"])
                    self.error(rule_file, topic.pos, f"unknown terms list '{topic.value}' in topics{hint}")
                elif entry.kind != "terms":
                    self.error(rule_file, topic.pos, f"topics takes terms lists; '{topic.value}' is a {entry.kind}")
                elif topic.value not in topics:
                    topics.append(topic.value)
        return topics

    def _is_define(self, name: str) -> bool:
        entry = self.names.get(name)
        return entry is not None and entry.kind == "define"

    # -- rules
    def _resolve_rules(self, files: list[RuleFile]) -> list[Rule]:
        rules: dict[str, Rule] = {}
        for rule_file in files:
            seen: dict[str, Pos] = {}
            for decl in rule_file.rules:
                if decl.id in seen:
                    self.error(rule_file, decl.id_pos, f"duplicate rule id '{decl.id}' (first at line {seen[decl.id].line})")
                    continue
                seen[decl.id] = decl.id_pos
                rule = self._rule(decl, rule_file)
                if rule is not None:
                    rules.pop(decl.id, None)  # a rule with the same id replaces the extended one
                    rules[decl.id] = rule
        return list(rules.values())

    def _rule(self, decl: RuleDecl, rule_file: RuleFile) -> Rule | None:
        ok = True
        fields = decl.fields
        for key in fields:
            if key not in _ALLOWED_FIELDS[decl.kind]:
                word = _FIELD_WORDS.get(key, key)
                self.error(rule_file, decl.field_pos[key], f"'{word}' does not belong in a {decl.kind} rule")
                ok = False
        for key in _REQUIRED_FIELDS[decl.kind] + ("category", "message"):
            if key not in fields:
                word = {"for": "for requirements where ..." if decl.kind == "followup" else "for requirements|sanctions where ..."}.get(key, key)
                self.error(rule_file, decl.id_pos, f"{decl.kind} rule {decl.id} has no '{word}'")
                ok = False
        category = severity = None
        if "category" in fields:
            category, pos = fields["category"]
            if category not in CATEGORIES:
                self.error(rule_file, pos, f"unknown category '{category}'{did_you_mean(category, list(CATEGORIES))} (categories: {', '.join(CATEGORIES)})")
                ok = False
        if "severity" in fields:
            severity, pos = fields["severity"]
            if severity not in SEVERITIES:
                self.error(rule_file, pos, f"unknown severity '{severity}'{did_you_mean(severity, list(SEVERITIES))} (use error, warning or info)")
                ok = False
        target = where = None
        if "for" in fields:
            target, where_cond = fields["for"]
            if decl.kind == "followup" and target != "requirements":
                self.error(rule_file, decl.field_pos["for"], "a followup rule looks at requirements: write 'for requirements where ...'")
                ok = False
            where = self._resolve(where_cond, rule_file)
        linked = list(LINK_METHODS)
        if "linked" in fields:
            linked = []
            for method, pos in fields["linked"]:
                if method not in LINK_METHODS:
                    self.error(rule_file, pos, f"unknown link method '{method}'{did_you_mean(method, list(LINK_METHODS))} (use id, section, topic, blanket)")
                    ok = False
                elif method not in linked:
                    linked.append(method)
            if target == "sanctions":
                self.error(rule_file, decl.field_pos["linked"], "'linked by' applies to 'for requirements where'; sanctions are checked on their own")
                ok = False
        needed = [decl.kind] if decl.kind != "document" else []
        if target == "requirements" and decl.kind != "requirement":
            needed.append("requirement")
        for name in needed:
            if not self._is_define(name):
                self.error(rule_file, decl.pos, f"{decl.kind} rule {decl.id} needs 'define {name} = ...' in this ruleset or one it extends")
                ok = False
        when = self._resolve(fields["when"], rule_file) if "when" in fields else None
        expect = self._resolve(fields["expect"], rule_file) if "expect" in fields else None
        extents: dict[str, _Extent | None] = {}
        for key, condition in (("when", when), ("for", where), ("expect", expect)):
            if condition is not None:
                extents[key] = self._checked_extent(condition, rule_file, decl.field_pos[key], f"the '{_FIELD_WORDS.get(key, key)}' of rule {decl.id}")
                ok = ok and extents[key] is not None
        matched_by = "for" if decl.kind in ("followup", "sanction") else "when"
        supplies_match = extents.get(matched_by) is None or extents[matched_by].supplies_match
        if matched_by not in fields and decl.kind == "document":
            supplies_match = False
        for key in ("message", "suggest"):
            if key in fields and not supplies_match and "match" in placeholders_in(fields[key]):
                where = _FIELD_WORDS.get(matched_by, matched_by) if matched_by in fields else "when"
                self.error(rule_file, decl.field_pos[key], f"{{match}} in the {'message' if key == 'message' else 'suggestion'} of rule {decl.id} would be empty: "
                                                          f"its '{where}' has no terms list or pattern outside a 'not' to take it from "
                                                          "(use {statement}, or add a term or pattern)")
                ok = False
        for key in ("message", "suggest"):
            if key in fields:
                for problem in _placeholder_problems(fields[key]):
                    self.error(rule_file, decl.field_pos[key], problem)
                    ok = False
        if "rewrite" in fields:
            for problem in _rewrite_problems(fields["rewrite"], supplies_match):
                self.error(rule_file, decl.field_pos["rewrite"], f"the rewrite of rule {decl.id}: {problem}")
                ok = False
        if not ok:
            return None
        return Rule(
            id=decl.id,
            full_id=f"{rule_file.name}/{decl.id}",
            ruleset=rule_file.name,
            kind=decl.kind,
            title=decl.title,
            category=category,
            severity=severity or "warning",
            when=when,
            target=target,
            where=where,
            linked_by=linked,
            expect=expect,
            message=fields["message"],
            suggest=fields.get("suggest", ""),
            rewrite=fields.get("rewrite"),
            reference=fields.get("reference", ""),
            rationale=fields.get("rationale", ""),
            examples=decl.examples,
            source=f"{rule_file.path}:{decl.pos.line}",
        )


def _shortened(text: str, width: int = 40) -> str:
    """``text`` cut to ``width`` characters, for a value quoted in a one-line message."""
    return text if len(text) <= width else text[: width - 3] + "..."


def _inline_name(rule_file: RuleFile, pos: Pos | None, prefix: str = "") -> str:
    pos = pos or Pos(line=0, column=0)
    return f"@{rule_file.name}:{prefix}{pos.line}:{pos.column}"


MAX_EXPANDED_DEPTH = 2 * MAX_CONDITION_DEPTH
"""Deepest a condition may nest with its defines written out: the engine walks conditions
recursively. Twice the limit of one written condition, whose parenthesis level may hold an
'or' of 'and's."""
MAX_EXPANDED_SIZE = 10_000
"""Most parts (atoms, operators, uses of defines) of a condition with its defines written out:
a chain of defines that each use the one before twice doubles at every step."""


@dataclass(frozen=True)
class _Extent:
    """How large a condition is with the defines it uses written out."""

    depth: int  # levels of not, and, or and uses of defines
    size: int  # atoms, operators and uses of defines
    supplies_match: bool  # has a terms list or pattern, not under a 'not', that can give {match}


def _extent(condition: Any, defines: dict[str, _Extent | None]) -> _Extent | None:
    """The extent of ``condition``, given those of the defines it uses; None if one of them has none."""
    if isinstance(condition, ClassAtom):
        if condition.define not in defines:  # undefined or in a cycle: reported on its own
            return _Extent(1, 1, True)
        used = defines[condition.define]
        return None if used is None else _Extent(used.depth + 1, used.size + 1, used.supplies_match)
    if isinstance(condition, (TermsAtom, PatternAtom)):
        return _Extent(0, 1, True)
    operands = [condition.operand] if isinstance(condition, Not) else condition.operands if isinstance(condition, (And, Or)) else []
    if not operands:
        return _Extent(0, 1, False)
    extents = [_extent(operand, defines) for operand in operands]
    if None in extents:
        return None
    supplies_match = not isinstance(condition, Not) and any(e.supplies_match for e in extents)
    return _Extent(1 + max(e.depth for e in extents), 1 + sum(e.size for e in extents), supplies_match)


def _define_order(defines: dict[str, Define]) -> tuple[list[str], list[list[str]]]:
    """The defines outside cycles, each after those it uses, and each cycle once (``a -> b -> a``).
    Each define is visited once (depth-first, without recursion)."""
    uses = {name: list(dict.fromkeys(used for used in _classes_in(define.condition) if used in defines))
            for name, define in defines.items()}
    order: list[str] = []
    cycles: list[list[str]] = []
    state: dict[str, str] = {}  # open (on the path) or done
    for root in defines:
        if root in state:
            continue
        path: list[tuple[str, Iterator[str]]] = [(root, iter(uses[root]))]
        state[root] = "open"
        while path:
            name, pending = path[-1]
            used = next(pending, None)
            if used is None:
                path.pop()
                state[name] = "done"
                order.append(name)
            elif state.get(used) == "open":
                names = [step for step, _ in path]
                cycles.append(names[names.index(used):] + [used])
            elif used not in state:
                state[used] = "open"
                path.append((used, iter(uses[used])))
    in_cycle = {name for cycle in cycles for name in cycle}
    return [name for name in order if name not in in_cycle], cycles


def _classes_in(condition: Any) -> list[str]:
    if isinstance(condition, ClassAtom):
        return [condition.define]
    if isinstance(condition, Not):
        return _classes_in(condition.operand)
    if isinstance(condition, (And, Or)):
        return [name for operand in condition.operands for name in _classes_in(operand)]
    return []


_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")


def _placeholder_problems(text: str) -> list[str]:
    problems: list[str] = []
    for match in _PLACEHOLDER.finditer(text):
        token = match.group()
        if token in ("{{", "}}"):
            continue
        if match.group(1) is None:
            problems.append(f"unmatched '{token}' in message; write '{token * 2}' for a literal brace")
        elif match.group(1) not in PLACEHOLDERS:
            name = match.group(1)
            problems.append(f"unknown placeholder '{{{name}}}'{did_you_mean(name, list(PLACEHOLDERS))} (use {{match}}, {{requirement.id}}, {{statement}}, {{section}})")
    return problems


def _rewrite_problems(text: str, supplies_match: bool) -> list[str]:
    """What is wrong with a rule's ``rewrite``: it replaces the matched words, so the rule must
    have a match; it is words on one line, never empty, and ``{match}`` is its only placeholder."""
    if not supplies_match:
        return ["the rule has no matched words to rewrite (its condition has no terms list or pattern outside a 'not')"]
    problems = [problem.replace(" in message;", " in the rewrite;") for problem in _placeholder_problems(text)]
    problems += [f"'{{{name}}}' cannot stand in a rewrite; only {{match}} can" for name in sorted((placeholders_in(text) & set(PLACEHOLDERS)) - {"match"})]
    if not text.strip():
        problems.append("it is empty; write what replaces the matched words, e.g. a placeholder in brackets \"[X]\"")
    if any(char in text for char in "\n\r"):
        problems.append("it spans more than one line; a rewrite replaces words inside a sentence")
    elif any(ord(char) < 32 or char in "\ufffe\uffff" or "\ud800" <= char <= "\udfff" for char in text):
        problems.append("it holds a control character, which a Word document cannot hold; write words")
    return problems


def fill_message(template: str, values: dict[str, str]) -> str:
    """Replace ``{match}``, ``{requirement.id}``, ... ; ``{{`` and ``}}`` are literal braces. A
    placeholder ``values`` leaves out stays as written."""
    given = {field_name(name): value for name, value in values.items()}
    return message_format(template).format(**{field_name(name): given.get(field_name(name), f"{{{name}}}") for name in PLACEHOLDERS})


def field_name(placeholder: str) -> str:
    """A placeholder's name as a ``str.format`` field (``requirement.id`` → ``requirement_id``)."""
    return placeholder.replace(".", "_")


@cache
def message_format(template: str) -> str:
    """The template as a ``str.format`` string with a named field per placeholder
    (:func:`field_name`); everything else is literal."""
    return "".join(f"{{{field_name(name)}}}" if name in PLACEHOLDERS else part.replace("{", "{{").replace("}", "}}")
                   for part, name in template_parts(template))


@cache
def template_parts(template: str) -> tuple[tuple[str, str | None], ...]:
    """A message template split into (text, placeholder name or None) parts."""
    parts: list[tuple[str, str | None]] = []
    position = 0
    for match in _PLACEHOLDER.finditer(template):
        if match.start() > position:
            parts.append((template[position:match.start()], None))
        token = match.group()
        if token in ("{{", "}}"):
            parts.append((token[0], None))
        else:
            parts.append((token, match.group(1)))
        position = match.end()
    if position < len(template):
        parts.append((template[position:], None))
    return tuple(parts)


def placeholders_in(template: str) -> frozenset[str]:
    """The placeholder names a message template uses."""
    return frozenset(name for _, name in template_parts(template) if name is not None)
