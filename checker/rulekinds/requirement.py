"""``requirement ID "title" { when … }``: a requirement for which ``when`` holds."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from .base import Hit, Render, RuleKind

if TYPE_CHECKING:
    from ..engine.classify import Classification
    from ..rulemodel import Rule


class Requirement(RuleKind):
    name = statement_class = "requirement"
    fields = frozenset({"when", "rewrite", "report"})
    required = ("when",)

    def evaluate(self, rule: Rule, c: Classification) -> Iterator[Hit]:
        for i in sorted(c.evaluate(rule.when) & c.statements_of_class("requirement")):
            yield i, c.first_match(rule.when, i, True), None

    def describe(self, rule: Rule, render: Render, labels: dict[str, str]) -> list[str]:
        return [f"`requirement and {render(rule.when)}`"]


REQUIREMENT = Requirement()
