"""Terms: ``"rapport*"`` parsed, and every term of some lists found in one Aho–Corasick pass."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, NamedTuple

import ahocorasick

from ..lazyre import lazy_compile
from .text import IS_WORD, WORD_RUN, is_word_char, plain_text, written_as_name

# Around a text in the automaton's pass: never in a term (terms refuse control characters)
# and not a word character, so word boundaries hold at it.
_SEPARATOR = "\x00"


class Term(NamedTuple):
    """A term as the matcher sees it: lower-case core, wildcard ends (a named tuple: a run parses
    thousands; with a frozen dataclass the one-page check took 1,473 M instructions, now 1,466 M)."""

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


MAX_TERM_LENGTH = 1_000
"""Longest term of a list, far beyond any phrase: the automaton frees its trie one C stack frame
per character of its longest term, and pyahocorasick crashed the process (a segmentation fault)
at a term of 600,000 characters (fewer in a thread with a smaller stack)."""


@lru_cache(maxsize=1 << 16)
def parse_term(term: str) -> Term:
    """``"rapport*"`` → core ``rapport`` with a trailing wildcard; raise on malformed terms.

    Remembered: a run parses the same terms for its automata and the reading of obligations."""
    text = " ".join(plain_text(term).split())
    leading = text.startswith("*")
    trailing = text.endswith("*") and len(text) > 1
    core = text[1 if leading else 0 : -1 if trailing else None].strip()
    if not core:
        raise TermSyntaxError("a term needs at least one character besides '*'")
    if "*" in core:
        raise TermSyntaxError("'*' may only start or end a term ('rapport*' matches rapport, rapporten, ...)")
    if not core.isprintable() and any(ord(c) < 32 for c in core):  # control characters are not printable
        raise TermSyntaxError("a term may not contain control characters")
    if len(core) > MAX_TERM_LENGTH:
        raise TermSyntaxError(f"a term may be at most {MAX_TERM_LENGTH:,} characters long (this one has {len(core):,})")
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


_WORDS = lazy_compile(r"[\w\u0300-\u036f]+")  # runs of what is_word_char accepts


class HeldWords:
    """The words of some texts as the automaton sees them (runs of word characters of their
    :func:`_view`): which terms can occur in them at all, told from a term's first word without
    parsing it (:meth:`may_hold`), and whether another text has only words they have (:meth:`covers`)."""

    def __init__(self, texts: Iterable[str]) -> None:
        """``texts``: :func:`plain_text` already."""
        self._words = frozenset(_WORDS.findall(_SEPARATOR.join(_view(text, plain=True).text for text in texts)))
        self._sorted = sorted(self._words)

    def may_hold(self, term: str) -> bool:
        """False only when no text can hold ``term`` (as :func:`parse_term` reads it): a term
        that starts with a word character and no ``*`` starts a word (its first word whole, or
        with a trailing ``*`` the beginning of one), which the texts must have."""
        written = term.strip().lower()  # parse_term's core is lowered alike; spaces and quotes are no word characters
        first = WORD_RUN.match(written).group()
        if not first:  # a leading "*" or another character first: looked for everywhere
            return True
        if written[len(first) :].strip() == "*":  # "rapport*": some word begins with it
            at = bisect.bisect_left(self._sorted, first)
            return at < len(self._sorted) and self._sorted[at].startswith(first)
        return first in self._words

    def covers(self, text: str) -> bool:
        """Whether every word of ``text`` (:func:`plain_text` already) is one of the texts'."""
        return self._words.issuperset(_WORDS.findall(_view(text, plain=True).text))


# What a hit of one term needs: its length, whether it has a leading and a trailing ``*``,
# whether a word character must not come just before it and just after it, and its lists. A
# plain tuple, keyed by a tuple: an automaton of 3,000 terms makes as many (with a frozen
# dataclass for each, and terms hashed by it, the one-page check took 1,501 M instructions, now 1,473 M).
_Entry = tuple[int, bool, bool, bool, bool, tuple[str, ...]]
# What the automaton keeps for a core (:meth:`TermMatcher._hit`): its length, the bounds and
# lists of its one term without a ``*``, or None and every entry of the core.
_Hit = tuple[int, bool, bool, tuple[str, ...], "tuple[_Entry, ...] | None"]


