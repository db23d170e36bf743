"""Sentence splitting, ids, headings, language; the Markdown and plain-text readers."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support import md, txt

from checker.clauses import _MODAL, NUMBERED_HEADING, clause_start
from checker.errors import InputError
from checker.ids import ID_WORDS_BEFORE_NUMBERS, MentionFinder, id_key, leading_id
from checker.language import detect_language
from checker.readers import read_bytes, read_document
from checker.segment import Piece, numbered_heading
from checker.sentences import _MAYBE_FINAL, _NEVER_FINAL, BRACKET_REACH, split_sentences, token_before


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Leverantören ska t.ex. rapportera. Beställaren granskar.", ["Leverantören ska t.ex. rapportera.", "Beställaren granskar."]),
        ("Avser bl.a. drift m.m. och support. Nästa mening.", ["Avser bl.a. drift m.m. och support.", "Nästa mening."]),
        ("Det gäller papper, pennor m.m. Leverantören ska leverera.", ["Det gäller papper, pennor m.m.", "Leverantören ska leverera."]),
        ("Tillgängligheten ska vara 99,5 % per månad. Den mäts.", ["Tillgängligheten ska vara 99,5 % per månad.", "Den mäts."]),
        ("Availability shall be 99.5 % per month. It is measured.", ["Availability shall be 99.5 % per month.", "It is measured."]),
        ("Enligt avsnitt 4.2.1 och K4.1 gäller detta. Se REQ-12.", ["Enligt avsnitt 4.2.1 och K4.1 gäller detta.", "Se REQ-12."]),
        ("See e.g. Art. 42 and Sec. 3 of the Directive. No. 5 applies.", ["See e.g. Art. 42 and Sec. 3 of the Directive.", "No. 5 applies."]),
        ("Priset är ca. 500 kr inkl. moms och exkl. frakt enl. kap. 3. Klart.", ["Priset är ca. 500 kr inkl. moms och exkl. frakt enl. kap. 3.", "Klart."]),
        ("Arbeta enligt ITIL v. 2011 eller liknande ramverk. Klart.", ["Arbeta enligt ITIL v. 2011 eller liknande ramverk.", "Klart."]),
        ("Items, i.e. pens, paper etc. are included. Next one!", ["Items, i.e. pens, paper etc. are included.", "Next one!"]),
        ("Ska det göras? Ja.", ["Ska det göras?", "Ja."]),
        ("Vilka API:er exponerar systemet? (REST, SOAP?) Beskriv.", ["Vilka API:er exponerar systemet? (REST, SOAP?)", "Beskriv."]),
        ("Is it encrypted? (1) The Contractor shall say.", ["Is it encrypted?", "(1) The Contractor shall say."]),
        ("The rate applies. (See section 4.)", ["The rate applies.", "(See section 4.)"]),
        ("Hur ofta uppdateras systemet? (Varje månad? Varje kvartal?) Svara.", ["Hur ofta uppdateras systemet? (Varje månad? Varje kvartal?)", "Svara."]),
        ("A stray ( bracket. Then more.", ["A stray ( bracket.", "Then more."]),
        ("Har ni certifikat? (Ja/Nej) Leverantören ska bifoga det.", ["Har ni certifikat? (Ja/Nej)", "Leverantören ska bifoga det."]),
        (
            "Vad händer om felet inte åtgärdas i tid? (Leverantören betalar då ett vite om 2 % av avgiften per timme.)",
            ["Vad händer om felet inte åtgärdas i tid?", "(Leverantören betalar då ett vite om 2 % av avgiften per timme.)"],
        ),
        (
            "Send reports (monthly. Fix faults (see 4.2). Pay (see 4.3). The Buyer may end it (see 9.1).",
            ["Send reports (monthly.", "Fix faults (see 4.2).", "Pay (see 4.3).", "The Buyer may end it (see 9.1)."],
        ),
        (
            "Items a) one, b) two. As amended (29 U.S.C. 794d) requires it. Next.",
            ["Items a) one, b) two.", "As amended (29 U.S.C. 794d) requires it.", "Next."],
        ),
        ("1. Leverantören ska leverera.", ["1. Leverantören ska leverera."]),
        ("<b>1.</b> The Supplier shall deliver.", ["<b>1.</b> The Supplier shall deliver."]),
        (
            '<span class="header_2">2.1 Uptime.</span> The Supplier shall make the <b>Service</b> available. <b>2.2</b> Credits.',
            ['<span class="header_2">2.1 Uptime.</span>', "The Supplier shall make the <b>Service</b> available.", "<b>2.2</b> Credits."],
        ),
        ('It is <em>required</em>.</em></a> <a href="#x">Next</a> one.', ["It is <em>required</em>.</em></a>", '<a href="#x">Next</a> one.']),
        ("Free to use.<br /> Learn more.<br>The Buyer pays.", ["Free to use.<br />", "Learn more.<br>", "The Buyer pays."]),
        (
            "If a < b. x<5 ms. Mail <anna@example.se>. <Supplier name> shall. <X> hours.",
            ["If a < b. x<5 ms. Mail <anna@example.se>. <Supplier name> shall. <X> hours."],
        ),
        (
            "Link the code developed for 18F. Should the Contractor be terminated, it shall hand it over. Ask J. Smith.",
            ["Link the code developed for 18F.", "Should the Contractor be terminated, it shall hand it over.", "Ask J. Smith."],
        ),
    ],
)
def test_sentences_keep_abbreviations_numbers_and_ids_whole(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


TOKEN_REFERENCE = re.compile(r"(?:[^\W\d_]+\.)*[^\W\d_]+$|\d+$")
TOKEN_PIECES = ["a", "Nr", "t", "É", "ex", ".", "..", "1", "12", "²", "٣", "_", " ", "\n", "-", "ß"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(TOKEN_PIECES), max_size=14).map("".join), st.data())
def test_token_before_finds_what_the_regular_expression_finds(text: str, data: st.DataObject) -> None:
    """``token_before`` reads characters backwards instead of searching: the same token as a
    search of the whole text before ``end`` (letters, digits, periods, ``_``, non-ASCII digits
    and numerals, a final newline)."""
    end = data.draw(st.integers(0, len(text)))
    match = TOKEN_REFERENCE.search(text, 0, end)
    token, start = token_before(text, end)
    assert token == (match.group() if match else "")
    if match:
        assert start == match.start()


REFERENCE_BREAK = r"<br ?/?>"
REFERENCE_TAG = rf'</?(?:b|span)(?: class="x")?>|{REFERENCE_BREAK}'
"""The tags of :data:`SENTENCE_PIECES`, which a renderer shows as nothing (a line break)."""


def reference_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans as the rules read, simply: every candidate end, the text after it and the
    token before it searched afresh; the brackets open at an end counted again from where the
    sentence (or the last stray bracket) began, character by character."""
    spans, start, count_from = [], 0, 0
    for match in re.finditer(rf"[.!?](?:[\"'”’)\]]|</(?:b|span)>)*(?:(?:{REFERENCE_BREAK}\s*)+|(?=\s))", text):
        if match.start() < start:
            continue
        rest = re.sub(rf"^(?:\s|{REFERENCE_TAG})+", "", text[match.end() :])
        if not rest:
            break
        depth = 0
        for ch in text[count_from : match.end()]:
            if ch == "(":
                depth += 1
            elif ch == ")" and depth:
                depth -= 1
        if depth:
            ahead = depth
            for ch in text[match.end() : match.end() + BRACKET_REACH]:
                ahead += {"(": 1, ")": -1}.get(ch, 0)
                if ahead < depth:
                    break
            if ahead < depth:
                continue
            count_from = match.end()
        first = rest[0]
        if not (first.isupper() or first.isdigit() or first in "\"'“‘([•–-"):
            continue
        if first == "(" and text[match.start()] in "?!" and not re.match(r"\((?:\d{1,3}|[A-Za-z]|[ivxIVX]{1,5})\)\s", rest):
            opening = text.index("(", match.end())
            level, close = 0, None
            for k in range(opening, min(len(text), opening + BRACKET_REACH)):
                level += {"(": 1, ")": -1}.get(text[k], 0)
                if level == 0:
                    close = k + 1
                    break
            words = sum(1 for word in text[opening:close].split() if any(ch.isalnum() for ch in word)) if close is not None else 0
            if close is not None and (words <= 6 or (words <= 12 and text[opening:close].rstrip(")\"'’” ")[-1:] not in ".!")):
                after = text[close:].lstrip()
                if after and len(after) < len(text) - close and (after[0].isupper() or after[0].isdigit() or after[0] in "\"'“‘([•–-"):
                    spans.append((start, close))
                    start = count_from = close
                continue
        if text[match.start()] == ".":
            before = TOKEN_REFERENCE.search(text, 0, match.start())
            token = before.group() if before else ""
            if token.lower() in _NEVER_FINAL or (len(token) == 1 and token.isupper() and not text[: before.start()][-1:].isdecimal()):
                continue
            if token.lower() in _MAYBE_FINAL and not first.isupper():
                continue
            if token.isdigit() and not re.sub(REFERENCE_TAG, "", text[: before.start()]).strip():
                continue
        spans.append((start, match.end()))
        start = count_from = match.end()
    spans.append((start, len(text)))
    trimmed = []
    for start, end in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            trimmed.append((start, end))
    return trimmed


