"""``in section "a", "b"`` and ``in section NAME``: a heading above the statement, at any level,
contains a term of the list."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from ..modelbase import Field, FrozenModel, Pos, empty_list
from .base import ConditionType, Syntax, names_terms_list

if TYPE_CHECKING:
    from ..engine.classify import Classification
    from ..rulecompile.compiler import Compiler
    from ..rulemodel import RuleFile, Ruleset


class InSection(FrozenModel):
    """Holds when a heading above the statement contains a term of the list."""

    kind: Literal["in_section"] = "in_section"
    list: str
    terms: list[str] = Field(default_factory=empty_list)
    pos: Pos | None = Field(default=None, exclude=True)


def _parse_terms(meta: Any, *strings: Any) -> InSection:
    return InSection(list="", terms=[str(s) for s in strings], pos=Pos.of(strings[0]))


def _parse_list(meta: Any, name: Any) -> InSection:
    return InSection(list=str(name), terms=[], pos=Pos.of(name))


class InSectionType(ConditionType):
    kind = "in_section"
    model = InSection
    examples = ('in section "Drift", "Support"', "in section headings")
    syntax = (
        Syntax('"in" "section" string ("," string)*', "in_section", _parse_terms),
        Syntax('"in" "section" NAME', "in_section_list", _parse_list),
    )
    reserved = ("in", "section")

    def resolve(self, condition: InSection, compiler: Compiler, rule_file: RuleFile, depth: int) -> Any:
        """``in section NAME`` names a terms list of the ruleset; the terms written inline become a
        list of their own (named ``@…section…``)."""
        if condition.list:
            if not names_terms_list(condition.list, f"in section {condition.list}", compiler, rule_file, condition.pos):
                return condition
            return InSection(list=condition.list, terms=[])
        name = compiler.add_inline_list(condition.terms, rule_file, condition.pos, "section")
        return InSection(list=name, terms=condition.terms)

    def shape(self, condition: InSection, c: Classification) -> tuple:
        return ("in_section", c.list_keys.get(condition.list))

    def evaluate(self, condition: InSection, c: Classification) -> frozenset[int]:
        """The statements of every section, and of the sections inside it, whose heading has a term."""
        index = c.index
        heading_hits = c.term_sets.get(condition.list, frozenset()) & index.headings
        statements = c.document.statements
        sections = {statements[i].section for i in heading_hits} - {None}
        return frozenset().union(*(index.by_section.get(s, frozenset()) for s in index.descendants(sections)))

    def render(self, condition: InSection, ruleset: Ruleset, top: bool) -> str:
        if not condition.list.startswith("@"):
            return f"in section {condition.list}"
        return "in section " + ", ".join(f'"{t}"' for t in condition.terms)

    def names_used(self, condition: InSection, ruleset: Ruleset, seen: set[str]) -> list[tuple[str, str]]:
        return [] if condition.list.startswith("@") else [("terms", condition.list)]


IN_SECTION = InSectionType()
