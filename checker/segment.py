"""From source pieces to statements: sentences, headings, ids, tables, language.

Readers feed a :class:`DocumentBuilder` with headings, paragraphs, list items and tables,
each with the source location of its text; the builder splits sentences, keeps the section
tree, finds requirement ids and detects the language, so every format is segmented the same
way.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import accumulate
from operator import attrgetter
from typing import Iterable, Sequence

import ahocorasick

from .document import Anchor, Block, Document, Format, Location, Section, Statement, Suppression, trusted
from .errors import InputError

# ---- sentences ------------------------------------------------------------------------------

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
_OFFSET = attrgetter("offset")


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


# ---- ids ---------------------------------------------------------------------------------------

_ID_WORDS = r"krav(?:nr|nummer|-?id)?|requirement|req|id"
_COMPACT_ID = r"[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,7}[-_.]?\d+(?:[.\-]\d+)*[a-z]?"
_LEADING_ID = re.compile(
    rf"^\s*(?:\*\*|__)?(?:(?P<word>{_ID_WORDS})\.?\s*(?P<num>\d+(?:\.\d+)*[a-z]?)|(?P<id>{_COMPACT_ID}|\d+(?:\.\d+)+))"
    r"[:.)\]]?(?:\*\*|__)?[:.)\]]?(?=\s+\S)",
    re.IGNORECASE,
)
_CELL_ID = re.compile(rf"^\s*(?:(?:{_ID_WORDS})\.?\s*)?(?:{_COMPACT_ID}|\d+(?:\.\d+)*[a-z]?)\s*[:.]?\s*$", re.IGNORECASE)
# A number names a requirement when a word such as "krav" or "avsnitt" stands before it.
_ID_WORDS_BEFORE_NUMBERS = (
    "krav", "kravnr", "kravnummer", "requirement", "req", "punkt", "avsnitt", "section", "sektion",
    "kapitel", "kap", "clause", "item", "paragraph", "para", "nr", "no", "§",
)
_NUMBER_AFTER_WORD = re.compile(r"\.?\s*(\d+(?:\.\d+)*[a-z]?)(?!\w)", re.IGNORECASE)
# Characters that are not part of an id (nor "-", which may stand before a dotted number): the
# automaton of MentionFinder reads them as spaces.
_SECTION_SIGN = re.compile("§")
_NOT_IN_IDS = re.compile(r"[^\w .\-]")
_KEY_PREFIX = re.compile(rf"(?i)^(?:{_ID_WORDS})\.?\s*(?=\d)")


def id_key(requirement_id: str) -> str:
    """The form ids are compared in: ``"Krav 3.2"`` → ``"3.2"``, ``"k4.1:"`` → ``"K4.1"``."""
    return _KEY_PREFIX.sub("", requirement_id.strip().rstrip(":.)]")).upper()


def leading_id(text: str) -> tuple[str, int] | None:
    """The id a paragraph starts with (``K4.1 …``, ``REQ-12: …``, ``Krav 3.2 …``, ``4.2.1 …``)."""
    match = _LEADING_ID.match(text)
    if not match:
        return None
    if match.group("word"):
        shown = text[match.start("word"): match.end("num")]
    else:
        shown = match.group("id")
    return shown, match.end()


def looks_like_id(cell: str) -> bool:
    return bool(_CELL_ID.match(cell)) and any(ch.isdigit() for ch in cell)


class MentionFinder:
    """Finds where ids are mentioned as a whole token: a compact id (``K4.1``, ``REQ-12``), a
    dotted number (``4.2.1``), or a number after a word such as ``krav``, ``avsnitt``,
    ``section`` (``krav 3``). One automaton holds the ids, each with what may stand before it,
    and the words that introduce numbers; one pass over the texts finds them, and only the
    ends of the hits are checked."""

    def __init__(self, keys: Iterable[str]) -> None:
        self.wanted = {key for key in keys if any(ch.isdigit() for ch in key)}
        self._automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY)
        # What may stand just before an id: any character the haystack reads as a space (below);
        # before a dotted number also "-" ("REQ-4.2" mentions section 4.2), but not ",".
        for key in self.wanted:
            if key[0].isalpha():
                self._automaton.add_word(" " + key.lower(), key)
            elif "." in key:  # a bare number is an id only after a word
                self._automaton.add_word(" " + key.lower(), key)
                self._automaton.add_word("-" + key.lower(), key)
        for word in _ID_WORDS_BEFORE_NUMBERS:
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
            if key is None:  # an id word: the number after it, if any
                key = _number_after_word(text, end + 1, lowered[end])
                if key in wanted:
                    found.setdefault(key, set()).add(number)
            elif key[0].isalpha():
                if _ends_id(text, end + 1, ".-"):
                    found.setdefault(key, set()).add(number)
            elif _ends_id(text, end + 1, ".,") and text[end - len(key): end - len(key) + 1] != ",":
                found.setdefault(key, set()).add(number)
        return found


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


def _hit_end(hit: tuple[int, str | None]) -> int:
    return hit[0]


def _number_after_word(text: str, word_end: int, last: str) -> str | None:
    """The number that follows an id word ending at ``word_end`` ("krav 3", "avsnitt 4.2")."""
    following = text[word_end:word_end + 1]
    if not (following.isdigit() or following in (".", " ", "\t", "\u00a0")):
        return None
    word_start = word_end - 1
    while word_start > 0 and text[word_start - 1].isalpha():
        word_start -= 1
    if last.isalpha() and text[word_start:word_end].lower() not in _ID_WORDS_BEFORE_NUMBERS:
        return None  # the end of a longer word ("Norway", "para" in "separa-")
    match = _NUMBER_AFTER_WORD.match(text, word_end)
    return match.group(1).upper() if match else None


def _ends_id(text: str, end: int, joiners: str) -> bool:
    """Nothing that would make the id longer follows: no letter or digit, no joiner + digit."""
    if end >= len(text):
        return True
    char = text[end]
    return not (char.isalnum() or char == "_" or (char in joiners and text[end + 1:end + 2].isdigit()))


# ---- headings ------------------------------------------------------------------------------

_NUMBERED_HEADING = re.compile(r"^\s*(?P<num>(?:[A-Z]\.)?\d+(?:\.\d+)*)\.?\s+(?P<title>\S.*?)\s*$")
_MODAL = re.compile(r"(?i)\b(?:ska|skall|måste|bör|får|shall|must|should|will|may)\b")


def numbered_heading(text: str) -> tuple[str, str] | None:
    """``"4.2 Felhantering"`` or ``"4.2. FELHANTERING"`` → ("4.2", title); None for prose."""
    match = _NUMBERED_HEADING.match(text)
    if not match:
        return None
    title = match.group("title")
    if len(title.split()) > 10 or title.rstrip().endswith((".", ";", ",")) or _MODAL.search(title):
        return None
    if not title[0].isalpha():
        return None
    return match.group("num"), title


def heading_level(number: str) -> int:
    """The depth a clause number gives: "4" and "4.0" → 1, "4.2" → 2, "4.2.1" → 3."""
    parts = number.split(".")
    while len(parts) > 1 and parts[-1].strip("0") == "":
        parts.pop()  # "3.0" is clause 3
    return len(parts)


# A paragraph that starts with a clause number opens that clause: "4.2.1 The Supplier …",
# "§ 5 Avtalstid …", "Artikel 3 …", "Bilaga 2 …", "Section 6.3 …". The number must be followed
# by a capital (or nothing), so "99.5 % of …" and "1.5 hours …" are no clauses.
_CLAUSE_START = re.compile(
    r"^\s*(?:\*\*|__)?(?:(?P<dotted>\d{1,3}(?:\.\d{1,3})+)\.?|§\s*(?P<sign>\d{1,3}[a-z]?)|"
    r"(?P<word>artikel|article|bilaga|appendix|annex|schedule|exhibit|section|clause|punkt|avsnitt|kapitel|chapter)"
    r"\s+(?P<number>\d{1,2}(?:\.\d{1,3})*|[A-Z](?:\.\d{1,3})*)\b\.?)(?:\*\*|__)?[:.)]?"
    r"(?:\s+(?=[A-ZÅÄÖ\"“(\[*_])|\s*[—–]\s*(?=[A-ZÅÄÖ])|\s*$)",
    re.IGNORECASE,
)
_TITLE_WORDS = 8
_ENDS_CONTINUED = re.compile(
    r"(?i)(?:[.,;:!?\-–—/(&]|\b(?:the|a|an|of|and|or|to|in|on|by|for|with|at|from|as|that|is|are|"
    r"och|att|i|för|av|med|som|på|till|eller|samt|en|ett|den|det|de|om|vid|är))\s*$"
)


def clause_start(text: str) -> tuple[str, int, str] | None:
    """The clause a paragraph starts with: (number as written, depth, title words), else None.
    ``"4.2.1 The Supplier shall …"`` → ("4.2.1", 3, "The Supplier shall …")."""
    match = _CLAUSE_START.match(text)
    if not match:
        return None
    if match.group("dotted"):
        number, depth = match.group("dotted"), heading_level(match.group("dotted"))
    elif match.group("sign"):
        number, depth = "§ " + match.group("sign"), 1
    else:
        word, own = match.group("word"), match.group("number")
        number, depth = f"{word} {own}", heading_level(own) if own[0].isdigit() else 1
    words = text[match.end():].split()
    title = " ".join(words[:_TITLE_WORDS]) + (" …" if len(words) > _TITLE_WORDS else "")
    return number, depth, title.strip("*_ ")


# A paragraph that starts with a capital letter and a period or parenthesis, then a sentence:
# the lettered sub-clauses of a numbered clause ("A. The Contractor shall …", "(b) The Supplier …").
_LETTER_CLAUSE = re.compile(r"^\s*(?:\((?P<paren>[A-Za-z])\)|(?P<letter>[A-Z])[.)])\s+(?=[A-ZÅÄÖ\"“(])")


def clause_key(number: str) -> tuple[str, ...]:
    """A clause number as parts compared for nesting: "4.2.1" → ("4", "2", "1"), "3.0" → ("3",),
    "§ 5" → ("§ 5",), "Bilaga 2.1" → ("bilaga 2", "1")."""
    parts = number.lower().split(".")
    while len(parts) > 1 and parts[-1].strip("0") == "":
        parts.pop()
    return tuple(" ".join(p.split()) for p in parts)


def clause_path(outer: tuple[str, ...], number: str | None, title: str = "") -> tuple[str, ...]:
    """The clause numbers of a section numbered ``number`` inside sections numbered ``outer``,
    as a writer reads them: a number that continues the one before replaces it ("4", "4.2" →
    "4.2"), another is added ("Bilaga 2", "4.2" → "Bilaga 2", "4.2"); no number adds nothing.
    A section without a number whose ``title`` starts with a named one ("Bilaga 2
    Servicenivåer", "§ 5 Avtalstid") is numbered by it."""
    if not number:
        found = clause_start(title) if title else None
        if found is None or found[0][:1].isdigit():
            return outer
        number = found[0]
    if outer and _inside(clause_key(number), clause_key(outer[-1])):
        return (*outer[:-1], number)
    return (*outer, number)


_CLAUSE_LABEL = re.compile(r"^\d+(?:\.\d+)+$")
"""A list number that is a clause number ("3.3.1"), not an item's ("1", "a)")."""


def _inside(key: tuple[str, ...], outer: tuple[str, ...]) -> bool:
    """Whether clause ``key`` lies inside clause ``outer`` ("4.2.1" inside "4.2" and "4")."""
    return len(outer) < len(key) and key[:len(outer)] == outer


_LETTER_ALONE = re.compile(r"^\s*(?:\*\*|__)?(?P<letter>[A-Z])\.(?:\*\*|__)?\s*$")


def only_clause_number(text: str) -> str | None:
    """A line that holds nothing but a clause number ("3.0", "§ 5", "4.2.1.") or letter ("D."),
    as text converted from PDF puts a heading's number, or a lettered paragraph's letter, on a
    line of its own; else None."""
    letter = _LETTER_ALONE.match(text)
    if letter is not None:
        return letter.group("letter") + "."
    found = clause_start(text)
    return found[0] if found and not found[2] else None


def plain_heading(line: str, following: str, numbered: bool = False, adjacent: bool = True) -> bool:
    """Whether ``line`` is a heading written as plain text: a short line that starts with a capital
    and has no end punctuation, no verb of obligation and no table bar, followed by a paragraph
    whose first line (``following``, on the next line or after a blank line) starts a sentence
    and is clearly longer. So "SERVICE CREDITS" or "Service credits" before "If the Uptime
    Commitment is not met, …" is a heading, while a sentence broken over lines is not ("The
    Supplier shall / provide …" has a verb; "Service levels and / response times" ends on "and"),
    nor are the cells of a table flattened into short lines ("HOURS" / "PER" / "DAY"). A line
    that has a number (``numbered``: "4 Service credits", or after "4.0" alone on its line) only
    needs a sentence after it. A line in sentence case with a blank line after it (not
    ``adjacent``) is a heading only when numbered: flattened table cells look the same."""
    text = line.strip().strip("*_ ").strip()
    words = text.split()
    if not (1 <= len(words) <= 10) or len(text) > 80 or not text[0].isupper():
        return False
    if "|" in text or _ENDS_CONTINUED.search(text) or _MODAL.search(text) or text.endswith(("'", '"', "”", ")")):
        return False
    if sum(c.isalpha() for c in text) < 4:
        return False
    if not (adjacent or numbered or all(w[0].isupper() for w in words if len(w) > 3 and w[0].isalpha())):
        return False  # "Remove lead-based paint", a blank line, "Paint is removed …": table cells, not a heading
    after = following.strip().lstrip("*_ ")
    if not after or not (after[0].isupper() or after[0].isdigit()):
        return False
    return numbered or len(after.split()) >= max(len(words) + 3, 6)


# ---- suppressions -------------------------------------------------------------------------

_SUPPRESSION = re.compile(r"^\s*kravkoll\s*:\s*ignore\s+(?P<body>.*?)\s*$", re.S)


def parse_suppression(text: str, location: Location) -> Suppression | None:
    """``kravkoll: ignore RULE[, RULE] -- reason`` → a suppression, else None."""
    match = _SUPPRESSION.match(text)
    if not match:
        return None
    rules_text, _, reason = match.group("body").partition("--")
    rules = [r for r in re.split(r"[\s,]+", rules_text) if r]
    if not rules:
        return None
    return Suppression(rules=rules, reason=" ".join(reason.split()), location=location)


# ---- language ------------------------------------------------------------------------------

_SV_WORDS = frozenset(
    "och att det som en är för på med av till ska skall inte om har den vid eller från ett de"
    " leverantören beställaren avtalet krav kraven samt även under enligt".split()
)
_EN_WORDS = frozenset(
    "the and of to in is for be shall will with on that by or are this contractor must not"
    " supplier agreement requirements from any all which".split()
)
_WORD = re.compile(r"[^\W\d_]+")


def detect_language(texts: list[str]) -> str | None:
    """``"sv"`` or ``"en"`` by counting common function words; None when there are none."""
    swedish = english = 0
    seen = 0
    for text in texts:
        for word in _WORD.findall(text.lower()):
            if word in _SV_WORDS:
                swedish += 1
            elif word in _EN_WORDS:
                english += 1
            seen += 1
        if seen > 5000:
            break
    if swedish == english == 0:
        return None
    return "sv" if swedish >= english else "en"


# ---- the builder ---------------------------------------------------------------------------

MAX_STATEMENTS = 200_000
"""Most statements one document may have (about 10,000 pages; memory grows by some 5 KB a
statement, so this bounds it near 1 GB)."""


@dataclass
class Piece:
    """Text of one paragraph or cell with its anchors (offsets relative to ``text``)."""

    text: str
    anchors: list[Anchor]


def _starts_numbered_paragraph(line: str, previous: str) -> bool:
    """A line that starts with an id begins a new paragraph, unless it merely continues the
    previous line's sentence ("… described in paragraph / 7.2.4 of this clause"); so does one
    that starts with a letter clause ("B. The Contractor shall …") after a finished sentence."""
    found = leading_id(line)
    if found is None:
        return bool(_LETTER_CLAUSE.match(line)) and previous.rstrip().endswith((".", ":", ";", "!", "?"))
    rest = line[found[1]:].lstrip()
    return previous.rstrip().endswith((".", ":", ";", "!", "?")) or rest[:1].isupper() or rest[:1].isdigit()


def line_pieces(lines: list[tuple[int, int, str]]) -> list[Piece]:
    """Consecutive source lines (line, column, text) as pieces of text; a line that starts
    with an id (``K4.1 …``) starts a new piece, so each numbered requirement is its own block."""
    groups: list[list[tuple[int, int, str]]] = []
    for entry in lines:
        if groups and not _starts_numbered_paragraph(entry[2], groups[-1][-1][2]):
            groups[-1].append(entry)
        else:
            groups.append([entry])
    pieces: list[Piece] = []
    for group in groups:
        texts: list[str] = []
        anchors: list[Anchor] = []
        offset = 0
        for line, column, text in group:
            if texts:
                offset += 1
            anchors.append(Anchor(offset=offset, location=Location(line=line, column=column)))
            texts.append(text)
            offset += len(text)
        pieces.append(Piece(text=" ".join(texts), anchors=anchors))
    return pieces


@dataclass
class _Open:
    """A section still open while the builder reads on. ``kind`` says what opened it: a heading
    (Markdown or Word style, ``level`` 1–9), a numbered ``clause`` (a heading such as "4.2
    Felhantering" or a paragraph that starts "4.2.1"; ``key`` is its number as parts, ("4", "2")),
    or a ``label`` (a bold or plain-line heading without number)."""

    section: int
    level: int
    kind: str = "heading"
    key: tuple[str, ...] = ()


_HEADER_WORDS = re.compile(
    r"(?i)^\s*(?:krav-?\s?id|kravnr|kravnummer|id|nr|ref|#|nummer|no\.?|req(?:uirement)?\s*(?:id|no\.?|nr|#)?|"
    r"krav|requirement|beskrivning|description|uppföljning|follow-up|sanktion|sanction|vite|kommentar|comment|"
    r"typ|type|nivå|level|mått|metric|mätmetod|method|frekvens|frequency|ansvarig|responsible|svar|answer|"
    r"standard|aql|performance standard|performance objective|acceptable quality level|method of assessment|"
    r"ska-krav|bör-krav|ja/nej|yes/no|poäng|points|vikt|weight)\s*$"
)
_ID_HEADER = re.compile(r"(?i)^\s*(?:krav-?\s?id|kravnr|kravnummer|id|nr|ref|#|nummer|no\.?|req(?:uirement)?\s*(?:id|no\.?|nr|#))\s*$")


@dataclass
class DocumentBuilder:
    """Collects a reader's pieces in document order and builds the :class:`Document`."""

    path: str
    format: Format
    sections: list[Section] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    _open: list[_Open] = field(default_factory=list)
    _labels: dict[int, str] = field(default_factory=dict)  # section index → heading path
    _clauses: dict[int, tuple[str, ...]] = field(default_factory=dict)  # section index → clause numbers (clause_path)
    _clause_texts: dict[int, str | None] = field(default_factory=dict)  # the same as shown: "Bilaga 2 › 4.2"
    _pending: list[Suppression] = field(default_factory=list)
    _tables: int = 0
    _table_headers: list[str] = field(default_factory=list)
    _lead_in: int | None = None  # the statement ending in ':' that introduces the list items that follow
    _number: str | None = None  # a clause number that stood alone on the line before
    _letter: str | None = None  # the letter of the last lettered clause ("b" for "B. The Contractor …")

    # -- suppressions
    def suppress_next(self, suppression: Suppression) -> None:
        """A ``kravkoll: ignore`` comment: it applies to the next block."""
        self._pending.append(suppression)

    def suppress_blocks(self, suppressions: list[Suppression], first_block: int) -> None:
        """Suppressions that cover every block made since block ``first_block`` (a Word comment
        whose range spans those paragraphs)."""
        for block in self.blocks[first_block:]:
            present = {id(s) for s in block.suppressions}  # by identity: one object per directive
            for suppression in suppressions:
                if id(suppression) not in present:
                    present.add(id(suppression))
                    block.suppressions.append(suppression)

    # -- headings
    def heading(self, text: str, level: int | None, location: Location, number: str | None = None,
                kind: str = "heading") -> None:
        """A heading; its number is taken from the text ("4.2 Felhantering") if not given, or from
        a number that stood on the line before (:meth:`clause_number`).

        ``kind`` is ``"heading"`` for a heading the format marks (Markdown ``#``, a Word heading
        style), ``"clause"`` for a numbered heading found in the text, ``"label"`` for a bold or
        plain-line heading without number (see :meth:`_open_section`). The statement keeps the
        heading's text as written (so columns of matches in it stay true); the section's title
        has its white space collapsed."""
        lead = len(text) - len(text.lstrip())
        text = text.strip()
        if not text:
            return
        if lead:
            location = location.model_copy(update={"column": location.column + lead})
        title = " ".join(text.split())
        if number is None:
            numbered = _NUMBERED_HEADING.match(title)
            if numbered and numbered.group("title")[:1].isalpha():
                number, title = numbered.group("num"), numbered.group("title")
        elif title.startswith(number) and title[len(number):len(number) + 1] in (" ", ".", ":", ")", "—", "–"):
            title = title[len(number):].lstrip(" .:)—–") or title  # "Annex 1—Service levels" numbered "Annex 1"
        if number is None and self.has_clause_number:
            number = self._number
            if kind == "label":
                kind = "clause"
        self._number = None
        if level is None:
            level = heading_level(number) if number else 1
        self._open_section(title, number, level, location, kind)
        block = self._block("heading", location)
        self._statement("heading", text, block, [Anchor(offset=0, location=location)], None, None)

    def clause_number(self, number: str) -> None:
        """A clause number alone on its line ("3.0"): it numbers the heading that follows; a
        letter ("D.") letters the paragraph that follows."""
        self._number = number

    @property
    def has_clause_number(self) -> bool:
        """Whether a clause number (not a letter) alone on its line waits for its heading."""
        return self._number is not None and not _LETTER_ALONE.match(self._number)

    def _open_section(self, title: str, number: str | None, level: int, location: Location, kind: str,
                      key: tuple[str, ...] = ()) -> int:
        """Open a section and close those it ends.

        A heading closes every clause and label, and the headings of its level and deeper. A
        clause closes the open clauses its number is not inside of (and what was opened inside
        them): "4.3" closes "4.2" and "4.2.1" but stays inside "4", inside heading "4 Drift",
        and inside a label opened after "4". A label closes the label before it and what was
        opened inside that. The section's ``level`` is the heading's, or one below its parent for
        clauses and labels."""
        stack = self._open
        key = clause_key(number) if kind == "clause" and number else key
        if kind == "heading":
            while stack and (stack[-1].kind != "heading" or stack[-1].level >= level):
                stack.pop()
        else:
            if kind == "clause":
                first = next((k for k, o in enumerate(stack) if o.kind == "clause" and not _inside(key, o.key)), None)
            else:
                first = next((k for k, o in enumerate(stack) if o.kind == "label"), None)
            if first is not None:
                del stack[first:]
            level = (self.sections[stack[-1].section].level if stack else 0) + 1
        parent = stack[-1].section if stack else None
        index = len(self.sections)
        section = Section(index=index, title=title, number=number, level=level, parent=parent, location=location)
        self.sections.append(section)
        self._labels[index] = f"{self._labels[parent]} > {section.label}" if parent is not None else section.label
        self._clauses[index] = clause_path(self._clauses[parent] if parent is not None else (), number, title)
        self._clause_texts[index] = " › ".join(self._clauses[index]) or None
        stack.append(_Open(index, level, kind, key))
        return index

    @property
    def current_section(self) -> int | None:
        return self._open[-1].section if self._open else None

    def close_sections(self) -> None:
        """What follows stands outside every section (e.g. footnotes read after the body)."""
        self._open.clear()

    # -- paragraphs and list items
    def paragraph(self, piece: Piece, kind: str = "paragraph", requirement_id: str | None = None,
                  label: str | None = None) -> None:
        """A paragraph or list item: one statement per sentence.

        Its requirement id is the id its text starts with, else ``requirement_id``: a label the
        reader computed but that is not part of the text (a Word list number such as ``K4.1``).
        ``label`` is such a list number as the document shows it ("3.3.1", "a)"); a clause
        number among them ("3.3.1") is the clause of the paragraph's locations.
        """
        if not piece.text.strip():
            return
        if kind == "paragraph":
            self._open_clause(piece)
        block = self._block(kind, piece.anchors[0].location)
        if label is not None:
            self.blocks[block].label = label
            number = label.rstrip(".")
            if _CLAUSE_LABEL.match(number):
                clause = clause_path(self._clauses.get(self.current_section, ()) if self._open else (), number)
                piece = Piece(text=piece.text, anchors=[_anchor(a.offset, _moved(a.location, clause=" › ".join(clause)))
                                                        for a in piece.anchors])
        found = leading_id(piece.text)
        if found:
            requirement_id = found[0]
        id_source = "leading" if requirement_id else None
        statement_kind = "list_item" if kind == "list_item" else "sentence"
        lead_in = self._lead_in if kind == "list_item" else None
        for start, end in split_sentences(piece.text):
            anchors = _slice_anchors(piece.anchors, start, end)
            self._statement(statement_kind, piece.text[start:end], block, anchors, requirement_id, id_source, lead_in=lead_in)
        if kind != "list_item" and piece.text.rstrip().endswith(":"):
            self._lead_in = len(self.statements) - 1  # "Konsulten ska ha:" introduces the list below

    def _open_clause(self, piece: Piece) -> None:
        """A paragraph that starts with a clause number ("4.2.1 The Supplier …", "§ 5 …") opens
        that clause, titled by its first words; one that starts with a letter ("B. The Contractor
        …") opens a lettered sub-clause of the numbered clause it stands in."""
        pending, self._number = self._number, None  # a number alone on its line numbers a heading, not a paragraph
        found = clause_start(piece.text)
        if found is not None:
            number, _, title = found
            self._open_section(title, number, 1, piece.anchors[0].location, "clause")
            return
        letter = _LETTER_CLAUSE.match(piece.text)
        if letter is not None or (pending is not None and _LETTER_ALONE.match(pending)):
            # Inside the innermost numbered clause; no number of its own, so that "A" is never
            # taken for an id or a cross-reference.
            name = (letter.group("paren") or letter.group("letter")) if letter is not None else pending[0]
            name = name.lower()
            if name == "i" and self._letter != "h":
                return  # "I." after "B." is a roman numeral: an item inside the clause, not clause I
            self._letter = name
            outer = next((o.key for o in reversed(self._open) if o.kind == "clause" and o.key and not o.key[-1].startswith("(")), ())
            words = piece.text.split() if letter is not None else [pending, *piece.text.split()]
            title = " ".join(words[:_TITLE_WORDS]) + (" …" if len(words) > _TITLE_WORDS else "")
            self._open_section(title, None, 1, piece.anchors[0].location, "clause", key=(*outer, f"({name})"))

    # -- tables
    def table(self, rows: list[list[Piece]], header_rows: int | None = None) -> None:
        """A table; each body row becomes one statement, cells joined with " | ".

        Tables and rows keep their numbers in the source: an empty table still counts, and an
        empty row makes no statement but still counts. ``header_rows`` counts source rows.
        """
        self._tables += 1
        table_number = self._tables
        self._table_headers.append("")
        numbered = [(number, row) for number, row in enumerate(rows, start=1) if any(cell.text.strip() for cell in row)]
        if not numbered:
            return
        filled = [row for _, row in numbered]
        if header_rows is None:
            header_rows = numbered[0][0] if len(filled) > 1 and _is_header(filled[0]) else 0
        self._table_headers[-1] = " | ".join(" ".join(cell.text.split()) for number, row in numbered if number <= header_rows
                                             for cell in row if cell.text.strip())
        id_column = _id_column(filled, sum(1 for number, _ in numbered if number <= header_rows))
        block = self._block("table", filled[0][0].anchors[0].location, table=table_number)
        for row_number, row in numbered:
            if row_number <= header_rows:
                continue
            texts: list[str] = []
            anchors: list[Anchor] = []
            offset = 0
            for cell_number, cell in enumerate(row, start=1):
                text = " ".join(cell.text.split()) if "\n" in cell.text else cell.text.strip()
                if not text:
                    continue
                if texts:
                    offset += 3  # " | "
                leading = len(cell.text) - len(cell.text.lstrip())
                if "\n" in cell.text:
                    cell_anchors = cell.anchors[:1]
                else:
                    cell_anchors = _slice_anchors(cell.anchors, leading, len(cell.text)) if leading else cell.anchors
                for anchor in cell_anchors:
                    location = self._located(anchor.location, table=table_number, row=row_number, cell=cell_number)
                    anchors.append(_anchor(offset + anchor.offset, location))
                texts.append(text)
                offset += len(text)
            if not texts:
                continue
            requirement_id = None
            if id_column is not None and id_column < len(row) and row[id_column].text.strip():
                requirement_id = row[id_column].text.strip().rstrip(":.")
            self._statement("table_row", " | ".join(texts), block, anchors, requirement_id,
                            "column" if requirement_id else None, table=table_number, row=row_number, located=True)

    # -- internals
    def _block(self, kind: str, location: Location, table: int | None = None) -> int:
        if kind != "list_item":
            self._lead_in = None  # a list's lead-in reaches only as far as the list
        index = len(self.blocks)
        self.blocks.append(Block(index=index, kind=kind, section=self.current_section, location=location,
                                 table=table, suppressions=self._pending))
        self._pending = []
        return index

    def _located(self, location: Location, **update: int | str) -> Location:
        """``location`` with the current section's heading path, clause number and title, and
        ``update`` (a clause number the location has already stays)."""
        if self._open:
            section = self._open[-1].section
            update["section"] = self._labels[section]
            update["heading"] = self.sections[section].title
            if location.clause is None and self._clause_texts[section]:
                update["clause"] = self._clause_texts[section]
        return _moved(location, **update) if update else location

    def _statement(self, kind: str, text: str, block: int, anchors: list[Anchor], requirement_id: str | None,
                   id_source: str | None, table: int | None = None, row: int | None = None, located: bool = False,
                   lead_in: int | None = None) -> None:
        """A statement; its anchors get the section's heading path unless ``located`` already."""
        if len(self.statements) >= MAX_STATEMENTS:
            raise InputError(self.path, f"has more than {MAX_STATEMENTS:,} statements (sentences, table rows, headings); "
                                        "split the document")
        if self._open and not located:
            anchors = [_anchor(a.offset, self._located(a.location)) for a in anchors]
        self.statements.append(
            Statement(index=len(self.statements), kind=kind, text=text, block=block, section=self.current_section,
                      table=table, row=row, requirement_id=requirement_id, id_source=id_source, lead_in=lead_in,
                      anchors=anchors)
        )

    def build(self, language: str | None = None) -> Document:
        """The document; ``language`` overrides detection."""
        source = "option"
        detected = detect_language([s.text for s in self.statements])
        if language is None:
            language, source = (detected, "detected") if detected is not None else ("en", "default")
        for statement in self.statements:
            if statement.requirement_id is None and statement.kind != "heading":
                number = _nearest_number(self.sections, statement.section)
                if number is not None:
                    statement.requirement_id, statement.id_source = number, "heading"
        return Document(path=self.path, format=self.format, language=language, language_source=source,
                        sections=self.sections, blocks=self.blocks, statements=self.statements,
                        table_headers=self._table_headers, detected_language=detected)


def _nearest_number(sections: list[Section], index: int | None) -> str | None:
    while index is not None:
        if sections[index].number:
            return sections[index].number
        index = sections[index].parent
    return None


def _slice_anchors(anchors: list[Anchor], start: int, end: int) -> list[Anchor]:
    """Anchors for ``text[start:end]`` of a piece, offsets made relative to ``start``.

    Found by bisection (anchors are in offset order): a paragraph of many lines is sliced into
    many sentences, so walking all its anchors for each would be quadratic.
    """
    after_start = bisect_right(anchors, start, key=_OFFSET)
    base = anchors[max(after_start - 1, 0)]  # the last anchor at or before start
    result = [_anchor(anchor.offset - start, anchor.location)
              for anchor in anchors[after_start:bisect_left(anchors, end, key=_OFFSET)]]
    location = base.location
    if start != base.offset:
        location = _moved(location, column=location.column + (start - base.offset))
    return [_anchor(0, location), *result]


# A long document has tens of thousands of anchors and locations made from others: built
# without pydantic's validation and copying (a third of the time of reading real text went to
# them), from values that are valid already, as ``model_copy`` makes them.
def _anchor(offset: int, location: Location) -> Anchor:
    return trusted(Anchor, {"offset": offset, "location": location})


def _moved(location: Location, **update: int | str) -> Location:
    """``location`` with the fields of ``update`` replaced (``model_copy(update=...)``)."""
    return trusted(Location, {**location.__dict__, **update})


def _is_header(row: list[Piece]) -> bool:
    cells = [c.text.strip() for c in row if c.text.strip()]
    if not cells:
        return False
    if any(_HEADER_WORDS.match(c) for c in cells):
        return all(len(c.split()) <= 6 and not c.endswith(".") for c in cells)
    return False


def _id_column(rows: list[list[Piece]], header_rows: int) -> int | None:
    if header_rows:
        for number, cell in enumerate(rows[0]):
            if _ID_HEADER.match(cell.text.strip()):
                return number
    body = rows[header_rows:]
    if not body:
        return None
    first = [row[0].text.strip() for row in body if row and row[0].text.strip()]
    multi_column = any(len(row) > 1 for row in body)
    if first and multi_column and sum(looks_like_id(c) for c in first) * 2 >= len(first):
        return 0
    return None
