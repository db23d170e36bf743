"""One dispatch on conditions: every walker over conditions is a ConditionVisitor that covers
every condition type."""

from __future__ import annotations

import importlib
from typing import get_args

import pytest

from checker.conditions import CONDITION_KINDS, CONDITION_TYPES, CompiledConditionVisitor, ConditionVisitor, missing_kinds, visitors
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
