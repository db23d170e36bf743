"""Requirement ids: the id a paragraph or table cell starts with, the form ids are compared in,
and where ids are mentioned in other texts.

Kept apart from segmentation (:mod:`checker.segment` finds a paragraph's leading id with
:func:`leading_id`); checking links follow-up and sanction statements to requirements with
:func:`id_key` and :class:`MentionFinder`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from typing import Iterable, Sequence

import ahocorasick

from .lazyre import lazy_compile

_ID_WORDS = r"krav(?:nr|nummer|-?id)?|requirement|req|id"
_COMPACT_ID = r"[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,7}[-_.]?\d+(?:[.\-]\d+)*[a-z]?"
_LEADING_ID = lazy_compile(
    rf"^\s*(?:\*\*|__)?(?:(?P<word>{_ID_WORDS})\.?\s*(?P<num>\d+(?:\.\d+)*[a-z]?)|(?P<id>{_COMPACT_ID}|\d+(?:\.\d+)+))"
    r"[:.)\]]?(?:\*\*|__)?[:.)\]]?(?=\s+\S)",
    re.IGNORECASE,
)
_CELL_ID = lazy_compile(rf"^\s*(?:(?:{_ID_WORDS})\.?\s*)?(?:{_COMPACT_ID}|\d+(?:\.\d+)*[a-z]?)\s*[:.]?\s*$", re.IGNORECASE)
# A number names a requirement when a word such as "krav" or "avsnitt" stands before it.
ID_WORDS_BEFORE_NUMBERS = (
    "krav",
    "kravnr",
    "kravnummer",
    "requirement",
    "req",
    "punkt",
    "avsnitt",
    "section",
    "sektion",
    "kapitel",
    "kap",
    "clause",
    "item",
    "paragraph",
    "para",
    "nr",
    "no",
    "task",
    "subtask",
    "§",
    *(PLURAL_ID_WORDS := ("requirements", "sections", "clauses", "items", "paragraphs", "tasks", "subtasks", "punkterna", "avsnitten")),
)
"""Words after which a number names a requirement or clause; after a plural one (``PLURAL_ID_WORDS``)
a list or range of them: "Tasks 1-3", "sections 3.1 and 3.2", "punkterna 4.2, 4.3 och 4.5"."""
_NUMBER_AFTER_WORD = lazy_compile(r"\.?\s*(\d+(?:\.\d+)*[a-z]?)(?!\w)", re.IGNORECASE)
# One more number of a list or range after a plural id word: ", 4", " and 5", "–3", " through 6"
# (bounded spaces: matched at each number of a list, never quadratic in a run of white space).
_NEXT_NUMBER = lazy_compile(
    r"\s{0,3}(?:(?P<range>[–—-]|through|to|till)|,?\s{1,3}(?:and|or|och|eller|&)|,)\s{0,3}(?P<num>\d+(?:\.\d+)*[a-z]?)(?![\w.,]\d)(?!\w)",
    re.IGNORECASE,
)
_LIST_NUMBERS = 12
"""The most numbers one list after an id word names ("Tasks 1, 2, 3 and 4"), a range's counted as one."""
# Characters that are not part of an id (nor "-", which may stand before a dotted number): the
# automaton of MentionFinder reads them as spaces.
_SECTION_SIGN = lazy_compile("§")
_NOT_IN_IDS = lazy_compile(r"[^\w .\-]")
_KEY_PREFIX = lazy_compile(rf"(?i)^(?:{_ID_WORDS})\.?\s*(?=\d)")
# A range of ids with the same prefix: "K1–K4", "4.1–4.5", "SLA1 till SLA3", "R2 through R6"
# (the prefix written twice; "K1-4" may be an id of its own, and "1–5" and "99.5–99.9 %" are amounts).
_RANGE = lazy_compile(
    r"(?<![\w.])([A-Za-zÅÄÖåäö]{0,8}[-_.]?(?:\d+\.){0,3})(\d{1,4})\s*(?:[–—-]|\btill(?:\s+och\s+med)?\b|\bt\.o\.m\.?|\bto\b|\bthrough\b)\s*(\1)(\d{1,4})(?![\w])(?!\s*(?:%|procent|percent))",
    re.IGNORECASE,
)
_RANGE_SPAN = 100
"""The most ids one range names: a range is a few requirements, not a page of them."""


