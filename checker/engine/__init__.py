"""The checking engine: classify statements, evaluate rules, link requirements.

For each document, every term list and pattern of the rulesets checked together, matched once on
each statement (the patterns by RE2's filtered matching, the lists by one Aho–Corasick automaton), gives every
atom's set of statements (:mod:`.matches`);
conditions are then set algebra (:mod:`.classify`: ``and`` = ∩, ``or`` = ∪, ``not`` =
complement). Each rule kind finds its findings (:mod:`checker.rulekinds`, made into
:class:`~checker.report.Finding` s by :mod:`.findings`). Links between requirements and
follow-up or sanction statements come from indexes (:mod:`.index`, :mod:`.links`: ids
mentioned, sections, tables, topics), never from comparing all pairs of statements;
:mod:`.trace` makes the traceability matrix. The :class:`Linter` (:mod:`.linter`) owns the
compiled rulesets and matchers; :mod:`.api` holds the one-call functions.
"""

from __future__ import annotations

from .api import check, check_document, check_each
from .classify import Classification
from .findings import evaluate_rule
from .index import DocumentIndex
from .links import Linked, iter_links, link_methods, links_of, unlinked
from .linter import DocumentResult, Linter, RulesetGroup, check_suppressions, default_rulesets, tool_info
from .matches import EMPTY, DocumentMatches, SharedMatcher, build_shared
from .trace import trace, unlinked_notes

__all__ = [
    "EMPTY",
    "Classification",
    "DocumentIndex",
    "DocumentMatches",
    "DocumentResult",
    "Linked",
    "Linter",
    "RulesetGroup",
    "SharedMatcher",
    "build_shared",
    "check",
    "check_document",
    "check_each",
    "check_suppressions",
    "default_rulesets",
    "evaluate_rule",
    "iter_links",
    "link_methods",
    "links_of",
    "tool_info",
    "trace",
    "unlinked",
    "unlinked_notes",
]
