"""The .docx reader: order, paragraph numbers and columns, headings, numbering, tables,
text boxes, footnotes and comment suppressions, on documents built here with python-docx."""

from __future__ import annotations

from pathlib import Path

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx_builder import add_footnotes, add_list, add_text_box, header_row, new_document, number, number_style, outline_level, to_bytes
from lxml import etree

from checker.document import Document, Statement
from checker.readers.docx import WordReading, read_docx, read_word
from checker.readers.docx.body import _paragraph_text, _Text, _walk


def read(document) -> Document:
    return read_docx(to_bytes(document), "test.docx")


def sections(document: Document) -> list[tuple[str | None, str, int, int | None]]:
    return [(s.number, s.title, s.level, s.parent) for s in document.sections]


def statement(document: Document, text: str) -> Statement:
    found = [s for s in document.statements if s.text == text]
    assert len(found) == 1, [s.text for s in document.statements]
    return found[0]


def where(document: Document, statement_text: str, match: str) -> tuple:
    """(line, column, paragraph, table, row, cell, section) of ``match`` inside a statement."""
    s = statement(document, statement_text)
    loc = s.location_at(s.text.index(match))
    return loc.line, loc.column, loc.paragraph, loc.table, loc.row, loc.cell, loc.section


def test_body_paragraphs_headings_by_style_and_exact_locations():
    d = new_document()
    d.add_heading("Förfrågningsunderlag", 0)  # 1: Title
    d.add_heading("4 Drift", 1)  # 2
    d.add_paragraph("Inledande text om driften.")  # 3
    d.add_heading("4.2 Felhantering", 2)  # 4
    d.add_paragraph("")  # 5: empty, still counted
    d.add_paragraph("  Leverantören ska åtgärda fel snabbt. Rapport lämnas t.ex. varje månad.")  # 6
    doc = read(d)

    assert doc.format == "docx" and doc.language == "sv"
    assert sections(doc) == [(None, "Förfrågningsunderlag", 1, None), ("4", "Drift", 1, None), ("4.2", "Felhantering", 2, 1)]
    assert [(s.kind, s.text, s.location.line, s.location.column) for s in doc.statements] == [
        ("heading", "Förfrågningsunderlag", 1, 1),
        ("heading", "4 Drift", 2, 1),
        ("sentence", "Inledande text om driften.", 3, 1),
        ("heading", "4.2 Felhantering", 4, 1),
        ("sentence", "Leverantören ska åtgärda fel snabbt.", 6, 3),
        ("sentence", "Rapport lämnas t.ex. varje månad.", 6, 40),
    ]
    assert where(doc, "Leverantören ska åtgärda fel snabbt.", "snabbt") == (6, 32, 6, None, None, None, "4 Drift > 4.2 Felhantering")
    assert statement(doc, "Inledande text om driften.").requirement_id == "4"
    assert statement(doc, "Rapport lämnas t.ex. varje månad.").id_source == "heading"


def test_swedish_style_names_outline_levels_and_table_of_contents():
    d = new_document()
    rubrik2 = d.styles.add_style("Rubrik 2", WD_STYLE_TYPE.PARAGRAPH)  # a Swedish name, not based on Heading 2
    kapitel = d.styles.add_style("Kapitelrubrik", WD_STYLE_TYPE.PARAGRAPH)
    kapitel.base_style = d.styles["Heading 1"]  # a heading through its style chain
    d.styles.add_style("toc 1", WD_STYLE_TYPE.PARAGRAPH)
    d.add_paragraph("Innehåll", style="TOC Heading")  # 1: based on Heading 1 but outline level 9: body text
    d.add_paragraph("1 Allmänt 3", style="toc 1")  # 2: a table-of-contents line, skipped
    d.add_paragraph("Allmänt", style="Kapitelrubrik")  # 3
    d.add_paragraph("Bakgrund", style=rubrik2)  # 4
    outline_level(d.add_paragraph("Bilagor"), 0)  # 5: outline level in the paragraph
    d.add_paragraph("Se bilaga 1.")  # 6
    doc = read(d)

    assert sections(doc) == [(None, "Allmänt", 1, None), (None, "Bakgrund", 2, 0), (None, "Bilagor", 1, None)]
    assert [(s.kind, s.text, s.location.line) for s in doc.statements] == [
        ("sentence", "Innehåll", 1),
        ("heading", "Allmänt", 3),
        ("heading", "Bakgrund", 4),
        ("heading", "Bilagor", 5),
        ("sentence", "Se bilaga 1.", 6),
    ]


