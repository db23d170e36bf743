"""Pandoc's simple, multiline and grid tables in Markdown: the tables pandoc writes when a
Word or PDF table does not fit a pipe table (long cells, several lines in a cell); and, for
plain text, reStructuredText's grid tables (pandoc's are the same), simple tables and list tables.

A *simple table* is a header line, a line of dash groups that fixes the columns, and one row
per line up to a blank line::

      Deliverable        Due date                          Description
      ------------------ --------------------------------- ----------------------
      Status reports     1 calendar day after each sprint  Progress of the sprint

Without the header line it opens with the dash groups and closes with them. A *multiline table*
opens with a line of dashes across the table (header lines, then the dash groups) and closes with
one; each row is a block of lines, rows are separated by blank lines, and a cell's lines join into
one text. A *grid table* draws its cells with ``+---+`` and ``|``. The columns are the dash groups'
(from the start of a group to the start of the next), so text is cut where pandoc aligned it.

Each function looks at the lines from ``start`` and returns the table (rows of cells, the number
of header rows) and the index of the first line after it, or None when the lines are no such
table. Each line is read once, so a document full of dash lines stays linear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lazyre import lazy_compile
from ..segment import Piece, source_anchor

_DASH_GROUP = lazy_compile(r"-{3,}")
_DASH_LINE = lazy_compile(r"^ {0,3}-{3,}(?: +-{3,})*[ \t]*$")
_GRID_BORDER = lazy_compile(r"^ {0,3}\+(?:[-=:]+\+)+[ \t]*$")
_GRID_HEADER_BORDER = lazy_compile(r"^ {0,3}\+(?:[=:]+\+)+[ \t]*$")
_EQUALS_BORDER = lazy_compile(r"^ {0,3}={2,}(?: +={2,})+[ \t]*$")
_HEADER_LINES = 8
"""Most header lines of a multiline table between its top line and its dash groups."""


@dataclass
class Table:
    rows: list[list[Piece]]
    header_rows: int
    end: int
    """Index of the first line after the table."""
    closed: bool = False
    """Whether a dash line closed it (headerless and multiline tables must have one)."""


def dash_columns(line: str) -> list[int] | None:
    """Where the columns of a line of dash groups start, or None when the line is not one."""
    if not _DASH_LINE.match(line):
        return None
    return [match.start() for match in _DASH_GROUP.finditer(line)]


def _row(lines: list[tuple[int, str]], columns: list[int]) -> list[Piece]:
    """One row from its source lines (number from 1, text): each column's slices joined."""
    cells = [Piece(text="", anchors=[]) for _ in columns]
    for number, line in lines:
        for index, start in enumerate(columns):
            stop = columns[index + 1] if index + 1 < len(columns) else len(line)
            raw = line[start:stop] if index else line[:stop]  # the first column takes what stands left of it
            first = (0 if index == 0 else start) + len(raw) - len(raw.lstrip())
            _add_to_cell(cells[index], raw.strip(), number, first + 1)
    return cells


def simple_or_multiline(source: list[str], start: int, header_line: int | None) -> Table | None:
    """A simple or multiline table whose dash line (groups, or one dash line across a multiline
    table) is ``source[start]``; ``header_line``: the index of the single line of text just
    before it (a simple table's header), None when a blank line or the start comes before."""
    line = source[start]
    columns = dash_columns(line)
    if columns is None:
        return None
    if header_line is not None:
        if len(columns) < 2:
            return None  # "Title" over "-----" is a heading
        rows = _simple_rows(source, start + 1, columns)
        if not rows.rows:
            return None  # a header without rows is no table: its line stays text
        return Table([_row([(header_line + 1, source[header_line])], columns), *rows.rows], 1, rows.end)
    if len(columns) >= 2:
        return _headerless(source, start, columns)
    return _multiline(source, start)


def _simple_rows(source: list[str], start: int, columns: list[int]) -> Table:
    """Rows of one line each from ``start`` up to a blank line (or a closing dash line)."""
    rows: list[list[Piece]] = []
    i = start
    while i < len(source) and source[i].strip():
        if dash_columns(source[i]) is not None:
            return Table(rows, 0, i + 1, closed=True)
        rows.append(_row([(i + 1, source[i])], columns))
        i += 1
    return Table(rows, 0, i)


