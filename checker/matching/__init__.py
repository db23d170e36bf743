"""Finding terms and patterns in statement text.

One module per job: :mod:`.text` (text as terms and patterns see it), :mod:`.terms` (terms and
their Aho–Corasick automaton), :mod:`.rewrite` (patterns rewritten for RE2), :mod:`.boundaries`
(where a pattern's ``\\b`` stands: the one module that reads CPython's private ``re._parser``),
:mod:`.patterns` (compiled patterns and their first match), :mod:`.rejoin` (words a PDF
conversion split before å, ä and ö, joined for matching), :mod:`.folding` (text read with word
classes of a few ranges instead of Unicode tables), :mod:`.sets` (every list and
pattern of a run, once per statement: the patterns by RE2's filtered matching, the lists by one
automaton) and :mod:`.re2api` (the one module that calls google-re2 past its documented
interface). The names below are what the rest of kravkoll uses.
"""

from __future__ import annotations

from .boundaries import boundary_plan, boundary_plans, pattern_also_needed, pattern_words, remember_also_needed, remember_plans, remember_words
from .patterns import CompiledPattern, compile_pattern, remember_valid
from .rejoin import rejoined, source_span
from .rewrite import PatternSyntaxError
from .sets import LONE_SYMBOLS, StatementMatcher
from .terms import Term, TermMatcher, TermSyntaxError, parse_term
from .text import is_word_char, plain_text, without_addresses, word_count

__all__ = [
    "LONE_SYMBOLS",
    "CompiledPattern",
    "PatternSyntaxError",
    "StatementMatcher",
    "Term",
    "TermMatcher",
    "TermSyntaxError",
    "boundary_plan",
    "boundary_plans",
    "compile_pattern",
    "is_word_char",
    "parse_term",
    "pattern_also_needed",
    "pattern_words",
    "plain_text",
    "rejoined",
    "remember_also_needed",
    "remember_plans",
    "remember_valid",
    "remember_words",
    "source_span",
    "without_addresses",
    "word_count",
]
