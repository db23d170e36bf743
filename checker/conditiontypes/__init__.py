"""The leaf condition types, one module each, and their registry.

A type (:class:`~checker.conditiontypes.base.ConditionType`) holds everything about one kind of
atom of a condition: its model, how it is written (its alternatives of the grammar's ``atom``,
added when the parser is built), what the parser makes of it, and its answer to each walk over
conditions (resolve and extent in the compiler; shape, evaluate, first match and holds in clause
in the engine; render and names used on the rule pages). The visitors of
:mod:`checker.conditions` handle the core kinds (names, terms lists, patterns, defines, ``not``,
``and``, ``or``) themselves and ask the unit for every other kind. A new type: a module with a
:class:`ConditionType` and its line below (``tests/test_conditions.py`` checks that it answers
every walk, ``tests/test_conditiontypes.py`` that it round-trips its examples).
"""

from __future__ import annotations

from .base import ConditionType, Extent, Syntax
from .has_id import HAS_ID
from .in_context import IN_CONTEXT
from .in_items import IN_ITEMS
from .in_predicate import IN_PREDICATE
from .in_schedule import IN_SCHEDULE
from .in_section import IN_SECTION
from .in_table import IN_TABLE
from .model_lacks import MODEL_ACCRUES, MODEL_CAPPED, MODEL_CITES, MODEL_LACKS
from .outside_purpose import OUTSIDE_PURPOSE
from .reading import READING
from .words import WORDS

LEAF_TYPES: dict[str, ConditionType] = {
    unit.kind: unit
    for unit in (
        IN_SECTION,
        READING,
        HAS_ID,
        WORDS,
        IN_TABLE,
        IN_PREDICATE,
        OUTSIDE_PURPOSE,
        IN_CONTEXT,
        IN_ITEMS,
        IN_SCHEDULE,
        MODEL_LACKS,
        MODEL_ACCRUES,
        MODEL_CAPPED,
        MODEL_CITES,
    )
}
"""Condition kind → its unit, in the order of the ``Condition`` union (and of its JSON Schema)."""

__all__ = ["LEAF_TYPES", "ConditionType", "Extent", "Syntax"]
