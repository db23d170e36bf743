"""The checking engine: classify statements, evaluate rules, link requirements.

For each document, one RE2 set holding every term list and pattern of the rulesets checked
together, run once on each statement, gives every atom's set of statements (a list or pattern
that several rulesets define alike is matched once); conditions are then set algebra
(``and`` = ∩, ``or`` = ∪, ``not`` = complement). Links between requirements and follow-up
or sanction statements come from indexes (ids mentioned, sections, tables, topics), never
from comparing all pairs of statements.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

from .config import Config, unknown_selector
from .document import Document, Statement, trusted
from .errors import InputError, KravError, RuleError
from .ids import MentionFinder, MentionTexts, id_key
from .limits import one_document
from .matching import LONE_SYMBOLS, StatementMatcher, compile_pattern, plain_text, word_count
from .report import (
    FileReport,
    Finding,
    Link,
    Report,
    RulesetInfo,
    Tool,
    TraceRow,
    finding_sort_key,
    summarize,
)
from .rulecompile import load_rulesets, message_format, placeholders_in, shipped_ruleset_language, shipped_ruleset_names
from .rulemodel import (
    LINK_METHODS,
    STATEMENT_CLASSES,
    And,
    ClassAtom,
    HasId,
    InSection,
    Not,
    Or,
    PatternAtom,
    ReadingAtom,
    Rule,
    Ruleset,
    TermsAtom,
    Words,
)
from .reading import VOCABULARY, DocumentReading, vocabulary

EMPTY: frozenset[int] = frozenset()
_WHOLE_DOCUMENT = 30
"""Statements a section must hold directly before it can count as the whole document."""
_UNMEASURABLE = ("unmeasurable", "ambiguous")


# ---- compiled matchers, built once per set of rulesets ----------------------------------------

@dataclass
class SharedMatcher:
    """The term lists and patterns of rulesets checked together, in one RE2 set: a list or
    pattern that several of them define alike (an extended ruleset's, a common inline list) is
    matched once per document, not once per ruleset."""

    matcher: StatementMatcher
    list_keys: list[dict[str, str]]  # per ruleset: list name → key in ``matcher``
    pattern_keys: list[dict[str, str]]  # per ruleset: pattern name → key in ``matcher``

    def matches(self, index: DocumentIndex) -> DocumentMatches:
        """Which statements of the document each list and pattern holds."""
        return DocumentMatches(self.matcher, index.flat_texts)


class DocumentMatches:
    """Which statements each list and pattern (by key) of a shared matcher holds in one document;
    where it matched is found when a finding asks, once per statement."""

    def __init__(self, matcher: StatementMatcher, texts: Sequence[str]) -> None:
        self.matcher = matcher
        self.texts = texts
        self.statements = {key: frozenset(numbers) for key, numbers in matcher.scan_many(texts).items()}
        self._spans: dict[tuple[str, int], tuple[int, int] | None] = {}
        self._lone_symbols = self.statements.pop(LONE_SYMBOLS, EMPTY)
        self.readings: dict[tuple, DocumentReading] = {}
        """The reading of obligations (:mod:`checker.reading`) by its vocabulary's list keys."""
        self.results: dict[tuple, frozenset[int]] = {}
        """Statements of each condition, by its shape (:meth:`Classification.shape`): rulesets that
        extend one another share most of their conditions, which are then evaluated once."""

    def more_words_than(self, number: int, limit: int) -> bool:
        """Whether statement ``number`` has more than ``limit`` words (:func:`word_count`);
        most statements are answered by splitting off no more than ``limit`` + 1 words."""
        text = self.texts[number]
        if number in self._lone_symbols:
            return word_count(text) > limit
        return len(text.split(None, limit)) > limit if limit >= 0 else True

    def span(self, key: str, number: int) -> tuple[int, int] | None:
        """Where list or pattern ``key`` first matches statement ``number`` (found once)."""
        found = self._spans.get((key, number), False)
        if found is False:
            locate = self.matcher.pattern_span if key in self.matcher.patterns else self.matcher.term_span
            found = self._spans[key, number] = locate(key, self.texts[number])
        return found


_SHARED: dict[tuple[int, ...], tuple[tuple[Ruleset, ...], SharedMatcher]] = {}
_SHARED_KEPT = 16


def matcher_for(rulesets: Sequence[Ruleset]) -> SharedMatcher:
    """The matcher of rulesets checked together (built on first use, then kept)."""
    if len(rulesets) == 1 and rulesets[0]._matcher is not None:
        return rulesets[0]._matcher
    key = tuple(id(r) for r in rulesets)
    if key in _SHARED:
        return _SHARED[key][1]
    matcher = _build_shared(rulesets)
    if len(rulesets) == 1:
        rulesets[0]._matcher = matcher
    else:
        if len(_SHARED) >= _SHARED_KEPT:
            del _SHARED[next(iter(_SHARED))]
        _SHARED[key] = (tuple(rulesets), matcher)  # the rulesets stay alive, so their ids stay theirs
    return matcher


def _build_shared(rulesets: Sequence[Ruleset]) -> SharedMatcher:
    lists: dict[tuple[str, ...], str] = {}
    patterns: dict[tuple[str, str], str] = {}
    list_keys = [{name: lists.setdefault(tuple(sorted(set(entry.terms))), f"t{len(lists)}")
                  for name, entry in ruleset.lists.items()} for ruleset in rulesets]
    pattern_keys = [{name: patterns.setdefault((p.source, p.flags), f"p{len(patterns)}")
                     for name, p in ruleset.patterns.items()} for ruleset in rulesets]
    return SharedMatcher(
        matcher=StatementMatcher({key: terms for terms, key in lists.items()},
                                 {key: compile_pattern(source, flags) for (source, flags), key in patterns.items()}),
        list_keys=list_keys,
        pattern_keys=pattern_keys,
    )


# ---- per-document facts shared by all rulesets --------------------------------------------------


@dataclass
class DocumentIndex:
    """Facts about a document that do not depend on rules."""

    document: Document
    flat_texts: list[str] = field(init=False, repr=False)
    """Each statement's text as terms and patterns see it (:func:`plain_text`)."""
    headings: frozenset[int] = field(init=False, repr=False)
    with_id: frozenset[int] = field(init=False, repr=False)
    """Statements with an id of their own (leading, or in an id column)."""
    by_section: dict[int | None, frozenset[int]] = field(init=False, repr=False)
    """Section → its statements (not its headings); None: those before the first heading."""
    by_table: dict[int, frozenset[int]] = field(init=False, repr=False)
    list_items: dict[int, frozenset[int]] = field(init=False, repr=False)
    """Lead-in statement → the list items it introduces."""
    _mentions: dict[frozenset[int], dict[str, frozenset[int]]] = field(default_factory=dict, repr=False)
    _mention_texts: dict[frozenset[int], tuple[list[int], MentionTexts]] = field(default_factory=dict, repr=False)
    _id_keys: dict[int, str | None] = field(default_factory=dict, repr=False)
    _keys_of_ids: dict[str, str] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        """One pass over the statements for the facts every check uses."""
        flat: list[str] = []
        headings: list[int] = []
        with_id: list[int] = []
        sections: dict[int | None, list[int]] = {}
        tables: dict[int, list[int]] = {}
        lead_ins: dict[int, list[int]] = {}
        section, in_section = -1, []  # statements of a section mostly come together
        for s in self.document.statements:
            i, text = s.index, s.text
            flat.append(text if text.isascii() and text.isprintable() else plain_text(text))
            if s.kind == "heading":
                headings.append(i)
            else:
                if s.section != section:
                    section = s.section
                    in_section = sections.setdefault(section, [])
                in_section.append(i)
            if s.table is not None:
                tables.setdefault(s.table, []).append(i)
            if s.lead_in is not None:
                lead_ins.setdefault(s.lead_in, []).append(i)
            if s.requirement_id and s.id_source in ("leading", "column"):
                with_id.append(i)
        self.flat_texts = flat
        self.headings = frozenset(headings)
        self.with_id = frozenset(with_id)
        self.by_section = {k: frozenset(v) for k, v in sections.items()}
        self.by_table = {k: frozenset(v) for k, v in tables.items()}
        self.list_items = {k: frozenset(v) for k, v in lead_ins.items()}

    @cached_property
    def universe(self) -> frozenset[int]:
        return frozenset(range(len(self.document.statements)))

    def id_key_of(self, i: int) -> str | None:
        """Statement ``i``'s requirement id as ids are compared (:func:`id_key`), if it has one."""
        if i not in self._id_keys:
            s = self.document.statements[i]
            self._id_keys[i] = self._key_of_id(s.requirement_id) if s.requirement_id and s.id_source else None
        return self._id_keys[i]

    def _key_of_id(self, requirement_id: str) -> str:
        key = self._keys_of_ids.get(requirement_id)  # statements under one heading share its id
        if key is None:
            key = self._keys_of_ids[requirement_id] = id_key(requirement_id)
        return key

    def mention_texts(self, targets: frozenset[int]) -> tuple[list[int], MentionTexts]:
        """The statements of ``targets`` in order, and their texts prepared for mention finders."""
        found = self._mention_texts.get(targets)
        if found is None:
            numbers = sorted(targets)
            found = self._mention_texts[targets] = (numbers, MentionTexts([self.document.statements[i].text for i in numbers]))
        return found

    def mentions(self, targets: frozenset[int], keys: Iterable[str]) -> dict[str, frozenset[int]]:
        """Id key (of ``keys``) → the statements of ``targets`` that mention it or carry it as
        their own leading/column id."""
        keys = set(keys)
        numbers, texts = self.mention_texts(targets)
        index = {key: {numbers[k] for k in positions} for key, positions in MentionFinder(keys).find(texts).items()}
        for i in targets & self.with_id:
            if (key := self.id_key_of(i)) in keys:
                index.setdefault(key, set()).add(i)
        return {k: frozenset(v) for k, v in index.items()}

    def mentions_in(self, targets: frozenset[int]) -> dict[str, frozenset[int]]:
        """:meth:`mentions` of every id the document's statements have and of every clause number
        (computed once per set of targets: the matrix asks for each requirement in turn)."""
        found = self._mentions.get(targets)
        if found is None:
            keys = {self.id_key_of(i) for i in range(len(self.document.statements))} - {None}
            keys |= {key for chain in self.clause_keys.values() for key, _ in chain}
            found = self._mentions[targets] = self.mentions(targets, keys)
        return found

    @cached_property
    def clause_keys(self) -> dict[int, tuple[tuple[str, str], ...]]:
        """Section → the numbers of it and of the sections around it, as ids are compared, with
        the section's label, innermost first: what a cross-reference ("as set out in section
        6.3", "enligt punkt 4.2") to a statement's clause names."""
        keys: dict[int, tuple[tuple[str, str], ...]] = {}
        for section in self.document.sections:  # a parent comes before its children
            outer = keys.get(section.parent, ()) if section.parent is not None else ()
            own = ((id_key(section.number.replace("§", "")), section.label),) if section.number else ()
            keys[section.index] = own + outer
        return keys

    def reference_keys(self, i: int) -> list[tuple[str, str, str]]:
        """The ids a statement that follows up or sanctions statement ``i`` may name, as
        (key, reason, detail): its own id ("id" when it is a requirement id such as K4.1 or
        REQ-12, "cross-reference" when it is a clause number), then the numbers of the clauses
        it stands in ("cross-reference")."""
        found: list[tuple[str, str, str]] = []
        statement = self.document.statements[i]
        own = self.id_key_of(i)
        if own is not None:
            compact = statement.id_source in ("leading", "column") and own[:1].isalpha() and " " not in own
            found.append((own, "id" if compact else "cross-reference", statement.requirement_id or own))
        if statement.section is not None:
            found.extend((key, "cross-reference", label) for key, label in self.clause_keys.get(statement.section, ())
                         if key != own)
        return found

    @cached_property
    def whole_document_sections(self) -> frozenset[int]:
        """Sections that hold (directly) half or more of a long document's statements: a title
        heading, or a heading over a text whose own structure was not read. Being under one says
        nothing about two statements, so they are not linked by it."""
        total = len(self.document.statements) - len(self.headings)
        return frozenset(section for section, members in self.by_section.items()
                         if section is not None and len(members) >= _WHOLE_DOCUMENT and 2 * len(members) >= total)

    def clause_key(self, i: int) -> tuple:
        """What names the clause of :meth:`clause_of`: its section, or its paragraph and table."""
        statement = self.document.statements[i]
        if self.section_group(i):
            return ("section", statement.section)
        return ("block", statement.block, statement.table)

    def clause_of(self, i: int) -> frozenset[int]:
        """The statements of the clause statement ``i`` stands in (:meth:`section_group`, with
        the tables in it); outside any clause, those of its paragraph and of its table."""
        statement = self.document.statements[i]
        group = self.section_group(i)
        if not group:
            group = self.by_block.get(statement.block, EMPTY)
            if statement.table is not None:
                group = group | self.by_table.get(statement.table, EMPTY)
        return group

    @cached_property
    def by_block(self) -> dict[int, frozenset[int]]:
        """Block → its statements."""
        blocks: dict[int, list[int]] = {}
        for s in self.document.statements:
            blocks.setdefault(s.block, []).append(s.index)
        return {k: frozenset(v) for k, v in blocks.items()}

    def section_group(self, i: int) -> frozenset[int]:
        """The statements of the clause statement ``i`` stands in; none when it stands in no
        section or in one that is the whole document (:attr:`whole_document_sections`)."""
        section = self.document.statements[i].section
        if section is None or section in self.whole_document_sections:
            return EMPTY
        return self.by_section.get(section, EMPTY)

    @cached_property
    def section_children(self) -> dict[int, list[int]]:
        children: dict[int, list[int]] = {}
        for section in self.document.sections:
            if section.parent is not None:
                children.setdefault(section.parent, []).append(section.index)
        return children

    def descendants(self, sections: Iterable[int]) -> set[int]:
        """The sections given and every section below them."""
        found: set[int] = set()
        waiting = list(sections)
        while waiting:
            section = waiting.pop()
            if section not in found:
                found.add(section)
                waiting.extend(self.section_children.get(section, ()))
        return found


# ---- classification: one ruleset on one document ----------------------------------------------


class Classification:
    """Which statements each atom of a ruleset holds for, and where it matched."""

    def __init__(self, ruleset: Ruleset, index: DocumentIndex, matches: tuple[DocumentMatches, dict[str, str], dict[str, str]] | None = None) -> None:
        """``matches``: the document's matches of a :class:`SharedMatcher` for several rulesets
        at once, with this ruleset's list and pattern keys in it; else they are found here."""
        self.ruleset = ruleset
        self.index = index
        self.document = index.document
        if matches is None:
            shared = matcher_for([ruleset])
            matches = (shared.matches(index), shared.list_keys[0], shared.pattern_keys[0])
        self.matches, self.list_keys, self.pattern_keys = matches
        found = self.matches.statements
        self.term_sets = {name: found[key] for name, key in self.list_keys.items() if key in found}
        self.pattern_sets = {name: found[key] for name, key in self.pattern_keys.items() if key in found}
        self._cache: dict[int, frozenset[int]] = {}
        self._shapes: dict[int, tuple] = {}
        self._classes: dict[str, frozenset[int]] = {}
        self._among: dict[tuple[frozenset[int], ...], tuple[int, ...]] = {}
        self._class_spans: dict[tuple[str, int], tuple[int, int] | None] = {}
        self._clause_answers: dict[Any, Any] = {}  # (condition, clause) → whether the clause lacks it; condition → where it holds outside sanctions
        self._blanket_words: dict[int, str | None] = {}

    # -- statement classes
    def statements_of_class(self, name: str) -> frozenset[int]:
        """Statements of a define; headings never belong to one. The items of a list belong to
        the statement class (requirement, followup, sanction, blanket) of the sentence that
        introduces them ("Konsulten ska ha: • …"); other defines hold for a statement by its own
        words only (a lead-in "… within 2 weeks:" makes no bullet under it measurable)."""
        if name not in self._classes:
            carried = name in STATEMENT_CLASSES
            shape = ("class", carried, self._define_shape(name))
            members = self.matches.results.get(shape)
            if members is None:
                define = self.ruleset.defines.get(name)
                members = EMPTY if define is None else self.evaluate(define.condition) - self.index.headings
                introduced = [self.index.list_items[i] for i in members & self.index.list_items.keys()] if carried else []
                members = self.matches.results[shape] = members.union(*introduced) if introduced else members
            self._classes[name] = members
        return self._classes[name]

    def shape(self, condition: Any) -> tuple:
        """What a condition means, written with the shared matcher's keys and with classes
        expanded: two rulesets' conditions of one shape hold for the same statements."""
        key = id(condition)
        shape = self._shapes.get(key)
        if shape is None:
            shape = self._shapes[key] = self._shape(condition)
        return shape

    def _define_shape(self, name: str) -> tuple:
        define = self.ruleset.defines.get(name)
        return ("define", self.shape(define.condition) if define is not None else None)

    def _shape(self, condition: Any) -> tuple:
        if isinstance(condition, TermsAtom):
            return ("terms", self.list_keys.get(condition.list))
        if isinstance(condition, PatternAtom):
            return ("pattern", self.pattern_keys.get(condition.pattern))
        if isinstance(condition, ClassAtom):  # statement classes carry to list items, other defines do not
            return ("class", condition.define in STATEMENT_CLASSES, self._define_shape(condition.define))
        if isinstance(condition, (And, Or)):
            return (condition.kind, *(self.shape(o) for o in condition.operands))
        if isinstance(condition, Not):
            return ("not", self.shape(condition.operand))
        if isinstance(condition, InSection):
            return ("in_section", self.list_keys.get(condition.list))
        if isinstance(condition, Words):
            return ("words", condition.op, condition.count)
        if isinstance(condition, ReadingAtom):
            return ("reading", condition.name, self.vocabulary_key)
        return (condition.kind,)

    def among(self, targets: frozenset[int], *groups: frozenset[int]) -> tuple[int, ...]:
        """The statements of ``targets`` in any of ``groups``, in order; computed once per question."""
        key = (targets, *groups)
        found = self._among.get(key)
        if found is None:
            found = self._among[key] = tuple(sorted(targets & frozenset().union(*groups)))
        return found

    # -- conditions as set algebra
    def evaluate(self, condition: Any) -> frozenset[int]:
        """The statements for which ``condition`` holds."""
        key = id(condition)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        shape = self.shape(condition)
        result = self.matches.results.get(shape)
        if result is None:
            result = self.matches.results[shape] = self._evaluate(condition)
        self._cache[key] = result
        return result

    def _evaluate(self, condition: Any) -> frozenset[int]:
        if isinstance(condition, TermsAtom):
            return self.term_sets.get(condition.list, EMPTY)
        if isinstance(condition, PatternAtom):
            return self.pattern_sets.get(condition.pattern, EMPTY)
        if isinstance(condition, ClassAtom):
            return self.statements_of_class(condition.define)
        if isinstance(condition, And):
            # "not X" and "words > n" narrow what the other operands leave: no complement or
            # word count of the whole document is made for them.
            negated = [o.operand for o in condition.operands if isinstance(o, Not)]
            counts = [o for o in condition.operands if isinstance(o, Words)]
            others = [o for o in condition.operands if not isinstance(o, (Not, Words))]
            result = self.evaluate(others[0]) if others else self.index.universe
            for operand in others[1:]:
                if not result:
                    break
                result = result & self.evaluate(operand)
            for operand in negated:
                if not result:
                    break
                result = result - self.evaluate(operand)
            for words in counts:
                result = self._words(words, result)
            return result
        if isinstance(condition, Or):
            return frozenset().union(*(self.evaluate(o) for o in condition.operands))
        if isinstance(condition, Not):
            return self.index.universe - self.evaluate(condition.operand)
        if isinstance(condition, InSection):
            return self._in_section(condition.list)
        if isinstance(condition, HasId):
            return self.index.with_id
        if isinstance(condition, ReadingAtom):
            return self.reading().statements(condition.name) - self.index.headings
        if isinstance(condition, Words):
            return self._words(condition, self.index.universe)
        raise KravError(f"internal error: unresolved condition {condition!r}")

    def _words(self, condition: Words, among: frozenset[int]) -> frozenset[int]:
        """The statements of ``among`` whose word count satisfies ``condition``."""
        more, op, count = self.matches.more_words_than, condition.op, condition.count
        if op in (">", ">="):  # words >= n: more than n - 1
            limit = count if op == ">" else count - 1
            return frozenset(i for i in among if more(i, limit))
        limit = count - 1 if op == "<" else count  # words < n: not more than n - 1
        return frozenset(i for i in among if not more(i, limit))

    # -- the reading of obligations
    @cached_property
    def vocabulary_key(self) -> tuple:
        """The reading's vocabulary as the shared matcher's keys: rulesets with the same lists
        share one reading."""
        return tuple(self.list_keys.get(name) for name in VOCABULARY)

    def reading(self) -> DocumentReading:
        """Who each obligation of the document binds, read with this ruleset's vocabulary."""
        key = self.vocabulary_key
        found = self.matches.readings.get(key)
        if found is None:
            lists = tuple((name, tuple(self.ruleset.lists[name].terms)) for name in VOCABULARY if name in self.ruleset.lists)
            candidates = (self.term_sets.get("modal_binding", EMPTY) | self.term_sets.get("modal_future", EMPTY)) - self.index.headings
            tender = len(self.term_sets.get("tender_context", EMPTY) - self.index.headings)
            found = self.matches.readings[key] = DocumentReading(self.document, vocabulary(lists), self.index.flat_texts, candidates, tender)
        return found

    def _in_section(self, list_name: str) -> frozenset[int]:
        heading_hits = self.term_sets.get(list_name, EMPTY) & self.index.headings
        statements = self.document.statements
        sections = {statements[i].section for i in heading_hits} - {None}
        return frozenset().union(*(self.index.by_section.get(s, EMPTY) for s in self.index.descendants(sections)))

    def blanket_words(self, j: int) -> str | None:
        """The words that make statement ``j`` a blanket clause ("any nonconforming service"),
        found once per statement."""
        if j not in self._blanket_words:
            blanket = self.ruleset.defines.get("blanket")
            span = self.first_match(blanket.condition, j) if blanket is not None else None
            self._blanket_words[j] = self.document.statements[j].text[span[0]:span[1]] if span else None
        return self._blanket_words[j]

    def holds_in_clause(self, condition: Any, i: int) -> bool:
        """Whether ``condition``, which holds for sanction statement ``i``, also holds for the
        clause it stands in: what it says is judged on the statement, what it lacks (``not …``)
        on the whole clause. "Service credits apply as set out below" lacks no amount when the
        credit table below it, in the same clause, has one; "If availability falls below 99.5 %"
        gives the trigger of the credit sentence after it (:meth:`DocumentIndex.clause_of`).
        Another sanction in the same clause is one of its own: its amount is not this one's."""
        kind = condition.kind
        if kind == "not":
            found = self.evaluate(condition.operand)
            if i in found:
                return False
            # Each other sanction is a clause of its own; the answer is the same for every
            # sanction of a clause, so it is found once per clause and condition.
            key = (id(condition), self.index.clause_key(i))
            lacks = self._clause_answers.get(key)
            if lacks is None:
                elsewhere = self._clause_answers.get(id(condition))
                if elsewhere is None:
                    elsewhere = self._clause_answers[id(condition)] = found - self.statements_of_class("sanction")
                lacks = self._clause_answers[key] = self.index.clause_of(i).isdisjoint(elsewhere)
            return lacks
        if kind == "and":
            return all(self.holds_in_clause(operand, i) for operand in condition.operands)
        if kind == "or":
            return any(i in self.evaluate(operand) and self.holds_in_clause(operand, i) for operand in condition.operands)
        if kind == "class":
            define = self.ruleset.defines.get(condition.define)
            return define is None or i not in self.evaluate(define.condition) or self.holds_in_clause(define.condition, i)
        return True

    def first_match(self, condition: Any, i: int, holds: bool = False) -> tuple[int, int] | None:
        """Span of the first positive term or pattern atom that made ``condition`` hold for ``i``
        (``holds``: it is known to hold, as it does for the statements a rule reports)."""
        kind = condition.kind
        if kind == "terms":
            if not holds and i not in self.term_sets.get(condition.list, EMPTY):
                return None
            return self.matches.span(self.list_keys[condition.list], i)
        if kind == "pattern":
            if not holds and i not in self.pattern_sets.get(condition.pattern, EMPTY):
                return None
            return self.matches.span(self.pattern_keys[condition.pattern], i)
        if kind == "reading":
            return self.reading().span(i) if holds or i in self.evaluate(condition) else None
        if kind == "class":  # a list item is of its lead-in's class: its define need not hold for it
            key = (condition.define, i)
            if key not in self._class_spans:  # once per define and statement: defines may use one another many times
                define = self.ruleset.defines.get(condition.define)
                self._class_spans[key] = self.first_match(define.condition, i) if define else None
            return self._class_spans[key]
        if kind == "and":
            every = holds or i in self.evaluate(condition)  # then so does each operand
            for operand in condition.operands:
                if every or i in self.evaluate(operand):
                    span = self.first_match(operand, i, True)
                    if span is not None:
                        return span
        elif kind == "or":
            for operand in condition.operands:
                if i in self.evaluate(operand):
                    span = self.first_match(operand, i, True)
                    if span is not None:
                        return span
        return None


# ---- linking -------------------------------------------------------------------------------------


Linked = tuple[str, int, str, str | None]
"""(how, statement, reason, detail) of one link: see :class:`~checker.report.Link`."""


def links_of(requirement: Statement, targets: frozenset[int], methods: Sequence[str], c: Classification) -> list[Linked]:
    """(how, statement, reason, detail) for each statement of ``targets`` linked to ``requirement``."""
    return list(iter_links(requirement, targets, methods, c))


def iter_links(requirement: Statement, targets: frozenset[int], methods: Sequence[str], c: Classification) -> Iterator[Linked]:
    """The links of :func:`links_of`, one at a time: a rule only asks whether there is one.

    ``id`` links statements that name the requirement's id or the number of a clause it stands
    in (a cross-reference); ``section`` those in its clause (the nearest enclosing section, unless
    that is the whole document) or its table; ``topic`` those that share a topic list with it
    (a blanket clause's topic words are part of its "all": it links as blanket); ``blanket``
    the blanket clauses. The statements a section, table, topic or blanket clause
    links to are the same for every requirement that shares it, so they are computed once
    (:meth:`Classification.among`); checking stays linear in the size of the document.
    """
    index = c.index
    i = requirement.index
    if i in targets:
        yield ("self", i, "self", None)
    if "id" in methods:
        keys = index.reference_keys(i)
        if keys:
            mentions = index.mentions_in(targets)
            for key, reason, detail in keys:
                for j in sorted(mentions.get(key, EMPTY)):
                    if j != i:
                        yield ("id", j, reason, detail)
    if "section" in methods:
        section = index.section_group(i)
        if section:
            label = c.document.sections[requirement.section].label
            yield from (("section", j, "clause", label) for j in c.among(targets, section) if j != i)
        if requirement.table is not None:
            table = index.by_table.get(requirement.table, EMPTY)
            yield from (("section", j, "table", f"{requirement.table}") for j in c.among(targets, table) if j != i)
    if "topic" in methods:
        blanket = c.statements_of_class("blanket") if "blanket" in methods else EMPTY
        for topic in c.ruleset.topics:
            members = c.term_sets.get(topic, EMPTY)
            if i in members:  # a blanket clause is about everything, not about its topic words
                yield from (("topic", j, "topic", topic) for j in c.among(targets, members) if j != i and j not in blanket)
    if "blanket" in methods:
        for j in c.among(targets, c.statements_of_class("blanket")):
            if j != i:
                yield ("blanket", j, "blanket", c.blanket_words(j))


def unlinked(candidates: frozenset[int], targets: frozenset[int], methods: Sequence[str], c: Classification) -> list[int]:
    """The statements of ``candidates`` that :func:`iter_links` links to none of ``targets``, in
    order; a rule asks this of every requirement, so it is answered for all of them at once."""
    index, statements = c.index, c.document.statements
    remaining = candidates - targets  # a statement of the targets links to itself
    # Cheapest first: any one link will do, and the id search then looks for few ids.
    if "blanket" in methods and remaining:
        blanket = c.statements_of_class("blanket") & targets
        remaining = {i for i in remaining if not _has_other(blanket, i)}
    if "section" in methods and remaining:
        in_section = _targets_by(targets, index.by_section)
        in_section.pop(None, None)  # statements before the first heading share no section
        for whole in index.whole_document_sections:
            in_section.pop(whole, None)
        in_table = _targets_by(targets, index.by_table)
        remaining = {i for i in remaining
                     if not (_has_other(in_section.get(statements[i].section, EMPTY), i)
                             or _has_other(in_table.get(statements[i].table, EMPTY), i))}
    if "topic" in methods and remaining:
        for topic in c.ruleset.topics:
            members = c.term_sets.get(topic, EMPTY)
            linked = members & targets
            remaining = {i for i in remaining if i not in members or not _has_other(linked, i)}
    if "id" in methods and remaining:
        keys = {i: [key for key, _, _ in found] for i in remaining if (found := index.reference_keys(i))}
        wanted = {key for found in keys.values() for key in found}
        mentions = index.mentions(targets, wanted) if wanted else {}
        remaining = {i for i in remaining if not (i in keys and any(_has_other(mentions.get(key, EMPTY), i) for key in keys[i]))}
    return sorted(remaining)


def _has_other(group: frozenset[int], i: int) -> bool:
    """Whether ``group`` holds a statement besides ``i``."""
    return len(group) > 1 or (bool(group) and i not in group)


def _targets_by(targets: frozenset[int], groups: dict[Any, frozenset[int]]) -> dict[Any, frozenset[int]]:
    """For each group (a section, a table): the targets in it."""
    return {key: members & targets for key, members in groups.items()}


# ---- evaluating rules ----------------------------------------------------------------------------


@dataclass
class _Context:
    document: Document
    classification: Classification
    config: Config
    findings: list[tuple[tuple, Finding]] = field(default_factory=list)  # with their place in the document


class _FindingMaker:
    """Makes the findings of one rule on one document: what is the same for all of them is
    worked out once."""

    def __init__(self, ctx: _Context, rule: Rule) -> None:
        document = ctx.document
        language = ctx.classification.ruleset.language
        self.document = document
        self.rule = rule
        self.line_word = "rad" if (document.language if language == "any" else language) == "sv" else "line"
        used = placeholders_in(rule.message) | placeholders_in(rule.suggest)
        self.needs_id, self.needs_text, self.needs_section = ("requirement.id" in used, "statement" in used, "section" in used)
        self.message, self.suggestion = message_format(rule.message), message_format(rule.suggest)
        self.severity = ctx.config.severity_of(rule)
        self.rule_id, self.title, self.category = rule.full_id, rule.title, rule.category
        self.reference, self.path = rule.reference or None, document.path
        self.ignored_by = {rule.full_id, rule.id, "*", "all"}

    def __call__(self, statement: Statement | None, span: tuple[int, int] | None, match_from: Statement | None = None) -> tuple[tuple, Finding]:
        """The finding, and its place in the document's order (line, column, rule, message). A
        finding about the whole document (``statement`` None) takes its match from ``match_from``."""
        source = statement if statement is not None else match_from
        match = source.text[span[0]:span[1]] if span and source is not None else None
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
        suppressed, reason = self._suppression(statement)
        # Every value comes from the compiled rule and the document model, both validated already.
        finding = trusted(Finding, {  # in the order of Finding's fields, the order of its JSON
            "rule": self.rule_id,
            "title": self.title,
            "category": self.category,
            "severity": self.severity,
            "message": message,
            "suggestion": self.suggestion.format(**values) or None,
            "file": self.path,
            "location": location,
            "text": statement.text if statement is not None else None,
            "match": match,
            "match_start": match_start,
            "end_column": end_column,
            "requirement_id": statement.requirement_id if statement is not None else None,
            "reference": self.reference,
            "statement": statement.index if statement is not None else None,
            "fingerprint": _fingerprint(self.rule, statement, match),
            "suppressed": suppressed,
            "suppression_reason": reason,
        })
        place = (location.line, location.column) if location is not None else (0, 0)
        return (*place, self.rule_id, message), finding

    def _suppression(self, statement: Statement | None) -> tuple[bool, str | None]:
        """Whether a suppression in the statement's block (the first block, for the document) names the rule."""
        blocks = self.document.blocks
        number = 0 if statement is None else statement.block
        for suppression in blocks[number].suppressions if number < len(blocks) else ():
            if not self.ignored_by.isdisjoint(suppression.rules):
                return True, suppression.reason or None
        return False, None


_OUTLINE_NUMBER = re.compile(r"\d+(?:\.\d+)*[.):]?(?:\s*\|\s*|\s+)")


def _fingerprint(rule: Rule, statement: Statement | None, match: str | None) -> str:
    """Rule, statement text and match: no line numbers, no file path, no section, and no outline
    number ("4.2 ") at the start of the text, so a finding keeps its fingerprint when its paragraph
    moves to another section, when headings are renumbered, and in the next revision of a
    renamed file; it changes when the statement is reworded. (A requirement id such as "K4.1"
    is part of the text; one inherited from a numbered heading is not.)"""
    text = _single_spaced(statement.text) if statement is not None else ""
    numbered = _OUTLINE_NUMBER.match(text)
    if numbered:
        text = text[numbered.end():]
    raw = "\x1f".join((rule.full_id, text, match or ""))
    return hashlib.sha256(raw.encode("utf-8")).digest()[:16].hex()


def _single_spaced(text: str) -> str:
    """The text's words with one space between them (most texts are already)."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text  # every white space but " " is unprintable
    return " ".join(text.split())


def evaluate_rule(rule: Rule, ctx: _Context) -> None:
    c = ctx.classification
    statements = ctx.document.statements
    finding = _FindingMaker(ctx, rule)
    if rule.kind == "requirement":
        for i in sorted(c.evaluate(rule.when) & c.statements_of_class("requirement")):
            ctx.findings.append(finding(statements[i], c.first_match(rule.when, i, True)))
    elif rule.kind in ("followup", "sanction") and rule.target == "requirements":
        candidates = c.evaluate(rule.where) & c.statements_of_class("requirement")
        for i in unlinked(candidates, c.statements_of_class(rule.kind), rule.linked_by, c):
            ctx.findings.append(finding(statements[i], c.first_match(rule.where, i, True)))
    elif rule.kind == "sanction":
        for i in sorted(c.evaluate(rule.where) & c.statements_of_class("sanction")):
            if c.holds_in_clause(rule.where, i):
                ctx.findings.append(finding(statements[i], c.first_match(rule.where, i, True)))
    elif rule.kind == "document":
        triggers = c.evaluate(rule.when) if rule.when is not None else None
        if triggers is not None and not triggers:
            return
        if c.evaluate(rule.expect):
            return
        first = min(triggers) if triggers else None
        span = c.first_match(rule.when, first, True) if first is not None else None
        ctx.findings.append(finding(None, span, statements[first] if first is not None else None))


# ---- the public API ------------------------------------------------------------------------------


@dataclass
class DocumentResult:
    """Everything one document gave: findings and, per ruleset, its classification."""

    document: Document
    rulesets: list[Ruleset]
    findings: list[Finding]
    classifications: list[Classification]

    @cached_property
    def requirements(self) -> frozenset[int]:
        """Statements that some ruleset classifies as requirements."""
        classes = {id(found): found for found in (c.statements_of_class("requirement") for c in self.classifications)}
        return frozenset().union(*classes.values())  # rulesets that share the define share the set


def default_rulesets(language: str) -> list[str]:
    """Names of the shipped rulesets for a document language (and those for any language)."""
    return [name for name in shipped_ruleset_names() if shipped_ruleset_language(name) in (language, "any")]


@cache
def default_rulesets_compiled(language: str) -> tuple[Ruleset, ...]:
    """The shipped rulesets for a language, compiled once per process."""
    return tuple(load_rulesets(default_rulesets(language)))


def check_document(document: Document, rulesets: Sequence[Ruleset], config: Config | None = None) -> DocumentResult:
    """Apply rulesets to one document."""
    config = config or Config()
    check_suppressions(document, rulesets)
    index = DocumentIndex(document)
    placed: list[tuple[tuple, Finding]] = []
    classifications: list[Classification] = []
    seen: set[tuple] = set()
    runs = Counter(rule.full_id for ruleset in rulesets for rule in ruleset.rules)
    shared_rules = {rule for rule, count in runs.items() if count > 1}  # a ruleset and one extending it both run these
    shared = matcher_for(rulesets) if rulesets else None
    matches = shared.matches(index) if shared is not None else None
    for number, ruleset in enumerate(rulesets):
        classification = Classification(ruleset, index, (matches, shared.list_keys[number], shared.pattern_keys[number]))
        classifications.append(classification)
        ctx = _Context(document, classification, config)
        for rule in ruleset.rules:
            if config.rule_enabled(rule) and document.statements:  # an empty document lacks nothing worth a finding
                evaluate_rule(rule, ctx)
        for place, finding in ctx.findings:
            if finding.rule in shared_rules:
                key = (finding.rule, finding.statement, finding.match_start, finding.message)
                if key in seen:
                    continue
                seen.add(key)
            placed.append((place, finding))
    placed.sort(key=_first)
    findings = [finding for _, finding in placed]
    return DocumentResult(document, list(rulesets), findings, classifications)


def check_suppressions(document: Document, rulesets: Sequence[Ruleset]) -> None:
    """Raise :class:`InputError` for a ``kravkoll: ignore`` comment that names no rule of the
    rulesets (nor a full id of another known ruleset): a mistyped id would otherwise leave
    its finding unsuppressed, or pass a finding nobody meant to accept, without a word."""
    suppressions = {id(s): s for block in document.blocks for s in block.suppressions}
    if not suppressions or not rulesets:
        return
    rules = list({rule.full_id: rule for ruleset in rulesets for rule in ruleset.rules}.values())
    names = shipped_ruleset_names() + [ruleset.name for ruleset in rulesets]
    for suppression in suppressions.values():
        for name in suppression.rules:
            problem = unknown_selector(name, rules, names, in_document=True)
            if problem is not None:
                raise InputError(document.path, f"line {suppression.location.line}: suppression {problem}")


_LINK_STRENGTH = {"self": 0, "id": 1, "section": 2, "topic": 3, "blanket": 4}


def link_methods(ruleset: Ruleset, kind: str) -> tuple[str, ...]:
    """How a ruleset links requirements to ``kind`` statements ("followup" or "sanction"): the
    ``linked by`` methods of its rules of that kind for requirements; all four if it has none."""
    methods = {m for rule in ruleset.rules if rule.kind == kind and rule.target == "requirements" for m in rule.linked_by}
    return tuple(m for m in LINK_METHODS if m in methods) or LINK_METHODS


def trace(result: DocumentResult) -> list[TraceRow]:
    """The traceability matrix: every requirement, measurable or not, and its links.

    A requirement is measurable unless an active ``unmeasurable`` or ``ambiguous`` finding
    is about it. Its follow-up and sanction statements are linked the way each ruleset's
    followup and sanction rules link them; a statement linked several ways is listed once,
    with the closest way (self, then id, section, topic, blanket).
    """
    document = result.document
    why: dict[int, list[str]] = {}
    for finding in result.findings:
        if finding.category in _UNMEASURABLE and finding.statement is not None and not finding.suppressed:
            why.setdefault(finding.statement, []).append(finding.message)
    found: dict[int, dict[str, dict[int, Linked]]] = {}  # requirement → kind → target → its closest link
    for c in result.classifications:
        targets = {"follow_up": (c.statements_of_class("followup"), link_methods(c.ruleset, "followup")),
                   "sanction": (c.statements_of_class("sanction"), link_methods(c.ruleset, "sanction"))}
        for i in c.statements_of_class("requirement"):
            links = found.setdefault(i, {"follow_up": {}, "sanction": {}})
            for kind, (statements, methods) in targets.items():
                best = links[kind]
                for link in links_of(document.statements[i], statements, methods, c):
                    j = link[1]
                    if j not in best or _LINK_STRENGTH[link[0]] < _LINK_STRENGTH[best[j][0]]:
                        best[j] = link
    reading = next((c.reading() for c in result.classifications if "modal_binding" in c.ruleset.lists), None)
    evidence = _evidence(result, frozenset(found))
    rows: list[TraceRow] = []
    for i in sorted(found):
        statement = document.statements[i]
        measurability = "no" if i in why else "yes" if i in evidence else "unclear"
        row = TraceRow(statement=i, requirement_id=statement.requirement_id, id_source=statement.id_source, text=statement.text,
                       location=statement.location, measurable=measurability == "yes", measurability=measurability,
                       evidence=evidence.get(i), party=reading.party_of(statement) if reading else None,
                       unmeasurable_because=why.get(i, []))
        for kind, best in found[i].items():
            ordered = sorted(best.values(), key=lambda link: (_LINK_STRENGTH[link[0]], link[1]))
            getattr(row, kind).extend(
                Link(how=how, statement=j, text=document.statements[j].text, location=document.statements[j].location,
                     reason=reason, kind="blanket" if how == "blanket" else "specific", detail=detail)
                for how, j, reason, detail in ordered
            )
        rows.append(row)
    return rows


def _evidence(result: DocumentResult, requirements: frozenset[int]) -> dict[int, str]:
    """For each requirement that states a level, the words that state it: the first match of
    the ``evidence`` define of the first ruleset in use that has one (``en-base`` and
    ``sv-grund`` do: a quantity, a deadline, a frequency, a named standard or document); when
    none in use has it, that of the shipped rulesets of the document's language."""
    deciding = [c for c in result.classifications if "evidence" in c.ruleset.defines]
    if not deciding:
        index = result.classifications[0].index if result.classifications else DocumentIndex(result.document)
        deciding = [Classification(r, index) for r in default_rulesets_compiled(result.document.language) if "evidence" in r.defines][:1]
    for c in deciding:
        define = c.ruleset.defines["evidence"]
        texts = result.document.statements
        found: dict[int, str] = {}
        for i in sorted(c.evaluate(define.condition) & requirements):
            span = c.first_match(define.condition, i, True)
            found[i] = texts[i].text[span[0]:span[1]] if span and span[1] > span[0] else ""
        return found
    return {}


def check_each(
    inputs: Iterable[str | Path | Document],
    rulesets: Sequence[Ruleset | str | Path] | None = None,
    config: Config | None = None,
) -> Iterator[DocumentResult | FileReport]:
    """Check documents one by one: a :class:`DocumentResult` for each document read, a
    :class:`FileReport` with its ``error`` for each file that could not be read.

    ``rulesets`` None means the configuration's rulesets, or else the shipped rulesets of
    each document's language (loaded once per language). A document that takes longer than the
    configuration's ``timeout`` is reported as unreadable.
    """
    from .readers import read_document  # noqa: PLC0415

    config = config or Config()
    explicit = _load(rulesets if rulesets is not None else config.rulesets, config)
    for item in inputs:
        name = item.path if isinstance(item, Document) else str(item)
        try:
            with one_document(name, config.timeout):
                document = item if isinstance(item, Document) else read_document(item, language=config.lang)
                chosen = explicit if explicit is not None else list(default_rulesets_compiled(document.language))
                result = check_document(document, chosen, config)
        except RuleError:
            raise  # a broken ruleset is no fault of the document
        except KravError as error:
            yield FileReport(path=name, error=str(error))
            continue
        yield result


def check(
    inputs: Iterable[str | Path | Document],
    rulesets: Sequence[Ruleset | str | Path] | None = None,
    config: Config | None = None,
) -> Report:
    """Check documents (paths or :class:`Document` s) and return a :class:`Report`.

    A pure function of its inputs: ``rulesets`` None means the configuration's rulesets, or
    else the shipped rulesets of each document's language. Unreadable files are reported in
    the report (``files[].error``), not raised.
    """
    files: list[FileReport] = []
    by_file: list[tuple[str, list[Finding]]] = []  # each document's findings come sorted
    used: dict[str, Ruleset] = {}
    for result in check_each(inputs, rulesets, config):
        if isinstance(result, FileReport):
            files.append(result)
            continue
        document = result.document
        for ruleset in result.rulesets:
            used.setdefault(ruleset.name, ruleset)
        by_file.append((document.path, result.findings))
        conflict = document.detected_language if document.language_source == "option" and document.detected_language not in (None, document.language) else None
        files.append(FileReport(path=document.path, format=document.format, language=document.language, language_conflict=conflict,
                                statements=len(document.statements), requirements=len(result.requirements),
                                rulesets=[r.name for r in result.rulesets]))
    by_file.sort(key=_first)
    findings = [finding for _, part in by_file for finding in part]
    if len({path for path, _ in by_file}) < len(by_file):  # a file checked twice: its findings interleave
        findings.sort(key=finding_sort_key)
    return Report(tool=tool_info(used.values()), files=files, findings=findings, summary=summarize(files, findings))


def _first(pair: tuple[Any, Any]) -> Any:
    return pair[0]


def tool_info(rulesets: Iterable[Ruleset]) -> Tool:
    """The tool and the rulesets it ran, as reports name them."""
    return Tool(rulesets=[RulesetInfo(name=r.name, version=r.version, path=_display_path(r.path)) for r in rulesets])


def _display_path(path: str) -> str:
    """Shipped rulesets by name only and others relative to the working folder when inside it,
    so reports do not depend on where kravkoll is installed or the project is checked out."""
    from .paths import shipped_rulesets_dir  # noqa: PLC0415

    resolved = Path(path).resolve()
    try:
        return "shipped:" + resolved.relative_to(shipped_rulesets_dir().resolve()).as_posix()
    except ValueError:
        pass
    try:
        return resolved.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path


def _load(rulesets: Sequence[Ruleset | str | Path] | None, config: Config) -> list[Ruleset] | None:
    if rulesets is None:
        return None
    loaded: list[Ruleset] = [r for r in rulesets if isinstance(r, Ruleset)]
    references = [r for r in rulesets if not isinstance(r, Ruleset)]
    if references:
        loaded.extend(load_rulesets(references, config.base_dir))
    return loaded