def _block_rows(source: list[str], start: int, columns: list[int]) -> Table:
    """Rows of one block of lines each, blocks separated by blank lines, up to the closing dash
    line (or the end of the text)."""
    rows: list[list[Piece]] = []
    block: list[tuple[int, str]] = []
    closed = False
    i = start
    while i < len(source):
        line = source[i]
        if dash_columns(line) is not None:
            i, closed = i + 1, True
            break
        if line.strip():
            block.append((i + 1, line))
        elif block:
            rows.append(_row(block, columns))
            block = []
        i += 1
    if block:
        rows.append(_row(block, columns))
    return Table(rows, 0, i, closed=closed)


def _headerless(source: list[str], start: int, columns: list[int]) -> Table | None:
    """Dash groups, rows, dash groups: a row per line, or per block where blank lines part them.
    Each scan stops at the next dash line, so every line is read at most twice."""
    simple = _simple_rows(source, start + 1, columns)
    if simple.closed:
        return simple if simple.rows else None
    table = _block_rows(source, start + 1, columns)
    return table if table.closed and table.rows else None


def _multiline(source: list[str], start: int) -> Table | None:
    """A dash line across the table, header lines, the dash groups, rows in blocks, a dash line."""
    for i in range(start + 1, min(start + 2 + _HEADER_LINES, len(source))):
        if not source[i].strip():
            return None
        columns = dash_columns(source[i])
        if columns is not None:
            if len(columns) < 2 or i == start + 1:
                return None
            header = _row([(j + 1, source[j]) for j in range(start + 1, i)], columns)
            body = _block_rows(source, i + 1, columns)
            return Table([header, *body.rows], 1, body.end, closed=True) if body.closed and body.rows else None
    return None


def grid(source: list[str], start: int) -> Table | None:
    """A grid table whose top border ``+----+----+`` is ``source[start]``: the cells between the
    ``|`` of each row's lines, up to the next border; a ``+====+`` border ends the header."""
    top = source[start]
    if not _GRID_BORDER.match(top):
        return None
    columns = [match.start() for match in re.finditer(r"[-=:]+", top)]
    rows: list[list[Piece]] = []
    header_rows = 0
    block: list[tuple[int, str]] = []
    i = start + 1
    while i < len(source):
        line = source[i]
        if _GRID_BORDER.match(line):
            if block:
                rows.append(_row([(number, _blank_bars(text, columns)) for number, text in block], columns))
                block = []
            if _GRID_HEADER_BORDER.match(line):
                header_rows = len(rows)
            i += 1
            if i >= len(source) or not source[i].lstrip().startswith("|"):
                break
            continue
        if not line.lstrip().startswith("|"):
            break
        block.append((i + 1, line))
        i += 1
    if block:
        rows.append(_row([(number, _blank_bars(text, columns)) for number, text in block], columns))
    return Table(rows, header_rows, i) if rows else None


def rst_simple(source: list[str], start: int) -> Table | None:
    """A reStructuredText simple table whose top border of ``=`` groups (two columns or more)
    is ``source[start]``::

        ==========  ==================
        Service     Availability
        ==========  ==================
        E-mail      99.5 % a month
        ==========  ==================

    The lines between the first two borders are its header when a third border closes the rows
    after them, else its rows (a table without header); a line whose first column is empty
    goes on with the row above. A blank line ends the search for a border (each line is read
    once); a table left open is none."""
    if not _EQUALS_BORDER.match(source[start]):
        return None
    columns = [match.start() for match in re.finditer(r"=+", source[start])]
    parts: list[list[tuple[int, str]]] = [[]]
    i = start + 1
    while i < len(source) and source[i].strip():
        if _EQUALS_BORDER.match(source[i]):
            if len(parts) == 2:
                return _rst_table(parts[0], parts[1], columns, i + 1)
            parts.append([])
        else:
            parts[-1].append((i + 1, source[i]))
        i += 1
    if len(parts) == 2 and parts[0]:
        return _rst_table([], parts[0], columns, start + 1 + len(parts[0]) + 1)
    return None


