"""Limits and hints that the rule parser and the rule compiler share, apart from the parser
so that loading rulesets from the cache (:mod:`checker.rulecache`) never imports Lark."""

from __future__ import annotations

MAX_CONDITION_DEPTH = 100
"""Deepest nesting of a condition; deeper ones are refused before parsing (the parse tree is
walked recursively, so a file of thousands of '(' or 'not' would exhaust Python's stack)."""

MAX_DIAGNOSTICS = 100
"""Errors reported per file; after these, a file is not read further (nobody reads a thousand
errors, and each costs a parse or a search for "did you mean")."""
TOO_MANY_ERRORS = f"too many errors: stopped after {MAX_DIAGNOSTICS}; fix these and run again"


MAX_HINT_CANDIDATES = 300
"""Most names compared with a mistyped one (difflib compares pairs slowly)."""


def did_you_mean(word: str, candidates: list[str]) -> str:
    """``"; did you mean 'x'?"`` for the closest candidate, or an empty string. Among many
    candidates, only some of about the word's length (and then with its first letter) are compared."""
    if len(candidates) > MAX_HINT_CANDIDATES:
        size = len(word)
        candidates = [c for c in candidates if abs(len(c) - size) <= 2]
        if len(candidates) > MAX_HINT_CANDIDATES:
            initial = word[:1]
            candidates = [c for c in candidates if c[:1] == initial][:MAX_HINT_CANDIDATES]
    import difflib  # noqa: PLC0415 - loaded for a mistyped name only

    close = difflib.get_close_matches(word.lower(), sorted(set(candidates)), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""
