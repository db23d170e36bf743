"""Patterns whose ``\\b`` and ``\\B`` RE2 itself decides, wherever they stand: the text read with a
*junction* between each two characters that says whether the place is inside a word.

RE2's own ``\\b`` knows ASCII word characters only, and a pattern searched with its boundaries as
empty groups, checked after the match, sees only the alternative RE2 preferred
(``(?:correct|correction)\\b[^.]*`` takes "correct" in "correction of", its ``\\b`` then fails and
"correction" was never tried). Python's ``re`` tries every alternative against its boundaries;
so does RE2 on the *junction text*, where each character ``c`` of the text stands as
``m c \\x00 x``: ``m`` is ``x`` where the place before ``c`` is inside a word (word characters on
both sides) and ``!`` elsewhere, and "\\x00x" ends the character. Between that ``x`` and the next
``m`` stands every place of the text, and RE2's ASCII ``\\b`` holds there exactly where the
place is not inside a word (``x!``), its ``\\B`` where it is (``xx``); the text's start (``x``
after nothing) and end (nothing after ``x``) are no place inside a word, as documented.

The pattern reads it with each character it matches written ``[x!]c\\x00x`` and its ``\\b`` and
``\\B`` as RE2's: one automaton, linear in the text (four times as long), whose leftmost-first
match is the one Python's backtracking finds. A match starts only at a place: after the
text's start or after an "\\x00x" (the text holds no NUL: :func:`junction_text` refuses one).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lazyre import lazy_compile
from .text import IS_WORD

_INSIDE, _OUTSIDE = "x", "!"
_END = "\x00x"
_CHARACTER = "(?:[x!]{}\\x00x)"
START = "(?:^|\\x00x)()"
"""What a junction pattern starts with: its group marks the place where the match starts."""

# One token of a rewritten pattern (RE2 syntax, no capturing groups): what matches one character
# (group "one"), or what matches none and is copied (group "other"); \Q…\E is read apart.
# Compiled at the first junction pattern (most runs build none: a one-page check needs none).
_TOKEN = r"""(?P<one>
        \[\^?\]?(?:\[:\^?[A-Za-z]+:\]|\\.|[^\]])*\]     # a class (a leading ] is a member)
      | \\[pP](?:\{[^}]*\}|.)                          # a Unicode class
      | \\x(?:\{[^}]*\}|[0-9A-Fa-f]{0,2})              # a character by its code
      | \\[0-7]{1,3}                                   # octal
      | \\[^bBAzQEC]                                   # an escaped character or \d \s \w …
      | [^\\()|*+?{^$.]|\.                             # a character, or any
      | \{(?!\d+(?:,\d*)?\})                           # a brace that repeats nothing is one
    )
    | (?P<other>
        \\[bBAz] | \(\?[a-zA-Z-]*:? | [()|^$] | [*+?](?:\?)? | \{\d+(?:,\d*)?\}\??
    )
    """


@lru_cache(maxsize=1)
def _tokens() -> re.Pattern[str]:
    return re.compile(_TOKEN, re.VERBOSE | re.DOTALL)


class Unsupported(ValueError):
    """A pattern the junction text cannot serve (``\\C``, a byte, or syntax this reader does not know)."""


def junction_pattern(rewritten: str) -> str:
    """``rewritten`` (RE2 syntax, its \\b and \\B RE2's own, no capturing groups) for the junction
    text: each character it matches wrapped, everything else as it is, after :data:`START`."""
    out = [START]
    i, n = 0, len(rewritten)
    while i < n:
        if rewritten.startswith("\\Q", i):
            end = rewritten.find("\\E", i + 2)
            end = n if end < 0 else end
            out.extend(_CHARACTER.format(re.escape(ch) if ch.isascii() else ch) for ch in rewritten[i + 2 : end])
            i = end + 2
            continue
        token = _tokens().match(rewritten, i)
        if token is None:
            raise Unsupported(rewritten[i : i + 2])
        one = token.group("one")
        out.append(token.group("other") if one is None else _CHARACTER.format(one))
        i = token.end()
    return "".join(out)


def junction_text(text: str) -> str | None:
    """``text`` with a junction after each character (four characters for each of its); None
    for a text that holds a NUL (it would pass for a junction) and for the empty text, which no
    statement is."""
    if "\x00" in text:
        return None
    if not text:
        return None  # its one place is its start and its end: no junction text has one such
    marks = [_INSIDE]  # before the first character: "x" after nothing, no place inside a word
    word = IS_WORD
    before = word[text[0]]
    for ch in text[1:]:
        here = word[ch]
        marks.append(_INSIDE if before and here else _OUTSIDE)
        before = here
    return "".join(mark + ch + _END for mark, ch in zip(marks, text))


def place(data: bytes, at: int, ascii_only: bool) -> int:
    """The character offset in the text of the place at byte ``at`` of the junction text ``data``."""
    return (at if ascii_only else len(data[:at].decode("utf-8"))) // 4


_REPEATS_ONCE = lazy_compile(r"\?|\{0?,?1\}")


def repeated_boundary(source: str) -> bool:
    """Whether a ``\\b`` or ``\\B`` of the pattern stands in a group that may match more than
    once (``(?:\\bab)+``): the empty group that marks it then tells only where it stood last."""
    groups: list[bool] = []  # for each open group: whether a \b or \B stands in it
    i, n = 0, len(source)
    while i < n:
        ch = source[i]
        if ch == "\\":
            if source.startswith("\\Q", i):
                end = source.find("\\E", i + 2)
                i = n if end < 0 else end + 2
                continue
            if source[i + 1 : i + 2] in ("b", "B") and groups:
                groups[-1] = True
            i += 2
        elif ch == "[":
            end = _CLASS_END.match(source, i)
            i = n if end is None else end.end()
        elif ch == "(":
            groups.append(False)
            i += 1
        elif ch == ")" and groups:
            marked = groups.pop()
            i += 1
            if marked:
                quantifier = _QUANTIFIER.match(source, i)
                if quantifier is not None and not _REPEATS_ONCE.fullmatch(quantifier.group()):
                    return True
                if groups:
                    groups[-1] = True
        else:
            i += 1
    return False


_CLASS_END = lazy_compile(r"\[\^?\]?(?:\[:\^?[A-Za-z]+:\]|\\.|[^\]])*\]", re.DOTALL)
_QUANTIFIER = lazy_compile(r"[*+?]|\{\d*(?:,\d*)?\}")
