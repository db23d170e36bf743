"""The base of the rule language's models: frozen models and positions in a rule file; the
empty defaults every model's list and dictionary fields start from; and models read from and
written as their JSON without pydantic's validators and serializers (:func:`rebuilt`, the rule
cache's rulesets; :func:`dumped_json`, the report of ``check --format json``).

Apart from :mod:`checker.rulemodel` so that the condition types (:mod:`checker.conditiontypes`),
which that module collects into its ``Condition`` union, can build on it without importing it.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import partial
from types import UnionType
from typing import Annotated, Any, ForwardRef, Literal, NamedTuple, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, ConfigDict
from pydantic.fields import FieldInfo

_M = TypeVar("_M", bound=BaseModel)


# ``Field(default_factory=empty_list)`` rather than ``default_factory=list``: pydantic reads the
# signature of each default factory when it builds a model, and a builtin's signature is read by
# tokenizing its text signature (about 1 M instructions a field, and compiling the tokenizer's
# expressions first); a Python function's is not (a one-page check: 1,648 → 1,622 M instructions).
def empty_list() -> list[Any]:
    """A new empty list: the default of a list field."""
    return []


def empty_dict() -> dict[Any, Any]:
    """A new empty dictionary: the default of a dictionary field."""
    return {}


class FrozenModel(BaseModel):
    """A model of the rule language: immutable, and refusing fields it does not know.

    Its validator is built when a model is first validated, not when the class is defined
    (``defer_build``): a warm check validates only the cached ruleset's models, and the models a
    run does not use are never built (a one-page check: 1,532 → 1,507 M instructions under
    callgrind); the recursive conditions resolve ``Condition`` then, so they need no rebuild."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Pos(FrozenModel):
    """A position in a rule file (1-based)."""

    line: int
    column: int

    @classmethod
    def of(cls, item: Any) -> Pos:
        """Where a parse-tree token, or a subtree (by its ``meta``), starts; line and column 1
        for what has no position."""
        return cls(line=getattr(item, "line", 1) or 1, column=getattr(item, "column", 1) or 1)


# ---- models rebuilt from their own JSON ------------------------------------------------------
# A warm check reads its compiled rulesets back from the rule cache (``checker.rulecache``), JSON
# that kravkoll wrote from validated models. Validating it with pydantic needs the ``Ruleset``'s
# validator built first: the schema of every rule model and condition type, more than validating
# takes. :func:`rebuilt` puts the models together from the JSON by their fields' annotations
# instead, checking each value's JSON type as it goes (a one-page check: 1,737 → 1,710 M
# instructions under callgrind).

_Rebuild = Callable[[Any], Any]
"""A JSON value as a field holds it (nested models rebuilt); raises ``ValueError`` for a value
of another type."""
_ABSENT = object()
_IMMUTABLE = (type(None), str, int, float, bool, tuple, frozenset)
_SCALARS: dict[Any, tuple[type, ...]] = {str: (str,), bool: (bool,), int: (int,), float: (int, float)}
"""The JSON types a scalar field's value may have."""


class _Plan(NamedTuple):
    """How a model is rebuilt: its field names, and each field with the one type a text or
    yes/no field's value has, the values a literal field's may have (None: another kind of
    field), how another field's value is rebuilt (None: any value) and what it takes when the
    JSON leaves it out. (Checked in :func:`rebuilt` itself: those are most of a ruleset's.)"""

    names: frozenset[str]
    fields: tuple[tuple[str, type | None, frozenset[str] | None, _Rebuild | None, Callable[[], Any]], ...]


_PLANS: dict[type[BaseModel], _Plan] = {}


def rebuilt(model: type[_M], data: Any) -> _M:
    """The ``model`` whose JSON dump (``model_dump(mode="json")``) ``data`` is, without pydantic's
    validation: equal to ``model.model_validate(data)`` for such a dump. Nested models are
    rebuilt by their fields' annotations, a discriminated union's member by its discriminator; a
    field left out (one the dump excludes) takes its default. Raises ``ValueError`` for data
    of another shape: not an object, a key that is no field, a required field missing, a value
    of another JSON type, a literal or discriminator that is none of the type's. (Only the types
    kravkoll's rule models use are known: :func:`_rebuild_of` refuses other models.)"""
    plan = _PLANS.get(model) or _plan_of(model)
    if type(data) is not dict:
        raise ValueError(f"{model.__name__}: not an object")
    if not plan.names.issuperset(data):
        raise ValueError(f"{model.__name__}: unknown fields {sorted(data.keys() - plan.names)}")
    values: dict[str, Any] = {}
    for name, scalar, allowed, rebuild, absent in plan.fields:
        value = data.get(name, _ABSENT)
        if value is _ABSENT:
            value = absent()
        elif scalar is not None:
            if type(value) is not scalar:
                raise ValueError(f"{model.__name__}: {name} is not a {scalar.__name__}")
        elif allowed is not None:
            if type(value) is not str or value not in allowed:
                raise ValueError(f"{model.__name__}: {name} is none of {sorted(allowed)}")
        elif rebuild is not None:
            value = rebuild(value)
        values[name] = value
    made = model.__new__(model)
    _set = object.__setattr__
    _set(made, "__dict__", values)
    _set(made, "__pydantic_fields_set__", set(data))
    _set(made, "__pydantic_extra__", None)
    _set(made, "__pydantic_private__", None)
    return made


