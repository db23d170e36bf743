"""``model lacks amount|cap|trigger|cure``: the statement opens a sanction of the document's
sanction model (:mod:`checker.engine.sanctions`) that has no such part: none in its own words,
none in the rest of its clause (a credit table under it, its largest row the cap), none where the
document names the same defined sanction again, and, for the cap, none among the document's caps
on its sanctions. A weak-sanction rule judges the sanction as the model reads it, not one sentence:
"1 day will be added to your subscription for every 15 minutes late" has no cap though the
availability credits of the same SLA stop at the table's 50 %."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from ..clauses import is_annex_word
from ..modelbase import FrozenModel
from .base import ConditionType, Syntax

if TYPE_CHECKING:
    from ..engine.classify import Classification
    from ..rulemodel import Ruleset

PARTS = ("amount", "cap", "trigger", "cure")
# the defines the sanction model is made of (checker.engine.sanctions): two rulesets whose
# defines of these names hold for the same statements read the same model
_MODEL_DEFINES = ("sanction", "sanction_amount", "sanction_cap", "sanction_trigger", "sanction_cure", "sanction_own_amount", "sanctions_cap", "requirement")


def _model_shape(c: Classification, *defines: str) -> tuple:
    """What a condition on the sanction model holds by: the reading's vocabulary and the shapes of
    the defines the model is made of (and of ``defines``)."""
    return (c.vocabulary_key, tuple(c._define_shape(name) for name in (*_MODEL_DEFINES, *defines)))


class ModelLacks(FrozenModel):
    """Holds for the first statement of each sanction of the sanction model that lacks ``part``."""

    kind: Literal["model_lacks"] = "model_lacks"
    part: Literal["amount", "cap", "trigger", "cure"]


def _parse(part: str) -> Any:
    return lambda meta: ModelLacks(part=part)


class ModelLacksType(ConditionType):
    kind = "model_lacks"
    model = ModelLacks
    examples = tuple(f"model lacks {part}" for part in PARTS)
    # the part's words are no reserved words: after 'lacks' no name can stand, so lists may still be called cap or trigger
    syntax = tuple(Syntax(f'"model" "lacks" "{part}"', f"model_lacks_{part}", _parse(part)) for part in PARTS)
    reserved = ("model",)

    def shape(self, condition: ModelLacks, c: Classification) -> tuple:
        return ("model_lacks", condition.part, *_model_shape(c))

    def evaluate(self, condition: ModelLacks, c: Classification) -> frozenset[int]:
        return frozenset(model.statement for model in c.sanction_model if getattr(model, condition.part) is None)

    def render(self, condition: ModelLacks, ruleset: Ruleset, top: bool) -> str:
        return f"model lacks {condition.part}"


MODEL_LACKS = ModelLacksType()


ACCRUES = "sanction_accrues"
"""The define of a statement whose sanction runs per period or per event ("for every 15 minutes
late", "per påbörjad vecka"): a convention like ``sanction_amount``, read by ``model accrues``."""


class ModelAccrues(FrozenModel):
    """Holds for the first statement of each sanction of the sanction model whose amount runs per
    period or per event: its own statements or the statement that states its amount hold
    ``define sanction_accrues``. Such a sanction grows without end unless a cap stops it."""

    kind: Literal["model_accrues"] = "model_accrues"


def _parse_accrues(meta: Any) -> ModelAccrues:
    return ModelAccrues()


class ModelAccruesType(ConditionType):
    kind = "model_accrues"
    model = ModelAccrues
    examples = ("model accrues",)
    syntax = (Syntax('"model" "accrues"', "model_accrues", _parse_accrues),)
    reserved = ("model",)

    def shape(self, condition: ModelAccrues, c: Classification) -> tuple:
        return ("model_accrues", *_model_shape(c, ACCRUES))

    def evaluate(self, condition: ModelAccrues, c: Classification) -> frozenset[int]:
        if ACCRUES not in c.ruleset.defines:
            return frozenset()
        accruing = c.statements_of_class(ACCRUES)
        return frozenset(
            model.statement
            for model in c.sanction_model
            if model.amount is not None and (model.amount.statement in accruing or not accruing.isdisjoint(model.statements))
        )

    def render(self, condition: ModelAccrues, ruleset: Ruleset, top: bool) -> str:
        return "model accrues"


MODEL_ACCRUES = ModelAccruesType()


class ModelCapped(FrozenModel):
    """Holds for every statement of a document whose sanction model gives some sanction a cap (its
    own, its clause's, its credit table's largest row, the document's cap on sanctions): a fact of
    the document, as ``vendor_terms`` is. Where none has one, the document rules say so once
    (CT004, AV004); a rule on one sanction asks it of a document that caps others."""

    kind: Literal["model_capped"] = "model_capped"


def _parse_capped(meta: Any) -> ModelCapped:
    return ModelCapped()


class ModelCappedType(ConditionType):
    kind = "model_capped"
    model = ModelCapped
    examples = ("model capped",)
    syntax = (Syntax('"model" "capped"', "model_capped", _parse_capped),)
    reserved = ("model",)

    def shape(self, condition: ModelCapped, c: Classification) -> tuple:
        return ("model_capped", *_model_shape(c))

    def evaluate(self, condition: ModelCapped, c: Classification) -> frozenset[int]:
        if any(model.cap is not None for model in c.sanction_model):
            return frozenset(range(len(c.document.statements))) - c.index.headings
        return frozenset()

    def render(self, condition: ModelCapped, ruleset: Ruleset, top: bool) -> str:
        return "model capped"


MODEL_CAPPED = ModelCappedType()


class ModelCites(FrozenModel):
    """Holds for the first statement of each sanction of the sanction model whose amount cites a
    clause by its number (``SanctionModel.cited``: "vite enligt punkt 22 nedan") that gives it
    nothing: ``missing``, a clause the document lacks though it numbers its clauses ("enligt
    punkt 14.3" where no 14.3 stands; an annex, "enligt bilaga 3", is often a document of its own
    and is not asked); or ``part``, a cited clause that stands in the document and states no such
    part ("22.1 … ska Leverantören … utge vite:" with nothing after it states no amount)."""

    kind: Literal["model_cites"] = "model_cites"
    missing: bool = False
    part: Literal["amount", "cap", "trigger", "cure"] | None = None


def _parse_cited(part: str) -> Any:
    return lambda meta: ModelCites(part=part)


class ModelCitesType(ConditionType):
    kind = "model_cites"
    model = ModelCites
    examples = ("model cites missing", *(f"model cited lacks {part}" for part in PARTS))
    syntax = (
        Syntax('"model" "cites" "missing"', "model_cites_missing", lambda meta: ModelCites(missing=True)),
        *(Syntax(f'"model" "cited" "lacks" "{part}"', f"model_cited_lacks_{part}", _parse_cited(part)) for part in PARTS),
    )
    reserved = ("model",)

    def shape(self, condition: ModelCites, c: Classification) -> tuple:
        return ("model_cites", condition.missing, condition.part, *_model_shape(c))

    def evaluate(self, condition: ModelCites, c: Classification) -> frozenset[int]:
        if condition.missing:
            if not c.index.numbers_clauses:
                return frozenset()
            return frozenset(
                model.statement
                for model in c.sanction_model
                if model.cited is not None and not model.cited.found and not is_annex_word(model.cited.text.split()[0])
            )
        return frozenset(
            model.statement for model in c.sanction_model if model.cited is not None and model.cited.found and condition.part not in model.cited.parts
        )

    def render(self, condition: ModelCites, ruleset: Ruleset, top: bool) -> str:
        return "model cites missing" if condition.missing else f"model cited lacks {condition.part}"


MODEL_CITES = ModelCitesType()
