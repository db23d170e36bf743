"""The reading of Markdown's fast paths against the logic they stand for (issue 16's eighteenth
round): each skips an expression or a count only where it could not change the answer."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from checker.clauses import LETTER_CLAUSE, LETTER_ITEM, ROMAN_CLAUSE, may_open_letter, next_letter
from checker.ids import leading_id
from checker.readers.lines import _starts_numbered_paragraph, line_pieces
from checker.segment import _OPEN_END, _OPEN_END_REACH, Piece, _leaves_open, source_anchor
from checker.sentences import _still_open

# Pieces of the texts the readers see: letters (the abbreviations' among them), digits, periods,
# brackets, Unicode white space, and the clause marks.
_PARTS = st.sampled_from(
    ["a", "x", "g", "B", "b", "i", "v", "ix", "iii", "viii", "e", "t", "bl", "é", "Ö", "ß", "_", "*", "1", "12", "٣", "²", ".", ")", "(", ":", ";", "!", "?",
     " ", "\t", "\n", "\xa0", "\u2003", "\x1c", "bl.a.", "bl. a.", "i.a.", "t.ex.", "t. ex.", "e.g.", "B. ", "(b) ", "iv) ", "h) ", "The", "shall"]
)  # fmt: skip
_TEXTS = st.lists(_PARTS, max_size=12).map("".join)


@settings(max_examples=3000)
@given(_TEXTS)
def test_leaves_open_answers_as_its_expression(text: str) -> None:
    assert _leaves_open(text) == (_OPEN_END.search(text[-_OPEN_END_REACH:]) is not None)


@settings(max_examples=3000)
@given(_TEXTS)
@example("viii) The Supplier")
@example("\u2003(b) The")
def test_may_open_letter_holds_wherever_a_letter_or_roman_numeral_opens(text: str) -> None:
    if LETTER_CLAUSE.match(text) or ROMAN_CLAUSE.match(text) or LETTER_ITEM.match(text):
        assert may_open_letter(text)


@settings(max_examples=2000)
@given(_TEXTS, st.integers(0, 20), st.integers(0, 20))
def test_no_bracket_is_open_in_a_text_without_an_opening_one(text: str, start: int, length: int) -> None:
    text = text.replace("(", "")  # split_sentences counts brackets only in a text with "("
    assert _still_open(text, start, start + length, 0) == 0


def _starts_numbered_paragraph_reference(line: str, previous: str, letter: str | None = None) -> bool:
    """The function before its fast path: every expression asked, in its order."""
    found = leading_id(line)
    if found is None:
        roman = ROMAN_CLAUSE.match(line)
        roman_clause = roman is not None and not next_letter(roman.group("roman"), letter)
        return previous.rstrip().endswith((".", ":", ";", "!", "?")) and bool(LETTER_CLAUSE.match(line) or roman_clause)
    rest = line[found[1] :].lstrip()
    return previous.rstrip().endswith((".", ":", ";", "!", "?")) or rest[:1].isupper() or rest[:1].isdigit()


@settings(max_examples=3000)
@given(_TEXTS, _TEXTS, st.sampled_from([None, "a", "h", "u", "w"]))
def test_starts_numbered_paragraph_answers_as_before(line: str, previous: str, letter: str | None) -> None:
    assert _starts_numbered_paragraph(line, previous, letter) == _starts_numbered_paragraph_reference(line, previous, letter)


@given(st.integers(1, 10**6), st.integers(1, 10**4), _TEXTS)
def test_a_paragraph_of_one_line_is_its_piece(line: int, column: int, text: str) -> None:
    assert line_pieces([(line, column, text)]) == [Piece(text=text, anchors=[source_anchor(0, line, column)])]


def test_the_gates_leave_hostile_ends_linear() -> None:
    # The end is looked for in the last characters only, the letter gate in the first five.
    text = "a" * 200_000 + " bl." * 50_000
    assert _leaves_open(text) is False
    assert not may_open_letter("x" * 1_000_000)
