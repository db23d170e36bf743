"""``in context NAME``: a level stated in what introduces a statement — its list's lead-in, or the
sentence before it that states no duty of its own (checker/conditiontypes/in_context.py)."""

from __future__ import annotations

import pytest
from support import md, rules

from checker.engine import Classification, DocumentIndex
from checker.errors import RuleError

RULES = rules("""
    ruleset "c-en" {
      language en
    }
    define requirement = "shall", "must"
    pattern level = /\\bwithin\\s+\\d+\\s+(?:business\\s+)?days\\b|\\bmonthly\\b/
    requirement C "a level in the context" {
      category unmeasurable
      when     in context level
      message  "x"
    }
    """)


def held(text: str) -> list[str]:
    """The statements of ``text`` the condition holds for."""
    document = md(text, language="en")
    c = Classification(RULES, DocumentIndex(document))
    holds = c.evaluate(RULES.rule("C").when)
    return [s.text for s in document.statements if s.index in holds]


def test_the_items_of_a_list_whose_lead_in_states_a_level() -> None:
    text = "The Contractor shall, within 5 business days of a request:\n\n- provide copies of its policies\n- provide its insurance certificate\n"
    assert held(text) == ["provide copies of its policies", "provide its insurance certificate"]


def test_a_lead_in_without_a_level_gives_its_items_none() -> None:
    assert held("The Contractor shall:\n\n- provide copies within 5 days\n- provide its certificate\n") == []


def test_the_sentence_after_one_that_states_a_level_and_no_duty() -> None:
    text = "Reports are due monthly. The Contractor shall submit them to the COR.\n"
    assert held(text) == ["The Contractor shall submit them to the COR."]


def test_the_later_sentence_of_a_list_item_but_not_the_next_item() -> None:
    text = "- Reports are due monthly. Submit them to the COR.\n- Keep a log.\n"
    assert held(text) == ["Submit them to the COR."]


def test_a_duty_before_keeps_its_level_to_itself() -> None:
    text = "The COTR shall review the plan within 10 days. The COR will monitor compliance.\n"
    assert held(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Reports are due monthly.\n\nThe Contractor shall submit them to the COR.\n",  # another paragraph
        "| Task | Due |\n|---|---|\n| Report | monthly |\n| Plan | once |\n",  # the row before is no introduction
        "Reports are due monthly.\n\n# Reporting\n",  # a heading is no statement of a duty
    ],
)
def test_nothing_else_is_context(text: str) -> None:
    assert held(text) == []


def test_in_context_of_an_unknown_name_is_an_error() -> None:
    with pytest.raises(RuleError, match="'in context levle': unknown name"):
        rules("""
            ruleset "c-err" {
              language en
            }
            define requirement = "shall"
            pattern level = /monthly/
            requirement C "x" {
              category unmeasurable
              when     in context levle
              message  "x"
            }
            """)


def test_rulesets_with_other_requirements_share_no_answer() -> None:
    """Whether a sentence before states a duty of its own is the ruleset's ``requirement``: two
    rulesets checked together whose lists agree but whose requirements do not each get their own
    answer, as when checked alone (the document's answers are shared by the condition's shape)."""
    from support import findings

    def ruleset(name: str, requirement: str) -> object:
        return rules(
            f"""
            ruleset "{name}" {{
              language en
            }}
            define requirement = {requirement}
            pattern level = /\\bmonthly\\b/
            requirement C "x" {{
              category unmeasurable
              when     "submit" and in context level
              message  "x"
            }}
            """,
            f"{name}.krav",
        )

    loose, strict = ruleset("loose", '"shall"'), ruleset("strict", '"shall", "due"')
    text = "Reports are due monthly. The Contractor shall submit them to the COR.\n"
    alone = {r.name: [f.rule for f in findings(md(text, language="en"), r)] for r in (loose, strict)}
    assert alone == {"loose": ["loose/C"], "strict": []}
    for pair in ((loose, strict), (strict, loose)):
        together = [f.rule for f in findings(md(text, language="en"), *pair)]
        assert together == ["loose/C"]


def test_in_context_inside_the_requirement_define_is_a_cycle() -> None:
    """Whether a sentence before states a duty of its own is read from the ``requirement``
    class, so a ``requirement`` that uses ``in context`` (itself or through a define) refers to
    itself: an error of the rule file, not an endless recursion when a document is checked."""
    for defines in (
        'define requirement = "shall" or in context level',
        'define carried = in context level\n            define requirement = "shall" or carried',
    ):
        with pytest.raises(RuleError, match="cycle: .*requirement"):
            rules(f"""
                ruleset "c-cycle" {{
                  language en
                }}
                pattern level = /monthly/
                {defines}
                requirement C "x" {{
                  category unmeasurable
                  when     "submit"
                  message  "x"
                }}
                """)
