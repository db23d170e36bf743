"""``in table``: the statement is a row of a table (its cells joined with " | "), not a sentence
of the running text, a list item or a heading. A table's header rows are no statements."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from ..modelbase import FrozenModel
from .base import ConditionType, Syntax

if TYPE_CHECKING:
    from ..engine.classify import Classification
    from ..rulemodel import Ruleset


class InTable(FrozenModel):
    """Holds for the rows of the document's tables."""

    kind: Literal["in_table"] = "in_table"


def _parse(meta: Any) -> InTable:
    return InTable()


class InTableType(ConditionType):
    kind = "in_table"
    model = InTable
    examples = ("in table",)
    # 'table' is no reserved word: after 'in' no name can stand, so a list may still be called table.
    syntax = (Syntax('"in" "table"', "in_table", _parse),)
    reserved = ("in",)

    def shape(self, condition: InTable, c: Classification) -> tuple:
        return ("in_table",)

    def evaluate(self, condition: InTable, c: Classification) -> frozenset[int]:
        return frozenset().union(*c.index.by_table.values())

    def render(self, condition: InTable, ruleset: Ruleset, top: bool) -> str:
        return "in table"


IN_TABLE = InTableType()