SENTENCE_PIECES = [
    "Leverantören ska",
    "leverera",
    " ",
    "  ",
    "\n",
    ".",
    "!",
    "?",
    ")",
    "”",
    '"',
    "t.ex",
    "e.g",
    "etc",
    "Nr",
    "J",
    "1",
    "4.2",
    "99,5 %",
    "Art",
    "m.m",
    "(a)",
    "(REST",
    "(iv) ",
    "(",
    "•",
    "Det",
    "x",
    "²",
    "<b>",
    "</b>",
    '<span class="x">',
    "</span>",
    "<br>",
    "<br />",
    "<",
    "<5",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(SENTENCE_PIECES), max_size=24).map("".join))
def test_sentences_split_as_the_simple_reading_does(text: str) -> None:
    assert split_sentences(text) == reference_sentences(text)


def test_leading_ids_and_keys() -> None:
    assert leading_id("K4.1 Tjänsten ska vara tillgänglig.") == ("K4.1", 4)
    assert leading_id("REQ-12: The system shall log.")[0] == "REQ-12"
    assert leading_id("Krav 3.2 Leverantören ska.")[0] == "Krav 3.2"
    assert leading_id("4.2.1 Leverantören ska.")[0] == "4.2.1"
    assert leading_id("Leverantören ska leverera 4 st.") is None
    assert leading_id("2025 års avtal") is None
    assert id_key("Krav 3.2") == "3.2"
    assert id_key("k4.1:") == "K4.1"


def test_find_mentions_of_ids_as_whole_tokens() -> None:
    keys = {"K4.1", "REQ-12", "3", "4.2.1", "4.2", "3.2"}
    texts = [
        "Uppföljning av k4.1 och REQ-12 enligt krav 3 och avsnitt 4.2.1.",  # 0: K4.1, REQ-12, 3, 4.2.1
        "inom 3 dagar, K4.11 gäller, AK4.1 och 4.2.1.5",  # 1: none (3 without a word, longer ids)
        "enligt Krav3.2 och kap. 4.2",  # 2: 3.2 and 4.2 after a word
        "99.4.2 och 4.2x",  # 3: none
    ]
    assert MentionFinder(keys).find(texts) == {"K4.1": {0}, "REQ-12": {0}, "3": {0}, "4.2.1": {0}, "3.2": {2}, "4.2": {2}}


def test_a_range_of_ids_mentions_every_id_in_it() -> None:
    keys = {"K1", "K2", "K3", "K4", "4.2", "4.3", "4.4", "SLA2", "2", "99.7"}
    texts = [
        "Leverantören ska lämna underlag som visar att kraven i K1–K4 är uppfyllda.",  # 0: K1–K4
        "Utfallet enligt 4.1—4.5 och SLA1 till SLA3 redovisas.",  # 1: 4.2–4.4 and SLA2
        "Vite utgår 1–5 dagar, 99.5–99.9 %, K1-4 gäller.",  # 2: none (amounts, and K1-4 is an id of its own)
        "Requirements R1 through R3 and K1-K2.",  # 3: K1, K2
    ]
    assert MentionFinder(keys).find(texts) == {
        "K1": {0, 3}, "K2": {0, 3}, "K3": {0}, "K4": {0}, "4.2": {1}, "4.3": {1}, "4.4": {1}, "SLA2": {1},
    }  # fmt: skip


def test_a_plural_id_word_names_each_number_of_its_list_or_range() -> None:
    texts = [
        "The standards below apply to work performed under Tasks 1-3.",
        "See sections 3.1 and 3.4, and Task 5 for more.",
        "Subtasks 2.1–2.3 are inspected monthly.",
        "Tasks 1, 2 and 4 only; clause 12, 30 days after.",
        "The multitasks 4 and section 2.1-2.3.",
    ]
    keys = {"1", "2", "3", "4", "5", "2.1", "2.2", "2.3", "3.1", "3.2", "3.4", "12", "30"}
    assert MentionFinder(keys).find(texts) == {
        "1": {0, 3}, "2": {0, 3}, "3": {0}, "3.1": {1}, "3.4": {1}, "5": {1}, "2.1": {2, 4}, "2.2": {2, 4}, "2.3": {2, 4}, "4": {3}, "12": {3},
    }  # fmt: skip
    assert MentionFinder({"1", "3.2"}).find(["Tasks 1-" + "9" * 6000 + " and sections 3.1-3.3"]) == {"1": {0}, "3.2": {0}}  # no int() of 6,000 digits


def reference_mentions(texts: list[str], keys: set[str]) -> dict[str, set[int]]:
    """Mentions by the documented rules, position by position: an id not joined to a longer
    token on either side, or a number right after an id word."""
    found: dict[str, set[int]] = {}

    def joined_before(text: str, at: int, joiners: str) -> bool:
        return at > 0 and (text[at - 1].isalnum() or text[at - 1] in joiners)

    def joined_after(text: str, at: int, joiners: str) -> bool:
        return at < len(text) and (text[at].isalnum() or text[at] == "_" or (text[at] in joiners and text[at + 1 : at + 2].isdigit()))

    for number, text in enumerate(texts):
        lowered = text.lower()
        for key in keys:
            if not key[0].isalpha() and "." not in key:
                continue
            joiners = ("_.-", ".-") if key[0].isalpha() else ("_.,", ".,")
            for at in range(len(text) - len(key) + 1):
                if lowered[at : at + len(key)] == key.lower() and not joined_before(text, at, joiners[0]) and not joined_after(text, at + len(key), joiners[1]):
                    found.setdefault(key, set()).add(number)
        for word in ID_WORDS_BEFORE_NUMBERS:
            for at in range(len(text) - len(word) + 1):
                end = at + len(word)
                if lowered[at:end] != word or (word[-1].isalpha() and at > 0 and text[at - 1].isalpha()):
                    continue
                if not (text[end : end + 1].isdigit() or text[end : end + 1] in (".", " ", "\t", "\u00a0")):
                    continue
                match = re.match(r"\.?\s*(\d+(?:\.\d+)*[a-z]?)(?!\w)", text[end:], re.IGNORECASE)
                if match and match.group(1).upper() in keys:
                    found.setdefault(match.group(1).upper(), set()).add(number)
        for key in keys:  # a range "K4.1-K4.12" names every id between, ends included
            prefix, _, last = key.rpartition(".") if "." in key else (key.rstrip("0123456789"), "", key[len(key.rstrip("0123456789")) :])
            prefix = f"{prefix}." if "." in key else prefix
            if not prefix or not last.isdigit():
                continue
            pattern = rf"(?<![\w.]){re.escape(prefix)}(\d{{1,4}})\s*(?:[–—-]|\btill(?:\s+och\s+med)?\b|\bt\.o\.m\.?|\bto\b|\bthrough\b)\s*{re.escape(prefix)}(\d{{1,4}})(?!\w)(?!\s*(?:%|procent|percent))"
            for match in re.finditer(pattern, text, re.IGNORECASE):
                if int(match.group(1)) <= int(last) <= int(match.group(2)) and int(match.group(2)) - int(match.group(1)) <= 100:
                    found.setdefault(key, set()).add(number)
    return found


MENTION_KEYS = ["K4.1", "K4.12", "REQ-12", "3", "4.2.1", "4.2", "3.2", "2"]
MENTION_PIECES = ["K4.1", "k4.12", "REQ-12", "4.2", ".1", "3", " ", ",", "-", "–", " till ", "_", "§", "a", "krav", "nr", "no", "kap.", "\u00a0", "x", "5"]
mention_texts = st.lists(st.lists(st.sampled_from(MENTION_PIECES), max_size=12).map("".join), min_size=1, max_size=4)


@settings(max_examples=300, deadline=None)
@given(mention_texts, st.sets(st.sampled_from(MENTION_KEYS), min_size=1))
def test_find_mentions_agrees_with_the_rules_read_position_by_position(texts: list[str], keys: set[str]) -> None:
    assert MentionFinder(keys).find(texts) == reference_mentions(texts, keys)


def test_numbered_headings() -> None:
    assert numbered_heading("4.2 Felhantering") == ("4.2", "Felhantering")
    assert numbered_heading("4.2. FELHANTERING") == ("4.2", "FELHANTERING")
    assert numbered_heading("4.2.1 Leverantören ska åtgärda fel.") is None
    assert numbered_heading("3 000 kronor per månad") is None
    assert numbered_heading("4.2 Felhantering\nLeverantören") is None
    assert numbered_heading("A.1 Scope and purpose \n") == ("A.1", "Scope and purpose")


def reference_numbered_heading(text: str) -> tuple[str, str] | None:
    """numbered_heading as NUMBERED_HEADING, whose title runs to the end, reads it."""
    match = NUMBERED_HEADING.match(text)
    if not match:
        return None
    title = match.group("title")
    if len(title.split()) > 10 or title.endswith((".", ";", ",")) or _MODAL.search(title) or not title[0].isalpha():
        return None
    return match.group("num"), title


heading_texts = st.lists(
    st.sampled_from(["4", "4.2", "A.", "1", ".", " ", "  ", "\n", "\t", "\u00a0", "\u2003", "Scope", "ska", "x", ";", ",", "3 000", "Å"]),
    max_size=16,
).map("".join)


@given(heading_texts)
def test_numbered_heading_agrees_with_the_whole_pattern(text: str) -> None:
    assert numbered_heading(text) == reference_numbered_heading(text)


def test_language_detection() -> None:
    assert detect_language(["Leverantören ska leverera varorna till beställaren enligt avtalet."]) == "sv"
    assert detect_language(["The Contractor shall deliver the goods to the Agency within ten days."]) == "en"
    assert detect_language(["12345"]) is None


