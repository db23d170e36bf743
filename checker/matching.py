"""Finding terms and patterns in statement text.

Every term of every list goes into one Aho–Corasick automaton, so one pass over a whole
document (its statements between separators no term can cross) finds all of them, overlapping
hits included; word boundaries are checked on the hits with Unicode letters (å, ä, ö are
letters). Patterns are RE2, run on UTF-8 bytes: one ``re2.Set`` tells which patterns can match
a statement, and only those are searched for positions. In patterns, ``\\w`` means a Unicode
letter, digit or ``_``, and ``\\b`` means "not inside a word": it holds at a position unless
there are word characters on both sides, so ``/\\d+ %\\b/`` matches "99 % per år" and
``/\\bår\\b/`` matches "per år" but not "påår".
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
_CURLY_QUOTE = re.compile("[\u2018\u2019\u02bc\u201c\u201d\u201e]")
_STRAIGHT_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"'})
# Between the texts of one automaton pass: never in a term (terms refuse control characters)
# and not a word character, so no hit crosses it and word boundaries hold at it.
_SEPARATOR = "\x00"
_WORD_CLASS = r"\p{L}\p{N}\p{M}_"
MAX_PATTERN_RETRIES = 64

_OPTIONS = re2.Options()
_OPTIONS.log_errors = False
# RE2's default budget (8 MB) is too small for the DFA of a ruleset's patterns as one set: it
# falls back to slower matching (8x slower on the shipped English rulesets). Memory is only
# taken as the DFA needs it.
_OPTIONS.max_mem = 64 << 20


def is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_" or (ch >= "\u0300" and ch <= "\u036f")


def plain_text(text: str) -> str:
    """The text as terms and patterns see it (same length): every kind of white space a plain
    space, typographic apostrophes and quotes (’ ‘ “ ” „, as Word writes them) straight."""
    text = _ODD_SPACE.sub(" ", text)
    return text.translate(_STRAIGHT_QUOTES) if _CURLY_QUOTE.search(text) else text


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
    text = " ".join(plain_text(term).split())
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


def _view(text: str, plain: bool = False) -> _View:
    flat = text if plain else plain_text(text)
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


class _WordChars(dict):
    """``is_word_char`` as a lookup, remembered for the characters of ordinary text."""

    def __missing__(self, ch: str) -> bool:
        found = is_word_char(ch)
        if ch < "\u3000":  # remember only a bounded alphabet, whatever the input holds
            self[ch] = found
        return found


_IS_WORD = _WordChars()
_WORD_RUN = re.compile(r"[\w\u0300-\u036f]*")  # what is_word_char accepts, as a run


@dataclass(frozen=True)
class _Entry:
    """What a hit of one term needs: its length, how its ends meet the text, its lists."""

    length: int
    leading_star: bool
    trailing_star: bool
    bounded_left: bool  # a word character must not come just before it
    bounded_right: bool  # nor just after it
    lists: tuple[str, ...]


class TermMatcher:
    """All terms of the given lists in one automaton."""

    def __init__(self, lists: dict[str, Iterable[str]]) -> None:
        owners: dict[Term, list[str]] = {}
        for list_name, terms in lists.items():
            for raw in terms:
                names = owners.setdefault(parse_term(raw), [])
                if list_name not in names:
                    names.append(list_name)
        self._entries = [
            _Entry(len(term.core), term.leading_star, term.trailing_star,
                   not term.leading_star and is_word_char(term.core[0]),
                   not term.trailing_star and is_word_char(term.core[-1]), tuple(names))
            for term, names in owners.items()
        ]
        by_core: dict[str, list[int]] = {}
        for index, term in enumerate(owners):
            by_core.setdefault(term.core, []).append(index)
        self._any_leading_star = any(entry.leading_star for entry in self._entries)
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

    def scan_many(self, texts: Sequence[str], plain: bool = False) -> dict[str, dict[int, tuple[int, int]]]:
        """For each list with a term in some of ``texts``: text number → span of its first
        occurrence, as :meth:`scan` finds it. ``plain``: the texts are :func:`plain_text` already.

        One automaton pass over all texts, each between separators no term can cross (so
        no hit needs a check for the ends of the haystack either).
        """
        found: dict[str, dict[int, tuple[int, int]]] = {}
        if self._empty or not texts:
            return found
        views = [_view(text, plain) for text in texts]
        haystack = _SEPARATOR + _SEPARATOR.join(view.text for view in views) + _SEPARATOR
        starts = list(accumulate((len(view.text) + 1 for view in views), initial=1))
        size = len(haystack)
        backwards = haystack[::-1] if self._any_leading_star else ""
        entries, is_word, word_run = self._entries, _IS_WORD, _WORD_RUN.match
        number, base, next_base, offsets = 0, 1, starts[1], views[0].offsets
        for end, indices in self._automaton.iter(haystack):
            while end >= next_base:  # hits come in order of their end: move on to the text holding this one
                number += 1
                base, next_base, offsets = next_base, starts[number + 1], views[number].offsets
            for index in indices:
                entry = entries[index]
                start = end - entry.length + 1
                stop = end + 1
                if entry.leading_star:
                    start = size - word_run(backwards, size - start).end()
                elif entry.bounded_left and is_word[haystack[start - 1]]:
                    continue
                if entry.trailing_star:
                    stop = word_run(haystack, stop).end()
                elif entry.bounded_right and is_word[haystack[stop]]:
                    continue
                if offsets is None:
                    span = (start - base, stop - base)
                else:
                    span = (offsets[start - base], offsets[stop - 1 - base] + 1)
                for list_name in entry.lists:
                    hits = found.get(list_name)
                    if hits is None:
                        hits = found[list_name] = {}
                    known = hits.get(number)
                    if known is None or span[0] < known[0] or (span[0] == known[0] and span[1] > known[1]):
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
    compiled: object = None  # ``regex``: its empty groups mark where \b and \B stand

    def search(self, text: str) -> tuple[int, int] | None:
        """The span of the first match in ``text`` (white space already flattened), or None."""
        return self.search_encoded(text, text.encode("utf-8"))

    def search_encoded(self, text: str, data: bytes) -> tuple[int, int] | None:
        """:meth:`search` given ``text`` and its UTF-8 ``data`` (RE2 works on bytes: no
        conversion of offsets for every match, only for the one returned)."""
        pos = 0
        for _ in range(MAX_PATTERN_RETRIES):
            match = self.compiled.search(data, pos)
            if match is None:
                return None
            start, end = match.span()
            if not self.boundaries or self._boundaries_hold(match, data):
                if len(data) == len(text):  # ASCII: bytes and characters agree
                    return start, end
                return len(data[:start].decode("utf-8")), len(data[:end].decode("utf-8"))
            pos = start + _char_length(data, start)
            if pos > len(data):
                return None
        return None

    def _boundaries_hold(self, match: object, data: bytes) -> bool:
        for at, wants_boundary in zip(_group_starts(match, len(self.boundaries)), self.boundaries):
            if at < 0:
                continue
            inside_word = 0 < at < len(data) and _IS_WORD[_char_before(data, at)] and _IS_WORD[_char_at(data, at)]
            if inside_word == wants_boundary:
                return False
        return True


def _group_starts(match: object, groups: int) -> list[int]:
    """Where groups 1..``groups`` of an RE2 match start (-1: not in the match)."""
    spans = getattr(match, "_spans", None)  # google-re2 keeps them all: one read, not a call per group
    if spans is None:
        return [match.start(group) for group in range(1, groups + 1)]
    return [span[0] for span in spans[1:groups + 1]]


def _char_length(data: bytes, at: int) -> int:
    """Bytes in the UTF-8 character that starts at ``at`` (1 past the end)."""
    lead = data[at] if at < len(data) else 0
    return 1 if lead < 0xC0 else 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4


def _char_at(data: bytes, at: int) -> str:
    return data[at:at + _char_length(data, at)].decode("utf-8", "replace")[:1]


def _char_before(data: bytes, at: int) -> str:
    start = at - 1
    while start > 0 and at - start < 4 and 0x80 <= data[start] < 0xC0:  # continuation bytes
        start -= 1
    return data[start:at].decode("utf-8", "replace")[-1:]


def compile_pattern(source: str, flags: str = "") -> CompiledPattern:
    """Rewrite and compile a rule-file pattern; raise :class:`PatternSyntaxError` if RE2 can't."""
    for offset, flag in enumerate(flags):
        if flag not in "cs":
            raise PatternSyntaxError(f"unknown pattern flag '{flag}' (use c: case-sensitive, s: '.' matches newline)", -(len(flags) - offset))
    _reject_unsupported(source)
    body, boundaries = _rewrite(source)
    regex = _flag_prefix(flags) + body
    try:
        compiled = re2.compile(regex, _OPTIONS)
    except re2.error as error:
        detail = error.args[0].decode() if error.args and isinstance(error.args[0], bytes) else str(error)
        fragment = detail.split(": ", 1)[1] if ": " in detail else ""
        offset = source.find(fragment) if fragment else -1
        raise PatternSyntaxError(f"RE2 cannot compile this pattern: {detail}", max(offset, 0)) from None
    return CompiledPattern(source=source, flags=flags, regex=regex, boundaries=boundaries, compiled=compiled)


