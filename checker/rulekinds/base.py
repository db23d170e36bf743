"""What every rule kind is: its fields, its checks, its evaluation and its description."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Iterator

if TYPE_CHECKING:
    from ..engine.classify import Classification
    from ..rulemodel import Rule

Hit = tuple[int | None, "tuple[int, int] | None", int | None]
"""One finding of a rule: (statement or None for the whole document, the span of its match,
the statement a whole-document finding takes its match from)."""
Render = Callable[[Any], str]
"""A condition in rule-language syntax (:func:`checker.ruledocs.render_condition` of a ruleset)."""
COMMON_FIELDS = frozenset({"category", "severity", "message", "suggest", "reference", "rationale"})
"""Fields every kind of rule takes; ``category`` and ``message`` are required of all."""


class RuleKind:
    """A kind of rule (``requirement``, ``followup`` …): a unit of the rule language.

    A subclass names its ``fields`` (beyond :data:`COMMON_FIELDS`), the ``required`` ones, and
    ``matched_by``, the field whose condition gives a finding's ``{match}``; it checks what
    only its kind asks of a rule (:meth:`problems`), says which defines its rules need, finds
    its rules' findings (:meth:`evaluate`) and describes a rule for its documentation page.
    """

    name: str = ""
    fields: frozenset[str] = frozenset()
    required: tuple[str, ...] = ()
    matched_by: str = "when"

    def allows(self, field: str) -> bool:
        return field in COMMON_FIELDS or field in self.fields

    def missing(self, field: str) -> str:
        """How a required field is written, for the error that says it is missing."""
        return field

    def target_problem(self, target: str) -> str | None:
        """Why this kind refuses ``for TARGET where …``, if it does."""
        return None

    def linked_problem(self, target: str | None) -> str | None:
        """Why this kind refuses ``linked by`` with the rule's target, if it does."""
        return None

    statement_class: str | None = None
    """The statement class (a ``define``) the kind's rules are about, if any."""

    def needed_defines(self, target: str | None) -> list[str]:
        """The statement classes a rule of this kind uses, each of which needs a ``define``: the
        kind's own, and ``requirement`` for a rule that looks at requirements (``for
        requirements where``)."""
        own = [self.statement_class] if self.statement_class else []
        return own + ["requirement"] if target == "requirements" and "requirement" not in own else own

    def evaluate(self, rule: Rule, c: Classification) -> Iterator[Hit]:
        """The findings of ``rule`` in a classified document, in order."""
        raise NotImplementedError

    def describe(self, rule: Rule, render: Render, labels: dict[str, str]) -> list[str]:
        """What the rule flags, in lines of Markdown (``labels``: the page's words)."""
        raise NotImplementedError

    def classes_shown(self, rule: Rule) -> list[str]:
        """Statement classes a rule's page lists with its words and patterns, beyond its conditions."""
        return []
