"""Word .docx: the body in document order, located by paragraph number.

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
.odt, .docm, .dotx), corrupt or truncated archives, documents with no text, and (once parsed)
documents with a list level text (``w:lvlText``) longer than :data:`MAX_LEVEL_TEXT` characters
or more than :data:`MAX_OPEN_SUPPRESSIONS` overlapping suppression comments. The input is read
from bytes in memory and never modified.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field, replace
from typing import Iterator, cast

import docx
from docx.document import Document as WordDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part, XmlPart
from lxml import etree

from ..document import Anchor, Document, Location, Suppression
from ..errors import InputError, one_line
from ..segment import DocumentBuilder, Piece, heading_level, looks_like_id, numbered_heading, parse_suppression

MAX_MEMBERS = 10_000
"""Most files a .docx package may hold."""
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
"""Most bytes all files of a .docx may expand to (200 MiB)."""
MAX_COMPRESSION_RATIO = 100
"""Highest compression ratio allowed for a file larger than :data:`RATIO_CHECKED_ABOVE`."""
RATIO_CHECKED_ABOVE = 1024 * 1024
_MAX_GRID_COLUMNS = 64  # Word allows 63; a larger gridSpan or gridBefore is hostile
_MAX_LETTER_COUNTER = 26 * 10  # "a" … "jjjjjjjjjj"; larger counters print as numbers
MAX_LEVEL_TEXT = 256
"""Longest list level text (``w:lvlText``, such as ``"%1.%2."``) read; Word writes a few characters."""
MAX_OPEN_SUPPRESSIONS = 100
"""Most ``kravkoll: ignore`` comments whose ranges may be open at one place in the text."""

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
W_P, W_TBL, W_TR, W_TC, W_R, W_T = (_W + t for t in ("p", "tbl", "tr", "tc", "r", "t"))
W_SDT, W_SDT_CONTENT, W_CUSTOM_XML = _W + "sdt", _W + "sdtContent", _W + "customXml"
W_PPR, W_RPR, W_TRPR, W_TCPR = _W + "pPr", _W + "rPr", _W + "trPr", _W + "tcPr"
W_PSTYLE, W_OUTLINE, W_NUMPR, W_NUMID, W_ILVL = _W + "pStyle", _W + "outlineLvl", _W + "numPr", _W + "numId", _W + "ilvl"
W_B, W_TBL_HEADER, W_GRID_SPAN, W_GRID_BEFORE = _W + "b", _W + "tblHeader", _W + "gridSpan", _W + "gridBefore"
W_TAB, W_PTAB, W_BR, W_CR, W_NB_HYPHEN = _W + "tab", _W + "ptab", _W + "br", _W + "cr", _W + "noBreakHyphen"
W_TXBX, W_MOVE_FROM = _W + "txbxContent", _W + "moveFrom"
W_RANGE_START, W_RANGE_END, W_COMMENT_REF = _W + "commentRangeStart", _W + "commentRangeEnd", _W + "commentReference"
W_VAL, W_ID, W_TYPE = _W + "val", _W + "id", _W + "type"
MC_ALTERNATE, MC_CHOICE = _MC + "AlternateContent", _MC + "Choice"

_SPACE_TAGS = frozenset((W_TAB, W_PTAB, W_BR, W_CR))
_MARKER_TAGS = frozenset((W_RANGE_START, W_RANGE_END, W_COMMENT_REF))
_SLOW_TAGS = frozenset((W_TXBX, MC_ALTERNATE, W_MOVE_FROM))
_OTHER_TAGS = frozenset((*_SPACE_TAGS, W_NB_HYPHEN, *_MARKER_TAGS, *_SLOW_TAGS))
_OFF = frozenset(("0", "false", "off", "none"))

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DOCTYPE_MARKERS = tuple("<!DOCTYPE".encode(encoding) for encoding in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"))
_WORD_MAIN = b"wordprocessingml.document.main+xml"
_OTHER_PACKAGES = (
    (b"macroEnabled", "is a macro-enabled Word file (.docm/.dotm); save it as .docx"),
    (b"wordprocessingml.template", "is a Word template (.dotx); save it as .docx"),
    (b"spreadsheetml", "is an Excel workbook, not a Word document"),
    (b"presentationml", "is a PowerPoint presentation, not a Word document"),
)
_NOTES_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def read_docx(data: bytes, path: str, *, language: str | None = None) -> Document:
    """Read a .docx held in memory; raise :class:`InputError` for anything that is not a
    readable, safe Word document (see the module documentation for the limits)."""
    return read_word(data, path, language=language).document


@dataclass
class WordReading:
    """A .docx as read: the python-docx document, the :class:`Document` made from it, and the
    ``w:p`` element of each paragraph number its locations use (``paragraphs[n - 1]`` is
    paragraph ``n``; a footnote's lies in the parsed XML of its part, one of ``notes``)."""

    word: WordDocument
    document: Document
    paragraphs: list[etree._Element]
    notes: list[etree._Element]  # the footnotes and endnotes parts (python-docx keeps them as bytes), parsed


def read_word(data: bytes, path: str, *, language: str | None = None) -> WordReading:
    """Read a .docx held in memory as :func:`read_docx` does, keeping the parsed package."""
    check_package(data, path)
    word = _open(data, path)
    builder = DocumentBuilder(path=path, format="docx")
    styles = _Styles(_element(word.part, "styles"))
    numbering = _Numbering(_element(word.part, "numbering"), styles, path)
    story = _Story(builder, styles, numbering, _comment_texts(_element(word.part, "comments")), path)
    if word.element.body is not None:
        story.blocks(word.element.body)
    parts = [root for kind in ("footnotes", "endnotes") if (root := _notes(word.part, kind, path)) is not None]
    if any(_note_bodies(root) for root in parts):
        builder.close_sections()
        for root in parts:
            for note in _note_bodies(root):
                story.blocks(note)
    return WordReading(word, builder.build(language), story.elements, parts)


# ---- the package: checked before it is opened --------------------------------------------------


def check_package(data: bytes, path: str) -> None:
    """Refuse what is not a safe .docx, from the zip listing alone (see the module limits)."""
    if data.startswith(_OLE_MAGIC):
        if _ole_has_stream(data, "EncryptionInfo"):
            raise InputError(path, "is password-protected (an encrypted Word document); remove the password and save it again")
        raise InputError(path, "is a Word 97-2003 .doc file; save it as .docx")
    if not data.startswith(b"PK"):
        raise InputError(path, _not_zip_reason(data))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            _check_sizes(members, path)
            _check_kind(archive, path)
            for member in members:
                if member.filename.lower().endswith((".xml", ".rels")) and _has_doctype(archive.read(member)):
                    raise InputError(path, f"has a document type declaration (XML entities) in {member.filename}; refused as unsafe")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError, ValueError) as error:
        raise InputError(path, f"is corrupt or truncated (not a readable zip archive: {one_line(error)})") from None


