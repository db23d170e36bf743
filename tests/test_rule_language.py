"""The rule language: every construct of the contract parses and compiles, every error is
reported with its line, column and a useful hint."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from support import CONTRACT_EXAMPLE, findings, md, rules

from checker.cli import main
from checker.conditiontypes.has_id import HasId
from checker.conditiontypes.in_section import InSection
from checker.conditiontypes.in_table import InTable
from checker.conditiontypes.words import Words
from checker.errors import RuleError
from checker.rulecompile import load_ruleset
from checker.rulemodel import And, ClassAtom, Not, Or, PatternAtom, Ruleset, TermsAtom
from checker.ruletest import run_examples

HEADER = 'ruleset "t" {\n  language sv\n}\n'


def errors_of(text: str, path: str = "t.krav") -> list:
    with pytest.raises(RuleError) as caught:
        rules(text, path)
    return caught.value.diagnostics


def single_error(text: str) -> tuple[int, int, str]:
    diagnostics = errors_of(text)
    assert len(diagnostics) == 1, [d.message for d in diagnostics]
    d = diagnostics[0]
    return d.line, d.column, d.message


# ---- the contract's complete example ---------------------------------------------------------


def test_contract_example_compiles_with_every_rule(contract_ruleset: Ruleset) -> None:
    assert contract_ruleset.name == "sv-avtal"
    assert contract_ruleset.language == "sv"
    assert contract_ruleset.version == "1.0.0"
    assert [(r.kind, r.id) for r in contract_ruleset.rules] == [
        ("requirement", "OMATBART"),
        ("followup", "UTAN-UPPFOLJNING"),
        ("sanction", "UTAN-SANKTION"),
        ("sanction", "VITE-UTAN-BELOPP"),
        ("document", "AVTALSTID"),
        ("document", "INCITAMENT"),
    ]
    assert contract_ruleset.topics == ["tillganglighet"]
    assert set(contract_ruleset.defines) == {"requirement", "followup", "sanction", "blanket"}
    omatbart = contract_ruleset.rule("OMATBART")
    assert omatbart.when == And(operands=[TermsAtom(list="vaga"), Not(operand=PatternAtom(pattern="matt"))])
    assert contract_ruleset.rule("sv-avtal/UTAN-UPPFOLJNING").linked_by == ["id", "section", "topic", "blanket"]
    assert contract_ruleset.rule("VITE-UTAN-BELOPP").target == "sanctions"


def test_contract_example_rule_examples_pass(contract_ruleset: Ruleset) -> None:
    outcomes = run_examples(contract_ruleset)
    assert len(outcomes) == 4
    assert all(o.passed for o in outcomes), [o.describe() for o in outcomes if not o.passed]


def test_multiline_example_loses_common_indentation(contract_ruleset: Ruleset) -> None:
    example = contract_ruleset.rule("UTAN-UPPFOLJNING").examples[1]
    assert example.text == "# 4 Drift\nK4.1 Tjänsten ska vara tillgänglig 99,5 % per månad.\nTillgängligheten enligt K4.1 följs upp genom månadsrapport."


def test_compiled_ruleset_validates_against_its_schema(contract_ruleset: Ruleset) -> None:
    schema = Ruleset.model_json_schema()
    jsonschema.validate(contract_ruleset.model_dump(mode="json"), schema)


# ---- constructs ------------------------------------------------------------------------------


def test_every_condition_construct_compiles() -> None:
    ruleset = rules(
        HEADER
        + r"""
        terms vaga = "snabbt",
                     "vid behov"   # a comment after a term
        pattern tal = /\d+/
        pattern kanslig = /ISO/c
        pattern rad = /a.b/s
        define requirement = "ska"
        define viktigt = requirement and not "bör"
        requirement R1 "all atoms" {
          category ambiguous
          when vaga or tal and not (kanslig or rad) or "om möjligt", "i mån av tid" or /x+y/
               or in section "Drift", "Support" or has id or words > 40 or words <= 3
               or words >= 2 or words < 100 or viktigt
          message "m"
        }
        """
    )
    when = ruleset.rule("R1").when
    assert isinstance(when, Or)
    first, second, *rest = when.operands
    assert first == TermsAtom(list="vaga")
    assert second == And(operands=[PatternAtom(pattern="tal"), Not(operand=Or(operands=[PatternAtom(pattern="kanslig"), PatternAtom(pattern="rad")]))])
    kinds = [type(o) for o in rest]
    assert kinds == [TermsAtom, PatternAtom, InSection, HasId, Words, Words, Words, Words, ClassAtom]
    assert [(w.op, w.count) for w in rest if isinstance(w, Words)] == [(">", 40), ("<=", 3), (">=", 2), ("<", 100)]
    assert ruleset.patterns["kanslig"].flags == "c"
    assert ruleset.patterns["rad"].flags == "s"
    assert rest[2].terms == ["Drift", "Support"]


def test_in_section_takes_a_terms_list_name() -> None:
    ruleset = rules(
        HEADER
        + 'terms rubriker = "Drift", "Support*"\ndefine requirement = "ska"\nrequirement R "t" {\n category structure\n when in section rubriker\n message "m"\n}\n'
    )
    assert ruleset.rule("R").when == InSection(list="rubriker", terms=[])
    document = md("# 4 Supporten\n\nDet ska gå fort.\n\n# 5 Pris\n\nDet ska vara billigt.")
    assert [f.text for f in findings(document, ruleset)] == ["Det ska gå fort."]
    line, column, message = single_error(
        HEADER + 'pattern p = /x/\ndefine requirement = "ska"\nrequirement R "t" {\n category structure\n when in section p\n message "m"\n}\n'
    )
    assert (line, column) == (8, 18) and message == "'in section p': a pattern, not a terms list"


def test_a_terms_list_not_in_names_skips_words_written_as_names() -> None:
    ruleset = rules(
        HEADER
        + 'terms vaga (not in names) = "robust"\nterms vaga += "stabil"\ndefine requirement = "ska"\n'
        + 'requirement R "t" {\n category unmeasurable\n when vaga\n message "{match}"\n}\n'
    )
    assert ruleset.lists["vaga"].outside_names and ruleset.lists["vaga"].terms == ["robust", "stabil"]
    document = md(
        """
        Tjänsten ska vara robust.

        Leverantören ska följa bilaga Robust Drift.

        Robust Backup ska ingå.

        Robust drift ska ingå, enligt bilaga Stabil Plattform, och den ska vara stabil.
        """
    )
    assert [(f.text, f.match) for f in findings(document, ruleset)] == [
        ("Tjänsten ska vara robust.", "robust"),
        ("Robust drift ska ingå, enligt bilaga Stabil Plattform, och den ska vara stabil.", "Robust"),
    ]
    plain = rules(HEADER + 'terms vaga = "robust"\ndefine requirement = "ska"\nrequirement R "t" {\n category unmeasurable\n when vaga\n message "m"\n}\n')
    assert not plain.lists["vaga"].outside_names
    assert len(findings(md("Leverantören ska följa bilaga Robust Drift."), plain)) == 1
    line, column, message = single_error(HEADER + 'terms vaga (not names) = "robust"\n')
    assert (line, column) == (4, 17) and "in" in message


def test_in_table_is_written_after_in_and_table_stays_a_name() -> None:
    ruleset = rules(
        HEADER + 'terms table = "rad"\ndefine requirement = "ska"\nrequirement R "t" {\n category structure\n when in table and not table\n message "m"\n}\n'
    )
    assert ruleset.rule("R").when == And(operands=[InTable(), Not(operand=TermsAtom(list="table"))])
    line, column, message = single_error(HEADER + 'define requirement = "ska"\nrequirement R "t" {\n category structure\n when in tabel\n message "m"\n}\n')
    assert (line, column) == (7, 10)
    assert message == "unexpected 'tabel'; expected 'context', 'items', 'predicate', 'schedule', 'section' or 'table'; did you mean 'table'?"


def test_and_binds_tighter_than_or() -> None:
    ruleset = rules(HEADER + 'define requirement = "ska"\nrequirement R "t" {\n category ambiguous\n when "a" or "b" and "c"\n message "m"\n}\n')
    when = ruleset.rule("R").when
    assert isinstance(when, Or) and isinstance(when.operands[1], And)


def test_identifiers_take_swedish_letters_and_rule_ids_take_dots() -> None:
    ruleset = rules(
        HEADER
        + 'terms tidsgräns_ö = "snabbt"\ndefine requirement = "ska"\nrequirement K-1.2 "t" {\n category unmeasurable\n when tidsgräns_ö\n message "m"\n}\n'
    )
    assert ruleset.rule("K-1.2").full_id == "t/K-1.2"


def test_string_escapes() -> None:
    ruleset = rules(HEADER + 'define requirement = "ska"\nrequirement R "t" {\n category ambiguous\n when "x"\n message "a \\"quoted\\" back\\\\slash"\n}\n')
    assert ruleset.rule("R").message == 'a "quoted" back\\slash'


def test_defaults_severity_warning_and_all_link_methods() -> None:
    ruleset = rules(
        HEADER
        + 'define requirement = "ska"\ndefine followup = "rapport*"\nfollowup F "t" {\n category missing-follow-up\n for requirements where "x"\n message "m"\n}\n'
    )
    rule = ruleset.rule("F")
    assert rule.severity == "warning"
    assert rule.linked_by == ["id", "section", "topic", "blanket"]


# ---- syntax errors ---------------------------------------------------------------------------


def test_mistyped_field_keyword_gets_line_column_caret_and_suggestion() -> None:
    text = HEADER + 'define requirement = "ska"\nrequirement R "t" {\n  category ambiguous\n  severty error\n  when "x"\n  message "m"\n}\n'
    line, column, message = single_error(text)
    assert (line, column) == (7, 3)
    assert message.startswith("unexpected 'severty'; expected ")
    assert "'severity'" in message and "'}'" in message
    assert message.endswith("did you mean 'severity'?")
    rendered = errors_of(text)[0].render()
    assert rendered.splitlines()[1:] == ["      severty error", "      ^"]


def test_mistyped_top_level_keyword() -> None:
    line, column, message = single_error(HEADER + 'requirment R "t" {\n category ambiguous\n when "x"\n message "m"\n}\n')
    assert (line, column) == (4, 1)
    assert "did you mean 'requirement'?" in message


def test_missing_closing_brace_at_end_of_file() -> None:
    line, column, message = single_error(HEADER + 'define requirement = "ska"\nrequirement R "t" {\n category ambiguous\n when "x"\n message "m"\n')
    assert message.startswith("unexpected end of file")
    assert "'}'" in message
    assert line == 8


def test_unterminated_string_and_pattern() -> None:
    line, column, message = single_error(HEADER + 'terms a = "snabbt\n')
    assert (line, column) == (4, 11) and message.startswith("unterminated string")
    line, column, message = single_error(HEADER + "pattern p = /abc\n")
    assert (line, column) == (4, 13) and message.startswith("unterminated pattern")


def test_every_broken_item_of_a_file_is_reported() -> None:
    text = HEADER + (
        'define requirement = "ska"\n'
        'requirement A "t" {\n category ambiguous\n severty error\n when "x"\n message "m"\n}\n'
        'requirement B "t" {\n category ambiguous\n when "x" and\n message "m"\n}\n'
        'requirement C "t" {\n category ambiguous\n whn "x"\n message "m"\n}\n'
    )
    diagnostics = errors_of(text)
    assert [(d.line, d.column) for d in diagnostics] == [(7, 2), (14, 2), (18, 2)]
    assert "did you mean 'when'?" in diagnostics[2].message


# ---- semantic errors -------------------------------------------------------------------------


def _rule(body: str, extra: str = "") -> str:
    return HEADER + 'terms vaga = "snabbt"\npattern matt = /\\d+/\ndefine requirement = "ska"\n' + extra + body


@pytest.mark.parametrize(
    ("body", "position", "expected"),
    [
        (
            'requirement R "t" {\n category ambiguous\n when vag\n message "m"\n}\n',
            (9, 7),
            "unknown name 'vag' (not a terms list, pattern or define); did you mean 'vaga'?",
        ),
        ('requirement R "t" {\n category ambiguous\n when mat\n message "m"\n}\n', (9, 7), "did you mean 'matt'?"),
        ('requirement R "t" {\n category ambiguous\n when requirment\n message "m"\n}\n', (9, 7), "did you mean 'requirement'?"),
        (
            'requirement R "t" {\n category unmeasurabel\n when vaga\n message "m"\n}\n',
            (8, 11),
            "unknown category 'unmeasurabel'; did you mean 'unmeasurable'?",
        ),
        ('requirement R "t" {\n category ambiguous\n severity eror\n when vaga\n message "m"\n}\n', (9, 11), "unknown severity 'eror'; did you mean 'error'?"),
        (
            'followup F "t" {\n category missing-follow-up\n for requirements where matt\n linked by id, sektion\n message "m"\n}\n',
            (7, 1),
            "needs 'define followup = ...'",
        ),
        ('requirement R "t" {\n category ambiguous\n when vaga\n message "{mach} here"\n}\n', (10, 10), "unknown placeholder '{mach}'; did you mean 'match'?"),
        ('requirement R "t" {\n category ambiguous\n when vaga\n}\n', (7, 13), "requirement rule R has no 'message'"),
        ('requirement R "t" {\n when vaga\n message "m"\n}\n', (7, 13), "requirement rule R has no 'category'"),
        ('requirement R "t" {\n category ambiguous\n message "m"\n}\n', (7, 13), "requirement rule R has no 'when'"),
        ('requirement R "t" {\n category ambiguous\n when vaga\n expect vaga\n message "m"\n}\n', (10, 2), "'expect' does not belong in a requirement rule"),
        ('document D "t" {\n category missing-clause\n when vaga\n message "m"\n}\n', (7, 10), "document rule D has no 'expect'"),
        ('terms not = "x"\n', (7, 7), "'not' is a reserved word"),
        ('terms vaga = "y"\n', (7, 7), "'vaga' is already defined at line 4"),
        ("pattern bak = /(a)\\1/\n", (7, 19), "backreference \\1: RE2 does not support backreferences"),
        ("pattern runt = /a(?=b)/\n", (7, 18), "look-around"),
        ("pattern flagga = /a/x\n", (7, 21), "unknown pattern flag 'x'"),
        ('terms t = "rap*port"\n', (7, 11), "'*' may only start or end a term"),
        ("topics vaga, matt, requirement\n", (7, 20), "topics takes terms lists and patterns; 'requirement' is a define"),
        ("topics vag\n", (7, 8), "unknown terms list or pattern 'vag' in topics; did you mean 'vaga'?"),
        ("define a = b\ndefine b = a\n", (7, 8), "defines refer to each other in a cycle"),
        ('document D "t" {\n category missing-clause\n expect "x"\n message "m {nope"\n}\n', (10, 10), "unmatched '{'"),
        (
            'requirement R "t" {\n category ambiguous\n when vaga\n message "m"\n rewrite "{statement} ska"\n}\n',
            (11, 10),
            "the rewrite of rule R: '{statement}' cannot stand in a rewrite; only {match} can",
        ),
        (
            'requirement R "t" {\n category ambiguous\n when vaga\n message "m"\n rewrite "{mach} ska"\n}\n',
            (11, 10),
            "the rewrite of rule R: unknown placeholder '{mach}'; did you mean 'match'?",
        ),
        (
            'requirement R "t" {\n category ambiguous\n when vaga\n message "m"\n rewrite "  "\n}\n',
            (11, 10),
            "the rewrite of rule R: it is empty; write what replaces the matched words",
        ),
        (
            'requirement R "t" {\n category ambiguous\n when vaga\n message "m"\n rewrite """a\nb"""\n}\n',
            (11, 10),
            "the rewrite of rule R: it spans more than one line",
        ),
        (
            'requirement R "t" {\n category ambiguous\n when vaga\n message "m"\n rewrite "a\tb\x01"\n}\n',
            (11, 10),
            "the rewrite of rule R: it holds a control character",
        ),
        (
            'requirement R "t" {\n category ambiguous\n when not vaga\n message "m"\n rewrite "[X]"\n}\n',
            (11, 10),
            "the rewrite of rule R: the rule has no matched words to rewrite",
        ),
        (
            'document D "t" {\n category missing-clause\n expect vaga\n message "m"\n rewrite "[X]"\n}\n',
            (11, 10),
            "'rewrite' does not belong in a document rule",
        ),
    ],
)
def test_semantic_errors_name_line_column_and_fix(body: str, position: tuple[int, int], expected: str) -> None:
    diagnostics = errors_of(_rule("", body))
    assert expected in diagnostics[0].message, [d.message for d in diagnostics]
    assert (diagnostics[0].line, diagnostics[0].column) == position


def test_rewrite_is_an_optional_field_with_match_and_no_reserved_word() -> None:
    ruleset = rules(
        _rule(
            'requirement R "t" {\n category unmeasurable\n when rewrite\n message "\\"{match}\\""\n'
            ' rewrite "inom [X] arbetsdagar"\n}\n'
            'requirement S "t" {\n category structure\n when "ISO 9001"\n message "m"\n rewrite "{match} eller likvärdigt"\n}\n'
            'requirement U "t" {\n category ambiguous\n when vaga\n message "m"\n}\n',
            'terms rewrite = "skyndsamt"\n',
        )
    )  # a list may still be called rewrite
    assert [rule.rewrite for rule in ruleset.rules] == ["inom [X] arbetsdagar", "{match} eller likvärdigt", None]
    assert "rewrite" not in ruleset.rules[2].model_dump(exclude_none=True)


def test_statement_class_must_be_defined_with_define() -> None:
    line, column, message = single_error(HEADER + 'terms requirement = "x"\n')
    assert (line, column) == (4, 7)
    assert message == "'requirement' is a statement class; write 'define requirement = ...'"


def test_field_keyword_is_not_a_name() -> None:
    line, column, message = single_error(_rule('requirement R "t" {\n category ambiguous\n when vaga and\n message "m"\n}\n'))
    assert (line, column) == (10, 2)
    assert message.startswith("unexpected 'message'")


def test_unknown_link_method() -> None:
    text = _rule(
        'followup F "t" {\n category missing-follow-up\n for requirements where matt\n linked by id, sektion\n message "m"\n}\n',
        'define followup = "rapport*"\n',
    )
    line, column, message = single_error(text)
    assert (line, column) == (11, 16)
    assert "unknown link method 'sektion'; did you mean 'section'?" in message


def test_duplicate_rule_id() -> None:
    body = 'requirement R "t" {\n category ambiguous\n when vaga\n message "m"\n}\n'
    line, column, message = single_error(_rule(body + body))
    assert (line, column) == (12, 13)
    assert message == "duplicate rule id 'R' (first at line 7)"


def test_sanction_rule_needs_define_sanction() -> None:
    line, _, message = single_error(_rule('sanction S "t" {\n category weak-sanction\n for sanctions where not matt\n message "m"\n}\n'))
    assert line == 7 and "needs 'define sanction = ...'" in message


def test_unknown_language() -> None:
    line, column, message = single_error('ruleset "t" {\n  language svenska\n}\n')
    assert (line, column) == (2, 12)
    assert "unknown language 'svenska'" in message


def test_all_semantic_errors_of_a_file_are_reported_together() -> None:
    text = _rule(
        'requirement R "t" {\n category unmeasurabel\n when vag\n message "m"\n}\n'
        'requirement Q "t" {\n category ambiguous\n severity hög\n when mat\n message "{x}"\n}\n'
    )
    messages = [d.message for d in errors_of(text)]
    assert len(messages) == 5


# ---- extends -----------------------------------------------------------------------------------


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


BASE = """
ruleset "bas" {
  language sv
}
terms vaga = "snabbt"
define requirement = "ska"
requirement VAG "vagt" {
  category unmeasurable
  when vaga
  message "vagt: {match}"
}
requirement ERSATT "ersätts" {
  category ambiguous
  when "alltid"
  message "bas"
}
"""


def test_extends_late_binding_replacement_and_ids(tmp_path: Path) -> None:
    write(tmp_path, "bas.krav", BASE)
    child = write(
        tmp_path,
        "barn.krav",
        """
    ruleset "barn" {
      language sv
      extends "bas"
    }
    terms vaga = "skyndsamt"
    requirement ERSATT "ersatt" {
      category ambiguous
      when "aldrig"
      message "barn"
    }
    """,
    )
    ruleset = load_ruleset(child)
    assert ruleset.extends == ["bas"]
    assert [r.full_id for r in ruleset.rules] == ["bas/VAG", "barn/ERSATT"]
    document = md("Leverantören ska svara skyndsamt.\n\nLeverantören ska svara snabbt.\n\nDet ska aldrig hända.\n\nDet ska alltid hända.")
    found = findings(document, ruleset)
    # The extended rule VAG sees the redefined list: "skyndsamt" now, not "snabbt".
    assert [(f.rule, f.match) for f in found] == [("bas/VAG", "skyndsamt"), ("barn/ERSATT", "aldrig")]


def test_extends_looks_in_own_folder_then_shipped_and_suggests(tmp_path: Path) -> None:
    write(tmp_path, "bas.krav", BASE)
    child = write(tmp_path, "barn.krav", 'ruleset "barn" {\n  language sv\n  extends "baz"\n}\n')
    with pytest.raises(RuleError) as caught:
        load_ruleset(child)
    d = caught.value.diagnostics[0]
    assert (d.line, d.column) == (3, 11)
    assert "extends unknown ruleset 'baz'; did you mean 'bas'?" in d.message


def test_cyclic_extends(tmp_path: Path) -> None:
    write(tmp_path, "a.krav", 'ruleset "a" {\n  extends "b"\n}\n')
    write(tmp_path, "b.krav", 'ruleset "b" {\n  extends "a"\n}\n')
    with pytest.raises(RuleError) as caught:
        load_ruleset(tmp_path / "a.krav")
    messages = [d.message for d in caught.value.diagnostics]
    assert any("cyclic extends: a -> b -> a" in m for m in messages), messages


# ---- the CLI for rule authors --------------------------------------------------------------------


def test_rules_validate_ok_and_error_exit_codes(tmp_path: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(main, ["rules", "validate", str(CONTRACT_EXAMPLE)])
    assert ok.exit_code == 0
    assert "ok (sv-avtal, 6 rules)" in ok.output
    bad = write(tmp_path, "bad.krav", HEADER + 'define requirement = "ska"\nrequirement R "t" {\n category ambigous\n when "x"\n message "m"\n}\n')
    result = runner.invoke(main, ["rules", "validate", str(bad)])
    assert result.exit_code == 2
    assert f"{bad}:6:11: unknown category 'ambigous'; did you mean 'ambiguous'?" in result.output
    assert "Traceback" not in result.output


def test_rules_test_reports_failing_examples(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "ex.krav",
        HEADER
        + """define requirement = "ska"
