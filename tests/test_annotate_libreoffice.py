"""Annotated copies open in LibreOffice: converted headless to PDF (comments exported as PDF
annotations) and to OpenDocument, every kravkoll comment is there, with its text and on the
same words as python-docx reads them; accepting all suggestions gives the rewritten sentences,
accepting one (and rejecting the rest) its sentence rewritten and the others as written.
Rendered (the PDF read with poppler-utils' pdftotext and drawn with pdftoppm), each comment's
marker stands on the line of its words, the summary comment once on the title, and each
suggestion shows as a tracked change in colour. Skipped when LibreOffice or poppler-utils is not
installed (``.ci/run`` installs Debian's ``libreoffice-writer-nogui`` and ``poppler-utils`` where
apt-get works).

LibreOffice 7.4 (Debian 12's) cannot put comments in the margin of a PDF: its export has no
such option (``ExportNotesInMargin`` came later) and the print setting "comments in margin"
makes a headless export fail. So its PDF has the comments as annotations, which the tests read
with their positions; a page image shows their markers, not their text."""

from __future__ import annotations

import html
import io
import os
import re
import shutil
import struct
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pypdf
import pytest
from lxml import etree
from test_annotate import EXAMPLE_DOCUMENTS, EXAMPLES, comments_of, cross_findings, flat, paragraph_texts, rewritten, suggested, tricky_document, word_findings

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


def decided(data: bytes, accepted: int) -> bytes:
    """The .docx ``data`` after a writer decides on kravkoll's suggestions as Word does it, one by
    one: the ``accepted``-th (counting from 0 in the document's order) accepted, every other
    rejected. A suggestion is one ``w:ins``, with the ``w:del`` right before it when it replaces
    words; accepting keeps the inserted runs and drops the deleted ones, rejecting the reverse."""
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    source = zipfile.ZipFile(io.BytesIO(data))
    body = etree.fromstring(source.read("word/document.xml"))
    insertions = [element for element in body.iter(f"{w}ins") if element.get(f"{w}author") == AUTHOR]
    for index, insertion in enumerate(insertions):
        deletion = insertion.getprevious()
        deletion = deletion if deletion is not None and deletion.tag == f"{w}del" and deletion.get(f"{w}author") == AUTHOR else None
        kept, dropped = (insertion, deletion) if index == accepted else (deletion, insertion)
        if kept is not None:
            for text in kept.iter(f"{w}delText"):
                text.tag = f"{w}t"
            for run in list(kept):  # its runs in its place, in their order
                kept.addprevious(run)
            kept.getparent().remove(kept)
        if dropped is not None:
            dropped.getparent().remove(dropped)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(
                item,
                etree.tostring(body, xml_declaration=True, encoding="UTF-8", standalone=True) if item.filename == "word/document.xml" else source.read(item),
            )
    return out.getvalue()


def test_accepting_one_suggestion_gives_its_rewritten_sentence_and_leaves_the_others(tmp_path: Path) -> None:
    """A writer accepts one tracked change and rejects the rest: LibreOffice reads the one
    sentence rewritten and every other as it was written."""
    source, result = suggested(EXAMPLES / f"{SHOWN}.docx")
    changes = sorted((p for p in result.placements if p.rewrite), key=lambda p: p.start)  # the document's order
    assert len(changes) >= 3
    original = paragraph_texts(source)
    files = []
    for index in range(len(changes)):
        files.append(tmp_path / f"accepted-{index}.docx")
        files[-1].write_bytes(decided(result.data, index))
    convert(files, "txt:Text (encoded):UTF8", tmp_path / "txt", tmp_path / "profile")
    for index, accepted in enumerate(changes):
        text = " ".join((tmp_path / "txt" / f"accepted-{index}.txt").read_text(encoding="utf-8-sig").split())
        for placement in changes:
            (line, start), (_, end) = placement.start, placement.end
            if placement is accepted:
                after = rewritten(original, [placement])[line - 1][max(0, start - 25) : start + len(placement.rewrite) + 25]
                assert " ".join(after.split()) in text, (index, after)
            else:
                before = original[line - 1][max(0, start - 25) : end + 25]
                assert " ".join(before.split()) in text, (index, before)


# ---- the annotated copy as LibreOffice renders it: PDF, then pages as images (poppler-utils) ----