def _not_zip_reason(data: bytes) -> str:
    if data.startswith(b"%PDF"):
        return "is a PDF, not a .docx; give it the .pdf extension"
    if data.startswith(b"{\\rtf"):
        return "is an RTF file; save it as .docx"
    return "is not a .docx file (not a zip archive)"


def _ole_has_stream(data: bytes, name: str) -> bool:
    """Whether an OLE compound file has a directory entry called ``name``: entries are 128
    bytes, aligned to 128 in the file, a UTF-16 name first and its byte length at offset 64."""
    encoded = (name + "\0").encode("utf-16-le")
    start = data.find(encoded)
    while start != -1:
        if start % 128 == 0 and int.from_bytes(data[start + 64:start + 66], "little") == len(encoded):
            return True
        start = data.find(encoded, start + 1)
    return False


def _check_sizes(members: list[zipfile.ZipInfo], path: str) -> None:
    if len(members) > MAX_MEMBERS:
        raise InputError(path, f"has {len(members)} files inside (the limit is {MAX_MEMBERS}); refused as a possible zip bomb")
    total = sum(member.file_size for member in members)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise InputError(path, f"would expand to {total // (1024 * 1024)} MiB (the limit is {MAX_UNCOMPRESSED_BYTES // (1024 * 1024)} MiB); refused as a possible zip bomb")
    for member in members:
        if member.file_size > RATIO_CHECKED_ABOVE and member.file_size > MAX_COMPRESSION_RATIO * max(member.compress_size, 1):
            ratio = member.file_size // max(member.compress_size, 1)
            raise InputError(path, f"has {member.filename} compressed {ratio}:1 (the limit is {MAX_COMPRESSION_RATIO}:1); refused as a possible zip bomb")


