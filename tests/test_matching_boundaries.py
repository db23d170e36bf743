"""checker.matching.boundaries: the one module that reads CPython's private regex parser.

The oracle is the documented meaning of a pattern (test_matching.reference_pattern_span: the
first match at which every \\b and \\B holds, tried at every start); the set must give its
answers whatever plans the analysis makes, and so must the fallback that analyses nothing
(every \\b and \\B confirmed by a search), used where the parser cannot be imported or reads a
pattern in a way the analysis does not know.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_matching import PATTERNS, reference_pattern_span
from test_matching import texts as any_texts

from checker.matching import LONE_SYMBOLS, StatementMatcher, boundaries, boundary_plan, compile_pattern, plain_text

# Pieces of patterns: word and non-word characters, \b and \B in every kind of place, classes,
# groups, alternatives and repetitions, so the analysis meets each case it decides.
PIECES = [
    r"\b",
    r"\B",
    "a",
    "å",
    "k",
    "1",
    " ",
    "-",
    "%",
    "–",
    r"\w",
    r"\W",
    r"\w+",
    r"\d+",
    "[a1]",
    "[^ ]",
    "[–a]",
    "a?",
    "b*",
    r"(?:a|-)",
    r"(?:\ba|%)",
    r"(?:k\b)+",
    r"(?:ö|\B1)",
    "^",
    "$",
    r"\s*",
    ".",
]
generated = st.lists(st.sampled_from(PIECES), min_size=1, max_size=6).map("".join)
texts = any_texts.filter(bool)  # a statement has text: the set is not run on an empty one


def found(sources: list[str], many: list[str]) -> dict[str, list[int]]:
    """For each pattern the set finds in some of ``many``: the numbers of those texts."""
    result = StatementMatcher({}, {f"p{k}": compile_pattern(source) for k, source in enumerate(sources)}).scan_many(many)
    result.pop(LONE_SYMBOLS, None)
    return {key: sorted(numbers) for key, numbers in result.items()}


def oracle(sources: list[str], many: list[str]) -> dict[str, list[int]]:
    expected: dict[str, list[int]] = {}
    for k, source in enumerate(sources):
        numbers = [n for n, text in enumerate(many) if reference_pattern_span(source, text) is not None]
        if numbers:
            expected[f"p{k}"] = numbers
    return expected


@settings(max_examples=300, deadline=None)
@given(st.lists(generated, min_size=1, max_size=3, unique=True), st.lists(texts, min_size=1, max_size=5))
def test_the_plans_keep_the_documented_meaning_of_generated_patterns(sources: list[str], many: list[str]) -> None:
    flat = [plain_text(text) for text in many]
    assert found(sources, flat) == oracle(sources, flat)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(generated, st.sampled_from(PATTERNS)), min_size=1, max_size=3, unique=True), st.lists(texts, min_size=1, max_size=5))
def test_without_the_parser_every_boundary_is_checked_and_the_answers_stay(sources: list[str], many: list[str]) -> None:
    flat = [plain_text(text) for text in many]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(boundaries, "_sre", None)
        patch.setattr(boundaries, "_KNOWN_PLANS", {})
        assert all(set(compile_pattern(source).plan) <= {"check"} for source in sources)
        without = found(sources, flat)
    assert without == found(sources, flat) == oracle(sources, flat)


def test_a_parser_that_reads_patterns_otherwise_falls_back_to_checking() -> None:
    """A future parser whose items this analysis does not know: each \\b is checked, no error."""

    class Changed:
        def parse(self, pattern: str) -> list:
            return [("SOMETHING_NEW", pattern)]

    assert boundary_plan(r"\bår\b") == ["start", "end"]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(boundaries, "_sre", Changed())
        assert boundary_plan(r"\bår\b") == ["check", "check"]


def test_two_boundaries_at_one_edge_read_its_neighbour_once() -> None:
    """The set reads one character beside the match for a start or an end; a second boundary at
    the same edge is confirmed by a search (found by hypothesis: the set read two characters
    before "a" and missed "ä a1")."""
    assert boundary_plan(r"\b\ba\s*") == ["start", "check"]
    assert boundary_plan(r"a\b\b") == ["end", "check"]
    assert boundary_plan(r"\ba\b") == ["start", "end"]
    assert found([r"\b\ba\s*", r"\b(?:\ba|%)"], ["ä a12"]) == oracle([r"\b\ba\s*", r"\b(?:\ba|%)"], ["ä a12"]) == {"p0": [0], "p1": [0]}
