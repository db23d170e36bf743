"""Every term list and pattern of the rulesets checked together, once per statement.

The patterns are run by RE2's filtered matching on each statement (their literal words looked
for first); the term lists by one Aho–Corasick automaton
(:class:`~checker.matching.terms.TermMatcher`) over it. Word boundaries are
Unicode-aware (å, ä, ö are letters): the patterns read statements *folded*
(:class:`~checker.matching.folding.Folding`) so that their word classes stay small, and decide a
pattern's ``\\b`` in the pattern wherever it shows what stands on either side
(:func:`~checker.matching.boundaries.boundary_plan`); the few matches that cannot be decided so are
confirmed by a search. Where a list or pattern matched is found only when a finding needs it:
terms by an automaton of that list, patterns by a search.

The lists were once compiled into the patterns' RE2 sets too (for texts over 30 pages): measured on the
corpus's real MB of English, the automaton's pass takes less time on the first pass (a whole
``check --format json`` 1.70–1.89 s with the lists in sets of 8, 1.21–1.37 s without) and on
later ones (check alone, warm: 708–736 ms, 556–569 ms), on generated text and with ten times the
terms as well (bench/README.md), with the same answers.
"""

from __future__ import annotations

from functools import cached_property
from typing import Callable, Iterable, Sequence

from . import re2api
from .boundaries import known_words, texts_holding
from .folding import Folding, foldable
from .patterns import CompiledPattern
from .rewrite import flag_prefix, rewrite
from .terms import HeldWords, TermMatcher
from .text import plain_text