def _check_kind(archive: zipfile.ZipFile, path: str) -> None:
    names = set(archive.namelist())
    if "[Content_Types].xml" not in names:
        if "mimetype" in names and archive.read("mimetype").startswith(b"application/vnd.oasis.opendocument"):
            raise InputError(path, "is an OpenDocument file (.odt); save it as .docx")
        raise InputError(path, "is a zip archive but not a Word document (no word/document.xml)")
    content_types = archive.read("[Content_Types].xml")
    if _WORD_MAIN in content_types:
        return
    for marker, reason in _OTHER_PACKAGES:
        if marker in content_types:
            raise InputError(path, reason)
    raise InputError(path, "is a zip archive but not a Word document (no word/document.xml)")


def _has_doctype(xml: bytes) -> bool:
    return any(marker in xml for marker in _DOCTYPE_MARKERS)


def _open(data: bytes, path: str) -> WordDocument:
    try:
        word = docx.Document(io.BytesIO(data))
    except Exception as error:  # noqa: BLE001 - python-docx raises KeyError, ValueError, lxml and zip errors alike
        raise InputError(path, f"is not a readable Word document ({one_line(error)})") from None
    for part in word.part.package.iter_parts():
        if isinstance(part, XmlPart) and part.element.getroottree().docinfo.doctype:
            raise InputError(path, f"has a document type declaration (XML entities) in {part.partname}; refused as unsafe")
    return word


def _related(part: Part, kind: str) -> Part | None:
    try:
        return part.part_related_by(getattr(RT, kind.upper()))
    except (KeyError, ValueError):
        return None


def _element(part: Part, kind: str) -> etree._Element | None:
    related = _related(part, kind)
    return getattr(related, "element", None)


def _notes(part: Part, kind: str, path: str) -> etree._Element | None:
    """The footnotes (or endnotes) part, if there is one. python-docx keeps these parts as
    bytes; they are parsed here without a DTD, entities or network."""
    related = _related(part, kind)
    if related is None:
        return None
    try:
        root = etree.fromstring(related.blob, _NOTES_PARSER)
    except etree.XMLSyntaxError as error:
        raise InputError(path, f"has a corrupt {kind} part ({one_line(error)})") from None
    if root.getroottree().docinfo.doctype:
        raise InputError(path, f"has a document type declaration (XML entities) in {related.partname}; refused as unsafe")
    return root


def _note_bodies(root: etree._Element) -> list[etree._Element]:
    """The notes with text, separators left out."""
    return [note for note in root if note.get(W_TYPE) in (None, "normal")]


_DIRECTIVE = re.compile(r"kravkoll\s*:\s*ignore\s")


def _comment_texts(comments: etree._Element | None) -> dict[str, str]:
    """Comment id → suppression text, for the comments that hold a ``kravkoll: ignore``
    directive: the comment's text from the directive on, wherever in the comment it stands
    ("Agreed with legal. kravkoll: ignore KR001 -- ..."), its paragraphs joined by newlines."""
    texts: dict[str, str] = {}
    if comments is None:
        return texts
    probe = Location(line=1, column=1)
    for comment in comments:
        text = "\n".join("".join(t.text or "" for t in p.iter(W_T)) for p in comment.iter(W_P))
        directive = _DIRECTIVE.search(text)
        if directive is not None and parse_suppression(text[directive.start():], probe) is not None:
            texts[comment.get(W_ID, "")] = text[directive.start():]
    return texts


