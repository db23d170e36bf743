"""Parse ``.krav`` text into a :class:`~checker.rulemodel.RuleFile`.

The parser and its syntax errors are :mod:`checker.rulesyntax`; here one Lark
``Transformer`` (:class:`_Build`) turns a parse tree into typed values, and :class:`_FileBuilder`
collects them into a :class:`RuleFile` with the errors only the whole file shows (a second
header, a field given twice).
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from typing import Any, Callable

from lark import Token, Transformer, Tree, v_args
from lark.exceptions import UnexpectedInput, VisitError

from .conditiontypes import LEAF_TYPES
from .errors import Diagnostic, RuleError
from .rulelimits import MAX_CONDITION_DEPTH, MAX_DIAGNOSTICS, did_you_mean
from .rulemodel import (
    And,
    DefineDecl,
    Example,
    InlinePattern,
    InlineTerms,
    Not,
    Or,
    PatternDecl,
    Pos,
    Positioned,
    Ref,
    RuleDecl,
    RuleFile,
    TermsDecl,
)
from .rulesyntax import TOP_LEVEL_KEYWORDS, line_of, parse_by_item, parser

__all__ = ["MAX_CONDITION_DEPTH", "MAX_DIAGNOSTICS", "TOP_LEVEL_KEYWORDS", "did_you_mean", "parse_rule_text", "parser", "unescape_string"]


def parse_rule_text(text: str, path: str) -> RuleFile:
    """Parse the text of one rule file; raise :class:`RuleError` with every error found."""
    lines = text.splitlines()
    too_deep = _nesting_too_deep(text)
    if too_deep is not None:
        line = text.count("\n", 0, too_deep) + 1
        column = too_deep - (text.rfind("\n", 0, too_deep) + 1) + 1
        message = f"condition nested deeper than {MAX_CONDITION_DEPTH} levels (each '(' and each 'not' is one level)"
        raise RuleError([Diagnostic(path, line, column, message, line_of(lines, line))])
    try:
        tree = parser().parse(text)
    except UnexpectedInput:
        trees, diagnostics = parse_by_item(text, path, lines)
        builder = _FileBuilder(path, lines)
        for item_tree in trees:
            builder.add_tree(item_tree)
        diagnostics.extend(builder.diagnostics)
        raise RuleError(diagnostics) from None
    builder = _FileBuilder(path, lines)
    builder.add_tree(tree)
    return builder.result()


# ---- nesting ------------------------------------------------------------------------------

# Comments, strings, patterns, words and single characters, as the grammar's lexer sees them.
_NESTING_TOKEN = re.compile(
    r'#[^\n]*|"""(?:[^"\\]|\\.|"(?!""))*(?:"""|\Z)|"(?:[^"\\\n]|\\.)*"?|/(?:[^/\\\n]|\\.)+/?'
    r"|[^\W\d_][\w-]*|\S",
    re.S,
)


def _nesting_too_deep(text: str) -> int | None:
    """Offset where a condition gets nested deeper than :data:`MAX_CONDITION_DEPTH`, or None.

    Each open '(' is a level, and so is each 'not' until its operand ends.
    """
    if text.count("(") + text.count("not") <= MAX_CONDITION_DEPTH:
        return None  # cannot be deeper: no need to scan
    nots = [0]  # per open parenthesis: the 'not's still waiting for their operand
    waiting = 0
    for token in _NESTING_TOKEN.finditer(text):
        word = token.group()
        if word == "(":
            nots.append(0)
        elif word == "not":
            nots[-1] += 1
            waiting += 1
        else:
            if word == ")" and len(nots) > 1:
                waiting -= nots.pop()
            waiting -= nots[-1]  # an operand ended: its 'not's are done
            nots[-1] = 0
            continue
        if len(nots) - 1 + waiting > MAX_CONDITION_DEPTH:
            return token.start()
    return None


# ---- building the typed model ---------------------------------------------------------


_pos = Pos.of


_LEAF_BUILDERS: dict[str, Callable[..., Any]] = {syntax.node: syntax.build for unit in LEAF_TYPES.values() for syntax in unit.syntax}
"""Parse-tree node of a leaf condition type's syntax → what builds its condition."""


OUTSIDE_NAMES = object()
"""What ``(not in names)`` after a list's name parses to."""


@dataclass(frozen=True)
class _Field:
    """A field of a rule or of the ruleset header: its key, its value and where it is written."""

    key: str
    value: Any
    pos: Pos


@dataclass(frozen=True)
class _Header:
    name: Token
    fields: tuple[_Field, ...]


@dataclass(frozen=True)
class _Topics:
    names: list[Positioned]


@dataclass(frozen=True)
class _RuleItem:
    kind: Token
    id: Token
    title: Token
    fields: tuple[_Field, ...]


@v_args(inline=True, meta=True)
class _Build(Transformer):
    """A parse tree to typed values, bottom up, one method per rule of the grammar: conditions
    become condition models, declarations their ``…Decl`` models, fields :class:`_Field` s. The
    nodes of the leaf condition types are built by their units (:meth:`__default__`)."""

    def __default__(self, data: Any, children: list[Any], meta: Any) -> Any:
        build = _LEAF_BUILDERS.get(data)
        return super().__default__(data, children, meta) if build is None else build(meta, *children)

    def start(self, meta: Any, *items: Any) -> list[Any]:
        return list(items)

    def string(self, meta: Any, token: Token) -> Token:
        return token.update(value=unescape_string(str(token)))

    # -- conditions
    def or_(self, meta: Any, *operands: Any) -> Any:
        return operands[0] if len(operands) == 1 else Or(operands=list(operands))

    def and_(self, meta: Any, *operands: Any) -> Any:
        return operands[0] if len(operands) == 1 else And(operands=list(operands))

    def not_(self, meta: Any, operand: Any) -> Not:
        return Not(operand=operand)

    def ref(self, meta: Any, name: Token) -> Ref:
        return Ref(name=str(name), pos=_pos(name))

    def inline_terms(self, meta: Any, *strings: Token) -> InlineTerms:
        return InlineTerms(terms=[str(s) for s in strings], pos=_pos(strings[0]))

    def inline_pattern(self, meta: Any, token: Token) -> InlinePattern:
        source, flags = _split_pattern(token)
        return InlinePattern(source=source, flags=flags, pos=_pos(token))

    # -- the ruleset header
    def ruleset_decl(self, meta: Any, name: Token, *fields: _Field) -> _Header:
        return _Header(name, fields)

    def header_text(self, meta: Any, key: Token, value: Token) -> _Field:
        return _Field(str(key), str(value), _pos(key))

    def header_language(self, meta: Any, name: Token) -> _Field:
        return _Field("language", str(name), _pos(name))

    def header_extends(self, meta: Any, *names: Token) -> _Field:
        return _Field("extends", [Positioned(value=str(n), pos=_pos(n)) for n in names], _pos(meta))

    # -- names
    def terms_decl(self, meta: Any, name: Token, *rest: Any) -> TermsDecl:
        outside_names = rest[0] is OUTSIDE_NAMES
        assign, *strings = rest[1:] if outside_names else rest
        return TermsDecl(
            name=str(name),
            terms=[str(s) for s in strings],
            pos=_pos(name),
            term_pos=[_pos(s) for s in strings],
            add=assign == "+=",
            outside_names=outside_names,
        )

    def outside_names(self, meta: Any) -> object:
        return OUTSIDE_NAMES

    def pattern_decl(self, meta: Any, name: Token, assign: Token, token: Token) -> PatternDecl:
        source, flags = _split_pattern(token)
        return PatternDecl(name=str(name), source=source, flags=flags, pos=_pos(name), pattern_pos=_pos(token), add=assign == "+=")

    def define_decl(self, meta: Any, name: Token, condition: Any) -> DefineDecl:
        return DefineDecl(name=str(name), condition=condition, pos=_pos(name))

    def topics_decl(self, meta: Any, *names: Token) -> _Topics:
        return _Topics([Positioned(value=str(n), pos=_pos(n)) for n in names])

    # -- rules
    def rule_decl(self, meta: Any, kind: Token, rule_id: Token, title: Token, *fields: _Field) -> _RuleItem:
        return _RuleItem(kind, rule_id, title, fields)

    def f_category(self, meta: Any, name: Token) -> _Field:
        return _Field("category", (str(name), _pos(name)), _pos(meta))

    def f_severity(self, meta: Any, name: Token) -> _Field:
        return _Field("severity", (str(name), _pos(name)), _pos(meta))

    def f_report(self, meta: Any, scope: Token) -> _Field:
        return _Field("report", (str(scope), _pos(scope)), _pos(meta))

    def f_when(self, meta: Any, condition: Any) -> _Field:
        return _Field("when", condition, _pos(meta))

    def f_expect(self, meta: Any, condition: Any) -> _Field:
        return _Field("expect", condition, _pos(meta))

    def f_for(self, meta: Any, target: Token, condition: Any) -> _Field:
        return _Field("for", (str(target), condition), _pos(meta))

    def f_linked(self, meta: Any, *methods: Token) -> _Field:
        return _Field("linked", [(str(m), _pos(m)) for m in methods], _pos(meta))

    def f_text(self, meta: Any, key: Token, value: Token) -> _Field:
        return _Field(str(key), str(value), _pos(value))

    def f_example(self, meta: Any, expect: Token, text: Token, match: Token | None = None) -> _Field:
        example = Example(expect=str(expect), text=str(text), line=_pos(text).line, match=None if match is None else str(match))
        return _Field("example", (example, None if match is None else _pos(match)), _pos(text))


class _FileBuilder:
    """Collects top-level items into a :class:`RuleFile`, with file-local diagnostics."""

    def __init__(self, path: str, lines: list[str]) -> None:
        self.path = path
        self.lines = lines
        self.diagnostics: list[Diagnostic] = []
        self.header: dict[str, Any] | None = None
        self.items: dict[str, list[Any]] = {"terms": [], "patterns": [], "defines": [], "topics": [], "rules": []}

    def error(self, pos: Pos, message: str) -> None:
        self.diagnostics.append(Diagnostic(self.path, pos.line, pos.column, message, line_of(self.lines, pos.line)))

    def add_tree(self, tree: Tree) -> None:
        try:
            items = _BUILD.transform(tree)
        except VisitError as error:  # a model refused a value: report, never a traceback
            self.error(Pos(line=1, column=1), f"invalid rule text: {error.orig_exc}")
            return
        for item in items:
            if isinstance(item, _Header):
                self._header(item)
            elif isinstance(item, _RuleItem):
                self._rule(item)
            elif isinstance(item, _Topics):
                self.items["topics"].extend(item.names)
            else:
                self.items[{TermsDecl: "terms", PatternDecl: "patterns", DefineDecl: "defines"}[type(item)]].append(item)

    def _header(self, item: _Header) -> None:
        if self.header is not None:
            self.error(_pos(item.name), "a file holds one ruleset; this is a second 'ruleset' header")
            return
        header: dict[str, Any] = {"name": str(item.name), "name_pos": _pos(item.name), "extends": []}
        seen: set[str] = set()
        for field in item.fields:
            if field.key == "extends":
                header["extends"].extend(field.value)
                continue
            if field.key == "language":
                header["language_pos"] = field.pos
            if field.key in seen:
                self.error(field.pos, f"'{field.key}' is given twice in the ruleset header")
            seen.add(field.key)
            header[field.key] = field.value
        if not re.fullmatch(r"[^\W_][\w.-]*", header["name"]):
            self.error(header["name_pos"], f"ruleset name '{header['name']}' must be letters, digits, '-', '_' or '.', starting with a letter or digit")
        self.header = header

    def _rule(self, item: _RuleItem) -> None:
        values: dict[str, Any] = {}
        positions: dict[str, Pos] = {}
        examples: list[Example] = []
        for field in item.fields:
            if field.key == "example":
                example, match_pos = field.value
                if example.match is not None and (example.expect == "pass" or not example.match.strip()):
                    why = "a pass example has no finding to match" if example.expect == "pass" else "it is empty"
                    self.error(match_pos, f"'match' of an example in rule {item.id}: {why} (write 'example flag \"…\" match \"the flagged words\"')")
                examples.append(example)
                continue
            if field.key in values:
                self.error(field.pos, f"'{field.key}' is given twice in rule {item.id}")
                continue
            values[field.key] = field.value
            positions[field.key] = field.pos
        self.items["rules"].append(
            RuleDecl(
                kind=str(item.kind),
                id=str(item.id),
                title=str(item.title),
                pos=_pos(item.kind),
                id_pos=_pos(item.id),
                fields=values,
                field_pos=positions,
                examples=examples,
            )
        )

    def result(self) -> RuleFile:
        if self.header is None:
            self.error(Pos(line=1, column=1), "the file has no 'ruleset \"NAME\" { ... }' header")
        if self.diagnostics:
            raise RuleError(self.diagnostics)
        assert self.header is not None
        return RuleFile(
            path=self.path,
            name=self.header["name"],
            name_pos=self.header["name_pos"],
            title=self.header.get("title", ""),
            version=self.header.get("version", ""),
            description=self.header.get("description", ""),
            language=self.header.get("language", "any"),
            language_pos=self.header.get("language_pos"),
            extends=self.header["extends"],
            terms=self.items["terms"],
            patterns=self.items["patterns"],
            defines=self.items["defines"],
            topics=self.items["topics"],
            rules=self.items["rules"],
        )


def unescape_string(raw: str) -> str:
    """The value of a ``"…"`` or ``\"\"\"…\"\"\"`` literal; long strings lose common indentation."""
    if raw.startswith('"""'):
        body = raw[3:-3]
        if body.startswith("\n"):
            body = body[1:]
        body = textwrap.dedent(body)
        if "\n" in body and not body.rsplit("\n", 1)[1].strip():
            body = body.rsplit("\n", 1)[0]
    else:
        body = raw[1:-1]
    return re.sub(r'\\(["\\])', r"\1", body)


def _split_pattern(token: Token) -> tuple[str, str]:
    raw = str(token)
    close = raw.rfind("/")
    return raw[1:close].replace("\\/", "/"), raw[close + 1 :]


_BUILD = _Build()
