"""Every term list and pattern of the rulesets checked together in RE2 sets, run once per statement.

One RE2 set holds every term list (as one expression each) and every pattern of the rulesets
checked together; run once on each statement, it tells which lists and patterns the statement
holds. Word boundaries are Unicode-aware (å, ä, ö are letters): the set reads statements
*folded* (:class:`~checker.matching.folding.Folding`) so that its word classes stay small, and decides a pattern's
``\\b`` itself wherever the pattern shows what stands on either side
(:func:`~checker.matching.boundaries.boundary_plan`); the few matches it cannot decide are
confirmed by a search. A short text (:data:`SETS_FROM_CHARACTERS`) has its lists matched by
their Aho–Corasick automaton instead, beside the patterns' sets: the same answers, without
compiling the lists into sets. Where a list or pattern matched is found only when a finding
needs it: terms by an Aho–Corasick automaton, patterns by a search.
"""

from __future__ import annotations

from functools import cached_property
from typing import Callable, Iterable, Sequence

from . import re2api
from .folding import Folding, foldable
from .patterns import CompiledPattern
from .rewrite import flag_prefix, rewrite
from .terms import Term, TermMatcher, parse_term
from .text import plain_text

LONE_SYMBOLS = "\x00lone symbols"
""":class:`StatementMatcher` key of the statements with a token of no letter or digit ("-", "§")."""

_TERMS_PER_REGEX = 2000  # RE2 simplifies one huge alternation poorly (and says so on stderr)
_MAX_TERMS_IN_SET = 60_000  # beyond, RE2's 64 MB budget runs out: lists go to the automaton
_RE2_SPECIAL = frozenset("\\.+*?()|[]{}^$-#&~/")


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
        ("(?:^|" + folding.nonword + ")" if left else "") + "(?:" + "|".join(sorted(set(cores))) + ")" + ("(?:" + folding.nonword + "|$)" if right else "")
        for (left, right), cores in sorted(groups.items())
    ]
    return "(?i)(?:" + "|".join(alternatives) + ")"


def _set_regex(pattern: CompiledPattern, folding: Folding) -> tuple[str, bool]:
    """A pattern as the set runs it on folded text, and whether the set's answer is exact (else
    each match it reports is confirmed by a search)."""
    plan = pattern.plan
    forms = {"hold": "", "start": f"(?:^|{folding.nonword})", "end": f"(?:{folding.nonword}|$)", "check": "()"}
    body, _ = rewrite(pattern.source, folding.classes, lambda number, _: forms[plan[number]])
    return flag_prefix(pattern.flags) + body, "check" not in plan