# ---- styles ------------------------------------------------------------------------------------

_HEADING_STYLE = re.compile(r"(?i)^(?:heading|rubrik)\s*([1-9])$")
_TITLE_STYLE = re.compile(r"(?i)^(?:title|rubrik|titel)$")
_LIST_STYLE = re.compile(r"(?i)^(?:list\s*(?:bullet|number|paragraph)|liststycke|punktlista|numrerad\s*lista)(?:\s*\d)?$")
_TOC_STYLE = re.compile(r"(?i)^(?:toc|innehll|innehåll(?:sförteckning)?)\s*[1-9]$")


@dataclass(frozen=True)
class _Style:
    """What a paragraph style (with the styles it is based on) says about its paragraphs."""

    id: str | None = None
    heading_level: int | None = None
    numbering: tuple[str | None, int | None] | None = None  # (numId, ilvl) from w:numPr
    numbering_style: str | None = None  # the style that carries the numPr (for level links)
    bold: bool = False
    is_list: bool = False
    is_toc: bool = False


class _Styles:
    def __init__(self, root: etree._Element | None) -> None:
        self._raw: dict[str, etree._Element] = {}
        self._default: str | None = None
        self._resolved: dict[str | None, _Style] = {}
        for style in root if root is not None else ():
            if style.tag != _W + "style" or style.get(W_TYPE) not in ("paragraph", "numbering"):
                continue
            style_id = style.get(_W + "styleId")
            if style_id is None:
                continue
            self._raw[style_id] = style
            if style.get(W_TYPE) == "paragraph" and style.get(_W + "default") in ("1", "true", "on"):
                self._default = style_id

    def get(self, style_id: str | None) -> _Style:
        """The resolved style; the document's default paragraph style for None or unknown ids."""
        if style_id not in self._raw:
            style_id = self._default
        style = self._resolved.get(style_id)
        if style is None:
            style = self._resolved[style_id] = self._resolve(style_id)
        return style

    def numbering_of(self, style_id: str) -> str | None:
        """The numId of a numbering style (for ``w:numStyleLink``)."""
        numbering = self._resolve(style_id).numbering
        return numbering[0] if numbering else None

    def _chain(self, style_id: str | None) -> list[tuple[str, etree._Element]]:
        chain: list[tuple[str, etree._Element]] = []
        while style_id in self._raw and len(chain) < 16 and all(style_id != seen for seen, _ in chain):
            element = self._raw[style_id]
            chain.append((style_id, element))
            based = element.find(_W + "basedOn")
            style_id = based.get(W_VAL) if based is not None else None
        return chain

    def _resolve(self, style_id: str | None) -> _Style:
        chain = self._chain(style_id)
        if not chain:
            return _Style()
        names = [[_value(element.find(_W + "name")) or "", owner] for owner, element in chain]
        level: int | None = None
        level_found = False
        numbering: tuple[str | None, int | None] | None = None
        numbering_style: str | None = None
        bold: bool | None = None
        for (owner, element), own_names in zip(chain, names):
            properties = element.find(W_PPR)
            if not level_found:
                heading = next((m for m in map(_HEADING_STYLE.match, own_names) if m), None)
                outline = _int(properties.find(W_OUTLINE)) if properties is not None else None
                if heading:
                    level, level_found = int(heading.group(1)), True
                elif any(_TITLE_STYLE.match(name) for name in own_names):
                    level, level_found = 1, True
                elif outline is not None:
                    level, level_found = (outline + 1 if outline < 9 else None), True
            if numbering is None and properties is not None and (num_pr := properties.find(W_NUMPR)) is not None:
                numbering, numbering_style = (_value(num_pr.find(W_NUMID)), _int(num_pr.find(W_ILVL))), owner
            if bold is None and (run_properties := element.find(W_RPR)) is not None and (b := run_properties.find(W_B)) is not None:
                bold = _on(b)
        return _Style(
            id=chain[0][0], heading_level=level, numbering=numbering, numbering_style=numbering_style, bold=bool(bold),
            is_list=any(_LIST_STYLE.match(name) for own in names for name in own),
            is_toc=any(_TOC_STYLE.match(name) for name in names[0]),
        )


