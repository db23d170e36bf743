"""``sanction ID "title" { for requirements|sanctions where … }``: a requirement that no sanction
is linked to (as follow-up rules, :mod:`.linking`), or a sanction for which ``where`` holds,
judged on its whole clause for what it lacks."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from .base import Hit, Render
from .linking import LinkingKind

if TYPE_CHECKING:
    from ..engine.classify import Classification
    from ..rulemodel import Rule


class Sanction(LinkingKind):
    name = statement_class = "sanction"

    def evaluate(self, rule: Rule, c: Classification) -> Iterator[Hit]:
        if rule.target == "requirements":
            yield from super().evaluate(rule, c)
            return
        for i in sorted(c.evaluate(rule.where) & c.statements_of_class("sanction")):
            if c.holds_in_clause(rule.where, i):
                yield i, c.first_match(rule.where, i, True), None

    def describe(self, rule: Rule, render: Render, labels: dict[str, str]) -> list[str]:
        if rule.target == "requirements":
            return super().describe(rule, render, labels)
        return [f"`sanction and {render(rule.where)}`"]


SANCTION = Sanction()
