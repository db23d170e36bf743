"""Facts about a document that do not depend on rules: headings, sections, tables, list items,
ids and the ids statements mention."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterable

from ..clauses import section_key
from ..document import Document
from ..htmltags import without_tags
from ..ids import MAX_KEY_LENGTH, MentionFinder, MentionTexts, id_key
from ..matching import plain_text, rejoined, source_span, without_addresses
from .matches import EMPTY

_WHOLE_DOCUMENT = 30
"""Statements a section must hold directly before it can count as the whole document."""
_UNIT_SENTENCES = 4
"""The most sentences of a paragraph or list item whose mentions of ids (in a sentence that
follows up or sanctions nothing itself) are each of its sentences': a short item of a
surveillance plan ("Timeliness. The COTR will determine whether the contractor has consistently
satisfied the acceptable level … The timeliness standard … is specified in C.1.11.") is about
what one of its sentences names; a longer paragraph says more."""


@dataclass
class DocumentIndex:
    """Facts about a document that do not depend on rules."""

    document: Document
    flat_texts: list[str] = field(init=False, repr=False)
    """Each statement's text as terms and patterns see it (:func:`plain_text`; web and e-mail
    addresses blanked out, :func:`without_addresses`; inline HTML tags blanked out,
    :func:`without_tags`; words a PDF conversion split before å, ä
    and ö joined, :func:`rejoined`)."""
    flat_origins: dict[int, list[int]] = field(init=False, repr=False)
    """For each statement whose split words were joined, the offset in its text of each
    offset of its flat text (:meth:`source_span`)."""
    headings: frozenset[int] = field(init=False, repr=False)
    with_id: frozenset[int] = field(init=False, repr=False)
    """Statements with an id of their own (leading, or in an id column)."""
    by_section: dict[int | None, frozenset[int]] = field(init=False, repr=False)
    """Section → its statements (not its headings); None: those before the first heading."""
    by_table: dict[int, frozenset[int]] = field(init=False, repr=False)
    list_items: dict[int, frozenset[int]] = field(init=False, repr=False)
    """Lead-in statement → the list items it introduces."""
    item_sentences: dict[int, tuple[int, ...]] = field(init=False, repr=False)
    """The first sentence of each list item of more than one → the item's later sentences (a
    bullet is one unit: its later sentences are about what its first names)."""
    _mentions: dict[frozenset[int], dict[str, frozenset[int]]] = field(default_factory=dict, repr=False)
    _mention_texts: dict[frozenset[int], tuple[list[int], MentionTexts]] = field(default_factory=dict, repr=False)
    _id_keys: dict[int, str | None] = field(default_factory=dict, repr=False)
    _keys_of_ids: dict[str, str] = field(default_factory=dict, repr=False)
    _units: dict[int, frozenset[int]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        """One pass over the statements for the facts every check uses."""
        flat: list[str] = []
        headings: list[int] = []
        with_id: list[int] = []
        sections: dict[int | None, list[int]] = {}
        tables: dict[int, list[int]] = {}
        lead_ins: dict[int, list[int]] = {}
        items = {block.index for block in self.document.blocks if block.kind == "list_item"}
        item_first: dict[int, int] = {}  # list item (block) → its first sentence
        later: dict[int, list[int]] = {}
        section, in_section = -1, []  # statements of a section mostly come together
        for s in self.document.statements:
            i, text = s.index, s.text
            flat.append(without_tags(without_addresses(text if text.isascii() and text.isprintable() else plain_text(text))))
            if s.kind == "heading":
                headings.append(i)
            else:
                if s.block in items and (first := item_first.setdefault(s.block, i)) != i:
                    later.setdefault(first, []).append(i)
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
        self.flat_origins = {}
        for i, (text, origin) in rejoined(flat).items():
            flat[i] = text
            self.flat_origins[i] = origin
        self.flat_texts = flat
        self.headings = frozenset(headings)
        self.with_id = frozenset(with_id)
        self.by_section = {k: frozenset(v) for k, v in sections.items()}
        self.by_table = {k: frozenset(v) for k, v in tables.items()}
        self.list_items = {k: frozenset(v) for k, v in lead_ins.items()}
        self.item_sentences = {k: tuple(v) for k, v in later.items()}

    def source_span(self, i: int, span: tuple[int, int] | None) -> tuple[int, int] | None:
        """Where ``span`` of statement ``i``'s flat text stands in its text as written."""
        origin = self.flat_origins.get(i) if span is not None else None
        return span if origin is None else source_span(origin, span)

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
        """The statements of ``targets`` and the other sentences of their short paragraphs and
        list items (:meth:`unit_of`) in order, and their texts prepared for mention finders."""
        found = self._mention_texts.get(targets)
        if found is None:
            numbers = sorted(targets.union(*(self.unit_of(j) for j in targets)))
            found = self._mention_texts[targets] = (numbers, MentionTexts([self.document.statements[i].text for i in numbers]))
        return found

    def unit_of(self, i: int) -> frozenset[int]:
        """The sentences of statement ``i``'s paragraph or list item when it has at most
        :data:`_UNIT_SENTENCES`: an id one of them names, all of them name; else none."""
        statement = self.document.statements[i]
        unit = self.by_block.get(statement.block, EMPTY)
        if len(unit) < 2 or len(unit) > _UNIT_SENTENCES or self.document.blocks[statement.block].kind not in ("paragraph", "list_item"):
            return EMPTY
        return unit

    def mentions(self, targets: frozenset[int], keys: Iterable[str]) -> dict[str, frozenset[int]]:
        """Id key (of ``keys``) → the statements of ``targets`` that mention it, or whose short
        paragraph names it in a sentence that is no target itself ("The timeliness standard … is
        specified in C.1.11": which standard the item checks; :meth:`unit_of`), or that carry it
        as their own leading/column id. A target's own mention stays its own: "Om tillgängligheten
        understiger nivån i K2.1 ska Leverantören betala vite … Vid upprepade brister har
        Beställaren rätt att häva avtalet." names K2.1 for the penalty only."""
        keys = set(keys)
        numbers, texts = self.mention_texts(targets)
        index: dict[str, set[int]] = {}
        for key, positions in MentionFinder(keys).find(texts).items():
            named = index.setdefault(key, set())
            for k in positions:
                j = numbers[k]
                named.update({j} if j in targets else self.unit_of(j) & targets)
            if not named:
                del index[key]
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
        6.3", "enligt punkt 4.2", "Task 2") to a statement's clause names. A dotted number is
        inside the numbers it continues, whether or not a section of the document carries them
        ("2.1" is part of Task 2 when "2." stands apart from its title, as a PDF's text writes it),
        shown by that number alone."""
        keys: dict[int, tuple[tuple[str, str], ...]] = {}
        for section in self.document.sections:  # a parent comes before its children
            outer = keys.get(section.parent, ()) if section.parent is not None else ()
            own: tuple[tuple[str, str], ...] = ()
            if section.number:
                key = id_key(section.number.replace("§", ""))
                held = {k for k, _ in outer}
                own = tuple((k, section.shown_label if k == key else k) for k in _continued(key) if k not in held)
            keys[section.index] = own + outer
        return keys

    @cached_property
    def sections_by_key(self) -> dict[str, frozenset[int]]:
        """A cited clause's key (:func:`~checker.clauses.cited_key`: "22", "9.2", "BILAGA 3") → the
        sections of that number and those whose number continues it, at any depth ("22" → 22,
        22.1, 22.2 and 22.1.3); a letter's key ("C.1", "SCHEDULE 4") only its own section.
        :meth:`cited_clause` adds every section below them."""
        found: dict[str, set[int]] = {}
        for section in self.document.sections:
            key = section_key(section.number) if section.number else None
            if key is not None:
                for k in _continued(key) if key[:1].isdigit() else (key,):
                    found.setdefault(k, set()).add(section.index)
        return {k: frozenset(v) for k, v in found.items()}

    def cited_clause(self, key: str) -> frozenset[int] | None:
        """The statements of the clause cited as ``key`` (:attr:`sections_by_key`, with the
        sections below it); None when the document has no clause of that number."""
        sections = self.sections_by_key.get(key)
        if not sections:
            return None
        return frozenset().union(*(self.by_section.get(s, EMPTY) for s in self.descendants(sections)))

    @cached_property
    def numbers_clauses(self) -> bool:
        """Whether the document numbers its clauses (three numbered sections or more): a clause
        number it lacks is one it does not hold, not one its numbering was not read for."""
        return sum(1 for section in self.document.sections if section.number and any(ch.isdigit() for ch in section.number)) >= 3

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
            found.extend((key, "cross-reference", label) for key, label in self.clause_keys.get(statement.section, ()) if key != own)
        return found

    @cached_property
    def whole_document_sections(self) -> frozenset[int]:
        """Sections that hold (directly) half or more of a long document's statements: a title
        heading, or a heading over a text whose own structure was not read. Being under one says
        nothing about two statements, so they are not linked by it."""
        total = len(self.document.statements) - len(self.headings)
        return frozenset(
            section for section, members in self.by_section.items() if section is not None and len(members) >= _WHOLE_DOCUMENT and 2 * len(members) >= total
        )

    def clause_key(self, i: int) -> tuple:
        """What names the clause of :meth:`clause_of`: its section, or its paragraph (its list's
        introduction's, for a list item) and table."""
        statement = self.document.statements[i]
        if self.section_group(i):
            return ("section", statement.section)
        return ("block", self._unit_block(i), statement.table)

    def clause_of(self, i: int) -> frozenset[int]:
        """The statements of the clause statement ``i`` stands in (:meth:`section_group`, with
        the tables in it); outside any clause, those of its paragraph and of its table, and a
        list with the paragraph that introduces it is one: "When the defects cannot be corrected
        by re-performance, the Government may: … 2) Reduce the price" is one clause, whose
        introduction says what sets the reduction off."""
        statement = self.document.statements[i]
        group = self.section_group(i)
        if not group:
            group = self._list_unit(self._unit_block(i))
            if statement.table is not None:
                group = group | self.by_table.get(statement.table, EMPTY)
        return group

    def _unit_block(self, i: int) -> int:
        """The paragraph that stands for statement ``i`` outside any clause: its own, or, for a
        list item, the one of the statement introducing its list (for an item of a sub-list, the
        one introducing the outermost list: "… the Government may:" / "Take one of the following
        actions:" / "Reduce the price" is one clause)."""
        return self._root_blocks[i]

    @cached_property
    def _root_blocks(self) -> list[int]:
        """:meth:`_unit_block` of each statement, in one pass: a lead-in comes before its items."""
        roots: list[int] = []
        for s in self.document.statements:
            roots.append(s.block if s.lead_in is None else roots[s.lead_in])
        return roots

    def _list_unit(self, block: int) -> frozenset[int]:
        """The statements of paragraph ``block`` and of the lists its statements introduce (items
        of items too), found once per paragraph."""
        unit = self._units.get(block)
        if unit is None:
            found, todo = set(self.by_block.get(block, EMPTY)), list(self.by_block.get(block, EMPTY))
            while todo:
                for item in self.list_items.get(todo.pop(), EMPTY):
                    if item not in found:
                        found.add(item)
                        todo.append(item)
            unit = self._units[block] = frozenset(found)
        return unit

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


def _continued(key: str) -> list[str]:
    """A clause number and the numbers it continues, innermost first: "2.1.3" → "2.1.3", "2.1",
    "2"; "C.1.4" → "C.1.4", "C.1" (a letter alone names no clause a statement cites by number).
    A number longer than any looked for (:data:`MAX_KEY_LENGTH`) alone: a hostile heading
    "1.1.1…" of a megabyte would make half a million numbers of it, each almost as long."""
    found = [key]
    if len(key) > MAX_KEY_LENGTH:
        return found
    while "." in key:
        key = key.rpartition(".")[0]
        if any(ch.isdigit() for ch in key):
            found.append(key)
    return found
