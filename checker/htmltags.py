"""Inline HTML in a text: the tags Markdown keeps raw ("<span class="x">2.1 Uptime.</span> The
Supplier shall make the <b>Service</b> available"), which a renderer shows as nothing.

Only tag-shaped text naming an HTML element counts: ``<`` (or ``</``), an element's name, then
``>``, ``/>`` or white space, attributes without ``<`` or ``>`` and ``>``, at most
:data:`MAX_TAG` characters in all. "a < b", "x<5 ms", "<24 h", an e-mail's or an address's
brackets ("<anna@example.se>", "<https://x.example>") and a template's placeholder
("<Supplier name>", "<X>") are text. Every regular expression here is bounded: each tag is read
in at most :data:`MAX_TAG` characters from its ``<``.
"""

from __future__ import annotations

import re

from .lazyre import lazy_compile

# HTML's element names (the living standard's, and the older inline ones converters still
# write: font, center, big, tt, strike, nobr).
HTML_ELEMENTS = frozenset(
    """a abbr address article aside audio b bdi bdo big blockquote body br button caption center
    cite code col colgroup data dd del details dfn div dl dt em figcaption figure font footer
    form h1 h2 h3 h4 h5 h6 head header hr html i iframe img input ins kbd label legend li link
    main mark meta nav nobr ol option p picture pre q s samp section select small source span
    strike strong sub summary sup table tbody td textarea tfoot th thead time title tr tt u ul
    var video wbr""".split()
)
MAX_TAG = 240
"""The most characters of a tag, attributes included (an anchor with a long address fits)."""

CLOSING_TAG = r"</[A-Za-z][A-Za-z0-9]{0,15}\s{0,8}>"
"""A closing tag (``</span>``), as a regular expression: its shape alone (no text closes so)."""
LINE_BREAK = r"<[Bb][Rr]\s{0,8}/?>"
"""``<br>``, ``<br/>``, ``<br />``: white space as a renderer shows it."""

# A tag's shape, its name in group 1: the name is checked in HTML_ELEMENTS in Python, which
# costs a tenth of compiling the names' alternation into every run's regular expressions.
_TAG = lazy_compile(rf"</?([A-Za-z][A-Za-z0-9]{{0,15}})(?=[\s/>])[^<>]{{0,{MAX_TAG - 20}}}>")
_SPACE = lazy_compile(r"\s*")


def after_tags(text: str, start: int) -> int:
    """Where the first visible character at or after ``start`` stands, past the tags (and the
    white space between them) that start there: ``start`` itself when no tag does."""
    while (tag := _TAG.match(text, start)) is not None and tag[1].lower() in HTML_ELEMENTS:
        start = _SPACE.match(text, tag.end()).end()
    return start


def without_tags(text: str) -> str:
    """``text`` with each HTML tag in it blanked out (same length: positions and columns stay
    right; a ``<br>`` is so white space): what terms and patterns read of a statement, so that
    no rule reads a tag's name or attributes ("header_2", "href") as the statement's words.
    A text without ``<`` (almost every one) is returned as it is after one test."""
    if "<" not in text:
        return text
    return _TAG.sub(_blank, text)


def _blank(tag: re.Match[str]) -> str:
    """A tag naming an HTML element as spaces; other tag-shaped text ("<Supplier name>") as it is."""
    return " " * len(tag.group()) if tag[1].lower() in HTML_ELEMENTS else tag.group()
