"""The .pdf reader on PDFs written here by hand (text drawn with Tj, one line per entry)."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pypdf
import pytest
from click.testing import CliRunner
from pdf_builder import make_pdf

from checker.cli import main
from checker.errors import InputError
from checker.readers.pdf import read_pdf

FIXTURES = Path(__file__).parent / "fixtures"
LINE_2 = "K4.1 Tjänsten ska vara tillgänglig 99,5 % per månad och leveran-"
PAGES = [
    ["4 Drift", LINE_2, "tören ska rapportera månadsvis.", "Sida 1"],
    ["4.2 Felhantering", "Fel ska åtgärdas inom 4 timmar."],
]


def refusal(data: bytes) -> str:
    with pytest.raises(InputError) as caught:
        read_pdf(data, "x.pdf")
    message = str(caught.value)
    assert "\n" not in message and message.startswith("x.pdf: ")
    return message[len("x.pdf: ") :]


def test_pages_lines_columns_headings_and_hyphenation():
    doc = read_pdf(make_pdf(PAGES), "x.pdf")
    assert doc.format == "pdf" and doc.language == "sv"
    assert [(s.number, s.title, s.level, s.parent) for s in doc.sections] == [("4", "Drift", 1, None), ("4.2", "Felhantering", 2, 0)]
    joined = "K4.1 Tjänsten ska vara tillgänglig 99,5 % per månad och leverantören ska rapportera månadsvis."
    assert [(s.kind, s.text, s.requirement_id, s.location.line, s.location.column, s.location.page) for s in doc.statements] == [
        ("heading", "4 Drift", None, 1, 1, 1),
        ("sentence", joined, "K4.1", 2, 1, 1),
        ("sentence", "Sida 1", "K4.1", 4, 1, 1),
        ("heading", "4.2 Felhantering", None, 5, 1, 2),
        ("sentence", "Fel ska åtgärdas inom 4 timmar.", "4.2", 6, 1, 2),
    ]
    requirement = doc.statements[1]
    word = requirement.location_at(joined.index("leverantören"))
    assert (word.line, word.column, word.page) == (2, LINE_2.index("leveran") + 1, 1)
    rest = requirement.location_at(joined.index("ska rapportera"))
    assert (rest.line, rest.column, rest.page) == (3, 7, 1)
    assert doc.statements[4].location.section == "4 Drift > 4.2 Felhantering"


def test_page_break_ends_a_paragraph():
    doc = read_pdf(make_pdf([["Leverantören ska leverera"], ["varje vecka."]]), "x.pdf")
    assert [(s.text, s.location.line, s.location.page) for s in doc.statements] == [("Leverantören ska leverera", 1, 1), ("varje vecka.", 2, 2)]


def test_hyphens_kept_after_capitals_and_before_conjunctions():
    doc = read_pdf(make_pdf([["Leverantörens IT-", "system ska ha stöd för drift-", "och underhållsavtal via e-", "post."]]), "x.pdf")
    assert [s.text for s in doc.statements] == ["Leverantörens IT-system ska ha stöd för drift- och underhållsavtal via e-post."]


def test_word_hyphenated_over_a_whole_line():
    doc = read_pdf(make_pdf([["Det gäller leveran-", "törens", "ansvar."]]), "x.pdf")
    (statement,) = doc.statements
    assert statement.text == "Det gäller leverantörens ansvar."
    assert [(a.offset, a.location.line, a.location.column) for a in statement.anchors] == [(0, 1, 1), (25, 3, 1)]


def test_owner_password_only_is_read():
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(make_pdf(PAGES))))
    writer.encrypt(user_password="", owner_password="ägare", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    assert read_pdf(buffer.getvalue(), "x.pdf").statements[0].text == "4 Drift"


def test_password_protected_pdf_is_refused():
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(make_pdf(PAGES))))
    writer.encrypt(user_password="hemligt", owner_password="ägare", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    assert refusal(buffer.getvalue()) == "is password-protected; remove the password and save it again"


@pytest.mark.parametrize("data", [make_pdf(PAGES)[:300], b"%PDF-1.4\n" + bytes(range(256)) * 4, b"not a pdf at all"])
def test_corrupt_pdf_is_refused(data: bytes):
    assert refusal(data).startswith("is not a readable PDF (")


def test_pdf_without_a_text_layer_is_refused():
    writer = pypdf.PdfWriter()
    writer.add_blank_page(595, 842)
    buffer = io.BytesIO()
    writer.write(buffer)
    assert refusal(buffer.getvalue()) == "has no text layer (a scanned PDF? kravkoll does not read images)"


def test_without_pypdf_the_error_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "pypdf", None)  # import pypdf now raises ImportError
    assert refusal(make_pdf(PAGES)) == "reading PDF needs the pdf extra: pip install 'kravkoll[pdf]'"


def test_cli_reports_page_line_and_column(tmp_path):
    path = tmp_path / "avtal.pdf"
    path.write_bytes(make_pdf([["4 Drift", "K4.1 Leverantören ska åtgärda fel snabbt."]]))
    result = CliRunner().invoke(main, ["check", "--format", "json", str(path), "--ruleset", str(FIXTURES / "contract-example.krav")])
    assert result.exit_code == 1, result.stderr
    findings = [f for f in json.loads(result.stdout)["findings"] if f["rule"] == "sv-avtal/OMATBART"]
    assert [(f["location"]["line"], f["location"]["column"], f["location"]["page"], f["match"]) for f in findings] == [(2, 35, 1, "snabbt")]
