"""Parse ``.krav`` text into a :class:`~checker.rulemodel.RuleFile`.

The Lark parser is built once per process. Syntax errors come with the line, the column,
the expected tokens in plain words and, for a mistyped keyword, a suggestion. When a file
has several broken items, each top-level item is parsed on its own so that every syntax
error of the file is reported in one run.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from functools import cache
from typing import Any, Iterator

from lark import Lark, Token, Transformer, Tree
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken, VisitError

from .errors import Diagnostic, RuleError
from .paths import grammar_file
from .rulelimits import MAX_CONDITION_DEPTH, MAX_DIAGNOSTICS, TOO_MANY_ERRORS, did_you_mean
from .rulemodel import (
    And,
    DefineDecl,
    Example,
    HasId,
    InlinePattern,
    InlineTerms,
    InSection,
    Not,
    Or,
    PatternDecl,
    Pos,
    Positioned,
    Ref,
    RuleDecl,
    RuleFile,
    TermsDecl,
    Words,
)

TOP_LEVEL_KEYWORDS = ("ruleset", "terms", "pattern", "define", "topics", "requirement", "followup", "sanction", "document")

_PLAIN_TOKENS = {
    "NAME": "a name",
    "RULE_ID": "a rule id",
    "STRING": "a string in quotes",
    "LONG_STRING": "a string in quotes",
    "PATTERN": "a /pattern/",
    "NUMBER": "a number",
    "COMPARATOR": "a comparison (>, <, >=, <=)",
    "RULE_KIND": "a rule kind (requirement, followup, sanction, document)",
    "TARGET": "'requirements' or 'sanctions'",
    "TEXT_FIELD": "'message', 'suggest', 'rewrite', 'reference' or 'rationale'",
    "EXAMPLE_KIND": "'flag' or 'pass'",
    "ASSIGN": "'=' or '+='",
    "$END": "end of file",
}
_KEYWORD_ALTERNATIVES = {
    "RULE_KIND": ("requirement", "followup", "sanction", "document"),
    "TARGET": ("requirements", "sanctions"),
    "TEXT_FIELD": ("message", "suggest", "rewrite", "reference", "rationale"),
    "EXAMPLE_KIND": ("flag", "pass"),
}


@cache
def parser() -> Lark:
    """The rule-language parser, built once per process."""
    return Lark(
        grammar_file().read_text(encoding="utf-8"),
        parser="lalr",
        lexer="contextual",
        propagate_positions=True,
        maybe_placeholders=False,
    )


def parse_rule_text(text: str, path: str) -> RuleFile:
    """Parse the text of one rule file; raise :class:`RuleError` with every error found."""
    lines = text.splitlines()
    too_deep = _nesting_too_deep(text)
    if too_deep is not None:
        line = text.count("\n", 0, too_deep) + 1
        column = too_deep - (text.rfind("\n", 0, too_deep) + 1) + 1
        message = f"condition nested deeper than {MAX_CONDITION_DEPTH} levels (each '(' and each 'not' is one level)"
        raise RuleError([Diagnostic(path, line, column, message, _line(lines, line))])
    try:
        tree = parser().parse(text)
    except UnexpectedInput:
        trees, diagnostics = _parse_by_item(text, path, lines)
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


# ---- syntax errors ----------------------------------------------------------------------




@dataclass(frozen=True)
class _Item:
    """A top-level item of a rule file: where its text starts and ends, and where it starts."""

    start: int
    end: int
    line: int
    column: int


def _parse_by_item(text: str, path: str, lines: list[str]) -> tuple[list[Tree], list[Diagnostic]]:
    """Parse each top-level item alone; return the good trees and one error per bad item
    (at most :data:`MAX_DIAGNOSTICS`, then one that says the rest was not read)."""
    trees: list[Tree] = []
    diagnostics: list[Diagnostic] = []
    items = list(_top_level_items(text))
    for index, item in enumerate(items):
        if len(diagnostics) == MAX_DIAGNOSTICS:
            diagnostics.append(Diagnostic(path, item.line, item.column, TOO_MANY_ERRORS, _line(lines, item.line)))
            break
        # Spaces before the item keep its columns; its lines are shifted after parsing, so that
        # an item costs time in proportion to its own length, not to its place in the file.
        try:
            tree = parser().parse(" " * (item.column - 1) + text[item.start:item.end])
        except UnexpectedInput as error:
            following = items[index + 1] if index + 1 < len(items) else None
            diagnostics.append(_syntax_diagnostic(error, path, lines, text, item, following))
            continue
        _shift_lines(tree, item.line - 1)
        trees.append(tree)
    if not diagnostics:  # the scanner found no item boundary; report the whole-file error
        whole = _Item(0, len(text), 1, 1)
        try:
            parser().parse(text)
        except UnexpectedInput as error:
            diagnostics.append(_syntax_diagnostic(error, path, lines, text, whole, None))
    return trees, diagnostics


def _shift_lines(tree: Tree, offset: int) -> None:
    """Move every position in a parse tree ``offset`` lines down."""
    if not offset:
        return
    for subtree in tree.iter_subtrees():
        meta = subtree.meta
        if not meta.empty:
            meta.line += offset
            meta.end_line += offset
        for child in subtree.children:
            if isinstance(child, Token) and child.line is not None:
                child.line += offset
                child.end_line = (child.end_line or child.line) + offset


_ITEM_START = re.compile(
    r"(?:ruleset|terms|pattern|define|topics)(?![\w-])"
    r"|(?:requirement|followup|sanction|document)\s+[^\W\d_][\w.-]*\s*\"",
)
"""A keyword that starts an item even inside an unclosed '{': none of these can stand first on
a line of a rule or header (a rule kind inside a condition is never followed by an id and a string)."""


def _top_level_items(text: str) -> Iterator[_Item]:
    """Each top-level item: a keyword first on its line at depth 0, or a keyword that can only
    start an item (:data:`_ITEM_START`) first on its line at any depth, so that one unclosed '{'
    does not hide the items after it."""
    starts: list[tuple[int, int, int]] = []
    depth = 0
    line = 1
    line_start = 0
    first_on_line = True
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == "\n":
            line += 1
            line_start = i + 1
            first_on_line = True
            i += 1
            continue
        if ch in " \t\r\f\ufeff":
            i += 1
            continue
        if ch == "#":
            while i < n and text[i] != "\n":
                i += 1
            continue
        if text.startswith('"""', i):
            close = text.find('"""', i + 3)
            close = n if close < 0 else close + 3
            line += text.count("\n", i, close)
            if text.rfind("\n", i, close) >= 0:
                line_start = text.rfind("\n", i, close) + 1
            i = close
            first_on_line = False
            continue
        if ch in "\"/":
            i += 1
            while i < n and text[i] not in (ch, "\n"):
                i += 2 if text[i] == "\\" else 1
            i += 1
            first_on_line = False
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth = max(depth - 1, 0)
        elif first_on_line and ch.isalpha():
            word = re.match(r"\w+", text[i:i + 20])
            if word and word.group() in TOP_LEVEL_KEYWORDS and (depth == 0 or _ITEM_START.match(text, i, i + 400)):
                starts.append((i, line, i - line_start + 1))
                depth = 0
        first_on_line = False
        i += 1
    for index, (start, item_line, column) in enumerate(starts):
        end = starts[index + 1][0] if index + 1 < len(starts) else len(text)
        yield _Item(start, end, item_line, column)
    if starts and starts[0][0] > 0 and text[: starts[0][0]].strip(" \t\r\n\ufeff") and not _only_comments(text[: starts[0][0]]):
        yield _Item(0, starts[0][0], 1, 1)