# ---- Markdown ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("front_matter", "title"),
    [
        ('title:  "Licensvillkor för API"', ("Licensvillkor för API", 2, 10)),
        ("Title: IT-säkerhetspolicy", ("IT-säkerhetspolicy", 2, 8)),
        ("layout: post\ntitle: 'Policy för samtrafik'", ("Policy för samtrafik", 3, 9)),
        ("title: >\n  folded title", None),  # a block scalar: no title read
        ("meta:\n  title: nested", None),  # not a top-level key
        ("subtitle: only a subtitle", None),
    ],
)
def test_a_front_matter_title_is_the_first_heading(front_matter: str, title: tuple[str, int, int] | None) -> None:
    """The front matter is left out of the text; its top-level title (Jekyll, Hugo, Pelican) is
    the document's first heading, level 1, located where it stands."""
    document = read_bytes(("---\n" + front_matter + "\n---\n\nLeverantören ska svara inom 2 timmar.\n").encode(), "x.md", "md")
    headings = [(s.text, s.location.line, s.location.column) for s in document.statements if s.kind == "heading"]
    assert headings == ([title] if title else [])
    assert document.statements[-1].text == "Leverantören ska svara inom 2 timmar."
    assert [s.level for s in document.sections] == ([1] if title else [])


def test_markdown_structure_statements_and_locations() -> None:
    document = md("""
        ---
        title: Villkor för drift
        ---
        # 4 Drift

        Inledande text
        =============

        K4.1 Tjänsten ska vara tillgänglig 99,5 % per månad. Den mäts
        av leverantören.
        K4.2 Fel ska åtgärdas.

        - Punkt ett ska gälla.
        - Punkt två,
          fortsätter här.
        1. Numrerad punkt.

        ```
        ska inte läsas
        ```

        > Citerad text ska läsas.

        | Id | Krav |
        |----|------|
        | K5.1 | Support ska svara inom 2 timmar. |
        """)
    got = [(s.kind, s.text, s.location.line, s.location.column, s.requirement_id) for s in document.statements]
    assert got == [
        ("heading", "Villkor för drift", 2, 8, None),  # the front matter's title
        ("heading", "4 Drift", 4, 3, None),
        ("heading", "Inledande text", 6, 1, None),
        ("sentence", "K4.1 Tjänsten ska vara tillgänglig 99,5 % per månad.", 9, 1, "K4.1"),
        ("sentence", "Den mäts av leverantören.", 9, 54, "K4.1"),
        ("sentence", "K4.2 Fel ska åtgärdas.", 11, 1, "K4.2"),
        ("list_item", "Punkt ett ska gälla.", 13, 3, None),
        ("list_item", "Punkt två, fortsätter här.", 14, 3, None),
        ("list_item", "Numrerad punkt.", 16, 4, None),
        ("sentence", "Citerad text ska läsas.", 22, 3, None),
        ("table_row", "K5.1 | Support ska svara inom 2 timmar.", 26, 3, "K5.1"),
    ]
    assert [(s.title, s.number, s.level, s.parent) for s in document.sections] == [
        ("Villkor för drift", None, 1, None),
        ("Drift", "4", 1, None),
        ("Inledande text", None, 1, None),
    ]
    second_sentence = document.statements[4]
    assert second_sentence.location_at(second_sentence.text.index("leverantören")).model_dump(exclude_none=True) == {
        "line": 10,
        "column": 4,
        "section": "Inledande text",
        "heading": "Inledande text",
    }
    assert document.language == "sv" and document.format == "md"


def test_markdown_nested_sections_and_heading_ids() -> None:
    document = md("# 1 Allmänt\n\n## 1.1 Omfattning\n\nLeverantören ska leverera.\n\n# 2 Pris\n\nPriset ska vara fast.")
    statements = [s for s in document.statements if s.kind == "sentence"]
    assert [(s.requirement_id, s.id_source, s.location.section) for s in statements] == [
        ("1.1", "heading", "1 Allmänt > 1.1 Omfattning"),
        ("2", "heading", "2 Pris"),
    ]


# ---- plain text ----------------------------------------------------------------------------------------


def test_plain_text_headings_paragraphs_and_lists() -> None:
    document = txt("""
        ALLMÄNNA VILLKOR

        4.2 Felhantering
        Leverantören ska åtgärda fel inom 4 timmar. Fel rapporteras
        i ärendesystemet.

        - Första punkten.
        • Andra punkten.
        a) Tredje punkten.
        4.2.1 Leverantören ska ha jour.
        """)
    got = [(s.kind, s.text, s.location.line, s.location.column, s.requirement_id) for s in document.statements]
    assert got == [
        ("heading", "ALLMÄNNA VILLKOR", 1, 1, None),
        ("heading", "4.2 Felhantering", 3, 1, None),
        ("sentence", "Leverantören ska åtgärda fel inom 4 timmar.", 4, 1, "4.2"),
        ("sentence", "Fel rapporteras i ärendesystemet.", 4, 45, "4.2"),
        ("list_item", "Första punkten.", 7, 3, "4.2"),
        ("list_item", "Andra punkten.", 8, 3, "4.2"),
        ("list_item", "Tredje punkten.", 9, 4, "4.2"),
        ("sentence", "4.2.1 Leverantören ska ha jour.", 10, 1, "4.2.1"),
    ]
    assert [(s.number, s.level, s.parent) for s in document.sections] == [(None, 1, None), ("4.2", 2, 0), ("4.2.1", 3, 1)]


