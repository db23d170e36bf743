"""Classification: one ruleset on one document, its conditions as set algebra.

Which statements each condition holds for (``and`` = ∩, ``or`` = ∪, ``not`` = complement),
statement classes (the defines ``requirement``, ``followup``, ``sanction``, ``blanket``), where
a condition matched, and the reading of obligations. Each walk over a condition is a
:class:`~checker.conditions.ConditionVisitor`; the leaf types (``in section``, ``has id``,
``words`` …) answer for themselves (:mod:`checker.conditiontypes`).
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import TYPE_CHECKING, Any

from ..conditions import CompiledConditionVisitor
from ..conditiontypes import LEAF_TYPES
from ..lazyre import lazy_compile
from ..reading import MODAL_LISTS, VOCABULARY, DocumentReading, vocabulary
from ..rulemodel import STATEMENT_CLASSES, And, ClassAtom, Not, Or, PatternAtom, Ruleset, TermsAtom
from .index import DocumentIndex
from .matches import EMPTY, DocumentMatches, build_shared

if TYPE_CHECKING:
    from ..report import SanctionModel

_CELL_GAP = 6
"""The most statements between two cells of one flattened table (a page's footer and header, a
page number): more is running text or another table."""

SCOPE_TOPIC_PREFIX = "scope_"
"""A topic list named ``scope_…`` says what a scope limit covers and links nothing by itself
(:attr:`Classification.linking_topics`)."""


class Classification:
    """Which statements each atom of a ruleset holds for, and where it matched."""

    def __init__(self, ruleset: Ruleset, index: DocumentIndex, matches: tuple[DocumentMatches, dict[str, str], dict[str, str]] | None = None) -> None:
        """``matches``: the document's matches of a :class:`SharedMatcher` for several rulesets
        at once, with this ruleset's list and pattern keys in it; else a matcher of this
        ruleset alone is built for them (a :class:`~checker.engine.Linter` keeps its own)."""
        self.ruleset = ruleset
        self.index = index
        self.document = index.document
        if matches is None:
            shared = build_shared([ruleset])
            matches = (shared.matches(index), shared.list_keys[0], shared.pattern_keys[0])
        self.matches, self.list_keys, self.pattern_keys = matches
        found = self.matches.statements
        self.term_sets = {name: found[key] for name, key in self.list_keys.items() if key in found}
        self.pattern_sets = {name: found[key] for name, key in self.pattern_keys.items() if key in found}
        self._cache: dict[int, frozenset[int]] = {}
        self._shapes: dict[int, tuple] = {}
        self._classes: dict[str, frozenset[int]] = {}
        self._among: dict[tuple[int, ...], tuple[tuple[frozenset[int], ...], tuple[int, ...]]] = {}
        self._class_spans: dict[tuple[str, int], tuple[int, int] | None] = {}
        self._clause_answers: dict[Any, Any] = {}  # (condition, clause) → whether the clause lacks it; condition → where it holds outside sanctions
        self._blanket_words: dict[int, str | None] = {}
        self._defined_sanctions: dict[str, frozenset[int]] = {}  # a sanction's name (sanction_key) → the statements of its clauses

    # -- statement classes
    def statements_of_class(self, name: str) -> frozenset[int]:
        """Statements of a define; headings never belong to one. The items of a list belong to
        the statement class (requirement, followup, sanction, blanket) of the sentence that
        introduces them ("Konsulten ska ha: • …"), a requirement unless the reading leaves the
        item uncarried (``uncarried_items``: a tier of a list of credits, an item its
        introduction makes no duty); other defines hold for a statement by its own
        words only (a lead-in "… within 2 weeks:" makes no bullet under it measurable)."""
        if name not in self._classes:
            carried = name in STATEMENT_CLASSES
            shape = ("class", carried, self._define_shape(name))
            members = self.matches.results.get(shape)
            if members is None:
                define = self.ruleset.defines.get(name)
                members = EMPTY if define is None else self.evaluate(define.condition) - self.index.headings
                introduced = [self.index.list_items[i] for i in members & self.index.list_items.keys()] if carried else []
                if name == "requirement" and introduced:  # not what a lead-in's own duty holds, nor what it makes no duty
                    uncarried = self.reading().uncarried_items()
                    introduced = [items - uncarried for items in introduced]
                members = self.matches.results[shape] = members.union(*introduced) if introduced else members
            self._classes[name] = members
        return self._classes[name]

    def shape(self, condition: Any) -> tuple:
        """What a condition means, written with the shared matcher's keys and with classes
        expanded: two rulesets' conditions of one shape hold for the same statements."""
        key = id(condition)  # conditions live as long as the ruleset, and so this classification
        shape = self._shapes.get(key)
        if shape is None:
            shape = self._shapes[key] = _SHAPE.visit(condition, self)
        return shape

    def _define_shape(self, name: str) -> tuple:
        define = self.ruleset.defines.get(name)
        return ("define", self.shape(define.condition) if define is not None else None)

    def among(self, targets: frozenset[int], *groups: frozenset[int]) -> tuple[int, ...]:
        """The statements of ``targets`` in any of ``groups``, in order; computed once per question.

        The question is the sets themselves, by identity, not by value: two equal sets that are
        different objects (a table's rows and the members of the topic its header names) compare
        element by element, as slowly as the answer, and the matrix asks for every requirement
        (a table of 8,000 rows under a topic header: 19 s, quadratic). The cache keeps the sets,
        so no other set takes the identity of one of them."""
        key = (id(targets), *map(id, groups))
        cached = self._among.get(key)
        if cached is None:
            cached = self._among[key] = ((targets, *groups), tuple(sorted(targets & frozenset().union(*groups))))
        return cached[1]

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
            result = self.matches.results[shape] = _EVALUATE.visit(condition, self)
        self._cache[key] = result
        return result

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
            # a verb of requiring binds the party it names as its object with no modal ("The contract requires the SP to …"),
            # and so does the buyer's verb of expecting ("We expect this team to have …")
            candidates = (
                frozenset().union(*(self.term_sets.get(name, EMPTY) for name in (*MODAL_LISTS, "requiring_verb", "expecting_verb"))) - self.index.headings
            )
            # and in a vendor's terms its present tense promises its service ("We publish …"): read there only
            promises = self.term_sets.get("vendor_promise", EMPTY) - self.index.headings
            tender = len(self.term_sets.get("tender_context", EMPTY) - self.index.headings)
            proposal = len(self.term_sets.get("proposal_context", EMPTY) - self.index.headings)
            commission = len(self.term_sets.get("commission_context", EMPTY) - self.index.headings)
            supplier = len(self.term_sets.get("party_supplier", EMPTY) - self.index.headings)
            found = self.matches.readings[key] = DocumentReading(
                self.document, vocabulary(lists), self.index.flat_texts, candidates, tender, len(self.index.with_id), proposal, commission, supplier, promises
            )
        return found

    @cached_property
    def numbered_rows(self) -> tuple[dict[int, frozenset[int]], dict[str, frozenset[int]], dict[int, str]]:
        """The rows of performance tables a PDF's text flattened, numbered by the task each
        measures (:attr:`DocumentReading.numbered_rows`): each statement of a row → the row's
        statements; each number → the statements of the rows so numbered (what a requirement
        of that task's section is followed up and sanctioned by); each statement → its row's number."""
        rows = self.reading().numbered_rows
        if not rows:
            return {}, {}, {}
        members: dict[int, set[int]] = {}
        for i, (start, _) in rows.items():
            members.setdefault(start, set()).add(i)
        row = {start: frozenset(found) for start, found in members.items()}
        numbered: dict[str, set[int]] = {}
        for start, found in row.items():
            numbered.setdefault(rows[start][1], set()).update(found)
        return {i: row[start] for i, (start, _) in rows.items()}, {k: frozenset(v) for k, v in numbered.items()}, {i: n for i, (_, n) in rows.items()}

    @cached_property
    def cell_rows(self) -> dict[int, tuple[frozenset[int], int]]:
        """The rows of the performance tables a PDF's text flattened whose first column numbers
        no task (:attr:`numbered_rows` has those), as the order of the cells gives them: a row
        writes its task and level cells (``performance_cell``), then how they are checked (its
        method cell, ``surveillance_cell``), then its deduction or remedy ("$500 for each
        documented instance …", "Contractual remedies"); the next requirement after a method cell
        opens the next row. Each statement of a row → the row's statements (its cells and what
        stands between them) and the row's number in the document. Only rows with a method cell
        count, and only where there are two or more: a table without a method column has no row
        the order of its cells would show."""
        reading = self.reading()
        methods = reading.statements("surveillance_cell")
        if not methods:
            return {}
        numbered = self.numbered_rows[0]
        requirements = self.statements_of_class("requirement")
        rows: list[list[int]] = []
        row: list[int] = []
        checked = False  # whether the row has had its method cell
        last = -1
        for k in sorted((reading.statements("performance_cell") | methods) - numbered.keys()):
            if row and k - last > _CELL_GAP:  # running text or another table between
                rows.extend([row] if checked else [])
                row, checked = [], False
            elif row and checked and k in requirements and k not in methods:  # the next row's first cell
                row.extend(range(last + 1, k))  # its deduction and remedy cells, however they were read
                rows.append(row)
                row, checked = [], False
            elif row:
                row.extend(range(last + 1, k))
            row.append(k)
            checked = checked or k in methods
            last = k
        rows.extend([row] if checked else [])
        if len(rows) < 2:
            return {}
        return {k: (frozenset(found), number) for number, found in enumerate(rows, 1) for k in found}

    def blanket_words(self, j: int) -> str | None:
        """The words that make statement ``j`` a blanket clause ("any nonconforming service"),
        found once per statement."""
        if j not in self._blanket_words:
            blanket = self.ruleset.defines.get("blanket")
            span = self.first_match(blanket.condition, j) if blanket is not None else None
            words = self.document.statements[j].text[span[0] : span[1]] if span else None
            if words is None and j in self.linking_blanket:  # about the document's subject: the title that names it
                words = next((title for topic, title in self.subject_topics.items() if j in self.topic_members.get(topic, EMPTY)), None)
            self._blanket_words[j] = words
        return self._blanket_words[j]

    # -- what follow-up and sanction statements are about
    @cached_property
    def topic_members(self) -> dict[str, frozenset[int]]:
        """For each topic list (``topics``), the statements about it: those that match it, the
        rows of a table whose header does (a row "Extended SLA | 99.95 %" under "Option |
        Monthly Uptime Percentage" is about uptime), and the statements of a clause whose title
        does, in the clauses below it too ("K1 Leverantören ska åtgärda incidenter inom 4
        timmar" under "1 Servicenivåer" is about the service levels) — not of a title over half
        the document or more, which says what the document is, not what one clause is about, and
        not the follow-up and sanction statements under it, which are about what they name —
        and the later sentences of a list item whose first sentence is about it.
        Each header and title is matched once."""
        members = {topic: self.term_sets.get(topic, self.pattern_sets.get(topic, EMPTY)) for topic in self.ruleset.topics}
        topics = tuple(self.ruleset.topics)
        for number, header in enumerate(self.document.table_headers, start=1):
            rows = self.index.by_table.get(number, EMPTY)
            if header and rows:
                for topic in self._topics_in(header, topics):
                    members[topic] = members[topic] | rows
        for topic, statements in self._titled_topics(topics).items():
            members[topic] = members[topic] | statements
        return self._items_share_their_topics(members)

    def _items_share_their_topics(self, members: dict[str, frozenset[int]]) -> dict[str, frozenset[int]]:
        """``members`` with the later sentences of each list item given the topics of its first
        (:attr:`DocumentIndex.item_sentences`): a bullet is one unit ("• As an Applicant, I want
        to submit my application via a web form. AC: The applicant must be logged in." — the
        acceptance criterion is about the user story's feature)."""
        later = self.index.item_sentences
        if not later:
            return members
        return {topic: found | frozenset(j for i in found & later.keys() for j in later[i]) for topic, found in members.items()}

    @cached_property
    def _document_titles(self) -> frozenset[int]:
        """The sections whose title says what the document is: those that hold half of it or
        more, with the clauses below them (:attr:`DocumentIndex.whole_document_sections` too).
        Sections come parent first, so one pass up counts what each holds: linear."""
        sections, index = self.document.sections, self.index
        size = [len(index.by_section.get(section.index, EMPTY)) for section in sections]
        for section in reversed(sections):
            if section.parent is not None and section.parent < section.index:
                size[section.parent] += size[section.index]
        total = len(self.document.statements) - len(index.headings)
        return frozenset(section.index for section in sections if 2 * size[section.index] >= total) | index.whole_document_sections

    @cached_property
    def subject_topics(self) -> dict[str, str]:
        """The linking topics the document as a whole is about, each with the title that names
        it: a top-level title over clauses of its own and half the document or more
        ("Personuppgiftsbiträdesavtal (PUB-avtal)",
        "Open Requirements - Section 508 Compliance for Website Maintenance") names its subject. Every obligation of
        such a document is about its subject, whether it says so or not, so the subject links
        nothing specifically (:attr:`linking_topics`): a follow-up or sanction statement about
        it and about no narrower topic covers all the document's obligations, as a blanket clause
        does (:attr:`linking_blanket`; labelling.md: the processor agreement's audit clause is
        a blanket follow-up of every duty of the processor)."""
        topics = tuple(topic for topic in self.ruleset.topics if not topic.startswith(SCOPE_TOPIC_PREFIX))
        found: dict[str, str] = {}
        sections, children = self.document.sections, self.index.section_children
        for section in sorted(self._document_titles):
            if sections[section].parent is not None or not (section in children or section in self.index.whole_document_sections):
                # a clause of half a short document is no title of it
                continue
            title = sections[section].title
            for topic in self._topics_in(title, topics):
                found.setdefault(topic, title)
        return found

    def _topics_in(self, text: str, topics: tuple[str, ...]) -> frozenset[str]:
        """Those of ``topics`` a text of the document that is no statement names (a table's
        header, a clause's title): a terms list by the lists' automaton, a pattern by its own
        search (:meth:`DocumentMatches.patterns_in`); each text once."""
        lists = {self.list_keys[topic]: topic for topic in topics if topic in self.list_keys}
        patterns = {self.pattern_keys[topic]: topic for topic in topics if topic in self.pattern_keys}
        found = [lists[key] for key in self.matches.lists_in(text) & lists.keys()] if lists else []
        if patterns:
            found.extend(patterns[key] for key in self.matches.patterns_in(text, patterns))
        return frozenset(found)

    @cached_property
    def linking_blanket(self) -> frozenset[int]:
        """The statements that link as blanket clauses: the ``blanket`` class, and those about a
        subject of the whole document (:attr:`subject_topics`) and about no topic that still
        links (:attr:`linking_topics`): "13.2 Personuppgiftsbiträdet ska möjliggöra och bidra
        till granskningar" in a processor agreement follows up all of it."""
        blanket = self.statements_of_class("blanket")
        subject = self.subject_topics
        if not subject:
            return blanket
        about = frozenset().union(*(self.topic_members.get(topic, EMPTY) for topic in subject))
        narrower = frozenset().union(*self.linking_topics.values())
        return blanket | (about - narrower)

    def _titled_topics(self, topics: tuple[str, ...]) -> dict[str, frozenset[int]]:
        """Topic → the statements of the clauses whose title, or the title of a clause above
        them, names it (:attr:`topic_members`): not a title of the whole document
        (:attr:`_document_titles`). Sections come parent first, so one pass down hands each its
        parent's topics: linear."""
        sections, index = self.document.sections, self.index
        if not sections or not topics:
            return {}
        whole = self._document_titles
        titled: list[frozenset[str]] = []
        found: dict[str, set[int]] = {}
        for section in sections:
            inherited = titled[section.parent] if section.parent is not None and section.parent < section.index else frozenset()
            own = frozenset()
            if section.index not in whole:
                own = self._topics_in(section.title, topics)
                if any(not topic.startswith(SCOPE_TOPIC_PREFIX) for topic in own):
                    # "System Security", "Software Accessibility": the clause is about the measured topic its
                    # title names; the work product the title also names only says whose it is
                    own = frozenset(topic for topic in own if not topic.startswith(SCOPE_TOPIC_PREFIX))
            titled.append(inherited | own)
            for topic in titled[-1]:
                found.setdefault(topic, set()).update(index.by_section.get(section.index, EMPTY))
        # A follow-up or sanction names what it covers (labelling.md: the consequence names the
        # requirement or its metric); under a title it covers no more than it says.
        own_object = self.statements_of_class("followup") | self.statements_of_class("sanction")
        return {topic: frozenset(statements) - own_object for topic, statements in found.items()}

    @cached_property
    def linking_topics(self) -> dict[str, frozenset[int]]:
        """The topics that link a requirement to a follow-up or sanction statement about the same
        thing (:attr:`topic_members`), all but the scope topics: a topic list named ``scope_…``
        only says what a scope limit covers (:attr:`scopes`: acceptance of "all deliverables"
        covers the work product, the system and its user stories), so a statement that merely
        mentions the system is not linked to every requirement about it."""
        subject = self.subject_topics
        return {topic: members for topic, members in self.topic_members.items() if not topic.startswith(SCOPE_TOPIC_PREFIX) and topic not in subject}

    def topics_of(self, i: int) -> frozenset[str]:
        """The topics statement ``i`` is about (:attr:`topic_members`)."""
        return frozenset(topic for topic, members in self.topic_members.items() if i in members)

    @cached_property
    def scopes(self) -> dict[int, frozenset[str]]:
        """Statements whose clause states what they cover, and the topics it limits them to: a
        ``scope_limit`` statement ("Service Credits are the sole and exclusive remedy for any
        failure to meet the Availability commitment", "gäller endast tillgänglighet") limits every
        statement of its clause (:meth:`DocumentIndex.clause_of`), and of the clauses of the
        sanction it names by its defined term (:meth:`_clauses_of_the_named_sanction`), to the
        topics it names. One that names no topic ("the sole remedy for breach of this SLA")
        limits nothing. A ``scope_own`` statement says what it covers by its own object (the
        acceptance of "all deliverables", an audit of "its obligations under this DPA"): it limits
        itself, not the other follow-up and sanction statements of its clause ("The COR will
        monitor compliance" beside it covers what it covers)."""
        by_clause: dict[tuple, tuple[frozenset[int], frozenset[str]]] = {}
        for limit in sorted(self.statements_of_class("scope_limit")):
            topics = self.topics_of(limit)
            if topics:
                key = self.index.clause_key(limit)
                limits, before = by_clause.get(key, (frozenset(), frozenset()))
                by_clause[key] = (limits | {limit}, before | topics)
        scopes: dict[int, frozenset[str]] = {}
        for limits, topics in by_clause.values():
            limited = frozenset().union(*(self.index.clause_of(limit) | {limit} | self._clauses_of_the_named_sanction(limit) for limit in limits))
            for j in limited:
                scopes[j] = scopes.get(j, frozenset()) | topics
        for j in self.statements_of_class("scope_own"):
            if topics := self.topics_of(j):
                scopes[j] = scopes.get(j, frozenset()) | topics
        return scopes

    def _clauses_of_the_named_sanction(self, limit: int) -> frozenset[int]:
        """The clauses of the sanction a scope limit names by its defined term, wherever they
        stand: "Service Credits are the Customer's sole and exclusive remedy for any failure to
        meet the Uptime Commitment" under its own heading limits the Service Credits of the
        credit clause above it (:func:`~checker.engine.sanctions.defined_term`; a name in lower
        case, "vite", may be another sanction of the same kind, and limits only its own clause)."""
        from .sanctions import defined_term, sanction_key  # noqa: PLC0415 (as in defined_sanction_clauses)

        define = self.ruleset.defines.get("sanction")
        span = self.first_match(define.condition, limit) if define is not None else None
        text = self.document.statements[limit].text
        name = text[span[0] : span[1]] if span and span[1] > span[0] else None
        if name is None or not defined_term(name, text):
            return EMPTY
        return self._sanction_clauses_by_name.get(sanction_key(name), EMPTY)

    @cached_property
    def _sanction_clauses_by_name(self) -> dict[str, frozenset[int]]:
        """Sanction name (:func:`~checker.engine.sanctions.sanction_key`) → the clauses of the
        sanction statements of that name: one pass over them, however many limits ask."""
        from .sanctions import sanction_key  # noqa: PLC0415 (as in defined_sanction_clauses)

        found: dict[str, set[int]] = {}
        seen: set[tuple[str, tuple]] = set()  # each clause added once per name: linear, however many sanctions share it
        for j in self.statements_of_class("sanction"):
            name = self.sanction_name(j)
            if name and (key := (sanction_key(name), self.index.clause_key(j))) not in seen:
                seen.add(key)
                found.setdefault(key[0], set()).update(self.index.clause_of(j))
        return {key: frozenset(clauses) for key, clauses in found.items()}

    def in_scope(self, i: int, j: int) -> bool:
        """Whether requirement ``i`` lies in the scope of follow-up or sanction statement ``j``
        (:attr:`scopes`): ``j`` has none, or ``i`` is about one of its topics."""
        scope = self.scopes.get(j)
        return scope is None or any(i in self.topic_members.get(topic, EMPTY) for topic in scope)

    def holds_in_clause(self, condition: Any, i: int) -> bool:
        """Whether ``condition``, which holds for sanction statement ``i``, also holds for the
        clause it stands in: what it says is judged on the statement, what it lacks (``not …``)
        on the whole clause. "Service credits apply as set out below" lacks no amount when the
        credit table below it, in the same clause, has one; "If availability falls below 99.5 %"
        gives the trigger of the credit sentence after it (:meth:`DocumentIndex.clause_of`).
        Another sanction in the same clause is one of its own: its amount is not this one's."""
        return _HOLDS_IN_CLAUSE.visit(condition, self, i)

    def first_match(self, condition: Any, i: int, holds: bool = False) -> tuple[int, int] | None:
        """Span of the first positive term or pattern atom that made ``condition`` hold for ``i``
        (``holds``: it is known to hold, as it does for the statements a rule reports), in the
        statement's text as written."""
        return self.index.source_span(i, _FIRST_MATCH.visit(condition, self, i, holds))

    def class_span(self, define_name: str, i: int) -> tuple[int, int] | None:
        """:meth:`first_match` of a define's condition."""
        return self.index.source_span(i, self.flat_class_span(define_name, i))

    def flat_class_span(self, define_name: str, i: int) -> tuple[int, int] | None:
        """:meth:`class_span` in the statement's flat text (:attr:`DocumentIndex.flat_texts`),
        found once per define and statement: defines may use one another many times."""
        key = (define_name, i)
        if key not in self._class_spans:
            define = self.ruleset.defines.get(define_name)
            self._class_spans[key] = _FIRST_MATCH.visit(define.condition, self, i, False) if define else None
        return self._class_spans[key]

    def lacks_in_clause(self, condition: Not, i: int, found: frozenset[int]) -> bool:
        """Whether the clause of sanction ``i`` lacks what ``condition`` negates (``found``: where
        it holds). Each other sanction is a clause of its own, except the same sanction named by
        a defined term elsewhere (:meth:`defined_sanction_clauses`: "Customer might be eligible
        for Financial Credit" has the amount of the clause "Financial Credit means … as shown in
        the following table"), as the sanction model reads it; nor is a statement that
        introduces the list the sanction is an item of, or a list that list is in ("When the
        defects cannot be corrected by re-performance, the Government may: … Reduce the price":
        the introduction says what sets the reduction off). A requirement of the clause states
        its own level, not the sanction's, an item its list's introduction binds as well ("The
        Supplier must maintain the following insurances:" / "Commercial General Liability in an
        amount not less than $2,000,000"): "within 10 days" of a duty is no cure period of the
        termination beside it. The items of a list that carry no duty (an agreement's clauses
        under "the following terms shall apply:", :meth:`DocumentReading.uncarried_items`) state
        what their own words say. The answer is the same for every
        sanction of a clause with the same name, so it is found once per clause, name and
        condition (where no introduction has it)."""
        if self._introduced_where(i, condition, found):
            return False
        named = self.defined_sanction_clauses(i)
        again = self.named_again(i)
        key = (id(condition), self.index.clause_key(i), named, again)
        lacks = self._clause_answers.get(key)
        if lacks is None:
            elsewhere = self._clause_answers.get(id(condition))
            if elsewhere is None:
                # the items of a list that carry no duty, and the statement introducing them (the
                # supplier's own right to terminate "om Inera:" / "- … inte vidtar rättelse inom 30
                # dagar", whose cure period ``in items`` reads there), state no part of the sanction
                loose = self.reading().statements("non_binding_item")
                statements = self.document.statements
                introducing = {lead for j in loose if (lead := statements[j].lead_in) is not None}
                elsewhere = self._clause_answers[id(condition)] = (
                    found - self.statements_of_class("sanction") - self.statements_of_class("requirement") - loose - introducing
                )
            lacks = self._clause_answers[key] = self.index.clause_of(i).isdisjoint(elsewhere) and named.isdisjoint(found) and again.isdisjoint(found)
        return lacks

    def named_again(self, i: int) -> frozenset[int]:
        """The sanction statements next to sanction ``i`` in its clause (up to
        :data:`_NAMED_AGAIN_WITHIN` statements away) that are the same sanction, the later naming
        the earlier's again: after a definite word ("Late delivery shall attract a penalty. The
        penalty shall be computed as follows: …", "… shall pay liquidated damages for each day of
        delay. The amount of such liquidated damages is stated in Annex C"), or in its definite
        form ("… betala vite. Vitet beräknas …"). What the one states of the sanction, the other
        does not lack; a sanction of the same kind named anew ("a credit") is another."""
        statements, sanctions, clause = self.document.statements, self.statements_of_class("sanction"), self.index.clause_of(i)
        near = range(max(0, i - _NAMED_AGAIN_WITHIN), min(len(statements), i + _NAMED_AGAIN_WITHIN + 1))
        return frozenset(j for j in near if j != i and j in sanctions and j in clause and self._names_again(min(i, j), max(i, j)))

    def _names_again(self, earlier: int, later: int) -> bool:
        """Whether sanction statement ``later`` names the sanction of ``earlier`` again (:meth:`named_again`)."""
        from .sanctions import sanction_key  # noqa: PLC0415 (as in defined_sanction_clauses)

        first, second = self.sanction_name(earlier), self.sanction_name(later)
        if not first or not second:
            return False
        one, other = sanction_key(first), sanction_key(second)
        if one != other:
            return any(other == one + ending for ending in _DEFINITE_ENDINGS if ending != "n" or one.endswith("a")) or _compound_head_again(one, other)
        span = self.class_span("sanction", later)
        before = self.document.statements[later].text[max(0, span[0] - 16) : span[0]] if span else ""
        return _DEFINITE_BEFORE.search(before) is not None

    def _introduced_where(self, i: int, condition: Not, found: frozenset[int]) -> bool:
        """Whether a statement that introduces the list statement ``i`` is an item of (its
        lead-in, that one's lead-in, … up to the list's paragraph) is in ``found``; each answer
        kept, so that a deep list is walked once."""
        statements = self.document.statements
        answers: dict[int, bool] = self._clause_answers.setdefault(("introduced", id(condition)), {})
        walked: list[int] = []
        j = statements[i].lead_in
        answer = False
        while j is not None:
            if j in answers:
                answer = answers[j]
                break
            if j in found:
                answer = True
                break
            walked.append(j)
            j = statements[j].lead_in
        for k in walked:  # each lead-in walked has the answer of the one the walk ended at
            answers[k] = answer
        if answer and j is not None and j not in answers:
            answers[j] = True
        return answer

    def defined_sanction_clauses(self, i: int) -> frozenset[int]:
        """The statements of the other clauses that name sanction ``i``'s defined term (its name
        capitalised inside its sentence, :func:`~checker.engine.sanctions.defined_term`); none
        when its name is no defined term."""
        from .sanctions import defined_term, sanction_key  # noqa: PLC0415 (the sanction model loads with the matrix; a check needs it only here)

        name = self.sanction_name(i)
        if name is None or not defined_term(name, self.document.statements[i].text):
            return EMPTY
        key = sanction_key(name)
        clauses = self._defined_sanctions.get(key)
        if clauses is None:
            same = [j for j in self.statements_of_class("sanction") if (other := self.sanction_name(j)) and sanction_key(other) == key]
            clauses = self._defined_sanctions[key] = frozenset().union(*(self.index.clause_of(j) for j in same))
        return clauses - self.index.clause_of(i)

    @cached_property
    def sanction_model(self) -> list[SanctionModel]:
        """The document's sanction model read with this ruleset's defines (its sanction clauses
        with amount, cap, trigger and cure: :mod:`~checker.engine.sanctions`), made once for the
        rules that judge it (``model lacks cap``); none when the ruleset defines no
        ``sanction_amount``."""
        from .sanctions import models_of  # noqa: PLC0415 (as in defined_sanction_clauses)

        return models_of(self)

    def sanction_name(self, i: int) -> str | None:
        """The words that make statement ``i`` a sanction ("Service Credit", "vite")."""
        span = self.class_span("sanction", i)
        return self.document.statements[i].text[span[0] : span[1]] if span and span[1] > span[0] else None