def _value(element: etree._Element | None) -> str | None:
    return element.get(W_VAL) if element is not None else None


def _int(element: etree._Element | None, attribute: str = W_VAL) -> int | None:
    """An integer attribute (``w:val`` unless named), None when absent or not a number."""
    value = element.get(attribute) if element is not None else None
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _on(element: etree._Element) -> bool:
    """A Word on/off property (``<w:b/>``, ``<w:b w:val="0"/>``)."""
    return element.get(W_VAL, "1").lower() not in _OFF


# ---- automatic numbering -----------------------------------------------------------------------


@dataclass(frozen=True)
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    legal: bool = False
    restarts: bool = True
    style: str | None = None


@dataclass(frozen=True)
class _Label:
    """A computed list label: ``"4.2."``, ``"K4.1"``, ``"a)"``, or a bullet."""

    text: str
    bullet: bool
    level: int

    @property
    def number(self) -> str:
        """The label as a heading number or id: ``"4.2."`` → ``"4.2"``, ``"(a)"`` → ``"a"``."""
        return self.text.strip().strip("()[]").rstrip(".):").strip()


class _Numbering:
    """Word's list numbering: computes each numbered paragraph's label in document order."""

    def __init__(self, root: etree._Element | None, styles: _Styles, path: str) -> None:
        """Raises :class:`InputError` for a level text longer than :data:`MAX_LEVEL_TEXT`: it is
        expanded for every paragraph of its list, so its length multiplies the reading time."""
        self._levels: dict[str, dict[int, _Level]] = {}
        self._counters: dict[str, dict[int, int]] = {}
        if root is None:
            return
        abstracts: dict[str, etree._Element] = {a.get(_W + "abstractNumId", ""): a for a in root.iterchildren(_W + "abstractNum")}
        nums: dict[str, etree._Element] = {n.get(_W + "numId", ""): n for n in root.iterchildren(_W + "num")}
        for num_id, num in nums.items():
            abstract = abstracts.get(_value(num.find(_W + "abstractNumId")) or "")
            link = _value(abstract.find(_W + "numStyleLink")) if abstract is not None else None
            if link is not None and (linked := nums.get(styles.numbering_of(link) or "")) is not None:
                abstract = abstracts.get(_value(linked.find(_W + "abstractNumId")) or "", abstract)
            levels = dict(map(_parse_level, abstract.iterchildren(_W + "lvl"))) if abstract is not None else {}
            for override in num.iterchildren(_W + "lvlOverride"):
                level = _int(override, W_ILVL)
                if level is None:
                    continue
                if (replacement := override.find(_W + "lvl")) is not None:
                    levels[level] = _parse_level(replacement)[1]
                if (start := _int(override.find(_W + "startOverride"))) is not None:
                    levels[level] = replace(levels.get(level, _Level()), start=start)
            self._levels[num_id] = levels
            if (longest := max((len(level.text) for level in levels.values()), default=0)) > MAX_LEVEL_TEXT:
                raise InputError(path, f"has a list numbering format of {longest:,} characters in its numbering part "
                                       f"(the limit is {MAX_LEVEL_TEXT}); refused as a possible denial of service")

    def level_of_style(self, num_id: str, style_id: str | None) -> int:
        """The list level a numbered style stands at (the level that names it), else 0."""
        for number, level in self._levels.get(num_id, {}).items():
            if style_id is not None and level.style == style_id:
                return number
        return 0

    def next_label(self, num_id: str, level_number: int) -> _Label | None:
        """Count one paragraph at ``level_number`` of list ``num_id``; its label, or None."""
        levels = self._levels.get(num_id)
        level = levels.get(level_number) if levels else None
        if level is None:
            return None
        counters = self._counters.setdefault(num_id, {})
        counters[level_number] = counters[level_number] + 1 if level_number in counters else level.start
        for deeper in [n for n in counters if n > level_number]:
            if deeper not in levels or levels[deeper].restarts:
                del counters[deeper]
        if level.fmt == "bullet":
            return _Label(level.text or "•", bullet=True, level=level_number)
        if level.fmt == "none":
            return None

        def shown(match: re.Match[str]) -> str:
            number = int(match.group(1)) - 1
            other = levels.get(number, _Level())
            return _format_number(counters.get(number, other.start), "decimal" if level.legal else other.fmt)

        text = re.sub(r"%([1-9])", shown, level.text).strip()
        return _Label(text, bullet=False, level=level_number) if text else None


