"""Headings and clause numbers: a numbered heading and the depth its number gives, the clause a
paragraph starts with, clause numbers compared for nesting, lettered sub-clauses, and a heading
written as plain text."""

from __future__ import annotations

import re

from .lazyre import lazy_compile

NUMBERED_HEADING = re.compile(r"^\s*(?P<num>(?:[A-Z]\.)?\d+(?:\.\d+)*)\.?\s+(?P<title>\S.*?)\s*$")
_MODAL = lazy_compile(r"(?i)\b(?:ska|skall|måste|bör|får|shall|must|should|will|may)\b")


def has_modal(text: str, start: int = 0) -> bool:
    """Whether ``text`` from ``start`` holds a modal of obligation or permission (:data:`_MODAL`):
    words that a sentence binding by its own words has and a title or a noun phrase lacks."""
    return _MODAL.search(text, start) is not None


HEADING_WORDS = 10
"""Most words of a heading found in the text (a numbered title, a plain-line or bold heading), its number aside."""
_STATEMENT_END_AT_END = lazy_compile(r"[.!][\"'”’)\]*_]*\s*$")
_LABEL = lazy_compile(r"\(?(?:[A-Za-z]|[ivxIVX]{1,4}|(?:[A-Z]\.)?\d+(?:\.\d+)*)[.)]?\)?")


def reads_as_prose(title: str) -> bool:
    """Whether a line marked as a heading (Markdown ``#``, underlined, a Word heading style) is
    prose: a statement's end at its end ('.' or '!'; a question may title its answer), more words
    than a heading found in the text has (:data:`HEADING_WORDS`; its number and dashes aside),
    and a modal or twice as many words ("### Contractor shall not use … without the Contracting
    Officer's written permission." — a paragraph a conversion marked as a heading). A title ends
    without a period, or is short ("23. Definitions.", "C.5.1 Task 1 – Provide Project Management
    Support for the Whole Period of Performance.")."""
    if _STATEMENT_END_AT_END.search(title) is None:
        return False
    words = [word for word in title.split() if any(ch.isalnum() for ch in word)]
    if words and _LABEL.fullmatch(words[0]):
        words = words[1:]
    return len(words) > HEADING_WORDS and (_MODAL.search(title) is not None or len(words) > 2 * HEADING_WORDS)


# The number that starts a NUMBERED_HEADING, alone: its title is the rest, trailing space
# stripped. NUMBERED_HEADING's lazy title tried the end of the text at every character, and the
# readers ask this of every paragraph (a long numbered one cost 40-90 µs; of the Swedish corpus
# texts as .docx, 4 ms of the reading). A test compares the two on generated text.
_HEADING_NUMBER = lazy_compile(r"\s*(?P<num>(?:[A-Z]\.)?\d+(?:\.\d+)*)\.?\s+(?=\S)")


def numbered_heading(text: str) -> tuple[str, str] | None:
    """``"4.2 Felhantering"`` or ``"4.2. FELHANTERING"`` → ("4.2", title); None for prose."""
    match = _HEADING_NUMBER.match(text)
    if not match:
        return None
    title = text[match.end() :].rstrip()
    if "\n" in title or len(title.split(None, HEADING_WORDS)) > HEADING_WORDS or title.endswith((".", ";", ",")) or _MODAL.search(title):
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
# "§ 5 Avtalstid …", "Artikel 3 …", "Bilaga 2 …", "Section 6.3 …", and a number after the letter
# of a part of a contract in the Uniform Contract Format ("C.1.4 Contractor shall …", "H.1.1 For
# every task …", as NUMBERED_HEADING reads "C.5.1 Task 1"). The number must be followed by a
# letter (or nothing), after a space or a dash ("Section 1 – Definitions", "Section 1 - Definitions"),
# so "99.5 % of …" is no clause. The pattern is read in either case ("SECTION 3", "bilaga 2"), and
# a PDF's text may go on in lower case after a clause's number ("13.4.4 faktura ska …", "Exhibit 1
# to Appendix A"); a number of two parts followed by a lower-case word is a decimal number opening
# a sentence ("1.5 hours of downtime …", "2.5 hours of training shall …": :func:`clause_start`).
_CLAUSE_START = lazy_compile(
    r"^\s*(?:\*\*|__)?(?:(?P<dotted>\d{1,3}(?:\.\d{1,3})+|[A-Z]\.\d{1,3}(?:\.\d{1,3})*)\.?|§\s*(?P<sign>\d{1,3}[a-z]?)|"
    r"(?P<word>artikel|article|bilaga|appendix|annex|schedule|exhibit|section|clause|punkt|avsnitt|kapitel|chapter)"
    r"\s+(?P<number>\d{1,2}(?:\.\d{1,3})*|[A-Z](?:\.\d{1,3})*)\b\.?)(?:\*\*|__)?[:.)]?"
    r"(?:\s+(?=[A-ZÅÄÖ\"“(\[*_])|\s*[—–]\s*(?=[A-ZÅÄÖ])|\s+-\s+(?=[A-ZÅÄÖ])|\s*$)",
    re.IGNORECASE,
)
TITLE_WORDS = 8
_ENDS_CONTINUED = lazy_compile(
    r"(?i)(?:[.,;:!?\-–—/(&]|\b(?:the|a|an|of|and|or|to|in|on|by|for|with|at|from|as|that|is|are|"
    r"och|att|i|för|av|med|som|på|till|eller|samt|en|ett|den|det|de|om|vid|är))\s*$"
)


