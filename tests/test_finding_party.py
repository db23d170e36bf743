"""Whom a finding's statement binds (``Finding.party``): in every report, in the message and
severity of a finding on the buyer's own duty or a clause binding both parties, and ``--party``
(the command line, the configuration, the HTTP API) keeping only the findings of the parties named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from check_helpers import invoke, work, write  # noqa: F401 - work is a fixture
from support import md, rules

from checker import check
from checker.config import Config
from checker.engine import Linter
from checker.report import Finding, Report
from checker.reporters import RenderOptions, renderer

EN = """
# Statement of work

## 3 Tasks

The Contractor shall respond to incidents promptly.

Each party shall notify the other party promptly of any breach.

The Government shall provide the necessary forms.
"""

SV = """
# Avtal

## 3 Krav

Leverantören ska åtgärda fel snabbt.

Beställaren ska skyndsamt godkänna leveransen.

Parterna ska löpande informera varandra om ändringar.
"""


def by_text(report: Report) -> dict[str, Finding]:
    """The findings on statements, by the statement's first words."""
    return {" ".join(f.text.split()[:2]): f for f in report.findings if f.text is not None}


def test_each_finding_says_whom_its_statement_binds_and_the_buyers_own_duty_is_info() -> None:
    found = by_text(check([md(EN)]))
    supplier, mutual, buyer = found["The Contractor"], found["Each party"], found["The Government"]
    assert (supplier.party, mutual.party, buyer.party) == ("supplier", "mutual", "buyer")
    assert supplier.severity == "warning" and not supplier.message.startswith("The buyer")
    assert (mutual.severity, buyer.severity) == ("info", "info")  # --fail-on warning passes the buyer's own wording
    assert mutual.message.startswith("A duty of both parties – ") and buyer.message.startswith("The buyer's own duty – ")
    assert buyer.suggestion is not None and "necessary" in buyer.suggestion  # the rule's own advice, which names no supplier
    assert all(f.party is None for f in check([md(EN)]).findings if f.statement is None)  # about the whole document


def test_the_message_is_in_the_documents_language() -> None:
    found = by_text(check([md(SV)]))
    assert [found[k].party for k in ("Leverantören ska", "Beställaren ska", "Parterna ska")] == ["supplier", "buyer", "mutual"]
    assert found["Beställaren ska"].message.startswith("Beställarens egen skyldighet – ")
    assert found["Parterna ska"].message.startswith("Båda parternas skyldighet – ")
    assert found["Leverantören ska"].severity == "warning" and found["Beställaren ska"].severity == "info"


def test_a_suggestion_that_would_bind_the_supplier_gives_way_on_the_buyers_duty() -> None:
    ruleset = rules("""
        ruleset "p-en" {
          language en
          extends  "en-base"
        }
        terms vague = "promptly"
        requirement P "vague" {
          category unmeasurable
          severity warning
          when     vague
          message  "\\"{match}\\" is vague."
          suggest  "Write it as \\"The Contractor shall … within 2 days\\"."
        }
        """)
    linter = Linter(Config(), [ruleset])
    document = md("The Contractor shall reply promptly.\n\nThe Government shall reply promptly.\n")
    supplier, buyer = linter.check_document(document).findings
    assert supplier.suggestion == 'Write it as "The Contractor shall … within 2 days".'
    assert buyer.party == "buyer" and "Contractor" not in (buyer.suggestion or "")
    assert (
        buyer.suggestion
        == "The duty is the buyer's, not the supplier's: rewrite it only if the buyer is to be held to it, and keep the buyer as the one it binds."
    )


def test_findings_only_the_supplier_can_answer_never_go_to_the_buyers_or_both_parties_statements() -> None:
    """Follow-up and sanction are the supplier's (the rulesets leave the others' duties out): on
    the shipped examples and on the duties of each party, none is on a buyer's or mutual statement."""
    examples = sorted((Path(__file__).resolve().parent.parent / "examples").glob("*.md"))
    report = check([*examples, md(EN), md(SV)])
    others = [f for f in report.findings if f.party in ("buyer", "mutual")]
    assert others and not [f for f in others if f.category in ("missing-follow-up", "missing-sanction")]
    assert {f.severity for f in others} == {"info"}


