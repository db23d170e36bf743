"""Words that a PDF conversion split before å, ä and ö, or at a line's end with a hyphen, joined again for terms and patterns.

Some PDF-to-text conversions put a space before a Swedish letter drawn from another font
("Leverant ören ska avhj älpa dessa utan on ödigt dr öjsmål", "s å snart som m öjligt"), so
no term or modal of such a document matches. A document shows this when a lone consonant
stands before a word that starts with å, ä or ö ("p å", "f ör", "m öjligt") at least
:data:`_SHOWS_SPLITS` times: no Swedish word is a lone consonant. In such a document, and only
there, a word part and the part after it that starts with å, ä or ö are joined when

- the first part has no vowel ("tj änsten", "dr öjsmål"): no Swedish word lacks one;
- or the document writes the joined word whole elsewhere ("Leverantören" beside "Leverant ören");
- or the first part never stands as a word of its own elsewhere in the document and the second
  is not one of the few words that start with å, ä or ö and stand alone ("är", "än", "över"):
  "on ödigt" is joined, "Frågan är" is not.

Other conversions keep a line's end hyphen and join the line to the next with a space
("Det är Leverantörens an- svar att …", "Leverantö- ren ska"). A Swedish document shows this when
:data:`_SHOWS_SPLITS` such breaks stand in its texts with å, ä or ö (a part that ends a line
before a lower-case one, not a compound's shared part before "och", "eller" …: "informations- och
kommunikationsteknik"); there, and only there, the two parts are joined where the document writes
the joined word whole elsewhere ("ansvar" beside "an- svar"), and the hyphen moves to the end
with the space.

The join keeps each text's length, so that every offset the matching finds stays an offset into
the same text: the space moves to the end of the joined word ("on ödigt" → "onödigt "), and
:func:`source_span` gives a span's place in the text as written.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Callable, Iterator, Sequence

from ..lazyre import lazy_compile

_SPLIT = lazy_compile(r"(?<!\w)(\w+) ([åäöÅÄÖ]\w*)")
_LONE_CONSONANT = lazy_compile(r"(?<!\w)[b-df-hj-np-tv-zB-DF-HJ-NP-TV-Z] [åäö]")
_WORD = lazy_compile(r"\w+")
_HYPHEN_BREAK = lazy_compile(r"(?<!\w)(\w+)- ([a-zåäö]\w*)")
_ELIDED = frozenset({"och", "eller", "samt", "respektive", "resp", "som", "till", "än"})
"""Words after a compound's shared part ("informations- och kommunikationsteknik"): no break."""
_SWEDISH = lazy_compile(r"[åäöÅÄÖ]")
_VOWEL = lazy_compile(r"[aeiouyåäöéAEIOUYÅÄÖÉ]")
_SHOWS_SPLITS = 3
"""Lone consonants before a word part that starts with å, ä or ö that show a document's splits."""
_STANDALONE = frozenset({"å", "ö", "än", "är", "år", "åt", "ön", "även", "ändå", "ännu", "åren", "året", "åter", "över", "ägs"})
"""Swedish words that start with å, ä or ö and often follow another word: never joined to it
unless the document writes the two joined elsewhere."""


def rejoined(texts: Sequence[str]) -> dict[int, tuple[str, list[int]]]:
    """For each text of a document that shows split words (see the module), its text with the
    split words joined (the same length) and, for each offset of it, the offset in the text
    as written; texts without a join are left out, and so is every text of a document that
    shows no splits."""
    letters, hyphens = _shows_splits(texts), _shows_hyphen_breaks(texts)
    if not (letters or hyphens):
        return {}
    words: Counter[str] = Counter()
    before_split: Counter[str] = Counter()
    for text in texts:
        words.update(word.casefold() for word in _WORD.findall(text))
        before_split.update(m.group(1).casefold() for m in _SPLIT.finditer(text))

    def joins(first: str, second: str) -> bool:
        if first.isalpha() and not _VOWEL.search(first):
            return True
        if words[(first + second).casefold()]:
            return True
        folded = first.casefold()
        return not first.isdigit() and words[folded] <= before_split[folded] and second.casefold() not in _STANDALONE

    found: dict[int, tuple[str, list[int]]] = {}
    for number, text in enumerate(texts):
        spaces = _spaces_to_drop(text, joins) if letters else []
        if hyphens and "- " in text:
            spaces = sorted(spaces + _hyphen_breaks_to_drop(text, words))
        if spaces:
            found[number] = _moved(text, spaces)
    return found


