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
    from ..config import Config  # noqa: PLC0415

    return Config()


@dataclass(frozen=True)
class RenderOptions:
    color: bool = False
    quiet: bool = False
    rulesets: tuple[Ruleset, ...] = ()  # compiled rulesets used, for formats that describe every rule
    config: Config = field(default_factory=_default_config)  # selection, severity overrides and fail-on of the run
    ui_language: str = "en"  # the language of the command line's own words (the text format's summary)
    exit_code: int | None = None  # what the command exits with, for the text format to explain; None: says nothing


FORMATS: dict[str, str] = {
    "text": "text",
    "json": "json_format",
    "sarif": "sarif",
    "github": "github",
    "junit": "junit",
}


def renderer(name: str) -> Callable[[Report, RenderOptions], str]:
    """The render function of a format."""
    return import_module(f".{FORMATS[name]}", __name__).render


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
