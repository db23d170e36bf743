"""A Swedish contract written as Word writes one: headings numbered by a multi-level list ("3",
"3.3"), clauses as numbered paragraphs of the same list ("3.3.1"), an appendix ("Bilaga 2")
that numbers its own clauses, and a table with a header row. For the tests of locations: the clause
number Word shows is the one kravkoll prints."""

from __future__ import annotations

import docx
from docx_builder import add_list, header_row, number, to_bytes

CLAUSES = {  # the clause number Word shows → the sentence that stands in it
    "3.3.1": "Leverantören ska åtgärda fel skyndsamt.",
    "3.3.2": "Leverantören ska rapportera utfallet varje månad.",
    "4.1.1": "Leverantören ska ha god kännedom om verksamheten.",
}
APPENDIX_SENTENCE = "Fel med prioritet 1 ska åtgärdas snabbt."


def numbered_contract(intro_paragraphs: int = 1) -> bytes:
    """The contract as .docx bytes; ``intro_paragraphs`` plain paragraphs stand before clause 1."""
    document = docx.Document()
    add_list(document, 101, 101, [("decimal", "%1"), ("decimal", "%1.%2"), ("decimal", "%1.%2.%3")])

    def heading(text: str, level: int) -> None:
        number(document.add_heading(text, level=level), 101, level - 1)

    document.add_heading("Avtal om drift och support", level=0)
    for k in range(intro_paragraphs):
        document.add_paragraph(f"Detta avtal gäller mellan kommunen och leverantören ({k + 1}).")
    heading("Parter", 1)  # 1
    document.add_paragraph("Kommunen och Leverantören AB är parter i avtalet.")
    heading("Avtalstid", 1)  # 2
    document.add_paragraph("Avtalet gäller i två år från undertecknandet.")
    heading("Tjänsten", 1)  # 3
    heading("Drift", 2)  # 3.1
    document.add_paragraph("Leverantören ska driva systemet enligt bilaga 2.")
    heading("Support", 2)  # 3.2
    document.add_paragraph("Leverantören ska bemanna supporten vardagar 08–17.")
    heading("Felhantering", 2)  # 3.3
    number(document.add_paragraph(CLAUSES["3.3.1"]), 101, 2)  # 3.3.1
    number(document.add_paragraph(CLAUSES["3.3.2"]), 101, 2)  # 3.3.2
    heading("Personal", 1)  # 4
    heading("Kompetens", 2)  # 4.1
    number(document.add_paragraph(CLAUSES["4.1.1"]), 101, 2)  # 4.1.1
    document.add_heading("Bilaga 2 Servicenivåer", level=1).paragraph_format.page_break_before = True  # no number
    add_list(document, 102, 102, [("decimal", "%1"), ("decimal", "%1.%2")])  # the appendix numbers its own clauses
    number(document.add_heading("Felhantering", level=2), 102, 0)  # Bilaga 2 › 1
    table = document.add_table(rows=2, cols=2)
    header_row(table.rows[0])
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Prioritet", "Åtgärdstid"
    table.rows[1].cells[0].text, table.rows[1].cells[1].text = "1", APPENDIX_SENTENCE
    return to_bytes(document)
