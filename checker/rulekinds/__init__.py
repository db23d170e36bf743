"""The kinds of rules, one module each, and their registry.

A kind (:class:`~checker.rulekinds.base.RuleKind`) holds everything that differs between
``requirement``, ``followup``, ``sanction`` and ``document`` rules: the fields they take, what
the compiler checks of them, how the engine finds their findings and how ``kravkoll rules docs``
describes them. The compiler, the engine and the docs look a rule's kind up here and never
branch on its name (``rulemodel.RuleKind`` and the parser's error messages take the names from
here), and so does the grammar's ``RULE_KIND`` (added when the parser is built). A new kind: a
module with a :class:`RuleKind` and its line below.
"""

from __future__ import annotations

from .base import RuleKind
from .document import DOCUMENT
from .followup import FOLLOWUP
from .requirement import REQUIREMENT
from .sanction import SANCTION

RULE_KINDS: dict[str, RuleKind] = {kind.name: kind for kind in (REQUIREMENT, FOLLOWUP, SANCTION, DOCUMENT)}
"""Rule kind name → its unit."""

__all__ = ["RULE_KINDS", "RuleKind"]
