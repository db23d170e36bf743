"""The shipped patterns list a word before the shorter words it begins with, where a \\b follows.

A pattern with a \\b that a set cannot decide (plan ``check``: docs/rule-language.md, *Patterns*)
had each of its \\b checked on the match RE2 prefers at a start. RE2 prefers the first
alternative that lets the rest of the pattern match, so in ``(?:fee|fees)\\b[^.]*`` it takes
"fee" in "fees", the \\b after it fails, and the start is given up: "fees" is never matched.
Listing the longer word first (``(?:fees|fee)\\b``) lets RE2 prefer the alternative whose \\b
holds. (Since a search tries every alternative against its \\b, as Python's re does, the order
no longer changes a match: this test only keeps the shipped patterns as they were written.)
This test reads each shipped pattern with such a \\b and names every alternation where an
alternative is the start of a later one that goes on with a word character, just before a \\b.
"""

from __future__ import annotations

import re
from pathlib import Path
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parser  # type: ignore[attr-defined]
from typing import Any

import pytest

from checker.matching import compile_pattern
from checker.rulecompile import load_ruleset

RULESETS = sorted((Path(__file__).resolve().parent.parent / "rulesets").glob("*.krav"))
_MARK = 0xE000  # stands for a \b while the pattern is parsed


def _literal_prefix(items: list[Any]) -> tuple[str, bool]:
    """The literal text an alternative starts with (lower case), and whether that is all of it."""
    text = ""
    for op, av in items:
        if op is sre_constants.LITERAL and av != _MARK:
            text += chr(av).lower()
        elif op is sre_constants.SUBPATTERN:
            inner, whole = _literal_prefix(list(av[-1]))
            text += inner
            if not whole:
                return text, False
        else:
            return text, False
    return text, True


def _is_boundary(item: Any) -> bool:
    return item is not None and item[0] is sre_constants.LITERAL and item[1] == _MARK


def _shadowed(items: list[Any], after: Any = None) -> list[tuple[str, str]]:
    """(shorter, longer) for each alternation in ``items`` just before a \\b where a whole literal
    alternative is the start of a later alternative that goes on with a word character."""
    found: list[tuple[str, str]] = []
    for k, (op, av) in enumerate(items):
        following = items[k + 1] if k + 1 < len(items) else after
        if op is sre_constants.BRANCH:
            alternatives = [list(a) for a in av[1]]
            prefixes = [_literal_prefix(a) for a in alternatives]
            for i, (short, whole) in enumerate(prefixes):
                for long, _ in prefixes[i + 1 :]:
                    if whole and _is_boundary(following) and len(long) > len(short) and long.startswith(short) and re.match(r"\w", long[len(short)]):
                        found.append((short, long))
            for alternative in alternatives:
                found += _shadowed(alternative, following)
        elif op is sre_constants.SUBPATTERN:
            found += _shadowed(list(av[-1]), following)
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
            found += _shadowed(list(av[2]))
    return found


def shadowed_alternatives(source: str) -> list[tuple[str, str]]:
    """:func:`_shadowed` of a pattern's source."""
    marked = source.replace(r"\b", chr(_MARK)).replace(r"\B", "")
    marked = re.sub(r"\(\?-?[ic]+:", "(?:", marked)
    return _shadowed(list(sre_parser.parse(marked)))


def test_the_reading_names_a_shorter_word_before_its_longer_form() -> None:
    assert shadowed_alternatives(r"^(?:fee|fees)\b[^.]*")  # read as "fee" + ("" or "s"): the empty one first
    assert shadowed_alternatives(r"^(?:when|whenever|if)\b[^,]{2,60},") == [("when", "whenever")]
    assert shadowed_alternatives(r"^(?:fees|fee)\b[^.]*") == []
    assert shadowed_alternatives(r"^(?:customer|customer's)\b[^.]*") == []  # goes on with a non-word character
    # the harm this test guarded against is gone: a search tries "fees" after "fee" fails its \b
    # (checker/matching/junctions.py), as Python's re does, whatever the order
    assert compile_pattern(r"^5 % of the (?:fee|fees)\b[^.]*").search("5 % of the fees for May") == (0, 23)
    assert compile_pattern(r"^5 % of the (?:fees|fee)\b[^.]*").search("5 % of the fees for May") == (0, 23)


@pytest.mark.parametrize("path", RULESETS, ids=lambda path: path.stem)
def test_no_shipped_pattern_lists_a_shorter_word_first(path: Path) -> None:
    ruleset = load_ruleset(path)
    offenders = []
    for name, pattern in ruleset.patterns.items():
        if pattern.origin != ruleset.name or "check" not in compile_pattern(pattern.source, pattern.flags).plan:
            continue  # a pattern whose every \b a set decides is tried with every alternative
        offenders += [f"{name}: {short!r} before {long!r}" for short, long in shadowed_alternatives(pattern.source)]
    assert offenders == []
