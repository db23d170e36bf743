"""Every term list and pattern of the rulesets checked together, once per statement.

The patterns are run in RE2 sets on each statement; the term lists by one Aho–Corasick
automaton (:class:`~checker.matching.terms.TermMatcher`) over it. Word boundaries are
Unicode-aware (å, ä, ö are letters): the sets read statements *folded*
(:class:`~checker.matching.folding.Folding`) so that their word classes stay small, and decide a
pattern's ``\\b`` themselves wherever the pattern shows what stands on either side
(:func:`~checker.matching.boundaries.boundary_plan`); the few matches they cannot decide are
confirmed by a search. Where a list or pattern matched is found only when a finding needs it:
terms by an automaton of that list, patterns by a search.

The lists were once compiled into the sets too (for texts over 30 pages): measured on the
corpus's real MB of English, the automaton's pass takes less time on the first pass (a whole
``check --format json`` 1.70–1.89 s with the lists in sets of 8, 1.21–1.37 s without) and on
later ones (check alone, warm: 708–736 ms, 556–569 ms), on generated text and with ten times the
terms as well (bench/README.md), with the same answers.
"""

from __future__ import annotations

from functools import cached_property
from typing import Callable, Iterable, Sequence

from . import re2api
from .folding import Folding, foldable
from .patterns import CompiledPattern
from .rewrite import flag_prefix, rewrite
from .terms import TermMatcher
from .text import plain_text

LONE_SYMBOLS = "\x00lone symbols"
""":class:`StatementMatcher` key of the statements with a token of no letter or digit ("-", "§")."""


def _set_regex(pattern: CompiledPattern, folding: Folding) -> tuple[str, bool]:
    """A pattern as the set runs it on folded text, and whether the set's answer is exact (else
    each match it reports is confirmed by a search)."""
    plan = pattern.plan
    forms = {"hold": "", "start": f"(?:^|{folding.nonword})", "end": f"(?:{folding.nonword}|$)", "check": "()"}
    body, _ = rewrite(pattern.source, folding.classes, lambda number, _: forms[plan[number]])
    return flag_prefix(pattern.flags) + body, "check" not in plan


class StatementMatcher:
    """Every term list and pattern of the rulesets checked together, by key.

    RE2 sets of the patterns, run once on each statement (folded: :class:`Folding`), and the
    lists' automaton tell which lists and patterns the statement holds. Where they matched is
    found only when asked (a finding's ``{match}``): terms by the list's own automaton, patterns
    by a search.
    """

    def __init__(self, lists: dict[str, Iterable[str]], patterns: dict[str, CompiledPattern], outside_names: Iterable[str] = ()) -> None:
        """``outside_names``: the lists whose terms do not count inside a name (``terms x (not
        in names)``); the automata leave those matches out."""
        self._lists = {name: list(terms) for name, terms in lists.items()}
        self._outside_names = frozenset(outside_names)
        self._list_automata: dict[str, TermMatcher] = {}
        self.patterns = patterns
        self._has_terms = any(self._lists.values())
        in_set = {name: p for name, p in patterns.items() if foldable(p.source)}
        folding = Folding([p.source for p in in_set.values()])
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
    def _pattern_sets(self) -> _EntrySets:
        """The patterns in sets, compiled when a text first needs them."""
        return _EntrySets(self._pattern_entries)

    def scan_many(self, texts: Sequence[str]) -> dict[str, list[int]]:
        """For each list or pattern some of ``texts`` (:func:`plain_text` already) hold, and for
        :data:`LONE_SYMBOLS`: their numbers."""
        found = self._pattern_hits(texts)
        if self._has_terms:
            scan = self.terms.scan
            for number, text in enumerate(texts):
                for name in scan(text, plain=True):
                    found.setdefault(name, []).append(number)
        return found

    def _pattern_hits(self, texts: Sequence[str]) -> dict[str, list[int]]:
        """For each pattern some of ``texts`` hold, and for :data:`LONE_SYMBOLS`: their numbers."""
        found = self._pattern_sets.scan_many(texts, self._fold)
        if self._unfolded_set is not None:
            for number, text in enumerate(texts):
                for index in self._unfolded_set.Match(text.encode("utf-8")) or ():
                    name, pattern = self._unfolded[index]
                    if pattern.search(text) is not None:
                        found.setdefault(name, []).append(number)
        return found

    @cached_property
    def terms(self) -> TermMatcher:
        """Every list in one automaton: which lists a statement holds (:meth:`scan_many`, :meth:`scan`)."""
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
        spans = self.terms.scan(flat, plain=True)  # the automaton once: which lists, and where
        spans.update((key, self.pattern_span(key, flat)) for key in self._pattern_hits([flat]) if key != LONE_SYMBOLS)
        return spans


_ENTRIES_PER_SET = 6
"""Patterns run by one RE2 set. RE2 builds a set's DFA as text needs its states; a short text
needs many new ones, and those of smaller sets are built faster: compiled and run once over 30
pages of English, 164 ms at 16 a set, 69 ms at 8 (54 at 4, 35 at 2); once built, a statement
costs 5.5 µs at 8 (8.5 at 4, 15 at 2). With the 49 patterns of the English rulesets (fifth
round), the first pass over the corpus's real English MB (12,885 statements, a loop over the
sets) took 233–258 ms at 8 a set, 182–207 at 6, 203–207 at 5, 184–237 at 4, a later pass 84–93 ms
at 8 and 6, 102–122 at 5 and 4: six serves a single document, which is what a writer, a hook or
a request checks, at no cost to long batches (bench/README.md)."""


class _EntrySets:
    """Set entries (key, expression, the pattern whose matches a search confirms or None; one
    entry a key) in RE2 sets of :data:`_ENTRIES_PER_SET` each."""

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
        return {key: bucket for key, bucket in zip(self._keys, buckets) if bucket}


def _compiled_sets(regexes: list[str], per_set: int) -> list[tuple[int, Callable[[bytes], object]]]:
    """RE2 sets of at most ``per_set`` of ``regexes`` each, with the number of their first entry
    and the function that matches them (:func:`re2api.set_matcher`)."""
    return [(first, re2api.set_matcher(re2api.compiled_set(regexes[first : first + per_set]))) for first in range(0, len(regexes), per_set)]