def _compound_head_again(one: str, other: str) -> bool:
    """Whether the sanction named ``other`` (a :func:`~checker.engine.sanctions.sanction_key`) is
    the definite form of the head of the Swedish compound ``one`` names: "Förseningsvite … Vitet
    ska …", "rätt till prisavdrag. Avdraget uppgår till …" (the later naming drops the compound's
    first part, as a definite word does in English). One word, a head of three letters or more."""
    if " " in other or " " in one:
        return False
    for ending in _DEFINITE_ENDINGS:
        head = other[: -len(ending)]
        if other.endswith(ending) and len(head) >= 3 and len(one) > len(head) and one.endswith(head) and (ending != "n" or head.endswith("a")):
            return True
    return False


_NAMED_AGAIN_WITHIN = 3
"""How many statements apart a sanction is named again (:meth:`Classification.named_again`): the
next sentences, so a clause of thousands of sanctions is read in linear time."""
_DEFINITE_BEFORE = lazy_compile(r"\b(?:the|such|this|these|that|those|said)\s+(?:amount\s+of\s+(?:the\s+|such\s+)?)?$", re.IGNORECASE)
_DEFINITE_ENDINGS = ("et", "en", "t", "n", "na", "arna", "erna")
"""Swedish definite endings: "vite" → "vitet", "prisavdrag" → "prisavdraget", "dröjsmålsränta" →
"dröjsmålsräntan"; "-n" only after "-a": "viten" is the indefinite plural, other penalties named anew."""

