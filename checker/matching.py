"""Finding terms and patterns in statement text.

Every term of every list of a ruleset goes into one Aho–Corasick automaton, so one pass
over a statement finds all of them, overlapping hits included; word boundaries are checked
on the hits with Unicode letters (å, ä, ö are letters). Patterns are RE2: one ``re2.Set``
per ruleset tells which patterns can match a statement, and only those are searched for
positions. In patterns, ``\\w`` means a Unicode letter, digit or ``_``, and ``\\b`` means
"not inside a word": it holds at a position unless there are word characters on both sides,
so ``/\\d+ %\\b/`` matches "99 % per år" and ``/\\bår\\b/`` matches "per år" but not "påår".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Iterable, Sequence

import ahocorasick
import re2

# White space that Word and PDFs put between numbers and units; matched as plain spaces.
_SPACES = "\t\n\r\f\v\u00a0\u2002\u2003\u2007\u2009\u200a\u202f\u2028\u2029\x85"
_ODD_SPACE = re.compile(f"[{_SPACES}]")  # one at a time: same length (10x faster than str.translate)
# Between the texts of one automaton pass: never in a term (terms refuse control characters)
# and not a word character, so no hit crosses it and word boundaries hold at it.
_SEPARATOR = "\x00"
_WORD_CLASS = r"\p{L}\p{N}\p{M}_"
MAX_PATTERN_RETRIES = 64

_OPTIONS = re2.Options()
_OPTIONS.log_errors = False


def is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_" or (ch >= "\u0300" and ch <= "\u036f")


def spaced(text: str) -> str:
    """The text with every kind of white space as a plain space (same length)."""
    return _ODD_SPACE.sub(" ", text)


# ---- terms --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """A term as the matcher sees it: lower-case core, wildcard ends."""

    core: str
    leading_star: bool
    trailing_star: bool


class TermSyntaxError(ValueError):
    pass


def parse_term(term: str) -> Term:
    """``"rapport*"`` → core ``rapport`` with a trailing wildcard; raise on malformed terms."""
    text = " ".join(spaced(term).split())
    leading = text.startswith("*")
    trailing = text.endswith("*") and len(text) > 1
    core = text[1 if leading else 0: -1 if trailing else None].strip()
    if not core:
        raise TermSyntaxError("a term needs at least one character besides '*'")
    if "*" in core:
        raise TermSyntaxError("'*' may only start or end a term ('rapport*' matches rapport, rapporten, ...)")
    if any(ord(c) < 32 for c in core):
        raise TermSyntaxError("a term may not contain control characters")
    return Term(core=core.lower(), leading_star=leading, trailing_star=trailing)


@dataclass
class _View:
    """A statement's text as the automaton sees it, with offsets back to the original."""

    text: str
    offsets: list[int] | None  # None: same offsets as the original

    def original(self, index: int) -> int:
        return index if self.offsets is None else self.offsets[index]


def _view(text: str) -> _View:
    flat = spaced(text)
    lowered = flat.lower()
    if len(lowered) == len(flat) and "  " not in lowered:
        return _View(lowered, None)
    chars: list[str] = []
    offsets: list[int] = []
    previous_space = False
    for index, ch in enumerate(flat):
        if ch == " ":
            if previous_space:
                continue
            previous_space = True
        else:
            previous_space = False
        for low in ch.lower():
            chars.append(low)
            offsets.append(index)
    offsets.append(len(text))
    return _View("".join(chars), offsets)


