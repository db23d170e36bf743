"""``kravkoll annotate``: Word comments on the words each finding is about.

Comments are read back with python-docx (author, text) and with an anchored-text reader of
the test's own (the text between a comment's range start and end, in document order), on the
example documents and on a document built here with everything the reader has rules for:
tabs, breaks, fields, hyperlinks, smart tags, soft hyphens, symbols, tracked changes, moves,
content controls, text boxes, nested tables, footnotes, runs in several formats and comments.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx_builder import add_footnotes, add_list, add_text_box, new_document, number, to_bytes
from lxml import etree

from checker import check
from checker.cli import main
from checker.document import Document, Statement
from checker.engine import check_each
from checker.readers.docx import paragraph_pieces, read_docx, read_word
from checker.report import Finding
from checker.reporters.docx_annotate import AUTHOR, Annotated, annotate, annotate_reading, read_for_annotation, rewrites_of
from checker.reporters.labels import Labels

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
EXAMPLE_DOCUMENTS = sorted(EXAMPLES.glob("*.docx"))
RULE_ID = re.compile(r"\b([a-z]+-[a-z]+/[A-Z]+\d+)\b")
_SKIPPED = {qn("w:del"), qn("w:moveFrom"), qn("w:pPr"), qn("w:rPr"), qn("w:instrText"), "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"}
_ONE_SPACE = {qn("w:tab"), qn("w:ptab"), qn("w:br"), qn("w:cr")}


# ---- reading comments back ------------------------------------------------------------------


def anchored_texts(root: etree._Element) -> dict[int, str]:
    """Comment id → the text its range covers, paragraphs ended by a newline. Written apart
    from the reader: visible text of runs, a tab or break as a space, a non-breaking hyphen as
    "-", deleted and moved-away text, field codes and fallback copies left out."""
    texts: dict[int, list[str]] = {}
    open_ids: set[int] = set()

    def add(text: str) -> None:
        for comment in open_ids:
            texts[comment].append(text)

    def walk(element: etree._Element) -> None:
        for child in element:
            tag = child.tag
            if tag in _SKIPPED:
                continue
            if tag == qn("w:commentRangeStart"):
                open_ids.add(int(child.get(qn("w:id"))))
                texts.setdefault(int(child.get(qn("w:id"))), [])
            elif tag == qn("w:commentRangeEnd"):
                open_ids.discard(int(child.get(qn("w:id"))))
            elif tag == qn("w:t"):
                add(child.text or "")
            elif tag in _ONE_SPACE:
                add(" ")
            elif tag == qn("w:noBreakHyphen"):
                add("-")
            else:
                walk(child)
                if tag == qn("w:p"):
                    add("\n")

    walk(root)
    return {comment: "".join(parts).strip("\n") for comment, parts in texts.items()}


def comments_of(data: bytes) -> list[tuple[int, str, str, str]]:
    """(id, author, text, anchored text) of each comment of a .docx, in the comments part's order."""
    word = docx.Document(io.BytesIO(data))
    roots = [word.element]
    reading = read_word(data, "annotated.docx")
    roots.extend(reading.notes)
    anchored: dict[int, str] = {}
    for root in roots:
        anchored.update(anchored_texts(root))
    return [(c.comment_id, c.author, c.text, anchored.get(c.comment_id, "")) for c in word.comments]


def flat(text: str) -> str:
    """A match or an anchored text without cell separators and line structure."""
    return " ".join(text.replace(" | ", " ").strip(" |").split())


def paragraph_formats(data: bytes) -> list[list[tuple[str, bytes]]]:
    """Each paragraph's text as the reader reads it, character by character, with its run's properties."""
    result = []
    for p in read_word(data, "x.docx").paragraphs:
        text, pieces = paragraph_pieces(p)
        chars = []
        for piece in pieces:
            properties = piece.element.getparent().find(qn("w:rPr"))
            serialized = etree.tostring(properties) if properties is not None else b""
            chars.extend((char, serialized) for char in text[piece.start : piece.end])
        result.append(chars)
    return result


def placed(source: bytes, findings: list[Finding]) -> Annotated:
    """``source`` annotated with ``findings``, and where each comment went."""
    return annotate_reading(read_word(source, "test.docx", editable=True), findings)


def finding_on(statement: Statement, match: str, *, start: int | None = None, message: str | None = None) -> Finding:
    """A made-up finding on ``match`` in a statement (its first occurrence unless ``start``),
    located as the engine locates matches."""
    start = statement.text.index(match) if start is None else start
    return Finding(
        rule="test/W1",
        title="t",
        category="unmeasurable",
        severity="info",
        message=message or f'on "{match}"',
        file="test.docx",
        location=statement.location_at(start),
        text=statement.text,
        match=match,
        statement=statement.index,
        fingerprint="0",
    )


def word_findings(document: Document) -> list[Finding]:
    """A made-up finding on every word of every statement."""
    return [finding_on(statement, word.group(), start=word.start()) for statement in document.statements for word in re.finditer(r"[^\s|]+", statement.text)]


