"""The parts of a .docx the annotator reads and writes besides the text: the document read
with kravkoll's own earlier tracked changes rejected, and the comments part (repaired when it
is no ``w:comments`` part, kravkoll's earlier comments taken out, new comments as Word writes
them)."""

from __future__ import annotations

import io

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part, XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.parts.comments import CommentsPart
from lxml import etree

from ..readers.docx import WordReading, read_word
from .docx_wordml import AUTHOR, COMMENT_MARKS, DECIMAL, INITIALS, W_DEL_TEXT, W_ID, W_PPR, W_R, W_RPR, W_T, XML_SPACE


def read_for_annotation(source: bytes, path: str = "document.docx", *, language: str | None = None) -> WordReading:
    """``source`` read as the .docx reader reads it, with the tracked changes kravkoll suggested
    in an earlier run (author "kravkoll") rejected first: its insertions taken out, its
    deletions put back as text, so that a suggested copy is checked and annotated as the text
    it was made from. Raises :class:`~checker.errors.InputError` when ``source`` is not a
    readable .docx."""
    reading = read_word(source, path, language=language, editable=True)
    if not _reject_own_changes(reading.word.element):
        return reading
    buffer = io.BytesIO()
    reading.word.save(buffer)
    return read_word(buffer.getvalue(), path, language=language, editable=True)


def _reject_own_changes(body: etree._Element) -> bool:
    """Reject kravkoll's tracked changes in ``body``; tell whether there were any."""
    author = qn("w:author")
    found = False
    for insertion in list(body.iter(qn("w:ins"))):
        if insertion.get(author) == AUTHOR and insertion.getparent().tag != W_RPR:
            insertion.getparent().remove(insertion)
            found = True
    for deletion in list(body.iter(qn("w:del"))):
        if deletion.get(author) == AUTHOR and deletion.getparent().tag != W_RPR:
            for text in deletion.iter(W_DEL_TEXT):
                text.tag = W_T
            for child in list(deletion):
                deletion.addprevious(child)
            deletion.getparent().remove(deletion)
            found = True
    return found


# ---- the comments part ------------------------------------------------------------------------


def highest_comment_id(reading: WordReading) -> int:
    """The highest comment id in use: in the comments part or in any comment mark of the
    document, its headers, footers, footnotes and endnotes (-1 when there is none)."""
    roots = [part.element for part in reading.word.part.package.iter_parts() if isinstance(part, XmlPart)]
    roots.extend(reading.notes)
    highest = -1
    for root in roots:
        for element in root.iter(*COMMENT_MARKS):
            value = element.get(W_ID, "")
            if DECIMAL.fullmatch(value):  # ids such as "²" or "--5" are no numbers and cannot collide
                highest = max(highest, int(value))
    return highest


def remove_own_comments(reading: WordReading) -> int:
    """Take out the comments kravkoll wrote in an earlier run (author "kravkoll") with their
    range marks and reference runs, wherever they stand; tell how many there were. Everyone
    else's comments stay as they are."""
    root = next((part.element for part in reading.word.part.package.iter_parts() if isinstance(part, XmlPart) and part.element.tag == qn("w:comments")), None)
    if root is None:
        return 0
    own = [comment for comment in root.iterchildren(qn("w:comment")) if comment.get(qn("w:author")) == AUTHOR]
    if not own:
        return 0
    ids = {comment.get(W_ID) for comment in own}
    for comment in own:
        root.remove(comment)
    for part in reading.word.part.package.iter_parts():
        if not isinstance(part, XmlPart):
            continue
        for mark in list(part.element.iter(*COMMENT_MARKS[:3])):
            if mark.get(W_ID) not in ids:
                continue
            parent = mark.getparent()
            if mark.tag == COMMENT_MARKS[2] and parent.tag == W_R and all(c is mark or c.tag == W_RPR for c in parent):
                mark, parent = parent, parent.getparent()  # the reference run kravkoll wrote around it
            parent.remove(mark)
    return len(own)


def repair_comments_part(reading: WordReading) -> None:
    """Give the document a comments part kravkoll can add to when the one it has is no
    ``w:comments`` part (``check`` reads such a document without its comments): one with a
    wrong content type but comments inside is replaced by a proper part holding the same
    comments; one whose root is something else holds no comments Word can show, and is
    replaced by an empty one."""
    document_part = reading.word.part
    for r_id, relationship in list(document_part.rels.items()):
        if relationship.is_external or relationship.reltype != RT.COMMENTS:
            continue
        part = relationship.target_part
        if isinstance(part, CommentsPart) and part.element.tag == qn("w:comments"):
            return
        element = _comments_element(part)
        document_part.drop_rel(r_id)
        if element is None:
            replacement = CommentsPart.default(document_part.package)
        else:
            replacement = CommentsPart(PackURI(part.partname), CT.WML_COMMENTS, element, document_part.package)
        document_part.relate_to(replacement, RT.COMMENTS)
        return


def _comments_element(part: Part) -> etree._Element | None:
    """The ``w:comments`` root of a part's XML, None when it holds something else."""
    element = part.element if isinstance(part, XmlPart) else None
    if element is None:
        try:
            element = parse_xml(part.blob)
        except (etree.XMLSyntaxError, ValueError):
            return None
    return element if element.tag == qn("w:comments") else None


def comments_root(reading: WordReading) -> etree._Element:
    """The comments part's ``w:comments``, the part made if the document has none."""
    reading.word.comments  # noqa: B018 - python-docx adds the part on first use
    return next(part.element for part in reading.word.part.package.iter_parts() if isinstance(part, XmlPart) and part.element.tag == qn("w:comments"))


def comment_element(comment_id: int, text: str, date: str) -> etree._Element:
    """A ``w:comment`` as Word writes one: a CommentText paragraph per line of ``text``, the
    first led by the annotation reference mark."""
    comment = OxmlElement("w:comment", attrs={W_ID: str(comment_id), qn("w:author"): AUTHOR, qn("w:initials"): INITIALS, qn("w:date"): date})
    for index, line in enumerate(text.split("\n")):
        p = etree.SubElement(comment, qn("w:p"))
        etree.SubElement(etree.SubElement(p, W_PPR), qn("w:pStyle")).set(qn("w:val"), "CommentText")
        if index == 0:
            mark = etree.SubElement(p, W_R)
            etree.SubElement(etree.SubElement(mark, W_RPR), qn("w:rStyle")).set(qn("w:val"), "CommentReference")
            etree.SubElement(mark, qn("w:annotationRef"))
        t = etree.SubElement(etree.SubElement(p, W_R), W_T)
        t.text = line
        t.set(XML_SPACE, "preserve")
    return comment
