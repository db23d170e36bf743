"""The traceability matrix (:class:`~checker.report.Matrix`) as md, csv, html or json.

All four render the same data. md and html are for people: labels in each document's
language, requirement text shortened to 120 characters, at most three follow-up and
sanction links a cell ("and N more"). csv is for spreadsheets: fixed English column names
(:data:`CSV_COLUMNS`), every link a row lists (the closest 20, then "and more"), the text whole; a cell that starts with ``=``, ``+``,
``-``, ``@`` or a tab is prefixed with ``'`` so that a spreadsheet shows it as text and
never runs it as a formula. json is :class:`~checker.report.Matrix` as is, with each
document's nine balance elements.
"""

from __future__ import annotations

import csv
import io
from typing import Callable

from ..errors import visible
from ..modelbase import dumped_json
from ..report import Link, Matrix, MatrixDocument, TraceRow
from .labels import Labels, link_reason, shorten
from .matrix_html import LINKS_SHOWN, more_links, render_matrix_html

_ENGLISH = Labels("en")  # the csv's words are English, as its column names

CSV_COLUMNS = ("file", "statement", "id", "line", "section", "text", "measurable", "unmeasurable_because", "follow_up", "sanction", "status", "clause", "place")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\|<>[]`*_"})


def render_json(matrix: Matrix) -> str:
    return dumped_json(matrix) + "\n"


# ---- csv ---------------------------------------------------------------------------------------


def _safe_cell(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def _csv_links(links: list[Link], more: bool, fmt: str | None) -> str:
    """``4.2.1, paragraph 12 (section: same clause: 4.2 Felhantering)``: where (in the unit of the
    other columns and formats: a .docx has paragraphs, a .md lines), how and why, for each link;
    "and more" after them when the row lists only the closest (``more``)."""
    listed = [f"{_ENGLISH.short_place(link.location, fmt)} ({link.how}: {link_reason(link, None, _ENGLISH)})" for link in links]
    return "; ".join([*listed, "and more"] if more else listed)


def render_csv(matrix: Matrix) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for doc in matrix.documents:
        for row in doc.requirements:
            values = (
                doc.path,
                str(row.statement),
                row.requirement_id or "",
                str(row.location.line),
                row.location.section or "",
                " ".join(row.text.split()),
                row.measurability,
                " | ".join(row.unmeasurable_because),
                _csv_links(row.follow_up, row.follow_up_more, doc.format),
                _csv_links(row.sanction, row.sanction_more, doc.format),
                row.status,
                row.location.clause or "",
                _ENGLISH.place(row.location, doc.format),
            )
            writer.writerow([_safe_cell(v) for v in values])
    return out.getvalue()


# ---- md ----------------------------------------------------------------------------------------


def md_cell(text: str) -> str:
    """Text for a pipe-table cell: one line, table and inline markup characters escaped, control
    characters shown as escapes (the table is read in terminals)."""
    return visible(" ".join(text.split())).translate(_MD_SPECIAL)


def _md_links(links: list[Link], more: bool, row: TraceRow, labels: Labels, fmt: str | None) -> str:
    if not links:
        return labels("none")
    shown = [f"{labels.short_place(link.location, fmt)} ({link_reason(link, row.requirement_id, labels)})" for link in links[:LINKS_SHOWN]]
    if len(links) > LINKS_SHOWN:
        shown.append(more_links(labels, len(links) - LINKS_SHOWN, more))
    return "; ".join(shown)


def _md_document(doc: MatrixDocument, labels: Labels) -> list[str]:
    lines = [f"## {md_cell(doc.path)}", ""]
    if doc.error:
        return [*lines, md_cell(labels("matrix.unreadable", error=doc.error)), ""]
    card = doc.scorecard
    lines += [labels("score.line", total=card.requirements, **card.model_dump(exclude={"requirements"})) if card.requirements else labels("score.none"), ""]
    if doc.requirements:
        columns = ("id", "where", "text", "measurable", "follow_up", "sanction", "status")
        lines.append("| " + " | ".join(labels("column." + c) for c in columns) + " |")
        lines.append("|" + "---|" * len(columns))
        for row in doc.requirements:
            measurable = labels(row.measurability)
            if row.unmeasurable_because:
                measurable += ": " + " ".join(row.unmeasurable_because)
            elif row.evidence:
                measurable += f' ("{row.evidence}"' + (f", {labels.short_place(row.evidence_at, doc.format)})" if row.evidence_at else ")")
            cells = (
                labels.requirement_id(row.requirement_id, row.id_source),
                labels.place(row.location, doc.format),
                shorten(row.text),
                measurable,
                _md_links(row.follow_up, row.follow_up_more, row, labels, doc.format),
                _md_links(row.sanction, row.sanction_more, row, labels, doc.format),
                labels("status." + row.status),
            )
            lines.append("| " + " | ".join(md_cell(c) for c in cells) + " |")
        lines.append("")
    lines += [f"### {labels('section.balance')}", ""]
    for key, element in doc.balance.items():
        state = labels("present" if element.present else "missing").lower()
        places = "; ".join(labels.short_place(location, doc.format) for location in element.locations[:LINKS_SHOWN])
        if len(element.locations) > LINKS_SHOWN:
            places += ", " + labels("more", n=len(element.locations) - LINKS_SHOWN)
        lines.append(f"- {'✓' if element.present else '✗'} {labels('balance.' + key)}: {state}" + (f" ({places})" if places else ""))
    return [*lines, ""]


def render_md(matrix: Matrix) -> str:
    first = next((d.language for d in matrix.documents if d.language), "en")
    lines = [f"# {Labels(first)('matrix.title')}", ""]
    for doc in matrix.documents:
        lines += _md_document(doc, Labels(doc.language or first))
    return "\n".join(lines).rstrip("\n") + "\n"


MATRIX_FORMATS: dict[str, Callable[[Matrix], str]] = {
    "md": render_md,
    "csv": render_csv,
    "html": render_matrix_html,
    "json": render_json,
}