class TermMatcher:
    """All terms of all lists of one ruleset in one automaton."""

    def __init__(self, lists: dict[str, Iterable[str]]) -> None:
        self._terms: list[Term] = []
        self._lists_of_term: list[tuple[str, ...]] = []
        index_of: dict[Term, int] = {}
        owners: dict[Term, list[str]] = {}
        for list_name, terms in lists.items():
            for raw in terms:
                term = parse_term(raw)
                if term not in index_of:
                    index_of[term] = len(self._terms)
                    self._terms.append(term)
                    owners[term] = []
                if list_name not in owners[term]:
                    owners[term].append(list_name)
        self._lists_of_term = [tuple(owners[t]) for t in self._terms]
        by_core: dict[str, list[int]] = {}
        for term, index in index_of.items():
            by_core.setdefault(term.core, []).append(index)
        self._automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY)
        for core, indices in by_core.items():
            self._automaton.add_word(core, tuple(indices))
        self._empty = not by_core
        if not self._empty:
            self._automaton.make_automaton()

    def scan(self, text: str) -> dict[str, tuple[int, int]]:
        """For each list with a term in ``text``: the span of its first occurrence (the
        longest term that starts there, so "så snart som möjligt" wins over "så snart")."""
        return {name: hits[0] for name, hits in self.scan_many([text]).items()}

    def scan_many(self, texts: Sequence[str]) -> dict[str, dict[int, tuple[int, int]]]:
        """For each list with a term in some of ``texts``: text number → span of its first
        occurrence, as :meth:`scan` finds it.

        One automaton pass over all texts joined by a separator no term can cross.
        """
        found: dict[str, dict[int, tuple[int, int]]] = {}
        if self._empty or not texts:
            return found
        views = [_view(text) for text in texts]
        haystack = _SEPARATOR.join(view.text for view in views)
        starts = list(accumulate((len(view.text) + 1 for view in views), initial=0))
        size = len(haystack)
        number, base, next_base, view = 0, 0, starts[1], views[0]
        for end, indices in self._automaton.iter(haystack):
            while end >= next_base:  # hits come in order of their end: move on to the text holding this one
                number += 1
                base, next_base, view = next_base, starts[number + 1], views[number]
            for index in indices:
                term = self._terms[index]
                start = end - len(term.core) + 1
                stop = end + 1
                if term.leading_star:
                    while start > base and is_word_char(haystack[start - 1]):
                        start -= 1
                elif start > base and is_word_char(term.core[0]) and is_word_char(haystack[start - 1]):
                    continue
                if term.trailing_star:
                    while stop < size and is_word_char(haystack[stop]):
                        stop += 1
                elif stop < size and is_word_char(term.core[-1]) and is_word_char(haystack[stop]):
                    continue
                span = (view.original(start - base), view.original(stop - 1 - base) + 1)
                for list_name in self._lists_of_term[index]:
                    hits = found.setdefault(list_name, {})
                    known = hits.get(number)
                    if known is None or (span[0], -span[1]) < (known[0], -known[1]):
                        hits[number] = span
        return found


# ---- patterns -----------------------------------------------------------------------------


class PatternSyntaxError(ValueError):
    """A pattern RE2 cannot run; ``offset`` is where in the pattern the problem is."""

    def __init__(self, message: str, offset: int = 0) -> None:
        super().__init__(message)
        self.offset = offset


@dataclass
class CompiledPattern:
    source: str
    flags: str
    regex: str  # RE2 syntax after rewriting \b, \B, \w, \W and user groups
    boundaries: list[bool] = field(default_factory=list)  # per marker group: True for \b, False for \B
    compiled: object = None

    def search(self, text: str) -> tuple[int, int] | None:
        """The span of the first match in ``text`` (white space already flattened), or None."""
        pos = 0
        for _ in range(MAX_PATTERN_RETRIES):
            match = self.compiled.search(text, pos)
            if match is None:
                return None
            if self._boundaries_hold(match, text):
                return match.span()
            pos = match.start() + 1
            if pos > len(text):
                return None
        return None

    def _boundaries_hold(self, match: object, text: str) -> bool:
        for group, wants_boundary in enumerate(self.boundaries, start=1):
            at = match.start(group)
            if at < 0:
                continue
            inside_word = 0 < at < len(text) and is_word_char(text[at - 1]) and is_word_char(text[at])
            if inside_word == wants_boundary:
                return False
        return True


def compile_pattern(source: str, flags: str = "") -> CompiledPattern:
    """Rewrite and compile a rule-file pattern; raise :class:`PatternSyntaxError` if RE2 can't."""
    for offset, flag in enumerate(flags):
        if flag not in "cs":
            raise PatternSyntaxError(f"unknown pattern flag '{flag}' (use c: case-sensitive, s: '.' matches newline)", -(len(flags) - offset))
    _reject_unsupported(source)
    body, boundaries = _rewrite(source)
    prefix = ("" if "c" in flags else "(?i)") + ("(?s)" if "s" in flags else "")
    regex = prefix + body
    try:
        compiled = re2.compile(regex, _OPTIONS)
    except re2.error as error:
        detail = error.args[0].decode() if error.args and isinstance(error.args[0], bytes) else str(error)
        fragment = detail.split(": ", 1)[1] if ": " in detail else ""
        offset = source.find(fragment) if fragment else -1
        raise PatternSyntaxError(f"RE2 cannot compile this pattern: {detail}", max(offset, 0)) from None
    return CompiledPattern(source=source, flags=flags, regex=regex, boundaries=boundaries, compiled=compiled)


