"""Sentences: where the sentences of a paragraph begin and end.

Abbreviations, decimals, section numbers and ids do not end a sentence (see
:func:`split_sentences`). Used by :class:`checker.segment.DocumentBuilder` for every format.
"""

from __future__ import annotations

from .htmltags import CLOSING_TAG, LINE_BREAK, after_tags
from .lazyre import lazy_compile

# Abbreviations after which a period never ends a sentence.
_NEVER_FINAL = {
    "t.ex",
    "bl.a",
    "ca",
    "inkl",
    "exkl",
    "enl",
    "kap",
    "e.g",
    "i.e",
    "approx",
    "no",
    "nos",
    "art",
    "sec",
    "s.k",
    "d.v.s",
    "dvs",
    "p.g.a",
    "pga",
    "fr.o.m",
    "t.o.m",
    "resp",
    "jfr",
    "nr",
    "mr",
    "mrs",
    "ms",
    "dr",
    "vs",
    "fig",
    "ref",
    "tel",
    "obs",
    "ang",
    "avd",
    "f.d",
    "kl",
    "st",
    "s",
    "p",
    "pp",
    "para",
    "cf",
    "viz",
    "incl",
    "excl",
    "dept",
    "min",
    "max",
    "ex",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "okt",
    "oct",
    "nov",
    "dec",
    "mom",
    "prop",
    "sfs",
    "ff",
    "bil",
    "u.s",
    "v",  # version, versus, vecka: "ITIL v. 2011", "Smith v. Jones", "v. 23"
    "ver",
}
# Abbreviations that may also close a sentence: split only before a capital letter.
_MAYBE_FINAL = {"etc", "m.m", "m.fl", "osv", "o.s.v", "o.dyl", "dyl", "el.dyl", "et al", "inc", "ltd", "co"}

# A sentence may end at ., ! or ?, closing quotes, brackets and inline HTML tags (".</span> The",
# Markdown from a web page), then white space or line breaks ("<br>", which end the sentence
# before them); group 1 is the first visible character after it (None at the end of the text).
# Each tag is bounded (checker.htmltags).
_SENTENCE_END = lazy_compile(rf"[.!?](?:[\"'”’)\]]|{CLOSING_TAG})*(?:(?:{LINE_BREAK}\s*)+|(?=\s))(?=\s*(\S)?)")
_VISIBLE = lazy_compile(r"\S")
BRACKET_REACH = 200
"""How far after a sentence end inside brackets the bracket must close for the end not to count
("(Veckor? Månader?)"), and how far after a question its bracket must close to belong to it;
one that does not close so soon is a stray bracket."""
_BRACKET = lazy_compile(r"[()]")
_QUESTION_BRACKET_WORDS = 6
"""Most words of a bracket that belongs to the question before it whatever it ends with ("(OAuth2,
mTLS, etc.)", "(Ja/Nej)"); one of up to twice as many belongs to it when it ends without a
sentence end ("(Målvärde: RTO < 4 timmar, RPO < 1 timme)"), else it is an answer, a sentence of
its own ("(Leverantören redovisar åtgärdstiden för varje fel i månadsrapporten.)")."""


def belongs_to_question(bracket: str) -> bool:
    """Whether ``bracket`` (a bracket's text, brackets included) after a question mark is part
    of the question (:data:`_QUESTION_BRACKET_WORDS`)."""
    words = sum(1 for word in bracket.split() if any(ch.isalnum() for ch in word))
    return words <= _QUESTION_BRACKET_WORDS or (words <= 2 * _QUESTION_BRACKET_WORDS and bracket.rstrip(")\"'’” ")[-1:] not in ".!")


