"""``in schedule NAME`` and the reading under it (``DocumentReading.scheduled``): a level stated in
the row of the deliverables table that names what a statement delivers
(checker/conditiontypes/in_schedule.py, checker/reading.py)."""

from __future__ import annotations

import pytest
from support import md, rules

from checker.engine import Classification, DocumentIndex, Linter, trace
from checker.errors import RuleError
from checker.matrix import build_matrix
from checker.readers import read_bytes
from checker.reporters.matrix import render_md

RULES = rules("""
    ruleset "s-en" {
      language en
    }
    define requirement = "shall", "must", "will"
    terms deliverables_title = "deliverable", "deliverables", "required deliverables"
    terms delivery_verb = "submit", "provide", "forward", "post", "deliver"
    pattern level = /\\bwithin\\s+(?:one|\\d+)\\s+(?:business\\s+)?days?\\b|\\bmonthly\\b|\\bend of\\b/
    requirement S "a level in the deliverables table" {
      category unmeasurable
      when     in schedule level
      message  "x"
    }
    """)

TABLE = """
| **Deliverable** | **Due date** |
| --- | --- |
| Vulnerability reports delivered through the bug bounty platform | Within one business day of the report |
| Tested Code & Status Reports | Within 1 day after each sprint |
| Code Repository of Product | End of call order |
| Research | Within 2 days of each sprint |
| Transition plan | As required |
"""


def held(text: str) -> list[str]:
    """The statements of ``text`` (with the deliverables table after it) the condition holds for."""
    document = md(text + "\n" + TABLE, language="en")
    c = Classification(RULES, DocumentIndex(document))
    holds = c.evaluate(RULES.rule("S").when)
    return [s.text for s in document.statements if s.index in holds]


@pytest.mark.parametrize(
    "text",
    [
        "The contractor will submit through their security disclosure platform vulnerability reports for the listed applications.",
        "Forward to TTS the vulnerability reports, the names of the researchers, and the award amounts.",
        "The Contractor shall submit a status report to the COR.",  # one of the names a cell joins, in the singular
        "The Contractor shall deliver the tested code to the COR.",
    ],
)
def test_a_duty_that_delivers_a_deliverable_the_table_times(text: str) -> None:
    assert held(text) == [text]


@pytest.mark.parametrize(
    "text",
    [
        "The contractor must provide staff who are specialists in reviewing vulnerability reports.",  # the staff are delivered
        "The Contractor shall post all code to a publicly-available code repository.",  # where, not what
        "The Contractor shall provide an interface to vulnerability report data.",
        "The Status Reports for the billing period shall be entered into the portal.",  # a subject, before the modal
        "The Contractor shall implement the vulnerability reports' fixes.",  # no verb of delivering
        "The Contractor shall submit its research to the COR.",  # "Research": one word names no one duty
        "The Contractor shall submit the transition plan to the COR.",  # its row states no level
        "The contractor will provide Vulnerability Report Triage Services.",  # a longer name
    ],
)
def test_nothing_else_takes_the_tables_level(text: str) -> None:
    assert held(text) == []


def test_only_a_table_whose_first_column_is_titled_as_deliverables() -> None:
    text = "The Contractor shall submit a status report to the COR.\n\n| Task | Due date |\n| --- | --- |\n| Status reports | monthly |\n"
    document = md(text, language="en")
    c = Classification(RULES, DocumentIndex(document))
    assert c.evaluate(RULES.rule("S").when) == frozenset()


def test_in_schedule_of_an_unknown_name_is_an_error() -> None:
    with pytest.raises(RuleError, match="'in schedule levle': unknown name"):
        rules("""
            ruleset "s-en" {
              language en
            }
            define requirement = "shall"
            requirement S "x" {
              category unmeasurable
              when     in schedule levle
              message  "x"
            }
            """)


def test_the_matrix_says_where_the_tables_level_stands() -> None:
    text = (
        "# Deliverables\n\nThe contractor will submit vulnerability reports to the COR.\n\n"
        "| Deliverable | Due date |\n| --- | --- |\n| Vulnerability reports | Within one business day of the researcher reporting the vulnerability |\n"
    )
    result = Linter().check_document(read_bytes(text.encode("utf-8"), "sow.md", "md"))
    row = next(r for r in trace(result) if r.text.startswith("The contractor will submit"))
    assert row.measurability == "yes"
    assert row.evidence == "one business day"
    assert row.evidence_at is not None and row.evidence_at.line == 7
    assert not any(f.rule.endswith("RQ017") for f in result.findings)
    assert '("one business day", line 7)' in render_md(build_matrix([result]))


def test_a_hostile_deliverables_table_and_sentence_are_read_in_linear_time() -> None:
    """The deliverable's name in a cell and the words between a delivery verb and the name are read
    by Python regexes: a cell with a long run of spaces before no separator, and a long run of
    prepositions before a name that ends no object, each read the rest of the run again from each
    position (quadratic: 8,000 of them took seconds each)."""
    import time

    from checker.reading import DocumentReading

    started = time.process_time()
    assert DocumentReading._deliverable_names("Status reports" + " " * 8_000 + "x") == ["status reports x"]
    assert DocumentReading._deliverable_names("Status" + " " * 8_000 + "reports") == ["status report"]
    text = "Submit " + "of " * 8_000 + "x, status reports"
    document = md(text + "\n" + TABLE, language="en")
    c = Classification(RULES, DocumentIndex(document))
    assert c.reading().scheduled == {0: (2,)}  # the status report's row: the name is the verb's object
    assert time.process_time() - started < 1


def test_a_sentence_of_thousands_of_deliverables_is_read_in_bounded_time() -> None:
    """Each deliverable a statement names is read against the text before it (its verb, the words
    between): a sentence naming the status reports 4,000 times took half a minute; the first 32
    names are read, as the first 32 modals are."""
    import time

    text = "The Contractor shall submit " + "status reports and " * 4_000 + "the plan."
    document = md(text + "\n" + TABLE, language="en")
    reading = Classification(RULES, DocumentIndex(document)).reading()
    started = time.process_time()
    assert reading.scheduled == {0: (2,)}
    assert time.process_time() - started < 1
