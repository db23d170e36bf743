"""Plain text: numbered headings, blank-line paragraphs, bullet and numbered lists.

A short line underlined (or over- and underlined) with one repeated character at least as long
as it — ``===``, ``---``, ``~~~`` …, as reStructuredText writes headings — is a heading, its level
by the order in which the document first uses each kind of line; such a line standing alone is a
rule, no text.
Grid tables (``+----+``), simple tables (``====  ====``) and list tables (``.. list-table::``,
rows written ``* - cell``) are tables, as reStructuredText writes them, and its explicit markup (``.. _target:``, ``.. [1]``, a directive's name ``.. note::``)
is no text; the text after a directive's name is. (Text read from a PDF keeps none of this.)
A line such as ``4.2 Felhantering`` (short, no verb, no final period) is a heading of level
2; a short line in capitals is a heading of level 1 — at the start of a block, or after a line
that ends a sentence (text extracted from a PDF has no blank lines). ``-``, ``*``, ``•``, ``●``,
``–``, ``1.``, ``1)``, ``a)`` start list items. Comments as in Markdown (``<!-- kravkoll: ignore … -->``)
and lines starting with ``# kravkoll: ignore`` suppress findings in the next block.
"""

from __future__ import annotations

import re
from typing import Iterable

from ..document import Document
from ..ids import leading_id
from ..lazyre import lazy_compile
from ..segment import (
    DocumentBuilder,
    Piece,
    heading_level,
    numbered_heading,
    only_clause_number,
    parse_suppression,
    plain_heading,
    source_anchor,
    source_location,
)
from . import pandoc_tables
from .lines import line_pieces

# Bullets as Word and PDF conversions write them: •, ●, ○, ◦, ▪, ■, □, ➢, ►, ✓ …
_BULLET = lazy_compile(r"^([ \t]*)([-*•–·▪●○◦■□➢►▶✓✔]|\d{1,3}[.)]|[a-zA-Z][.)]|\(\w{1,3}\))([ \t]+)(?=\S)")
_TITLE_WORDS = 6
_SENTENCE_END = (".", ":", ";", "!", "?", ".)", ".”", '."')
# A line of one punctuation character repeated: reStructuredText's adornments (and setext's).
_ADORNMENT_CHARACTERS = frozenset("=-~^*#+\"'`:._")
_ADORNMENT = lazy_compile(f"^([{re.escape(''.join(sorted(_ADORNMENT_CHARACTERS)))}])\\1{{2,}}[ \\t]*$")
_TITLE_CHARACTERS = 100  # a heading's line is short; a longer line over a rule is text
# reStructuredText's explicit markup that is no text: a link target (".. _name: url"), a
# footnote or citation (".. [1] …"), a substitution (".. |name| image:: …"), a directive's name
# (".. note:: " — the text after it on its line is the directive's, and read), a lone "..".
_EXPLICIT_MARKUP = lazy_compile(r"^\.\.(?:[ \t]+(?:(?P<directive>[\w:+-]+::)|_[^:]*:.*|\[[^\]]*\].*|\|[^|]*\|.*)|[ \t]*$)")
_COMMENT = lazy_compile(r"^\s*(?:<!--(?P<html>.*?)-->|#\s*(?P<hash>kravkoll\s*:.*))\s*$")


def read_plaintext(text: str, path: str, *, language: str | None = None) -> Document:
    builder = DocumentBuilder(path=path, format="txt")
    feed_lines(builder, ((number, 1, line) for number, line in enumerate(text.split("\n"), start=1)), tables=True)
    return builder.build(language)