class StatementMatcher:
    """Every term list and pattern of the rulesets checked together, by key.

    RE2 sets, run once on each statement (folded: :class:`Folding`), tell which lists and
    patterns the statement holds. A short text (a page, a pre-commit hook's file) is read with
    the patterns' sets and the lists' automaton instead: compiling the lists into sets and
    building their automata's states costs more than the automaton's pass over a few pages
    (:data:`SETS_FROM_CHARACTERS`); both give the same answers. Where they matched is found only
    when asked (a finding's ``{match}``): terms by the automaton, patterns by a search.
    """

    def __init__(self, lists: dict[str, Iterable[str]], patterns: dict[str, CompiledPattern], outside_names: Iterable[str] = ()) -> None:
        """``outside_names``: the lists whose terms do not count inside a name (``terms x (not
        in names)``); the set cannot tell, so where it says such a list matched, the list's
        automaton looks again (most statements have none of their words)."""
        self._lists = lists = {name: list(terms) for name, terms in lists.items()}
        self._outside_names = frozenset(outside_names)
        self._list_automata: dict[str, TermMatcher] = {}
        self.patterns = patterns
        self._parsed = parsed = {name: [parse_term(term) for term in terms] for name, terms in lists.items()}
        in_set = {name: p for name, p in patterns.items() if foldable(p.source)}
        named = [term.core for terms in parsed.values() for term in terms]
        self._folding = folding = Folding(named + [p.source for p in in_set.values()])
        self._fold = folding.fold
        # Set entries: (key, expression, the pattern whose matches a search confirms, or None).
        self._pattern_entries = [
            (name, regex, None if exact else pattern) for name, pattern in in_set.items() for regex, exact in [_set_regex(pattern, folding)]
        ]
        # Most statements have no such token: their words are counted by splitting alone.
        self._pattern_entries.append(
            (LONE_SYMBOLS, f"(?:^| )[\\x00-\\x1f\\x21-\\x2f\\x3a-\\x40\\x5b-\\x60\\x7b-\\x7f\\x{{300}}-\\x{{36f}}{folding.kept}]+(?: |$)", None)
        )
        self._unfolded = [(name, p) for name, p in patterns.items() if name not in in_set]
        self._unfolded_set = re2api.compiled_set(p.regex for _, p in self._unfolded) if self._unfolded else None

    @cached_property
    def _all_sets(self) -> _EntrySets | None:
        """Every term list and pattern in sets (compiled when a long text first needs them);
        None when the lists hold more terms than RE2's memory budget allows: the automaton
        matches them then."""
        if sum(map(len, self._parsed.values())) > _MAX_TERMS_IN_SET:
            return None
        terms = [
            (name, _term_list_regex(terms[start : start + _TERMS_PER_REGEX], self._folding), None)
            for name, terms in self._parsed.items()
            for start in range(0, len(terms), _TERMS_PER_REGEX)
        ]
        try:
            return _EntrySets(terms + self._pattern_entries)
        except re2api.error:  # too large for RE2's memory budget after all
            return None

    @cached_property
    def _pattern_sets(self) -> _EntrySets:
        """The patterns alone in sets, for texts whose lists the automaton matches."""
        return _EntrySets(self._pattern_entries)

    def scan_many(self, texts: Sequence[str]) -> dict[str, list[int]]:
        """For each list or pattern some of ``texts`` (:func:`plain_text` already) hold, and for
        :data:`LONE_SYMBOLS`: their numbers."""
        sets = self._all_sets if sum(map(len, texts)) >= SETS_FROM_CHARACTERS else None
        lists_apart = sets is None and any(self._parsed.values())
        found = (sets or self._pattern_sets).scan_many(texts, self._fold)
        if sets is not None:  # the set cannot tell a name: the list's automaton looks again
            for key in self._outside_names & found.keys():
                kept = [number for number in found[key] if self.term_span(key, texts[number]) is not None]
                if kept:
                    found[key] = kept
                else:
                    del found[key]
        if lists_apart:
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
        return TermMatcher(self._lists, self._outside_names)

    def term_span(self, key: str, text: str) -> tuple[int, int] | None:
        """Where list ``key`` first matches ``text`` (:func:`plain_text` already), found by an
        automaton of that list alone (made when first asked): only its own hits to look at."""
        automaton = self._list_automata.get(key)
        if automaton is None:
            automaton = self._list_automata[key] = TermMatcher({key: self._lists[key]}, self._outside_names & {key})
        return automaton.scan(text, plain=True).get(key)

    def pattern_span(self, key: str, text: str) -> tuple[int, int] | None:
        """Where pattern ``key`` first matches ``text`` (:func:`plain_text` already)."""
        return self.patterns[key].search(text)

    def scan(self, text: str) -> dict[str, tuple[int, int]]:
        """Each list and pattern the text holds, with the span of its first match."""
        flat = plain_text(text)
        terms = self.terms.scan(flat, plain=True)
        return {key: terms[key] if key in terms else self.pattern_span(key, flat) for key in self.scan_many([flat]) if key != LONE_SYMBOLS}


_ENTRIES_PER_SET = 8
"""Set entries run by one RE2 set. RE2 builds a set's DFA as text needs its states; for all
entries as one set, real procurement text needs so many, each a large set of NFA states, that
building them took 1.1 s for the first MB of the corpus's English text (0.02 s once built).
Smaller sets build theirs faster and cost a little more per statement once built: for the lists
and patterns together (long texts), a whole `check --format json` of that MB took 2.00 s at 16 a
set, 1.69 s at 8 and 1.60 s at 4 (best of three, alternately); a second pass over it costs about
50 ms more at 8 than at 16. For the patterns alone (short texts, lists by the automaton): one page
16 → 12 ms, 30 pages 164 → 69 ms at 8; each statement 5.5 µs once built (8.5 at 4, 15 at 2).
Eight serves a single document, which is what a writer, a hook or a request checks, at a small
cost to long batches (bench/README.md)."""


SETS_FROM_CHARACTERS = 100_000
"""Texts of at least this many characters in all (about 30 pages) are read with the term lists
compiled into RE2 sets; shorter ones with the lists' Aho–Corasick automaton. For the first page
the automaton's way takes half the time (no sets to compile, no states to build), and a pass of
either over a few pages takes about as long (bench/README.md)."""


class _EntrySets:
    """Set entries (key, expression, the pattern whose matches a search confirms or None) in RE2
    sets of :data:`_ENTRIES_PER_SET` each."""

    def __init__(self, entries: list[tuple[str, str, CompiledPattern | None]]) -> None:
        self._sets = _compiled_sets([regex for _, regex, _ in entries], _ENTRIES_PER_SET)
        self._keys = [key for key, _, _ in entries]
        self._confirm = {number: pattern for number, (_, _, pattern) in enumerate(entries) if pattern is not None}

    def scan_many(self, texts: Sequence[str], fold: Callable[[str], str]) -> dict[str, list[int]]:
        """For each entry's key, the numbers of the texts (folded by ``fold`` for the sets) it holds."""
        buckets: list[list[int]] = [[] for _ in self._keys]
        sets, confirm = self._sets, self._confirm
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
        return found


def _compiled_sets(regexes: list[str], per_set: int) -> list[tuple[int, Callable[[bytes], object]]]:
    """RE2 sets of at most ``per_set`` of ``regexes`` each, with the number of their first entry
    and the function that matches them (:func:`re2api.set_matcher`)."""
    return [(first, re2api.set_matcher(re2api.compiled_set(regexes[first : first + per_set]))) for first in range(0, len(regexes), per_set)]