_NARROWING = frozenset(kind for kind, unit in LEAF_TYPES.items() if unit.narrows)
"""Leaf kinds that an ``and`` asks only of the statements its other operands leave."""


class _Shape(CompiledConditionVisitor[tuple]):
    """:meth:`Classification.shape`."""

    operation = "shape"

    def visit_terms(self, condition: TermsAtom, c: Classification) -> tuple:
        return ("terms", c.list_keys.get(condition.list))

    def visit_pattern(self, condition: PatternAtom, c: Classification) -> tuple:
        return ("pattern", c.pattern_keys.get(condition.pattern))

    def visit_class(self, condition: ClassAtom, c: Classification) -> tuple:
        # statement classes carry to list items, other defines do not
        return ("class", condition.define in STATEMENT_CLASSES, c._define_shape(condition.define))

    def visit_and(self, condition: And | Or, c: Classification) -> tuple:
        return (condition.kind, *(c.shape(o) for o in condition.operands))

    visit_or = visit_and

    def visit_not(self, condition: Not, c: Classification) -> tuple:
        return ("not", c.shape(condition.operand))


class _Evaluate(CompiledConditionVisitor[frozenset]):
    """The statements a condition holds for (uncached: :meth:`Classification.evaluate` keeps them)."""

    operation = "evaluate"

    def visit_terms(self, condition: TermsAtom, c: Classification) -> frozenset[int]:
        return c.term_sets.get(condition.list, EMPTY)

    def visit_pattern(self, condition: PatternAtom, c: Classification) -> frozenset[int]:
        return c.pattern_sets.get(condition.pattern, EMPTY)

    def visit_class(self, condition: ClassAtom, c: Classification) -> frozenset[int]:
        return c.statements_of_class(condition.define)

    def visit_and(self, condition: And, c: Classification) -> frozenset[int]:
        # "not X" and "words > n" (a narrowing leaf type) narrow what the other operands leave:
        # no complement or word count of the whole document is made for them.
        negated = [o.operand for o in condition.operands if o.kind == "not"]
        narrowing = [o for o in condition.operands if o.kind in _NARROWING]
        others = [o for o in condition.operands if o.kind != "not" and o.kind not in _NARROWING]
        result = c.evaluate(others[0]) if others else c.index.universe
        for operand in others[1:]:
            if not result:
                break
            result = result & c.evaluate(operand)
        for operand in negated:
            if not result:
                break
            result = result - c.evaluate(operand)
        for operand in narrowing:
            result = LEAF_TYPES[operand.kind].among(operand, c, result)
        return result

    def visit_or(self, condition: Or, c: Classification) -> frozenset[int]:
        return frozenset().union(*(c.evaluate(o) for o in condition.operands))

    def visit_not(self, condition: Not, c: Classification) -> frozenset[int]:
        return c.index.universe - c.evaluate(condition.operand)


