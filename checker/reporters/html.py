"""HTML for people who never open a terminal: ``kravkoll report`` and ``matrix --format html``.

The report is one self-contained file (inline CSS, a few lines of inline JavaScript that
only let Escape close an explanation; no external assets, works offline) with

- an overview: the shares of requirements that are measurable, followed up and sanctioned,
  and nine tiles for the elements of a balanced contract (:mod:`checker.balance`);
- the findings as a numbered list (for printing and screen readers);
- the document's text under its headings, each finding's words highlighted; hovering or
  tabbing to a highlight shows the message and the suggestion, and it links to the list;
- the traceability matrix (:mod:`checker.matrix`).

Labels follow the document's language (:mod:`checker.reporters.labels`). Every piece of
document text is escaped. Output is deterministic: no dates, no absolute paths beyond what
was given on the command line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import __version__
from ..document import Document, Statement
from ..engine import DocumentResult
from ..report import BALANCE_ELEMENTS, Finding, Link, Matrix, MatrixDocument, SanctionPart, Scorecard, TraceRow
from .labels import Labels, clause_heading, link_reason, shorten
from .markup import PLAIN, Markup, esc, rendered
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


def _link_html(link: Link, row: TraceRow, labels: Labels, fmt: str | None, in_report: bool) -> str:
    place = esc(labels.short_place(link.location, fmt))
    if in_report:
        place = f'<a href="#s-{link.statement}">{place}</a>'
    how = link_reason(link, row.requirement_id, labels)
    quoted = "" if link.how == "self" else f'<span class="linked">{esc(shorten(link.text, 70))}</span>'
    return f"<li>{place} · {esc(how)}{quoted}</li>"


def _links_cell(links: list[Link], row: TraceRow, labels: Labels, fmt: str | None, in_report: bool) -> str:
    if not links:
        return f'<td class="links none"><span class="icon" aria-hidden="true">✗</span>{esc(labels("none"))}</td>'
    shown = [_link_html(link, row, labels, fmt, in_report) for link in links[:LINKS_SHOWN]]
    if len(links) > LINKS_SHOWN:
        shown.append(f"<li>{esc(labels('more', n=len(links) - LINKS_SHOWN))}</li>")
    # On paper, the closest link alone and how many more: a matrix of a long document stays short.
    first = links[0]
    printed = f"{labels.short_place(first.location, fmt)} ({shorten(link_reason(first, row.requirement_id, labels), 40)})"
    if len(links) > 1:
        printed += " " + labels("more", n=len(links) - 1)
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
        text = esc(shorten(row.text))
        if in_report:
            text = f'<a href="#s-{row.statement}">{text}</a>'
        measurable = esc(labels(row.measurability))
        if row.evidence and not row.unmeasurable_because:
            measurable += f'<span class="why">{esc(chr(8220) + row.evidence + chr(8221))}</span>'
        if row.unmeasurable_because:
            measurable += "".join(f'<span class="why">{esc(why)}</span>' for why in row.unmeasurable_because)
        row_id = f' id="m-{row.statement}"' if in_report else ""
        cells = (
            f'<td class="id{" from-heading" if row.id_source == "heading" else ""}">{esc(labels.requirement_id(row.requirement_id, row.id_source))}</td>',
            f'<td class="where">{esc(labels.place(row.location, doc.format))}</td>',
            f'<td class="text">{text}</td>',
            f"<td>{measurable}</td>",
            _links_cell(row.follow_up, row, labels, doc.format, in_report),
            _links_cell(row.sanction, row, labels, doc.format, in_report),
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
    place = esc(labels.short_place(part.location, fmt))
    if in_report:
        place = f'<a href="#s-{part.statement}">{place}</a>'
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
        text = esc(shorten(model.text))
        if in_report:
            text = f'<a href="#s-{model.statement}">{text}</a>'
        cells = (
            f'<td class="text">{text}<span class="why">{esc(labels.short_place(model.location, doc.format))}</span></td>',
            *(_sanction_part_html(getattr(model, part), labels, doc.format, in_report) for part in SANCTION_PARTS),
        )
        rows.append("<tr>" + "".join(_labelled(cell, labels("sanctions.column." + column)) for cell, column in zip(cells, columns)) + "</tr>")
    return (
        f"<h3>{esc(labels('sanctions.title'))}</h3>\n<p>{esc(labels('sanctions.intro'))}</p>\n"
        f'<div class="table-wrap"><table class="matrix sanctions"><thead><tr>{head}</tr></thead>\n<tbody>\n' + "\n".join(rows) + "\n</tbody></table></div>\n"
    )


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


# ---- the report ------------------------------------------------------------------------------


@dataclass
class _Mark:
    """Highlighted characters of a statement and the findings (by number) that point at them."""

    start: int
    end: int
    findings: list[int] = field(default_factory=list)


@dataclass
class _Text:
    """Renders statements with their findings: highlights, flags, explanations."""

    document: Document
    labels: Labels
    numbered: dict[int, Finding]
    marks: dict[int, list[_Mark]] = field(default_factory=dict)  # statement → merged spans
    flags: dict[int, list[int]] = field(default_factory=dict)  # statement → findings without a span
    markups: dict[int, Markup] = field(default_factory=dict)  # statement → its inline markup, found once
    tips: int = 0

    def __post_init__(self) -> None:
        spans: dict[int, list[_Mark]] = {}
        for number, finding in self.numbered.items():
            if finding.statement is None:
                continue
            span = _span(self.document.statements[finding.statement], finding)
            if span is None:
                self.flags.setdefault(finding.statement, []).append(number)
            else:
                spans.setdefault(finding.statement, []).append(_Mark(span[0], span[1], [number]))
        for statement, found in spans.items():
            merged: list[_Mark] = []
            for mark in sorted(found, key=lambda m: (m.start, m.end)):
                if merged and mark.start < merged[-1].end:
                    merged[-1].end = max(merged[-1].end, mark.end)
                    merged[-1].findings.extend(mark.findings)
                else:
                    merged.append(mark)
            self.marks[statement] = merged

    def tip(self, numbers: list[int]) -> tuple[str, str]:
        """(id, html) of the explanation shown on hover and focus."""
        self.tips += 1
        tip_id = f"t-{self.tips}"
        lines = []
        for number in numbers:
            finding = self.numbered[number]
            line = f"<span><strong>{esc(self.labels('severity.' + finding.severity))}:</strong> {esc(finding.message)}</span>"
            if finding.suggestion:
                line += f"<span><em>{esc(self.labels('finding.suggestion'))}</em> {esc(finding.suggestion)}</span>"
            lines.append(line)
        return tip_id, f'<span class="tip" role="tooltip" id="{tip_id}">{"".join(lines)}</span>'

    def _severity(self, numbers: list[int]) -> str:
        order = {"error": 0, "warning": 1, "info": 2}
        return min((self.numbered[n].severity for n in numbers), key=order.__getitem__)

    def segment(self, statement: Statement, start: int, end: int) -> str:
        """The text of ``statement`` from ``start`` to ``end`` with its highlights (and, in a
        Markdown document, its bold, italic and code shown as such, their markup left out)."""
        text = statement.text
        markup = self.markups.get(statement.index)
        if markup is None:
            markup = self.markups[statement.index] = Markup.of(text) if self.document.format == "md" else PLAIN
        out: list[str] = []
        position = start
        for mark in self.marks.get(statement.index, []):
            mark_start, mark_end = max(mark.start, start), min(mark.end, end)
            if mark_start >= mark_end:
                continue
            out.append(markup.render(text, position, mark_start))
            tip_id, tip = self.tip(mark.findings)
            numbers = ",".join(str(n) for n in mark.findings)
            out.append(
                f'<span class="hl sev-{self._severity(mark.findings)}"><mark>'
                f'<a href="#f-{mark.findings[0]}" aria-describedby="{tip_id}">{markup.render(text, mark_start, mark_end)}'
                f'<sup class="fn">{numbers}</sup></a></mark>{tip}</span>'
            )
            position = mark_end
        out.append(markup.render(text, position, end))
        return "".join(out)

    def after(self, statement: Statement, rows: dict[int, TraceRow]) -> str:
        """Flags for findings about the whole statement, and the requirement's status chip."""
        out = []
        for number in self.flags.get(statement.index, []):
            tip_id, tip = self.tip([number])
            severity = self.numbered[number].severity
            out.append(
                f'<span class="hl sev-{severity}"><a class="flag" href="#f-{number}" aria-describedby="{tip_id}">'
                f'{number}<span class="sr"> {esc(self.labels("severity." + severity))}</span></a>{tip}</span>'
            )
        row = rows.get(statement.index)
        if row is not None:
            label = self.document.blocks[statement.block].label  # Word's number, shown before the text already
            named = row.requirement_id and statement.id_source != "heading" and row.requirement_id != (label or "").rstrip(".")
            name = f"{row.requirement_id} · " if named else ""
            out.append(f'<a class="chip st-{row.status}" href="#m-{row.statement}">{esc(name)}{esc(self.labels("status." + row.status))}</a>')
        return "".join(out)