def test_party_filter_of_the_configuration() -> None:
    document = md(EN)
    everything = Linter(Config()).check_document(document).findings
    supplier = Linter(Config(party=["supplier"])).check_document(document).findings
    assert [f.party for f in everything] == ["supplier", "mutual", "buyer"]
    assert [f.party for f in supplier] == ["supplier"]
    both = Linter(Config(party=["buyer", "mutual"])).check_document(document).findings
    assert [f.party for f in both] == ["mutual", "buyer"]
    contract = md(SV)  # findings on the whole document (a missing clause) bind no party: they stay
    whole = [f for f in Linter(Config(party=["tenderer"])).check_document(contract).findings]
    assert whole and all(f.statement is None and f.party is None for f in whole)


def test_party_option_of_check(work: Path) -> None:  # noqa: F811 - the fixture
    write(work / "sow.md", EN)
    every = json.loads(invoke("check", "sow.md", "--format", "json", "--fail-on", "never").stdout)
    only = json.loads(invoke("check", "sow.md", "--format", "json", "--party", "supplier", "--fail-on", "never").stdout)
    listed = json.loads(invoke("check", "sow.md", "--format", "json", "--party", "buyer,mutual", "--party", "supplier").stdout)
    assert [f["party"] for f in only["findings"]] == ["supplier"]
    assert len(listed["findings"]) == len(every["findings"]) > len(only["findings"])
    bad = invoke("check", "sow.md", "--party", "government")
    assert bad.exit_code == 2 and "'government' is not one of supplier, buyer, mutual, tenderer" in bad.stderr
    write(work / "kravkoll.toml", 'party = ["supplier"]\n')
    assert json.loads(invoke("check", "sow.md", "--format", "json").stdout)["findings"] == only["findings"]
    assert len(json.loads(invoke("check", "sow.md", "--format", "json", "--party", "buyer").stdout)["findings"]) < len(every["findings"])
    write(work / "kravkoll.toml", 'party = ["government"]\n')
    assert invoke("check", "sow.md").exit_code == 2


def test_party_option_of_matrix(work: Path) -> None:  # noqa: F811 - the fixture
    write(work / "sow.md", EN)

    def because(*options: str) -> dict[str, list[str]]:
        """Each requirement's party → the findings its row gives as reasons it is unmeasurable."""
        rows = json.loads(invoke("matrix", "sow.md", "-f", "json", *options).stdout)["documents"][0]["requirements"]
        return {row["party"]: row["unmeasurable_because"] for row in rows}

    every = because()
    assert all(every.values()) and set(every) == {"supplier", "mutual", "buyer"}
    only = because("--party", "supplier")
    assert only["supplier"] == every["supplier"] and not only["mutual"] and not only["buyer"]
    assert because("--party", "buyer,mutual", "--party", "supplier") == every
    bad = invoke("matrix", "sow.md", "--party", "government")
    assert bad.exit_code == 2 and "'government' is not one of supplier, buyer, mutual, tenderer" in bad.stderr


def test_party_option_of_report(work: Path) -> None:  # noqa: F811 - the fixture
    write(work / "sow.md", EN)
    every = invoke("report", "sow.md", "-o", "every.html")
    only = invoke("report", "sow.md", "-o", "only.html", "--party", "supplier")
    assert every.exit_code == only.exit_code == 0
    assert "3 requirements, 3 findings." in every.stderr and "3 requirements, 1 findings." in only.stderr
    html = (work / "only.html").read_text(encoding="utf-8")
    assert "party-supplier" in html and "party-buyer" not in html and "party-mutual" not in html
    bad = invoke("report", "sow.md", "--party", "government")
    assert bad.exit_code == 2 and "'government' is not one of supplier, buyer, mutual, tenderer" in bad.stderr


