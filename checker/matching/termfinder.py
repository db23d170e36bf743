"""Where the terms of named lists occur in a text, as kravkoll matches terms, in one RE2 pass:
the reading's finder of modals, parties and subordinators (:mod:`checker.reading`)."""

from __future__ import annotations

from functools import cached_property
from typing import Callable, Iterable, Iterator, Mapping

import re2

from . import re2api
from .folding import Folding
from .terms import Term, parse_term
from .text import IS_WORD

_RE2_OPTIONS = re2.Options()
_RE2_OPTIONS.log_errors = False
# RE2's default memory budget (8 MB) is too small for the DFA of a vocabulary ten times the
# shipped one (Unicode word classes make large automata): it falls back to its slow engine
# (checking 300 pages with ten times the terms: 1.7 s at 64 MB, 0.6 s at 256 MB, 0.4 s normally).
_RE2_OPTIONS.max_mem = 256 << 20


_COVERED_WORDS = 1 << 14
"""How many words a finder remembers what :meth:`TermFinder.covers` answered for (a document's
different first words are a few thousand; a bound whatever the input)."""


class _Wildcards:
    """The terms with a ``*`` of a finder's lists: the first list (in order of precedence) that
    has some words as such a term, found by a set lookup per length of the words, however many
    lists and terms there are."""

    def __init__(self) -> None:
        self.beginnings: dict[str, int] = {}  # "rapport*": the first list that has it
        self.endings: dict[str, int] = {}  # "*rapport"
        self.inside: list[tuple[str, int]] = []  # "*rapport*"
        self.lowest = -1
        """The first list with a term with a ``*`` (-1: none has one)."""

    def add(self, term: Term, index: int) -> None:
        """Add a term of list ``index``; lists are added in order of precedence."""
        if term.leading_star and term.trailing_star:
            self.inside.append((term.core, index))
        elif term.leading_star:
            self.endings.setdefault(term.core, index)
        else:
            self.beginnings.setdefault(term.core, index)
        if self.lowest < 0:
            self.lowest = index

    def first(self, words: str, before: int) -> int:
        """The first list before list ``before`` that has ``words`` as a term with a ``*``;
        ``before`` when none has."""
        if self.lowest < 0 or before <= self.lowest:
            return before
        best = before
        if self.beginnings:
            beginning = self.beginnings.get
            for n in range(1, len(words) + 1):
                index = beginning(words[:n], best)
                if index < best:
                    best = index
        if self.endings:
            ending = self.endings.get
            for n in range(len(words)):
                index = ending(words[n:], best)
                if index < best:
                    best = index
        for core, index in self.inside:
            if index < best and core in words:
                best = index
        return best


# RE2 has no look-ahead, and its word boundary \b is ASCII's: a term that ends in a letter
# outside ASCII ("nivå", "då") never ended at one, and one that ends in an ASCII letter ended
# before a letter outside ASCII ("till" in "tillägg", "ut" in "utöka"). A term's end is therefore
# the end of the text or a character that is no word character, taken into the match and given
# back by finditer, which goes on from there (so it can begin the next term).