def _reject_unsupported(source: str) -> None:
    """Explain the Perl features RE2 leaves out (it runs in linear time)."""
    escaped = False
    in_class = False
    for offset, ch in enumerate(source):
        if escaped:
            escaped = False
            if ch.isdigit() and ch != "0" and not in_class:
                raise PatternSyntaxError(f"backreference \\{ch}: RE2 does not support backreferences", offset - 1)
            if ch == "k" and source[offset + 1: offset + 2] in ("<", "{", "'"):
                raise PatternSyntaxError("named backreference: RE2 does not support backreferences", offset - 1)
            continue
        if ch == "\\":
            escaped = True
        elif ch == "[" and not in_class:
            in_class = True
        elif ch == "]" and in_class:
            in_class = False
        elif ch == "(" and not in_class:
            ahead = source[offset + 1: offset + 4]
            if ahead.startswith(("?=", "?!", "?<=", "?<!")):
                raise PatternSyntaxError("look-around ((?=, (?!, (?<=, (?<!) is not supported by RE2", offset)
            if ahead.startswith("?>"):
                raise PatternSyntaxError("atomic groups (?>…) are not supported by RE2", offset)
        elif ch in "+*?}" and not in_class and source[offset + 1: offset + 2] == "+" and offset > 0:
            raise PatternSyntaxError("possessive quantifiers (*+, ++, ?+) are not supported by RE2", offset)


def _rewrite(source: str) -> tuple[str, list[bool]]:
    """Unicode-aware \\w, \\W; \\b and \\B as empty marker groups checked after matching."""
    out: list[str] = []
    boundaries: list[bool] = []
    i = 0
    n = len(source)
    in_class = False
    class_start = 0
    while i < n:
        ch = source[i]
        if ch == "\\" and i + 1 < n:
            nxt = source[i + 1]
            if nxt == "Q":  # \Q…\E: literal text, copied as is
                end = source.find("\\E", i + 2)
                end = n if end < 0 else end + 2
                out.append(source[i:end])
                i = end
                continue
            if nxt in "pP" and i + 2 < n and source[i + 2] == "{":
                end = source.find("}", i + 2)
                end = n if end < 0 else end + 1
                out.append(source[i:end])
                i = end
                continue
            if in_class:
                if nxt == "w":
                    out.append(_WORD_CLASS)
                elif nxt == "W":
                    raise PatternSyntaxError("\\W inside [...] is not supported; write [^...] with \\w instead", i)
                else:
                    out.append(source[i:i + 2])
            elif nxt == "w":
                out.append(f"[{_WORD_CLASS}]")
            elif nxt == "W":
                out.append(f"[^{_WORD_CLASS}]")
            elif nxt in "bB":
                boundaries.append(nxt == "b")
                out.append("()")
            else:
                out.append(source[i:i + 2])
            i += 2
            continue
        if in_class:
            if ch == "]" and i > class_start:
                in_class = False
            elif ch == "[" and source[i + 1: i + 2] == ":":
                end = source.find(":]", i + 2)
                if end > 0:
                    out.append(source[i:end + 2])
                    i = end + 2
                    continue
            out.append(ch)
            i += 1
            continue
        if ch == "[":
            in_class = True
            out.append(ch)
            i += 1
            if i < n and source[i] == "^":
                out.append("^")
                i += 1
            class_start = i + 1 if i < n and source[i] == "]" else i  # a leading ] is literal
            if i < n and source[i] == "]":
                out.append("]")
                i += 1
            continue
        if ch == "(":
            if source.startswith("(?P<", i) or (source.startswith("(?<", i) and not source.startswith(("(?<=", "(?<!"), i)):
                close = source.find(">", i)
                if close < 0:
                    raise PatternSyntaxError("unterminated group name", i)
                out.append("(?:")
                i = close + 1
                continue
            if source.startswith("(?", i):
                out.append("(?")
                i += 2
                continue
            out.append("(?:")
            i += 1
            continue
        out.append(ch)
        i += 1
    return "".join(out), boundaries


class PatternMatcher:
    """All patterns of one ruleset: an RE2 set says which can match, each finds its span."""

    def __init__(self, patterns: dict[str, CompiledPattern]) -> None:
        self.names = list(patterns)
        self.patterns = [patterns[name] for name in self.names]
        self._set = None
        if self.patterns:
            pattern_set = re2.Set.SearchSet(_OPTIONS)
            for pattern in self.patterns:
                pattern_set.Add(pattern.regex)
            pattern_set.Compile()
            self._set = pattern_set

    def scan(self, text: str) -> dict[str, tuple[int, int]]:
        """For each pattern that matches the (space-flattened) text: its first match span."""
        return {name: hits[0] for name, hits in self.scan_many([text]).items()}

    def scan_many(self, texts: Sequence[str]) -> dict[str, dict[int, tuple[int, int]]]:
        """For each pattern that matches some of the (space-flattened) ``texts``: text number → first span."""
        found: dict[str, dict[int, tuple[int, int]]] = {}
        if self._set is None:
            return found
        candidates = self._set.Match
        for number, text in enumerate(texts):
            if not text:
                continue
            for index in candidates(text) or ():
                span = self.patterns[index].search(text)
                if span is not None:
                    found.setdefault(self.names[index], {})[number] = span
        return found
