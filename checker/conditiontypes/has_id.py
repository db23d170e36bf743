"""``has id``: the statement carries its own requirement id (a leading id or an id column, not
the number of the heading above)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from ..modelbase import FrozenModel
from .base import ConditionType, Syntax

if TYPE_CHECKING:
    from ..engine.classify import Classification
    from ..rulemodel import Ruleset


class HasId(FrozenModel):
    kind: Literal["has_id"] = "has_id"


def _parse(meta: Any) -> HasId:
    return HasId()


class HasIdType(ConditionType):
    kind = "has_id"
    model = HasId
    examples = ("has id",)
    syntax = (Syntax('"has" "id"', "has_id", _parse),)
    reserved = ("has", "id")

    def shape(self, condition: HasId, c: Classification) -> tuple:
        return ("has_id",)

    def evaluate(self, condition: HasId, c: Classification) -> frozenset[int]:
        return c.index.with_id

    def render(self, condition: HasId, ruleset: Ruleset, top: bool) -> str:
        return "has id"


HAS_ID = HasIdType()
