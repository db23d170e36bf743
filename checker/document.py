"""The one document model every reader produces and every rule sees.

A :class:`Document` has a tree of :class:`Section` s, its :class:`Block` s in order
(paragraphs, list items, tables, headings) and its :class:`Statement` s: a sentence of a
paragraph or list item, a table row read as one text, or a heading. Each statement knows
where each part of its text stands in the source (:class:`Anchor`), so a match inside it
can be located exactly.
"""

from bisect import bisect_right
from operator import attrgetter
from typing import Any, Literal, TypeVar, get_args

from .modelbase import Field, Model, _new, _set_dict, _set_fields_set, empty_list
from .readers.formats import FORMAT_NAMES

Format = Literal[FORMAT_NAMES]  # type: ignore[valid-type] # "docx", "md", "txt", "pdf": one name per input format
Language = Literal["sv", "en"]
LANGUAGE_NAMES: tuple[str, ...] = get_args(Language)
StatementKind = Literal["sentence", "list_item", "table_row", "heading"]
BlockKind = Literal["paragraph", "list_item", "table", "heading"]


class _Model(Model):
    # Refusing fields it does not know; its pydantic twin (checker.modeltwin) is made when a
    # document is validated or written by pydantic: the readers make documents without
    # validation (trusted), and a check writes none.
    model_config = {"extra": "forbid"}


ModelT = TypeVar("ModelT", bound=Model)


def trusted(model: type[ModelT], values: dict[str, Any]) -> ModelT:
    """A ``model`` holding ``values``, which are valid already and name every field in the
    model's order (the order of its JSON): what ``model_construct`` makes, at a fraction of
    its cost (a large document has thousands of findings). A test compares the two."""
    # Every field is set: one set serves all instances (a model only ever adds a field to it).
    every_field = _every_field.get(model)
    if every_field is None:
        every_field = _every_field[model] = set(model.model_fields)
    # made_of's three steps written out: reading the English MB makes 112,456 models here, and
    # the call cost 0.11 of 0.50 µs a model (timeit, 10**6 Anchors).
    made = _new(model)
    _set_dict(made, values)
    _set_fields_set(made, every_field)
    return made


# The field names of each model trusted() has made: a dictionary, as a functools.cache call
# cost a fifth of trusted() itself.
_every_field: dict[type[Model], set[str]] = {}


class Location(_Model):
    """Where something stands in a document; lines and columns count from 1.

    For .docx, ``line`` is the paragraph number in body order (paragraphs inside tables
    counted where they stand) and equals ``paragraph``.
    """

    line: int = Field(ge=1)
    column: int = Field(ge=1)
    paragraph: int | None = None
    page: int | None = None
    section: str | None = Field(
        default=None,
        description="heading path, e.g. '4 Drift > 4.2 Felhantering': each heading's number and title, a title of"
        " over 120 characters cut at a word with '…', and of a path over 8 sections deep the outermost, '…' and"
        " the innermost six",
    )
    table: int | None = Field(default=None, description="table number in the document, from 1")
    row: int | None = Field(default=None, description="row in the table, from 1")
    cell: int | None = Field(default=None, description="column of the cell in the row, from 1")
    clause: str | None = Field(
        default=None,
        description="the clause number as the document shows it: the numbers of the"
        " enclosing numbered sections, outermost first ('Bilaga 2 › 4.2';"
        " '4 › 4.2' is written '4.2'), or a Word list number ('3.3.1')",
    )
    heading: str | None = Field(
        default=None, description="the title of the innermost enclosing section, without its number (over 120 characters: cut at a word with '…')"
    )


class Anchor(_Model):
    """From ``offset`` in a statement's text on, the text stands at ``location`` in the source,
    running on along the same line (or paragraph) until the next anchor."""

    offset: int
    location: Location


SHOWN_TITLE = 120
"""Most characters of a section's title (with its number) that a location, a link or a message
shows: a longer one is cut at a word with "…" (:func:`shown_title`), as the matrix cuts a
requirement's text. Real headings stay below it (the longest of the development documents' is
212 characters, a link written out; the next 165), and a title of more is a paragraph read as a
heading. Each statement's location carries its section's path: a 36,000-character heading over
669 sub-clauses made 25 MB of JSON for a 140 KB file (bench/hostile.py, long-heading)."""

SHOWN_DEPTH = 8
"""Most sections a location's path shows: the outermost, "…", then the innermost
``SHOWN_DEPTH - 2`` (:func:`shown_path`). Contracts nest seldom six deep; sections nest at most
32 (``segment.MAX_SECTION_DEPTH``)."""


def shown_title(text: str, limit: int = SHOWN_TITLE) -> str:
    """``text`` as a location shows it: itself when at most ``limit`` characters, else on one
    line, cut at a word boundary to at most ``limit`` characters with "…" (the reporters'
    ``shorten``, which shows a heading in 60). Reads at most ``4 * limit`` characters of it."""
    if len(text) <= limit:
        return text
    head = text[: 4 * limit]
    flat = " ".join(head.split())
    if len(flat) <= limit and len(head) == len(text):
        return flat
    return cut_at_word(flat, limit)


