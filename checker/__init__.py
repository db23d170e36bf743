"""kravkoll: a rule-based checker for procurement documents (Swedish and English).

Library use::

    from checker import check, load_ruleset
    report = check(["avtal.docx"], [load_ruleset("sv-avtal")])
    for finding in report.findings:
        print(finding.rule, finding.message)

Names are imported on first use, so that ``kravkoll --help`` starts fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "Config": "config",
    "check": "engine",
    "check_document": "engine",
    "Linter": "engine",
    "trace": "engine",
    "InputError": "errors",
    "KravError": "errors",
    "RuleError": "errors",
    "read_document": "readers",
    "Finding": "report",
    "Report": "report",
    "compile_text": "rulecompile",
    "load_ruleset": "rulecompile",
    "load_rulesets": "rulecompile",
}
__all__ = [*_EXPORTS, "__version__"]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module 'checker' has no attribute {name!r}")