def _flag_prefix(flags: str) -> str:
    return ("" if "c" in flags else "(?i)") + ("(?s)" if "s" in flags else "")


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


def _rewrite(source: str, native_boundaries: bool = False) -> tuple[str, list[bool]]:
    """Unicode-aware \\w, \\W; \\b and \\B as empty marker groups checked after matching
    (or, with ``native_boundaries``, left to RE2 as they are)."""
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
                out.append(source[i:i + 2] if native_boundaries else "()")
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


class LaterSpan:
    """A pattern match known to exist whose span is found only if it is asked for (few are:
    only the ``{match}`` of a finding needs one)."""

    __slots__ = ("pattern", "text")

    def __init__(self, pattern: CompiledPattern, text: str) -> None:
        self.pattern = pattern
        self.text = text

    def span(self) -> tuple[int, int] | None:
        return self.pattern.search(self.text)


class PatternMatcher:
    """All patterns of one ruleset: an RE2 set says which can match, each finds its span.

    ``\\b`` in kravkoll holds wherever Perl's ``\\b`` does, and also between two non-word
    characters; on ASCII text RE2's own ``\\b`` is Perl's. So a second set, with RE2's ``\\b``,
    proves most matches of ASCII statements without a search; only the rest are searched and
    their boundaries checked.
    """

    def __init__(self, patterns: dict[str, CompiledPattern]) -> None:
        self.names = list(patterns)
        self.patterns = [patterns[name] for name in self.names]
        self._set = self._native_set = None
        self._native_index: list[int] = []
        if self.patterns:
            self._set = _compiled_set(p.regex for p in self.patterns)
            provable = [i for i, p in enumerate(self.patterns) if p.boundaries and all(p.boundaries)]
            if provable:
                self._native_set = _compiled_set(_native(self.patterns[i]) for i in provable)
                self._native_index = provable

    def scan(self, text: str) -> dict[str, tuple[int, int]]:
        """For each pattern that matches the (space-flattened) text: its first match span."""
        return {name: resolve_span(hits[0]) for name, hits in self.scan_many([text]).items()}

    def scan_many(self, texts: Sequence[str]) -> dict[str, dict[int, tuple[int, int] | LaterSpan]]:
        """For each pattern that matches some of the (space-flattened) ``texts``: text number →
        its first span, or a :class:`LaterSpan` when the match is proven but not yet located."""
        found: dict[str, dict[int, tuple[int, int] | LaterSpan]] = {}
        if self._set is None:
            return found
        candidates = self._set.Match
        native = self._native_set.Match if self._native_set is not None else None
        native_index = self._native_index
        for number, text in enumerate(texts):
            if not text:
                continue
            data = text.encode("utf-8")
            hits = candidates(data)
            if not hits:
                continue
            proven: set[int] = set()
            if native is not None and len(data) == len(text):  # ASCII
                proven = {native_index[i] for i in native(data) or ()}
            for index in hits:
                pattern = self.patterns[index]
                if not pattern.boundaries or index in proven:
                    found.setdefault(self.names[index], {})[number] = LaterSpan(pattern, text)
                    continue
                span = pattern.search_encoded(text, data)
                if span is not None:
                    found.setdefault(self.names[index], {})[number] = span
        return found


def resolve_span(span: tuple[int, int] | LaterSpan | None) -> tuple[int, int] | None:
    """A span, located now if it was left for later."""
    return span.span() if isinstance(span, LaterSpan) else span


def _compiled_set(regexes: Iterable[str]) -> object:
    pattern_set = re2.Set.SearchSet(_OPTIONS)
    for regex in regexes:
        pattern_set.Add(regex)
    pattern_set.Compile()
    return pattern_set


def _native(pattern: CompiledPattern) -> str:
    """The pattern with RE2's own ``\\b`` where kravkoll's marker groups stand."""
    return _flag_prefix(pattern.flags) + _rewrite(pattern.source, native_boundaries=True)[0]
