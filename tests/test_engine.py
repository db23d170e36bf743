"""The engine: each rule kind and each link method, positive and negative; {match} and
{requirement.id}; tables; Swedish and English; document rules with and without ``when``."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import findings, md, rules, txt
from test_matrix import FLATTENED_RPM

from checker import check
from checker.config import Config
from checker.engine import check_document, trace
from checker.matching import TermMatcher, compile_pattern

SV = """
ruleset "sv" {
  language sv
}
terms vaga = "snabbt", "vid behov", "användarvänlig*"
terms tillganglighet = "tillgänglig*", "drifttid*"
pattern matt = /\\d+(?:[.,]\\d+)?\\s*(?:%|procent|timm(?:e|ar)|dag(?:ar)?|kr)\\b/
define requirement = "ska", "skall", "måste"
define followup = "följs upp", "*rapport*", "mäts"
define sanction = "vite", "viten", "prisavdrag", "hävning"
define blanket = "samtliga krav", "alla krav"
topics tillganglighet

requirement VAG "Vagt krav" {
  category unmeasurable
  severity error
  when vaga and not matt
  message "\\"{match}\\" går inte att mäta ({requirement.id}, {section})."
  suggest "Ange en nivå i stället för \\"{match}\\"."
}
followup UPP "Utan uppföljning" {
  category missing-follow-up
  for requirements where matt
  message "{requirement.id} följs inte upp."
}
followup UPP-ID "Utan uppföljning (id)" {
  category missing-follow-up
  for requirements where matt
  linked by id
  message "{requirement.id} följs inte upp enligt id."
}
sanction SANK "Utan sanktion" {
  category missing-sanction
  for requirements where matt
  message "{requirement.id} saknar sanktion."
}
sanction BELOPP "Vite utan belopp" {
  category weak-sanction
  for sanctions where not matt
  message "Vitet saknar belopp: {statement}"
}
document AVTALSTID "Avtalstid saknas" {
  category missing-clause
  expect "avtalstid*"
  message "Ingen avtalstid."
}
document INCITAMENT "Viten utan incitament" {
  category missing-clause
  severity info
  when sanction
  expect "bonus", "incitament*"
  message "Sanktioner ({match}) men inga incitament."
}
"""


@pytest.fixture(scope="module")
def sv():
    return rules(SV, "sv.krav")


def by_rule(found, rule_id):
    return [f for f in found if f.rule == f"sv/{rule_id}"]


# ---- requirement rules --------------------------------------------------------------------------


def test_requirement_rule_match_location_and_placeholders(sv) -> None:
    document = md("""
        # 4 Drift

        ## 4.2 Felhantering

        Leverantören ska åtgärda fel snabbt.
        Leverantören bör svara snabbt.
        """)
    found = by_rule(findings(document, sv), "VAG")
    assert len(found) == 1  # the bör-sentence is no requirement
    finding = found[0]
    assert finding.match == "snabbt"
    assert (finding.location.line, finding.location.column) == (5, 30)
    assert finding.location.section == "4 Drift > 4.2 Felhantering"
    assert finding.requirement_id == "4.2"  # the numbered heading above
    assert finding.message == '"snabbt" går inte att mäta (4.2, 4 Drift > 4.2 Felhantering).'
    assert finding.suggestion == 'Ange en nivå i stället för "snabbt".'
    assert finding.severity == "error"
    assert finding.text == "Leverantören ska åtgärda fel snabbt."


def test_requirement_rule_negative_when_measurable(sv) -> None:
    document = md("Leverantören ska åtgärda fel snabbt, inom 4 timmar.")
    assert by_rule(findings(document, sv), "VAG") == []


def test_requirement_id_falls_back_to_line(sv) -> None:
    found = by_rule(findings(md("Inledning\n\nLeverantören ska vara användarvänlig."), sv), "VAG")
    assert found[0].message.startswith('"användarvänlig" går inte att mäta (rad 3')


def test_trailing_star_and_unicode_boundaries() -> None:
    matcher = TermMatcher({"l": ["användarvänlig*", "år", "*rapport", "m.m.", "i rimlig tid"]})
    assert matcher.scan("Systemet ska vara Användarvänligt.") == {"l": (18, 33)}
    assert matcher.scan("per år") == {"l": (4, 6)}
    assert matcher.scan("påår") == {}
    assert matcher.scan("i månadsrapport") == {"l": (2, 15)}
    assert matcher.scan("rapporter") == {}
    assert matcher.scan("papper m.m. ska") == {"l": (7, 11)}
    assert matcher.scan("svar i  rimlig\ntid") == {"l": (5, 18)}
    assert matcher.scan("svar i\u00a0rimlig tid") == {"l": (5, 17)}


def test_patterns_unicode_word_semantics() -> None:
    year = compile_pattern(r"\bår\b")
    assert year.search("per år") == (4, 6)
    assert year.search("påår") is None
    assert year.search("påår och år") == (9, 11)
    percent = compile_pattern(r"\d+\s*%\b")
    assert percent.search("99 % per månad") == (0, 4)
    word = compile_pattern(r"\w+tid")
    assert word.search("åtgärdstid") == (0, 10)
    assert compile_pattern("ISO", "c").search("iso 9001") is None
    assert compile_pattern("ISO").search("iso 9001") == (0, 3)
    assert compile_pattern("a.b", "s").search("a\nb") == (0, 3)


# ---- follow-up linking ----------------------------------------------------------------------------


def test_followup_missing_then_linked_by_section(sv) -> None:
    missing = md("# 4 Drift\n\nK4.1 Tjänsten ska vara tillgänglig 99,5 % per månad.")
    found = by_rule(findings(missing, sv), "UPP")
    assert [(f.requirement_id, f.match, f.message) for f in found] == [("K4.1", "99,5 %", "K4.1 följs inte upp.")]
    linked = md("# 4 Drift\n\nK4.1 Tjänsten ska vara tillgänglig 99,5 % per månad.\n\nUtfallet följs upp månadsvis.")
    assert by_rule(findings(linked, sv), "UPP") == []


def test_followup_missing_on_each_row_of_a_table_is_one_finding(sv) -> None:
    """A follow-up rule finds each row of a table wanting as a whole: one finding, on the first
    row, names the other rows (in the document's language); a row elsewhere keeps its own."""
    document = md("""
        # 4 Drift

        | Id | Krav |
        | --- | --- |
        | K4.1 | Tjänsten ska vara tillgänglig 99,5 % per månad. |
        | K4.2 | Tjänsten ska vara tillgänglig 99 % per vecka. |

        # 5 Support

        K5.1 Supporten ska vara tillgänglig 98 % av kontorstiden.
        """)
    found = by_rule(findings(document, sv), "UPP")
    assert [(f.requirement_id, f.match) for f in found] == [("K4.1", "99,5 %"), ("K5.1", "98 %")]
    rows = [s.index for s in document.statements if s.kind == "table_row" and "K4.2" in s.text]
    assert found[0].also == rows and found[1].also is None
    assert found[0].message == "K4.1 följs inte upp. Detsamma gäller tabellens övriga rader: rad 6."


ONCE = SV.replace(
    """  for requirements where matt
  message "{requirement.id} följs inte upp."
}""",
    """  for requirements where matt
  report once per document
  message "{requirement.id} följs inte upp."
}""",
)


def test_a_rule_reported_once_per_document_names_every_other_statement() -> None:
    """``report once per document``: one finding, on the first statement the rule flags, names
    every other one, in tables and sections alike; the first twelve by place, then how many more.
    Another rule of the same kind still reports per table."""
    once = rules(ONCE, "sv.krav")
    assert once.rule("UPP").once_per == "document" and once.rule("SANK").once_per is None
    rows = "\n".join(f"| K4.{n} | Tjänsten ska vara tillgänglig {n} % per månad. |" for n in range(1, 4))
    items = "\n\n".join(f"K5.{n} Supporten ska svara inom {n} timmar." for n in range(1, 13))
    document = md(f"# 4 Drift\n\n| Id | Krav |\n| --- | --- |\n{rows}\n\n# 5 Support\n\n{items}\n")
    found = by_rule(findings(document, once), "UPP")
    assert len(found) == 1 and found[0].requirement_id == "K4.1"
    flagged = [s.index for s in document.statements if s.requirement_id not in (None, "K4.1") and s.kind != "heading"]
    assert found[0].also == flagged and len(flagged) == 14
    assert found[0].also_locations == [document.statements[i].location for i in flagged]
    lines = ", ".join(f"rad {document.statements[i].location.line}" for i in flagged[:12])
    assert found[0].message == f"K4.1 följs inte upp. Detsamma gäller 14 krav till: {lines} och 2 till."
    assert [f.requirement_id for f in by_rule(findings(document, once), "SANK")] == [
        "K4.1",
        "K5.1",
        "K5.2",
        "K5.3",
        "K5.4",
        "K5.5",
        "K5.6",
        "K5.7",
        "K5.8",
        "K5.9",
        "K5.10",
        "K5.11",
        "K5.12",
    ]
    two = md("K1 Tjänsten ska vara tillgänglig 99 % per månad.\n\nK2 Supporten ska svara inom 4 timmar.\n")
    assert [f.message for f in by_rule(findings(two, once), "UPP")] == ["K1 följs inte upp. Detsamma gäller ett krav till: rad 3."]


def test_a_suppression_on_one_statement_leaves_the_others_reported() -> None:
    """A suppression in one statement's block is about that statement: the finding that stands
    for the rest of the document (or of the table) is reported all the same, on the first
    statement not suppressed, and the suppressed finding names only the suppressed ones."""
    once = rules(ONCE, "sv.krav")
    document = md("""
        <!-- kravkoll: ignore UPP -- följs upp i bilaga 4 -->
        K1 Supporten ska svara inom 4 timmar.

        K2 Supporten ska svara inom 2 timmar.

        K3 Tjänsten ska vara tillgänglig 99 % per månad.
        """)
    found = sorted(by_rule(findings(document, once), "UPP"), key=lambda f: f.suppressed)
    assert [(f.requirement_id, f.suppressed, f.also) for f in found] == [("K2", False, [2]), ("K1", True, None)]
    assert found[0].message == f"K2 följs inte upp. Detsamma gäller ett krav till: rad {document.statements[2].location.line}."
    table = md("""
        | Id | Krav |
        | --- | --- |
        | K1 | Supporten ska svara inom 4 timmar. |
        | K2 | Supporten ska svara inom 2 timmar. |

        <!-- kravkoll: ignore UPP -->
        K3 Tjänsten ska vara tillgänglig 99 % per månad.
        """)
    sv = rules(SV, "sv.krav")
    assert [(f.requirement_id, f.suppressed, len(f.also or ())) for f in by_rule(findings(table, sv), "UPP")] == [("K1", False, 1), ("K3", True, 0)]


def test_a_sanction_rule_reported_once_names_sanctions_not_requirements() -> None:
    """``for sanctions where … report once per document`` stands for other sanction clauses: its
    message counts sanctions, not requirements."""
    once = rules(SV.replace("  for sanctions where not matt\n  message", "  for sanctions where not matt\n  report once per document\n  message"), "sv.krav")
    document = md("Vid försening utgår vite.\n\nVid upprepad försening utgår prisavdrag.\n\nVid ytterligare försening utgår vite.\n")
    found = by_rule(findings(document, once), "BELOPP")
    assert [f.message.split(". ", 1)[1] for f in found] == ["Detsamma gäller 2 sanktioner till: rad 3, rad 5."]
    two = md("Vid försening utgår vite.\n\nVid upprepad försening utgår prisavdrag.\n")
    assert by_rule(findings(two, once), "BELOPP")[0].message.endswith(" Detsamma gäller en sanktion till: rad 3.")


def test_report_once_takes_document_only_and_not_in_document_rules() -> None:
    from checker.errors import RuleError

    with pytest.raises(RuleError, match="expected 'document'"):
        rules(ONCE.replace("report once per document", "report once per section"), "sv.krav")
    with pytest.raises(RuleError, match="'report' does not belong in a document rule"):
        rules(ONCE.replace('  expect "avtalstid*"', '  expect "avtalstid*"\n  report once per document'), "sv.krav")


def test_followup_linked_by_id_from_another_section(sv) -> None:
    document = md("""
        # 4 Drift

        K4.1 Tjänsten ska vara tillgänglig 99,5 % per månad.

        # 9 Uppföljning

        Kravet K4.1 följs upp av beställaren.
        """)
    found = findings(document, sv)
    assert by_rule(found, "UPP") == []
    assert by_rule(found, "UPP-ID") == []
    rows = trace(check_document(document, [sv]))
    assert [(link.how, link.statement) for link in rows[0].follow_up] == [("id", 3)]


def test_linked_by_id_only_ignores_same_section(sv) -> None:
    document = md("# 4 Drift\n\nK4.1 Tjänsten ska vara tillgänglig 99,5 % per månad.\n\nUtfallet följs upp månadsvis.")
    found = findings(document, sv)
    assert by_rule(found, "UPP") == []
    assert [f.requirement_id for f in by_rule(found, "UPP-ID")] == ["K4.1"]


def test_followup_linked_by_topic(sv) -> None:
    document = md("""
        # 4 Drift

        K4.1 Tjänsten ska vara tillgänglig 99,5 % per månad.

        # 9 Rapporter

        Drifttiden redovisas i en månadsrapport.
        """)
    assert by_rule(findings(document, sv), "UPP") == []
    rows = trace(check_document(document, [sv]))
    assert ("topic", 3) in [(link.how, link.statement) for link in rows[0].follow_up]


def test_followup_linked_by_blanket(sv) -> None:
    document = md("""
        # 4 Support

        K4.2 Support ska svara inom 2 timmar.

        # 9 Allmänt

        Samtliga krav följs upp kvartalsvis.
        """)
    assert by_rule(findings(document, sv), "UPP") == []


def test_requirement_that_states_its_own_followup_is_not_followed_up_by_it(sv) -> None:
    """labelling.md: a phrase inside the requirement ("as measured by the provider") is not follow-up."""
    document = md("# 4 Drift\n\nTillgängligheten ska vara 99,5 % per månad och mäts av leverantören.")
    rows = trace(check_document(document, [sv]))
    assert rows[0].follow_up == []
    assert [f.statement for f in by_rule(findings(document, sv), "UPP-ID")] == [1]


def test_requirements_table_ids_and_same_table_links(sv) -> None:
    document = md("""
        # 5 Krav

        | Id | Krav | Uppföljning |
        |----|------|-------------|
        | K5.1 | Support ska svara inom 2 timmar. | |
        | K5.2 | Fel ska åtgärdas inom 8 timmar. | |
        | K5.3 | Svarstiderna följs upp i kvartalsrapport. | |
        """)
    statements = [s for s in document.statements if s.kind == "table_row"]
    assert [(s.requirement_id, s.id_source, s.row) for s in statements] == [("K5.1", "column", 2), ("K5.2", "column", 3), ("K5.3", "column", 4)]
    found = findings(document, sv)
    assert by_rule(found, "UPP") == []
    sank = by_rule(found, "SANK")
    # one finding for the table's rows without a sanction, on the first, naming the second
    assert [(f.requirement_id, f.location.table, f.location.row, f.location.cell, f.location.column) for f in sank] == [("K5.1", 1, 2, 2, 33)]
    assert sank[0].also == [statements[1].index]


# ---- sanction rules ---------------------------------------------------------------------------------


def test_sanction_for_requirements_and_for_sanctions(sv) -> None:
    document = md("""
        # 4 Drift

        K4.1 Tjänsten ska vara tillgänglig 99,5 % per månad och mäts månadsvis.

        # 8 Viten

        Vid brist utgår vite.
        """)
    found = findings(document, sv)
    assert [f.requirement_id for f in by_rule(found, "SANK")] == ["K4.1"]
    belopp = by_rule(found, "BELOPP")
    assert [f.message for f in belopp] == ["Vitet saknar belopp: Vid brist utgår vite."]
    fixed = md("""
        # 4 Drift

        K4.1 Tjänsten ska vara tillgänglig 99,5 % per månad och mäts månadsvis.
        Understiger tillgängligheten kravet enligt K4.1 utgår vite med 5 % av månadsavgiften.
        """)
    found = findings(fixed, sv)
    assert by_rule(found, "SANK") == [] and by_rule(found, "BELOPP") == []


# ---- document rules ------------------------------------------------------------------------------------


def test_document_rules_with_and_without_when(sv) -> None:
    plain = findings(md("# Avtal\n\nLeverantören ska leverera."), sv)
    assert [f.rule for f in plain if f.category == "missing-clause"] == ["sv/AVTALSTID"]  # no sanction: INCITAMENT waits
    assert plain[0].location is None and plain[0].match is None
    with_sanction = findings(md("# 2 Avtalstid\n\nGäller ett år.\n\nVid försening utgår vite."), sv)
    incitament = by_rule(with_sanction, "INCITAMENT")
    assert [f.message for f in incitament] == ["Sanktioner (vite) men inga incitament."]
    assert by_rule(with_sanction, "AVTALSTID") == []  # the heading counts
    balanced = findings(md("Avtalstiden är ett år. Vid försening utgår vite. Bonus utgår vid tidig leverans."), sv)
    assert by_rule(balanced, "INCITAMENT") == []


# ---- conditions on structure -----------------------------------------------------------------------------


def test_in_section_has_id_and_words() -> None:
    ruleset = rules("""
        ruleset "s" {
          language en
        }
        define requirement = "shall"
        requirement SEC "in section" {
          category structure
          when in section "Security"
          message "sec"
        }
        requirement NOID "no id" {
          category structure
          when not has id
          message "no id"
        }
        requirement LONG "long" {
          category structure
          when words > 8
          message "long"
        }
        """)
    document = md("""
        # 1 Security

        ## 1.1 Access

        REQ-1 The system shall log every login.

        # 2 Other

        The supplier shall deliver the goods to the main warehouse in town every single day.
        """)
    found = check_document(document, [ruleset]).findings
    got = sorted((f.rule, f.requirement_id) for f in found)
    assert got == [("s/LONG", "2"), ("s/NOID", "2"), ("s/SEC", "REQ-1")]
    assert [f.match for f in found if f.rule == "s/SEC"] == [None]  # `in section` supplies no match


def test_in_table_holds_for_the_rows_of_tables_and_nothing_else() -> None:
    """``in table``: every body row of every table (a one-column table's too, which has no " | "),
    never a sentence that quotes a "|", a list item, a heading or a table's header; ``table``
    still names a list."""
    ruleset = rules("""
        ruleset "t" {
          language en
        }
        define requirement = "shall"
        terms table = "log"
        requirement ROW "row" {
          category structure
          when in table
          message "row"
        }
        requirement PROSE "prose" {
          category structure
          when not in table and table
          message "prose"
        }
        """)
    document = md("""
        # 1 Table shall

        | Requirement |
        |---|
        | The system shall log every login. |

        | Id | Requirement |
        |---|---|
        | REQ-2 | The system shall keep the log a year. |

        The system shall log A | B.

        - The system shall log errors.
        """)
    rows = [s.index for s in document.statements if s.kind == "table_row"]
    assert len(rows) == 2
    found = check_document(document, [ruleset]).findings
    assert sorted((f.rule, f.text) for f in found) == [
        ("t/PROSE", "The system shall log A | B."),
        ("t/PROSE", "The system shall log errors."),
        ("t/ROW", "REQ-2 | The system shall keep the log a year."),
        ("t/ROW", "The system shall log every login."),
    ]
    assert [f.match for f in found if f.rule == "t/ROW"] == [None, None]  # `in table` supplies no match


def test_english_document_and_line_fallback() -> None:
    ruleset = rules("""
        ruleset "en" {
          language en
        }
        define requirement = "shall", "must"
        requirement VAGUE "vague" {
          category unmeasurable
          when "promptly", "as appropriate"
          message "{match} in {requirement.id}"
        }
        """)
    found = check_document(txt("INTRODUCTION\n\nThe Contractor shall respond promptly.\n"), [ruleset]).findings
    assert [(f.message, f.location.line, f.location.column) for f in found] == [("promptly in line 3", 3, 30)]


# ---- the library API ---------------------------------------------------------------------------------------


def test_check_api_reads_files_reports_unreadable_and_sorts(tmp_path: Path, sv) -> None:
    good = tmp_path / "b.md"
    good.write_text("Leverantören ska åtgärda fel snabbt.\n\nOch vid behov.\n", encoding="utf-8")
    empty = tmp_path / "a.md"
    empty.write_bytes(b"\xff\xfe\x00")  # not text in any encoding kravkoll reads
    report = check([good, empty], [sv], Config(select=["unmeasurable"]))
    assert [(f.path, f.error is None) for f in report.files] == [(str(good), True), (str(empty), False)]
    assert [f.rule for f in report.findings] == ["sv/VAG"]
    assert report.summary.error == 1 and report.summary.unreadable == 1
    again = check([good, empty], [sv], Config(select=["unmeasurable"]))
    assert again.model_dump_json() == report.model_dump_json()


def test_select_ignore_and_severity_override(sv) -> None:
    document = md("# 4 Drift\n\nK4.1 Tjänsten ska vara tillgänglig 99,5 % per månad.\n\nFel ska åtgärdas snabbt.")
    config = Config(ignore=["sv/UPP*", "missing-clause"], severity={"SANK": "error"})
    found = check_document(document, [sv], config).findings
    assert sorted({f.rule for f in found}) == ["sv/SANK", "sv/VAG"]
    assert {f.severity for f in found if f.rule == "sv/SANK"} == {"error"}


def test_suppression_comment_applies_to_next_block(sv) -> None:
    document = md("""
        <!-- kravkoll: ignore VAG -- godtas här -->
        Leverantören ska åtgärda fel snabbt.

        Leverantören ska svara snabbt.
        """)
    found = by_rule(findings(document, sv), "VAG")
    assert [(f.location.line, f.suppressed, f.suppression_reason) for f in found] == [(2, True, "godtas här"), (4, False, None)]


def test_docx_numbered_requirements_link_by_id_and_table(sv) -> None:
    """A Word document with automatically numbered headings and requirements: ids come from
    the numbering, follow-up links by id across sections and by table rows."""
    from docx_builder import add_list, new_document, number, to_bytes

    from checker.readers import read_bytes

    document = new_document()
    add_list(document, 1, 1, [("decimal", "K%1.")])
    document.add_heading("4 Drift", level=1)
    number(document.add_paragraph("Tjänsten ska vara tillgänglig 99,5 % per månad."), 1)
    number(document.add_paragraph("Fel ska åtgärdas inom 4 timmar."), 1)
    document.add_heading("9 Uppföljning", level=1)
    document.add_paragraph("Krav K1 följs upp i en månadsrapport.")
    table = document.add_table(rows=3, cols=2)
    for row, (ident, text) in zip(table.rows, [("Id", "Krav"), ("T1", "Support ska svara inom 2 timmar."), ("T2", "Svarstiden mäts varje månad.")]):
        row.cells[0].text, row.cells[1].text = ident, text
    parsed = read_bytes(to_bytes(document), "avtal.docx", "docx")
    requirements = [(s.requirement_id, s.location.paragraph) for s in parsed.statements if " ska " in f" {s.text} "]
    assert requirements == [("K1", 2), ("K2", 3), ("T1", 8)]
    found = by_rule(findings(parsed, sv), "UPP-ID")
    # K1 is named by the follow-up sentence; K2 is not; T1 shares no id with the row that measures.
    assert [f.requirement_id for f in found] == ["K2", "T1"]
    assert [f.requirement_id for f in by_rule(findings(parsed, sv), "UPP")] == ["K2"]  # T1: same table


def test_typographic_apostrophes_match_straight_ones() -> None:
    matcher = TermMatcher({"l": ["contractor's discretion", "“as is”"]})
    assert matcher.scan("at the Contractor’s discretion") == {"l": (7, 30)}
    assert matcher.scan("delivered ”as is”") == {"l": (10, 17)}
    assert compile_pattern("contractor's").search("the contractor’s own") is None  # raw text: see plain_text
    from checker.matching import plain_text

    assert compile_pattern("contractor's").search(plain_text("the contractor’s own")) == (4, 16)


def test_list_items_belong_to_the_class_of_their_lead_in(sv) -> None:
    document = md("""
        # 2 Kvalificering

        Konsulten ska ha:

        - god erfarenhet av projektledning
        - minst 3 års erfarenhet av drift

        Beställaren har:

        - en användarvänlig portal

        Leverantören ska leverera.
        """)
    items = [s for s in document.statements if s.kind == "list_item"]
    assert [s.lead_in for s in items] == [1, 1, 4]
    found = by_rule(findings(document, sv), "VAG")
    assert found == []  # "användarvänlig" is under a lead-in that is no requirement
    document = md("Konsulten ska ha:\n\n- en användarvänlig portal\n\nDärefter:\n\n- en användarvänlig app")
    assert [f.match for f in by_rule(findings(document, sv), "VAG")] == ["användarvänlig"]
    trace_rows = trace(check_document(document, [sv]))
    assert [row.text for row in trace_rows] == ["Konsulten ska ha:", "en användarvänlig portal"]


def test_a_lead_in_without_a_colon_introduces_its_list(sv) -> None:
    """A government assignment writes its tasks after an open sentence ("Myndigheten ska
    särskilt" / "– kartlägga …"): the items carry its obligation as after "Myndigheten ska:"."""
    document = md("""
        Myndigheten ska särskilt

        - kartlägga hur tolktjänsten är organiserad,
        - bedöma vilka kostnader en samordning medför.

        Utredaren ska bl.a.

        - lämna förslag till författningsändringar.

        Uppdraget ska redovisas senast den 31 mars 2026.

        - en punkt efter en avslutad mening
        """)
    items = [s for s in document.statements if s.kind == "list_item"]
    assert [s.lead_in for s in items] == [0, 0, 3, None]
    rows = {row.text for row in trace(check_document(document, [sv]))}
    assert {"kartlägga hur tolktjänsten är organiserad,", "lämna förslag till författningsändringar."} <= rows


def test_findings_know_where_the_match_starts_and_ends(sv) -> None:
    from checker.reporters.text import excerpt

    found = by_rule(findings(md("# 4 Drift\n\nEn snabbt skriven text: fel ska åtgärdas snabbt."), sv), "VAG")
    finding = found[0]
    assert (finding.match_start, finding.location.column, finding.end_column) == (3, 4, 10)
    shown, start, length = excerpt("Det  ska vara snabbt, inte snabbt.", "snabbt", 27)
    assert (shown[start : start + length], start) == ("snabbt", 26)


EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


BEFORE_ANY_HEADING = """Leverantören ska åtgärda fel inom 4 timmar.

Beställaren följer upp åtgärdstiden varje månad.

Leverantören ska leverera snabbt.

# 1 Drift

K1.1 Leverantören ska ha support vid behov.
"""


LISTED_REPORT = """# 5 Status reports

In lieu of a status report, the Contractor shall submit within 2 days of each sprint:

- links to the code branch;
- screenshots of the completed features.

The Contractor shall fix each defect within 5 days.
"""


SCOPED_SLA = """# 2 Service levels

SL-1 The Service shall be available 99.9 % of each calendar month.

SL-2 The Supplier shall respond to Severity 1 tickets within 1 hour.

Option | Monthly Uptime Percentage
--- | ---
Base | 99.5 %
Extended | 99.95 %

If the Supplier fails to meet any service level, the Customer is entitled to a service credit of 5 % of the monthly fee.
Service credits are the Customer's sole and exclusive remedy for any failure to meet the availability commitment.

# 4 Monitoring

Uptime is monitored every minute from two regions.

A service credit for SL-2 is 2 % of the monthly fee.
"""


@pytest.mark.parametrize(
    "name", sorted(p.name for p in EXAMPLES.glob("*.md")) + ["sv-avtal-sla.docx", "en-rfp.docx", "inline", "scoped", "listed", "flattened"]
)
def test_rules_ask_about_links_for_all_requirements_at_once_as_link_by_link(name: str, tmp_path: Path) -> None:
    """``unlinked`` (what rules use), ``linked_targets`` (what the balance counts) and
    ``links_of`` (what the matrix shows) agree for every requirement, every target class and
    every combination of link methods."""
    from itertools import combinations

    from checker.engine import Classification, Linter, links_of, unlinked
    from checker.engine.links import linked_targets
    from checker.readers import read_document
    from checker.rulemodel import LINK_METHODS

    path = EXAMPLES / name
    if name == "inline":  # statements before the first heading belong to no section
        path = tmp_path / "inline.md"
        path.write_text(BEFORE_ANY_HEADING, encoding="utf-8")
    if name == "scoped":  # a clause that limits its credits to availability (scope_limit)
        path = tmp_path / "scoped.md"
        path.write_text(SCOPED_SLA, encoding="utf-8")
    if name == "listed":  # a requirement whose list items carry its follow-up words
        path = tmp_path / "listed.md"
        path.write_text(LISTED_REPORT, encoding="utf-8")
    if name == "flattened":  # a clause's own duty over a flattened table's method cells, which check their own rows (cell_rows)
        path = tmp_path / "qasp.md"
        duty = "The Contractor shall provide on-site support from 7:30 a.m. to 6:00 p.m., Monday through Friday."
        path.write_text(FLATTENED_RPM.replace("The contractor may receive deductions or even termination based on failure to perform.", duty), encoding="utf-8")
    document = read_document(path)
    result = check_document(document, list(Linter().shipped(document.language).rulesets))
    checked = 0
    for c in result.classifications:
        requirements = c.statements_of_class("requirement")
        for kind in ("followup", "sanction", "blanket"):
            targets = c.statements_of_class(kind)
            for size in range(1, len(LINK_METHODS) + 1):
                for methods in combinations(LINK_METHODS, size):
                    links = {i: links_of(document.statements[i], targets, methods, c, kind) for i in requirements}
                    expected = [i for i in sorted(requirements) if not links[i]]
                    assert unlinked(requirements, targets, methods, c, kind) == expected, (c.ruleset.name, kind, methods)
                    linked = {j for found in links.values() for _, j, _, _ in found}
                    assert linked_targets(requirements, targets, methods, c, kind) == linked, (c.ruleset.name, kind, methods)
                    checked += len(requirements)
    assert checked > 0
    assert isinstance(result.classifications[0], Classification)


@pytest.mark.parametrize("op", [">", ">=", "<", "<="])
@pytest.mark.parametrize("count", [0, 1, 3, 5])
def test_word_count_conditions_agree_with_counting_every_word(op: str, count: int, tmp_path: Path) -> None:
    """``words`` conditions split off only as many words as they need; the statements they
    hold for are those a full count gives."""
    from checker.conditiontypes.words import WORDS, Words
    from checker.engine import Classification, DocumentIndex, Linter
    from checker.matching import word_count
    from checker.readers import read_document

    path = tmp_path / "words.txt"
    path.write_text("Leverantören ska leverera.\n\na - b | c\n\nEtt två tre fyra fem sex sju\n\n– –\n\nx_y z\n", encoding="utf-8")
    document = read_document(path)
    c = Classification(Linter().shipped("sv").rulesets[0], DocumentIndex(document))
    compare = {">": int.__gt__, ">=": int.__ge__, "<": int.__lt__, "<=": int.__le__}[op]
    expected = {s.index for s in document.statements if compare(word_count(s.text), count)}
    assert WORDS.evaluate(Words(op=op, count=count), c) == expected


def _links(row, column: str) -> list[tuple[str, int]]:
    return [(link.how, link.statement) for link in getattr(row, column)]


def test_a_scope_limit_keeps_its_clause_to_the_topics_it_names() -> None:
    """Credits that are "the sole and exclusive remedy for any failure to meet the availability
    commitment" sanction availability, not support response times (labelling.md); a credit that
    names SL-2 still sanctions it, whatever the scope."""
    from checker.engine import Linter

    document = md(SCOPED_SLA, language="en")
    result = check_document(document, list(Linter().shipped("en").rulesets))
    rows = {row.text[:4]: row for row in trace(result)}
    credit = next(s.index for s in document.statements if s.text.startswith("If the Supplier fails"))
    named = next(s.index for s in document.statements if s.text.startswith("A service credit for SL-2"))
    assert ("blanket", credit) in _links(rows["SL-1"], "sanction")  # any service level: blanket where it stands
    assert ("section", credit) not in _links(rows["SL-2"], "sanction")
    assert _links(rows["SL-2"], "sanction") == [("id", named)]
    assert ("topic", credit) not in _links(rows["SL-2"], "sanction")
    missing = [f.statement for f in result.findings if f.rule == "en-contract/CT002"]
    assert rows["SL-1"].statement not in missing


def test_a_table_row_is_about_what_its_header_measures() -> None:
    """A row "Base | 99.5 %" under "Option | Monthly Uptime Percentage" is about uptime: the
    uptime monitoring in another clause follows it up, and the availability credits sanction it."""
    from checker.engine import Linter

    document = md(SCOPED_SLA, language="en")
    rows = {row.text.split(" |")[0]: row for row in trace(check_document(document, list(Linter().shipped("en").rulesets)))}
    monitoring = next(s.index for s in document.statements if s.text.startswith("Uptime is monitored"))
    credit = next(s.index for s in document.statements if s.text.startswith("If the Supplier fails"))
    assert ("topic", monitoring) in _links(rows["Base"], "follow_up")
    assert _links(rows["Extended"], "sanction") == [("blanket", credit)]  # in the credits' scope


def test_a_blanket_clause_links_as_blanket_in_the_requirements_own_clause() -> None:
    """labelling.md: a clause whose object is all work is blanket follow-up, wherever it stands;
    the kind follows what it covers, not where it is. One that names the requirement is
    specific."""
    from checker.engine import Linter

    document = md(
        """# 4 Service desk

SD-1 The Contractor shall answer each call within 30 seconds.

SD-2 The Contractor shall close each ticket within 2 days.

The COR will inspect all work every two weeks.

The COR checks SD-2 monthly by random sampling of the tickets.
""",
        language="en",
    )
    rows = {row.text[:4]: row for row in trace(check_document(document, list(Linter().shipped("en").rulesets)))}
    inspect = next(s.index for s in document.statements if s.text.startswith("The COR will inspect"))
    sampling = next(s.index for s in document.statements if s.text.startswith("The COR checks"))
    assert _links(rows["SD-1"], "follow_up") == [("section", sampling), ("blanket", inspect)]
    assert [link.kind for link in rows["SD-1"].follow_up] == ["specific", "blanket"]
    assert _links(rows["SD-2"], "follow_up") == [("id", sampling), ("blanket", inspect)]


def test_a_blanket_table_row_is_its_own_follow_up_as_blanket() -> None:
    """A row of a deliverables table that is a status report follows itself up as it follows up
    the other rows: as a report on all the work (blanket), not as a surveillance cell."""
    from checker.engine import Linter

    document = md(
        """# 5 Deliverables

| Deliverable | Due date | Description |
| --- | --- | --- |
| Status report | 1 business day after each sprint | A report of progress |
| Transition plan | 5 days before the end of the order | The plan for the hand-over |
""",
        language="en",
    )
    rows = {row.text.split(" |")[0]: row for row in trace(check_document(document, list(Linter().shipped("en").rulesets)))}
    status = rows["Status report"].statement
    assert _links(rows["Status report"], "follow_up") == [("blanket", status)]
    assert _links(rows["Transition plan"], "follow_up") == [("blanket", status)]


def test_the_nearest_unlinked_statement_says_why_it_does_not_count() -> None:
    """For a requirement with no sanction linked, the nearest sanction and why: outside the
    scope its clause states, or in another clause with no topic in common."""
    from checker.engine import Linter
    from checker.engine.links import nearest_unlinked

    document = md(SCOPED_SLA + "\n# 5 Delivery\n\nD-1 The Supplier shall deliver the runbook within 20 days.\n", language="en")
    result = check_document(document, list(Linter().shipped("en").rulesets))
    c = next(c for c in result.classifications if c.ruleset.name == "en-contract")
    index = {s.text[:4]: s.index for s in document.statements}
    credit = next(s.index for s in document.statements if s.text.startswith("If the Supplier fails"))
    named = next(s.index for s in document.statements if s.text.startswith("A service credit for SL-2"))
    sanctions = c.statements_of_class("sanction")
    assert nearest_unlinked(index["SL-2"], sanctions - {named}, ("section", "topic", "blanket"), c, "sanction") == (credit, "scope", "topic_availability")
    assert nearest_unlinked(index["D-1 "], sanctions, ("id", "section", "topic"), c, "sanction") == (named, "elsewhere", None)


def test_a_requirements_own_list_items_are_not_its_follow_up() -> None:
    """The items a requirement introduces ("… shall submit within 2 days of each sprint: • links
    to the branch • screenshots") say what it requires and carry its follow-up words with its
    class; like a phrase inside it (labelling.md), they do not follow it up. The status report
    still follows up the other requirement of its clause, as a blanket clause (it reports on all
    the work), and its items, which carry its class, are listed through it."""
    from checker.engine import Linter
    from checker.engine.links import nearest_unlinked

    document = md(LISTED_REPORT, language="en")
    result = check_document(document, list(Linter().shipped("en").rulesets))
    c = next(c for c in result.classifications if c.ruleset.name == "en-contract")
    lead_in = next(s.index for s in document.statements if s.text.startswith("In lieu of"))
    items = [s.index for s in document.statements if s.lead_in == lead_in]
    fix = next(s.index for s in document.statements if s.text.startswith("The Contractor shall fix"))
    followup = c.statements_of_class("followup")
    assert len(items) == 2 and set(items) <= followup  # the items carry the lead-in's class
    rows = {row.statement: row for row in trace(result)}
    assert not any(j in items for _, j in _links(rows[lead_in], "follow_up"))
    assert _links(rows[fix], "follow_up") == [("blanket", lead_in)]  # its items through it, not one by one
    assert nearest_unlinked(lead_in, frozenset(items), ("section", "topic", "blanket"), c, "followup") is None


LIST_RULES = """
ruleset "lists" {
  language en
}
define requirement = "shall" or qualification_item
terms qualification_lead_in = "experience with"
pattern item_start = /^\\W*\\w+/
terms vague = "adequate"

requirement FIRST "Whole item" {
  category unmeasurable
  severity warning
  when item_start
  message "\\"{match}\\" says no level."
}
requirement VAGUE "Vague word" {
  category unmeasurable
  severity warning
  when vague
  message "\\"{match}\\" is vague."
}
"""


def test_a_rule_that_quotes_each_items_first_words_reports_the_list_once() -> None:
    """A rule whose match starts where the words of an item of a list of skills start says one
    thing of the list: one finding, on the first item, names the others (also its sub-list's
    items); a match inside an item stays each item's own, and a statement outside any list keeps
    its finding."""
    document = md("""
        The staff shall have experience with:

        - Python to an adequate level.
        - These languages:
            - Go.
        - Rust to an adequate level.
        """)
    found = findings(document, rules(LIST_RULES))
    whole = [f for f in found if f.rule.endswith("FIRST")]
    assert [(f.location.line, f.also) for f in whole][0] == (1, None)  # the lead-in is no item
    (listed,) = whole[1:]
    items = [s.index for s in document.statements if s.lead_in is not None]
    assert listed.location.line == 3 and listed.statement == items[0] and listed.also == items[1:]
    assert listed.message.endswith("The same holds for the list's other items: line 4, line 5, line 6.")
    assert [f.location.line for f in found if f.rule.endswith("VAGUE")] == [3, 6]
    # the matrix reads each item the list's finding names as not measurable
    rows = {row.statement: row for row in trace(check_document(document, [rules(LIST_RULES)]))}
    assert [rows[i].measurability for i in items] == ["no"] * len(items)


NESTED_RULES = """
ruleset "nested" {
  language sv
}
define requirement = "ska"
terms tidsvagt = "med rimlig framförhållning"
terms vagt = "rimlig", "snabb", "nödvändiga"
terms flykt = "i nödvändiga fall"

requirement TID "Vag tid" {
  category unmeasurable
  severity warning
  when tidsvagt
  message "\\"{match}\\" är ingen tid."
}
requirement VAG "Vagt ord" {
  category unmeasurable
  severity warning
  when vagt
  message "\\"{match}\\" är vagt."
}
requirement FLYKT "Flyktklausul" {
  category ambiguous
  severity warning
  when flykt
  message "\\"{match}\\" är en flyktklausul."
}
"""


def test_words_another_finding_already_quotes_are_not_said_again() -> None:
    """A match inside another finding's match on the same statement ("rimlig" in "med rimlig
    framförhållning"; an unmeasurable word inside an ambiguous escape: "nödvändiga" in "i
    nödvändiga fall") is left out; a match elsewhere in the statement stays, and so does the
    same word in a statement where nothing else quotes it."""
    document = md("""
        Leverantören ska med rimlig framförhållning meddela ändringar.

        Leverantören ska ge snabb återkoppling med rimlig framförhållning.

        Leverantören ska i nödvändiga fall ge förklaringar.

        Leverantören ska ge en rimlig förklaring.
        """)
    found = [(f.location.line, f.rule.split("/")[1], f.match) for f in findings(document, rules(NESTED_RULES))]
    assert found == [
        (1, "TID", "med rimlig framförhållning"),
        (3, "VAG", "snabb"),
        (3, "TID", "med rimlig framförhållning"),
        (5, "FLYKT", "i nödvändiga fall"),
        (7, "VAG", "rimlig"),
    ]


def test_a_finding_that_stands_for_others_is_not_left_out_for_its_own_words() -> None:
    """A finding that names other statements (``report once per document``, a list's finding)
    is kept though another finding quotes its own statement's words around its match: left out,
    it would take every statement it stands for with it."""
    once = rules(NESTED_RULES.replace("  when vagt\n", "  when vagt\n  report once per document\n"))
    document = md("""
        Leverantören ska med rimlig framförhållning meddela ändringar.

        Leverantören ska ge en rimlig förklaring.
        """)
    found = [(f.location.line, f.rule.split("/")[1], f.match, f.also) for f in findings(document, once)]
    assert found == [(1, "TID", "med rimlig framförhållning", None), (1, "VAG", "rimlig", [1])]


PROCESSOR_AGREEMENT = """# {title}

## 5 Personuppgiftsbiträdets skyldigheter

5.1 Personuppgiftsbiträdet ska behandla personuppgifter endast enligt dokumenterade instruktioner.

5.2 Personuppgiftsbiträdet ska anmäla en personuppgiftsincident inom 24 timmar.

## 13 Granskning

13.1 Den Personuppgiftsansvarige har rätt att granska att personuppgifter behandlas enligt detta avtal.
"""


def test_a_follow_up_about_the_documents_subject_is_blanket() -> None:
    """A title over the whole document names what every clause of it is about: in a processor
    agreement ("Personuppgiftsbiträdesavtal") the audit of how personal data is processed follows
    up every duty of the processor, as a blanket clause does, not one topic of it (labelling.md).
    Under a title that names another subject the same audit links by its topic."""
    from checker.engine import Linter

    def follow_up(title: str) -> list[tuple[str, str | None]]:
        document = md(PROCESSOR_AGREEMENT.format(title=title))
        result = check_document(document, list(Linter().shipped("sv").rulesets))
        audit = next(s.index for s in document.statements if s.text.startswith("13.1"))
        row = next(row for row in trace(result) if row.text.startswith("5.1"))
        return [(link.how, link.detail) for link in row.follow_up if link.statement == audit]

    assert follow_up("Personuppgiftsbiträdesavtal") == [("blanket", "Personuppgiftsbiträdesavtal")]
    assert follow_up("Avtal om webbutbildning") == [("topic", "dataskydd")]
