"""Where a pattern's ``\\b`` and ``\\B`` stand, so that the set decides most of them itself;
and the words a pattern needs (:func:`needed_words`), so that a short text is not searched for
patterns it cannot hold.

The one module that reads CPython's private regex parser (``re._parser``; ``sre_parse`` before
Python 3.11). Where it cannot be imported, or reads a pattern in a way this module does not
know (a future Python), every ``\\b`` and ``\\B`` gets the plan ``check``: a search confirms
each match the set reports, which is always right and only slower.
"""

from __future__ import annotations

import re
import warnings
from types import ModuleType
from typing import Any, Iterable, Iterator

from .rewrite import WordClasses, rewrite
from .text import is_word_char


def _load_parser() -> ModuleType | None:
    """CPython's regex parser, or None where neither of its names can be imported."""
    try:
        from re import _parser  # noqa: PLC0415 - Python 3.11+
    except ImportError:  # pragma: no cover - Python 3.10, or a Python without it
        try:
            import sre_parse as _parser  # noqa: PLC0415
        except ImportError:
            return None
    return _parser


_sre = _load_parser()

# Syntax RE2 and Python's parser read differently (or Python not at all): such patterns keep a
# search per candidate match.
_RE2_ONLY = ("[:", "{,", "\\Q", "\\p", "\\P", "\\x", "\\C", "\\z", "(?U")
_MARKER_BASE = 0xF0000  # Supplementary Private Use Area-A: stands for \b and \B while a pattern is analysed
_PYTHON_WORDS = WordClasses(word=r"\w", nonword=r"\W", inside=r"\w")
_W, _N, _X = 1, 2, 3  # the characters a place can hold: word, non-word, either (0: none)


class _Unsupported(Exception):
    pass


def _repeat_ops(sre: ModuleType) -> tuple[tuple[object, ...], object]:
    """The parser's repeat operators (possessive ones since Python 3.11) and its atomic group
    (an object that matches nothing where the parser has none)."""
    return (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT)), getattr(sre, "ATOMIC_GROUP", object())


def _parsed(sre: ModuleType, analysed: str) -> list:
    """Python's parse of a pattern, without the FutureWarning it gives for what RE2 reads as
    plain class members ("[a&&b]", "[--x]", "[[a]"): printed on a check's error output (or
    raised, where warnings are errors) it spoke of no problem of the rule file."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        return list(sre.parse(analysed))


_PLAN_STEPS = frozenset(("hold", "start", "end", "check"))
_KNOWN_PLANS: dict[str, list[str]] = {}
"""Plans read from the cache of compiled rulesets (:func:`remember_plans`), by pattern source."""
_MAX_KNOWN_PLANS = 100_000


def known_plan(source: str, count: int) -> list[str] | None:
    """The plan :func:`remember_plans` was given for this pattern source, if it has ``count`` steps."""
    known = _KNOWN_PLANS.get(source)
    return known if known is not None and len(known) == count else None


def boundary_plans(sources: Iterable[str]) -> dict[str, list[str]]:
    """The :func:`boundary_plan` of each pattern source (for the cache of compiled rulesets:
    the analysis costs about 3 ms a pattern, a third of what building a matcher takes)."""
    return {source: boundary_plan(source) for source in dict.fromkeys(sources)}


def remember_plans(plans: object) -> None:
    """Use these plans (:func:`boundary_plans`, read back from the cache) instead of analysing
    the patterns again; anything that is not a plan is left out, and a plan whose length is not
    the pattern's number of \\b and \\B is not used (:attr:`CompiledPattern.plan`)."""
    if not isinstance(plans, dict) or len(_KNOWN_PLANS) + len(plans) > _MAX_KNOWN_PLANS:
        return
    for source, plan in plans.items():
        if isinstance(source, str) and isinstance(plan, list) and all(isinstance(step, str) and step in _PLAN_STEPS for step in plan):
            _KNOWN_PLANS[source] = plan


