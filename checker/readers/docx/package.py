"""A .docx package: refused from its zip listing alone when it is not a safe Word document,
then its parts read (the main document and its styles, numbering, comments and notes): parsed
by lxml as python-docx parses them (:func:`read_parts`), or, to be edited and saved, opened by
python-docx (:func:`open_word`, :func:`word_parts`).

Limits (checked on the zip listing before anything is decompressed or parsed): see
:mod:`checker.readers.docx`.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from dataclasses import dataclass
from typing import Callable
from urllib.parse import unquote

import docx
from docx.document import Document as WordDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part, XmlPart
from lxml import etree

from ...errors import InputError, one_line
from .ooxml import W_TYPE

MAX_MEMBERS = 10_000
"""Most files a .docx package may hold."""
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
"""Most bytes all files of a .docx may expand to (200 MiB)."""
MAX_COMPRESSION_RATIO = 100
"""Highest compression ratio allowed for a file larger than :data:`RATIO_CHECKED_ABOVE`."""
RATIO_CHECKED_ABOVE = 1024 * 1024


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


def check_package(data: bytes, path: str) -> dict[str, bytes]:
    """Refuse what is not a safe .docx, from the zip listing alone (see the module limits);
    the XML and relationships files, decompressed to look for a document type declaration, by
    name (:func:`read_parts` reads its parts from them, not a second time from the zip)."""
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
            xml_files: dict[str, bytes] = {}
            for member in members:
                if member.filename.lower().endswith((".xml", ".rels")):
                    xml = xml_files[member.filename] = archive.read(member)  # a name twice: the last, as archive.read(name) reads
                    if _has_doctype(xml):
                        raise InputError(path, f"has a document type declaration (XML entities) in {member.filename}; refused as unsafe")
            return xml_files
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError, ValueError) as error:
        raise InputError(path, f"is corrupt or truncated (not a readable zip archive: {one_line(error)})") from None


def _not_zip_reason(data: bytes) -> str:
    if not data.strip():  # check reads it as an empty document; only annotate needs a package
        return "is empty (no Word document in it to write comments into)"
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
        if start % 128 == 0 and int.from_bytes(data[start + 64 : start + 66], "little") == len(encoded):
            return True
        start = data.find(encoded, start + 1)
    return False


def _check_sizes(members: list[zipfile.ZipInfo], path: str) -> None:
    if len(members) > MAX_MEMBERS:
        raise InputError(path, f"has {len(members)} files inside (the limit is {MAX_MEMBERS}); refused as a possible zip bomb")
    total = sum(member.file_size for member in members)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise InputError(
            path, f"would expand to {total // (1024 * 1024)} MiB (the limit is {MAX_UNCOMPRESSED_BYTES // (1024 * 1024)} MiB); refused as a possible zip bomb"
        )
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


@dataclass
class WordParts:
    """The parts the reading walks: the main document's root element and, by the kind of their
    relationship to it, its styles, numbering and comments parts (None when there is none, or
    more than one) and its footnotes and endnotes parts, parsed."""

    document: etree._Element
    styles: etree._Element | None
    numbering: etree._Element | None
    comments: etree._Element | None
    notes: list[etree._Element]


def open_word(data: bytes, path: str) -> WordDocument:
    """The .docx opened by python-docx, to be edited and saved (``kravkoll annotate``)."""
    try:
        word = docx.Document(io.BytesIO(data))
    except Exception as error:  # noqa: BLE001 - python-docx raises KeyError, ValueError, lxml and zip errors alike
        raise InputError(path, f"is not a readable Word document ({one_line(error)})") from None
    for part in word.part.package.iter_parts():
        if isinstance(part, XmlPart) and part.element.getroottree().docinfo.doctype:
            raise InputError(path, f"has a document type declaration (XML entities) in {part.partname}; refused as unsafe")
    return word


def word_parts(word: WordDocument, path: str) -> WordParts:
    """The parts of a document python-docx opened (:func:`open_word`)."""
    notes = [root for kind in ("footnotes", "endnotes") if (root := _notes(_related(word.part, kind), kind, path)) is not None]
    return WordParts(word.element, *(getattr(_related(word.part, kind), "element", None) for kind in ("styles", "numbering", "comments")), notes)


def _related(part: Part, kind: str) -> Part | None:
    try:
        return part.part_related_by(getattr(RT, kind.upper()))
    except (KeyError, ValueError):
        return None


def _notes(related: Part | None, kind: str, path: str) -> etree._Element | None:
    """The footnotes (or endnotes) part, if there is one. python-docx keeps these parts as
    bytes; they are parsed here without a DTD, entities or network."""
    if related is None:
        return None
    return _parsed(related.blob, str(related.partname), path, _NOTES_PARSER, f"has a corrupt {kind} part")


def _parsed(xml: bytes, partname: str, path: str, parser: etree.XMLParser, corrupt: str) -> etree._Element:
    """``xml`` parsed; refused when it does not parse or declares a document type."""
    try:
        root = etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as error:
        raise InputError(path, f"{corrupt} ({one_line(error)})") from None
    if root.getroottree().docinfo.doctype:
        raise InputError(path, f"has a document type declaration (XML entities) in {partname}; refused as unsafe")
    return root


# How python-docx parses the parts it reads (blank text between elements removed, no entities
# expanded), without a DTD or the network: the trees the reading walks are the same. Read so,
# without python-docx's element classes and its opening of every part (15-30 ms of a document),
# a .docx reads faster (with its locations made without validation, the corpus's English texts
# as .docx: 169-173 -> 103-105 ms, bench/README.md).
_PART_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
_RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_PART_KINDS = ("styles", "numbering", "comments", "footnotes", "endnotes")


def read_parts(data: bytes, path: str, xml_files: dict[str, bytes]) -> WordParts:
    """The parts of a .docx read without python-docx: the main document found through the
    package's relationships, its related parts through its own, as python-docx finds them (a
    relationship's target relative to its part's folder). ``xml_files``: what
    :func:`check_package` returned; a part not named .xml is read from the zip."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = set(archive.namelist())

            def member(partname: str) -> bytes | None:
                name = partname[1:]
                found = xml_files.get(name)
                if found is None and name in members:
                    found = archive.read(name)
                return found

            main = _targets(member, "/", path).get(RT.OFFICE_DOCUMENT, [])
            if len(main) > 1:
                raise InputError(path, "is not a readable Word document (more than one main document part)")
            if not main or (document_xml := member(main[0])) is None:
                raise InputError(path, "is not a readable Word document (no main document part)")
            unreadable = "is not a readable Word document"
            document = _parsed(document_xml, main[0], path, _PART_PARSER, unreadable)
            if etree.QName(document).localname != "document":  # python-docx refuses a main part of another content type
                raise InputError(path, f"is not a readable Word document (its main part {main[0]} is not a document)")
            related = _targets(member, main[0], path)
            found: dict[str, etree._Element | None] = {}
            for kind in _PART_KINDS:
                partnames = related.get(getattr(RT, kind.upper()), [])
                xml = member(partnames[0]) if len(partnames) == 1 else None
                parser, corrupt = (_NOTES_PARSER, f"has a corrupt {kind} part") if kind.endswith("notes") else (_PART_PARSER, unreadable)
                found[kind] = _parsed(xml, partnames[0], path, parser, corrupt) if xml is not None else None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError, ValueError) as error:
        raise InputError(path, f"is corrupt or truncated (not a readable zip archive: {one_line(error)})") from None
    notes = [root for kind in ("footnotes", "endnotes") if (root := found[kind]) is not None]
    return WordParts(document, found["styles"], found["numbering"], found["comments"], notes)


def _targets(member: Callable[[str], bytes | None], partname: str, path: str) -> dict[str, list[str]]:
    """The parts ``partname`` (``"/"``: the package) is related to, by relationship type: their
    part names, external targets left out. A part without a relationships part is related to
    none; one whose relationships part does not parse is refused, as python-docx refuses it."""
    folder, name = posixpath.split(partname)
    rels_name = posixpath.join(folder, "_rels", name + ".rels")
    rels = member(rels_name)
    if rels is None:
        return {}
    root = _parsed(rels, rels_name, path, _PART_PARSER, f"has a corrupt relationships part {rels_name[1:]}")
    targets: dict[str, list[str]] = {}
    for relationship in root.iter(_RELATIONSHIP):
        target = relationship.get("Target")
        if target is None or relationship.get("TargetMode") == "External":
            continue
        targets.setdefault(relationship.get("Type", ""), []).append(posixpath.normpath(posixpath.join(folder, unquote(target))))
    return targets


def note_bodies(root: etree._Element) -> list[etree._Element]:
    """The notes with text, separators left out."""
    return [note for note in root if note.get(W_TYPE) in (None, "normal")]
