"""The traceability matrix, the balance elements and the ``kravkoll matrix`` command."""

from __future__ import annotations

import csv
import gc
import io
import json
import re
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from writer_helpers import EN_DOCUMENT, EN_RULES, FIXTURES, SV_DOCUMENT, SV_RULES, checked, checked_text

from checker.balance import balance, element_statements, linked_statements
from checker.cli import main
from checker.config import Config
from checker.engine import Linter, check, check_document, check_each, trace
from checker.engine.index import DocumentIndex
from checker.engine.sanctions import same_kind
from checker.matrix import build_matrix, matrix_document, scorecard
from checker.readers import read_bytes, read_document
from checker.report import BALANCE_ELEMENTS
from checker.reporters.matrix import CSV_COLUMNS, render_csv, render_md
from checker.rulecompile import compile_text, load_ruleset


def _line_of(document_text: str, needle: str) -> int:
    return next(n for n, line in enumerate(document_text.splitlines(), start=1) if needle in line)


SV_TEXT = SV_DOCUMENT.read_text(encoding="utf-8")
FOLLOW_UP_LINE = _line_of(SV_TEXT, "Tillgängligheten enligt K2.1 följs upp")
S1_LINE = _line_of(SV_TEXT, "| S1 |")
VITE_LINE = _line_of(SV_TEXT, "betala vite")
HAVA_LINE = _line_of(SV_TEXT, "rätt att häva")


def _shape(rows):
    return [
        (
            row.requirement_id,
            row.id_source,
            row.measurable,
            [(link.how, link.location.line) for link in row.follow_up],
            [(link.how, link.location.line) for link in row.sanction],
            row.status,
        )
        for row in rows
    ]


def test_matrix_of_a_small_contract_is_exactly_as_read_by_hand():
    rows = trace(checked(SV_DOCUMENT))
    assert _shape(rows) == [
        ("K2.1", "leading", True, [("id", FOLLOW_UP_LINE)], [("id", VITE_LINE)], "complete"),
        ("K2.2", "leading", False, [("section", FOLLOW_UP_LINE)], [], "unmeasurable"),
        ("K2.3", "leading", False, [("section", FOLLOW_UP_LINE)], [], "unmeasurable"),
        ("S1", "column", True, [("self", S1_LINE)], [], "no-sanction"),
        ("S2", "column", True, [("section", S1_LINE)], [], "no-sanction"),
        ("4", "heading", True, [], [], "no-follow-up"),
        ("5", "heading", True, [], [("self", VITE_LINE), ("section", HAVA_LINE)], "no-follow-up"),
    ]
    k22 = rows[1]
    assert k22.unmeasurable_because == ['"snabbt" går inte att mäta. Ange nivå, enhet och mätmetod.']
    assert rows[0].follow_up[0].text.startswith("Tillgängligheten enligt K2.1")


def test_a_statement_linked_several_ways_is_listed_once_with_the_closest_way():
    # K2.1's follow-up sentence mentions K2.1 and stands in its section: one link, by id.
    row = trace(checked(SV_DOCUMENT))[0]
    assert [(link.how, link.statement) for link in row.follow_up] == [("id", row.follow_up[0].statement)]


def test_links_follow_the_rulesets_linked_by():
    text = SV_RULES.read_text(encoding="utf-8").replace("  for requirements where matt\n", "  for requirements where matt\n  linked by id\n")
    assert text.count("linked by id") == 2
    ruleset = compile_text(text, str(FIXTURES / "writer-sv-by-id.krav"))
    rows = trace(check_document(read_document(SV_DOCUMENT), [ruleset]))
    follow = {row.requirement_id: [link.how for link in row.follow_up] for row in rows}
    assert follow == {"K2.1": ["id"], "K2.2": [], "K2.3": [], "S1": ["self"], "S2": [], "4": [], "5": []}


def test_suppressed_and_ignored_findings_do_not_make_a_requirement_unmeasurable():
    suppressed = checked_text("# 1 Drift\n\n<!-- kravkoll: ignore OMATBART -- avtalat muntligt -->\nK1 Leverantören ska åtgärda fel snabbt.\n")
    # no finding says it is unmeasurable, and no level is stated either: unclear, never "yes" by default
    assert [(row.measurability, row.measurable, row.status) for row in trace(suppressed)] == [("unclear", False, "unclear")]
    from checker.config import Config

    ruleset = load_ruleset(SV_RULES)
    ignored = check_document(read_document(SV_DOCUMENT), [ruleset], Config(ignore=["OMATBART"]))
    assert all(row.measurability != "no" for row in trace(ignored))


def test_scorecard_counts():
    card = matrix_document(checked(SV_DOCUMENT)).scorecard
    assert card.model_dump() == {
        "requirements": 7,
        "measurable": 5,
        "followed_up": 5,
        "sanctioned": 2,
        "complete": 1,
        "followed_up_specific": 5,
        "followed_up_blanket_only": 0,
        "sanctioned_specific": 2,
        "sanctioned_blanket_only": 0,
    }


def test_scorecard_splits_specific_from_blanket_only_links():
    rows = trace(
        checked_text(
            "# 1 Drift\n\nK1 Leverantören ska åtgärda fel inom 4 timmar.\n\n"
            "# 2 Uppföljning\n\nSamtliga krav i avtalet följs upp vid kvartalsmöten.\n\n"
            "# 3 Viten\n\nFör försening av K1 utgår vite om 1 000 kronor per dag.\n"
        )
    )
    card = scorecard(rows)
    assert (card.followed_up, card.followed_up_specific, card.followed_up_blanket_only) == (1, 0, 1)
    assert (card.sanctioned, card.sanctioned_specific, card.sanctioned_blanket_only) == (1, 1, 0)
    (row,) = rows
    assert [(link.reason, link.kind, link.detail) for link in row.follow_up] == [("blanket", "blanket", "Samtliga krav")]
    assert [(link.reason, link.kind, link.detail) for link in row.sanction] == [("id", "specific", "K1")]


def test_scorecard_of_a_document_without_requirements_says_none_not_100_percent():
    matrix = build_matrix([checked_text("# 1 Bakgrund\n\nMyndigheten har 200 anställda.\n")])
    assert matrix.documents[0].scorecard.requirements == 0
    assert "Inga krav hittades i dokumentet." in render_md(matrix) and "%" not in render_md(matrix)


# ---- balance ----------------------------------------------------------------------------------


def test_balance_of_the_swedish_contract():
    found = balance(checked(SV_DOCUMENT))
    assert list(found) == list(BALANCE_ELEMENTS)
    present = {key for key, element in found.items() if element.present}
    assert present == {"follow_up", "sanction", "governance", "change", "termination"}
    assert [loc.line for loc in found["termination"].locations] == [HAVA_LINE]
    assert [loc.line for loc in found["change"].locations] == [_line_of(SV_TEXT, "Ändringar och tillägg till")]
    assert all(not found[key].locations for key in ("incentive", "improvement", "acceptance", "dispute"))


def test_balance_of_the_english_sla():
    found = balance(checked(EN_DOCUMENT, EN_RULES))
    present = {key for key, element in found.items() if element.present}
    assert present == {"follow_up", "sanction", "governance", "dispute"}


def test_headings_alone_do_not_make_an_element_present():
    # "Tvistlösning" as a heading, with nothing in the text that settles disputes.
    result = checked_text("# 1 Tvistlösning\n\nParterna ska samarbeta.\n")
    assert balance(result)["dispute"].present is False
    result = checked_text("# 1 Tvistlösning\n\nTvist ska avgöras av allmän domstol.\n")
    assert balance(result)["dispute"].present is True


def test_acceptance_of_what_is_delivered_is_an_acceptance_clause():
    # Acceptance written as a noun before or with what is delivered, and the check that the
    # delivery lives up to the requirements; not a check that the supplier keeps its commitments.
    shipped = Path(__file__).resolve().parent.parent / "rulesets" / "sv-avtal.krav"
    for text in ("Samtliga fel ska vara åtgärdade innan acceptans.", "Beställaren kontrollerar att det som levereras lever upp till de krav som ställts."):
        assert balance(checked_text(f"# 5 Leverans\n\n{text}\n", shipped))["acceptance"].present is True, text
    audit = checked_text("# 5 Revision\n\nBeställaren har rätt att kontrollera att Leverantörens åtaganden efterlevs.\n", shipped)
    assert balance(audit)["acceptance"].present is False


def test_clauses_written_under_other_names_make_their_elements_present():
    """A forum held with the other party is governance; the acceptable level of performance set
    where the standard is, and approval by silence, are acceptance; negative incentives alone are
    no incentive; a choice of law about something other than the agreement is no dispute clause."""
    rules = Path(__file__).resolve().parent.parent / "rulesets"

    def present(text: str, ruleset: str) -> dict[str, bool]:
        return {key: element.present for key, element in balance(checked_text(f"# 4 Surveillance\n\n{text}\n", rules / ruleset)).items()}

    assert present("The ACO will define a frequency of in-depth reviews with the contractor.", "en-contract.krav")["governance"]
    assert not present("The contractor shall review the plan with its staff.", "en-contract.krav")["governance"]
    assert present("The acceptable level of performance is set in the acceptable quality level related to that paragraph.", "en-contract.krav")["acceptance"]
    assert present("Customer will be deemed to have approved a Deliverable if Customer does not reject it within the Rejection Period.", "en-contract.krav")[
        "acceptance"
    ]
    assert not present("The AQLs allow the contractor to manage the work while providing negative incentives for performance shortfalls.", "en-contract.krav")[
        "incentive"
    ]
    assert present("The contract provides positive and negative incentives for performance.", "en-contract.krav")["incentive"]
    assert not present("När svensk rätt inte är tillämplig ska villkoren ställas enligt ILO:s kärnkonventioner.", "sv-avtal.krav")["dispute"]
    assert present("Svensk rätt ska tillämpas på detta avtal.", "sv-avtal.krav")["dispute"]


def test_a_vendors_right_to_change_its_own_terms_is_no_change_procedure():
    """Issue 15 ("words, not clauses"): in a vendor's own SLA the right it reserves to change the
    terms is its own right over the customer, no procedure by which the parties change the
    contract; in a buyer's document the same words are a change clause (partial)."""
    rules = Path(__file__).resolve().parent.parent / "rulesets" / "en-contract.krav"
    sla = (
        "# Service Level Agreement\n\nWe will use commercially reasonable efforts to make the service available 99.9 % of each month.\n\n"
        "If we do not meet this commitment, you will be eligible for a service credit.\n\nWe measure availability every minute.\n\n"
        "We reserve the right to change the terms of this SLA by publishing updated terms.\n"
    )
    assert balance(checked_text(sla, rules))["change"].present is False
    qasp = "# 4 Surveillance\n\nThe Government reserves the right to make changes to this QASP.\n"
    assert balance(checked_text(qasp, rules))["change"].present is True


def test_balance_falls_back_to_shipped_rulesets_only_for_keys_no_ruleset_in_use_has():
    in_use = compile_text(
        (FIXTURES / "contract-example.krav").read_text(encoding="utf-8") + '\nterms dispute = "ett ord som inte står i avtalet"\n',
        str(FIXTURES / "in-use.krav"),
    )
    linter = Linter(Config(), [in_use], shipped={"sv": [load_ruleset(SV_RULES)], "en": []})  # the linter's shipped rulesets decide
    document = read_document(SV_DOCUMENT)
    found = balance(linter.check_document(document))
    assert found["governance"].present and found["change"].present  # from the shipped fallback
    assert found["dispute"].present is False  # decided by the ruleset in use, which has the name
    english = balance(linter.check_document(read_document(EN_DOCUMENT)))
    assert english["governance"].present is False  # no shipped English ruleset has the list


def test_element_statements_are_the_clause_classes_before_any_link():
    # A sanction clause that no requirement links to is of the class (bench/datasets.py measures
    # the classes clause by clause) but not the balance's sanction element.
    result = checked_text("# 1 Vite\n\nVid försening har Beställaren rätt till vite om 5 000 kr per påbörjad vecka.\n")
    assert element_statements(result)["sanction"]
    assert balance(result)["sanction"].present is False