def _parse_level(element: etree._Element) -> tuple[int, _Level]:
    restart = _int(element.find(_W + "lvlRestart"))
    start = _int(element.find(_W + "start"))
    return _int(element, W_ILVL) or 0, _Level(
        start=start if start is not None else 1,
        fmt=_value(element.find(_W + "numFmt")) or "decimal",
        text=_value(element.find(_W + "lvlText")) or "",
        legal=(is_legal := element.find(_W + "isLgl")) is not None and _on(is_legal),
        restarts=restart != 0,
        style=_value(element.find(_W + "pStyle")),
    )


_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def _format_number(value: int, fmt: str) -> str:
    """A counter in a Word number format (decimal, decimalZero, lower/upperLetter, lower/upperRoman)."""
    if 0 < value <= _MAX_LETTER_COUNTER and fmt in ("lowerLetter", "upperLetter"):
        letters = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letters if fmt == "lowerLetter" else letters.upper()
    if 0 < value < 4000 and fmt in ("lowerRoman", "upperRoman"):
        roman = ""
        for amount, numeral in _ROMAN:
            while value >= amount:
                roman, value = roman + numeral, value - amount
        return roman if fmt == "lowerRoman" else roman.upper()
    if fmt == "decimalZero" and 0 <= value < 10:
        return f"0{value}"
    return str(value)