def cross_findings(document: Document) -> list[Finding]:
    """Made-up findings on words that run on from one paragraph of a cell, or one cell, to the next."""
    row = next(s for s in document.statements if s.kind == "table_row" and "dygnet" in s.text)
    return [finding_on(row, match) for match in ("tillgängligt dygnet runt", "K1 | Systemet ska", "runt. Inre tabell")]


# ---- the example documents ------------------------------------------------------------------


def quoted(finding: Finding) -> bool:
    """Whether the finding's message or suggestion quotes its match (it is about those words)."""
    return bool(finding.match) and f'"{finding.match}"' in finding.message + (finding.suggestion or "")


@pytest.mark.parametrize("path", EXAMPLE_DOCUMENTS, ids=lambda p: p.name)
def test_each_example_gets_one_comment_per_finding_on_its_words_or_its_sentence_and_one_summary(path: Path) -> None:
    expected = json.loads(path.with_name(path.name + ".expected.json").read_text(encoding="utf-8"))
    source = path.read_bytes()
    report = check([path])
    annotated = annotate(source, report.findings, path=str(path))
    first_statement = read_docx(source, str(path)).statements[0].text
    assert sorted((f.rule, f.match) for f in report.active()) == sorted((row["rule"], row["match"]) for row in expected)

    comments = comments_of(annotated)
    assert all(author == AUTHOR for _, author, _, _ in comments)
    whole = [f for f in report.active() if f.location is None]
    located = [f for f in report.active() if f.location is not None]
    if whole:  # one summary comment, the first, on the title: a numbered line per finding with its message
        (_, _, summary, anchored), comments = comments[0], comments[1:]
        assert flat(anchored) == flat(first_statement)
        lines = summary.split("\n")
        assert len(lines) == 1 + len(whole) and f"({len(whole)})" in lines[0]
        for number, (finding, line) in enumerate(zip(whole, lines[1:]), 1):
            assert line.startswith(f"{number}. {' '.join(finding.message.split())}") and finding.rule in line
    assert len(comments) == len(located)
    for finding, (_, _, text, anchored) in zip(located, comments):  # one comment per finding, in order
        assert flat(anchored) == flat(finding.match if quoted(finding) else finding.text), (finding.rule, anchored)
        lines = text.split("\n")
        assert lines[0] == " ".join(finding.message.split())
        assert len(lines) == (3 if finding.suggestion else 2)
        assert not finding.suggestion or lines[1].endswith(" " + " ".join(finding.suggestion.split()))
        assert lines[-1].split(" ")[1] == finding.rule


def test_a_requirement_without_an_id_is_commented_on_its_sentence_not_on_its_subject() -> None:
    path = EXAMPLES / "sv-forfragningsunderlag.improved.docx"  # it numbers its requirements but two
    findings = [f for f in check([path]).findings if f.rule == "sv-krav/KR007"]
    assert {f.match for f in findings} == {"anbudsgivare", "Leverantören"}
    result = placed(path.read_bytes(), findings)
    anchored = [text for _, _, _, text in comments_of(result.data)]
    assert [p.anchor for p in result.placements] == ["statement"] * len(findings)
    assert anchored == [f.text for f in findings] and all(" ska " in text or " bör " in text or " åtar " in text for text in anchored)


def test_a_document_that_numbers_no_requirement_is_told_once(tmp_path: Path) -> None:
    path = tmp_path / "kravspecifikation.md"
    path.write_text(
        "# Kravspecifikation\n\nLeverantören ska åtgärda fel inom 4 timmar.\n\n"
        "Leverantören ska svara på ärenden inom 1 arbetsdag.\n\nLeverantören ska lämna en månadsrapport senast den 5:e varje månad.\n",
        encoding="utf-8",
    )
    rules = [f.rule for f in check([path]).findings]
    assert "sv-krav/KR007" not in rules and rules.count("sv-krav/KR020") == 1
    # The example numbers its sections (1.1 … 5.2): its requirements are cited by them.
    example = [f.rule for f in check([EXAMPLES / "sv-forfragningsunderlag.docx"]).findings]
    assert "sv-krav/KR007" not in example and "sv-krav/KR020" not in example


@pytest.mark.parametrize("path", EXAMPLE_DOCUMENTS, ids=lambda p: p.name)
def test_annotating_an_annotated_copy_replaces_kravkolls_comments(path: Path) -> None:
    source = path.read_bytes()
    findings = check([path]).findings
    once = annotate(source, findings, path=str(path))
    again = read_word(once, str(path), editable=True)
    result = annotate_reading(again, check([again.document]).findings)
    strip = [(author, text, anchored) for _, author, text, anchored in comments_of(once)]
    assert [(author, text, anchored) for _, author, text, anchored in comments_of(result.data)] == strip
    assert result.replaced == len(strip) == result.comments
    assert paragraph_formats(result.data) == paragraph_formats(source)