PDFTOTEXT, PDFTOPPM = shutil.which("pdftotext"), shutil.which("pdftoppm")
needs_poppler = pytest.mark.skipif(
    PDFTOTEXT is None or PDFTOPPM is None,
    reason="poppler-utils (pdftotext, pdftoppm) is not installed: .ci/run installs Debian's 'poppler-utils' where apt-get works",
)
SHOWN = "sv-kravspecifikation"  # the example of the screenshot: a requirements table, a summary comment, rewrites
SUMMARY_START = "kravkoll – "  # the summary comment's first words, in either language
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


@dataclass(frozen=True)
class Box:
    """A word of a rendered page and its box, in points from the page's top left corner."""

    text: str
    left: float
    top: float
    right: float
    bottom: float


@dataclass(frozen=True)
class Note:
    """A comment as LibreOffice exports it into the PDF: its text, its page, and where its
    marker stands (points from the page's top left corner)."""

    page: int
    text: str
    x: float
    top: float
    bottom: float


def page_words(pdf: Path, page: int) -> list[Box]:
    """The words of a page of ``pdf`` with their boxes (``pdftotext -bbox``)."""
    done = subprocess.run([PDFTOTEXT, "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"], capture_output=True, text=True, check=True)
    return [Box(html.unescape(text), float(left), float(top), float(right), float(bottom)) for left, top, right, bottom, text in _WORD.findall(done.stdout)]


def pdf_notes(pdf: Path) -> list[Note]:
    """The comments of ``pdf`` (its text annotations), page by page."""
    found = []
    for number, page in enumerate(pypdf.PdfReader(pdf).pages, 1):
        height = float(page.mediabox.height)
        for annotation in (a.get_object() for a in page.get("/Annots") or []):
            if annotation.get("/Subtype") == "/Text":
                left, low, _right, high = (float(value) for value in annotation["/Rect"])
                found.append(Note(number, str(annotation.get("/Contents")), left, height - high, height - low))
    return found


def marked_word(note: Note, words: list[Box]) -> Box | None:
    """The word on the line of a note's marker that the marker stands in or after."""
    line = [word for word in words if note.top <= (word.top + word.bottom) / 2 <= note.bottom and word.left < note.x + 1]
    return max(line, key=lambda word: word.left, default=None)


def overlaps(word: str, anchored: str) -> bool:
    """Whether a rendered word is one of the anchored words, or holds one ("ITIL" of "ITIL-aligned")."""
    word = word.strip(".,;:()")
    return bool(word) and (word in anchored or any(part in word for part in anchored.split() if len(part) > 2))


def phrase_boxes(words: list[Box], phrase: str) -> list[list[Box]]:
    """Each run of ``words`` that reads ``phrase``, spaces aside (pdftotext reads a deleted word
    and the inserted one after it as one word: "regelbundetinom")."""
    wanted = "".join(phrase.split())
    text = "".join(box.text for box in words)
    owner = [index for index, box in enumerate(words) for _ in box.text]
    runs = []
    start = text.find(wanted)
    while start >= 0 and wanted:
        runs.append(words[owner[start] : owner[start + len(wanted) - 1] + 1])
        start = text.find(wanted, start + 1)
    return runs


def rendered(pdf: Path, page: int, dpi: int, kind: str, folder: Path) -> bytes:
    """A page of ``pdf`` as a ``png`` or ``ppm`` image (pdftoppm's own) at ``dpi`` (``pdftoppm``)."""
    stem = folder / f"{pdf.stem}-{page}-{dpi}"
    subprocess.run(
        [PDFTOPPM, *(["-png"] if kind == "png" else []), "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile", str(pdf), str(stem)],
        capture_output=True,
        check=True,
    )
    return stem.with_suffix(f".{kind}").read_bytes()


def ppm_pixels(data: bytes) -> tuple[int, int, bytes]:
    """(width, height, RGB bytes) of a binary PPM image as pdftoppm writes it."""
    magic, width, height, depth, pixels = data.split(maxsplit=4)
    assert magic == b"P6" and depth == b"255"
    return int(width), int(height), pixels


def colored_share(image: tuple[int, int, bytes], box: Box, scale: float) -> float:
    """The share of the inked pixels in ``box`` (points; ``scale`` pixels a point) that are in a
    colour rather than black or grey: how LibreOffice marks a tracked change."""
    width, _height, pixels = image
    inked = colored = 0
    for y in range(int(box.top * scale), int(box.bottom * scale)):
        for x in range(int(box.left * scale), int(box.right * scale)):
            red, green, blue = pixels[3 * (y * width + x) : 3 * (y * width + x) + 3]
            if min(red, green, blue) < 200:
                inked += 1
                colored += max(red, green, blue) - min(red, green, blue) > 60
    return colored / inked if inked else 0.0


