"""The base of the rule language's models: frozen models and positions in a rule file.

Apart from :mod:`checker.rulemodel` so that the condition types (:mod:`checker.conditiontypes`),
which that module collects into its ``Condition`` union, can build on it without importing it.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict


class FrozenModel(BaseModel):
    """A model of the rule language: immutable, and refusing fields it does not know."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Pos(FrozenModel):
    """A position in a rule file (1-based)."""

    line: int
    column: int

    @classmethod
    def of(cls, item: Any) -> Pos:
        """Where a parse-tree token, or a subtree (by its ``meta``), starts; line and column 1
        for what has no position."""
        return cls(line=getattr(item, "line", 1) or 1, column=getattr(item, "column", 1) or 1)
