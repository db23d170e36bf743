"""Reporters on hand-made reports: escaping, XML safety, .docx locations, excerpts."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from check_helpers import sarif_schema
from pydantic_core import PydanticSerializationError, to_json

from checker.document import Location
from checker.report import FileReport, Finding, Report, RulesetInfo, summarize
from checker.reporters import RenderOptions, renderer
from checker.reporters.github import command, escape_data, escape_property
from checker.reporters.junit import xml_text
from checker.reporters.text import excerpt


def finding(**changes: object) -> Finding:
    values: dict = {
        "rule": "sv-avtal/OMATBART",
        "title": "Kravet går inte att följa upp",
        "category": "unmeasurable",
        "severity": "error",
        "message": '"snabbt" går inte att mäta.',
        "file": "avtal.docx",
        "location": Location(line=12, column=30, paragraph=12, section="4 Drift", table=2, row=3, cell=2),
        "text": "Leverantören ska åtgärda fel snabbt.",
        "match": "snabbt",
        "fingerprint": "0" * 32,
    }
    values.update(changes)
    return Finding(**values)


def report_of(*findings: Finding, fmt: str = "docx", path: str = "avtal.docx") -> Report:
    files = [FileReport(path=path, format=fmt, language="sv", rulesets=["sv-avtal"])]
    return Report(files=files, findings=list(findings), summary=summarize(files, list(findings)))


def test_github_escapes_data_and_properties() -> None:
    assert escape_data("50 %\r\nrad två") == "50 %25%0D%0Arad två"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    line = command("warning", "Vite: 5 %, högst\n10 000 kr", file="mapp,1/avtal:v2.md", line=3, col=None, title="[x/Y] a, b: c")
    assert line == "::warning file=mapp%2C1/avtal%3Av2.md,line=3,title=[x/Y] a%2C b%3A c::Vite: 5 %25, högst%0A10 000 kr"
    assert command("notice", "hej") == "::notice::hej"


def test_github_annotation_has_no_line_for_a_whole_document_finding() -> None:
    report = report_of(finding(location=None, text=None, match=None, severity="info"))
    assert (
        renderer("github")(report, RenderOptions())
        == '::notice file=avtal.docx,title=[sv-avtal/OMATBART] Kravet går inte att följa upp::"snabbt" går inte att mäta.%0AVar: hela dokumentet\n'
    )


def test_junit_replaces_characters_xml_cannot_hold() -> None:
    assert xml_text("a\x0bb\x0c\x00c\td\ne") == "a\ufffdb\ufffd\ufffdc\td\ne"
    hostile = finding(text="Leverantören ska\x0b åtgärda ]]> <fel> & \x0c snabbt.", message='"snabbt" <går> & \x1b[31m')
    xml = renderer("junit")(report_of(hostile), RenderOptions())
    root = ET.fromstring(xml)
    failure = root.find("testsuite/testcase/failure")
    assert failure is not None
    assert "]]> <fel> &" in failure.text and "\x0b" not in failure.text
    assert failure.get("message") == '"snabbt" <går> & \ufffd[31m'


def test_junit_without_rulesets_has_a_case_per_rule_with_findings() -> None:
    xml = renderer("junit")(report_of(finding(), finding(severity="warning", rule="sv-avtal/B", message="b")), RenderOptions())
    names = [c.get("name") for c in ET.fromstring(xml).iter("testcase")]
    assert names == ["sv-avtal/OMATBART: Kravet går inte att följa upp", "sv-avtal/B: Kravet går inte att följa upp"]


def test_sarif_marks_docx_lines_as_paragraphs_and_keeps_table_cells() -> None:
    log = json.loads(renderer("sarif")(report_of(finding()), RenderOptions()))
    jsonschema.Draft7Validator(sarif_schema()).validate(log)
    result = log["runs"][0]["results"][0]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 12, "startColumn": 30, "snippet": {"text": "snabbt"}, "properties": {"lineKind": "paragraph"}}
    assert result["properties"]["table"] == 2 and result["properties"]["row"] == 3 and result["properties"]["cell"] == 2
    assert result["properties"]["section"] == "4 Drift"
    rule = log["runs"][0]["tool"]["driver"]["rules"][result["ruleIndex"]]
    assert rule["id"] == "sv-avtal/OMATBART"  # described from the finding when no rulesets are given


def test_sarif_unreadable_file_is_a_notification() -> None:
    files = [FileReport(path="trasig.docx", error="trasig.docx: not a Word document")]
    log = json.loads(renderer("sarif")(Report(files=files, summary=summarize(files, [])), RenderOptions()))
    jsonschema.Draft7Validator(sarif_schema()).validate(log)
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"][0]["message"]["text"] == "trasig.docx: not a Word document"


def test_sarif_text_without_location_and_absolute_paths_outside_the_working_folder() -> None:
    report = report_of(finding(file="/nowhere/avtal ä.md", location=None, text=None, match=None), fmt="md", path="/nowhere/avtal ä.md")
    log = json.loads(renderer("sarif")(report, RenderOptions()))
    jsonschema.Draft7Validator(sarif_schema()).validate(log)
    assert log["runs"][0]["results"][0]["locations"] == [
        {"physicalLocation": {"artifactLocation": {"uri": "file:///nowhere/avtal%20%C3%A4.md"}, "region": {"startLine": 1}}}
    ]


def test_excerpt_underlines_the_match_in_short_and_long_statements() -> None:
    assert excerpt("Leverantören ska\nåtgärda fel snabbt.", "snabbt") == ("Leverantören ska åtgärda fel snabbt.", 29, 6)
    long_text = "x " * 100 + "snabbt " + "y " * 100
    shown, start, length = excerpt(long_text, "snabbt")
    assert shown.startswith("…") and shown.endswith("…")
    assert shown[start : start + length] == "snabbt"
    assert excerpt("a " * 100, "saknas")[0].endswith("…")
    assert excerpt("kort", None) == ("kort", 0, 0)


def test_findings_built_without_validation_equal_validated_ones() -> None:
    from checker.document import Location, trusted
    from checker.report import Finding

    values = {
        "rule": "sv-krav/KR001",
        "title": "Vagt",
        "category": "unmeasurable",
        "severity": "warning",
        "message": "Vagt: 'snabbt'",
        "suggestion": None,
        "file": "a.md",
        "location": Location(line=3, column=7, section="1 Krav"),
        "text": "Felet ska åtgärdas snabbt.",
        "match": "snabbt",
        "match_start": 19,
        "end_column": 25,
        "requirement_id": None,
        "reference": "LOU",
        "statement": 4,
        "party": "supplier",
        "also": None,
        "also_locations": None,
        "fingerprint": "f" * 32,
        "group_fingerprints": None,
        "suppressed": False,
        "suppression_reason": None,
    }
    fast, checked = trusted(Finding, dict(values)), Finding.model_validate(values)
    assert fast == checked
    assert fast.model_dump_json() == checked.model_dump_json()
    assert fast.model_fields_set == checked.model_fields_set
    assert list(values) == list(Finding.model_fields)  # every field, in order: trusted() fills no defaults


def test_message_templates_fill_placeholders_and_braces() -> None:
    from checker.rulecompile import fill_message, placeholders_in

    template = "{{Krav}} {requirement.id}: '{match}' i {section} {okänd} }"
    values = {"match": "snabbt", "requirement.id": "K1", "section": "2 Drift"}
    assert fill_message(template, values) == "{Krav} K1: 'snabbt' i 2 Drift {okänd} }"
    assert placeholders_in(template) == {"requirement.id", "match", "section", "okänd"}


def test_engine_findings_hold_their_fields_in_schema_order() -> None:
    from checker.engine import Linter, check_document
    from checker.readers import read_document
    from checker.report import Finding

    examples = Path(__file__).resolve().parent.parent / "examples"
    document = read_document(examples / "sv-avtal-sla.md")
    found = check_document(document, list(Linter().shipped("sv").rulesets)).findings
    assert found and all(list(f.__dict__) == list(Finding.model_fields) for f in found)
    assert found[0].model_dump_json() == Finding.model_validate(found[0].model_dump()).model_dump_json()


def test_gitlab_code_quality_has_one_issue_per_active_finding_and_a_blocker_per_unreadable_file() -> None:
    active = finding(severity="warning", fingerprint="a" * 32)
    document_wide = finding(severity="info", location=None, fingerprint="b" * 32)
    suppressed = finding(fingerprint="c" * 32, suppressed=True)
    files = [
        FileReport(path="avtal.docx", format="docx", language="sv", rulesets=["sv-avtal"]),
        FileReport(path="trasig.docx", error="trasig.docx: not a Word document"),
    ]
    found = [active, document_wide, suppressed]
    issues = json.loads(renderer("gitlab")(Report(files=files, findings=found, summary=summarize(files, found)), RenderOptions()))
    assert [(i["check_name"], i["severity"], i["location"]["lines"]["begin"], i["fingerprint"]) for i in issues] == [
        ("sv-avtal/OMATBART", "major", 12, "a" * 32),
        ("sv-avtal/OMATBART", "info", 1, "b" * 32),  # a whole-document finding stands at the first line
        ("kravkoll/unreadable", "blocker", 1, "unreadable:trasig.docx"),
    ]
    assert all(set(i) == {"description", "check_name", "fingerprint", "severity", "location"} and i["location"]["path"] for i in issues)
    assert issues[0]["description"].startswith('[sv-avtal/OMATBART] "snabbt" går inte att mäta.')


def test_sarif_names_the_statements_a_grouped_finding_stands_for_as_related_locations() -> None:
    """A finding that stands for other statements (``also``) gives their places: in JSON as
    ``also_locations``, in SARIF as ``relatedLocations`` (a viewer lists them beside the result),
    paragraphs for .docx, in the document's language."""
    others = [Location(line=14, column=1, paragraph=14, section="4 Drift", heading="Drift", clause="4"), Location(line=15, column=3, paragraph=15)]
    log = json.loads(renderer("sarif")(report_of(finding(also=[5, 6], also_locations=others)), RenderOptions()))
    jsonschema.Draft7Validator(sarif_schema()).validate(log)
    related = log["runs"][0]["results"][0]["relatedLocations"]
    assert [(r["id"], r["physicalLocation"]["region"], r["message"]["text"]) for r in related] == [
        (1, {"startLine": 14, "startColumn": 1, "properties": {"lineKind": "paragraph"}}, "4 Drift, stycke 14"),
        (2, {"startLine": 15, "startColumn": 3, "properties": {"lineKind": "paragraph"}}, "stycke 15"),
    ]
    assert all(r["physicalLocation"]["artifactLocation"]["uri"] == "avtal.docx" for r in related)
    alone = json.loads(renderer("sarif")(report_of(finding()), RenderOptions()))
    assert "relatedLocations" not in alone["runs"][0]["results"][0]


