"""An HTML ``<table>`` inside Markdown (pandoc writes complex tables so), read into rows of cells:
apart from :mod:`.markdown` so that ``html.parser`` loads only for a document that has one."""

from __future__ import annotations

from html.parser import HTMLParser

from ..segment import Piece, source_anchor


class HtmlTable(HTMLParser):
    """Rows and cells of an HTML ``<table>``, each text run anchored at its source position."""

    def __init__(self, first_line: int) -> None:
        super().__init__(convert_charrefs=True)
        self.first_line = first_line
        self.rows: list[list[Piece]] = []
        self.header_rows = 0
        self._cell: Piece | None = None
        self._in_head = False
        self._row_is_header = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "thead":
            self._in_head = True
        elif tag == "tr":
            self.rows.append([])
            self._row_is_header = self._in_head
        elif tag in ("td", "th") and self.rows:
            self._cell = Piece(text="", anchors=[])
            self._row_is_header = self._row_is_header or (tag == "th" and not self.rows[-1])
        elif tag in ("p", "br", "li") and self._cell is not None and self._cell.text:
            self._cell.text += " "

    def handle_endtag(self, tag: str) -> None:
        if tag == "thead":
            self._in_head = False
        elif tag in ("td", "th") and self._cell is not None and self.rows:
            self._cell.text = self._cell.text.rstrip()
            if not self._cell.anchors:
                line, column = self.getpos()
                self._cell.anchors.append(source_anchor(0, self.first_line + line - 1, column + 1))
            self.rows[-1].append(self._cell)
            self._cell = None
        elif tag == "tr" and self._row_is_header and len(self.rows) == self.header_rows + 1:
            self.header_rows += 1

    def handle_data(self, data: str) -> None:
        if self._cell is None or not data.strip():
            return
        line, column = self.getpos()
        lead = len(data) - len(data.lstrip())
        line += data.count("\n", 0, lead)
        column = lead - data.rfind("\n", 0, lead) - 1 if "\n" in data[:lead] else column + lead
        cell = self._cell
        if cell.text and not cell.text.endswith(" ") and data[:1].isspace():
            cell.text += " "
        cell.anchors.append(source_anchor(len(cell.text), self.first_line + line - 1, column + 1))
        cell.text += " ".join(data.split()) + (" " if data[-1:].isspace() else "")