def test_no_vocabulary_means_absent():
    linter = Linter(Config(), [load_ruleset(FIXTURES / "contract-example.krav")], shipped={"sv": []})
    found = balance(linter.check_document(read_document(SV_DOCUMENT)))
    assert found["follow_up"].present is True
    assert {key for key, e in found.items() if not e.present} == set(BALANCE_ELEMENTS) - {"follow_up", "sanction"}


# ---- renderings -------------------------------------------------------------------------------


def _matrix():
    return build_matrix([checked(SV_DOCUMENT), checked(EN_DOCUMENT, EN_RULES)])


def test_json_matrix_carries_the_nine_balance_keys_per_document():
    data = json.loads(_matrix().model_dump_json())
    for document in data["documents"]:
        assert list(document["balance"]) == list(BALANCE_ELEMENTS)
        for element in document["balance"].values():
            assert set(element) == {"present", "locations"}
            assert isinstance(element["present"], bool)
    first = data["documents"][0]["requirements"][0]
    assert first["status"] == "complete" and first["follow_up"][0]["how"] == "id"


def test_csv_parses_back_to_the_matrix():
    matrix = _matrix()
    rows = list(csv.DictReader(io.StringIO(render_csv(matrix))))
    assert tuple(rows[0]) == CSV_COLUMNS
    expected = [(doc.path, row) for doc in matrix.documents for row in doc.requirements]
    assert len(rows) == len(expected)
    for parsed, (path, row) in zip(rows, expected):
        assert parsed["file"] == path
        assert parsed["id"] == (row.requirement_id or "")
        assert parsed["status"] == row.status
        assert parsed["measurable"] == row.measurability
        assert parsed["text"] == " ".join(row.text.split())
        assert [cell.split(" (")[0] for cell in parsed["follow_up"].split("; ") if cell] == [
            ", ".join(filter(None, (link.location.clause, f"line {link.location.line}"))) for link in row.follow_up
        ]
        assert parsed["clause"] == (row.location.clause or "") and parsed["place"].endswith(f"line {row.location.line}")
        assert all(f"({link.how}: " in parsed["follow_up"] for link in row.follow_up)
    assert rows[0]["sanction"] == f"5, line {VITE_LINE} (id: mentions K2.1)"  # where (clause 5 Viten), how and why
    assert rows[0]["place"] == "2 Tjänstens omfattning, line 10"  # as the writer finds it: clause, heading, line


def test_csv_cells_never_start_a_formula():
    result = checked_text('# 1 Krav\n\n=HYPERLINK("http://example.invalid") Leverantören ska leverera 4 dagar.\n')
    rows = list(csv.DictReader(io.StringIO(render_csv(build_matrix([result])))))
    assert rows[0]["text"].startswith("'=HYPERLINK")


def _md_cells(line: str) -> list[str]:
    cells = re.split(r"(?<!\\)\|", line.strip())[1:-1]
    return [re.sub(r"\\(.)", r"\1", cell.strip()) for cell in cells]


def test_md_pipe_table_parses_back():
    md = render_md(_matrix())
    tables: list[list[list[str]]] = []
    for line in md.splitlines():
        if line.startswith(("| Krav-id |", "| Requirement |")):
            tables.append([])
        elif line.startswith("|") and not line.startswith("|---"):
            tables[-1].append(_md_cells(line))
            assert len(tables[-1][-1]) == 7
    swedish, english = tables
    assert [row[0] for row in swedish] == ["K2.1", "K2.2", "K2.3", "S1", "S2", "avsnitt 4", "avsnitt 5"]
    assert [row[6] for row in swedish] == [
        "Komplett",
        "Inte mätbart",
        "Inte mätbart",
        "Sanktion saknas",
        "Sanktion saknas",
        "Uppföljning saknas",
        "Uppföljning saknas",
    ]
    assert swedish[3][2] == "S1 | Leverantören ska besvara supportärenden inom 4 timmar under kontorstid. | Rapporteras kvartalsvis"
    assert swedish[0][1] == "2 Tjänstens omfattning, rad 10"  # the clause and heading, then the line
    assert swedish[0][4] == f"2, rad {FOLLOW_UP_LINE} (nämner K2.1)"
    assert [row[0] for row in english] == ["R1", "R2", "section 2", "section 4"]
    assert english[1][3].startswith('No: "promptly" cannot be measured')
    assert "✗ Incitament: saknas" in md and "✓ Dispute resolution: present" in md


def test_md_escapes_markup_in_document_text():
    result = checked_text("# 1 Krav\n\nK1 Leverantören ska leverera <b>4 dagar</b> | [länk](x) *snabbt*.\n")
    md = render_md(build_matrix([result]))
    row = next(line for line in md.splitlines() if line.startswith("| K1"))
    assert "\\<b\\>" in row and "\\|" in row and "\\[länk\\]" in row and "\\*snabbt\\*" in row
    assert _md_cells(row)[2] == "K1 Leverantören ska leverera <b>4 dagar</b> | [länk](x) *snabbt*."


# ---- the engine's document-by-document API ---------------------------------------------------


def test_check_each_reports_unreadable_files_and_check_agrees(tmp_path):
    missing = tmp_path / "finns-inte.md"
    results = list(check_each([SV_DOCUMENT, missing], [SV_RULES]))
    assert results[0].document.path == str(SV_DOCUMENT)
    assert results[1].error and "finns-inte.md" in results[1].error
    report = check([SV_DOCUMENT, missing], [SV_RULES])
    assert report.files[0].requirements == 7 and report.files[1].error == results[1].error
    assert len(report.findings) == len(results[0].findings)


# ---- the command ------------------------------------------------------------------------------


def _run(*args: str, cwd: Path | None = None):
    runner = CliRunner()
    if cwd is None:
        return runner.invoke(main, list(args), catch_exceptions=False)
    import os

    before = os.getcwd()
    os.chdir(cwd)
    try:
        return runner.invoke(main, list(args), catch_exceptions=False)
    finally:
        os.chdir(before)


