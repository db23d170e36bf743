"""The term automaton and the pattern set against plain-regex references, on random text.

The references implement the documented meaning directly (one Python regex per term; one RE2
search per pattern and statement), so the optimised matchers — one automaton pass over the
whole document, RE2 sets of the patterns — must give exactly their answers.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path
from typing import Iterable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.matching import LONE_SYMBOLS, StatementMatcher, TermMatcher, boundary_plan, compile_pattern, parse_term, plain_text, without_addresses, word_count
from checker.matching.rewrite import WordClasses, rewrite
from checker.matching.text import written_as_name

WORD = r"(?:\w|[\u0300-\u036f])"
# Letters with one lower-case form of the same length, digits, punctuation and the white space
# kravkoll folds (tab, no-break and thin spaces), so the reference's re.IGNORECASE and \s agree
# with the matcher's lower-casing and space folding.
# "–" is named by a pattern and "→" by none: the set reads the second folded, the first as it is.
ALPHABET = "abcdeklnorstuåäöABKLÅÄÖ0129 .,-%*_\t\u00a0\u2009\n–→"
TERMS = ["snabbt", "i rimlig tid", "rapport*", "*port", "ska", "å", "a-b", "99 %", "k1", "%", "t.ex.", "l*", "*ö*", "Rapport *", "\u00a0K1 ok"]


def reference_term_span(term: str, text: str) -> tuple[int, int] | None:
    """The first (start, end) where ``term`` occurs in ``text`` by the documented rules."""
    return first_longest(every_hit(term, text))


def every_hit(term: str, text: str) -> list[tuple[int, int]]:
    """Every (start, end) where ``term`` occurs in ``text`` by the documented rules, overlapping
    hits too (a ``*`` takes in the whole rest of its word)."""
    parsed = parse_term(term)
    core = r"\s+".join(re.escape(word) for word in parsed.core.split(" "))
    before = f"(?<!{WORD}){WORD}*" if parsed.leading_star else (f"(?<!{WORD})" if re.match(WORD, parsed.core[0]) else "")
    after = f"{WORD}*" if parsed.trailing_star else (f"(?!{WORD})" if re.match(WORD, parsed.core[-1]) else "")
    every_start = re.compile(f"(?=({before}{core}{after}))", re.IGNORECASE)
    return [(m.start(), m.start() + len(m.group(1))) for m in every_start.finditer(text)]


def first_longest(spans: Iterable[tuple[int, int]]) -> tuple[int, int] | None:
    """The span that starts first and, of those, is longest."""
    return min(spans, key=lambda span: (span[0], -span[1]), default=None)


def reference_scan(lists: dict[str, list[str]], text: str) -> dict[str, tuple[int, int]]:
    found: dict[str, tuple[int, int]] = {}
    for name, terms in lists.items():
        spans = [s for s in (reference_term_span(t, text) for t in terms) if s is not None]
        if spans:
            found[name] = first_longest(spans)
    return found


texts = st.text(alphabet=ALPHABET, max_size=60)
term_lists = st.dictionaries(st.sampled_from(["a", "b", "c"]), st.lists(st.sampled_from(TERMS), min_size=1, max_size=4), min_size=1)


@settings(max_examples=300, deadline=None)
@given(term_lists, st.lists(texts, min_size=1, max_size=6))
def test_the_automaton_finds_the_first_longest_term_of_each_list_as_the_reference(lists: dict[str, list[str]], many: list[str]) -> None:
    matcher = TermMatcher(lists)
    for text in many:
        assert matcher.scan(text) == reference_scan(lists, text)


@settings(max_examples=300, deadline=None)
@given(term_lists, st.lists(texts, min_size=1, max_size=6))
def test_the_statement_matcher_holds_a_list_exactly_where_the_reference_finds_it(lists: dict[str, list[str]], many: list[str]) -> None:
    flat = [plain_text(text) for text in many]
    expected: dict[str, list[int]] = {}
    for number, text in enumerate(flat):
        for name in reference_scan(lists, text):
            expected.setdefault(name, []).append(number)
    matcher = StatementMatcher(lists, {})
    found = matcher.scan_many(flat)
    found.pop(LONE_SYMBOLS, None)
    assert found == expected
    for name, numbers in found.items():  # where: from the list's own automaton, as the reference
        for number in numbers:
            assert matcher.term_span(name, flat[number]) == reference_scan(lists, flat[number])[name]


@settings(max_examples=300, deadline=None)
@given(term_lists, st.lists(texts, min_size=1, max_size=6), st.lists(texts, min_size=1, max_size=4))
def test_texts_after_the_first_are_scanned_for_every_term_as_the_reference(lists: dict[str, list[str]], first: list[str], later: list[str]) -> None:
    """The first texts of a one-page check are scanned by an automaton of only the terms whose
    first word they hold; a text scanned after them (a table's header, the next document) still
    has every list the reference finds in it."""
    matcher = StatementMatcher(lists, {})
    matcher.scan_many([plain_text(text) for text in first])
    for text in map(plain_text, later):
        assert matcher.term_scan(text) == reference_scan(lists, text)
    found = matcher.scan_many([plain_text(text) for text in later])
    found.pop(LONE_SYMBOLS, None)
    assert found == {name: numbers for name in lists if (numbers := [n for n, text in enumerate(later) if name in reference_scan(lists, plain_text(text))])}


def reference_scan_outside_names(lists: dict[str, list[str]], outside: set[str], text: str) -> dict[str, tuple[int, int]]:
    """:func:`reference_scan`, every hit of the lists in ``outside`` written as a name left out."""
    found: dict[str, tuple[int, int]] = {}
    for name, terms in lists.items():
        spans = [span for term in terms for span in every_hit(term, text) if name not in outside or not written_as_name(text, *span)]
        if spans:
            found[name] = first_longest(spans)
    return found


@settings(max_examples=300, deadline=None)
@given(term_lists, st.sets(st.sampled_from(["a", "b", "c"])), st.lists(texts, min_size=1, max_size=6))
def test_lists_not_in_names_skip_the_hits_written_as_names_as_the_reference(lists: dict[str, list[str]], outside: set[str], many: list[str]) -> None:
    automaton = TermMatcher(lists, outside)
    flat = [plain_text(text) for text in many]
    for text in flat:
        assert automaton.scan(text, plain=True) == reference_scan_outside_names(lists, outside, text)
    matcher = StatementMatcher(lists, {}, outside)
    found = matcher.scan_many(flat)
    found.pop(LONE_SYMBOLS, None)
    expected: dict[str, list[int]] = {}
    for number, text in enumerate(flat):
        for name in automaton.scan(text, plain=True):
            expected.setdefault(name, []).append(number)
    assert found == expected
    for name, numbers in found.items():
        for number in numbers:
            assert matcher.term_span(name, flat[number]) == automaton.scan(flat[number], plain=True)[name]


def test_written_as_name_examples() -> None:
    def name(text: str, word: str) -> bool:
        start = text.index(word)
        return written_as_name(text, start, start + len(word))

    assert name("listed in the OIW Stable Implementation Agreement.", "Stable")
    assert name("Continuous BIT shall execute.", "Continuous")
    assert name("Only Proponents who are Qualified Suppliers may submit.", "Qualified")
    assert not name("Timely delivery is required.", "Timely")
    assert not name("The Contractor shall respond promptly.", "promptly")
    assert not name("THE SYSTEM SHALL BE ROBUST.", "ROBUST")
    assert not name("Scope. Adequate staffing shall be provided.", "Adequate")
    assert not name("| Timely | 4 hours |", "Timely")
    assert name("**Adequate** Security applies.", "Adequate")
    assert not name("Så snart Inera fattat beslut meddelas anbudsgivarna.", "Så snart")
    assert name("Prompt Payment Act applies.", "Prompt Payment")


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("See [TBS](https://www.tbs-sct.canada.ca/pol?id=3).", "See [TBS](     ://   .   -   .      .  /   ?  = )."),
        ("Mail tbd@agency.gov or www.x.com.", "Mail    @      .    or    . .   ."),
        ("[x@y.gc.ca](mailto:x@y.gc.ca)", "[ @ .  .  ](      : @ .  .  )"),
        ("Pay 4 hours @ $5 at 10:00; see doc://", "Pay 4 hours @ $5 at 10:00; see doc://"),
    ],
)
def test_an_address_is_read_without_its_words(text: str, read: str) -> None:
    assert without_addresses(text) == read
    assert len(without_addresses(text)) == len(text)


@settings(max_examples=50, deadline=None)
@given(st.text(alphabet="ab.@:/w -", max_size=3000))
def test_addresses_are_blanked_in_time_linear_in_the_text(text: str) -> None:
    assert len(without_addresses(text * 20)) == len(text) * 20


def test_term_matching_examples() -> None:
    matcher = TermMatcher({"vaga": ["snabbt", "rapport*", "i rimlig tid"], "tid": ["*tid"]})
    assert matcher.scan("Felet åtgärdas  snabbt.") == {"vaga": (16, 22)}
    assert matcher.scan("Snabbtåg") == {}
    assert TermMatcher({"x": ["så snart", "så snart som möjligt"]}).scan("Så snart som möjligt.") == {"x": (0, 20)}
    assert matcher.scan("Rapporteras i\u00a0rimlig\ntid") == {"vaga": (0, 11), "tid": (21, 24)}
    assert matcher.scan("kontraktstid") == {"tid": (0, 12)}
    assert matcher.scan("") == {}
    assert TermMatcher({"star": ["slut*", "*början"]}).scan("i slut") == {"star": (2, 6)}


PATTERNS = [
    r"\d+ ?%",
    r"\bår\b",
    r"\Bö",
    r"ä\b",
    r"\b\w+a\b",
    r"[A-Z]{2,}",
    r"(a*)*b",
    r"t\.ex\.",
    r"\d+\s*(?:timmar|h)\b",
    r"^k\d",
    r"\b(?:ska|skall)\b",
    r"(?:^|,)\s*om\b",
    r"\b\d+\s*%",
    r"\bsnabbt|\bvid behov\b",
    r"\b(?:a|ö)+\b",
    r"o\b\W",
    r"\B\d",
    r"–\b",
    r"\b[–a]",
    r"\bÅR\b",
    r"\b(?:k\d|\.)",
    r"[^–]\b",
    r"(?:\bab)+",
    r"\W\bk",
    r"\p{L}\b",
]


# \w and \W as kravkoll reads them (a combining accent is a word character), for Python's re
PYTHON_WORDS = WordClasses(word=WORD, nonword=r"[^\w\u0300-\u036f]", inside=r"\w\u0300-\u036f")
BOUNDARY, INSIDE = f"(?:(?<!{WORD})|(?!{WORD}))", f"(?<={WORD})(?={WORD})"


def python_regex(source: str, flags: str = "") -> re.Pattern[str]:
    """The pattern for Python's backtracking re, with the documented meaning of \\b ("not inside
    a word": no word characters on both sides) and \\B written as lookarounds, so every
    alternative is tried against them; \\Q…\\E, \\p{L} and \\x{…} of RE2 written as Python has them."""
    body = rewrite(source, PYTHON_WORDS, lambda _, is_boundary: BOUNDARY if is_boundary else INSIDE)[0]
    body = re.sub(r"\\Q(.*?)(?:\\E|$)", lambda quoted: re.escape(quoted.group(1)), body).replace(r"\p{L}", r"[^\W\d_]")
    body = re.sub(r"\\x\{([0-9a-f]+)\}", lambda code: re.escape(chr(int(code.group(1), 16))), body)
    return re.compile(body, (0 if "c" in flags else re.IGNORECASE) | (re.DOTALL if "s" in flags else 0))


def reference_pattern_span(source: str, text: str, flags: str = "") -> tuple[int, int] | None:
    """The first match of the pattern by Python's re (:func:`python_regex`) on the text as it is."""
    match = python_regex(source, flags).search(text)
    return None if match is None else match.span()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PATTERNS), min_size=1, max_size=4, unique=True), st.lists(texts, min_size=1, max_size=5))