def clause_start(text: str) -> tuple[str, int, str] | None:
    """The clause a paragraph starts with: (number as written, depth, title words), else None.
    ``"4.2.1 The Supplier shall …"`` → ("4.2.1", 3, "The Supplier shall …")."""
    match = _CLAUSE_START.match(text)
    if not match:
        return None
    dotted = match.group("dotted")
    if dotted and dotted[0].isdigit() and dotted.count(".") == 1 and text[match.end() : match.end() + 1].islower():
        return None  # "1.5 hours of downtime …": a decimal number, no clause 1.5
    words = text[match.end() :].split()
    if match.group("dotted"):
        number, depth = match.group("dotted"), heading_level(match.group("dotted"))
        if number[0].isalpha() and 0 < len(words) <= HEADING_WORDS and not _MODAL.search(text):
            return None  # "C.1.13 Report Sufficiency": a cell of a table a PDF's text flattened, no clause
    elif match.group("sign"):
        number, depth = "§ " + match.group("sign"), 1
    else:
        word, own = match.group("word"), match.group("number")
        number, depth = f"{word} {own}", heading_level(own) if own[0].isdigit() else 1
    title = " ".join(words[:TITLE_WORDS]) + (" …" if len(words) > TITLE_WORDS else "")
    return number, depth, title.strip("*_ ")


# A top-level clause numbered as a list: one number and a title in capitals, ended by a period or
# colon before a sentence, or alone ("1. DESCRIPTION OF SERVICES. The Contractor shall …", "2.
# SERVICE DELIVERY SUMMARY (SDS)", "4. TASKS"), as PWSs and SOWs converted from PDF write the
# clauses whose parts are numbered 1.1, 1.2 …; Markdown reads the number as an ordered list's. A
# title's words are capitals, digits and the marks of a name, never a period: the first period or
# colon ends it ("SERVICE DELIVERY SUMMARY. EMERGENCY SERVICES - PHYSICIAN." is titled "SERVICE
# DELIVERY SUMMARY").
_CAPS_TITLE = lazy_compile(
    r"^[ \t]*(?:\*\*|__)?(?P<title>[A-ZÅÄÖ][A-ZÅÄÖ0-9'’&/,()-]*(?:[ \t]+(?:[A-ZÅÄÖ0-9(][A-ZÅÄÖ0-9'’&/,()-]*|[-–—&]))*)"
    r"(?:\*\*|__)?(?:[.:](?:\*\*|__)?(?:[ \t]+(?=[A-ZÅÄÖ\"“(])|\s*$)|\s*$)"
)
_TOP_NUMBER = lazy_compile(r"^\s*(?:\*\*|__)?(?P<num>\d{1,2})\.(?:\*\*|__)?[ \t]+")


def caps_title(text: str) -> tuple[str, int] | None:
    """The title in capitals ``text`` opens with (see :data:`_CAPS_TITLE`) and where the text
    after it starts; None unless its words are at most :data:`HEADING_WORDS` and one of them has
    four letters or more (a lone "A." or "EU:" titles nothing)."""
    match = _CAPS_TITLE.match(text)
    if match is None:
        return None
    title = match.group("title").strip()
    words = title.split()
    if len(words) > HEADING_WORDS or not any(sum(ch.isalpha() for ch in word) >= 4 for word in words):
        return None
    return title, match.end()


def top_clause(text: str) -> tuple[str, str] | None:
    """(number, title) of a paragraph that opens a top-level clause numbered as a list item with a
    title in capitals ("1. DESCRIPTION OF SERVICES. The Contractor shall …" → ("1", "DESCRIPTION
    OF SERVICES")); None for another paragraph ("1. The Contractor shall …")."""
    number = _TOP_NUMBER.match(text)
    if number is None:
        return None
    found = caps_title(text[number.end() :])
    return (number.group("num"), found[0]) if found is not None else None