def test_party_option_of_annotate(work: Path) -> None:  # noqa: F811 - the fixture
    from docx_builder import new_document, to_bytes  # noqa: PLC0415

    document = new_document()
    for block in EN.strip().split("\n\n"):
        level = len(block) - len(block.lstrip("#"))
        if level:
            document.add_heading(block.lstrip("# "), level)
        else:
            document.add_paragraph(block)
    (work / "sow.docx").write_bytes(to_bytes(document))
    every = invoke("annotate", "sow.docx", "-o", "every.docx")
    only = invoke("annotate", "sow.docx", "-o", "only.docx", "--party", "supplier")
    assert every.exit_code == only.exit_code == 0
    assert "3 comments" in every.stderr and "1 comment." in only.stderr
    bad = invoke("annotate", "sow.docx", "--party", "government")
    assert bad.exit_code == 2 and "'government' is not one of supplier, buyer, mutual, tenderer" in bad.stderr


def test_warning_pipelines_are_not_failed_by_the_buyers_own_wording(work: Path) -> None:  # noqa: F811 - the fixture
    write(work / "sow.md", "# Statement of work\n\n## 3 Tasks\n\nThe Government shall provide the necessary forms.\n")
    result = invoke("check", "sow.md", "--fail-on", "warning", "--select", "unmeasurable")
    assert result.exit_code == 0 and "The buyer's own duty – " in result.stdout and "info" in result.stdout


@pytest.mark.parametrize("language", ["en", "sv"])
def test_reports_and_word_comments_say_whom_the_statement_binds(language: str) -> None:
    from checker.matrix import matrix_document
    from checker.reporters.docx_annotate import comment_text
    from checker.reporters.html import render_report
    from checker.reporters.labels import Labels

    result = Linter().check_document(md(EN if language == "en" else SV))
    report = check([result.document])
    words = {"en": ("Binds the supplier", "Binds the buyer", "Binds both parties"), "sv": ("Binder leverantören", "Binder beställaren", "Binder båda parter")}
    text = renderer("text")(report, RenderOptions())
    html = render_report(result, matrix_document(result), [])
    comments = "\n".join(comment_text(f, Labels(language)) for f in result.findings if f.party is not None)
    for phrase in words[language]:
        assert f"· {phrase}" in text and f"· {phrase}</p>" in html and f"· {phrase}" in comments
    assert '<input type="checkbox" id="show-party-buyer" checked>' in html and "li.party-buyer{display:none}" in html
    sarif = json.loads(renderer("sarif")(report, RenderOptions()))
    parties = [result["properties"].get("party") for result in sarif["runs"][0]["results"]]
    assert parties == [f.party for f in report.findings]


def test_the_parties_party_accepts_are_those_a_finding_can_name() -> None:
    # --party keeps its own list (checker.report is not imported for a fast --help): a party
    # added to Party and not there would be refused on the command line though the server takes it.
    from typing import get_args  # noqa: PLC0415

    from checker.cli.options import PARTIES  # noqa: PLC0415
    from checker.report import Party  # noqa: PLC0415
    from checker.serve.app import PARTIES as SERVED  # noqa: PLC0415

    assert PARTIES == SERVED == get_args(Party)


def test_a_finding_on_the_tenderers_duty_says_it_is_the_tenderers() -> None:
    """A tender's instruction ("Offerors shall describe their approach in detail") binds the
    tenderer: its finding says so, so that it does not read as the supplier's fault, and keeps
    its severity (the tender's wording is to be fixed before it is issued)."""
    rfp = md(
        "Offerors shall submit proposals by the closing date.\n\nEach offeror may ask questions.\n\n"
        "This solicitation closes on 1 May 2025.\n\nOfferors shall describe their approach in adequate detail.\n"
    )
    (finding,) = [f for f in check([rfp]).findings if f.text is not None and f.text.startswith("Offerors shall describe")]
    assert finding.party == "tenderer" and finding.severity == "warning"
    assert finding.message.startswith("The tenderer's duty (what the tender must say) – ")
