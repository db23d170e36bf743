"""One dispatch on conditions: a walker over conditions is a :class:`ConditionVisitor`.

Each condition model of :mod:`checker.rulemodel` has a ``kind``; a visitor has one method
``visit_KIND`` per kind and :meth:`ConditionVisitor.visit` calls the one for the condition it
is given (one dictionary look-up, made once per class). Adding a condition type is its model
in ``rulemodel.Condition`` and a ``visit_`` method in each visitor; ``tests/test_conditions.py``
fails for a visitor that lacks one.
"""

from __future__ import annotations

from typing import Any, Callable, Generic, TypeVar, get_args

from .errors import KravError
from .rulemodel import Condition

T = TypeVar("T")

CONDITION_TYPES: tuple[type, ...] = get_args(get_args(Condition)[0])
"""Every condition model, as parsed and as compiled."""
CONDITION_KINDS: tuple[str, ...] = tuple(t.model_fields["kind"].default for t in CONDITION_TYPES)
PARSED_ONLY = ("ref", "inline_terms", "inline_pattern")
"""Kinds the compiler replaces: a compiled ruleset holds none of them."""


class ConditionVisitor(Generic[T]):
    """Calls ``visit_KIND(condition, *args)`` for a condition of that ``kind``."""

    _methods: dict[str, Callable[..., Any]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._methods = {kind: method for kind in CONDITION_KINDS if (method := getattr(cls, f"visit_{kind}", None)) is not None}

    def visit(self, condition: Any, *args: Any) -> T:
        """What this visitor makes of ``condition``."""
        return self._methods[condition.kind](self, condition, *args)


class CompiledConditionVisitor(ConditionVisitor[T]):
    """A visitor of compiled conditions, which hold no names left to resolve."""

    def unresolved(self, condition: Any, *args: Any) -> T:
        raise KravError(f"internal error: unresolved condition {condition!r}")

    visit_ref = visit_inline_terms = visit_inline_pattern = unresolved


def missing_kinds(visitor: type[ConditionVisitor]) -> list[str]:
    """The condition kinds a visitor class has no ``visit_`` method for."""
    return [kind for kind in CONDITION_KINDS if kind not in visitor._methods]


def visitors() -> list[type[ConditionVisitor]]:
    """Every visitor class defined so far, the two bases left out."""
    found: list[type[ConditionVisitor]] = []
    waiting = list(ConditionVisitor.__subclasses__())
    while waiting:
        cls = waiting.pop()
        waiting.extend(cls.__subclasses__())
        if cls is not CompiledConditionVisitor:
            found.append(cls)
    return found
