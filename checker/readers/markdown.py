"""Markdown: ATX and Setext headings, lists, pipe tables (and pandoc's simple, multiline and grid
tables, :mod:`.pandoc_tables`), paragraphs, comments.

Locations are source positions (line and column from 1). A ``<!-- kravkoll: ignore RULE --
reason -->`` comment applies to the next block. Inline markup is kept in the text, so
columns point at the source exactly.
"""

from __future__ import annotations

from ..clauses import HEADING_WORDS, caps_title, has_modal, reads_as_prose
from ..document import Document
from ..lazyre import lazy_compile
from ..segment import (
    DocumentBuilder,
    Piece,
    clause_start,
    heading_level,
    numbered_heading,
    only_clause_number,
    parse_suppression,
    plain_heading,
    sentence_follows,
    source_anchor,
    source_location,
)
from . import pandoc_tables
from .lines import line_pieces

_ATX = lazy_compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = lazy_compile(r"^ {0,3}(=+|-+)[ \t]*$")
_FENCE = lazy_compile(r"^ {0,3}(`{3,}|~{3,})")
_LIST = lazy_compile(r"^([ \t]*)([-*+•]|\d{1,9}[.)])([ \t]+)(?:\[[ xX]\][ \t]+)?(?=\S)")  # "- [ ] …": a task-list box is no text
_TABLE_DELIMITER = lazy_compile(r"^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$")
_QUOTE = lazy_compile(r"^ {0,3}> ?")
# "-   As an Applicant, I want … status" / "    > updates via email …": pandoc quotes a list
# item's continuation lines inside the item (indented to its text); they continue its sentence.
_ITEM_QUOTE = lazy_compile(r"^[ \t]{2,8}> ?")
_THEMATIC = lazy_compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_CODE_OR_ESCAPED_BAR = lazy_compile(r"`[^`]*`|\\\|")
_BOLD_LINE = lazy_compile(r"^(\*\*|__)(?P<title>[^*_].*?)\1\s*$")
# A numbered item that opens with an emphasised title run into its text: "2. <u>Service Level
# Commitment and Credits</u>. If Uptime …", "3. **Fees.** Customer shall pay …", "4. **Överlåtelse.**
# Part får inte …". Bounded: the title is at most 120 characters without marks; it starts with a
# capital letter of any alphabet (:func:`_titled_item`).
_TITLED_ITEM = lazy_compile(
    r"^(?P<open>\*\*|__|<u>|<b>|<strong>)(?P<title>[^\W\d_][^*_<>]{0,120}?)(?P<inside>[.:]?)(?P<close>\*\*|__|</u>|</b>|</strong>)(?P<after>[.:]?)[ \t]*"
)
_CLOSING = {"**": "**", "__": "__", "<u>": "</u>", "<b>": "</b>", "<strong>": "</strong>"}
# A line that is only a link to a place in the document, after a list marker or a clause number:
# "- [Sec. 3.20 Termination for Default](#3.20)", "1.1. [Avtal](#avtal)".
_LOCAL_LINK_LINE = lazy_compile(r"^[ \t]*(?:[-*+•][ \t]+|\d{1,3}(?:\.\d{1,3})*[.)]?[ \t]+)?(?:\*\*|__)?\[[^\]\n]{1,300}\]\(#[^)\s]{0,300}\)(?:\*\*|__)?[ \t]*$")
_TOC_REACH = 4
"""Lines looked at on each side of a link line for another one (blank lines and headings between entries)."""
# A line of HTML markup that shows no text and opens nothing (an empty element, ``<a
# name="felhantering"></a>`` before a heading; one that closes itself, ``<br/>``; closing tags,
# ``</div>``) is no paragraph. An element left open (``<center>`` over an address) starts its
# block as before, and an autolink (``<http://www.w3.org/WAI/>``) is text: a colon follows its name.
_TAGS_ONLY = lazy_compile(r"^(?:(?:<([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?>\s*</\1\s*>|<[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/>|</[A-Za-z][A-Za-z0-9-]*\s*>)\s*)+$")