def test_sarif_and_gitlab_json_are_written_as_pydantic_core_and_json_write_them() -> None:
    """SARIF and GitLab's JSON are written by ``modelbase.json_text``: the bytes pydantic-core's
    ``to_json(indent=2)`` (SARIF's writer before) and ``json.dumps(indent=2)`` (GitLab's) give,
    escapes and non-ASCII text included; text that is not Unicode fails as it did."""
    report = report_of(finding(message='"snabbt\\t" går\n inte att mäta \\ </x> 😀', also=[5], also_locations=[Location(line=14, column=1, paragraph=14)]))
    report.tool.rulesets = [RulesetInfo(name="sv-avtal", version="1.0", path="shipped:sv-avtal.krav")]
    sarif = renderer("sarif")(report, RenderOptions())
    assert sarif == to_json(json.loads(sarif), indent=2).decode("utf-8") + "\n"
    assert json.loads(sarif)["runs"][0]["properties"]["rulesets"] == [{"name": "sv-avtal", "version": "1.0", "path": "shipped:sv-avtal.krav"}]
    gitlab = renderer("gitlab")(report, RenderOptions())
    assert gitlab == json.dumps(json.loads(gitlab), ensure_ascii=False, indent=2) + "\n"
    broken = report_of(finding(message="a \ud800 b"))
    with pytest.raises(PydanticSerializationError, match="surrogates not allowed"):
        renderer("sarif")(broken, RenderOptions())
    assert "\ud800" in renderer("gitlab")(broken, RenderOptions())
