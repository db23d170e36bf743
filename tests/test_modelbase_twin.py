"""The models as plain classes (checker/modelbase.py ``Model``) and their pydantic twins
(checker/modeltwin.py): each twin made from its model's one declaration, field by field; the
plain side's construction, copies, comparison and pickling as pydantic's were; validation,
``model_dump`` and the JSON Schemas pydantic's own, by the twin."""

from __future__ import annotations

import copy
import dataclasses
import pickle
import types
from typing import Annotated, Any, Union, get_args, get_origin

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

import checker.baseline  # noqa: F401 - every module that declares models
from checker.config import Config
from checker.document import Location, trusted
from checker.modelbase import FieldSpec, Model, Pos
from checker.modeltwin import _PLAIN, plain_value, twin_of, twin_value
from checker.report import Finding, Report, TraceRow
from checker.rulemodel import And, Not, PatternAtom, Rule, Ruleset, TermsAtom


def _every(model: type) -> list[type[Model]]:
    found = []
    for sub in model.__subclasses__():
        found += [sub, *_every(sub)]
    return found


MODELS = sorted({model for model in _every(Model) if model.__module__.startswith("checker.") and model.model_fields}, key=lambda m: m.__qualname__)


def _normal_form(annotation: Any, models: dict[type, type], marker: type) -> Any:
    """A field type with each type of ``models`` replaced by its value and each field marker of
    class ``marker`` by the discriminator it names: the one form a twin's and a model's field
    types are compared in."""
    if isinstance(annotation, type) and annotation in models:
        return models[annotation]
    origin = get_origin(annotation)
    if origin is Annotated:
        base, *extras = get_args(annotation)
        marked = (("discriminator", extra.discriminator) if isinstance(extra, marker) else extra for extra in extras)
        return (Annotated, _normal_form(base, models, marker), *marked)
    if origin in (Union, types.UnionType):
        return (Union, *(_normal_form(member, models, marker) for member in get_args(annotation)))
    if origin in (list, dict):
        return (origin, *(_normal_form(argument, models, marker) for argument in get_args(annotation)))
    return annotation


def _declared(annotation: Any) -> Any:
    """A twin's field type with each twin replaced by its model again (and pydantic's field
    markers by what they say), to compare with the model's own."""
    return _normal_form(annotation, _PLAIN, FieldInfo)


def _own(annotation: Any) -> Any:
    """A model's field type in the form :func:`_declared` gives."""
    return _normal_form(annotation, {}, FieldSpec)


def _unwrapped(annotation: Any, discriminator: str | None) -> tuple[Any, str | None]:
    """A field's type without the ``Annotated`` that gives a union its discriminator, and the
    discriminator (pydantic moves it to the field)."""
    if get_origin(annotation) is Annotated:
        base, *extras = get_args(annotation)
        found = [extra.discriminator for extra in extras if isinstance(extra, FieldSpec)]
        if found and len(extras) == 1:
            return base, found[0]
    return annotation, discriminator


def test_the_models_are_found() -> None:
    names = {model.__name__ for model in MODELS}
    assert {"Location", "Statement", "Document", "Finding", "Report", "TraceRow", "Config", "Rule", "Ruleset", "Not", "InContext", "Pos"} <= names


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__qualname__)
def test_each_twin_is_its_models_declaration_field_by_field(model: type[Model]) -> None:
    """One declaration: the twin takes every field, in order, with its type (each model in it
    its twin), default, description, alias, exclusion and constraints, and the model's name,
    module, docstring and configuration. A field added to the model is in its twin."""
    twin = twin_of(model)
    assert issubclass(twin, BaseModel) and twin_of(model) is twin
    assert (twin.__name__, twin.__qualname__, twin.__module__, twin.__doc__) == (model.__name__, model.__qualname__, model.__module__, model.__doc__)
    assert {key: value for key, value in twin.model_config.items() if key in model.model_config} == model.model_config
    assert list(twin.model_fields) == list(model.model_fields)
    for name, field in model.model_fields.items():
        made = twin.model_fields[name]
        assert made.is_required() == field.is_required(), name
        annotation, discriminator = _unwrapped(field.annotation, field.discriminator)
        assert (made.description, made.alias, bool(made.exclude), made.discriminator) == (field.description, field.alias, bool(field.exclude), discriminator)
        if not field.is_required():
            assert made.get_default(call_default_factory=True) == field.get_default(call_default_factory=True), name
        constraints = {each.name: getattr(item, each.name) for item in made.metadata for each in dataclasses.fields(item)}
        assert constraints == field.constraints, name
        assert _declared(made.annotation) == _own(annotation), name


