"""The input formats kravkoll reads: one table, and everything derived from it.

:data:`INPUT_FORMATS` is the one list of input formats. The command line (folder discovery,
``--stdin-format``), :func:`checker.readers.read_bytes`, the document model's ``format``, the
server and the error messages all take their names, suffixes and wording from it, so adding an
input format is one reader module plus one line here. This module imports nothing heavy (the
command line reads it to build ``--help``); a format's reader module is imported only when a
document of that format is read.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from ..document import Document


@dataclass(frozen=True)
class InputFormat:
    """One input format: its name (``Document.format``, ``--stdin-format``, the server's
    ``format``), its file name suffixes (lower case, the first one named in messages), and its
    reader as ``module:function`` under :mod:`checker.readers`. A ``text`` format's reader is
    given the text decoded by :func:`checker.readers.decode_text`, any other its bytes."""

    name: str
    suffixes: tuple[str, ...]
    reader: str
    text: bool

    def read_function(self) -> Callable[..., Document]:
        """The reader, ``(data or text, path, *, language) -> Document``, its module imported now."""
        module, _, function = self.reader.partition(":")
        return getattr(import_module(f".{module}", __package__), function)


INPUT_FORMATS: tuple[InputFormat, ...] = (
    InputFormat("docx", (".docx",), "docx:read_docx", text=False),
    InputFormat("md", (".md", ".markdown"), "markdown:read_markdown", text=True),
    InputFormat("txt", (".txt", ".text"), "plaintext:read_plaintext", text=True),
    InputFormat("pdf", (".pdf",), "pdf:read_pdf", text=False),
)

FORMAT_NAMES: tuple[str, ...] = tuple(f.name for f in INPUT_FORMATS)
"""The formats' names, in table order: ``("docx", "md", "txt", "pdf")``."""

TEXT_FORMAT_NAMES: tuple[str, ...] = tuple(f.name for f in INPUT_FORMATS if f.text)
"""The formats that are plain text (sent as text, not as a file, to the server)."""

DOCUMENT_SUFFIXES: tuple[str, ...] = tuple(s for f in INPUT_FORMATS for s in f.suffixes)
"""Every suffix kravkoll reads, in table order: what a folder is searched for."""

_BY_NAME = {f.name: f for f in INPUT_FORMATS}
_BY_SUFFIX = {suffix: f for f in INPUT_FORMATS for suffix in f.suffixes}


def input_format(name: str) -> InputFormat | None:
    """The format of this name, or None."""
    return _BY_NAME.get(name)


def format_of(path: str | Path) -> str | None:
    """The document format for a file name (by its suffix, in any case), or None if kravkoll does not read it."""
    found = _BY_SUFFIX.get(Path(path).suffix.lower())
    return found.name if found is not None else None


def _spoken(items: list[str], conjunction: str) -> str:
    """``["a", "b", "c"]`` → ``"a, b and c"``."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def unsupported_suffix(suffix: str) -> str:
    """The reason a file of this suffix is not read: ``unsupported file type '.odt' (kravkoll reads .docx, .md, .txt and .pdf)``."""
    return f"unsupported file type '{suffix or '(none)'}' (kravkoll reads {_spoken([f.suffixes[0] for f in INPUT_FORMATS], 'and')})"


def unknown_format(name: str) -> str:
    """The reason a format name is refused: ``unknown format 'odt' (use docx, md, txt or pdf)``."""
    return f"unknown format '{name}' (use {_spoken(list(FORMAT_NAMES), 'or')})"


def send_as_file() -> str:
    """Which formats the server takes only as an uploaded file: ``.docx and .pdf``."""
    return _spoken([f.suffixes[0] for f in INPUT_FORMATS if not f.text], "and")