def _only_comments(text: str) -> bool:
    return all(not line.strip() or line.strip().startswith("#") for line in text.splitlines())


def _describe_expected(names: set[str]) -> list[str]:
    words: set[str] = set()
    for name in names:
        if name in _KEYWORD_ALTERNATIVES and len(names) > 1:
            words.update(f"'{word}'" for word in _KEYWORD_ALTERNATIVES[name])
            continue
        if name in _PLAIN_TOKENS:
            words.add(_PLAIN_TOKENS[name])
            continue
        terminal = _terminal(name)
        if terminal is not None:
            words.add(f"'{terminal}'")
        else:
            words.add(name.lower())
    return sorted(words, key=lambda w: (not w.startswith("'"), w))


@cache
def _terminal(name: str) -> str | None:
    for terminal in parser().terminals:
        if terminal.name == name:
            if terminal.pattern.type == "str":
                return terminal.pattern.value
            return None
    return None


def _expected_keywords(names: set[str]) -> list[str]:
    keywords: list[str] = []
    for name in names:
        if name in _KEYWORD_ALTERNATIVES:
            keywords.extend(_KEYWORD_ALTERNATIVES[name])
        else:
            word = _terminal(name)
            if word and word.isalpha():
                keywords.append(word)
    return keywords


_RULE_HEAD = re.compile(r"(requirement|followup|sanction|document)\s+([^\W\d_][\w.-]*)|ruleset\b")


