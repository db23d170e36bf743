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
from test_annotate import EXAMPLE_DOCUMENTS, comments_of, cross_findings, flat, paragraph_texts, rewritten, suggested, tricky_document, word_findings

from checker import check
from checker.readers.docx import read_docx
from checker.reporters.docx_annotate import AUTHOR, annotate

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice is not installed: .ci/run installs Debian's 'libreoffice-writer-nogui' where apt-get works"
)

_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_DC = "http://purl.org/dc/elements/1.1/"
ANNOTATION, ANNOTATION_END = f"{{{_OFFICE}}}annotation", f"{{{_OFFICE}}}annotation-end"
PARAGRAPHS = (f"{{{_TEXT}}}p", f"{{{_TEXT}}}h")
PDF_WITH_COMMENTS = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'


def convert(files: list[Path], target: str, folder: Path, profile: Path) -> None:
    """Convert files with headless LibreOffice (one process for all) into ``folder``."""
    command = [
        SOFFICE,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        target,
        "--outdir",
        str(folder),
        *map(str, files),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False, env={**os.environ, "HOME": str(profile)})
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
    for path in EXAMPLE_DOCUMENTS:
        if not path.stem.endswith(".improved"):
            copies[f"suggested-{path.stem}"] = suggested(path)[1].data
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


ACCEPT_ALL_MACRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub AcceptAll(source As String, target As String)
  Dim load(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = &quot;Hidden&quot;
  load(0).Value = True
  document = StarDesktop.loadComponentFromURL(ConvertToURL(source), &quot;_blank&quot;, 0, load())
  dispatcher = createUnoService(&quot;com.sun.star.frame.DispatchHelper&quot;)
  dispatcher.executeDispatch(document.getCurrentController().getFrame(), &quot;.uno:AcceptAllTrackedChanges&quot;, &quot;&quot;, 0, Array())
  Dim store(1) As New com.sun.star.beans.PropertyValue
  store(0).Name = &quot;FilterName&quot;
  store(0).Value = &quot;Text (encoded)&quot;
  store(1).Name = &quot;FilterOptions&quot;
  store(1).Value = &quot;UTF8,LF&quot;
  document.storeToURL(ConvertToURL(target), store())
  document.close(True)
End Sub
</script:module>
"""


def accepted_text(document: Path, profile: Path) -> str:
    """The text of ``document`` after LibreOffice accepts all its tracked changes (Edit › Track
    Changes › Accept All, run by a Basic macro in the profile's Standard library)."""
    target = document.with_suffix(".accepted.txt")
    command = [
        SOFFICE,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        f'macro:///Standard.Module1.AcceptAll("{document}","{target}")',
    ]
    subprocess.run(command, capture_output=True, text=True, timeout=600, check=False, env={**os.environ, "HOME": str(profile)})
    assert target.is_file(), f"LibreOffice did not run the macro on {document.name}"
    return target.read_text(encoding="utf-8-sig")


def test_accepting_all_suggestions_in_libreoffice_gives_the_rewritten_sentences(converted, tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    (tmp_path / "start.txt").write_text("x", encoding="utf-8")
    convert([tmp_path / "start.txt"], "odt", tmp_path, profile)  # LibreOffice makes the profile and its Standard library
    (profile / "user" / "basic" / "Standard" / "Module1.xba").write_text(ACCEPT_ALL_MACRO, encoding="utf-8")
    checked = 0
    for path in EXAMPLE_DOCUMENTS:
        if f"suggested-{path.stem}" not in converted:
            continue
        source, result = suggested(path)
        copy = tmp_path / f"{path.stem}.docx"
        copy.write_bytes(result.data)
        text = " ".join(accepted_text(copy, profile).split())
        expected = rewritten(paragraph_texts(source), result.placements)
        for placement in (p for p in result.placements if p.rewrite):
            (line, start), (_, end) = placement.start, placement.end
            after = expected[line - 1][max(0, start - 25) : start + len(placement.rewrite) + 25]
            before = paragraph_texts(source)[line - 1][max(0, start - 25) : end + 25]
            assert " ".join(after.split()) in text, (path.name, after)  # the rewritten sentence
            assert " ".join(before.split()) not in text, (path.name, before)  # and not the original
            checked += 1
    assert checked >= 10