class _ListNesting:
    """How deep each list item stands, from its indentation and its marker ("-", "*", "1.",
    "1)"): deeper than the item before it when indented further. An item indented no deeper
    than an open sub-list, but written with that sub-list's marker where the list at its own
    indentation has another, goes on with the sub-list: documents converted to Markdown often
    keep a sub-list's indentation on its first item only."""

    def __init__(self) -> None:
        self.open: list[tuple[int, str]] = []  # (indentation, marker) of the open lists, outermost first
        self.clauses_from: int | None = None  # the first section a titled item of the open lists opened

    def depth(self, indent: int, marker: str) -> int:
        open_lists = self.open
        outer = next((k for k in range(len(open_lists) - 1, -1, -1) if open_lists[k][0] <= indent), None)
        if outer is not None and open_lists[outer][1] != marker:
            for k in range(len(open_lists) - 1, outer, -1):
                if open_lists[k][1] == marker:
                    del open_lists[k + 1 :]
                    return open_lists[k][0]
        while open_lists and open_lists[-1][0] > indent:
            open_lists.pop()
        if open_lists and open_lists[-1][0] == indent:
            open_lists[-1] = (indent, marker)
        else:
            open_lists.append((indent, marker))
        return indent

    def end(self) -> None:
        """Something other than a list (a heading, a table, a paragraph that is not indented)."""
        self.open.clear()
        self.clauses_from = None


def _toc_entry(lines: list[str], i: int) -> bool:
    """Whether line ``i`` is an entry of a table of contents: a line that is only a link to a
    place in the document (:data:`_LOCAL_LINK_LINE`), next to another such line (blank lines
    and the headings that group the entries aside). It points to a clause and says nothing itself: "- [Sec. 3.20 Termination for
    Default](#3.20)" is no termination clause, "- [Sec. 7.09 Disputes](#7.09)" no dispute
    clause. One link alone in a list ("- [Technical account manager](#technical-account-manager)"
    among options) is an item of it."""
    if "](#" not in lines[i] or not _LOCAL_LINK_LINE.match(lines[i]):
        return False
    for step in (-1, 1):
        j = i + step
        for _ in range(_TOC_REACH):
            if not 0 <= j < len(lines):
                break
            line = lines[j].strip()
            if line and not line.startswith("#"):  # a heading of the contents ("### Section 2") groups entries
                if "](#" in line and _LOCAL_LINK_LINE.match(line):
                    return True
                break
            j += step
    return False


class _Lines:
    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")
        self.i = 0

    def peek(self, ahead: int = 0) -> str | None:
        j = self.i + ahead
        return self.lines[j] if j < len(self.lines) else None

    @property
    def number(self) -> int:
        return self.i + 1