class _HoldsInClause(CompiledConditionVisitor[bool]):
    """:meth:`Classification.holds_in_clause`: what a condition says holds for the statement,
    what it lacks for its whole clause."""

    operation = "holds_in_clause"

    def visit_not(self, condition: Not, c: Classification, i: int) -> bool:
        found = c.evaluate(condition.operand)
        return i not in found and c.lacks_in_clause(condition, i, found)

    def visit_and(self, condition: And, c: Classification, i: int) -> bool:
        return all(self.visit(operand, c, i) for operand in condition.operands)

    def visit_or(self, condition: Or, c: Classification, i: int) -> bool:
        return any(i in c.evaluate(operand) and self.visit(operand, c, i) for operand in condition.operands)

    def visit_class(self, condition: ClassAtom, c: Classification, i: int) -> bool:
        define = c.ruleset.defines.get(condition.define)
        return define is None or i not in c.evaluate(define.condition) or self.visit(define.condition, c, i)

    def says(self, condition: Any, c: Classification, i: int) -> bool:
        """An atom says something of the statement alone: it holds, as it is known to."""
        return True

    visit_terms = visit_pattern = says


class _FirstMatch(CompiledConditionVisitor["tuple[int, int] | None"]):
    """:meth:`Classification.first_match`."""

    operation = "first_match"

    def visit_terms(self, condition: TermsAtom, c: Classification, i: int, holds: bool) -> tuple[int, int] | None:
        if not holds and i not in c.term_sets.get(condition.list, EMPTY):
            return None
        return c.matches.span(c.list_keys[condition.list], i)

    def visit_pattern(self, condition: PatternAtom, c: Classification, i: int, holds: bool) -> tuple[int, int] | None:
        if not holds and i not in c.pattern_sets.get(condition.pattern, EMPTY):
            return None
        return c.matches.span(c.pattern_keys[condition.pattern], i)

    def visit_class(self, condition: ClassAtom, c: Classification, i: int, holds: bool) -> tuple[int, int] | None:
        return c.flat_class_span(condition.define, i)  # a list item is of its lead-in's class: its define need not hold for it

    def visit_and(self, condition: And, c: Classification, i: int, holds: bool) -> tuple[int, int] | None:
        every = holds or i in c.evaluate(condition)  # then so does each operand
        for operand in condition.operands:
            if every or i in c.evaluate(operand):
                span = self.visit(operand, c, i, True)
                if span is not None:
                    return span
        return None

    def visit_or(self, condition: Or, c: Classification, i: int, holds: bool) -> tuple[int, int] | None:
        for operand in condition.operands:
            if i in c.evaluate(operand):
                span = self.visit(operand, c, i, True)
                if span is not None:
                    return span
        return None

    def visit_not(self, condition: Not, c: Classification, i: int, holds: bool) -> None:
        """A negation has no words of the statement to show."""
        return None


_SHAPE = _Shape()
_EVALUATE = _Evaluate()
_HOLDS_IN_CLAUSE = _HoldsInClause()
_FIRST_MATCH = _FirstMatch()