# A run-in title: a few words, the first a capital, a period, then a sentence ("Test Plan. The
# Contractor shall …", "Labs, Tractor, and Generator Appearance. The labs …"). Bounded: no
# backtracking over more than HEADING_WORDS words.
_RUN_IN_TITLE = lazy_compile(rf"^\s*(?P<title>[A-Z][^\s.!?:;]*(?:[ \t]+[^\s.!?:;]+){{0,{HEADING_WORDS - 1}}})\.[ \t]+(?=[A-Z\"“(])")


def run_in_title(text: str) -> str | None:
    """The title a paragraph opens with, run into its first sentence ("Test Plan. The Contractor
    shall develop …" → "Test Plan"), when that title has no verb of obligation; else None."""
    match = _RUN_IN_TITLE.match(text)
    if match is None or _MODAL.search(match.group("title")):
        return None
    return match.group("title")


# A paragraph that starts with a capital letter and a period or parenthesis, then a sentence:
# the lettered sub-clauses of a numbered clause ("A. The Contractor shall …", "(b) The Supplier …").
LETTER_CLAUSE = re.compile(r"^\s*(?:\((?P<paren>[A-Za-z])\)|(?P<letter>[A-Z])[.)])\s+(?=[A-ZÅÄÖ\"“(])")


# A paragraph that starts with a small roman numeral and a closing parenthesis, then a sentence: the
# numbered remedies or grounds of a clause ("iv) EHM har rätt till avdrag …", "ii) The Supplier …").
ROMAN_CLAUSE = re.compile(r"^\s*(?P<roman>i{1,3}|iv|vi{0,3}|ix|xi{0,3})\)\s+(?=[A-ZÅÄÖ\"“(])")


def sub_clause_name(title: str) -> str | None:
    """The letter or small roman numeral that a sub-clause's title opens with, as it is cited
    after its clause's number ("(b) The Provider will delete …": "b", "iv) EHM har rätt …":
    "iv"), or None for another title."""
    letter = LETTER_CLAUSE.match(title)
    if letter is not None:
        return (letter.group("paren") or letter.group("letter")).lower()
    roman = ROMAN_CLAUSE.match(title)
    return roman.group("roman") if roman is not None else None


# A paragraph that starts with a small letter and a closing parenthesis: an item of a lettered list
# ("h) att all IT-utrustning …"), after which "i)" is the next letter, no roman numeral.
LETTER_ITEM = re.compile(r"^\s*(?P<letter>[a-z])\)\s")


def may_open_letter(text: str) -> bool:
    """False only when none of :data:`LETTER_CLAUSE`, :data:`ROMAN_CLAUSE` and :data:`LETTER_ITEM`
    can match ``text``: each needs a "." as its second character or a ")" among its second to
    fifth ("B. ", "(b) ", "iv) ", "h) "), white space before it aside. Most paragraphs and lines
    have neither, and the readers then ask none of the three expressions."""
    return text[:1].isspace() or text[1:2] == "." or ")" in text[1:5]


def next_letter(roman: str, letter: str | None) -> bool:
    """Whether a roman numeral of one letter goes on a lettered list whose last letter was
    ``letter`` instead: "i)" after "h)", "v)" after "u)", "x)" after "w)"."""
    return len(roman) == 1 and letter is not None and letter == chr(ord(roman) - 1)


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
    if outer and inside_clause(clause_key(number), clause_key(outer[-1])):
        return (*outer[:-1], number)
    return (*outer, number)


CLAUSE_LABEL = re.compile(r"^\d+(?:\.\d+)+$")
"""A list number that is a clause number ("3.3.1"), not an item's ("1", "a)")."""


def inside_clause(key: tuple[str, ...], outer: tuple[str, ...]) -> bool:
    """Whether clause ``key`` lies inside clause ``outer`` ("4.2.1" inside "4.2" and "4")."""
    return len(outer) < len(key) and key[: len(outer)] == outer


LETTER_ALONE = re.compile(r"^\s*(?:\*\*|__)?(?P<letter>[A-Z])\.(?:\*\*|__)?\s*$")


