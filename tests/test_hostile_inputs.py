"""Bad and hostile .docx input: each refused with one line naming the file, before python-docx
parses anything where the danger is in the package; inputs never modified; batches go on."""

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
from docx_builder import add_list, new_document, number, to_bytes

from checker.cli import main
from checker.errors import InputError
from checker.readers import read_document
from checker.readers.docx import read_docx

FIXTURES = Path(__file__).parent / "fixtures"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def good_docx() -> bytes:
    d = new_document()
    d.add_heading("4 Drift", 1)
    d.add_paragraph("Leverantören ska åtgärda fel snabbt.")
    return to_bytes(d)


GOOD = good_docx()


def rezip(data: bytes, replace: dict[str, bytes] | None = None, add: dict[str, bytes] | None = None, drop: tuple[str, ...] = ()) -> bytes:
    """The package with members replaced, added or dropped."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename in drop:
                continue
            target.writestr(info.filename, (replace or {}).get(info.filename, source.read(info)))
        for name, content in (add or {}).items():
            target.writestr(name, content)
    return out.getvalue()


def member(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name)


def zip_of(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


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


# ---- not a .docx ---------------------------------------------------------------------------------


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


def test_truncated_docx():
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


def test_document_without_text_is_an_empty_document():
    assert read_docx(to_bytes(new_document()), "x.docx").statements == []


# ---- zip bombs: refused from the listing, before python-docx opens anything --------------------


@pytest.fixture
def python_docx_must_not_open(monkeypatch):
    def fail(*_args, **_kwargs):
        raise AssertionError("python-docx was asked to open a hostile package")

    monkeypatch.setattr(docx, "Document", fail)


def test_zip_bomb_by_compression_ratio(python_docx_must_not_open):
    paragraphs = b"<w:p><w:r><w:t>a</w:t></w:r></w:p>" * 600_000  # ~20 MB that deflates to a few KB
    bomb = member(GOOD, "word/document.xml").replace(b"</w:body>", paragraphs + b"</w:body>")
    data = rezip(GOOD, replace={"word/document.xml": bomb})
    assert len(data) < 200_000
    message = refusal(data)
    assert re.fullmatch(r"has word/document\.xml compressed \d+:1 \(the limit is 100:1\); refused as a possible zip bomb", message)


def test_zip_bomb_by_declared_total_size(python_docx_must_not_open):
    data = bytearray(rezip(GOOD, add={"word/media/big.bin": b"x" * 1000}))
    entry = data.rfind(b"PK\x01\x02")  # the central directory entry of the last member
    assert data[entry + 46 : entry + 46 + len("word/media/big.bin")] == b"word/media/big.bin"
    data[entry + 24 : entry + 28] = (300 * 1024 * 1024).to_bytes(4, "little")  # its uncompressed size
    assert refusal(bytes(data)) == "would expand to 300 MiB (the limit is 200 MiB); refused as a possible zip bomb"


def test_zip_with_too_many_members(python_docx_must_not_open):
    data = rezip(GOOD, add={f"customXml/item{i}.bin": b"" for i in range(10_001)})
    assert refusal(data).startswith("has 100") and refusal(data).endswith("files inside (the limit is 10000); refused as a possible zip bomb")


# ---- XML entity tricks: refused, never expanded -------------------------------------------------

BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10) for i in range(1, 10))
    + b"]>\n"
)


def test_billion_laughs_in_the_document(python_docx_must_not_open):
    body = member(GOOD, "word/document.xml").split(b"?>", 1)[1].replace(b"fel snabbt", b"&lol9;")
    data = rezip(GOOD, replace={"word/document.xml": BILLION_LAUGHS + body})
    assert refusal(data) == "has a document type declaration (XML entities) in word/document.xml; refused as unsafe"


def test_external_entity_in_styles(python_docx_must_not_open):
    styles = member(GOOD, "word/styles.xml").split(b"?>", 1)[1]
    xxe = b'<?xml version="1.0"?>\n<!DOCTYPE w:styles [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n' + styles
    data = rezip(GOOD, replace={"word/styles.xml": xxe})
    assert refusal(data) == "has a document type declaration (XML entities) in word/styles.xml; refused as unsafe"


def test_doctype_in_a_utf16_part(python_docx_must_not_open):
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
    """The name scan misses such a part; it is refused once python-docx has parsed it, which it
    does without expanding entities (and lxml stops a billion laughs on its own)."""
    body = member(GOOD, "word/document.xml").split(b"?>", 1)[1]
    assert [s.text for s in read_docx(_renamed_main_part(body), "ok.docx").statements] == ["4 Drift", "Leverantören ska åtgärda fel snabbt."]
    harmless = b'<?xml version="1.0"?>\n<!DOCTYPE w:document [<!ENTITY x "y">]>\n' + body.replace(b"fel snabbt", b"&x;")
    assert refusal(_renamed_main_part(harmless)) == "has a document type declaration (XML entities) in /word/main.part; refused as unsafe"
    laughs = refusal(_renamed_main_part(BILLION_LAUGHS + body.replace(b"fel snabbt", b"&lol9;")))
    assert laughs.startswith("is not a readable Word document (") and "entity" in laughs


# ---- inputs are never modified; batches go on ----------------------------------------------------


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


# ---- hostile structure inside well-formed XML ------------------------------------------------------


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


def test_deep_nesting_within_the_parsers_depth_limit():
    paragraph = "<w:p><w:r><w:t>Djupt inne ska det stå.</w:t></w:r></w:p>"
    controls = "<w:sdt><w:sdtContent>" * 120 + paragraph + "</w:sdtContent></w:sdt>" * 120
    tables = "<w:tbl><w:tr><w:tc>" * 80 + paragraph + "</w:tc></w:tr></w:tbl>" * 80
    doc = read_docx(_with_body(controls + tables), "x.docx")
    assert [(s.text, s.location.line) for s in doc.statements] == [("Djupt inne ska det stå.", 1), ("Djupt inne ska det stå.", 2)]


def test_document_without_a_body_is_an_empty_document():
    data = rezip(GOOD, replace={"word/document.xml": b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'})
    assert read_docx(data, "x.docx").statements == []
