"""HTML of the traceability matrix, the scorecard, the sanctions and the balance tiles: the
parts that ``kravkoll matrix --format html`` shows for each document and ``kravkoll report``
(:mod:`checker.reporters.html`) shows in its overview and matrix. Every piece of document text is
escaped.
"""

from __future__ import annotations

from .. import __version__
from ..report import BALANCE_ELEMENTS, Link, Matrix, MatrixDocument, SanctionPart, Scorecard, TraceRow
from .labels import Labels, link_reason, shorten
from .markup import esc
from .page import page

LINKS_SHOWN = 3
"""Follow-up and sanction links shown per matrix cell before "and N more"."""


def _percent(n: int, total: int) -> int:
    return (n * 100 + total // 2) // total if total else 0


def _level(share: int) -> str:
    return "low" if share < 50 else "mid" if share < 80 else "high"


def scorecard_html(card: Scorecard, labels: Labels) -> str:
    """Four score boxes: measurable, followed up, sanctioned, complete."""
    if not card.requirements:
        return f'<p class="scores-none">{esc(labels("score.none"))}</p>\n'
    boxes = []
    split = {"followed_up": (card.followed_up_specific, card.followed_up_blanket_only), "sanctioned": (card.sanctioned_specific, card.sanctioned_blanket_only)}
    for key in ("measurable", "followed_up", "sanctioned", "complete"):
        n = getattr(card, key)
        share = _percent(n, card.requirements)
        kinds = ""
        if key in split and n:
            specific, blanket = split[key]
            kinds = f'<p class="of" data-kinds="{key}">{esc(labels("score.specific", n=specific, blanket=blanket))}</p>'
        boxes.append(
            f'<li class="score {_level(share)}" data-score="{key}"><p class="label">{esc(labels("score." + key))}</p>'
            f'<p class="big">{share}&nbsp;%</p>'
            f'<p class="of">{esc(labels("score.of", n=n, total=card.requirements))}</p>{kinds}'
            f'<div class="bar" aria-hidden="true"><span style="width:{share}%"></span></div></li>'
        )
    return '<ul class="scores">\n' + "\n".join(boxes) + "\n</ul>\n"


def tiles_html(doc: MatrixDocument, labels: Labels, anchors: dict[str, str] | None = None) -> str:
    """Nine tiles, one per balance element: present (✓, where) or missing (✗).

    ``anchors`` maps a location (as JSON) to the id of its statement in the report, to link
    to it; without it the places are plain text.
    """
    items = []
    for key in BALANCE_ELEMENTS:
        element = doc.balance.get(key)
        present = bool(element and element.present)
        state = "present" if present else "missing"
        where = ""
        if present and element is not None:
            places = []
            for location in element.locations[:LINKS_SHOWN]:
                place = esc(labels.short_place(location, doc.format))
                target = anchors.get(location.model_dump_json()) if anchors else None
                places.append(f'<a href="#{target}">{place}</a>' if target else place)
            more = len(element.locations) - LINKS_SHOWN
            if more > 0:
                places.append(esc(labels("more", n=more)))
            where = f'<span class="where">{"; ".join(places)}</span>'
        icon = "✓" if present else "✗"
        items.append(
            f'<li class="tile {state}" data-element="{key}"><span class="name">{esc(labels("balance." + key))}</span>'
            f'<span class="state"><span class="icon" aria-hidden="true">{icon}</span>{esc(labels(state))}</span>'
            f'<span class="help">{esc(labels("balance." + key + ".help"))}</span>{where}</li>'
        )
    return '<ul class="tiles">\n' + "\n".join(items) + "\n</ul>\n"


def more_links(labels: Labels, n: int, over: bool) -> str:
    """ "and 5 more", or "and over 5 more" when the row lists only the closest links (``over``)."""
    return labels("more.over" if over else "more", n=n)


def _link_html(link: Link, row: TraceRow, labels: Labels, fmt: str | None, in_report: bool) -> str:
    place = _to_statement(esc(labels.short_place(link.location, fmt)), link.statement, in_report)
    how = link_reason(link, row.requirement_id, labels)
    quoted = "" if link.how == "self" else f'<span class="linked">{esc(shorten(link.text, 70))}</span>'
    return f"<li>{place} · {esc(how)}{quoted}</li>"


def _links_cell(links: list[Link], more: bool, row: TraceRow, labels: Labels, fmt: str | None, in_report: bool) -> str:
    """The links of one column (``more``: the row lists only the closest of them)."""
    if not links:
        return f'<td class="links none"><span class="icon" aria-hidden="true">✗</span>{esc(labels("none"))}</td>'
    shown = [_link_html(link, row, labels, fmt, in_report) for link in links[:LINKS_SHOWN]]
    if len(links) > LINKS_SHOWN:
        shown.append(f"<li>{esc(more_links(labels, len(links) - LINKS_SHOWN, more))}</li>")
    # On paper, the closest link alone and how many more: a matrix of a long document stays short.
    first = links[0]
    printed = f"{labels.short_place(first.location, fmt)} ({shorten(link_reason(first, row.requirement_id, labels), 40)})"
    if len(links) > 1:
        printed += " " + more_links(labels, len(links) - 1, more)
    return f'<td class="links"><ul>{"".join(shown)}</ul><span class="print-only">{esc(printed)}</span></td>'


MATRIX_COLUMNS = ("id", "where", "text", "measurable", "follow_up", "sanction", "status")
_MATRIX_COLUMN_WIDTHS = "<colgroup>" + "".join(f'<col class="c-{c}">' for c in MATRIX_COLUMNS) + "</colgroup>"


def matrix_table(doc: MatrixDocument, labels: Labels, in_report: bool = False) -> str:
    """The traceability matrix as a table; in the report, rows and places link to the text."""
    if not doc.requirements:
        return f"<p>{esc(labels('score.none'))}</p>\n"
    head = "".join(f'<th scope="col">{esc(labels("column." + c))}</th>' for c in MATRIX_COLUMNS)
    rows = []
    for row in doc.requirements:
        text = _to_statement(esc(shorten(row.text)), row.statement, in_report)
        measurable = esc(labels(row.measurability))
        if row.evidence and not row.unmeasurable_because:
            at = f", {labels.short_place(row.evidence_at, doc.format)}" if row.evidence_at else ""
            measurable += f'<span class="why">{esc(chr(8220) + row.evidence + chr(8221) + at)}</span>'
        if row.unmeasurable_because:
            measurable += "".join(f'<span class="why">{esc(why)}</span>' for why in row.unmeasurable_because)
        row_id = f' id="m-{row.statement}"' if in_report else ""
        cells = (
            f'<td class="id{" from-heading" if row.id_source == "heading" else ""}">{esc(labels.requirement_id(row.requirement_id, row.id_source))}</td>',
            f'<td class="where">{esc(labels.place(row.location, doc.format))}</td>',
            f'<td class="text">{text}</td>',
            f"<td>{measurable}</td>",
            _links_cell(row.follow_up, row.follow_up_more, row, labels, doc.format, in_report),
            _links_cell(row.sanction, row.sanction_more, row, labels, doc.format, in_report),
            f'<td class="status"><span class="chip st-{row.status}">{esc(labels("status." + row.status))}</span></td>',
        )
        rows.append(
            f'<tr{row_id} data-status="{row.status}">'
            + "".join(_labelled(cell, labels("column." + column)) for cell, column in zip(cells, MATRIX_COLUMNS))
            + "</tr>"
        )
    return (
        f'<div class="table-wrap"><table class="matrix">{_MATRIX_COLUMN_WIDTHS}<thead><tr>{head}</tr></thead>\n<tbody>\n'
        + "\n".join(rows)
        + "\n</tbody></table></div>\n"
    )


SANCTION_PARTS = ("amount", "cap", "trigger", "cure")


def _sanction_part_html(part: SanctionPart | None, labels: Labels, fmt: str | None, in_report: bool) -> str:
    if part is None:
        return f'<td class="links none"><span class="icon" aria-hidden="true">✗</span>{esc(labels("sanctions.missing"))}</td>'
    place = _to_statement(esc(labels.short_place(part.location, fmt)), part.statement, in_report)
    words = esc(chr(8220) + shorten(part.text, 60) + chr(8221))
    return f'<td class="links">{words}<span class="why">{esc(labels("sanctions.source." + part.source))} · {place}</span></td>'


def sanctions_table(doc: MatrixDocument, labels: Labels, in_report: bool = False) -> str:
    """The sanction model: each sanction clause with its amount, cap, trigger and cure period and
    where each was found (a credit table is the amount, its largest credit the cap)."""
    if not doc.sanctions:
        return ""
    columns = ("sanction", *SANCTION_PARTS)
    head = "".join(f'<th scope="col">{esc(labels("sanctions.column." + c))}</th>' for c in columns)
    rows = []
    for model in doc.sanctions:
        text = _to_statement(esc(shorten(model.text)), model.statement, in_report)
        cells = (
            f'<td class="text">{text}<span class="why">{esc(labels.short_place(model.location, doc.format))}</span></td>',
            *(_sanction_part_html(getattr(model, part), labels, doc.format, in_report) for part in SANCTION_PARTS),
        )
        rows.append("<tr>" + "".join(_labelled(cell, labels("sanctions.column." + column)) for cell, column in zip(cells, columns)) + "</tr>")
    return (
        f"<h3>{esc(labels('sanctions.title'))}</h3>\n<p>{esc(labels('sanctions.intro'))}</p>\n"
        f'<div class="table-wrap"><table class="matrix sanctions"><thead><tr>{head}</tr></thead>\n<tbody>\n' + "\n".join(rows) + "\n</tbody></table></div>\n"
    )


def _to_statement(html: str, statement: int, in_report: bool) -> str:
    """``html`` as a link to the statement in the report's text (in the report only)."""
    return f'<a href="#s-{statement}">{html}</a>' if in_report else html


def _labelled(cell: str, label: str) -> str:
    """A ``<td …>`` with its column's name as ``data-label``: on a narrow screen, where the
    matrix shows each requirement as a card, the name stands before the cell's content."""
    return f'<td data-label="{esc(label)}"' + cell[len("<td") :]


def render_matrix_html(matrix: Matrix) -> str:
    """``kravkoll matrix --format html``: every document's scorecard, matrix and balance."""
    first = next((d.language for d in matrix.documents if d.language), "en")
    page_labels = Labels(first)
    parts = [f'<header class="page"><h1>{esc(page_labels("matrix.title"))}</h1></header>\n<main>\n']
    for doc in matrix.documents:
        labels = Labels(doc.language or first)
        parts.append(f'<section class="card" lang="{labels.language}"><h2>{esc(doc.path)}</h2>\n')
        if doc.error:
            parts.append(f"<p>{esc(labels('matrix.unreadable', error=doc.error))}</p></section>\n")
            continue
        parts.append(scorecard_html(doc.scorecard, labels))
        parts.append(matrix_table(doc, labels))
        parts.append(sanctions_table(doc, labels))
        parts.append(f"<h3>{esc(labels('section.balance'))}</h3>\n{tiles_html(doc, labels)}</section>\n")
    parts.append(f'</main>\n<footer class="page"><p>{esc(page_labels("report.generator", version=__version__))}</p></footer>\n')
    return page(page_labels("matrix.title"), page_labels.language, "".join(parts))
