"""A copy of a Word document with a comment on each finding, for writers who work in Word.

Each active finding becomes one Word comment by the author "kravkoll": its message, its
suggestion and its rule id with the severity, in the document's language. The comment is
anchored to the matched words (runs are split where the words start and end; every part keeps
its run properties). A finding without matched words is anchored to its statement's text in
its first paragraph; a finding about the whole document (a missing clause) to the document's
first statement, usually its title. Suppressed findings get no comment: the ``kravkoll:
ignore`` comment that suppresses them already says why.

Paragraphs are found exactly as the .docx reader numbers them, and columns count in the text
the reader reads (:func:`checker.readers.docx.paragraph_pieces`), so tabs, breaks, fields,
hyperlinks, content controls, tracked changes and text boxes are counted the same way.
Existing comments are kept; new comment ids follow the highest id in use. The source bytes
are never modified.
"""

from __future__ import annotations

import io
from copy import deepcopy
from dataclasses import dataclass
from typing import Iterable, Literal

from docx.opc.part import XmlPart
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from ..document import Location, Statement
from ..readers.docx import WordReading, paragraph_pieces, read_word
from ..report import Finding
from .labels import Labels

AUTHOR = "kravkoll"
"""The author of every comment kravkoll writes."""
INITIALS = "kk"

_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
W_R, W_T, W_RPR, W_PPR, W_ID = qn("w:r"), qn("w:t"), qn("w:rPr"), qn("w:pPr"), qn("w:id")
_COMMENT_MARKS = (qn("w:commentRangeStart"), qn("w:commentRangeEnd"), qn("w:commentReference"), qn("w:comment"))

Point = tuple[int, int]
"""A place in the document: (paragraph number as locations count it, offset in its text)."""
AnchorKind = Literal["match", "statement", "document"]


@dataclass(frozen=True)
class Placement:
    """Where one finding's comment went: on its ``match``, on its ``statement`` (it has no
    match, or the match was not found where it should be) or on the ``document`` (a finding
    about the whole document, placed on the first statement)."""

    finding: Finding
    comment_id: int
    anchor: AnchorKind
    start: Point
    end: Point


@dataclass(frozen=True)
class Annotated:
    """The annotated document's bytes and where each comment went."""

    data: bytes
    placements: list[Placement]


def annotate(source: bytes, findings: Iterable[Finding], *, path: str = "document.docx", language: str | None = None) -> bytes:
    """The .docx ``source`` with a comment on each active finding (see the module notes).

    ``findings`` are those of ``source`` read as the .docx reader reads it; ``language``
    ("sv" or "en") chooses the comments' labels, by default the document's language.
    Raises :class:`~checker.errors.InputError` when ``source`` is not a readable .docx.
    """
    return annotate_document(source, findings, path=path, language=language).data


def annotate_document(source: bytes, findings: Iterable[Finding], *, path: str = "document.docx",
                      language: str | None = None) -> Annotated:
    """As :func:`annotate`, and tell where each comment went."""
    reading = read_word(source, path, language=language)
    labels = Labels(language or reading.document.language)
    story = _Story(reading)
    next_id = _highest_comment_id(reading) + 1
    placements: list[Placement] = []
    for finding in findings:
        if finding.suppressed:
            continue
        anchor, (start, end) = _target(story, finding)
        story.mark(start, end, next_id)
        _add_comment(reading, next_id, comment_text(finding, labels))
        placements.append(Placement(finding, next_id, anchor, start, end))
        next_id += 1
    for notes in reading.notes:
        if notes.root in story.touched:
            # python-docx keeps footnotes and endnotes as bytes: write the changed XML back
            notes.part._blob = etree.tostring(notes.root, xml_declaration=True, encoding="UTF-8", standalone=True)  # noqa: SLF001
    buffer = io.BytesIO()
    reading.word.save(buffer)
    return Annotated(buffer.getvalue(), placements)


def comment_text(finding: Finding, labels: Labels) -> str:
    """The comment of a finding: its message, its suggestion and its rule, one paragraph each."""
    lines = [finding.message]
    if finding.suggestion:
        lines.append(f"{labels('finding.suggestion')} {finding.suggestion}")
    lines.append(f"{labels('finding.rule')} {finding.rule} · {labels('severity.' + finding.severity)}")
    return "\n".join(" ".join(line.split()) for line in lines)


# ---- where a finding goes ---------------------------------------------------------------------


