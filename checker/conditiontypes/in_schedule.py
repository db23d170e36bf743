"""``in schedule NAME``: a row of the document's deliverables table that names what the statement
delivers satisfies ``NAME`` (a define, a terms list, a pattern or a built-in name of the reading).

A statement of work often states a deliverable's due date once, in its deliverables table, and
not where it asks for the deliverable: "The contractor will submit through their security
disclosure platform vulnerability reports …" / the row "Vulnerability reports delivered through
the bug bounty platform | Within one business day of the researcher reporting the vulnerability".
A rule that asks a duty for its time (``not evidence``) would flag the duty though the table
times it; ``not (evidence or in schedule evidence)`` reads it there too. The link is by what is
delivered (:attr:`DocumentReading.scheduled`): the table's first column names the deliverable,
and the statement names it as the object of a verb of ``delivery_verb`` — not a nearby number,
nor a row that only cites the statement's clause ("See 5.5.1" times the plan, not every task of
5.5.1). The words stand in another statement, so ``in schedule NAME`` gives no ``{match}``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from ..modelbase import Field, FrozenModel, Pos
from .base import ConditionType, Extent, Syntax
from .in_context import Named, named_extent, named_shape, named_statements, names_used, resolve_name

if TYPE_CHECKING:
    from ..engine.classify import Classification
    from ..rulecompile.compiler import Compiler
    from ..rulemodel import RuleFile, Ruleset


class InSchedule(FrozenModel):
    """Holds when a row of the document's deliverables table that names what the statement
    delivers satisfies the named condition."""

    kind: Literal["in_schedule"] = "in_schedule"
    name: str
    of: Named = ""
    """What ``name`` names, once resolved; empty before (and after an error)."""
    pos: Pos | None = Field(default=None, exclude=True)


def _parse(meta: Any, name: Any) -> InSchedule:
    return InSchedule(name=str(name), pos=Pos.of(name))


class InScheduleType(ConditionType):
    kind = "in_schedule"
    model = InSchedule
    examples = ("in schedule headings",)
    syntax = (Syntax('"in" "schedule" NAME', "in_schedule", _parse),)
    reserved = ("in",)

    def resolve(self, condition: InSchedule, compiler: Compiler, rule_file: RuleFile, depth: int) -> Any:
        """The name is looked up as a bare name is (:func:`~checker.conditiontypes.in_context.resolve_name`)."""
        return resolve_name("in schedule", condition, compiler, rule_file)

    def extent(self, condition: InSchedule, defines: dict[str, Extent | None]) -> Extent | None:
        return named_extent(condition, defines)

    def classes_in(self, condition: InSchedule) -> list[str]:
        """Its define, which must be built first."""
        return [condition.name] if condition.of == "define" else []

    def shape(self, condition: InSchedule, c: Classification) -> tuple:
        """The named condition's shape and the reading's vocabulary (which tables are
        deliverables tables, which verbs deliver)."""
        return ("in_schedule", named_shape(condition, c), c.vocabulary_key)

    def evaluate(self, condition: InSchedule, c: Classification) -> frozenset[int]:
        """The statements that name a deliverable of a row the named condition holds for: one
        step per row each statement names (:attr:`DocumentReading.scheduled`)."""
        scheduled = c.reading().scheduled
        if not scheduled:
            return frozenset()
        held = named_statements(condition, c)
        return frozenset(i for i, rows in scheduled.items() if any(row in held for row in rows))

    def render(self, condition: InSchedule, ruleset: Ruleset, top: bool) -> str:
        return f"in schedule {condition.name}"

    def names_used(self, condition: InSchedule, ruleset: Ruleset, seen: set[str]) -> list[tuple[str, str]]:
        return names_used(condition)


IN_SCHEDULE = InScheduleType()
