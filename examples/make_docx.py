"""Build the .docx twin of each example Markdown document, as a writer would have it in Word.

    python examples/make_docx.py            # every examples/*.md
    python examples/make_docx.py FILE.md    # one file

Headings get Word's Heading styles, bullet and numbered lists the List Bullet / List Number
styles, pipe tables become Word tables with a repeated header row, ``**bold**`` becomes bold,
and a ``<!-- kravkoll: ignore … -->`` comment becomes a Word comment on the next paragraph.
The output is deterministic (fixed core properties), so rebuilding changes nothing.
"""

from __future__ import annotations

import datetime
import re
import sys
from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from checker.ids import leading_id

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
BULLET = re.compile(r"^\s*[-*+]\s+(.*)$")
NUMBERED = re.compile(r"^\s*\d+[.)]\s+(.*)$")
COMMENT = re.compile(r"^\s*<!--\s*(.*?)\s*-->\s*$")
DELIMITER = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
BOLD = re.compile(r"\*\*(.+?)\*\*")
FIXED_DATE = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)


def _runs(paragraph, text: str) -> list:
    runs = []
    position = 0
    for match in BOLD.finditer(text):
        if match.start() > position:
            runs.append(paragraph.add_run(text[position : match.start()]))
        run = paragraph.add_run(match.group(1))
        run.bold = True
        runs.append(run)
        position = match.end()
    if position < len(text):
        runs.append(paragraph.add_run(text[position:]))
    return runs


def _cells(line: str) -> list[str]:
    body = line.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|"):
        body = body[:-1]
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", body)]


def _repeat_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def convert(source: Path, target: Path) -> None:
    """Write ``target`` (.docx) from the Markdown ``source``."""
    document = Document()
    core = document.core_properties
    core.author = "kravkoll examples"
    core.created = core.modified = FIXED_DATE
    core.last_modified_by = "kravkoll examples"
    core.revision = 1
    lines = source.read_text(encoding="utf-8").splitlines()
    pending_comment: str | None = None
    paragraph_lines: list[str] = []

    def add_paragraph(text: str, style: str | None = None) -> None:
        nonlocal pending_comment
        paragraph = document.add_paragraph(style=style)
        runs = _runs(paragraph, text)
        if pending_comment and runs:
            document.add_comment(runs, text=pending_comment, author="kravkoll", initials="KK")
            pending_comment = None

    def flush() -> None:
        if paragraph_lines:
            add_paragraph(" ".join(paragraph_lines))
            paragraph_lines.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        comment = COMMENT.match(line)
        heading = HEADING.match(line)
        if not line.strip():
            flush()
        elif comment:
            flush()
            pending_comment = comment.group(1)
        elif heading:
            flush()
            document.add_heading(heading.group(2), level=len(heading.group(1)))
        elif "|" in line and i + 1 < len(lines) and DELIMITER.match(lines[i + 1]):
            flush()
            rows = [_cells(line)]
            i += 2
            while i < len(lines) and "|" in lines[i] and lines[i].strip():
                rows.append(_cells(lines[i]))
                i += 1
            columns = max(len(r) for r in rows)
            table = document.add_table(rows=len(rows), cols=columns)
            table.style = "Table Grid"
            for row_cells, row in zip(rows, table.rows):
                for text, cell in zip(row_cells, row.cells):
                    cell.paragraphs[0].text = ""
                    _runs(cell.paragraphs[0], text.replace("\\|", "|"))
            for run in table.rows[0].cells[0].paragraphs[0].runs:
                run.bold = True
            _repeat_header(table.rows[0])
            continue
        elif BULLET.match(line) and not paragraph_lines:
            add_paragraph(BULLET.match(line).group(1), "List Bullet")
        elif NUMBERED.match(line) and not paragraph_lines:
            add_paragraph(NUMBERED.match(line).group(1), "List Number")
        else:
            if leading_id(line.strip()):
                flush()  # "K4.1 …" on its own line is its own paragraph in Word
            paragraph_lines.append(line.strip())
        i += 1
    flush()
    document.save(target)


def main(arguments: list[str]) -> None:
    folder = Path(__file__).parent
    sources = [Path(a) for a in arguments] or sorted(folder.glob("*.md"))
    for source in sources:
        if source.name == "README.md":
            continue
        target = source.with_suffix(".docx")
        convert(source, target)
        print(f"{source} -> {target}")


if __name__ == "__main__":
    main(sys.argv[1:])