requirement R "t" {
  category ambiguous
  when "snabbt"
  message "m"
  example flag "Leverantören ska svara snabbt."
  example flag "Leverantören ska svara inom 4 timmar."
  example pass "Leverantören bör svara snabbt."
  example pass "Leverantören ska svara snabbt men ändå."
}
""",
    )
    result = CliRunner().invoke(main, ["rules", "test", str(path)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert f"FAIL {path}:10: t/R: example flag gave no finding: Leverantören ska svara inom 4 timmar." in lines
    assert f"FAIL {path}:12: t/R: example pass gave 1 finding(s): m" in lines
    assert lines[-1] == "2 passed, 2 failed"


def test_rules_list_json_and_schema() -> None:
    runner = CliRunner()
    listed = runner.invoke(main, ["rules", "list", "--ruleset", str(CONTRACT_EXAMPLE), "--format", "json"])
    assert listed.exit_code == 0, listed.output
    data = json.loads(listed.output)
    schema = json.loads(runner.invoke(main, ["schema", "ruleset"]).output)
    jsonschema.validate(data[0], schema)
    assert [r["full_id"] for r in data[0]["rules"]][:2] == ["sv-avtal/OMATBART", "sv-avtal/UTAN-UPPFOLJNING"]


def test_rules_schema_is_the_older_spelling_of_schema_ruleset() -> None:
    runner = CliRunner()
    family = runner.invoke(main, ["schema", "ruleset"])
    alias = runner.invoke(main, ["rules", "schema"])
    assert family.exit_code == alias.exit_code == 0
    assert alias.output == family.output and json.loads(family.output)["title"] == "Ruleset"
    assert runner.invoke(main, ["schema", "config"]).exit_code == 2  # not a schema kravkoll publishes


def test_unknown_ruleset_name_suggests_shipped_one() -> None:
    result = CliRunner().invoke(main, ["rules", "validate", "sv-avtl"])
    assert result.exit_code == 2
    assert "no shipped ruleset or rule file of that name" in result.output


def test_shipped_rulesets_validate_against_the_printed_schema() -> None:
    from checker.rulecompile import load_rulesets, shipped_ruleset_names

    schema = json.loads(CliRunner().invoke(main, ["rules", "schema"]).output)
    names = shipped_ruleset_names()
    assert {"sv-krav", "sv-avtal", "sv-lou", "en-requirements", "en-contract", "en-rfp"} <= set(names)
    for ruleset in load_rulesets(names):
        jsonschema.validate(ruleset.model_dump(mode="json"), schema)


def test_shipped_rules_have_rationale_reference_and_both_examples() -> None:
    from checker.rulecompile import load_rulesets, shipped_ruleset_names
    from checker.ruletest import rules_without_examples

    for ruleset in load_rulesets(shipped_ruleset_names()):
        own = [r for r in ruleset.rules if r.ruleset == ruleset.name]
        assert [r.full_id for r in own if not (r.rationale and r.reference and r.suggest)] == []
        assert [(r.full_id, kind) for r, kind in rules_without_examples(ruleset) if r.ruleset == ruleset.name] == []


# ---- example flag "…" match "…" ----------------------------------------------------------------

MATCH_RULES = """ruleset "m" {
  language en
}
define requirement = "shall"
terms vague = "promptly", "regularly"
requirement V1 "vague" {
  category unmeasurable
  when vague
  message "{match}"
  example flag "The supplier shall regularly reply promptly." match "%s"
  example pass "The supplier shall reply in 2 days."
}
"""


def test_an_example_with_match_passes_only_when_a_finding_matches_those_words() -> None:
    from checker.rulecompile import compile_text

    (right,) = [o for o in run_examples(compile_text(MATCH_RULES % "regularly")) if o.example.expect == "flag"]
    assert right.passed and right.example.match == "regularly"
    (wrong,) = [o for o in run_examples(compile_text(MATCH_RULES % "promptly")) if o.example.expect == "flag"]
    assert not wrong.passed  # flagged, but at the first vague word, not at this one
    assert wrong.describe().endswith('V1: example flag gave no finding that matches "promptly" (it matched "regularly")')


def test_match_on_a_pass_example_or_an_empty_match_is_an_error() -> None:
    from checker.errors import RuleError
    from checker.rulecompile import compile_text

    text = MATCH_RULES.replace('example pass "The supplier shall reply in 2 days."', 'example pass "The supplier shall reply." match "reply"')
    with pytest.raises(RuleError, match=r":11:\d+: 'match' of an example in rule V1: a pass example has no finding to match"):
        compile_text(text % "regularly")
    with pytest.raises(RuleError, match="it is empty"):
        compile_text(MATCH_RULES % " ")


def test_an_example_without_match_is_listed_as_before() -> None:
    from checker.rulecompile import compile_text

    examples = compile_text(MATCH_RULES % "regularly").model_dump(mode="json")["rules"][0]["examples"]
    assert examples[0]["match"] == "regularly" and "match" not in examples[1]