class _Story:
    """The paragraphs of a read document, by number, and the comment marks put into them."""

    def __init__(self, reading: WordReading) -> None:
        self.paragraphs = reading.paragraphs
        self.statements = reading.document.statements
        self.touched: set[etree._Element] = set()  # roots of the parts that got comments
        self._texts: dict[int, str] = {}

    def text(self, number: int) -> str:
        """The text of paragraph ``number`` as the reader reads it ('' if there is none)."""
        if not 1 <= number <= len(self.paragraphs):
            return ""
        if number not in self._texts:  # marks add no text, so a paragraph's text never changes
            self._texts[number] = paragraph_pieces(self.paragraphs[number - 1])[0]
        return self._texts[number]

    def covered(self, start: Point, end: Point) -> str | None:
        """The text from ``start`` to ``end`` (paragraphs joined by a space); None if that is no range."""
        (first, offset), (last, stop) = start, end
        if not 1 <= first <= last <= len(self.paragraphs) or not 0 <= offset <= len(self.text(first)):
            return None
        if first == last:
            return self.text(first)[offset:stop] if offset < stop <= len(self.text(first)) else None
        if not 0 < stop <= len(self.text(last)):
            return None
        middle = [self.text(n) for n in range(first + 1, last)]
        return " ".join([self.text(first)[offset:], *middle, self.text(last)[:stop]])

    def mark(self, start: Point, end: Point, comment_id: int) -> None:
        """Put a comment's range start, range end and reference run around ``start``–``end``."""
        range_start, range_end = _mark_element("w:commentRangeStart", comment_id), _mark_element("w:commentRangeEnd", comment_id)
        reference = _reference_run(comment_id)
        if start == end:  # an empty paragraph: a point at its start
            p = self.paragraphs[start[0] - 1]
            at = p.index(p.find(W_PPR)) + 1 if p.find(W_PPR) is not None else 0
            for offset, element in enumerate((range_start, range_end, reference)):
                p.insert(at + offset, element)
        else:
            first = _run_starting_at(self.paragraphs[start[0] - 1], start[1])
            last = _run_ending_at(self.paragraphs[end[0] - 1], end[1])
            first.addprevious(range_start)
            last.addnext(range_end)
            range_end.addnext(reference)
        self.touched.add(self.paragraphs[start[0] - 1].getroottree().getroot())
        self.touched.add(self.paragraphs[end[0] - 1].getroottree().getroot())


def _target(story: _Story, finding: Finding) -> tuple[AnchorKind, tuple[Point, Point]]:
    """Where a finding's comment goes, and which kind of place that is."""
    statement = _statement_of(story, finding)
    if finding.location is not None and finding.match:
        found = _match_range(story, finding.location, finding.match, statement)
        if found is not None:
            return "match", found
    if statement is not None:
        return "statement", _statement_range(story, statement)
    return "document", _statement_range(story, story.statements[0])


def _statement_of(story: _Story, finding: Finding) -> Statement | None:
    """The finding's statement in the document as read here, if it is the same text."""
    index = finding.statement
    if index is None or not 0 <= index < len(story.statements):
        return None
    statement = story.statements[index]
    return statement if statement.text == finding.text else None


def _match_range(story: _Story, location: Location, match: str, statement: Statement | None) -> tuple[Point, Point] | None:
    """The matched words: each character of the match found through the statement's anchors
    (so a match may run on into the next paragraph of a cell or the next cell of a row; the
    " | " between cells is no text of the document). Without the statement, the words at the
    location; when they are not the match, the occurrence of the match in that paragraph
    nearest to the location; None when there is none."""
    if statement is not None:
        offset = statement.offset_of(location)
        if offset is not None and statement.text.startswith(match, offset):
            found = _mapped(story, statement, offset, offset + len(match))
            if found is not None:
                return found
    start = (location.line, location.column - 1)
    end = (location.line, location.column - 1 + len(match))
    if story.covered(start, end) == match:
        return start, end
    text = story.text(location.line)
    occurrences = [i for i in range(len(text)) if text.startswith(match, i)]
    if not occurrences:
        return None
    nearest = min(occurrences, key=lambda i: abs(i - start[1]))
    return (location.line, nearest), (location.line, nearest + len(match))


def _mapped(story: _Story, statement: Statement, start: int, end: int) -> tuple[Point, Point] | None:
    """Characters ``start``–``end`` of a statement in the paragraphs: from the first to the last
    that stands where its anchors say; None unless every character but white space and the
    separators between cells is covered."""
    points: list[Point] = []
    for offset in range(start, end):
        char = statement.text[offset]
        if char.isspace():
            continue
        location = statement.location_at(offset)
        if story.text(location.line)[location.column - 1:location.column] == char:
            points.append((location.line, location.column - 1))
    if not points:
        return None
    first, last = points[0], (points[-1][0], points[-1][1] + 1)
    covered = story.covered(first, last)
    if covered is None or _letters(covered) != _letters(statement.text[start:end]):
        return None
    return first, last