@pytest.mark.parametrize("path", EXAMPLE_DOCUMENTS, ids=lambda p: p.name)
def test_annotated_example_has_the_same_text_formats_and_findings(path: Path) -> None:
    source = path.read_bytes()
    before = check([path])
    annotated = annotate(source, before.findings, path=str(path))
    assert paragraph_formats(annotated) == paragraph_formats(source)
    after = check([read_docx(annotated, str(path))])
    assert [(f.rule, f.location, f.match) for f in after.findings] == [(f.rule, f.location, f.match) for f in before.findings]


@pytest.mark.parametrize("path", EXAMPLE_DOCUMENTS, ids=lambda p: p.name)
def test_every_word_of_every_example_statement_maps_to_its_runs(path: Path) -> None:
    source = path.read_bytes()
    document = read_docx(source, str(path))
    findings = word_findings(document)
    result = placed(source, findings)
    assert [p.anchor for p in result.placements] == ["match"] * len(findings)
    anchored = {comment_id: text for comment_id, _, _, text in comments_of(result.data)}
    assert [anchored[p.comment_id] for p in result.placements] == [f.match for f in findings]


def test_comment_text_is_message_suggestion_and_rule_in_the_documents_language() -> None:
    path = EXAMPLES / "sv-avtal-sla.docx"
    report = check([path])
    finding = next(f for f in report.findings if f.match == "god kvalitet")
    [(_, author, text, anchored)] = comments_of(annotate(path.read_bytes(), [finding]))
    assert (author, anchored) == ("kravkoll", "god kvalitet")
    assert text == f"{finding.message}\nFörslag: {finding.suggestion}\nRegel sv-krav/KR001 · Varning · 3 Avtalets omfattning, stycke 13 · Binder leverantören"
    english = EXAMPLES / "en-sow.docx"
    finding = check([english]).findings[-1]
    [(_, _, text, _)] = comments_of(annotate(english.read_bytes(), [finding]))
    assert text.split("\n")[1:] == [
        f"Suggestion: {finding.suggestion}",
        f"Rule {finding.rule} · {finding.severity.capitalize()} · {Labels('en').place(finding.location, 'docx')}",
    ]


# ---- a document with everything the reader has a rule for ----------------------------------


def _p(xml: str):
    return parse_xml(f"<w:p {nsdecls('w')}>{xml}</w:p>")


def _run(text: str, properties: str = "") -> str:
    return f'<w:r>{f"<w:rPr>{properties}</w:rPr>" if properties else ""}<w:t xml:space="preserve">{text}</w:t></w:r>'


def tricky_document() -> bytes:
    d = new_document()
    d.add_heading("Krav  på   driften", 1)
    body = d.element.body
    section_properties = body[-1]
    paragraphs = [
        # runs in several formats, a tab and a break inside one run
        _run("Leverantören ska ") + _run("sva", "<w:b/>") + '<w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">ra inom</w:t>'
        '<w:tab/><w:t>fyra</w:t><w:br/><w:t xml:space="preserve">timmar efter anmälan.</w:t></w:r>',
        # a complex field (its code is not text, its result is) and a simple field
        _run("Se avsnitt ") + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> REF _Ref1 \\h </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + _run("4.2", '<w:u w:val="single"/>')
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        + _run(" och sidan ")
        + '<w:fldSimple w:instr=" MERGEFIELD Sida "><w:r><w:t>7</w:t></w:r></w:fldSimple>'
        + _run(" för detaljer."),
        # a hyperlink, a smart tag, a soft hyphen, a symbol and a non-breaking hyphen
        _run("Rapporten publiceras på ")
        + '<w:hyperlink w:anchor="top">'
        + _run("webb", '<w:rStyle w:val="Hyperlink"/>')
        + _run("platsen")
        + "</w:hyperlink>"
        + _run(" i ")
        + '<w:smartTag w:uri="urn:x" w:element="place">'
        + _run("Stock")
        + '<w:r><w:softHyphen/><w:t>holm</w:t></w:r></w:smartTag><w:r><w:sym w:font="Symbol" w:char="F0B7"/>'
        '<w:t xml:space="preserve"> via e</w:t><w:noBreakHyphen/><w:t>post.</w:t></w:r>',
        # tracked changes: a deletion, an insertion, a move
        _run("Avtalet gäller ") + '<w:del w:id="101" w:author="A"><w:r><w:delText>två</w:delText></w:r></w:del>'
        '<w:ins w:id="102" w:author="A">'
        + _run("tre")
        + "</w:ins>"
        + _run(" år från ")
        + '<w:moveFrom w:id="103" w:author="A">'
        + _run("start")
        + '</w:moveFrom><w:moveTo w:id="104" w:author="A">'
        + _run("tecknandet")
        + "</w:moveTo>"
        + _run("."),
        # an inline content control
        "<w:sdt><w:sdtPr/><w:sdtContent>" + _run("Kommunen") + "</w:sdtContent></w:sdt>" + _run(" beställer tjänsten årligen."),
    ]
    for xml in paragraphs:
        section_properties.addprevious(_p(xml))
    boxed = d.add_paragraph("Före rutan står detta.")
    add_text_box(boxed, ["Rutan säger att felen ska rättas.", "Och rapporteras."])
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Krav-id", "Krav"
    table.cell(1, 0).text = "K1"
    cell = table.cell(1, 1)
    cell.paragraphs[0].text = "Systemet ska vara tillgängligt"
    cell.add_paragraph("dygnet runt.")
    inner = cell.add_table(rows=1, cols=2)
    inner.cell(0, 0).text, inner.cell(0, 1).text = "Inre", "tabell med text"
    noted = d.add_paragraph("Leverantören ska följa lagen.")
    add_footnotes(d, noted, ["Se lagen om offentlig upphandling."])
    return to_bytes(d)


