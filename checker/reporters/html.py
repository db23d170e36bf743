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
from ..report import Finding, MatrixDocument, TraceRow
from .labels import Labels, clause_heading
from .markup import PLAIN, Markup, esc, rendered
from .matrix_html import matrix_table, sanctions_table, scorecard_html, tiles_html
from .page import page

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
    also: dict[int, list[int]] = field(default_factory=dict)  # statement → findings that stand for it (their ``also``)
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
            for other in finding.also or ():  # the rows, items or requirements it stands for: flagged with it
                self.also.setdefault(other, []).append(number)
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
        for number in self.also.get(statement.index, []):  # explained by the rule's title, the message at the finding:
            finding = self.numbered[number]  # a document's thousand requirements repeat no message a thousand times
            self.tips += 1
            tip_id = f"t-{self.tips}"
            tip = f'<span class="tip" role="tooltip" id="{tip_id}"><span><strong>{esc(self.labels("severity." + finding.severity))}:</strong> {esc(finding.title)}</span></span>'
            out.append(
                f'<span class="hl sev-{finding.severity}"><a class="flag" href="#f-{number}" aria-describedby="{tip_id}">'
                f'{number}<span class="sr"> {esc(self.labels("severity." + finding.severity))}</span></a>{tip}</span>'
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
    flagged = set(text.marks) | set(text.flags) | set(text.also)
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
    binds = labels.binds(finding.party)
    if binds:
        where = f"{where} · {binds}"
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
        f'{_filter_class("rule", finding.rule)}{_party_class(finding)}">{"".join(parts)}</li>'
    )


def _party_class(finding: Finding) -> str:
    """The class by which the party filter shows or hides a finding (" party-buyer"); none for a
    finding whose statement binds no party, which no party's box hides."""
    return f" party-{finding.party}" if finding.party else ""


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
        ("party", [(f"party-{p}", labels("party." + p)) for p in ("supplier", "buyer", "mutual", "tenderer") if any(f.party == p for f in findings)]),
    )
    boxes, rules = [], []
    for key, values in groups:
        if not values:  # no finding's statement binds a party
            continue
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