def test_numbered_heading_text_only_when_it_looks_like_a_heading():
    d = new_document()
    d.add_paragraph("4.2. FELHANTERING")  # 1: capitals
    d.add_paragraph("5.1 Sanktioner")  # 2: typed two-level number
    d.add_paragraph().add_run("6 Avtalstid").bold = True  # 3: bold
    d.add_paragraph("7 Övrigt")  # 4: one level, plain: not a heading
    d.add_paragraph("5.2 Leverantören ska leverera i tid.")  # 5: a requirement, not a heading
    doc = read(d)

    assert sections(doc) == [
        ("4.2", "FELHANTERING", 2, None),
        ("5.1", "Sanktioner", 2, None),
        ("6", "Avtalstid", 1, None),
        ("5.2", "Leverantören ska leverera i tid.", 2, 2),
    ]  # a numbered paragraph is a clause
    assert [(s.kind, s.text, s.requirement_id, s.id_source, s.location.line) for s in doc.statements] == [
        ("heading", "4.2. FELHANTERING", None, None, 1),
        ("heading", "5.1 Sanktioner", None, None, 2),
        ("heading", "6 Avtalstid", None, None, 3),
        ("sentence", "7 Övrigt", "6", "heading", 4),
        ("sentence", "5.2 Leverantören ska leverera i tid.", "5.2", "leading", 5),
    ]


def test_automatic_heading_numbers_from_numbered_heading_styles():
    d = new_document()
    add_list(d, 90, 90, [("decimal", "%1"), ("decimal", "%1.%2"), ("decimal", "%1.%2.%3")], styles={0: "Heading1", 1: "Heading2", 2: "Heading3"})
    for name in ("Heading 1", "Heading 2", "Heading 3"):
        number_style(d, name, 90)
    d.add_heading("Allmänt", 1)  # 1
    d.add_heading("Omfattning", 2)  # 1.1
    d.add_heading("Definitioner", 2)  # 1.2
    d.add_heading("Drift", 1)  # 2
    d.add_heading("Tillgänglighet", 2)  # 2.1
    d.add_heading("Mätning", 3)  # 2.1.1
    d.add_paragraph("Tjänsten ska vara tillgänglig 99,5 % per månad.")
    d.add_heading("Felhantering", 2)  # 2.2
    d.add_heading("Rapportering", 3)  # 2.2.1: the third level restarted
    number(d.add_heading("Bilagor", 1), 0)  # numId 0 switches the style's numbering off
    doc = read(d)

    assert sections(doc) == [
        ("1", "Allmänt", 1, None),
        ("1.1", "Omfattning", 2, 0),
        ("1.2", "Definitioner", 2, 0),
        ("2", "Drift", 1, None),
        ("2.1", "Tillgänglighet", 2, 3),
        ("2.1.1", "Mätning", 3, 4),
        ("2.2", "Felhantering", 2, 3),
        ("2.2.1", "Rapportering", 3, 6),
        (None, "Bilagor", 1, None),
    ]
    requirement = statement(doc, "Tjänsten ska vara tillgänglig 99,5 % per månad.")
    assert (requirement.requirement_id, requirement.id_source) == ("2.1.1", "heading")
    assert requirement.location.section == "2 Drift > 2.1 Tillgänglighet > 2.1.1 Mätning"
    assert statement(doc, "Mätning").location.column == 1  # the heading's text, without its number