def _plan_of(model: type[BaseModel]) -> _Plan:
    """The plan of ``model``, worked out once (see :class:`_Plan`)."""
    if model.model_config.get("extra") != "forbid" or model.__pydantic_decorators__.field_validators or model.__pydantic_decorators__.model_validators:
        raise TypeError(f"{model.__name__}: only models that refuse unknown fields and change no value are rebuilt")
    fields = []
    for name, field in model.model_fields.items():
        annotation = _annotation(model, field)
        scalar = annotation if annotation in (str, bool) else None
        literal = get_origin(annotation) is Literal and all(type(value) is str for value in get_args(annotation))
        allowed = frozenset(get_args(annotation)) if literal else None
        rebuild = None if scalar or literal else _rebuild_of(annotation, field.discriminator)
        fields.append((name, scalar, allowed, rebuild, _absent(model, name, field)))
    plan = _PLANS[model] = _Plan(frozenset(model.model_fields), tuple(fields))
    return plan


def _absent(model: type[BaseModel], name: str, field: FieldInfo) -> Callable[[], Any]:
    """What a field the JSON leaves out takes: its default (a new one from its factory, a copy
    of a mutable one, as pydantic gives it); for a required field, an error."""
    if field.is_required():

        def missing() -> Any:
            raise ValueError(f"{model.__name__}: {name} missing")

        return missing
    if field.default_factory is None and isinstance(field.default, _IMMUTABLE):
        default = field.default
        return lambda: default
    return partial(field.get_default, call_default_factory=True)


def _annotation(model: type[BaseModel], field: FieldInfo) -> Any:
    """A field's type; one written as text (a recursive condition's ``"Condition"``, which a
    model whose validator is not yet built still holds as a forward reference) is evaluated in
    the model's module, as pydantic does when it builds the validator."""
    annotation = field.annotation
    if isinstance(annotation, ForwardRef):
        annotation = annotation.__forward_arg__
    if isinstance(annotation, str):
        return eval(annotation, vars(sys.modules[model.__module__]))  # noqa: S307 - an annotation of kravkoll's own source
    return annotation


def _rebuild_of(annotation: Any, discriminator: Any = None) -> _Rebuild | None:
    """How a JSON value of the type ``annotation`` is checked and rebuilt (None: any value is one)."""
    origin = get_origin(annotation)
    if annotation is Any:
        return None
    if annotation is type(None):
        return partial(_checked, (type(None),))
    if annotation in _SCALARS:
        return partial(_checked, _SCALARS[annotation])
    if origin is Literal:
        return partial(_literal, frozenset(get_args(annotation)))
    if origin is Annotated:
        base, *extras = get_args(annotation)
        found = next((extra.discriminator for extra in extras if isinstance(extra, FieldInfo) and extra.discriminator), discriminator)
        return _rebuild_of(base, found)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return partial(rebuilt, annotation)
    if origin in (Union, UnionType):
        members = get_args(annotation)
        others = [member for member in members if member is not type(None)]
        if len(others) == 1:
            return partial(_optional, _rebuild_of(others[0], discriminator) or _any)
        if discriminator is None:
            raise TypeError(f"cannot rebuild a union without a discriminator: {annotation!r}")
        return partial(_optional, _union_rebuild(others, discriminator)) if len(others) < len(members) else _union_rebuild(others, discriminator)
    if origin is list:
        (item,) = get_args(annotation)
        return _text_list if item is str else partial(_rebuilt_list, _rebuild_of(item) or _any)
    if origin is dict:
        key, item = get_args(annotation)
        if key is not str:
            raise TypeError(f"cannot rebuild {annotation!r}: JSON keys are text")
        return partial(_rebuilt_dict, _rebuild_of(item) or _any)
    raise TypeError(f"cannot rebuild {annotation!r}")


def _any(value: Any) -> Any:
    return value


