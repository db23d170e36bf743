"""The body of a .docx in document order: paragraphs, tables, text boxes and notes fed to the
:class:`~checker.segment.DocumentBuilder`, each located by paragraph number, with the
suppressions of ``kravkoll: ignore`` comments."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from lxml import etree

from ...clauses import reads_as_prose
from ...document import Anchor, Suppression
from ...errors import InputError
from ...lazyre import lazy_compile
from ...segment import (
    DocumentBuilder,
    Piece,
    heading_level,
    looks_like_id,
    numbered_heading,
    parse_suppression,
    source_anchor,
    source_location,
)
from .numbering import Label, Numbering
from .ooxml import (
    MARKER_TAGS,
    MC_ALTERNATE,
    MC_CHOICE,
    OTHER_TAGS,
    SPACE_TAGS,
    W_B,
    W_CUSTOM_XML,
    W_GRID_BEFORE,
    W_GRID_SPAN,
    W_ID,
    W_ILVL,
    W_MOVE_FROM,
    W_NB_HYPHEN,
    W_NUMID,
    W_NUMPR,
    W_OUTLINE,
    W_P,
    W_PPR,
    W_PSTYLE,
    W_R,
    W_RANGE_END,
    W_RANGE_START,
    W_RPR,
    W_SDT,
    W_SDT_CONTENT,
    W_T,
    W_TBL,
    W_TBL_HEADER,
    W_TC,
    W_TCPR,
    W_TR,
    W_TRPR,
    W_TXBX,
    child,
    int_attribute,
    is_on,
    value_of,
)
from .styles import Style, Styles

_MAX_GRID_COLUMNS = 64  # Word allows 63; a larger gridSpan or gridBefore is hostile


MAX_OPEN_SUPPRESSIONS = 100
"""Most ``kravkoll: ignore`` comments whose ranges may be open at one place in the text."""


_DIRECTIVE = lazy_compile(r"kravkoll\s*:\s*ignore\s")


def suppression_comments(comments: etree._Element | None) -> dict[str, str]:
    """Comment id → suppression text, for the comments that hold a ``kravkoll: ignore``
    directive: the comment's text from the directive on, wherever in the comment it stands
    ("Agreed with legal. kravkoll: ignore KR001 -- ..."), its paragraphs joined by newlines."""
    texts: dict[str, str] = {}
    if comments is None:
        return texts
    probe = source_location(1, 1)
    for comment in comments:
        text = "\n".join("".join(t.text or "" for t in p.iter(W_T)) for p in comment.iter(W_P))
        directive = _DIRECTIVE.search(text)
        if directive is not None and parse_suppression(text[directive.start() :], probe) is not None:
            texts[comment.get(W_ID, "")] = text[directive.start() :]
    return texts


class _Text:
    """A paragraph's text, its comment markers (offset, tag, comment id) and its text boxes."""

    __slots__ = ("parts", "length", "markers", "boxes")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.markers: list[tuple[int, str, str]] = []
        self.boxes: list[etree._Element] = []

    def add(self, text: str, source: etree._Element) -> None:  # noqa: ARG002 - used by _SourcedText
        self.parts.append(text)
        self.length += len(text)

    @property
    def text(self) -> str:
        return "".join(self.parts)


class _SourcedText(_Text):
    """A paragraph's text that also keeps the element each piece of it was read from."""

    __slots__ = ("sources",)

    def __init__(self) -> None:
        super().__init__()
        self.sources: list[etree._Element] = []

    def add(self, text: str, source: etree._Element) -> None:
        super().add(text, source)
        self.sources.append(source)


@dataclass(frozen=True)
class TextPiece:
    """Characters ``start`` to ``end`` of a paragraph's text and the element they were read
    from: a ``w:t`` (its text), or a ``w:tab``, ``w:ptab``, ``w:br``, ``w:cr`` (read as one
    space) or ``w:noBreakHyphen`` (read as "-")."""

    start: int
    end: int
    element: etree._Element


def paragraph_pieces(p: etree._Element) -> tuple[str, list[TextPiece]]:
    """A paragraph's text exactly as the reader reads it (the text its columns count in),
    and the element each piece of it comes from: read by the careful walk, which reads every
    paragraph as the reader's one pass does."""
    text = _SourcedText()
    _walk(p, text)
    pieces: list[TextPiece] = []
    offset = 0
    for part, source in zip(text.parts, text.sources):
        pieces.append(TextPiece(offset, offset + len(part), source))
        offset += len(part)
    return text.text, pieces