def test_pattern_set_matches_a_search_per_pattern(sources: list[str], many: list[str]) -> None:
    matcher = pattern_matcher(sources)
    flat = [plain_text(text) for text in many]
    expected: dict[str, dict[int, tuple[int, int]]] = {}
    for number, text in enumerate(flat):
        for k, source in enumerate(sources):
            span = reference_pattern_span(source, text)
            if span is not None:
                expected.setdefault(f"p{k}", {})[number] = span
    found = matcher.scan_many(flat)
    found.pop(LONE_SYMBOLS, None)
    assert {key: {number: matcher.pattern_span(key, flat[number]) for number in numbers} for key, numbers in found.items()} == expected


def test_the_shipped_rulesets_patterns_are_found_by_the_filter_exactly_where_each_one_searches() -> None:
    """All the shipped patterns of both languages in one matcher (the filter looks for their
    literal words first, then runs the patterns whose words a statement holds) against each
    pattern's own search, on the lines of the shipped examples."""
    from checker.engine.matches import build_shared
    from checker.rulecompile import load_rulesets

    rules = Path(__file__).resolve().parent.parent / "rulesets"
    matcher = build_shared(load_rulesets(sorted(rules.glob("*.krav")))).matcher
    examples = Path(__file__).resolve().parent.parent / "examples"
    lines = [plain_text(line) for path in sorted(examples.glob("*.md")) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    found = {key: numbers for key, numbers in matcher.scan_many(lines).items() if key in matcher.patterns}
    expected = {key: [n for n, line in enumerate(lines) if matcher.pattern_span(key, line) is not None] for key in matcher.patterns}
    assert len(matcher.patterns) > 60 and len(lines) > 300
    assert found == {key: numbers for key, numbers in expected.items() if numbers}


# Alternatives one of which begins another, with \b at the match's start or end: the first
# alternative RE2 prefers may fail its \b where a later one holds ("leverantören|leverantörens").
PREFIX_PATTERNS = [
    r"(?:ab|abc)\b",
    r"\b(?:k|kö)\b",
    r"\b(?:a|ab)\s*\d",
    r"(?:ska|skall)\b",
    r"\b(?:a|aa|aaa)\b",
    r"\b(?:ö|öa)\b\s",
    # an alternative with a \b at its start beside one without, at the same start or one before
    r"\b(?:a|ab)\b|-a",
    r"ska|\bskall",
    r"\bbö|-b",
    r"ab|\babc",
    r"\bab|abc",
]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(PREFIX_PATTERNS), st.text(alphabet="abckösl 1-", max_size=30))
def test_a_search_tries_each_alternative_against_its_boundaries(source: str, text: str) -> None:
    assert compile_pattern(source).search(plain_text(text)) == reference_pattern_span(source, plain_text(text))