# ---- the body ----------------------------------------------------------------------------------


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
    and the element each piece of it comes from."""
    text = cast(_SourcedText, _paragraph_text(p, _SourcedText))
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
        self.anchors.append(Anchor(offset=self.offset, location=Location(line=paragraph, column=1, paragraph=paragraph)))
        self.texts.append(text)
        self.offset += len(text)

    def piece(self, paragraph: int) -> Piece:
        """The cell as a piece; an empty cell is anchored at ``paragraph``."""
        if not self.anchors:
            self.anchors.append(Anchor(offset=0, location=Location(line=paragraph, column=1, paragraph=paragraph)))
        return Piece(text=" ".join(self.texts), anchors=self.anchors)


class _Story:
    """Walks the body (and notes) in document order and feeds the builder."""

    def __init__(self, builder: DocumentBuilder, styles: _Styles, numbering: _Numbering, comment_texts: dict[str, str], path: str) -> None:
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
        for child in container:
            tag = child.tag
            if tag == W_P:
                self.paragraph(child)
            elif tag == W_TBL:
                self.table(child)
            elif tag == W_SDT:
                content = child.find(W_SDT_CONTENT)
                if content is not None:
                    self.blocks(content)
            elif tag == W_CUSTOM_XML:
                self.blocks(child)
            elif tag in _MARKER_TAGS and self.comment_texts:
                self._apply_markers([(0, tag, child.get(W_ID, ""))], self.paragraphs + 1)

    def paragraph(self, p: etree._Element) -> None:
        number = self._next_paragraph(p)
        text = _paragraph_text(p)
        style, label = self._properties(p)
        first_block = len(self.builder.blocks)
        body = text.text
        if not style.is_toc and body.strip():
            heading = self._heading(p, body, style, label)
            if heading is not None:
                level, heading_number = heading
                column = 1 + len(body) - len(body.lstrip())
                self.builder.heading(body, level, Location(line=number, column=column, paragraph=number), heading_number)
            else:
                kind = "list_item" if label is not None or style.is_list else "paragraph"
                location = Location(line=number, column=1, paragraph=number)
                shown = label.text if label is not None and not label.bullet else None
                self.builder.paragraph(Piece(text=body, anchors=[Anchor(offset=0, location=location)]), kind, _label_id(label), shown)
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
            properties = row.find(W_TRPR)
            header = properties.find(W_TBL_HEADER) if properties is not None else None
            if header is not None and _on(header) and header_rows == len(rows):
                header_rows += 1
            rows.append(self._row(row, properties, suppressions))
        self.builder.table(rows, header_rows or None)
        self.builder.suppress_blocks(_unique(suppressions), first_block)

    def _row(self, row: etree._Element, properties: etree._Element | None, suppressions: list[Suppression]) -> list[Piece]:
        """A row's cells by grid column: a merged cell once, in its first column, the columns it
        spans (and those skipped before the first cell) empty."""
        cells: list[Piece] = []
        skipped = (_int(properties.find(W_GRID_BEFORE)) or 0) if properties is not None else 0
        skipped = min(skipped, _MAX_GRID_COLUMNS)
        for cell in _children(row, W_TC):
            piece = self._cell(cell, suppressions).piece(max(self.paragraphs, 1))
            cell_properties = cell.find(W_TCPR)
            span = (_int(cell_properties.find(W_GRID_SPAN)) or 1) if cell_properties is not None else 1
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
            _, label = self._properties(p)
            if label is not None and not label.bullet:
                cell.add(label.text, number)
            cell.add(text.text, number)
            if text.markers:
                suppressions.extend(self._apply_markers(text.markers, number))
            for box in text.boxes:
                self._cell(box, suppressions, cell)
        return cell

    # -- paragraph properties
    def _properties(self, p: etree._Element) -> tuple[_Style, _Label | None]:
        """The paragraph's style and, when it is numbered, its computed label (this counts it)."""
        properties = p.find(W_PPR)
        style_id = _value(properties.find(W_PSTYLE)) if properties is not None else None
        style = self.styles.get(style_id)
        num_pr = properties.find(W_NUMPR) if properties is not None else None
        num_id, level = style.numbering or (None, None)
        if num_pr is not None:
            own_id, own_level = _value(num_pr.find(W_NUMID)), _int(num_pr.find(W_ILVL))
            if own_id is not None:
                num_id, level = own_id, own_level if own_level is not None else 0
            elif own_level is not None:
                level = own_level
        if num_id is None or num_id == "0":
            return style, None
        if level is None:
            level = self.numbering.level_of_style(num_id, style.numbering_style)
        return style, self.numbering.next_label(num_id, level)

    def _heading(self, p: etree._Element, text: str, style: _Style, label: _Label | None) -> tuple[int, str | None] | None:
        """(level, number) when the paragraph is a heading; number None means "from the text"."""
        properties = p.find(W_PPR)
        outline = _int(properties.find(W_OUTLINE)) if properties is not None else None
        level = (outline + 1 if outline < 9 else None) if outline is not None else style.heading_level
        number = label.number if label is not None and not label.bullet and label.number else None
        if level is not None:
            return level, number
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
                suppression = parse_suppression(text, Location(line=number, column=offset + 1, paragraph=number))
                if suppression is not None:
                    applying.append(suppression)
                    if tag == W_RANGE_START:
                        self._open(comment_id, suppression)
        for comment_id in closing:
            self.open_suppressions.pop(comment_id, None)
        return applying

    def _open(self, comment_id: str, suppression: Suppression) -> None:
        """Open a suppression's range; every block until it closes carries it, so the number
        open at once is capped (:data:`MAX_OPEN_SUPPRESSIONS`) to keep reading linear."""
        if len(self.open_suppressions) >= MAX_OPEN_SUPPRESSIONS:
            raise InputError(self.path, f"has more than {MAX_OPEN_SUPPRESSIONS} 'kravkoll: ignore' comments whose ranges overlap "
                                        f"(at paragraph {suppression.location.line}); refused as a possible denial of service")
        self.open_suppressions[comment_id] = suppression

    def _next_paragraph(self, p: etree._Element) -> int:
        self.elements.append(p)
        self.paragraphs += 1
        return self.paragraphs


