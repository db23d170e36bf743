"""One dispatch on conditions: a walker over conditions is a :class:`ConditionVisitor`.

Each condition model of :mod:`checker.rulemodel` has a ``kind``; a visitor has one method
``visit_KIND`` per core kind (names, terms lists, patterns, defines, ``not``, ``and``, ``or``) and
names its :attr:`~ConditionVisitor.operation`, which the leaf types of
:mod:`checker.conditiontypes` answer for their own kinds. :meth:`ConditionVisitor.visit` calls the
method or the type's operation for the condition it is given (one dictionary look-up, made once
per class). Adding a leaf condition type is a module in ``conditiontypes`` and its line in
``LEAF_TYPES``; ``tests/test_conditions.py`` fails for a kind some visitor has no answer for.
"""

from __future__ import annotations

from typing import Any, Callable, Generic, TypeVar, get_args

from .conditiontypes import LEAF_TYPES
from .conditiontypes.base import implements
from .errors import KravError
from .rulemodel import Condition

T = TypeVar("T")

CONDITION_TYPES: tuple[type, ...] = get_args(get_args(Condition)[0])
"""Every condition model, as parsed and as compiled."""
CONDITION_KINDS: tuple[str, ...] = tuple(t.model_fields["kind"].default for t in CONDITION_TYPES)
PARSED_ONLY = ("ref", "inline_terms", "inline_pattern")
"""Kinds the compiler replaces: a compiled ruleset holds none of them."""


def _leaf_method(kind: str, operation: str) -> Callable[..., Any] | None:
    """A visitor's method for a leaf type's kind: the type's ``operation``, if it answers it."""
    unit = LEAF_TYPES.get(kind)
    if unit is None or not operation or not implements(unit, operation):
        return None
    answer = getattr(unit, operation)

    def visit_leaf(visitor: Any, condition: Any, *args: Any) -> Any:
        return answer(condition, *args)

    return visit_leaf


class ConditionVisitor(Generic[T]):
    """Calls ``visit_KIND(condition, *args)`` for a condition of that ``kind``; for a kind it has
    no such method for, the :attr:`operation` of the kind's leaf type (``unit.OPERATION(condition,
    *args)``)."""

    operation: str = ""
    """The operation of :class:`~checker.conditiontypes.base.ConditionType` that this visitor's
    walk is for the leaf types (``evaluate``, ``render`` …)."""
    _methods: dict[str, Callable[..., Any]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        methods: dict[str, Callable[..., Any]] = {}
        for kind in CONDITION_KINDS:
            method = getattr(cls, f"visit_{kind}", None) or _leaf_method(kind, cls.operation)
            if method is not None:
                methods[kind] = method
        cls._methods = methods

    def visit(self, condition: Any, *args: Any) -> T:
        """What this visitor makes of ``condition``."""
        return self._methods[condition.kind](self, condition, *args)


class CompiledConditionVisitor(ConditionVisitor[T]):
    """A visitor of compiled conditions, which hold no names left to resolve."""

    def unresolved(self, condition: Any, *args: Any) -> T:
        raise KravError(f"internal error: unresolved condition {condition!r}")

    visit_ref = visit_inline_terms = visit_inline_pattern = unresolved


def missing_kinds(visitor: type[ConditionVisitor]) -> list[str]:
    """The condition kinds a visitor class has no answer for: no ``visit_`` method, and no
    :attr:`~ConditionVisitor.operation` of the kind's leaf type."""
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
