"""Compiling a parsed rule file and the files it extends into a :class:`~checker.rulemodel.Ruleset`.

Merges names so that a redefinition in the extending ruleset reaches the extended rules too
(late binding), resolves every name in every condition, checks fields, categories,
severities, link methods and message placeholders (what differs between kinds of rule is
asked of the kind, :mod:`checker.rulekinds`), and compiles every pattern with RE2. All errors
of a file are collected and raised together as one :class:`RuleError`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..conditions import ConditionVisitor
from ..conditiontypes import LEAF_TYPES
from ..conditiontypes.reading import ReadingAtom
from ..errors import Diagnostic, KravError, RuleError
from ..matching import PatternSyntaxError, TermSyntaxError, compile_pattern, parse_term
from ..reading import READING_NAMES
from ..rulekinds import RULE_KINDS
from ..rulelimits import MAX_CONDITION_DEPTH, MAX_DIAGNOSTICS, TOO_MANY_ERRORS, did_you_mean
from ..rulemodel import (
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
)
from .extent import MAX_EXPANDED_DEPTH, MAX_EXPANDED_SIZE, Extent, define_order, extent
from .sources import is_file, line_of, read_rule_file
from .templates import placeholder_problems, placeholders_in, rewrite_problems

if TYPE_CHECKING:
    from .loader import Loader

RESERVED = tuple(dict.fromkeys(("and", "or", "not", *(word for unit in LEAF_TYPES.values() for word in unit.reserved))))
"""Words that cannot name a list, pattern or define: the operators, and the words that start a leaf condition type."""
_FIELD_WORDS = {"for": "for ... where", "linked": "linked by"}


@dataclass
class _Entry:
    """A name in the merged namespace and the file that defines it."""

    kind: str  # terms | pattern | define
    decl: Any
    origin: RuleFile


@dataclass
class Compiler:
    own: RuleFile
    folder: Path
    loader: Loader
    errors: list[Diagnostic] = field(default_factory=list)
    lists: dict[str, TermList] = field(default_factory=dict)
    patterns: dict[str, PatternDef] = field(default_factory=dict)
    names: dict[str, _Entry] = field(default_factory=dict)
    _lines: dict[str, list[str]] = field(default_factory=dict)
    _extents: dict[str, Extent | None] = field(default_factory=dict)
    _grown: dict[str, TermsDecl] = field(default_factory=dict)  # each list grown by '+=': its declaration, with lists of its own

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
        source = line_of(self.lines_of(rule_file), pos.line)
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
        lines = self.lines_of(self.own) if is_file(Path(self.own.path)) else []
        named: set[str] = set()
        for extended in self.own.extends:
            if extended.value in named:
                self.error(self.own, extended.pos, f"'{shortened(extended.value)}' is extended twice")
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
            # The list grows in place: a copy for each '+=' made thousands of them quadratic (a
            # 630 KB rule file of 32,000 took 31 s). Only a list this compiler made grows: the
            # declarations of the files it reads stay as they are (another ruleset extends them).
            if self._grown.get(decl.name) is not old:
                old = TermsDecl.model_construct(
                    name=old.name, terms=list(old.terms), pos=old.pos, term_pos=list(old.term_pos), add=False, outside_names=old.outside_names
                )
            old.terms.extend(decl.terms)
            old.term_pos.extend(decl.term_pos)
            grown = TermsDecl.model_construct(
                name=decl.name, terms=old.terms, pos=decl.pos, term_pos=old.term_pos, add=False, outside_names=old.outside_names or decl.outside_names
            )
            self._grown[decl.name] = grown
            return grown
        if decl.flags != old.flags:
            self.error(rule_file, decl.pattern_pos, f"'pattern {decl.name} +=' needs the flags of the pattern it adds to ('{old.flags}', not '{decl.flags}')")
            return None
        try:
            compile_pattern(decl.source, decl.flags)
        except PatternSyntaxError:  # reported where it is written, by _add_pattern
            self._add_pattern(decl.name, decl.source, decl.flags, rule_file, decl.pattern_pos)
            return None
        return PatternDecl(name=decl.name, source=f"(?:{old.source})|(?:{decl.source})", flags=decl.flags, pos=decl.pos, pattern_pos=decl.pattern_pos)

    def _check_terms_and_patterns(self, rule_file: RuleFile) -> None:
        for name, entry in self.names.items():
            if entry.origin is not rule_file:
                continue
            if entry.kind == "terms":
                self._add_list(name, entry.decl.terms, rule_file, entry.decl.term_pos, entry.decl.outside_names)
            elif entry.kind == "pattern":
                self._add_pattern(name, entry.decl.source, entry.decl.flags, rule_file, entry.decl.pattern_pos)

    def _add_list(self, name: str, terms: list[str], rule_file: RuleFile, positions: list[Pos], outside_names: bool = False) -> None:
        for term, pos in zip(terms, positions):
            try:
                parse_term(term)
            except TermSyntaxError as problem:
                shown = term if len(term) <= 60 else term[:57] + "..."
                self.error(rule_file, pos, f'bad term "{shown}": {problem}')
        self.lists[name] = TermList(name=name, terms=list(terms), origin=rule_file.name, outside_names=outside_names)

    def add_inline_list(self, terms: list[str], rule_file: RuleFile, pos: Pos | None, prefix: str = "", outside_names: bool = False) -> str:
        """Add a list written inline in a condition under a name of its own (``@file:line:column``,
        ``prefix`` before the line); return the name. ``outside_names``: the option of a named
        list it is made from (``in predicate NAME``)."""
        name = _inline_name(rule_file, pos, prefix)
        self._add_list(name, terms, rule_file, [pos] * len(terms), outside_names)
        return name

    def _add_pattern(self, name: str, source: str, flags: str, rule_file: RuleFile, pos: Pos) -> None:
        try:
            compile_pattern(source, flags)
        except PatternSyntaxError as problem:
            column = pos.column + 1 + problem.offset if problem.offset >= 0 else pos.column + len(source) + 2 + len(flags) + problem.offset
            self.error(rule_file, Pos(line=pos.line, column=column), str(problem))
        self.patterns[name] = PatternDef(name=name, source=source, flags=flags, origin=rule_file.name)

    # -- conditions
    def _resolve(self, condition: Any, rule_file: RuleFile, depth: int = 0) -> Any:
        """The condition with every name resolved and every inline list and pattern named
        (:class:`_Resolve`); errors are reported and the condition kept as far as it goes."""
        if depth > MAX_CONDITION_DEPTH:
            self.error(rule_file, None, f"condition nested deeper than {MAX_CONDITION_DEPTH} levels")
            return condition
        return _RESOLVE.visit(condition, self, rule_file, depth)

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
        order, cycles = define_order(defines)
        for cycle in cycles:
            entry = self.names[cycle[0]]
            self.error(entry.origin, entry.decl.pos, "defines refer to each other in a cycle: " + " -> ".join(cycle))
        for name in order:
            entry = self.names[name]
            self._extents[name] = self._checked_extent(defines[name].condition, entry.origin, entry.decl.pos, f"define '{name}'")
        return defines

    def _checked_extent(self, condition: Any, rule_file: RuleFile, pos: Pos, what: str) -> Extent | None:
        """The extent of a condition whose defines have theirs in ``self._extents``, or None
        after an error when it is too large (or uses a define that is: that one is reported)."""
        found = extent(condition, self._extents)
        if found is None:
            return None
        if found.depth > MAX_EXPANDED_DEPTH:
            self.error(
                rule_file,
                pos,
                f"{what} nests too deep: with the defines it uses written out it has more than "
                f"{MAX_EXPANDED_DEPTH} levels (each not, and, or and use of a define is one)",
            )
            return None
        if found.size > MAX_EXPANDED_SIZE:
            self.error(
                rule_file,
                pos,
                f"{what} is too large: with the defines it uses written out it has more than "
                f"{MAX_EXPANDED_SIZE} parts (a define used twice is written out twice)",
            )
            return None
        return found

    def _resolve_topics(self, files: list[RuleFile]) -> list[str]:
        topics: list[str] = []
        for rule_file in files:
            for topic in rule_file.topics:
                entry = self.names.get(topic.value)
                if entry is None:
                    hint = did_you_mean(topic.value, [n for n, e in self.names.items() if e.kind in ("terms", "pattern")])
                    self.error(rule_file, topic.pos, f"unknown terms list or pattern '{topic.value}' in topics{hint}")
                elif entry.kind not in ("terms", "pattern"):
                    # a pattern names what is measured with its measure ("available 99.5 %"); a
                    # define's statements are no words a table's header or a clause's title holds
                    self.error(rule_file, topic.pos, f"topics takes terms lists and patterns; '{topic.value}' is a {entry.kind}")
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
        kind = RULE_KINDS[decl.kind]
        fields = decl.fields
        for key in fields:
            if not kind.allows(key):
                word = _FIELD_WORDS.get(key, key)
                self.error(rule_file, decl.field_pos[key], f"'{word}' does not belong in a {decl.kind} rule")
                ok = False
        for key in kind.required + ("category", "message"):
            if key not in fields:
                self.error(rule_file, decl.id_pos, f"{decl.kind} rule {decl.id} has no '{kind.missing(key)}'")
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
        once_per = fields["report"][0] if "report" in fields else None  # the grammar allows "document" only
        target = where = None
        if "for" in fields:
            target, where_cond = fields["for"]
            problem = kind.target_problem(target)
            if problem is not None:
                self.error(rule_file, decl.field_pos["for"], problem)
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
            problem = kind.linked_problem(target)
            if problem is not None:
                self.error(rule_file, decl.field_pos["linked"], problem)
                ok = False
        for name in kind.needed_defines(target):
            if not self._is_define(name):
                self.error(rule_file, decl.pos, f"{decl.kind} rule {decl.id} needs 'define {name} = ...' in this ruleset or one it extends")
                ok = False
        when = self._resolve(fields["when"], rule_file) if "when" in fields else None
        expect = self._resolve(fields["expect"], rule_file) if "expect" in fields else None
        extents: dict[str, Extent | None] = {}
        for key, condition in (("when", when), ("for", where), ("expect", expect)):
            if condition is not None:
                extents[key] = self._checked_extent(condition, rule_file, decl.field_pos[key], f"the '{_FIELD_WORDS.get(key, key)}' of rule {decl.id}")
                ok = ok and extents[key] is not None
        matched_by = kind.matched_by
        supplies_match = extents.get(matched_by) is None or extents[matched_by].supplies_match
        if matched_by not in fields and matched_by not in kind.required:  # an optional 'when' left out: no match
            supplies_match = False
        for key in ("message", "suggest"):
            if key in fields and not supplies_match and "match" in placeholders_in(fields[key]):
                written = _FIELD_WORDS.get(matched_by, matched_by) if matched_by in fields else "when"
                self.error(
                    rule_file,
                    decl.field_pos[key],
                    f"{{match}} in the {'message' if key == 'message' else 'suggestion'} of rule {decl.id} would be empty: "
                    f"its '{written}' has no terms list or pattern outside a 'not' to take it from "
                    "(use {statement}, or add a term or pattern)",
                )
                ok = False
        for key in ("message", "suggest"):
            if key in fields:
                for problem in placeholder_problems(fields[key]):
                    self.error(rule_file, decl.field_pos[key], problem)
                    ok = False
        if "rewrite" in fields:
            for problem in rewrite_problems(fields["rewrite"], supplies_match):
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
            once_per=once_per,
            expect=expect,
            message=fields["message"],
            suggest=fields.get("suggest", ""),
            rewrite=fields.get("rewrite"),
            reference=fields.get("reference", ""),
            rationale=fields.get("rationale", ""),
            examples=decl.examples,
            source=f"{rule_file.path}:{decl.pos.line}",
        )


def shortened(text: str, width: int = 40) -> str:
    """``text`` cut to ``width`` characters, for a value quoted in a one-line message."""
    return text if len(text) <= width else text[: width - 3] + "..."


def _inline_name(rule_file: RuleFile, pos: Pos | None, prefix: str = "") -> str:
    pos = pos or Pos(line=0, column=0)
    return f"@{rule_file.name}:{prefix}{pos.line}:{pos.column}"


class _Resolve(ConditionVisitor[Any]):
    """A parsed condition with its names resolved (:meth:`Compiler._resolve`)."""

    operation = "resolve"

    def visit_ref(self, condition: Ref, compiler: Compiler, rule_file: RuleFile, depth: int) -> Any:
        return compiler._resolve_name(condition, rule_file)

    def visit_inline_terms(self, condition: InlineTerms, compiler: Compiler, rule_file: RuleFile, depth: int) -> Any:
        return TermsAtom(list=compiler.add_inline_list(condition.terms, rule_file, condition.pos))

    def visit_inline_pattern(self, condition: InlinePattern, compiler: Compiler, rule_file: RuleFile, depth: int) -> Any:
        name = _inline_name(rule_file, condition.pos)
        compiler._add_pattern(name, condition.source, condition.flags, rule_file, condition.pos)
        return PatternAtom(pattern=name)

    def visit_not(self, condition: Not, compiler: Compiler, rule_file: RuleFile, depth: int) -> Any:
        return Not(operand=compiler._resolve(condition.operand, rule_file, depth + 1))

    def visit_and(self, condition: And | Or, compiler: Compiler, rule_file: RuleFile, depth: int) -> Any:
        return type(condition)(operands=[compiler._resolve(c, rule_file, depth + 1) for c in condition.operands])

    visit_or = visit_and

    def resolved(self, condition: Any, compiler: Compiler, rule_file: RuleFile, depth: int) -> Any:
        """An atom the compiler made already."""
        return condition

    visit_terms = visit_pattern = visit_class = resolved


_RESOLVE = _Resolve()