def read_markdown(text: str, path: str, *, language: str | None = None, fmt: str = "md") -> Document:
    builder = DocumentBuilder(path=path, format=fmt)
    lines = _Lines(text)
    _front_matter(lines, builder)
    paragraph: list[tuple[int, int, str]] = []  # (line, column, text)
    kind = "paragraph"
    item_number: str | None = None  # an ordered list item's "1." as the document shows it
    item_depth = 0  # a list item's depth (_ListNesting)
    title_item_number: int | None = None  # the number of the last clause titled by a list of one item (_numbered_title_item)
    title_items_number_clauses = True  # whether the run of those titles numbers the document's clauses
    nesting = _ListNesting()

    def flush() -> None:
        nonlocal paragraph, kind, item_number, item_depth
        if paragraph:
            for piece in line_pieces(paragraph):
                builder.paragraph(piece, "list_item" if piece.item else kind, None, item_number, numbers_clause=False, depth=item_depth)
                kind, item_number, item_depth = "paragraph", None, 0
        paragraph = []
        kind, item_number, item_depth = "paragraph", None, 0

    source = lines.lines
    while lines.i < len(source):
        line, number = source[lines.i], lines.i + 1
        quote = _QUOTE.match(line) if ">" in line[:4] else None
        if quote is None and kind == "list_item" and paragraph and ">" in line[:9]:
            quote = _ITEM_QUOTE.match(line)  # an item's lines quoted inside it: its text goes on
        body_offset = quote.end() if quote else 0
        body = line[body_offset:]
        stripped = body.strip()
        if not stripped:
            flush()
            lines.i += 1
            continue
        # Each mark is searched for only where its first character starts the line (or a bar
        # stands in it): what a comment, fence, heading, rule, bold title or list needs, leading
        # spaces aside. Most lines of real text are prose, and start none of them; searching
        # every line for every mark took half of this loop's time.
        first = stripped[0]
        if nesting.open and body[:1] not in " \t" and not (first in "-*+•" or first.isdecimal()) and not (kind == "list_item" and paragraph):
            if nesting.clauses_from is not None:  # what follows the list stands where the list stood, not in its last titled item
                builder.close_sections_from(nesting.clauses_from)
            nesting.end()  # a heading, a table or a paragraph at the margin: the lists before it have ended
        if not quote and "](#" in line and _toc_entry(source, lines.i):  # the link's mark first: no call for a line without one
            flush()
            lines.i += 1
            continue
        if first == "<" and stripped.startswith("<!--"):
            flush()
            _comment(lines, builder)
            continue
        if first in "`~" and (fence := _FENCE.match(body)):
            flush()
            _skip_fence(lines, fence.group(1))
            continue
        if first == "#" and (atx := _ATX.match(body)):
            flush()
            title = atx.group(2) or ""
            column = body_offset + (atx.start(2) + 1 if atx.group(2) else 1)
            if reads_as_prose(title):
                paragraph.append((number, column, title))
                flush()
            else:
                builder.heading(title, len(atx.group(1)), source_location(number, column))
            lines.i += 1
            continue
        if first == "-" and not quote and kind == "paragraph" and (table := _pandoc_table(source, lines.i, paragraph)) is not None:
            paragraph = paragraph[:-1] if table.header_rows and paragraph else paragraph  # its last line is the header
            flush()
            builder.table(table.rows, header_rows=table.header_rows or None)
            lines.i = table.end
            continue
        if first == "+" and not quote and (table := pandoc_tables.grid(source, lines.i)) is not None:
            flush()
            builder.table(table.rows, header_rows=table.header_rows or None)
            lines.i = table.end
            continue
        if first in "=-" and paragraph and kind == "paragraph" and (setext := _SETEXT.match(body)):
            title = " ".join(t for _, _, t in paragraph)
            if reads_as_prose(title):  # a paragraph over a rule: the paragraph, and the rule between it and what follows
                flush()
            else:
                first_line, first_column, _ = paragraph[0]
                paragraph = []
                builder.heading(title, 1 if setext.group(1)[0] == "=" else 2, source_location(first_line, first_column))
            lines.i += 1
            continue
        if first in "-*_" and _THEMATIC.match(body):
            flush()
            lines.i += 1
            continue
        if first == "<" and stripped.lower().startswith("<table") and not paragraph:
            _html_table(lines, builder)
            continue
        if first == "<" and _TAGS_ONLY.match(stripped):
            lines.i += 1
            continue
        if "|" in body and (nxt := lines.peek(1)) is not None and _TABLE_DELIMITER.match(nxt) and "-" in nxt:
            flush()
            _table(lines, builder)
            continue
        if not paragraph and "|" in line and _bare_table_starts(lines):  # the bar first: no call for a line without one
            _bare_table(lines, builder)
            continue
        if first in "*_" and (title := _bold_title(stripped)) is not None:
            flush()
            bold_column = body_offset + len(body) - len(body.lstrip()) + 3
            builder.heading(title[1], heading_level(title[0]), source_location(number, bold_column), number=title[0], kind="clause")
            lines.i += 1
            continue
        if paragraph and not (lines.peek(1) or "").strip() and only_clause_number(stripped) is not None:
            flush()  # "4.0" closing a block, its title after the blank line
        if not paragraph and (kind_of_line := _plain_heading(lines, stripped, builder.has_clause_number)) is not None:
            column = body_offset + len(body) - len(body.lstrip()) + 1
            if kind_of_line == "number":
                builder.clause_number(only_clause_number(stripped) or stripped)
            elif kind_of_line == "bold":
                label = _BOLD_LINE.match(stripped)
                builder.heading(label.group("title").rstrip(":"), None, source_location(number, column + 2), kind="label")
            elif kind_of_line == "annex":
                builder.heading(stripped, None, source_location(number, column), number=clause_start(stripped)[0], kind="clause")
            else:
                builder.heading(stripped, None, source_location(number, column), kind="clause" if kind_of_line == "clause" else "label")
            lines.i += 1
            continue
        item = _LIST.match(body) if first in "-*+•" or first.isdecimal() else None
        if item:
            flush()
            kind = "list_item"
            marker = item.group(2)
            item_number = marker if marker[0].isdecimal() else None
            if (
                item_number
                and not nesting.open
                and not item.group(1)
                and (title := _numbered_title_item(lines, body[item.end() :], ordinal := int(item_number[:-1]), title_item_number)) is not None
            ):
                if title_item_number != ordinal - 1:  # a run begins
                    # inside a section the document numbers ("4.1 Response times") the run titles
                    # its parts ("1. Priority 1"), not the document's clauses 1, 2, 3
                    title_items_number_clauses = not builder.in_numbered_section
                title_item_number = ordinal
                title_location = source_location(number, body_offset + item.end() + 1)
                if title_items_number_clauses:
                    builder.heading(title, 1, title_location, number=item_number[:-1], kind="clause")
                else:
                    builder.heading(title, None, title_location, kind="label")
                kind, item_number = "paragraph", None
                lines.i += 1
                continue
            if item_number and not item.group(1) and caps_title(body[item.end() :]) is not None and builder.opens_top_clause(item_number[:-1]):
                # "2. SERVICE DELIVERY SUMMARY. …" at the margin: a paragraph that opens a top-level clause
                # (clauses.top_clause), not an item; the lists before it have ended, and what follows stands in it
                if nesting.clauses_from is not None:
                    builder.close_sections_from(nesting.clauses_from)
                nesting.end()
                kind, item_number, item_depth = "paragraph", None, 0
                paragraph = [(number, body_offset + len(body) - len(body.lstrip()) + 1, stripped)]
                lines.i += 1
                continue
            item_depth = nesting.depth(len(item.group(1).expandtabs(4)), "1" + marker[-1] if item_number else marker)
            start = body_offset + item.end()
            if line.startswith("> ", start):  # "- > text": a quote inside the item (as pandoc writes it), its text the item's
                start += 2
            text = line[start:].rstrip()
            if item_number and len(nesting.open) == 1 and (titled := _titled_item(text)) is not None:
                title, title_at, rest = titled
                if nesting.clauses_from is None:
                    nesting.clauses_from = len(builder.sections)
                builder.heading(
                    title, heading_level(item_number), source_location(number, start + title_at + 1), number=item_number.rstrip(".)"), kind="clause"
                )
                kind, item_number, item_depth = "paragraph", None, 0
                paragraph = [(number, start + rest + 1, text[rest:])] if text[rest:] else []
                lines.i += 1
                continue
            if (title := _bold_item_title(lines, text)) is not None:
                # "* **Make it simple and intuitive**", a blank line, then the item's paragraphs:
                # the title of what the item holds, no statement of its own
                builder.heading(title, None, source_location(number, start + 3), kind="label")
                kind, item_number = "paragraph", None
                lines.i += 1
                continue
            paragraph = [(number, start + 1, text)]
            lines.i += 1
            continue
        indent = len(body) - len(body.lstrip())
        paragraph.append((number, body_offset + indent + 1, stripped))
        lines.i += 1
    flush()
    return builder.build(language)


