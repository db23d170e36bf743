"""PDF: the text layer of each page, read like plain text (needs the ``pdf`` extra, pypdf).

The extracted text goes through the plain-text reader (:func:`~checker.readers.plaintext.feed_lines`):
numbered headings, paragraphs, lists and ids as in .txt. Locations: ``line`` counts the lines of
the extracted text over the whole document (page 1's lines first), ``column`` the character in
that extracted line (not a position on the page), ``page`` the page from 1. A page break ends a
paragraph, so running headers and footers do not merge into the text around them.

A word hyphenated at a line end ("leveran-" / "tören") is joined on the first line and located
there; the hyphen stays after a capital or a single letter ("IT-" / "system" → "IT-system",
"e-post") and the word is not joined to "och", "eller", "samt", "and", "or" ("drift- och underhåll").

Refused with a one-line error: PDFs that need a password (those with only an owner password, which
any reader opens, are read; AES-encrypted ones need the ``cryptography`` package, part of the
``pdf`` extra), corrupt PDFs, and PDFs without a text layer (scans: kravkoll does no OCR). pypdf's
own limits guard against decompression bombs in streams. Text extraction takes time for each
string a page shows, so a PDF may have at most :data:`MAX_PAGES` pages and a page at most
:data:`MAX_STRINGS_PER_PAGE` strings (a form XObject's counted each time the page draws it); both
are counted before any text is extracted.
"""

from __future__ import annotations

import io
import logging
import re
from bisect import bisect_right
from collections import Counter
from contextlib import contextmanager
from typing import TYPE_CHECKING, Iterator

from ..document import Document, Location
from ..errors import InputError, one_line
from ..lazyre import lazy_compile
from ..segment import DocumentBuilder
from .plaintext import feed_lines

if TYPE_CHECKING:  # an optional dependency, imported where a PDF is read
    import pypdf

MAX_PAGES = 2_000
"""Most pages of a PDF kravkoll reads: extracting the text of a page takes 1-2 ms even when it
holds a line, so 2,000 pages take a few seconds."""
MAX_STRINGS_PER_PAGE = 50_000
"""Most strings a page's content may show; a dense page set glyph by glyph shows a few thousand."""
_STRING = lazy_compile(rb"\((?:[^()\\]|\\.)*\)|<[0-9A-Fa-f\s]*>", re.S)  # a literal or hex string operand
_DRAW = lazy_compile(rb"/([^\s/\[\]()<>{}%]+)\s+Do(?![^\s/\[(<%])")  # "/Name Do" draws an XObject
_NAME_ESCAPE = lazy_compile(rb"#([0-9A-Fa-f]{2})")  # "#58" in a name is "X"
_MAX_FORM_DEPTH = 16

_KEEP_HYPHEN_BEFORE = frozenset(("och", "eller", "samt", "respektive", "resp", "liksom", "and", "or", "nor", "to"))


def read_pdf(data: bytes, path: str, *, language: str | None = None) -> Document:
    """Read a PDF held in memory; raise :class:`InputError` if it cannot be read."""
    try:
        import pypdf  # noqa: F401 - optional dependency
    except ImportError:
        raise InputError(path, "reading PDF needs the pdf extra: pip install 'kravkoll[pdf]'") from None
    pages = _page_texts(data, path)
    lines, page_starts = _pdf_lines(pages)
    builder = DocumentBuilder(path=path, format="pdf")
    feed_lines(builder, lines)
    if not builder.statements:
        raise InputError(path, "has no text layer (a scanned PDF? kravkoll does not read images)")
    document = builder.build(language)
    for location in _locations(document):
        location.page = bisect_right(page_starts, location.line)
    return document


def _page_texts(data: bytes, path: str) -> list[str]:
    import pypdf

    try:
        with _quiet_pypdf():
            reader = pypdf.PdfReader(io.BytesIO(data))
            if reader.is_encrypted and reader.decrypt("") == pypdf.PasswordType.NOT_DECRYPTED:
                raise InputError(path, "is password-protected; remove the password and save it again")
            _check_page_count(reader, path)
            texts = []
            for number, page in enumerate(reader.pages, start=1):
                _check_strings(page, number, path)
                texts.append(page.extract_text() or "")
            return texts
    except InputError:
        raise
    except pypdf.errors.DependencyError:
        raise InputError(path, "is encrypted with AES, which needs the cryptography package: pip install 'kravkoll[pdf]'") from None
    except Exception as error:  # noqa: BLE001 - pypdf raises many kinds of error on malformed files
        raise InputError(path, f"is not a readable PDF ({one_line(error)})") from None