def test_validation_is_pydantics_conversions_errors_and_all() -> None:
    assert Location(line="3", column=1) == trusted(Location, {**Location.model_construct(line=3, column=1).__dict__})
    with pytest.raises(ValidationError):
        Location(line=0, column=1)
    with pytest.raises(ValidationError):
        Location(line=1, column=1, unknown=2)
    with pytest.raises(ValidationError):
        Config(timeout=0)
    assert Config(timeout="60").timeout == 60.0
    assert Config.model_validate({"fail-on": "never"}).fail_on == "never"
    made = Config(fail_on="info")
    assert made.model_fields_set == {"fail_on"} and type(made) is Config


def test_models_inside_models_are_validated_and_dumped_as_pydantic_does() -> None:
    """A condition built from plain conditions, validated, dumped and read back."""
    condition = And(operands=[TermsAtom(list="vague"), Not(operand=PatternAtom(pattern="p"))])
    assert isinstance(condition.operands[1].operand, PatternAtom)
    dumped = condition.model_dump(mode="json")
    assert dumped == {"kind": "and", "operands": [{"kind": "terms", "list": "vague"}, {"kind": "not", "operand": {"kind": "pattern", "pattern": "p"}}]}
    assert And.model_validate(dumped) == condition
    rule = Rule(id="X", full_id="r/X", ruleset="r", kind="requirement", title="t", category="unmeasurable", when=condition, message="m", source="f:1")
    assert Ruleset(name="r", path="p", rules=[rule]).rule("X") == rule
    with pytest.raises(ValidationError):
        Not(operand={"kind": "nonsense"})


def test_a_frozen_model_is_immutable_and_hashable_and_an_open_one_refuses_unknown_fields() -> None:
    one, other = Pos(line=1, column=2), Pos.of(types.SimpleNamespace(line=1, column=2))
    assert one == other and hash(one) == hash(other) and one != Pos(line=2, column=1)
    with pytest.raises(TypeError):
        one.line = 3
    location = Location.model_construct(line=1, column=1)
    location.page = 4
    assert location.page == 4 and "page" in location.model_fields_set
    with pytest.raises(ValueError, match="no field"):
        location.nonsense = 1
    with pytest.raises(TypeError):
        hash(location)


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.sampled_from(["paragraph", "page", "section", "clause"]), st.none() | st.integers(1, 9) | st.text(max_size=3), max_size=3))
def test_copies_construction_and_pickling_are_pydantics(update: dict[str, Any]) -> None:
    """``model_construct``, ``model_copy`` (with an update) and a pickled copy: the fields and
    fields set pydantic's give."""
    made = Location.model_construct(line=2, column=3)
    twin = twin_of(Location).model_construct(line=2, column=3)
    assert made == plain_value(twin) and made.model_fields_set == twin.model_fields_set
    copied, twin_copied = made.model_copy(update=update), twin.model_copy(update=update)
    assert copied.__dict__ == twin_copied.__dict__ and copied.model_fields_set == twin_copied.model_fields_set
    for again in (pickle.loads(pickle.dumps(copied)), copy.deepcopy(copied), copy.copy(copied)):
        assert again == copied and again.model_fields_set == copied.model_fields_set
    assert twin_value(copied).__dict__ == twin_copied.__dict__


def test_a_computed_field_and_a_validator_of_the_twin() -> None:
    """``TraceRow.status`` is in the twin's JSON, and JSON that carries it reads back."""
    row = TraceRow.model_construct(statement=0, requirement_id=None, text="t", location=Location.model_construct(line=1, column=1), measurable=False)
    dumped = row.model_dump(mode="json")
    assert dumped["status"] == row.status == "unclear"
    assert TraceRow.model_validate(dumped) == TraceRow.model_validate({k: v for k, v in dumped.items() if k != "status"})


def test_a_report_reads_back_from_its_json() -> None:
    finding = Finding.model_construct(rule="r/X", title="t", category="unmeasurable", severity="info", message="m", file="f", location=None, fingerprint="x")
    report = Report.model_construct(findings=[finding])
    assert Report.model_validate_json(report.model_dump_json()) == Report.model_validate(report.model_dump())


def test_a_model_given_to_validation_is_kept_as_it_is() -> None:
    """As pydantic keeps a model instance it is given (no copy): the anchor holds the location
    it was made with, not a copy made through the twin."""
    location = Location.model_construct(line=2, column=5)
    anchor = checker.document.Anchor(offset=0, location=location)
    assert anchor.location is location
    rule = Rule(id="X", full_id="r/X", ruleset="r", kind="requirement", title="t", category="unmeasurable", message="m", source="f:1")
    assert Ruleset(name="r", path="p", rules=[rule]).rules[0] is rule
