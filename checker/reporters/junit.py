"""JUnit XML, for CI test views (GitLab, Jenkins, Azure DevOps).

One ``testsuite`` per file and one ``testcase`` per rule that ran on it, so a CI view lists
every check with its outcome and the number of tests stays the same from run to run. A rule
*fails* when it has a finding at or above ``--fail-on`` in the file; the failure lists every
such finding. Findings below the threshold and suppressed ones are written to the testcase's
``system-out``. A file that could not be read is a suite with one ``error``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..report import SEVERITY_RANK, FileReport, Finding, Report
from ..rulemodel import Rule
from . import RenderOptions, relative_path, rules_of
from .labels import finding_place
from .text import position

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """Text with the characters XML 1.0 cannot hold (form feeds and other controls) replaced."""
    return _NOT_XML.sub("\ufffd", text)


def _describe(finding: Finding, file: FileReport) -> str:
    line = f"{position(finding)}: {finding.severity} [{finding.rule}] {finding.message}"
    if finding.suppressed:
        line += f" (suppressed: {finding.suppression_reason or 'no reason given'})"
    line += f"\n    {finding_place(finding, file)}"
    if finding.text:
        line += f"\n    | {' '.join(finding.text.split())}"
    if finding.suggestion:
        line += f"\n    = {finding.suggestion}"
    return line


def _fails(finding: Finding, fail_on: str) -> bool:
    return not finding.suppressed and fail_on != "never" and SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[fail_on]


def _rules_run(file: FileReport, findings: list[Finding], options: RenderOptions) -> list[tuple[str, str]]:
    """(full id, title) of every rule that ran on the file, and of any rule that gave a finding."""
    rules: list[Rule] = rules_of(r for r in options.rulesets if r.name in file.rulesets)
    cases = {rule.full_id: rule.title for rule in rules if options.config.rule_enabled(rule)}
    for finding in findings:
        cases.setdefault(finding.rule, finding.title)
    return list(cases.items())


def _testcase(suite: ET.Element, file: FileReport, rule_id: str, title: str, findings: list[Finding], fail_on: str) -> tuple[int, int]:
    """Add the testcase of one rule; return (tests, failures) it adds."""
    path = relative_path(file.path)
    case = ET.SubElement(suite, "testcase", classname=xml_text(path), name=xml_text(f"{rule_id}: {title}"), file=xml_text(path))
    failing = [f for f in findings if _fails(f, fail_on)]
    others = [f for f in findings if not _fails(f, fail_on)]
    if failing:
        first = failing[0]
        message = first.message + (f" (and {len(failing) - 1} more)" if len(failing) > 1 else "")
        failure = ET.SubElement(case, "failure", message=xml_text(message), type=first.severity)
        failure.text = xml_text("\n".join(_describe(f, file) for f in failing))
    if others:
        ET.SubElement(case, "system-out").text = xml_text("\n".join(_describe(f, file) for f in others))
    return 1, 1 if failing else 0


def _suite(root: ET.Element, file: FileReport, findings: list[Finding], options: RenderOptions) -> tuple[int, int, int]:
    path = relative_path(file.path)
    suite = ET.SubElement(root, "testsuite", name=xml_text(path))
    if file.error:
        case = ET.SubElement(suite, "testcase", classname=xml_text(path), name="read", file=xml_text(path))
        ET.SubElement(case, "error", message=xml_text(file.error), type="unreadable")
        tests, failures, errors = 1, 0, 1
    else:
        tests = failures = errors = 0
        for rule_id, title in _rules_run(file, findings, options):
            added, failed = _testcase(suite, file, rule_id, title, [f for f in findings if f.rule == rule_id], options.config.fail_on)
            tests += added
            failures += failed
    for name, value in (("tests", tests), ("failures", failures), ("errors", errors), ("skipped", 0)):
        suite.set(name, str(value))
    return tests, failures, errors


def render(report: Report, options: RenderOptions) -> str:
    root = ET.Element("testsuites", name="kravkoll")
    by_file: dict[str, list[Finding]] = {}
    for finding in report.findings:
        by_file.setdefault(finding.file, []).append(finding)
    totals = [0, 0, 0]
    for file in report.files:
        counts = _suite(root, file, by_file.get(file.path, []), options)
        totals = [a + b for a, b in zip(totals, counts)]
    for name, value in zip(("tests", "failures", "errors"), totals):
        root.set(name, str(value))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
