"""Every format says where a finding stands as the writer finds it: the clause number and
heading as the document shows them, then the paragraph (a .docx) or line (.md); the machine
formats keep line and column as well. Checked on a .docx with Word's automatic numbering,
whose numbers LibreOffice (standing in for Word) shows as kravkoll prints them."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from check_helpers import (
    invoke,
    work,  # noqa: F401 - a pytest fixture
)
from numbered_contract import APPENDIX_SENTENCE, CLAUSES, numbered_contract
from test_annotate import comments_of

from checker import check
from checker.readers import read_bytes
from checker.reporters.docx_annotate import annotate

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
VAGUE = CLAUSES["3.3.1"]  # "… skyndsamt.": a vague time, flagged by sv-krav
PLACE = "3.3.1 Felhantering, stycke 13"  # clause 3.3.1 (in 3.3 Felhantering), the 13th paragraph


@pytest.fixture()
def contract(work: Path) -> Path:  # noqa: F811 - the fixture above
    path = work / "avtal.docx"
    path.write_bytes(numbered_contract())
    return path


def test_the_reader_gives_each_statement_the_clause_word_numbers_it_with() -> None:
    document = read_bytes(numbered_contract(), "avtal.docx", "docx")
    clause_of = {s.text: s.location.clause for s in document.statements}
    assert {text: clause_of[text] for text in CLAUSES.values()} == {text: number for number, text in CLAUSES.items()}
    row = next(s for s in document.statements if APPENDIX_SENTENCE in s.text)
    assert (row.location.clause, row.location.heading) == ("Bilaga 2 › 1", "Felhantering")  # the appendix's own clause 1
    heading = next(s for s in document.statements if s.text == "Bilaga 2 Servicenivåer")
    assert heading.location.clause == "Bilaga 2"
    intro = document.statements[1]
    assert (intro.location.clause, intro.location.heading) == (None, "Avtal om drift och support")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_libreoffice_shows_the_numbers_kravkoll_prints(contract: Path, tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    done = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "txt:Text (encoded):UTF8",
            "--outdir",
            str(tmp_path / "out"),
            str(contract),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={**os.environ, "HOME": str(profile)},
    )
    assert done.returncode == 0, done.stderr
    shown = (tmp_path / "out" / "avtal.txt").read_text(encoding="utf-8-sig").splitlines()
    read = {s.text: s.location.clause for s in read_bytes(contract.read_bytes(), "avtal.docx", "docx").statements}
    for text in CLAUSES.values():
        [line] = [line.strip() for line in shown if line.strip().endswith(text)]
        number = line.removesuffix(text).strip()  # the number as the word processor shows it
        assert number in CLAUSES and CLAUSES[number] == text and read[text] == number
    placed = [f.location.clause for f in check([contract]).findings if f.text == VAGUE]
    assert placed and set(placed) == {"3.3.1"}
    assert "    1 Felhantering" in shown and "Bilaga 2 Servicenivåer" in shown  # the appendix's clause 1


def test_check_names_the_clause_in_every_format(contract: Path) -> None:
    text = invoke("check", "avtal.docx").stdout.splitlines()
    first = next(i for i, line in enumerate(text) if line.startswith("avtal.docx:13:"))  # line:col stay
    assert f"    Var: {PLACE} · Binder leverantören" in text[first : first + 5]  # and whom the statement binds

    report = json.loads(invoke("check", "avtal.docx", "-f", "json").stdout)
    located = [f["location"] for f in report["findings"] if f["text"] == VAGUE]
    assert located and all((loc["line"], loc["paragraph"], loc["clause"], loc["heading"]) == (13, 13, "3.3.1", "Felhantering") for loc in located)
    assert all(isinstance(loc["column"], int) for loc in located)

    sarif = json.loads(invoke("check", "avtal.docx", "-f", "sarif").stdout)
    results = [r for r in sarif["runs"][0]["results"] if r["properties"].get("statement") == VAGUE]
    assert results and all(f"Var: {PLACE}" in r["message"]["text"].splitlines() for r in results)
    assert all(r["properties"]["clause"] == "3.3.1" and r["locations"][0]["physicalLocation"]["region"]["startLine"] == 13 for r in results)

    github = [line for line in invoke("check", "avtal.docx", "-f", "github").stdout.splitlines() if ",line=13," in line]
    assert github and all(f"%0AVar: {PLACE}" in line for line in github)

    junit = ET.fromstring(invoke("check", "avtal.docx", "-f", "junit").stdout)
    described = "\n".join(element.text or "" for element in junit.iter() if element.tag in ("failure", "system-out"))
    assert "avtal.docx:13:" in described and f"    Var: {PLACE}" in described


def test_the_matrix_names_the_clause_and_paragraph_in_every_format(contract: Path) -> None:
    md = invoke("matrix", "avtal.docx").stdout
    [row] = [line for line in md.splitlines() if VAGUE in line]
    assert f"| 3.3.1 | {PLACE} |" in row
    assert "3.3.2, stycke 14 (samma avsnitt: 3.3 Felhantering)" in row  # its follow-up, in clause 3.3.2
    assert not re.search(r"\brad \d", md)  # a .docx has paragraphs: one name for the unit

    rows = list(csv.DictReader(io.StringIO(invoke("matrix", "avtal.docx", "-f", "csv").stdout)))
    [row] = [r for r in rows if r["text"] == VAGUE]
    assert (row["clause"], row["place"], row["line"]) == ("3.3.1", "3.3.1 Felhantering, paragraph 13", "13")
    assert row["follow_up"].startswith("3.3.2, paragraph 14 (")
    assert not any(re.search(r"\bline \d", r["follow_up"] + r["sanction"]) for r in rows)

    html = invoke("matrix", "avtal.docx", "-f", "html").stdout
    assert f'<td data-label="Var" class="where">{PLACE}</td>' in html

    matrix = json.loads(invoke("matrix", "avtal.docx", "-f", "json").stdout)
    [found] = [r for r in matrix["documents"][0]["requirements"] if r["text"] == VAGUE]
    assert (found["location"]["clause"], found["location"]["line"]) == ("3.3.1", 13)


def test_the_report_and_the_word_comments_name_the_clause(contract: Path) -> None:
    assert invoke("report", "avtal.docx", "-o", "avtal.html").exit_code == 0
    html = Path("avtal.html").read_text(encoding="utf-8")
    assert f'<p class="finding-where">{PLACE} · Binder leverantören</p>' in html
    report = check([contract])
    vague = [f for f in report.findings if f.text == VAGUE]
    comments = comments_of(annotate(contract.read_bytes(), vague))
    assert comments and all(text.endswith(f" · {PLACE} · Binder leverantören") for _, _, text, _ in comments)


def test_a_pdf_finding_stands_in_its_clause_on_its_page(work: Path) -> None:  # noqa: F811
    from pdf_builder import make_pdf

    (work / "avtal.pdf").write_bytes(
        make_pdf(
            [
                ["Avtal om support", "", "1 Parter", "", "Kommunen och leverantören är parter."],
                ["4 Drift", "", "4.2 Felhantering", "", "Leverantören ska åtgärda fel skyndsamt."],
            ]
        )
    )
    lines = invoke("check", "avtal.pdf").stdout.splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("avtal.pdf:6:"))  # the machine's line stays
    assert "    Var: 4.2 Felhantering, sida 2 · Binder leverantören" in lines[first : first + 5]  # a reader of a PDF sees pages, not its lines
    report = json.loads(invoke("check", "avtal.pdf", "-f", "json").stdout)
    [located] = {json.dumps(f["location"]) for f in report["findings"] if f["text"] and "skyndsamt" in f["text"]}
    assert {k: v for k, v in json.loads(located).items() if k in ("line", "page", "clause", "heading")} == {
        "line": 6,
        "page": 2,
        "clause": "4.2",
        "heading": "Felhantering",
    }