def feed_lines(builder: DocumentBuilder, lines: Iterable[tuple[int, int, str]], tables: bool = False) -> None:
    """Feed source lines ``(line number, column of the first character, text)`` to the builder
    as plain text; an empty text ends the block (a blank line, or a page break in a PDF).
    ``tables``: the lines are a text file's, one per line from line 1, and its grid and simple
    tables as reStructuredText writes them are read as tables (:mod:`.pandoc_tables`)."""
    block: list[tuple[int, int, str]] = []
    kind = "paragraph"

    def flush() -> None:
        nonlocal block, kind
        for piece in line_pieces(block):
            builder.paragraph(piece, "list_item" if piece.item else kind)
            kind = "paragraph"
        block = []
        kind = "paragraph"

    entries = list(lines)
    source = [line for _, _, line in entries] if tables else []
    adornments: dict[tuple[str, bool], int] = {}  # (character, with an overline) → heading level, in order of first use
    skip_to = 0  # an underline read with its heading
    for position, (number, base, line) in enumerate(entries):
        if position < skip_to:
            continue
        stripped = line.strip()
        if not stripped or stripped == "\f":
            flush()
            continue
        if tables and stripped.startswith("..") and (table := pandoc_tables.rst_list_table(source, position)) is not None:
            flush()  # a list table: its directive's title, then its rows
            if title := pandoc_tables.list_table_title(line):
                builder.paragraph(Piece(text=title, anchors=[source_anchor(0, number, base + line.index(title))]))
            builder.table(table.rows, header_rows=table.header_rows or None)
            skip_to = table.end
            continue
        if tables and stripped.startswith("..") and (markup := _EXPLICIT_MARKUP.match(stripped)) is not None:
            flush()  # reStructuredText's explicit markup: a link target, a footnote, a substitution, a directive's name
            rest = stripped[markup.end() :].strip() if markup.group("directive") else ""
            if not rest:
                continue
            line, stripped = " " * (len(line) - len(line.lstrip()) + stripped.index(rest)) + rest, rest  # a directive's text on its line
        if tables and stripped[0] in "+=" and (table := pandoc_tables.grid(source, position) or pandoc_tables.rst_simple(source, position)):
            flush()
            builder.table(table.rows, header_rows=table.header_rows or None)
            skip_to = table.end
            continue
        if tables and stripped[0] in _ADORNMENT_CHARACTERS and (rule := _ADORNMENT.match(stripped)) is not None:
            flush()  # an overline, or a rule standing alone: no text
            title = entries[position + 1][2].strip() if position + 1 < len(entries) else ""
            if _underlined(entries, position + 1, rule.group(1)) and _title_over(title, len(stripped)) and not _ADORNMENT.match(title):
                heading_column = entries[position + 1][1] + len(entries[position + 1][2]) - len(entries[position + 1][2].lstrip())
                level = adornments.setdefault((rule.group(1), True), len(adornments) + 1)
                builder.heading(title, level, source_location(entries[position + 1][0], heading_column))
                skip_to = position + 3
            continue
        if tables and not block and _underlined(entries, position) and _title_over(stripped, len(entries[position + 1][2].strip())) and not _BULLET.match(line):
            level = adornments.setdefault((entries[position + 1][2].strip()[0], False), len(adornments) + 1)
            builder.heading(stripped, level, source_location(number, base + len(line) - len(line.lstrip())))
            skip_to = position + 2
            continue
        column = base + len(line) - len(line.lstrip())
        comment = _COMMENT.match(line) if stripped[0] in "<#" else None  # what a comment starts with
        if comment:
            flush()
            suppression = parse_suppression(comment.group("html") or comment.group("hash") or "", source_location(number, column))
            if suppression is not None:
                builder.suppress_next(suppression)
            continue
        if _blank_after(entries, position) and only_clause_number(stripped) is not None:
            flush()  # "3.0" alone: it numbers the heading after the blank line
            builder.clause_number(only_clause_number(stripped) or stripped)
            continue
        # A PDF has no blank lines: a heading also follows a block whose last line ends a
        # sentence, or a title (up to three short lines: "Statement of Objectives" / "1.0 BACKGROUND").
        at_start = not block or block[-1][2].endswith(_SENTENCE_END) or (len(block) <= 3 and all(len(text.split()) <= _TITLE_WORDS for _, _, text in block))
        if at_start and (heading := numbered_heading(stripped)):
            flush()
            builder.heading(stripped, heading_level(heading[0]), source_location(number, column), kind="clause")
            continue
        if at_start and _is_caps_heading(stripped):
            flush()
            builder.heading(stripped, 1, source_location(number, column))
            continue
        if (
            not block
            and not _BULLET.match(line)
            and (following := _next_text(entries, position)) is not None
            and not _BULLET.match(following)
            and plain_heading(stripped, following, builder.has_clause_number, adjacent=not _blank_after(entries, position))
        ):
            builder.heading(stripped, None, source_location(number, column), kind="label")
            continue
        bullet = _BULLET.match(line)
        if bullet and not leading_id(stripped):
            flush()
            kind = "list_item"
            start = bullet.end()
            block = [(number, base + start, line[start:].rstrip())]
            continue
        block.append((number, column, stripped))
    flush()


_ADORNMENT_CHARACTERS = frozenset("=-~^*#+\"'`:._")


def _title_over(title: str, rule_length: int) -> bool:
    """Whether ``title`` may be a heading over (or between) a rule ``rule_length`` characters
    long: as reStructuredText asks, the rule is at least as long as the title; and a title is
    short and ends no sentence."""
    return 0 < len(title) <= min(rule_length, _TITLE_CHARACTERS) and not title.endswith((".", ";"))


def _underlined(entries: list[tuple[int, int, str]], position: int, character: str | None = None) -> bool:
    """Whether the line at ``position`` has text and the line after it is an adornment (of
    ``character``, when given): a heading's underline."""
    if position + 1 >= len(entries) or not entries[position][2].strip():
        return False
    below = _ADORNMENT.match(entries[position + 1][2].strip())
    return below is not None and (character is None or below.group(1) == character)


def _blank_after(entries: list[tuple[int, int, str]], position: int) -> bool:
    return position + 1 >= len(entries) or not entries[position + 1][2].strip()


def _next_text(entries: list[tuple[int, int, str]], position: int) -> str | None:
    """The next line with text after ``position`` (across blank lines, at most a few), if any."""
    for _, _, text in entries[position + 1 : position + 4]:
        if text.strip() and text.strip() != "\f":
            return text
    return None


def _is_caps_heading(text: str) -> bool:
    """A short line of capitals ("SERVICE CREDITS"): at most eight words, no final period, three
    letters or more, every one upper case. Its letters are looked at last: the first line of
    every block is asked (and most are long)."""
    if len(text.split()) > 8 or text.endswith("."):
        return False
    letters = 0
    for char in text:
        if char.isalpha():
            if not char.isupper():
                return False
            letters += 1
    return letters >= 3