def test_a_longer_alternative_is_found_where_the_shorter_one_ends_inside_a_word() -> None:
    pattern = compile_pattern(r"granska\s+(?:leverantören|leverantörens)\b")
    assert pattern.search("rätt att granska leverantörens verksamhet") == (9, 30)


def test_a_boundary_inside_a_pattern_is_tried_against_every_alternative() -> None:
    """RE2 prefers "correct" in "correction of"; the \\b after it fails there, and Python's re
    then tries "correction", whose \\b holds: so must a search (it moved on to the next start,
    and found nothing)."""
    pattern = compile_pattern(r"\b(?:correct|correction)\b[^.;]{0,40}?\bat no cost\b")
    assert pattern.plan == ["start", "check", "check", "end"]
    assert pattern.search("The correction of defects is made at no cost.") == (4, 44)
    assert compile_pattern(r"(?:ska|skall)\b\s+(?:a|å)\w*").search("du skall åtgärda") == (3, 16)
    assert compile_pattern(r"(?:\bab)+\B").search("ab abab x") == (3, 5)  # a repeated \\b
    # a text with a NUL (no statement has one) is searched as before: RE2's preferred match at each start
    assert compile_pattern(r"(?:correct|correction)\b[^.]*of").search("correction of\x00") is None


# Random patterns: words of both languages, their pieces, classes and \b / \B anywhere, in
# sequences, alternatives, optional and repeated parts.
PATTERN_WORDS = ["correct", "correction", "ska", "skall", "år", "på", "leverantör", "ens", "e", "a", "ö", "k1", "99", "%", "-", " ", ".", "–"]
PATTERN_CLASSES = [r"\w", r"\W", r"\w+", r"\s+", r"\s*", r"\d+", r"[^.;]", r"[^.;]{0,12}?", r"[a-zå]", r"[–.,-]", ".", r"\p{L}", r"\Q–.\E", r"\x{e5}"]
pattern_atoms = st.one_of(
    st.sampled_from(PATTERN_WORDS).map(re.escape), st.sampled_from(PATTERN_CLASSES), st.sampled_from([r"\b", r"\B"]), st.sampled_from(["^", "$"])
)
random_patterns = st.recursive(
    pattern_atoms,
    lambda inner: st.one_of(
        st.lists(inner, min_size=2, max_size=4).map("".join),
        st.lists(inner, min_size=2, max_size=3).map(lambda parts: "(?:" + "|".join(parts) + ")"),
        st.tuples(inner, st.sampled_from(["?", "??"])).map(lambda part: f"(?:{part[0]}){part[1]}"),
    ),
    max_leaves=8,
)
# Repeated parts that cannot match empty: where one can, RE2 and Python's re end a repetition
# differently ("(?:a|x?)*", whatever boundaries it has), which is no question of \b and \B.
BOUNDARIES = st.sampled_from(["", r"\b", r"\B"])
repeated_parts = st.tuples(
    BOUNDARIES,
    st.sampled_from([*map(re.escape, PATTERN_WORDS), r"\w", r"\W", r"\w+", r"\s+", "[^.;]", r"\p{L}"]),
    BOUNDARIES,
    st.sampled_from(["*", "+", "{1,3}?", "{0,2}"]),
)
random_patterns = st.lists(
    st.one_of(random_patterns, repeated_parts.map(lambda part: f"(?:{part[0]}{part[1]}{part[2]}){part[3]}")), min_size=1, max_size=3
).map("".join)
TEXT_WORDS = [
    "correct",
    "correction",
    "corrections",
    "ska",
    "skall",
    "år",
    "påår",
    "leverantören",
    "leverantörens",
    "a",
    "å",
    "e\u0301",
    "k1",
    "99",
    "%",
    "-",
    "–",
    ".",
    ";",
    ",",
]
random_texts = st.lists(st.tuples(st.sampled_from(TEXT_WORDS), st.sampled_from(["", " ", " ", "-", ", "])), min_size=1, max_size=8).map(
    lambda words: "".join(word + gap for word, gap in words)
)


@settings(max_examples=1500, deadline=None)
@given(random_patterns, st.sampled_from(["", "c"]), random_texts)
def test_a_search_finds_what_pythons_re_finds(source: str, flags: str, text: str) -> None:
    """Random patterns (alternatives, optional parts, classes, \\b and \\B in any place) on random
    texts of Swedish and English words and punctuation: the first match Python's backtracking re
    finds, with the documented \\b and \\B (:func:`python_regex`). (No statement is empty.)"""
    flat = plain_text(text)
    assert compile_pattern(source, flags).search(flat) == reference_pattern_span(source, flat, flags)