def boundary_plan(source: str) -> list[str]:
    """For each \\b and \\B of a pattern, how a set of patterns can decide it without a search:
    ``hold`` (it always holds: a non-word character is certain on one side, or for \\B word
    characters on both), ``start`` / ``end`` (it stands at the start / end of every match, next
    to a word character: the set reads one more character, the one before / after the match),
    or ``check`` (a search confirms each match the set reports)."""
    analysed, boundaries = rewrite(source, _PYTHON_WORDS, lambda number, _: chr(_MARKER_BASE + number))
    plan = ["check"] * len(boundaries)
    if not boundaries or _sre is None or any(token in source for token in _RE2_ONLY) or any(ord(ch) >= _MARKER_BASE for ch in source):
        return plan
    try:
        _Analysis(boundaries, plan, _sre).visit(_parsed(_sre, analysed), (0, True), (0, True))
    except (_Unsupported, re.error, RecursionError, ValueError, OverflowError, TypeError, AttributeError):  # AttributeError: a parser that changed
        return ["check"] * len(boundaries)
    return plan


class _Analysis:
    """Walks Python's parse of a pattern knowing, at each place, what can stand before and after it:
    a context is (characters the pattern can put there, whether it can be the edge of the match)."""

    def __init__(self, boundaries: list[bool], plan: list[str], sre: ModuleType) -> None:
        self.boundaries = boundaries
        self.plan = plan
        self.sre = sre
        self.repeats, self.atomic = _repeat_ops(sre)
        self.category_kinds = {sre.CATEGORY_DIGIT: _W, sre.CATEGORY_WORD: _W, sre.CATEGORY_SPACE: _N, sre.CATEGORY_NOT_WORD: _N}

    def visit(self, items: list, left: tuple[int, bool], right: tuple[int, bool], edges_read: frozenset[str] = frozenset()) -> frozenset[str]:
        """Decide the plan of each boundary in ``items``; ``edges_read``: the edges of the match
        ("start", "end") whose neighbouring character a boundary before them already reads.
        Returns the edges read after them.

        The set reads one character for each ``start`` or ``end``: two boundaries at the same
        edge of a match ("\\b\\b", "\\b(?:\\ba)") would make it read two, so the second one
        is confirmed by a search instead."""
        shapes = [self.shape(op, av) for op, av in items]
        lefts = [left]
        for _first, last, nullable in shapes[:-1]:
            kind, edge = lefts[-1]
            lefts.append((last | kind, edge) if nullable else (last, False))
        rights = [right]
        for first, _last, nullable in reversed(shapes[1:]):
            kind, edge = rights[-1]
            rights.append((first | kind, edge) if nullable else (first, False))
        rights.reverse()
        for (op, av), _shape, before, after in zip(items, shapes, lefts, rights):
            marker = self.marker(op, av)
            if marker is not None:
                decided = _decide(before, after, self.boundaries[marker])
                if decided in ("start", "end"):
                    decided, edges_read = ("check" if decided in edges_read else decided), edges_read | {decided}
                self.plan[marker] = decided
            elif op is self.sre.BRANCH:
                edges_read = frozenset().union(*[self.visit(list(branch), before, after, edges_read) for branch in av[1]])
            elif op is self.sre.SUBPATTERN:
                edges_read = self.visit(list(av[-1]), before, after, edges_read)
            elif op in self.repeats:
                low, high, body = av
                inner_first, inner_last, _ = self.sequence(list(body))
                if high > 1:  # one repetition stands next to another
                    before, after = (before[0] | inner_last, before[1]), (after[0] | inner_first, after[1])
                edges_read = self.visit(list(body), before, after, edges_read)
            elif op is self.atomic:
                edges_read = self.visit(list(av), before, after, edges_read)
        return edges_read

    def marker(self, op: object, av: object) -> int | None:
        if op is self.sre.LITERAL and _MARKER_BASE <= av < _MARKER_BASE + len(self.boundaries):
            return av - _MARKER_BASE
        return None

    def sequence(self, items: list) -> tuple[int, int, bool]:
        """(first characters, last characters, can be empty) of a sequence."""
        shapes = [self.shape(op, av) for op, av in items]
        first = last = 0
        for shape in shapes:
            first |= shape[0]
            if not shape[2]:
                break
        for shape in reversed(shapes):
            last |= shape[1]
            if not shape[2]:
                break
        return first, last, all(shape[2] for shape in shapes)

    def shape(self, op: object, av: object) -> tuple[int, int, bool]:
        """(first characters, last characters, can be empty) of one parsed item."""
        if self.marker(op, av) is not None:
            return 0, 0, True
        if op is self.sre.LITERAL:
            kind = _W if is_word_char(chr(av)) else _N
            return kind, kind, False
        if op in (self.sre.NOT_LITERAL, self.sre.ANY):
            return _X, _X, False
        if op is self.sre.IN:
            kind = self.class_kind(av)
            return kind, kind, False
        if op is self.sre.BRANCH:
            shapes = [self.sequence(list(branch)) for branch in av[1]]
            first = last = 0
            for shape in shapes:
                first, last = first | shape[0], last | shape[1]
            return first, last, any(shape[2] for shape in shapes)
        if op is self.sre.SUBPATTERN:
            return self.sequence(list(av[-1]))
        if op is self.atomic:
            return self.sequence(list(av))
        if op in self.repeats:
            first, last, nullable = self.sequence(list(av[2]))
            return first, last, nullable or av[0] == 0
        if op is self.sre.AT:
            if av in (self.sre.AT_BEGINNING, self.sre.AT_BEGINNING_STRING):
                return 0, _N, False  # nothing before it: for \b, as good as a non-word character
            if av in (self.sre.AT_END, self.sre.AT_END_STRING):
                return _N, 0, False
            return 0, 0, True
        raise _Unsupported(str(op))

    def class_kind(self, items: list) -> int:
        kind = 0
        for op, av in items:
            if op is self.sre.NEGATE:
                return _X
            if op is self.sre.LITERAL:
                if self.marker(op, av) is not None:
                    return _X
                kind |= _W if is_word_char(chr(av)) else _N
            elif op is self.sre.RANGE:
                low, high = av
                if high - low > 4096:
                    return _X
                for code in range(low, high + 1):
                    kind |= _W if is_word_char(chr(code)) else _N
                    if kind == _X:
                        return _X
            elif op is self.sre.CATEGORY:
                kind |= self.category_kinds.get(av, _X)
            else:
                return _X
        return kind


