"""Compile parsed rule files into runnable :class:`~checker.rulemodel.Ruleset` s.

Resolves ``extends`` (the extending file's folder first, then the shipped rulesets; cycles
are errors), merges names so that a redefinition in the extending ruleset reaches the
extended rules too (late binding), resolves every name in every condition, checks fields,
categories, severities, link methods and message placeholders, and compiles every pattern
with RE2. All errors of a file are collected and raised together as one :class:`RuleError`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Iterable

from .errors import Diagnostic, KravError, RuleError
from .matching import PatternSyntaxError, TermSyntaxError, compile_pattern, parse_term
from .paths import shipped_rulesets_dir
from .ruleparse import MAX_CONDITION_DEPTH, did_you_mean, parse_rule_text
from .rulemodel import (
    CATEGORIES,
    LANGUAGES,
    LINK_METHODS,
    SEVERITIES,
    STATEMENT_CLASSES,
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
    PatternDef,
    Pos,
    Ref,
    Rule,
    RuleDecl,
    RuleFile,
    Ruleset,
    TermList,
    TermsAtom,
)

RESERVED = ("and", "or", "not", "in", "has", "words", "section", "id")
PLACEHOLDERS = ("match", "requirement.id", "statement", "section")
MAX_RULE_FILE_BYTES = 4 * 1024 * 1024

_REQUIRED_FIELDS = {
    "requirement": ("when",),
    "followup": ("for",),
    "sanction": ("for",),
    "document": ("expect",),
}
_ALLOWED_FIELDS = {
    "requirement": {"category", "severity", "when", "message", "suggest", "reference", "rationale"},
    "followup": {"category", "severity", "for", "linked", "message", "suggest", "reference", "rationale"},
    "sanction": {"category", "severity", "for", "linked", "message", "suggest", "reference", "rationale"},
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
    return path if path.is_file() else None


def resolve_ruleset_reference(reference: str | Path, base_dir: Path | None = None) -> Path:
    """A ``--ruleset`` value (a path, or the name of a shipped ruleset) as a file path."""
    text = str(reference)
    candidate = Path(text)
    if base_dir is not None and not candidate.is_absolute():
        based = base_dir / candidate
        if based.is_file() or based.with_suffix(".krav").is_file():
            candidate = based
    if candidate.is_file():
        return candidate
    if candidate.suffix != ".krav" and candidate.with_suffix(".krav").is_file() and ("/" in text or "\\" in text):
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
    loader = _Loader()
    rulesets: list[Ruleset] = []
    diagnostics: list[Diagnostic] = []
    for reference in references:
        try:
            rulesets.append(loader.load(resolve_ruleset_reference(reference, base_dir)))
        except RuleError as error:
            diagnostics.extend(d for d in error.diagnostics if d not in diagnostics)
    if diagnostics:
        raise RuleError(diagnostics)
    return rulesets


def compile_text(text: str, path: str = "<rules>", folder: Path | None = None) -> Ruleset:
    """Compile rule text held in memory. ``extends`` names a rule file in ``folder`` (default:
    the folder of ``path``) or else a shipped ruleset."""
    return _Loader().compile(parse_rule_text(text, path), Path(path).parent if folder is None else folder)


def read_rule_file(path: Path) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_RULE_FILE_BYTES:
            raise KravError(f"{path}: rule file is too large ({size} bytes; the limit is {MAX_RULE_FILE_BYTES})")
        data = path.read_bytes()
    except FileNotFoundError:
        raise KravError(f"{path}: no such rule file") from None
    except IsADirectoryError:
        raise KravError(f"{path}: is a folder, not a rule file") from None
    except OSError as error:
        raise KravError(f"{path}: cannot read: {error.strerror or error}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise KravError(f"{path}: rule files must be UTF-8 (invalid byte at offset {error.start})") from None


class _Loader:
    """Loads rule files once each, following ``extends``."""

    def __init__(self) -> None:
        self._parsed: dict[Path, RuleFile] = {}
        self._compiled: dict[Path, Ruleset] = {}
        self._stack: list[Path] = []

    def parse(self, path: Path) -> RuleFile:
        key = path.resolve()
        if key not in self._parsed:
            self._parsed[key] = parse_rule_text(read_rule_file(path), str(path))
        return self._parsed[key]

    def load(self, path: Path) -> Ruleset:
        key = path.resolve()
        if key not in self._compiled:
            self._compiled[key] = self.compile(self.parse(path), path.parent, key)
        return self._compiled[key]

    def compile(self, rule_file: RuleFile, folder: Path, key: Path | None = None) -> Ruleset:
        if key is not None:
            self._stack.append(key)
        try:
            return _Compiler(rule_file, folder, self).compile()
        finally:
            if key is not None:
                self._stack.pop()

    def extended(self, name: str, folder: Path, pos: Pos, path: str, errors: list[Diagnostic], lines: list[str]) -> tuple[Ruleset, list[RuleFile]] | None:
        """The ruleset named by ``extends "name"``, and the chain of files it is made of."""
        local = folder / f"{name}.krav"
        target = local if local.is_file() else shipped_ruleset_path(name)
        if target is None:
            hint = did_you_mean(name, shipped_ruleset_names() + [p.stem for p in folder.glob("*.krav")])
            errors.append(Diagnostic(path, pos.line, pos.column, f"extends unknown ruleset '{name}'{hint}", _line(lines, pos.line)))
            return None
        resolved = target.resolve()
        if resolved in self._stack:
            cycle = " -> ".join(p.stem for p in self._stack[self._stack.index(resolved):]) + f" -> {target.stem}"
            errors.append(Diagnostic(path, pos.line, pos.column, f"cyclic extends: {cycle}", _line(lines, pos.line)))
            return None
        ruleset = self.load(target)
        return ruleset, self.chain(target)

    def chain(self, path: Path) -> list[RuleFile]:
        """The parsed files a compiled ruleset is made of, most basic first."""
        files: list[RuleFile] = []
        rule_file = self.parse(path)
        for extended in rule_file.extends:
            local = path.parent / f"{extended.value}.krav"
            target = local if local.is_file() else shipped_ruleset_path(extended.value)
            if target is not None:
                files.extend(f for f in self.chain(target) if f not in files)
        files.append(rule_file)
        return files


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
        # An extended file compiled cleanly on its own, so an error found in it here comes from
        # a redefinition in the extending file; it is reported where it shows.
        self.errors.append(Diagnostic(rule_file.path, pos.line, pos.column, message, _line(self.lines_of(rule_file), pos.line)))

    # -- the whole ruleset
    def compile(self) -> Ruleset:
        own = self.own
        if own.language not in LANGUAGES:
            self.error(own, own.language_pos, f"unknown language '{own.language}'; use sv, en or any{did_you_mean(own.language, list(LANGUAGES))}")
        files = self._extended_files()
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
        files: list[RuleFile] = []
        lines = self.lines_of(self.own) if Path(self.own.path).is_file() else []
        for extended in self.own.extends:
            try:
                found = self.loader.extended(extended.value, self.folder, extended.pos, self.own.path, self.errors, lines)
            except RuleError as error:
                self.errors.append(Diagnostic(self.own.path, extended.pos.line, extended.pos.column,
                                              f"extended ruleset '{extended.value}' has errors: {error}", _line(lines, extended.pos.line)))
                continue
            if found is not None:
                files.extend(f for f in found[1] if f not in files)
        files.append(self.own)
        return files

    def _declare_names(self, rule_file: RuleFile) -> None:
        """Later files (the extending ones) redefine names of earlier ones."""
        declared_here: dict[str, Pos] = {}
        decls: list[tuple[str, Any]] = [("terms", d) for d in rule_file.terms]
        decls += [("pattern", d) for d in rule_file.patterns]
        decls += [("define", d) for d in rule_file.defines]
        for kind, decl in sorted(decls, key=lambda item: (item[1].pos.line, item[1].pos.column)):
            name = decl.name
            if name in declared_here:
                first = declared_here[name]
                self.error(rule_file, decl.pos, f"'{name}' is already defined at line {first.line}")
                continue
            if name in RESERVED:
                self.error(rule_file, decl.pos, f"'{name}' is a reserved word and cannot name a {kind}")
                continue
            if name in STATEMENT_CLASSES and kind != "define":
                self.error(rule_file, decl.pos, f"'{name}' is a statement class; write 'define {name} = ...'")
                continue
            declared_here[name] = decl.pos
            self.names[name] = _Entry(kind, decl, rule_file)

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
        if isinstance(condition, Not):
            return Not(operand=self._resolve(condition.operand, rule_file, depth + 1))
        if isinstance(condition, (And, Or)):
            return type(condition)(operands=[self._resolve(c, rule_file, depth + 1) for c in condition.operands])
        return condition

    def _resolve_name(self, ref: Ref, rule_file: RuleFile) -> Any:
        entry = self.names.get(ref.name)
        if entry is None:
            if ref.name in STATEMENT_CLASSES:
                self.error(rule_file, ref.pos, f"statement class '{ref.name}' is not defined; add 'define {ref.name} = ...'")
            else:
                hint = did_you_mean(ref.name, list(self.names) + list(STATEMENT_CLASSES))
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
        for name in defines:
            cycle = _define_cycle(name, defines)
            if cycle:
                entry = self.names[name]
                self.error(entry.origin, entry.decl.pos, "defines refer to each other in a cycle: " + " -> ".join(cycle))
        return defines

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
        for key in ("message", "suggest"):
            if key in fields:
                for problem in _placeholder_problems(fields[key]):
                    self.error(rule_file, decl.field_pos[key], problem)
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
            reference=fields.get("reference", ""),
            rationale=fields.get("rationale", ""),
            examples=decl.examples,
            source=f"{rule_file.path}:{decl.pos.line}",
        )


def _inline_name(rule_file: RuleFile, pos: Pos | None, prefix: str = "") -> str:
    pos = pos or Pos(line=0, column=0)
    return f"@{rule_file.name}:{prefix}{pos.line}:{pos.column}"


def _define_cycle(start: str, defines: dict[str, Define]) -> list[str]:
    """The cycle of defines through ``start``, or an empty list."""
    path: list[str] = []

    def visit(name: str) -> bool:
        if name in path:
            return name == start
        if name not in defines:
            return False
        path.append(name)
        for used in _classes_in(defines[name].condition):
            if visit(used):
                return True
        path.pop()
        return False

    return path + [start] if visit(start) else []


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
