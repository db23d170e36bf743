"""Where the package's data lives: the grammar and the shipped rulesets.

The source tree keeps ``grammar/`` and ``rulesets/`` at the top; an installed package has
them as ``checker/grammar`` and ``checker/rulesets`` (mapped by ``pyproject.toml``).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _data_dir(name: str) -> Path:
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"kravkoll is installed without its {name}/ folder")


@cache
def grammar_file() -> Path:
    return _data_dir("grammar") / "krav.lark"


@cache
def shipped_rulesets_dir() -> Path:
    return _data_dir("rulesets")


def report_schema_file() -> Path:
    """The JSON Schema of ``check --format json`` output, shipped with the package."""
    return _PACKAGE / "schemas" / "report.schema.json"