def test_every_word_of_a_tricky_document_maps_to_its_runs_and_formats_are_kept() -> None:
    source = tricky_document()
    document = read_docx(source, "tricky.docx")
    findings = word_findings(document)
    result = placed(source, findings)
    anchored = {comment_id: text for comment_id, _, _, text in comments_of(result.data)}
    in_note = document.statements[-1].index  # the footnote: its comments go on its reference mark
    assert {"Krav", "på", "driften"} <= {f.match for f in findings}  # the heading's spaces are collapsed: found by search
    assert [(p.anchor, anchored[p.comment_id]) for p in result.placements] == [("note", "") if f.statement == in_note else ("match", f.match) for f in findings]
    assert paragraph_formats(result.data) == paragraph_formats(source)
    assert [(s.text, s.location) for s in read_docx(result.data, "tricky.docx").statements] == [(s.text, s.location) for s in document.statements]
    # each word is a whole field result, hyperlink, smart tag, insertion, move or content
    # control, or plain runs: every mark stands in the paragraph itself, none inside a wrapper
    root = docx.Document(io.BytesIO(result.data)).element
    marks = [*root.iter(qn("w:commentRangeStart"), qn("w:commentRangeEnd")), *(mark.getparent() for mark in root.iter(qn("w:commentReference")))]
    assert len(marks) == 3 * len(findings)
    assert {etree.QName(mark.getparent()).localname for mark in marks} == {"p"}


def test_a_match_inside_a_hyperlink_is_marked_inside_it_and_one_in_a_field_result_around_the_field() -> None:
    source = tricky_document()
    document = read_docx(source, "tricky.docx")

    def marks_of(text: str, match: str) -> tuple[list[str], str]:
        statement = next(s for s in document.statements if match in s.text and s.text.startswith(text))
        annotated = annotate(source, [finding_on(statement, match)])
        root = docx.Document(io.BytesIO(annotated)).element
        start = next(root.iter(qn("w:commentRangeStart")))
        return [etree.QName(a).localname for a in start.iterancestors()][:1], comments_of(annotated)[0][3]

    assert marks_of("Rapporten", "platsen") == (["hyperlink"], "platsen")
    assert marks_of("Rapporten", "webbplatsen i") == (["p"], "webbplatsen i")
    assert marks_of("Se avsnitt", "4.") == (["p"], "4.2")  # the whole field: its result is remade when it is updated


def test_a_match_over_runs_in_several_formats_keeps_each_format() -> None:
    source = tricky_document()
    document = read_docx(source, "tricky.docx")
    statement = next(s for s in document.statements if s.text.startswith("Leverantören ska svara"))
    annotated = annotate(source, [finding_on(statement, "ska svara inom fyra")])
    [(_, _, _, anchored)] = comments_of(annotated)
    assert anchored == "ska svara inom fyra"
    word = docx.Document(io.BytesIO(annotated))
    p = word.paragraphs[1]._p
    runs = [
        (r.findtext(qn("w:t")), r.find(qn("w:rPr")) is not None and r.find(qn("w:rPr")).find(qn("w:b")) is not None)
        for r in p.iter(qn("w:r"))
        if r.find(qn("w:t")) is not None
    ]
    assert runs[:3] == [("Leverantören ", False), ("ska ", False), ("sva", True)]
    children = [etree.QName(child).localname for child in p]
    assert children[:6] == ["r", "commentRangeStart", "r", "r", "r", "commentRangeEnd"]
    assert children[6] == "r" and p[6].find(qn("w:commentReference")) is not None


def test_a_match_running_on_into_the_next_paragraph_of_a_cell_or_the_next_cell() -> None:
    source = tricky_document()
    result = placed(source, cross_findings(read_docx(source, "tricky.docx")))
    assert [p.anchor for p in result.placements] == ["match"] * 3
    assert [anchored for _, _, _, anchored in comments_of(result.data)] == ["tillgängligt\ndygnet runt", "K1\nSystemet ska", "runt.\nInre\ntabell"]


