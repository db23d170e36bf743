"""Former hangs and internal errors of the readers and of ``annotate`` (issue 12): each hostile
file, built here and small, gets a result or one clear line naming the file (exit 2), well within
10 seconds of one core. The time bounds are generous on purpose: each case took a minute or more."""

from __future__ import annotations

import io
import subprocess
import sys
import time
import zipfile
import zlib
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx_builder import add_footnotes, add_list, add_text_box, new_document, number, to_bytes
from pdf_builder import make_pdf

from checker.cli import main
from checker.errors import InputError
from checker.readers.docx import MAX_OPEN_SUPPRESSIONS, read_docx
from checker.readers.pdf import MAX_PAGES, MAX_STRINGS_PER_PAGE, read_pdf
from checker.reporters.docx_annotate import AUTHOR

pypdf = pytest.importorskip("pypdf")

FORMER_HANG_SECONDS = 10
W = nsdecls("w")


def run_cli(*args: str) -> tuple[int, str, float]:
    """Exit code, standard error and CPU seconds of one CLI run in this process."""
    started = time.process_time()
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stderr, time.process_time() - started


def assert_refused(args: list[str], path: Path, reason: str) -> None:
    code, stderr, seconds = run_cli(*args)
    assert code == 2
    assert stderr.strip().splitlines() == [line for line in stderr.strip().splitlines() if str(path) in line]
    assert reason in stderr and "Traceback" not in stderr and "internal error" not in stderr
    assert seconds < FORMER_HANG_SECONDS


def rezip(data: bytes, edit) -> bytes:
    """The package with each member's bytes passed through ``edit(name, data)``."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, edit(info.filename, source.read(info)))
    return out.getvalue()


def comments_in(path: Path) -> list[tuple[str, str]]:
    """(author, first line) of each comment, read from the comments part's XML."""
    with zipfile.ZipFile(path) as archive:
        root = parse_xml(archive.read("word/comments.xml"))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    return [(c.get(w + "author"), "".join(t.text or "" for t in c.iter(w + "t"))) for c in root.iter(w + "comment")]


# ---- .docx reading ----------------------------------------------------------------------------


def test_a_huge_list_level_text_is_refused_not_expanded_for_every_paragraph(tmp_path):
    d = new_document()
    add_list(d, 1, 1, [("decimal", "%1" * 400_000)])  # 800 KB; was 0.6 s per numbered paragraph
    for index in range(40):
        number(d.add_paragraph(f"Leverantören ska leverera del {index}."), 1)
    path = tmp_path / "lista.docx"
    path.write_bytes(to_bytes(d))
    assert path.stat().st_size < 100_000
    assert_refused(["check", str(path)], path, "numbering format of 800,000 characters")


def test_an_ordinary_level_text_still_numbers():
    d = new_document()
    add_list(d, 1, 1, [("decimal", "K%1.")])
    number(d.add_paragraph("Leverantören ska leverera."), 1)
    document = read_docx(to_bytes(d), "ok.docx")
    assert document.statements[0].requirement_id == "K1"


def _suppression_document(comment_text: str) -> bytes:
    d = new_document()
    first = d.add_paragraph("Leverantören ska åtgärda fel snabbt.")
    d.add_paragraph("Leverantören ska svara skyndsamt.")
    d.add_comment(first.runs, text=comment_text, author="Jurist")
    return to_bytes(d)


@pytest.mark.parametrize(
    "text",
    [
        "kravkoll: ignore sv-krav/KR001 -- accepterat av beställaren",
        "Stämt av med juristen. kravkoll: ignore sv-krav/KR001 -- accepterat av beställaren",
        "Se mejlet.\nkravkoll: ignore sv-krav/KR001 -- accepterat av beställaren",
    ],
)
def test_a_suppression_directive_counts_wherever_it_stands_in_the_comment(text):
    document = read_docx(_suppression_document(text), "doc.docx")
    (suppression,) = document.blocks[0].suppressions
    assert suppression.rules == ["sv-krav/KR001"] and suppression.reason == "accepterat av beställaren"
    assert document.blocks[1].suppressions == []


