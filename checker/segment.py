"""From source pieces to statements: headings, sections, tables, language.

Readers feed a :class:`DocumentBuilder` with headings, paragraphs, list items and tables,
each with the source location of its text; the builder splits sentences
(:mod:`checker.sentences`), keeps the section tree (headings and clause numbers read by
:mod:`checker.clauses`), takes requirement ids (:mod:`checker.ids`) and detects the language
(:mod:`checker.language`), so every format is segmented the same way.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from operator import attrgetter

from .clauses import (
    CLAUSE_LABEL,
    LETTER_ALONE,
    LETTER_CLAUSE,
    LETTER_ITEM,
    NUMBERED_HEADING,
    ROMAN_CLAUSE,
    TITLE_WORDS,
    clause_key,
    clause_path,
    clause_start,
    heading_level,
    inside_clause,
    may_open_letter,
    next_letter,
    numbered_heading,
    only_clause_number,
    plain_heading,
    run_in_title,
    sentence_follows,
    top_clause,
)
from .document import LANGUAGE_NAMES, Anchor, Block, Document, Format, Location, Section, Statement, Suppression, shown_path, shown_title, trusted
from .errors import InputError
from .ids import leading_id, looks_like_id
from .language import detect_language
from .lazyre import lazy_compile
from .readers.formats import FORMAT_NAMES
from .sentences import split_sentences

# The names the readers import from here (headings and clause numbers live in clauses.py, ids in ids.py).
__all__ = [
    "DocumentBuilder",
    "Piece",
    "clause_start",
    "heading_level",
    "looks_like_id",
    "numbered_heading",
    "only_clause_number",
    "parse_suppression",
    "plain_heading",
    "sentence_follows",
    "source_anchor",
    "source_location",
]

_OFFSET = attrgetter("offset")
_OPEN_END = lazy_compile(r"(?:[^\W\d_]|(?<![^\W_])(?:bl\.\s?a\.|i\.\s?a\.|t\.\s?ex\.|e\.g\.))\s*$")  # "_bl.a._": an emphasis mark before
"""A paragraph's end that leaves its sentence open: a word with no stop after it, or an
abbreviation that only looks like one ("Myndigheten ska särskilt", "Utredaren ska bl.a.")."""
_OPEN_END_REACH = 12  # the end is looked for in a paragraph's last characters only
_MARKS_AFTER = " \t\n*_"
"""What may follow a paragraph's last word or colon: white space and Markdown's emphasis marks."""

# ---- suppressions -------------------------------------------------------------------------

_SUPPRESSION = lazy_compile(r"^\s*kravkoll\s*:\s*ignore\s+(?P<body>.*?)\s*$", re.S)


def parse_suppression(text: str, location: Location) -> Suppression | None:
    """``kravkoll: ignore RULE[, RULE] -- reason`` → a suppression, else None."""
    match = _SUPPRESSION.match(text)
    if not match:
        return None
    rules_text, _, reason = match.group("body").partition("--")
    rules = [r for r in re.split(r"[\s,]+", rules_text) if r]
    if not rules:
        return None
    return trusted(Suppression, {"rules": rules, "reason": " ".join(reason.split()), "location": location})


# ---- the builder ---------------------------------------------------------------------------

MAX_STATEMENTS = 200_000
"""Most statements one document may have (about 10,000 pages; memory grows by some 5 KB a
statement, so this bounds it near 1 GB)."""

MAX_SECTION_DEPTH = 32
"""Deepest nesting of sections; a section opened deeper closes the deepest one (it becomes its
sibling). Word numbers nine levels, contracts seldom six. A section's path ("1 Drift > 1.1 Fel >
…") and the clause numbers a cross-reference may name grow with its depth, for each of its
statements: a 2 MB file of 1,000 headings "1.1.1…", each one deeper, made a 346 MB JSON report
(a path of 680,000 characters per statement) and its matrix timed out."""


@dataclass
class Piece:
    """Text of one paragraph or cell with its anchors (offsets relative to ``text``); ``item``:
    a line of a list written without bullets (see :func:`checker.readers.lines.line_pieces`)."""

    text: str
    anchors: list[Anchor]
    item: bool = False


@dataclass
class _Open:
    """A section still open while the builder reads on. ``kind`` says what opened it: a heading
    (Markdown or Word style, ``level`` 1–9), a numbered ``clause`` (a heading such as "4.2
    Felhantering" or a paragraph that starts "4.2.1"; ``key`` is its number as parts, ("4", "2")),
    or a ``label`` (a bold or plain-line heading without number)."""

    section: int
    level: int
    kind: str = "heading"
    key: tuple[str, ...] = ()


_HEADER_WORDS = lazy_compile(
    r"(?i)^\s*(?:krav-?\s?id|kravnr|kravnummer|id|nr|ref|#|nummer|no\.?|req(?:uirement)?\s*(?:id|no\.?|nr|#)?|"
    r"krav|requirement|beskrivning|description|uppföljning|follow-up|sanktion|sanction|vite|kommentar|comment|"
    r"typ|type|nivå|level|mått|metric|mätmetod|method|frekvens|frequency|ansvarig|responsible|svar|answer|"
    r"standard|aql|performance standard|performance objective|acceptable quality level|method of assessment|"
    r"ska-krav|bör-krav|ja/nej|yes/no|poäng|points|vikt|weight)\s*$"
)
_ID_HEADER = lazy_compile(r"(?i)^\s*(?:krav-?\s?id|kravnr|kravnummer|id|nr|ref|#|nummer|no\.?|req(?:uirement)?\s*(?:id|no\.?|nr|#))\s*$")
# A first column headed by one of these holds the steps of a scale ("Poäng | Kvalitetsbedömning",
# "3 | Konsulten visar …"): its numbers score a level, they name no requirement.
_SCALE_HEADERS = frozenset(("poäng", "betyg", "nivå", "vikt", "viktning", "points", "score", "rating", "grade", "level", "weight"))


@dataclass
class DocumentBuilder:
    """Collects a reader's pieces in document order and builds the :class:`Document`."""

    path: str
    format: Format
    sections: list[Section] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    _open: list[_Open] = field(default_factory=list)
    _paths: dict[int, tuple[str, ...]] = field(default_factory=dict)  # section index → the shown labels of it and its ancestors, outermost first
    _labels: dict[int, str] = field(default_factory=dict)  # section index → heading path as locations show it (document.shown_path)
    _headings: dict[int, str] = field(default_factory=dict)  # section index → its title as locations show it (document.shown_title)
    _clauses: dict[int, tuple[str, ...]] = field(default_factory=dict)  # section index → clause numbers (clause_path)
    _clause_texts: dict[int, str | None] = field(default_factory=dict)  # the same as shown: "Bilaga 2 › 4.2"
    _pending: list[Suppression] = field(default_factory=list)
    _tables: int = 0
    _table_headers: list[str] = field(default_factory=list)
    _lead_in: int | None = None  # the statement ending in ':' that introduces the list items that follow
    # The items ending in ':' that introduce a sub-list, innermost last: (the item's depth, its
    # last statement). An item deeper than one of them belongs to its sub-list.
    _sub_lists: list[tuple[int, int]] = field(default_factory=list)
    _number: str | None = None  # a clause number that stood alone on the line before
    _letter: str | None = None  # the letter of the last lettered clause or item ("b" for "B. The Contractor …", "b) att …")

    # -- suppressions
    def suppress_next(self, suppression: Suppression) -> None:
        """A ``kravkoll: ignore`` comment: it applies to the next block."""
        self._pending.append(suppression)

    def suppress_blocks(self, suppressions: list[Suppression], first_block: int) -> None:
        """Suppressions that cover every block made since block ``first_block`` (a Word comment
        whose range spans those paragraphs)."""
        for block in self.blocks[first_block:]:
            present = {id(s) for s in block.suppressions}  # by identity: one object per directive
            for suppression in suppressions:
                if id(suppression) not in present:
                    present.add(id(suppression))
                    block.suppressions.append(suppression)

    # -- headings
    def heading(self, text: str, level: int | None, location: Location, number: str | None = None, kind: str = "heading") -> None:
        """A heading; its number is taken from the text ("4.2 Felhantering") if not given, or from
        a number that stood on the line before (:meth:`clause_number`).

        ``kind`` is ``"heading"`` for a heading the format marks (Markdown ``#``, a Word heading
        style), ``"clause"`` for a numbered heading found in the text, ``"label"`` for a bold or
        plain-line heading without number (see :meth:`_open_section`). The statement keeps the
        heading's text as written (so columns of matches in it stay true); the section's title
        has its white space collapsed."""
        lead = len(text) - len(text.lstrip())
        text = text.strip()
        if not text:
            return
        if lead:
            location = location.model_copy(update={"column": location.column + lead})
        title = " ".join(text.split())
        if number is None:
            numbered = NUMBERED_HEADING.match(title)
            if numbered and numbered.group("title")[:1].isalpha():
                number, title = numbered.group("num"), numbered.group("title")
        elif title.startswith(number) and title[len(number) : len(number) + 1] in (" ", ".", ":", ")", "—", "–"):
            title = title[len(number) :].lstrip(" .:)—–") or title  # "Annex 1—Service levels" numbered "Annex 1"
        if number is None and self.has_clause_number:
            number = self._number
            if kind == "label":
                kind = "clause"
        self._number = None
        if level is None:
            level = heading_level(number) if number else 1
        self._open_section(title, number, level, location, kind)
        block = self._block("heading", location)
        self._statement("heading", text, block, [_anchor(0, location)], None, None)

    def clause_number(self, number: str) -> None:
        """A clause number alone on its line ("3.0"): it numbers the heading that follows; a
        letter ("D.") letters the paragraph that follows."""
        self._number = number

    @property
    def has_clause_number(self) -> bool:
        """Whether a clause number (not a letter) alone on its line waits for its heading."""
        return self._number is not None and not LETTER_ALONE.match(self._number)

    def _open_section(self, title: str, number: str | None, level: int, location: Location, kind: str, key: tuple[str, ...] = ()) -> int:
        """Open a section and close those it ends.

        A heading closes every clause and label, and the headings of its level and deeper. A
        clause closes the open clauses its number is not inside of (and what was opened inside
        them): "4.3" closes "4.2" and "4.2.1" but stays inside "4", inside heading "4 Drift",
        and inside a label opened after "4". A label closes the label before it and what was
        opened inside that. The section's ``level`` is the heading's, or one below its parent for
        clauses and labels. At most :data:`MAX_SECTION_DEPTH` sections are open at once."""
        stack = self._open
        key = clause_key(number) if kind == "clause" and number else key
        if kind == "heading":
            while stack and (stack[-1].kind != "heading" or stack[-1].level >= level):
                stack.pop()
        else:
            if kind == "clause":
                first = next((k for k, o in enumerate(stack) if o.kind == "clause" and not inside_clause(key, o.key)), None)
            else:
                first = next((k for k, o in enumerate(stack) if o.kind == "label"), None)
            if first is not None:
                del stack[first:]
        del stack[MAX_SECTION_DEPTH - 1 :]
        if kind != "heading":
            level = (self.sections[stack[-1].section].level if stack else 0) + 1
        parent = stack[-1].section if stack else None
        index = len(self.sections)
        section = trusted(Section, {"index": index, "title": title, "number": number, "level": level, "parent": parent, "location": location})
        self.sections.append(section)
        # Locations show each title cut to SHOWN_TITLE characters and at most SHOWN_DEPTH of them:
        # every statement carries its section's path, so a path of whole titles made the reports
        # grow with the titles' length times the statements under them.
        self._paths[index] = (*self._paths[parent], section.shown_label) if parent is not None else (section.shown_label,)
        self._labels[index] = shown_path(self._paths[index])
        self._headings[index] = shown_title(title)
        self._clauses[index] = clause_path(self._clauses[parent] if parent is not None else (), number, title)
        self._clause_texts[index] = " › ".join(self._clauses[index]) or None
        stack.append(_Open(index, level, kind, key))
        return index

    @property
    def in_numbered_section(self) -> bool:
        """Whether a section the document numbers is open ("4.1 Response times", "§ 5 Avtalstid"):
        a list inside it numbers its items, not the document's clauses. The open sections are at
        most :data:`MAX_SECTION_DEPTH`."""
        return any(self.sections[o.section].number for o in self._open)

    def opens_top_clause(self, number: str) -> bool:
        """Whether a top-level clause ``number`` with a title in capitals (:func:`top_clause`)
        opens here: no section the document numbers is open (a list inside "4.1" numbers its
        items), or the open clause is a part of the clause before it ("2. SERVICE DELIVERY
        SUMMARY" after "1.10 QUALITY CONTROL"); never in a list a lead-in introduces ("The
        Contractor shall comply with the following standards:" / "1. NIST SP 800-53" / "2. FIPS
        140-2": the lead-in's items, in capitals as names are): its first item "1" and the item
        after its last one. Only a lead-in that ends in a colon says so (a paragraph that ends in a
        word, "SECTION", may only leave its sentence open), and a number that does not go on with
        its list ("5. ACCEPTANCE OF SERVICES" after "may:" / "1) …" / "2) …") opens the clause."""
        lead_in = self._lead_in
        if lead_in is not None and self.statements[lead_in].text.rstrip(_MARKS_AFTER).endswith(":"):
            last = self.blocks[-1]
            if number == "1" if last.kind != "list_item" else (last.label or "").rstrip(".)") == str(int(number) - 1):
                return False
        if not self.in_numbered_section:
            return True
        before = str(int(number) - 1)
        return any((self.sections[o.section].number or "").split(".")[0] == before for o in self._open)

    @property
    def current_section(self) -> int | None:
        return self._open[-1].section if self._open else None

    def close_sections_from(self, first: int) -> None:
        """Close section ``first`` and every section opened after it: a list whose numbered items
        open titled clauses ("1. **Kick Off Meeting.** The Contractor shall …") has ended, and
        the paragraph at the margin after it ("Deliverables:") stands in the section the list
        stood in, not in the clause of its last item."""
        while self._open and self._open[-1].section >= first:
            self._open.pop()

    def close_sections(self) -> None:
        """What follows stands outside every section (e.g. footnotes read after the body)."""
        self._open.clear()

    # -- paragraphs and list items
    def paragraph(
        self,
        piece: Piece,
        kind: str = "paragraph",
        requirement_id: str | None = None,
        label: str | None = None,
        numbers_clause: bool = True,
        depth: int = 0,
    ) -> None:
        """A paragraph or list item: one statement per sentence.

        Its requirement id is the id its text starts with, else ``requirement_id``: a label the
        reader computed but that is not part of the text (a Word list number such as ``K4.1``).
        ``label`` is such a list number as the document shows it ("3.3.1", "a)"); a clause
        number among them ("3.3.1") is the clause of the paragraph's locations, unless
        ``numbers_clause`` is false (a Markdown list's "1.", "2." count items, not clauses).

        A list item's ``depth`` is how deep the reader sees it nested (a Markdown item's
        indentation, a Word list level; 0 when the format does not say): the items deeper than
        an earlier item ending in ':' are its sub-list, and it is their lead-in ("Definitions:"
        with its terms under it); the list's own lead-in goes on for the items after the
        sub-list.
        """
        if not piece.text.strip():
            return
        if kind == "paragraph":
            self._open_clause(piece)
        block = self._block(kind, piece.anchors[0].location)
        if label is not None:
            self.blocks[block].label = label
            number = label.rstrip(".")
            if numbers_clause and CLAUSE_LABEL.match(number):
                clause = clause_path(self._clauses.get(self.current_section, ()) if self._open else (), number)
                piece = Piece(text=piece.text, anchors=[_anchor(a.offset, _moved(a.location, clause=" › ".join(clause))) for a in piece.anchors])
        found = leading_id(piece.text)
        if found:
            requirement_id = found[0]
        id_source = "leading" if requirement_id else None
        statement_kind = "list_item" if kind == "list_item" else "sentence"
        lead_in = self._list_lead_in(depth) if kind == "list_item" else None
        placing = self._placing(piece.anchors[0].location)
        for start, end in split_sentences(piece.text):
            anchors = _slice_anchors(piece.anchors, start, end, placing)
            self._statement(statement_kind, piece.text[start:end], block, anchors, requirement_id, id_source, lead_in=lead_in, located=True)
        end = piece.text.rstrip(_MARKS_AFTER)  # "Konsulten ska ha **följande:**" ends as in Word, whose bold has no marks
        if end.endswith(":"):
            if kind != "list_item":
                self._lead_in = len(self.statements) - 1  # "Konsulten ska ha:" introduces the list below
            else:
                self._sub_lists.append((depth, len(self.statements) - 1))
        elif kind != "list_item" and _leaves_open(end):
            self._lead_in = len(self.statements) - 1  # "Myndigheten ska särskilt" / "- kartlägga …": a list goes on with it

    def _list_lead_in(self, depth: int) -> int | None:
        """The lead-in of a list item ``depth`` deep: the innermost item ending in ':' it is
        deeper than, else the list's lead-in; the sub-lists it is not deeper than end here."""
        sub_lists = self._sub_lists
        while sub_lists and sub_lists[-1][0] >= depth:
            sub_lists.pop()
        return sub_lists[-1][1] if sub_lists else self._lead_in

    def _open_clause(self, piece: Piece) -> None:
        """A paragraph that starts with a clause number ("4.2.1 The Supplier …", "§ 5 …") opens
        that clause, titled by its first words; one that starts with a letter ("B. The Contractor
        …") or a small roman numeral ("iv) EHM har rätt till avdrag …") opens a sub-clause of the
        numbered clause it stands in."""
        pending, self._number = self._number, None  # a number alone on its line numbers a heading, not a paragraph
        found = clause_start(piece.text)
        if found is None and pending is not None and CLAUSE_LABEL.match(pending) and (title := run_in_title(piece.text)) is not None:
            found = (pending, 0, title)  # "1.1" alone, then "Test Plan. The Contractor shall …": the clause a PDF's text split
        if found is None and (top := top_clause(piece.text)) is not None and self.opens_top_clause(top[0]):
            found = (top[0], 1, top[1])  # "1. DESCRIPTION OF SERVICES. The Contractor shall …"
        if found is not None:
            number, _, title = found
            self._open_section(title, number, 1, piece.anchors[0].location, "clause")
            return
        text = piece.text
        marked = may_open_letter(text)
        letter = LETTER_CLAUSE.match(text) if marked else None
        if letter is not None or (pending is not None and LETTER_ALONE.match(pending)):
            name = (letter.group("paren") or letter.group("letter")) if letter is not None else pending[0]
            name = name.lower()
            if name == "i" and self._letter != "h":
                return  # "I." after "B." is a roman numeral: an item inside the clause, not clause I
            self._letter = name
            self._open_sub_clause(name, piece.text.split() if letter is not None else [pending, *piece.text.split()], piece)
            return
        if not marked:
            return
        roman = ROMAN_CLAUSE.match(text)
        if roman is not None and not next_letter(roman.group("roman"), self._letter):  # one of a clause's numbered remedies or grounds
            self._open_sub_clause(roman.group("roman"), text.split(), piece)
        elif (item := LETTER_ITEM.match(text)) is not None:
            self._letter = item.group("letter")

    def _open_sub_clause(self, name: str, words: list[str], piece: Piece) -> None:
        """The sub-clause "(name)" inside the innermost numbered clause, titled by its first
        ``words``; no number of its own, so that "A" is never taken for an id or a cross-reference."""
        outer = next((o.key for o in reversed(self._open) if o.kind == "clause" and o.key and not o.key[-1].startswith("(")), ())
        title = " ".join(words[:TITLE_WORDS]) + (" …" if len(words) > TITLE_WORDS else "")
        self._open_section(title, None, 1, piece.anchors[0].location, "clause", key=(*outer, f"({name})"))

    # -- tables
    def table(self, rows: list[list[Piece]], header_rows: int | None = None) -> None:
        """A table; each body row becomes one statement, cells joined with " | ".

        Tables and rows keep their numbers in the source: an empty table still counts, and an
        empty row makes no statement but still counts. ``header_rows`` counts source rows.
        """
        self._tables += 1
        table_number = self._tables
        self._table_headers.append("")
        numbered = [(number, row) for number, row in enumerate(rows, start=1) if any(cell.text.strip() for cell in row)]
        if not numbered:
            return
        filled = [row for _, row in numbered]
        if header_rows is None:
            header_rows = numbered[0][0] if len(filled) > 1 and _is_header(filled[0]) else 0
        self._table_headers[-1] = " | ".join(
            " ".join(cell.text.split()) for number, row in numbered if number <= header_rows for cell in row if cell.text.strip()
        )
        id_column = _id_column(filled, sum(1 for number, _ in numbered if number <= header_rows))
        # The table stands where its first cell with text does (an empty cell, as a header's
        # top-left one often is, may have no anchor of its own).
        first = next(cell.anchors[0] for row in filled for cell in row if cell.anchors)
        block = self._block("table", first.location, table=table_number)
        for row_number, row in numbered:
            if row_number <= header_rows:
                continue
            texts: list[str] = []
            anchors: list[Anchor] = []
            offset = 0
            for cell_number, cell in enumerate(row, start=1):
                text = " ".join(cell.text.split()) if "\n" in cell.text else cell.text.strip()
                if not text:
                    continue
                if texts:
                    offset += 3  # " | "
                leading = len(cell.text) - len(cell.text.lstrip())
                if "\n" in cell.text:
                    cell_anchors = cell.anchors[:1]
                else:
                    cell_anchors = _slice_anchors(cell.anchors, leading, len(cell.text)) if leading else cell.anchors
                for anchor in cell_anchors:
                    location = self._located(anchor.location, table=table_number, row=row_number, cell=cell_number)
                    anchors.append(_anchor(offset + anchor.offset, location))
                texts.append(text)
                offset += len(text)
            if not texts:
                continue
            requirement_id = None
            if id_column is not None and id_column < len(row) and row[id_column].text.strip():
                requirement_id = row[id_column].text.strip().rstrip(":.")
            self._statement(
                "table_row",
                " | ".join(texts),
                block,
                anchors,
                requirement_id,
                "column" if requirement_id else None,
                table=table_number,
                row=row_number,
                located=True,
            )

    # -- internals
    def _block(self, kind: str, location: Location, table: int | None = None) -> int:
        if kind != "list_item":
            self._lead_in = None  # a list's lead-in reaches only as far as the list
            self._sub_lists.clear()
        index = len(self.blocks)
        self.blocks.append(
            trusted(
                Block,
                {
                    "index": index,
                    "kind": kind,
                    "section": self.current_section,
                    "location": location,
                    "table": table,
                    "suppressions": self._pending,
                    "label": None,
                },
            )
        )
        self._pending = []
        return index

    def _located(self, location: Location, **update: int | str) -> Location:
        """``location`` with the current section's heading path, clause number and title, and
        ``update`` (a clause number the location has already stays)."""
        update.update(self._placing(location))
        return _moved(location, **update) if update else location

    def _placing(self, location: Location) -> dict[str, str]:
        """What :meth:`_located` adds to ``location``: the current section's heading path, title
        and clause number (none outside a section; a clause number the location has stays)."""
        if not self._open:
            return {}
        section = self._open[-1].section
        placing = {"section": self._labels[section], "heading": self._headings[section]}
        if location.clause is None and self._clause_texts[section]:
            placing["clause"] = self._clause_texts[section]
        return placing

    def _statement(
        self,
        kind: str,
        text: str,
        block: int,
        anchors: list[Anchor],
        requirement_id: str | None,
        id_source: str | None,
        table: int | None = None,
        row: int | None = None,
        located: bool = False,
        lead_in: int | None = None,
    ) -> None:
        """A statement; its anchors get the section's heading path unless ``located`` already."""
        if len(self.statements) >= MAX_STATEMENTS:
            raise InputError(self.path, f"has more than {MAX_STATEMENTS:,} statements (sentences, table rows, headings); split the document")
        if self._open and not located:
            anchors = [_anchor(a.offset, self._located(a.location)) for a in anchors]
        self.statements.append(
            trusted(
                Statement,
                {
                    "index": len(self.statements),
                    "kind": kind,
                    "text": text,
                    "block": block,
                    "section": self.current_section,
                    "table": table,
                    "row": row,
                    "requirement_id": requirement_id,
                    "id_source": id_source,
                    "lead_in": lead_in,
                    "anchors": anchors,
                },
            )
        )

    def build(self, language: str | None = None) -> Document:
        """The document; ``language`` overrides detection."""
        source = "option"
        detected = detect_language(s.text for s in self.statements)
        if language is None:
            language, source = (detected, "detected") if detected is not None else ("en", "default")
        numbers: dict[int | None, str | None] = {}  # section → the number of it or of the nearest section around it
        for statement in self.statements:
            if statement.requirement_id is None and statement.kind != "heading":
                if statement.section not in numbers:
                    numbers[statement.section] = _nearest_number(self.sections, statement.section)
                number = numbers[statement.section]
                if number is not None:
                    # Into the fields directly: pydantic's __setattr__ (2 µs) would also mark them set, and
                    # statements made by trusted() have every field set already.
                    statement.__dict__.update(requirement_id=number, id_source="heading")
        values = {
            "path": self.path,
            "format": self.format,
            "language": language,
            "language_source": source,
            "detected_language": detected,
            "sections": self.sections,
            "blocks": self.blocks,
            "statements": _compacted(self.statements),
            "table_headers": self._table_headers,
        }
        if language in LANGUAGE_NAMES and self.format in FORMAT_NAMES:
            # Valid as built: without validation, which would first build the validators of every
            # document model (a one-page check: 1,516 → 1,502 M instructions).
            return trusted(Document, values)
        return Document(**values)  # a language or format no reader gives: validation says which


def _compacted(statements: list[Statement]) -> list[Statement]:
    """The same statements made anew, one after another. Made while reading, each stands in
    memory among the texts, anchors and locations made with it; every later pass over a
    document's statements (the reading makes some thirty, the index and the rules more) then
    reads each from another stretch of memory. Made anew they stand together: a pass over the
    kinds of the 12,867 statements of the 1.39 MB English corpus text took 380 ns a statement
    before, 26 ns after. Each copy shares the one set of fields made by :func:`trusted` (every
    statement was made so, with every field set): a set of its own, as ``model_copy`` gives, is
    728 bytes between one statement and the next."""
    return [trusted(Statement, dict(statement.__dict__)) for statement in statements]


def _nearest_number(sections: list[Section], index: int | None) -> str | None:
    while index is not None:
        if sections[index].number:
            return sections[index].number
        index = sections[index].parent
    return None


def _slice_anchors(anchors: list[Anchor], start: int, end: int, placing: dict[str, str] | None = None) -> list[Anchor]:
    """Anchors for ``text[start:end]`` of a piece, offsets made relative to ``start``; with
    ``placing``, their locations carry that heading path, title and clause number (what
    :meth:`DocumentBuilder._located` adds), made in the same step rather than copied a second time.

    Found by bisection (anchors are in offset order): a paragraph of many lines is sliced into
    many sentences, so walking all its anchors for each would be quadratic.
    """
    if len(anchors) == 1 and anchors[0].offset <= start:  # a piece of one line, as most are
        base, following = anchors[0], []
    else:
        after_start = bisect_right(anchors, start, key=_OFFSET)
        base = anchors[max(after_start - 1, 0)]  # the last anchor at or before start
        following = anchors[after_start : bisect_left(anchors, end, key=_OFFSET)]
    location = base.location
    if placing:
        location = trusted(Location, {**location.__dict__, "column": location.column + (start - base.offset), **placing})
    elif start != base.offset:
        location = _moved(location, column=location.column + (start - base.offset))
    sliced = [_anchor(0, location)]
    for anchor in following:
        sliced.append(_anchor(anchor.offset - start, _moved(anchor.location, **placing) if placing else anchor.location))
    return sliced


# A long document has tens of thousands of statements, blocks, anchors and locations: built
# without pydantic's validation and copying (two thirds of the time of reading real text went
# to them), from values that are valid already, as ``model_copy`` makes them. A test
# validates whole documents read so and compares (tests/test_segment_and_text_readers.py).
def source_location(line: int, column: int, paragraph: int | None = None) -> Location:
    """``Location(line=line, column=column, paragraph=paragraph)`` (lines, columns and
    paragraphs from 1), made without validation."""
    return trusted(
        Location,
        {
            "line": line,
            "column": column,
            "paragraph": paragraph,
            "page": None,
            "section": None,
            "table": None,
            "row": None,
            "cell": None,
            "clause": None,
            "heading": None,
        },
    )


def source_anchor(offset: int, line: int, column: int, paragraph: int | None = None) -> Anchor:
    """``Anchor(offset=offset, location=Location(line=line, column=column, paragraph=paragraph))``,
    made without validation."""
    return _anchor(offset, source_location(line, column, paragraph))


def _anchor(offset: int, location: Location) -> Anchor:
    return trusted(Anchor, {"offset": offset, "location": location})


def _moved(location: Location, **update: int | str) -> Location:
    """``location`` with the fields of ``update`` replaced (``model_copy(update=...)``)."""
    return trusted(Location, {**location.__dict__, **update})


def _is_header(row: list[Piece]) -> bool:
    cells = [c.text.strip() for c in row if c.text.strip()]
    if not cells:
        return False
    if any(_HEADER_WORDS.match(c) for c in cells):
        return all(len(c.split()) <= 6 and not c.endswith(".") for c in cells)
    return False


def _id_column(rows: list[list[Piece]], header_rows: int) -> int | None:
    if header_rows:
        for number, cell in enumerate(rows[0]):
            if _ID_HEADER.match(cell.text.strip()):
                return number
        if rows[0] and rows[0][0].text.strip().lower() in _SCALE_HEADERS:
            return None
    body = rows[header_rows:]
    if not body:
        return None
    first = [row[0].text.strip() for row in body if row and row[0].text.strip()]
    multi_column = any(len(row) > 1 for row in body)
    if first and multi_column and sum(looks_like_id(c) for c in first) * 2 >= len(first):
        return 0
    return None


def _leaves_open(text: str) -> bool:
    """Whether a paragraph (its end, emphasis marks aside) ends before its sentence does, as a lead-in written without a colon
    ends where its list begins ("Myndigheten ska särskilt" / "- kartlägga …", "The Contractor
    shall" / "- maintain …"). Only what follows a list decides: a list's lead-in reaches only as
    far as the list (``_block``)."""
    end = text[-_OPEN_END_REACH:].rstrip()  # what _OPEN_END's \s* takes: str.rstrip() and re's \s strip the same characters
    last = end[-1:]
    if last.isalnum() and not last.isdecimal():
        return True  # a letter ([^\W\d_]: a word character, no digit, no "_")
    # Else only the period of "bl.a.", "i.a.", "t.ex." or "e.g." can: the expression is asked only
    # after "a.", "x." or "g." (it tried each of the last characters, 1.7 µs a paragraph).
    return last == "." and end[-2:-1] in ("a", "x", "g") and _OPEN_END.search(end) is not None