# Non-ASCII characters that are not word characters, two of them a case pair RE2 matches as one
# ("ⓐ" and "Ⓐ"), the others coded by folding when a pattern names them ("§", "€", "–"); control
# characters folding codes with (a text's own are folded away); letters whose other case is far
# from ASCII (the Kelvin sign, "ſ"); a combining accent.
FOLDING_ALPHABET = ALPHABET + "ⓐⒶ§€→\u212aſé\u0301\x02\x03\x7f"
FOLDING_PATTERNS = [
    *PATTERNS,
    r"ⓐ\b",
    r"(?:§|ⓐ)\s*\d",
    r"[^ⓐ]\w",
    r"k\b",
    r"\Wⓐ\w*",
    r"[ⓐa-z]+",
    r"s\B",
    r"€\s?\d|\d\s?€",
    r"[§–]\W\w",
    r"\b\w+[^€§\w]",
    r"\Q€\E\b",
    r"\w\W*[:–§-]\s",  # a class that starts with a colon: no POSIX class, read folded
]


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(FOLDING_PATTERNS), st.sampled_from(["", "c", "s"]), st.text(alphabet=FOLDING_ALPHABET, max_size=40))
def test_a_pattern_searches_folded_text_with_the_answers_of_its_unicode_expression(source: str, flags: str, text: str) -> None:
    """A search reads the text folded, with word classes of a few ranges (checker.matching.folding);
    the reference searches the text as it is with Unicode word classes: the same first match."""
    flat = plain_text(text)
    assert compile_pattern(source, flags).search(flat) == reference_pattern_span(source, flat, flags)


def pattern_matcher(sources: list[str], lists: dict[str, list[str]] | None = None) -> StatementMatcher:
    """A matcher of ``lists`` and of ``sources`` as patterns named p0, p1, …"""
    return StatementMatcher(lists or {}, {f"p{k}": compile_pattern(source) for k, source in enumerate(sources)})


def reference_hits(sources: list[str], flat: list[str], lists: dict[str, list[str]] | None = None) -> dict[str, list[int]]:
    """For each list (by its reference) and pattern p0, p1, … (by its Unicode expression): the
    numbers of the texts that hold it."""
    expected: dict[str, list[int]] = {}
    for number, text in enumerate(flat):
        for name in reference_scan(lists, text) if lists else ():
            expected.setdefault(name, []).append(number)
        for k, source in enumerate(sources):
            if reference_pattern_span(source, text) is not None:
                expected.setdefault(f"p{k}", []).append(number)
    return expected


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(FOLDING_PATTERNS), min_size=1, max_size=4, unique=True),
    st.lists(st.text(alphabet=FOLDING_ALPHABET, max_size=40), min_size=1, max_size=5),
)
def test_the_filter_reads_folded_text_with_the_answers_of_the_unicode_expressions(sources: list[str], many: list[str]) -> None:
    """The patterns' filter reads every statement folded by one folding of all their sources (its
    coded characters the union of theirs): each pattern is found where its Unicode expression is."""
    flat = [plain_text(text) for text in many]
    found = pattern_matcher(sources).scan_many(flat)
    found.pop(LONE_SYMBOLS, None)
    assert found == reference_hits(sources, flat)


WORD_PATTERNS = [
    *FOLDING_PATTERNS,
    r"(?:invoice|invoiced|pay)\b[^.]{0,10}?(?:once|after)",
    r"shall (?:be|remain) (?:available|accessible)",
    r"(?:ab|ba)?cks",
    r"(?i:SKA)\s+(?:rapport(?:era|en)|lev)",
    r"\brapport(?:era|en)?\b",
]
# Texts made of the patterns' words, of their parts and of the two characters outside ASCII that
# case-insensitive matching takes for ASCII letters ("ſ", the Kelvin sign)
WORD_TEXTS = st.lists(
    st.sampled_from(
        [
            "invoice",
            "pay",
            "once",
            "after",
            "shall",
            " be",
            " remain",
            " available",
            "accessible",
            "ab",
            "ba",
            "cks",
            "SKA",
            "ska",
            "ll",
            "a",
            " ",
            "rapportera",
            "lev",
            "ſ",
            "\u212a",
            "€",
            "5",
            ".",
            "§",
        ]
    ),
    max_size=10,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.data(), st.sampled_from(WORD_PATTERNS), st.sampled_from(["", "c"]))
def test_a_text_a_pattern_matches_holds_one_of_its_needed_words(data: st.DataObject, source: str, flags: str) -> None:
    """needed_words is a necessary condition: wherever the pattern matches (case-insensitively,
    "ſ" as s and the Kelvin sign as k), the lower-case text holds one of its words. The texts:
    ones made to match the pattern (hypothesis's from_regex), and ones of its words' pieces."""
    from checker.matching.boundaries import needed_words, texts_holding

    text = data.draw(texts_made_to_match(source))
    words = needed_words(source)
    flat = plain_text(text)
    if words is not None and reference_pattern_span(source, flat, flags) is not None:
        assert any(word in texts_holding([flat]) for word in words)


def test_needed_words_are_the_longest_a_sequence_must_hold() -> None:
    from checker.matching.boundaries import needed_words

    assert needed_words(r"\b(?:invoice|payment)\b[^.]{0,40}?(?:once|after)") == ("invoice", "payment")
    assert needed_words(r"within\s+\d+\s+days") == ("within",)
    assert needed_words(r"(?:a|b)c") is None  # shorter than a word worth looking for
    assert needed_words(r"(?:one|two)?three") == ("three",)  # an optional part needs nothing
    assert needed_words(r"€\s?\d") is None and needed_words(r"\p{L}+ska") is None  # outside ASCII; read by RE2 alone


# Patterns whose matches need more than one part, signs among them ("?", "|", "%", a quotation
# mark, "Ⓐ" that has another case and so is no sign to look for as written)
ALSO_PATTERNS = [
    *WORD_PATTERNS,
    r"\b(?:shall|will)\s+be\s+deducted\b",
    r"[“\"][^“”\"]{1,20}\?\s*[”\"]",
    r"\d+\s*%|\bper\s?cent\b",
    r"\|[^|]*\|",
    r"(?:due|payable)\s+(?:within|by)\s+\d",
    r"(?:one|two)+\s*(?:ⓐ|Ⓐ)-",
    r"[ⓐ%]+x",
    r"[Ⓐ%]\d",
    r"(?:see|refer to) (?:section|annex) \d+(?:\.\d+)?",
    r"a[-–]b(?:cd)?\.",
]