@dataclass
class _CellText:
    """A table cell's paragraphs joined by spaces, each with its anchor."""

    texts: list[str] = field(default_factory=list)
    anchors: list[Anchor] = field(default_factory=list)
    offset: int = 0

    def add(self, text: str, paragraph: int) -> None:
        if not text.strip():
            return
        if self.texts:
            self.offset += 1
        self.anchors.append(source_anchor(self.offset, paragraph, 1, paragraph))
        self.texts.append(text)
        self.offset += len(text)

    def piece(self, paragraph: int) -> Piece:
        """The cell as a piece; an empty cell is anchored at ``paragraph``."""
        if not self.anchors:
            self.anchors.append(source_anchor(0, paragraph, 1, paragraph))
        return Piece(text=" ".join(self.texts), anchors=self.anchors)


class Story:
    """Walks the body (and notes) in document order and feeds the builder."""

    def __init__(self, builder: DocumentBuilder, styles: Styles, numbering: Numbering, comment_texts: dict[str, str], path: str) -> None:
        self.builder = builder
        self.path = path
        self.styles = styles
        self.numbering = numbering
        self.comment_texts = comment_texts
        self.paragraphs = 0
        self.elements: list[etree._Element] = []  # the w:p of each paragraph number, in order
        self.open_suppressions: dict[str, Suppression] = {}
        self.started: set[str] = set()

    # -- block containers (the body, a content control, a text box, a footnote)
    def blocks(self, container: etree._Element) -> None:
        for node in container:
            tag = node.tag
            if tag == W_P:
                self.paragraph(node)
            elif tag == W_TBL:
                self.table(node)
            elif tag == W_SDT:
                content = child(node, W_SDT_CONTENT)
                if content is not None:
                    self.blocks(content)
            elif tag == W_CUSTOM_XML:
                self.blocks(node)
            elif tag in MARKER_TAGS and self.comment_texts:
                self._apply_markers([(0, tag, node.get(W_ID, ""))], self.paragraphs + 1)

    def paragraph(self, p: etree._Element) -> None:
        number = self._next_paragraph(p)
        text = _paragraph_text(p)
        properties = child(p, W_PPR)
        style, label = self._properties(properties)
        first_block = len(self.builder.blocks)
        body = text.text
        if not style.is_toc and body.strip():
            heading = self._heading(p, properties, body, style, label)
            if heading is not None:
                level, heading_number = heading
                column = 1 + len(body) - len(body.lstrip())
                self.builder.heading(body, level, source_location(number, column, number), heading_number)
            else:
                kind = "list_item" if label is not None or style.is_list else "paragraph"
                shown = label.text if label is not None and not label.bullet else None
                depth = label.level if label is not None else 0
                self.builder.paragraph(Piece(text=body, anchors=[source_anchor(0, number, 1, number)]), kind, _label_id(label), shown, depth=depth)
        if text.markers or self.open_suppressions:
            self.builder.suppress_blocks(self._apply_markers(text.markers, number), first_block)
        for box in text.boxes:
            self.blocks(box)

    def table(self, table: etree._Element) -> None:
        """A table: one piece per grid column of each row; rows marked as header rows lead."""
        first_block = len(self.builder.blocks)
        suppressions = list(self.open_suppressions.values())
        rows: list[list[Piece]] = []
        header_rows = 0
        for row in _children(table, W_TR):
            properties = child(row, W_TRPR)
            header = child(properties, W_TBL_HEADER)
            if header is not None and is_on(header) and header_rows == len(rows):
                header_rows += 1
            rows.append(self._row(row, properties, suppressions))
        self.builder.table(rows, header_rows or None)
        self.builder.suppress_blocks(_unique(suppressions), first_block)

    def _row(self, row: etree._Element, properties: etree._Element | None, suppressions: list[Suppression]) -> list[Piece]:
        """A row's cells by grid column: a merged cell once, in its first column, the columns it
        spans (and those skipped before the first cell) empty."""
        cells: list[Piece] = []
        skipped = int_attribute(child(properties, W_GRID_BEFORE)) or 0
        skipped = min(skipped, _MAX_GRID_COLUMNS)
        for cell in _children(row, W_TC):
            piece = self._cell(cell, suppressions).piece(max(self.paragraphs, 1))
            span = int_attribute(child(child(cell, W_TCPR), W_GRID_SPAN)) or 1
            span = min(span, _MAX_GRID_COLUMNS)
            cells.extend(Piece(text="", anchors=piece.anchors[:1]) for _ in range(skipped))
            cells.append(piece)
            cells.extend(Piece(text="", anchors=piece.anchors[:1]) for _ in range(span - 1))
            skipped = 0
        return cells

    def _cell(self, container: etree._Element, suppressions: list[Suppression], cell: _CellText | None = None) -> _CellText:
        """The text of a cell: its paragraphs, nested tables' and text boxes' included, in order."""
        cell = cell if cell is not None else _CellText()
        for p in _paragraphs(container):
            number = self._next_paragraph(p)
            text = _paragraph_text(p)
            _, label = self._properties(child(p, W_PPR))
            if label is not None and not label.bullet:
                cell.add(label.text, number)
            cell.add(text.text, number)
            if text.markers:
                suppressions.extend(self._apply_markers(text.markers, number))
            for box in text.boxes:
                self._cell(box, suppressions, cell)
        return cell

    # -- paragraph properties
    def _properties(self, properties: etree._Element | None) -> tuple[Style, Label | None]:
        """The style and, when it is numbered, the computed label (this counts it) of a
        paragraph with these properties (its ``w:pPr``)."""
        style = self.styles.get(value_of(child(properties, W_PSTYLE)))
        num_pr = child(properties, W_NUMPR)
        num_id, level = style.numbering or (None, None)
        if num_pr is not None:
            own_id, own_level = value_of(child(num_pr, W_NUMID)), int_attribute(child(num_pr, W_ILVL))
            if own_id is not None:
                num_id, level = own_id, own_level if own_level is not None else 0
            elif own_level is not None:
                level = own_level
        if num_id is None or num_id == "0":
            return style, None
        if level is None:
            level = self.numbering.level_of_style(num_id, style.numbering_style)
        return style, self.numbering.next_label(num_id, level)

    def _heading(self, p: etree._Element, properties: etree._Element | None, text: str, style: Style, label: Label | None) -> tuple[int, str | None] | None:
        """(level, number) when the paragraph (with these properties) is a heading; number None
        means "from the text". A paragraph styled as a heading that reads as prose
        (:func:`reads_as_prose`) is none."""
        outline = int_attribute(child(properties, W_OUTLINE))
        level = (outline + 1 if outline < 9 else None) if outline is not None else style.heading_level
        number = label.number if label is not None and not label.bullet and label.number else None
        if level is not None:
            return None if reads_as_prose(text) else (level, number)
        visible = f"{label.text} {text.strip()}" if number else text.strip()
        found = numbered_heading(visible)
        if found is None:
            return None
        title = found[1]
        if not (title.isupper() or (number is None and "." in found[0]) or style.bold or _all_runs_bold(p)):
            return None
        if number is not None:
            return label.level + 1, number
        return heading_level(found[0]), None

    # -- suppressions (Word comments)
    def _apply_markers(self, markers: list[tuple[int, str, str]], number: int) -> list[Suppression]:
        """The suppressions that apply to this paragraph's blocks: those open when it starts and
        those starting in it; closes those ending in it."""
        applying = list(self.open_suppressions.values())
        closing: list[str] = []
        for offset, tag, comment_id in markers:
            text = self.comment_texts.get(comment_id)
            if text is None:
                continue
            if tag == W_RANGE_END:
                closing.append(comment_id)
            elif comment_id not in self.started:  # a range start, or a bare reference
                self.started.add(comment_id)
                suppression = parse_suppression(text, source_location(number, offset + 1, number))
                if suppression is not None:
                    applying.append(suppression)
                    if tag == W_RANGE_START:
                        self.open_word(comment_id, suppression)
        for comment_id in closing:
            self.open_suppressions.pop(comment_id, None)
        return applying

    def open_word(self, comment_id: str, suppression: Suppression) -> None:
        """Open a suppression's range; every block until it closes carries it, so the number
        open at once is capped (:data:`MAX_OPEN_SUPPRESSIONS`) to keep reading linear."""
        if len(self.open_suppressions) >= MAX_OPEN_SUPPRESSIONS:
            raise InputError(
                self.path,
                f"has more than {MAX_OPEN_SUPPRESSIONS} 'kravkoll: ignore' comments whose ranges overlap "
                f"(at paragraph {suppression.location.line}); refused as a possible denial of service",
            )
        self.open_suppressions[comment_id] = suppression

    def _next_paragraph(self, p: etree._Element) -> int:
        self.elements.append(p)
        self.paragraphs += 1
        return self.paragraphs


