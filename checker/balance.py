"""Which elements of a balanced contract a document contains.

A contract that only measures and penalises is not balanced: it also needs incentives,
governance, improvement, a change procedure and so on (see docs and the domain notes). The
nine elements are reported under fixed keys, :data:`~checker.report.BALANCE_ELEMENTS`, each
as ``{"present": true/false, "locations": [...]}``.

The convention that decides them, from the rulesets' own vocabulary (Swedish and English):

- ``follow_up`` and ``sanction`` are the statement classes ``define followup`` and
  ``define sanction``, counted where a requirement of the matrix links to them;
- every other key (``incentive``, ``governance``, ``improvement``, ``change``,
  ``termination``, ``acceptance``, ``dispute``) is decided by a ``terms`` list or a
  ``define`` of exactly that name;
- the rulesets in use decide first: a key is present when some statement (not a heading)
  of the document matches the class or list of that name in any of them;
- when no ruleset in use has that name, the shipped rulesets of the document's language
  that have it decide instead; when none has it, the key is absent with no locations.

A ruleset author who wants ``kravkoll report`` to show, say, incentives only has to write
``terms incentive = "bonus", "incitament*"`` (or ``define incentive = …``).
"""

from __future__ import annotations

from .engine import Classification, DocumentResult
from .engine.links import link_methods, linked_targets
from .report import BALANCE_ELEMENTS, BalanceElement
from .rulemodel import Ruleset

_CLASS_OF = {"follow_up": "followup", "sanction": "sanction"}


def vocabulary_name(key: str) -> str:
    """The ruleset name (define or terms list) that decides a balance key."""
    return _CLASS_OF.get(key, key)


def decides(ruleset: Ruleset, key: str) -> bool:
    """Whether ``ruleset`` has the define (or, beyond follow_up and sanction, the terms list) for ``key``."""
    name = vocabulary_name(key)
    return name in ruleset.defines or (key not in _CLASS_OF and name in ruleset.lists)


def _statements(c: Classification, key: str) -> frozenset[int]:
    name = vocabulary_name(key)
    if name in c.ruleset.defines:
        return c.statements_of_class(name)
    return c.term_sets.get(name, frozenset()) - c.index.headings


def linked_statements(result: DocumentResult) -> dict[str, frozenset[int]]:
    """The follow-up and sanction statements that some requirement of the matrix links to
    (:func:`~checker.engine.links.linked_targets`: the matrix lists only each requirement's
    closest links)."""
    linked: dict[str, frozenset[int]] = {"follow_up": frozenset(), "sanction": frozenset()}
    for c in result.classifications:
        requirements = c.statements_of_class("requirement")
        for key, kind in _CLASS_OF.items():
            targets = c.statements_of_class(kind)
            linked[key] |= linked_targets(requirements, targets, link_methods(c.ruleset, kind), c, kind)
    return linked


def element_statements(result: DocumentResult) -> dict[str, frozenset[int]]:
    """For each balance key, the statements of its class or list (not headings), whether or not
    a requirement links to them: what kravkoll's clause classes take, clause by clause."""
    deciding = {key: [c for c in result.classifications if decides(c.ruleset, key)] for key in BALANCE_ELEMENTS}
    undecided = [key for key, found in deciding.items() if not found]
    if undecided:  # the shipped rulesets of the language decide, from the linter that checked it
        fallback = result.shipped_classifications()
        for key in undecided:
            deciding[key] = [c for c in fallback if decides(c.ruleset, key)]
    return {key: frozenset().union(*(_statements(c, key) for c in found)) for key, found in deciding.items()}


def balance_statements(result: DocumentResult) -> dict[str, list[int]]:
    """For each balance key, the statements of the document that carry that element.

    A follow-up or sanction statement counts only when it follows up or sanctions something: a
    requirement of the matrix links to it (:func:`linked_statements`). "Resolution time will be calculated as …" in a list of definitions, or a
    report in a tender's list of what to submit, is a word, not a follow-up clause."""
    linked = linked_statements(result)
    return {key: sorted(found & linked[key] if key in linked else found) for key, found in element_statements(result).items()}


def balance(result: DocumentResult) -> dict[str, BalanceElement]:
    """The nine balance elements of a checked document, each present or not, with locations."""
    statements = result.document.statements
    return {
        key: BalanceElement.model_construct(present=bool(found), locations=[statements[i].location for i in found])
        for key, found in balance_statements(result).items()
    }