def _decide(before: tuple[int, bool], after: tuple[int, bool], is_boundary: bool) -> str:
    (left, left_edge), (right, right_edge) = before, after
    if not is_boundary:
        return "hold" if left == _W and right == _W and not left_edge and not right_edge else "check"
    if (left == _N and not left_edge) or (right == _N and not right_edge):
        return "hold"
    if left == 0 and left_edge and right == _W and not right_edge:
        return "start"
    if right == 0 and right_edge and left == _W and not left_edge:
        return "end"
    return "check"


# ---- the words a pattern needs ----------------------------------------------------------------

_MIN_WORD = 3
"""Shortest needed word worth looking for: shorter ones are in nearly every text."""
_KNOWN_WORDS: dict[str, tuple[str, ...] | None] = {}
"""Needed words read from the cache of compiled rulesets (:func:`remember_words`), by pattern source."""


def needed_words(source: str) -> tuple[str, ...] | None:
    """Words one of which, in lower case, every match of the pattern holds ("invoice",
    "within 30"), or None when the pattern needs none that :func:`texts_holding` can look for.

    A necessary condition, never more: a run of ASCII letters, digits, spaces and punctuation the
    pattern writes literally (in lower case, as case-insensitive matching sees them), the best of
    those a sequence must match, and for alternatives the words of each (None when one has none).
    A pattern Python's parser reads otherwise than RE2, or does not read, needs none."""
    if _sre is None or any(token in source for token in _RE2_ONLY):
        return None
    try:
        analysed, _ = rewrite(source, _PYTHON_WORDS, lambda number, _: "(?:)")
        return _Words(_sre).sequence(_parsed(_sre, analysed))
    except (_Unsupported, re.error, RecursionError, ValueError, OverflowError, TypeError, AttributeError):
        return None


