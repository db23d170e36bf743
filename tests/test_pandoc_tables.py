"""Pandoc's simple, multiline and grid tables in Markdown (checker/readers/pandoc_tables.py):
each body row one statement, its cells joined with " | ", each cell located where it stands."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from support import md

from checker.readers.markdown import read_markdown


def rows(document) -> list[str]:
    return [s.text for s in document.statements if s.kind == "table_row"]


def test_a_simple_table_reads_a_row_per_line_under_its_header() -> None:
    document = md(
        """
        Deliverables of the order:

          Deliverable      Due date                          Content
          ---------------- --------------------------------- -------------------------
          Status reports   1 calendar day after each sprint  Progress of the sprint
          Transition plan  5 days before the last sprint     See Section 5.5.1

        The Contractor shall deliver each of them.
        """,
        language="en",
    )
    assert rows(document) == [
        "Status reports | 1 calendar day after each sprint | Progress of the sprint",
        "Transition plan | 5 days before the last sprint | See Section 5.5.1",
    ]
    assert document.table_headers == ["Deliverable | Due date | Content"]
    row = next(s for s in document.statements if s.kind == "table_row")
    assert (row.location.line, row.location.column) == (5, 3)
    due = row.text.index("1 calendar")
    anchor = max((a for a in row.anchors if a.offset <= due), key=lambda a: a.offset)
    assert (anchor.location.line, anchor.location.column) == (5, 20)
    assert [s.text for s in document.statements if s.kind != "table_row"][-1] == "The Contractor shall deliver each of them."


def test_a_headerless_simple_table_opens_and_closes_with_its_dash_groups() -> None:
    document = md(
        """
        -------- ------------
        P1       4 hours
        P2       1 day
        -------- ------------

        After the table.
        """
    )
    assert rows(document) == ["P1 | 4 hours", "P2 | 1 day"]


def test_a_multiline_tables_cells_join_their_lines_and_blank_lines_part_its_rows() -> None:
    document = md(
        """
        ------------------------------------------------------------
        Service         Performance standard
        or task         (AQL)
        --------------- --------------------------------------------
        Tested code     Code delivered under the order must have a
                        test coverage of at least 90 %.

        Accessible      Client-side rendering must conform with
                        Section 508.
        ------------------------------------------------------------

        After the table.
        """,
        language="en",
    )
    assert rows(document) == [
        "Tested code | Code delivered under the order must have a test coverage of at least 90 %.",
        "Accessible | Client-side rendering must conform with Section 508.",
    ]
    assert document.table_headers == ["Service or task | Performance standard (AQL)"]
    assert document.statements[-1].text == "After the table."


def test_a_grid_tables_cells_are_read_between_its_bars() -> None:
    document = md(
        """
        +-------------+---------------------------+
        | Priority    | Response time             |
        +=============+===========================+
        | Critical    | 1 hour, around the clock, |
        |             | every day of the year     |
        +-------------+---------------------------+
        | Normal      | 2 business days           |
        +-------------+---------------------------+
        """
    )
    assert rows(document) == ["Critical | 1 hour, around the clock, every day of the year", "Normal | 2 business days"]
    assert document.table_headers == ["Priority | Response time"]


def test_headings_rules_and_prose_around_dashes_stay_what_they_were() -> None:
    document = md(
        """
        Title
        -----

        Some text.

        ---

        First line of a paragraph
        and its second line.
        """
    )
    assert [(s.kind, s.text) for s in document.statements] == [
        ("heading", "Title"),
        ("sentence", "Some text."),
        ("sentence", "First line of a paragraph and its second line."),
    ]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["---------", "----  -----", "+----+---+", "+====+===+", "| a  | b |", "text here", "", "  x    y"]), max_size=40))
def test_any_mix_of_dash_lines_bars_and_text_keeps_every_letter_once(lines: list[str]) -> None:
    """Whatever these lines make (tables, headings, rules, paragraphs), each letter is read once:
    in a statement or in a table's header."""
    document = read_markdown("\n".join(lines) + "\n", "doc.md")
    read = " ".join(s.text for s in document.statements) + " ".join(document.table_headers)
    assert sorted(c for c in read if c.isalpha()) == sorted(c for c in "".join(lines) if c.isalpha())
