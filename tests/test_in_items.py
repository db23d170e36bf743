"""``in items NAME``: what a statement's list below it says — the items of the list it introduces,
or the paragraph just after it when it ends in ":" and its writer marked no list
(checker/conditiontypes/in_items.py)."""

from __future__ import annotations

import pytest
from support import md, rules

from checker.engine import Classification, DocumentIndex
from checker.errors import RuleError

RULES = rules("""
    ruleset "i-sv" {
      language sv
    }
    define requirement = "ska"
    terms breach = "bryter mot"
    requirement C "a breach in the items" {
      category unmeasurable
      when     in items breach
      message  "x"
    }
    """)


def held(text: str) -> list[str]:
    """The statements of ``text`` the condition holds for."""
    document = md(text, language="sv")
    c = Classification(RULES, DocumentIndex(document))
    holds = c.evaluate(RULES.rule("C").when)
    return [s.text for s in document.statements if s.index in holds]


LEAD = "Beställaren har rätt att häva avtalet om:"


def test_the_lead_in_of_a_list_whose_item_holds() -> None:
    assert held(f"{LEAD}\n\n- Leverantören bryter mot avtalet\n- Leverantören går i konkurs\n") == [LEAD]


def test_the_lead_in_of_lettered_lines_written_as_one_paragraph() -> None:
    text = f"{LEAD}\n\na) Leverantören bryter mot avtalet;\nb) Leverantören går i konkurs.\n"
    assert held(text) == [LEAD]


@pytest.mark.parametrize(
    "text",
    [
        f"{LEAD}\n\n- Leverantören går i konkurs\n",  # no item holds
        "Beställaren har rätt att häva avtalet.\n\nLeverantören bryter mot avtalet.\n",  # no ":": the next paragraph is no list
        f"{LEAD}\n\n# Ansvar\n\nLeverantören bryter mot avtalet.\n",  # another section
        "Leverantören bryter mot avtalet om:\n\n- Beställaren inte betalar\n",  # the words in the lead-in itself
    ],
)
def test_nothing_else_is_the_items(text: str) -> None:
    assert held(text) == []


def test_in_items_of_an_unknown_name_is_an_error() -> None:
    with pytest.raises(RuleError, match="'in items breech': unknown name"):
        rules("""
            ruleset "i-sv" {
              language sv
            }
            define requirement = "ska"
            requirement C "x" {
              category unmeasurable
              when     in items breech
              message  "x"
            }
            """)


def test_the_suppliers_own_right_gives_the_buyers_right_no_cure_period() -> None:
    """The supplier's right to terminate below the buyer's, in the same clause, has its cure period
    in its items ("om Inera:" / "- … inte vidtar rättelse inom 30 dagar"): items that carry no duty
    (``non_binding_item``), and the statement introducing them, state no part of the buyer's
    sanction, though ``in items botfrist`` reads the cure period in that statement."""
    from checker.engine import check_document
    from checker.rulecompile import load_ruleset

    text = (
        "# 4.16 Förtida upphörande\n\n"
        "Beställaren äger rätt att häva kontraktet med omedelbar verkan om Leverantören har gjort sig skyldig till väsentligt avtalsbrott.\n\n"
        "Leverantören äger rätt att häva kontraktet om Beställaren:\n\n"
        "- i väsentlig mån brister i förpliktelse enligt kontraktet och inte vidtar rättelse inom 30 dagar efter skriftlig anmodan, eller\n"
        "- försätts i konkurs.\n"
    )
    document = md(text, language="sv")
    result = check_document(document, [load_ruleset("sv-avtal")])
    flagged = [document.statements[f.statement].text for f in result.findings if f.rule.endswith("AV005")]
    assert flagged == [document.statements[1].text]