def _unclosed(text: str, item: _Item) -> str:
    """What an item whose closing '}' is missing is: ``rule R1 (line 5)`` or ``the ruleset header (line 1)``."""
    head = _RULE_HEAD.match(text, item.start)
    if head is None:
        return ""
    if head.group(1):
        return f"{head.group(1)} rule {head.group(2)} (line {item.line})"
    return f"the ruleset header (line {item.line})"


def _syntax_diagnostic(error: UnexpectedInput, path: str, lines: list[str], text: str, item: _Item, following: _Item | None) -> Diagnostic:
    """One error for an item that does not parse (``following``: the item after it, where an
    item that ends too early is reported)."""
    offset = item.line - 1  # the item was parsed alone, from its first line
    line = error.line + offset if isinstance(error.line, int) and error.line > 0 else 0
    column = error.column if isinstance(error.column, int) and error.column > 0 else 0
    if isinstance(error, UnexpectedEOF) or (isinstance(error, UnexpectedToken) and error.token.type == "$END"):
        expected_names = set(error.expected)
        expected = _describe_expected(expected_names)
        if following is not None:
            line, column = following.line, following.column
            found = f"unexpected '{_first_word(text, following)}'"
        else:
            line = max(len(lines), 1)
            column = len(lines[-1]) + 1 if lines else 1
            found = "unexpected end of file"
        if "RBRACE" in expected_names and (unclosed := _unclosed(text, item)):
            message = f"{found}: {unclosed} has no closing '}}'"
        else:
            message = found + ("; expected " + _join_or(expected) if expected else "")
        return Diagnostic(path, line, column, message, _line(lines, line))
    if isinstance(error, UnexpectedToken):
        token = error.token
        expected_names = set(error.expected)
        history = list(getattr(error, "token_history", None) or [])
        previous = history[-1] if history else None
        if previous is not None and _glued(previous, token):  # 'flagg': the lexer took 'flag' and left 'g'
            word = str(previous) + str(token)
            line, column = (previous.line or 1) + offset, previous.column or column
            alternatives = _expected_keywords({previous.type})
            shown = f"; expected {_join_or([repr(w) for w in alternatives])}" if alternatives else ""
            message = f"unexpected '{word}'{shown}{did_you_mean(word, alternatives)}"
            return Diagnostic(path, line, column, message, _line(lines, line))
        found = f"'{token.value}'"
        if token.type in ("STRING", "LONG_STRING"):
            found = "string"
        if "COMMA" in expected_names and previous is not None and _kind_of(previous) == _kind_of(token) != "":
            message = f"unexpected {found} after {_kind_of(previous)} (missing ','?)"
            return Diagnostic(path, line, column, message, _line(lines, line))
        message = f"unexpected {found}"
        at = item.start - (item.column - 1) + (token.start_pos or 0)  # the token's offset in the file
        if "RBRACE" in expected_names and _ITEM_START.match(text, at) and (unclosed := _unclosed(text, item)):
            return Diagnostic(path, line, column, f"{message}: {unclosed} has no closing '}}'", _line(lines, line))
        expected = _describe_expected(expected_names)
        if expected:
            message += "; expected " + _join_or(expected)
        hint = did_you_mean(str(token.value), _expected_keywords(expected_names))
        if token.value == "+=":
            hint = " ('+=' adds to a terms list or a pattern; a define is replaced with '=')"
        return Diagnostic(path, line, column, message + hint, _line(lines, line))
    if isinstance(error, UnexpectedCharacters):
        source = _line(lines, line)
        word_match = re.match(r"[^\W\d]\w*|.", source[column - 1:]) if source else None
        word = word_match.group() if word_match else error.char
        allowed = set(error.allowed or ())
        if word[:1] == '"':
            message = "unterminated string (a \" is missing; use \"\"\" for text over several lines)"
        elif word[:1] == "/":
            message = "unterminated pattern (the closing / is missing)"
        else:
            message = f"unexpected '{word}'"
            expected = _describe_expected(allowed)
            if expected:
                message += "; expected " + _join_or(expected)
            message += did_you_mean(word, _expected_keywords(allowed))
        return Diagnostic(path, line, column, message, source)
    return Diagnostic(path, line, column, str(error).splitlines()[0], _line(lines, line))


