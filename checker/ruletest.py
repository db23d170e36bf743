"""Run the ``example flag`` / ``example pass`` fragments of rules as tests.

Each example is read as Markdown in the ruleset's language and checked with the ruleset;
a ``flag`` example passes when the rule gives at least one finding (with ``match "…"``: one
whose matched words are those), a ``pass`` example when it gives none.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .config import Config
from .engine import Linter
from .readers.markdown import read_markdown
from .rulemodel import Example, Rule, Ruleset


@dataclass
class ExampleOutcome:
    ruleset: Ruleset
    rule: Rule
    example: Example
    findings: int
    messages: list[str]
    matches: list[str] = field(default_factory=list)
    """The matched words of each finding ("" for a finding without)."""

    @property
    def passed(self) -> bool:
        if self.example.expect == "pass":
            return self.findings == 0
        return self.findings > 0 and (self.example.match is None or self.example.match in self.matches)

    def describe(self) -> str:
        """One line for a failing example: where it is and what went wrong."""
        path = self.ruleset.path if self.rule.ruleset == self.ruleset.name else self.rule.source.rsplit(":", 1)[0]
        where = f"{path}:{self.example.line}"
        if self.example.expect == "flag" and self.findings and self.example.match is not None:
            found = ", ".join(f'"{m}"' for m in dict.fromkeys(self.matches))
            return f'{where}: {self.rule.full_id}: example flag gave no finding that matches "{self.example.match}" (it matched {found})'
        if self.example.expect == "flag":
            return f"{where}: {self.rule.full_id}: example flag gave no finding: {_short(self.example.text)}"
        return f"{where}: {self.rule.full_id}: example pass gave {self.findings} finding(s): {self.messages[0] if self.messages else ''}"


def _short(text: str, width: int = 70) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def run_examples(ruleset: Ruleset) -> list[ExampleOutcome]:
    """Every example of every rule of the ruleset, checked."""
    outcomes: list[ExampleOutcome] = []
    language = ruleset.language if ruleset.language in ("sv", "en") else None
    every_rule = Linter(Config(), [ruleset])  # its matcher is built once, for all the examples
    for rule in ruleset.rules:
        linter = every_rule.with_config(Config(select=[rule.full_id]))
        for example in rule.examples:
            document = read_markdown(example.text, f"{rule.full_id}:example:{example.line}", language=language)
            result = linter.check_document(document)
            found = [f for f in result.findings if f.rule == rule.full_id]
            outcomes.append(ExampleOutcome(ruleset, rule, example, len(found), [f.message for f in found], [f.match or "" for f in found]))
    return outcomes


def rules_without_examples(ruleset: Ruleset) -> list[tuple[Rule, str]]:
    """Rules that lack a flag or a pass example (shipped rulesets need both)."""
    missing: list[tuple[Rule, str]] = []
    for rule in ruleset.rules:
        kinds = {e.expect for e in rule.examples}
        for kind in ("flag", "pass"):
            if kind not in kinds:
                missing.append((rule, kind))
    return missing
