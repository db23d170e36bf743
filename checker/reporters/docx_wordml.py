"""The WordprocessingML the annotator writes (:mod:`checker.reporters.docx_annotate`): the
names of its elements, runs split at given offsets of a paragraph's text with comment marks
around a range of them, and a rewrite put in as a tracked change by kravkoll."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from copy import deepcopy

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from ..readers.docx import paragraph_pieces

AUTHOR = "kravkoll"
"""The author of every comment kravkoll writes."""
INITIALS = "kk"

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
W_R, W_T, W_RPR, W_PPR, W_ID = qn("w:r"), qn("w:t"), qn("w:rPr"), qn("w:pPr"), qn("w:id")
W_DEL_TEXT = qn("w:delText")
W_SDT_CONTENT, W_FLD_SIMPLE, W_FLD_CHAR, W_FLD_CHAR_TYPE = qn("w:sdtContent"), qn("w:fldSimple"), qn("w:fldChar"), qn("w:fldCharType")
_WRAPPERS = frozenset(qn(f"w:{tag}") for tag in ("hyperlink", "smartTag", "sdt", "ins", "moveTo", "customXml", "fldSimple", "dir", "bdo"))
NOTE_REFERENCES = {qn("w:footnote"): qn("w:footnoteReference"), qn("w:endnote"): qn("w:endnoteReference")}
COMMENT_MARKS = (qn("w:commentRangeStart"), qn("w:commentRangeEnd"), qn("w:commentReference"), qn("w:comment"))

DECIMAL = re.compile(r"-?[0-9]+")


# ---- runs and marks ---------------------------------------------------------------------------


class Paragraph:
    """A paragraph whose runs are split at given offsets of its text, and where a comment's
    marks go around a range between two of those offsets."""

    def __init__(self, p: etree._Element, starts: set[int], ends: set[int]) -> None:
        """Split ``p``'s runs so that a run starts at each of ``starts`` and one ends at each of
        ``ends``: texts first (each cut into pieces at the offsets inside it), then the runs
        (each new run gets a copy of the run's attributes and properties). Text outside a run
        (not valid WordprocessingML) is marked beside itself, never split."""
        self.p = p
        _, pieces = paragraph_pieces(p)
        offsets = sorted(starts | ends)
        for piece in pieces:
            inside = offsets[bisect_right(offsets, piece.start) : bisect_left(offsets, piece.end)]
            if inside and piece.element.tag == W_T:
                _split_text(piece.element, [offset - piece.start for offset in reversed(inside)])
        _, self.pieces = paragraph_pieces(p)
        self.starts = [piece.start for piece in self.pieces]
        self.ends = [piece.end for piece in self.pieces]
        for offset in starts:
            element = self.pieces[bisect_right(self.ends, offset)].element
            _split_run(element, before=True)
        for offset in ends:
            element = self.pieces[bisect_left(self.starts, offset) - 1].element
            _split_run(element, before=False)

    def index(self) -> None:
        """Record the paragraph's document order, once every paragraph is split."""
        self.order = {node: index for index, node in enumerate(self.p.iter())}
        self.text_order = [self.order[piece.element] for piece in self.pieces]  # ascending: pieces are in document order
        self.fields = _field_bounds(self.p)

    def first_at(self, offset: int) -> etree._Element:
        """Where the range start of a range from ``offset`` goes (see :meth:`_outermost`)."""
        piece = self.pieces[bisect_right(self.ends, offset)]  # the first piece that ends after it
        return self._outermost(_run_of(piece.element), at_start=True)

    def last_at(self, offset: int) -> etree._Element:
        """Where the range end of a range up to ``offset`` goes (see :meth:`_outermost`)."""
        piece = self.pieces[bisect_left(self.starts, offset) - 1]  # the last piece that starts before it
        return self._outermost(_run_of(piece.element), at_start=False)

    def _outermost(self, run: etree._Element, *, at_start: bool) -> etree._Element:
        """Where a range's mark goes: beside the run, or, when the run is in a field's result,
        beside the whole field (a field's result is replaced when it is updated, and LibreOffice
        drops marks inside one); then beside each inline wrapper (hyperlink, content control,
        insertion, smart tag ...) that has no text before the run (at the start) or after it (at
        the end), so that no reader has to look for a range inside a wrapper."""
        element = _outermost_field(run)
        begin, end = self.fields.get(element, (None, None))
        bound = begin if at_start else end
        element = bound if bound is not None else element
        order = self.order
        while True:
            parent = element.getparent()
            wrapper = parent.getparent() if parent.tag == W_SDT_CONTENT else parent
            if wrapper is self.p or wrapper.tag not in _WRAPPERS:
                return element
            if at_start:
                beside = self._has_text(order[wrapper], order[element] - 1)
            else:
                beside = self._has_text(_last_order(element, order) + 1, _last_order(wrapper, order))
            if beside:
                return element
            element = wrapper

    def _has_text(self, first: int, last: int) -> bool:
        """Whether a piece of text stands between document-order positions ``first`` and ``last``."""
        index = bisect_left(self.text_order, first)
        return index < len(self.text_order) and self.text_order[index] <= last


def _outermost_field(run: etree._Element) -> etree._Element:
    """The outermost simple field (``w:fldSimple``) the run is in, else the run."""
    outermost = run
    for field in run.iterancestors(W_FLD_SIMPLE):
        outermost = field
    return outermost


def _field_bounds(p: etree._Element) -> dict[etree._Element, tuple[etree._Element, etree._Element | None]]:
    """Each node inside the result of a complex field of the paragraph → the runs that begin
    and end the outermost such field (the end None when it does not end in the paragraph)."""
    bounds: dict[etree._Element, tuple[etree._Element, etree._Element | None]] = {}
    open_fields: list[etree._Element] = []
    inside: list[etree._Element] = []  # the nodes met since the outermost field began
    for node in p.iter():
        if open_fields:
            inside.append(node)
        if node.tag == W_FLD_CHAR:
            kind = node.get(W_FLD_CHAR_TYPE)
            if kind == "begin":
                open_fields.append(node.getparent())
            elif kind == "end" and open_fields:
                begin = open_fields.pop()
                if not open_fields:
                    bounds.update((element, (begin, node.getparent())) for element in inside)
                    inside = []
    if open_fields:
        bounds.update((element, (open_fields[0], None)) for element in inside)
    return bounds


def _last_order(element: etree._Element, order: dict[etree._Element, int]) -> int:
    """The document-order position of the last node inside ``element``."""
    last = element
    while len(last):
        last = last[-1]
    return order[last]


def _run_of(element: etree._Element) -> etree._Element:
    """The run a piece of text stands in; the element itself when it stands in none."""
    run = element.getparent()
    return run if run.tag == W_R else element


def _split_text(element: etree._Element, offsets: list[int]) -> None:
    """Cut a ``w:t`` into one ``w:t`` per stretch between ``offsets`` (descending, inside its text)."""
    for at in offsets:
        rest = element.makeelement(W_T, {XML_SPACE: "preserve"})
        rest.text = element.text[at:]
        element.text = element.text[:at]
        element.addnext(rest)
    element.set(XML_SPACE, "preserve")


def _split_run(element: etree._Element, *, before: bool) -> None:
    """Split the run holding ``element`` in two just ``before`` it (else just after it), when
    content stands on both sides; the new second run gets a copy of the run's attributes and
    properties."""
    run = element.getparent()
    if run.tag != W_R:
        return
    cut = run.index(element) + (0 if before else 1)
    if cut >= len(run) or not any(child.tag != W_RPR for child in run[:cut]):
        return
    tail = run.makeelement(W_R, dict(run.attrib))
    properties = run.find(W_RPR)
    if properties is not None:
        tail.append(deepcopy(properties))
    tail.extend(list(run[cut:]))
    run.addnext(tail)


def mark_element(tag: str, comment_id: int) -> etree._Element:
    return OxmlElement(tag, attrs={W_ID: str(comment_id)})


def reference_run(comment_id: int) -> etree._Element:
    """``<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference/></w:r>``, as Word writes it."""
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    properties.append(OxmlElement("w:rStyle", attrs={qn("w:val"): "CommentReference"}))
    run.append(properties)
    run.append(mark_element("w:commentReference", comment_id))
    return run


# ---- tracked changes ---------------------------------------------------------------------------

_PLAIN_RUN_CHILDREN = frozenset((W_RPR, W_T))


def plain_runs(first: etree._Element, last: etree._Element) -> list[etree._Element] | None:
    """The runs from ``first`` to ``last`` when they are siblings and hold nothing but text and
    run properties (no field, tab, break, drawing, note reference or other mark): the words a
    tracked change can replace without losing anything. None otherwise."""
    if first.tag != W_R or last.tag != W_R or first.getparent() is not last.getparent():
        return None
    runs: list[etree._Element] = []
    element: etree._Element | None = first
    while element is not None:
        if element.tag != W_R or any(child.tag not in _PLAIN_RUN_CHILDREN for child in element):
            return None
        runs.append(element)
        if element is last:
            return runs
        element = element.getnext()
    return None


def consecutive(runs: list[etree._Element]) -> bool:
    """Whether the runs still stand side by side (a comment mark put between them since they
    were found means another comment starts or ends inside: no tracked change there)."""
    return all(run.getnext() is following for run, following in zip(runs, runs[1:]))


def track_change(runs: list[etree._Element], rewrite: str, revision_id: int, date: str) -> None:
    """Replace ``runs`` by ``rewrite`` as a tracked change by kravkoll. When the rewrite keeps
    the words and adds to them ("ISO 14001" → "ISO 14001 eller likvärdigt"), only what is added
    goes in, as a ``w:ins`` after (or before) them; else the runs go into a ``w:del`` (their
    ``w:t`` become ``w:delText``), followed by a ``w:ins`` with the rewrite. Inserted text has
    the properties of the run beside it. Accepting the change gives the rewritten text,
    rejecting it the original."""
    attributes = {qn("w:author"): AUTHOR, qn("w:date"): date}
    words = "".join(text.text or "" for run in runs for text in run.iter(W_T))
    if rewrite != words and rewrite.startswith(words):
        runs[-1].addnext(_insertion(rewrite[len(words) :], runs[-1], revision_id, attributes))
        return
    if rewrite != words and rewrite.endswith(words):
        runs[0].addprevious(_insertion(rewrite[: len(rewrite) - len(words)], runs[0], revision_id, attributes))
        return
    deletion = OxmlElement("w:del", attrs={W_ID: str(revision_id), **attributes})
    runs[0].addprevious(deletion)
    deletion.extend(runs)  # moves them
    for run in runs:
        for text in run.iter(W_T):
            text.tag = W_DEL_TEXT
    deletion.addnext(_insertion(rewrite, runs[0], revision_id + 1, attributes))


def _insertion(text: str, beside: etree._Element, revision_id: int, attributes: dict[str, str]) -> etree._Element:
    """A ``w:ins`` by kravkoll holding one run of ``text`` in the properties of the run ``beside``."""
    insertion = OxmlElement("w:ins", attrs={W_ID: str(revision_id), **attributes})
    run = etree.SubElement(insertion, W_R)
    properties = beside.find(W_RPR)
    if properties is not None:
        run.append(deepcopy(properties))
    t = etree.SubElement(run, W_T)
    t.text = text
    t.set(XML_SPACE, "preserve")
    return insertion


def highest_id(root: etree._Element) -> int:
    """The highest decimal ``w:id`` of any element under ``root`` (-1 when there is none): new
    revisions take ids above it."""
    highest = -1
    for element in root.iter():
        value = element.get(W_ID)
        if value is not None and DECIMAL.fullmatch(value):
            highest = max(highest, int(value))
    return highest
