"""Word .docx: the body in document order, located by paragraph number.

Four modules: :mod:`.package` (the zip checked before it is opened, the parts found),
:mod:`.styles`, :mod:`.numbering` (automatic numbering as Word shows it) and :mod:`.body` (the
walk through the body, tables, text boxes and notes); :mod:`.ooxml` names the XML they read.

What is read
- Paragraphs and tables in body order, content controls (``w:sdt``) included. Tracked changes
  read as if accepted (insertions in, deletions out); field codes, headers, footers, and
  comments other than suppressions are left out. A tab or line break reads as one space.
- Locations: ``line`` = ``paragraph`` = the paragraph's number, counting every paragraph of the
  body in document order, empty ones included: a table's paragraphs row by row and cell by
  cell (a nested table's inside its cell), a text box's right after the paragraph that anchors
  it. ``column`` is the character offset within the paragraph + 1. Table rows also carry
  ``table`` (tables numbered in body order, nested tables not counted), ``row`` and ``cell``
  (the cell's grid column, so a cell after a merged one keeps its column number), all from 1.
- Headings: paragraphs styled Heading 1-9 (Rubrik 1-9) or Title, or with an outline level (in
  the paragraph or its style chain); and short paragraphs whose visible text is a numbered
  heading ("4.2 Felhantering", "4.2. FELHANTERING") when they look like one: in capitals or
  bold, or, when the number is typed rather than automatic, with more than one level ("4.2").
  Table-of-contents paragraphs (styles TOC 1-9) are skipped.
- Automatic numbering is computed from numbering.xml (levels, start values, formats, level
  text, overrides, counters per list that restart lower levels, numbering from the paragraph
  or its style). A heading's computed number becomes its section number. A numbered paragraph
  is a list item; its label (``K4.1``, ``4.2.1``, ``Krav 3``; not a bare ``1.`` or ``a)``) is
  its requirement id unless its text starts with an id. In a table cell the label is part of
  the cell's text, so an auto-numbered id column works. Bullets and list styles make list items.
- Tables: each row is one statement (cells joined by " | "); rows marked "repeat as header row"
  are the header, else the builder's heuristics decide. A merged cell is read once (in the row
  and column where it starts). A nested table's text is read into its cell.
- Text boxes are read where they stand (after their anchoring paragraph; in a table cell, into
  the cell); the DrawingML and VML copies of one text box are read once.
- Footnotes and endnotes are read after the body, outside every section, their paragraphs
  numbered on from the body's last one.
- A Word comment holding ``kravkoll: ignore RULE -- reason`` (anywhere in its text; the reason
  runs to the comment's end) suppresses findings in every block the commented range touches (a
  whole paragraph, or a whole table). At most :data:`MAX_OPEN_SUPPRESSIONS` such ranges may
  overlap at one place.

Limits (checked on the zip listing before anything is decompressed or parsed)
- at most :data:`MAX_MEMBERS` files in the package;
- at most :data:`MAX_UNCOMPRESSED_BYTES` (200 MiB) uncompressed in total;
- no file over :data:`RATIO_CHECKED_ABOVE` (1 MiB) uncompressed may be compressed more than
  :data:`MAX_COMPRESSION_RATIO` (100:1): ordinary Word XML compresses 5-30:1, zip bombs ~1000:1;
- no XML part may declare a document type (``<!DOCTYPE``): entity definitions are refused, never
  expanded. (Declared sizes cannot lie: zipfile stops at the declared size and fails the CRC.)

Refused with a one-line error naming the file: old .doc files, password-protected (encrypted)
documents, RTF and PDF files named .docx, zips that are not Word documents (.xlsx, .pptx,
.odt, .docm, .dotx), corrupt or truncated archives, packages whose relationships part does not
parse or whose main document part is missing, not one, or not a document, documents with no
text, and (once parsed) documents with a list level text (``w:lvlText``) longer than
:data:`MAX_LEVEL_TEXT` characters or more than :data:`MAX_OPEN_SUPPRESSIONS` overlapping
suppression comments. The input is read from bytes in memory and never modified.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.document import Document as WordDocument
from lxml import etree

from ...document import Document
from ...segment import DocumentBuilder
from .body import (
    MAX_OPEN_SUPPRESSIONS,
    Story,
    TextPiece,
    paragraph_pieces,
    suppression_comments,
)
from .numbering import MAX_LEVEL_TEXT, Numbering
from .ooxml import W_BODY
from .package import (
    MAX_COMPRESSION_RATIO,
    MAX_MEMBERS,
    MAX_UNCOMPRESSED_BYTES,
    RATIO_CHECKED_ABOVE,
    check_package,
    note_bodies,
    open_word,
    read_parts,
    word_parts,
)
from .styles import Styles

__all__ = [
    "MAX_COMPRESSION_RATIO",
    "MAX_LEVEL_TEXT",
    "MAX_MEMBERS",
    "MAX_OPEN_SUPPRESSIONS",
    "MAX_UNCOMPRESSED_BYTES",
    "RATIO_CHECKED_ABOVE",
    "TextPiece",
    "WordReading",
    "check_package",
    "paragraph_pieces",
    "read_docx",
    "read_word",
]


def read_docx(data: bytes, path: str, *, language: str | None = None) -> Document:
    """Read a .docx held in memory; raise :class:`InputError` for anything that is not a
    readable, safe Word document (see the module documentation for the limits)."""
    return read_word(data, path, language=language).document


@dataclass
class WordReading:
    """A .docx as read: the python-docx document when it was read to be edited (else None),
    the :class:`Document` made from it, and the ``w:p`` element of each paragraph number its
    locations use (``paragraphs[n - 1]`` is paragraph ``n``; a footnote's lies in the parsed
    XML of its part, one of ``notes``)."""

    word: WordDocument | None
    document: Document
    paragraphs: list[etree._Element]
    notes: list[etree._Element]  # the footnotes and endnotes parts, parsed


def read_word(data: bytes, path: str, *, language: str | None = None, editable: bool = False) -> WordReading:
    """Read a .docx held in memory as :func:`read_docx` does, keeping the parsed parts;
    ``editable``: opened by python-docx, to be edited and saved (the same reading)."""
    xml_files = check_package(data, path)
    word = open_word(data, path) if editable else None
    parts = word_parts(word, path) if word is not None else read_parts(data, path, xml_files)
    builder = DocumentBuilder(path=path, format="docx")
    styles = Styles(parts.styles)
    numbering = Numbering(parts.numbering, styles, path)
    story = Story(builder, styles, numbering, suppression_comments(parts.comments), path)
    body = parts.document.find(W_BODY)
    if body is not None:
        story.blocks(body)
    if any(note_bodies(root) for root in parts.notes):
        builder.close_sections()
        for root in parts.notes:
            for note in note_bodies(root):
                story.blocks(note)
    return WordReading(word, builder.build(language), story.elements, parts.notes)
