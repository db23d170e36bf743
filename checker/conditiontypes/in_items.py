"""``in items NAME``: the named define, terms list, pattern or built-in name of the reading holds
for an item of the list the statement introduces (a statement ending in ":" whose list items
carry it, ``Statement.lead_in``) — the converse of ``in context``.

A clause often states its right once and its grounds in the list below: "Den
Personuppgiftsansvarige har rätt att säga upp Avtalet med omedelbar verkan om:" / "a)
Personuppgiftsbiträdet väsentligt bryter mot detta Avtal;" / "b) … inte följer … instruktioner".
The right is the sanction, and what sets it off, or the cure period it gives, stands in its items:
``havningsord and (avtalsbrottsord or in items avtalsbrottsord)`` reads the breach there.
Only the list the statement itself introduces: an item of a sub-list under one of its items
introduces that sub-list, not the statement's. A statement ending in ":" that introduces no list
item introduces the paragraph just after it in its section, a list its writer did not mark as
one (lettered lines in one Markdown paragraph: "a) … bryter mot detta Avtal; b) …; c) …"). The
words stand in another statement, so ``in items NAME`` gives no ``{match}``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from ..modelbase import Field, FrozenModel, Pos
from .base import ConditionType, Extent, Syntax
from .in_context import Named, named_extent, named_shape, named_statements, names_used, resolve_name

_PARAGRAPH = ("sentence",)
"""The kind of statement a lead-in's unmarked list is read as: a paragraph's sentence."""

if TYPE_CHECKING:
    from ..engine.classify import Classification
    from ..rulecompile.compiler import Compiler
    from ..rulemodel import RuleFile, Ruleset


class InItems(FrozenModel):
    """Holds when an item of the list the statement introduces satisfies the named condition."""

    kind: Literal["in_items"] = "in_items"
    name: str
    of: Named = ""
    """What ``name`` names, once resolved; empty before (and after an error)."""
    pos: Pos | None = Field(default=None, exclude=True)


def _parse(meta: Any, name: Any) -> InItems:
    return InItems(name=str(name), pos=Pos.of(name))


class InItemsType(ConditionType):
    kind = "in_items"
    model = InItems
    examples = ("in items headings",)
    syntax = (Syntax('"in" "items" NAME', "in_items", _parse),)
    reserved = ("in",)

    def resolve(self, condition: InItems, compiler: Compiler, rule_file: RuleFile, depth: int) -> Any:
        """The name is looked up as a bare name is (:func:`resolve_name`)."""
        return resolve_name("in items", condition, compiler, rule_file)

    def extent(self, condition: InItems, defines: dict[str, Extent | None]) -> Extent | None:
        return named_extent(condition, defines)

    def classes_in(self, condition: InItems) -> list[str]:
        """Its define, which must be built first."""
        return [condition.name] if condition.of == "define" else []

    def shape(self, condition: InItems, c: Classification) -> tuple:
        return ("in_items", named_shape(condition, c))

    def evaluate(self, condition: InItems, c: Classification) -> frozenset[int]:
        """The lead-in of each list item the named condition holds for, and the statement ending
        in ":" just before the paragraph of each other statement it holds for, where that
        statement introduces no list: one step from each (the first statement of each block found
        in one pass)."""
        statements = c.document.statements
        held = named_statements(condition, c)
        found = {lead for j in held if (lead := statements[j].lead_in) is not None}
        if any(statements[j].lead_in is None for j in held):
            first: dict[int, int] = {}
            for statement in statements:
                first.setdefault(statement.block, statement.index)
            leads = {statement.lead_in for statement in statements if statement.lead_in is not None}
            for j in held:
                statement = statements[j]
                before = first[statement.block] - 1
                if statement.lead_in is not None or statement.kind not in _PARAGRAPH or before < 0:
                    continue
                lead = statements[before]
                if lead.block == statement.block - 1 and lead.section == statement.section and lead.text.rstrip().endswith(":") and before not in leads:
                    found.add(before)
        return frozenset(found) - c.index.headings

    def render(self, condition: InItems, ruleset: Ruleset, top: bool) -> str:
        return f"in items {condition.name}"

    def names_used(self, condition: InItems, ruleset: Ruleset, seen: set[str]) -> list[tuple[str, str]]:
        return names_used(condition)


IN_ITEMS = InItemsType()
