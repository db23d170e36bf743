"""Typed model of the rule language: the parsed file and the compiled ruleset.

The parser (``ruleparse``) produces a :class:`RuleFile`; the compiler (``rulecompile``)
resolves names and ``extends`` and produces a :class:`Ruleset`, whose JSON Schema is what
``kravkoll rules schema`` prints.
"""

from typing import Annotated, Any, Literal, Union

from .conditiontypes import LEAF_TYPES
from .modelbase import Field, Model, Pos, empty_dict, empty_list
from .modelbase import FrozenModel as _Model
from .rulekinds import RULE_KINDS

CATEGORIES = (
    "unmeasurable",
    "ambiguous",
    "missing-follow-up",
    "missing-sanction",
    "weak-sanction",
    "missing-clause",
    "structure",
)
SEVERITIES = ("error", "warning", "info")
LINK_METHODS = ("id", "section", "topic", "blanket")
STATEMENT_CLASSES = ("requirement", "followup", "sanction", "blanket")
LANGUAGES = ("sv", "en", "any")

Category = Literal[
    "unmeasurable",
    "ambiguous",
    "missing-follow-up",
    "missing-sanction",
    "weak-sanction",
    "missing-clause",
    "structure",
]
Severity = Literal["error", "warning", "info"]
LinkMethod = Literal["id", "section", "topic", "blanket"]
ReportScope = Literal["document"]
RuleKind = Literal[tuple(RULE_KINDS)]  # type: ignore[valid-type] - the names of the registry of rule kinds


# ---- conditions -------------------------------------------------------------------------
# The parser produces these with ``Ref`` for every name; the compiler replaces each ``Ref``
# and each inline list or pattern by a reference to a named entry of the ruleset.


class Ref(_Model):
    """A name in a condition, before resolution."""

    kind: Literal["ref"] = "ref"
    name: str
    pos: Pos | None = Field(default=None, exclude=True)


class InlineTerms(_Model):
    kind: Literal["inline_terms"] = "inline_terms"
    terms: list[str]
    pos: Pos | None = Field(default=None, exclude=True)


class InlinePattern(_Model):
    kind: Literal["inline_pattern"] = "inline_pattern"
    source: str
    flags: str = ""
    pos: Pos | None = Field(default=None, exclude=True)


class TermsAtom(_Model):
    """Holds when a term of the named list occurs in the statement."""

    kind: Literal["terms"] = "terms"
    list: str


class PatternAtom(_Model):
    """Holds when the named pattern matches the statement."""

    kind: Literal["pattern"] = "pattern"
    pattern: str


class ClassAtom(_Model):
    """Holds when the statement belongs to the statement class (a ``define``)."""

    kind: Literal["class"] = "class"
    define: str


# The leaf types (in section, has id, words …) are units of their own: checker/conditiontypes.


class Not(_Model):
    kind: Literal["not"] = "not"
    operand: "Condition"  # defined below: resolved when the model is first built


class And(_Model):
    kind: Literal["and"] = "and"
    operands: "list[Condition]"


class Or(_Model):
    kind: Literal["or"] = "or"
    operands: "list[Condition]"


Condition = Annotated[
    Union[(Ref, InlineTerms, InlinePattern, TermsAtom, PatternAtom, ClassAtom, *(unit.model for unit in LEAF_TYPES.values()), Not, And, Or)],  # noqa: UP007 - built from the registry
    Field(discriminator="kind"),
]
"""Any condition: the core kinds above and the leaf types of :data:`checker.conditiontypes.LEAF_TYPES`."""


# ---- the parsed file ----------------------------------------------------------------------


class Example(_Model):
    """A document fragment a rule must flag (``flag``) or must leave alone (``pass``); a flag
    example with ``match`` must be flagged at those words (``example flag "…" match "…"``)."""

    expect: Literal["flag", "pass"]
    text: str
    line: int
    match: str | None = Field(default=None, description="the words a finding of the rule must match (flag examples)")

    @staticmethod
    def _twin_namespace() -> dict[str, Any]:
        """An example without ``match`` is written as before the field existed."""
        from pydantic import model_serializer  # noqa: PLC0415 - the twin imports pydantic

        return {"_without_absent_match": model_serializer(mode="wrap")(_without_absent_match)}


def _without_absent_match(self: Any, handler: Any) -> dict[str, Any]:
    """The twin of :class:`Example`'s JSON: ``match`` left out when it is null."""
    data = handler(self)
    if data.get("match") is None:
        data.pop("match", None)
    return data


