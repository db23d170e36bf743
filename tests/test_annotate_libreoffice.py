"""Annotated copies open in LibreOffice: converted headless to PDF (comments exported as PDF
annotations) and to OpenDocument, every kravkoll comment is there, with its text and on the
same words as python-docx reads them. Skipped when LibreOffice is not installed (``.ci/run``
installs Debian's ``libreoffice-writer-nogui`` where apt-get works)."""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pypdf
import pytest
from lxml import etree

from checker import check
from checker.readers.docx import read_docx
from checker.reporters.docx_annotate import AUTHOR, annotate

from test_annotate import EXAMPLE_DOCUMENTS, comments_of, cross_findings, flat, tricky_document, word_findings

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice is not installed: .ci/run installs Debian's 'libreoffice-writer-nogui' where apt-get works")

_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_DC = "http://purl.org/dc/elements/1.1/"
ANNOTATION, ANNOTATION_END = f"{{{_OFFICE}}}annotation", f"{{{_OFFICE}}}annotation-end"
PARAGRAPHS = (f"{{{_TEXT}}}p", f"{{{_TEXT}}}h")
PDF_WITH_COMMENTS = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'


def convert(files: list[Path], target: str, folder: Path, profile: Path) -> None:
    """Convert files with headless LibreOffice (one process for all) into ``folder``."""
    command = [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
               "--convert-to", target, "--outdir", str(folder), *map(str, files)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False,
                          env={**os.environ, "HOME": str(profile)})
    assert done.returncode == 0, done.stderr


def odt_comments(path: Path) -> list[tuple[str, str, str]]:
    """(author, text, anchored text) of each comment of an OpenDocument text, in document order;
    a non-breaking hyphen read as "-" and a soft hyphen as nothing, as Word's are."""
    root = etree.fromstring(zipfile.ZipFile(path).read("content.xml"))
    found: list[list] = []
    open_ranges: dict[str, list[str]] = {}

    def add(text: str | None) -> None:
        for parts in open_ranges.values():
            parts.append(text or "")

    def walk(element: etree._Element) -> None:
        for child in element:
            if child.tag == ANNOTATION:
                text = "\n".join("".join(p.itertext()) for p in child.iter(*PARAGRAPHS))
                parts: list[str] = []
                found.append([child.findtext(f"{{{_DC}}}creator"), text, parts])
                if child.get(f"{{{_OFFICE}}}name"):
                    open_ranges[child.get(f"{{{_OFFICE}}}name")] = parts
            elif child.tag == ANNOTATION_END:
                open_ranges.pop(child.get(f"{{{_OFFICE}}}name"), None)
            elif child.tag == f"{{{_TEXT}}}s":
                add(" " * int(child.get(f"{{{_TEXT}}}c", "1")))
            elif child.tag in (f"{{{_TEXT}}}tab", f"{{{_TEXT}}}line-break"):
                add(" ")
            elif child.tag == f"{{{_TEXT}}}note":
                pass  # a footnote: its mark in the text, with its number and its text, is no text of Word's
            else:
                add(child.text)
                walk(child)
                if child.tag in PARAGRAPHS:
                    add("\n")
            add(child.tail)

    walk(root)
    return [(author, text, "".join(parts).strip("\n").replace("\u2011", "-").replace("\u00ad", "")) for author, text, parts in found]


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[bytes, Path, Path]]:
    """Annotated copies of the examples and of the tricky document (a comment on every word;
    comments on words that run on into the next paragraph or cell),
    each with its PDF and its OpenDocument conversion."""
    folder = tmp_path_factory.mktemp("annotated")
    copies: dict[str, bytes] = {}
    for path in EXAMPLE_DOCUMENTS:
        copies[path.stem] = annotate(path.read_bytes(), check([path]).findings, path=str(path))
    tricky = tricky_document()
    copies["tricky"] = annotate(tricky, word_findings(read_docx(tricky, "tricky.docx")))
    copies["tricky-across"] = annotate(tricky, cross_findings(read_docx(tricky, "tricky.docx")))
    files = []
    for name, data in copies.items():
        (folder / f"{name}.docx").write_bytes(data)
        files.append(folder / f"{name}.docx")
    profile = tmp_path_factory.mktemp("libreoffice-profile")
    convert(files, PDF_WITH_COMMENTS, folder / "pdf", profile)
    convert(files, "odt", folder / "odt", profile)
    return {name: (data, folder / "pdf" / f"{name}.pdf", folder / "odt" / f"{name}.odt") for name, data in copies.items()}


def test_libreoffice_converts_every_annotated_copy_with_all_its_comments(converted) -> None:
    for name, (data, pdf, odt) in converted.items():
        ours = sorted((text, flat(anchored)) for _, author, text, anchored in comments_of(data) if author == AUTHOR)
        theirs = sorted((text, flat(anchored)) for author, text, anchored in odt_comments(odt) if author == AUTHOR)
        assert theirs == ours, name
        assert pdf.read_bytes().startswith(b"%PDF")
        notes = [annotation.get_object() for page in pypdf.PdfReader(pdf).pages for annotation in page.get("/Annots") or []]
        contents = sorted(str(note.get("/Contents")) for note in notes if note.get("/Subtype") == "/Text")
        assert contents == sorted(text for text, _ in ours), name


def test_the_examples_were_converted(converted) -> None:
    assert {path.stem for path in EXAMPLE_DOCUMENTS} < set(converted)
    assert sum(len(odt_comments(odt)) for _, _, odt in converted.values()) > 200
