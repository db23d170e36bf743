"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` line per finding,
shown as annotations on the pull request. Suppressed findings are left out; files that could
not be read are ``::error`` lines on the file."""

from __future__ import annotations

from ..report import FileReport, Finding, Report
from . import RenderOptions, relative_path
from .labels import finding_place

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """The message part of a workflow command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A ``key=value`` property of a workflow command (``:`` and ``,`` delimit them)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties: str | int | None) -> str:
    """``::name key=value,...::message`` with every part escaped; None properties are left out."""
    shown = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items() if value is not None)
    return f"::{name} {shown}::{escape_data(message)}" if shown else f"::{name}::{escape_data(message)}"


def annotation(finding: Finding, file: FileReport | None = None) -> str:
    location = finding.location
    message = "\n".join(filter(None, (finding.message, finding_place(finding, file), finding.suggestion)))
    return command(
        COMMANDS[finding.severity],
        message,
        file=relative_path(finding.file),
        line=location.line if location else None,
        col=location.column if location else None,
        title=f"[{finding.rule}] {finding.title}",
    )


def render(report: Report, options: RenderOptions) -> str:
    lines = [command("error", file.error, file=relative_path(file.path), title="kravkoll: could not read the file") for file in report.files if file.error]
    files = {file.path: file for file in report.files}
    lines.extend(annotation(f, files.get(f.file)) for f in report.active())
    return "".join(line + "\n" for line in lines)
