"""The pydantic model of each of kravkoll's models (its *twin*), made from the model's own
declaration (:mod:`checker.modelbase`) when first needed: for validation, ``model_dump``,
``model_dump_json`` and the JSON Schemas. The twin has the model's name, module, docstring,
fields (their types with every model replaced by its twin, defaults, descriptions, aliases,
constraints) and configuration, and the validators, serializers and computed fields the model
gives it (``_twin_namespace``), so that it is what the pydantic model was before the models
became plain classes. Imported only where one of those is asked for: a one-file check imports
no pydantic.
"""

from __future__ import annotations

from types import UnionType
from typing import Annotated, Any, ForwardRef, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field

from .modelbase import FieldSpec, Model, made_of

_M = TypeVar("_M", bound=Model)

_TWINS: dict[type[Model], type[BaseModel]] = {}
_PLAIN: dict[type[BaseModel], type[Model]] = {}
_FORWARD: dict[str, Any] = {}
"""Twins named by the forward references of twins made before them (a recursive condition)."""
_MAKING: set[type[Model]] = set()


def twin_of(model: type[Model]) -> type[BaseModel]:
    """The pydantic model of ``model``, made once."""
    twin = _TWINS.get(model)
    if twin is None:
        made: list[type[BaseModel]] = []
        twin = _make(model, made)
        for each in made:  # a twin made before the one it refers to resolves it now
            if not each.__pydantic_complete__:
                each.model_rebuild(_types_namespace=_FORWARD)
    return twin


def _forward_name(model: type[Model]) -> str:
    return f"{model.__name__}__twin_{id(model)}"


def _make(model: type[Model], made: list[type[BaseModel]]) -> type[BaseModel]:
    _MAKING.add(model)
    try:
        annotations = {name: _twin_type(field.annotation, made) for name, field in model.model_fields.items()}
    finally:
        _MAKING.discard(model)
    namespace: dict[str, Any] = {
        "__module__": model.__module__,
        "__qualname__": model.__qualname__,
        "__doc__": model.__doc__,
        "__annotations__": annotations,
        "model_config": ConfigDict(**model.model_config, defer_build=True),  # type: ignore[typeddict-item]
    }
    namespace.update({name: Field(**field.pydantic_arguments()) for name, field in model.model_fields.items()})
    if model._twin_namespace is not None:
        namespace.update(model._twin_namespace())
    twin = type(BaseModel)(model.__name__, (BaseModel,), namespace)
    _TWINS[model] = twin
    _PLAIN[twin] = model
    _FORWARD[_forward_name(model)] = twin
    made.append(twin)
    return twin


def _twin_type(annotation: Any, made: list[type[BaseModel]]) -> Any:
    """``annotation`` with every model in it replaced by its twin (a model whose twin is being
    made, by a forward reference)."""
    if isinstance(annotation, type) and issubclass(annotation, Model):
        if annotation in _TWINS:
            return _TWINS[annotation]
        if annotation in _MAKING:
            return ForwardRef(_forward_name(annotation))
        return _make(annotation, made)
    origin = get_origin(annotation)
    if origin is Annotated:
        base, *extras = get_args(annotation)
        extras = [Field(**extra.pydantic_arguments()) if isinstance(extra, FieldSpec) else extra for extra in extras]
        return Annotated[(_twin_type(base, made), *extras)]  # type: ignore[return-value]
    if origin in (Union, UnionType):
        return Union[tuple(_twin_type(member, made) for member in get_args(annotation))]  # noqa: UP007 - built from a tuple
    if origin in (list, dict, tuple, set, frozenset):
        return origin[tuple(_twin_type(argument, made) for argument in get_args(annotation))]
    return annotation


def twin_value(value: Any) -> Any:
    """``value`` with every model in it as an instance of its twin, without validation (the
    same fields and fields set)."""
    kind = type(value)
    if isinstance(value, Model):
        twin = twin_of(kind)
        made = twin.__new__(twin)
        object.__setattr__(made, "__dict__", {name: twin_value(item) for name, item in value.__dict__.items()})
        object.__setattr__(made, "__pydantic_fields_set__", set(value._fields_set))
        object.__setattr__(made, "__pydantic_extra__", None)
        object.__setattr__(made, "__pydantic_private__", None)
        return made
    if kind is list:
        return [twin_value(item) for item in value]
    if kind is dict:
        return {key: twin_value(item) for key, item in value.items()}
    if kind is tuple:
        return tuple(twin_value(item) for item in value)
    return value


def plain_value(value: Any) -> Any:
    """``value`` with every twin instance in it as an instance of its model."""
    kind = type(value)
    model = _PLAIN.get(kind)
    if model is not None:
        return made_of(model, {name: plain_value(item) for name, item in value.__dict__.items()}, set(value.model_fields_set))
    if kind is list:
        return [plain_value(item) for item in value]
    if kind is dict:
        return {key: plain_value(item) for key, item in value.items()}
    if kind is tuple:
        return tuple(plain_value(item) for item in value)
    return value


def validated(model: type[_M], data: Any) -> _M:
    """``data`` (an object, or the keyword arguments of ``model(...)``) validated by the twin
    of ``model``: pydantic's errors, conversions and defaults."""
    return plain_value(twin_of(model).model_validate(twin_value(data)))


def validated_json(model: type[_M], text: str | bytes) -> _M:
    """The JSON text ``text`` validated by the twin of ``model``."""
    return plain_value(twin_of(model).model_validate_json(text))