class Positioned(_Model):
    value: str
    pos: Pos


class RuleDecl(_Model):
    kind: RuleKind
    id: str
    title: str
    pos: Pos
    id_pos: Pos
    fields: dict[str, Any]
    field_pos: dict[str, Pos]
    examples: list[Example]


class TermsDecl(_Model):
    name: str
    terms: list[str]
    pos: Pos
    term_pos: list[Pos]
    add: bool = False  # `terms NAME += ...`: adds to the list of that name
    outside_names: bool = False  # `terms NAME (not in names) = ...`


class PatternDecl(_Model):
    name: str
    source: str
    flags: str
    pos: Pos
    pattern_pos: Pos
    add: bool = False  # `pattern NAME += /.../`: an alternative to the pattern of that name


class DefineDecl(_Model):
    name: str
    condition: Condition
    pos: Pos


class RuleFile(_Model):
    """One ``.krav`` file as written, names not yet resolved."""

    path: str
    name: str
    name_pos: Pos
    title: str = ""
    version: str = ""
    description: str = ""
    language: str = "any"
    language_pos: Pos | None = None
    extends: list[Positioned] = Field(default_factory=empty_list)
    terms: list[TermsDecl] = Field(default_factory=empty_list)
    patterns: list[PatternDecl] = Field(default_factory=empty_list)
    defines: list[DefineDecl] = Field(default_factory=empty_list)
    topics: list[Positioned] = Field(default_factory=empty_list)
    rules: list[RuleDecl] = Field(default_factory=empty_list)


# ---- the compiled ruleset -----------------------------------------------------------------


class TermList(_Model):
    """A named list of terms; inline lists get a name starting with ``@``."""

    name: str
    terms: list[str]
    origin: str = Field(description="ruleset that defines the list")
    outside_names: bool = Field(
        default=False,
        description="`(not in names)`: a term written with a capital inside a sentence, or beginning a run of"
        " capitalised words, is part of a name or a defined term and does not count",
    )


class PatternDef(_Model):
    name: str
    source: str = Field(description="the pattern as written, RE2 syntax")
    flags: str = Field(default="", description="c: case-sensitive, s: dot matches newline")
    origin: str


class Define(_Model):
    name: str
    condition: Condition
    origin: str


class Rule(_Model):
    """A compiled rule: names resolved, defaults filled in."""

    id: str = Field(description="short id, unique within the ruleset")
    full_id: str = Field(description="ruleset/ID, stable across versions")
    ruleset: str = Field(description="ruleset that defines the rule")
    kind: RuleKind
    title: str
    category: Category
    severity: Severity = "warning"
    when: Condition | None = None
    target: Literal["requirements", "sanctions"] | None = None
    where: Condition | None = None
    linked_by: list[LinkMethod] = Field(default_factory=lambda: list(LINK_METHODS))
    once_per: ReportScope | None = Field(
        default=None,
        description="`report once per document`: the rule's findings in a document are one, on its first statement, naming the others (`also`)",
    )
    expect: Condition | None = None
    message: str
    suggest: str = ""
    rewrite: str | None = Field(
        default=None, description="the words that replace the match, {match} standing for it; `kravkoll annotate --suggest` puts them in as a tracked change"
    )
    reference: str = ""
    rationale: str = ""
    examples: list[Example] = Field(default_factory=empty_list)
    source: str = Field(description="file:line where the rule is written")


class Ruleset(Model):
    """A compiled ruleset, ready to run: what ``kravkoll rules list --format json`` shows."""

    model_config = {"extra": "forbid"}

    name: str
    title: str = ""
    language: Literal["sv", "en", "any"] = "any"
    version: str = ""
    description: str = ""
    path: str
    extends: list[str] = Field(default_factory=empty_list, description="extended rulesets, nearest first")
    lists: dict[str, TermList] = Field(default_factory=empty_dict)
    patterns: dict[str, PatternDef] = Field(default_factory=empty_dict)
    defines: dict[str, Define] = Field(default_factory=empty_dict)
    topics: list[str] = Field(default_factory=empty_list)
    rules: list[Rule] = Field(default_factory=empty_list)

    def rule(self, rule_id: str) -> Rule | None:
        """The rule with this short or full id, if the ruleset has it."""
        for rule in self.rules:
            if rule_id in (rule.id, rule.full_id):
                return rule
        return None