def _span(statement: Statement, finding: Finding) -> tuple[int, int] | None:
    """Where a finding's match stands in its statement's text."""
    if not finding.match:
        return None
    offset = statement.offset_of(finding.location) if finding.location else None
    if offset is None or not statement.text.startswith(finding.match, offset):
        offset = statement.text.find(finding.match)
    return (offset, offset + len(finding.match)) if offset >= 0 else None


def _cells(statement: Statement) -> list[tuple[int, int, int]]:
    """(cell number, start, end) of the cells of a table row statement."""
    starts: list[tuple[int, int]] = []
    for anchor in statement.anchors:
        cell = anchor.location.cell
        if cell is not None and (not starts or starts[-1][0] != cell):
            starts.append((cell, anchor.offset))
    cells = []
    for k, (cell, start) in enumerate(starts):
        end = starts[k + 1][1] - 3 if k + 1 < len(starts) else len(statement.text)
        if end < start or (k + 1 < len(starts) and statement.text[end : end + 3] != " | "):
            return [(1, 0, len(statement.text))]
        cells.append((cell, start, end))
    return cells or [(1, 0, len(statement.text))]


def _document_html(document: Document, text: _Text, rows: dict[int, TraceRow]) -> str:
    """The document's text under its headings. What holds no finding (a paragraph, a list item,
    a table row, the heading of a part without findings) is marked ``quiet``: a printout leaves
    it out, so that a long document prints as the places that need work."""
    by_block: dict[int, list[Statement]] = {}
    for statement in document.statements:
        by_block.setdefault(statement.block, []).append(statement)
    flagged = set(text.marks) | set(text.flags)
    noted: set[int] = set()  # the sections with a finding in them or below them
    for i in flagged:
        section = document.statements[i].section
        while section is not None and section not in noted:  # each section once: linear however deep
            noted.add(section)
            section = document.sections[section].parent
    out: list[str] = []
    open_list = False
    for block in document.blocks:
        statements = by_block.get(block.index, [])
        if not statements:
            continue
        if open_list and block.kind != "list_item":
            out.append("</ul>")
            open_list = False
        if block.kind == "heading":
            statement = statements[0]
            level = document.sections[statement.section].level if statement.section is not None else 1
            tag = f"h{min(level + 2, 6)}"
            number = document.sections[statement.section].number if statement.section is not None else None
            shown = f'<span class="list-label">{esc(number)}</span> ' if number and not statement.text.lstrip().startswith(number) else ""
            quiet = "" if statement.section in noted else ' class="quiet"'
            out.append(f'<{tag} id="s-{statement.index}"{quiet}>{shown}{text.segment(statement, 0, len(statement.text))}{text.after(statement, rows)}</{tag}>')
        elif block.kind == "table":
            header = document.table_headers[block.table - 1] if block.table and block.table <= len(document.table_headers) else ""
            out.append(_table_html(statements, text, rows, header, document.format, flagged))
        else:
            sentences = " ".join(f'<span id="s-{s.index}">{text.segment(s, 0, len(s.text))}{text.after(s, rows)}</span>' for s in statements)
            classes = " ".join(
                filter(None, ("numbered" if block.label and block.kind == "list_item" else "", "" if any(s.index in flagged for s in statements) else "quiet"))
            )
            attribute = f' class="{classes}"' if classes else ""
            if block.kind == "list_item":
                if not open_list:
                    out.append("<ul>")
                    open_list = True
                label = f'<span class="list-label">{esc(block.label)}</span> ' if block.label else ""  # Word's own number
                out.append(f"<li{attribute}>{label}{sentences}</li>")
            else:
                out.append(f"<p{attribute}>{sentences}</p>")
    if open_list:
        out.append("</ul>")
    return "\n".join(out) + "\n"


