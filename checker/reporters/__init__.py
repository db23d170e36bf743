"""Reporters: a :class:`~checker.report.Report` rendered for people or for pipelines.

Each reporter is a function ``render(report, options) -> str``; :data:`FORMATS` names them
for ``--format``. Every format is deterministic: the same report gives the same bytes.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cache
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

if TYPE_CHECKING:  # imported lazily: the command line imports FORMATS for --help
    from ..config import Config
    from ..report import Report
    from ..rulemodel import Rule, Ruleset


def _default_config() -> Config:
    from ..config import default_config  # noqa: PLC0415

    return default_config()


@dataclass(frozen=True)
class RenderOptions:
    color: bool = False
    quiet: bool = False
    rulesets: tuple[Ruleset, ...] = ()  # compiled rulesets used, for formats that describe every rule
    config: Config = field(default_factory=_default_config)  # selection, severity overrides and fail-on of the run
    ui_language: str = "en"  # the language of the command line's own words (the text format's summary)
    exit_code: int | None = None  # what the command exits with, for the text format to explain; None: says nothing


@dataclass(frozen=True)
class ReportFormat:
    """One output format of ``check``: the module whose ``render`` makes it, and its media type
    (what the server answers with)."""

    module: str
    media_type: str


FORMATS: dict[str, ReportFormat] = {
    "text": ReportFormat("text", "text/plain; charset=utf-8"),
    "json": ReportFormat("json_format", "application/json"),
    "sarif": ReportFormat("sarif", "application/sarif+json"),
    "github": ReportFormat("github", "text/plain; charset=utf-8"),
    "junit": ReportFormat("junit", "application/xml"),
    "gitlab": ReportFormat("gitlab", "application/json"),
}
"""The one table of report formats: ``--format``, ``--write``, the server's ``?format=`` and its
OpenAPI description take theirs from it."""


def renderer(name: str) -> Callable[[Report, RenderOptions], str]:
    """The render function of a format."""
    return import_module(f".{FORMATS[name].module}", __name__).render


def rules_of(rulesets: Iterable[Ruleset]) -> list[Rule]:
    """Every rule of the rulesets once (an extending ruleset repeats its base's rules), in order."""
    seen: dict[str, Rule] = {}
    for ruleset in rulesets:
        for rule in ruleset.rules:
            seen.setdefault(rule.full_id, rule)
    return list(seen.values())


def relative_path(path: str) -> str:
    """A reported file path with forward slashes, relative to the working folder when it lies
    inside it (SARIF and GitHub want paths relative to the repository)."""
    return _relative_to(path, os.getcwd())


@cache
def _relative_to(path: str, folder: str) -> str:
    candidate = Path(path)
    if candidate.is_absolute():
        try:
            return candidate.resolve().relative_to(Path(folder).resolve()).as_posix()
        except ValueError:
            return candidate.as_posix()
    return candidate.as_posix()