def pattern_words(sources: Iterable[str]) -> dict[str, list[str] | None]:
    """The :func:`needed_words` of each pattern source, for the cache of compiled rulesets."""
    return {source: None if words is None else list(words) for source in dict.fromkeys(sources) for words in [needed_words(source)]}


def remember_words(words: object) -> None:
    """Use these needed words (:func:`pattern_words`, read back from the cache) for the patterns
    :func:`known_words` is asked about; anything that is not a list of words is left out."""
    if not isinstance(words, dict) or len(_KNOWN_WORDS) + len(words) > _MAX_KNOWN_PLANS:
        return
    for source, needed in words.items():
        if isinstance(source, str) and (needed is None or (isinstance(needed, list) and needed and all(isinstance(word, str) and word for word in needed))):
            _KNOWN_WORDS[source] = None if needed is None else tuple(needed)


def known_words(source: str) -> tuple[str, ...] | None:
    """The needed words :func:`remember_words` was given for this source; None when it was
    given none or not asked about it (then the pattern is looked for in every text)."""
    return _KNOWN_WORDS.get(source)


def needs_no_words(source: str) -> bool:
    """Whether :func:`remember_words` was told that this source needs no word (:func:`needed_words`
    found none): False when it needs some or was not asked about (no cache read)."""
    return source in _KNOWN_WORDS and _KNOWN_WORDS[source] is None


_ALSO_KNOWN: dict[str, tuple[tuple[str, ...], ...]] = {}
"""Further needed words read from the cache of compiled rulesets (:func:`remember_also_needed`), by pattern source."""


def also_needed(source: str) -> tuple[tuple[str, ...], ...]:
    """Beside :func:`needed_words`, more that every match of the pattern holds: groups of words
    or signs, one of each group in every match (lower case, as :func:`texts_holding` looks for
    them). :func:`needed_words` keeps one group, the best of the pattern's; a pattern needs all
    of a sequence's parts ("shall be deducted" needs "shall" and "deducted" where its words are
    joined by ``\\s+``), and a sign that is no letter, digit or space ("?", "|", "%", "“") is
    rare enough to look for. Only for the filter of the first short texts
    (:meth:`~checker.matching.sets.StatementMatcher._first_filter`): of the 121 English patterns
    whose needed words one page holds, these leave out 23 (14 match). Empty when there is nothing
    more, or the pattern is read as :func:`needed_words` does not read it."""
    if _sre is None or any(token in source for token in _RE2_ONLY):
        return ()
    try:
        analysed, _ = rewrite(source, _PYTHON_WORDS, lambda number, _: "(?:)")
        groups = _Words(_sre).all_of(_parsed(_sre, analysed))
    except (_Unsupported, re.error, RecursionError, ValueError, OverflowError, TypeError, AttributeError):
        return ()
    best = needed_words(source)
    return tuple(group for group in dict.fromkeys(groups) if group != best)


def pattern_also_needed(sources: Iterable[str]) -> dict[str, list[list[str]]]:
    """The :func:`also_needed` of each pattern source that has any, for the cache of compiled rulesets."""
    return {source: [list(group) for group in groups] for source in dict.fromkeys(sources) for groups in [also_needed(source)] if groups}


def remember_also_needed(groups: object) -> None:
    """Use these (:func:`pattern_also_needed`, read back from the cache) for the patterns
    :func:`known_also_needed` is asked about; anything that is not a list of groups of words is left out."""
    if not isinstance(groups, dict) or len(_ALSO_KNOWN) + len(groups) > _MAX_KNOWN_PLANS:
        return
    for source, needed in groups.items():
        if (
            isinstance(source, str)
            and isinstance(needed, list)
            and all(isinstance(group, list) and group and all(isinstance(word, str) and word for word in group) for group in needed)
        ):
            _ALSO_KNOWN[source] = tuple(tuple(group) for group in needed)


def known_also_needed(source: str) -> tuple[tuple[str, ...], ...]:
    """What :func:`remember_also_needed` was given for this source (empty: nothing, or not asked about)."""
    return _ALSO_KNOWN.get(source, ())