def _letters(text: str) -> str:
    """``text`` without white space and cell separators, for comparing what a range covers."""
    return "".join(char for char in text if not char.isspace() and char != "|")


def _statement_range(story: _Story, statement: Statement) -> tuple[Point, Point]:
    """A statement's text in the first paragraph where it stands as written (for a sentence,
    the sentence; for a table row, its first cell); else the whole text of the first of its
    paragraphs that has text; else a point at the start of its first paragraph."""
    anchors = statement.anchors
    ends = [a.offset for a in anchors[1:]] + [len(statement.text)]
    for anchor, end in zip(anchors, ends):
        piece = statement.text[anchor.offset:end].rstrip(" |")
        line, column = anchor.location.line, anchor.location.column
        if piece.strip() and story.text(line)[column - 1:column - 1 + len(piece)] == piece:
            return _trimmed(story, line, column - 1, column - 1 + len(piece))
    for anchor in anchors:
        line = anchor.location.line
        if story.text(line).strip():
            return _trimmed(story, line, 0, len(story.text(line)))
    line = anchors[0].location.line
    return (line, 0), (line, 0)


def _trimmed(story: _Story, line: int, start: int, end: int) -> tuple[Point, Point]:
    """``start``–``end`` of paragraph ``line`` without white space at its ends."""
    text = story.text(line)[start:end]
    lead = len(text) - len(text.lstrip())
    return (line, start + lead), (line, start + len(text.rstrip()))


# ---- runs and marks ---------------------------------------------------------------------------


def _run_starting_at(p: etree._Element, offset: int) -> etree._Element:
    """The run whose text starts at character ``offset`` of the paragraph, split off if need be."""
    _, pieces = paragraph_pieces(p)
    piece = next(piece for piece in pieces if piece.end > offset)
    return _split(piece.element, offset - piece.start)[1]


def _run_ending_at(p: etree._Element, offset: int) -> etree._Element:
    """The run whose text ends at character ``offset`` of the paragraph, split off if need be."""
    _, pieces = paragraph_pieces(p)
    piece = next(piece for piece in reversed(pieces) if piece.start < offset)
    return _split(piece.element, offset - piece.start)[0]


def _split(element: etree._Element, at: int) -> tuple[etree._Element, etree._Element]:
    """Split the run holding ``element`` before its character ``at`` (a text split in two if
    need be): (the run up to there, the run from there). A new run gets a copy of the run's
    attributes and properties; a side with no content is the whole run."""
    run = element.getparent()
    if element.tag == W_T and 0 < at < len(element.text or ""):
        rest = element.makeelement(W_T, {_XML_SPACE: "preserve"})
        rest.text = element.text[at:]
        element.text = element.text[:at]
        element.set(_XML_SPACE, "preserve")
        element.addnext(rest)
        cut = run.index(rest)
    else:
        cut = run.index(element) + (1 if at else 0)
    before = [child for child in run[:cut] if child.tag != W_RPR]
    after = list(run[cut:])
    if not before or not after:
        return run, run
    tail = run.makeelement(W_R, dict(run.attrib))
    properties = run.find(W_RPR)
    if properties is not None:
        tail.append(deepcopy(properties))
    tail.extend(after)
    run.addnext(tail)
    return run, tail


def _mark_element(tag: str, comment_id: int) -> etree._Element:
    return OxmlElement(tag, attrs={W_ID: str(comment_id)})


def _reference_run(comment_id: int) -> etree._Element:
    """``<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference/></w:r>``, as Word writes it."""
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    properties.append(OxmlElement("w:rStyle", attrs={qn("w:val"): "CommentReference"}))
    run.append(properties)
    run.append(_mark_element("w:commentReference", comment_id))
    return run


# ---- the comments part ------------------------------------------------------------------------


def _highest_comment_id(reading: WordReading) -> int:
    """The highest comment id in use: in the comments part or in any comment mark of the
    document, its headers, footers, footnotes and endnotes (-1 when there is none)."""
    roots = [part.element for part in reading.word.part.package.iter_parts() if isinstance(part, XmlPart)]
    roots.extend(notes.root for notes in reading.notes)
    highest = -1
    for root in roots:
        for element in root.iter(*_COMMENT_MARKS):
            value = element.get(W_ID, "")
            if value.lstrip("-").isdigit():
                highest = max(highest, int(value))
    return highest


def _add_comment(reading: WordReading, comment_id: int, text: str) -> None:
    """Add a comment with ``comment_id`` to the comments part (made if the document has none)."""
    reading.word.comments.add_comment(text, author=AUTHOR, initials=INITIALS)
    comments = next(part.element for part in reading.word.part.package.iter_parts()
                    if isinstance(part, XmlPart) and part.element.tag == qn("w:comments"))
    comments[-1].set(W_ID, str(comment_id))