# ---- bad input ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "suffix", "reason"),
    [
        (b"\x00\x01\x02binary\x00", ".md", "is a binary file, not text"),
        (b"PK\x03\x04rest", ".md", "is a zip archive"),
        (b"%PDF-1.7", ".txt", "is a PDF, not text"),
        (b"hello", ".odt", "unsupported file type '.odt'"),
    ],
)
def test_bad_text_inputs_give_one_line_errors(tmp_path: Path, data: bytes, suffix: str, reason: str) -> None:
    path = tmp_path / f"in{suffix}"
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        read_document(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and reason in message
    assert "\n" not in message


def test_encodings_bom_utf16_and_cp1252(tmp_path: Path) -> None:
    text = "Leverantören ska åtgärda fel snabbt.\n"
    for data in (b"\xef\xbb\xbf" + text.encode("utf-8"), text.encode("utf-16"), text.encode("cp1252")):
        document = read_bytes(data, "x.md", "md")
        assert document.statements[0].text == text.strip()


def test_inputs_are_never_modified(tmp_path: Path) -> None:
    path = tmp_path / "doc.md"
    path.write_bytes("# Rubrik\r\n\r\nLeverantören ska leverera snabbt.\r\n".encode())
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    read_document(path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_language_option_overrides_detection() -> None:
    document = md("The Contractor shall deliver.", language="sv")
    assert (document.language, document.language_source) == ("sv", "option")


def test_markdown_html_table_bold_headings_and_bold_ids() -> None:
    document = md("""
        **1.1 Avropsförfrågan**
        **1.1.1 Upphandlande myndighet**
        Inera AB

        <table>
        <thead>
        <tr><th>Id</th><th>Krav</th></tr>
        </thead>
        <tbody>
        <tr>
        <td>K1</td>
        <td><p>Support ska <strong>svara</strong> inom 2 timmar.</p></td>
        </tr>
        </tbody>
        </table>

        **7.2.4** The CO shall respond in writing within 30 days to any notice described in paragraph
        7.2.4 of this clause.
        """)
    assert [(s.number, s.title, s.level, s.location.line, s.location.column) for s in document.sections] == [
        ("1.1", "Avropsförfrågan", 1, 1, 3),
        ("1.1.1", "Upphandlande myndighet", 2, 2, 3),
        ("7.2.4", "The CO shall respond in writing within 30 …", 1, 17, 1),  # a numbered paragraph is a clause
    ]
    row = next(s for s in document.statements if s.kind == "table_row")
    assert (row.text, row.requirement_id, row.location.line) == ("K1 | Support ska svara inom 2 timmar.", "K1", 11)
    at = row.text.index("svara")
    assert (row.location_at(at).line, row.location_at(at).column) == (12, 28)
    clause = document.statements[-1]
    assert clause.requirement_id == "7.2.4" and clause.text.endswith("described in paragraph 7.2.4 of this clause.")


def test_markdown_a_bold_item_over_its_own_paragraphs_titles_them() -> None:
    """A list item that is only a bold title with the item's paragraphs after a blank line (a
    playbook's plays: "* **Make it simple and intuitive**" / "  Successful delivery …") titles what
    it holds, as a bold line at the margin does: a heading, no statement of the list. An item over
    a sub-list or whose text goes on on the next line stays an item."""
    document = md("""
        * **Make it simple and intuitive**

          The contractor shall use a simple design style guide.

        * **Use data to drive decisions**

          The contractor shall measure how well the service works each month.

        In addition, the agency will:

        * **Define requirements for accessibility reports**
          * Which products require assessment

        - **COMPUTE**
          The Compute service including virtual machines.
        """)
    assert [s.title for s in document.sections] == ["Make it simple and intuitive", "Use data to drive decisions"]
    items = [s.text for s in document.statements if s.kind == "list_item"]
    assert "**Define requirements for accessibility reports**" in items
    assert any(text.startswith("**COMPUTE**") for text in items)
    assert not any("Make it simple" in text for text in items)


def test_markdown_markup_that_shows_no_text_is_no_statement() -> None:
    """An anchor before a heading (``<a name="felhantering-och-rapportering"></a>``) shows nothing:
    read as a statement, its name's "rapportering" made it a follow-up of the section above. An
    element left open (``<center>``) still starts its block, and an autolink is text."""
    document = md("""
        Leverantören ska svara inom 2 timmar.

        <a name="felhantering-och-rapportering"></a>
        ## Felhantering

        </div>
        <br/>

        <center>
        333 WILLOUGHBY AVE., ROOM 760
        </center>

        <http://www.w3.org/WAI/Resources>
        """)
    texts = [s.text for s in document.statements if s.kind != "heading"]
    assert texts == ["Leverantören ska svara inom 2 timmar.", "<center> 333 WILLOUGHBY AVE., ROOM 760", "<http://www.w3.org/WAI/Resources>"]


def test_markdown_table_of_contents_entries_are_no_statements() -> None:
    """A line that is only a link into the document, standing as its own block or list item, is
    an entry of a table of contents (the Word reader skips TOC paragraphs too); a link inside a
    sentence, or followed by the sentence's next line, is text."""
    document = md("""
        ## Innehållsförteckning

        1.3.1. [Granskning avseende uppfyllnad](#granskning)

        - [Sec. 1.02 Budget](#1.02)
        - [Sec. 1.03 Deadline](#1.03)

        Se kapitel [1.3.3](#aktorsspecifika) nedan.

        [Granskning](#granskning)
        görs av Digg.
        """)
    texts = [s.text for s in document.statements if s.kind != "heading"]
    assert texts == ["Se kapitel [1.3.3](#aktorsspecifika) nedan.", "[Granskning](#granskning) görs av Digg."]


def test_markdown_table_without_delimiter_row_reads_one_row_per_line() -> None:
    """Conversions from PDF and Word write tables as lines of cells without the `---` row;
    each line is a table row (its own statement), not one long paragraph."""
    document = md(
        "Service levels:\n\n"
        "| Service | Target | Credit\n"
        "| Priority 1 | 99.8% | 2.0 GBP\n"
        "Priority 2 | 98.0% | 3.0 GBP |\n\n"
        "A sentence with a bar | in it stays a paragraph.\n"
    )
    rows = [s for s in document.statements if s.kind == "table_row"]
    assert [(s.text, s.location.line) for s in rows] == [
        ("Priority 1 | 99.8% | 2.0 GBP", 4),
        ("Priority 2 | 98.0% | 3.0 GBP", 5),
    ]
    assert rows[0].location.column == 3
    assert any(s.kind == "sentence" and s.text.startswith("A sentence with a bar") for s in document.statements)


def test_a_scale_column_gives_no_requirement_ids() -> None:
    """A table whose first column is headed as a scale ("Poäng", "Score") scores levels: its
    numbers are no requirement ids (they made a document that numbers no requirement look like
    one that does, and every requirement of it a slip without an id). Short codes under another
    header are ids as before."""
    scale = md(
        "| Poäng | Kvalitetsbedömning |\n|---|---|\n"
        "| 3 | Konsulten visar en djup förståelse av uppdraget. |\n"
        "| 2 | Konsulten visar en god förståelse av uppdraget. |\n"
        "| 1 | Konsulten visar en godtagbar förståelse av uppdraget. |\n"
    )
    assert [(s.requirement_id, s.id_source) for s in scale.statements if s.kind == "table_row"] == [(None, None)] * 3
    codes = md("| Krav | Beskrivning |\n|---|---|\n| 3 | Leverantören ska svara inom 2 timmar. |\n| 4 | Leverantören ska åtgärda fel inom 4 timmar. |\n")
    assert [(s.requirement_id, s.id_source) for s in codes.statements if s.kind == "table_row"] == [("3", "column"), ("4", "column")]


def _tree(document) -> list[tuple[str, str | None]]:
    """Each section as (its heading path, its parent's number or title)."""
    return [(document.section_label(s.index), None if s.parent is None else document.sections[s.parent].label) for s in document.sections]


def test_numbered_paragraphs_are_clauses_nested_by_their_numbers() -> None:
    document = md("""
        # Service schedule

        4 Service credits

        4.1 If availability falls below 99.5 %, a credit of 5 % applies.

        The credit is shown on the next invoice.

        4.1.1 Credits are capped at 30 %.

        4.2 The Supplier shall report availability monthly.

        § 5 Termination for breach is governed by clause 12.
        """)
    sections = [
        (s.number, document.sections[s.parent].number if s.parent is not None and document.sections[s.parent].number else s.parent) for s in document.sections
    ]
    assert sections == [(None, None), ("4", 0), ("4.1", "4"), ("4.1.1", "4.1"), ("4.2", "4"), ("§ 5", 0)]
    by_text = {s.text: document.section_label(s.section) for s in document.statements}
    assert by_text["The credit is shown on the next invoice."].endswith("4.1 If availability falls below 99.5 %, a credit …")
    assert by_text["4.2 The Supplier shall report availability monthly."].endswith("> 4 Service credits > 4.2 The Supplier shall report availability monthly.")


def test_numbered_items_with_an_emphasised_run_in_title_are_clauses() -> None:
    """A contract written as one numbered list ("the following terms shall apply:" / "2.
    <u>Service Level Commitment and Credits</u>. If Uptime …"): each item is a clause, titled and
    numbered by it, whose sentences are paragraphs of their own, not items the introduction
    makes duties; a term and its definition ("**Uptime**: …"), a question and an item without
    such a title stay items."""
    document = md("""
        ## Service Level Agreement

        The following terms shall apply to the Cloud Service:

        1. <u>Definitions</u>:
            - Uptime: the share of Ticks that ran.
        2. <u>Service Level Commitment and Credits</u>. If Uptime falls below 99.9%, the account shall be credited. Credits may not exceed 50%.
        3. **Claiming Credits.** To receive any Credits, Customer must notify us within 30 days.

        Questions:

        1. **Uptime**: the share of Ticks that ran.
        2. **Where is data stored?**
        3. The Supplier shall keep logs.
        """)
    assert [(s.number, s.title) for s in document.sections if s.number] == [
        ("1", "Definitions"),
        ("2", "Service Level Commitment and Credits"),
        ("3", "Claiming Credits"),
    ]
    kinds = {s.text: (s.kind, s.lead_in) for s in document.statements}
    assert kinds["If Uptime falls below 99.9%, the account shall be credited."] == ("sentence", None)
    assert kinds["Credits may not exceed 50%."] == ("sentence", None)
    assert kinds["To receive any Credits, Customer must notify us within 30 days."] == ("sentence", None)
    assert kinds["Uptime: the share of Ticks that ran."][0] == "list_item"
    assert kinds["**Uptime**: the share of Ticks that ran."][0] == "list_item"
    assert kinds["**Where is data stored?**"][0] == "list_item"
    assert kinds["The Supplier shall keep logs."][0] == "list_item"
    title = next(s for s in document.statements if s.text == "Service Level Commitment and Credits")
    assert (title.kind, title.location.line, title.location.column) == ("heading", 7, 7)  # "2. <u>" before it
    body = next(s for s in document.statements if s.text.startswith("If Uptime"))
    assert body.location.column == len("2. <u>Service Level Commitment and Credits</u>. ") + 1


def test_a_numbered_item_alone_over_a_paragraph_at_the_margin_is_a_numbered_heading() -> None:
    """A clause's number and title written as a list of one ("1. Definitions", a blank line, the
    clause's paragraph at the margin), as documents converted from Word write them: a numbered
    heading, its paragraphs in its clause. A loose list of short items (a blank line, then the
    next item), an item whose paragraph is indented (its own continuation) and an item that is a
    sentence stay items."""
    document = md("""
        # Service Level Agreement

        1. Definitions

        Uptime is the share of minutes the service answered.

        2. Service Commitment

        The Provider shall keep the service available 99.9 % of each month.

        Steps:

        1. Register

        2. Submit

        The tender is opened after the deadline.

        1. Delivery

            The Supplier shall deliver within 5 days.

        1. The Supplier shall keep logs.

        The logs are kept for a year.
        """)
    assert [(s.number, s.title) for s in document.sections if s.number] == [("1", "Definitions"), ("2", "Service Commitment")]
    clause = {s.text: s.location.clause for s in document.statements}
    assert clause["Uptime is the share of minutes the service answered."] == "1"
    assert clause["The Provider shall keep the service available 99.9 % of each month."] == "2"
    kinds = {s.text: s.kind for s in document.statements}
    assert kinds["Register"] == kinds["Submit"] == kinds["Delivery"] == "list_item"
    assert kinds["The Supplier shall keep logs."] == "list_item"


def test_numbered_title_items_inside_a_numbered_clause_title_its_parts_not_the_documents_clauses() -> None:
    """The same run of titles as a list of one ("1. Priority 1", its paragraph at the margin,
    "2. Priority 2" …) inside a clause the document numbers itself ("4.1 Response times") titles
    the clause's parts: its paragraphs stay in clause 4.1, not in clauses 1 and 2 of a document
    that has none."""
    document = md("""
        # Service Level Agreement

        ## 4.1 Response times

        1. Priority 1

        The Supplier shall respond within 1 hour.

        2. Priority 2

        The Supplier shall respond within 4 business hours.

        ## 4.2 Reporting

        The Supplier shall report monthly.
        """)
    clause = {s.text: s.location.clause for s in document.statements}
    assert clause["The Supplier shall respond within 1 hour."] == clause["The Supplier shall respond within 4 business hours."] == "4.1"
    assert [s.title for s in document.sections if s.title.startswith("Priority")] == ["Priority 1", "Priority 2"]
    assert [s.number for s in document.sections if s.number] == ["4.1", "4.2"]


def test_a_decimal_number_opening_a_sentence_opens_no_clause() -> None:
    """ "2.5 hours of training …" starts with a number, not with clause 2.5: a number of two parts
    before a lower-case word is a decimal (the pattern is read in either case for "SECTION 3", so
    its "capital after the number" held for any letter); longer clause numbers a PDF's text
    continues in lower case stay clauses ("13.4.4 faktura ska …")."""
    document = md("""
        ## 2 Training

        2.5 hours of on-site training shall be provided to each user.

        The Supplier shall deliver a training plan within 10 days.
        """)
    assert [s.location.clause for s in document.statements if s.kind == "sentence"] == ["2", "2"]
    assert clause_start("1.5 hours of downtime count against the target") is None
    assert clause_start("13.4.4 faktura ska vara specificerad") == ("13.4.4", 3, "faktura ska vara specificerad")
    assert clause_start("4.2 Service levels") == ("4.2", 2, "Service levels")


def test_a_clause_number_after_a_word_may_be_followed_by_a_hyphen_and_its_title() -> None:
    """ "Section 1 - Definitions" numbers its clause as "Section 1 – Definitions" does; a hyphen
    before a number ("Section 4 -5 % …") is no title."""
    document = md("""
        ## Section 1 - Definitions

        Uptime is the share of minutes the service answered.

        ## Section 2 - Service Commitment

        The Provider shall keep the service available 99.9 % of each month.
        """)
    assert [s.location.clause for s in document.statements if s.kind == "sentence"] == ["Section 1", "Section 2"]
    assert clause_start("Section 4 - Service credits") == ("Section 4", 1, "Service credits")
    assert clause_start("Section 4 -5 % of the fee") is None


def test_a_run_in_title_may_start_with_any_capital_letter() -> None:
    """A Swedish agreement's clauses titled in bold ("2. **Överlåtelse.** Part får inte …") are
    clauses as "1. **Avgifter.** …" is: the title's capital is no ASCII letter; a lowercase
    start is still no title."""
    document = md("""
        Följande villkor gäller för tjänsten:

        1. **Avgifter.** Kunden ska betala avgiften månadsvis i förskott.
        2. **Överlåtelse.** Part får inte överlåta avtalet utan den andra partens skriftliga medgivande.
        3. **Ändringar.** Ändringar av avtalet ska vara skriftliga.
        4. **ändringar.** Ändringar görs skriftligen.
        """)
    assert [(s.number, s.title) for s in document.sections if s.number] == [("1", "Avgifter"), ("2", "Överlåtelse"), ("3", "Ändringar")]
    kinds = {s.text: s.kind for s in document.statements}
    assert kinds["Part får inte överlåta avtalet utan den andra partens skriftliga medgivande."] == "sentence"
    assert kinds["Ändringar av avtalet ska vara skriftliga."] == "sentence"
    assert kinds["**ändringar.** Ändringar görs skriftligen."] == "list_item"


def test_a_titled_item_whose_text_binds_by_no_words_of_its_own_stays_an_item() -> None:
    """An RFP lists what the contractor shall provide as items titled in bold ("1. **Hosting.**
    Hosting in an EU data centre …"): without a modal of their own they bind only as items of
    the introduction, so they stay its items; a titled item with a sentence that binds by its
    own words is a clause (:func:`test_numbered_items_with_an_emphasised_run_in_title_are_clauses`)."""
    document = md("""
        ## 4. Requirements

        The Contractor shall provide the following:

        1. **Hosting.** Hosting in an EU data centre with 99.9 % availability per month.
        2. **Backup.** A daily backup of all data, kept for 30 days.
        """)
    lead_in = next(s.index for s in document.statements if s.text == "The Contractor shall provide the following:")
    items = [(s.kind, s.lead_in) for s in document.statements if s.text.endswith(("per month.", "30 days."))]
    assert items == [("list_item", lead_in), ("list_item", lead_in)]
    assert [s.number for s in document.sections if s.number] == ["4"]


def test_a_paragraph_at_the_margin_after_titled_items_stands_where_the_list_stood() -> None:
    """A list whose numbered items open titled clauses ("1. **Kick Off Meeting.** The Contractor
    shall …") ends at a paragraph at the margin: the deliverables listed after it ("Deliverables:"
    and its items) belong to the task the heading names, not to the clause of the list's last
    item (CivicActions' SOW, which links them to that item's statements by clause); an
    indented paragraph goes on in the item's clause."""
    document = md("""
        ### Task 1. Project kickoff

        1. **Kick Off Meeting.** The Contractor shall schedule a kick-off meeting within two weeks of award.
        2. **Transition plan.** The Contractor shall deliver a transition-in status report within 30 days.

           The Contractor shall work with the incumbent contractor.

        Deliverables:
        * Kickoff meeting schedule and agenda
        * Transition-in plan and status report
        """)
    sections = {s.text: document.sections[s.section].title for s in document.statements if s.section is not None}
    assert sections["The Contractor shall work with the incumbent contractor."] == "Transition plan"
    assert sections["Deliverables:"] == "Task 1. Project kickoff"
    assert sections["Kickoff meeting schedule and agenda"] == "Task 1. Project kickoff"
    assert sections["Transition-in plan and status report"] == "Task 1. Project kickoff"


def test_a_table_of_contents_of_links_is_no_text() -> None:
    """Entries of a table of contents written as links into the document point to clauses and
    say nothing ("- [Sec. 3.20 Termination for Default](#3.20)" is no termination clause, "[Sec.
    7.09 Disputes](#7.09)" no dispute clause; Alaska's RFP); one link alone among the items of a
    list is an item."""
    document = md("""
        ## Table of contents

        ### Section 3. Contract information
        - [Sec. 3.19 Insurance Requirements](#3.19)
        - [Sec. 3.20 Termination for Default](#3.20)

        ### Section 7. General terms
        - [Sec. 7.09 Disputes](#7.09)

        1. [**Introduction**](#introduction)

           1.1. [Agreements](#agreements)

        ## Support

        Customers can choose:

        - Support hours
        - [Technical account manager](#technical-account-manager)
        """)
    texts = [s.text for s in document.statements if s.kind != "heading"]
    assert texts == ["Customers can choose:", "Support hours", "[Technical account manager](#technical-account-manager)"]


def test_paragraphs_numbered_after_a_contract_part_letter_are_clauses() -> None:
    """A paragraph opened by a number after the letter of a part of a contract in the Uniform
    Contract Format ("C.1.4 Contractor shall …") opens that clause, as "4.1 …" does, so that a
    section of such paragraphs is no one clause; a short cell of a table a PDF's text flattened
    ("C.1.13 Report Sufficiency") opens none, and a number alone on its line ("C.1") numbers the
    heading after it."""
    document = md("""
        C.1

        SCOPE

        C.1.1 Contractor shall have the capability to schedule examinations within 5 days.

        C.1.2 Contractor shall notify the veteran of the appointment within 2 days.

        The notice shall state the address of the examination.

        C.1.13 Report Sufficiency
        """)
    assert [(s.number, s.title) for s in document.sections][0] == ("C.1", "SCOPE")
    by_text = {s.text: document.sections[s.section].number for s in document.statements}
    assert by_text["The notice shall state the address of the examination."] == "C.1.2"
    assert by_text["C.1.13 Report Sufficiency"] == "C.1.2"
    assert len({by_text[t] for t in by_text if t.startswith("C.1.1 ") or t.startswith("C.1.2 ")}) == 2


def test_a_paragraph_opened_by_a_small_roman_numeral_is_a_sub_clause_of_its_clause() -> None:
    """The remedies of a clause numbered "i)", "iv)", "vi)" are clauses of their own inside it,
    as lettered ones are: the amount one states by reference is not another's."""
    document = md("""
        # 14.2 Påföljder

        i) Leverantören ska betala vite enligt punkt 14.3.

        iv) Beställaren har rätt till avdrag på ersättningen.

        vi) Beställaren äger rätt att innehålla betalning.
        """)
    sections = [s.section for s in document.statements if s.kind != "heading"]
    assert len(set(sections)) == 3
    assert all(document.sections[document.sections[i].parent].number == "14.2" for i in sections)


def test_a_line_opened_by_a_small_roman_numeral_after_a_finished_sentence_starts_a_sub_clause() -> None:
    """As a line opened by a letter does ("B. …"), a line opened by "iv)" after a finished
    sentence starts a paragraph of its own, so that it opens its sub-clause."""
    document = md("""
        # 14.2 Påföljder

        i) Leverantören ska betala vite enligt punkt 14.3.
        iv) Beställaren har rätt till avdrag på ersättningen.
        vi) Beställaren äger rätt att innehålla betalning.
        """)
    statements = [s for s in document.statements if s.kind != "heading"]
    assert [s.text.split()[0] for s in statements] == ["i)", "iv)", "vi)"]
    assert len({s.section for s in statements}) == 3


def test_i_after_h_in_a_lettered_list_is_a_letter_not_a_roman_sub_clause() -> None:
    """A list lettered "a)" … "h)", "i)", "j)" goes on at "i)": no sub-clause "(i)" opens there to
    hold "j)" and the rest of the clause ("v)" after "u)", "x)" after "w)" are letters too)."""
    items = "\n\n".join(f"{letter}) Leverantören ska göra punkt {letter}." for letter in "abcdefghij")
    document = md(f"# 5.1 Leverantörens åtaganden\n\nLeverantören ska:\n\n{items}\n\nvi) Beställaren har rätt till avdrag.\n")
    sections = {s.text[:2]: s.section for s in document.statements if s.kind != "heading"}
    assert sections["i)"] == sections["j)"] == sections["a)"]
    assert document.sections[sections["vi"]].number is None and sections["vi"] != sections["a)"]  # a roman numeral still opens one
    wide = md("# 5.2 Krav\n\n" + "\n\n".join(f"{letter}) Leverantören ska göra punkt {letter}." for letter in "uvwxy") + "\n")
    assert len({s.section for s in wide.statements}) == 1
    lines = md("# 5.3 Krav\n\n" + "\n".join(f"{letter}) Leverantören ska göra punkt {letter}." for letter in "abcdefghij") + "\n")
    assert len({s.section for s in lines.statements}) == 1  # nor on lines with no blank line between


def test_clause_number_alone_and_plain_line_headings_from_converted_text() -> None:
    document = md("""
        3.0

        REQUIREMENTS
        A. The Contractor shall provide a uniformed security force at all times.

        Service Credits
        If the Uptime Commitment is not met, the Customer receives a credit.

        Remove lead-based paint

        Paint is removed and no additional lead is present in the area.
        """)
    headings = [(s.text, document.sections[s.section].number) for s in document.statements if s.kind == "heading"]
    assert headings == [("REQUIREMENTS", "3.0"), ("Service Credits", None)]
    assert "Remove lead-based paint" in [s.text for s in document.statements if s.kind == "sentence"]  # cells, not a heading


def test_a_clause_number_alone_on_its_line_numbers_the_paragraph_its_run_in_title_opens() -> None:
    """A PDF's text puts a clause number on a line of its own, apart from the paragraph it
    numbers, whose title runs into its first sentence ("1.1" / "Test Plan. The Contractor shall
    …"): that paragraph opens clause 1.1, titled by its run-in title; a paragraph without one
    after a number alone is numbered by nothing (a flattened table's cell)."""
    document = md("""
        FIELD WORK
        The Contractor shall provide staff for all tests on active project sites.

        1.1

        Test Plan. The Contractor shall develop a test plan within 30 days of award.

        1.2

        Labs, Tractor, and Generator Appearance. The labs shall be washed every quarter.

        2.1

        the cells of a table, flattened.
        """)
    numbered = [(s.number, s.title) for s in document.sections if s.number]
    assert numbered == [("1.1", "Test Plan"), ("1.2", "Labs, Tractor, and Generator Appearance")]
    by_text = {s.text: document.sections[s.section].number for s in document.statements}
    assert by_text["the cells of a table, flattened."] == "1.2"


def test_a_numbered_title_in_capitals_opens_a_top_level_clause() -> None:
    """A PWS converted from PDF numbers its top-level clauses as a list's items, each titled in
    capitals ("1. DESCRIPTION OF SERVICES. The Contractor shall …", "2. SERVICE DELIVERY
    SUMMARY. …"), over the clauses 1.1, 1.2 … it holds: each opens clause 1, 2, 3 (after "1.2"
    too), the paragraph after it stands in it and the items of the table under it are its items,
    not of the clause before. A numbered item in lower case ("1. Practices within …") or a
    title in capitals inside a clause of its own numbering stays an item."""
    document = md("""
        SECTION

        1. DESCRIPTION OF SERVICES. The Contractor shall provide care at the clinic.
        The quality of care will be audited by the medical staff.

        1.1. STAFF. The Contractor shall staff the clinic 24 hours a day.

        1.2. QUALITY CONTROL. Records of all inspections shall be made available.
        2. SERVICE DELIVERY SUMMARY. EMERGENCY SERVICES.
        1. Practices within guidelines established by the clinic.
        2. Documents assessments.

        3. GOVERNMENT FURNISHED PROPERTY AND SERVICES.

        The Government will furnish the equipment.

        4. The Contractor shall keep logs.
        """)
    numbered = [(s.number, s.title) for s in document.sections if s.number]
    assert [n for n, _ in numbered] == ["1", "1.1", "1.2", "2", "3"]
    assert (numbered[0][1], numbered[3][1], numbered[4][1]) == (
        "DESCRIPTION OF SERVICES",
        "SERVICE DELIVERY SUMMARY",
        "GOVERNMENT FURNISHED PROPERTY AND SERVICES",
    )
    section_of = {s.text: (document.sections[s.section].number, s.kind) for s in document.statements if s.section is not None}
    assert section_of["The Contractor shall provide care at the clinic."] == ("1", "sentence")
    assert section_of["The quality of care will be audited by the medical staff."] == ("1", "sentence")
    assert section_of["Practices within guidelines established by the clinic."] == ("2", "list_item")
    assert section_of["The Government will furnish the equipment."] == ("3", "sentence")
    assert section_of["The Contractor shall keep logs."] == ("3", "list_item")


def test_a_lead_ins_numbered_items_in_capitals_stay_its_items() -> None:
    """A list a lead-in introduces ("… the following standards:") holds its items however they
    are written: names in capitals ("1. NIST SP 800-53", "2. SERVER HARDWARE.") open no top-level
    clause (review21: they opened clauses 1, 2, 3, the lead-in lost its items and the duty after
    the list stood in the last one)."""
    for items in (("NIST SP 800-53", "FIPS 140-2", "ISO 27001"), ("SERVER HARDWARE.", "NETWORK SWITCHES.", "USER MANUALS.")):
        listed = "".join(f"{n}. {item}\n" for n, item in enumerate(items, start=1))
        document = md(f"# Security\n\nThe Contractor shall deliver or comply with the following:\n\n{listed}\nThe Contractor shall report each incident.\n")
        assert [s.number for s in document.sections if s.number] == []
        statements = {s.text: s for s in document.statements}
        lead_in = next(i for i, s in enumerate(document.statements) if s.text.endswith("following:"))
        assert [statements[item].lead_in for item in items] == [lead_in] * 3
        assert statements["The Contractor shall report each incident."].section == statements[items[0]].section
    # a number that does not go on with the lead-in's list opens its clause
    document = md(
        "When the defects cannot be corrected, the Government may:\n\n1) Require the Contractor to act.\n"
        "2) Reduce the price.\n\n5. ACCEPTANCE OF SERVICES\n\nAcceptance shall be based on the standards.\n"
    )
    assert [(s.number, s.title) for s in document.sections if s.number] == [("5", "ACCEPTANCE OF SERVICES")]


def test_plain_line_heading_not_taken_from_a_sentence_broken_over_lines() -> None:
    document = txt(
        "Tjänsten ska vara tillgänglig och\nLeverantören rapporterar varje månad hur tillgänglig tjänsten var.\n\n"
        "Leverantörens åtagande\nLeverantören ska åtgärda fel inom fyra timmar från felanmälan.\n"
    )
    assert [s.text for s in document.statements if s.kind == "heading"] == ["Leverantörens åtagande"]


def test_numbered_title_over_a_table_is_its_heading() -> None:
    document = md("""
        5.3 A failure to report is deemed a Service Level default.

        Annex 1—Service levels

        | Service Level | Target | Service credit |
        | Priority 1 | 99.8% | 2.0 GBP |
        """)
    row = next(s for s in document.statements if s.kind == "table_row")
    assert document.section_label(row.section) == "Annex 1 Service levels"


def test_a_numbered_sentence_over_a_table_is_a_clause_not_its_title() -> None:
    """ "5.1 If the Supplier misses the availability level, service credits apply as set out in the
    table below." introduces the table: a sentence (it ends with a period, however long the
    title the clause number gives it is), not the table's title, so the credit it names is a
    statement the rules read."""
    for sentence in (
        "5.1 If the Supplier misses the availability level, service credits apply as set out in the table below.",
        "5.1 Om Leverantören inte uppfyller tillgängligheten utgår vite enligt tabellen nedan.",
    ):
        document = md(f"""
            # 5 Service credits

            {sentence}

            | Availability | Credit |
            | --- | --- |
            | below 99.5 % | 5 % |
            """)
        (statement,) = [s for s in document.statements if s.text == sentence]
        assert statement.kind == "sentence"


READ_EXAMPLES = sorted(path for path in (Path(__file__).parent.parent / "examples").iterdir() if path.suffix in (".md", ".docx"))


@pytest.mark.parametrize("path", READ_EXAMPLES, ids=lambda path: path.name)
def test_documents_built_without_validation_equal_validated_ones(path: Path) -> None:
    """The builder makes its statements, blocks, sections, anchors and locations without
    pydantic's validation (``document.trusted``): validated again, every document is the same."""
    from checker.document import Document

    document = read_document(path)
    assert Document.model_validate(document.model_dump()) == document
    assert Document.model_validate_json(document.model_dump_json()).model_dump_json() == document.model_dump_json()


def test_a_document_of_a_language_or_format_no_reader_gives_is_refused_by_validation() -> None:
    """The builder makes the document without validation only for the languages and formats of
    the model; any other is validated, and refused as before."""
    from pydantic import ValidationError

    from checker.segment import DocumentBuilder

    assert DocumentBuilder(path="x", format="md").build("sv").language == "sv"
    for path, fmt, language in (("x", "md", "de"), ("x", "odt", "sv")):
        with pytest.raises(ValidationError):
            DocumentBuilder(path=path, format=fmt).build(language)


def test_a_built_documents_statements_are_made_anew_together_with_the_same_fields() -> None:
    """The builder makes each statement among the texts, anchors and locations read with it;
    the document holds copies made one after another (every pass over them reads less
    scattered memory), equal to them field for field."""
    from checker.segment import DocumentBuilder, source_anchor

    builder = DocumentBuilder(path="x", format="md")
    builder.heading("1 Scope", 1, source_anchor(0, 1, 1).location)
    builder.paragraph(Piece(text="The Contractor shall report. It shall be monthly.", anchors=[source_anchor(0, 3, 1)]))
    made = list(builder.statements)
    document = builder.build("en")
    assert document.statements == made
    assert [s.__dict__ for s in document.statements] == [s.__dict__ for s in made]
    assert [s.model_fields_set for s in document.statements] == [s.model_fields_set for s in made]
    assert not any(copy is original or copy.__dict__ is original.__dict__ for copy, original in zip(document.statements, made))
    # one set of fields for all: a set of each statement's own would stand between one and the next
    assert len({id(s.model_fields_set) for s in document.statements}) == 1


MARK_PIECES = [
    "#",
    "##",
    "*",
    "**",
    "_",
    "__",
    "-",
    "+",
    "•",
    "=",
    "`",
    "```",
    "~~~",
    "<!--",
    "<table",
    "<TABLE",
    ">",
    "1.",
    "2)",
    "٣.",
    " ",
    "   ",
    "\t",
    "\u00a0",
    "a",
    "É",
    "Krav",
    "[ ]",
    ":",
    "x",
    "\\",
    "|",
    "-->",
]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(MARK_PIECES), min_size=1, max_size=10).map("".join))
def test_markdown_marks_are_searched_where_their_first_character_starts_the_line(body: str) -> None:
    """The Markdown reader searches a line for a mark only when the line's first visible
    character is one the mark can start with: every mark that matches starts so."""
    from checker.readers import markdown

    stripped = body.strip()
    if not stripped:
        return
    first = stripped[0]
    if stripped.startswith("<!--") or stripped.lower().startswith("<table"):
        assert first == "<"
    starts = [(markdown._FENCE, "`~"), (markdown._ATX, "#"), (markdown._SETEXT, "=-"), (markdown._THEMATIC, "-*_")]
    for mark, characters in starts:
        assert mark.match(body) is None or first in characters
    assert markdown._LIST.match(body) is None or first in "-*+•" or first.isdecimal()
    assert markdown._bold_title(stripped) is None or first in "*_"
    assert not markdown._has_bar(body) or "|" in body


