"""Findings: a rule's hits (:mod:`checker.rulekinds`) as :class:`~checker.report.Finding` s,
with their messages, suppressions and fingerprints."""

from __future__ import annotations

import hashlib
from functools import cached_property
from typing import Sequence

from ..config import Config
from ..document import Statement, trusted
from ..lazyre import lazy_compile
from ..report import Finding
from ..reporters.labels import Labels
from ..rulecompile import message_format, placeholders_in
from ..rulekinds import RULE_KINDS
from ..rulekinds.base import Hit
from ..rulemodel import Rule
from .classify import Classification

Placed = tuple[tuple, Finding]
"""A finding and its place in the document's order (line, column, rule, message)."""


def evaluate_rule(rule: Rule, c: Classification, config: Config) -> list[Placed]:
    """The findings of one rule on a classified document, each with its place."""
    hits = RULE_KINDS[rule.kind].evaluate(rule, c)
    first = next(hits, None)
    if first is None:
        return []
    statements = c.document.statements
    finding = FindingMaker(c, rule, config)
    reading = c.reading()
    listed = reading.statements("qualification_item") | reading.statements("task_item")
    hits = [first, *hits]
    quiet = frozenset(i for i, _, _ in hits if i is not None and finding.suppressed(statements[i]))
    kept, also = _one_per_list(hits, statements, listed, rule.kind in ("followup", "sanction"), rule.once_per == "document", quiet)
    return [
        finding(statements[i] if i is not None else None, span, statements[source] if source is not None else None, also.get(i, ())) for i, span, source in kept
    ]


_BEFORE_WORDS = lazy_compile(r"\W*")
"""What may stand before a match that quotes an item's first words: its bullet, quote mark, emphasis."""


def _one_per_list(
    hits: list[Hit], statements: list[Statement], listed: frozenset[int], whole: bool, once: bool = False, quiet: frozenset[int] = frozenset()
) -> tuple[list[Hit], dict[int, list[Statement]]]:
    """The hits to report, and for each the other items of its list (or rows of its table) it
    stands for. An item its lead-in makes a skill or a task (``listed``: qualification_item,
    task_item), flagged by a match that starts where its words start, is quoted as a whole
    ('the experience or skill "Cloud deployment" is asked for without a level'): what the rule
    finds wrong is the list's (its lead-in asks for experience; no item gives a level), and
    saying so on each of 29 items is one finding said 29 times. (An item that is a vague word
    ("The portal shall be:" / "- secure" / "- fast") is its own finding.) A follow-up or sanction rule
    (``whole``) finds each statement wanting as a whole, so its findings on the rows of one table
    or the items of one list are one too. The first item's finding names the others; a match
    inside an item (a vague word) stays a finding of its own item. The items of a sub-list whose
    lead-in is an item of the list belong to the list. A rule reported ``once`` per document
    (``report once per document``: what it finds missing is one clause the document lacks, such
    as a surveillance plan for all its levels) has one finding in it, naming every other statement.
    The statements a suppression names the rule for (``quiet``) group apart: a suppression is
    about its own statement, and hides none of the others' finding."""
    kept: list[Hit] = []
    also: dict[int, list[Statement]] = {}
    reporter: dict[tuple[bool, str, int], int] = {}  # (quiet,) a table, a lead-in, or an item of a reported list → the item that reports
    for hit in hits:
        i, span, _ = hit
        statement = statements[i] if i is not None else None
        group = None if statement is None else ("document", 0) if once else _group_of(statement, span, listed, whole)
        if group is None:  # a hit on the whole document (no statement) has none either
            kept.append(hit)
            continue
        suppressed = statement.index in quiet
        head = reporter.get((suppressed, *group))
        if head is not None:  # a later item or row, or an item of a sub-list whose lead-in is reported for
            reporter[suppressed, "statement", statement.index] = head
            also[head].append(statement)
        else:
            reporter[(suppressed, *group)] = reporter[suppressed, "statement", statement.index] = statement.index
            also[statement.index] = []
            kept.append(hit)
    return kept, also


def _group_of(statement: Statement, span: tuple[int, int] | None, listed: frozenset[int], whole: bool) -> tuple[str, int] | None:
    """The table or list whose one finding a hit on ``statement`` joins, if any (see :func:`_one_per_list`)."""
    if whole and statement.kind == "table_row" and statement.table is not None:
        return "table", statement.table
    quoted_whole = statement.index in listed and span is not None and _BEFORE_WORDS.fullmatch(statement.text, 0, span[0])
    if statement.lead_in is not None and (whole or quoted_whole):
        return "statement", statement.lead_in
    return None


UNMEASURABLE = ("unmeasurable", "ambiguous")
"""The categories of findings that make a requirement not measurable: both are about its words."""