# "(1) ", "(a) ", "(iv) ": a bracket that numbers what follows, which starts a sentence after any end.
_ENUMERATOR = lazy_compile(r"\((?:\d{1,3}|[A-Za-z]|[ivxIVX]{1,5})\)\s")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences of ``text``, white space at their ends excluded.

    Abbreviations (t.ex., bl.a., e.g., No., Art.), decimals (99,5 % and 99.5 %), section
    numbers (4.2.1) and ids (K4.1, REQ-12) stay whole; a bracket after a question or an
    exclamation belongs to it ("Which APIs does it expose? (REST, SOAP?)") unless it numbers
    what follows ("(2) The Contractor …") or is longer than a short list (a sentence of its own),
    and the next sentence starts after it ("Har ni certifikat? (Ja/Nej) Leverantören ska …");
    an end inside brackets whose innermost closes
    within :data:`BRACKET_REACH` characters ends no sentence ("(Varje månad? Varje kvartal?)",
    "(29 U.S.C. 794d)"); brackets that do not close so soon are stray, and count no further.
    Inline HTML tags are read as a renderer shows them (nothing): a sentence ends before closing
    tags end ("2.1 Uptime.</span> The Supplier …"), a "<br>" is white space, and one may start
    with opening tags ("<b>2.2</b> The Supplier …").
    """
    spans: list[tuple[int, int]] = []
    start = 0
    opened = 0  # brackets of the sentence opened and not closed, in reading order up to ``counted``
    counted = 0
    # Without an opening bracket none is ever open (a closing one closes nothing): most texts
    # have none, and are not counted at each end (splitting the real English MB's paragraphs:
    # 271 → 254 M instructions, callgrind).
    brackets = "(" in text
    for match in _SENTENCE_END.finditer(text):
        if match.start() < start:
            continue  # inside a question's bracket, which the sentence after it follows
        first, first_at = match[1], match.start(1)
        if first == "<":  # "<span class="x">The Supplier …", "<b>2.2</b> …": a sentence may start with tags
            first_at = after_tags(text, first_at)
            first = text[first_at] if first_at < len(text) else None
        if first is None:
            break
        if brackets:
            opened = _still_open(text, counted, match.end(), opened)
        counted = match.end()
        if opened:
            if _closing(text, match.end(), match.end() + BRACKET_REACH, opened) is not None:
                continue  # "(24/7? Kontorstid?)": an end inside brackets that close soon ends no sentence
            opened = 0  # stray brackets
        if not _starts_sentence(first):
            continue
        if first == "(" and text[match.start()] in "?!" and _ENUMERATOR.match(text, first_at) is None:
            # "Vilka API:er exponerar systemet? (REST, SOAP?)": the bracket belongs to the question
            close = _closing(text, first_at + 1, first_at + BRACKET_REACH, 1)
            if close is not None and belongs_to_question(text[first_at:close]):
                after = _VISIBLE.search(text, close)
                if after is not None and after.start() > close and _starts_sentence(text[after.start()]):
                    spans.append((start, close))
                    start = counted = close
                continue
        if text[match.start()] == ".":
            token, token_start = token_before(text, match.start())
            if token.lower() in _NEVER_FINAL:
                continue
            if len(token) == 1 and token.isupper() and not (token_start and text[token_start - 1].isdecimal()):
                continue  # an initial: "J. Smith"; not the letter that ends a name like "18F"
            if token.lower() in _MAYBE_FINAL and not first.isupper():
                continue
            if token.isdigit() and after_tags(text, _VISIBLE.search(text).start()) >= token_start:
                continue  # "1. Leverantören", "<b>1.</b> The Supplier": a list number
        spans.append((start, match.end()))
        start = match.end()
        opened = 0
    spans.append((start, len(text)))
    trimmed = []
    for start, end in spans:
        sentence = text[start:end]
        kept = sentence.strip()
        if kept:
            start += len(sentence) - len(sentence.lstrip())
            trimmed.append((start, start + len(kept)))
    return trimmed


def _still_open(text: str, start: int, end: int, opened: int) -> int:
    """The brackets open after reading ``text[start:end]``, ``opened`` of them before it (a
    closing bracket with none open, as in "a) … b)", closes nothing)."""
    for bracket in _BRACKET.finditer(text, start, end):
        if bracket.group() == "(":
            opened += 1
        elif opened:
            opened -= 1
    return opened


def _closing(text: str, start: int, stop: int, opened: int) -> int | None:
    """Just after the bracket in ``text[start:stop]`` that closes the innermost of ``opened``
    brackets open at ``start``, or None."""
    depth = opened
    for bracket in _BRACKET.finditer(text, start, stop):
        depth += 1 if bracket.group() == "(" else -1
        if depth < opened:
            return bracket.end()
    return None


def token_before(text: str, end: int) -> tuple[str, int]:
    r"""The word or number that ends at ``end`` (``t.ex``, ``Nr``, ``12``) and where it starts;
    ``("", end)`` when none does.

    A number is a run of decimal digits; a word is runs of letters (word characters that are
    neither digits nor ``_``) joined by single periods, starting and ending with a letter. Read
    backwards from ``end`` one character at a time, so the cost follows the token, not the text
    before it. What the search ``(?:[^\W\d_]+\.)*[^\W\d_]+$|\d+$`` in ``text[:end]`` finds
    (including its ``$`` before a final newline); a regular-expression search, in a window that
    doubled while the token might reach past it, cost 6 µs a period, a third of splitting the
    real English MB (a test compares the two).
    """
    if end and text[end - 1] == "\n":
        end -= 1  # "$" also matches before a final newline
    start = end
    if start and text[start - 1].isdecimal():
        while start and text[start - 1].isdecimal():
            start -= 1
        return text[start:end], start
    # A letter is [^\W\d_]: a word character (alphanumeric) that is not a decimal digit.
    while start and (char := text[start - 1]).isalnum() and not char.isdecimal():
        start -= 1
        while start and (char := text[start - 1]).isalnum() and not char.isdecimal():
            start -= 1
        if start >= 2 and text[start - 1] == "." and (char := text[start - 2]).isalnum() and not char.isdecimal():
            start -= 1  # "t.ex": the period joins two runs of letters
    return text[start:end], start


def _starts_sentence(first: str) -> bool:
    """Whether a sentence may start with the character ``first``."""
    return first.isupper() or first.isdigit() or first in "\"'“‘([•–-"
