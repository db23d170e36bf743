"""The term lists and patterns of rulesets checked together, and what they match in a document.

Every term list and pattern of the rulesets checked together is matched once on each statement
(:class:`~checker.matching.StatementMatcher`: the patterns by RE2's filtered matching, the lists by one
Aho–Corasick automaton), which gives every list's and pattern's set of statements; a list or pattern that
several rulesets define alike (an extended ruleset's, a common inline list) is matched once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Sequence

from ..matching import LONE_SYMBOLS, StatementMatcher, compile_pattern, plain_text, word_count
from ..rulemodel import Ruleset

if TYPE_CHECKING:
    from ..reading import DocumentReading
    from .index import DocumentIndex

EMPTY: frozenset[int] = frozenset()


@dataclass
class SharedMatcher:
    """The term lists and patterns of rulesets checked together, in one matcher: a list or
    pattern that several of them define alike (an extended ruleset's, a common inline list) is
    matched once per document, not once per ruleset."""

    matcher: StatementMatcher
    list_keys: list[dict[str, str]]  # per ruleset: list name → key in ``matcher``
    pattern_keys: list[dict[str, str]]  # per ruleset: pattern name → key in ``matcher``

    def matches(self, index: DocumentIndex) -> DocumentMatches:
        """Which statements of the document each list and pattern holds."""
        return DocumentMatches(self.matcher, index.flat_texts)


class DocumentMatches:
    """Which statements each list and pattern (by key) of a shared matcher holds in one document;
    where it matched is found when a finding asks, once per statement."""

    def __init__(self, matcher: StatementMatcher, texts: Sequence[str]) -> None:
        self.matcher = matcher
        self.texts = texts
        self.statements = {key: frozenset(numbers) for key, numbers in matcher.scan_many(texts).items()}
        self._spans: dict[tuple[str, int], tuple[int, int] | None] = {}
        self._lone_symbols = self.statements.pop(LONE_SYMBOLS, EMPTY)
        self.readings: dict[tuple, DocumentReading] = {}
        """The reading of obligations (:mod:`checker.reading`) by its vocabulary's list keys."""
        self.results: dict[tuple, frozenset[int]] = {}
        """Statements of each condition, by its shape (:meth:`Classification.shape`): rulesets that
        extend one another share most of their conditions, which are then evaluated once."""
        self._lists_in: dict[str, frozenset[str]] = {}
        self._patterns_in: dict[tuple[str, str], bool] = {}

    def lists_in(self, text: str) -> frozenset[str]:
        """The keys of the lists a text of the document that is no statement holds (a table's
        header, a clause's title): the lists' automaton alone, each text once for all the
        rulesets (the matcher's full scan also ran the patterns and searched each hit: a
        fifth of the check of a long document with many clause titles)."""
        found = self._lists_in.get(text)
        if found is None:
            found = self._lists_in[text] = frozenset(self.matcher.term_scan(plain_text(text)))
        return found

    def patterns_in(self, text: str, keys: Iterable[str]) -> frozenset[str]:
        """Those of the patterns ``keys`` that a text of the document that is no statement holds
        (a table's header, a clause's title): a pattern named in ``topics``; each text and
        pattern searched once."""
        flat = None
        found: set[str] = set()
        for key in keys:
            hit = self._patterns_in.get((key, text))
            if hit is None:
                flat = plain_text(text) if flat is None else flat
                hit = self._patterns_in[key, text] = self.matcher.pattern_span(key, flat) is not None
            if hit:
                found.add(key)
        return frozenset(found)

    def more_words_than(self, number: int, limit: int) -> bool:
        """Whether statement ``number`` has more than ``limit`` words (:func:`word_count`);
        most statements are answered by splitting off no more than ``limit`` + 1 words."""
        text = self.texts[number]
        if number in self._lone_symbols:
            return word_count(text) > limit
        return len(text.split(None, limit)) > limit if limit >= 0 else True

    def span(self, key: str, number: int) -> tuple[int, int] | None:
        """Where list or pattern ``key`` first matches statement ``number`` (found once)."""
        found = self._spans.get((key, number), False)
        if found is False:
            locate = self.matcher.pattern_span if key in self.matcher.patterns else self.matcher.term_span
            found = self._spans[key, number] = locate(key, self.texts[number])
        return found

    def span_from(self, key: str, number: int, start: int) -> tuple[int, int] | None:
        """Where list or pattern ``key`` first matches statement ``number`` at or after offset
        ``start`` (not remembered: asked only of the few statements a purpose clause opens)."""
        locate = self.matcher.pattern_span if key in self.matcher.patterns else self.matcher.term_span
        found = locate(key, self.texts[number][start:])
        return None if found is None else (found[0] + start, found[1] + start)


def build_shared(rulesets: Sequence[Ruleset]) -> SharedMatcher:
    """The shared matcher of rulesets checked together (compiled now: its owner keeps it)."""
    patterns: dict[tuple[str, str], str] = {}
    lists: dict[tuple[tuple[str, ...], bool], str] = {}
    list_keys = [
        {name: lists.setdefault((tuple(sorted(set(entry.terms))), entry.outside_names), f"t{len(lists)}") for name, entry in ruleset.lists.items()}
        for ruleset in rulesets
    ]
    pattern_keys = [{name: patterns.setdefault((p.source, p.flags), f"p{len(patterns)}") for name, p in ruleset.patterns.items()} for ruleset in rulesets]
    return SharedMatcher(
        matcher=StatementMatcher(
            {key: terms for (terms, _), key in lists.items()},
            {key: compile_pattern(source, flags) for (source, flags), key in patterns.items()},
            outside_names=[key for (_, outside_names), key in lists.items() if outside_names],
        ),
        list_keys=list_keys,
        pattern_keys=pattern_keys,
    )