def said_once(placed: list[Placed]) -> list[Placed]:
    """The findings without those whose words another finding on the same statement already
    quotes, both of :data:`UNMEASURABLE`: a match inside another's ("rimlig" in "med rimlig
    framförhållning", "oskäligt" in "utan oskäligt uppehåll") tells the writer nothing new, and
    one fix answers both. Two rules on the very same words both stay: a ruleset's own rule is
    not hidden by a shipped one it extends. A structure finding
    quotes words for another reason ("ITIL" without an equivalent, inside the words of two
    duties in one sentence) and is left alone, and so is one that stands for other statements
    (``also``): left out, it would take their finding with it."""
    quoted = [
        (finding.statement, finding.match_start, -len(finding.match), n, bool(finding.also))
        for n, (_, finding) in enumerate(placed)
        if finding.category in UNMEASURABLE and finding.statement is not None and finding.match_start is not None and finding.match and not finding.suppressed
    ]
    quoted.sort()  # each statement's matches from the left, the longer of two at one place first
    dropped: set[int] = set()
    kept: dict[int, list[tuple[int, int]]] = {}  # statement → the spans of the findings kept (a few: one per rule at most)
    for statement, start, length, n, stands_for_others in quoted:
        end = start - length
        spans = kept.setdefault(statement, [])
        if not stands_for_others and any(s <= start and end <= e and (s, e) != (start, end) for s, e in spans):  # inside words already quoted
            dropped.add(n)
        else:
            spans.append((start, end))
    return [pair for n, pair in enumerate(placed) if n not in dropped] if dropped else placed


OWN_DUTY_CATEGORIES = (*UNMEASURABLE, "structure")
"""The categories of findings about a duty's own words, which say whose duty it is when it is
the buyer's or both parties' (and are then of severity info: a pipeline that fails on warnings
is not failed by the buyer's own wording). A weak sanction is the buyer's act by its nature (it
is imposed on the supplier), and the findings that a requirement lacks follow-up or a sanction
are the supplier's only (the rulesets leave the buyer's and both parties' duties out): theirs
are left as they are."""

_PLACES_NAMED = 12
"""Places a finding that stands for others names in its message; a document's forty
requirements without follow-up would make a message no one reads to its end."""


