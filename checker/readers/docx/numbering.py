"""Automatic numbering from numbering.xml: levels, start values, formats, level text,
overrides and the counters of each list, as the labels Word shows."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from lxml import etree

from ...errors import InputError
from .ooxml import W_ILVL, W_NS, int_attribute, is_on, value_of
from .styles import Styles

_MAX_LETTER_COUNTER = 26 * 10  # "a" … "jjjjjjjjjj"; larger counters print as numbers
MAX_LEVEL_TEXT = 256
"""Longest list level text (``w:lvlText``, such as ``"%1.%2."``) read; Word writes a few characters."""


@dataclass(frozen=True)
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    legal: bool = False
    restarts: bool = True
    style: str | None = None


@dataclass(frozen=True)
class Label:
    """A computed list label: ``"4.2."``, ``"K4.1"``, ``"a)"``, or a bullet."""

    text: str
    bullet: bool
    level: int

    @property
    def number(self) -> str:
        """The label as a heading number or id: ``"4.2."`` → ``"4.2"``, ``"(a)"`` → ``"a"``."""
        return self.text.strip().strip("()[]").rstrip(".):").strip()


class Numbering:
    """Word's list numbering: computes each numbered paragraph's label in document order."""

    def __init__(self, root: etree._Element | None, styles: Styles, path: str) -> None:
        """Raises :class:`InputError` for a level text longer than :data:`MAX_LEVEL_TEXT`: it is
        expanded for every paragraph of its list, so its length multiplies the reading time."""
        self._levels: dict[str, dict[int, _Level]] = {}
        self._counters: dict[str, dict[int, int]] = {}
        if root is None:
            return
        abstracts: dict[str, etree._Element] = {a.get(W_NS + "abstractNumId", ""): a for a in root.iterchildren(W_NS + "abstractNum")}
        nums: dict[str, etree._Element] = {n.get(W_NS + "numId", ""): n for n in root.iterchildren(W_NS + "num")}
        for num_id, num in nums.items():
            abstract = abstracts.get(value_of(num.find(W_NS + "abstractNumId")) or "")
            link = value_of(abstract.find(W_NS + "numStyleLink")) if abstract is not None else None
            if link is not None and (linked := nums.get(styles.numbering_of(link) or "")) is not None:
                abstract = abstracts.get(value_of(linked.find(W_NS + "abstractNumId")) or "", abstract)
            levels = dict(map(_parse_level, abstract.iterchildren(W_NS + "lvl"))) if abstract is not None else {}
            for override in num.iterchildren(W_NS + "lvlOverride"):
                level = int_attribute(override, W_ILVL)
                if level is None:
                    continue
                if (replacement := override.find(W_NS + "lvl")) is not None:
                    levels[level] = _parse_level(replacement)[1]
                if (start := int_attribute(override.find(W_NS + "startOverride"))) is not None:
                    levels[level] = replace(levels.get(level, _Level()), start=start)
            self._levels[num_id] = levels
            if (longest := max((len(level.text) for level in levels.values()), default=0)) > MAX_LEVEL_TEXT:
                raise InputError(
                    path,
                    f"has a list numbering format of {longest:,} characters in its numbering part "
                    f"(the limit is {MAX_LEVEL_TEXT}); refused as a possible denial of service",
                )

    def level_of_style(self, num_id: str, style_id: str | None) -> int:
        """The list level a numbered style stands at (the level that names it), else 0."""
        for number, level in self._levels.get(num_id, {}).items():
            if style_id is not None and level.style == style_id:
                return number
        return 0

    def next_label(self, num_id: str, level_number: int) -> Label | None:
        """Count one paragraph at ``level_number`` of list ``num_id``; its label, or None."""
        levels = self._levels.get(num_id)
        level = levels.get(level_number) if levels else None
        if level is None:
            return None
        counters = self._counters.setdefault(num_id, {})
        counters[level_number] = counters[level_number] + 1 if level_number in counters else level.start
        for deeper in [n for n in counters if n > level_number]:
            if deeper not in levels or levels[deeper].restarts:
                del counters[deeper]
        if level.fmt == "bullet":
            return Label(level.text or "•", bullet=True, level=level_number)
        if level.fmt == "none":
            return None

        def shown(match: re.Match[str]) -> str:
            number = int(match.group(1)) - 1
            other = levels.get(number, _Level())
            return _format_number(counters.get(number, other.start), "decimal" if level.legal else other.fmt)

        text = re.sub(r"%([1-9])", shown, level.text).strip()
        return Label(text, bullet=False, level=level_number) if text else None


def _parse_level(element: etree._Element) -> tuple[int, _Level]:
    restart = int_attribute(element.find(W_NS + "lvlRestart"))
    start = int_attribute(element.find(W_NS + "start"))
    return int_attribute(element, W_ILVL) or 0, _Level(
        start=start if start is not None else 1,
        fmt=value_of(element.find(W_NS + "numFmt")) or "decimal",
        text=value_of(element.find(W_NS + "lvlText")) or "",
        legal=(is_legal := element.find(W_NS + "isLgl")) is not None and is_on(is_legal),
        restarts=restart != 0,
        style=value_of(element.find(W_NS + "pStyle")),
    )


_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def _format_number(value: int, fmt: str) -> str:
    """A counter in a Word number format (decimal, decimalZero, lower/upperLetter, lower/upperRoman)."""
    if 0 < value <= _MAX_LETTER_COUNTER and fmt in ("lowerLetter", "upperLetter"):
        letters = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letters if fmt == "lowerLetter" else letters.upper()
    if 0 < value < 4000 and fmt in ("lowerRoman", "upperRoman"):
        roman = ""
        for amount, numeral in _ROMAN:
            while value >= amount:
                roman, value = roman + numeral, value - amount
        return roman if fmt == "lowerRoman" else roman.upper()
    if fmt == "decimalZero" and 0 <= value < 10:
        return f"0{value}"
    return str(value)
