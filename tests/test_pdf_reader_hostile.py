"""Bad and hostile PDFs (checker/readers/pdf.py): former hangs (issue 12: page trees, text
operators, forms drawn thousands of times) refused with one line naming the file, well within their
bound, and files at each limit still read; encrypted PDFs; random bytes get a result or one line.
See ``hostile.py`` for how kravkoll is run."""

from __future__ import annotations

import io
import random
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from hostile import assert_refused, check_file, cli_outcome, fuzz
from hypothesis import given
from hypothesis import strategies as st
from pdf_builder import make_pdf, pdf_file

from checker.errors import InputError
from checker.readers.pdf import MAX_PAGES, MAX_STRINGS_PER_PAGE, read_pdf

pypdf = pytest.importorskip("pypdf")


_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def pdf_with_pages(count: int) -> bytes:
    """``count`` pages sharing one content stream (objects 1 catalog, 2 pages, 3 font, 4 content)."""
    kids = b" ".join(b"%d 0 R" % (5 + index) for index in range(count))
    content = b"BT /F1 11 Tf 72 760 Td (Leverant\xf6ren ska leverera.) Tj ET"
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"
    return pdf_file(
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
    return pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
            _FONT,
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        ]
    )


# ---- page trees ------------------------------------------------------------------------------


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


# ---- text operators and forms ----------------------------------------------------------------


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
    return pdf_file(
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


# ---- encryption ------------------------------------------------------------------------------


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


# ---- random bytes ----------------------------------------------------------------------------


@fuzz
@given(data=st.binary(max_size=3000))
def test_random_bytes_aspdf_file(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "random.pdf"
    path.write_bytes(b"%PDF-1.7\n" + data)
    check_file(path)


@pytest.mark.parametrize("seed", range(3))
def test_random_bytes_as_pdf_on_the_command_line(tmp_path: Path, seed: int) -> None:
    path = tmp_path / "random.pdf"
    path.write_bytes(random.Random(seed).randbytes(20_000))
    assert cli_outcome(path) == "error"
