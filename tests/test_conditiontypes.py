"""The leaf condition types (checker/conditiontypes): each is one unit that the model, the
grammar, the parser, the reserved words, the compiler, the engine and the rule pages all take
from the registry, and each parses, compiles, evaluates and renders back what it writes."""

from __future__ import annotations

import pytest
from support import md, rules

from checker.conditions import CONDITION_TYPES
from checker.conditiontypes import LEAF_TYPES
from checker.engine import Classification, DocumentIndex
from checker.rulecompile import RESERVED
from checker.ruledocs import render_condition
from checker.rulesyntax import grammar_text, parser


def test_each_leaf_type_is_one_unit_that_the_model_grammar_and_names_take_from_the_registry() -> None:
    for kind, unit in LEAF_TYPES.items():
        assert unit.kind == kind == unit.model.model_fields["kind"].default
        assert unit.model in CONDITION_TYPES
        assert set(unit.reserved) <= set(RESERVED)
        assert unit.examples, kind
        for syntax in unit.syntax:
            assert f"%extend atom: {syntax.alternative} -> {syntax.node}" in grammar_text()
    nodes = [syntax.node for unit in LEAF_TYPES.values() for syntax in unit.syntax]
    assert len(nodes) == len(set(nodes))
    terminals = {terminal.name for terminal in parser().terminals}
    assert {name for unit in LEAF_TYPES.values() for name in unit.terminals} <= terminals
    assert {"has_id", "words", "in_section"} <= set(LEAF_TYPES)
    assert not {"ref", "terms", "pattern", "class", "not", "and", "or"} & set(LEAF_TYPES)  # the core stays in the visitors


LEAF_EXAMPLES = [(kind, written) for kind, unit in LEAF_TYPES.items() for written in unit.examples]


@pytest.mark.parametrize(("kind", "written"), LEAF_EXAMPLES)
def test_each_leaf_type_parses_compiles_evaluates_and_renders_back_what_it_writes(kind: str, written: str) -> None:
    ruleset = rules(f"""
        ruleset "t" {{
          language en
        }}
        terms headings = "Support"
        terms copula = "be"
        define requirement = "shall"
        requirement R "r" {{
          category structure
          when {written}
          message "m"
        }}
        """)
    condition = ruleset.rule("R").when
    assert condition.kind == kind
    assert render_condition(condition, ruleset) == written
    document = md(
        "# Support\n\nK1 The Supplier shall answer within 4 hours every day.\n\n| Id | Requirement |\n|---|---|\n| K2 | The Supplier shall log calls. |\n"
    )
    c = Classification(ruleset, DocumentIndex(document))
    holds = c.evaluate(condition)
    assert holds <= c.index.universe
    for i in holds:
        assert c.holds_in_clause(condition, i) in (True, False)
        span = c.first_match(condition, i, True)
        assert span is None or 0 <= span[0] <= span[1] <= len(document.statements[i].text)
