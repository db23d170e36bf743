"""``kravkoll check --statistics``: how many findings each rule has, most first.

Counts the findings that remain (not suppressed, not in the baseline). Text is one aligned line
per rule (count, rule, severity, title); JSON is a list of ``{"rule", "severity", "title",
"count"}`` in the same order. Deterministic: ties are ordered by rule id.
"""

from __future__ import annotations

import json
from collections import Counter

from ..report import Report


def rule_counts(report: Report) -> list[dict[str, str | int]]:
    """One entry per rule with findings: most findings first, then by rule id."""
    counts = Counter(finding.rule for finding in report.active())
    first = {}
    for finding in report.active():
        first.setdefault(finding.rule, finding)
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [{"rule": rule, "severity": first[rule].severity, "title": first[rule].title, "count": count} for rule, count in ordered]


def render_text(report: Report) -> str:
    rows = rule_counts(report)
    width = max((len(str(row["rule"])) for row in rows), default=0)
    lines = [f"{row['count']:>5}  {row['rule']:<{width}}  {row['severity']:<7}  {row['title']}".rstrip() for row in rows]
    return "".join(line + "\n" for line in lines)


def render_json(report: Report) -> str:
    return json.dumps(rule_counts(report), ensure_ascii=False, indent=2) + "\n"
