"""Bad, broken and hostile documents: kravkoll gives a result or its one-line error, never a
traceback or a hang, within the documented bounds, and never changes an input file.

Command-line cases run ``kravkoll check`` in a subprocess with a generous timeout (a hang fails
the test; nothing here measures speed) and, on Linux, an address-space limit of 1.5 GiB (running
out fails it). In-process cases run under kravkoll's own time limit as a hang guard. Cases for
.docx and .pdf need their readers (checker/readers/docx/, pdf.py), written on another branch:
until they are merged those cases are skipped, with that reason.
"""

from __future__ import annotations

import hashlib
import importlib.util
import io
import json
import random
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.config import Config
from checker.engine import check
from checker.report import FileReport
from checker.rulecompile import load_ruleset

CONTRACT_EXAMPLE = Path(__file__).parent / "fixtures" / "contract-example.krav"
RULESET = load_ruleset(CONTRACT_EXAMPLE)
HANG_GUARD_SECONDS = 120
MEMORY_LIMIT = 1536 * 1024 * 1024

HAS_DOCX_READER = importlib.util.find_spec("checker.readers.docx") is not None
HAS_PDF_READER = importlib.util.find_spec("checker.readers.pdf") is not None
needs_docx = pytest.mark.skipif(
    not HAS_DOCX_READER, reason="the .docx reader (checker/readers/docx/) is written on another branch; these cases run once it is merged"
)
needs_pdf = pytest.mark.skipif(
    not HAS_PDF_READER, reason="the .pdf reader (checker/readers/pdf.py) is written on another branch; these cases run once it is merged"
)
fuzz = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


# ---- helpers ---------------------------------------------------------------------------------------


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def limit_memory() -> None:
    """In the child: at most MEMORY_LIMIT of address space (Linux), so a blow-up fails the test."""
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def kravkoll(path: Path) -> subprocess.CompletedProcess[str]:
    """``kravkoll check PATH --ruleset <contract example>`` in a fresh process; the file must be
    byte for byte the same afterwards."""
    before = sha256(path)
    command = [sys.executable, "-m", "checker.cli", "check", str(path), "--ruleset", str(CONTRACT_EXAMPLE), "--format", "json"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=HANG_GUARD_SECONDS, preexec_fn=limit_memory if sys.platform == "linux" else None)
    assert sha256(path) == before
    return result


def assert_result_or_one_line_error(result: subprocess.CompletedProcess[str], path: Path) -> str:
    """Exit 0/1 with a report, or exit 2 with exactly one line naming the file; returns which."""
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr, result.stderr[-2000:]
    if result.returncode == 2:
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"kravkoll: {path}: "), result.stderr[-2000:]
        return "error"
    assert result.returncode in (0, 1), result.stderr[-2000:]
    assert result.stdout.lstrip().startswith("{")
    return "checked"


def check_file(path: Path) -> FileReport:
    """Check one file in-process; kravkoll's own time limit guards against a hang."""
    before = sha256(path)
    report = check([path], [RULESET], Config(timeout=HANG_GUARD_SECONDS))
    assert sha256(path) == before
    file_report = report.files[0]
    if file_report.error is not None:
        assert file_report.error.startswith(f"{path}: ") and "\n" not in file_report.error
        assert "took longer" not in file_report.error
    return file_report


def run_cli(path: Path) -> str:
    return assert_result_or_one_line_error(kravkoll(path), path)


