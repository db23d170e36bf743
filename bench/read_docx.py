"""Bench: reading a ~300-page Swedish requirements .docx.

Builds the document with python-docx (numbered headings, requirement paragraphs, bullet lists
and requirement tables; generated, not committed; a copy goes to bench/out/) and times

- python-docx alone: open, then walk ``iter_inner_content()`` reading each paragraph's text
  and style name (a reader needs the style to find headings) and every cell's text of every
  table row (``row.cells``); and the same walk without style names;
- ``read_docx``: the package checks, the walk and the DocumentBuilder (sentences, sections,
  ids, tables), i.e. a complete :class:`~checker.document.Document`;
- refusing a zip bomb: the same document with ~200 MB of paragraphs added, compressed.

Run: ``python bench/read_docx.py [--pages 300] [--repeat 5]``. Target: read_docx at most 1.2x
the python-docx walk. CPU time is printed beside wall time: on a shared machine wall time
swings by tens of percent.
"""

from __future__ import annotations

import argparse
import io
import random
import time
import zipfile
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.table import Table
from docx.text.paragraph import Paragraph

from checker.errors import InputError
from checker.readers.docx import check_package, read_docx

SUBJECTS = ["Leverantören", "Tjänsten", "Systemet", "Konsulten", "Driftleverantören", "Underleverantören"]
VERBS = ["ska", "skall", "måste", "bör"]
DUTIES = [
    "åtgärda fel inom {n} timmar från felanmälan",
    "vara tillgänglig {p} % per kalendermånad, mätt utanför planerade servicefönster",
    "lämna en månadsrapport med avvikelser, incidenter och vidtagna åtgärder senast den {n}:e varje månad",
    "ha en namngiven kontaktperson som kan svara på frågor på svenska under kontorstid",
    "besvara förfrågningar skyndsamt och i rimlig tid",
    "hålla personuppgifter inom EU/EES och följa dataskyddsförordningen",
    "genomföra en årlig revision av informationssäkerheten enligt ISO 27001",
    "leverera utbildning för upp till {n} användare per år utan extra kostnad",
    "säkerställa att säkerhetskopior tas dagligen och sparas i minst {n} dagar",
    "uppfylla kraven i bilaga {n} om tillgänglighet för personer med funktionsnedsättning",
]
FOLLOW_UPS = [
    "Kravet följs upp genom månadsrapport.",
    "Beställaren kan begära revision med {n} dagars varsel.",
    "Uppfyllnad mäts kvartalsvis av beställaren.",
    "",
]
SANCTIONS = [
    "Vid avvikelse utgår vite om {n} 000 kr per påbörjad vecka.",
    "Prisavdrag med {n} % av månadsavgiften.",
    "Upprepade avvikelser ger beställaren rätt att häva avtalet.",
    "",
]
TOPICS = [
    "Drift",
    "Support",
    "Säkerhet",
    "Dataskydd",
    "Tillgänglighet",
    "Rapportering",
    "Utbildning",
    "Avveckling",
    "Kvalitet",
    "Miljö",
    "Ekonomi",
    "Avtalsvillkor",
]


def _fill(template: str, rng: random.Random) -> str:
    return template.format(n=rng.randint(2, 30), p=rng.choice(["99,5", "99,8", "99,9"]))


def _requirement(rng: random.Random) -> str:
    text = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {_fill(rng.choice(DUTIES), rng)}."
    follow = _fill(rng.choice(FOLLOW_UPS), rng)
    return f"{text} {follow}".strip()


def _number_headings(document) -> None:
    """Headings numbered 1, 1.1, 1.1.1 through the heading styles, as Swedish templates do."""
    numbering = document.part.numbering_part.element
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Heading{i + 1}"/>'
        f'<w:lvlText w:val="{".".join(f"%{j + 1}" for j in range(i + 1))}"/></w:lvl>'
        for i in range(3)
    )
    numbering.find(parse_xml(f"<w:num {nsdecls('w')}/>").tag).addprevious(
        parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="80">{levels}</w:abstractNum>')
    )
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="80"><w:abstractNumId w:val="80"/></w:num>'))
    for level in (1, 2, 3):
        document.styles[f"Heading {level}"].element.get_or_add_pPr().append(parse_xml(f'<w:numPr {nsdecls("w")}><w:numId w:val="80"/></w:numPr>'))


