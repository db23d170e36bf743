"""The rule language's parser, and its syntax errors in plain words.

The Lark parser is built once per process, from ``grammar/krav.lark``, the keywords of the rule
kinds and the alternatives of ``atom`` of the leaf condition types (:func:`grammar_text`). Syntax errors come with the line, the column,
the expected tokens in plain words and, for a mistyped keyword, a suggestion. When a file
has several broken items, each top-level item is parsed on its own so that every syntax
error of the file is reported in one run (:func:`parse_by_item`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Iterator

from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from .conditiontypes import LEAF_TYPES
from .errors import Diagnostic
from .paths import grammar_file
from .rulekinds import RULE_KINDS
from .rulelimits import MAX_DIAGNOSTICS, TOO_MANY_ERRORS, did_you_mean

_KINDS = "|".join(RULE_KINDS)
TOP_LEVEL_KEYWORDS = ("ruleset", "terms", "pattern", "define", "topics", *RULE_KINDS)

_PLAIN_TOKENS = {
    "NAME": "a name",
    "RULE_ID": "a rule id",
    "STRING": "a string in quotes",
    "LONG_STRING": "a string in quotes",
    "PATTERN": "a /pattern/",
    "NUMBER": "a number",
    "RULE_KIND": f"a rule kind ({', '.join(RULE_KINDS)})",
    "TARGET": "'requirements' or 'sanctions'",
    "TEXT_FIELD": "'message', 'suggest', 'rewrite', 'reference' or 'rationale'",
    "EXAMPLE_KIND": "'flag' or 'pass'",
    "ASSIGN": "'=' or '+='",
    "$END": "end of file",
    **{name: words for unit in LEAF_TYPES.values() for name, (_, words) in unit.terminals.items()},
}
_KEYWORD_ALTERNATIVES = {
    "RULE_KIND": tuple(RULE_KINDS),
    "TARGET": ("requirements", "sanctions"),
    "TEXT_FIELD": ("message", "suggest", "rewrite", "reference", "rationale"),
    "EXAMPLE_KIND": ("flag", "pass"),
}


def grammar_text() -> str:
    """The grammar: ``grammar/krav.lark``, with the keywords of the rule kinds (``RULE_KIND``, from
    :data:`~checker.rulekinds.RULE_KINDS`), and each leaf condition type's alternatives added to
    ``atom`` (Lark's ``%extend``) and its own terminals after them."""
    lines = [
        grammar_file().read_text(encoding="utf-8"),
        "// ---- the rule kinds (checker/rulekinds)",
        "RULE_KIND: " + " | ".join(f'"{name}"' for name in RULE_KINDS),
        "// ---- the leaf condition types (checker/conditiontypes)",
    ]
    for unit in LEAF_TYPES.values():
        lines += [f"%extend atom: {syntax.alternative} -> {syntax.node}" for syntax in unit.syntax]
        lines += [f"{name}: {definition}" for name, (definition, _) in unit.terminals.items()]
    return "\n".join(lines) + "\n"


@cache
def parser() -> Lark:
    """The rule-language parser, built once per process (its grammar is the same for the whole
    process: the file and the registry of condition types)."""
    return Lark(
        grammar_text(),
        parser="lalr",
        lexer="contextual",
        propagate_positions=True,
        maybe_placeholders=False,
    )


@dataclass(frozen=True)
class _Item:
    """A top-level item of a rule file: where its text starts and ends, and where it starts."""

    start: int
    end: int
    line: int
    column: int


def parse_by_item(text: str, path: str, lines: list[str]) -> tuple[list[Tree], list[Diagnostic]]:
    """Parse each top-level item alone; return the good trees and one error per bad item
    (at most :data:`MAX_DIAGNOSTICS`, then one that says the rest was not read)."""
    trees: list[Tree] = []
    diagnostics: list[Diagnostic] = []
    items = list(_top_level_items(text))
    for index, item in enumerate(items):
        if len(diagnostics) == MAX_DIAGNOSTICS:
            diagnostics.append(Diagnostic(path, item.line, item.column, TOO_MANY_ERRORS, line_of(lines, item.line)))
            break
        # Spaces before the item keep its columns; its lines are shifted after parsing, so that
        # an item costs time in proportion to its own length, not to its place in the file.
        try:
            tree = parser().parse(" " * (item.column - 1) + text[item.start : item.end])
        except UnexpectedInput as error:
            following = items[index + 1] if index + 1 < len(items) else None
            diagnostics.append(_syntax_diagnostic(error, path, lines, text, item, following))
            continue
        shift_lines(tree, item.line - 1)
        trees.append(tree)
    if not diagnostics:  # the scanner found no item boundary; report the whole-file error
        whole = _Item(0, len(text), 1, 1)
        try:
            parser().parse(text)
        except UnexpectedInput as error:
            diagnostics.append(_syntax_diagnostic(error, path, lines, text, whole, None))
    return trees, diagnostics


def shift_lines(tree: Tree, offset: int) -> None:
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
    rf"|(?:{_KINDS})\s+[^\W\d_][\w.-]*\s*\"",
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
        if ch in '"/':
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
            word = re.match(r"\w+", text[i : i + 20])
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


_RULE_HEAD = re.compile(rf"({_KINDS})\s+([^\W\d_][\w.-]*)|ruleset\b")


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
        return Diagnostic(path, line, column, message, line_of(lines, line))
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
            return Diagnostic(path, line, column, message, line_of(lines, line))
        found = f"'{token.value}'"
        if token.type in ("STRING", "LONG_STRING"):
            found = "string"
        if "COMMA" in expected_names and previous is not None and _kind_of(previous) == _kind_of(token) != "":
            message = f"unexpected {found} after {_kind_of(previous)} (missing ','?)"
            return Diagnostic(path, line, column, message, line_of(lines, line))
        message = f"unexpected {found}"
        at = item.start - (item.column - 1) + (token.start_pos or 0)  # the token's offset in the file
        if "RBRACE" in expected_names and _ITEM_START.match(text, at) and (unclosed := _unclosed(text, item)):
            return Diagnostic(path, line, column, f"{message}: {unclosed} has no closing '}}'", line_of(lines, line))
        expected = _describe_expected(expected_names)
        if expected:
            message += "; expected " + _join_or(expected)
        hint = did_you_mean(str(token.value), _expected_keywords(expected_names))
        if token.value == "+=":
            hint = " ('+=' adds to a terms list or a pattern; a define is replaced with '=')"
        return Diagnostic(path, line, column, message + hint, line_of(lines, line))
    if isinstance(error, UnexpectedCharacters):
        source = line_of(lines, line)
        word_match = re.match(r"[^\W\d]\w*|.", source[column - 1 :]) if source else None
        word = word_match.group() if word_match else error.char
        allowed = set(error.allowed or ())
        if word[:1] == '"':
            message = 'unterminated string (a " is missing; use """ for text over several lines)'
        elif word[:1] == "/":
            message = "unterminated pattern (the closing / is missing)"
        else:
            message = f"unexpected '{word}'"
            expected = _describe_expected(allowed)
            if expected:
                message += "; expected " + _join_or(expected)
            message += did_you_mean(word, _expected_keywords(allowed))
        return Diagnostic(path, line, column, message, source)
    return Diagnostic(path, line, column, str(error).splitlines()[0], line_of(lines, line))


def _glued(previous: Token, token: Token) -> bool:
    """Whether ``token`` continues the word ``previous`` ended (no space between them)."""
    return previous.end_line == token.line and previous.end_column == token.column and str(previous)[-1:].isalnum() and str(token)[:1].isalnum()


def _kind_of(token: Token) -> str:
    """'a string', 'a name' or 'a pattern' for a token that can stand in a comma-separated list."""
    return {"STRING": "a string", "LONG_STRING": "a string", "NAME": "a name", "PATTERN": "a pattern"}.get(token.type, "")


def _first_word(text: str, item: _Item) -> str:
    word = re.match(r"[\w-]+", text[item.start : item.start + 40])
    return word.group() if word else text[item.start : item.start + 1]


def _join_or(words: list[str]) -> str:
    if len(words) > 14:
        words = words[:13] + ["..."]
    if len(words) == 1:
        return words[0]
    return ", ".join(words[:-1]) + " or " + words[-1]


def line_of(lines: list[str], line: int) -> str:
    return lines[line - 1] if 0 < line <= len(lines) else ""
