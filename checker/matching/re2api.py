"""The one place that calls google-re2 past its documented interface.

google-re2's Python wrapper checks its arguments and builds a ``Match`` object on every call;
kravkoll runs a search per candidate match and a filter per statement, so it calls the wrapped
C++ objects (``_regexp.Match``, ``_filter.Match``) directly where they exist, and the documented calls
where they do not (another version of the wrapper): the answers are the same.
"""

from __future__ import annotations

from typing import Callable, Iterable, Sequence

import re2

error = re2.error

OPTIONS = re2.Options()
OPTIONS.log_errors = False
# RE2's default budget (8 MB) is too small for the DFA of a ruleset's patterns as one set: it
# falls back to slower matching (8x slower on the shipped English rulesets). Memory is only
# taken as the DFA needs it.
OPTIONS.max_mem = 64 << 20


_NO_CAPTURE = re2.Options()
for _name in re2.Options.NAMES:
    setattr(_NO_CAPTURE, _name, getattr(OPTIONS, _name))
_NO_CAPTURE.never_capture = True


def compile_regex(regex: str, capture: bool = True) -> object:
    """``regex`` compiled by RE2 with :data:`OPTIONS`; raise :data:`error` if RE2 cannot.
    ``capture=False``: its groups capture nothing (a search that wants only the whole match's
    span then needs no submatch engine)."""
    return re2.compile(regex, OPTIONS if capture else _NO_CAPTURE)


_UNANCHORED = getattr(getattr(re2, "_Anchor", None), "UNANCHORED", None)


def search(compiled: object, data: bytes, pos: int) -> Sequence[tuple[int, int]] | None:
    """The spans of the whole first match at or after ``pos`` and of each group, or None."""
    regexp = getattr(compiled, "_regexp", None)
    if regexp is not None and _UNANCHORED is not None:  # google-re2's own call, without its Match object
        spans = regexp.Match(_UNANCHORED, data, pos, len(data))
        return None if spans[0][0] < 0 else spans
    match = compiled.search(data, pos)
    return None if match is None else [match.span(group) for group in range(match.re.groups + 1)]


def first_match(compiled: object) -> Callable[[bytes, int], tuple[int, int] | None]:
    """The function that finds the span of the whole first match of ``compiled`` at or after
    a position of a text (bytes), or None: :func:`search` for a caller that searches one
    expression again and again and wants no group's span (google-re2's own call looked up
    once, not on each search)."""
    regexp = getattr(compiled, "_regexp", None)
    if regexp is not None and _UNANCHORED is not None:
        match, unanchored = regexp.Match, _UNANCHORED

        def first(data: bytes, pos: int) -> tuple[int, int] | None:
            span = match(unanchored, data, pos, len(data))[0]
            return None if span[0] < 0 else span

        return first
    return lambda data, pos: None if (found := compiled.search(data, pos)) is None else found.span()


def compiled_set(regexes: Iterable[str]) -> object:
    """An RE2 set that searches for each of ``regexes`` (its ``Match(data)`` gives the numbers of those found)."""
    pattern_set = re2.Set.SearchSet(OPTIONS)
    for regex in regexes:
        pattern_set.Add(regex)
    pattern_set.Compile()
    return pattern_set


def filter_matcher(regexes: Iterable[str]) -> Callable[[bytes], Sequence[int]]:
    """The function that tells which of ``regexes`` a text (bytes) holds, by RE2's filtered
    matching (``FilteredRE2``): the regexes' literal atoms ("shall", "within") are looked for
    first, by one set of literals, and only the regexes whose atoms the text holds (and those
    without atoms) are run. Its answers are exactly the regexes that match; it calls google-re2's
    own ``Filter.Match`` without the wrapper's checks (it runs once per statement)."""
    pattern_filter = re2.Filter()
    for regex in regexes:
        pattern_filter.Add(regex, OPTIONS)
    pattern_filter.Compile()
    wrapped = getattr(pattern_filter, "_filter", None)
    if wrapped is not None and hasattr(wrapped, "Match"):
        match = wrapped.Match
        return lambda data: match(data, False)
    return lambda data: pattern_filter.Match(data) or ()


def set_matcher(pattern_set: object) -> Callable[[bytes], Sequence[int] | None]:
    """The function that runs a :func:`compiled_set` on bytes: google-re2's own ``Set.Match``,
    without its wrapper's checks (it runs once per statement)."""
    return getattr(getattr(pattern_set, "_set", None), "Match", None) or pattern_set.Match