def test_matrix_command_formats():
    result = _run("matrix", str(SV_DOCUMENT), "-r", str(SV_RULES), "-f", "json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert [r["requirement_id"] for r in data["documents"][0]["requirements"]][:3] == ["K2.1", "K2.2", "K2.3"]
    assert data["tool"]["rulesets"][0]["name"] == "writer-sv"
    for fmt, marker in (("md", "| Krav-id |"), ("csv", "file,statement,id"), ("html", "<!DOCTYPE html>")):
        result = _run("matrix", str(SV_DOCUMENT), "-r", str(SV_RULES), "-f", fmt)
        assert result.exit_code == 0 and marker in result.output


def test_matrix_command_takes_select_and_ignore():
    all_rules = json.loads(_run("matrix", str(SV_DOCUMENT), "-r", str(SV_RULES), "-f", "json").output)
    ignored = json.loads(_run("matrix", str(SV_DOCUMENT), "-r", str(SV_RULES), "-f", "json", "--ignore", "OMATBART").output)
    selected = json.loads(_run("matrix", str(SV_DOCUMENT), "-r", str(SV_RULES), "-f", "json", "--select", "missing-sanction").output)
    assert [r["measurability"] for r in all_rules["documents"][0]["requirements"]].count("no") == 2
    assert all(r["measurability"] != "no" for r in ignored["documents"][0]["requirements"])
    assert all(r["measurability"] != "no" for r in selected["documents"][0]["requirements"])


def test_matrix_command_honours_kravkoll_toml(tmp_path):
    folder = tmp_path / "upphandling"
    folder.mkdir()
    (folder / "avtal.md").write_text(SV_TEXT, encoding="utf-8")
    (folder / "regler.krav").write_text(SV_RULES.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "kravkoll.toml").write_text('rulesets = ["regler.krav"]\nignore = ["OMATBART"]\n', encoding="utf-8")
    result = _run("matrix", "avtal.md", "-f", "json", cwd=folder)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["tool"]["rulesets"][0]["name"] == "writer-sv"
    assert all(r["measurability"] != "no" for r in data["documents"][0]["requirements"])
    other = tmp_path / "annan.toml"
    other.write_text('rulesets = ["upphandling/regler.krav"]\n', encoding="utf-8")
    result = _run("matrix", "upphandling/avtal.md", "--config", str(other), "-f", "json", cwd=tmp_path)
    assert [r["measurability"] for r in json.loads(result.output)["documents"][0]["requirements"]].count("no") == 2


def test_matrix_command_language_option():
    result = _run("matrix", str(EN_DOCUMENT), "-r", str(SV_RULES), "--lang", "sv", "-f", "json")
    assert json.loads(result.output)["documents"][0]["language"] == "sv"


def test_matrix_command_unreadable_input_exits_2_and_keeps_the_rest(tmp_path):
    result = CliRunner().invoke(main, ["matrix", str(SV_DOCUMENT), str(tmp_path / "saknas.md"), "-r", str(SV_RULES), "-f", "csv"])
    assert result.exit_code == 2
    assert "saknas.md: no such file or folder" in result.stderr
    assert "K2.1" in result.stdout


def test_matrix_command_writes_a_file(tmp_path):
    target = tmp_path / "matris.csv"
    result = _run("matrix", str(SV_DOCUMENT), "-r", str(SV_RULES), "-f", "csv", "-o", str(target))
    assert result.exit_code == 0 and result.output == ""
    assert target.read_text(encoding="utf-8").startswith("file,statement,id")


@pytest.mark.parametrize("command", ["matrix", "report"])
def test_help_names_the_shared_options(command):
    output = _run(command, "--help").output
    for option in ("--ruleset", "--select", "--ignore", "--lang", "--config"):
        assert option in output


def test_json_matrix_reads_back_into_the_models():
    from checker.report import Matrix
    from checker.reporters.matrix import render_json

    matrix = _matrix()
    assert Matrix.model_validate_json(render_json(matrix)) == matrix


@pytest.mark.parametrize("language", ["sv", "en"])
def test_shipped_rulesets_decide_every_balance_element(language):
    from checker.balance import decides
    from checker.engine import Linter

    rulesets = Linter().shipped(language).rulesets
    assert [key for key in BALANCE_ELEMENTS if not any(decides(r, key) for r in rulesets)] == []


def test_balanced_example_contracts_have_every_element():
    for name in ("sv-avtal-sla.improved.md", "en-sla-contract.improved.md"):
        result = next(check_each([Path(__file__).resolve().parent.parent / "examples" / name]))
        assert [key for key, element in balance(result).items() if not element.present] == (["acceptance"] if name.startswith("en") else [])


def test_balance_follow_up_and_sanction_are_clauses_that_follow_up_or_sanction_something():
    """A follow-up word in a definition is no follow-up clause: the element is present only
    where a requirement of the matrix links to the statement."""
    definitions = balance(checked_text("# 1 Definitioner\n\nMätperiod avser en kalendermånad.\n"))
    assert definitions["follow_up"].present is False
    contract = balance(checked_text("# 1 Drift\n\nK1 Leverantören ska åtgärda fel inom 4 timmar.\nÅtgärdstiden för K1 mäts och redovisas månadsvis.\n"))
    assert contract["follow_up"].present is True


def test_a_cross_reference_to_the_enclosing_clause_links_and_says_so():
    rows = trace(
        checked_text(
            "# 4 Drift\n\n4.2 Felhantering\n\n4.2.1 Leverantören ska åtgärda fel inom 4 timmar.\n\n"
            "# 9 Rapporter\n\nÅtgärdstiderna enligt punkt 4.2 följs upp varje månad.\n"
        )
    )
    (row,) = rows
    assert [(link.how, link.reason, link.kind, link.detail) for link in row.follow_up] == [("id", "cross-reference", "specific", "4.2 Felhantering")]


def test_a_row_naming_a_task_links_to_the_duties_of_that_task_and_of_its_sub_clauses():
    """A performance requirements summary names the task whose section states the duties
    ("Tasks 2-3", a row numbered 2); the duties of that section and of the clauses numbered
    inside it ("2.1", whose "2." stands apart) link to it by cross-reference, no others."""
    text = (
        "# Performance Work Statement\n\n## 1 Field work\n\nThe Contractor shall develop a test plan within 30 days of award.\n\n"
        "## Maintenance\n\n2.1 Equipment Inventory. The Contractor shall update the inventory every 6 months.\n\n"
        "## 3 Technology transfer\n\nThe Contractor shall loan equipment within 14 days of a request.\n\n"
        "## 4 Surveillance\n\nThe Government will inspect the work of Tasks 2-3 by random inspection.\n"
    )
    result = _checked(text, "pws.md")
    links = {
        row.text.split(" shall ")[1].split()[0]: [(link.how, link.reason) for link in row.follow_up if link.how == "id"]
        for row in trace(result)
        if " shall " in row.text
    }
    assert links == {"develop": [], "update": [("id", "cross-reference")], "loan": [("id", "cross-reference")]}


NUMBERED_PRS = """# Performance Work Statement

## DELINEATION OF CONTRACTOR TASKS

1.1

Test Plan. The Contractor shall develop a test plan within 30 days of award.

2.1

Equipment Inventory. The Contractor shall update the equipment inventory every 6 months.

## PERFORMANCE REQUIREMENTS SUMMARY

PERFORMANCE STANDARD

1. Develop test plan.

Timeliness: Develop the test plan 30 days prior to the scheduled start of field work.

93%

SURVEILLANCE

## METHOD

Incentive or penalty equal to 4% of the unit price for the evaluation period.

100% inspection

\f2. Maintain equipment.

Completeness: Provide the COTR a copy of the equipment inventory semi-annually.

95%

Incentive or penalty equal to 3% of the unit price for the evaluation period.

Random inspection

## GENERAL INFORMATION

Travel must be approved by the COTR.
"""


def test_a_flattened_performance_summary_row_numbered_by_task_follows_up_and_sanctions_that_task():
    """Issue 15: a performance requirements summary a PDF's text flattened into paragraphs
    numbers each row by the task whose section states the duties ("1. Develop test plan." /
    its standard, level, incentive and method cells / "2. Maintain equipment.", a paragraph
    after a page break, no list item): the duties of
    section 1 (clause 1.1) are followed up by row 1's method cell and sanctioned by its
    incentive cell, by cross-reference, and not by row 2's; the row's own standard by its cells,
    as a table row, though a conversion made a column title a heading ("## METHOD")."""
    result = _checked(NUMBERED_PRS, "pws.md")
    document = result.document

    def links(row, kind):
        return [(link.how, link.reason, link.detail, document.statements[link.statement].text) for link in getattr(row, kind) if link.how != "blanket"]

    rows = {row.text: row for row in trace(result)}
    plan = rows["The Contractor shall develop a test plan within 30 days of award."]
    assert links(plan, "follow_up") == [("id", "cross-reference", "1", "100% inspection")]
    assert links(plan, "sanction") == [("id", "cross-reference", "1", "Incentive or penalty equal to 4% of the unit price for the evaluation period.")]
    inventory = rows["The Contractor shall update the equipment inventory every 6 months."]
    assert [text for *_, text in links(inventory, "follow_up")] == ["Random inspection"]
    standard = rows["Timeliness: Develop the test plan 30 days prior to the scheduled start of field work."]
    assert ("section", "table", "row 1", "100% inspection") in links(standard, "follow_up")
    assert "Random inspection" not in [text for *_, text in links(standard, "follow_up")]


def test_a_flattened_summary_row_whose_task_cell_is_in_capitals_keeps_it():
    """A task cell in capitals ("1. DEVELOP TEST PLAN") opens its row, though a column title
    left among the cells, in capitals too ("SURVEILLANCE"), is no cell."""
    text = NUMBERED_PRS.replace("1. Develop test plan.", "1. DEVELOP TEST PLAN")
    result = _checked(text, "pws.md")
    (plan,) = [row for row in trace(result) if row.text.startswith("The Contractor shall develop")]
    assert [(link.how, link.detail) for link in plan.follow_up if link.how == "id"] == [("id", "1")]


def test_a_numbered_list_with_paragraphs_between_its_items_is_no_performance_summary():
    """Steps numbered 1., 2. with text between them and no level title or method cells are no
    flattened table: nothing links to a section by their numbers."""
    text = NUMBERED_PRS.replace("PERFORMANCE STANDARD", "Steps").replace("100% inspection", "Then we go on.").replace("Random inspection", "Done.")
    result = _checked(text, "pws.md")
    assert all(link.reason != "cross-reference" for row in trace(result) for link in row.follow_up + row.sanction)


def test_an_id_one_sentence_of_a_short_surveillance_item_names_is_the_whole_items():
    """Issue 15: a QASP item names the standard it checks in another sentence than the one that
    says how ("Timeliness. The COR will review the VERIS reports every quarter. The timeliness
    standard is specified in C.1.11."): the review follows C.1.11 up by its id, not C.1.12."""
    text = (
        "# C. Statement of work\n\nC.1.11 Contractor shall complete examination reports within 30 days.\n\n"
        "C.1.12 Contractor shall return corrected reports within 14 days.\n\n"
        "# Quality assurance surveillance plan\n\n"
        "Timeliness. The COR will review the VERIS reports every quarter. The timeliness standard is specified in C.1.11.\n"
    )
    rows = {row.requirement_id: row for row in trace(_checked(text, "pws.md"))}
    assert [(link.how, link.reason, link.detail) for link in rows["C.1.11"].follow_up if link.how == "id"] == [("id", "id", "C.1.11")]
    assert [link for link in rows["C.1.12"].follow_up if link.how == "id"] == []


def test_numbered_paragraphs_are_clauses_so_a_neighbour_clause_is_not_the_same_section():
    rows = trace(
        checked_text("# 4 Drift\n\n4.1 Leverantören ska åtgärda fel inom 4 timmar.\n\n4.2 Leverantören ska lämna en rapport över driften varje kvartal.\n")
    )
    first = next(row for row in rows if row.requirement_id == "4.1")
    assert first.follow_up == []  # 4.2's report is no follow-up of 4.1 just because both stand under "4 Drift"


def test_a_follow_up_phrase_inside_a_sentence_is_not_its_own_follow_up_but_a_consequence_is_its_sanction():
    """labelling.md: "as measured by the provider" inside the requirement is not follow-up; the
    surveillance cell of the same performance-table row is. A consequence in the same sentence is
    the requirement's sanction either way."""
    rows = {
        row.text: row
        for row in trace(
            checked_text(
                "# 2 Tjänsten\n\nK2.1 Leverantören ska mäta tillgängligheten och hålla den på minst 99,5 % per månad.\n\n"
                "# 4 Vite\n\nK4.1 Om leverantören inte svarar inom 4 timmar ska leverantören betala vite med 1 000 kr per tillfälle.\n"
            )
        )
    }
    sentence = next(row for text, row in rows.items() if text.startswith("K2.1"))
    with_vite = next(row for text, row in rows.items() if text.startswith("K4.1"))
    assert [link.how for link in sentence.follow_up] == []
    assert [link.how for link in with_vite.sanction] == ["self"]  # the table row's own cell: S1 in the test above


CREDIT_SLA = """# 1 Definitions

Financial Credit means the percent of the monthly fee credited when the Uptime Commitment is not met, as shown in the following table.

| Monthly uptime | Financial Credit |
| --- | --- |
| 99.0 % to 99.9 % | 10 % |
| 95.0 % to 99.0 % | 25 % |
| below 95.0 % | 50 % |

# 2 Service levels

SL-1 The Supplier shall keep the Service available 99.9 % of each calendar month.

If the Supplier does not meet SL-1, the Customer is entitled to a Financial Credit.

# 3 Support

If the Supplier misses a response time, liquidated damages of $100 per hour apply, capped at $5,000 per month, after written notice.
"""


def test_sanction_model_takes_a_credit_table_as_amount_and_its_largest_row_as_cap():
    """Issue 15: the table under a credit clause is its amount and its largest row its cap; a
    clause that names the same sanction elsewhere ("… is entitled to a Financial Credit") takes
    them from it; a sentence that states its own amount, cap, trigger and cure gives them."""
    result = _checked(CREDIT_SLA, "sla.md")
    models = matrix_document(result).sanctions
    lines = CREDIT_SLA.splitlines()
    definition = next(m for m in models if m.text.startswith("Financial Credit means"))
    named = next(m for m in models if "is entitled to a Financial Credit" in m.text)
    damages = next(m for m in models if "liquidated" in m.text)
    assert (definition.amount.source, definition.amount.text) == ("table", "10 % – 50 %")
    assert (definition.cap.source, definition.cap.text) == ("table", "50 %")
    assert "below 95.0 %" in lines[definition.cap.location.line - 1]
    assert (named.amount.source, named.amount.text, named.cap.text) == ("elsewhere", "10 % – 50 %", "50 %")
    assert named.trigger.text == "If the Supplier does not meet SL-1"
    assert (damages.amount.source, damages.amount.text) == ("statement", "$100")
    assert damages.cap.text == "capped at $5,000"
    assert damages.cure is None  # "after written notice" gives no time to put the failure right
    assert definition.cure is None and named.cure is None


def test_a_negated_comparison_is_the_cap_of_the_sanction_model_not_its_amount():
    """ "Service Credits will not accumulate within a single Subscription Period in an amount more
    than 8% of Cloud Service Fees" (Common Paper's SLA) caps the credits; its 8 % is no amount."""
    text = (
        "# 3 Remedies\n\n## 3.1 Service Credit\n\nIf availability falls below the Target Uptime, Customer is eligible to receive a Service Credit.\n\n"
        "## 3.3 Service Credit Limitations\n\nService Credits will not accumulate within a single Subscription Period in an amount more than 8% of Cloud Service Fees.\n"
    )
    models = matrix_document(_checked(text, "sla.md")).sanctions
    limitation = next(m for m in models if "accumulate" in m.text)
    assert limitation.cap is not None and limitation.cap.text.endswith("more than 8%")
    assert limitation.amount is None or "8%" not in limitation.amount.text


def test_tiers_written_level_colon_credit_give_the_sanction_its_largest_credit_as_cap():
    """A flattened PDF's deduction tiers, "39-40 days average cycle time: 1% of total invoiced for
    quarter will be deducted." / "41 (or more) days average cycle time: 2% of total invoiced …",
    are one sanction's levels, as a credit table's rows are: the largest, 2 %, is its cap (the
    development labels of the VA's PWS: cap stated by the highest tier). One such line is no tier."""
    tiers = (
        "# C.1.12 Timeliness\n\nNegative:\n\n- 39-40 days average cycle time: 1% of total invoiced for quarter will be deducted.\n"
        "- 41 (or more) days average cycle time: 2% of total invoiced for quarter will be deducted.\n"
    )
    (model,) = matrix_document(_checked(tiers, "pws.md")).sanctions
    assert model.cap is not None and model.cap.text == "2%" and model.cap.location.line == 6
    single = "# C.1.12 Timeliness\n\n39-40 days average cycle time: 1% of total invoiced for quarter will be deducted.\n"
    (model,) = matrix_document(_checked(single, "pws.md")).sanctions
    assert model.cap is None


def test_a_swedish_cap_on_the_documents_viten_caps_each_vite_wherever_it_stands():
    """ "Det sammanlagda vitet får inte överstiga 15 % av årsavgiften" under its own heading caps the
    vite of each clause that has none (sv-avtal's sanctions_cap, as en-contract's); AV007 does not
    call the running delay vite uncapped, and a termination, with no amount, takes no cap."""
    text = (
        "# 12 Försening\n\nOm leveransen försenas utgår vite med 1 % av kontraktsvärdet per påbörjad vecka.\n\n"
        "# 14 Hävning\n\nBeställaren har rätt att häva avtalet om Leverantören inte vidtar rättelse inom 30 dagar efter skriftlig anmodan.\n\n"
        "# 20 Begränsning av viten\n\nDet sammanlagda vitet får inte överstiga 15 % av årsavgiften.\n"
    )
    result = _checked(text, "avtal.md", "sv")
    models = matrix_document(result).sanctions
    delay = next(m for m in models if "försenas" in m.text)
    termination = next(m for m in models if "häva" in m.text)
    assert delay.cap is not None and (delay.cap.source, delay.cap.text) == ("elsewhere", "får inte överstiga 15 %")
    assert termination.cap is None and termination.cure is not None and termination.cure.text == "rättelse"
    assert not [f for f in result.findings if f.rule == "sv-avtal/AV007"]


def test_a_notice_alone_is_no_cure_period_of_the_sanction_model():
    """ "The State may, by providing written notice to the contractor, terminate the contract"
    gives notice but no time to cure (the development labels: cure no); CT005 still takes the
    notice as what a termination right gives first. "… fails to cure the breach within 30 days
    after written notice" is a cure period."""
    notice = _checked(
        "# 9 Termination\n\nIf the Contractor refuses to perform the work, the State may, by providing written notice to the contractor, terminate the contract.\n",
        "rfp.md",
    )
    cure = _checked(
        "# 9 Termination\n\nThe State may terminate the contract if the Contractor fails to cure a breach within 30 days after written notice.\n", "rfp.md"
    )
    (model,) = matrix_document(notice).sanctions
    assert model.cure is None and model.trigger is not None
    assert not [f for f in notice.findings if f.rule == "en-contract/CT005"]
    (model,) = matrix_document(cure).sanctions
    assert model.cure is not None and model.cure.text == "cure"


def test_sanction_model_takes_the_cap_of_a_clause_an_agreements_terms_list():
    """A clause list under "the following terms shall apply:" carries no duty to its clauses
    (:meth:`DocumentReading.uncarried_items`), and "Credits … may not exceed 50 %" is no duty by
    its own words: it is the cap of the credit before it (Meltano's SLA, issue 15), not a level a
    requirement of the clause states."""
    text = (
        "Unless an Order Form says otherwise, the following terms shall apply to the Cloud Service:\n\n"
        "1. <u>Definitions</u>: Uptime is the share of Ticks that ran.\n"
        "2. <u>Service Level Commitment and Credits</u>. If Uptime falls below 99.9%, the Customer's account "
        "shall be credited 2 times the Average Run Credits for every Missed Tick. Credits given for Downtime may not "
        "exceed 50% of the monthly fee.\n"
    )
    result = _checked(text, "sla.md")
    (model,) = matrix_document(result).sanctions
    assert model.text.startswith("If Uptime falls below 99.9%")
    assert model.cap is not None and model.cap.text.startswith("may not exceed") and "50%" in model.cap.text


def test_sanction_model_takes_the_cap_an_sla_states_for_all_its_credits_elsewhere():
    """A vendor's SLA caps its credits where it gathers its limits ("Limitations": "Credits in any
    calendar month shall not exceed 25 % of the monthly fee"), not beside each credit; the credit
    clause names "service credit" in lower case, so no defined term carries the cap over: the
    document's cap on its sanctions (define sanctions_cap) is the cap of each credit that has an
    amount and no cap of its own, and a termination, which has no amount, takes none."""
    text = (
        "# Service Level Agreement\n\n## 1 Availability\n\n"
        "The Provider shall keep the Service available 99.9 % of each calendar month. "
        "If availability falls below 99.9 %, the Customer receives a service credit of 10 % of the monthly fee.\n\n"
        "## 2 Support\n\nThe Provider shall answer Severity 1 tickets within 1 hour. "
        "If the Provider misses the response time, a service credit of 5 % of the monthly fee applies.\n\n"
        "## 3 Termination\n\nThe Customer may terminate this Agreement for material breach after 30 days' written notice.\n\n"
        "## 4 Limitations\n\nCredits in any calendar month shall not exceed 25 % of the monthly fee.\n"
    )
    result = _checked(text, "sla.md")
    models = matrix_document(result).sanctions
    availability = next(m for m in models if "falls below" in m.text)
    support = next(m for m in models if "misses the response time" in m.text)
    termination = next(m for m in models if "terminate" in m.text)
    for credit in (availability, support):
        assert credit.cap is not None and (credit.cap.source, credit.cap.text) == ("elsewhere", "shall not exceed 25 %")
    assert termination.amount is None and termination.cap is None


def test_a_document_cap_that_names_a_kind_of_sanction_caps_only_that_kind():
    """ "The total service credits in any month shall not exceed 20 % of the monthly fee" caps the
    credits (named "credit the Customer" or "service credit" alike), not the liquidated damages
    for late delivery, which the contract leaves uncapped; a cap naming no kind caps them all."""
    text = (
        "# Service Level Agreement\n\n## 1 Service credits\n\n"
        "If availability falls below 99.5 % in a month, the Supplier shall credit the Customer 5 % of the monthly fee.\n\n"
        "## 2 Delay in delivery\n\n"
        "If the Supplier fails to deliver the system by the agreed delivery date, the Supplier shall pay "
        "liquidated damages of 0.5 % of the contract price per week of delay.\n\n"
        "## 3 Limitations\n\nThe total service credits in any month shall not exceed 20 % of the monthly fee.\n"
    )
    result = _checked(text, "sla.md")
    models = matrix_document(result).sanctions
    credit = next(m for m in models if "falls below" in m.text)
    damages = next(m for m in models if "liquidated damages" in m.text)
    assert credit.cap is not None and credit.cap.text == "shall not exceed 20 %"
    assert damages.amount is not None and damages.cap is None


def test_a_cap_word_on_something_else_of_the_clause_caps_no_sanction():
    """Another statement of a sanction's clause states its cap with a sum or a share ("up to a
    maximum of 10 % of the monthly cost") or as a cap on sanctions; "The maximum life of the
    contract should range from five to ten years" beside the deductions caps none of them (the
    development labels of Customs' SOO: "no amount, no cap")."""
    deductions = "# 2 Contract objectives\n\nThe Government may apply deductions for late deliveries of uniforms. "
    uncapped = _checked(deductions + "The maximum life of the contract should range from five to ten years.\n", "soo.md")
    capped = _checked(deductions + "The total is limited to 10 % of the monthly invoice.\n", "soo.md")
    (model,) = matrix_document(uncapped).sanctions
    assert model.cap is None
    (model,) = matrix_document(capped).sanctions
    assert model.cap is not None and (model.cap.source, model.cap.text) == ("clause", "limited to 10 %")


def test_a_credit_table_in_the_clause_under_the_credit_clause_is_its_amount_and_a_caps_number_no_amount():
    """An SLA divides its credit clause: "3 Service Credits" says a credit is due, "3.1 Credit
    levels" under it holds the table (its amounts, its largest row the cap); a sub-clause with a
    credit of its own is a sanction of its own. "Total Service Credits in any month will not exceed
    30 %" states the cap, not an amount: its number is the cap's."""
    text = (
        "# Service Level Agreement\n\n## 3 Service Credits\n\n"
        "If we fail to meet the availability commitment, you will receive Service Credits.\n\n"
        "### 3.1 Credit levels\n\n| Monthly Uptime Percentage | Service Credit Percentage |\n| --- | --- |\n"
        "| Less than 99.9 % but at least 99.0 % | 10 % |\n| Less than 99.0 % | 25 % |\n\n"
        "## 7 Limitation\n\nTotal Service Credits in any month will not exceed 30 % of the monthly fee.\n"
    )
    models = {model.location.line: model for model in matrix_document(_checked(text, "sla.md")).sanctions}
    assert (models[5].amount.source, models[5].amount.text) == ("table", "10 % – 25 %")
    assert models[5].cap is not None and models[5].cap.text == "25 %"
    limitation = next(model for model in models.values() if model.text.startswith("Total Service Credits"))
    assert limitation.cap is not None and "30 %" in limitation.cap.text
    assert limitation.amount is not None and (limitation.amount.source, limitation.amount.text) == ("elsewhere", "10 % – 25 %")


def test_the_sentence_of_the_clause_that_states_the_amount_states_its_cap_in_any_unit():
    """ "1 day will be added to your subscription for every 15 minutes late, up to a maximum of 10
    days" is the amount of the service credits of the sentence before it, and its cap: the cap
    words of the sentence that states the amount bound it though they hold no money (a cap word
    elsewhere in the clause needs a sum or a share to cap a sanction)."""
    sentence = "If we fail to provide the initial response time objective, you will be entitled to service credits. 1 day will be added to your subscription for every 15 minutes late"
    capped = _checked(f"# 5 Support response\n\n{sentence}, up to a maximum of 10 days per month.\n", "sla.md")
    uncapped = _checked(f"# 5 Support response\n\n{sentence}.\n", "sla.md")
    (model,) = matrix_document(capped).sanctions
    assert model.amount is not None and model.amount.source == "clause"
    assert model.cap is not None and (model.cap.source, model.cap.text) == ("clause", "up to a maximum of 10")
    (model,) = matrix_document(uncapped).sanctions
    assert model.amount is not None and model.cap is None


def test_rules_judge_the_sanction_model_not_one_sentence():
    """``model lacks cap`` and ``model accrues`` (CT007) read the sanction model: the support
    credits that run per 15 minutes have no cap though the availability credits of the same SLA
    stop at their table's largest row; those credits, capped by the table, are not flagged."""
    text = (
        "# 4 Financial credits\n\nIf availability falls below the target, the Customer receives a Financial Credit "
        "as shown in the following table:\n\n| Availability | Financial Credit |\n| --- | --- |\n"
        "| below 99.9 % | 10 % |\n| below 99.0 % | 50 % |\n\n# 5 Support response\n\n"
        "If we fail to provide the initial response time objective, you will be entitled to service credits. "
        "1 day will be added to your subscription for every 15 minutes late.\n"
    )
    result = _checked(text, "sla.md")
    flagged = [f for f in result.findings if f.rule == "en-contract/CT007"]
    assert [f.location.line for f in flagged] == [_line_of(text, "entitled to service credits")]
    assert not [f for f in result.findings if f.rule == "en-contract/CT004"]
    # a document that caps nothing: CT004 says so once, CT007 (model capped) not again per sanction
    alone = _checked(text[text.index("# 5 Support response") :], "sla.md")
    assert [f.rule for f in alone.findings if f.rule in ("en-contract/CT004", "en-contract/CT007")] == ["en-contract/CT004"]


def test_a_sanction_is_of_the_kind_a_cap_names_in_any_number_or_form():
    assert same_kind("service credits", "credit the Customer")
    assert same_kind("Service Credits", "service credit")
    assert same_kind("vitet", "vite")
    assert same_kind("penalties", "penalty")
    assert not same_kind("service credits", "liquidated damages")
    assert not same_kind("vitet", "avdrag")


def test_sanction_model_takes_no_part_from_an_item_its_lists_introduction_binds():
    """An item of "The Supplier must purchase and maintain the following insurances:" is a
    requirement though its words bind nobody, and states the insurance's level ("in an amount
    not less than $2,000,000"), not the amount of the liquidated damages beside it in the clause:
    those have none (CT003)."""
    text = (
        "# Services Agreement\n\n## 12. Delay and insurance\n\n"
        "If the Supplier fails to deliver the System by the Delivery Date, the Supplier shall pay liquidated damages to the Buyer.\n\n"
        "The Supplier must purchase and maintain the following insurances:\n\n"
        "- a) Commercial General Liability in an amount not less than $2,000,000 per occurrence and this insurance must:\n"
        "  - include the Buyer as an additional insured.\n"
    )
    result = _checked(text, "contract.md")
    (model,) = matrix_document(result).sanctions
    assert model.text.startswith("If the Supplier fails to deliver")
    assert model.amount is None
    assert "en-contract/CT003" in {f.rule for f in result.findings}


def test_sanction_model_is_in_the_json_matrix_and_the_html_report():
    from checker.reporters.html import render_report

    result = _checked(CREDIT_SLA, "sla.md")
    doc = matrix_document(result)
    data = json.loads(build_matrix([result]).model_dump_json())
    assert [s["amount"]["source"] for s in data["documents"][0]["sanctions"]][:2] == ["table", "elsewhere"]
    page = render_report(result, doc, ["en-contract"])
    assert "The sanctions and what they state" in page
    assert "“10 % – 50 %”" in page and "credit table" in page and "“50 %”" in page


def test_sanction_model_joins_only_a_sanction_named_by_a_defined_term():
    """ "vite" in lower case in two clauses may be two sanctions: the second does not borrow the
    first's amount (a capitalised defined term, "Financial Credit", is one sanction)."""
    text = (
        "# 7 Vite\n\nOm tillgängligheten understiger 99,5 % utgår vite med 2 % av månadsavgiften.\n\n"
        "# 8 Leverans\n\nVid försenad leverans har Beställaren rätt till vite.\n"
    )
    result = _checked(text, "avtal.md", "sv")
    models = {model.location.line: model for model in matrix_document(result).sanctions}
    assert models[3].amount is not None and models[3].amount.text == "2 %"
    assert models[7].amount is None


def test_a_defined_sanction_named_again_elsewhere_has_the_amount_of_its_definition_in_the_model_and_the_rules():
    """ "Service Credits are not refunds" names the "Service Credit" defined with its formula
    above (plural, at the start of its sentence): the sanction model and CT003 agree it has an amount."""
    text = (
        "# 2 Service Credits\n\nIf the Uptime Commitment is not met in a month, Customer is eligible for a "
        'service credit ("Service Credit") calculated as 10 % of the monthly fee.\n\n'
        "# 3 Requests\n\nService Credits are not refunds and may only be used against future charges.\n"
    )
    result = _checked(text, "sla.md")
    models = {model.location.line: model for model in matrix_document(result).sanctions}
    assert models[7].amount is not None and models[7].amount.source == "elsewhere"
    assert not [f for f in result.findings if f.rule.endswith("/CT003")]


def test_a_sanction_named_again_in_the_next_sentence_has_the_amount_that_sentence_states():
    """ "Late delivery shall attract a penalty. The penalty shall be computed as follows: …" is one
    penalty: the formula the second sentence gives is the first's amount, for the rules as for
    the sanction model (so in Swedish, where the definite form names it again: "vite" / "Vitet");
    a penalty named anew ("a penalty") is another sanction, and lacks its own amount."""
    for language, rule, text in (
        (
            "en",
            "/CT003",
            "# 5 Penalties\n\nLate delivery shall attract a penalty. The penalty shall be computed as follows: Penalty = 0.5 % x Contract Value x weeks of delay.\n",
        ),
        (
            "en",
            "/CT003",
            "# 6 Liquidated damages\n\nThe Contractor shall pay liquidated damages for each day of delay. The amount of liquidated damages is stated in Annex C.\n",
        ),
        ("sv", "/AV003", "# 5 Vite\n\nVid försenad leverans ska Leverantören betala vite. Vitet beräknas som 0,5 % av kontraktsvärdet per påbörjad vecka.\n"),
    ):
        result = _checked(text, "avtal.md", language)
        assert not [f for f in result.findings if f.rule.endswith(rule)], text
    anew = "# 5 Penalties\n\nLate delivery shall attract a penalty. A penalty of 2 % of the monthly fee applies to each missed report.\n"
    assert [f for f in _checked(anew, "avtal.md").findings if f.rule.endswith("/CT003")]


DEDUCTION_SCHEDULE = """# 3 Performance summary

The Contractor shall complete the transition by October 31.

5% deduction of total CLIN001 cost if the Contractor has not completed the transition by October 31.

1% deduction of total CLIN001 cost for each additional day up to a total of 20% deduction.

2% deduction of CLIN003 monthly total cost for failure to perform backups per schedule.

10% of the form price for each form rejected by acceptance testing.
"""


def test_each_cell_of_a_flattened_deduction_schedule_is_a_sanction_of_its_own():
    """Issue 15: the cells of a deduction schedule a PDF's text flattened into paragraphs of one
    clause are sanctions of their own (define sanction_own_amount): the cap of one ("up to a
    total of 20%") is not another's; the increments of the one before it ("for each additional
    day") are part of it. "10% of the form price for each form rejected" is a deduction though it
    does not say so."""
    result = _checked(DEDUCTION_SCHEDULE, "qasp.md")
    models = {model.location.line: model for model in matrix_document(result).sanctions}
    assert sorted(models) == [5, 9, 11]
    assert models[5].cap is not None and models[5].cap.text == "up to a total of 20%"
    assert models[9].cap is None and models[11].cap is None
    assert models[11].amount is not None and models[11].amount.text.startswith("10%")


def test_the_sanction_model_reads_a_time_to_put_the_failure_right_as_a_cure_period():
    """ "If Provider fails to do so within 30 days after Customer's warranty report ("Fix
    Period"), either party may terminate" gives the provider 30 days to correct first."""
    text = (
        "# 8 Warranty remedy\n\nProvider will correct a verified breach of the warranty reported by Customer. "
        "If Provider fails to do so within 30 days after Customer's warranty report, either party may terminate the Order.\n"
    )
    result = _checked(text, "terms.md")
    (model,) = matrix_document(result).sanctions
    assert model.cure is not None and model.cure.text.startswith("fails to do so within")


REMEDY_LIST = """If any of the services do not conform to the order requirements, the Government may require the Contractor to perform the services again. When the defects in services cannot be corrected by re-performance, the Government may:

> 1)  Require the Contractor to take necessary action to ensure that future performance conforms to the order requirements; and,

> 2)  Reduce the order price to reflect the reduced value of the services performed.
"""


def test_a_list_and_the_paragraph_introducing_it_are_one_clause_outside_any_section():
    """Outside any section a clause is a paragraph; a list and the paragraph that introduces it
    are one: the price reduction of item 2 is set off by its introduction ("When the defects …
    cannot be corrected by re-performance"), in the sanction model and for CT005."""
    result = _checked(REMEDY_LIST, "qasp.md")
    reduction = next(
        model for model in matrix_document(result).sanctions if any("Reduce the order price" in result.document.statements[j].text for j in model.statements)
    )
    assert reduction.trigger is not None
    assert not [f for f in result.findings if f.rule.endswith("/CT005")]


NESTED_REMEDY_LIST = """When the defects in services cannot be corrected by re-performance, the Government may:

- Take one of the following actions:
  - Reduce the order price to reflect the reduced value of the services performed.
  - Terminate the order for default.
- Require the Contractor to re-perform the services.
"""


def test_a_sub_list_is_in_the_clause_of_the_paragraph_introducing_its_list():
    """Items of items are in the clause of the paragraph that introduces the list, as the items
    are: the price reduction two levels down is set off by "When the defects … cannot be
    corrected by re-performance", not by the termination beside it ("for default")."""
    result = _checked(NESTED_REMEDY_LIST, "qasp.md")
    statements = result.document.statements
    index = DocumentIndex(result.document)
    reduction = next(s.index for s in statements if s.text.startswith("Reduce the order price"))
    assert index.clause_of(reduction) == index.clause_of(0) == frozenset(range(len(statements)))
    assert index.clause_key(reduction) == index.clause_key(0)
    (model,) = [m for m in matrix_document(result).sanctions if reduction in m.statements]
    assert model.trigger is not None and model.trigger.statement == 0


def test_a_sanction_in_a_sub_list_has_the_trigger_of_the_paragraph_introducing_the_list():
    """CT005 reads the introduction of a sanction's list as its clause, at any depth: "If the
    services do not conform …, the Government may reduce the order price as follows:" sets off
    the reduction two levels down, as it does the one just below."""
    text = (
        "If the services do not conform to the order requirements, the Government may reduce the order price as follows:\n\n"
        "- For the monthly reports:\n  - Reduce the order price by 5 percent.\n"
        "- Reduce the order price by 10 percent for the weekly reports.\n"
    )
    result = _checked(text, "qasp.md")
    assert not [f for f in result.findings if f.rule.endswith("/CT005")]


def test_the_sanctions_of_one_clause_of_many_paragraphs_with_their_own_amounts_are_modelled_in_linear_time():
    """A clause of thousands of paragraphs that each open with an amount is as many sanctions
    (sanction_own_amount); each looks at the rest of its clause once, not at every other
    sanction's statements again (12,000 of them took 14 s)."""
    deductions = "".join(f"{2 + i % 5}% deduction of CLIN00{i % 9} monthly total cost for failure {i} to perform backups.\n\n" for i in range(12_000))
    filler = "".join(f"The report {i} is kept on file.\n\n" for i in range(12_010))  # the clause is no whole-document section
    text = f"# 4 Performance deductions\n\nThe Government will take deductions as follows.\n\n{deductions}# 5 Other\n\n{filler}"
    result = _checked(text, "qasp.md")
    gc.disable()  # a long test session's heap makes each collection slow, and this makes 36,000 objects
    try:
        started = time.monotonic()
        models = matrix_document(result).sanctions
        spent = time.monotonic() - started
    finally:
        gc.enable()
    assert spent < 5  # a generous bound: linear, under a second alone
    assert len(models) == 12_001


def test_the_sanction_model_reads_violations_as_a_trigger():
    """ "Violations of these limitations may result in deductions" names what sets the deduction off."""
    text = "# 4 Hours\n\nNo guard shall work more than 12 hours a day. Violations of these limitations may result in deductions as specified in Exhibit 6.\n"
    result = _checked(text, "pws.md")
    (model,) = matrix_document(result).sanctions
    assert model.trigger is not None and model.trigger.text.startswith("Violations")


def test_the_suppliers_own_right_to_terminate_is_no_sanction_and_its_items_give_no_cure_period():
    """The buyer's right to häva for material breach, with no cure period, stands beside the
    supplier's right to häva when the buyer fails to put things right within 30 days: that cure
    period is the buyer's, and the supplier's right is no sanction on the supplier."""
    text = (
        "# 4.16 Förtida upphörande\n\n"
        "Inera äger rätt att häva kontraktet med omedelbar verkan om Leverantören har gjort sig skyldig till väsentligt avtalsbrott.\n\n"
        "Leverantören äger rätt att häva kontraktet till omedelbart upphörande om Inera:\n\n"
        "* i väsentlig mån brister i förpliktelse enligt kontraktet och inte vidtar rättelse inom trettio (30) dagar efter skriftlig anmodan därom, eller\n"
        "* försätts i konkurs.\n"
    )
    result = _checked(text, "avtal.md", "sv")
    (model,) = matrix_document(result).sanctions
    assert model.text.startswith("Inera äger rätt att häva")
    assert len(model.statements) == 1
    assert model.cure is None and model.amount is None
    # and the rules read the clause as the model does: the buyer's own cure period, an item of the
    # supplier's right, gives the buyer's right to häva none (AV005)
    assert [f.location.line for f in result.findings if f.rule == "sv-avtal/AV005"] == [3]


def test_the_swedish_sanction_model_takes_money_as_an_amount_not_a_cure_period_or_a_termination_reference():
    """A deduction "svarande mot felets värde" states no amount: not the cure period beside it
    ("inom femton (15) arbetsdagar"), nor the reference of a termination in the same clause
    ("enligt vad som anges i punkt 24"); "sägas upp till förtida upphörande" is no cap."""
    text = (
        "# 13 Fel\n\n"
        "Om Leverantören inte inom femton (15) arbetsdagar har avhjälpt felet får Beställaren fastställa en slutlig frist. "
        "Kvarstår felet efter fristens utgång får Beställaren göra ett mot felets värde svarande avdrag från Leverantörens ersättning.\n\n"
        "# 14 Påföljder\n\n"
        "Avtalet kan sägas upp till förtida upphörande i enlighet med vad som anges i punkt 24.\n\n"
        "Beställaren har rätt till avdrag på ersättningen i den utsträckning som svarar mot felet.\n\n"
        "# 15 Vite\n\nVid försening utgår vite med tio (10) procent av månadsavgiften enligt punkt 15.\n"
    )
    result = _checked(text, "avtal.md", "sv")
    models = {model.text.split()[0]: model for model in matrix_document(result).sanctions}
    assert models["Kvarstår"].amount is None
    assert models["Avtalet"].amount is None and models["Avtalet"].cap is None
    assert models["Vid"].amount is not None and models["Vid"].amount.text.startswith("tio (10) procent")


def _checked(text: str, name: str, language: str = "en"):
    """The Markdown ``text``, read as the file ``name``, checked with every shipped ruleset of ``language``."""
    return check_document(read_bytes(text.encode("utf-8"), name, "md"), list(Linter().shipped(language).rulesets))


def _sanction_texts(text: str, language: str) -> list[str]:
    result = _checked(text, "avtal.md", language)
    return [model.text for model in matrix_document(result).sanctions]


def test_clauses_worded_like_sanctions_that_sanction_no_supplier_failure_are_not_in_the_sanction_model():
    """Termination for any reason, force majeure, an IP indemnity and what the customer bears
    (late-payment interest, suspension of its access) are not the supplier's sanctions; the
    buyer's right to terminate for material breach is."""
    english = (
        "# 12 Termination\n\n"
        "The Customer may terminate this Agreement at any time for any reason.\n\n"
        "The Customer may terminate this Agreement for material breach if the Supplier fails to remedy the breach within 30 days after written notice.\n\n"
        "Either party may terminate this Agreement if a force majeure event prevents the other party's performance for 60 days.\n\n"
        "# 13 Infringement\n\n"
        "If the Service is held to infringe a third party's rights, the Provider may modify the Service or terminate the subscription and refund the prepaid fees.\n\n"
        "# 14 Payment\n\n"
        "If the Customer fails to pay an invoice when due, a penalty of 1.5 % per month will apply to the overdue amount.\n\n"
        "The Provider may suspend the Customer's access to the Service if the Customer is in material breach of this Agreement.\n"
    )
    assert _sanction_texts(english, "en") == [
        "The Customer may terminate this Agreement for material breach if the Supplier fails to remedy the breach within 30 days after written notice."
    ]
    swedish = (
        "# 12 Hävning och uppsägning\n\n"
        "Beställaren har rätt att häva avtalet om Leverantören bryter mot avtalet och inte vidtar rättelse inom 30 dagar efter skriftlig anmodan.\n\n"
        "Beställaren får säga upp avtalet i förtid utan angivande av skäl.\n\n"
        "Part får häva avtalet om fullgörandet hindras av force majeure längre än tre månader.\n\n"
        "# 13 Betalning\n\n"
        "Vid försenad betalning har Leverantören rätt till dröjsmålsränta enligt räntelagen.\n"
    )
    assert _sanction_texts(swedish, "sv") == [
        "Beställaren har rätt att häva avtalet om Leverantören bryter mot avtalet och inte vidtar rättelse inom 30 dagar efter skriftlig anmodan."
    ]


def test_a_multiple_of_a_stated_sum_is_the_amount_of_a_sanction():
    """ "2 times the Average Run Credits" and "två gånger månadsavgiften" say how large the
    sanction is: the model has the amount and no rule says it lacks one."""
    for language, text in (
        ("en", "# 5 Credits\n\nIf the Uptime Commitment is missed in two consecutive months, a service credit of 2 times the Average Run Credits applies.\n"),
        ("sv", "# 5 Vite\n\nVid försenad leverans utgår vite med två gånger den dagliga avgiften för varje dag.\n"),
    ):
        result = _checked(text, "avtal.md", language)
        (model,) = matrix_document(result).sanctions
        assert model.amount is not None and model.amount.text in ("2 times the", "två gånger den"), language
        assert not [f for f in result.findings if f.rule.endswith(("/CT003", "/AV003"))], language


SCOPE_TOPIC_RULES = """
ruleset "scope-topics" {
  title    "A scope topic limits and links nothing"
  language en
}
terms scope_work_product = "system", "deliverables"
terms topic_staffing = "staff", "personnel"
define requirement = "shall"
define sanction    = "reject", "deduction"
define blanket     = "all deliverables"
define scope_limit = "all deliverables"
topics scope_work_product, topic_staffing

sanction S01 "No consequence" {
  category missing-sanction
  for requirements where requirement
  linked by id, section, topic, blanket
  message "{requirement.id} has no consequence."
}
"""


def test_a_scope_topic_says_what_a_scope_covers_and_links_nothing_by_itself():
    """A topic list named scope_… limits the acceptance of "all deliverables" to the system (not
    the staff), and a sanction that merely mentions the system is not linked by that topic."""
    ruleset = compile_text(SCOPE_TOPIC_RULES, "scope-topics.krav")
    text = (
        "# 1 System\n\nThe system shall answer within 2 seconds.\n\n"
        "# 2 Staff\n\nThe staff shall be on site within 1 hour.\n\n"
        "# 3 Acceptance\n\nThe COR may reject all deliverables.\n\n"
        "# 4 Downtime\n\nA deduction applies to each hour the system is down.\n"
    )
    result = check_document(read_bytes(text.encode("utf-8"), "pws.md", "md"), [ruleset])
    rows = {row.text: row for row in trace(result)}
    system, staff = rows["The system shall answer within 2 seconds."], rows["The staff shall be on site within 1 hour."]
    assert [(link.how, link.text) for link in system.sanction] == [("blanket", "The COR may reject all deliverables.")]
    assert staff.sanction == []
    assert {f.location.line for f in result.findings if f.rule.endswith("/S01")} == {7}


NO_BLANKET_RULES = """ruleset "no-blanket" {
  language en
}

define requirement = "shall", "must"
define sanction = "reject", "terminate"
define blanket = "all deliverables", "for default"
define no_blanket_sanction = "final invoice within"

sanction S01 "No consequence" {
  category missing-sanction
  for requirements where requirement
  linked by id, section, topic, blanket
  message "{requirement.id} has no consequence."
}
"""


def test_no_blanket_sanction_reaches_the_suppliers_claim_for_its_payment():
    """A duty of the no_blanket_sanction class (when the supplier claims its payment) is
    sanctioned only by a consequence that names it: the rejection of all deliverables and the
    termination for default answer for the work, and a late invoice delays the supplier's own
    payment. Its follow-up, the other duties' sanctions and a consequence in its own clause are
    untouched; the scorecard and the missing-sanction finding agree with the matrix."""
    ruleset = compile_text(NO_BLANKET_RULES, "no-blanket.krav")
    text = (
        "# 1 Work\n\nThe Contractor shall deliver the system within 30 days.\n\n"
        "# 2 Invoices\n\nThe Contractor shall submit a final invoice within 60 days.\n\n"
        "# 3 Closeout\n\nThe Contractor shall submit the final invoice within 60 days of the end of the task order.\n\n"
        "The CO may reject a late invoice.\n\n"
        "# 4 Remedies\n\nThe COR may reject all deliverables. The Government may terminate for default.\n"
    )
    result = check_document(read_bytes(text.encode("utf-8"), "pws.md", "md"), [ruleset])
    rows = {row.text: row for row in trace(result)}
    work = rows["The Contractor shall deliver the system within 30 days."]
    claim = rows["The Contractor shall submit a final invoice within 60 days."]
    named = rows["The Contractor shall submit the final invoice within 60 days of the end of the task order."]
    assert {link.how for link in work.sanction} == {"blanket"}
    assert claim.sanction == []
    assert [(link.how, link.text) for link in named.sanction] == [("section", "The CO may reject a late invoice.")]
    assert {f.location.line for f in result.findings if f.rule.endswith("/S01")} == {7}


def test_the_later_sentences_of_a_list_item_share_the_topics_of_its_first():
    """A bullet is one unit: the acceptance criterion after a user story is about the story's
    system, so the acceptance of "all deliverables" covers it; the same sentence as a paragraph
    of its own says nothing of the system and stays uncovered."""
    ruleset = compile_text(SCOPE_TOPIC_RULES, "scope-topics.krav")
    text = (
        "# 1 Needs\n\n- The system shall keep applications. The applicant shall be logged in within 2 seconds.\n\n"
        "# 2 Other\n\nThe applicant shall be answered within 2 days.\n\n"
        "# 3 Acceptance\n\nThe COR may reject all deliverables.\n"
    )
    result = check_document(read_bytes(text.encode("utf-8"), "pws.md", "md"), [ruleset])
    rows = {row.text: row for row in trace(result)}
    assert [link.how for link in rows["The applicant shall be logged in within 2 seconds."].sanction] == ["blanket"]
    assert rows["The applicant shall be answered within 2 days."].sanction == []


PATTERN_TOPIC_RULES = """ruleset "pattern-topic" {
  language en
}

pattern availability = /\\b(?:uptime|downtime)\\b|\\bavailability\\s+of\\s+the\\s+(?:service|system)\\b|\\bavailab(?:le|ility)\\b[^.;\\d]{0,30}\\d+(?:[.,]\\d+)?\\s*%/
define requirement = "shall", "must"
define followup = "report", "reported", "records"
topics availability

followup F01 "No follow-up" {
  category missing-follow-up
  for requirements where requirement
  linked by id, section, topic, blanket
  message "{requirement.id} has no follow-up."
}
"""


def test_a_pattern_topic_links_the_measured_quantity_in_statements_headers_and_titles():
    """A topic may be a pattern (the word with what makes it measured): the service "available
    99.5 %", a row under a header "Monthly uptime" and a requirement under the title "Uptime" are
    about availability and linked to the downtime report; records "made available to the
    Government" are about no availability and link nothing."""
    ruleset = compile_text(PATTERN_TOPIC_RULES, "pattern-topic.krav")
    text = (
        "# 1 Service\n\nThe Service shall be available 99.5 % of each month.\n\n"
        "| Service | Monthly uptime |\n|---|---|\n| Portal | must reach 99.5 % |\n\n"
        "# 2 Uptime\n\nThe Contractor shall keep the Portal running at night.\n\n"
        "# 3 Hours\n\nThe help desk shall answer calls within 15 minutes.\n\n"
        "# 5 Reporting\n\nDowntime is reported every month.\n\n"
        "# 6 Inspection\n\nInspection records shall be made available to the Government.\n"
    )
    result = check_document(read_bytes(text.encode("utf-8"), "sla.md", "md"), [ruleset])
    rows = {row.text: row for row in trace(result)}
    linked = {text: [(link.how, link.text) for link in row.follow_up] for text, row in rows.items()}
    report = ("topic", "Downtime is reported every month.")
    assert linked["The Service shall be available 99.5 % of each month."] == [report]
    assert linked["The Contractor shall keep the Portal running at night."] == [report]
    assert report in next(links for text, links in linked.items() if "99.5 %" in text and "Portal" in text)
    assert linked["The help desk shall answer calls within 15 minutes."] == []


TIERED_SLA = """# 4 Service credits

If the Provider misses the Uptime Commitment in a month, the Provider agrees to credit the Customer's account:

- 10 % of the monthly fee for a month with uptime below 99.9 %;
- 25 % of the monthly fee for a month with uptime below 99.0 %;
- 50 % of the monthly fee for a month with uptime below 95.0 %.
"""


def test_a_tiered_list_of_credits_is_a_credit_table_its_largest_tier_the_cap():
    """Credits written as a list of tiers under a sentence that names the credit are bounded by
    their largest tier, as a credit table is by its largest row: CT004 finds a cap and the model
    shows it; a single item under such a sentence is a formula, not tiers."""
    result = _checked(TIERED_SLA, "sla.md")
    assert not [f for f in result.findings if f.rule.endswith("/CT004")]
    (model,) = matrix_document(result).sanctions
    assert model.cap is not None and (model.cap.source, model.cap.text) == ("table", "50 %")
    single = TIERED_SLA.split("\n- 25 %")[0] + "\n"
    result = _checked(single, "sla.md")
    assert [f.rule for f in result.findings if f.rule.endswith("/CT004")] == ["en-contract/CT004"]


def test_a_tier_that_names_its_level_first_gives_its_credit_after_the_colon():
    """ "- 99.0% to 99.9%: 10%" names the tier's level, then its credit: the credits are the
    percentages after the colons (10 % to 25 %, the largest the cap), not the availability levels."""
    text = (
        "# 2 Service Credits\n\nService Credits will be calculated as a percentage of the monthly fees as follows:\n\n"
        "- 99.0% to 99.9%: 10%\n- below 99.0%: 25%\n"
    )
    (model,) = matrix_document(_checked(text, "sla.md")).sanctions
    assert model.amount is not None and model.amount.text == "10% – 25%"
    assert model.cap is not None and model.cap.text == "25%"


def test_a_tier_that_names_its_credit_first_gives_the_credit_before_the_colon():
    """ "- 10%: availability between 99.0% and 99.9%" names the credit, then the level: the
    credits are the percentages before the colons, as after them when the level comes first
    ("Availability below 99.9%: a credit of 10%"); a percentage after a comparing word or in a
    range is the tier's level."""
    for items in (
        "- 10%: availability between 99.0% and 99.9%\n- 25%: availability below 99.0%\n",
        "- 10% of the monthly fee: availability from 99.0% to 99.9%\n- 25% of the monthly fee: availability below 99.0%\n",
        "- Availability below 99.9%: a credit of 10%\n- Availability below 99.0%: a credit of 25%\n",
        "- 99,0–99,9 %: 10 %\n- under 99,0 %: 25 %\n",
    ):
        text = "# 2 Service Credits\n\nService Credits will be calculated as a percentage of the monthly fees as follows:\n\n" + items
        (model,) = matrix_document(_checked(text, "sla.md")).sanctions
        assert model.amount is not None and model.amount.text.replace(" ", "") == "10%–25%", items
        assert model.cap is not None and model.cap.text.replace(" ", "") == "25%", items


def _many_blanket_follow_ups(n: int) -> str:
    requirements = "".join(f"K{k} Leverantören ska åtgärda fel av typ {k} inom 4 timmar.\n\n" for k in range(1, n + 1))
    blanket = "".join(f"Samtliga krav i avtalet följs upp vid kvartalsmöte {k}.\n\n" for k in range(1, n + 1))
    return f"# 1 Drift\n\n{requirements}# 2 Uppföljning\n\n{blanket}"


def test_a_row_lists_the_closest_links_and_says_there_are_more(monkeypatch):
    """Each of 60 requirements is followed up by each of 60 blanket clauses: listing all of them
    in every row made the matrix quadratic in the document (a 300-page document's json matrix
    grew to gigabytes). A row lists the closest LINKS_KEPT, the same as the first of all of
    them, and says there are more; the balance still counts every clause that follows something up."""
    trace_module = sys.modules["checker.engine.trace"]
    result = checked_text(_many_blanket_follow_ups(60))
    rows = trace(result)
    md, table = render_md(build_matrix([result])), render_csv(build_matrix([result]))
    monkeypatch.setattr(trace_module, "LINKS_KEPT", 10**9)
    every = trace(result)
    assert len(rows) == 60
    for row, whole in zip(rows, every):
        assert len(whole.follow_up) == 60 and not whole.follow_up_more
        assert row.follow_up == whole.follow_up[:20]
        assert row.follow_up_more and not row.sanction_more
    assert len(balance(result)["follow_up"].locations) == 60
    assert md.count("och fler än 17 till") == 60
    assert table.count("; and more") == 60


@pytest.mark.parametrize("name", sorted(p.name for p in (Path(__file__).resolve().parent.parent / "examples").glob("*.md")))
def test_the_balance_counts_exactly_the_statements_some_row_links_to(name, monkeypatch):
    """:func:`~checker.balance.linked_statements` answers per clause, topic and blanket clause,
    not per requirement: the statements it finds are those of every row's links, all of them listed."""
    monkeypatch.setattr(sys.modules["checker.engine.trace"], "LINKS_KEPT", 10**9)
    result = next(check_each([Path(__file__).resolve().parent.parent / "examples" / name]))
    rows = trace(result)
    linked = linked_statements(result)
    assert linked["follow_up"] == {link.statement for row in rows for link in row.follow_up}
    assert linked["sanction"] == {link.statement for row in rows for link in row.sanction}


class _CountedSet(frozenset):
    """A frozenset that counts how often it is compared for equality."""

    compared = 0
    __hash__ = frozenset.__hash__

    def __eq__(self, other: object) -> bool:
        _CountedSet.compared += 1
        return frozenset.__eq__(self, other)


def test_the_matrix_never_compares_equal_sets_element_by_element():
    """A table's rows and the members of the topic its header names are equal sets but
    different objects; ``Classification.among`` keyed its answers by the sets' values, so each
    requirement's question compared them element by element: a table of 8,000 rows under a topic
    header took 40 s (2,000 rows: 5.8 s), quadratic. Keyed by identity, equal sets are never compared."""
    result = checked_text(
        "| Id | Krav | Uppföljning |\n|---|---|---|\n" + "".join(f"| K{k} | Leverantören ska svara inom {k} timmar. | Månadsrapport |\n" for k in range(1, 40))
    )
    c = result.classifications[0]
    rows = _CountedSet(range(len(result.document.statements)))
    same_rows = _CountedSet(rows)
    targets = frozenset(rows)
    _CountedSet.compared = 0
    assert c.among(targets, rows) == c.among(targets, same_rows) == tuple(sorted(rows))
    assert c.among(targets, rows) == c.among(targets, same_rows)
    assert _CountedSet.compared == 0


def test_a_sum_without_a_thousands_separator_is_the_whole_amount_of_a_sanction():
    """ "$10000" and "USD 2,500.50" are read whole, not as their currency sign and first digit
    ("$1")."""
    for sum_ in ("$10000", "$10,000", "USD 2,500.50"):
        text = f"# 5 Liquidated damages\n\nIf the Contractor fails to deliver on time, liquidated damages of {sum_} per day apply.\n"
        (model,) = matrix_document(_checked(text, "avtal.md")).sanctions
        assert model.amount is not None and model.amount.text == sum_, (sum_, model.amount)


def test_a_sanction_whose_sentence_gives_it_a_defined_term_in_quotes_takes_the_amount_of_that_term():
    """ "Customer will be entitled to a service credit (“Service Credits”)" names the credit in lower
    case but defines its term in quotes: the Service Credits of the clause with the credit table are
    that credit, and their amount is its amount (not the uptime its summary promises)."""
    text = (
        "**Short version:** GitHub guarantees a 99.9% quarterly uptime commitment. If GitHub does not meet the SLA, "
        "then Customer will be entitled to a service credit to Customer’s account (“**Service Credits**”).\n\n"
        "## Service Credits\n\nIf the Uptime is below 99.9% in a quarter, Customer will be entitled to Service Credits "
        "of 10% of the amount paid for that quarter.\n"
    )
    (first, second) = matrix_document(_checked(text, "sla.md")).sanctions
    assert second.amount is not None and second.amount.text == "10%"
    assert first.amount is not None and first.amount.text == "10%" and first.amount.source == "elsewhere"


def test_a_share_spelled_out_before_a_sanctions_name_is_its_level_and_the_number_after_it_its_amount():
    """ "If the error rate exceeds five percent …, a service credit of 10% …": the credit is 10 %, as
    when the level is written in figures."""
    text = "# 4 Credits\n\nIf the error rate exceeds five percent in a month, Customer will receive a service credit of 10% of the monthly fee.\n"
    (model,) = matrix_document(_checked(text, "sla.md")).sanctions
    assert model.amount is not None and model.amount.text == "10%", model.amount


def test_how_a_credit_is_redeemed_is_its_claim_and_no_sanction_of_its_own():
    """ "Customer may redeem Service Credits only upon written request …" administers the credit
    the clause before it imposes; it is that credit's claim, not a sanction in the model."""
    text = (
        "# 2 Service Credits\n\nIf GitHub does not meet the SLA, Customer will be entitled to Service Credits of 10% of the quarterly fee.\n\n"
        "# 3 Redemption\n\nIf GitHub does not meet this SLA, Customer may redeem Service Credits only upon written request to GitHub "
        "within thirty (30) days of the end of the calendar quarter.\n\nWritten requests for Service Credits redemption should be sent to GitHub Support.\n"
    )
    assert _sanction_texts(text, "en") == ["If GitHub does not meet the SLA, Customer will be entitled to Service Credits of 10% of the quarterly fee."]


def test_a_swedish_sanction_in_the_indefinite_plural_is_named_anew() -> None:
    """ "vite" / "Vitet" names the penalty again, "därutöver … viten enligt bilaga 3" (the
    indefinite plural) names other penalties."""
    from support import md  # noqa: PLC0415

    from checker.engine import Classification, DocumentIndex  # noqa: PLC0415

    (avtal,) = [r for r in Linter().shipped("sv").rulesets if r.name == "sv-avtal"]

    def named_again(text: str) -> dict[str, list[str]]:
        document = md(text, language="sv")
        c = Classification(avtal, DocumentIndex(document))
        return {c.sanction_name(i) or "": [c.sanction_name(j) or "" for j in sorted(c.named_again(i))] for i in c.statements_of_class("sanction")}

    vite = "# 5 Vite\n\nVid försenad leverans ska Leverantören betala vite om 1 000 kr per dag. {}\n"
    assert named_again(vite.format("Vid bristande tillgänglighet ska Leverantören därutöver betala viten enligt bilaga 3."))["viten"] == []
    assert named_again(vite.format("Vitet ska betalas inom 30 dagar."))["Vitet"] == ["vite"]
    # a compound named again by its head's definite form: "Förseningsvite … Vitet", "prisavdrag … Avdraget"
    compound = "# 5 Vite\n\nVid försenad leverans ska Leverantören betala förseningsvite. Vitet uppgår till 1 000 kr per dag.\n"
    assert named_again(compound)["Vitet"] == ["förseningsvite"]
    avdrag = "# 6 Tillgänglighet\n\nVid brist i tillgängligheten har Beställaren rätt till prisavdrag. Avdraget uppgår till 5 000 kr per tillfälle.\n"
    assert named_again(avdrag)["Avdraget"] == ["prisavdrag"]
    assert not [f for f in _checked(avdrag, "avtal.md", "sv").findings if f.rule.endswith("/AV003")]


FLATTENED_RPM = """
# Attachment I Required performance metrics

The contractor may receive deductions or even termination based on failure to perform.

Performance Standards

Acceptable Quality Levels

Method Of Surveillance

100%

Files review, periodic, random, observations, complaints

$500 for each documented instance when a report is submitted after the 15th of the month.

90%

Files review, random, complaints

Contractual remedies

Deliver incoming shipments within one working day

95%

Periodic, random, observations, complaints

Contractual remedies
"""


def test_a_flattened_performance_tables_rows_follow_the_order_of_their_cells():
    """Issue 15: a performance table a PDF's text flattened without row numbers writes each row's
    cells in turn (its task and level, how it is checked, its negative incentive): each row is
    followed up by its own method cell and sanctioned by its own incentive cell, not by the other
    rows'; a cell that only says "Contractual remedies" names no remedy, a blanket sanction."""
    result = _checked(FLATTENED_RPM, "qasp.md")
    document = result.document
    rows = {row.text: row for row in trace(result)}
    assert "Contractual remedies" not in rows  # names no level: no requirement

    def specific(row, kind):
        return [document.statements[link.statement].text for link in getattr(row, kind) if link.how != "blanket"]

    assert specific(rows["100%"], "follow_up") == ["Files review, periodic, random, observations, complaints"]
    assert specific(rows["100%"], "sanction") == ["$500 for each documented instance when a report is submitted after the 15th of the month."]
    assert specific(rows["90%"], "follow_up") == ["Files review, random, complaints"]
    assert specific(rows["90%"], "sanction") == []
    assert "Contractual remedies" in [document.statements[link.statement].text for link in rows["90%"].sanction]
    for text in ("Deliver incoming shipments within one working day", "95%"):
        assert specific(rows[text], "follow_up") == ["Periodic, random, observations, complaints"]
        assert specific(rows[text], "sanction") == []


def test_a_flattened_tables_method_cells_check_their_own_rows_not_the_clauses_other_duties():
    """A clause that opens with a duty of its own ("… support from 7:30 a.m. to 6:00 p.m.") over
    a performance table a PDF's text flattened: each method cell checks its row's standard
    (cell_rows), not the clause's opening duty, which no cell names."""
    text = FLATTENED_RPM.replace(
        "The contractor may receive deductions or even termination based on failure to perform.",
        "The Contractor shall provide on-site support from 7:30 a.m. to 6:00 p.m., Monday through Friday.",
    )
    result = _checked(text, "qasp.md")
    document = result.document
    rows = {row.text: row for row in trace(result)}
    duty = rows["The Contractor shall provide on-site support from 7:30 a.m. to 6:00 p.m., Monday through Friday."]
    cells = {"Files review, periodic, random, observations, complaints", "Files review, random, complaints", "Periodic, random, observations, complaints"}
    assert not cells & {document.statements[link.statement].text for link in duty.follow_up}
    assert [document.statements[link.statement].text for link in rows["100%"].follow_up if link.how != "blanket"] == [
        "Files review, periodic, random, observations, complaints"
    ]


FLATTENED_REPEATED_CELLS = (
    """
# Enclosure 1 Data standards

Description

Performance Standard and Acceptable Quality Level (AQL)

Incentives

Surveillance Method/Measure

"""
    + "".join(
        f"""Provide {task}

Unless a due date is specified, the deliverable will be completed 30 days after receiving tasking from the government.
Reports have minimal typographical or grammatical errors.
Minor clarification may be required.

Government Project Leads input; quarterly feedback

See enclosure 2.

"""
        for task in ("research and analysis support", "performance analysis", "interface engineering", "test plans")
    )
    + """
# INCENTIVES

The following incentives shall apply to performance under this order.

Assessment Period

Incentives

"""
    + "".join(
        f"""Option {n}:

All measurement areas rated at least "Satisfactory".

Quarterly using the CPARS evaluation ratings.

"""
        for n in ("I", "II", "III")
    )
)


def test_a_flattened_tables_cell_repeated_down_its_column_is_each_rows_own():
    """Issue 15: a cell a flattened performance table repeats in every row ("Unless a due date
    is specified, the deliverable will be completed 30 days after …", the method "Government
    Project Leads input; quarterly feedback") recurs a few statements apart, row after row, where
    a page's running header recurs once a page: it is each row's cell, not page furniture. Each
    row's standard is a requirement followed up by its own method cell, which lists its methods
    between semicolons; a cell that only points elsewhere ("See enclosure 2.") or only allows
    something ("Minor clarification may be required.") is none. A section's title in capitals
    ("INCENTIVES") that also titles a column ("Incentives") is no running footer: it ends the
    table, and the incentive table under it (no performance level among its titles) has no cells."""
    result = _checked(FLATTENED_REPEATED_CELLS, "qasp.md")
    document = result.document
    texts = [s.text for s in document.statements]
    due = [i for i, text in enumerate(texts) if text.startswith("Unless a due date")]
    methods = [i for i, text in enumerate(texts) if text == "Government Project Leads input; quarterly feedback"]
    assert len(due) == len(methods) == 4
    rows = {row.statement: row for row in trace(result)}
    for standard, method in zip(due, methods):
        assert standard in rows
        assert [link.statement for link in rows[standard].follow_up if link.how != "blanket"] == [method]
    requirements = {texts[i] for i in result.requirements}
    assert not requirements & {"Government Project Leads input; quarterly feedback", "See enclosure 2.", "Minor clarification may be required."}
    assert not requirements & {'All measurement areas rated at least "Satisfactory".', "Quarterly using the CPARS evaluation ratings."}


def test_a_numbered_rows_level_alone_is_a_requirement_of_that_row():
    """Issue 15: a level alone ("95%") in a numbered row of a flattened performance requirements
    summary is the row's acceptable quality level, though a conversion's heading ("## METHOD")
    ended the flattened table before it: a requirement, followed up and sanctioned by its row's cells."""
    result = _checked(NUMBERED_PRS, "pws.md")
    document = result.document
    rows = {row.text: row for row in trace(result)}

    def specific(row, kind):
        return [document.statements[link.statement].text for link in getattr(row, kind) if link.how != "blanket"]

    assert "Random inspection" in specific(rows["95%"], "follow_up")
    assert "Incentive or penalty equal to 3% of the unit price for the evaluation period." in specific(rows["95%"], "sanction")


def test_a_sanction_stated_by_reference_takes_its_parts_from_the_clause_it_cites():
    """Issue 15 item 3: "vite i enlighet med punkt 22 nedan" has the amount and cap clause 22
    states (22 is 22.1 too); the model records the citation it followed. A clause the document
    lacks is recorded as not found; a citation of another document's clause is not followed."""
    text = (
        "12.1 Leverantören ska leverera senast på avtalad leveransdag.\n\n"
        "12.2 Vid försening av leveransen ska Leverantören utbetala ett vite i enlighet med punkt 22 nedan.\n\n"
        "12.3 Vid brist i tillgängligheten ska Leverantören betala vite enligt punkt 14.3.\n\n"
        "12.4 Vid fel i leveransen utgår vite enligt Allmänna villkor punkt 7.\n\n"
        "22.1 Vitet uppgår till 10 000 kr per påbörjad vecka, dock högst 100 000 kr.\n"
    )
    models = {model.location.line: model for model in matrix_document(_checked(text, "avtal.md", "sv")).sanctions}
    delay = models[_line_of(text, "12.2")]
    assert (delay.amount.source, delay.amount.text) == ("cited", "10 000 kr")
    assert delay.cap.source == "cited" and "100 000 kr" in delay.cap.text
    assert (delay.cited.text, delay.cited.number, delay.cited.found) == ("punkt 22", "22", True)
    assert delay.cited.location.line == _line_of(text, "22.1") and "amount" in delay.cited.parts
    missing = models[_line_of(text, "12.3")]
    assert (missing.cited.number, missing.cited.found, missing.cited.statement) == ("14.3", False, None)
    assert missing.amount.source == "statement" and missing.cap is None
    assert models[_line_of(text, "12.4")].cited is None


def test_a_cited_clause_that_is_missing_or_states_no_amount_is_flagged_in_both_languages():
    """AV008 / CT008 (``model cites missing``, ``model cited lacks amount``): a sanction whose
    amount cites a clause the document lacks, or one that states no amount ("22.1 … utge vite:"
    and nothing after it), can be charged at no stated amount; one that cites a clause with an
    amount, or an annex (often a document of its own), is not flagged."""
    sv = (
        "11.3 Om åtgärdandet försenar Uppdraget ska Leverantören utbetala vite enligt punkt 22 nedan.\n\n"
        "12.3 Vid försening ska Leverantören utbetala ett vite i enlighet med punkt 14.3.\n\n"
        "12.4 Vid fel utgår vite i enlighet med bilaga 3.\n\n"
        "22.1 Vid sådana brister som anges i det följande ska Leverantören till Beställaren utge vite:\n"
    )
    flagged = [f.location.line for f in _checked(sv, "avtal.md", "sv").findings if f.rule == "sv-avtal/AV008"]
    assert flagged == [_line_of(sv, "11.3"), _line_of(sv, "12.3")]
    en = (
        "12.1 If delivery is late, the Supplier shall pay liquidated damages as set out in clause 22.\n\n"
        "12.2 If the report is late, the Supplier shall pay liquidated damages as set out in clause 14.3.\n\n"
        "12.3 If the Services are unavailable, the Supplier shall pay service credits in accordance with clause 23.\n\n"
        "22.1 In the cases listed in this clause the Supplier shall pay the Buyer liquidated damages as follows:\n\n"
        "23.1 Service credits are 5 % of the monthly fee for each hour of downtime, up to a maximum of 50 %.\n"
    )
    flagged = [f.location.line for f in _checked(en, "contract.md").findings if f.rule == "en-contract/CT008"]
    assert flagged == [_line_of(en, "12.1"), _line_of(en, "12.2")]


def test_a_tender_that_cites_the_agreement_cites_another_document():
    """A tender's specification that charges a price reduction "enligt punkt 9.5 i avtalet" cites
    the contract to be signed, a document of its own: no AV008 for a clause 9.5 it lacks (the
    shipped sv-kravspecifikation.improved example drew two); a
    contract citing "clause 22 of the Master Agreement" cites another document too (the
    pattern for a document named after the number never matched: its word boundary stood before
    the space that opens the words after the number)."""
    tender = (
        "# Kravspecifikation\n\nBilaga 2 till förfrågningsunderlaget.\n\n## 1 Bakgrund\n\n"
        "Anbudsgivaren ska bifoga en testrapport.\n\nAnbudsgivaren ska ange sitt organisationsnummer.\n\n"
        "## 2 Anbudet\n\nAnbudsgivaren ska beskriva sin supportorganisation.\n\n## 3 Krav\n\n"
        "| Id | Krav | Påföljd |\n|---|---|---|\n"
        "| K1 | Plattformen ska stödja inloggning med BankID. | Prisavdrag enligt punkt 9.5 i avtalet |\n\n"
        "## 4 Support\n\nK2 Leverantören ska svara inom 2 timmar. Uteblir svaret har kommunen rätt till prisavdrag enligt punkt 9.5 i avtalet.\n"
    )
    assert [f for f in _checked(tender, "krav.md", "sv").findings if f.rule == "sv-avtal/AV008"] == []
    other = (
        "12.1 If delivery is late, the Supplier shall pay liquidated damages as set out in clause 22 of the Master Agreement.\n\n"
        "12.2 If the report is late, the Supplier shall pay liquidated damages as set out in clause 22.\n\n"
        "13.1 The Supplier shall deliver by 1 June.\n"
    )
    assert [f.location.line for f in _checked(other, "contract.md").findings if f.rule == "en-contract/CT008"] == [3]


def test_a_plural_clause_word_cites_no_clause():
    """review19b: "as set out in the clauses below" names clauses, it cites none: the plural's "s"
    ("clauses", "sections", "paragraphs") is no clause's letter run into its word, so CT008 does not
    ask for a clause "S"; a letter stands apart from its word ("Annex B", "Section C.1"), a digit may
    run into it ("§14")."""
    en = (
        "12.1 If delivery is late, the Supplier shall pay liquidated damages as set out in the clauses below.\n\n"
        "12.2 If the Services are unavailable, the Supplier shall pay service credits as described in the following sections.\n\n"
        "13.1 The Supplier shall invoice monthly in arrears.\n\n"
        "14.1 The Buyer shall pay each invoice within 30 days.\n"
    )
    checked = _checked(en, "contract.md")
    assert [f.location.line for f in checked.findings if f.rule == "en-contract/CT008"] == []
    assert all(model.cited is None for model in matrix_document(checked).sanctions)


def test_a_clause_of_the_agreement_a_document_lacks_is_the_agreements_not_a_missing_one():
    """review19b: "prisavdrag enligt punkt 9.5 i avtalet" in a requirement specification cites the
    contract, a document of its own: where the document has no clause 9.5, "i avtalet" ("of the
    Agreement") names that other document and AV008 / CT008 do not call the clause missing (the
    shipped example sv-kravspecifikation.improved.docx was flagged so); where it has the clause,
    the citation is followed as before."""
    sv = (
        "1.1 Leverantören ska avisera driftstopp senast fem arbetsdagar i förväg.\n\n"
        "1.2 Uteblir aviseringen har kommunen rätt till prisavdrag enligt punkt 9.5 i avtalet.\n\n"
        "2.1 Leverantören ska rapportera tillgängligheten månadsvis.\n\n"
        "3.1 Leverantören ska fakturera månadsvis.\n"
    )
    checked = _checked(sv, "kravspecifikation.md", "sv")
    assert [f.location.line for f in checked.findings if f.rule == "sv-avtal/AV008"] == []
    assert all(model.cited is None for model in matrix_document(checked).sanctions)
    en = (
        "12.1 If delivery is late, the Supplier shall pay liquidated damages as set out in clause 22 of the Agreement.\n\n"
        "13.1 The Supplier shall invoice monthly in arrears.\n\n"
        "22.1 Liquidated damages are $500 per day of delay, up to a maximum of $10,000.\n"
    )
    (model,) = [m for m in matrix_document(_checked(en, "contract.md")).sanctions if m.location.line == _line_of(en, "12.1")]
    assert model.cited.found and model.amount.source == "cited"
