"""Compile parsed rule files into runnable :class:`~checker.rulemodel.Ruleset` s.

:mod:`.sources` finds and reads rule files (shipped names, ``--ruleset`` references,
``extends`` names); :mod:`.loader` loads each file once and follows ``extends`` (the extending
file's folder first, then the shipped rulesets; cycles are errors); :mod:`.compiler` merges
names (late binding), resolves conditions and checks every rule; :mod:`.extent` bounds
conditions with their defines written out; :mod:`.templates` holds the
message placeholders. All errors of a file are collected and raised together as one
:class:`~checker.errors.RuleError`.
"""

from __future__ import annotations

from ..conditiontypes.words import MAX_WORDS
from .compiler import RESERVED
from .extent import MAX_EXPANDED_DEPTH, MAX_EXPANDED_SIZE
from .loader import MAX_EXTENDS_DEPTH, compile_text, load_each, load_ruleset, load_rulesets
from .sources import (
    MAX_RULE_FILE_BYTES,
    MAX_RULESET_NAME,
    extended_file,
    read_rule_file,
    resolve_ruleset_reference,
    shipped_ruleset_language,
    shipped_ruleset_names,
    shipped_ruleset_path,
    valid_ruleset_name,
)
from .templates import PLACEHOLDERS, field_name, fill_message, message_format, placeholders_in, template_parts

__all__ = [
    "MAX_EXPANDED_DEPTH",
    "MAX_EXPANDED_SIZE",
    "MAX_EXTENDS_DEPTH",
    "MAX_RULESET_NAME",
    "MAX_RULE_FILE_BYTES",
    "MAX_WORDS",
    "PLACEHOLDERS",
    "RESERVED",
    "compile_text",
    "extended_file",
    "field_name",
    "fill_message",
    "load_each",
    "load_ruleset",
    "load_rulesets",
    "message_format",
    "placeholders_in",
    "read_rule_file",
    "resolve_ruleset_reference",
    "shipped_ruleset_language",
    "shipped_ruleset_names",
    "shipped_ruleset_path",
    "template_parts",
    "valid_ruleset_name",
]
