"""The lines of a text reader's paragraph as pieces of text: numbered requirements and the items
of lists written without bullets each a piece of their own (the Markdown and plain-text readers)."""

from __future__ import annotations

from ..clauses import LETTER_CLAUSE, LETTER_ITEM, ROMAN_CLAUSE, may_open_letter, next_letter
from ..document import Anchor
from ..ids import leading_id
from ..segment import Piece, source_anchor
from ..sentences import split_sentences

_UNMARKED_ITEM_WORDS = 10
"""Most words of a line that can be an item of a list written without bullets."""


def _unmarked_item(line: str) -> bool:
    """Whether a line can be an item of a list written without bullets, as text converted from
    Word or PDF loses them ("Följande uppgifter ska framgå:" / "Uppdragsgivare" / "Kontaktperson
    hos uppdragsgivare"): a few words that start with a capital or a digit and end no sentence,
    at the line's end or inside it (a wrapped paragraph's line: "Facilitator, Technical Lead, and
    Design Lead. The Technical and Design" goes on with "Leads should not be the same person"; as
    the sentence splitter reads it, so that "U.S. Army Corps of Engineers" is still an item)."""
    text = line.strip()
    return (
        bool(text)
        and (text[0].isupper() or text[0].isdigit())
        and not text.endswith((".", "!", "?", ":", ";", ","))
        and len(text.split()) <= _UNMARKED_ITEM_WORDS
        and len(split_sentences(text)) == 1
    )


def _starts_numbered_paragraph(line: str, previous: str, letter: str | None = None) -> bool:
    """A line that starts with an id begins a new paragraph, unless it merely continues the
    previous line's sentence ("… described in paragraph / 7.2.4 of this clause"); so does one
    that starts with a letter clause ("B. The Contractor shall …") or a roman one ("iv) EHM har
    rätt …") after a finished sentence, but not "i)" after a line opened by ``letter`` "h)"
    (:func:`next_letter`)."""
    found = leading_id(line)
    finished = previous.rstrip().endswith((".", ":", ";", "!", "?"))
    if found is None:
        if not finished or not may_open_letter(line):
            return False  # a letter or roman numeral counts only after a finished sentence
        roman = ROMAN_CLAUSE.match(line)
        roman_clause = roman is not None and not next_letter(roman.group("roman"), letter)
        return bool(LETTER_CLAUSE.match(line) or roman_clause)
    rest = line[found[1] :].lstrip()
    return finished or rest[:1].isupper() or rest[:1].isdigit()


def line_pieces(lines: list[tuple[int, int, str]]) -> list[Piece]:
    """Consecutive source lines (line, column, text) as pieces of text; a line that starts
    with an id (``K4.1 …``) starts a new piece, so each numbered requirement is its own block.
    After a line that ends in ":", short lines that end no sentence are the items of a list
    written without bullets (:func:`_unmarked_item`), each a piece of its own (``item``); the
    first line after them that starts with a capital starts a new piece."""
    if len(lines) == 1:  # a paragraph of one line, as most are: the piece is the line (no line after it to read)
        line, column, text = lines[0]
        return [Piece(text=text, anchors=[source_anchor(0, line, column)])]
    pieces: list[Piece] = []
    texts: list[str] = []
    anchors: list[Anchor] = []
    offset = 0
    item = False  # the piece being read is an item of an unmarked list
    letter: str | None = None  # the small letter that opened the last line opened by one ("h) …")
    for line, column, text in lines:
        starts_item = bool(texts) and (item or texts[-1].rstrip().endswith(":")) and _unmarked_item(text)
        ends_list = item and not starts_item and text.lstrip()[:1].isupper()
        if texts and (starts_item or ends_list or _starts_numbered_paragraph(text, texts[-1], letter)):
            pieces.append(Piece(text=" ".join(texts), anchors=anchors, item=item))
            texts, anchors, offset = [], [], 0
            item = starts_item
        elif texts:
            offset += 1  # the space that joins the lines
        if may_open_letter(text) and (opened := LETTER_ITEM.match(text)) is not None:
            letter = opened.group("letter")
        anchors.append(source_anchor(offset, line, column))
        texts.append(text)
        offset += len(text)
    if texts:
        pieces.append(Piece(text=" ".join(texts), anchors=anchors, item=item))
    return pieces