def _children(element: etree._Element, tag: str) -> Iterator[etree._Element]:
    """Children with ``tag``, looking through content controls and custom XML wrappers."""
    for node in element:
        if node.tag == tag:
            yield node
        elif node.tag == W_SDT:
            content = child(node, W_SDT_CONTENT)
            if content is not None:
                yield from _children(content, tag)
        elif node.tag == W_CUSTOM_XML:
            yield from _children(node, tag)


def _paragraphs(container: etree._Element) -> Iterator[etree._Element]:
    """The paragraphs of a cell (or text box) in order, nested tables' included."""
    for node in container:
        if node.tag == W_P:
            yield node
        elif node.tag == W_TBL:
            for row in _children(node, W_TR):
                for cell in _children(row, W_TC):
                    yield from _paragraphs(cell)
        elif node.tag == W_SDT:
            content = child(node, W_SDT_CONTENT)
            if content is not None:
                yield from _paragraphs(content)
        elif node.tag == W_CUSTOM_XML:
            yield from _paragraphs(node)


def _paragraph_text(p: etree._Element) -> _Text:
    """The visible text of a paragraph in one pass over its content (its properties, whose
    ``w:tab`` are tab stops, left out), its pieces gathered in a list rather than added one
    call each (a fifth of the pass); paragraphs with text boxes, alternate content or
    moved-away text take the careful walk (:func:`_walk`) instead, which reads the others
    the same."""
    text = _Text()
    parts, markers = text.parts, text.markers
    length = 0
    for node in p:
        if node.tag == W_PPR:
            continue
        for element in node.iter():
            tag = element.tag
            if tag == W_T:
                if value := element.text:
                    parts.append(value)
                    length += len(value)
            elif tag in OTHER_TAGS:
                if tag in SPACE_TAGS:
                    parts.append(" ")
                    length += 1
                elif tag == W_NB_HYPHEN:
                    parts.append("-")
                    length += 1
                elif tag in MARKER_TAGS:
                    markers.append((length, tag, element.get(W_ID, "")))
                else:
                    careful = _Text()
                    _walk(p, careful)
                    return careful
    text.length = length
    return text


