"""``in context NAME``: what introduces the statement satisfies ``NAME`` (a define, a terms
list, a pattern or a built-in name of the reading) — the introduction of its list (the statement
ending in ":" that a list item carries, ``Statement.lead_in``), or the sentence just before it in
its paragraph or list item when that sentence states no duty of its own.

A level is often stated once for what follows: "The Contractor shall, within 5 business days of
a request:" / "• provide certified copies of its insurance policies"; "Reports are due on the
fifth business day of each month. The Contractor shall submit them to the COR." A rule that asks
a statement for its level (``not evidence``) would flag the item or the second sentence though
the level stands just above; ``not (evidence or in context evidence)`` reads it there too. A
sentence before that is a requirement itself (the ``requirement`` class) states its own duty's
level, not the next one's ("The COTR shall review the plan within 10 days. The COR will monitor
compliance and report to the PM." leaves the monitoring without a time). A table row holds its
cells already (the row is one statement), and the row or list item before it is another
requirement, not its introduction. The statement's own words are not its context, so ``in
context NAME`` gives no ``{match}``.

What a condition that names another holds by is read here for ``in schedule NAME`` too
(:func:`resolve_name`, :func:`named_extent`, :func:`named_shape`, :func:`named_statements`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Protocol, TypeVar

from ..modelbase import Field, FrozenModel, Pos
from ..rulelimits import did_you_mean
from .base import ConditionType, Extent, Syntax

if TYPE_CHECKING:
    from ..engine.classify import Classification
    from ..rulecompile.compiler import Compiler
    from ..rulemodel import RuleFile, Ruleset

Named = Literal["define", "terms", "pattern", "reading", ""]
_SENTENCES = ("sentence", "list_item")
"""The kinds of statement a sentence before may introduce: a table row's block is its table, whose
row before is another requirement, and a heading introduces a section, not a sentence."""


class NamedCondition(Protocol):
    """A condition that names a define, terms list, pattern or built-in name of the reading and
    holds by where that holds (``in context NAME``, ``in schedule NAME``)."""

    name: str
    of: Named
    pos: Pos | None


NamedT = TypeVar("NamedT", bound=NamedCondition)


def resolve_name(keyword: str, condition: NamedT, compiler: Compiler, rule_file: RuleFile) -> NamedT:
    """``condition`` with what its name names, looked up as a bare name is: a terms list, pattern
    or define of the ruleset, else a built-in name of the reading; an unknown name is an error
    (``keyword``: how the rule file writes the condition, "in context")."""
    from ..reading import READING_NAMES  # here, not above: a cached ruleset loads without the reading

    entry = compiler.names.get(condition.name)
    if entry is not None:
        return type(condition)(name=condition.name, of=entry.kind)  # type: ignore[call-arg]
    if condition.name in READING_NAMES:
        return type(condition)(name=condition.name, of="reading")  # type: ignore[call-arg]
    hint = did_you_mean(condition.name, list(compiler.names) + list(READING_NAMES))
    compiler.error(rule_file, condition.pos, f"'{keyword} {condition.name}': unknown name (not a terms list, pattern, define or built-in name){hint}")
    return condition


def named_extent(condition: NamedCondition, defines: dict[str, Extent | None]) -> Extent | None:
    """One atom, or a use of its define; no ``{match}``: the words stand in another statement."""
    if condition.of != "define" or condition.name not in defines:
        return Extent(0, 1, False)
    used = defines[condition.name]
    return None if used is None else Extent(used.depth + 1, used.size + 1, False)


def named_shape(condition: NamedCondition, c: Classification) -> tuple:
    """The shape of what the named condition holds for."""
    if condition.of == "define":
        return c._define_shape(condition.name)
    if condition.of == "terms":
        return ("terms", c.list_keys.get(condition.name))
    if condition.of == "pattern":
        return ("pattern", c.pattern_keys.get(condition.name))
    return ("reading", condition.name, c.vocabulary_key)


def named_statements(condition: NamedCondition, c: Classification) -> frozenset[int]:
    """The statements the named condition holds for, headings aside."""
    if condition.of == "define":
        return c.statements_of_class(condition.name)
    if condition.of == "terms":
        held = c.term_sets.get(condition.name, frozenset())
    elif condition.of == "pattern":
        held = c.pattern_sets.get(condition.name, frozenset())
    elif condition.of == "reading":
        held = c.reading().statements(condition.name)
    else:
        return frozenset()
    return held - c.index.headings


def names_used(condition: NamedCondition) -> list[tuple[str, str]]:
    """The ruleset's name it uses (a built-in name of the reading is none)."""
    return [(condition.of, condition.name)] if condition.of in ("define", "terms", "pattern") else []


class InContext(FrozenModel):
    """Holds when what introduces the statement (its list's lead-in, or the sentence before it
    in its block when that states no duty) satisfies the named condition."""

    kind: Literal["in_context"] = "in_context"
    name: str
    of: Named = ""
    """What ``name`` names, once resolved; empty before (and after an error)."""
    pos: Pos | None = Field(default=None, exclude=True)


def _parse(meta: Any, name: Any) -> InContext:
    return InContext(name=str(name), pos=Pos.of(name))


class InContextType(ConditionType):
    kind = "in_context"
    model = InContext
    examples = ("in context headings",)
    syntax = (Syntax('"in" "context" NAME', "in_context", _parse),)
    reserved = ("in",)

    def resolve(self, condition: InContext, compiler: Compiler, rule_file: RuleFile, depth: int) -> Any:
        """The name is looked up as a bare name is (:func:`resolve_name`)."""
        return resolve_name("in context", condition, compiler, rule_file)

    def extent(self, condition: InContext, defines: dict[str, Extent | None]) -> Extent | None:
        return named_extent(condition, defines)

    def classes_in(self, condition: InContext) -> list[str]:
        """Its define, and ``requirement`` (:meth:`evaluate` asks which sentences before are
        duties): both must be built first, so a ``requirement`` that uses ``in context`` is a
        cycle the compiler reports, not an endless recursion."""
        return [condition.name, "requirement"] if condition.of == "define" else ["requirement"]

    def shape(self, condition: InContext, c: Classification) -> tuple:
        """The named condition's shape and the ruleset's ``requirement``'s: which sentences
        before are duties of their own (:meth:`evaluate`) is the ruleset's, so two rulesets
        whose lists agree but whose requirements differ share no answer."""
        return ("in_context", named_shape(condition, c), c._define_shape("requirement"))

    def evaluate(self, condition: InContext, c: Classification) -> frozenset[int]:
        """The items of each list whose lead-in holds, and the statement after each statement
        that holds and is no requirement, in the same block (a paragraph, a list item): one
        step from each statement it holds for, so linear in their number."""
        held = named_statements(condition, c)
        statements, index = c.document.statements, c.index
        duties = c.statements_of_class("requirement")
        found: set[int] = set()
        for j in held:
            found.update(index.list_items.get(j, ()))
            after = j + 1
            if j not in duties and after < len(statements) and statements[after].block == statements[j].block and statements[after].kind in _SENTENCES:
                found.add(after)
        return frozenset(found)

    def render(self, condition: InContext, ruleset: Ruleset, top: bool) -> str:
        return f"in context {condition.name}"

    def names_used(self, condition: InContext, ruleset: Ruleset, seen: set[str]) -> list[tuple[str, str]]:
        return names_used(condition)


IN_CONTEXT = InContextType()
