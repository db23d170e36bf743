"""Sentences: where the sentences of a paragraph begin and end.

Abbreviations, decimals, section numbers and ids do not end a sentence (see
:func:`split_sentences`). Used by :class:`checker.segment.DocumentBuilder` for every format.
"""

from __future__ import annotations

import re

# Abbreviations after which a period never ends a sentence.
_NEVER_FINAL = {
    "t.ex", "bl.a", "ca", "inkl", "exkl", "enl", "kap", "e.g", "i.e", "approx", "no", "nos", "art",
    "sec", "s.k", "d.v.s", "dvs", "p.g.a", "pga", "fr.o.m", "t.o.m", "resp", "jfr", "nr", "mr", "mrs",
    "ms", "dr", "vs", "fig", "ref", "tel", "obs", "ang", "avd", "f.d", "kl", "st", "s", "p", "pp",
    "para", "cf", "viz", "incl", "excl", "dept", "min", "max", "ex", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "okt", "oct", "nov", "dec", "mom", "prop", "sfs", "ff", "bil", "u.s",
}
# Abbreviations that may also close a sentence: split only before a capital letter.
_MAYBE_FINAL = {"etc", "m.m", "m.fl", "osv", "o.s.v", "o.dyl", "dyl", "el.dyl", "et al", "inc", "ltd", "co"}

_SENTENCE_END = re.compile(r"[.!?](?:[\"'”’)\]]*)(?=\s+)")
_TOKEN_BEFORE = re.compile(r"(?:[^\W\d_]+\.)*[^\W\d_]+$|\d+$")
_VISIBLE = re.compile(r"\S")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences of ``text``, white space at their ends excluded.

    Abbreviations (t.ex., bl.a., e.g., No., Art.), decimals (99,5 % and 99.5 %), section
    numbers (4.2.1) and ids (K4.1, REQ-12) stay whole.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        following = _VISIBLE.search(text, end)  # not text[end:].lstrip(): a copy per sentence
        if following is None:
            break
        first = following.group()
        if not _starts_sentence(first):
            continue
        if text[match.start()] == ".":
            before = _token_before(text, match.start())
            token = before.group() if before else ""
            if token.lower() in _NEVER_FINAL:
                continue
            if len(token) == 1 and token.isupper():
                continue  # an initial: "J. Smith"
            if token.lower() in _MAYBE_FINAL and not first.isupper():
                continue
            if token.isdigit() and before and _VISIBLE.search(text, 0, before.start()) is None:
                continue  # "1. Leverantören": a list number
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    return [_trim(text, s, e) for s, e in spans if text[s:e].strip()]


def _token_before(text: str, end: int) -> re.Match[str] | None:
    """The word or number that ends at ``end`` (``t.ex``, ``Nr``, ``12``).

    Searched in a window that doubles while the token may reach past it, so the cost follows
    the token, not the text before it (a search from 0 made long paragraphs quadratic).
    """
    width = 32
    while True:
        start = max(0, end - width)
        match = _TOKEN_BEFORE.search(text, start, end)
        if start == 0 or match is None or match.start() > start + 1:
            return match  # a token starting earlier would also match at start or start + 1
        width *= 2


def _starts_sentence(first: str) -> bool:
    """Whether a sentence may start with the character ``first``."""
    return first.isupper() or first.isdigit() or first in "\"'“‘([•–-"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
