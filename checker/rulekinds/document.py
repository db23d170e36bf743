"""``document ID "title" { when … expect … }``: a document in which nothing matches ``expect``
(only when something matches ``when``, if given): one finding about the whole document."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from .base import Hit, Render, RuleKind

if TYPE_CHECKING:
    from ..engine.classify import Classification
    from ..rulemodel import Rule


class DocumentKind(RuleKind):
    name = "document"
    fields = frozenset({"when", "expect"})
    required = ("expect",)

    def evaluate(self, rule: Rule, c: Classification) -> Iterator[Hit]:
        triggers = c.evaluate(rule.when) if rule.when is not None else None
        if triggers is not None and not triggers:
            return
        if c.evaluate(rule.expect):
            return
        first = min(triggers) if triggers else None
        span = c.first_match(rule.when, first, True) if first is not None else None
        yield None, span, first

    def describe(self, rule: Rule, render: Render, labels: dict[str, str]) -> list[str]:
        lines = [labels["nothing"].format(expect=render(rule.expect))]
        if rule.when is not None:
            lines.append(labels["only_when"].format(when=render(rule.when)))
        return lines


DOCUMENT = DocumentKind()