@settings(max_examples=600, deadline=None)
@given(st.data(), st.sampled_from(ALSO_PATTERNS), st.sampled_from(["", "c"]))
def test_a_text_a_pattern_matches_holds_one_of_each_group_it_also_needs(data: st.DataObject, source: str, flags: str) -> None:
    """also_needed is a necessary condition, as needed_words is: wherever the pattern matches, the
    lower-case text holds a word or sign of each of its groups."""
    from checker.matching.boundaries import also_needed, texts_holding

    text = data.draw(st.one_of(texts_made_to_match(source), st.text(alphabet='ab%|?“”"ⓐⒶ- 1.–x', max_size=12)))
    flat = plain_text(text)
    if reference_pattern_span(source, flat, flags) is not None:
        held = texts_holding([flat])
        assert all(any(word in held for word in group) for group in also_needed(source))


def test_also_needed_are_the_parts_of_a_sequence_and_its_signs() -> None:
    from checker.matching.boundaries import also_needed

    assert also_needed(r"\b(?:shall|will)\s+be\s+deducted\b") == (("shall", "will"),)  # needed_words keeps ("deducted",)
    assert set(also_needed(r"[“\"][^“”\"]{1,200}\?\s*[”\"]")) == {("“", '"'), ("?",), ("”", '"')}
    assert also_needed(r"(?:one|two)?three") == ()  # an optional part needs nothing
    assert also_needed(r"[ⓐ%]+x") == ()  # "ⓐ" has another case: looked for as written, a match in "Ⓐ" would be missed
    assert also_needed(r"\p{L}+ska?") == ()  # read by RE2 alone


@settings(max_examples=200, deadline=None)
@given(st.data(), st.lists(st.sampled_from(ALSO_PATTERNS), min_size=1, max_size=4, unique=True))
def test_the_first_short_texts_are_scanned_by_the_patterns_whose_groups_they_hold(data: st.DataObject, sources: list[str]) -> None:
    """With the words and the groups the cache records known, a matcher's first scan of short
    texts filters by only the patterns whose words and groups they hold: the same answers as the
    filter of every pattern."""
    from checker.matching import pattern_also_needed, pattern_words, remember_also_needed, remember_words

    many = data.draw(st.lists(st.one_of(*map(texts_made_to_match, sources)), min_size=1, max_size=4))
    remember_words(pattern_words(sources))
    remember_also_needed(pattern_also_needed(sources))
    matcher, every_pattern = (pattern_matcher(sources) for _ in range(2))
    every_pattern._scanned = True  # as after a first scan: the filter of every pattern
    flat = [plain_text(text) for text in many]
    assert matcher.scan_many(flat) == every_pattern.scan_many(flat)


def test_a_first_short_text_leaves_out_a_pattern_whose_words_it_holds_but_not_all_it_needs() -> None:
    from checker.matching import pattern_also_needed, pattern_words, remember_also_needed, remember_words

    sources = [r"\b(?:shall|will)\s+be\s+deducted\b", r"[“\"][^“”\"]{1,200}\?\s*[”\"]", r"\bshall\b"]
    remember_words(pattern_words(sources))
    remember_also_needed(pattern_also_needed(sources))
    matcher = pattern_matcher(sources)
    assert matcher._first_filter(['The supplier shall report "monthly".'])._keys == ["p2", LONE_SYMBOLS]
    other = pattern_matcher(sources)
    assert other._first_filter(['5 % shall be deducted: "Why?"'])._keys == ["p0", "p1", "p2", LONE_SYMBOLS]


def test_a_class_python_warns_about_is_read_without_a_warning() -> None:
    # Python's parser warns of "[a&&b]" (a future set operation); RE2 reads plain members.
    # The warning was printed on a check's error output when the cache stored the pattern's
    # words (raised where warnings are errors).
    from checker.matching.boundaries import needed_words

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert needed_words(r"invoice[a&&b]xyz") == ("invoice",)
        assert boundary_plan(r"\binvoice[a&&b]xyz\b") == ["start", "end"]


def texts_made_to_match(source: str) -> st.SearchStrategy[str]:
    """Texts hypothesis makes to hold a match of ``source`` as Python reads it, and texts of the
    patterns' words' pieces (only those where Python cannot read it)."""
    try:
        return st.one_of(st.from_regex(re.compile(source, re.IGNORECASE)), WORD_TEXTS)
    except re.error:  # RE2's own syntax (\\Q…\\E, \\p{L})
        return WORD_TEXTS


@settings(max_examples=200, deadline=None)
@given(st.data(), st.lists(st.sampled_from(WORD_PATTERNS), min_size=1, max_size=4, unique=True))
def test_the_first_short_texts_are_scanned_by_the_patterns_whose_words_they_hold(data: st.DataObject, sources: list[str]) -> None:
    """With the words the cache records known, a matcher's first scan of short texts filters by
    only the patterns whose words they hold: the same answers as the filter of every pattern,
    which a later scan uses."""
    from checker.matching import pattern_words, remember_words

    many = data.draw(st.lists(st.one_of(*map(texts_made_to_match, sources)), min_size=1, max_size=4))
    remember_words(pattern_words(sources))
    matcher, every_pattern = (pattern_matcher(sources) for _ in range(2))
    every_pattern._scanned = True  # as after a first scan: the filter of every pattern
    flat = [plain_text(text) for text in many]
    assert matcher.scan_many(flat) == every_pattern.scan_many(flat)
    assert matcher.scan_many(flat[::-1]) == every_pattern.scan_many(flat[::-1])


def test_a_first_short_text_builds_a_filter_of_the_patterns_it_holds_words_of() -> None:
    from checker.matching import pattern_words, remember_words

    sources = [r"\binvoice\b", r"\bwithin\s+\d+\s+days", r"\d+\s*%"]
    remember_words(pattern_words(sources))
    matcher = pattern_matcher(sources)
    first = matcher._first_filter(["Payment within 30 days of 5 % of the invoice."])
    assert first._keys == ["p0", "p1", "p2", LONE_SYMBOLS]
    other = pattern_matcher(sources)
    assert other._first_filter(["The supplier shall report 5 % of it."])._keys == ["p2", LONE_SYMBOLS]
    assert other._pattern_filter._keys == ["p0", "p1", "p2", LONE_SYMBOLS]  # every later scan: all of them


