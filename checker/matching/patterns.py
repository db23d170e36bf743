"""Patterns: a rule file's ``/…/`` compiled for RE2, and the first match in a text that honours
its Unicode-aware ``\\b`` and ``\\B``.

In patterns, ``\\w`` means a Unicode letter, digit, combining accent or ``_``, and ``\\b`` means
"not inside a word": it holds at a position unless there are word characters on both sides, so
``/\\d+ %\\b/`` matches "99 % per år" and ``/\\bår\\b/`` matches "per år" but not "påår".
A search finds the first match Python's backtracking ``re`` finds with those meanings: every
alternative and repetition is tried against every ``\\b`` and ``\\B`` (:mod:`.junctions` where
RE2's preferred match at its first start fails one), in linear time. (Where a repeated part can
match the empty string, RE2 and ``re`` end the repetition differently, boundaries or none:
"(?:a|.??)*" takes all of "a b" in RE2, "a" in ``re``.)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from operator import itemgetter
from typing import Callable, Iterable, Sequence

from . import re2api
from .boundaries import boundary_plan, known_plan
from .folding import Folding, foldable
from .junctions import Unsupported, junction_pattern, junction_text, place, repeated_boundary
from .rewrite import UNICODE_WORDS, PatternSyntaxError, flag_prefix, no_marker, reject_unsupported, rewrite
from .text import IS_WORD

MAX_PATTERN_RETRIES = 64
_KNOWN_VALID: set[tuple[str, str]] = set()
"""(source, flags) of the patterns RE2 compiled when their ruleset was compiled (:func:`remember_valid`)."""
_MAX_KNOWN_VALID = 100_000


def remember_valid(patterns: Iterable[tuple[str, str]]) -> None:
    """These patterns, ``(source, flags)``, compiled when their ruleset was compiled (a ruleset
    read back from the cache of compiled rulesets): :func:`compile_pattern` leaves compiling them
    to their first search. Most patterns of a run are never searched (the set answers for them),
    and compiling one with its Unicode word classes costs a few milliseconds."""
    for source, flags in patterns:
        if len(_KNOWN_VALID) >= _MAX_KNOWN_VALID:
            return
        _KNOWN_VALID.add((source, flags))


@dataclass
class CompiledPattern:
    source: str
    flags: str
    _compiled: object = field(default=None, repr=False)

    @cached_property
    def _rewritten(self) -> tuple[str, list[bool]]:
        """:attr:`regex` and :attr:`boundaries`, worked out when first asked: a pattern of a
        cached ruleset that a run never runs or searches is never rewritten (a one-page check runs
        about half of them)."""
        body, boundaries = rewrite(self.source)
        return flag_prefix(self.flags) + body, boundaries

    @property
    def regex(self) -> str:
        """RE2 syntax after rewriting \\b, \\B, \\w, \\W and user groups."""
        return self._rewritten[0]

    @property
    def boundaries(self) -> list[bool]:
        """Per marker group of :attr:`regex`: True for \\b, False for \\B."""
        return self._rewritten[1]

    @property
    def compiled(self) -> object:
        """``regex`` compiled by RE2 (now, if it was left to the first search): its empty groups
        mark where \\b and \\B stand."""
        if self._compiled is None:
            self._compiled = _compiled(self.regex, self.source)
        return self._compiled

    @cached_property
    def plan(self) -> list[str]:
        """For each \\b and \\B: how a set decides it, and whether a search must check it (:func:`boundary_plan`)."""
        if not self.boundaries:
            return []
        known = known_plan(self.source, len(self.boundaries))
        return known if known is not None else boundary_plan(self.source)

    @cached_property
    def _searched(self) -> tuple[Folding | None, object]:
        """How :meth:`search` reads text, and the expression it searches (with marker groups).

        A pattern that names each non-ASCII character it matches (:func:`foldable`, nearly all)
        searches folded text with folded word classes: RE2 compiles it, and the reverse program
        a search for a match's start needs, in a fraction of the time, and builds smaller DFA
        states (a one-page English check: 2,207 → 1,939 M instructions); the matches are the
        same. Else ``regex`` as it is."""
        if foldable(self.source):
            folding = Folding(self.source)
            try:
                return folding, re2api.compile_regex(flag_prefix(self.flags) + rewrite(self.source, folding.classes)[0])
            except re2api.error:  # RE2 refuses it (``compiled`` then says why) or it is too large: as it is
                pass
        return None, self.compiled

    @cached_property
    def _bare(self) -> object | None:
        """The pattern without its marker groups, when every \\b stands at a match's start or
        end or always holds: the same matches, found without submatches (RE2's fast path)."""
        if not self.boundaries or "check" in self.plan:
            return None
        folding = self._searched[0]
        classes = UNICODE_WORDS if folding is None else folding.classes
        return re2api.compile_regex(flag_prefix(self.flags) + rewrite(self.source, classes, no_marker)[0])

    def search(self, text: str) -> tuple[int, int] | None:
        """The span of the first match in ``text`` (white space already flattened), or None."""
        folding, compiled = self._searched
        if folding is not None:
            text = folding.fold(text)  # same length: the span found is the span in ``text``
        data = text.encode("utf-8")  # RE2 works on bytes: offsets are converted once, at the end
        if self._bare is not None:
            # The first match, boundaries aside; at word boundaries on both ends, whichever \b
            # it has hold. Else the pattern with its ends written out decides (_bounded_search).
            spans = re2api.search(self._bare, data, 0)
            if spans is None:
                return None
            start, end = spans[0]
            if not self._word_on_both_sides(data, text, start, end):
                return self._characters(data, text, start, end)
            if self._ends_bounded is not None:
                return self._bounded_search(data, text)
            # RE2 refused the pattern with its ends written out (too large): checked after each match
        if not self.boundaries:
            spans = re2api.search(compiled, data, 0)
            return None if spans is None else self._characters(data, text, *spans[0])
        return self._junction_search(data, text)

    @cached_property
    def _junction(self) -> object | None:
        """The pattern for the junction text (:mod:`.junctions`): RE2 decides each \\b and \\B
        on every alternative it tries; None where RE2 refuses it (too large) or it holds a byte
        (``\\C``)."""
        folding = self._searched[0]
        classes = UNICODE_WORDS if folding is None else folding.classes
        body = rewrite(self.source, classes, lambda _, is_boundary: "\\b" if is_boundary else "\\B")[0]
        try:
            return re2api.compile_regex(flag_prefix(self.flags) + junction_pattern(body))
        except (re2api.error, Unsupported):
            return None

    @cached_property
    def _repeated_marker(self) -> bool:
        return repeated_boundary(self.source)

    def _junction_search(self, data: bytes, text: str) -> tuple[int, int] | None:
        """The first match, each \\b and \\B holding, as Python's ``re`` finds it (every
        alternative tried against them): RE2's first match at the first place, if it holds them
        and no \\b or \\B of it is repeated (a group marks only the last time it matched);
        else a search of the junction text."""
        spans = re2api.search(self._searched[1], data, 0)
        if spans is None:
            return None
        if not self._repeated_marker and self._boundaries_hold(spans, data, text):
            return self._characters(data, text, *spans[0])
        junctions = None if self._junction is None else junction_text(text)
        if junctions is None:
            return self._checked_search(data, text, spans[0][0])
        joined = junctions.encode("utf-8")
        ascii_only = len(joined) == len(junctions)
        start = spans[0][0]  # no match starts before RE2's first: search from its place on
        before = start if len(data) == len(text) else len(data[:start].decode("utf-8"))
        spans = re2api.search(self._junction, joined, max(0, start + 3 * before - 2))
        return None if spans is None else (place(joined, spans[1][0], ascii_only), place(joined, spans[0][1], ascii_only))

    def _checked_search(self, data: bytes, text: str, pos: int) -> tuple[int, int] | None:
        """The first match RE2 prefers at a start whose \\b and \\B hold, each start from
        ``pos`` on tried once (a pattern the junction text cannot serve)."""
        compiled = self._searched[1]
        for _ in range(MAX_PATTERN_RETRIES):
            spans = re2api.search(compiled, data, pos)
            if spans is None:
                return None
            start, end = spans[0]
            if self._boundaries_hold(spans, data, text):
                return self._characters(data, text, start, end)
            pos = start + _char_length(data, start)
            if pos > len(data):
                return None
        return None

    def _written_ends(self, start_form: str, start_marked: bool) -> tuple[object, list[str]] | None:
        """The pattern with each \\b at a match's end written as the set writes it (a non-word
        character or the text's end matched after an empty group that marks where the match
        ends), each at its start as ``start_form`` (an empty group where ``start_marked``), and
        which \\b each group marks (``"start"``, ``"end"``), in order; None when RE2 refuses it
        (too large)."""
        folding = self._searched[0]
        classes = UNICODE_WORDS if folding is None else folding.classes
        forms = {"hold": "(?:)", "start": start_form, "end": f"()(?:{classes.nonword}|$)"}
        try:
            compiled = re2api.compile_regex(flag_prefix(self.flags) + rewrite(self.source, classes, lambda number, _: forms[self.plan[number]])[0])
        except re2api.error:
            return None
        return compiled, [how for how in self.plan if how == "end" or (how == "start" and start_marked)]

    @cached_property
    def _ends_bounded(self) -> tuple[object, list[str]] | None:
        """:meth:`_written_ends` with the \\b at a match's start as an empty group, checked
        after the match: RE2 tries every alternative for one whose end holds
        ("leverantören|leverantörens" followed by \\b in "leverantörens"), where a check
        after the match would see only the one RE2 preferred."""
        return self._written_ends("()", start_marked=True)

    @cached_property
    def _starts_failing(self) -> tuple[object, list[str]] | None:
        """:meth:`_written_ends` with each \\b at a match's start unable to match: where those
        fail (a word character before a word character), what the other alternatives match."""
        return self._written_ends("[^\\x00-\\x{10FFFF}]", start_marked=False)

    def _bounded_search(self, data: bytes, text: str) -> tuple[int, int] | None:
        """The first match whose boundaries hold, by :attr:`_ends_bounded` (for patterns whose
        every \\b stands at a match's start or end or always holds): RE2's preferred match at
        the first start where one begins; where a \\b at its start fails, the match of the
        alternatives that need none there (:attr:`_starts_failing`), else the next start."""
        compiled, kinds = self._ends_bounded  # type: ignore[misc]
        pos = 0
        for _ in range(MAX_PATTERN_RETRIES):
            spans = re2api.search(compiled, data, pos)
            if spans is None:
                return None
            start = spans[0][0]
            if not any(kind == "start" and at >= 0 and _inside_word(data, text, at) for kind, (at, _) in zip(kinds, spans[1:])):
                return self._characters(data, text, start, _end_of(spans, kinds))
            failing = self._starts_failing
            if failing is not None and (other := re2api.search(failing[0], data, start)) is not None and other[0][0] == start:
                return self._characters(data, text, start, _end_of(other, failing[1]))
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
            return (start > 0 and IS_WORD[text[start - 1]]) or (end < len(text) and IS_WORD[text[end]])
        return (start > 0 and IS_WORD[_char_before(data, start)]) or (end < len(data) and IS_WORD[_char_at(data, end)])

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
        at_start, at_end, others = self._checks
        start, end = spans[0]
        if (start, start) in at_start(spans) and _inside_word(data, text, start):  # a \b of this match at its start
            return False
        if (end, end) in at_end(spans) and _inside_word(data, text, end):
            return False
        for group, wants_boundary in others:
            at = spans[group][0]
            if at >= 0 and _inside_word(data, text, at) == wants_boundary:
                return False
        return True


def _end_of(spans: Sequence[tuple[int, int]], kinds: list[str]) -> int:
    """Where a match of :meth:`CompiledPattern._written_ends` ends: at the mark of its \\b at
    the end where one took part (the non-word character after it is not the match's)."""
    for kind, (at, _) in zip(kinds, spans[1:]):
        if kind == "end" and at >= 0:
            return at
    return spans[0][1]


def _inside_word(data: bytes, text: str, at: int) -> bool:
    """Whether byte offset ``at`` of ``data`` (``text`` encoded) stands between two word characters."""
    if len(data) == len(text):
        return 0 < at < len(text) and IS_WORD[text[at - 1]] and IS_WORD[text[at]]
    return 0 < at < len(data) and IS_WORD[_char_before(data, at)] and IS_WORD[_char_at(data, at)]


def _picker(groups: list[int]) -> Callable[[Sequence], tuple]:
    """The spans of ``groups`` of a match, as a tuple (in C: no loop over the groups here)."""
    if not groups:
        return lambda spans: ()
    if len(groups) == 1:
        group = groups[0]
        return lambda spans: (spans[group],)
    return itemgetter(*groups)


def _char_length(data: bytes, at: int) -> int:
    """Bytes in the UTF-8 character that starts at ``at`` (1 past the end)."""
    lead = data[at] if at < len(data) else 0
    return 1 if lead < 0xC0 else 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4


def _char_at(data: bytes, at: int) -> str:
    return data[at : at + _char_length(data, at)].decode("utf-8", "replace")[:1]


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
    pattern = CompiledPattern(source=source, flags=flags)
    if (source, flags) not in _KNOWN_VALID:  # a pattern of a cached ruleset was checked when the ruleset was compiled
        reject_unsupported(source)
        pattern._compiled = _compiled(pattern.regex, source)
    return pattern


def _compiled(regex: str, source: str) -> object:
    """``regex``, the rewriting of ``source``, compiled by RE2; raise :class:`PatternSyntaxError` if RE2 can't."""
    try:
        return re2api.compile_regex(regex)
    except re2api.error as error:
        detail = error.args[0].decode() if error.args and isinstance(error.args[0], bytes) else str(error)
        fragment = detail.split(": ", 1)[1] if ": " in detail else ""
        offset = source.find(fragment) if fragment else -1
        raise PatternSyntaxError(f"RE2 cannot compile this pattern: {detail}", max(offset, 0)) from None