def _glued(previous: Token, token: Token) -> bool:
    """Whether ``token`` continues the word ``previous`` ended (no space between them)."""
    return (previous.end_line == token.line and previous.end_column == token.column
            and str(previous)[-1:].isalnum() and str(token)[:1].isalnum())


def _kind_of(token: Token) -> str:
    """'a string', 'a name' or 'a pattern' for a token that can stand in a comma-separated list."""
    return {"STRING": "a string", "LONG_STRING": "a string", "NAME": "a name", "PATTERN": "a pattern"}.get(token.type, "")


def _first_word(text: str, item: _Item) -> str:
    word = re.match(r"[\w-]+", text[item.start:item.start + 40])
    return word.group() if word else text[item.start:item.start + 1]


def _join_or(words: list[str]) -> str:
    if len(words) > 14:
        words = words[:13] + ["..."]
    if len(words) == 1:
        return words[0]
    return ", ".join(words[:-1]) + " or " + words[-1]


def _line(lines: list[str], line: int) -> str:
    return lines[line - 1] if 0 < line <= len(lines) else ""


# ---- building the typed model ---------------------------------------------------------


def _pos(item: Token | Tree | Any) -> Pos:
    if isinstance(item, Token):
        return Pos(line=item.line or 1, column=item.column or 1)
    meta = getattr(item, "meta", None)
    return Pos(line=getattr(meta, "line", 1) or 1, column=getattr(meta, "column", 1) or 1)


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
    return raw[1:close].replace("\\/", "/"), raw[close + 1:]


class _Conditions(Transformer):
    """Condition subtrees to condition models."""

    def string(self, children: list[Token]) -> Token:
        token = children[0]
        return token.update(value=unescape_string(str(token)))

    def or_(self, children: list[Any]) -> Any:
        return children[0] if len(children) == 1 else Or(operands=children)

    def and_(self, children: list[Any]) -> Any:
        return children[0] if len(children) == 1 else And(operands=children)

    def not_(self, children: list[Any]) -> Not:
        return Not(operand=children[0])

    def ref(self, children: list[Token]) -> Ref:
        return Ref(name=str(children[0]), pos=_pos(children[0]))

    def inline_terms(self, children: list[Token]) -> InlineTerms:
        return InlineTerms(terms=[str(c) for c in children], pos=_pos(children[0]))

    def inline_pattern(self, children: list[Token]) -> InlinePattern:
        source, flags = _split_pattern(children[0])
        return InlinePattern(source=source, flags=flags, pos=_pos(children[0]))

    def in_section(self, children: list[Token]) -> InSection:
        return InSection(list="", terms=[str(c) for c in children], pos=_pos(children[0]))

    def in_section_list(self, children: list[Token]) -> InSection:
        return InSection(list=str(children[0]), terms=[], pos=_pos(children[0]))

    def has_id(self, children: list[Any]) -> HasId:
        return HasId()

    def words(self, children: list[Token]) -> Words:
        digits = str(children[1])
        # A number too long for int() (Python refuses over 4300 digits) is too large anyway.
        count = int(digits) if len(digits) <= 30 else 10**30
        return Words(op=str(children[0]), count=count, pos=_pos(children[1]))


