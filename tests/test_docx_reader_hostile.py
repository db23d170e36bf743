"""Bad and hostile .docx input (checker/readers/docx/): each refused with one line naming the
file, before python-docx parses anything where the danger is in the package; former hangs
(issue 12) answered well within their bound; damaged and random packages get a result or one
line; inputs never modified; batches go on. See ``hostile.py`` for how kravkoll is run."""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx_builder import add_list, new_document, number, to_bytes
from hostile import (
    BILLION_LAUGHS,
    GOOD,
    HANG_GUARD_SECONDS,
    RULESET,
    assert_refused,
    assert_result_or_one_line_error,
    check_file,
    cli_outcome,
    fuzz,
    kravkoll,
    member,
    rezip,
    zip_of,
)
from hypothesis import given
from hypothesis import strategies as st
from support import FIXTURES

import checker.readers.docx as docx_reader
from checker.cli import main
from checker.config import Config
from checker.engine import check
from checker.errors import InputError
from checker.readers import read_document
from checker.readers.docx import MAX_OPEN_SUPPRESSIONS, read_docx

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
W = nsdecls("w")


def docx_bytes(paragraphs: int = 20) -> bytes:
    """A valid .docx written by python-docx: a heading, requirement paragraphs and a table."""
    document = docx.Document()
    document.add_heading("4 Drift", level=1)
    for index in range(1, paragraphs + 1):
        document.add_paragraph(f"K4.{index} Leverantören ska åtgärda fel snabbt. Uppföljning sker varje månad.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Krav-id", "Krav"
    table.cell(1, 0).text, table.cell(1, 1).text = "K9.1", "Tjänsten ska vara tillgänglig 99,5 % per månad."
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def with_document_xml(xml: bytes) -> bytes:
    """A valid .docx (:func:`docx_bytes`) whose word/document.xml is replaced by ``xml``."""
    return rezip(docx_bytes(2), replace={"word/document.xml": xml})


def document_xml(body: str, doctype: str = "") -> bytes:
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{doctype}<w:document {W}><w:body>{body}</w:body></w:document>'.encode()


def paragraph_xml(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def ole_file(streams: list[str], body: bytes = b"") -> bytes:
    """A compound (OLE) file's header and directory: 128-byte entries, UTF-16 names."""
    entries = b""
    for name in ["Root Entry", *streams]:
        encoded = (name + "\0").encode("utf-16-le")
        entries += (encoded.ljust(64, b"\0") + len(encoded).to_bytes(2, "little")).ljust(128, b"\0")
    body = body.ljust(-(-len(body) // 512) * 512, b"\0")
    return OLE_MAGIC + bytes(504) + body + entries.ljust(512, b"\0")


def refusal(data: bytes, name: str = "bad.docx") -> str:
    with pytest.raises(InputError) as caught:
        read_docx(data, name)
    message = str(caught.value)
    assert "\n" not in message and message.startswith(f"{name}: ")
    return message[len(name) + 2 :]


# ---- not a .docx -----------------------------------------------------------------------------


def test_plain_text_named_docx():
    assert refusal(b"Leverantoren ska leverera.") == "is not a .docx file (not a zip archive)"


def test_old_word_doc():
    assert refusal(ole_file(["WordDocument", "1Table"])) == "is a Word 97-2003 .doc file; save it as .docx"


def test_encrypted_docx_is_an_ole_container_with_encryption_info():
    message = refusal(ole_file(["EncryptionInfo", "EncryptedPackage"]))
    assert message == "is password-protected (an encrypted Word document); remove the password and save it again"


def test_doc_whose_text_mentions_encryption_info_is_still_a_doc():
    body = b"abc" + "EncryptionInfo\0".encode("utf-16-le")  # not at a directory entry's place
    assert refusal(ole_file(["WordDocument"], body)) == "is a Word 97-2003 .doc file; save it as .docx"


def test_pdf_and_rtf_named_docx():
    assert refusal(b"%PDF-1.7\n...") == "is a PDF, not a .docx; give it the .pdf extension"
    assert refusal(b"{\\rtf1\\ansi Leverantoren}") == "is an RTF file; save it as .docx"


def test_zip_of_something_else():
    assert refusal(zip_of({"readme.txt": b"hej"})) == "is a zip archive but not a Word document (no word/document.xml)"


@pytest.mark.parametrize(
    ("content_type", "reason"),
    [
        ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "is an Excel workbook, not a Word document"),
        ("application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml", "is a PowerPoint presentation, not a Word document"),
        ("application/vnd.ms-word.document.macroEnabled.main+xml", "is a macro-enabled Word file (.docm/.dotm); save it as .docx"),
        ("application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml", "is a Word template (.dotx); save it as .docx"),
    ],
)
def test_other_office_packages(content_type: str, reason: str):
    types = (
        f'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/x/main.xml" ContentType="{content_type}"/></Types>'
    )
    assert refusal(zip_of({"[Content_Types].xml": types.encode(), "x/main.xml": b"<x/>"})) == reason


def test_opendocument_text():
    data = zip_of({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})
    assert refusal(data) == "is an OpenDocument file (.odt); save it as .docx"


# ---- damaged and random packages -------------------------------------------------------------


def test_a_truncated_docx_is_refused_as_corrupt():
    data = GOOD
    assert refusal(data[: len(data) // 2]) == "is corrupt or truncated (not a readable zip archive: File is not a zip file)"


def test_corrupt_member_data():
    data = bytearray(GOOD)
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for offset in range(start + 10, start + 40):
        data[offset] ^= 0x5A
    assert refusal(bytes(data)).startswith("is corrupt or truncated (not a readable zip archive: ")


def test_broken_xml_inside_a_valid_zip():
    data = rezip(GOOD, replace={"word/document.xml": b"<w:document><w:body><w:p>"})
    assert refusal(data).startswith("is not a readable Word document (")


def test_a_valid_docx_is_read(tmp_path: Path) -> None:
    path = tmp_path / "valid.docx"
    path.write_bytes(docx_bytes())
    report = check_file(path)
    assert report.error is None and report.statements >= 20


@pytest.mark.parametrize("keep", [1, 4, 30, 100, 0.25, 0.5, 0.9, -22, -1])
def test_a_docx_cut_anywhere_gets_a_result_or_one_line_error(tmp_path: Path, keep: float) -> None:
    data = docx_bytes()
    cut = int(len(data) * keep) if isinstance(keep, float) else keep % len(data)
    path = tmp_path / "truncated.docx"
    path.write_bytes(data[:cut])
    check_file(path)


@fuzz
@given(flips=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(1, 255)), min_size=1, max_size=8))
def test_docx_with_flipped_bytes(tmp_path: Path, flips: list[tuple[float, int]]) -> None:
    data = bytearray(docx_bytes(5))
    for where, mask in flips:
        data[int(where * len(data))] ^= mask
    path = tmp_path / "flipped.docx"
    path.write_bytes(bytes(data))
    check_file(path)


@fuzz
@given(data=st.binary(max_size=3000))
def test_random_bytes_as_docx(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "random.docx"
    path.write_bytes(b"PK\x03\x04" + data)
    check_file(path)


def test_document_without_text_is_an_empty_document():
    assert read_docx(to_bytes(new_document()), "x.docx").statements == []


def test_document_without_a_body_is_an_empty_document():
    data = rezip(GOOD, replace={"word/document.xml": b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'})
    assert read_docx(data, "x.docx").statements == []


# ---- zip bombs: refused from the listing, before any part is parsed ---------------------------


@pytest.fixture
def parts_must_not_be_parsed(monkeypatch):
    """Fails the test if the package's parts are read, by lxml (check) or python-docx (annotate)."""

    def fail(*_args, **_kwargs):
        raise AssertionError("the parts of a hostile package were parsed")

    monkeypatch.setattr(docx, "Document", fail)
    monkeypatch.setattr(docx_reader, "read_parts", fail)


def test_zip_bomb_by_compression_ratio(parts_must_not_be_parsed):
    paragraphs = b"<w:p><w:r><w:t>a</w:t></w:r></w:p>" * 600_000  # ~20 MB that deflates to a few KB
    bomb = member(GOOD, "word/document.xml").replace(b"</w:body>", paragraphs + b"</w:body>")
    data = rezip(GOOD, replace={"word/document.xml": bomb})
    assert len(data) < 200_000
    message = refusal(data)
    assert re.fullmatch(r"has word/document\.xml compressed \d+:1 \(the limit is 100:1\); refused as a possible zip bomb", message)


def test_zip_bomb_by_declared_total_size(parts_must_not_be_parsed):
    data = bytearray(rezip(GOOD, add={"word/media/big.bin": b"x" * 1000}))
    entry = data.rfind(b"PK\x01\x02")  # the central directory entry of the last member
    assert data[entry + 46 : entry + 46 + len("word/media/big.bin")] == b"word/media/big.bin"
    data[entry + 24 : entry + 28] = (300 * 1024 * 1024).to_bytes(4, "little")  # its uncompressed size
    assert refusal(bytes(data)) == "would expand to 300 MiB (the limit is 200 MiB); refused as a possible zip bomb"


def test_zip_with_too_many_members(parts_must_not_be_parsed):
    data = rezip(GOOD, add={f"customXml/item{i}.bin": b"" for i in range(10_001)})
    assert refusal(data).startswith("has 100") and refusal(data).endswith("files inside (the limit is 10000); refused as a possible zip bomb")


def test_docx_zip_bomb(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    source = zipfile.ZipFile(io.BytesIO(docx_bytes(2)))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if item.filename != "word/document.xml":
                target.writestr(item.filename, source.read(item.filename))
        with target.open("word/document.xml", "w") as part:  # 512 MiB of XML, about 0.5 MB zipped
            part.write(f'<?xml version="1.0"?><w:document {W}><w:body><w:p><w:r><w:t>'.encode())
            chunk = b" " * (1 << 20)
            for _ in range(512):
                part.write(chunk)
            part.write(b"</w:t></w:r></w:p></w:body></w:document>")
    assert path.stat().st_size < 5_000_000
    assert cli_outcome(path) == "error"


# ---- XML entity tricks: refused, never expanded or fetched -----------------------------------


def test_billion_laughs_in_the_document(parts_must_not_be_parsed):
    body = member(GOOD, "word/document.xml").split(b"?>", 1)[1].replace(b"fel snabbt", b"&lol9;")
    data = rezip(GOOD, replace={"word/document.xml": BILLION_LAUGHS + body})
    assert refusal(data) == "has a document type declaration (XML entities) in word/document.xml; refused as unsafe"


def test_external_entity_in_styles(parts_must_not_be_parsed):
    styles = member(GOOD, "word/styles.xml").split(b"?>", 1)[1]
    xxe = b'<?xml version="1.0"?>\n<!DOCTYPE w:styles [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n' + styles
    data = rezip(GOOD, replace={"word/styles.xml": xxe})
    assert refusal(data) == "has a document type declaration (XML entities) in word/styles.xml; refused as unsafe"


def test_doctype_in_a_utf16_part(parts_must_not_be_parsed):
    body = member(GOOD, "word/document.xml").split(b"?>", 1)[1].decode()
    xml = ('<?xml version="1.0" encoding="UTF-16"?>\n<!DOCTYPE w:document [<!ENTITY x "y">]>\n' + body).encode("utf-16")
    data = rezip(GOOD, replace={"word/document.xml": xml})
    assert refusal(data) == "has a document type declaration (XML entities) in word/document.xml; refused as unsafe"


def _renamed_main_part(main: bytes) -> bytes:
    """GOOD with its main part stored as word/main.part (XML by content type, not by name)."""
    types = member(GOOD, "[Content_Types].xml").replace(b'PartName="/word/document.xml"', b'PartName="/word/main.part"')
    rels = member(GOOD, "_rels/.rels").replace(b'Target="word/document.xml"', b'Target="word/main.part"')
    return rezip(
        GOOD,
        replace={"[Content_Types].xml": types, "_rels/.rels": rels},
        add={"word/main.part": main, "word/_rels/main.part.rels": member(GOOD, "word/_rels/document.xml.rels")},
        drop=("word/document.xml", "word/_rels/document.xml.rels"),
    )


def test_doctype_in_a_part_with_an_unusual_name():
    """The name scan misses such a part; it is refused once it has been parsed, which is done
    without expanding entities (and lxml stops a billion laughs on its own)."""
    body = member(GOOD, "word/document.xml").split(b"?>", 1)[1]
    assert [s.text for s in read_docx(_renamed_main_part(body), "ok.docx").statements] == ["4 Drift", "Leverantören ska åtgärda fel snabbt."]
    harmless = b'<?xml version="1.0"?>\n<!DOCTYPE w:document [<!ENTITY x "y">]>\n' + body.replace(b"fel snabbt", b"&x;")
    assert refusal(_renamed_main_part(harmless)) == "has a document type declaration (XML entities) in /word/main.part; refused as unsafe"
    laughs = refusal(_renamed_main_part(BILLION_LAUGHS + body.replace(b"fel snabbt", b"&lol9;")))
    assert laughs.startswith("is not a readable Word document (") and "entity" in laughs


_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"


def _with_package_rels(rels: bytes) -> bytes:
    return rezip(GOOD, replace={"_rels/.rels": rels})


@pytest.mark.parametrize(
    ("variant", "reason"),
    [
        (lambda: _with_package_rels(b"<Relationships><oops"), "has a corrupt relationships part _rels/.rels (Couldn't find end of Start Tag"),
        (lambda: _with_package_rels(b""), "has a corrupt relationships part _rels/.rels (Document is empty"),
        (
            lambda: rezip(GOOD, replace={"word/_rels/document.xml.rels": b"<Relationships><oops"}),
            "has a corrupt relationships part word/_rels/document.xml.rels (",
        ),
        (lambda: rezip(GOOD, drop=("_rels/.rels",)), "is not a readable Word document (no main document part)"),
        (lambda: rezip(GOOD, drop=("word/document.xml",)), "is not a readable Word document (no main document part)"),
        (
            lambda: _with_package_rels(member(GOOD, "_rels/.rels").replace(b'Target="word/document.xml"', b'Target="../../../etc/passwd"')),
            "is not a readable Word document (no main document part)",
        ),
        (
            lambda: _with_package_rels(
                member(GOOD, "_rels/.rels").replace(
                    b"</Relationships>", f'<Relationship Id="rX" Type="{_OFFICE_DOCUMENT}" Target="word/document.xml"/></Relationships>'.encode()
                )
            ),
            "is not a readable Word document (more than one main document part)",
        ),
        (
            lambda: _with_package_rels(member(GOOD, "_rels/.rels").replace(b'Target="word/document.xml"', b'Target="word/styles.xml"')),
            "is not a readable Word document (its main part /word/styles.xml is not a document)",
        ),
        (lambda: with_document_xml(b"\x00\x01binary"), "is not a readable Word document (Document is empty"),
    ],
    ids=[
        "package-rels-malformed",
        "package-rels-empty",
        "document-rels-malformed",
        "package-rels-missing",
        "main-part-missing",
        "main-part-outside",
        "two-main-parts",
        "main-part-is-styles",
        "main-part-binary",
    ],
)
def test_package_relationships_and_main_part_refused_in_one_line(variant, reason, tmp_path: Path) -> None:
    """Read by lxml (check) and by python-docx (annotate), a damaged package is refused with one
    line naming the file and exit 2, never read without its styles or as an empty document."""
    data = variant()
    assert refusal(data).startswith(reason)
    path = tmp_path / "bad.docx"
    path.write_bytes(data)
    assert_refused(["check", str(path)], path, reason)
    assert_refused(["annotate", str(path), "-o", str(tmp_path / "out.docx")], path, "is not a readable Word document")
    assert not (tmp_path / "out.docx").exists()


def test_docx_entity_expansion_is_never_expanded(tmp_path: Path) -> None:
    entities = '<!ENTITY lol "lol">' + "".join(f'<!ENTITY lol{k} "{("&lol%s;" % (k - 1 or "")) * 10}">' for k in range(1, 10))
    xml = document_xml(paragraph_xml("Leverantören ska &lol9;"), f"<!DOCTYPE w:document [{entities}]>")
    path = tmp_path / "laughs.docx"
    path.write_bytes(with_document_xml(xml))
    report = check([path], [RULESET], Config(timeout=HANG_GUARD_SECONDS))
    assert report.files[0].error is None or "took longer" not in report.files[0].error
    assert all("lollol" not in (f.text or "") for f in report.findings)
    assert cli_outcome(path) in ("error", "checked")


def test_docx_external_entities_are_not_fetched(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET-4711", encoding="utf-8")
    doctype = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
    path = tmp_path / "xxe.docx"
    path.write_bytes(with_document_xml(document_xml(paragraph_xml("Leverantören ska &xxe; snabbt."), doctype)))
    result = kravkoll(path)
    assert_result_or_one_line_error(result, path)
    assert "TOPSECRET" not in result.stdout + result.stderr


# ---- hostile structure inside well-formed XML ------------------------------------------------


def _with_body(body: str) -> bytes:
    document = member(GOOD, "word/document.xml")
    start, end = document.index(b"<w:body>") + len(b"<w:body>"), document.index(b"<w:sectPr")
    return rezip(GOOD, replace={"word/document.xml": document[:start] + body.encode() + document[end:]})


def test_huge_grid_span_does_not_explode():
    row = (
        '<w:tr><w:trPr><w:gridBefore w:val="2000000000"/></w:trPr><w:tc><w:tcPr><w:gridSpan w:val="2000000000"/></w:tcPr><w:p><w:r><w:t>K1</w:t></w:r></w:p></w:tc>'
        "<w:tc><w:p><w:r><w:t>Leverantören ska svara.</w:t></w:r></w:p></w:tc></w:tr>"
    )
    doc = read_docx(_with_body(f"<w:tbl>{row}</w:tbl>"), "x.docx")
    (statement,) = doc.statements
    assert statement.text == "K1 | Leverantören ska svara."
    assert [a.location.cell for a in statement.anchors] == [65, 129]  # capped at 64 columns each


def test_huge_list_counter_does_not_explode():
    d = new_document()
    add_list(d, 95, 95, [("lowerLetter", "%1)")], starts={0: 10**9})
    number(d.add_paragraph("Leverantören ska leverera."), 95)
    doc = read_docx(to_bytes(d), "x.docx")
    assert [(s.kind, s.text) for s in doc.statements] == [("list_item", "Leverantören ska leverera.")]


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


def test_deep_nesting_within_the_parsers_depth_limit():
    paragraph = "<w:p><w:r><w:t>Djupt inne ska det stå.</w:t></w:r></w:p>"
    controls = "<w:sdt><w:sdtContent>" * 120 + paragraph + "</w:sdtContent></w:sdt>" * 120
    tables = "<w:tbl><w:tr><w:tc>" * 80 + paragraph + "</w:tc></w:tr></w:tbl>" * 80
    doc = read_docx(_with_body(controls + tables), "x.docx")
    assert [(s.text, s.location.line) for s in doc.statements] == [("Djupt inne ska det stå.", 1), ("Djupt inne ska det stå.", 2)]


def test_docx_tables_nested_by_python_docx(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Leverantören ska åtgärda fel snabbt.")
    cell = document.add_table(rows=1, cols=1).cell(0, 0)
    for depth in range(60):
        cell.paragraphs[0].text = f"Nivå {depth}: leverantören ska rapportera."
        cell = cell.add_table(rows=1, cols=1).cell(0, 0)
    path = tmp_path / "nested.docx"
    document.save(str(path))
    assert check_file(path).error is None


@pytest.mark.parametrize("depth", [300, 5000])
def test_docx_tables_nested_thousands_deep(tmp_path: Path, depth: int) -> None:
    cell = paragraph_xml("Leverantören ska åtgärda fel snabbt.")
    body = "<w:tbl><w:tr><w:tc>" * depth + cell + "</w:tc></w:tr></w:tbl>" * depth
    path = tmp_path / f"nested-{depth}.docx"
    path.write_bytes(with_document_xml(document_xml(body)))
    cli_outcome(path)


# ---- suppression comments --------------------------------------------------------------------


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


# ---- inputs are never modified; batches go on ------------------------------------------------


@pytest.mark.parametrize("content", [GOOD, ole_file(["EncryptionInfo"]), GOOD[:500]])
def test_reading_never_modifies_the_input(tmp_path, content: bytes):
    path = tmp_path / "underlag.docx"
    path.write_bytes(content)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    mtime = path.stat().st_mtime_ns
    try:
        read_document(path)
    except InputError:
        pass
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert path.stat().st_mtime_ns == mtime


def test_cli_batch_with_a_broken_docx_still_reports_the_good_file(tmp_path):
    broken = tmp_path / "trasig.docx"
    broken.write_bytes(GOOD[:300])
    good = tmp_path / "bra.md"
    good.write_text("# 4 Drift\n\nK4.1 Leverantören ska åtgärda fel snabbt.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(good), str(broken), "--ruleset", str(FIXTURES / "contract-example.krav")])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"kravkoll: {broken}: is corrupt or truncated (not a readable zip archive: File is not a zip file)"]
    assert f"{good}:3:35: error [sv-avtal/OMATBART]" in result.stdout


def test_cli_checks_a_docx_with_paragraph_locations(tmp_path):
    d = new_document()
    d.add_heading("4 Drift", 1)
    d.add_paragraph("K4.1 Leverantören ska åtgärda fel snabbt.")
    path = tmp_path / "krav.docx"
    path.write_bytes(to_bytes(d))
    result = CliRunner().invoke(main, ["check", "--format", "json", str(path), "--ruleset", str(FIXTURES / "contract-example.krav")])
    assert result.exit_code == 1, result.stderr
    findings = [f for f in json.loads(result.stdout)["findings"] if f["rule"] == "sv-avtal/OMATBART"]
    assert [(f["location"]["line"], f["location"]["column"], f["location"]["paragraph"], f["location"]["section"], f["requirement_id"]) for f in findings] == [
        (2, 35, 2, "4 Drift", "K4.1")
    ]