def build(pages: int, seed: int = 7) -> bytes:
    """A requirements specification of about ``pages`` pages (~3,000 characters a page)."""
    rng = random.Random(seed)
    document = docx.Document()
    _number_headings(document)
    document.add_paragraph("Kravspecifikation för drift och förvaltning", style="Title")
    target = pages * 3000
    written = 0
    chapter = 0
    while written < target:
        chapter += 1
        document.add_heading(TOPICS[(chapter - 1) % len(TOPICS)], 1)
        for section in range(1, 7):
            document.add_heading(f"{rng.choice(TOPICS)} – del {section}", 2)
            intro = f"Detta avsnitt beskriver krav på {rng.choice(TOPICS).lower()} under avtalstiden. " * 2
            document.add_paragraph(intro.strip())
            written += len(intro)
            for number in range(1, rng.randint(6, 10)):
                text = f"K{chapter}.{section}.{number} {_requirement(rng)}"
                document.add_paragraph(text)
                written += len(text)
            for _ in range(4):
                text = _requirement(rng)
                document.add_paragraph(text, style="List Bullet")
                written += len(text)
            rows = rng.randint(8, 12)
            table = document.add_table(rows=rows + 1, cols=4)
            for cell, title in zip(table.rows[0].cells, ["Krav-ID", "Krav", "Uppföljning", "Sanktion"]):
                cell.text = title
            for row in range(1, rows + 1):
                values = [f"T{chapter}.{section}.{row}", _requirement(rng), _fill(rng.choice(FOLLOW_UPS), rng), _fill(rng.choice(SANCTIONS), rng)]
                for cell, value in zip(table.rows[row].cells, values):
                    cell.text = value
                written += sum(len(v) for v in values)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def python_docx_walk(data: bytes, styles: bool = True) -> int:
    """python-docx on its own: every paragraph's text (and style), every cell's text."""
    document = docx.Document(io.BytesIO(data))
    characters = 0
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            characters += len(item.text)
            if styles and item.style is not None:
                characters += len(item.style.name)
        elif isinstance(item, Table):
            for row in item.rows:
                for cell in row.cells:
                    characters += len(cell.text)
    return characters


def zip_bomb(data: bytes) -> bytes:
    """``data`` with ~200 MB of tiny paragraphs added to its body (it compresses ~1000:1)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    body = source.read("word/document.xml").replace(b"</w:body>", b"<w:p><w:r><w:t>a</w:t></w:r></w:p>" * 6_000_000 + b"</w:body>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, body if info.filename == "word/document.xml" else source.read(info))
    return out.getvalue()


def refuse(data: bytes) -> None:
    try:
        read_docx(data, "bomb.docx")
    except InputError:
        return
    raise AssertionError("the zip bomb was read")


def best_times(repeat: int, runs: dict[str, tuple]) -> dict[str, tuple[float, float]]:
    """The fastest (CPU seconds, wall seconds) of ``repeat`` runs of each function, the
    functions taking turns so that a busy machine slows them alike."""
    best = {name: (float("inf"), float("inf")) for name in runs}
    for _ in range(repeat):
        for name, (function, *args) in runs.items():
            cpu, wall = time.process_time(), time.perf_counter()
            function(*args)
            cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
            best[name] = (min(best[name][0], cpu), min(best[name][1], wall))
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()
    data = build(options.pages)
    out = Path(__file__).parent / "out"
    out.mkdir(exist_ok=True)
    (out / "bench.docx").write_bytes(data)
    document = read_docx(data, "bench.docx")
    paragraphs = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").count(b"<w:p>")
    print(
        f"document: {len(data) / 1024:.0f} KiB, {paragraphs} paragraphs, "
        f"{sum(1 for b in document.blocks if b.kind == 'table')} tables, {len(document.statements)} statements, "
        f"{len(document.sections)} sections"
    )
    bomb = zip_bomb(data)
    best = best_times(
        options.repeat,
        {
            "walk": (python_docx_walk, data),
            "walk_text": (python_docx_walk, data, False),
            "checks": (check_package, data, "bench.docx"),
            "reader": (read_docx, data, "bench.docx"),
            "refusal": (refuse, bomb),
        },
    )
    walk, walk_text, checks, reader, refusal = (best[name] for name in ("walk", "walk_text", "checks", "reader", "refusal"))
    print("                                          CPU ms   wall ms")
    print(f"python-docx walk (text, styles, cells): {walk[0] * 1000:8.0f} {walk[1] * 1000:9.0f}")
    print(f"python-docx walk (text, cells):         {walk_text[0] * 1000:8.0f} {walk_text[1] * 1000:9.0f}")
    print(f"read_docx (complete Document):          {reader[0] * 1000:8.0f} {reader[1] * 1000:9.0f}")
    print(f"  of which package checks:              {checks[0] * 1000:8.1f} {checks[1] * 1000:9.1f}")
    print(f"zip bomb ({len(bomb) / 1024:.0f} KiB) refused:           {refusal[0] * 1000:8.2f} {refusal[1] * 1000:9.2f}")
    print(
        f"read_docx / walk with styles: {reader[0] / walk[0]:.2f}x CPU, {reader[1] / walk[1]:.2f}x wall; "
        f"/ walk without styles: {reader[0] / walk_text[0]:.2f}x CPU, {reader[1] / walk_text[1]:.2f}x wall"
    )


if __name__ == "__main__":
    main()
