"""Inline HTML in Markdown (checker/htmltags.py): read as a renderer shows it, as nothing."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from support import findings, md, rules

from checker.htmltags import without_tags

PAGE = """\
# Service levels

<span class="header_2">2.1 Uptime.</span> The Supplier shall make the <b>Service</b> available as <a href="#x">defined</a>. <b>2.2</b> The Buyer pays.
"""


def test_a_sentence_ends_before_closing_tags_and_starts_after_opening_ones() -> None:
    texts = [s.text for s in md(PAGE, language="en").statements]
    assert texts == [
        "Service levels",
        '<span class="header_2">2.1 Uptime.</span>',
        'The Supplier shall make the <b>Service</b> available as <a href="#x">defined</a>.',
        "<b>2.2</b> The Buyer pays.",
    ]


def test_no_rule_reads_a_tags_name_or_attributes() -> None:
    ruleset = rules(
        """
        ruleset "t" {
          language en
        }
        terms odd = "header", "href", "span", "b"
        pattern available = /service +available/
        define requirement = "shall"
        requirement ODD "Odd words" {
          category unmeasurable
          when odd
          message "odd: {match}"
        }
        requirement AV "Available" {
          category unmeasurable
          when available
          message "{match}"
        }
        """
    )
    found = findings(md(PAGE, language="en"), ruleset)
    assert [(f.rule, f.location.column) for f in found] == [("t/AV", 1 + PAGE.splitlines()[2].index("Service"))]


TAGS = ["<b>", "</b>", '<span class="header_2">', "</span>", "<br>", "<br />", '<a href="#x">', "</A>"]
# No text piece is an element's name: "<" + "a" + ">" would be a tag the reference does not list
# (hypothesis found it), so the letters beside the tags are ones no element is named by.
TEXT = ["x", "Z", " ", ".", "<", ">", "<24 h", "x<5", "<anna@example.se>", "<X>", "<Supplier name>", "/", "z", '"']


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TAGS + TEXT), max_size=30))
def test_blanking_keeps_the_length_and_every_character_outside_tags(pieces: list[str]) -> None:
    text = "".join(pieces)
    read = without_tags(text)
    assert len(read) == len(text)
    tags = [(m.start(), m.end()) for m in re.finditer("|".join(re.escape(tag) for tag in TAGS), text, re.IGNORECASE)]
    inside = {i for start, end in tags for i in range(start, end)}
    for i, (ch, seen) in enumerate(zip(text, read)):
        assert seen == (" " if i in inside else ch)


def test_only_tag_shaped_text_naming_an_element_is_blanked() -> None:
    for text in ["a < b", "x<5 ms", "<24 h", "<anna@example.se>", "<https://x.example>", "<Supplier name>", "<X> hours", "<!-- note -->"]:
        assert without_tags(text) == text
    assert without_tags("a<br>b") == "a    b"
    assert without_tags('<SPAN CLASS="x">y</span>') == " " * 16 + "y" + " " * 7


@settings(max_examples=30, deadline=None)
@given(st.text(alphabet='<ab/ =">', max_size=2000))
def test_tags_are_blanked_in_time_linear_in_the_text(text: str) -> None:
    assert len(without_tags(text * 20)) == len(text) * 20