def _shows_splits(texts: Sequence[str]) -> bool:
    """Whether :data:`_SHOWS_SPLITS` lone consonants stand before å, ä or ö in ``texts``: a text
    with no letter outside ASCII has none (most of an English document), and the count stops
    when it is reached."""
    seen = 0
    for text in texts:
        if text.isascii():
            continue
        seen += len(_LONE_CONSONANT.findall(text))
        if seen >= _SHOWS_SPLITS:
            return True
    return False


def _breaks(text: str) -> Iterator[re.Match[str]]:
    """The line-end hyphen breaks of ``text``: a word part, "- " and a lower-case part that is no
    word after a compound's shared part (:data:`_ELIDED`)."""
    return (m for m in _HYPHEN_BREAK.finditer(text) if m.group(2).casefold() not in _ELIDED)


def _shows_hyphen_breaks(texts: Sequence[str]) -> bool:
    """Whether :data:`_SHOWS_SPLITS` hyphen breaks (:func:`_breaks`) stand in texts with å, ä or ö
    (a Swedish document's); the count stops when it is reached."""
    seen = 0
    for text in texts:
        if "- " not in text or not _SWEDISH.search(text):
            continue
        seen += sum(1 for _ in _breaks(text))
        if seen >= _SHOWS_SPLITS:
            return True
    return False


def _hyphen_breaks_to_drop(text: str, words: Counter[str]) -> list[int]:
    """Offsets of the hyphen and the space of each break in ``text`` whose joined word the
    document writes whole elsewhere (``words``: its words, case-folded, and their counts)."""
    drops: list[int] = []
    for m in _breaks(text):
        if words[(m.group(1) + m.group(2)).casefold()]:
            drops += [m.end(1), m.end(1) + 1]
    return drops


def _spaces_to_drop(text: str, joins: Callable[[str, str], bool]) -> list[int]:
    """Offsets of the spaces in ``text`` between two parts of one split word."""
    spaces: list[int] = []
    position = 0
    while (split := _SPLIT.search(text, position)) is not None:
        if joins(split.group(1), split.group(2)):
            spaces.append(split.end(1))
        position = split.start(2)  # the second part may be split again: "f ör ändring"
    return spaces


def _moved(text: str, spaces: list[int]) -> tuple[str, list[int]]:
    """``text`` with each space of ``spaces`` moved to the end of its word, and the offset in
    ``text`` of each character of the result."""
    out: list[str] = []
    origin: list[int] = []
    waiting: list[int] = []  # spaces taken out of the word being copied
    drop = set(spaces)
    for offset, char in enumerate(text):
        if offset in drop:
            waiting.append(offset)
            continue
        if waiting and not (char.isalnum() or char == "_"):
            out.extend(" " * len(waiting))
            origin.extend(waiting)
            waiting = []
        out.append(char)
        origin.append(offset)
    out.extend(" " * len(waiting))
    origin.extend(waiting)
    return "".join(out), origin


def source_span(origin: list[int], span: tuple[int, int]) -> tuple[int, int]:
    """Where ``span`` of a joined text (:func:`rejoined`) stands in the text as written."""
    start, end = span
    if end <= start:
        return (origin[start], origin[start]) if start < len(origin) else span
    return origin[start], origin[end - 1] + 1