@needs_poppler
def test_libreoffice_renders_each_comment_beside_its_words_and_one_summary(converted) -> None:
    shown = 0
    for name, (data, pdf, _odt) in converted.items():
        if name.startswith("tricky"):
            continue
        ours: dict[str, list[str]] = {}  # a comment's text → the words of each comment with that text
        for _, author, text, anchored in comments_of(data):
            if author == AUTHOR:
                ours.setdefault(text, []).append(flat(anchored))
        notes = [note for note in pdf_notes(pdf) if note.text in ours]
        assert sorted(note.text for note in notes) == sorted(text for text, each in ours.items() for _ in each), name
        words = {page: page_words(pdf, page) for page in {note.page for note in notes}}
        for note in notes:
            word = marked_word(note, words[note.page])
            assert word is not None and any(overlaps(word.text, anchored) for anchored in ours[note.text]), (name, note.text[:60], word)
        summaries = [note for note in notes if note.text.startswith(SUMMARY_START)]
        assert len(summaries) == sum(len(each) for text, each in ours.items() if text.startswith(SUMMARY_START)) <= 1, name
        for summary in summaries:  # at the start: on the title, the first line of the first page
            first_line = min(words[1], key=lambda word: word.top)
            assert summary.page == 1 and summary.top <= (first_line.top + first_line.bottom) / 2 + 20, name
        shown += len(notes)
    assert shown > 150  # enough comments to mean something: 198 on the shipped examples since 'and/or' is no finding


@needs_poppler
def test_libreoffice_shows_the_suggestions_as_tracked_changes(converted, tmp_path: Path) -> None:
    """Each rewrite of ``annotate --suggest`` is on the page in the colour LibreOffice gives a
    tracked change: the words taken out (struck through) and those put in, where the comment is."""
    source, result = suggested(EXAMPLES / f"{SHOWN}.docx")
    data, pdf, _odt = converted[f"suggested-{SHOWN}"]
    texts = {comment_id: text for comment_id, _, text, _ in comments_of(data)}
    pages = {note.text: note.page for note in pdf_notes(pdf)}
    paragraphs = paragraph_texts(source)
    images: dict[int, tuple[int, int, bytes]] = {}
    checked = 0
    for placement in (p for p in result.placements if p.rewrite):
        (line, start), (_, end) = placement.start, placement.end
        page = pages[texts[placement.comment_id]]
        image = images.setdefault(page, ppm_pixels(rendered(pdf, page, 144, "ppm", tmp_path)))
        runs = phrase_boxes(page_words(pdf, page), changed_text(paragraphs[line - 1][start:end], placement.rewrite))
        assert any(all(colored_share(image, box, 2) > 0.5 for box in boxes) for boxes in runs), (placement.rewrite, runs)
        checked += 1
    assert checked >= 3
    body = phrase_boxes(page_words(pdf, 1), "Älvdala kommun erbjuder i dag")[0]  # unchanged text stays black
    assert all(colored_share(images.get(1) or ppm_pixels(rendered(pdf, 1, 144, "ppm", tmp_path)), box, 2) < 0.1 for box in body)


def changed_text(words: str, rewrite: str) -> str:
    """What a tracked change of ``annotate --suggest`` shows in colour: the words it deletes and
    those it inserts; only what it adds when the rewrite keeps the words ("WCAG 2.1" → "WCAG
    2.1 eller likvärdigt")."""
    if rewrite.startswith(words):
        return rewrite[len(words) :]
    if rewrite.endswith(words):
        return rewrite[: len(rewrite) - len(words)]
    return words + rewrite


@needs_poppler
def test_the_annotated_example_renders_to_a_png(converted, tmp_path: Path) -> None:
    """A page of the annotated example as an image, as docs/img/annotate-libreoffice.png shows it
    (made by this test: KRAVKOLL_SCREENSHOTS=docs/img python -m pytest tests/test_annotate_libreoffice.py)."""
    _data, pdf, _odt = converted[f"suggested-{SHOWN}"]
    png = rendered(pdf, 1, 96, "png", tmp_path)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == (816, 1056)  # a US Letter page at 96 dpi
    width, height, pixels = ppm_pixels(rendered(pdf, 1, 96, "ppm", tmp_path))
    inked = sum(min(pixels[i : i + 3]) < 200 for i in range(0, len(pixels), 3)) / (width * height)
    assert 0.02 < inked < 0.5  # text, not a blank or black page
    keep = os.environ.get("KRAVKOLL_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        (Path(keep) / "annotate-libreoffice.png").write_bytes(png)