_LIST_TABLE = lazy_compile(r"^(?P<indent>[ \t]*)\.\.[ \t]+list-table::[ \t]*(?P<title>.*)$")
_LIST_TABLE_OPTION = lazy_compile(r"^[ \t]+:(?P<name>[\w-]+):[ \t]*(?P<value>.*)$")
# "* - Less urgent": a row and its first cell; "  - 3 working days": the row's next cell. A dash
# with nothing after it is an empty cell ("* -", "  -"), as reStructuredText writes one.
_LIST_TABLE_ROW = lazy_compile(r"^[ \t]+\*[ \t]+-(?:[ \t]+(?=\S)|[ \t]*$)")
_LIST_TABLE_CELL = lazy_compile(r"^[ \t]+-(?:[ \t]+(?=\S)|[ \t]*$)")


def rst_list_table(source: list[str], start: int) -> Table | None:
    """A reStructuredText list table whose directive ``.. list-table::`` is ``source[start]``::

        .. list-table::
           :header-rows: 1

           * - Incident priority
             - Response Time
           * - Less urgent
             - 3 working days

    Each ``* -`` starts a row and its first cell, each ``-`` under the first one's dash the
    row's next cell (a dash alone: an empty cell), and a line indented further goes on with the
    cell above; ``:header-rows:``
    counts the header's rows (other options are left aside). The table ends at the first line
    indented no further than the directive. None when no row follows."""
    directive = _LIST_TABLE.match(source[start])
    if directive is None:
        return None
    indent = len(directive.group("indent"))
    header_rows = 0
    i = start + 1
    while i < len(source) and (option := _LIST_TABLE_OPTION.match(source[i])) is not None:
        value = option.group("value").strip()
        if option.group("name") == "header-rows" and value.isdigit():
            header_rows = int(value)
        i += 1
    rows: list[list[Piece]] = []
    dash = -1  # the column of the current row's first dash: its cells' dashes stand there
    end = i
    while i < len(source):
        line = source[i]
        text = line.strip()
        if text and len(line) - len(line.lstrip()) <= indent:
            break
        if text:
            row, cell = _LIST_TABLE_ROW.match(line), _LIST_TABLE_CELL.match(line)
            if row is not None:
                dash = line.index("-", line.index("*") + 1)
                rows.append([Piece(text="", anchors=[])])
                _add_to_cell(rows[-1][-1], line[row.end() :].strip(), i + 1, row.end() + 1)
            elif cell is not None and rows and line.index("-") == dash:
                rows[-1].append(Piece(text="", anchors=[]))
                _add_to_cell(rows[-1][-1], line[cell.end() :].strip(), i + 1, cell.end() + 1)
            elif rows and len(line) - len(line.lstrip()) > dash:
                _add_to_cell(rows[-1][-1], text, i + 1, len(line) - len(line.lstrip()) + 1)
            else:
                break
            end = i + 1
        i += 1
    return Table(rows, min(header_rows, len(rows)), end, closed=True) if rows else None


def list_table_title(line: str) -> str:
    """The title a list table's directive gives on its line (``.. list-table:: Service levels``), or ""."""
    directive = _LIST_TABLE.match(line)
    return directive.group("title").strip() if directive is not None else ""


def _add_to_cell(cell: Piece, text: str, number: int, column: int) -> None:
    """``text``, which stands on line ``number`` from ``column`` (both from 1), added to ``cell``
    after a space; nothing for an empty one (a row stands where its first text does)."""
    if not text:
        return
    if cell.text:
        cell.text += " "
    cell.anchors.append(source_anchor(len(cell.text), number, column))
    cell.text += text


def _rst_table(header: list[tuple[int, str]], body: list[tuple[int, str]], columns: list[int], end: int) -> Table | None:
    rows: list[list[tuple[int, str]]] = []
    for number, line in body:
        if rows and not line[: columns[1]].strip():
            rows[-1].append((number, line))  # its first column empty: the row above goes on
        else:
            rows.append([(number, line)])
    if not rows:
        return None
    cells = [_row(header, columns)] if header else []
    return Table([*cells, *(_row(lines, columns) for lines in rows)], 1 if header else 0, end, closed=True)


def _blank_bars(line: str, columns: list[int]) -> str:
    """The line with the bars between cells (just before each column) made spaces."""
    characters = list(line.rstrip())
    for start in columns:
        if 0 < start <= len(characters) and characters[start - 1] == "|":
            characters[start - 1] = " "
    if characters and characters[-1] == "|":
        characters[-1] = " "
    return "".join(characters)