_TITLE_ITEM_REACH = 400
"""Lines looked ahead for the next clause's numbered title (a clause of a contract is shorter)."""


def _numbered_title_item(lines: _Lines, text: str, number: int, previous: int | None) -> str | None:
    """The title a numbered item at the margin is, when the item is a clause's numbered heading
    written as a list of one ("1. Definitions", a blank line, then the clause's paragraphs at the
    margin, "2. Service Commitment" …, as documents converted from Word write them): the item is
    a title over a paragraph (:func:`_title_over_paragraph`) and one of a run of them numbered in
    turn — the one before was numbered ``number - 1`` (``previous``), or the next item at the
    margin, within :data:`_TITLE_ITEM_REACH` lines, is numbered ``number + 1`` and is one too. A
    numbered cell of a table a PDF's text flattened ("1. DEVELOP TEST PLAN" over its standard,
    then "2. Maintain equipment.") has no such run. None for another item."""
    title = _title_over_paragraph(lines, 0, text)
    if title is None or previous == number - 1:
        return title
    for ahead in range(1, _TITLE_ITEM_REACH):
        line = lines.peek(ahead)
        item = _LIST.match(line) if line is not None else None
        if line is None or (item is not None and not item.group(1)):
            next_number = item.group(2)[:-1] if item is not None else ""
            following = next_number == str(number + 1) and _title_over_paragraph(lines, ahead, line[item.end() :]) is not None
            return title if following else None
    return None