def test_a_comment_that_only_mentions_kravkoll_suppresses_nothing():
    document = read_docx(_suppression_document("Ska kravkoll: ignorera detta?"), "doc.docx")
    assert all(block.suppressions == [] for block in document.blocks)


def _overlapping_suppressions(count: int) -> bytes:
    """``count`` suppression comments, each opened in its own paragraph and never closed."""
    d = new_document()
    comments = d.part._comments_part.element
    body = d.element.body
    for index in range(count):
        comments.append(
            parse_xml(f'<w:comment {W} w:id="{index}" w:author="x"><w:p><w:r><w:t>kravkoll: ignore sv-krav/KR001 -- ok {index}</w:t></w:r></w:p></w:comment>')
        )
        body.insert(index, parse_xml(f'<w:p {W}><w:commentRangeStart w:id="{index}"/><w:r><w:t>Stycke {index}.</w:t></w:r></w:p>'))
    return to_bytes(d)


def test_overlapping_suppression_comments_are_capped_instead_of_quadratic(tmp_path):
    path = tmp_path / "kommentarer.docx"
    path.write_bytes(_overlapping_suppressions(20_000))  # was over two minutes, and memory grew as the square
    assert_refused(["check", str(path)], path, f"more than {MAX_OPEN_SUPPRESSIONS} 'kravkoll: ignore' comments")
    assert_refused(["annotate", str(path), "-o", str(tmp_path / "ut.docx")], path, "overlap")


def test_overlapping_suppressions_up_to_the_cap_are_read():
    document = read_docx(_overlapping_suppressions(MAX_OPEN_SUPPRESSIONS), "doc.docx")
    assert len(document.blocks[-1].suppressions) == MAX_OPEN_SUPPRESSIONS


# ---- annotate ---------------------------------------------------------------------------------


def test_annotate_is_linear_in_the_comments_of_one_paragraph(tmp_path):
    d = new_document()
    d.add_paragraph(" ".join(f"Leverantören ska åtgärda fel {index} snabbt." for index in range(1_000)))
    path = tmp_path / "lang.docx"
    path.write_bytes(to_bytes(d))
    started = time.process_time()
    code, stderr, _ = run_cli("annotate", str(path), "-o", str(tmp_path / "ut.docx"), "--lang", "sv", "--select", "sv-krav/KR002")
    assert code == 0, stderr
    assert time.process_time() - started < FORMER_HANG_SECONDS  # 400 sentences took 44 s, 1,500 over two minutes
    written = docx.Document(str(tmp_path / "ut.docx"))
    assert written.paragraphs[0].text == d.paragraphs[0].text
    assert sum(c.author == AUTHOR for c in written.comments) == 1_000


def test_annotate_marks_a_paragraph_and_the_text_box_inside_it_in_one_pass(tmp_path):
    d = new_document()
    anchor = d.add_paragraph("Leverantören ska åtgärda fel snabbt, etc.")
    add_text_box(anchor, ["Leverantören ska svara snabbt.", "", "Felen ska rättas skyndsamt etc."])
    path = tmp_path / "ruta.docx"
    path.write_bytes(to_bytes(d))
    code, stderr, _ = run_cli("annotate", str(path), "-o", str(tmp_path / "ut.docx"), "--lang", "sv", "--ruleset", "sv-krav")
    assert code == 0, stderr
    assert sorted(text.split('"')[1] for _, text in comments_in(tmp_path / "ut.docx")) == sorted(["snabbt", "etc.", "snabbt", "skyndsamt", "etc."])


def test_annotate_with_a_thousand_unreferenced_footnotes(tmp_path):
    d = new_document()
    first = d.add_paragraph("Leverantören ska åtgärda fel inom 4 timmar.")
    add_footnotes(d, first, [f"Leverantören ska svara snabbt i fall {index}." for index in range(1_000)])
    for run in [r for r in first.runs if r._r.find(".//" + "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}footnoteReference") is not None]:
        first._p.remove(run._r)
    for reference in list(first._p.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}footnoteReference")):
        first._p.remove(reference.getparent())
    path = tmp_path / "noter.docx"
    path.write_bytes(to_bytes(d))
    code, stderr, seconds = run_cli("annotate", str(path), "-o", str(tmp_path / "ut.docx"), "--lang", "sv", "--select", "sv-krav/KR002")
    assert code == 0, stderr
    assert seconds < FORMER_HANG_SECONDS  # was 90 s: the body was searched for each note's reference
    assert sum(author == AUTHOR for author, _ in comments_in(tmp_path / "ut.docx")) == 1_000