def id_key(requirement_id: str) -> str:
    """The form ids are compared in: ``"Krav 3.2"`` → ``"3.2"``, ``"k4.1:"`` → ``"K4.1"``."""
    return _KEY_PREFIX.sub("", requirement_id.strip().rstrip(":.)]")).upper()


def leading_id(text: str) -> tuple[str, int] | None:
    """The id a paragraph starts with (``K4.1 …``, ``REQ-12: …``, ``Krav 3.2 …``, ``4.2.1 …``)."""
    match = _LEADING_ID.match(text)
    if not match:
        return None
    if match.group("word"):
        shown = text[match.start("word") : match.end("num")]
    else:
        shown = match.group("id")
    return shown, match.end()


def looks_like_id(cell: str) -> bool:
    return bool(_CELL_ID.match(cell)) and any(ch.isdigit() for ch in cell)


MAX_KEY_LENGTH = 100
"""Longest id or clause number looked for in other statements. No document names a longer
one, and an automaton frees its trie one C stack frame per character of its longest key:
pyahocorasick crashed the process (a segmentation fault) when a 1.2 MB line "K1.1.1…"
made a key of 1.2 million characters."""


class MentionFinder:
    """Finds where ids are mentioned as a whole token: a compact id (``K4.1``, ``REQ-12``), a
    dotted number (``4.2.1``), or a number after a word such as ``krav``, ``avsnitt``,
    ``section`` (``krav 3``). One automaton holds the ids, each with what may stand before it,
    and the words that introduce numbers; one pass over the texts finds them, and only the
    ends of the hits are checked."""

    def __init__(self, keys: Iterable[str]) -> None:
        self.wanted = {key for key in keys if len(key) <= MAX_KEY_LENGTH and any(ch.isdigit() for ch in key)}
        self._automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY)
        # What may stand just before an id: any character the haystack reads as a space (below);
        # before a dotted number also "-" ("REQ-4.2" mentions section 4.2), but not ",".
        for key in self.wanted:
            if key[0].isalpha():
                self._automaton.add_word(" " + key.lower(), key)
            elif "." in key:  # a bare number is an id only after a word
                self._automaton.add_word(" " + key.lower(), key)
                self._automaton.add_word("-" + key.lower(), key)
        for word in ID_WORDS_BEFORE_NUMBERS:
            if word != "§":  # the haystack reads § as a space: found apart
                self._automaton.add_word(word, None)
        self._automaton.make_automaton()

    def find(self, texts: Sequence[str] | MentionTexts) -> dict[str, set[int]]:
        """For each id key, the numbers of the texts that mention it."""
        found: dict[str, set[int]] = {}
        prepared = texts if isinstance(texts, MentionTexts) else MentionTexts(texts)
        if not self.wanted or not prepared.starts:
            return found
        wanted, text, lowered, starts = self.wanted, prepared.text, prepared.lowered, prepared.starts
        hits: list[tuple[int, str | None]] = list(self._automaton.iter(prepared.haystack))
        hits.extend((at + 1, None) for at in prepared.section_signs)
        hits.sort(key=_hit_end)
        number, next_start = 0, starts[1]
        for end, key in hits:
            end -= 1  # the haystack's leading space
            while end >= next_start:  # hits come in order of their end: move on to the text holding this one
                number += 1
                next_start = starts[number + 1]
            if key is None:  # an id word: the numbers after it, if any
                for named in _numbers_after_word(text, end + 1, lowered[end]):
                    if named in wanted:
                        found.setdefault(named, set()).add(number)
            elif key[0].isalpha():
                if _ends_id(text, end + 1, ".-"):
                    found.setdefault(key, set()).add(number)
            elif _ends_id(text, end + 1, ".,") and text[end - len(key) : end - len(key) + 1] != ",":
                found.setdefault(key, set()).add(number)
        if prepared.ranges:
            self._find_inside_ranges(prepared, found)
        return found

    def _find_inside_ranges(self, prepared: MentionTexts, found: dict[str, set[int]]) -> None:
        """Add the ids a range names ("kraven i K1–K4" mentions K1, K2, K3 and K4; "K1-K2" both,
        though "-K2" is no mention of its own)."""
        for match in _RANGE.finditer(prepared.text):
            low, high, prefix = int(match.group(2)), int(match.group(4)), match.group(1).upper()
            if not prefix or not 0 < high - low <= _RANGE_SPAN:
                continue  # "1–5 dagar" is an amount, no range of ids
            number = bisect_right(prepared.starts, match.start()) - 1
            for between in range(low, high + 1):
                key = f"{prefix}{between}"
                if key in self.wanted:
                    found.setdefault(key, set()).add(number)


