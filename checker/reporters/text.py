"""Text for people: ``path:line:col: severity [rule] message``, the statement with the match
underlined, where it stands as a writer finds it (``Var: 3.3.1 Felhantering, stycke 13``:
clause number and heading as the document shows them, then the paragraph or line), the
suggestion, and a summary line.

Control characters from file names, documents and rule files are shown as escapes
(:func:`~checker.errors.visible`): a document cannot colour the terminal, open a hyperlink or
start a new line that a CI log reads as a command."""

from __future__ import annotations

from ..errors import visible
from ..report import SEVERITY_RANK, FileReport, Finding, Report
from . import RenderOptions
from .labels import Labels, finding_place_and_party

_COLORS = {"error": "1;31", "warning": "1;33", "info": "1;36", "dim": "2", "bold": "1", "green": "32"}
EXCERPT_WIDTH = 100
"""Longer statements are shown as a window around the match."""
_CONTEXT = 40


def _paint(text: str, color: str, on: bool) -> str:
    return f"\x1b[{_COLORS[color]}m{text}\x1b[0m" if on else text


def position(finding: Finding) -> str:
    """``path:line:col`` (``path:1:1`` for findings about the whole document)."""
    location = finding.location
    line, column = (location.line, location.column) if location else (1, 1)
    return f"{finding.file}:{line}:{column}"


def excerpt(text: str, match: str | None, match_start: int | None = None) -> tuple[str, int, int]:
    """The statement on one line, cut to a window around the match when long; and where the
    match stands in what is shown (start, length; length 0 when there is no match to show).
    ``match_start`` (the match's offset in ``text``) picks the right one of repeated words."""
    flat = " ".join(text.split())
    flat_match = " ".join(match.split()) if match else ""
    if flat_match and match_start is not None:
        before = text[:match_start]
        start = len(" ".join(before.split())) + (1 if before.strip() and before[-1].isspace() else 0)
        if flat[start : start + len(flat_match)] != flat_match:
            start = flat.find(flat_match)
    else:
        start = flat.find(flat_match) if flat_match else -1
    if start < 0:
        cut = flat if len(flat) <= EXCERPT_WIDTH else flat[: EXCERPT_WIDTH - 1] + "…"
        return cut, 0, 0
    if len(flat) <= EXCERPT_WIDTH:
        return flat, start, len(flat_match)
    left = max(0, start - _CONTEXT)
    right = min(len(flat), start + len(flat_match) + _CONTEXT)
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(flat) else ""
    return prefix + flat[left:right] + suffix, len(prefix) + start - left, len(flat_match)


def _finding_lines(finding: Finding, file: FileReport | None, color: bool) -> list[str]:
    severity = _paint(finding.severity, finding.severity, color)
    rule = _paint(visible(f"[{finding.rule}]"), "dim", color)
    lines = [f"{_paint(visible(position(finding)), 'bold', color)}: {severity} {rule} {visible(finding.message)}"]
    if finding.text:
        shown, start, length = excerpt(finding.text, finding.match, finding.match_start)
        lines.append(f"    | {visible(shown)}")
        if length:  # the escapes are wider than the characters they stand for
            start, length = len(visible(shown[:start])), len(visible(shown[start : start + length]))
            lines.append("    | " + " " * start + _paint("^" * length, finding.severity, color))
    lines.append("    " + _paint(visible(finding_place_and_party(finding, file)), "dim", color))
    if finding.suggestion:
        lines.append(f"    = {visible(finding.suggestion)}")
    return lines


def render(report: Report, options: RenderOptions) -> str:
    out: list[str] = []
    color = options.color
    words = Labels(options.ui_language)
    if not options.quiet:
        files = {file.path: file for file in report.files}
        for finding in report.active():
            out.extend(_finding_lines(finding, files.get(finding.file), color))
        unexplained = sum(1 for f in report.findings if f.suppressed and not f.suppression_reason)
        if unexplained:
            out.append(_paint(words.count("cli.no_reason", unexplained), "dim", color))
    out.append(summary_line(report, color, options.ui_language))
    if not options.quiet and options.exit_code in (1, 2):
        severity = words("severity.name." + options.config.fail_on) if options.config.fail_on in SEVERITY_RANK else ""
        out.append(words(f"cli.exit.{options.exit_code}", fail_on=severity))
    return "\n".join(out) + "\n"


def summary_line(report: Report, color: bool = False, language: str = "en") -> str:
    """ "Found 1 error, 2 warnings, 0 info in 1 file." in the user's ``language``."""
    words = Labels(language)
    s = report.summary
    checked = s.files - s.unreadable
    if checked == 0:
        return (words("cli.nothing.unreadable", n=s.unreadable) if s.unreadable else words("cli.nothing")) + "."
    counts = ", ".join(words.count(f"cli.{severity}", getattr(s, severity)) for severity in ("error", "warning", "info"))
    files = words.count("cli.file", checked)
    left_out = [words("cli.suppressed", n=s.suppressed)] if s.suppressed else []
    if s.baselined:
        left_out.append(words("cli.baselined", n=s.baselined))
    if left_out:
        files += f" ({', '.join(left_out)})"
    if s.unreadable:
        files += "; " + words.count("cli.unreadable", s.unreadable)
    if not (s.error or s.warning or s.info):
        return _paint(words("cli.clean", counts=counts, files=files) + ".", "green", color)
    return words("cli.found", counts=counts, files=files) + "."
