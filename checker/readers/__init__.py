"""Document readers: .docx, .md, .txt and .pdf into one :class:`~checker.document.Document`.

The formats, their suffixes and their reader modules are listed once, in
:mod:`checker.readers.formats`; a reader module is imported when a document of its format is read.

Limits (documented in the README): a file larger than :data:`MAX_FILE_BYTES` is refused;
.docx archives are checked before they are opened (see :mod:`checker.readers.docx`).
Input files are only ever opened for reading.
"""

from __future__ import annotations

import codecs
import os
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError
from ..lazyre import lazy_compile
from .formats import format_of, input_format, unknown_format, unsupported_suffix

if TYPE_CHECKING:
    from ..document import Document

__all__ = ["MAX_FILE_BYTES", "decode_text", "format_of", "read_bytes", "read_document", "read_file_bytes"]

MAX_FILE_BYTES = 64 * 1024 * 1024
"""Largest input file kravkoll reads (64 MiB)."""


def read_document(path: str | Path, *, language: str | None = None, fmt: str | None = None) -> Document:
    """Read one file; raise :class:`InputError` (one line, naming the file) if it can't be read."""
    path = Path(path)
    fmt = fmt or format_of(path)
    if fmt is None:
        raise InputError(path, unsupported_suffix(path.suffix))
    return read_bytes(read_file_bytes(path), str(path), fmt, language=language)


def read_file_bytes(path: str | Path) -> bytes:
    """A file's bytes, within the size limit; raise :class:`InputError` (one line) if it can't be
    read or is not a regular file (a named pipe is refused, not waited on)."""
    from ..files import open_regular  # noqa: PLC0415 - the command line reads this package's formats for --help

    path = Path(path)
    try:
        with open_regular(path) as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_FILE_BYTES:
                raise InputError(path, f"file is too large ({size // (1024 * 1024)} MiB; the limit is {MAX_FILE_BYTES // (1024 * 1024)} MiB)")
            return handle.read()
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except IsADirectoryError:
        raise InputError(path, "is a folder, not a file") from None
    except OSError as error:
        raise InputError(path, f"cannot read: {error.strerror or error}") from None


def read_bytes(data: bytes, path: str, fmt: str, *, language: str | None = None) -> Document:
    """Read a document held in memory (standard input, tests). An empty file is an empty
    document (Windows' "New › Word document" makes a .docx of 0 bytes): checked, no findings."""
    if not data:
        from ..segment import DocumentBuilder

        return DocumentBuilder(path=path, format=fmt).build(language)
    if len(data) > MAX_FILE_BYTES:
        raise InputError(path, f"input is too large (the limit is {MAX_FILE_BYTES // (1024 * 1024)} MiB)")
    found = input_format(fmt)
    if found is None:
        raise InputError(path, unknown_format(fmt))
    return found.read_function()(decode_text(data, path) if found.text else data, path, language=language)


def decode_text(data: bytes, path: str) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252; binary data is refused."""
    if data.startswith(codecs.BOM_UTF8):
        return _decode(data[3:], "utf-8", path)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode(data, "utf-16", path)
    if data.startswith(b"PK\x03\x04"):
        raise InputError(path, "is a zip archive (a .docx?), not text; give it the right file extension")
    if data.startswith(b"%PDF"):
        raise InputError(path, "is a PDF, not text; give it the .pdf extension")
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise InputError(path, "is an old Office (OLE) file, not text")
    sample = data[:65536]
    if b"\x00" in sample:
        raise InputError(path, "is a binary file, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    return _check_text(text, path)


def _decode(data: bytes, encoding: str, path: str) -> str:
    try:
        return _check_text(data.decode(encoding), path)
    except UnicodeDecodeError as error:
        raise InputError(path, f"is not valid {encoding.upper()} text (byte {error.start})") from None


# Control characters that text does not hold (all below 32 but tab, line feed, vertical tab,
# form feed and carriage return): counted by a search (3 ms for the 65,536 characters looked at)
# instead of a loop over them (20 ms), measured side by side.
_CONTROL = lazy_compile(r"[\x00-\x08\x0e-\x1f]")


def _check_text(text: str, path: str) -> str:
    sample = text[:65536]
    controls = len(_CONTROL.findall(sample))
    if sample and controls > len(sample) // 100 + 2:
        raise InputError(path, "is a binary file, not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")
