"""``in predicate "a", "b"`` and ``in predicate NAME``: a term of the list is an adjective of the
predicate complement of the statement's obligation — what its main clause's modal says the
subject shall *be*: "The portal shall be easy to use", "must remain stable", "shall be
sufficiently robust", "shall be simple and intuitive", "Systemet ska vara tydligt", "Därför ska
tjänsten alltid vara säker".

The main clause and its modal are the reading's (:mod:`checker.reading`): a copula in a
subordinate clause ("… ensure that the data is secure", "om systemet är enkelt") is no predicate
of the obligation. The copulas, the words that may stand around them and the coordinators are the
reading's vocabulary (``copula``, ``predicate_modifier``, ``coordinator`` in ``en-base`` and
``sv-grund``). Unless the ruleset's language is ``en``, each listed Swedish adjective also matches
its neuter and plural forms (:mod:`checker.matching.inflection`: "tydlig" → "tydligt",
"tydliga"). ``{match}`` is the adjective.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal

from ..modelbase import Field, FrozenModel, Pos, empty_list
from .base import ConditionType, Extent, Syntax, names_terms_list

if TYPE_CHECKING:
    from ..engine.classify import Classification
    from ..matching.termfinder import TermFinder
    from ..rulecompile.compiler import Compiler
    from ..rulemodel import RuleFile, Ruleset


class InPredicate(FrozenModel):
    """Holds when a term of the list heads an adjective of the obligation's predicate complement."""

    kind: Literal["in_predicate"] = "in_predicate"
    list: str
    """The terms list named (``in predicate NAME``); empty for terms written inline."""
    terms: list[str] = Field(default_factory=empty_list)
    """The terms written inline."""
    forms: str = ""
    """The compiled list of the terms and their inflected forms, which the engine matches."""
    pos: Pos | None = Field(default=None, exclude=True)


def _parse_terms(meta: Any, *strings: Any) -> InPredicate:
    return InPredicate(list="", terms=[str(s) for s in strings], pos=Pos.of(strings[0]))


def _parse_list(meta: Any, name: Any) -> InPredicate:
    return InPredicate(list=str(name), pos=Pos.of(name))


@lru_cache(maxsize=64)
def _finder(terms: tuple[str, ...]) -> TermFinder:
    """The finder of a compiled list of forms (by content: every use of one list shares it)."""
    from ..matching.termfinder import TermFinder  # noqa: PLC0415 - RE2 loads with the engine, not with a cached ruleset

    return TermFinder({"predicate": terms})


class InPredicateType(ConditionType):
    kind = "in_predicate"
    model = InPredicate
    examples = ('in predicate "easy", "secure"', "in predicate headings")
    # 'predicate' is no reserved word: after 'in' no name can stand, so a list may still be called predicate.
    syntax = (
        Syntax('"in" "predicate" string ("," string)*', "in_predicate", _parse_terms),
        Syntax('"in" "predicate" NAME', "in_predicate_list", _parse_list),
    )
    reserved = ("in",)

    def resolve(self, condition: InPredicate, compiler: Compiler, rule_file: RuleFile, depth: int) -> Any:
        """The terms (named or inline) and, unless the ruleset is English, their Swedish
        adjective forms become a list of their own (named ``@…predicate…``). The reading must
        know the language's copulas: a ruleset without a ``copula`` list is told so."""
        from ..matching.inflection import swedish_adjective_forms  # noqa: PLC0415

        written = f"in predicate {condition.list}" if condition.list else "in predicate"
        copula = compiler.names.get("copula")
        if copula is None or copula.kind != "terms":
            compiler.error(
                rule_file,
                condition.pos,
                f"'{written}' reads what follows the copula of an obligation, but the ruleset has no terms list 'copula'; "
                'extend "en-base" or "sv-grund", or declare \'terms copula = "be", "remain"\' (and a modal_binding list)',
            )
        terms, outside_names = condition.terms, False
        if condition.list:
            if not names_terms_list(condition.list, written, compiler, rule_file, condition.pos):
                return condition
            listed = compiler.lists[condition.list]
            terms, outside_names = listed.terms, listed.outside_names
        forms = terms if compiler.own.language == "en" else [form for term in terms for form in swedish_adjective_forms(term)]
        name = compiler.add_inline_list(list(dict.fromkeys(forms)), rule_file, condition.pos, "predicate", outside_names)
        return InPredicate(list=condition.list, terms=[] if condition.list else condition.terms, forms=name)

    def extent(self, condition: InPredicate, defines: dict[str, Extent | None]) -> Extent | None:
        """One atom that gives ``{match}``: the adjective."""
        return Extent(0, 1, True)

    def shape(self, condition: InPredicate, c: Classification) -> tuple:
        return ("in_predicate", c.list_keys.get(condition.forms), c.vocabulary_key)

    def evaluate(self, condition: InPredicate, c: Classification) -> frozenset[int]:
        """The statements with a term of the list (found with every list, in one pass) whose
        reading finds it heading the obligation's predicate complement."""
        candidates = c.term_sets.get(condition.forms, frozenset()) - c.index.headings
        if not candidates:
            return frozenset()
        return frozenset(c.reading().predicates(_finder(tuple(c.ruleset.lists[condition.forms].terms)), candidates))

    def first_match(self, condition: InPredicate, c: Classification, i: int, holds: bool) -> tuple[int, int] | None:
        """The adjective (the first listed one of the complement)."""
        if not holds and i not in c.evaluate(condition):
            return None
        return c.reading().predicates(_finder(tuple(c.ruleset.lists[condition.forms].terms)), frozenset((i,))).get(i)

    def render(self, condition: InPredicate, ruleset: Ruleset, top: bool) -> str:
        if condition.list:
            return f"in predicate {condition.list}"
        return "in predicate " + ", ".join(f'"{t}"' for t in condition.terms)

    def names_used(self, condition: InPredicate, ruleset: Ruleset, seen: set[str]) -> list[tuple[str, str]]:
        return [("terms", condition.list)] if condition.list else []


IN_PREDICATE = InPredicateType()
