"""DocumentBuilder additions used by the .docx reader: computed ids, suppressions over a range of
blocks, closing sections, and source numbers for tables and rows."""

from __future__ import annotations

from checker.document import Anchor, Location, Suppression
from checker.segment import DocumentBuilder, Piece


def piece(text: str, line: int) -> Piece:
    return Piece(text=text, anchors=[Anchor(offset=0, location=Location(line=line, column=1))])


def test_a_computed_id_is_used_unless_the_text_has_its_own():
    builder = DocumentBuilder(path="x", format="docx")
    builder.paragraph(piece("Leverantören ska svara.", 1), "list_item", requirement_id="K4.1")
    builder.paragraph(piece("REQ-7: Leverantören ska svara.", 2), "list_item", requirement_id="K4.2")
    builder.paragraph(piece("Leverantören ska svara.", 3))
    doc = builder.build()
    assert [(s.requirement_id, s.id_source) for s in doc.statements] == [("K4.1", "leading"), ("REQ-7", "leading"), (None, None)]


def test_suppress_blocks_covers_every_block_since_the_given_one_once():
    builder = DocumentBuilder(path="x", format="docx")
    builder.paragraph(piece("Före.", 1))
    first = len(builder.blocks)
    builder.paragraph(piece("Ett.", 2))
    builder.paragraph(piece("Två.", 3))
    suppression = Suppression(rules=["OMATBART"], reason="ok", location=Location(line=2, column=1))
    builder.suppress_blocks([suppression], first)
    builder.suppress_blocks([suppression], first)
    builder.paragraph(piece("Efter.", 4))
    assert [len(b.suppressions) for b in builder.build().blocks] == [0, 1, 1, 0]


def test_close_sections_puts_what_follows_outside_every_section():
    builder = DocumentBuilder(path="x", format="docx")
    builder.heading("4 Drift", 1, Location(line=1, column=1))
    builder.paragraph(piece("I avsnittet.", 2))
    builder.close_sections()
    builder.paragraph(piece("En fotnot.", 3))
    doc = builder.build()
    assert [(s.section, s.location.section, s.requirement_id) for s in doc.statements] == [(0, "4 Drift", None), (0, "4 Drift", "4"), (None, None, None)]


def test_tables_and_rows_keep_their_source_numbers():
    builder = DocumentBuilder(path="x", format="docx")
    builder.table([[piece("", 1)]])  # an empty table still counts
    builder.table([[piece("Nr", 2), piece("Krav", 3)], [piece("", 4), piece("", 5)], [piece("1.1", 6), piece("Leverantören ska svara.", 7)]], header_rows=1)
    doc = builder.build()
    assert [(s.text, s.table, s.row, s.requirement_id, s.location.table, s.location.row) for s in doc.statements] == [
        ("1.1 | Leverantören ska svara.", 2, 3, "1.1", 2, 3)
    ]