def test_folding_codes_the_named_characters_without_case_and_folds_a_texts_own_codes() -> None:
    """ "€" and "–", named, become control characters of their own; "Ⓐ", which has another case, is
    kept as it is; a control character already in the text cannot pass for a coded one."""
    from checker.matching.folding import CODES, FOLDED, Folding

    folding = Folding(["€", "–", "ⓐ"])
    folded = folding.fold("5 € – ⓐ Ⓐ → " + CODES[0])
    assert len(folded) == 13
    assert folded[2] in CODES and folded[4] in CODES and folded[2] != folded[4]
    assert folded[6:9] == "ⓐ Ⓐ" and folded[10] == FOLDED and folded[12] == FOLDED
    assert "€" not in folding.nonword and "ⓐ" in folding.nonword
    assert folding.encode("[€–]") == "[" + folded[2] + folded[4] + "]"


@settings(max_examples=200, deadline=None)
@given(term_lists, st.lists(st.sampled_from(PATTERNS), max_size=3, unique=True), st.lists(texts, min_size=1, max_size=5))
def test_lists_and_patterns_together_are_found_where_the_references_find_them(lists: dict[str, list[str]], sources: list[str], many: list[str]) -> None:
    """The lists by their automaton and the patterns by their sets, in one matcher: each where
    its reference finds it."""
    flat = [plain_text(text) for text in many]
    found = pattern_matcher(sources, lists).scan_many(flat)
    found.pop(LONE_SYMBOLS, None)
    assert found == reference_hits(sources, flat, lists)


def test_the_set_decides_most_boundaries_itself() -> None:
    assert boundary_plan(r"\bår\b") == ["start", "end"]
    assert boundary_plan(r"\d+ %\b") == ["hold"]  # after %, a \b always holds
    assert boundary_plan(r"^\W*(?:om|när)\b") == ["end"]
    assert boundary_plan(r"\b(?:ska|måste)\b[^.]*\bsamt\b") == ["start", "check", "check", "end"]
    assert boundary_plan(r"\b\w+a\b|x\Bö") == ["start", "end", "hold"]
    assert boundary_plan(r"(?:\bab)+") == ["check"]  # a repetition stands after another
    assert boundary_plan(r"\p{L}\b") == ["check"]  # syntax only RE2 reads


def test_unicode_word_boundaries_in_patterns() -> None:
    matcher = StatementMatcher({}, {"år": compile_pattern(r"\bår\b"), "pct": compile_pattern(r"\d+ %\b")})
    assert matcher.scan("99 % per år") == {"år": (9, 11), "pct": (0, 4)}
    assert matcher.scan("påår") == {}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="ab1 -_§–→\u0301\u3000\t\u00a0|.", max_size=20), min_size=1, max_size=6))
def test_the_set_knows_which_statements_have_tokens_that_are_not_words(many: list[str]) -> None:
    flat = [plain_text(text) for text in many]
    lone = set(StatementMatcher({"l": ["a"]}, {"p": compile_pattern("–")}).scan_many(flat).get(LONE_SYMBOLS, []))
    for number, text in enumerate(many):
        assert (number in lone) == (word_count(text) < len(text.split())), repr(text)


def test_a_pattern_known_to_compile_is_compiled_at_its_first_search() -> None:
    """Patterns of a ruleset read back from the cache compiled when it was written: they are
    compiled when first searched, with the same answers; one that does not compile after all
    (a planted cache entry) fails then with the error compile_pattern gives."""
    from checker.matching import PatternSyntaxError, remember_valid
    from checker.matching import patterns as module

    source, broken = r"\bår\b", "(a"
    try:
        remember_valid([(source, ""), (broken, "")])
        lazy = compile_pattern(source)
        assert lazy._compiled is None and lazy.search("per år") == (4, 6) == compile_pattern(source, "s").search("per år")
        assert lazy.compiled is not None and lazy._compiled is lazy.compiled
        unchecked = compile_pattern(broken)
        try:
            unchecked.search("a")
        except PatternSyntaxError as error:
            assert str(error).startswith("RE2 cannot compile this pattern: missing )")
        else:
            raise AssertionError("a pattern RE2 cannot compile was searched with")
    finally:
        module._KNOWN_VALID.difference_update({(source, ""), (broken, "")})


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(PATTERNS + FOLDING_PATTERNS + [r"^\W*(?:note|n\.\s?b\.)\W*[:–—-]", r"[[:alpha:]]\b"]), st.sampled_from(["", "c", "s"]))
def test_a_pattern_known_to_compile_is_rewritten_when_first_used_as_at_once(source: str, flags: str) -> None:
    """A pattern of a cached ruleset is rewritten for RE2 only when its expression or markers are
    first asked for (most are never run): the same expression and markers as a pattern rewritten
    at once (the simple reference: :func:`rewrite` of the source, after its flags)."""
    from checker.matching import patterns as module
    from checker.matching import remember_valid
    from checker.matching.rewrite import flag_prefix, rewrite

    known = (source, flags) in module._KNOWN_VALID
    rewritten: list[str] = []
    try:
        remember_valid([(source, flags)])
        module.rewrite = lambda text, *more: (rewritten.append(text), rewrite(text, *more))[1]  # type: ignore[assignment]
        lazy = compile_pattern(source, flags)
        assert not rewritten  # nothing rewritten yet
        body, boundaries = rewrite(source)
        assert (lazy.regex, lazy.boundaries) == (flag_prefix(flags) + body, boundaries)
    finally:
        module.rewrite = rewrite
        if not known:
            module._KNOWN_VALID.discard((source, flags))
    assert rewritten == [source]  # once, when first asked
    eager = compile_pattern(source, flags) if (source, flags) not in module._KNOWN_VALID else None
    assert eager is None or (eager.regex, eager.boundaries) == (lazy.regex, lazy.boundaries)