def _children(element: etree._Element, tag: str) -> Iterator[etree._Element]:
    """Children with ``tag``, looking through content controls and custom XML wrappers."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag == W_SDT:
            content = child.find(W_SDT_CONTENT)
            if content is not None:
                yield from _children(content, tag)
        elif child.tag == W_CUSTOM_XML:
            yield from _children(child, tag)


def _paragraphs(container: etree._Element) -> Iterator[etree._Element]:
    """The paragraphs of a cell (or text box) in order, nested tables' included."""
    for child in container:
        if child.tag == W_P:
            yield child
        elif child.tag == W_TBL:
            for row in _children(child, W_TR):
                for cell in _children(row, W_TC):
                    yield from _paragraphs(cell)
        elif child.tag == W_SDT:
            content = child.find(W_SDT_CONTENT)
            if content is not None:
                yield from _paragraphs(content)
        elif child.tag == W_CUSTOM_XML:
            yield from _paragraphs(child)


def _paragraph_text(p: etree._Element, kind: type[_Text] = _Text) -> _Text:
    """The visible text of a paragraph in one pass over its content (its properties, whose
    ``w:tab`` are tab stops, left out); paragraphs with text boxes, alternate content or
    moved-away text take the careful walk instead."""
    text = kind()
    for child in p:
        if child.tag == W_PPR:
            continue
        for element in child.iter():
            tag = element.tag
            if tag == W_T:
                if element.text:
                    text.add(element.text, element)
            elif tag in _OTHER_TAGS:
                if tag in _SPACE_TAGS:
                    text.add(" ", element)
                elif tag == W_NB_HYPHEN:
                    text.add("-", element)
                elif tag in _MARKER_TAGS:
                    text.markers.append((text.length, tag, element.get(W_ID, "")))
                else:
                    careful = kind()
                    _walk(p, careful)
                    return careful
    return text


def _walk(element: etree._Element, text: _Text) -> None:
    for child in element:
        tag = child.tag
        if tag == W_T:
            if child.text:
                text.add(child.text, child)
        elif tag in _SPACE_TAGS:
            text.add(" ", child)
        elif tag == W_NB_HYPHEN:
            text.add("-", child)
        elif tag in _MARKER_TAGS:
            text.markers.append((text.length, tag, child.get(W_ID, "")))
        elif tag == W_TXBX:
            text.boxes.append(child)
        elif tag == MC_ALTERNATE:
            choice = child.find(MC_CHOICE)  # the Fallback repeats the Choice in older markup
            _walk(choice if choice is not None else child, text)
        elif tag != W_MOVE_FROM and tag != W_PPR:
            _walk(child, text)


def _all_runs_bold(p: etree._Element) -> bool:
    runs = [run for run in p.iter(W_R) if any(t.text for t in run.iter(W_T))]
    if not runs:
        return False
    for run in runs:
        properties = run.find(W_RPR)
        bold = properties.find(W_B) if properties is not None else None
        if bold is None or not _on(bold):
            return False
    return True


def _label_id(label: _Label | None) -> str | None:
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