def _commented(edit) -> bytes:
    d = new_document()
    paragraph = d.add_paragraph("Leverantören ska åtgärda fel snabbt.")
    d.add_comment(paragraph.runs, text="Befintlig kommentar", author="Jurist")
    return rezip(to_bytes(d), edit)


@pytest.mark.parametrize("comment_id", ["²", "--5", "+3", "1e3", ""])
def test_annotate_copes_with_comment_ids_that_are_no_numbers(tmp_path, comment_id):
    data = _commented(
        lambda name, body: body.replace(b'w:id="0"', f'w:id="{comment_id}"'.encode()) if name in ("word/document.xml", "word/comments.xml") else body
    )
    path = tmp_path / "id.docx"
    path.write_bytes(data)
    code, stderr, _ = run_cli("annotate", str(path), "-o", str(tmp_path / "ut.docx"), "--lang", "sv")
    assert code == 0, stderr
    comments = comments_in(tmp_path / "ut.docx")
    assert comments[0] == ("Jurist", "Befintlig kommentar") and any(author == AUTHOR for author, _ in comments[1:])


def test_annotate_keeps_the_comments_of_a_part_with_a_wrong_content_type(tmp_path):
    comments_type = b"application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
    data = _commented(lambda name, body: body.replace(comments_type, b"application/xml") if name == "[Content_Types].xml" else body)
    path = tmp_path / "typ.docx"
    path.write_bytes(data)
    assert run_cli("check", str(path), "--lang", "sv")[0] in (0, 1)
    code, stderr, _ = run_cli("annotate", str(path), "-o", str(tmp_path / "ut.docx"), "--lang", "sv")
    assert code == 0, stderr
    comments = comments_in(tmp_path / "ut.docx")
    assert comments[0] == ("Jurist", "Befintlig kommentar") and [a for a, _ in comments[1:]] == [AUTHOR]
    with zipfile.ZipFile(tmp_path / "ut.docx") as archive:
        assert comments_type in archive.read("[Content_Types].xml")
    assert [c.author for c in docx.Document(str(tmp_path / "ut.docx")).comments] == ["Jurist", AUTHOR]


def test_annotate_replaces_a_comments_part_with_another_root(tmp_path):
    data = _commented(lambda name, body: body.replace(b"w:comments", b"w:kommentarer") if name == "word/comments.xml" else body)
    path = tmp_path / "rot.docx"
    path.write_bytes(data)
    assert run_cli("check", str(path), "--lang", "sv")[0] in (0, 1)
    code, stderr, _ = run_cli("annotate", str(path), "-o", str(tmp_path / "ut.docx"), "--lang", "sv")
    assert code == 0, stderr
    assert [author for author, _ in comments_in(tmp_path / "ut.docx")] == [AUTHOR]


# ---- PDF --------------------------------------------------------------------------------------


def _pdf(objects: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for index, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % index + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def pdf_with_pages(count: int) -> bytes:
    """``count`` pages sharing one content stream (objects 1 catalog, 2 pages, 3 font, 4 content)."""
    kids = b" ".join(b"%d 0 R" % (5 + index) for index in range(count))
    content = b"BT /F1 11 Tf 72 760 Td (Leverant\xf6ren ska leverera.) Tj ET"
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % count,
            _FONT,
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        ]
        + [page] * count
    )


def pdf_with_strings(count: int, operator: bytes = b"(a) Tj ") -> bytes:
    """One page whose compressed content shows ``count`` strings."""
    stream = zlib.compress(b"BT /F1 11 Tf 72 760 Td " + operator * count + b"ET", 9)
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
            _FONT,
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        ]
    )


def test_a_pdf_of_a_hundred_thousand_pages_is_refused_quickly(tmp_path):
    path = tmp_path / "sidor.pdf"
    path.write_bytes(pdf_with_pages(100_000))  # was 85 s and 3.2 GB
    assert_refused(["check", str(path)], path, f"more than {MAX_PAGES:,} pages")