def test_a_class_that_starts_with_a_colon_is_no_posix_class() -> None:
    """Only "[:name:]" is a POSIX class (which folding cannot read): a class that starts with a
    colon and names its characters ("[:–—-]") is read folded, in the filter with the other
    patterns, with the answers of its Unicode expression."""
    from checker.matching.folding import foldable

    source = r"^\W*(?:note|n\.\s?b\.|please note)\W*[:–—-]"
    assert foldable(source) and foldable(r"[:x]\d")
    assert not foldable(r"[[:alpha:]]\d") and not foldable(r"[[:^space:]x]")
    matcher = StatementMatcher({}, {"p": compile_pattern(source)})
    assert not matcher._unfolded
    texts = ["Note – see below", "note: x", "Please note—", "NB – x", "n.b. :", "notes: x", "ⓐ note –"]
    found = matcher.scan_many(texts)
    assert found.get("p", []) == [number for number, text in enumerate(texts) if reference_pattern_span(source, text) is not None] == [0, 1, 2, 4, 6]


@given(st.text(alphabet="ab *\x00\x01\x07\x1b\x1f\x7f\t\n\u00e5\u2028", min_size=1, max_size=8))
def test_a_term_is_refused_for_control_characters_as_a_character_by_character_check_says(term: str) -> None:
    """Only a term that is not printable is looked at character by character: the same terms are
    refused as when every term was."""
    from checker.matching import TermSyntaxError

    text = " ".join(plain_text(term).split())
    core = text[1 if text.startswith("*") else 0 : -1 if text.endswith("*") and len(text) > 1 else None].strip()
    if not core or "*" in core:
        return
    try:
        parse_term(term)
        refused = False
    except TermSyntaxError as error:
        refused = "control characters" in str(error)
    assert refused == any(ord(c) < 32 for c in core)


def test_patterns_the_filter_cannot_take_run_in_sets_with_the_same_answers(monkeypatch) -> None:
    """A pattern longer than the filter takes, and every pattern when the filter cannot be
    built (its set of literal words over RE2's budget), run in RE2 sets instead."""
    from checker.matching import re2api, sets

    words = [f"w{n}x" for n in range(3000)]
    long = compile_pattern(r"\b(?:" + "|".join(words) + r")\b")  # longer than the filter takes
    short = compile_pattern(r"\bshall\b")
    texts = [plain_text(t) for t in ["The Supplier shall w2999x it.", "w17x", "nothing here", "shallow w17xy"]]
    expected = {"long": [0, 1], "short": [0]}
    matcher = StatementMatcher({}, {"long": long, "short": short})
    assert len(matcher._entries(matcher._set_patterns)[0][1]) > sets._FILTERED_LENGTH
    assert {k: v for k, v in matcher.scan_many(texts).items() if k != LONE_SYMBOLS} == expected

    def refuse(regexes: Iterable[str]) -> None:
        raise re2api.error("failed to compile Filter")

    monkeypatch.setattr(re2api, "filter_matcher", refuse)
    matcher = StatementMatcher({}, {"long": long, "short": short})
    assert {k: v for k, v in matcher.scan_many(texts).items() if k != LONE_SYMBOLS} == expected


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="[]^-\\:az09é–å()|*+?. ", max_size=24))
def test_foldable_of_an_ascii_pattern_needs_no_walk_through_its_classes(source: str) -> None:
    """``foldable`` answers an ASCII pattern without walking its classes (no range of one can end
    outside ASCII): the same answer as the walk, for any text the characters make."""
    from checker.matching import folding

    tokens = ("\\p", "\\P", "\\x", "\\C", "\\a", folding.FOLDED)
    walked = not (
        any(token in source for token in tokens) or folding._CODED.search(source) or folding._OCTAL.search(source) or folding._POSIX_CLASS.search(source)
    ) and not any(not (low + high).isascii() for low, high in folding._class_ranges(source))
    assert folding.foldable(source) == walked


@given(st.text(alphabet=st.sampled_from("ab \t\u00a0’‘ʼ“”„«é—\u2009"), max_size=40))
def test_plain_text_makes_quotes_straight_and_white_space_plain_character_for_character(text: str) -> None:
    """Each typographic quote straight, each white space a plain space, nothing else changed."""
    table = {"\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"'}
    assert plain_text(text) == "".join(" " if ch.isspace() else table.get(ch, ch) for ch in text)


def test_first_match_finds_what_a_search_finds_from_each_position() -> None:
    """re2api.first_match (the term finder's search, google-re2's call looked up once) gives the
    whole match's span that re2api.search gives, from any position, and so does its fallback for
    a compiled expression without google-re2's wrapped object."""
    from checker.matching import re2api

    compiled = re2api.compile_regex(r"(?i)(?:^|[^a-z])(?:ska|får|nivå)(?:[^a-z]|$)")
    fallback = type("Wrapped", (), {"search": staticmethod(compiled.search)})()
    for text in ("Leverantören ska ha en nivå, och får inte", "no term here", "ska", ""):
        data = text.encode("utf-8")
        for position in range(len(data) + 1):
            spans = re2api.search(compiled, data, position)
            expected = None if spans is None else tuple(spans[0])
            assert re2api.first_match(compiled)(data, position) == expected
            assert re2api.first_match(fallback)(data, position) == expected


# Expressions as the filter runs them on folded text, for entries that need no word: anchored at
# a text's start or end, classes and \s that take in a line break (and so what joins texts), an
# empty alternative, nothing but an anchor, a "." that could run across texts.
JOINED_REGEXES = [
    r"(?i)^[\x00-\x2f]*[^\s:|]+(?:\s+[^\s:|]+){0,2}",
    r"(?i)(?:^|[^a-z0-9])(?:is|ab)(?:[^a-z0-9]|$)",
    r"(?i)^[^|]{1,5}\|",
    r"\|[^|]*\|",
    r"a\s*$",
    r"\d\s+\d",
    r"^$",
    r"(?s)a.b",
    r"(?i)|\d",
    r"$",
    r"(?:^| )[\x00-\x2f]+(?: |$)",
    r"[^a]{3}",
]
JOINED_TEXTS = st.lists(st.text(alphabet="ab1 2|:.-\n\xe5\u2014", max_size=12), max_size=12)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(JOINED_REGEXES), JOINED_TEXTS)
def test_an_expression_searched_through_joined_texts_finds_the_texts_a_search_of_each_finds(regex: str, many: list[str]) -> None:
    """_TextsSearch (the statements joined, one search per statement that holds a match) against
    RE2's search of each text alone, with texts that hold line breaks of their own or none."""
    import re2

    from checker.matching import re2api, sets

    for texts in (many, [text.replace("\n", " ") for text in many]):
        datas = [text.encode("utf-8") for text in texts]
        expected = [n for n, data in enumerate(datas) if re2.search(regex, data, re2api.OPTIONS) is not None]
        joined = sets._JoinedTexts(datas)
        search = sets._TextsSearch(regex)
        assert search.holding(joined) == expected
        assert search.holding(joined, 2) == expected[:3]
        dense = sets._TextsSearch(regex)
        dense._SEARCHED_ALONE_AFTER = 1  # each text searched alone after the first that holds one
        assert dense.holding(joined) == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(JOINED_REGEXES), min_size=1, max_size=5, unique=True), JOINED_TEXTS, st.booleans())