def _table_html(
    statements: list[Statement], text: _Text, rows: dict[int, TraceRow], header: str = "", fmt: str | None = None, flagged: set[int] | None = None
) -> str:
    """A table of the document, its header row (its column labels) first when it has one."""
    cells = {s.index: _cells(s) for s in statements}
    width = max(cell for found in cells.values() for cell, _, _ in found)
    head = ""
    if header:
        labels = header.split(" | ")
        ths = (
            [f'<th scope="col">{rendered(label, fmt)}</th>' for label in labels]
            if len(labels) == width
            else [f'<th scope="col" colspan="{width}">{rendered(header, fmt)}</th>']
        )  # columns not known: one cell
        head = f"<thead><tr>{''.join(ths)}</tr></thead>"
    body = []
    for statement in statements:
        by_number = {cell: (start, end) for cell, start, end in cells[statement.index]}
        last = max(by_number)
        tds = []
        for number in range(1, width + 1):
            content = ""
            if number in by_number:
                content = text.segment(statement, *by_number[number])
            if number == last:
                content += text.after(statement, rows)
            tds.append(f"<td>{content}</td>")
        quiet = "" if flagged is None or statement.index in flagged else ' class="quiet"'
        body.append(f'<tr id="s-{statement.index}"{quiet}>{"".join(tds)}</tr>')
    # No scrolling wrapper here: it would clip the explanations of highlights in the cells.
    quiet = "" if flagged is None or any(s.index in flagged for s in statements) else " quiet"
    return f'<table class="doc-table{quiet}">{head}<tbody>\n' + "\n".join(body) + "\n</tbody></table>"