def test_footnote_findings_are_commented_on_the_notes_reference_mark() -> None:
    source = tricky_document()
    document = read_docx(source, "tricky.docx")
    note = document.statements[-1]
    assert note.text == "Se lagen om offentlig upphandling."
    result = placed(source, [finding_on(note, "lagen")])
    assert result.placements[0].anchor == "note"
    word = docx.Document(io.BytesIO(result.data))
    p = word.paragraphs[-1]._p
    assert [etree.QName(child).localname for child in p][-4:] == ["commentRangeStart", "r", "commentRangeEnd", "r"]
    assert p[-3].find(qn("w:footnoteReference")) is not None and p[-1].find(qn("w:commentReference")) is not None
    assert b"comment" not in etree.tostring(read_word(result.data, "x").notes[0])


# ---- where comments without a located match go --------------------------------------------


def test_missing_clause_on_the_first_statement_and_no_match_on_the_statement() -> None:
    source = tricky_document()
    document = read_docx(source, "tricky.docx")
    statement = next(s for s in document.statements if s.text.startswith("Kommunen"))
    whole = Finding(
        rule="test/D1", title="t", category="missing-clause", severity="warning", message="Saknas.", file="t", location=None, match="tre", fingerprint="0"
    )
    unmatched = Finding(
        rule="test/S1",
        title="t",
        category="unmeasurable",
        severity="warning",
        message="Oklart.",
        file="t",
        location=statement.location,
        text=statement.text,
        statement=statement.index,
        fingerprint="1",
    )
    result = placed(source, [whole, unmatched])
    assert [p.anchor for p in result.placements] == ["document", "statement"]
    assert [anchored for _, _, _, anchored in comments_of(result.data)] == ["Krav  på   driften", statement.text]


def test_a_match_not_where_its_location_says_is_found_in_the_paragraph_else_the_statement() -> None:
    source = tricky_document()
    document = read_docx(source, "tricky.docx")
    statement = next(s for s in document.statements if s.text.startswith("Kommunen"))
    moved = statement.location.model_copy(update={"column": 3})
    elsewhere = Finding(
        rule="test/R1", title="t", category="unmeasurable", severity="info", message="m", file="t", location=moved, match="årligen", fingerprint="0"
    )
    absent = Finding(
        rule="test/R2",
        title="t",
        category="unmeasurable",
        severity="info",
        message="m",
        file="t",
        location=moved,
        match="månadsvis",
        text=statement.text,
        statement=statement.index,
        fingerprint="1",
    )
    result = placed(source, [elsewhere, absent])
    assert [(p.anchor, a) for p, (_, _, _, a) in zip(result.placements, comments_of(result.data))] == [("match", "årligen"), ("statement", statement.text)]


def test_auto_numbered_id_cell_label_is_not_text_so_the_row_is_commented_on_its_text() -> None:
    d = new_document()
    add_list(d, 1, 1, [("decimal", "K%1")])
    table = d.add_table(rows=1, cols=2)
    number(table.cell(0, 0).paragraphs[0], 1)
    table.cell(0, 1).text = "Systemet ska vara snabbt."
    source = to_bytes(d)
    row = read_docx(source, "t.docx").statements[0]
    assert row.text == "K1 | Systemet ska vara snabbt."
    result = placed(source, [finding_on(row, "K1")])
    assert result.placements[0].anchor == "statement"
    assert comments_of(result.data)[0][3] == "Systemet ska vara snabbt."


# ---- comments already in the document, suppressions -----------------------------------------


def _with_comments() -> bytes:
    d = new_document()
    d.add_heading("Avtal", 1)
    first = d.add_paragraph("Leverantören ska svara skyndsamt på alla frågor.")
    d.add_comment(first.runs, text="Granskas av juristen.", author="Anna", initials="AA")
    second = d.add_paragraph("Leverantören ska hålla god kvalitet.")
    d.add_comment(second.runs, text="kravkoll: ignore sv-krav/KR001 -- definieras i bilaga 2", author="Anna")
    third = d.add_paragraph("Leverantören ska ha god kännedom om verksamheten.")
    unanchored = d.comments.add_comment("En kommentar med högt id.", author="Bo")
    unanchored._comment_elm.set(qn("w:id"), "40")
    third._p.append(parse_xml(f'<w:commentRangeStart {nsdecls("w")} w:id="57"/>'))  # a mark whose comment is gone
    return to_bytes(d)


def test_existing_comments_are_kept_and_new_ids_follow_every_id_in_use() -> None:
    source = _with_comments()
    report = check([read_docx(source, "avtal.docx")])
    assert any(f.suppressed for f in report.findings) and report.active()
    annotated = annotate(source, report.findings)
    comments = comments_of(annotated)
    old = [(i, author, text) for i, author, text, _ in comments if author != AUTHOR]
    assert old == [
        (0, "Anna", "Granskas av juristen."),
        (1, "Anna", "kravkoll: ignore sv-krav/KR001 -- definieras i bilaga 2"),
        (40, "Bo", "En kommentar med högt id."),
    ]
    assert [anchored for i, _, _, anchored in comments if i == 0] == ["Leverantören ska svara skyndsamt på alla frågor."]
    new = [i for i, author, _, _ in comments if author == AUTHOR]
    assert new == list(range(58, 58 + len(report.active())))
    assert all("KR001" not in text or "god kännedom" in anchored for _, author, text, anchored in comments if author == AUTHOR)
    assert not any(anchored == "god kvalitet" for _, author, _, anchored in comments if author == AUTHOR)
    assert check([read_docx(annotated, "avtal.docx")]).findings == report.findings