def reference_cells(line: str) -> list[tuple[str, int]]:
    """A pipe-table row's cells (text, column) read character by character."""
    cells, start = [], 0
    stripped = line.rstrip()
    lead = len(stripped) - len(stripped.lstrip())
    if stripped[lead : lead + 1] == "|":
        start = lead + 1
    for i in range(start, len(stripped) + 1):
        if i == len(stripped) or (stripped[i] == "|" and (i == 0 or stripped[i - 1] != "\\")):
            raw = stripped[start:i]
            if i < len(stripped) or raw.strip():
                cells.append((raw.strip().replace("\\|", "|"), start + len(raw) - len(raw.lstrip()) + 1))
            start = i + 1
    return cells


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["|", "\\", "\\|", " ", "a", "Krav", "`", "-", "\t"]), max_size=16).map("".join))
def test_markdown_table_cells_as_read_character_by_character(line: str) -> None:
    from checker.readers.markdown import _cells

    assert [(cell.text, cell.anchors[0].location.column) for cell in _cells(line, 1)] == reference_cells(line)


DOCUMENT_LINES = [
    "# 4 Drift",
    "## 4.2 Felhantering",
    "4.2.1 The Supplier shall respond. It is measured.",
    "",
    "",
    "SERVICE CREDITS",
    "Service levels",
    "If the target is not met, credits apply.",
    "- K1 Leverantören ska leverera m.m.",
    "1. First item",
    "| Id | Krav |",
    "| --- | --- |",
    "| K2 | Tillgängligheten ska vara 99,5 %. |",
    "**Acceptance criteria**",
    "**5.1 Bold title**",
    "3.0",
    "B. The Contractor shall comply.",
    "<!-- kravkoll: ignore sv-krav/KR002 -- ok -->",
    "> Quoted text. Second sentence!",
    "   indented line",
    "Title",
    "====",
    "§ 5 Avtalstid",
    "Annex 1—Service levels",
    "<table><tr><td>A</td><td>B c.</td></tr></table>",
    "\tTab and\u00a0space",
    "REQ-12: The system must log. See K4.1.",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(DOCUMENT_LINES), max_size=25).map("\n".join), st.sampled_from(["md", "txt"]))
