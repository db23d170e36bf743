"""Finding terms and patterns in statement text.

One RE2 set holds every term list (as one expression each) and every pattern of the rulesets
checked together; run once on each statement, it tells which lists and patterns the statement
holds. Word boundaries are Unicode-aware (å, ä, ö are letters): the set reads statements
*folded* (:class:`Folding`) so that its word classes stay small, and decides a pattern's
``\\b`` itself wherever the pattern shows what stands on either side (:func:`boundary_plan`);
the few matches it cannot decide are confirmed by a search. Where a list or pattern matched is
found only when a finding needs it: terms by an Aho–Corasick automaton, patterns by a search.

In patterns, ``\\w`` means a Unicode letter, digit, combining accent or ``_``, and ``\\b`` means
"not inside a word": it holds at a position unless there are word characters on both sides, so
``/\\d+ %\\b/`` matches "99 % per år" and ``/\\bår\\b/`` matches "per år" but not "påår".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from operator import itemgetter
from typing import Callable, Iterable, Iterator, Sequence

import ahocorasick
import re2

try:
    from re import _parser as _sre  # Python 3.11+: only to analyse where \b stands in a pattern
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _sre  # type: ignore[no-redef]

# White space other than a plain space (tabs, line breaks, the no-break and thin spaces Word and
# PDFs put between numbers and units): matched as plain spaces, one for one (same length).
_ODD_SPACE = re.compile(r"[^\S ]")  # one by one: 10x faster than str.translate
_CURLY_QUOTE = re.compile("[\u2018\u2019\u02bc\u201c\u201d\u201e]")
_STRAIGHT_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"'})
# Around a text in the automaton's pass: never in a term (terms refuse control characters)
# and not a word character, so word boundaries hold at it.
_SEPARATOR = "\x00"
MAX_PATTERN_RETRIES = 64

_OPTIONS = re2.Options()
_OPTIONS.log_errors = False
# RE2's default budget (8 MB) is too small for the DFA of a ruleset's patterns as one set: it
# falls back to slower matching (8x slower on the shipped English rulesets). Memory is only
# taken as the DFA needs it.
_OPTIONS.max_mem = 64 << 20


def is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_" or (ch >= "\u0300" and ch <= "\u036f")


_TOKEN_WITHOUT_ALNUM = re.compile(r"\s[^\w\s]+(?=\s)")  # "-", "|", "§" between spaces: not words
LONE_SYMBOLS = "\x00lone symbols"
""":class:`StatementMatcher` key of the statements with a token of no letter or digit ("-", "§")."""


def word_count(text: str) -> int:
    """Words: tokens between white space with a letter or digit in them."""
    return len(text.split()) - len(_TOKEN_WITHOUT_ALNUM.findall(f" {text.replace('_', '-')} "))


def plain_text(text: str) -> str:
    """The text as terms and patterns see it (same length): every kind of white space a plain
    space, typographic apostrophes and quotes (’ ‘ “ ” „, as Word writes them) straight."""
    if not text.isprintable():  # every white space but " " is unprintable: most texts have none
        text = _ODD_SPACE.sub(" ", text)
    if text.isascii():
        return text
    return text.translate(_STRAIGHT_QUOTES) if _CURLY_QUOTE.search(text) else text


# ---- terms --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """A term as the matcher sees it: lower-case core, wildcard ends."""

    core: str
    leading_star: bool
    trailing_star: bool

    @property
    def bounded_left(self) -> bool:
        """A word character must not come just before it."""
        return not self.leading_star and is_word_char(self.core[0])

    @property
    def bounded_right(self) -> bool:
        """A word character must not come just after it."""
        return not self.trailing_star and is_word_char(self.core[-1])


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
            _Entry(len(term.core), term.leading_star, term.trailing_star, term.bounded_left, term.bounded_right, tuple(names))
            for term, names in owners.items()
        ]
        by_core: dict[str, list[int]] = {}
        for index, term in enumerate(owners):
            by_core.setdefault(term.core, []).append(index)
        self._automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY)
        for core, indices in by_core.items():
            self._automaton.add_word(core, tuple(indices))
        self._empty = not by_core
        if not self._empty:
            self._automaton.make_automaton()

    def scan(self, text: str, plain: bool = False) -> dict[str, tuple[int, int]]:
        """For each list with a term in ``text``: the span of its first occurrence (the
        longest term that starts there, so "så snart som möjligt" wins over "så snart").
        ``plain``: the text is :func:`plain_text` already."""
        found: dict[str, tuple[int, int]] = {}
        if self._empty or not text:
            return found
        view = _view(text, plain)
        haystack = _SEPARATOR + view.text + _SEPARATOR  # no hit needs a check for the ends
        size = len(haystack)
        backwards = ""  # the haystack reversed, made for the first hit of a term with a leading *
        entries, is_word, word_run, offsets = self._entries, _IS_WORD, _WORD_RUN.match, view.offsets
        for end, indices in self._automaton.iter(haystack):
            for index in indices:
                entry = entries[index]
                start = end - entry.length + 1
                stop = end + 1
                if entry.leading_star:
                    backwards = backwards or haystack[::-1]
                    start = size - word_run(backwards, size - start).end()
                elif entry.bounded_left and is_word[haystack[start - 1]]:
                    continue
                if entry.trailing_star:
                    stop = word_run(haystack, stop).end()
                elif entry.bounded_right and is_word[haystack[stop]]:
                    continue
                span = (start - 1, stop - 1) if offsets is None else (offsets[start - 1], offsets[stop - 2] + 1)
                for list_name in entry.lists:
                    known = found.get(list_name)
                    if known is None or span[0] < known[0] or (span[0] == known[0] and span[1] > known[1]):
                        found[list_name] = span
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

    @cached_property
    def plan(self) -> list[str]:
        """For each \\b and \\B: how a set decides it, and whether a search must check it (:func:`boundary_plan`)."""
        if not self.boundaries:
            return []
        known = _KNOWN_PLANS.get(self.source)
        return known if known is not None and len(known) == len(self.boundaries) else boundary_plan(self.source)

    @cached_property
    def _bare(self) -> object | None:
        """The pattern without its marker groups, when every \\b stands at a match's start or
        end or always holds: the same matches, found without submatches (RE2's fast path)."""
        if not self.boundaries or "check" in self.plan:
            return None
        return re2.compile(_flag_prefix(self.flags) + _rewrite(self.source, marker=_no_marker)[0], _OPTIONS)

    def search(self, text: str) -> tuple[int, int] | None:
        """The span of the first match in ``text`` (white space already flattened), or None."""
        data = text.encode("utf-8")  # RE2 works on bytes: offsets are converted once, at the end
        pos = 0
        for _ in range(MAX_PATTERN_RETRIES):
            if self._bare is not None:
                # The match the groups would find; at word boundaries on both ends, whichever
                # \b it has hold. Else its groups are looked at.
                spans = _search(self._bare, data, pos)
                if spans is None:
                    return None
                start, end = spans[0]
                if not self._word_on_both_sides(data, text, start, end):
                    return self._characters(data, text, start, end)
                spans = _search(self.compiled, data, start)
            else:
                spans = _search(self.compiled, data, pos)
            if spans is None:
                return None
            start, end = spans[0]
            if not self.boundaries or self._boundaries_hold(spans, data, text):
                return self._characters(data, text, start, end)
            pos = start + _char_length(data, start)
            if pos > len(data):
                return None
        return None

    @staticmethod
    def _characters(data: bytes, text: str, start: int, end: int) -> tuple[int, int]:
        """A span in bytes of ``data`` as a span in characters of ``text``."""
        if len(data) == len(text):  # ASCII: bytes and characters agree
            return start, end
        return len(data[:start].decode("utf-8")), len(data[:end].decode("utf-8"))

    @staticmethod
    def _word_on_both_sides(data: bytes, text: str, start: int, end: int) -> bool:
        """Whether a word character stands just before ``start`` or just after ``end``."""
        if len(data) == len(text):
            return (start > 0 and _IS_WORD[text[start - 1]]) or (end < len(text) and _IS_WORD[text[end]])
        return (start > 0 and _IS_WORD[_char_before(data, start)]) or (end < len(data) and _IS_WORD[_char_at(data, end)])

    @cached_property
    def _checks(self) -> tuple[Callable[[Sequence], tuple], Callable[[Sequence], tuple], list[tuple[int, bool]]]:
        """How a match's boundaries are checked: the groups of the \\b that stand at the start
        of a match and of those at its end (one look at the match's ends decides each lot), and
        the other markers one by one (those that hold wherever they stand need no look)."""
        start = [k + 1 for k, how in enumerate(self.plan) if how == "start"]
        end = [k + 1 for k, how in enumerate(self.plan) if how == "end"]
        others = [(k + 1, wants) for k, (wants, how) in enumerate(zip(self.boundaries, self.plan)) if how == "check"]
        return _picker(start), _picker(end), others

    def _boundaries_hold(self, spans: Sequence[tuple[int, int]], data: bytes, text: str) -> bool:
        ascii_text = len(data) == len(text)

        def inside_word(at: int) -> bool:
            if ascii_text:
                return 0 < at < len(text) and _IS_WORD[text[at - 1]] and _IS_WORD[text[at]]
            return 0 < at < len(data) and _IS_WORD[_char_before(data, at)] and _IS_WORD[_char_at(data, at)]

        at_start, at_end, others = self._checks
        start, end = spans[0]
        if (start, start) in at_start(spans) and inside_word(start):  # a \b of this match at its start
            return False
        if (end, end) in at_end(spans) and inside_word(end):
            return False
        for group, wants_boundary in others:
            at = spans[group][0]
            if at >= 0 and inside_word(at) == wants_boundary:
                return False
        return True


def _picker(groups: list[int]) -> Callable[[Sequence], tuple]:
    """The spans of ``groups`` of a match, as a tuple (in C: no loop over the groups here)."""
    if not groups:
        return lambda spans: ()
    if len(groups) == 1:
        group = groups[0]
        return lambda spans: (spans[group],)
    return itemgetter(*groups)


_UNANCHORED = getattr(getattr(re2, "_Anchor", None), "UNANCHORED", None)


def _search(compiled: object, data: bytes, pos: int) -> Sequence[tuple[int, int]] | None:
    """The spans of the whole first match at or after ``pos`` and of each group, or None."""
    regexp = getattr(compiled, "_regexp", None)
    if regexp is not None and _UNANCHORED is not None:  # google-re2's own call, without its Match object
        spans = regexp.Match(_UNANCHORED, data, pos, len(data))
        return None if spans[0][0] < 0 else spans
    match = compiled.search(data, pos)
    return None if match is None else [match.span(group) for group in range(match.re.groups + 1)]


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


@dataclass(frozen=True)
class WordClasses:
    """How a rewritten pattern writes \\w and \\W."""

    word: str  # \w outside [...]
    nonword: str  # \W outside [...]
    inside: str  # \w inside [...]


# Word characters as is_word_char sees them, in RE2: any text, no folding.
UNICODE_WORDS = WordClasses(word=r"[\p{L}\p{N}\x{300}-\x{36f}_]", nonword=r"[^\p{L}\p{N}\x{300}-\x{36f}_]",
                            inside=r"\p{L}\p{N}\x{300}-\x{36f}_")


def _marker_group(number: int, is_boundary: bool) -> str:
    return "()"


def _no_marker(number: int, is_boundary: bool) -> str:
    return "(?:)"  # empty like the marker group, so a quantifier after it applies to nothing still


def _rewrite(source: str, classes: WordClasses = UNICODE_WORDS,
             marker: Callable[[int, bool], str] = _marker_group) -> tuple[str, list[bool]]:
    """The pattern with \\w and \\W written as ``classes`` say, user groups made non-capturing
    and each \\b and \\B replaced by ``marker(number, is_boundary)``: by default an empty group,
    whose position is checked after matching."""
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
                    out.append(classes.inside)
                elif nxt == "W":
                    raise PatternSyntaxError("\\W inside [...] is not supported; write [^...] with \\w instead", i)
                else:
                    out.append(source[i:i + 2])
            elif nxt == "w":
                out.append(classes.word)
            elif nxt == "W":
                out.append(classes.nonword)
            elif nxt in "bB":
                out.append(marker(len(boundaries), nxt == "b"))
                boundaries.append(nxt == "b")
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


# ---- how the set decides \b and \B ----------------------------------------------------------------

# Syntax RE2 and Python's parser read differently (or Python not at all): such patterns keep a
# search per candidate match.
_RE2_ONLY = ("[:", "{,", "\\Q", "\\p", "\\P", "\\x", "\\C", "\\z", "(?U")
_MARKER_BASE = 0xF0000  # Supplementary Private Use Area-A: stands for \b and \B while a pattern is analysed
_PYTHON_WORDS = WordClasses(word=r"\w", nonword=r"\W", inside=r"\w")
_W, _N, _X = 1, 2, 3  # the characters a place can hold: word, non-word, either (0: none)


class _Unsupported(Exception):
    pass


_PLAN_STEPS = frozenset(("hold", "start", "end", "check"))
_KNOWN_PLANS: dict[str, list[str]] = {}
"""Plans read from the cache of compiled rulesets (:func:`remember_plans`), by pattern source."""
_MAX_KNOWN_PLANS = 100_000


def boundary_plans(sources: Iterable[str]) -> dict[str, list[str]]:
    """The :func:`boundary_plan` of each pattern source (for the cache of compiled rulesets:
    the analysis costs about 3 ms a pattern, a third of what building a matcher takes)."""
    return {source: boundary_plan(source) for source in dict.fromkeys(sources)}


def remember_plans(plans: object) -> None:
    """Use these plans (:func:`boundary_plans`, read back from the cache) instead of analysing
    the patterns again; anything that is not a plan is left out, and a plan whose length is not
    the pattern's number of \\b and \\B is not used (:attr:`CompiledPattern.plan`)."""
    if not isinstance(plans, dict) or len(_KNOWN_PLANS) + len(plans) > _MAX_KNOWN_PLANS:
        return
    for source, plan in plans.items():
        if isinstance(source, str) and isinstance(plan, list) and all(isinstance(step, str) and step in _PLAN_STEPS for step in plan):
            _KNOWN_PLANS[source] = plan


def boundary_plan(source: str) -> list[str]:
    """For each \\b and \\B of a pattern, how a set of patterns can decide it without a search:
    ``hold`` (it always holds: a non-word character is certain on one side, or for \\B word
    characters on both), ``start`` / ``end`` (it stands at the start / end of every match, next
    to a word character: the set reads one more character, the one before / after the match),
    or ``check`` (a search confirms each match the set reports)."""
    analysed, boundaries = _rewrite(source, _PYTHON_WORDS, lambda number, _: chr(_MARKER_BASE + number))
    plan = ["check"] * len(boundaries)
    if not boundaries or any(token in source for token in _RE2_ONLY) or any(ord(ch) >= _MARKER_BASE for ch in source):
        return plan
    try:
        _Analysis(boundaries, plan).visit(list(_sre.parse(analysed)), (0, True), (0, True))
    except (_Unsupported, re.error, RecursionError, ValueError, OverflowError, TypeError):
        return ["check"] * len(boundaries)
    return plan


class _Analysis:
    """Walks Python's parse of a pattern knowing, at each place, what can stand before and after it:
    a context is (characters the pattern can put there, whether it can be the edge of the match)."""

    def __init__(self, boundaries: list[bool], plan: list[str]) -> None:
        self.boundaries = boundaries
        self.plan = plan

    def visit(self, items: list, left: tuple[int, bool], right: tuple[int, bool]) -> None:
        shapes = [self.shape(op, av) for op, av in items]
        lefts = [left]
        for first, last, nullable in shapes[:-1]:
            kind, edge = lefts[-1]
            lefts.append((last | kind, edge) if nullable else (last, False))
        rights = [right]
        for first, last, nullable in reversed(shapes[1:]):
            kind, edge = rights[-1]
            rights.append((first | kind, edge) if nullable else (first, False))
        rights.reverse()
        for (op, av), (first, last, _), before, after in zip(items, shapes, lefts, rights):
            marker = self.marker(op, av)
            if marker is not None:
                self.plan[marker] = _decide(before, after, self.boundaries[marker])
            elif op is _sre.BRANCH:
                for branch in av[1]:
                    self.visit(list(branch), before, after)
            elif op is _sre.SUBPATTERN:
                self.visit(list(av[-1]), before, after)
            elif op in _REPEATS:
                low, high, body = av
                inner_first, inner_last, _ = self.sequence(list(body))
                if high > 1:  # one repetition stands next to another
                    before, after = (before[0] | inner_last, before[1]), (after[0] | inner_first, after[1])
                self.visit(list(body), before, after)
            elif op is _ATOMIC:
                self.visit(list(av), before, after)

    def marker(self, op: object, av: object) -> int | None:
        if op is _sre.LITERAL and _MARKER_BASE <= av < _MARKER_BASE + len(self.boundaries):
            return av - _MARKER_BASE
        return None

    def sequence(self, items: list) -> tuple[int, int, bool]:
        """(first characters, last characters, can be empty) of a sequence."""
        shapes = [self.shape(op, av) for op, av in items]
        first = last = 0
        for shape in shapes:
            first |= shape[0]
            if not shape[2]:
                break
        for shape in reversed(shapes):
            last |= shape[1]
            if not shape[2]:
                break
        return first, last, all(shape[2] for shape in shapes)

    def shape(self, op: object, av: object) -> tuple[int, int, bool]:
        """(first characters, last characters, can be empty) of one parsed item."""
        if self.marker(op, av) is not None:
            return 0, 0, True
        if op is _sre.LITERAL:
            kind = _W if is_word_char(chr(av)) else _N
            return kind, kind, False
        if op in (_sre.NOT_LITERAL, _sre.ANY):
            return _X, _X, False
        if op is _sre.IN:
            kind = self.class_kind(av)
            return kind, kind, False
        if op is _sre.BRANCH:
            shapes = [self.sequence(list(branch)) for branch in av[1]]
            first = last = 0
            for shape in shapes:
                first, last = first | shape[0], last | shape[1]
            return first, last, any(shape[2] for shape in shapes)
        if op is _sre.SUBPATTERN:
            return self.sequence(list(av[-1]))
        if op is _ATOMIC:
            return self.sequence(list(av))
        if op in _REPEATS:
            first, last, nullable = self.sequence(list(av[2]))
            return first, last, nullable or av[0] == 0
        if op is _sre.AT:
            if av in (_sre.AT_BEGINNING, _sre.AT_BEGINNING_STRING):
                return 0, _N, False  # nothing before it: for \b, as good as a non-word character
            if av in (_sre.AT_END, _sre.AT_END_STRING):
                return _N, 0, False
            return 0, 0, True
        raise _Unsupported(str(op))

    def class_kind(self, items: list) -> int:
        kind = 0
        for op, av in items:
            if op is _sre.NEGATE:
                return _X
            if op is _sre.LITERAL:
                if self.marker(op, av) is not None:
                    return _X
                kind |= _W if is_word_char(chr(av)) else _N
            elif op is _sre.RANGE:
                low, high = av
                if high - low > 4096:
                    return _X
                for code in range(low, high + 1):
                    kind |= _W if is_word_char(chr(code)) else _N
                    if kind == _X:
                        return _X
            elif op is _sre.CATEGORY:
                kind |= _CATEGORY_KINDS.get(av, _X)
            else:
                return _X
        return kind


def _decide(before: tuple[int, bool], after: tuple[int, bool], is_boundary: bool) -> str:
    (left, left_edge), (right, right_edge) = before, after
    if not is_boundary:
        return "hold" if left == _W and right == _W and not left_edge and not right_edge else "check"
    if (left == _N and not left_edge) or (right == _N and not right_edge):
        return "hold"
    if left == 0 and left_edge and right == _W and not right_edge:
        return "start"
    if right == 0 and right_edge and left == _W and not left_edge:
        return "end"
    return "check"


_REPEATS = (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", _sre.MAX_REPEAT))
_ATOMIC = getattr(_sre, "ATOMIC_GROUP", object())
_CATEGORY_KINDS = {_sre.CATEGORY_DIGIT: _W, _sre.CATEGORY_WORD: _W, _sre.CATEGORY_SPACE: _N, _sre.CATEGORY_NOT_WORD: _N}


# ---- every term list and pattern in one RE2 set ---------------------------------------------------

_TERMS_PER_REGEX = 2000  # RE2 simplifies one huge alternation poorly (and says so on stderr)
_MAX_TERMS_IN_SET = 60_000  # beyond, RE2's 64 MB budget runs out: lists go to the automaton
_ASCII_NONWORD = r"\x00-\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\x7f"
_FOLDED = "\x01"
_RE2_SPECIAL = frozenset("\\.+*?()|[]{}^$-#&~/")


class Folding:
    """Statement text as the set reads it: each non-ASCII character that is not a word character
    and that no term or pattern names becomes one control character. Nothing a term or pattern
    can tell apart is merged, so the matches are the same; and the set's word classes are a few
    ASCII ranges, not Unicode tables (a set built with ``\\p{L}`` classes takes seconds)."""

    def __init__(self, named: Iterable[str]) -> None:
        kept = "".join(sorted({ch for ch in named if not ch.isascii() and not is_word_char(ch)}))
        self._others = re.compile(f"[^\\x00-\\x7f\\w\\u0300-\\u036f{re.escape(kept)}]")
        nonword = _ASCII_NONWORD + kept
        self.kept = kept
        self.nonword = f"[{nonword}]"
        self.classes = WordClasses(word=f"[^{nonword}]", nonword=self.nonword,
                                   inside="0-9A-Z_a-z" + _ranges_without(0x80, 0x10FFFF, kept))

    def fold(self, text: str) -> str:
        return text if text.isascii() else self._others.sub(_FOLDED, text)


def _ranges_without(low: int, high: int, left_out: str) -> str:
    """An RE2 class body for the code points from ``low`` to ``high`` but those of ``left_out``."""
    parts = []
    for code in [*map(ord, left_out), high + 1]:
        if code > low:
            parts.append(f"\\x{{{low:x}}}-\\x{{{code - 1:x}}}")
        low = code + 1
    return "".join(parts)


def foldable(source: str) -> bool:
    """Whether a pattern names each non-ASCII character it can match one by one (no \\p{..}, hex
    escapes, POSIX classes or ranges of such characters), so that it matches folded text
    exactly where it matches the text."""
    if any(token in source for token in ("\\p", "\\P", "\\x", "\\C", "[:", _FOLDED)):
        return False
    return not any(not (low + high).isascii() for low, high in _class_ranges(source))


def _class_ranges(source: str) -> Iterator[tuple[str, str]]:
    """The ends of each range (``a-z``) in the [...] classes of a pattern."""
    i, n = 0, len(source)
    while i < n:
        if source[i] == "\\":
            i += 2
            continue
        if source[i] != "[":
            i += 1
            continue
        i += 1
        members: list[str] = []  # one character or escape each
        while i < n and (source[i] != "]" or not members or members == ["^"]):
            step = 2 if source[i] == "\\" else 1
            members.append(source[i:i + step])
            i += step
        i += 1
        start = 1 if members[:1] == ["^"] else 0
        for k in range(start + 1, len(members) - 1):
            if members[k] == "-" and k - 1 >= start:
                yield members[k - 1][-1], members[k + 1][-1]


def _term_regex(term: Term) -> str:
    """The term's core as RE2: special characters escaped, a space any run of spaces."""
    return "".join(" +" if ch == " " else "\\" + ch if ch in _RE2_SPECIAL else ch for ch in term.core)


def _term_list_regex(terms: Iterable[Term], folding: Folding) -> str:
    """One RE2 that matches where any of ``terms`` does (case-insensitive, word boundaries read
    as one character more on each side, which a set may do: it only says whether)."""
    groups: dict[tuple[bool, bool], list[str]] = {}
    for term in terms:
        groups.setdefault((term.bounded_left, term.bounded_right), []).append(_term_regex(term))
    alternatives = [
        ("(?:^|" + folding.nonword + ")" if left else "") + "(?:" + "|".join(sorted(set(cores))) + ")"
        + ("(?:" + folding.nonword + "|$)" if right else "")
        for (left, right), cores in sorted(groups.items())
    ]
    return "(?i)(?:" + "|".join(alternatives) + ")"


def _set_regex(pattern: CompiledPattern, folding: Folding) -> tuple[str, bool]:
    """A pattern as the set runs it on folded text, and whether the set's answer is exact (else
    each match it reports is confirmed by a search)."""
    plan = pattern.plan
    forms = {"hold": "", "start": f"(?:^|{folding.nonword})", "end": f"(?:{folding.nonword}|$)", "check": "()"}
    body, _ = _rewrite(pattern.source, folding.classes, lambda number, _: forms[plan[number]])
    return _flag_prefix(pattern.flags) + body, "check" not in plan


class StatementMatcher:
    """Every term list and pattern of the rulesets checked together, by key.

    One RE2 set, run once on each statement (folded: :class:`Folding`), tells which lists and
    patterns the statement holds. Where they matched is found only when asked (a finding's
    ``{match}``): terms by the automaton, patterns by a search.
    """

    def __init__(self, lists: dict[str, Iterable[str]], patterns: dict[str, CompiledPattern]) -> None:
        self._lists = lists = {name: list(terms) for name, terms in lists.items()}
        self._list_automata: dict[str, TermMatcher] = {}
        self.patterns = patterns
        parsed = {name: [parse_term(term) for term in terms] for name, terms in lists.items()}
        in_set = {name: p for name, p in patterns.items() if foldable(p.source)}
        named = [ch for terms in parsed.values() for term in terms for ch in term.core]
        named += [ch for p in in_set.values() for ch in p.source]
        folding = Folding(named)
        self._fold = folding.fold
        # Set entries: (key, expression, the pattern whose matches a search confirms, or None).
        terms = [(name, _term_list_regex(terms[start:start + _TERMS_PER_REGEX], folding), None)
                 for name, terms in parsed.items() for start in range(0, len(terms), _TERMS_PER_REGEX)]
        others = [(name, regex, None if exact else pattern)
                  for name, pattern in in_set.items() for regex, exact in [_set_regex(pattern, folding)]]
        # Most statements have no such token: their words are counted by splitting alone.
        others.append((LONE_SYMBOLS, f"(?:^| )[\\x00-\\x1f\\x21-\\x2f\\x3a-\\x40\\x5b-\\x60\\x7b-\\x7f\\x{{300}}-\\x{{36f}}{folding.kept}]+(?: |$)", None))
        if sum(map(len, parsed.values())) > _MAX_TERMS_IN_SET:
            terms = []
        try:
            self._sets = _compiled_sets([regex for _, regex, _ in terms + others])
        except re2.error:  # too large for RE2's memory budget after all
            terms = []
            self._sets = _compiled_sets([regex for _, regex, _ in others])
        # Lists the set leaves out are matched by the automaton.
        self._lists_apart = [] if terms else [name for name, listed in parsed.items() if listed]
        entries = terms + others
        self._keys = [key for key, _, _ in entries]
        self._confirm = {number: pattern for number, (_, _, pattern) in enumerate(entries) if pattern is not None}
        self._unfolded = [(name, p) for name, p in patterns.items() if name not in in_set]
        self._unfolded_set = _compiled_set(p.regex for _, p in self._unfolded) if self._unfolded else None

    def scan_many(self, texts: Sequence[str]) -> dict[str, list[int]]:
        """For each list or pattern some of ``texts`` (:func:`plain_text` already) hold, and for
        :data:`LONE_SYMBOLS`: their numbers."""
        buckets: list[list[int]] = [[] for _ in self._keys]
        sets, fold, confirm = self._sets, self._fold, self._confirm
        for number, text in enumerate(texts):
            if not text:
                continue
            data = (text if text.isascii() else fold(text)).encode("utf-8")
            for first, match in sets:
                for index in match(data) or ():
                    index += first
                    if index not in confirm or confirm[index].search(text) is not None:
                        buckets[index].append(number)
        found: dict[str, list[int]] = {}
        for key, bucket in zip(self._keys, buckets):
            if bucket:  # a long list is several entries: a statement may be in more than one
                found[key] = sorted({*found[key], *bucket}) if key in found else bucket
        if self._lists_apart:
            for number, text in enumerate(texts):
                for name in self.terms.scan(text, plain=True):
                    found.setdefault(name, []).append(number)
        if self._unfolded_set is not None:
            for number, text in enumerate(texts):
                for index in self._unfolded_set.Match(text.encode("utf-8")) or ():
                    name, pattern = self._unfolded[index]
                    if pattern.search(text) is not None:
                        found.setdefault(name, []).append(number)
        return found

    @cached_property
    def terms(self) -> TermMatcher:
        """Every list in one automaton: for lists the set leaves out, and for :meth:`scan`."""
        return TermMatcher(self._lists)

    def term_span(self, key: str, text: str) -> tuple[int, int] | None:
        """Where list ``key`` first matches ``text`` (:func:`plain_text` already), found by an
        automaton of that list alone (made when first asked): only its own hits to look at."""
        automaton = self._list_automata.get(key)
        if automaton is None:
            automaton = self._list_automata[key] = TermMatcher({key: self._lists[key]})
        return automaton.scan(text, plain=True).get(key)

    def pattern_span(self, key: str, text: str) -> tuple[int, int] | None:
        """Where pattern ``key`` first matches ``text`` (:func:`plain_text` already)."""
        return self.patterns[key].search(text)

    def scan(self, text: str) -> dict[str, tuple[int, int]]:
        """Each list and pattern the text holds, with the span of its first match."""
        flat = plain_text(text)
        terms = self.terms.scan(flat, plain=True)
        return {key: terms[key] if key in terms else self.pattern_span(key, flat)
                for key in self.scan_many([flat]) if key != LONE_SYMBOLS}


_ENTRIES_PER_SET = 16
"""Set entries run by one RE2 set. RE2 builds a set's DFA as text needs its states; for all
entries as one set, real procurement text needs so many, each a large set of NFA states, that
building them took 1.1 s for the first MB of the corpus's English text (0.02 s once built).
Sets of 16 entries build theirs in a fifth of that and cost a few hundredths of a second more
per MB once built (bench/README.md)."""


def _compiled_sets(regexes: list[str]) -> list[tuple[int, Callable[[bytes], object]]]:
    """RE2 sets of at most :data:`_ENTRIES_PER_SET` of ``regexes`` each, with the number of
    their first entry and the function that matches them (google-re2's own ``Set.Match``,
    without its wrapper's checks: it runs once per statement)."""
    sets = []
    for first in range(0, len(regexes), _ENTRIES_PER_SET):
        compiled = _compiled_set(regexes[first:first + _ENTRIES_PER_SET])
        sets.append((first, getattr(getattr(compiled, "_set", None), "Match", None) or compiled.Match))
    return sets


def _compiled_set(regexes: Iterable[str]) -> object:
    pattern_set = re2.Set.SearchSet(_OPTIONS)
    for regex in regexes:
        pattern_set.Add(regex)
    pattern_set.Compile()
    return pattern_set