def _checked(types: tuple[type, ...], value: Any) -> Any:
    if type(value) not in types:
        raise ValueError(f"{value!r} is not a {types[0].__name__}")
    return value


def _literal(allowed: frozenset[Any], value: Any) -> Any:
    if type(value) is not str or value not in allowed:
        raise ValueError(f"{value!r} is not one of {sorted(map(str, allowed))}")
    return value


def _optional(rebuild: _Rebuild, value: Any) -> Any:
    return None if value is None else rebuild(value)


def _union_rebuild(members: list[Any], discriminator: str) -> _Rebuild:
    """A discriminated union of models: the member whose ``discriminator`` field's one literal
    value the JSON object's names."""
    by_tag: dict[str, type[BaseModel]] = {}
    for member in members:
        (tag,) = get_args(member.model_fields[discriminator].annotation)
        by_tag[tag] = member

    def rebuild(value: Any) -> Any:
        tag = value.get(discriminator) if type(value) is dict else None
        member = by_tag.get(tag) if type(tag) is str else None  # a list or object is no tag (unhashable)
        if member is None:
            raise ValueError(f"no member of the union for {value!r:.80}")
        return rebuilt(member, value)

    return rebuild


def _text_list(value: Any) -> list[str]:
    """A list of texts (a term list's thousands: their types checked in C)."""
    if type(value) is not list or not _TEXT.issuperset(map(type, value)):
        raise ValueError(f"{value!r:.80} is not a list of texts")
    return value


_TEXT = frozenset([str])


def _rebuilt_list(each: _Rebuild, value: Any) -> list[Any]:
    if type(value) is not list:
        raise ValueError(f"{value!r:.80} is not a list")
    return [each(item) for item in value]


def _rebuilt_dict(each: _Rebuild, value: Any) -> dict[str, Any]:
    if type(value) is not dict:
        raise ValueError(f"{value!r:.80} is not an object")
    return {key: each(item) for key, item in value.items()}


# ---- models written as JSON ------------------------------------------------------------------
# ``model_dump_json`` needs the model's serializer, which pydantic builds from the core schema of
# every model the report holds (and, for the first of a run, imports ``importlib.metadata`` for its
# plugins): for a one-page check more than writing takes. :func:`dumped_json` writes the same text.


class _NotPlain(Exception):
    """A value :func:`dumped_json` leaves to pydantic's serializer."""


_PLAIN_TYPES = frozenset([str, int, bool, type(None)])
_WRITTEN: dict[type[BaseModel], tuple[str, ...] | None] = {}
"""The fields each model is written with, in order; None for a model whose JSON is not its
fields' values as they are (computed or excluded fields, aliases, serializers of its own)."""


def dumped_json(model: BaseModel) -> str:
    """``model.model_dump_json(indent=2)``, without building the model's serializer when every
    value in it is text, a whole number, a yes/no, null, a list or a model of such values whose
    fields are written as they are (Python's JSON writes those exactly as pydantic-core does:
    the same escapes, non-ASCII as it is, the same indentation). Anything else (a float,
    whose digits the two write differently, a computed field, text that is not valid Unicode, a
    field a model made by ``model_construct`` lacks) is written by pydantic, whole."""
    try:
        text = json.dumps(_plain(model), ensure_ascii=False, indent=2)
        text.encode("utf-8")  # a lone surrogate: pydantic says what is wrong
    except (_NotPlain, KeyError, UnicodeEncodeError):
        return model.model_dump_json(indent=2)
    return text


def _plain(value: Any) -> Any:
    """``value`` as the dictionaries, lists and scalars of its JSON; raises :class:`_NotPlain`."""
    kind = type(value)
    if kind in _PLAIN_TYPES:
        return value
    if kind is list or kind is tuple:
        return [_plain(item) for item in value]
    if kind is dict:
        if not all(type(key) is str for key in value):
            raise _NotPlain
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, BaseModel):
        names = _WRITTEN[kind] if kind in _WRITTEN else _written_fields(kind)
        if names is None:
            raise _NotPlain
        held = value.__dict__
        return {name: _plain(held[name]) for name in names}
    raise _NotPlain


def _written_fields(model: type[BaseModel]) -> tuple[str, ...] | None:
    """The fields ``model`` is written with, worked out once (see :data:`_WRITTEN`)."""
    decorators = model.__pydantic_decorators__
    plain = not (
        model.model_computed_fields
        or decorators.field_serializers
        or decorators.model_serializers
        or model.model_config.get("serialize_by_alias")
        or model.model_config.get("extra") == "allow"
        or any(field.exclude or field.serialization_alias for field in model.model_fields.values())
    )
    names = _WRITTEN[model] = tuple(model.model_fields) if plain else None
    return names