def docx_bytes(paragraphs: int = 20) -> bytes:
    """A valid .docx written by python-docx: a heading, requirement paragraphs and a table."""
    import docx

    document = docx.Document()
    document.add_heading("4 Drift", level=1)
    for number in range(1, paragraphs + 1):
        document.add_paragraph(f"K4.{number} Leverantören ska åtgärda fel snabbt. Uppföljning sker varje månad.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Krav-id", "Krav"
    table.cell(1, 0).text, table.cell(1, 1).text = "K9.1", "Tjänsten ska vara tillgänglig 99,5 % per månad."
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def with_document_xml(xml: bytes, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A valid .docx whose word/document.xml is replaced by ``xml``."""
    source = zipfile.ZipFile(io.BytesIO(docx_bytes(2)))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as target:
        for item in source.infolist():
            data = xml if item.filename == "word/document.xml" else source.read(item.filename)
            target.writestr(item.filename, data)
    return buffer.getvalue()


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def document_xml(body: str, doctype: str = "") -> bytes:
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{doctype}<w:document {W}><w:body>{body}</w:body></w:document>'.encode()


def paragraph_xml(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


# ---- text formats ----------------------------------------------------------------------------------


@fuzz
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".md", ".txt"]))
def test_random_bytes_as_text(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"random{suffix}"
    path.write_bytes(data)
    check_file(path)


MARKUP = st.lists(
    st.sampled_from(
        list("#|-*>`~_[]()!:.,; \t\n\r\f\u00a0\u2028\x85\x00\ufeffåäöÅK12 abcdefska")
        + ["```", "<!--", "-->", "kravkoll: ignore *", "| --- |", "1. ", "K4.1 ", "Ska ", "t.ex. "]
    ),
    max_size=200,
).map("".join)


@fuzz
@given(text=MARKUP, suffix=st.sampled_from([".md", ".txt"]))
def test_random_markup(tmp_path: Path, text: str, suffix: str) -> None:
    path = tmp_path / f"markup{suffix}"
    path.write_text(text, encoding="utf-8")
    check_file(path)


@pytest.mark.parametrize("suffix", [".md", ".txt", ".docx", ".pdf"])
def test_empty_files_are_checked_and_have_no_findings(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(b"")
    result = kravkoll(path)
    assert (assert_result_or_one_line_error(result, path), result.returncode, result.stderr) == ("checked", 0, "")
    assert json.loads(result.stdout)["findings"] == []


def test_blank_text_is_an_empty_document(tmp_path: Path) -> None:
    path = tmp_path / "blank.md"
    path.write_text(" \n\t\n\u00a0\n", encoding="utf-8")
    assert check_file(path).error is None and check([path], [RULESET]).findings == []


SWEDISH = "# 4 Drift\n\nK4.1 Leverantören ska åtgärda fel snabbt.\n\nTillgängligheten följs upp varje månad.\n"


def findings_of(path: Path) -> list[tuple[str, int, str | None]]:
    report = check([path], [RULESET])
    assert report.files[0].error is None
    return [(f.rule, f.location.line if f.location else 0, f.match) for f in report.findings]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252"])
def test_encodings_read_as_the_same_text(tmp_path: Path, encoding: str) -> None:
    reference = tmp_path / "utf8.md"
    reference.write_text(SWEDISH, encoding="utf-8")
    path = tmp_path / f"{encoding}.md"
    data = SWEDISH.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):  # with a byte-order mark, as Windows writes them
        data = ("\ufeff" + SWEDISH).encode(encoding)
    path.write_bytes(data)
    assert findings_of(path) == findings_of(reference)
    assert any(match == "snabbt" for _, _, match in findings_of(path))


def test_utf16_without_bom_and_broken_utf16_give_one_line_errors(tmp_path: Path) -> None:
    no_bom = tmp_path / "no-bom.md"
    no_bom.write_bytes(SWEDISH.encode("utf-16-le"))
    assert check_file(no_bom).error == f"{no_bom}: is a binary file, not text"
    broken = tmp_path / "broken.md"
    broken.write_bytes(b"\xff\xfe" + "Leverantören ska".encode("utf-16-le") + b"\x00\xd8A\x00")  # lone surrogate
    assert check_file(broken).error.startswith(f"{broken}: is not valid UTF-16 text")


def test_invalid_utf8_is_read_as_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "mixed.md"
    path.write_bytes("Leverantören ska åtgärda fel snabbt. ".encode() + b"Fel \xe5tg\xe4rdas \xff\xfe.\n")
    report = check_file(path)
    assert report.error is None and report.statements == 2


def test_100_000_tiny_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "tiny.md"
    path.write_text("Ska.\n\n" * 100_000, encoding="utf-8")
    result = kravkoll(path)
    assert assert_result_or_one_line_error(result, path) == "checked"
    assert '"statements": 100000' in result.stdout


def test_a_single_5_mb_line(tmp_path: Path) -> None:
    path = tmp_path / "line.md"
    sentence = "Leverantören ska leverera i tid enligt avtalet. "
    path.write_text(sentence * (5_000_000 // len(sentence)), encoding="utf-8")
    result = kravkoll(path)
    assert assert_result_or_one_line_error(result, path) == "checked"
    assert f'"statements": {5_000_000 // len(sentence)}' in result.stdout


def test_a_5_mb_word(tmp_path: Path) -> None:
    path = tmp_path / "word.txt"
    path.write_text("a" * 5_000_000, encoding="utf-8")
    assert run_cli(path) == "checked"


def test_more_statements_than_the_limit_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from checker import segment

    monkeypatch.setattr(segment, "MAX_STATEMENTS", 1000)
    path = tmp_path / "many.md"
    path.write_text("Ska.\n\n" * 1000, encoding="utf-8")
    assert check_file(path).statements == 1000
    path.write_text("Ska.\n\n" * 1001, encoding="utf-8")
    assert check_file(path).error == f"{path}: has more than 1,000 statements (sentences, table rows, headings); split the document"


# ---- .docx -----------------------------------------------------------------------------------------


@needs_docx
def test_a_valid_docx_is_read(tmp_path: Path) -> None:
    path = tmp_path / "valid.docx"
    path.write_bytes(docx_bytes())
    report = check_file(path)
    assert report.error is None and report.statements >= 20


@needs_docx
@pytest.mark.parametrize("keep", [1, 4, 30, 100, 0.25, 0.5, 0.9, -22, -1])
def test_truncated_docx(tmp_path: Path, keep: float) -> None:
    data = docx_bytes()
    cut = int(len(data) * keep) if isinstance(keep, float) else keep % len(data)
    path = tmp_path / "truncated.docx"
    path.write_bytes(data[:cut])
    check_file(path)


@needs_docx
@fuzz
@given(flips=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(1, 255)), min_size=1, max_size=8))
def test_docx_with_flipped_bytes(tmp_path: Path, flips: list[tuple[float, int]]) -> None:
    data = bytearray(docx_bytes(5))
    for where, mask in flips:
        data[int(where * len(data))] ^= mask
    path = tmp_path / "flipped.docx"
    path.write_bytes(bytes(data))
    check_file(path)


@needs_docx
@fuzz
@given(data=st.binary(max_size=3000))
def test_random_bytes_as_docx(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "random.docx"
    path.write_bytes(b"PK\x03\x04" + data)
    check_file(path)


@needs_docx
def test_docx_entity_expansion_is_never_expanded(tmp_path: Path) -> None:
    entities = '<!ENTITY lol "lol">' + "".join(f'<!ENTITY lol{k} "{("&lol%s;" % (k - 1 or "")) * 10}">' for k in range(1, 10))
    xml = document_xml(paragraph_xml("Leverantören ska &lol9;"), f"<!DOCTYPE w:document [{entities}]>")
    path = tmp_path / "laughs.docx"
    path.write_bytes(with_document_xml(xml))
    report = check([path], [RULESET], Config(timeout=HANG_GUARD_SECONDS))
    assert report.files[0].error is None or "took longer" not in report.files[0].error
    assert all("lollol" not in (f.text or "") for f in report.findings)
    assert run_cli(path) in ("error", "checked")


@needs_docx
def test_docx_external_entities_are_not_fetched(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET-4711", encoding="utf-8")
    doctype = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
    path = tmp_path / "xxe.docx"
    path.write_bytes(with_document_xml(document_xml(paragraph_xml("Leverantören ska &xxe; snabbt."), doctype)))
    result = kravkoll(path)
    assert_result_or_one_line_error(result, path)
    assert "TOPSECRET" not in result.stdout + result.stderr


@needs_docx
def test_docx_zip_bomb(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    source = zipfile.ZipFile(io.BytesIO(docx_bytes(2)))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if item.filename != "word/document.xml":
                target.writestr(item.filename, source.read(item.filename))
        with target.open("word/document.xml", "w") as member:  # 512 MiB of XML, about 0.5 MB zipped
            member.write(f'<?xml version="1.0"?><w:document {W}><w:body><w:p><w:r><w:t>'.encode())
            chunk = b" " * (1 << 20)
            for _ in range(512):
                member.write(chunk)
            member.write(b"</w:t></w:r></w:p></w:body></w:document>")
    assert path.stat().st_size < 5_000_000
    assert run_cli(path) == "error"


@needs_docx
def test_docx_tables_nested_by_python_docx(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Leverantören ska åtgärda fel snabbt.")
    cell = document.add_table(rows=1, cols=1).cell(0, 0)
    for depth in range(60):
        cell.paragraphs[0].text = f"Nivå {depth}: leverantören ska rapportera."
        cell = cell.add_table(rows=1, cols=1).cell(0, 0)
    path = tmp_path / "nested.docx"
    document.save(str(path))
    assert check_file(path).error is None


@needs_docx
@pytest.mark.parametrize("depth", [300, 5000])
def test_docx_tables_nested_thousands_deep(tmp_path: Path, depth: int) -> None:
    cell = paragraph_xml("Leverantören ska åtgärda fel snabbt.")
    body = "<w:tbl><w:tr><w:tc>" * depth + cell + "</w:tc></w:tr></w:tbl>" * depth
    path = tmp_path / f"nested-{depth}.docx"
    path.write_bytes(with_document_xml(document_xml(body)))
    run_cli(path)


# ---- .pdf ------------------------------------------------------------------------------------------


@needs_pdf
@fuzz
@given(data=st.binary(max_size=3000))
def test_random_bytes_as_pdf(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "random.pdf"
    path.write_bytes(b"%PDF-1.7\n" + data)
    check_file(path)


@needs_pdf
@pytest.mark.parametrize("seed", range(3))
def test_random_bytes_as_pdf_on_the_command_line(tmp_path: Path, seed: int) -> None:
    path = tmp_path / "random.pdf"
    path.write_bytes(random.Random(seed).randbytes(20_000))
    assert run_cli(path) == "error"