def _finding_html(number: int, finding: Finding, document: Document, labels: Labels, same_fix: int | None = None) -> str:
    """One finding of the list; ``same_fix`` is the number of an earlier finding with the same
    suggestion, which a printout names instead of repeating it."""
    severity = esc(labels("severity." + finding.severity))
    head = f'<p class="finding-head"><span class="num">{number}.</span><span class="badge sev-{finding.severity}">{severity}</span>{esc(finding.title)}</p>'
    if finding.location is not None:
        where = labels.place(finding.location, document.format)
        statement = document.statements[finding.statement] if finding.statement is not None else None
        if (
            finding.requirement_id
            and statement is not None
            and statement.id_source not in ("heading", None)
            and finding.requirement_id != finding.location.clause
        ):
            where = f"{finding.requirement_id} · {where}"
    else:
        where = labels("findings.document")
    parts = [head, f'<p class="finding-where">{esc(where)}</p>']
    if finding.statement is not None:
        statement = document.statements[finding.statement]
        quoted = esc(statement.text)
        span = _span(statement, finding)
        if span is not None:
            quoted = f"{esc(statement.text[: span[0]])}<strong>{esc(statement.text[span[0] : span[1]])}</strong>{esc(statement.text[span[1] :])}"
        parts.append(f"<blockquote>{quoted}</blockquote>")
    parts.append(f'<p class="finding-msg">{esc(finding.message)}</p>')
    if finding.suggestion:
        repeat = " repeat" if same_fix is not None else ""
        parts.append(f'<p class="finding-fix{repeat}"><strong>{esc(labels("finding.suggestion"))}</strong> {esc(finding.suggestion)}</p>')
        if same_fix is not None:
            parts.append(
                f'<p class="finding-fix print-only"><strong>{esc(labels("finding.suggestion"))}</strong> {esc(labels("finding.same_fix", n=same_fix))}</p>'
            )
    rule = esc(f"{labels('finding.rule')}: {finding.rule}")
    if finding.reference:  # left out in print, as the link to the text
        rule += f'<span class="ref"> · {esc(labels("finding.reference"))}: {esc(finding.reference)}</span>'
    show = f'<span class="show"> · <a href="#s-{finding.statement}">{esc(labels("finding.show"))}</a></span>' if finding.statement is not None else ""
    parts.append(f'<p class="finding-rule">{rule}{show}</p>')
    return (
        f'<li id="f-{number}" class="sev-{finding.severity} {_filter_class("cat", finding.category)} '
        f'{_filter_class("rule", finding.rule)}">{"".join(parts)}</li>'
    )