def _walk(element: etree._Element, text: _Text) -> None:
    for node in element:
        tag = node.tag
        if tag == W_T:
            if node.text:
                text.add(node.text, node)
        elif tag in SPACE_TAGS:
            text.add(" ", node)
        elif tag == W_NB_HYPHEN:
            text.add("-", node)
        elif tag in MARKER_TAGS:
            text.markers.append((text.length, tag, node.get(W_ID, "")))
        elif tag == W_TXBX:
            text.boxes.append(node)
        elif tag == MC_ALTERNATE:
            choice = child(node, MC_CHOICE)  # the Fallback repeats the Choice in older markup
            _walk(choice if choice is not None else node, text)
        elif tag != W_MOVE_FROM and tag != W_PPR:
            _walk(node, text)


def _all_runs_bold(p: etree._Element) -> bool:
    runs = [run for run in p.iter(W_R) if any(t.text for t in run.iter(W_T))]
    if not runs:
        return False
    for run in runs:
        bold = child(child(run, W_RPR), W_B)
        if bold is None or not is_on(bold):
            return False
    return True


def _label_id(label: Label | None) -> str | None:
    """A list label that names a requirement (``K4.1``, ``4.2.1``, ``Krav 3``), not a bare
    list number or letter."""
    if label is None or label.bullet:
        return None
    number = label.number
    return number if looks_like_id(number) and not number.isdigit() else None


def _unique(suppressions: list[Suppression]) -> list[Suppression]:
    seen: list[Suppression] = []
    for suppression in suppressions:
        if all(suppression is not other for other in seen):
            seen.append(suppression)
    return seen