def test_any_text_document_equals_its_validated_self(text: str, fmt: str) -> None:
    """Whatever the Markdown or plain text, the document built without validation holds only
    valid values (lines and columns from 1, kinds and ids as the model allows)."""
    from checker.document import Document

    document = read_bytes(text.encode(), f"doc.{fmt}", fmt)
    assert Document.model_validate(document.model_dump()) == document


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=80))
def test_control_characters_counted_as_one_by_one(text: str) -> None:
    """Text is refused as binary by the number of control characters in it (tab, line feed,
    vertical tab, form feed and carriage return are text): a search counts what a loop does."""
    from checker.readers import _CONTROL

    assert len(_CONTROL.findall(text)) == sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f\v")


@pytest.mark.parametrize("read", [md, txt])
def test_a_list_written_without_bullets_after_a_colon_is_read_item_by_item(read) -> None:
    """Text converted from Word or PDF loses its bullets: the short lines after "…:" are the
    list's items (each carrying the lead-in), and the sentence after them is a paragraph again."""
    document = read("""
        Konsulten ska ha erfarenhet av ett liknande uppdrag. Följande uppgifter ska framgå:
        Beskrivning av referensuppdrag
        Kontaktperson hos uppdragsgivare
        För att kontrollera att angivna uppgifter är korrekta kan referenten kontaktas.

        Leverantören ska leverera enligt följande:
        rapporterna skickas till beställaren varje månad.
        """)
    got = [(s.kind, s.text, s.location.line, s.lead_in) for s in document.statements]
    assert got == [
        ("sentence", "Konsulten ska ha erfarenhet av ett liknande uppdrag.", 1, None),
        ("sentence", "Följande uppgifter ska framgå:", 1, None),
        ("list_item", "Beskrivning av referensuppdrag", 2, 1),
        ("list_item", "Kontaktperson hos uppdragsgivare", 3, 1),
        ("sentence", "För att kontrollera att angivna uppgifter är korrekta kan referenten kontaktas.", 4, None),
        ("sentence", "Leverantören ska leverera enligt följande: rapporterna skickas till beställaren varje månad.", 6, None),
    ]
    item = document.statements[3]
    assert item.location.column == 1 and item.anchors[0].offset == 0