_SHORT_TEXTS = 20_000
"""Characters of the first texts scanned up to which their filter holds only the patterns whose
words they hold (:meth:`StatementMatcher._first_filter`): beyond, nearly every pattern's are there."""

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

    The patterns, filtered by their literal words and run once on each statement (folded:
    :class:`Folding`), and the lists' automaton tell which lists and patterns the statement
    holds. Where they matched is found only when asked (a finding's ``{match}``): terms by the
    list's own automaton, patterns by a search.
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
        self._folding = folding
        self._set_patterns = list(in_set.items())
        """(key, pattern) of the patterns the filter runs; their entries are worked out when a filter needs them (:meth:`_entries`)."""
        # The words each needs (:func:`needed_words`, as the cache of rulesets recorded them; None: none known)
        self._entry_words = [known_words(pattern.source) for pattern in in_set.values()]
        # Most statements have no such token: their words are counted by splitting alone.
        self._lone_symbols = (
            LONE_SYMBOLS,
            f"(?:^| )[\\x00-\\x1f\\x21-\\x2f\\x3a-\\x40\\x5b-\\x60\\x7b-\\x7f\\x{{300}}-\\x{{36f}}{folding.kept}]+(?: |$)",
            None,
        )
        self._scanned = False
        self._first_terms: tuple[TermMatcher, HeldWords] | None = None
        self._unfolded = [(name, p) for name, p in patterns.items() if name not in in_set]
        self._unfolded_set = re2api.compiled_set(p.regex for _, p in self._unfolded) if self._unfolded else None

    @cached_property
    def _pattern_filter(self) -> _EntryFilter:
        """The patterns in one filter, compiled when a text first needs them."""
        return _EntryFilter(self._entries(self._set_patterns))

    def _entries(self, patterns: Iterable[tuple[str, CompiledPattern]]) -> list[tuple[str, str, CompiledPattern | None]]:
        """The set entries of these patterns and of :data:`LONE_SYMBOLS`: (key, expression, the
        pattern whose matches a search confirms, or None). Worked out for the patterns a filter
        runs only (a one-page check runs about half of them)."""
        entries = [(name, regex, None if exact else pattern) for name, pattern in patterns for regex, exact in [_set_regex(pattern, self._folding)]]
        return [*entries, self._lone_symbols]

    def scan_many(self, texts: Sequence[str]) -> dict[str, list[int]]:
        """For each list or pattern some of ``texts`` (:func:`plain_text` already) hold, and for
        :data:`LONE_SYMBOLS`: their numbers."""
        first = not self._scanned
        found = self._pattern_hits(texts)
        if self._has_terms:
            scan = (self._first_term_matcher(texts) if first else self.terms).scan
            for number, text in enumerate(texts):
                for name in scan(text, plain=True):
                    found.setdefault(name, []).append(number)
        return found

    def _first_filter(self, texts: Sequence[str]) -> _EntryFilter:
        """The filter for the first texts the matcher scans: when they are short (a one-page
        check), one of only the patterns whose needed words they hold (or that need none), as a
        pattern without them cannot match; else, and for all later texts, every pattern's.

        Building the filter is most of a one-page check's matching (RE2 compiles each pattern
        as it is added); a page holds the words of about half the English patterns."""
        self._scanned = True
        if sum(map(len, texts)) > _SHORT_TEXTS or all(words is None for words in self._entry_words):
            return self._pattern_filter
        held = texts_holding(texts)
        return _EntryFilter(
            self._entries(pattern for pattern, words in zip(self._set_patterns, self._entry_words) if words is None or any(word in held for word in words))
        )

    def _pattern_hits(self, texts: Sequence[str]) -> dict[str, list[int]]:
        """For each pattern some of ``texts`` hold, and for :data:`LONE_SYMBOLS`: their numbers."""
        found = (self._pattern_filter if self._scanned else self._first_filter(texts)).scan_many(texts, self._fold)
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

    def _first_term_matcher(self, texts: Sequence[str]) -> TermMatcher:
        """The automaton for the first texts the matcher scans: when they are short (a one-page
        check), one of only the terms whose first word they hold (:class:`HeldWords`), as
        :meth:`_first_filter` does for the patterns; else every term's.

        Parsing the shipped English lists' 3,263 terms and building their automaton took some
        20 ms of a one-page check on a loaded machine (a page holds the first words of 655 of
        them: 3 ms); other texts of the document with words the page has not (a table's header)
        are scanned by the whole automaton (:meth:`term_scan`)."""
        if sum(map(len, texts)) > _SHORT_TEXTS:
            return self.terms
        held = HeldWords(texts)
        automaton = TermMatcher({name: [term for term in terms if held.may_hold(term)] for name, terms in self._lists.items()}, self._outside_names)
        self._first_terms = (automaton, held)
        return automaton

    def term_scan(self, text: str) -> dict[str, tuple[int, int]]:
        """Each list ``text`` (:func:`plain_text` already) holds, with the span of its first
        match: by the automaton of the first texts' terms where it holds every word of ``text``
        (and so finds all of its terms), else by every list's."""
        first = self._first_terms
        if first is not None and "terms" not in self.__dict__ and first[1].covers(text):
            return first[0].scan(text, plain=True)
        return self.terms.scan(text, plain=True)

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
        spans = self.term_scan(flat)  # the automaton once: which lists, and where
        spans.update((key, self.pattern_span(key, flat)) for key in self._pattern_hits([flat]) if key != LONE_SYMBOLS)
        return spans


class _EntryFilter:
    """Set entries (key, expression, the pattern whose matches a search confirms or None; one
    entry a key), run together by RE2's filtered matching (:func:`re2api.filter_matcher`).

    They were once run in RE2 sets of six: a statement then cost a call per set (eleven sets
    for the 65 patterns of the English rulesets, sixth round), each set's DFA built as text
    needed its states. Most statements hold the literal words of few patterns, so a filter
    that looks for those words first and runs only the patterns whose words are there does less:
    over the 12,885 statements of the corpus's real English MB, built and run once, 15 ms +
    316–345 ms in sets of six against 19 ms + 116–119 ms filtered (a later pass 139–152 ms
    against 80–82 ms), with the same answers (bench/README.md, "Seventh round").
    """

    def __init__(self, entries: list[tuple[str, str, CompiledPattern | None]]) -> None:
        regexes = [regex for _, regex, _ in entries]
        filtered = [number for number, regex in enumerate(regexes) if len(regex) <= _FILTERED_LENGTH]
        in_sets = [number for number, regex in enumerate(regexes) if len(regex) > _FILTERED_LENGTH]
        # Each matcher: the entry numbers it runs, and what it answers for a text (positions in them).
        self._matchers: list[tuple[list[int], Callable[[bytes], Sequence[int] | None]]] = []
        if filtered:
            try:
                self._matchers.append((filtered, re2api.filter_matcher(regexes[number] for number in filtered)))
            except re2api.error:  # its set of literal words over RE2's budget (some 12,000 patterns): all in sets
                in_sets = list(range(len(regexes)))
        for first in range(0, len(in_sets), _ENTRIES_PER_SET):
            numbers = in_sets[first : first + _ENTRIES_PER_SET]
            self._matchers.append((numbers, re2api.set_matcher(re2api.compiled_set(regexes[number] for number in numbers))))
        self._keys = [key for key, _, _ in entries]
        self._confirm = {number: pattern for number, (_, _, pattern) in enumerate(entries) if pattern is not None}

    def scan_many(self, texts: Sequence[str], fold: Callable[[str], str]) -> dict[str, list[int]]:
        """For each entry's key, the numbers of the texts (folded by ``fold`` for the filter) it holds."""
        buckets: list[list[int]] = [[] for _ in self._keys]
        matchers, confirm = self._matchers, self._confirm
        for number, text in enumerate(texts):
            if not text:
                continue
            data = fold(text).encode("utf-8")
            for numbers, match in matchers:
                for position in match(data) or ():
                    index = numbers[position]
                    if index not in confirm or confirm[index].search(text) is not None:
                        buckets[index].append(number)
        return {key: bucket for key, bucket in zip(self._keys, buckets) if bucket}


_FILTERED_LENGTH = 10_000
"""Longest pattern (as the set reads it) the filter takes: working out the literal words of a
pattern grows faster than its length (one alternation of 5,000 words: 0.15 s, of 25,000: 11 s;
the shipped patterns are at most 4,000 characters). Longer ones run in RE2 sets, as all do
when the filter's set of words exceeds RE2's memory budget."""
_ENTRIES_PER_SET = 6
"""Patterns run by one RE2 set where the filter does not take them (:data:`_FILTERED_LENGTH`):
six served one document best when all patterns ran in sets (bench/README.md, "Sixth round")."""