class TermMatcher:
    """All terms of the given lists in one automaton."""

    def __init__(self, lists: dict[str, Iterable[str]], outside_names: Iterable[str] = ()) -> None:
        """``outside_names``: the lists whose terms do not count where they are written as part
        of a name (:func:`~checker.matching.text.written_as_name`)."""
        self._outside_names = frozenset(outside_names)
        owners: dict[tuple[str, bool, bool], list[str]] = {}  # by the term's fields: a tuple hashes in C
        for list_name, terms in lists.items():
            for term in map(parse_term, terms):
                key = (term.core, term.leading_star, term.trailing_star)
                names = owners.get(key)
                if names is None:
                    owners[key] = [list_name]
                elif list_name not in names:
                    names.append(list_name)
        is_word = IS_WORD
        self._entries: list[_Entry] = [
            (len(core), leading, trailing, not leading and is_word[core[0]], not trailing and is_word[core[-1]], tuple(names))
            for (core, leading, trailing), names in owners.items()
        ]
        by_core: dict[str, list[int]] = {}
        for index, (core, _, _) in enumerate(owners):
            by_core.setdefault(core, []).append(index)
        self._automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY)
        for core, indices in by_core.items():
            self._automaton.add_word(core, self._hit(core, [self._entries[index] for index in indices]))
        self._empty = not by_core
        if not self._empty:
            self._automaton.make_automaton()

    @staticmethod
    def _hit(core: str, entries: list[_Entry]) -> _Hit:
        """What the automaton keeps for a core: its length, and either the bounds and lists of
        its one term without a ``*`` (most terms: a hit inside a word is dropped at once) or,
        for a core that some term with a ``*`` has, each of its entries."""
        if len(entries) == 1 and not entries[0][1] and not entries[0][2]:
            length, _, _, bounded_left, bounded_right, names = entries[0]
            return (length, bounded_left, bounded_right, names, None)
        return (len(core), False, False, (), tuple(entries))

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
        is_word, word_run, offsets = IS_WORD, WORD_RUN.match, view.offsets
        outside_names = self._outside_names  # spans index ``text`` too: plain_text keeps lengths
        for end, (length, bounded_left, bounded_right, names, starred) in self._automaton.iter(haystack):
            if starred is None:  # one term without a *: kept only between word boundaries it asks for
                start = end - length + 1
                if (bounded_left and is_word[haystack[start - 1]]) or (bounded_right and is_word[haystack[end + 1]]):
                    continue
                span = (start - 1, end) if offsets is None else (offsets[start - 1], offsets[end - 1] + 1)
                _record(found, names, span, text, outside_names)
                continue
            for length, leading_star, trailing_star, bounded_left, bounded_right, names in starred:
                start = end - length + 1
                stop = end + 1
                if leading_star:
                    backwards = backwards or haystack[::-1]
                    start = size - word_run(backwards, size - start).end()
                elif bounded_left and is_word[haystack[start - 1]]:
                    continue
                if trailing_star:
                    stop = word_run(haystack, stop).end()
                elif bounded_right and is_word[haystack[stop]]:
                    continue
                span = (start - 1, stop - 1) if offsets is None else (offsets[start - 1], offsets[stop - 2] + 1)
                _record(found, names, span, text, outside_names)
        return found


def _record(found: dict[str, tuple[int, int]], names: tuple[str, ...], span: tuple[int, int], text: str, outside_names: frozenset[str]) -> None:
    """Keep ``span`` as the hit of each of ``names`` where it is the first (the longest of those
    starting first) so far; a list in ``outside_names`` skips a span written as a name."""
    written = None
    for list_name in names:
        if list_name in outside_names:
            if written is None:
                written = written_as_name(text, *span)
            if written:
                continue
        known = found.get(list_name)
        if known is None or span[0] < known[0] or (span[0] == known[0] and span[1] > known[1]):
            found[list_name] = span
