"""Text *folded* for RE2: each non-ASCII character that is not a word character and that no term
or pattern names becomes one control character, so that "a word character" and "not a word
character" are a few byte ranges for RE2 instead of Unicode tables.

RE2 compiles a class such as ``[\\p{L}\\p{N}_]`` into a large automaton (some 5–10 ms per
expression, and as much again for the reverse automaton a search for a match's start needs,
and its DFA states are large): the statement sets (:mod:`.sets`), pattern searches
(:mod:`.patterns`) and the reading's finder (:mod:`.termfinder`) read folded text with folded
classes instead, and find the same matches at the same character offsets (folding replaces one
character by one).

The non-word characters the terms or patterns do name ("€", "–", "’") are *coded*: each becomes a
control character of its own in the folded text, and in the expressions that read it
(:meth:`Folding.encode`), so that the classes hold ASCII alone. A class with such characters
compiles to a UTF-8 automaton of its own wherever it stands (every \\b of every pattern): the 65
English patterns' filter took 1.7 times as long to build with the ten characters in their classes.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Iterator

from ..lazyre import lazy_compile
from .rewrite import WordClasses
from .text import is_word_char

_ASCII_NONWORD = r"\x00-\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\x7f"
FOLDED = "\x01"
"""What a folded character becomes (not a word character, and no term or pattern names it)."""


class Folding:
    """Text as a set, search or finder reads it: each non-ASCII character that is not a word
    character and that no term or pattern names becomes one control character (:data:`FOLDED`);
    each that one names and that has no other case becomes a control character of its own
    (:data:`CODES`), written so in the expressions too (:meth:`encode`). Nothing a term or pattern
    can tell apart is merged (a named character with another case is kept as it is, and its other
    case too: RE2 matches it case-insensitively), so the matches are the same; and the word
    classes (:attr:`classes`, :attr:`nonword`) are a few ranges, not Unicode tables (a set built
    with ``\\p{L}`` classes takes seconds)."""

    def __init__(self, named: Iterable[str]) -> None:
        """``named``: the texts of the terms and patterns (or their characters)."""
        own = {ch for ch in set("".join(named)) if not ch.isascii() and not is_word_char(ch)}
        cases = {other for ch in own for other in (ch.lower(), ch.upper(), ch.casefold()) if len(other) == 1}
        named_nonword = sorted(ch for ch in own | cases if not ch.isascii() and not is_word_char(ch))
        caseless = [ch for ch in named_nonword if ch.lower() == ch.upper() == ch.casefold() == ch]
        codes = dict(zip(caseless, CODES))
        kept = "".join(ch for ch in named_nonword if ch not in codes)
        self._others = _others(kept)
        self._table = {ord(ch): code for ch, code in codes.items()}
        nonword = _ASCII_NONWORD + kept
        self.kept = kept
        """The non-ASCII characters that are not word characters and are kept as they are."""
        self.nonword = f"[{nonword}]"
        """An RE2 class of the characters of folded text that are not word characters."""
        self.classes = WordClasses(word=f"[^{nonword}]", nonword=self.nonword, inside="0-9A-Z_a-z" + _ranges_without(0x80, 0x10FFFF, kept), coded=self._table)

    def fold(self, text: str) -> str:
        """``text`` folded: as long, in characters, as ``text``."""
        if text.isascii() and (text.isprintable() or _CODED.search(text) is None):
            return text
        table = self._table
        if not table:
            return self._others.sub(FOLDED, text)
        return self._others.sub(lambda found: table.get(ord(found.group()), FOLDED), text)

    def encode(self, expression: str) -> str:
        """An expression written for the text (a rewritten pattern, a finder's alternatives),
        with the coded characters as the folded text has them (a control character is a literal
        to RE2 in a class, escaped or in ``\\Q…\\E`` alike)."""
        return expression.translate(self._table) if self._table else expression


CODES = "".join(map(chr, [*range(0x02, 0x07), *range(0x0E, 0x20), 0x7F]))
"""The control characters coded characters become, one each (the first 24 a folding names;
more stay as they are): none that RE2 or kravkoll gives a meaning (``\\x00`` ends the term
automaton's text, ``\\x01`` is :data:`FOLDED`, ``\\a`` is ``\\x07``; white space). Text that
holds one of them has it folded to :data:`FOLDED` first, and a pattern that names one is not
:func:`foldable`."""
_CODED = lazy_compile(f"[{re.escape(CODES)}]")


@lru_cache(maxsize=64)
def _others(kept: str) -> re.Pattern[str]:
    """The characters folding replaces: those it folds or codes, and the codes themselves
    where the text has them (most foldings keep none: one expression serves them)."""
    return re.compile(f"[^\\x00-\\x7f\\w\\u0300-\\u036f{re.escape(kept)}]|[{re.escape(CODES)}]")


def _ranges_without(low: int, high: int, left_out: str) -> str:
    """An RE2 class body for the code points from ``low`` to ``high`` but those of ``left_out``."""
    parts = []
    for code in [*map(ord, left_out), high + 1]:
        if code > low:
            parts.append(f"\\x{{{low:x}}}-\\x{{{code - 1:x}}}")
        low = code + 1
    return "".join(parts)


_OCTAL = lazy_compile(r"\\[0-7]")
# A POSIX class ("[:alpha:]", "[:^space:]", inside a [...] class). Only such a name between "[:"
# and ":]" is one: a class that starts with a colon ("[:–—-]") names its characters one by one,
# and taking every "[:" for a POSIX class left the two English patterns with one ("note_opening",
# "standard_stated") out of the filter, in an RE2 set of Unicode word classes that a one-page
# check compiled for them alone (some 50 M instructions of its 1,650 M).
_POSIX_CLASS = lazy_compile(r"\[:\^?[A-Za-z]+:\]")


def foldable(source: str) -> bool:
    """Whether a pattern names each non-ASCII character it can match one by one (no \\p{..}, hex
    escapes, POSIX classes or ranges of such characters), so that it matches folded text
    exactly where it matches the text."""
    if (
        any(token in source for token in ("\\p", "\\P", "\\x", "\\C", "\\a", FOLDED))
        or _CODED.search(source)
        or _OCTAL.search(source)
        or _POSIX_CLASS.search(source)
    ):
        return False
    # A pattern written in ASCII (nearly every English one) has no range with a non-ASCII end:
    # no need to walk its classes character by character (some 200 patterns a run).
    return source.isascii() or not any(not (low + high).isascii() for low, high in _class_ranges(source))


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
            members.append(source[i : i + step])
            i += step
        i += 1
        start = 1 if members[:1] == ["^"] else 0
        for k in range(start + 1, len(members) - 1):
            if members[k] == "-" and k - 1 >= start:
                yield members[k - 1][-1], members[k + 1][-1]