@pytest.mark.parametrize("read", [md, txt])
def test_a_wrapped_line_with_a_sentence_end_inside_is_no_item_of_a_list_without_bullets(read) -> None:
    """A paragraph wrapped after "…:" goes on as a paragraph when its next line ends a sentence
    inside it: a line of an item ends no sentence anywhere."""
    document = read("""
        The contractor must designate who will fill these three roles:
        Facilitator, Technical Lead, and Design Lead. The Technical and Design
        Leads should not be the same person.
        """)
    assert [(s.kind, s.text) for s in document.statements] == [
        ("sentence", "The contractor must designate who will fill these three roles: Facilitator, Technical Lead, and Design Lead."),
        ("sentence", "The Technical and Design Leads should not be the same person."),
    ]


@pytest.mark.parametrize("read", [md, txt])
def test_an_abbreviation_inside_an_item_of_a_list_without_bullets_ends_no_sentence(read) -> None:
    """ "U.S.", "Dr.", "St.", "t.ex." end no sentence inside a line (the sentence splitter's
    abbreviations): the lines are still items of a list without bullets."""
    document = read("""
        The report shall list the following offices:
        U.S. Army Corps of Engineers
        St. Louis Office
        Dr. Smith's office
        """)
    assert [s.text for s in document.statements] == [
        "The report shall list the following offices:",
        "U.S. Army Corps of Engineers",
        "St. Louis Office",
        "Dr. Smith's office",
    ]


def test_a_list_items_lines_quoted_inside_it_continue_its_sentence() -> None:
    """pandoc writes a list item's continuation lines as a quote inside the item."""
    document = md(
        """
        -   As an Applicant, I want to receive status
            > updates by email, so that I know where my
            > application is.

        > A quote of its own.
        """
    )
    assert [(s.kind, s.text) for s in document.statements] == [
        ("list_item", "As an Applicant, I want to receive status updates by email, so that I know where my application is."),
        ("sentence", "A quote of its own."),
    ]
    assert document.statements[0].anchors[-1].location.column == 7  # "application" stands after "    > "


def test_text_without_blank_lines_starts_a_heading_after_a_sentence_or_a_title() -> None:
    """Text extracted from a PDF has no blank lines between a paragraph and the next heading."""
    document = txt(
        """
        Statement of Objectives
        1.0 BACKGROUND
        The agency modernises its permits. The work is
        done in sprints.
        2.0 CONSTRAINTS
        ● The API will be a REST web service.
        ○ It runs on Linux.
        The total budget is
        4.2 million dollars in all.
        """
    )
    assert [(s.kind, s.text) for s in document.statements] == [
        ("sentence", "Statement of Objectives"),
        ("heading", "1.0 BACKGROUND"),
        ("sentence", "The agency modernises its permits."),
        ("sentence", "The work is done in sprints."),
        ("heading", "2.0 CONSTRAINTS"),
        ("list_item", "The API will be a REST web service."),
        ("list_item", "It runs on Linux."),
        ("list_item", "The total budget is 4.2 million dollars in all."),  # no heading inside a sentence
    ]