class _CharOffsets:
    """The character offset of each byte offset of a text's UTF-8 (searches run on the bytes),
    counted on from the last one asked: linear over a text's matches, which come in order."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._byte, self._char = 0, 0

    def of(self, byte: int) -> int:
        if byte >= self._byte:
            self._char += len(self._data[self._byte : byte].decode("utf-8"))
        else:
            self._char -= len(self._data[byte : self._byte].decode("utf-8"))
        self._byte = byte
        return self._char


class TermFinder:
    """Where the terms of one or more named lists occur in a text, as kravkoll matches terms
    (whole words, case-insensitive; ``*`` a word ending or beginning; any white space one or more
    spaces). One RE2 without capture groups finds where (its fast engine: linear in the text
    whatever the number of terms); which list the words belong to is then looked up, in the
    lists' order of precedence."""

    def __init__(self, lists: Mapping[str, Iterable[str]]) -> None:
        alternatives: list[str] = []
        self._lists: list[tuple[str, set[str]]] = []
        self._stars = _Wildcards()
        parsed = {name: [parse_term(term) for term in terms] for name, terms in lists.items()}
        # Text is read folded: word classes of a few ranges compile in a tenth of the time of
        # Unicode classes (5-8 ms each), with the same matches (a one-page English check:
        # 1,939 → 1,675 M instructions).
        self.folding = folding = Folding(term.core for terms in parsed.values() for term in terms)
        start, word = f"(?:^|{folding.nonword})", f"[{folding.classes.inside}]*"
        end = f"(?:$|{folding.nonword})"
        for name, terms in parsed.items():
            kinds: dict[tuple[bool, bool], list[str]] = {}  # (bounded left, bounded right)
            exact: set[str] = set()
            # the longest term first ("is required to" before "is"): RE2 takes the first alternative that matches
            for term in sorted(terms, key=lambda term: -len(term.core)):
                core = r"\s+".join(re2.escape(part) for part in term.core.split(" "))
                core = (word if term.leading_star else "") + core + (word if term.trailing_star else "")
                kinds.setdefault((term.bounded_left, term.bounded_right), []).append(core)
                if term.leading_star or term.trailing_star:
                    self._stars.add(term, len(self._lists))
                else:
                    exact.add(term.core)
            for (left, right), cores in sorted(kinds.items()):
                alternatives.append((start if left else "") + "(?:" + "|".join(cores) + ")" + (end if right else ""))
            self._lists.append((name, exact))
        self._expression = folding.encode("(?i)(?:" + "|".join(alternatives) + ")") if alternatives else None
        # which list words belong to, looked up once: the first list that has them as a term
        # without a star (a list with a starred term of them may still come before it)
        self._first_exact: dict[str, int] = {}
        for index, (_, exact) in enumerate(self._lists):
            for words in exact:
                self._first_exact.setdefault(words, index)

    @cached_property
    def regex(self) -> object | None:
        """What finds the terms in text folded by :attr:`folding` (None: no terms), compiled
        when first searched with: a one-page English check makes 14 finders and searches with
        9 (RE2 takes a few milliseconds for the largest)."""
        return None if self._expression is None else re2.compile(self._expression, _RE2_OPTIONS)

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, list name) of each occurrence, in order."""
        if self.regex is None:
            return
        folded = self.folding.fold(text)  # same length: the spans are the text's
        data = folded.encode("utf-8")  # once: each search goes on in the same bytes
        # ASCII (most statements): byte offsets are character offsets, no counting
        offsets = None if len(data) == len(folded) else _CharOffsets(data)
        search, which, is_word = self._first_match, self._which, IS_WORD  # the reading runs this on every statement with a modal
        position = 0
        while (span := search(data, position)) is not None:
            start, end = span if offsets is None else (offsets.of(span[0]), offsets.of(span[1]))
            if end - start > 1 and not is_word[text[end - 1]] and is_word[text[end - 2]]:
                # the character after a term ("nivå ", "till,") ends the match: given back (it
                # may begin the next term), unless a term ends in it itself ("standard(s)", "t.ex.")
                found = None if text[end - 1].isspace() else which(text, start, end)
                if found is None:
                    found = which(text, start, end - 1)
            else:
                found = which(text, start, end)
            position = span[1] - (len(folded[end - 1].encode("utf-8")) if found is not None and found[1] < end else 0)
            if found is not None:
                yield found

    @cached_property
    def _first_match(self) -> Callable[[bytes, int], tuple[int, int] | None]:
        """Where :attr:`regex` first matches from a position of the folded text's bytes."""
        return re2api.first_match(self.regex)

    def _which(self, text: str, start: int, end: int) -> tuple[int, int, str] | None:
        """The words matched and their list: the match may begin with the character before a
        word that a bounded term takes as its boundary."""
        if start < end and not IS_WORD[text[start]]:
            # the words from a white space on are those after it: looked up once (the reading's
            # finders, 16,983 matches over the English MB, most after a space)
            starts = [start + 1] if text[start].isspace() else [start + 1, start]
        else:
            starts = [start]
        best, best_first = len(self._lists), start
        for first in starts:
            index = self.list_of(" ".join(text[first:end].lower().split()))
            if index < best:  # the first list wins; within it, the first of the starts
                best, best_first = index, first
        return (best_first, end, self._lists[best][0]) if best < len(self._lists) else None

    def list_of(self, words: str) -> int:
        """The number of the first list that has ``words`` (lower case, single spaces) as a
        term; the number of lists when none has."""
        return self._stars.first(words, self._first_exact.get(words, len(self._lists)))

    def search(self, text: str) -> bool:
        return self.regex is not None and self.regex.search(self.folding.fold(text)) is not None

    def covers(self, word: str) -> str | None:
        """The list whose term is the whole of ``word``, if one is. Remembered per finder for
        up to :data:`_COVERED_WORDS` words: the reading asks it of a statement's first words
        (19,261 calls over the English MB, 4,036 different words and finders; 39 ms)."""
        covered = self._covered
        if word in covered:
            return covered[word]
        stripped = word.strip()
        found = next((name for start, end, name in self.finditer(stripped) if start == 0 and end == len(stripped)), None)
        if len(covered) < _COVERED_WORDS:
            covered[word] = found
        return found

    @cached_property
    def _covered(self) -> dict[str, str | None]:
        """What :meth:`covers` answered, by the word asked."""
        return {}
