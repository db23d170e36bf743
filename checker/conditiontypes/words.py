"""``words > N`` (also ``<``, ``>=``, ``<=``): the length of the statement in words."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from ..modelbase import Field, FrozenModel, Pos
from .base import ConditionType, Syntax

if TYPE_CHECKING:
    from ..engine.classify import Classification
    from ..rulecompile.compiler import Compiler
    from ..rulemodel import RuleFile, Ruleset

MAX_WORDS = 1_000_000
"""Largest number in ``words > N``: more words than a statement of the largest document holds,
and small enough for every count the engine makes."""


class Words(FrozenModel):
    kind: Literal["words"] = "words"
    op: Literal[">", "<", ">=", "<="]
    count: int
    pos: Pos | None = Field(default=None, exclude=True)


def _parse(meta: Any, op: Any, digits: Any) -> Words:
    # A number too long for int() (Python refuses over 4300 digits) is too large anyway.
    count = int(digits) if len(digits) <= 30 else 10**30
    return Words(op=str(op), count=count, pos=Pos.of(digits))


class WordsType(ConditionType):
    kind = "words"
    model = Words
    examples = ("words > 5", "words <= 3")
    syntax = (Syntax('"words" COMPARATOR NUMBER', "words", _parse),)
    terminals = {"COMPARATOR": ('">=" | "<=" | ">" | "<"', "a comparison (>, <, >=, <=)")}
    reserved = ("words",)
    narrows = True  # "and words > 5" counts the words of the statements the other operands leave

    def resolve(self, condition: Words, compiler: Compiler, rule_file: RuleFile, depth: int) -> Any:
        if condition.count > MAX_WORDS:
            compiler.error(rule_file, condition.pos, f"the number after 'words {condition.op}' may be at most {MAX_WORDS}")
        return Words(op=condition.op, count=min(condition.count, MAX_WORDS))

    def shape(self, condition: Words, c: Classification) -> tuple:
        return ("words", condition.op, condition.count)

    def evaluate(self, condition: Words, c: Classification) -> frozenset[int]:
        return self.among(condition, c, c.index.universe)

    def among(self, condition: Words, c: Classification, statements: frozenset[int]) -> frozenset[int]:
        """The statements whose word count satisfies the condition, each counted only as far as
        the comparison needs (:meth:`DocumentMatches.more_words_than`)."""
        more, op, count = c.matches.more_words_than, condition.op, condition.count
        if op in (">", ">="):  # words >= n: more than n - 1
            limit = count if op == ">" else count - 1
            return frozenset(i for i in statements if more(i, limit))
        limit = count - 1 if op == "<" else count  # words < n: not more than n - 1
        return frozenset(i for i in statements if not more(i, limit))

    def render(self, condition: Words, ruleset: Ruleset, top: bool) -> str:
        return f"words {condition.op} {condition.count}"


WORDS = WordsType()
