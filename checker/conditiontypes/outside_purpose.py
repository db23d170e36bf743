"""``outside purpose "a", "b"`` and ``outside purpose NAME``: a term of the list stands in the
statement before its purpose clause — before the first word of the reading's ``purpose_opener``
list ("so that", "in order to"), or anywhere in a statement that has none.

A purpose clause says why something is asked, not what is asked: "As an Applicant, I want to
submit my application via a web form so that the submission process is quicker" asks for a web
form; "quicker" is the aim, and no buyer would test it. A vague word there is no vague level
(labelling.md judges the requirement, not its aim). The purpose clause is taken to run from its
opener to the end of the statement, so the condition holds where the first term of the list
stands before the first opener; a ruleset without a ``purpose_opener`` list reads every
statement as having no purpose clause. ``{match}`` is that first term.

A purpose clause that opens the statement ("To enable easy identification of the files, vendors
shall use …", "In order to keep records accurate, the Contractor shall …") ends at its first
comma: what follows is the main clause, read again the same way (a term there before its own
opener holds). Without a comma the whole statement is the purpose clause.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Literal

from ..lazyre import lazy_compile
from ..modelbase import Field, FrozenModel, Pos, empty_list
from .base import ConditionType, Extent, Syntax, names_terms_list

if TYPE_CHECKING:
    from ..engine.classify import Classification
    from ..rulecompile.compiler import Compiler
    from ..rulemodel import RuleFile, Ruleset


class OutsidePurpose(FrozenModel):
    """Holds when a term of the list stands before the statement's purpose clause."""

    kind: Literal["outside_purpose"] = "outside_purpose"
    list: str
    """The terms list named (``outside purpose NAME``); empty for terms written inline."""
    terms: list[str] = Field(default_factory=empty_list)
    """The terms written inline."""
    forms: str = ""
    """The compiled list the engine matches: the named list itself, or the inline terms under a name of their own."""
    pos: Pos | None = Field(default=None, exclude=True)


def _parse_terms(meta: Any, *strings: Any) -> OutsidePurpose:
    return OutsidePurpose(list="", terms=[str(s) for s in strings], pos=Pos.of(strings[0]))


def _parse_list(meta: Any, name: Any) -> OutsidePurpose:
    return OutsidePurpose(list=str(name), pos=Pos.of(name))


# What may stand before a purpose clause that opens the statement: markup, punctuation and a
# list item's number or letter ("1.", "b)"). No two runs of non-word characters side by side:
# each split of a long run between them was tried when the match failed (quadratic).
_BEFORE_FRONTED = lazy_compile(r"\W*(?:(?:\d+(?:\.\d+)*|[a-z]|[ivx]+)[.)]\W*)?", re.IGNORECASE)


def _first_outside(c: Classification, term_key: str, opener_key: str, i: int) -> tuple[int, int] | None:
    """The first term of statement ``i`` that stands outside its purpose clause: before the
    first opener, or, when that opener opens the statement, after the comma that ends its
    clause and before the next opener. None when no term stands there. (One clause that opens
    the statement, so a statement is searched at most twice more.)"""
    term, opener = c.matches.span(term_key, i), c.matches.span(opener_key, i)
    if term is None or opener is None or term[0] < opener[0]:
        return term
    text = c.matches.texts[i]
    comma = text.find(",", opener[1])
    if comma < 0 or not _BEFORE_FRONTED.fullmatch(text, 0, opener[0]):
        return None
    term, opener = c.matches.span_from(term_key, i, comma + 1), c.matches.span_from(opener_key, i, comma + 1)
    return term if term is not None and (opener is None or term[0] < opener[0]) else None


class OutsidePurposeType(ConditionType):
    kind = "outside_purpose"
    model = OutsidePurpose
    examples = ('outside purpose "quick", "easy"', "outside purpose headings")
    syntax = (
        Syntax('"outside" "purpose" string ("," string)*', "outside_purpose", _parse_terms),
        Syntax('"outside" "purpose" NAME', "outside_purpose_list", _parse_list),
    )
    reserved = ("outside",)

    def resolve(self, condition: OutsidePurpose, compiler: Compiler, rule_file: RuleFile, depth: int) -> Any:
        """A named list is matched as it is (its ``(not in names)`` option kept); inline terms
        become a list of their own."""
        if condition.list:
            written = f"outside purpose {condition.list}"
            if not names_terms_list(condition.list, written, compiler, rule_file, condition.pos):
                return condition
            return OutsidePurpose(list=condition.list, forms=condition.list)
        name = compiler.add_inline_list(list(dict.fromkeys(condition.terms)), rule_file, condition.pos, "purpose")
        return OutsidePurpose(list="", terms=condition.terms, forms=name)

    def extent(self, condition: OutsidePurpose, defines: dict[str, Extent | None]) -> Extent | None:
        """One atom that gives ``{match}``: the term."""
        return Extent(0, 1, True)

    def shape(self, condition: OutsidePurpose, c: Classification) -> tuple:
        return ("outside_purpose", c.list_keys.get(condition.forms), c.list_keys.get("purpose_opener"))

    def evaluate(self, condition: OutsidePurpose, c: Classification) -> frozenset[int]:
        """The statements with a term of the list whose first term stands before the first
        purpose opener: each statement's first term and first opener are found once."""
        candidates = c.term_sets.get(condition.forms, frozenset()) - c.index.headings
        key, openers = c.list_keys.get(condition.forms), c.term_sets.get("purpose_opener", frozenset())
        if not candidates or key is None or not candidates & openers:
            return candidates
        opener_key = c.list_keys["purpose_opener"]
        held = set(candidates - openers)
        held.update(i for i in candidates & openers if _first_outside(c, key, opener_key, i) is not None)
        return frozenset(held)

    def first_match(self, condition: OutsidePurpose, c: Classification, i: int, holds: bool) -> tuple[int, int] | None:
        """The first term of the list outside the purpose clauses (:func:`_first_outside`)."""
        if not holds and i not in c.evaluate(condition):
            return None
        key, opener_key = c.list_keys.get(condition.forms), c.list_keys.get("purpose_opener")
        if key is None:
            return None
        return _first_outside(c, key, opener_key, i) if opener_key is not None else c.matches.span(key, i)

    def render(self, condition: OutsidePurpose, ruleset: Ruleset, top: bool) -> str:
        if condition.list:
            return f"outside purpose {condition.list}"
        return "outside purpose " + ", ".join(f'"{t}"' for t in condition.terms)

    def names_used(self, condition: OutsidePurpose, ruleset: Ruleset, seen: set[str]) -> list[tuple[str, str]]:
        return [("terms", condition.list)] if condition.list else []


OUTSIDE_PURPOSE = OutsidePurposeType()
