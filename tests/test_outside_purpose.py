"""``outside purpose LIST``: a term of the list before the statement's purpose clause ("so that …",
"in order to …"), or anywhere in a statement without one (checker/conditiontypes/outside_purpose.py)."""

from __future__ import annotations

import time

import pytest
from support import md, rules

from checker.engine import Classification, DocumentIndex
from checker.errors import RuleError

EN = rules("""
    ruleset "o-en" {
      language en
      extends  "en-base"
    }
    terms vague (not in names) = "quicker", "easy", "accurate", "appropriate"
    requirement O "vague outside the purpose" {
      category unmeasurable
      when     outside purpose vague
      message  "{match}"
    }
    """)

NO_OPENERS = rules("""
    ruleset "o-bare" {
      language en
    }
    define requirement = "shall", "want"
    requirement O "vague anywhere" {
      category unmeasurable
      when     outside purpose "quicker", "easy"
      message  "{match}"
    }
    """)


def matched(ruleset, text: str) -> list[str | None]:
    """The term the condition finds in each statement of ``text`` (None where it does not hold)."""
    document = md(text, language="en")
    c = Classification(ruleset, DocumentIndex(document))
    condition = ruleset.rule("O").when
    holds = c.evaluate(condition)
    return [statement.text[slice(*c.first_match(condition, statement.index, True))] if statement.index in holds else None for statement in document.statements]


@pytest.mark.parametrize(
    ("sentence", "term"),
    [
        ("As an Applicant, I want an easy way to renew my certificate.", "easy"),
        ("As an Applicant, I want a web form so that the process is quicker.", None),
        ("The Contractor shall log every change in order to keep the records accurate.", None),
        ("The form shall be easy to fill in so that applications are accurate.", "easy"),  # the first term stands before
        ("The report shall be accurate.", "accurate"),  # no purpose clause
        ("The Contractor shall act so as to keep costs appropriate.", None),
    ],
)
def test_a_term_counts_only_before_the_purpose_clause(sentence: str, term: str | None) -> None:
    assert matched(EN, sentence) == [term]


@pytest.mark.parametrize(
    ("sentence", "term"),
    [
        # a purpose clause that opens the statement ends at its comma: the main clause is read
        ("In order to keep the records accurate, the form shall be easy to fill in.", "easy"),
        ("To enable easy identification of the files, vendors shall use the naming convention in Annex 2.", None),
        ("1. To enable easy identification, vendors shall name files in an easy way.", "easy"),
        ("In order to keep records accurate, the Contractor shall log changes so that reviews are quicker.", None),
        ("In order to keep the records accurate and the form easy to fill in.", None),  # no comma: all purpose
        ("The Contractor shall log every change, in order to keep the records accurate, and easy reviews.", None),
    ],
)
def test_a_purpose_clause_that_opens_the_statement_ends_at_its_comma(sentence: str, term: str | None) -> None:
    assert matched(EN, sentence) == [term]


def test_a_long_run_of_marks_before_an_opener_is_read_in_linear_time() -> None:
    # What may stand before an opening purpose clause was matched with two runs of non-word
    # characters side by side: a 40,000-character run took 15 s, 100,000 some 100 s.
    text = "(" + "-" * 100_000 + ") x In order to enable easy access, the vendor shall provide it in an easy way.\n"
    started = time.monotonic()
    assert matched(EN, text) == [None]  # the clause does not open the statement: all of it is purpose
    assert time.monotonic() - started < 20  # a generous bound for a former hang


def test_several_statements_are_read_each_on_its_own() -> None:
    text = "I want a web form so that it is quicker.\n\nThe form shall be easy.\n\nNothing vague here, so that it is fine.\n"
    assert matched(EN, text) == [None, "easy", None]


def test_without_purpose_openers_every_term_counts() -> None:
    assert matched(NO_OPENERS, "I want a web form so that it is quicker.") == ["quicker"]


def test_outside_purpose_of_a_name_that_is_no_terms_list_is_an_error() -> None:
    with pytest.raises(RuleError, match="'outside purpose vage': no terms list"):
        rules("""
            ruleset "o-err" {
              language en
              extends  "en-base"
            }
            terms vague = "easy"
            requirement O "x" {
              category unmeasurable
              when     outside purpose vage
              message  "x"
            }
            """)


def test_shipped_rq001_leaves_a_story_purpose_alone() -> None:
    from checker import check, load_ruleset

    def rules_found(text: str) -> set[str]:
        report = check([md(text, language="en")], [load_ruleset("en-requirements")])
        return {f.rule for f in report.findings}

    assert "en-requirements/RQ011" not in rules_found(
        "As an Applicant, I want to submit my application via a web form so that the submission process is quicker."
    )
    assert "en-requirements/RQ001" in rules_found("As an Applicant, I want an easy way to renew my certificate.")
