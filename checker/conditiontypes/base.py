"""What every condition type is: its model, its syntax, and its answer to each walk over conditions.

A leaf condition type (``in section``, ``has id``, ``words > N`` …) is a :class:`ConditionType`:
the visitors of :mod:`checker.conditions` keep ``visit_KIND`` methods for the core kinds (names,
terms lists, patterns, defines, ``not``, ``and``, ``or``), and for any other kind they ask the
type's unit for the operation they perform (:attr:`ConditionVisitor.operation
<checker.conditions.ConditionVisitor.operation>`). An operation marked *required* below has no
answer that fits every type: each type gives its own, and ``tests/test_conditions.py`` fails for a
type that does not. The others have the answer of an atom that says something of the statement
alone, gives no ``{match}`` and uses no names.

This module imports nothing of the engine, the compiler or Lark: :mod:`checker.rulemodel` imports
the types, and loading a cached ruleset must stay light.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, ClassVar, TypeVar

from ..modelbase import FrozenModel, Pos
from ..rulelimits import did_you_mean

if TYPE_CHECKING:
    from ..engine.classify import Classification
    from ..rulecompile.compiler import Compiler
    from ..rulemodel import RuleFile, Ruleset

F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True)
class Syntax:
    """One way of writing a condition of a type: an alternative of the grammar's ``atom`` rule
    (Lark syntax, over the grammar's terminals and the type's own), the name of the parse-tree
    node it makes, and what makes the parsed condition of that node."""

    alternative: str
    node: str
    build: Callable[..., Any]
    """``build(meta, *children)``: the condition as parsed (strings already unescaped)."""


@dataclass(frozen=True)
class Extent:
    """How large a condition is with the defines it uses written out (:mod:`checker.rulecompile.extent`)."""

    depth: int  # levels of not, and, or and uses of defines
    size: int  # atoms, operators and uses of defines
    supplies_match: bool  # has a terms list or pattern, not under a 'not', that can give {match}


def required(operation: F) -> F:
    """Marks an operation of :class:`ConditionType` that each type must implement itself: the
    base's method only says what it answers."""
    operation.required = True  # type: ignore[attr-defined]
    return operation


class ConditionType:
    """A leaf condition type: a unit of the rule language, registered in
    :data:`checker.conditiontypes.LEAF_TYPES`.

    A subclass names its ``kind`` and ``model`` (the pydantic model with that ``kind``, which
    joins ``rulemodel.Condition``), how it is written (``syntax``, with any ``terminals`` of its
    own), the ``reserved`` words that start it and ``examples``; and it answers each operation below.
    """

    kind: ClassVar[str] = ""
    model: ClassVar[type[FrozenModel]]
    syntax: ClassVar[tuple[Syntax, ...]] = ()
    """Its alternatives of ``atom``; none for a type the compiler makes from a name (``reading``)."""
    terminals: ClassVar[dict[str, tuple[str, str]]] = {}
    """Terminals only its syntax uses: name → (Lark definition, what a syntax error calls it)."""
    reserved: ClassVar[tuple[str, ...]] = ()
    """Words a rule file may not use as a name: where a condition may start, the parser reads them as this type."""
    examples: ClassVar[tuple[str, ...]] = ()
    """Conditions of the type as a rule file writes them (names: a terms list ``headings``), which
    the tests parse, compile, evaluate and render back to the same text."""
    narrows: ClassVar[bool] = False
    """Whether, as an operand of ``and``, it is asked only of the statements the other operands
    leave (:meth:`among`) rather than evaluated over the whole document: for a type that is
    cheap per statement and costly over all of them (a word count)."""

    # -- the compiler
    def resolve(self, condition: Any, compiler: Compiler, rule_file: RuleFile, depth: int) -> Any:
        """The condition with its names resolved, its inline lists named and its values checked
        (errors go to ``compiler.error``); the condition itself when there is nothing to do."""
        return condition

    def extent(self, condition: Any, defines: dict[str, Extent | None]) -> Extent | None:
        """Its size: one atom, which gives no ``{match}``."""
        return Extent(0, 1, False)

    def classes_in(self, condition: Any) -> list[str]:
        """The defines it uses: none."""
        return []

    # -- the engine (``c``: the ruleset's classification of one document)
    @required
    def shape(self, condition: Any, c: Classification) -> tuple:
        """What it means, as a key two rulesets' conditions share when they hold for the same
        statements (:meth:`Classification.shape <checker.engine.classify.Classification.shape>`):
        the kind, its values, and the shared matcher's keys of the lists it uses."""
        raise NotImplementedError

    @required
    def evaluate(self, condition: Any, c: Classification) -> frozenset[int]:
        """The statements of the document it holds for."""
        raise NotImplementedError

    def among(self, condition: Any, c: Classification, statements: frozenset[int]) -> frozenset[int]:
        """The statements of ``statements`` it holds for (asked instead of :meth:`evaluate` when
        the type :attr:`narrows`)."""
        return statements & c.evaluate(condition)

    def holds_in_clause(self, condition: Any, c: Classification, i: int) -> bool:
        """Whether it holds for the clause of sanction ``i``, for which it holds: it says
        something of the statement alone, so yes."""
        return True

    def first_match(self, condition: Any, c: Classification, i: int, holds: bool) -> tuple[int, int] | None:
        """The span of statement ``i`` that made it hold (``holds``: it is known to hold): none,
        it has no words of the statement to show."""
        return None

    # -- the rule pages
    @required
    def render(self, condition: Any, ruleset: Ruleset, top: bool) -> str:
        """The condition as a rule file writes it."""
        raise NotImplementedError

    def names_used(self, condition: Any, ruleset: Ruleset, seen: set[str]) -> list[tuple[str, str]]:
        """(kind, name) of the named lists it uses: none."""
        return []


def implements(unit: ConditionType, operation: str) -> bool:
    """Whether a condition type answers ``operation``: itself, or by the base's answer where
    one fits every type."""
    method = getattr(type(unit), operation, None)
    return callable(method) and not getattr(method, "required", False)


def names_terms_list(name: str, written: str, compiler: Compiler, rule_file: RuleFile, pos: Pos | None) -> bool:
    """Whether ``name`` is a terms list of the ruleset; else the error is reported on ``written``
    (the condition as written, ``in section NAME``), with the nearest list's name."""
    entry = compiler.names.get(name)
    if entry is not None and entry.kind == "terms":
        return True
    hint = did_you_mean(name, [n for n, e in compiler.names.items() if e.kind == "terms"])
    what = "no terms list" if entry is None else f"a {entry.kind}, not a terms list"
    compiler.error(rule_file, pos, f"'{written}': {what}{hint}")
    return False