def test_number_formats_in_heading_numbers():
    d = new_document()
    add_list(
        d,
        91,
        91,
        [("upperRoman", "%1."), ("upperLetter", "%1.%2"), ("lowerRoman", "Bilaga %1.%2.%3")],
        styles={0: "Heading1", 1: "Heading2", 2: "Heading3"},
        starts={2: 3},
    )
    for name in ("Heading 1", "Heading 2", "Heading 3"):
        number_style(d, name, 91)
    for level, title in [(1, "Ett"), (2, "A-del"), (2, "B-del"), (3, "Tre"), (3, "Fyra"), (1, "Två"), (1, "Tre"), (1, "Fyra")]:
        d.add_heading(title, level)
    doc = read(d)
    assert [s.number for s in doc.sections] == ["I", "I.A", "I.B", "Bilaga I.B.iii", "Bilaga I.B.iv", "II", "III", "IV"]


def test_numbered_paragraphs_are_list_items_and_labels_give_ids():
    d = new_document()
    add_list(d, 92, 92, [("decimal", "K4.%1")])
    add_list(d, 93, 93, [("decimal", "%1.")], start_overrides={0: 3})
    d.add_heading("4 Drift", 1)  # 1
    number(d.add_paragraph("Tjänsten ska vara tillgänglig 99,5 % per månad."), 92)  # 2: K4.1
    number(d.add_paragraph("Fel ska åtgärdas inom 4 timmar."), 92)  # 3: K4.2
    number(d.add_paragraph("REQ-12: Loggar ska sparas i 12 månader."), 92)  # 4: K4.3, but the text has its own id
    number(d.add_paragraph("Leverantören ska lämna en plan."), 93)  # 5: "3." is a bare list number: no id
    d.add_paragraph("Ett streck", style="List Bullet")  # 6: bullet
    d.add_paragraph("En lista utan nummer", style="List Paragraph")  # 7
    doc = read(d)

    assert [(s.kind, s.text, s.requirement_id, s.id_source, s.location.line, s.location.column) for s in doc.statements[1:]] == [
        ("list_item", "Tjänsten ska vara tillgänglig 99,5 % per månad.", "K4.1", "leading", 2, 1),
        ("list_item", "Fel ska åtgärdas inom 4 timmar.", "K4.2", "leading", 3, 1),
        ("list_item", "REQ-12: Loggar ska sparas i 12 månader.", "REQ-12", "leading", 4, 1),
        ("list_item", "Leverantören ska lämna en plan.", "4", "heading", 5, 1),
        ("list_item", "Ett streck", "4", "heading", 6, 1),
        ("list_item", "En lista utan nummer", "4", "heading", 7, 1),
    ]
    assert [b.kind for b in doc.blocks] == ["heading"] + ["list_item"] * 6


def test_requirements_table_header_row_id_column_and_merged_cells():
    d = new_document()
    d.add_heading("5 Krav", 1)  # paragraph 1
    table = d.add_table(rows=5, cols=3)
    for r, cells in enumerate(
        [
            ["Krav-ID", "Krav", "Uppföljning"],
            ["K5.1", "Leverantören ska svara inom 2 timmar.", "Månadsrapport"],
            ["K5.2", "", ""],
            ["K5.3", "Fel ska åtgärdas inom 4 timmar.", ""],
            ["K5.4", "Driften ska övervakas.", ""],
        ]
    ):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    header_row(table.rows[0])
    table.cell(2, 1).merge(table.cell(2, 2)).text = "Leverantören ska ha ISO 27001."  # across two columns
    table.cell(3, 2).merge(table.cell(4, 2)).text = "Kvartalsrapport"  # down two rows
    d.add_paragraph("Efter tabellen.")
    # python-docx repeats merged cells; the reader must not
    assert [c.text for c in table.rows[2].cells] == ["K5.2", "Leverantören ska ha ISO 27001.", "Leverantören ska ha ISO 27001."]
    assert [c.text for c in table.rows[4].cells][2] == "Kvartalsrapport"
    doc = read(d)

    rows = [s for s in doc.statements if s.kind == "table_row"]
    assert [(s.text, s.requirement_id, s.id_source, s.table, s.row) for s in rows] == [
        ("K5.1 | Leverantören ska svara inom 2 timmar. | Månadsrapport", "K5.1", "column", 1, 2),
        ("K5.2 | Leverantören ska ha ISO 27001.", "K5.2", "column", 1, 3),
        ("K5.3 | Fel ska åtgärdas inom 4 timmar. | Kvartalsrapport", "K5.3", "column", 1, 4),
        ("K5.4 | Driften ska övervakas.", "K5.4", "column", 1, 5),
    ]
    # paragraphs: 1 heading; row 1: 2-4; row 2: 5-7; row 3: 8-9 (one merged cell); row 4: 10-12; row 5: 13-15
    first = rows[0].text
    assert where(doc, first, "K5.1") == (5, 1, 5, 1, 2, 1, "5 Krav")
    assert where(doc, first, "2 timmar") == (6, 29, 6, 1, 2, 2, "5 Krav")
    assert where(doc, first, "Månadsrapport") == (7, 1, 7, 1, 2, 3, "5 Krav")
    assert where(doc, rows[1].text, "ISO") == (9, 21, 9, 1, 3, 2, "5 Krav")
    assert where(doc, rows[2].text, "Kvartalsrapport") == (12, 1, 12, 1, 4, 3, "5 Krav")
    assert where(doc, rows[3].text, "övervakas") == (14, 13, 14, 1, 5, 2, "5 Krav")
    assert statement(doc, "Efter tabellen.").location.line == 16
    assert [b.kind for b in doc.blocks] == ["heading", "table", "paragraph"]