class MentionTexts:
    """Texts as :class:`MentionFinder` reads them, prepared once for any number of finders."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.text = "\x00".join(texts)  # no id or id word contains \x00: no hit crosses from one text to the next
        lowered = self.text.lower()
        if len(lowered) != len(self.text):  # a letter whose lower case is longer: keep the offsets
            lowered = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in self.text)
        self.lowered = lowered
        self.haystack = " " + _NOT_IN_IDS.sub(" ", lowered)
        self.starts = list(accumulate((len(t) + 1 for t in texts), initial=0)) if texts else []
        self.section_signs = [match.start() for match in _SECTION_SIGN.finditer(self.text)]
        self.ranges = any(joiner in self.lowered for joiner in ("–", "—", "-", "till", "t.o.m", " to ", "through"))


def _hit_end(hit: tuple[int, str | None]) -> int:
    return hit[0]


def _numbers_after_word(text: str, word_end: int, last: str) -> list[str]:
    """The number that follows an id word ending at ``word_end`` ("krav 3", "avsnitt 4.2"); after
    a plural one (:data:`PLURAL_ID_WORDS`) each number of the list or range it starts ("Tasks
    1-3": 1, 2 and 3; "sections 3.1 and 3.4": 3.1 and 3.4; a range of dotted numbers only
    between numbers of one clause, "3.1–3.3")."""
    following = text[word_end : word_end + 1]
    if not (following.isdigit() or following in (".", " ", "\t", "\u00a0")):
        return []
    word_start = word_end - 1
    while word_start > 0 and text[word_start - 1].isalpha():
        word_start -= 1
    word = text[word_start:word_end].lower()
    if last.isalpha() and word not in ID_WORDS_BEFORE_NUMBERS:
        return []  # the end of a longer word ("Norway", "para" in "separa-")
    match = _NUMBER_AFTER_WORD.match(text, word_end)
    if match is None:
        return []
    numbers = [match.group(1).upper()]
    if word not in PLURAL_ID_WORDS:
        return numbers
    at = match.end()
    while len(numbers) < _LIST_NUMBERS and (more := _NEXT_NUMBER.match(text, at)) is not None:
        at, number = more.end(), more.group("num").upper()
        if more.group("range"):
            numbers.extend(_between(numbers[-1], number))
        numbers.append(number)
    return numbers


def _between(low: str, high: str) -> list[str]:
    """The numbers strictly between the ends of a range of clause numbers ("1"–"4": 2 and 3;
    "3.1"–"3.3": 3.2), none when the ends are of different clauses or the range is longer than
    :data:`_RANGE_SPAN`."""
    low_prefix, _, low_last = low.rpartition(".")
    high_prefix, _, high_last = high.rpartition(".")
    if low_prefix != high_prefix or not (low_last.isdigit() and high_last.isdigit()) or max(len(low_last), len(high_last)) > 4:
        return []  # a number of more than four digits is no clause's (and int() refuses a long one)
    first, last = int(low_last), int(high_last)
    if not 0 < last - first <= _RANGE_SPAN:
        return []
    prefix = f"{low_prefix}." if low_prefix else ""
    return [f"{prefix}{n}" for n in range(first + 1, last)]


def _ends_id(text: str, end: int, joiners: str) -> bool:
    """Nothing that would make the id longer follows: no letter or digit, no joiner + digit."""
    if end >= len(text):
        return True
    char = text[end]
    return not (char.isalnum() or char == "_" or (char in joiners and text[end + 1 : end + 2].isdigit()))