def test_entries_searched_through_joined_texts_are_found_where_the_filter_finds_them(regexes: list[str], many: list[str], sampled: bool) -> None:
    """Entries known to need no word, searched through the joined texts (or, held by many of
    the sampled texts, left to the filter), are found in the texts the filter finds them in."""
    from checker.matching import sets

    texts = [text.replace("\n", " ") for text in many]
    entries = [(f"e{k}", regex, None, False) for k, regex in enumerate(regexes)]
    expected = sets._EntryFilter(entries).scan_many(texts, str)
    joined = sets._EntryFilter([(key, regex, None, True) for key, regex, _, _ in entries], texts if sampled else (), str)
    assert sampled or len(joined._searches) == len(regexes)
    assert joined.scan_many(texts, str) == expected


def test_the_shipped_entries_that_need_no_word_are_searched_joined_unless_most_texts_hold_them() -> None:
    """With the needed words the cache of compiled rulesets records, the English rulesets'
    entries that need none (a digit, a table's "|", "is") are searched for through the joined
    statements, but for those most of the examples' lines hold (a statement's first words)."""
    from checker.engine.matches import build_shared
    from checker.matching import remember_words
    from checker.matching.boundaries import pattern_words
    from checker.rulecompile import load_rulesets

    rules = Path(__file__).resolve().parent.parent / "rulesets"
    rulesets = load_rulesets(sorted(rules.glob("en-*.krav")))
    remember_words(pattern_words(p.source for ruleset in rulesets for p in ruleset.patterns.values()))
    matcher = build_shared(rulesets).matcher
    examples = Path(__file__).resolve().parent.parent / "examples"
    lines = [plain_text(line) for path in sorted(examples.glob("en-*.md")) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    found = matcher.scan_many(lines)
    searched = [matcher._pattern_filter._keys[number] for number, _ in matcher._pattern_filter._searches]
    assert len(searched) > 15
    expected = {key: [n for n, line in enumerate(lines) if matcher.pattern_span(key, line) is not None] for key in matcher.patterns}
    assert {key: numbers for key, numbers in found.items() if key in matcher.patterns} == {key: numbers for key, numbers in expected.items() if numbers}


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab ,.(%\t\u00a0sk", max_size=16), st.data())
def test_a_finders_words_after_a_white_space_are_looked_up_once_with_the_answer_of_both_starts(text: str, data: st.DataObject) -> None:
    """TermFinder._which tries the words from a match's first character on only where it is no
    white space (the words after one are the same): the answer of trying both starts, as before."""
    from checker.matching.termfinder import TermFinder
    from checker.matching.text import IS_WORD

    finder = TermFinder({"a": ["ab", "%", "(s)"], "b": [", a", "ska", "a*"], "c": ["b", "s k"]})
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))

    def both_starts(text: str, start: int, end: int) -> tuple[int, int, str] | None:
        starts = [start + 1, start] if start < end and not IS_WORD[text[start]] else [start]
        best, best_first = len(finder._lists), start
        for first in starts:
            index = finder.list_of(" ".join(text[first:end].lower().split()))
            if index < best:
                best, best_first = index, first
        return (best_first, end, finder._lists[best][0]) if best < len(finder._lists) else None

    assert finder._which(text, start, end) == both_starts(text, start, end)


def test_a_joined_search_makes_one_search_per_text_that_holds_a_match_and_one_more() -> None:
    """The joined search's work is linear in the texts: one search of the joined texts per text
    holding a match, one more that finds none, and a search of a text alone only where a match
    runs into what joins the texts (here every one: "a\\s" takes the line break after "a")."""
    from checker.matching import sets

    datas = [b"x a", b"y", b"a", b"zz"] * 500
    joined = sets._JoinedTexts(datas)
    search = sets._TextsSearch(r"a\s")
    calls = {"joined": 0, "alone": 0}
    joined_first, alone = search._joined, search.alone

    def counted_joined(data: bytes, pos: int) -> tuple[int, int] | None:
        calls["joined"] += 1
        return joined_first(data, pos)

    def counted_alone(data: bytes) -> bool:
        calls["alone"] += 1
        return alone(data)

    search._joined, search.alone = counted_joined, counted_alone  # type: ignore[method-assign]
    assert search.holding(joined) == []  # "a\s" at a text's end takes the line break: no text's own match
    assert calls["joined"] <= len(datas) // 2 + 1 and calls["alone"] <= len(datas) // 2


@given(st.lists(st.text(alphabet="ab *.", max_size=6), min_size=1, max_size=12))
def test_a_finder_answers_covers_as_its_finditer_says_however_often_a_word_is_asked(words: list[str]) -> None:
    """``TermFinder.covers`` remembers its answers per word (the reading asks it of statements'
    first words again and again): each answer is still the list whose match spans the whole
    stripped word, the first and the later times alike."""
    from checker.matching import termfinder  # noqa: PLC0415

    finder = termfinder.TermFinder({"x": ["a", "ab", "b*"], "y": ["a b", "*a"]})

    def reference(word: str) -> str | None:
        word = word.strip()
        return next((name for start, end, name in finder.finditer(word) if start == 0 and end == len(word)), None)

    for word in words + words:
        assert finder.covers(word) == reference(word)


def test_a_finder_remembers_a_bounded_number_of_words(monkeypatch) -> None:
    """What ``covers`` remembers stays bounded whatever the document holds."""
    from checker.matching import termfinder  # noqa: PLC0415

    monkeypatch.setattr(termfinder, "_COVERED_WORDS", 3)
    finder = termfinder.TermFinder({"x": ["a"]})
    assert [finder.covers(word) for word in ["a", "b", " a", "c", "a ", "a"]] == ["x", None, "x", None, "x", "x"]
    assert len(finder._covered) == 3
