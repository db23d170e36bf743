"""Rule kinds as units: the registry names every kind the grammar and the model know, and each
kind does its whole job (fields, checks, evaluation, description) itself."""

from __future__ import annotations

from typing import get_args

from checker.rulekinds import RULE_KINDS, RuleKind
from checker.rulekinds.base import COMMON_FIELDS
from checker.rulemodel import RuleKind as RuleKindNames
from checker.rulesyntax import parser


def test_the_grammar_and_the_model_know_the_kinds_of_the_registry() -> None:
    (terminal,) = [t for t in parser().terminals if t.name == "RULE_KIND"]
    written = terminal.pattern.value.strip("(?:)").split("|")
    assert sorted(written) == sorted(RULE_KINDS)
    assert get_args(RuleKindNames) == tuple(RULE_KINDS)


def test_each_kind_evaluates_and_describes_its_rules_itself() -> None:
    for name, kind in RULE_KINDS.items():
        assert kind.name == name
        assert type(kind).evaluate is not RuleKind.evaluate and type(kind).describe is not RuleKind.describe
        assert set(kind.required) <= kind.fields  # what it requires it takes
        assert kind.matched_by in kind.fields
        assert not kind.fields & COMMON_FIELDS


def test_follow_up_and_sanction_rules_share_the_linking_code() -> None:
    from checker.rulekinds.linking import LinkingKind

    assert isinstance(RULE_KINDS["followup"], LinkingKind) and isinstance(RULE_KINDS["sanction"], LinkingKind)
    assert RULE_KINDS["followup"].needed_defines("requirements") == ["followup", "requirement"]
    assert RULE_KINDS["document"].needed_defines(None) == []
    assert RULE_KINDS["followup"].target_problem("sanctions") is not None
    assert RULE_KINDS["sanction"].target_problem("sanctions") is None
    assert RULE_KINDS["sanction"].linked_problem("sanctions") is not None