def cut_at_word(flat: str, limit: int) -> str:
    """``flat``, text on one line longer than ``limit``, cut at a word boundary (one in the second
    half of the limit, else mid-word) to at most ``limit`` characters with "…": how a location
    (:func:`shown_title`) and a report's message (``reporters.labels.shorten``) cut a long text."""
    cut = flat[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:") + "…"


def shown_path(labels: list[str] | tuple[str, ...]) -> str:
    """The heading path of sections whose shown labels are ``labels``, outermost first
    ("4 Drift > 4.2 Felhantering"); deeper than :data:`SHOWN_DEPTH`, the outermost, "…" and the
    innermost ones."""
    if len(labels) > SHOWN_DEPTH:
        labels = (labels[0], "…", *labels[len(labels) - SHOWN_DEPTH + 2 :])
    return " > ".join(labels)


class Section(_Model):
    index: int
    title: str
    number: str | None = Field(default=None, description="heading number such as '4.2.1'")
    level: int
    parent: int | None = None
    location: Location

    @property
    def label(self) -> str:
        return f"{self.number} {self.title}" if self.number else self.title

    @property
    def shown_label(self) -> str:
        """The label as a location, a link or a message shows it (:func:`shown_title`); the
        full title stays here, in the heading's statement and in what rules read."""
        return shown_title(self.label)


class Suppression(_Model):
    """``kravkoll: ignore RULE -- reason`` written in the document."""

    rules: list[str]
    reason: str = ""
    location: Location


class Block(_Model):
    index: int
    kind: BlockKind
    section: int | None = None
    location: Location
    table: int | None = None
    suppressions: list[Suppression] = Field(default_factory=empty_list)
    label: str | None = Field(
        default=None, description="a list item's number as the document shows it ('3.3.1', 'a)'), when the reader computes it (Word's automatic numbering)"
    )


_ANCHOR_OFFSET = attrgetter("offset")


class Statement(_Model):
    index: int
    kind: StatementKind
    text: str
    block: int
    section: int | None = None
    table: int | None = None
    row: int | None = None
    requirement_id: str | None = None
    id_source: Literal["leading", "column", "heading"] | None = None
    lead_in: int | None = Field(default=None, description="for a list item: the statement ending in ':' that introduces its list")
    anchors: list[Anchor]

    @property
    def location(self) -> Location:
        return self.anchors[0].location

    def location_at(self, offset: int) -> Location:
        """The source location of character ``offset`` of :attr:`text`."""
        return self._location_in(self.anchors[self._anchor_index(offset)], offset)

    def span_location(self, start: int, end: int) -> tuple[Location, int | None]:
        """Where ``text[start:end]`` starts, and the column just after it when it ends in the
        same stretch of source (the same line, paragraph or cell); else None."""
        if len(self.anchors) == 1:  # most statements stand on one line: no search
            location = self._location_in(self.anchors[0], start)
            return location, location.column + (end - start) if end > start else None
        first = self._anchor_index(start)
        location = self._location_in(self.anchors[first], start)
        same = end > start and self._anchor_index(end - 1) == first
        return location, location.column + (end - start) if same else None

    def _location_in(self, anchor: Anchor, offset: int) -> Location:
        shift = max(offset - anchor.offset, 0)
        return trusted(Location, {**anchor.location.__dict__, "column": anchor.location.column + shift})

    def _anchor_index(self, offset: int) -> int:
        if len(self.anchors) == 1:  # most statements stand on one line
            return 0
        return max(bisect_right(self.anchors, offset, key=_ANCHOR_OFFSET) - 1, 0)

    def offset_of(self, location: Location) -> int | None:
        """The offset in :attr:`text` that :meth:`location_at` maps to ``location``; None if none does."""
        ends = [a.offset for a in self.anchors[1:]] + [len(self.text) + 1]
        for anchor, end in zip(self.anchors, ends):
            start = anchor.location
            if start.model_copy(update={"column": location.column}) != location or location.column < start.column:
                continue
            offset = anchor.offset + location.column - start.column
            if offset < end:
                return offset
        return None


class Document(_Model):
    path: str
    format: Format
    language: Language
    language_source: Literal["detected", "option", "default"] = "detected"
    detected_language: Language | None = Field(default=None, description="the language the text reads as, when it could tell")
    sections: list[Section] = Field(default_factory=empty_list)
    blocks: list[Block] = Field(default_factory=empty_list)
    statements: list[Statement] = Field(default_factory=empty_list)
    table_headers: list[str] = Field(
        default_factory=empty_list, description="for each table (numbered from 1), its header rows' cells joined with ' | '; empty when it has none"
    )

    def section_path(self, index: int | None) -> list[Section]:
        """The section and its ancestors, outermost first."""
        chain: list[Section] = []
        while index is not None:
            section = self.sections[index]
            chain.append(section)
            index = section.parent
        return chain[::-1]

    def section_label(self, index: int | None) -> str | None:
        """The heading path of section ``index`` as its statements' locations show it (:func:`shown_path`)."""
        chain = self.section_path(index)
        return shown_path([s.shown_label for s in chain]) if chain else None
