"""GitLab code quality report: the JSON array GitLab shows in a merge request's code quality
widget (``artifacts:reports:codequality``). One issue per active finding, with kravkoll's
stable fingerprint (the one baselines and SARIF use), so GitLab tells new findings from old;
files that could not be read are one ``blocker`` issue each."""

from __future__ import annotations

import json
from typing import Any

from ..modelbase import NotPlain, json_text
from ..report import FileReport, Finding, Report
from . import RenderOptions, relative_path
from .labels import finding_place

SEVERITIES = {"error": "critical", "warning": "major", "info": "info"}
"""kravkoll's severity → GitLab's (info, minor, major, critical, blocker)."""


def issue(finding: Finding, file: FileReport | None = None) -> dict[str, Any]:
    place = finding_place(finding, file)
    return {
        "description": " ".join(filter(None, (f"[{finding.rule}] {finding.message}", place))),
        "check_name": finding.rule,
        "fingerprint": finding.fingerprint,
        "severity": SEVERITIES[finding.severity],
        "location": {"path": relative_path(finding.file), "lines": {"begin": finding.location.line if finding.location else 1}},
    }


def render(report: Report, options: RenderOptions) -> str:
    files = {f.path: f for f in report.files}
    issues = [issue(f, files.get(f.file)) for f in report.findings if not f.suppressed]
    issues += [
        {
            "description": f"[kravkoll] {file.error}",
            "check_name": "kravkoll/unreadable",
            "fingerprint": f"unreadable:{relative_path(file.path)}",
            "severity": "blocker",
            "location": {"path": relative_path(file.path), "lines": {"begin": 1}},
        }
        for file in report.files
        if file.error
    ]
    try:
        return json_text(issues) + "\n"
    except NotPlain:  # text that is not Unicode: json writes it, and the output says what is wrong
        return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
