"""The base of the rule language's models: frozen models and positions in a rule file; and the
empty defaults every model's list and dictionary fields start from.

Apart from :mod:`checker.rulemodel` so that the condition types (:mod:`checker.conditiontypes`),
which that module collects into its ``Condition`` union, can build on it without importing it.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict


# ``Field(default_factory=empty_list)`` rather than ``default_factory=list``: pydantic reads the
# signature of each default factory when it builds a model, and a builtin's signature is read by
# tokenizing its text signature (about 1 M instructions a field, and compiling the tokenizer's
# expressions first); a Python function's is not (a one-page check: 1,648 → 1,622 M instructions).
def empty_list() -> list[Any]:
    """A new empty list: the default of a list field."""
    return []


def empty_dict() -> dict[Any, Any]:
    """A new empty dictionary: the default of a dictionary field."""
    return {}


class FrozenModel(BaseModel):
    """A model of the rule language: immutable, and refusing fields it does not know.

    Its validator is built when a model is first validated, not when the class is defined
    (``defer_build``): a warm check validates only the cached ruleset's models, and the models a
    run does not use are never built (a one-page check: 1,532 → 1,507 M instructions under
    callgrind); the recursive conditions resolve ``Condition`` then, so they need no rebuild."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Pos(FrozenModel):
    """A position in a rule file (1-based)."""

    line: int
    column: int

    @classmethod
    def of(cls, item: Any) -> Pos:
        """Where a parse-tree token, or a subtree (by its ``meta``), starts; line and column 1
        for what has no position."""
        return cls(line=getattr(item, "line", 1) or 1, column=getattr(item, "column", 1) or 1)
