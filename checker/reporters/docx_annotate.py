"""A copy of a Word document with a comment on each finding, for writers who work in Word,
and with the rules' rewrites as tracked changes if asked.

Each active finding becomes one Word comment by the author "kravkoll": its message, its
suggestion and its rule id with the severity, in the document's language. The comment is
anchored to the matched words when the comment quotes them (runs are split where the words
start and end; every part keeps its run properties); a finding that is about its requirement as
a whole (a requirement without an id, found by its subject "Leverantören") or has no matched
words is anchored to its statement's text (a sentence, a table row). Findings about the whole
document (missing clauses) share one summary comment, the first, on the document's first
statement, usually its title; a finding in a footnote or endnote goes to the note's reference
mark in the text (LibreOffice cannot open a document with a comment inside a note). Suppressed
findings get no comment: the ``kravkoll: ignore`` comment that suppresses them already says why.
kravkoll's own comments from an earlier run are taken out first, and its tracked changes
rejected, so annotating an annotated copy gives each comment once.

With rewrites (rule id → ``rewrite`` template), a finding whose matched words are plain runs of
one paragraph gets them replaced as a tracked change (``w:del`` + ``w:ins``, author "kravkoll").

Paragraphs are found exactly as the .docx reader numbers them, and columns count in the text
the reader reads (:func:`checker.readers.docx.paragraph_pieces`), so tabs, breaks, fields,
hyperlinks, content controls, tracked changes and text boxes are counted the same way.
Existing comments are kept (a comments part with a wrong content type is given the right one;
one that holds no ``w:comments`` is replaced); new comment ids follow the highest decimal id in
use. Each paragraph is split and marked once for all of its comments, so the work is linear in
the document and the comments. The source bytes are never modified.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Iterable, Literal, Mapping

from lxml import etree

from ..document import Location, Statement
from ..readers.docx import WordReading, paragraph_pieces
from ..report import Finding
from ..rulecompile import message_format
from ..rulemodel import Ruleset
from .docx_parts import comment_element, comments_root, highest_comment_id, read_for_annotation, remove_own_comments, repair_comments_part
from .docx_wordml import AUTHOR, NOTE_REFERENCES, W_ID, W_PPR, W_R, Paragraph, consecutive, highest_id, mark_element, plain_runs, reference_run, track_change
from .labels import Labels, shorten

if TYPE_CHECKING:
    from ..engine.links import Nearest

# The names the CLI, the server and tests import from here (the Word XML is in docx_wordml.py and docx_parts.py).
__all__ = [
    "AUTHOR",
    "AnchorKind",
    "Annotated",
    "Placement",
    "Point",
    "annotate",
    "annotate_reading",
    "comment_text",
    "read_for_annotation",
    "rewrite_of",
    "rewrites_of",
    "summary_text",
]

Point = tuple[int, int]
"""A place in the document: (paragraph number as locations count it, offset in its text)."""
AnchorKind = Literal["match", "statement", "document", "note", "start"]


@dataclass(frozen=True)
class Placement:
    """Where one finding's comment went: on its ``match`` (the words its message or suggestion
    quotes), on its ``statement`` (it has no such match, or the match was not found where it
    should be), into the ``document``'s summary comment on the first statement (a finding about
    the whole document: all of them share that one comment) or on a ``note``'s reference mark
    (a finding in a footnote or endnote; ``start`` and ``end`` are then where in the note), or,
    for a finding in a note the text never refers to, on the first statement, at the ``start``.
    ``rewrite`` is the tracked change put on the match, if any."""

    finding: Finding
    comment_id: int
    anchor: AnchorKind
    start: Point
    end: Point
    rewrite: str | None = None


@dataclass(frozen=True)
class Annotated:
    """The annotated document's bytes, where each finding's comment went, how many comments
    kravkoll wrote and how many of its own earlier comments it took out."""

    data: bytes
    placements: list[Placement]
    comments: int = 0
    replaced: int = 0

    @property
    def suggestions(self) -> int:
        """How many rewrites went in as tracked changes."""
        return sum(placement.rewrite is not None for placement in self.placements)


def annotate(
    source: bytes, findings: Iterable[Finding], *, path: str = "document.docx", language: str | None = None, rewrites: Mapping[str, str] | None = None
) -> bytes:
    """The .docx ``source`` with a comment on each active finding (see the module notes), and
    with the ``rewrites`` (rule id → rewrite template, see :func:`rewrite_of`) as tracked changes.

    ``findings`` are those of ``source`` read as the .docx reader reads it once kravkoll's own
    earlier tracked changes are rejected (:func:`read_for_annotation`); ``language`` ("sv" or
    "en") chooses the comments' labels, by default the document's language. Raises
    :class:`~checker.errors.InputError` when ``source`` is not a readable .docx.
    """
    reading = read_for_annotation(source, path, language=language)
    return annotate_reading(reading, findings, language=language, rewrites=rewrites).data


def annotate_reading(
    reading: WordReading,
    findings: Iterable[Finding],
    *,
    language: str | None = None,
    rewrites: Mapping[str, str] | None = None,
    nearest: Mapping[tuple[str, int], tuple[str, Nearest]] | None = None,
) -> Annotated:
    """As :func:`annotate`, on a document already read with :func:`~checker.readers.docx.read_word`
    (whose findings these are; its XML is changed), and tell where each comment went.

    kravkoll's own comments from an earlier run (author "kravkoll") are taken out first, so
    that annotating an annotated copy gives each comment once. Findings about the whole
    document share one summary comment, the first, on the document's first statement.
    ``nearest`` (:func:`~checker.engine.unlinked_notes`) adds to the comment of a requirement
    without follow-up or sanction the nearest such statement and why it does not count."""
    labels = Labels(language or reading.document.language)
    story = _Story(reading)
    repair_comments_part(reading)
    replaced = remove_own_comments(reading)
    next_id = highest_comment_id(reading) + 1
    date = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    rewrites = rewrites or {}
    active = [finding for finding in findings if not finding.suppressed]
    targets = [_target(story, finding, about_match=_about_match(finding, rewrites)) for finding in active]
    whole = [finding for finding, (anchor, _) in zip(active, targets) if anchor == "document"]
    comments: list[etree._Element] = []
    ranges: list[tuple[Point, Point, int, str | None]] = []
    summary_id = next_id
    if whole:  # the first comment, at the start: where a finding about the whole document is placed
        comments.append(comment_element(summary_id, summary_text(whole, labels), date))
        ranges.append((*_statement_range(story, story.statements[0]), summary_id, None))
        next_id += 1
    placements: list[Placement] = []
    for finding, (anchor, (start, end)) in zip(active, targets):
        if anchor == "document":
            placements.append(Placement(finding, summary_id, anchor, start, end))
            continue
        rewrite = rewrite_of(finding, rewrites) if anchor == "match" else None
        found = (nearest or {}).get((finding.rule, finding.statement)) if finding.statement is not None else None
        note = nearest_text(*found, reading.document.statements, labels) if found else None
        comments.append(comment_element(next_id, comment_text(finding, labels, note), date))
        placements.append(Placement(finding, next_id, anchor, start, end, rewrite))
        ranges.append((start, end, next_id, rewrite))
        next_id += 1
    done = story.mark(ranges, date)
    placements = [p if p.rewrite is None or p.comment_id in done else replace(p, rewrite=None) for p in placements]
    if comments:
        comments_root(reading).extend(comments)
    buffer = io.BytesIO()
    reading.word.save(buffer)
    return Annotated(buffer.getvalue(), placements, len(comments), replaced)


def comment_text(finding: Finding, labels: Labels, note: str | None = None) -> str:
    """The comment of a finding: its message, its suggestion, a ``note`` (:func:`nearest_text`),
    and its rule, severity, place ("3.3.1 Felhantering, stycke 13": the clause as Word shows
    it, for the comments listed in Word's review pane or printed) and whom its statement binds
    ("Binder beställaren"), one paragraph each."""
    lines = [finding.message]
    if finding.suggestion:
        lines.append(f"{labels('finding.suggestion')} {finding.suggestion}")
    if note:
        lines.append(note)
    binds = labels.binds(finding.party)
    lines.append(
        f"{labels('finding.rule')} {finding.rule} · {labels('severity.' + finding.severity)} · {labels.place(finding.location, 'docx')}"
        + (f" · {binds}" if binds else "")
    )
    return "\n".join(" ".join(line.split()) for line in lines)


def nearest_text(kind: str, nearest: Nearest, statements: list[Statement], labels: Labels) -> str:
    """The nearest follow-up or sanction statement (``kind``) of a requirement that has none
    linked, and why it does not count: "Nearest sanction: 4 Service credits, paragraph 12, “If
    availability …”, does not count: its clause limits it to availability."."""
    j, why, detail = nearest
    topics = ", ".join(topic.strip().removeprefix("topic_").replace("_", " ") for topic in (detail or "").split(","))
    reason = labels("nearest." + why, topics=topics)
    return labels("nearest." + kind, place=labels.place(statements[j].location, "docx"), text=shorten(statements[j].text, 80), why=reason)


def summary_text(findings: list[Finding], labels: Labels) -> str:
    """The summary comment of the findings about the whole document: a heading line, then one
    paragraph per finding with its message (which names what is missing), its suggestion and
    its rule."""
    lines = [labels("annotate.summary", n=len(findings))]
    for number, finding in enumerate(findings, 1):
        line = f"{number}. {finding.message}"
        if finding.suggestion:
            line += f" {labels('finding.suggestion')} {finding.suggestion}"
        line += f" ({labels('finding.rule')} {finding.rule} · {labels('severity.' + finding.severity)})"
        lines.append(line)
    return "\n".join(" ".join(line.split()) for line in lines)


def rewrites_of(rulesets: Iterable[Ruleset]) -> dict[str, str]:
    """Rule id → rewrite template, for each rule of ``rulesets`` that has a ``rewrite``."""
    return {rule.full_id: rule.rewrite for ruleset in rulesets for rule in ruleset.rules if rule.rewrite is not None}


def rewrite_of(finding: Finding, rewrites: Mapping[str, str]) -> str | None:
    """The words that replace a finding's match, from its rule's rewrite template (``{match}``
    stands for the matched words); when the match begins with a capital letter and the
    rewrite with a small one, the rewrite begins with a capital too (a sentence's first word).
    None when the rule has no rewrite or the finding no match."""
    template = rewrites.get(finding.rule)
    if template is None or not finding.match:
        return None
    text = message_format(template).format(match=finding.match)
    if finding.match[:1].isupper() and text[:1].islower():
        text = text[:1].upper() + text[1:]
    return text


_QUOTES = (('"', '"'), ("“", "”"), ("”", "”"), ("'", "'"), ("‘", "’"), ("«", "»"))


def _about_match(finding: Finding, rewrites: Mapping[str, str]) -> bool:
    """Whether a finding is about its matched words: its message or suggestion quotes them
    (``"{match}"`` in the rule), or its rule rewrites them. A rule that only found the
    requirement by some of its words (a requirement without an id, found by its subject
    "Leverantören"; a sentence with several obligations) is about the requirement instead."""
    match = finding.match
    if not match:
        return False
    said = finding.message + "\n" + (finding.suggestion or "")
    return finding.rule in rewrites or any(f"{opening}{match}{closing}" in said for opening, closing in _QUOTES)


# ---- where a finding goes ---------------------------------------------------------------------


class _Story:
    """The paragraphs of a read document, by number, and the comment marks put into them."""

    def __init__(self, reading: WordReading) -> None:
        self.paragraphs = reading.paragraphs
        self.statements = reading.document.statements
        self.body = reading.word.element
        self._texts: dict[int, str] = {}
        self._note_references: dict[tuple[str, str | None], etree._Element] | None = None

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

    def in_note(self, number: int) -> bool:
        """Whether paragraph ``number`` is in a footnote or endnote."""
        return _note_of(self.paragraphs[number - 1]) is not None

    def note_reference(self, number: int) -> etree._Element | None:
        """The run in the text that refers to the footnote or endnote paragraph ``number`` is
        in; None when that paragraph is in the body (or the note is never referred to)."""
        note = _note_of(self.paragraphs[number - 1])
        if note is None:
            return None
        if self._note_references is None:  # one pass over the body, however many notes there are
            self._note_references = {}
            for reference in self.body.iter(*NOTE_REFERENCES.values()):
                if reference.getparent().tag == W_R:
                    self._note_references.setdefault((reference.tag, reference.get(W_ID)), reference.getparent())
        return self._note_references.get((NOTE_REFERENCES[note.tag], note.get(W_ID)))

    def mark(self, ranges: list[tuple[Point, Point, int, str | None]], date: str) -> set[int]:
        """Put each comment's range start, range end and reference run around its ``start``–``end``
        (in a note: around the note's reference mark; in an empty paragraph: at its start); where
        a range has a rewrite, replace its words by it as a tracked change (see
        :func:`~checker.reporters.docx_wordml.track_change`). Tell which comments' rewrites went in.

        Marks add no text, so every range is placed on the text as read. The runs of each
        paragraph are split at all of its ranges' ends first, then every mark's place is found
        and the marks go in: each paragraph is walked a fixed number of times, however many
        comments it gets."""
        starts: dict[int, set[int]] = {}
        ends: dict[int, set[int]] = {}
        for start, end, _, _ in ranges:
            if start != end and self.note_reference(start[0]) is None:
                starts.setdefault(start[0], set()).add(start[1])
                ends.setdefault(end[0], set()).add(end[1])
        paragraphs = {
            number: Paragraph(self.paragraphs[number - 1], starts.get(number, set()), ends.get(number, set())) for number in starts.keys() | ends.keys()
        }
        for paragraph in paragraphs.values():  # after every split: a text box's paragraph lies inside another
            paragraph.index()
        places: list[tuple[etree._Element, etree._Element, int, str | None]] = []
        points: list[tuple[etree._Element, int]] = []
        for start, end, comment_id, rewrite in ranges:
            note_reference = self.note_reference(start[0])
            if note_reference is not None:
                places.append((note_reference, note_reference, comment_id, None))
            elif start == end:
                points.append((self.paragraphs[start[0] - 1], comment_id))
            else:
                rewrite = rewrite if start[0] == end[0] else None  # a tracked change stays inside one paragraph
                places.append((paragraphs[start[0]].first_at(start[1]), paragraphs[end[0]].last_at(end[1]), comment_id, rewrite))
        for p, comment_id in points:
            at = p.index(p.find(W_PPR)) + 1 if p.find(W_PPR) is not None else 0
            for offset, element in enumerate(
                (mark_element("w:commentRangeStart", comment_id), mark_element("w:commentRangeEnd", comment_id), reference_run(comment_id))
            ):
                p.insert(at + offset, element)
        runs = [plain_runs(first, last) if rewrite is not None else None for first, last, _, rewrite in places]
        for first, last, comment_id, _ in places:
            range_end = mark_element("w:commentRangeEnd", comment_id)
            first.addprevious(mark_element("w:commentRangeStart", comment_id))
            last.addnext(range_end)
            range_end.addnext(reference_run(comment_id))
        changed: set[int] = set()
        taken: set[etree._Element] = set()  # runs already in a tracked change: one change per word
        revision_id = highest_id(self.body) + 1
        for (_, _, comment_id, rewrite), plain in zip(places, runs):
            if rewrite is None or plain is None or taken.intersection(plain) or not consecutive(plain):
                continue
            taken.update(plain)
            track_change(plain, rewrite, revision_id, date)
            revision_id += 2
            changed.add(comment_id)
        return changed


def _target(story: _Story, finding: Finding, *, about_match: bool = True) -> tuple[AnchorKind, tuple[Point, Point]]:
    """Where a finding's comment goes, and which kind of place that is: on its match only when
    it is ``about_match``."""
    statement = _statement_of(story, finding)
    anchor: AnchorKind
    found = None
    if finding.location is not None and finding.match and (about_match or statement is None):
        found = _match_range(story, finding.location, finding.match, statement)
    if found is not None:
        anchor = "match"
    elif statement is not None:
        anchor, found = "statement", _statement_range(story, statement)
    else:
        anchor, found = "document", _statement_range(story, story.statements[0])
    if story.in_note(found[0][0]):
        if story.note_reference(found[0][0]) is not None:
            return "note", found
        return "start", _statement_range(story, story.statements[0])  # a note the text never refers to
    return anchor, found


def _note_of(p: etree._Element) -> etree._Element | None:
    """The ``w:footnote`` or ``w:endnote`` a paragraph is in, if any."""
    for ancestor in p.iterancestors(*NOTE_REFERENCES):
        return ancestor
    return None


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
    before, after = text.rfind(match, 0, start[1] + len(match) - 1), text.find(match, start[1])
    occurrences = [i for i in (before, after) if i != -1]
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
        if story.text(location.line)[location.column - 1 : location.column] == char:
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
    """A statement's text from its first character to its last where every character stands
    as written (a sentence, a whole table row, a sentence over several paragraphs); else its
    text in the first paragraph where it stands as written (for a table row whose id is a
    numbering label, its first cell with text); else the whole text of the first of its
    paragraphs that has text; else a point at the start of its first paragraph."""
    whole = _mapped(story, statement, 0, len(statement.text))
    if whole is not None:
        return whole
    anchors = statement.anchors
    ends = [a.offset for a in anchors[1:]] + [len(statement.text)]
    for anchor, end in zip(anchors, ends):
        piece = statement.text[anchor.offset : end].rstrip(" |")
        line, column = anchor.location.line, anchor.location.column
        if piece.strip() and story.text(line)[column - 1 : column - 1 + len(piece)] == piece:
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
