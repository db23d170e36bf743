"""A built-in name of the reading of obligations (``binds_supplier``, ``performance_row`` …,
:data:`checker.reading.READING_NAMES`): written as a name, which the compiler makes this
condition of when the ruleset defines nothing of that name."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from ..modelbase import FrozenModel
from .base import ConditionType

if TYPE_CHECKING:
    from ..engine.classify import Classification
    from ..rulemodel import Ruleset


class ReadingAtom(FrozenModel):
    """Holds when kravkoll's reading of obligations finds what ``name`` says
    (:data:`checker.reading.READING_NAMES`: ``binds_supplier``, ``performance_row`` …)."""

    kind: Literal["reading"] = "reading"
    name: str


class ReadingType(ConditionType):
    kind = "reading"
    model = ReadingAtom
    examples = ("binds_supplier",)

    def shape(self, condition: ReadingAtom, c: Classification) -> tuple:
        return ("reading", condition.name, c.vocabulary_key)

    def evaluate(self, condition: ReadingAtom, c: Classification) -> frozenset[int]:
        return c.reading().statements(condition.name) - c.index.headings

    def first_match(self, condition: ReadingAtom, c: Classification, i: int, holds: bool) -> tuple[int, int] | None:
        """The words the reading found the obligation by (its modal)."""
        return c.reading().span(i) if holds or i in c.evaluate(condition) else None

    def render(self, condition: ReadingAtom, ruleset: Ruleset, top: bool) -> str:
        return condition.name


READING = ReadingType()
