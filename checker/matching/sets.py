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

from bisect import bisect_right
from functools import cached_property
from typing import Callable, Iterable, Sequence

from ..lazyre import lazy_compile
from . import re2api
from .boundaries import known_also_needed, known_words, needs_no_words, texts_holding
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
        self._entry_also = [known_also_needed(pattern.source) for pattern in in_set.values()]  # more of what each needs, for a page's filter
        # Most statements have no such token: their words are counted by splitting alone.
        self._lone_symbols = (
            LONE_SYMBOLS,
            f"(?:^| )[\\x00-\\x1f\\x21-\\x2f\\x3a-\\x40\\x5b-\\x60\\x7b-\\x7f\\x{{300}}-\\x{{36f}}{folding.kept}]+(?: |$)",
            None,
            True,
        )
        self._scanned = False
        self._first_texts: Sequence[str] = ()
        self._first_terms: tuple[TermMatcher, HeldWords] | None = None
        self._unfolded = [(name, p) for name, p in patterns.items() if name not in in_set]
        self._unfolded_set = re2api.compiled_set(p.regex for _, p in self._unfolded) if self._unfolded else None

    @cached_property
    def _pattern_filter(self) -> _EntryFilter:
        """The patterns in one filter, compiled when a text first needs them (the first texts
        scanned tell which patterns they hold too often to be searched for joined)."""
        return _EntryFilter(self._entries(self._set_patterns), self._first_texts, self._fold)

    def _entries(self, patterns: Iterable[tuple[str, CompiledPattern]], joined: bool = True) -> list[_Entry]:
        """The set entries of these patterns and of :data:`LONE_SYMBOLS`: (key, expression, the
        pattern whose matches a search confirms, or None, and whether it is known to need no
        word the filter could look for; with ``joined`` False, none is said to: all are left to
        the filter). Worked out for the patterns a filter runs only (a one-page check runs about
        half of them)."""
        entries = [
            (name, regex, None if exact else pattern, joined and needs_no_words(pattern.source))
            for name, pattern in patterns
            for regex, exact in [_set_regex(pattern, self._folding)]
        ]
        return [*entries, self._lone_symbols if joined else (*self._lone_symbols[:3], False)]

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
        self._first_texts = texts
        if sum(map(len, texts)) > _SHORT_TEXTS or all(words is None and not also for words, also in zip(self._entry_words, self._entry_also)):
            return self._pattern_filter
        held = texts_holding(texts)
        # A page's few statements are searched by the filter alone: searched joined, the
        # entries that need no word would each be compiled apart, and each found compile its
        # reverse program for the match's start (a one-page check: 1,481 M instructions, 1,486 M with them joined).
        return _EntryFilter(
            self._entries(
                (
                    pattern
                    for pattern, words, also in zip(self._set_patterns, self._entry_words, self._entry_also)
                    if (words is None or any(word in held for word in words)) and all(any(word in held for word in group) for group in also)
                ),
                joined=False,
            )
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


_Entry = tuple[str, str, "CompiledPattern | None", bool]
"""A set entry: its key, its expression (on folded text), the pattern whose matches a search
confirms (None: the expression's answer is exact), and whether it is known to need no word the
filter could look for first (:func:`~checker.matching.boundaries.needs_no_words`: as the cache
of compiled rulesets recorded it; a pattern not recorded is left to the filter)."""


class _EntryFilter:
    """Set entries (:data:`_Entry`; one entry a key), run together by RE2's filtered matching
    (:func:`re2api.filter_matcher`), but those that need no word the filter can look for, which
    are searched for through all the texts at once (:class:`_TextsSearch`).

    They were once run in RE2 sets of six: a statement then cost a call per set (eleven sets
    for the 65 patterns of the English rulesets, sixth round), each set's DFA built as text
    needed its states. Most statements hold the literal words of few patterns, so a filter
    that looks for those words first and runs only the patterns whose words a statement holds does less:
    over the 12,885 statements of the corpus's real English MB, built and run once, 15 ms +
    316–345 ms in sets of six against 19 ms + 116–119 ms filtered (a later pass 139–152 ms
    against 80–82 ms), with the same answers (bench/README.md, "Seventh round").

    The filter runs a pattern without a literal atom of three characters (a digit, a table's
    "|", "is", "AC": 29 of the 266 English entries) on every statement, a fixed cost of RE2's
    per search: some 0.2 s of the first pass over the English MB's 12,867 statements, 0.47 s in
    all. Searched through the statements joined instead (one search per statement that holds
    a match, not per statement), most of them take 1–3 ms each (bench/README.md, "Seventeenth
    round").
    """

    def __init__(self, entries: list[_Entry], sample: Sequence[str] = (), fold: Callable[[str], str] = str) -> None:
        """``sample``: texts like those to be scanned (the first ones), which tell whether an
        entry that needs no word is held by so many that the filter runs it for less (a
        statement's first words: all of them), by ``fold``."""
        regexes = [regex for _, regex, _, _ in entries]
        self._searches: list[tuple[int, _TextsSearch]] = []
        candidates = [number for number, entry in enumerate(entries) if entry[3] and _TextsSearch.takes(entry[1])]
        if candidates:
            step = max(1, len(sample) // _SAMPLE)
            joined = _JoinedTexts([fold(text).encode("utf-8") for text in sample[::step] if text])
            for number in candidates:
                try:
                    search = _TextsSearch(regexes[number])
                except re2api.error:  # RE2 refuses it written for joined texts (too large): filtered
                    continue
                most = len(joined.starts) // _TextsSearch.DENSE
                if len(search.holding(joined, most)) <= most:
                    self._searches.append((number, search))
        everywhere = {number for number, _ in self._searches}
        rest = [number for number in range(len(entries)) if number not in everywhere]
        filtered = [number for number in rest if len(regexes[number]) <= _FILTERED_LENGTH]
        in_sets = [number for number in rest if len(regexes[number]) > _FILTERED_LENGTH]
        # Each matcher: the entry numbers it runs, and what it answers for a text (positions in them).
        self._matchers: list[tuple[list[int], Callable[[bytes], Sequence[int] | None]]] = []
        if filtered:
            try:
                self._matchers.append((filtered, re2api.filter_matcher(regexes[number] for number in filtered)))
            except re2api.error:  # its set of literal words over RE2's budget (some 12,000 patterns): all in sets
                in_sets, self._searches = list(range(len(regexes))), []
        for first in range(0, len(in_sets), _ENTRIES_PER_SET):
            numbers = in_sets[first : first + _ENTRIES_PER_SET]
            self._matchers.append((numbers, re2api.set_matcher(re2api.compiled_set(regexes[number] for number in numbers))))
        self._keys = [key for key, _, _, _ in entries]
        self._confirm = {number: pattern for number, (_, _, pattern, _) in enumerate(entries) if pattern is not None}

    def scan_many(self, texts: Sequence[str], fold: Callable[[str], str]) -> dict[str, list[int]]:
        """For each entry's key, the numbers of the texts (folded by ``fold`` for the filter) it holds."""
        buckets: list[list[int]] = [[] for _ in self._keys]
        matchers, confirm = self._matchers, self._confirm
        numbers: list[int] = []  # of the texts that are not empty
        datas: list[bytes] = []
        for number, text in enumerate(texts):
            if not text:
                continue
            data = fold(text).encode("utf-8")
            numbers.append(number)
            datas.append(data)
            for runs, match in matchers:
                for position in match(data) or ():
                    index = runs[position]
                    if index not in confirm or confirm[index].search(text) is not None:
                        buckets[index].append(number)
        if self._searches and datas:
            joined = _JoinedTexts(datas)
            for index, search in self._searches:
                pattern = confirm.get(index)
                buckets[index] = [numbers[held] for held in search.holding(joined) if pattern is None or pattern.search(texts[numbers[held]]) is not None]
        return {key: bucket for key, bucket in zip(self._keys, buckets) if bucket}


class _JoinedTexts:
    """Texts (folded, UTF-8) joined by :data:`_BETWEEN`, with where each starts and ends."""

    def __init__(self, datas: list[bytes]) -> None:
        self.datas = datas
        self.data = _BETWEEN.join(datas)
        self.starts: list[int] = []
        self.ends: list[int] = []
        at = 0
        for data in datas:
            self.starts.append(at)
            at += len(data)
            self.ends.append(at)
            at += len(_BETWEEN)
        self.lines = any(b"\n" in data for data in datas)
        """Whether a text has a line break of its own (where ``^`` and ``$`` of joined texts hold, but not of its own)."""


_FLAGS_OFF = lazy_compile(r"\(\?[A-Za-z]*-")
"""A flag group that turns a flag off (``(?-m)``, ``(?i-m:…)``); an escaped parenthesis followed
by these is taken for one too: that expression is left to the filter."""

_BETWEEN = b"\n\xff\n"
"""Between two texts joined (:class:`_JoinedTexts`): a line break on each side, where ``(?m)^``
and ``(?m)$`` hold as at a text's start and end, around a byte that is no character's UTF-8
(no class or ``.`` of RE2's matches it, so no match crosses it)."""


class _TextsSearch:
    """Which texts an expression matches (a search of each, as the filter runs it), found by
    searching the texts joined (:class:`_JoinedTexts`) in multi-line mode, from the start of one
    text to the first match after it: one search per text that holds a match and one more, not
    one per text. A match found in a text's span is one of the text's own (its ``^`` and ``$``
    hold there as at the text's ends, where no text has a line break of its own); one that runs
    into what joins the texts is checked by a search of the text alone. Where most texts hold a
    match (a statement's first words), each text is searched alone from there on.

    Every match of the expression in a text is a match in the joined texts at the same place, so
    a search from a text's start finds a match at its first one or before: no text is passed over."""

    _SEARCHED_ALONE_AFTER = 1024
    """Texts holding a match before each text is searched alone, when one in :data:`DENSE` does
    (a document unlike the texts :class:`_EntryFilter` sampled)."""
    DENSE = 5
    """One text in this many holding a match, or more: searching joined texts costs more than a
    search of each text by the filter (measured on the English MB: a statement's first words,
    held by all of them, 44 ms joined against 12 ms by searches from Python; a modal, by 45 %,
    20 ms against 14; lone symbols, by 10 %, 7 ms against 12)."""

    def __init__(self, regex: str) -> None:
        self._joined = re2api.first_match(re2api.compile_regex("(?m)" + regex, capture=False))
        self._regex = regex
        self._alone: Callable[[bytes, int], tuple[int, int] | None] | None = None

    @staticmethod
    def takes(regex: str) -> bool:
        """Whether the expression matches in joined texts wherever it does in each text: no
        ``\\A`` or ``\\z`` (which hold only at the joined texts' ends) and no flag group
        that could turn multi-line mode off."""
        return "\\A" not in regex and "\\z" not in regex and _FLAGS_OFF.search(regex) is None

    def alone(self, data: bytes) -> bool:
        """Whether one text holds a match."""
        if self._alone is None:
            self._alone = re2api.first_match(re2api.compile_regex(self._regex, capture=False))
        return self._alone(data, 0) is not None

    def holding(self, joined: _JoinedTexts, most: int | None = None) -> list[int]:
        """The positions of the texts that hold a match, in order; with ``most``, no more than
        one past it (enough to tell that more than ``most`` hold one)."""
        found: list[int] = []
        search, data, starts, ends, datas = self._joined, joined.data, joined.starts, joined.ends, joined.datas
        count = len(starts)
        held = 0
        while held < count:
            if most is not None:
                if len(found) > most:
                    break
            elif len(found) >= self._SEARCHED_ALONE_AFTER and len(found) * self.DENSE > held:
                found.extend(position for position in range(held, count) if self.alone(datas[position]))
                break
            span = search(data, starts[held])
            if span is None:
                break
            held = bisect_right(starts, span[0], held) - 1
            if (span[1] <= ends[held] and not joined.lines) or self.alone(datas[held]):
                found.append(held)
            held += 1
        return found


_SAMPLE = 512
"""Texts (spread evenly over the first texts scanned) that tell which entries are held too often
to be searched for joined (:attr:`_TextsSearch.DENSE`)."""

_FILTERED_LENGTH = 10_000
"""Longest pattern (as the set reads it) the filter takes: working out the literal words of a
pattern grows faster than its length (one alternation of 5,000 words: 0.15 s, of 25,000: 11 s;
the shipped patterns are at most 4,000 characters). Longer ones run in RE2 sets, as all do
when the filter's set of words exceeds RE2's memory budget."""
_ENTRIES_PER_SET = 6
"""Patterns run by one RE2 set where the filter does not take them (:data:`_FILTERED_LENGTH`):
six served one document best when all patterns ran in sets (bench/README.md, "Sixth round")."""