def _counts(findings: list[Finding], labels: Labels) -> str:
    counts = {s: sum(f.severity == s for f in findings) for s in ("error", "warning", "info")}
    return labels("findings.count", **counts)


def _section(key: str, labels: Labels, content: str, title: str | None = None, extra_class: str = "") -> str:
    heading = esc(title if title is not None else labels("section." + key))
    return f'<section class="card{extra_class}" id="{key}" aria-labelledby="h-{key}"><h2 id="h-{key}">{heading}</h2>\n{content}</section>\n'


def _overview(doc: MatrixDocument, numbered: dict[int, Finding], labels: Labels, anchors: dict[str, str]) -> str:
    parts = [
        scorecard_html(doc.scorecard, labels),
        f'<p class="counts">{esc(_counts(list(numbered.values()), labels))} · <a href="#findings">{esc(labels("section.findings"))}</a></p>\n',
    ]
    whole = [(n, f) for n, f in numbered.items() if f.statement is None]
    if whole:
        parts.append(f"<h3>{esc(labels('findings.document'))}</h3>\n<ul>")
        parts.extend(
            f'<li><span class="badge sev-{f.severity}">{esc(labels("severity." + f.severity))}</span><a href="#f-{n}">{esc(f.message)}</a></li>'
            for n, f in whole
        )
        parts.append("</ul>\n")
    parts.append(f"<h3>{esc(labels('section.balance'))}</h3>\n<p>{esc(labels('balance.intro'))}</p>\n")
    parts.append(tiles_html(doc, labels, anchors))
    return "".join(parts)


def _filter_class(kind: str, value: str) -> str:
    """A class name for a filter value ("rule-sv-krav-KR001"): letters, digits and hyphens only."""
    return f"{kind}-" + re.sub(r"[^A-Za-z0-9-]", "-", value)


def _filters(findings: list[Finding], labels: Labels) -> str:
    """Tick boxes that show or hide the findings of a severity, a category or a rule, and the
    style rules that do it (no script: CSS ``:has()``; printing prints what is shown)."""
    groups = (
        ("severity", [(f"sev-{s}", labels("severity." + s)) for s in ("error", "warning", "info") if any(f.severity == s for f in findings)]),
        ("category", [(_filter_class("cat", c), labels("category." + c)) for c in sorted({f.category for f in findings})]),
        ("rule", [(_filter_class("rule", r), r) for r in sorted({f.rule for f in findings})]),
    )
    boxes, rules = [], []
    for key, values in groups:
        ticks = "".join(f'<label><input type="checkbox" id="show-{name}" checked> {esc(title)}</label>' for name, title in values)
        boxes.append(f'<fieldset class="filter-{key}"><legend>{esc(labels("filter." + key))}</legend>{ticks}</fieldset>')
        rules.extend(f"#findings:has(#show-{name}:not(:checked)) ol.findings>li.{name}{{display:none}}" for name, _ in values)
    return (
        f'<style>{"".join(rules)}</style>\n<details class="filters"><summary>{esc(labels("filter.title"))}</summary>'
        f'<form class="filter-form" aria-label="{esc(labels("filter.title"))}">{"".join(boxes)}</form></details>\n'
    )