class FindingMaker:
    """Makes the findings of one rule on one document: what is the same for all of them is
    worked out once."""

    def __init__(self, c: Classification, rule: Rule, config: Config) -> None:
        document = c.document
        language = c.ruleset.language
        self.document = document
        self.rule = rule
        self.line_word = "rad" if (document.language if language == "any" else language) == "sv" else "line"
        used = placeholders_in(rule.message) | placeholders_in(rule.suggest)
        self.needs_id, self.needs_text, self.needs_section = ("requirement.id" in used, "statement" in used, "section" in used)
        self.message, self.suggestion = message_format(rule.message), message_format(rule.suggest)
        self.severity = config.severity_of(rule)
        self.rule_id, self.title, self.category = rule.full_id, rule.title, rule.category
        self.reference, self.path = rule.reference or None, document.path
        self.ignored_by = {rule.full_id, rule.id, "*", "all"}
        self.labels = Labels(document.language if language == "any" else language)
        self.reading = c.reading()
        self.own_duty_findings = rule.category in OWN_DUTY_CATEGORIES

    def _also(self, statement: Statement | None, also: Sequence[Statement]) -> str:
        """The sentence a finding that stands for others ends with: where they are, the first
        :data:`_PLACES_NAMED` of them by place (the finding's ``also`` lists every one)."""
        places = ", ".join(self.labels.where(item.location, self.document.format) for item in also[:_PLACES_NAMED])
        if len(also) > _PLACES_NAMED:
            places = self.labels("finding.also_more", places=places, count=len(also) - _PLACES_NAMED)
        if self.rule.once_per == "document":  # the others are what the rule flags: sanctions for "for sanctions where …"
            key = "finding.also_document_sanctions" if self.rule.target == "sanctions" else "finding.also_document"
            return self.labels(key + "_one" if len(also) == 1 else key, places=places, count=len(also))
        return self.labels("finding.also_rows" if statement is not None and statement.kind == "table_row" else "finding.also", places=places)

    def __call__(
        self, statement: Statement | None, span: tuple[int, int] | None, match_from: Statement | None = None, also: Sequence[Statement] = ()
    ) -> tuple[tuple, Finding]:
        """The finding, and its place in the document's order (line, column, rule, message). A
        finding about the whole document (``statement`` None) takes its match from ``match_from``;
        one for a list (``also``: its other items) names where they stand."""
        party = self.reading.party_of(statement) if statement is not None else None
        source = statement if statement is not None else match_from
        match = source.text[span[0] : span[1]] if span and source is not None else None
        location = match_start = end_column = None
        values = {"match": match or "", "requirement_id": "", "statement": "", "section": ""}
        if statement is not None:
            if span:
                match_start = span[0]
                location, end_column = statement.span_location(*span)
            else:
                location = statement.location
            if self.needs_id:
                values["requirement_id"] = statement.requirement_id or f"{self.line_word} {statement.location.line}"
            if self.needs_text:
                values["statement"] = statement.text
            if self.needs_section:
                values["section"] = self.document.section_label(statement.section) or ""
        message = self.message.format(**values)
        suggestion = self.suggestion.format(**values) or None
        severity = self.severity
        if party in ("buyer", "mutual") and self.own_duty_findings:
            message, suggestion = self._own_duty(party, message, suggestion)
            severity = "info"
        elif party == "tenderer" and self.own_duty_findings:  # what the tender must say: the tenderer's, not the supplier's
            message, suggestion = self._own_duty(party, message, suggestion)
        if also:
            message += " " + self._also(statement, also)
        suppressed, reason = self._suppression(statement)
        # Every value comes from the compiled rule and the document model, both validated already.
        finding = trusted(
            Finding,
            {  # in the order of Finding's fields, the order of its JSON
                "rule": self.rule_id,
                "title": self.title,
                "category": self.category,
                "severity": severity,
                "message": message,
                "suggestion": suggestion,
                "file": self.path,
                "location": location,
                "text": statement.text if statement is not None else None,
                "match": match,
                "match_start": match_start,
                "end_column": end_column,
                "requirement_id": statement.requirement_id if statement is not None else None,
                "reference": self.reference,
                "statement": statement.index if statement is not None else None,
                "party": party,
                "also": [item.index for item in also] or None,
                "also_locations": [item.location for item in also] or None,
                "fingerprint": _fingerprint(self.rule, statement, match),
                "group_fingerprints": [_fingerprint(self.rule, item, None) for item in (statement, *also)] if also and statement is not None else None,
                "suppressed": suppressed,
                "suppression_reason": reason,
            },
        )
        place = (location.line, location.column) if location is not None else (0, 0)
        return (*place, self.rule_id, message), finding

    def _own_duty(self, party: str, message: str, suggestion: str | None) -> tuple[str, str | None]:
        """The message and suggestion of a finding on the buyer's own duty, a clause binding
        both parties or the tenderer's duty, what its tender must say (``party``): the message says
        whose duty it is, so that it does not read as the supplier's fault, and a suggestion that would have the supplier bound (its example
        names the supplier: "K4.3 Leverantören ska …") gives way to one that keeps the duty
        where it is."""
        message = self.labels(f"finding.own_duty.{party}") + message
        if suggestion is not None and self._suggests_binding_supplier:
            suggestion = self.labels(f"finding.own_duty_suggestion.{party}")
        return message, suggestion

    @cached_property
    def _suggests_binding_supplier(self) -> bool:
        """Whether the rule's suggestion names the supplier (by the reading's ``party_supplier``
        words): asked only of a rule with a finding on the buyer's or both parties' duty."""
        supplier = self.reading.vocabulary.finder("party_supplier")
        return supplier is not None and supplier.search(self.rule.suggest)

    def suppressed(self, statement: Statement) -> bool:
        """Whether a suppression in the statement's block names the rule."""
        return self._suppression(statement)[0]

    def _suppression(self, statement: Statement | None) -> tuple[bool, str | None]:
        """Whether a suppression in the statement's block (the first block, for the document) names the rule."""
        blocks = self.document.blocks
        number = 0 if statement is None else statement.block
        for suppression in blocks[number].suppressions if number < len(blocks) else ():
            if not self.ignored_by.isdisjoint(suppression.rules):
                return True, suppression.reason or None
        return False, None


_OUTLINE_NUMBER = lazy_compile(r"\d+(?:\.\d+)*[.):]?(?:\s*\|\s*|\s+)")


def _fingerprint(rule: Rule, statement: Statement | None, match: str | None) -> str:
    """Rule, statement text and match: no line numbers, no file path, no section, and no outline
    number ("4.2 ") at the start of the text, so a finding keeps its fingerprint when its paragraph
    moves to another section, when headings are renumbered, and in the next revision of a
    renamed file; it changes when the statement is reworded. (A requirement id such as "K4.1"
    is part of the text; one inherited from a numbered heading is not.)"""
    text = _single_spaced(statement.text) if statement is not None else ""
    numbered = _OUTLINE_NUMBER.match(text)
    if numbered:
        text = text[numbered.end() :]
    raw = "\x1f".join((rule.full_id, text, match or ""))
    return hashlib.sha256(raw.encode("utf-8")).digest()[:16].hex()


def _single_spaced(text: str) -> str:
    """The text's words with one space between them (most texts are already)."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text  # every white space but " " is unprintable
    return " ".join(text.split())