def test_table_without_header_mark_uses_heuristics_and_empty_rows_keep_numbers():
    d = new_document()
    table = d.add_table(rows=4, cols=2)
    for r, cells in enumerate([["Nr", "Krav"], ["1.1", "Leverantören ska ha en kontaktperson."], ["", ""], ["1.2", "Leverantören ska ha jour."]]):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    doc = read(d)
    assert [(s.text, s.requirement_id, s.row, s.location.line) for s in doc.statements] == [
        ("1.1 | Leverantören ska ha en kontaktperson.", "1.1", 2, 3),
        ("1.2 | Leverantören ska ha jour.", "1.2", 4, 7),
    ]


def test_nested_table_is_read_into_its_cell_and_numbering_stays_consistent():
    d = new_document()
    outer = d.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "K6.1"  # paragraph 1
    cell = outer.cell(0, 1)
    cell.text = "Leverantören ska leverera:"  # 2
    inner = cell.add_table(rows=2, cols=1)
    inner.cell(0, 0).text = "Server"  # 3
    inner.cell(1, 0).text = "Klient"  # 4; python-docx then adds an empty paragraph (5) after the nested table
    second = d.add_table(rows=1, cols=2)
    second.cell(0, 0).text = "K6.2"  # 6
    second.cell(0, 1).text = "Leverantören ska utbilda personalen."  # 7
    doc = read(d)

    assert [(s.text, s.requirement_id, s.table, s.row) for s in doc.statements] == [
        ("K6.1 | Leverantören ska leverera: Server Klient", "K6.1", 1, 1),
        ("K6.2 | Leverantören ska utbilda personalen.", "K6.2", 2, 1),
    ]
    assert where(doc, "K6.1 | Leverantören ska leverera: Server Klient", "Klient") == (4, 1, 4, 1, 1, 2, None)
    assert statement(doc, "K6.2 | Leverantören ska utbilda personalen.").anchors[1].location.line == 7


