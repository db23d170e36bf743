"""What follow-up and sanction rules share: ``for requirements where … linked by …``, a
requirement with no statement of the rule's class linked to it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from .base import Hit, Render, RuleKind

if TYPE_CHECKING:
    from ..engine.classify import Classification
    from ..rulemodel import Rule


class LinkingKind(RuleKind):
    """A kind whose rules look for requirements (``for requirements where …``) that no
    statement of its own class (``define followup`` / ``define sanction``) is linked to."""

    fields = frozenset({"for", "linked", "rewrite", "report"})
    required = ("for",)
    matched_by = "for"

    def missing(self, field: str) -> str:
        return "for requirements|sanctions where ..." if field == "for" else field

    def linked_problem(self, target: str | None) -> str | None:
        if target == "sanctions":
            return "'linked by' applies to 'for requirements where'; sanctions are checked on their own"
        return None

    def evaluate(self, rule: Rule, c: Classification) -> Iterator[Hit]:
        from ..engine.links import unlinked  # noqa: PLC0415 - the engine imports the rule kinds

        candidates = c.evaluate(rule.where) & c.statements_of_class("requirement")
        for i in unlinked(candidates, c.statements_of_class(rule.kind), rule.linked_by, c, rule.kind):
            yield i, c.first_match(rule.where, i, True), None

    def describe(self, rule: Rule, render: Render, labels: dict[str, str]) -> list[str]:
        unlinked = labels["unlinked"].format(kind=rule.kind, methods=", ".join(rule.linked_by))
        return [f"`requirement and {render(rule.where)}`, {unlinked}"]

    def classes_shown(self, rule: Rule) -> list[str]:
        return [rule.kind, "requirement"] if rule.target == "requirements" else []
