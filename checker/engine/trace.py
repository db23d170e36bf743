"""The traceability matrix of a checked document: each requirement, whether it is measurable,
and the follow-up and sanction statements linked to it."""

from __future__ import annotations

import heapq
from typing import TYPE_CHECKING, Iterator

from ..report import Link, TraceRow
from .findings import UNMEASURABLE
from .links import Linked, Nearest, link_methods, link_sources, nearest_unlinked

if TYPE_CHECKING:
    from ..document import Location
    from .classify import Classification
    from .linter import DocumentResult

_UNLINKED = ("missing-follow-up", "missing-sanction")
_COLUMNS = {"follow_up": "followup", "sanction": "sanction"}
"""The matrix's link columns and the class of the statements each lists."""
_LINK_STRENGTH = {"self": 0, "id": 1, "section": 2, "topic": 3, "blanket": 4}
LINKS_KEPT = 20
"""Follow-up and sanction links listed per requirement and column, the closest first
(:attr:`~checker.report.TraceRow.follow_up_more` says when there are more)."""


def trace(result: DocumentResult) -> list[TraceRow]:
    """The traceability matrix: every requirement, measurable or not, and its links.

    A requirement is measurable unless an active ``unmeasurable`` or ``ambiguous`` finding
    is about it. Its follow-up and sanction statements are linked the way each ruleset's
    followup and sanction rules link them; a statement linked several ways is listed once,
    with the closest way (self, then id, section, topic, blanket), and a row lists the
    :data:`LINKS_KEPT` closest of each column (``follow_up_more``, ``sanction_more``: there are more).
    """
    document = result.document
    why: dict[int, list[str]] = {}
    for finding in result.findings:
        if finding.category in UNMEASURABLE and not finding.suppressed:
            for statement in finding.about():  # a list's finding is about each item it names
                why.setdefault(statement, []).append(finding.message)
    # requirement → each classification that reads it as one, with what each column links it to there
    linking: dict[int, list[tuple[Classification, dict[str, tuple[str, frozenset[int], tuple[str, ...]]]]]] = {}
    for c in result.classifications:
        columns = {column: (kind, c.statements_of_class(kind), link_methods(c.ruleset, kind)) for column, kind in _COLUMNS.items()}
        for i in c.statements_of_class("requirement"):
            linking.setdefault(i, []).append((c, columns))
    reading = next((c.reading() for c in result.classifications if "modal_binding" in c.ruleset.lists), None)
    evidence = _evidence(result, frozenset(linking))
    rows: list[TraceRow] = []
    for i in sorted(linking):
        statement = document.statements[i]
        measurability = "no" if i in why else "yes" if i in evidence else "unclear"
        stated, stated_at = evidence.get(i, (None, None))
        row = TraceRow.model_construct(
            statement=i,
            requirement_id=statement.requirement_id,
            id_source=statement.id_source,
            text=statement.text,
            location=statement.location,
            measurable=measurability == "yes",
            measurability=measurability,
            evidence=stated,
            evidence_at=stated_at,
            party=reading.party_of(statement) if reading else None,
            unmeasurable_because=why.get(i, []),
        )
        for column in _COLUMNS:
            sources = []
            for c, columns in linking[i]:
                kind, targets, methods = columns[column]
                sources += link_sources(statement, targets, methods, c, kind)
            closest, more = _closest(sources)
            getattr(row, column).extend(
                Link.model_construct(
                    how=how,
                    statement=j,
                    text=document.statements[j].text,
                    location=document.statements[j].location,
                    reason=reason,
                    kind="blanket" if how == "blanket" else "specific",
                    detail=detail,
                )
                for how, j, reason, detail in closest
            )
            setattr(row, f"{column}_more", more)
        rows.append(row)
    return rows


def _closest(sources: list[tuple[str, Iterator[Linked]]]) -> tuple[list[Linked], bool]:
    """The :data:`LINKS_KEPT` closest links of ``sources`` (:func:`~checker.engine.links.link_sources`
    of every ruleset in use), each statement once with its closest way (self, then id, section,
    topic, blanket; the first source that gives it among equals), by way and then statement; and
    whether there are more. Each source is read only as far as needed: a requirement shares
    the links of its clause, topics and blanket clauses with many others, and listing all of them
    for each would make the matrix of a long document quadratic in its length."""
    best: dict[int, Linked] = {}
    for strength in sorted({_LINK_STRENGTH[how] for how, _ in sources}):
        same = [source for how, source in sources if _LINK_STRENGTH[how] == strength]
        for link in heapq.merge(*same, key=lambda link: link[1]):
            if link[1] in best:
                continue
            if len(best) == LINKS_KEPT:
                return list(best.values()), True
            best[link[1]] = link
    return list(best.values()), False


def _evidence(result: DocumentResult, requirements: frozenset[int]) -> dict[int, tuple[str, Location | None]]:
    """For each requirement that states a level, the words that state it and, when another
    statement states them, where: the first match of the ``evidence`` define of the first ruleset
    in use that has one (``en-base`` and ``sv-grund`` do: a quantity, a deadline, a frequency, a
    named standard or document) in the requirement, or else in the row of a deliverables table
    that names what it delivers (:attr:`~checker.reading.DocumentReading.scheduled`: "submit …
    vulnerability reports" and the row "Vulnerability reports … | Within one business day of …");
    when none in use has the define, that of the shipped rulesets of the document's language."""
    deciding = [c for c in result.classifications if "evidence" in c.ruleset.defines]
    if not deciding:
        deciding = [c for c in result.shipped_classifications() if "evidence" in c.ruleset.defines][:1]
    for c in deciding:
        define = c.ruleset.defines["evidence"]
        texts = result.document.statements
        found: dict[int, tuple[str, Location | None]] = {}
        held = c.evaluate(define.condition)
        for i in sorted(held & requirements):
            span = c.first_match(define.condition, i, True)
            found[i] = (texts[i].text[span[0] : span[1]] if span and span[1] > span[0] else "", None)
        for i, rows in c.reading().scheduled.items():
            row = next((row for row in rows if row in held), None)
            if i in requirements and i not in found and row is not None:
                span = c.first_match(define.condition, row, True)
                start, end = span if span and span[1] > span[0] else (0, 0)
                found[i] = (texts[row].text[start:end], texts[row].location_at(start))
        return found
    return {}


def unlinked_notes(result: DocumentResult) -> dict[tuple[str, int], tuple[str, Nearest]]:
    """For each active missing-follow-up or missing-sanction finding, by (rule, statement): the
    kind of statement its rule looks for ("followup" or "sanction") and the nearest such
    statement with why it is not linked (:func:`~checker.engine.links.nearest_unlinked`), so a
    writer sees what was found and why it does not count."""
    wanted: dict[str, list[int]] = {}
    for finding in result.findings:
        if finding.category in _UNLINKED and finding.statement is not None and not finding.suppressed:
            wanted.setdefault(finding.rule, []).append(finding.statement)
    notes: dict[tuple[str, int], tuple[str, Nearest]] = {}
    for c in result.classifications:
        for rule in c.ruleset.rules:
            if rule.full_id not in wanted or rule.target != "requirements" or rule.kind not in ("followup", "sanction"):
                continue
            targets = c.statements_of_class(rule.kind)
            for i in wanted.pop(rule.full_id):
                nearest = nearest_unlinked(i, targets, rule.linked_by, c, rule.kind)
                if nearest is not None:
                    notes[rule.full_id, i] = (rule.kind, nearest)
    return notes
