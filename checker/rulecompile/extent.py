"""How large a condition is with its defines written out, and the order defines are built in:
the engine walks conditions recursively, so the compiler bounds them (:data:`MAX_EXPANDED_DEPTH`,
:data:`MAX_EXPANDED_SIZE`) and refuses defines that use each other in a cycle."""

from __future__ import annotations

from typing import Any, Iterator

from ..conditions import ConditionVisitor
from ..conditiontypes import Extent
from ..rulelimits import MAX_CONDITION_DEPTH
from ..rulemodel import And, ClassAtom, Define, Not, Or

MAX_EXPANDED_DEPTH = 2 * MAX_CONDITION_DEPTH
"""Deepest a condition may nest with its defines written out: the engine walks conditions
recursively. Twice the limit of one written condition, whose parenthesis level may hold an
'or' of 'and's."""
MAX_EXPANDED_SIZE = 10_000
"""Most parts (atoms, operators, uses of defines) of a condition with its defines written out:
a chain of defines that each use the one before twice doubles at every step."""


def extent(condition: Any, defines: dict[str, Extent | None]) -> Extent | None:
    """The extent of ``condition``, given those of the defines it uses; None if one of them has none."""
    return _EXTENT.visit(condition, defines)


class _MeasureExtent(ConditionVisitor["Extent | None"]):
    """:func:`extent`. A condition left unresolved after an error counts as one atom."""

    operation = "extent"

    def visit_class(self, condition: ClassAtom, defines: dict[str, Extent | None]) -> Extent | None:
        if condition.define not in defines:  # undefined or in a cycle: reported on its own
            return Extent(1, 1, True)
        used = defines[condition.define]
        return None if used is None else Extent(used.depth + 1, used.size + 1, used.supplies_match)

    def visit_terms(self, condition: Any, defines: dict[str, Extent | None]) -> Extent | None:
        return Extent(0, 1, True)

    visit_pattern = visit_terms

    def visit_not(self, condition: Not, defines: dict[str, Extent | None]) -> Extent | None:
        return self._around([condition.operand], defines, False)

    def visit_and(self, condition: And | Or, defines: dict[str, Extent | None]) -> Extent | None:
        return self._around(condition.operands, defines, True)

    visit_or = visit_and

    def visit_ref(self, condition: Any, defines: dict[str, Extent | None]) -> Extent | None:
        return Extent(0, 1, False)

    visit_inline_terms = visit_inline_pattern = visit_ref

    def _around(self, operands: list[Any], defines: dict[str, Extent | None], passes_match: bool) -> Extent | None:
        if not operands:
            return Extent(0, 1, False)
        extents = [self.visit(operand, defines) for operand in operands]
        if None in extents:
            return None
        supplies_match = passes_match and any(e.supplies_match for e in extents)
        return Extent(1 + max(e.depth for e in extents), 1 + sum(e.size for e in extents), supplies_match)


_EXTENT = _MeasureExtent()


def define_order(defines: dict[str, Define]) -> tuple[list[str], list[list[str]]]:
    """The defines outside cycles, each after those it uses, and each cycle once (``a -> b -> a``).
    Each define is visited once (depth-first, without recursion)."""
    uses = {name: list(dict.fromkeys(used for used in classes_in(define.condition) if used in defines)) for name, define in defines.items()}
    order: list[str] = []
    cycles: list[list[str]] = []
    state: dict[str, str] = {}  # open (on the path) or done
    for root in defines:
        if root in state:
            continue
        path: list[tuple[str, Iterator[str]]] = [(root, iter(uses[root]))]
        state[root] = "open"
        while path:
            name, pending = path[-1]
            used = next(pending, None)
            if used is None:
                path.pop()
                state[name] = "done"
                order.append(name)
            elif state.get(used) == "open":
                names = [step for step, _ in path]
                cycles.append(names[names.index(used) :] + [used])
            elif used not in state:
                state[used] = "open"
                path.append((used, iter(uses[used])))
    in_cycle = {name for cycle in cycles for name in cycle}
    return [name for name in order if name not in in_cycle], cycles


class _ClassesIn(ConditionVisitor[list]):
    """The defines a condition uses directly, in order (with repeats)."""

    operation = "classes_in"

    def visit_class(self, condition: ClassAtom) -> list[str]:
        return [condition.define]

    def visit_not(self, condition: Not) -> list[str]:
        return self.visit(condition.operand)

    def visit_and(self, condition: And | Or) -> list[str]:
        return [name for operand in condition.operands for name in self.visit(operand)]

    visit_or = visit_and

    def none(self, condition: Any) -> list[str]:
        return []

    visit_terms = visit_pattern = visit_ref = visit_inline_terms = visit_inline_pattern = none


classes_in = _ClassesIn().visit