class _FileBuilder:
    """Collects top-level items into a :class:`RuleFile`, with file-local diagnostics."""

    def __init__(self, path: str, lines: list[str]) -> None:
        self.path = path
        self.lines = lines
        self.diagnostics: list[Diagnostic] = []
        self.header: dict[str, Any] | None = None
        self.items: dict[str, list[Any]] = {"terms": [], "patterns": [], "defines": [], "topics": [], "rules": []}
        self._conditions = _Conditions()

    def error(self, pos: Pos, message: str) -> None:
        self.diagnostics.append(Diagnostic(self.path, pos.line, pos.column, message, _line(self.lines, pos.line)))

    def add_tree(self, tree: Tree) -> None:
        try:
            tree = self._conditions.transform(tree)
        except VisitError as error:  # a model refused a value: report, never a traceback
            self.error(Pos(line=1, column=1), f"invalid rule text: {error.orig_exc}")
            return
        for item in tree.children:
            getattr(self, "_" + item.data)(item)

    def _ruleset_decl(self, item: Tree) -> None:
        name_token = item.children[0]
        if self.header is not None:
            self.error(_pos(name_token), "a file holds one ruleset; this is a second 'ruleset' header")
            return
        header: dict[str, Any] = {"name": str(name_token), "name_pos": _pos(name_token), "extends": []}
        seen: set[str] = set()
        for field in item.children[1:]:
            if field.data == "header_text":
                key = str(field.children[0])
                value = str(field.children[1])
            elif field.data == "header_language":
                key, value = "language", str(field.children[0])
                header["language_pos"] = _pos(field.children[0])
            else:
                key = "extends"
                header["extends"].extend(Positioned(value=str(c), pos=_pos(c)) for c in field.children)
                continue
            if key in seen:
                self.error(_pos(field.children[0]), f"'{key}' is given twice in the ruleset header")
            seen.add(key)
            header[key] = value
        if not re.fullmatch(r"[^\W_][\w.-]*", header["name"]):
            self.error(header["name_pos"], f"ruleset name '{header['name']}' must be letters, digits, '-', '_' or '.', starting with a letter or digit")
        self.header = header

    def _terms_decl(self, item: Tree) -> None:
        name, assign, *strings = item.children
        self.items["terms"].append(
            TermsDecl(name=str(name), terms=[str(s) for s in strings], pos=_pos(name), term_pos=[_pos(s) for s in strings],
                      add=assign == "+=")
        )

    def _pattern_decl(self, item: Tree) -> None:
        name, assign, token = item.children
        source, flags = _split_pattern(token)
        self.items["patterns"].append(
            PatternDecl(name=str(name), source=source, flags=flags, pos=_pos(name), pattern_pos=_pos(token), add=assign == "+=")
        )

    def _define_decl(self, item: Tree) -> None:
        name, condition = item.children
        self.items["defines"].append(DefineDecl(name=str(name), condition=condition, pos=_pos(name)))

    def _topics_decl(self, item: Tree) -> None:
        self.items["topics"].extend(Positioned(value=str(c), pos=_pos(c)) for c in item.children)

    def _rule_decl(self, item: Tree) -> None:
        kind_token, id_token, title_token, *fields = item.children
        values: dict[str, Any] = {}
        positions: dict[str, Pos] = {}
        examples: list[Example] = []
        for field in fields:
            key, value, pos = self._rule_field(field)
            if key == "example":
                examples.append(Example(expect=value[0], text=value[1], line=pos.line))
                continue
            if key in values:
                self.error(pos, f"'{key}' is given twice in rule {id_token}")
                continue
            values[key] = value
            positions[key] = pos
        self.items["rules"].append(
            RuleDecl(
                kind=str(kind_token),
                id=str(id_token),
                title=str(title_token),
                pos=_pos(kind_token),
                id_pos=_pos(id_token),
                fields=values,
                field_pos=positions,
                examples=examples,
            )
        )

    def _rule_field(self, field: Tree) -> tuple[str, Any, Pos]:
        data = field.data
        children = field.children
        pos = _pos(field)
        if data in ("f_category", "f_severity"):
            return data[2:], (str(children[0]), _pos(children[0])), pos
        if data == "f_when":
            return "when", children[0], pos
        if data == "f_expect":
            return "expect", children[0], pos
        if data == "f_for":
            return "for", (str(children[0]), children[1]), pos
        if data == "f_linked":
            return "linked", [(str(c), _pos(c)) for c in children], pos
        if data == "f_text":
            return str(children[0]), str(children[1]), _pos(children[1])
        return "example", (str(children[0]), str(children[1])), _pos(children[1])

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
