"""Errors that kravkoll reports to users: one line each, never a traceback."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .lazyre import lazy_compile

if TYPE_CHECKING:
    from pydantic import ValidationError


_HIDDEN = lazy_compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
"""Characters a terminal or a CI log acts on instead of showing: C0 and C1 controls (newline,
ESC, which starts colour and hyperlink sequences, ...), DEL, line and paragraph separators and
the bidirectional marks and overrides that reorder what is shown."""

_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def visible(text: str) -> str:
    """``text`` with every control character written as an escape (``\\n``, ``\\x1b``,
    ``\\u202e``), so that a file name or a document's text printed on a terminal or a CI log
    stays on its line and shows what it holds. Idempotent: backslashes are left as they are."""
    return _HIDDEN.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    character = match.group()
    code = ord(character)
    return _NAMED_ESCAPES.get(character) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def one_line(error: BaseException, limit: int = 160) -> str:
    """A library's error message as one short line, for an error kravkoll reports."""
    text = " ".join(str(error).split()) or type(error).__name__
    return text if len(text) <= limit else text[: limit - 3] + "..."


class KravError(Exception):
    """A user-facing error: bad input, bad configuration, bad usage.

    ``str(error)`` is the complete one-line message, naming the file where there is one; its
    control characters (from a file name, say) are escaped with :func:`visible`.
    """

    exit_code = 2

    def __init__(self, message: str = "") -> None:
        super().__init__(visible(message))


class InputError(KravError):
    """A document that cannot be read (corrupt, encrypted, hostile, too large, ...)."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


SOURCE_WIDTH = 100
"""Characters of a rule file's line shown under an error; a longer line is cut around the column."""


@dataclass(frozen=True)
class Diagnostic:
    """One error in a rule file, with the position a rule author needs to fix it."""

    path: str
    line: int
    column: int
    message: str
    source_line: str = ""

    def render(self) -> str:
        """``path:line:col: message``, then the source line and a caret under the column."""
        head = visible(f"{self.path}:{self.line}:{self.column}: {self.message}")
        if not self.source_line:
            return head
        shown = self.source_line.rstrip("\n").expandtabs(1)
        column = max(self.column, 1)
        if len(shown) > SOURCE_WIDTH:  # a window around the column, so that the caret stays in view
            start = max(0, min(column - SOURCE_WIDTH // 2, len(shown) - SOURCE_WIDTH))
            end = start + SOURCE_WIDTH
            shown = ("..." if start else "") + shown[start:end] + ("..." if end < len(shown) else "")
            column = column - start + (3 if start else 0)
        caret = " " * len(visible(shown[: column - 1])) + "^"
        return f"{head}\n    {visible(shown)}\n    {caret}"


class RuleError(KravError):
    """One or more errors in rule files; every error of a file is reported together."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = sorted(diagnostics, key=lambda d: (d.path, d.line, d.column))
        first = self.diagnostics[0]
        more = len(self.diagnostics) - 1
        summary = f"{first.path}:{first.line}:{first.column}: {first.message}"
        if more:
            summary += f" (and {more} more error{'s' if more > 1 else ''})"
        super().__init__(summary)

    def render(self) -> str:
        """Every diagnostic with its caret, separated by blank lines."""
        return "\n\n".join(d.render() for d in self.diagnostics)


def first_problem(error: ValidationError) -> str:
    """The first problem pydantic found, as ``where: what`` for a one-line message."""
    problem = error.errors()[0]
    where = ".".join(str(p) for p in problem["loc"]) or "(top)"
    return f"{where}: {problem['msg']}"
