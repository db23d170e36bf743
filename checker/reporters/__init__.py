"""Reporters: a :class:`~checker.report.Report` rendered for people or for pipelines.

Each reporter is a function ``render(report, options) -> str``; :data:`FORMATS` names them
for ``--format``.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import Callable

from ..report import Report


@dataclass(frozen=True)
class RenderOptions:
    color: bool = False
    quiet: bool = False
    rulesets: tuple = ()  # compiled rulesets, for formats that describe every rule (SARIF)


FORMATS: dict[str, str] = {
    "text": "text",
    "json": "json_format",
}


def renderer(name: str) -> Callable[[Report, RenderOptions], str]:
    """The render function of a format."""
    return import_module(f".{FORMATS[name]}", __name__).render