def _by_clause(numbered: dict[int, Finding], document: Document, labels: Labels) -> list[tuple[str, list[int]]]:
    """The findings' numbers grouped by the clause they stand in ("3.3 Felhantering"), in the
    document's order; those about the whole document first."""
    groups: dict[str, list[int]] = {}
    for number, finding in numbered.items():
        if finding.location is None:
            title = labels("findings.document")
        else:
            title = clause_heading(finding.location) or labels("findings.preamble")
        groups.setdefault(title, []).append(number)
    return sorted(groups.items(), key=lambda item: (numbered[item[1][0]].location is not None, item[1][0]))


def _findings_list(numbered: dict[int, Finding], suppressed: int, document: Document, labels: Labels) -> str:
    parts = []
    if numbered:
        parts.append(_filters(list(numbered.values()), labels))
        first_with: dict[str, int] = {}  # suggestion → the first finding that gives it
        for title, numbers in _by_clause(numbered, document, labels):
            parts.append(f'<section class="clause-group"><h3>{esc(title)} <span class="count">({len(numbers)})</span></h3>\n<ol class="findings">\n')
            for n in numbers:
                suggestion = numbered[n].suggestion or ""
                same = first_with.setdefault(suggestion, n) if suggestion else n
                parts.append(_finding_html(n, numbered[n], document, labels, same if same != n else None) + "\n")
            parts.append("</ol></section>\n")
    else:
        parts.append(f"<p>{esc(labels('findings.none'))}</p>\n")
    if suppressed:
        parts.append(f"<p>{esc(labels('findings.suppressed', n=suppressed))}</p>\n")
    return "".join(parts)


def render_report(result: DocumentResult, doc: MatrixDocument, rulesets: list[str]) -> str:
    """``kravkoll report``: one self-contained HTML page about one document.

    ``doc`` is the document's matrix (:func:`checker.matrix.matrix_document`); ``rulesets``
    names the rulesets as the page shows them ("sv-avtal 1.0.0").
    """
    document = result.document
    labels = Labels(document.language)
    active = [f for f in result.findings if not f.suppressed]
    numbered = dict(enumerate(active, start=1))
    rows = {row.statement: row for row in doc.requirements}
    text = _Text(document, labels, numbered)
    anchors = {s.location.model_dump_json(): f"s-{s.index}" for s in reversed(document.statements)}
    name = Path(document.path).name
    meta = labels(
        "report.meta",
        language=labels("language." + document.language),
        statements=len(document.statements),
        requirements=len(doc.requirements),
        rulesets=", ".join(rulesets) or "–",
    )
    order = ("overview", "text", "findings", "matrix")
    help_text = f'<p class="help">{esc(labels("findings.help"))}</p>\n' if active else ""
    body = [
        f'<a class="skip" href="#text">{esc(labels("nav.skip"))}</a>\n',
        f'<header class="page"><h1>{esc(labels("report.title", name=name))}</h1>\n<p class="meta">{esc(meta)}</p>\n',
        f'<nav class="toc" aria-label="{esc(labels("nav.label"))}"><ul>'
        + "".join(f'<li><a href="#{key}">{esc(labels("section." + key))}</a></li>' for key in order)
        + "</ul></nav></header>\n<main>\n",
        _section("overview", labels, _overview(doc, numbered, labels, anchors)),
        _section("text", labels, help_text + _document_html(document, text, rows), extra_class=" doc"),
        _section(
            "findings",
            labels,
            _findings_list(numbered, len(result.findings) - len(active), document, labels),
            title=f"{labels('section.findings')} ({len(active)})",
        ),
        _section("matrix", labels, matrix_table(doc, labels, in_report=True) + sanctions_table(doc, labels, in_report=True)),
        "</main>\n",
        f'<footer class="page"><p>{esc(labels("report.generator", version=__version__))}</p></footer>\n',
    ]
    return page(labels("report.title", name=name), labels.language, "".join(body), script=True)