def test_a_sub_list_nested_under_an_item_ending_in_a_colon_has_that_item_as_its_lead_in() -> None:
    """Items indented under an item ending in ":" are its sub-list; the list's own lead-in goes
    on after it. An item back at the margin but written with the sub-list's marker (a
    converted document that kept the sub-list's indentation on its first item only) stays in
    the sub-list; a heading ends every list."""
    document = md(
        """
        The Provider shall meet the following:

        1. Definitions:
            - Tick: a run every 15 minutes.
            - Window: Thursdays 02:00-04:00.
        2. Availability of 99 % each month.

        Contractor personnel shall have:

        *\tA background in the following:
        \t- Static sites.
        - JavaScript frameworks.
        *\tFluency in JavaScript.

        # Next

        - Not under any lead-in.
        """
    )
    lead_ins = {s.text: s.lead_in for s in document.statements}
    index = {s.text: s.index for s in document.statements}
    assert lead_ins["Tick: a run every 15 minutes."] == lead_ins["Window: Thursdays 02:00-04:00."] == index["Definitions:"]
    assert lead_ins["Definitions:"] == lead_ins["Availability of 99 % each month."] == index["The Provider shall meet the following:"]
    assert lead_ins["Static sites."] == lead_ins["JavaScript frameworks."] == index["A background in the following:"]
    assert lead_ins["Fluency in JavaScript."] == index["Contractor personnel shall have:"]
    assert lead_ins["Not under any lead-in."] is None


@pytest.mark.parametrize(
    "lead",
    ["Myndigheten ska **särskilt**", "Utredaren ska _bl.a._", "Konsulten ska ha **följande:**", "Konsulten ska ha följande *:*"],
)
def test_a_lead_in_reads_its_end_with_the_markup_aside(lead: str) -> None:
    """Whether a paragraph introduces the list after it (it ends in ":", or leaves its sentence
    open) is read with Markdown's emphasis marks aside, as in a Word document, whose bold has
    none: "Myndigheten ska **särskilt**" / "- kartlägga …" reads as "Myndigheten ska särskilt"."""
    document = md(f"{lead}\n\n- kartlägga hur tolktjänsten är organiserad,\n- bedöma kostnaderna.\n", language="sv")
    assert [s.lead_in for s in document.statements if s.kind == "list_item"] == [0, 0]


def test_a_quote_that_opens_a_list_item_is_the_items_text() -> None:
    """pandoc writes "- > text" for a quote inside an item: the item's text is the quote's,
    without its marker, located where it starts."""
    document = md("Offerors shall have experience in:\n\n  - > Cloud deployment\n  - >= 4 hours of training\n")
    assert [(s.text, s.location.line, s.location.column) for s in document.statements[1:]] == [("Cloud deployment", 3, 7), (">= 4 hours of training", 4, 5)]


def test_plain_text_headings_underlined_or_over_and_underlined_as_restructuredtext_writes_them() -> None:
    """Levels by the order in which the document first uses each kind of line; a rule standing
    alone is no text; a sentence over a rule is no heading."""
    document = txt("""
        =======================
        Service Level Agreement
        =======================

        Availability
        ------------

        The Provider shall keep the service available 99.5 % of each month.

        -----

        Credits
        ~~~~~~~

        The Provider shall credit 5 % of the monthly fee.
        ---
        """)
    assert [(s.title, s.level, s.parent) for s in document.sections] == [("Service Level Agreement", 1, None), ("Availability", 2, 0), ("Credits", 3, 1)]
    assert [(s.kind, s.text, s.location.line) for s in document.statements] == [
        ("heading", "Service Level Agreement", 2),
        ("heading", "Availability", 5),
        ("sentence", "The Provider shall keep the service available 99.5 % of each month.", 8),
        ("heading", "Credits", 12),
        ("sentence", "The Provider shall credit 5 % of the monthly fee.", 15),
    ]


def test_a_restructuredtext_list_table_is_a_table() -> None:
    """A list table's rows are table rows (``* -`` a row and its first cell, ``-`` its next
    cell, a line indented further the cell going on), its ``:header-rows:`` its header; its
    title a paragraph before it, and the text after it (indented no further than the
    directive) a paragraph again. A directive with no rows is no table."""
    document = txt("""
        .. list-table:: Response times
           :header-rows: 1
           :widths: 20 20

           * - Incident priority
             - Response Time
           * - Less urgent
             - 3 working days,
               counted from the report
           * - Top priority
             - < 1 working day

        Response time is provided as service level target.

        .. list-table::

        The end.
        """)
    rows = [(s.table, s.row, s.location.line, s.text) for s in document.statements if s.kind == "table_row"]
    assert rows == [(1, 2, 7, "Less urgent | 3 working days, counted from the report"), (1, 3, 10, "Top priority | < 1 working day")]
    assert document.table_headers == ["Incident priority | Response Time"]
    assert [(s.kind, s.text) for s in document.statements if s.kind != "table_row"] == [
        ("sentence", "Response times"),
        ("sentence", "Response time is provided as service level target."),
        ("sentence", "The end."),
    ]


def test_a_list_table_with_empty_cells_goes_on_to_its_last_row() -> None:
    """An empty cell of a list table is a dash alone (``-`` or ``* -``): the row goes on, and
    the rows after it are rows, not stray list items. (A row stands where its first text does.)"""
    document = txt("""
        .. list-table:: Response times
           :header-rows: 1

           * - Incident priority
             - Response time
             - Notes
           * - Critical
             - 1 hour
             -
           * -
             - 3 working days
             - Outside office hours the next working day.

        The Supplier shall meet the response times above.
        """)
    rows = [(s.row, s.location.line, s.text) for s in document.statements if s.kind == "table_row"]
    assert rows == [(2, 7, "Critical | 1 hour"), (3, 11, "3 working days | Outside office hours the next working day.")]
    assert [(s.kind, s.text) for s in document.statements if s.kind != "table_row"] == [
        ("sentence", "Response times"),
        ("sentence", "The Supplier shall meet the response times above."),
    ]


def test_plain_text_tables_as_restructuredtext_writes_them() -> None:
    """A simple table (its header between the first two '=' borders, a row going on where its
    first column is empty) and a grid table are tables; a simple table without a header too."""
    document = txt("""
        The Provider shall meet these levels:

        ==========  ==================
        Service     Availability
        ==========  ==================
        E-mail      99.5 % a month
        Web         99.9 % a month,
                    measured by probes
        ==========  ==================

        +-----------+-----------+
        | Severity  | Response  |
        +===========+===========+
        | 1         | 1 hour    |
        +-----------+-----------+

        =====  =====
        a      b
        =====  =====

        .. note::

           The levels are measured monthly.
        """)
    assert document.statements[-1].text == "The levels are measured monthly."
    rows = [(s.table, s.row, s.location.line, s.text) for s in document.statements if s.kind == "table_row"]
    assert rows == [
        (1, 2, 6, "E-mail | 99.5 % a month"),
        (1, 3, 7, "Web | 99.9 % a month, measured by probes"),
        (2, 2, 14, "1 | 1 hour"),
        (3, 1, 18, "a | b"),
    ]
    assert document.table_headers[:2] == ["Service | Availability", "Severity | Response"]


def test_a_table_whose_first_cell_is_empty_is_read() -> None:
    document = txt("""
        =====  =====
               Value
        =====  =====
        A      1
        =====  =====
        """)
    assert [(s.text, s.location.line) for s in document.statements] == [("A | 1", 4)]
    assert document.blocks[0].location.line == 2


def test_separator_lines_around_a_sentence_leave_it_a_sentence_and_a_directives_text_is_read() -> None:
    document = txt("""
        ----------
        The Supplier shall deliver the system within 5 days
        ----------

        The Supplier shall report every month.
        ---

        .. note:: The Supplier shall keep a log.
        .. _target: https://example.org
        """)
    assert document.sections == []
    assert [s.text for s in document.statements] == [
        "The Supplier shall deliver the system within 5 days",
        "The Supplier shall report every month.",
        "The Supplier shall keep a log.",
    ]


def test_a_heading_mark_on_prose_gives_a_paragraph_and_titles_stay_headings() -> None:
    doc = md(
        """
        ## 6.10 Data Rights

        ### Contractor shall not use, copy, modify, or distribute any DOL-furnished Data, except as required for the performance of the contract. It stays DOL's.

        ### 23. Definitions.

        The Supplier shall report every month, and the report lists the incidents of the month before it.
        ---
        Next paragraph.
        """
    )
    assert [(s.kind, s.text[:30]) for s in doc.statements] == [
        ("heading", "6.10 Data Rights"),
        ("sentence", "Contractor shall not use, copy"),
        ("sentence", "It stays DOL's."),
        ("heading", "23. Definitions."),
        ("sentence", "The Supplier shall report ever"),
        ("sentence", "Next paragraph."),
    ]
    assert [s.title for s in doc.sections] == ["Data Rights", "Definitions."]
    assert doc.statements[1].location.section == "6.10 Data Rights"


def test_long_titles_and_questions_marked_as_headings_stay_headings() -> None:
    doc = md(
        """
        ### C.5.1 Task 1 – Provide Project Management Support for the Whole Period of Performance.

        The Contractor shall deliver a status report.

        ### How will the Government measure the availability of the service in each month?

        It measures it with its own tool.
        """
    )
    assert [s.kind for s in doc.statements] == ["heading", "sentence", "heading", "sentence"]
    assert [s.number for s in doc.sections] == ["C.5.1", None]