def only_clause_number(text: str) -> str | None:
    """A line that holds nothing but a clause number ("3.0", "§ 5", "4.2.1.") or letter ("D."),
    as text converted from PDF puts a heading's number, or a lettered paragraph's letter, on a
    line of its own; else None."""
    letter = LETTER_ALONE.match(text)
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
    # Every test must pass; the two searches, the dearest, come last (the first line of every
    # paragraph is asked: 4,000 times for the real English MB).
    text = line.strip().strip("*_ ").strip()
    words = text.split()
    if not (1 <= len(words) <= HEADING_WORDS) or len(text) > 80 or not text[0].isupper():
        return False
    if "|" in text or text.endswith(("'", '"', "”", ")")):
        return False
    if not sentence_follows(following):
        return False
    if not (numbered or len(following.strip().lstrip("*_ ").split()) >= max(len(words) + 3, 6)):
        return False
    if not (adjacent or numbered or all(w[0].isupper() for w in words if len(w) > 3 and w[0].isalpha())):
        return False  # "Remove lead-based paint", a blank line, "Paint is removed …": table cells, not a heading
    if sum(c.isalpha() for c in text) < 4:
        return False
    return not (_ENDS_CONTINUED.search(text) or _MODAL.search(text))


def sentence_follows(following: str) -> bool:
    """Whether the line ``following`` a possible heading starts a sentence: its first visible
    character, bold or italic marks left out, is a capital or a digit."""
    after = following.strip().lstrip("*_ ")
    return bool(after) and (after[0].isupper() or after[0].isdigit())


# A clause cited by its number ("punkt 22", "avsnittet 5.3", "clause 9.2", "Section 6", "§ 14",
# "bilaga 3", "Schedule 4", "Annex B"): the word that says what is cited, then its number. A clause
# word cites a clause of the document's numbering ("22" is 22.1 and 22.2 too); an annex word an
# annex of that name, which is often a document of its own. A digit may run into its word ("§14"),
# a letter stands apart and in capitals ("Annex B"): "clauses", "sections" name no clause "S", and
# "under this clause a sum" no clause "A".
_CLAUSE_WORDS = r"punkt(?:en)?|avsnitt(?:et)?|kapitel|kapitlet|artikel|artikeln|clause|section|sub-?section|paragraph|article|chapter|§"
_ANNEX_WORDS = r"bilaga|bilagan|schedule|annex|appendix|exhibit|attachment"
CITATION = lazy_compile(
    rf"(?i)(?:^|(?<=[^\w]))(?P<word>{_CLAUSE_WORDS}|{_ANNEX_WORDS})(?:\s+|(?=\d))(?P<number>\d{{1,3}}(?:\.\d{{1,3}}){{0,4}}[a-z]?|(?-i:[A-Z])(?:\.\d{{1,3}}){{0,4}})(?![\w]|\.\d)"
)
_ANNEX_WORD = lazy_compile(rf"(?i)^(?:{_ANNEX_WORDS})$")
_SECTION_NUMBER = lazy_compile(
    rf"(?i)^\s*(?P<word>{_CLAUSE_WORDS}|{_ANNEX_WORDS})?\s*(?P<number>\d{{1,3}}(?:\.\d{{1,3}})*[a-z]?|[A-Z](?:\.\d{{1,3}})*)\s*[.:)]?\s*$"
)


def is_annex_word(word: str) -> bool:
    """Whether a citation's word names an annex ("bilaga", "Schedule"), not a clause ("punkt")."""
    return _ANNEX_WORD.match(word) is not None


def cited_key(word: str, number: str) -> str:
    """How a citation's clause is compared with the document's clause numbers: a clause's number
    ("punkt 22" → "22", "clause 9.2" → "9.2", "§ 5" → "5"), an annex's word and number ("bilaga 3"
    → "BILAGA 3", "Schedule 4" → "SCHEDULE 4"; "bilagan" is "bilaga")."""
    number = number.upper()
    if not is_annex_word(word):
        while number.endswith(".0") and len(number) > 2:
            number = number[:-2]  # "3.0" is clause 3 (heading_level)
        return number
    word = word.upper()
    return f"{word[:-1] if word == 'BILAGAN' else word} {number}"


def section_key(number: str) -> str | None:
    """A section's number as :func:`cited_key` compares it ("22.1" → "22.1", "§ 5" → "5",
    "Section 6" → "6", "Bilaga 3" → "BILAGA 3", "Schedule 4" → "SCHEDULE 4"); None for a number
    that is no clause's ("A" alone, "iv")."""
    found = _SECTION_NUMBER.match(number)
    if found is None:
        return None
    word, own = found.group("word"), found.group("number")
    if word is None and own[:1].isalpha() and "." not in own:
        return None  # a letter alone numbers no clause a citation names
    return cited_key(word or "", own)