# ---- the command ----------------------------------------------------------------------------


def _digest(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def _parts(data: bytes) -> dict[str, bytes]:
    """A package's parts, the times of its comments and tracked changes left out."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: re.sub(rb' w:date="[^"]*"', b"", package.read(name)) for name in package.namelist()}


def test_dash_writes_the_copy_to_standard_output_not_to_a_file_named_dash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``-o -`` wrote a file named "-" and said "Wrote -", where every other command (and the
    README's Files section) reads '-' as standard output; on a terminal it is refused."""
    monkeypatch.chdir(tmp_path)
    original = EXAMPLES / "sv-avtal-sla.docx"
    piped = CliRunner().invoke(main, ["annotate", str(original), "-o", "-"])
    assert piped.exit_code == 0, piped.stderr
    assert piped.stderr.startswith("Wrote standard output: 12 comments")
    assert not (tmp_path / "-").exists()
    assert CliRunner().invoke(main, ["annotate", str(original), "-o", "kopia.docx"]).exit_code == 0
    assert _parts(piped.stdout_bytes) == _parts((tmp_path / "kopia.docx").read_bytes())  # times may differ
    with monkeypatch.context() as patched:  # the test runner's standard output as a terminal
        patched.setattr("click.testing._NamedTextIOWrapper.isatty", lambda self: True, raising=False)
        terminal = CliRunner().invoke(main, ["annotate", str(original), "-o", "-"])
    assert terminal.exit_code == 2 and terminal.stdout_bytes == b""
    assert terminal.stderr.strip() == "kravkoll: -: the copy is a Word file, not text for a terminal; redirect standard output (> copy.docx) or give -o FILE"


def test_command_writes_the_copy_and_never_touches_the_original(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    original = tmp_path / "avtal.docx"
    original.write_bytes((EXAMPLES / "sv-avtal-sla.docx").read_bytes())
    before = _digest(original)
    result = CliRunner().invoke(main, ["annotate", str(original), "-o", str(tmp_path / "granskat.docx")])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == (
        f"Wrote {tmp_path / 'granskat.docx'}: 12 comments (one of them sums up the 8 findings about the whole document, at its start)."
    )
    assert _digest(original) == before
    assert len(comments_of((tmp_path / "granskat.docx").read_bytes())) == 12
    monkeypatch.chdir(tmp_path)
    assert CliRunner().invoke(main, ["annotate", "avtal.docx"]).exit_code == 0
    assert (tmp_path / "avtal.kravkoll.docx").is_file()
    assert _digest(original) == before


def test_command_refuses_to_write_over_its_input_by_any_path(tmp_path: Path) -> None:
    original = tmp_path / "avtal.docx"
    original.write_bytes((EXAMPLES / "sv-avtal-sla.docx").read_bytes())
    (tmp_path / "sub").mkdir()
    (tmp_path / "länk.docx").symlink_to(original)
    os.link(original, tmp_path / "hård.docx")
    before = _digest(original)
    for target in (original, tmp_path / "sub" / ".." / "avtal.docx", tmp_path / "länk.docx", tmp_path / "hård.docx"):
        result = CliRunner().invoke(main, ["annotate", str(original), "-o", str(target)])
        assert result.exit_code == 2
        assert result.output == (
            f"kravkoll: {target}: would overwrite the input {original}; kravkoll never writes over its inputs (choose another output file)\n"
        )
    assert _digest(original) == before


def test_command_errors_are_one_line_with_exit_code_2(tmp_path: Path) -> None:
    runner = CliRunner()
    broken = tmp_path / "trasig.docx"
    broken.write_bytes(b"PK\x03\x04 not really")
    cases = {
        str(tmp_path / "saknas.docx"): "no such file",
        str(EXAMPLES / "sv-avtal-sla.md"): "annotate writes comments into Word documents: give it a .docx file",
        str(broken): "is corrupt or truncated",
    }
    for path, reason in cases.items():
        result = runner.invoke(main, ["annotate", path, "-o", str(tmp_path / "ut.docx")])
        assert result.exit_code == 2 and result.output.count("\n") == 1 and reason in result.output, result.output
    unwritable = runner.invoke(main, ["annotate", str(EXAMPLES / "sv-avtal-sla.docx"), "-o", str(tmp_path / "saknas" / "ut.docx")])
    assert unwritable.exit_code == 2
    assert unwritable.output == f"kravkoll: {tmp_path / 'saknas' / 'ut.docx'}: cannot write: No such file or directory\n"
    assert not (tmp_path / "ut.docx").exists() and sorted(p.name for p in tmp_path.iterdir()) == ["trasig.docx"]


def test_command_takes_the_ruleset_options_and_kravkoll_toml(tmp_path: Path) -> None:
    document = tmp_path / "avtal.docx"
    document.write_bytes((EXAMPLES / "sv-avtal-sla.docx").read_bytes())
    runner = CliRunner()

    def rules_commented(*options: str) -> list[str]:
        result = runner.invoke(main, ["annotate", str(document), "-o", str(tmp_path / "ut.docx"), *options])
        assert result.exit_code == 0, result.output
        return sorted({rule for _, _, text, _ in comments_of((tmp_path / "ut.docx").read_bytes()) for rule in RULE_ID.findall(text)})

    everything = rules_commented()
    assert "sv-krav/KR001" in everything and "sv-avtal/AV004" in everything
    assert rules_commented("--select", "sv-krav/KR001") == ["sv-krav/KR001"]
    assert "sv-krav/KR001" not in rules_commented("--ignore", "KR001")
    (tmp_path / "kravkoll.toml").write_text('ignore = ["sv-avtal/*"]\n', encoding="utf-8")
    assert not any(rule.startswith("sv-avtal/") for rule in rules_commented())
    (tmp_path / "annan.toml").write_text("", encoding="utf-8")
    assert rules_commented("--config", str(tmp_path / "annan.toml")) == everything


# ---- suggestions as tracked changes ---------------------------------------------------------


def suggested(path: Path) -> tuple[bytes, Annotated]:
    """An example annotated with its shipped rulesets' rewrites, as ``annotate --suggest`` does."""
    source = path.read_bytes()
    result = next(check_each([read_for_annotation(source, str(path)).document]))
    return source, annotate_reading(read_for_annotation(source, str(path)), result.findings, rewrites=rewrites_of(result.rulesets))


def paragraph_texts(data: bytes) -> list[str]:
    """Each paragraph's text as the reader reads it: inserted text in, deleted text out, as
    when every tracked change is accepted."""
    return [paragraph_pieces(p)[0] for p in read_word(data, "x.docx").paragraphs]


def rewritten(texts: list[str], placements: list) -> list[str]:
    """``texts`` with each placement's words replaced by its rewrite."""
    result = list(texts)
    for placement in sorted((p for p in placements if p.rewrite), key=lambda p: p.start, reverse=True):
        (line, start), (_, end) = placement.start, placement.end
        result[line - 1] = result[line - 1][:start] + placement.rewrite + result[line - 1][end:]
    return result


@pytest.mark.parametrize("path", EXAMPLE_DOCUMENTS, ids=lambda p: p.name)
def test_suggest_puts_each_rewrite_in_as_a_tracked_change_by_kravkoll(path: Path) -> None:
    source, result = suggested(path)
    changes = [p for p in result.placements if p.rewrite]
    assert all(p.anchor == "match" and p.start[0] == p.end[0] for p in changes)
    assert all("[" in p.rewrite or p.finding.match in p.rewrite for p in changes)  # a placeholder or the words kept: no invented value
    root = docx.Document(io.BytesIO(result.data)).element
    revisions = [element for element in root.iter(qn("w:ins"), qn("w:del")) if element.get(qn("w:author")) == AUTHOR]
    assert len({element.get(qn("w:id")) for element in revisions}) == len(revisions) >= len(changes)
    # accepted, the copy reads as the rewritten text; rejected, as the original, with the same findings
    assert paragraph_texts(result.data) == rewritten(paragraph_texts(source), result.placements)
    rejected = read_for_annotation(result.data, str(path))
    assert [paragraph_pieces(p)[0] for p in rejected.paragraphs] == paragraph_texts(source)
    assert check([rejected.document]).findings == check([path]).findings
    assert paragraph_formats(annotate(result.data, [], path=str(path))) == paragraph_formats(source)


def texts_in(element: etree._Element) -> str:
    """The text and deleted text of the runs in ``element``."""
    return "".join(t.text or "" for t in element.iter(qn("w:t"), qn("w:delText")))


def test_suggest_rewrites_vague_times_open_lists_and_standards_in_the_examples() -> None:
    changes = {(p.finding.match, p.rewrite) for path in EXAMPLE_DOCUMENTS for p in suggested(path)[1].placements if p.rewrite}
    assert {
        ("skyndsamt", "inom [X] arbetsdagar"),
        ("m.m.", "[ange hela listan]"),
        ("ISO 14001", "ISO 14001 eller likvärdigt"),
        ("in a timely manner", "within [X] business days"),
        ("etc.", "[list every item]"),
        ("ISO 14001", "ISO 14001 or equivalent"),
    } <= changes
    path = EXAMPLES / "sv-forfragningsunderlag.docx"
    root = docx.Document(io.BytesIO(suggested(path)[1].data)).element
    kept = next(i for i in root.iter(qn("w:ins")) if texts_in(i) == " eller likvärdigt")
    assert kept.getprevious().findtext(qn("w:t")).endswith("ISO 14001")  # words kept: only what is added is inserted
    deleted = next(d for d in root.iter(qn("w:del")) if texts_in(d) == "skyndsamt")
    assert texts_in(deleted.getnext()) == "inom [X] arbetsdagar" and deleted.getnext().tag == qn("w:ins")
    assert [etree.QName(e).localname for e in (deleted.getprevious(), deleted.getnext().getnext())] == ["commentRangeStart", "commentRangeEnd"]


@pytest.mark.parametrize("path", [EXAMPLES / "sv-forfragningsunderlag.docx", EXAMPLES / "en-sow.docx"], ids=lambda p: p.name)
def test_suggesting_on_a_suggested_copy_gives_the_same_changes_and_comments_once(path: Path) -> None:
    _, first = suggested(path)
    copy = read_for_annotation(first.data, str(path))
    result = next(check_each([copy.document]))
    second = annotate_reading(copy, result.findings, rewrites=rewrites_of(result.rulesets))
    assert [(a, t, x) for _, a, t, x in comments_of(second.data)] == [(a, t, x) for _, a, t, x in comments_of(first.data)]
    assert paragraph_texts(second.data) == paragraph_texts(first.data)
    assert second.suggestions == first.suggestions > 0 and second.replaced == first.comments


def test_a_rewrite_goes_in_only_over_plain_runs_and_takes_a_capital_at_a_sentence_start() -> None:
    source = tricky_document()
    document = read_docx(source, "tricky.docx")
    statement = next(s for s in document.statements if s.text.startswith("Leverantören ska svara"))
    fields = next(s for s in document.statements if s.text.startswith("Se avsnitt"))
    findings = [finding_on(statement, "inom fyra"), finding_on(statement, "Leverantören"), finding_on(fields, "4.2 och")]
    rewrites = {"test/W1": "inom [X] arbetsdagar"}
    result = placed_with(source, findings, rewrites)
    assert [p.rewrite for p in result.placements] == [None, "Inom [X] arbetsdagar", None]  # a tab inside; a field inside
    assert [a for _, _, _, a in comments_of(result.data)] == ["inom fyra", "Inom [X] arbetsdagar", "4.2 och"]  # as accepted
    assert paragraph_texts(result.data)[1].startswith("Inom [X] arbetsdagar ska svara inom fyra")


def placed_with(source: bytes, findings: list[Finding], rewrites: dict[str, str]) -> Annotated:
    return annotate_reading(read_word(source, "test.docx", editable=True), findings, rewrites=rewrites)


def test_command_suggest_option(tmp_path: Path) -> None:
    original = tmp_path / "underlag.docx"
    original.write_bytes((EXAMPLES / "sv-forfragningsunderlag.docx").read_bytes())
    runner = CliRunner()
    result = runner.invoke(main, ["annotate", "--suggest", str(original), "-o", str(tmp_path / "a.docx")])
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith("at its start); 5 suggested rewrites as tracked changes.")
    written = int(re.search(r": (\d+) comments", result.output).group(1))
    again = runner.invoke(main, ["annotate", str(tmp_path / "a.docx"), "-o", str(tmp_path / "b.docx")])
    assert again.exit_code == 0 and again.output.strip().endswith(f"; {written} earlier kravkoll comments replaced.")
    assert paragraph_texts((tmp_path / "b.docx").read_bytes()) == paragraph_texts(original.read_bytes())  # no --suggest: none kept


def _sla_with_scoped_credits() -> bytes:
    document = new_document()
    document.add_heading("4 Service levels", level=1)
    document.add_paragraph("SL-1 The Service shall be available 99.9 % of each calendar month.")
    document.add_paragraph("SL-2 The Supplier shall respond to Severity 1 tickets within 1 hour.")
    document.add_paragraph("If the Supplier fails to meet any service level, the Customer is entitled to a service credit of 5 % of the monthly fee.")
    document.add_paragraph("Service credits are the Customer's sole and exclusive remedy for any failure to meet the availability commitment.")
    return to_bytes(document)


def test_a_requirement_without_sanction_is_told_the_nearest_sanction_and_why_it_does_not_count(tmp_path: Path) -> None:
    """The comment of a missing-sanction finding names the nearest sanction and why it is not
    linked: here the credits' clause limits them to availability."""
    source = tmp_path / "sla.docx"
    source.write_bytes(_sla_with_scoped_credits())
    result = CliRunner().invoke(main, ["annotate", str(source), "-o", str(tmp_path / "out.docx")])
    assert result.exit_code == 0, result.output
    comments = [text for _, _, text, _ in comments_of((tmp_path / "out.docx").read_bytes())]
    texts = [text for text in comments if "SL-2 sets a level" in text and "what happens" in text]
    assert len(texts) == 1
    assert "Nearest sanction: 4 Service levels" in texts[0]
    assert "“If the Supplier fails to meet any service level" in texts[0]
    assert "does not count: its clause limits it to availability." in texts[0]
    assert not any("SL-1 sets a level" in text and "what happens" in text for text in comments)