def test_auto_numbered_id_column_in_a_table():
    d = new_document()
    add_list(d, 94, 94, [("decimal", "K%1"), ("lowerLetter", "%2)")])
    table = d.add_table(rows=3, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Krav-ID", "Krav"
    for r, text in ((1, "Leverantören ska ha jour."), (2, "Leverantören ska rapportera.")):
        number(table.cell(r, 0).paragraphs[0], 94)
        table.cell(r, 1).text = text
    number(table.cell(2, 1).add_paragraph("varje vecka"), 94, 1)
    doc = read(d)
    assert [(s.text, s.requirement_id, s.id_source) for s in doc.statements] == [
        ("K1 | Leverantören ska ha jour.", "K1", "column"),
        ("K2 | Leverantören ska rapportera. a) varje vecka", "K2", "column"),
    ]
    s = doc.statements[1]
    assert (s.location_at(0).line, s.location_at(0).column, s.location_at(0).cell) == (5, 1, 1)
    assert (s.location_at(s.text.index("varje")).line, s.location_at(s.text.index("varje")).column) == (7, 1)


def test_text_box_read_once_after_its_anchor_paragraph():
    d = new_document()
    before = d.add_paragraph("Före rutan.")  # 1
    add_text_box(before, ["Ruta rad ett.", "Ruta rad två."])  # 2, 3
    d.add_paragraph("Efter rutan.")  # 4
    doc = read(d)
    assert [(s.text, s.location.line, s.location.column) for s in doc.statements] == [
        ("Före rutan.", 1, 1),
        ("Ruta rad ett.", 2, 1),
        ("Ruta rad två.", 3, 1),
        ("Efter rutan.", 4, 1),
    ]


def test_footnotes_after_the_body_outside_every_section():
    d = new_document()
    d.add_heading("1 Allmänt", 1)  # 1
    body = d.add_paragraph("Leverantören ska följa gällande lag.")  # 2
    add_footnotes(d, body, ["Se LOU 4 kap.", "Och annan lag."])
    doc = read(d)
    assert [(s.text, s.section, s.requirement_id, s.location.line, s.location.column) for s in doc.statements] == [
        ("1 Allmänt", 0, None, 1, 1),
        ("Leverantören ska följa gällande lag.", 0, "1", 2, 1),
        ("Se LOU 4 kap.", None, None, 3, 2),
        ("Och annan lag.", None, None, 4, 2),
    ]


def test_tracked_changes_read_as_accepted_and_content_controls_read():
    d = new_document()
    p = d.add_paragraph("Fel ska åtgärdas ")
    p._p.append(parse_xml(f'<w:del {nsdecls("w")} w:id="1" w:author="a"><w:r><w:delText>snabbt</w:delText></w:r></w:del>'))
    p._p.append(parse_xml(f'<w:ins {nsdecls("w")} w:id="2" w:author="a"><w:r><w:t>inom 4 timmar</w:t></w:r></w:ins>'))
    p.add_run(".")
    d.element.body.insert(
        1, parse_xml(f"<w:sdt {nsdecls('w')}><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>I en innehållskontroll.</w:t></w:r></w:p></w:sdtContent></w:sdt>")
    )
    doc = read(d)
    assert [(s.text, s.location.line) for s in doc.statements] == [("Fel ska åtgärdas inom 4 timmar.", 1), ("I en innehållskontroll.", 2)]


def test_tabs_and_breaks_read_as_one_space_each_and_tab_stops_are_not_text():
    d = new_document()
    for with_box in (False, True):  # the one-pass reading and the careful walk (text box)
        p = d.add_paragraph()
        p._p.get_or_add_pPr().append(parse_xml(f'<w:tabs {nsdecls("w")}><w:tab w:val="left" w:pos="720"/></w:tabs>'))
        p.add_run("K7.1")
        p.add_run().add_tab()
        p.add_run("Leverantören ska")
        p.add_run().add_break()
        p.add_run("rapportera.")
        if with_box:
            add_text_box(p, ["I rutan."])
    doc = read(d)
    assert [(s.text, s.requirement_id, s.location.line) for s in doc.statements] == [
        ("K7.1 Leverantören ska rapportera.", "K7.1", 1),
        ("K7.1 Leverantören ska rapportera.", "K7.1", 2),
        ("I rutan.", None, 3),
    ]
    for s in doc.statements[:2]:
        assert (s.location.column, s.location_at(s.text.index("rapportera")).column) == (1, 23)


def test_comment_suppressions_cover_the_commented_blocks():
    d = new_document()
    d.add_heading("4 Drift", 1)  # 1
    one = d.add_paragraph("Leverantören ska åtgärda fel snabbt.")  # 2
    d.add_paragraph("Leverantören ska svara skyndsamt.")  # 3: not covered
    first = d.add_paragraph("Fel ska rättas vid behov.")  # 4
    last = d.add_paragraph("Och i rimlig tid.")  # 5
    d.add_paragraph("Helt utanför.")  # 6
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "K1", "Leverantören ska agera snabbt."  # 7, 8
    plain = d.add_paragraph("En vanlig kommentar.")  # 9
    d.add_comment(one.runs, text="kravkoll: ignore OMATBART -- godkänt av jurist")
    d.add_comment([first.runs[0], last.runs[-1]], text="kravkoll: ignore sv-avtal/OMATBART, UTAN-SANKTION")
    d.add_comment(table.cell(0, 1).paragraphs[0].runs, text="kravkoll: ignore * -- tabellen granskad")
    d.add_comment(plain.runs, text="Bra formulering.")
    doc = read(d)

    suppressed = {
        doc.statements[i].text: [(s.rules, s.reason, s.location.line, s.location.column) for s in doc.blocks[doc.statements[i].block].suppressions]
        for i in range(len(doc.statements))
    }
    assert suppressed == {
        "4 Drift": [],
        "Leverantören ska åtgärda fel snabbt.": [(["OMATBART"], "godkänt av jurist", 2, 1)],
        "Leverantören ska svara skyndsamt.": [],
        "Fel ska rättas vid behov.": [(["sv-avtal/OMATBART", "UTAN-SANKTION"], "", 4, 1)],
        "Och i rimlig tid.": [(["sv-avtal/OMATBART", "UTAN-SANKTION"], "", 4, 1)],
        "Helt utanför.": [],
        "K1 | Leverantören ska agera snabbt.": [(["*"], "tabellen granskad", 8, 1)],
        "En vanlig kommentar.": [],
    }


def test_comment_range_starting_mid_paragraph_is_located_at_its_column():
    d = new_document()
    p = d.add_paragraph()
    p.add_run("Leverantören ska åtgärda fel ")
    vague = p.add_run("snabbt")
    p.add_run(".")
    d.add_comment(vague, text="kravkoll: ignore OMATBART")
    doc = read(d)
    (suppression,) = doc.blocks[0].suppressions
    assert (suppression.location.line, suppression.location.column) == (1, 30)


def test_engine_honours_a_comment_suppression_in_a_docx(tmp_path):
    from checker.config import Config
    from checker.engine import check

    d = new_document()
    d.add_heading("4 Drift", 1)
    flagged = d.add_paragraph("Leverantören ska åtgärda fel snabbt.")
    d.add_paragraph("Leverantören ska svara skyndsamt.")
    d.add_comment(flagged.runs, text="kravkoll: ignore OMATBART -- godkänt")
    path = tmp_path / "krav.docx"
    path.write_bytes(to_bytes(d))
    report = check([str(path)], [Path(__file__).parent / "fixtures" / "contract-example.krav"], Config())
    found = [(f.rule, f.match, f.location.line, f.location.column, f.location.paragraph, f.suppressed) for f in report.findings if f.rule.endswith("OMATBART")]
    assert found == [
        ("sv-avtal/OMATBART", "snabbt", 2, 30, 2, True),
        ("sv-avtal/OMATBART", "skyndsamt", 3, 24, 3, False),
    ]


EXAMPLES = Path(__file__).parent.parent / "examples"


def _both_readings(data: bytes) -> tuple[WordReading, WordReading]:
    return read_word(data, "x.docx"), read_word(data, "x.docx", editable=True)


def test_the_parts_read_without_python_docx_give_what_python_docx_gives() -> None:
    """A .docx is read from its parts parsed by lxml (the reading's fast way) or, to be edited,
    as python-docx opens it: the same document, the same paragraph elements and notes, for
    every example and for a document with lists, a text box, a header row and footnotes."""
    built = new_document()
    built.add_heading("4 Drift", level=1)
    add_list(built, 92, 92, [("decimal", "K4.%1")])
    for text in ("Leverantören ska åtgärda fel inom 4 timmar.", "Leverantören ska rapportera varje månad."):
        number(built.add_paragraph(text), 92)
    anchor = built.add_paragraph("Se rutan.")
    add_text_box(anchor, ["Tjänsten ska vara tillgänglig 99,5 % av tiden."])
    table = built.add_table(rows=2, cols=2)
    header_row(table.rows[0])
    table.rows[0].cells[0].text, table.rows[1].cells[0].text = "Krav", "K1 Svarstid inom 2 timmar."
    add_footnotes(built, anchor, ["Mäts av beställaren."])
    documents = [path.read_bytes() for path in sorted(EXAMPLES.glob("*.docx"))] + [to_bytes(built)]
    for data in documents:
        fast, editable = _both_readings(data)
        assert fast.word is None and editable.word is not None
        assert fast.document == editable.document
        assert [etree.tostring(p) for p in fast.paragraphs] == [etree.tostring(p) for p in editable.paragraphs]
        assert [etree.tostring(root) for root in fast.notes] == [etree.tostring(root) for root in editable.notes]


def test_the_one_pass_over_a_paragraph_reads_what_the_careful_walk_reads() -> None:
    """The reader reads a paragraph in one pass and annotate by the careful walk (which the
    reader takes only for text boxes, alternate content and moved text): the same text and
    comment markers, for every paragraph of the examples and of one with tabs, breaks, a
    non-breaking hyphen, tracked changes and a comment."""
    built = new_document()
    p = built.add_paragraph("Fel ska ")
    p._p.get_or_add_pPr().append(parse_xml(f'<w:tabs {nsdecls("w")}><w:tab w:val="left" w:pos="720"/></w:tabs>'))
    p.add_run().add_tab()
    p._p.append(parse_xml(f'<w:commentRangeStart {nsdecls("w")} w:id="7"/>'))
    p._p.append(parse_xml(f'<w:del {nsdecls("w")} w:id="1" w:author="a"><w:r><w:delText>snabbt</w:delText></w:r></w:del>'))
    p._p.append(parse_xml(f'<w:ins {nsdecls("w")} w:id="2" w:author="a"><w:r><w:t>inom 4</w:t><w:noBreakHyphen/><w:t>6 timmar</w:t></w:r></w:ins>'))
    p._p.append(parse_xml(f'<w:commentRangeEnd {nsdecls("w")} w:id="7"/>'))
    p.add_run().add_break()
    p.add_run("åtgärdas.")
    documents = [path.read_bytes() for path in sorted(EXAMPLES.glob("*.docx"))] + [to_bytes(built)]
    paragraphs = [p for data in documents for p in read_word(data, "x.docx").paragraphs]
    assert any(len(_paragraph_text(p).markers) == 2 and "-" in _paragraph_text(p).text for p in paragraphs)
    for p in paragraphs:
        one_pass, careful = _paragraph_text(p), _Text()
        _walk(p, careful)
        assert (one_pass.text, one_pass.length, one_pass.markers) == (careful.text, careful.length, careful.markers)


def test_a_deeper_word_list_level_under_an_item_ending_in_a_colon_is_its_sub_list():
    d = new_document()
    add_list(d, 94, 94, [("decimal", "%1."), ("lowerLetter", "%2)")])
    d.add_paragraph("The Provider shall meet the following:")  # 1
    number(d.add_paragraph("Definitions:"), 94)  # 2: "1."
    number(d.add_paragraph("Tick: a run every 15 minutes."), 94, level=1)  # 3: "a)"
    number(d.add_paragraph("Availability of 99 % each month."), 94)  # 4: "2."
    doc = read(d)
    assert [(s.text, s.lead_in) for s in doc.statements] == [
        ("The Provider shall meet the following:", None),
        ("Definitions:", 0),
        ("Tick: a run every 15 minutes.", 1),
        ("Availability of 99 % each month.", 0),
    ]


def test_a_paragraph_styled_as_a_heading_that_reads_as_prose_is_a_paragraph():
    d = new_document()
    d.add_heading("6.10 Data Rights", 2)
    d.add_heading("Contractor shall establish appropriate administrative and physical safeguards to ensure the security of the data.", 3)
    doc = read(d)
    assert [(s.kind, s.text[:20]) for s in doc.statements] == [("heading", "6.10 Data Rights"), ("sentence", "Contractor shall est")]
    assert sections(doc) == [("6.10", "Data Rights", 2, None)]