def _title_over_paragraph(lines: _Lines, at: int, text: str) -> str | None:
    """``text``, the item on the line ``at`` lines ahead, when it is a short title alone on its
    line (:func:`plain_heading`) with a blank line after it and then a paragraph at the margin that
    starts a sentence, neither an item of a list nor an indented continuation of the item. A list
    of short items, loose or tight, has an item after each blank line, so is no title. Else None."""
    if (lines.peek(at + 1) or "").strip():
        return None  # the item goes on, or a tight list's next item follows
    ahead = at + 2
    while (after := lines.peek(ahead)) is not None and not after.strip():
        ahead += 1
    if after is None or after[:1] in " \t" or _LIST.match(after) or _starts_block(after):
        return None
    title = text.strip()
    return title if plain_heading(title, after, numbered=True) else None


def _bold_item_title(lines: _Lines, text: str) -> str | None:
    """The title a list item is when its whole text is bold, a few words without end punctuation
    ("* **Make it simple and intuitive**"), and a blank line and then a paragraph of the item
    (indented, no item of a list) follow: a playbook's play titling the paragraphs and list it
    holds, as a bold line titles what follows it at the margin. An item over a sub-list ("*
    **Define requirements for ACRs**" / "  * Which products require assessment") or whose text
    goes on on the next line ("- **COMPUTE**" / "Safespring Compute service …") stays an item."""
    bold = _BOLD_LINE.match(text.strip())
    if bold is None or (lines.peek(1) or "").strip():
        return None
    title = bold.group("title").strip()
    if not title or len(title.split()) > HEADING_WORDS or title.endswith((".", ";", ",", ":", "?")):
        return None
    ahead = 2
    while (after := lines.peek(ahead)) is not None and not after.strip():
        ahead += 1
    if after is None or after[:1] not in " \t" or _LIST.match(after) or _starts_block(after.strip()):
        return None
    return title


def _titled_item(text: str) -> tuple[str, int, int] | None:
    """The run-in title a numbered item opens with (:data:`_TITLED_ITEM`), as (title, where it
    starts, where the item's text after it starts): a clause of a contract written as a list,
    titled and numbered by the item ("2. <u>Service Level Commitment and Credits</u>. If Uptime
    falls below 99.9% …"), whose sentences are its own, not items of the sentence that
    introduces the list ("the following terms shall apply:"). A title starts with a capital
    letter of any alphabet ("**Överlåtelse.**" as "**Fees.**") and ends with a period, or
    is the whole item ("1. **Definitions**:" over its sub-list); one followed by a colon and
    more ("1. **Uptime**: the share of …") is a term and its definition, and a question ("1.
    **Var lagras data geografiskt?**") is asked, not a title. A text after the title with no
    modal binds by no words of its own ("The Contractor shall provide the following:" / "1.
    **Hosting.** Hosting in an EU data centre …"): the title labels an item its list's
    introduction binds. None for another item."""
    match = _TITLED_ITEM.match(text)
    if match is None or _CLOSING[match.group("open")] != match.group("close") or not match.group("title")[0].isupper():
        return None
    title, rest = match.group("title").strip(), match.end()
    ends = match.group("inside") + match.group("after")
    if not title or title.endswith("?") or len(title.split()) > HEADING_WORDS or (rest < len(text) and (ends not in (".", "..") or not has_modal(text, rest))):
        return None
    return title, match.start("title"), rest


def _pandoc_table(source: list[str], start: int, paragraph: list[tuple[int, int, str]]) -> pandoc_tables.Table | None:
    """A pandoc simple or multiline table at the dash line ``source[start]``: the paragraph's last
    line, when it stands just above, is a simple table's header."""
    header = paragraph[-1][0] - 1 if paragraph and paragraph[-1][0] == start else None
    if paragraph and header is None:
        return None
    return pandoc_tables.simple_or_multiline(source, start, header)


def _bold_title(text: str) -> tuple[str, str] | None:
    """A line that is only a bold numbered title (``**4.2 Felhantering**``) is a heading, as
    documents converted from Word or PDF write them: (number, title), else None."""
    bold = _BOLD_LINE.match(text)
    return numbered_heading(bold.group("title")) if bold else None


