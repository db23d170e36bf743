"""Text for people: ``path:line:col: severity [rule] message``, the statement with the match
underlined, the suggestion, and a summary line."""

from __future__ import annotations

from ..report import Finding, Report
from . import RenderOptions

_COLORS = {"error": "31", "warning": "33", "info": "36", "dim": "2", "bold": "1", "green": "32"}


def _paint(text: str, color: str, on: bool) -> str:
    return f"\x1b[{_COLORS[color]}m{text}\x1b[0m" if on else text


def position(finding: Finding) -> str:
    """``path:line:col`` (``path:1:1`` for findings about the whole document)."""
    location = finding.location
    line, column = (location.line, location.column) if location else (1, 1)
    return f"{finding.file}:{line}:{column}"


def _excerpt(finding: Finding, color: bool) -> list[str]:
    if not finding.text:
        return []
    text = " ".join(finding.text.split()) if "\n" in finding.text else finding.text
    lines = [f"    | {text}"]
    if finding.match and finding.match in text:
        start = text.find(finding.match)
        underline = " " * start + "^" * max(len(finding.match), 1)
        lines.append("    | " + _paint(underline, finding.severity, color))
    return lines


def render(report: Report, options: RenderOptions) -> str:
    out: list[str] = []
    color = options.color
    if not options.quiet:
        for finding in report.active():
            severity = _paint(finding.severity, finding.severity, color)
            rule = _paint(f"[{finding.rule}]", "dim", color)
            out.append(f"{_paint(position(finding), 'bold', color)}: {severity} {rule} {finding.message}")
            out.extend(_excerpt(finding, color))
            if finding.suggestion:
                out.append(f"    = {finding.suggestion}")
    out.append(summary_line(report, color))
    return "\n".join(out) + "\n"


def summary_line(report: Report, color: bool = False) -> str:
    s = report.summary
    checked = s.files - s.unreadable
    parts = [f"{s.error} error{'s' if s.error != 1 else ''}", f"{s.warning} warning{'s' if s.warning != 1 else ''}", f"{s.info} info"]
    line = f"{', '.join(parts)} in {checked} file{'s' if checked != 1 else ''}"
    if s.suppressed:
        line += f" ({s.suppressed} suppressed)"
    if s.unreadable:
        line += f"; {s.unreadable} file{'s' if s.unreadable != 1 else ''} could not be read"
    if not (s.error or s.warning or s.info):
        return _paint("No findings: " + line + ".", "green", color)
    return "Found " + line + "."
