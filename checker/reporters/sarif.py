"""SARIF 2.1.0, for code-scanning views (GitHub, Azure DevOps, IDE viewers).

One run: ``tool.driver.rules`` describes every rule of the rulesets used (rules switched off by
``--select``/``--ignore`` have ``defaultConfiguration.enabled: false``), its help with the
message's placeholders as neutral stand-ins, and for a shipped rule a ``helpUri`` to the rule's
page in the repository at the tag of this version (:func:`help_uri`); each finding is a
result with the rule's index, a level, a location relative to the working folder and the
finding's fingerprint. Every result has a region (code-scanning views need a line): findings
about a whole document (a missing clause) are placed at its first line. For .docx files lines are paragraph numbers in body order; such regions
say so with ``properties.lineKind: "paragraph"``. Columns count Unicode code points. The
message says where the finding stands as a writer finds it ("Var: 3.3.1 Felhantering, stycke
13"), and the result's properties hold its ``clause`` and ``heading``.
Suppressed findings are results with an ``inSource`` suppression. Files that could not be
read are tool execution notifications.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

from .. import __version__
from ..document import Location
from ..modelbase import Model, NotPlain, json_text
from ..report import FileReport, Finding, Report
from ..rulecompile import PLACEHOLDERS, shipped_ruleset_path, template_parts
from ..rulemodel import Rule
from . import RenderOptions, relative_path, rules_of
from .labels import Labels, finding_place

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "kravkoll/v2"  # v2: no requirement id, no outline number
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
# Where a shipped rule's page is: the repository's docs/rules/<ruleset>/<ID>.md at the tag of the
# version that ran, so a link in an old SARIF file keeps showing the rule as it was then.
RULE_PAGES = "https://github.com/kravkoll/kravkoll/blob/v{version}/docs/rules/{ruleset}/{id}.md"
STAND_IN = "…"  # a placeholder in a rule's help, where no finding fills it in


def help_uri(rule: Rule) -> str | None:
    """The page of a shipped rule (:data:`RULE_PAGES`); None for a rule from a user's own file,
    whose pages are wherever ``kravkoll rules docs`` wrote them."""
    shipped = shipped_ruleset_path(rule.ruleset)
    if shipped is None or Path(rule.source.rpartition(":")[0]).resolve() != shipped.resolve():
        return None
    return RULE_PAGES.format(version=__version__, ruleset=quote(rule.ruleset), id=quote(rule.id))


def without_placeholders(template: str) -> str:
    """A message template for reading without a finding: each placeholder a stand-in."""
    return "".join(STAND_IN if name in PLACEHOLDERS else text for text, name in template_parts(template))


def artifact_location(path: str) -> dict[str, str]:
    """``uri`` relative to the working folder (with ``uriBaseId``), or an absolute file URI."""
    shown = relative_path(path)
    posix = PurePosixPath(shown)
    if posix.is_absolute():
        return {"uri": "file://" + quote(shown)}
    return {"uri": quote(shown), "uriBaseId": SRCROOT}


def rule_descriptor(rule: Rule, options: RenderOptions) -> dict[str, Any]:
    """A ``reportingDescriptor``: id, name, descriptions, help and the configured level."""
    help_parts = [without_placeholders(rule.message)]
    if rule.suggest:
        help_parts.append(without_placeholders(rule.suggest))
    if rule.reference:
        help_parts.append(rule.reference)
    properties: dict[str, Any] = {
        "category": rule.category,
        "ruleset": rule.ruleset,
        "documentation": f"docs/rules/{rule.ruleset}/{rule.id}.md",
        "tags": [rule.category],
    }
    if rule.reference:
        properties["reference"] = rule.reference
    descriptor: dict[str, Any] = {
        "id": rule.full_id,
        "name": rule.id,
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.rationale or rule.title},
        "help": {"text": "\n".join(help_parts)},
        "defaultConfiguration": {
            "level": LEVELS[options.config.severity_of(rule)],
            "enabled": options.config.rule_enabled(rule),
        },
        "properties": properties,
    }
    uri = help_uri(rule)
    if uri is not None:
        descriptor["helpUri"] = uri
    return descriptor


def _fallback_descriptor(finding: Finding) -> dict[str, Any]:
    """For a finding whose rule was not among the rulesets given (library use)."""
    return {
        "id": finding.rule,
        "name": finding.rule.rsplit("/", 1)[-1],
        "shortDescription": {"text": finding.title},
        "fullDescription": {"text": finding.title},
        "defaultConfiguration": {"level": LEVELS[finding.severity]},
        "properties": {"category": finding.category, "tags": [finding.category]},
    }


def _region(finding: Finding, docx: bool) -> dict[str, Any]:
    location = finding.location
    if location is None:  # about the whole document: its first line
        region: dict[str, Any] = {"startLine": 1}
        if docx:
            region["properties"] = {"lineKind": "paragraph"}
        return region
    region = {"startLine": location.line, "startColumn": location.column}
    if finding.end_column is not None:
        region["endColumn"] = finding.end_column
    if finding.match:
        region["snippet"] = {"text": finding.match}
    if docx:
        region["properties"] = {"lineKind": "paragraph"}
    return region


def _statement_region(location: Location, docx: bool) -> dict[str, Any]:
    """Where a statement a finding stands for begins."""
    region: dict[str, Any] = {"startLine": location.line, "startColumn": location.column}
    if docx:
        region["properties"] = {"lineKind": "paragraph"}
    return region


def _result(finding: Finding, rule_index: int, artifact: dict[str, str], file: FileReport | None) -> dict[str, Any]:
    docx = file is not None and file.format == "docx"
    physical: dict[str, Any] = {"artifactLocation": artifact, "region": _region(finding, docx)}
    text = "\n".join(filter(None, (finding.message, finding_place(finding, file), finding.suggestion)))
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": text},
        "locations": [{"physicalLocation": physical}],
        "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint},
    }
    if finding.also_locations:  # the other statements the finding stands for: SARIF viewers list them beside it
        labels = Labels(file.language if file is not None else None)
        result["relatedLocations"] = [
            {
                "id": number,
                "physicalLocation": {"artifactLocation": artifact, "region": _statement_region(location, docx)},
                "message": {"text": labels.place(location, file.format if file is not None else None)},
            }
            for number, location in enumerate(finding.also_locations, start=1)
        ]
    if finding.suppressed:
        suppression: dict[str, Any] = {"kind": "inSource"}
        if finding.suppression_reason:
            suppression["justification"] = finding.suppression_reason
        result["suppressions"] = [suppression]
    properties: dict[str, Any] = {"category": finding.category}
    if finding.requirement_id:
        properties["requirementId"] = finding.requirement_id
    if finding.party:
        properties["party"] = finding.party
    if finding.location is not None:
        for key in ("clause", "heading", "section", "table", "row", "cell", "page"):
            value = getattr(finding.location, key)
            if value is not None:
                properties[key] = value
    if finding.text:
        properties["statement"] = finding.text
    if finding.suggestion:
        properties["suggestion"] = finding.suggestion
    result["properties"] = properties
    return result


def render(report: Report, options: RenderOptions) -> str:
    descriptors = [rule_descriptor(rule, options) for rule in rules_of(options.rulesets)]
    index = {d["id"]: i for i, d in enumerate(descriptors)}
    for finding in report.findings:
        if finding.rule not in index:
            index[finding.rule] = len(descriptors)
            descriptors.append(_fallback_descriptor(finding))
    files = {f.path: f for f in report.files}
    artifacts = {path: artifact_location(path) for path in dict.fromkeys(f.file for f in report.findings)}
    results = [_result(f, index[f.rule], artifacts[f.file], files.get(f.file)) for f in report.findings]
    notifications = [
        {
            "level": "error",
            "message": {"text": file.error},
            "locations": [{"physicalLocation": {"artifactLocation": artifact_location(file.path)}}],
        }
        for file in report.files
        if file.error
    ]
    driver = {
        "name": report.tool.name,
        "version": report.tool.version,
        "semanticVersion": report.tool.version,
        "rules": descriptors,
    }
    run = {
        "tool": {"driver": driver},
        "invocations": [{"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}],
        "columnKind": "unicodeCodePoints",
        "results": results,
        "properties": {"rulesets": list(report.tool.rulesets)},
    }
    log = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return written(log) + "\n"


def written(log: dict[str, Any]) -> str:
    """The log as indented JSON (``json.dumps(indent=2)`` is pure Python: 10x slower). What
    :func:`~checker.modelbase.json_text` does not write (text that is not Unicode) is written by
    pydantic-core, which says what is wrong; the two write everything else alike."""
    try:
        return json_text(log)
    except NotPlain:
        from pydantic_core import to_json  # noqa: PLC0415

        return to_json(log, indent=2, fallback=_dumped).decode("utf-8")


def _dumped(value: Any) -> Any:
    """A model's JSON value, for pydantic-core."""
    if isinstance(value, Model):
        return value.model_dump(mode="json")
    raise TypeError(f"not JSON: {type(value).__name__}")