def test_a_pdf_at_the_page_limit_is_read():
    document = read_pdf(pdf_with_pages(MAX_PAGES), "sidor.pdf", language="sv")
    assert len(document.statements) == MAX_PAGES and document.statements[-1].location.page == MAX_PAGES


def test_a_page_tree_that_lies_about_its_count_is_still_bounded():
    data = pdf_with_pages(MAX_PAGES + 1).replace(b"/Count %d" % (MAX_PAGES + 1), b"/Count 1")
    with pytest.raises(InputError, match="pages"):
        read_pdf(data, "lögn.pdf")


@pytest.mark.parametrize("operator", [b"(a) Tj ", b"[(a) -300 (b)] TJ ", b"(a)' ", b"<61> Tj "])
def test_a_page_of_400000_text_operators_is_refused(tmp_path, operator):
    path = tmp_path / "operatorer.pdf"
    path.write_bytes(pdf_with_strings(400_000, operator))
    assert path.stat().st_size < 100_000
    assert_refused(["check", str(path)], path, "text strings on page 1")


def pdf_drawing_a_form(times: int, name: bytes = b"/X0") -> bytes:
    """One page that draws, ``times`` times, a form XObject showing 1,000 strings (and itself)."""
    page = zlib.compress((name + b" Do ") * times)
    form = b"BT /F1 11 Tf 72 760 Td " + b"(a) Tj " * 1_000 + b"ET /X0 Do"
    resources = b"<< /Font << /F1 3 0 R >> /XObject << /X0 6 0 R >> >>"
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
            _FONT,
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources " + resources + b" /Contents 5 0 R >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(page) + page + b"\nendstream",
            b"<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources " + resources + b" /Length %d >>\nstream\n" % len(form) + form + b"\nendstream",
        ]
    )


@pytest.mark.parametrize("name", [b"/X0", b"/#580"])
def test_a_form_drawn_thousands_of_times_counts_its_strings_each_time(tmp_path, name):
    path = tmp_path / "form.pdf"
    path.write_bytes(pdf_drawing_a_form(4_000, name))  # 4 million strings in 8 KB: was over 40 s
    assert path.stat().st_size < 20_000
    assert_refused(["check", str(path)], path, "4,000,000 text strings on page 1")


def test_a_form_drawn_a_few_times_is_read():
    assert read_pdf(pdf_drawing_a_form(3), "form.pdf").statements


def test_a_page_at_the_string_limit_is_read():
    document = read_pdf(pdf_with_strings(MAX_STRINGS_PER_PAGE, b"(ska) Tj T* "), "ok.pdf", language="sv")
    assert document.statements


def _encrypted(user_password: str, algorithm: str) -> bytes:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(make_pdf([["Leverantören ska åtgärda fel inom 4 timmar."]]))))
    writer.encrypt(user_password=user_password, owner_password="ägare", algorithm=algorithm)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_an_owner_password_only_pdf_is_read_and_a_user_password_refused(algorithm):
    pytest.importorskip("cryptography")
    document = read_pdf(_encrypted("", algorithm), "ägare.pdf")
    assert document.statements[0].text == "Leverantören ska åtgärda fel inom 4 timmar."
    with pytest.raises(InputError, match="is password-protected"):
        read_pdf(_encrypted("hemligt", algorithm), "lösen.pdf")


def test_without_cryptography_an_aes_pdf_gets_one_clear_line(tmp_path):
    path = tmp_path / "aes.pdf"
    path.write_bytes(_encrypted("", "AES-128"))
    script = "import sys; sys.modules['cryptography'] = None; sys.modules['Crypto'] = None\nfrom checker.cli import main; main(['check', sys.argv[1]])"
    result = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True, timeout=60, cwd=Path(__file__).resolve().parent.parent)
    assert result.returncode == 2
    (line,) = [line for line in result.stderr.splitlines() if str(path) in line]
    assert "cryptography" in line and "pip install 'kravkoll[pdf]'" in line and "Traceback" not in result.stderr