def _plain_heading(lines: _Lines, stripped: str, pending_number: bool) -> str | None:
    """Whether the line that starts a block is a heading not marked as one, as text converted
    from PDF or Word writes them: ``"number"`` (a clause number alone: "3.0"), ``"clause"`` (a
    numbered title: "4 Service credits"), ``"bold"`` (a bold line of a few words:
    "**Acceptance criteria**"), ``"plain"`` (a short line without end punctuation before a
    paragraph: "SERVICE CREDITS", "Service credits" — see :func:`plain_heading`), ``"annex"`` (a
    numbered title over a table: "Annex 1—Service levels"); else None."""
    following = lines.peek(1)
    if following is not None and (_SETEXT.match(following) or _TABLE_DELIMITER.match(following)):
        return None
    long_line = len(stripped.strip("*_ ").split(None, HEADING_WORDS + 1)) > HEADING_WORDS + 1
    if not long_line and not (following or "").strip() and only_clause_number(stripped) is not None:
        return "number"
    bold = _BOLD_LINE.match(stripped)
    if bold is not None:
        title = bold.group("title").rstrip(":").strip()
        return "bold" if title and len(title.split()) <= HEADING_WORDS and not title.endswith((".", ";", ",")) else None
    ahead = 1
    while (after := lines.peek(ahead)) is not None and not after.strip():
        ahead += 1
    if (
        after is not None
        and _has_bar(after)
        and (found := clause_start(stripped)) is not None
        and 0 < len(found[2].split()) <= HEADING_WORDS
        and not stripped.rstrip("*_ ").endswith((".", ";", ",", ":"))  # the whole line: clause_start shortens a long title
    ):
        return "annex"  # "Annex 1—Service levels" over its table
    if long_line:
        return None  # a numbered title or a plain heading has at most ten words besides its number (2 in 5 of the lines asked are longer)
    if after is None or not sentence_follows(after) or _starts_block(after):
        return None  # both kinds left need a sentence after them (see plain_heading)
    numbered = numbered_heading(stripped)
    if numbered is not None and not _LIST.match(stripped):
        return "clause" if plain_heading(numbered[1], after, numbered=True) else None
    return "plain" if plain_heading(stripped, after, numbered=pending_number, adjacent=ahead == 1) else None


def _starts_block(line: str) -> bool:
    """Whether a line starts something other than a paragraph: a heading, list, table, quote,
    comment, fence or rule."""
    body = line.strip()
    return bool(
        _ATX.match(line)
        or _LIST.match(line)
        or _FENCE.match(line)
        or _THEMATIC.match(line)
        or "|" in body
        or body.startswith(("<", ">"))
        or _BOLD_LINE.match(body)
    )


def _front_matter(lines: _Lines, builder: DocumentBuilder) -> None:
    """Skip a front matter block (``---`` to ``---`` or ``...``, within its first 200 lines);
    its top-level ``title:`` (as Jekyll, Hugo and Pelican write it: "Title: IT-säkerhetspolicy")
    is the document's first heading, level 1, the title a reader sees above the text: it says
    what the document is (a policy, a PWS), which the rules read from its headings."""
    if lines.peek() != "---":
        return
    for j in range(1, min(len(lines.lines), 200)):
        if lines.lines[j].strip() in ("---", "..."):
            title = next(((k, found) for k in range(1, j) if (found := _front_matter_title(lines.lines[k])) is not None), None)
            if title is not None:
                k, (text, start) = title
                builder.heading(text, 1, source_location(k + 1, start + 1))
            lines.i = j + 1
            return


_FRONT_MATTER_KEY = lazy_compile(r"(?i:title)[ \t]*:[ \t]*")
_QUOTES = "\"'"


def _front_matter_title(line: str) -> tuple[str, int] | None:
    """A front matter line's title, with where it starts in the line: a top-level key, its value
    on the line, quoted or not, with no quote inside ("title: >" and "title: |" start a block,
    read as no title). Read by slicing, not by one expression: a lazy match of the value before
    trailing blanks took time quadratic in the line (a 300 KB line: minutes)."""
    key = _FRONT_MATTER_KEY.match(line)
    if key is None:
        return None
    start, value = key.end(), line[key.end() :].rstrip(" \t")
    if value[:1] in _QUOTES and value:
        start, value = start + 1, value[1:]
    if value[-1:] in _QUOTES and value:
        value = value[:-1]
    if not value or value[0].isspace() or value[0] in "|>" or any(quote in value for quote in _QUOTES):
        return None
    return value, start