def _check_page_count(reader: pypdf.PdfReader, path: str) -> None:
    """Refuse a page tree of more than :data:`MAX_PAGES` pages, walking it without trusting its
    ``/Count`` and before resolving a list of kids that would take it over the limit (pypdf
    resolves every page first). A page tree has fewer lists of pages than pages, so a tree of
    more than twice as many nodes is refused as well."""
    root = reader.trailer["/Root"].get_object()["/Pages"].get_object()
    pending, seen, pages = [root], {id(root)}, 0
    while pending:
        kids = pending.pop().get("/Kids")
        if kids is None:
            pages += 1
            continue
        kids = kids.get_object()
        if pages > MAX_PAGES or len(seen) + len(kids) > 2 * MAX_PAGES:
            break
        for kid in kids:
            child = kid.get_object()
            if isinstance(child, dict) and id(child) not in seen:  # a broken kid is pypdf's to skip or report
                seen.add(id(child))
                pending.append(child)
    else:
        if pages <= MAX_PAGES:
            return
    raise InputError(path, f"has more than {MAX_PAGES:,} pages (the limit); refused as a possible denial of service")


def _check_strings(page: pypdf.PageObject, number: int, path: str) -> None:
    """Refuse a page that shows more than :data:`MAX_STRINGS_PER_PAGE` strings, counting each
    string of a form XObject as often as the page draws the form (text extraction reads it
    every time: a 1,000-string form drawn 4,000 times is 4 million strings in a few KB)."""
    contents = page.get_contents()
    data = contents.get_data() if contents is not None else b""
    count = _strings_shown(data, page.get("/Resources"), {}, 0)
    if count > MAX_STRINGS_PER_PAGE:
        raise InputError(path, f"has {count:,} text strings on page {number} (the limit is {MAX_STRINGS_PER_PAGE:,}); refused as a possible denial of service")


def _strings_shown(content: bytes, resources: object, forms: dict[int, int], depth: int) -> int:
    """The strings a content stream shows, those of the forms it draws included (each form
    counted once in ``forms``; a form that draws itself, or one nested deeper than
    :data:`_MAX_FORM_DEPTH`, counts no further)."""
    count = len(_STRING.findall(content))
    calls = Counter(_NAME_ESCAPE.sub(lambda m: bytes((int(m.group(1), 16),)), name) for name in _DRAW.findall(content))
    resources = resources.get_object() if resources is not None else None
    xobjects = resources.get("/XObject") if isinstance(resources, dict) else None
    xobjects = xobjects.get_object() if xobjects is not None else None
    if not calls or not isinstance(xobjects, dict) or depth >= _MAX_FORM_DEPTH:
        return count
    for name, times in calls.items():
        form = xobjects.get("/" + name.decode("latin-1"))
        form = form.get_object() if form is not None else None
        if not isinstance(form, dict) or form.get("/Subtype") != "/Form":
            continue
        if id(form) not in forms:
            forms[id(form)] = 0  # while it is counted: a form that draws itself adds nothing
            forms[id(form)] = _strings_shown(form.get_data(), form.get("/Resources", resources), forms, depth + 1)
        count += times * forms[id(form)]
        if count > MAX_STRINGS_PER_PAGE:
            break
    return count


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """pypdf logs a warning for every repaired defect; kravkoll reports only real failures."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _pdf_lines(pages: list[str]) -> tuple[list[tuple[int, int, str]], list[int]]:
    """The pages' text as plain-text source lines ``(line, column, text)`` with hyphenated words
    joined, an empty entry between pages; and the first line number of each page."""
    entries: list[tuple[int, int, str]] = []
    page_starts: list[int] = []
    number = 0
    for text in pages:
        page_starts.append(number + 1)
        if entries:
            entries.append((number, 1, ""))
        text = text.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n")
        lines = text.split("\n") if text else []
        cut = 0  # characters of this line already joined to the line before
        for index, line in enumerate(lines):
            number += 1
            base, line = 1 + cut, line[cut:]
            cut = 0
            following = lines[index + 1] if index + 1 < len(lines) else ""
            joined = _join_hyphenated(line, following)
            if joined is not None:
                line, cut = joined
            if base > 1 and not line.strip():
                continue  # the whole line was joined to the one before
            entries.append((number, base, line))
    return entries, page_starts


def _join_hyphenated(line: str, following: str) -> tuple[str, int] | None:
    """``line`` with the first word of ``following`` joined to its hyphenated end, and how many
    characters of ``following`` that took; None when the line does not end in a split word."""
    end = line.rstrip()
    if len(end) < 2 or end[-1] not in "-\xad" or not end[-2].isalpha():
        return None
    rest = following.lstrip()
    word_end = next((i for i, ch in enumerate(rest) if ch.isspace()), len(rest))
    fragment = rest[:word_end]
    if not fragment[:1].islower() or fragment.rstrip(".,;:").lower() in _KEEP_HYPHEN_BEFORE:
        return None
    word = end.split()[-1]
    keep = end[-1] == "-" and (len(word) <= 2 or word[-2].isupper())  # "IT-system", "e-post"
    return (end if keep else end[:-1]) + fragment, len(following) - len(rest) + word_end


def _locations(document: Document) -> Iterator[Location]:
    for section in document.sections:
        yield section.location
    for block in document.blocks:
        yield block.location
        for suppression in block.suppressions:
            yield suppression.location
    for statement in document.statements:
        for anchor in statement.anchors:
            yield anchor.location
