"""One dispatch on conditions: every walker over conditions is a ConditionVisitor that covers
every condition type, by a visit_ method for a core kind or by the operation of a leaf type's unit
(the units themselves: tests/test_conditiontypes.py)."""

from __future__ import annotations

import importlib
from typing import get_args

import pytest

from checker.conditions import CONDITION_KINDS, CONDITION_TYPES, CompiledConditionVisitor, ConditionVisitor, missing_kinds, visitors
from checker.conditiontypes import LEAF_TYPES, ConditionType
from checker.conditiontypes.base import implements
from checker.conditiontypes.has_id import HasId
from checker.engine import Classification
from checker.errors import KravError
from checker.rulemodel import Condition, Ref, TermsAtom

WALKERS = ("checker.engine.classify", "checker.rulecompile.compiler", "checker.rulecompile.extent", "checker.ruledocs")
"""The modules that walk conditions."""


def test_every_visitor_covers_every_condition_type() -> None:
    for module in WALKERS:
        importlib.import_module(module)
    found = {f"{cls.__module__}.{cls.__qualname__}": missing_kinds(cls) for cls in visitors() if cls.__module__.startswith("checker.")}
    assert len(found) >= 9  # shape, evaluate, holds in clause, first match; resolve, extent, defines used; render, names used
    assert {name: missing for name, missing in found.items() if missing} == {}
    operations = {cls.operation for cls in visitors() if cls.__module__.startswith("checker.")}
    assert all(callable(getattr(ConditionType, operation, None)) for operation in operations), operations


def test_the_kinds_are_those_of_the_condition_models() -> None:
    assert set(CONDITION_TYPES) == set(get_args(get_args(Condition)[0]))
    assert len(set(CONDITION_KINDS)) == len(CONDITION_TYPES)
    assert {"terms", "pattern", "class", "not", "and", "or", "ref"} <= set(CONDITION_KINDS)


def test_a_visitor_that_lacks_a_kind_is_found() -> None:
    class Partial(ConditionVisitor[str]):
        def visit_terms(self, condition: TermsAtom) -> str:
            return condition.list

    assert Partial().visit(TermsAtom(list="x")) == "x"
    assert set(missing_kinds(Partial)) == set(CONDITION_KINDS) - {"terms"}
    with pytest.raises(KeyError):
        Partial().visit(Ref(name="x"))


def test_a_visitor_of_compiled_conditions_refuses_an_unresolved_name() -> None:
    class Names(CompiledConditionVisitor[str]):
        pass

    with pytest.raises(KravError, match="unresolved condition"):
        Names().visit(Ref(name="x"))


def test_a_leaf_type_lacking_an_operation_is_found(monkeypatch: pytest.MonkeyPatch) -> None:
    class Lacking(ConditionType):
        kind = "has_id"
        model = HasId

        def shape(self, condition: HasId, c: Classification) -> tuple:
            return ("has_id",)

    unit = Lacking()
    assert not implements(unit, "evaluate") and not implements(unit, "render")
    assert implements(unit, "shape") and implements(unit, "first_match")  # the base answers where one answer fits all
    monkeypatch.setitem(LEAF_TYPES, "has_id", unit)

    class Evaluate(CompiledConditionVisitor[frozenset]):
        operation = "evaluate"

    class Shape(CompiledConditionVisitor[tuple]):
        operation = "shape"

    assert "has_id" in missing_kinds(Evaluate)
    assert "has_id" not in missing_kinds(Shape)
    assert Shape().visit(HasId(), None) == ("has_id",)