def _skip_fence(lines: _Lines, fence: str) -> None:
    lines.i += 1
    while (line := lines.peek()) is not None:
        lines.i += 1
        if line.strip().startswith(fence[0] * len(fence)):
            return


def _comment(lines: _Lines, builder: DocumentBuilder) -> None:
    start_line = lines.number
    first = lines.peek() or ""
    column = first.find("<!--") + 1
    parts: list[str] = []
    while (line := lines.peek()) is not None:
        lines.i += 1
        parts.append(line)
        if "-->" in line:
            break
    body = "\n".join(parts)
    inner = body[body.find("<!--") + 4 :]
    inner = inner[: inner.find("-->")] if "-->" in inner else inner
    suppression = parse_suppression(inner, source_location(start_line, column))
    if suppression is not None:
        builder.suppress_next(suppression)


def _cells(line: str, number: int) -> list[Piece]:
    """The cells of a pipe-table row with their columns; ``\\|`` is a literal bar."""
    cells: list[Piece] = []
    start = 0
    stripped = line.rstrip()
    lead = len(stripped) - len(stripped.lstrip())
    if stripped[lead : lead + 1] == "|":
        start = lead + 1
    # From bar to bar (str.find), not character by character: a table row is a long line.
    bar = stripped.find("|", start)
    while True:
        if bar > 0 and stripped[bar - 1] == "\\":
            bar = stripped.find("|", bar + 1)  # an escaped bar is text
            continue
        end = len(stripped) if bar < 0 else bar
        raw = stripped[start:end]
        if bar >= 0 or raw.strip():
            left = len(raw) - len(raw.lstrip())
            text = raw.strip().replace("\\|", "|")
            cells.append(Piece(text=text, anchors=[source_anchor(0, number, start + left + 1)]))
        if bar < 0:
            return cells
        start = end + 1
        bar = stripped.find("|", start)


def _table(lines: _Lines, builder: DocumentBuilder) -> None:
    header = _cells(lines.peek() or "", lines.number)
    lines.i += 2  # header and delimiter rows
    rows = [header]
    while (line := lines.peek()) is not None and line.strip() and "|" in line:
        rows.append(_cells(line, lines.number))
        lines.i += 1
    builder.table(rows, header_rows=1)


def _has_bar(line: str | None) -> bool:
    """Whether a line has a cell separator: an unescaped ``|`` outside inline code."""
    if line is None or "|" not in line or not line.strip() or _LIST.match(line) or _ATX.match(line):
        return False
    return "|" in _CODE_OR_ESCAPED_BAR.sub("", line)


def _bare_table_starts(lines: _Lines) -> bool:
    """Two or more lines in a row, each with a cell separator, at the start of a block: a
    pipe table without its delimiter row, as conversions from PDF and Word often write them
    ("| Priority 1 | 99.8% | 2.0 GBP"). Each line is a row; whether the first is a header is
    decided as for any table (:meth:`DocumentBuilder.table`)."""
    return _has_bar(lines.peek()) and _has_bar(lines.peek(1))


def _bare_table(lines: _Lines, builder: DocumentBuilder) -> None:
    rows = []
    while _has_bar(line := lines.peek()):
        rows.append(_cells(line or "", lines.number))
        lines.i += 1
    builder.table(rows, header_rows=1 if _labels_only(rows[0]) else None)


def _labels_only(row: list[Piece]) -> bool:
    """A first row of short labels without numbers ("Service | Target | Credit") is a header."""
    cells = [cell.text.strip() for cell in row if cell.text.strip()]
    return len(cells) >= 2 and all(len(c.split()) <= 6 and not c.endswith(".") and not any(ch.isdigit() for ch in c) for c in cells)


def _html_table(lines: _Lines, builder: DocumentBuilder) -> None:
    """An HTML ``<table>`` inside Markdown (pandoc writes complex tables so)."""
    first = lines.number
    parts: list[str] = []
    while (line := lines.peek()) is not None:
        lines.i += 1
        parts.append(line)
        if "</table>" in line.lower():
            break
    from .html_table import HtmlTable  # noqa: PLC0415 - html.parser loads only for a document with an HTML table

    parser = HtmlTable(first)
    parser.feed("\n".join(parts))
    parser.close()
    rows = [row for row in parser.rows if row]
    if rows:
        builder.table(rows, header_rows=parser.header_rows or None)