def texts_holding(texts: Iterable[str]) -> str:
    """What :func:`needed_words` are looked for in: the texts in lower case, one string, with
    the one character outside ASCII that case-insensitive matching takes for an ASCII letter
    ("ſ" for s; the Kelvin sign is "k" in lower case already)."""
    return "\x00".join(texts).lower().replace("ſ", "s")


class _Words:
    """Walks Python's parse of a pattern for the words each part needs (:func:`needed_words`)."""

    def __init__(self, sre: ModuleType) -> None:
        self.sre = sre
        self.repeats, self.atomic = _repeat_ops(sre)

    def _runs(self, items: list) -> Iterator[tuple[str, object, Any]]:
        """The sequence as (run of printable ASCII literal text before the item, lower-cased; the
        item's op and argument), and last (the run at its end, None, None)."""
        run: list[str] = []
        for op, av in items:
            if op is self.sre.LITERAL and av < 0x80 and chr(av).isprintable():
                run.append(chr(av).lower())
                continue
            yield "".join(run), op, av
            run = []
        yield "".join(run), None, None

    def sequence(self, items: list) -> tuple[str, ...] | None:
        """The best words one of which a match of the whole sequence holds."""
        best: tuple[str, ...] | None = None
        for run, op, av in self._runs(items):
            if len(run) >= _MIN_WORD:
                best = _better(best, (run,))
            if op is not None:
                best = _better(best, self.item(op, av))
        return best

    def all_of(self, items: list) -> list[tuple[str, ...]]:
        """Groups of words or signs of which a match of the whole sequence holds one each
        (:func:`also_needed`): each run of literal text (a word of at least :data:`_MIN_WORD`
        characters, else each sign in it), each literal sign and each class of literal signs, the
        groups of each part the sequence must match, and of alternatives the best group of each."""
        groups: list[tuple[str, ...]] = []
        for run, op, av in self._runs(items):
            if len(run) >= _MIN_WORD:
                groups.append((run,))
            else:
                groups.extend((sign,) for sign in run if _is_sign(sign))
            if op is None:
                continue
            if op is self.sre.LITERAL:
                if _is_sign(chr(av)):
                    groups.append((chr(av),))
            elif op is self.sre.IN:
                if av and all(member is self.sre.LITERAL and _is_sign(chr(code)) for member, code in av):
                    groups.append(tuple(dict.fromkeys(chr(code) for _member, code in av)))
            elif op is self.sre.SUBPATTERN:
                groups.extend(self.all_of(list(av[-1])))
            elif op is self.atomic:
                groups.extend(self.all_of(list(av)))
            elif op in self.repeats:
                if av[0] >= 1:
                    groups.extend(self.all_of(list(av[2])))
            elif op is self.sre.BRANCH:
                branches = [self.all_of(list(branch)) for branch in av[1]]
                if all(branches):
                    best = [max(branch, key=lambda group: min(map(len, group))) for branch in branches]
                    groups.append(tuple(dict.fromkeys(word for group in best for word in group)))
        return groups

    def item(self, op: object, av: Any) -> tuple[str, ...] | None:
        if op is self.sre.SUBPATTERN:
            return self.sequence(list(av[-1]))
        if op is self.atomic:
            return self.sequence(list(av))
        if op in self.repeats:
            return self.sequence(list(av[2])) if av[0] >= 1 else None
        if op is self.sre.BRANCH:
            branches = [self.sequence(list(branch)) for branch in av[1]]
            if any(words is None for words in branches):
                return None
            return tuple(dict.fromkeys(word for words in branches if words for word in words))
        return None


def _is_sign(character: str) -> bool:
    """A character that is no letter, digit or white space and has no other case (so that a
    case-insensitive match holds it as it is)."""
    return not (character.isalnum() or character.isspace()) and character.lower() == character == character.upper()


def _better(known: tuple[str, ...] | None, other: tuple[str, ...] | None) -> tuple[str, ...] | None:
    """Of two sets of needed words, the one whose shortest word is longer (fewer texts hold it)."""
    if other is None or not other:
        return known
    if known is None:
        return other
    return other if min(map(len, other)) > min(map(len, known)) else known
